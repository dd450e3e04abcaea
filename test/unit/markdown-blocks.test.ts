import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { findTables } from '../../server/src/core/document/blocks/tables';
import { ReportDocument } from '../../server/src/core/document/document';
import { markdownBlocks } from '../../server/src/core/document/markdown';
import { protectedRegions } from '../../server/src/core/document/punctuation';
import { analyze, check } from '../helpers';

/** A fence whose content holds the other fence character and lines that look like headings, a table and ASCII commas. */
const FENCED = [
  '# 关于2024年度工作情况的报告',
  '',
  '一、基本情况',
  '',
  '全年办理案件12件，办结10件。',
  '',
  '```text',
  '~~~',
  '二、这一行在代码块里',
  '| 项目 | 数量 |',
  '| --- | --- |',
  '| 案件 | 3 |',
  '半角标点,在代码块里,不算',
  '~~~',
  '```',
  '',
  '二、下一步工作',
  '',
  '继续做好各项工作。',
].join('\n');

/** A report whose writer commented out a section (heading, figures) while drafting. */
const COMMENTED = [
  '# 关于2024年度工作情况的报告',
  '',
  '一、基本情况',
  '',
  '全年办理案件12件，办结10件。',
  '',
  '<!--',
  '二、旧稿中的一节',
  '受理复议案件20件，审结18件，审结率95%。',
  '一、重复的编号',
  '-->',
  '',
  '二、下一步工作',
  '',
  '继续做好各项工作。',
].join('\n');

describe('Markdown blocks (one parser for fences, comment blocks and front matter)', () => {
  it('a ``` fence containing ~~~ lines is one block, delimiters included', () => {
    const b = markdownBlocks(FENCED);
    assert.deepEqual(b.hiddenBlocks, [{ startLine: 6, endLine: 14, kind: 'fence' }]);
    assert.deepEqual([...b.hidden.keys()].filter((i) => b.hidden[i]), [6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.equal(b.frontMatterEnd, -1);
  });

  it('a closing fence must be as long as the opening one; an unclosed fence runs to the end', () => {
    const b = markdownBlocks('甲\n````\n```\n一、不是标题\n````\n乙\n~~~\n丙');
    assert.deepEqual(b.hiddenBlocks, [{ startLine: 1, endLine: 4, kind: 'fence' }, { startLine: 6, endLine: 7, kind: 'fence' }]);
  });

  it('front matter ends at --- or ..., and keeps the line numbers of what follows', () => {
    const b = markdownBlocks('---\ntitle: 报告\n...\n```\n代码\n```\n正文\n');
    assert.equal(b.frontMatterEnd, 2);
    assert.deepEqual(b.hiddenBlocks, [{ startLine: 3, endLine: 5, kind: 'fence' }]);
    assert.equal(markdownBlocks('---\n正文\n').frontMatterEnd, -1, 'no closing line: no front matter');
    assert.equal(markdownBlocks('一、甲\n---\n').frontMatterEnd, -1);
  });

  it('CRLF and lone CR lines count as the document splits them', () => {
    const b = markdownBlocks('甲\r\n```\r代码\r\n```\r\n乙');
    assert.deepEqual(b.hiddenBlocks, [{ startLine: 1, endLine: 3, kind: 'fence' }]);
    assert.equal(b.hidden.length, new ReportDocument('甲\r\n```\r代码\r\n```\r\n乙').lineCount);
  });

  it('nothing inside the fence is checked: no heading, paragraph, table or punctuation count', () => {
    const a = analyze(FENCED, 'file:///t/report.md');
    assert.deepEqual(a.outline.headings.map((h) => h.line), [2, 16]);
    for (const p of a.outline.paragraphs) assert.ok(p.lastLine < 6 || p.firstLine > 14, JSON.stringify(p));
    assert.deepEqual(findTables(a.doc), []);
    const fence = { start: a.doc.lines[6].start, end: a.doc.lines[14].end };
    assert.ok(protectedRegions(FENCED, 'markdown').some((r) => r.start <= fence.start && r.end >= fence.end));
    const findings = check(FENCED, { uri: 'file:///t/report.md' });
    assert.ok(findings.every((f) => f.range.start.line < 6 || f.range.start.line > 14), JSON.stringify(findings.map((f) => [f.ruleId, f.range.start.line])));
  });

  it('a passage commented out with <!-- … --> is not report text: no heading, paragraph, table or finding in it', () => {
    const a = analyze(COMMENTED, 'file:///t/report.md');
    const b = markdownBlocks(COMMENTED);
    assert.deepEqual(b.hiddenBlocks, [{ startLine: 6, endLine: 10, kind: 'comment' }]);
    // 一、 then 二、: the commented-out 二、 and its figures are not read, so nothing is skipped or duplicated.
    assert.deepEqual(a.outline.headings.map((h) => h.line), [2, 12]);
    for (const p of a.outline.paragraphs) assert.ok(p.lastLine < 6 || p.firstLine > 10, JSON.stringify(p));
    const findings = check(COMMENTED, { uri: 'file:///t/report.md' });
    assert.deepEqual(findings.filter((f) => f.range.start.line >= 6 && f.range.start.line <= 10).map((f) => f.ruleId), []);
    assert.ok(!findings.some((f) => f.ruleId.startsWith('numbering-')), JSON.stringify(findings.map((f) => f.ruleId)));
    // The same text outside a comment is read: the check is not blind to those lines.
    const uncommented = COMMENTED.replace('<!--\n', '\n').replace('\n-->', '\n');
    assert.ok(check(uncommented, { uri: 'file:///t/report.md' }).some((f) => f.ruleId === 'numbering-duplicate' || f.ruleId === 'rate-mismatch'));
  });

  it('comments that are not a whole block stay text: text after -->, an unclosed <!--, a comment inside a line', () => {
    assert.deepEqual(markdownBlocks('甲\n<!-- 注 --> 二、仍显示的标题\n乙').hiddenBlocks, []);
    assert.deepEqual(markdownBlocks('甲\n\n<!-- 正在输入\n二、标题\n乙').hiddenBlocks, []);
    assert.deepEqual(markdownBlocks('甲<!-- 注 -->乙\n').hiddenBlocks, []);
    // Two comments in one block, and a one-line directive, are whole comments.
    assert.deepEqual(markdownBlocks('甲\n\n<!-- a -->  <!-- b -->\n\n<!-- reportlint-disable-next-line numbering-gap -->\n乙').hiddenBlocks, [
      { startLine: 2, endLine: 2, kind: 'comment' },
      { startLine: 4, endLine: 4, kind: 'comment' },
    ]);
  });

  it('the rules that scan every line say nothing about a commented-out passage; the title and the closing are found around comments', () => {
    const report = [
      '<!-- 草稿：待主要负责人审定 -->',
      '',
      '# 某县交通运输局关于2024年度法治政府建设情况的报告',
      '',
      '2024年，县交通运输局坚持依法行政。现将有关情况报告如下：',
      '',
      '一、主要举措和成效',
      '',
      '局主要负责人履行推进法治建设第一责任人职责，主持研究法治工作3次。',
      '',
      '<!--',
      '旧稿：印發(fā)实施方案',
      '浏览次数：100',
      '2024年03月05日',
      '妥否，请批示。',
      '-->',
      '',
      '二、存在的不足和原因',
      '',
      '一是培训不够，主要原因是经费不足。',
      '',
      '三、2025年工作安排',
      '',
      '继续做好各项工作。',
      '',
      '某县交通运输局',
      '',
      '2025年1月10日',
      '',
      '<!-- 待补充：数据核对 -->',
    ].join('\n');
    const a = analyze(report, 'file:///t/report.md');
    assert.equal(a.outline.title?.line, 2);
    assert.equal(a.outline.closing?.date.line, 27);
    assert.equal(a.outline.closing?.issuer?.line, 25);
    const findings = check(report, { uri: 'file:///t/report.md' });
    assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.ruleId}`), []);
    // Uncommented, the same lines are found by each of those rules: the filter is what keeps them quiet.
    const shown = report.replace('<!--\n旧稿', '\n旧稿').replace('请批示。\n-->', '请批示。\n');
    const rules = new Set(check(shown, { uri: 'file:///t/report.md' }).map((f) => f.ruleId));
    for (const id of ['pinyin-residue', 'web-boilerplate', 'date-format', 'request-in-report']) assert.ok(rules.has(id), `${id}: ${[...rules].join(', ')}`);
  });

  it('a comment block in plain text is text', () => {
    const a = analyze(COMMENTED, 'file:///t/report.txt');
    assert.ok(a.outline.headings.some((h) => h.line === 7), 'the commented-out heading counts in plain text');
  });

  it('plain text has no fences: the same lines are checked there', () => {
    const a = analyze(FENCED, 'file:///t/report.txt');
    assert.ok(a.outline.headings.some((h) => h.line === 8), 'the heading-like line counts in plain text');
  });
});
