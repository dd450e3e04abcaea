import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { Analysis } from '../../server/src/core/analysis';
import { defaultConfig } from '../../server/src/core/config/config';
import { activeProfile } from '../../server/src/core/profiles/detect';
import { ALL_RULES } from '../../server/src/core/rules';
import type { RuleContext } from '../../server/src/core/rules/types';
import { check, FIXTURES } from '../helpers';

/**
 * checkDocument does not call a rule marked `profileOnly` when no profile applies (its check would
 * return at once). Each such rule, called directly on every rule fixture no profile fits, reports
 * nothing; on the fixtures a profile fits it still runs.
 */
function fixtureTexts(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const dir = path.join(FIXTURES, 'rules');
  for (const rule of fs.readdirSync(dir).sort()) {
    for (const f of fs.readdirSync(path.join(dir, rule)).sort()) {
      if (/\.(txt|md)$/.test(f)) out.push({ file: `${rule}/${f}`, text: fs.readFileSync(path.join(dir, rule, f), 'utf8') });
    }
  }
  return out;
}

describe('profile-only rules', () => {
  const profileOnly = ALL_RULES.filter((r) => r.meta.profileOnly);
  const texts = fixtureTexts();

  it('report nothing when no profile applies (called directly)', () => {
    assert.ok(profileOnly.length >= 5);
    const config = defaultConfig();
    let without = 0;
    for (const { file, text } of texts) {
      const analysis = Analysis.fromText(text, { uri: `file:///fixtures/${file}` });
      if (activeProfile(analysis, config)) continue;
      without++;
      for (const rule of profileOnly) {
        const ctx: RuleContext = {
          analysis,
          doc: analysis.doc,
          outline: analysis.outline,
          locale: 'zh-cn',
          config,
          severity: rule.meta.defaultSeverity,
          t: (key) => key,
          report: () => assert.fail(`${rule.meta.id} reported on ${file} without a profile`),
        };
        rule.check(ctx);
      }
    }
    assert.ok(without > 20, `only ${without} fixtures without a profile`);
  });

  it('still run when a profile applies', () => {
    // Each rule's positive fixtures are reported through checkDocument (rule-fixtures); here: some
    // profile-only rule reports on a fixture a profile fits.
    const config = defaultConfig();
    let reported = 0;
    for (const { file, text } of texts) {
      const analysis = Analysis.fromText(text, { uri: `file:///fixtures/${file}` });
      if (!activeProfile(analysis, config)) continue;
      const ids = new Set(profileOnly.map((r) => r.meta.id));
      reported += check(text, { forceReport: true, uri: `file:///fixtures/${file}` }).filter((f) => ids.has(f.ruleId)).length;
    }
    assert.ok(reported > 0);
  });
});
