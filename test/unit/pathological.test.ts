/**
 * Pathological inputs (issue 8): each case states what must happen. Every case also runs the
 * full invariant check (test/invariants.ts): the parser and every rule in ALL_RULES terminate
 * without throwing, every range lies inside the document, outline ranges nest.
 * No timing assertions: a regression to quadratic behaviour shows up as a test that never ends.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import { stripClosingHashes } from '../../server/src/core/outline/headings';
import { toDocumentSymbols } from '../../server/src/lsp/convert';
import type { Finding } from '../../server/src/core/types';
import { applyEdits } from '../helpers';
import { assertSane } from '../invariants';

const MB = 1024 * 1024;

function ofRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

function at(f: Finding): string {
  return `${f.range.start.line}:${f.range.start.character}`;
}

/** The numbering verdicts only (other rules may legitimately add their own findings). */
function numbering(findings: Finding[]): string[] {
  return findings.filter((f) => f.ruleId.startsWith('numbering-')).map((f) => `${at(f)} ${f.ruleId}`);
}

function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

describe('pathological inputs', () => {
  it('empty file: one empty line, no outline, not a report, no errors', () => {
    const { analysis, findings } = assertSane('');
    assert.equal(analysis.doc.lineCount, 1);
    assert.equal(analysis.outline.headings.length, 0);
    assert.equal(analysis.outline.looksLikeReport, false);
    assert.deepEqual(errorsOf(findings), []);
    assert.deepEqual(checkDocument(Analysis.fromText('')), [], 'an empty non-report gets no findings in auto mode');
  });

  it('whitespace only (spaces, tabs, ideographic and no-break spaces, all line breaks): no headings, no errors', () => {
    const text = ' \t\u3000\u00a0\n\r\n\r   \n\u3000\u3000\r\n';
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.doc.lineCount, 6);
    assert.equal(analysis.outline.headings.length, 0);
    assert.equal(analysis.outline.paragraphs.length, 0);
    assert.deepEqual(errorsOf(findings), []);
  });

  it('a 10 MB single line: one information finding under the default size limit; checked linearly when the limit is lifted', () => {
    const text = '一、' + '法治政府建设'.repeat(Math.ceil((10 * MB) / 6));
    assert.ok(text.length > 10 * MB);
    const a = Analysis.fromText(text, { uri: 'file:///big/report.txt' });
    const limited = checkDocument(a, { forceReport: true });
    assert.deepEqual(limited.map((f) => [f.ruleId, f.severity, at(f)]), [['document-too-large', 'info', '0:0']]);
    assert.equal(limited[0].range.end.line, 0);
    assert.match(limited[0].message, /10\.0 MB/);
    assert.match(limited[0].message, /4\.0 MB/);
    // With the limit lifted every rule runs; 1 MB of the same line keeps the suite fast (linear).
    const { analysis, findings } = assertSane(text.slice(0, MB), 'file:///big/report.txt');
    assert.equal(analysis.outline.headings.length, 1);
    assert.deepEqual(numbering(findings), []);
  });

  it('the size limit is configurable (config maxFileSize / setting reportlint.maxFileSize)', () => {
    const text = '一、甲\n三、丙\n' + '正文'.repeat(1000);
    const small = mergeConfig(defaultConfig(), { maxFileSize: 1024 });
    const f = checkDocument(Analysis.fromText(text), { config: small, forceReport: true });
    assert.deepEqual(f.map((x) => x.ruleId), ['document-too-large']);
    const big = checkDocument(Analysis.fromText(text), { forceReport: true });
    assert.deepEqual(numbering(big), ['1:0 numbering-gap']);
  });

  it('100,000 headings: every duplicate is found and they share one renumber fix (no quadratic blow-up)', () => {
    const n = 100_000;
    const text = Array.from({ length: n }, (_, i) => `（一）第${i}项工作`).join('\n');
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.outline.headings.length, n);
    const dups = ofRule(findings, 'numbering-duplicate');
    assert.equal(dups.length, n - 1);
    const fixes = new Set(dups.map((f) => f.fixes?.[0]));
    assert.equal(fixes.size, 1, 'one shared fix object for the whole sequence');
    assert.equal([...fixes][0]!.edits.length, n - 1);
  });

  it('20,000 Markdown headings with closing #s and long runs of spaces: a flat, sane outline', () => {
    const n = 20_000;
    const text = Array.from({ length: n }, (_, i) => `## 标题${i}` + ' '.repeat(i % 50) + '##').join('\n');
    const { analysis } = assertSane(text, 'file:///big/notes.md');
    assert.equal(analysis.outline.sections.length, n);
    assert.equal(analysis.outline.headings[7].title, '标题7');
  });

  it('a Markdown heading with 200,000 spaces before a false closing # (was quadratic regex backtracking)', () => {
    const text = '# 标题' + ' '.repeat(200_000) + '#' + ' 尾';
    const { analysis } = assertSane(text, 'file:///big/notes.md');
    assert.equal(analysis.outline.title?.text, text.slice(2));
    assert.equal(stripClosingHashes('标题 ##  '), '标题');
    assert.equal(stripClosingHashes('标题#'), '标题#');
    assert.equal(stripClosingHashes('## '), '');
  });

  it('NUL bytes: lines still split, headings still found, ranges still right', () => {
    const text = '一、甲\u0000乙\n\u0000\n三、丙\u0000\n';
    const { findings } = assertSane(text);
    assert.deepEqual(numbering(findings), ['2:0 numbering-gap']);
  });

  it('lone surrogates (high and low, in titles and alone): no crash, numbering still checked', () => {
    const text = '一、甲\ud800\n\udc00\n二、乙\udbff\udbff\n四、丁\udfff';
    const { findings } = assertSane(text);
    assert.deepEqual(numbering(findings), ['3:0 numbering-gap']);
    assertSane('\ud800'.repeat(1000) + '\n' + '\udc00'.repeat(1000));
  });

  it('mixed CRLF, LF and CR: positions count every style as one break, and the fix keeps each break', () => {
    const text = '一、甲\r\n二、乙\r四、丁\n五、戊';
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.doc.lineCount, 4);
    const gaps = ofRule(findings, 'numbering-gap');
    assert.deepEqual(gaps.map(at), ['2:0']);
    assert.equal(applyEdits(text, gaps[0].fixes![0].edits), '一、甲\r\n二、乙\r三、丁\n四、戊');
  });

  it('a BOM in the middle of the text: a heading after it is still recognised, columns count the BOM', () => {
    const text = '\ufeff一、甲\n\ufeff三、丙';
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.outline.headings.length, 2);
    assert.deepEqual(ofRule(findings, 'numbering-gap').map((f) => [at(f), f.range.end.character]), [['1:1', 3]]);
  });

  it('emoji (surrogate pairs, ZWJ sequences, skin tones) and combining marks: UTF-16 columns, fixes leave them intact', () => {
    const text = '一、甲👍🏽\n二、e\u0301乙\n四、👨‍👩‍👧丁\n（一）\u0301组合符';
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.outline.headings[2].title, '👨‍👩‍👧丁');
    const gaps = ofRule(findings, 'numbering-gap');
    assert.deepEqual(gaps.map(at), ['2:0']);
    assert.equal(applyEdits(text, gaps[0].fixes![0].edits), text.replace('四、', '三、'));
  });

  it('RTL/LTR marks and bidi controls before and inside headings: still headings, columns after the marks', () => {
    const text = '\u200f一、甲\u200f\n\u202b二、乙\u202c\n\u200e\u2067四、丙\u2069';
    const { analysis, findings } = assertSane(text);
    assert.equal(analysis.outline.headings.length, 3);
    assert.deepEqual(ofRule(findings, 'numbering-gap').map((f) => [at(f), f.range.end.character]), [['2:2', 4]]);
  });

  it('a heading marker alone on a line: a heading with an empty title and a non-empty symbol name', () => {
    const text = '一、\n（一）\n1.\n（1）\n二、';
    const { analysis, findings } = assertSane(text);
    assert.deepEqual(analysis.outline.headings.map((h) => [h.marker, h.title]), [['一、', ''], ['（一）', ''], ['1.', ''], ['（1）', ''], ['二、', '']]);
    assert.deepEqual(numbering(findings), []);
    const md = assertSane('#\n##\n# #\n## 一、\n', 'file:///x/notes.md');
    const names = (s: ReturnType<typeof toDocumentSymbols>): string[] => s.flatMap((x) => [x.name, ...names(x.children ?? [])]);
    for (const a of [analysis, md.analysis]) {
      for (const name of names(toDocumentSymbols(a))) assert.ok(name.trim().length > 0, 'LSP requires non-empty symbol names');
    }
  });

  it('numbers with 400 digits: not heading numbers, no Infinity or NaN in any message', () => {
    const d = '9'.repeat(400);
    const text = [`${d}.标题`, `（${d}）标题`, `第${d}部分`, `共办理${d}件，同比增长${d}%，占${d}.${d}%。`, `${d}年${d}月${d}日`].join('\n');
    const { analysis } = assertSane(text);
    assert.equal(analysis.outline.headings.length, 0);
  });

  it('10,000 percent signs in a row (half- and full-width): no crash, no blow-up', () => {
    assertSane('%'.repeat(10_000));
    assertSane('增长' + '％'.repeat(10_000) + '。' + '5%'.repeat(10_000));
  });

  it('long runs that stress every heading and enumeration pattern stay linear', () => {
    for (const text of [
      '一' + ' '.repeat(100_000) + '、',
      '(' + '\u3000'.repeat(100_000) + '一',
      '一、' + ':'.repeat(100_000),
      '一、' + '： '.repeat(100_000),
      '一是'.repeat(50_000),
      '，第一'.repeat(50_000),
      '2024' + ' '.repeat(100_000) + '年',
      '报告' + ' '.repeat(100_000) + '。',
    ]) {
      assertSane(text);
    }
  });
});
