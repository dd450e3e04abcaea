/**
 * HTML comments come from the Markdown parser's token stream (core/document/markdown.ts), not a
 * regex over the text: the suppression directives `<!-- reportlint-disable … -->` act only where
 * Markdown has a comment, and every comment shape Markdown has is read.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { markdownComments } from '../../server/src/core/document/markdown';
import { check } from '../helpers';

/** A made-up report with two heading gaps (一 → 三, then 三 → 五), around `middle`. */
function report(middle: string[]): string {
  return ['# 某镇关于2023年度依法行政情况的报告', '', ...middle, '## 一、甲', '## 三、丙', '## 五、戊', ''].join('\n');
}

const gapLines = (md: string) => check(md, { only: ['numbering-gap'], forceReport: true, uri: 'file:///t/r.md' }).map((f) => f.range.start.line);

describe('Markdown HTML comments through the parser', () => {
  it('a directive on its own line silences the rule below it (the baseline)', () => {
    assert.equal(gapLines(report([])).length, 2);
    assert.deepEqual(gapLines(report(['<!-- reportlint-disable numbering-gap -->', ''])), []);
  });

  it('a directive inside a code fence is not a comment', () => {
    const md = report(['```html', '<!-- reportlint-disable numbering-gap -->', '```', '']);
    assert.deepEqual(markdownComments(md), []);
    assert.equal(gapLines(md).length, 2);
    // The other fence character and a longer fence too.
    const tilde = report(['~~~~', '<!-- reportlint-disable -->', '```', '~~~~', '']);
    assert.deepEqual(markdownComments(tilde), []);
    assert.equal(gapLines(tilde).length, 2);
  });

  it('`<!--` inside inline code is not a comment', () => {
    const md = report(['写法示例：`<!-- reportlint-disable numbering-gap -->` 可关闭规则。', '']);
    assert.deepEqual(markdownComments(md), []);
    assert.equal(gapLines(md).length, 2);
  });

  it('a comment over several lines is one comment, starting on its first line', () => {
    const md = report(['<!--', '  reportlint-disable', '  numbering-gap', '-->', '']);
    assert.deepEqual(
      markdownComments(md).map((c) => [c.line, c.body.trim().split(/\s+/).join(' ')]),
      [[2, 'reportlint-disable numbering-gap']],
    );
    assert.deepEqual(gapLines(md), []);
  });

  it('an inline comment in a paragraph counts, on the line it is written', () => {
    const md = report(['本报告按年度编写，', '以下各节 <!-- reportlint-disable numbering-gap --> 编号沿用原稿。', '']);
    assert.deepEqual(markdownComments(md).map((c) => c.line), [3]);
    assert.deepEqual(gapLines(md), []);
  });

  it('an inline comment after a code span that runs over two lines is on its own line', () => {
    const md = report(['示例 `代码', '跨行` 之后，', '下一行 <!-- reportlint-disable numbering-gap --> 说明。', '']);
    assert.deepEqual(markdownComments(md).map((c) => c.line), [4]);
    assert.deepEqual(gapLines(md), []);
    // A backslash-escaped `<` opens no comment.
    assert.deepEqual(markdownComments(report(['说明 \\<!-- reportlint-disable --> 文字。', ''])), []);
  });

  it('disable and enable between headings, as before', () => {
    const md = ['# 某镇关于2023年度依法行政情况的报告', '', '<!-- reportlint-disable numbering-gap -->', '## 一、甲', '## 三、丙', '<!-- reportlint-enable numbering-gap -->', '## 五、戊', ''].join('\n');
    assert.deepEqual(gapLines(md), [6]);
  });

  it('an indented comment is still a comment (indented text is a paragraph, not code, in reports)', () => {
    const md = report(['    <!-- reportlint-disable numbering-gap -->', '']);
    assert.deepEqual(gapLines(md), []);
  });

  it('a comment that never closes, or in front matter, is not a comment', () => {
    assert.equal(gapLines(report(['<!-- reportlint-disable numbering-gap', ''])).length, 2);
    const fm = ['---', 'note: <!-- reportlint-disable -->', '---', ...report([]).split('\n')].join('\n');
    assert.deepEqual(markdownComments(fm), []);
    assert.equal(gapLines(fm).length, 2);
  });
});
