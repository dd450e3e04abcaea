import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/core/rules';
import { check, FIXTURES } from '../helpers';

/**
 * Per-rule fixtures: test/fixtures/rules/<rule-id>/<case>.txt|.md with a sidecar
 * <case>.expect listing the expected findings of that rule, one per line, as
 * `line:column rule-id` (1-based, like the CLI's text output). `#` starts a comment.
 * An .expect with no entries means the rule must stay silent on that text.
 */
const RULES_DIR = path.join(FIXTURES, 'rules');

function parseExpect(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .sort();
}

describe('rule fixtures', () => {
  for (const rule of ALL_RULES) {
    const dir = path.join(RULES_DIR, rule.meta.id);
    it(`${rule.meta.id} has fixtures`, () => {
      assert.ok(fs.existsSync(dir), `missing fixture folder test/fixtures/rules/${rule.meta.id}`);
      const cases = fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));
      assert.ok(cases.length >= 2, `${rule.meta.id} needs at least one positive and one negative fixture`);
      const positives = cases.filter((c) => parseExpect(fs.readFileSync(path.join(dir, c.replace(/\.(txt|md)$/, '.expect')), 'utf8')).length > 0);
      assert.ok(positives.length >= 1 && positives.length < cases.length, `${rule.meta.id} needs positive and negative fixtures`);
    });
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort()) {
      it(`${rule.meta.id}/${file}`, () => {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const expectFile = path.join(dir, file.replace(/\.(txt|md)$/, '.expect'));
        assert.ok(fs.existsSync(expectFile), `missing ${path.basename(expectFile)}`);
        const expected = parseExpect(fs.readFileSync(expectFile, 'utf8'));
        const findings = check(text, { only: [rule.meta.id], forceReport: true, uri: `file:///fixtures/${file}` });
        const actual = findings
          .filter((f) => f.ruleId === rule.meta.id)
          .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`)
          .sort();
        assert.deepEqual(actual, expected, findings.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('\n'));
      });
    }
  }
});
