import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { describe, it } from 'node:test';
import { statsSummary, statsToCsv, statsToMarkdown } from '../../server/src/core/figures/summary';
import { asWritten } from '../../server/src/core/document/quote';
import type { ReportDocument } from '../../server/src/core/document/document';
import { analyze, FIXTURES, readFixture, REPO_ROOT } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
const FILE = path.join(FIXTURES, 'figures', 'stats.txt');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('figures: statistics summary', () => {
  const summary = statsSummary(analyze(readFixture('figures/stats.txt')));

  it('lists every claim with inputs, computed value and verdict, and coverage like statcheck', () => {
    assert.deepEqual(
      summary.claims.map((c) => [c.kind, c.name, c.text, c.verdict]),
      [
        ['rate', '调解成功率', '97.27%', 'consistent'],
        ['rate', '审结率', '90%', 'inconsistent'],
        ['rate', '群众满意率', '98.5%', 'unverifiable'],
      ],
    );
    const rate = summary.claims[1];
    assert.deepEqual(
      rate.inputs.map((i) => [i.role, i.text, i.value]),
      [
        ['rate', '90%', 90],
        ['numerator', '96宗', 96],
        ['denominator', '120宗', 120],
      ],
    );
    assert.equal(rate.computed, 80);
    assert.deepEqual(rate.range, { start: { line: 4, character: 33 }, end: { line: 4, character: 36 } });
    assert.equal(summary.claims[0].method, 'round');
    // 512, 498, 97.27%, 120, 96, 90%, 98.5%, 2.5万多人次 (years are not figures)
    assert.deepEqual(summary.coverage, { figures: 8, claims: 3, checkable: 2, consistent: 1, inconsistent: 1, unverifiable: 1 });
  });

  it('renders a Markdown table in both languages', () => {
    const zh = statsToMarkdown(summary, 'zh-cn', 'stats.txt');
    assert.match(zh, /^# 数据核对表 — stats\.txt/);
    assert.match(zh, /\| 5 \| 比率 \| 审结率 \| 90% \| 分子 已审结 96宗；分母 本年度共办理复议案件 120宗 \| 96 ÷ 120 = 80% → 80% ≠ 90% \| ✗ 不一致 \|/);
    assert.match(zh, /识别数字 8 个；识别说法 3 条，其中可核对 2 条（一致 1，不一致 1），无法核对 1 条。/);
    const en = statsToMarkdown(summary, 'en');
    assert.match(en, /\| Line \| Kind \| Claim \|/);
    assert.match(en, /✓ consistent/);
  });

  it('writes CSV with quoting', () => {
    const csv = statsToCsv([{ path: 'a,b.txt', summary }]);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'path,line,column,kind,name,stated,inputs,computed,working,verdict,method,problem');
    assert.equal(lines.length, 4);
    assert.ok(lines[2].startsWith('"a,b.txt",5,34,rate,审结率,90%,'), lines[2]);
    assert.ok(lines[2].endsWith(',inconsistent,,mismatch'), lines[2]);
  });

  it('reportlint stats prints text, JSON and CSV', () => {
    const text = cli(['stats', FILE]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /stats\.txt:5:34 ✗ 不一致 比率 审结率 90%/);
    assert.match(text.stdout, /识别数字 8 个/);
    const json = cli(['stats', '--format', 'json', FILE]);
    assert.equal(json.code, 0, json.stderr);
    const j = JSON.parse(json.stdout);
    assert.equal(j.files.length, 1);
    assert.deepEqual(j.files[0].coverage, summary.coverage);
    assert.equal(j.files[0].claims[1].verdict, 'inconsistent');
    const csv = cli(['stats', '--format', 'csv', FILE]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^\uFEFFpath,line,column,kind/, 'a UTF-8 BOM, then the header');
    assert.equal(cli(['stats', '--format', 'sarif', FILE]).code, 2);
    assert.equal(cli(['check', '--format', 'csv', FILE]).code, 2);
    assert.equal(cli(['stats']).code, 2);
    assert.match(cli(['--help']).stdout, /reportlint stats/);
  });
});

/** asWritten as first written: a search back from `before` through the whole text. */
function asWrittenByFullSearch(doc: ReportDocument, found: string, before: number, window = 200): string {
  if (!found || doc.simplified === doc.text) return found;
  const from = Math.max(0, before - window);
  const at = doc.simplified.lastIndexOf(found, before - found.length);
  if (at < from || at < 0) return found;
  return doc.text.slice(at, at + found.length);
}

describe('quoting names as written', () => {
  it('reading only the window before the figure gives the answer of a search through the whole text', () => {
    // Traditional characters make the simplified view differ from the text; the quoted words
    // repeat far apart, sit at the very start, and do not occur at all.
    const para = '本年度審結案件120件，審結率為95%。調解成功率達到八成，其中…審結案件不計。';
    const filler = '各項工作穩步推進，群眾滿意度持續提升。'.repeat(30);
    const doc = analyze(`審結${para}\n${filler}\n${para}\n${filler}${para}`).doc;
    assert.notEqual(doc.simplified, doc.text);
    let differs = 0;
    for (const word of ['审结', '审结案件', '审结率', '…审结案件', '调解成功率', '不存在的词', '审', '']) {
      for (let before = 0; before <= doc.text.length; before += 7) {
        const expected = asWrittenByFullSearch(doc, word, before);
        assert.equal(asWritten(doc, word, before), expected, `${word} before ${before}`);
        if (expected !== word) differs++;
      }
    }
    assert.ok(differs > 0, 'some words are quoted in traditional characters');
  });
});
