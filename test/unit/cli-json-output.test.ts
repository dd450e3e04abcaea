import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config';
import { checkOneFile } from '../../server/src/cli/check-file';
import { formatJson, jsonPart, stringifiedPart, fileResult, type ReportedFinding } from '../../server/src/cli/format';
import type { Locale } from '../../server/src/core/types';
import { FIXTURES, HAVE_SEEDS, SEEDS_DIR } from '../helpers';

/** Every .txt / .md file under `dir`, recursively. */
function textFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...textFiles(p));
    else if (/\.(txt|md)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

describe('cli: the hand-written json output', () => {
  it('prints every file of the fixtures, seeds and corpus exactly as JSON.stringify(…, null, 2) does', () => {
    const fixtures = textFiles(FIXTURES);
    const shared = HAVE_SEEDS ? [...textFiles(SEEDS_DIR), ...textFiles(path.join(path.dirname(SEEDS_DIR), 'corpus'))] : [];
    assert.ok(fixtures.length > 50, `found only ${fixtures.length} fixtures`);
    let findings = 0;
    // Both locales on the fixtures; the seeds and corpus (large) in the default one.
    for (const [locale, files] of [['zh-cn', [...fixtures, ...shared]], ['en', fixtures]] as [Locale, string[]][]) {
      for (const file of files) {
        const r = checkOneFile({ text: fs.readFileSync(file, 'utf8'), displayPath: file }, defaultConfig(), [], locale, true);
        const list = r.findings ?? [];
        findings += list.length;
        assert.equal(jsonPart(r.path, list), stringifiedPart(r, list), file);
      }
    }
    assert.ok(findings > 500, `only ${findings} findings`);
  });

  it('leaves findings that are not what their type says to JSON.stringify', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } };
    const odd = [
      { ruleId: 'x', severity: 'error', message: undefined, range },
      { ruleId: 'x', severity: 'error', message: 'm', range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: Number.NaN } } },
    ] as unknown as ReportedFinding[];
    for (const f of odd) {
      assert.equal(jsonPart('a.txt', [f]), null);
      const whole = JSON.stringify({ files: [{ path: 'a.txt', diagnostics: [f] }] }, null, 2);
      assert.equal(formatJson([fileResult('a.txt', [f])]), whole);
    }
  });
});
