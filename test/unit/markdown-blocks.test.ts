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

describe('Markdown blocks (one parser for fences and front matter)', () => {
  it('a ``` fence containing ~~~ lines is one block, delimiters included', () => {
    const b = markdownBlocks(FENCED);
    assert.deepEqual(b.fences, [{ startLine: 6, endLine: 14 }]);
    assert.deepEqual([...b.fenced.keys()].filter((i) => b.fenced[i]), [6, 7, 8, 9, 10, 11, 12, 13, 14]);
    assert.equal(b.frontMatterEnd, -1);
  });

  it('a closing fence must be as long as the opening one; an unclosed fence runs to the end', () => {
    const b = markdownBlocks('甲\n````\n```\n一、不是标题\n````\n乙\n~~~\n丙');
    assert.deepEqual(b.fences, [{ startLine: 1, endLine: 4 }, { startLine: 6, endLine: 7 }]);
  });

  it('front matter ends at --- or ..., and keeps the line numbers of what follows', () => {
    const b = markdownBlocks('---\ntitle: 报告\n...\n```\n代码\n```\n正文\n');
    assert.equal(b.frontMatterEnd, 2);
    assert.deepEqual(b.fences, [{ startLine: 3, endLine: 5 }]);
    assert.equal(markdownBlocks('---\n正文\n').frontMatterEnd, -1, 'no closing line: no front matter');
    assert.equal(markdownBlocks('一、甲\n---\n').frontMatterEnd, -1);
  });

  it('CRLF and lone CR lines count as the document splits them', () => {
    const b = markdownBlocks('甲\r\n```\r代码\r\n```\r\n乙');
    assert.deepEqual(b.fences, [{ startLine: 1, endLine: 3 }]);
    assert.equal(b.fenced.length, new ReportDocument('甲\r\n```\r代码\r\n```\r\n乙').lineCount);
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

  it('plain text has no fences: the same lines are checked there', () => {
    const a = analyze(FENCED, 'file:///t/report.txt');
    assert.ok(a.outline.headings.some((h) => h.line === 8), 'the heading-like line counts in plain text');
  });
});
