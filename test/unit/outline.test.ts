import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { outlineToJson } from '../../server/src/core/outline/serialize';
import type { SectionJson } from '../../server/src/core/outline/serialize';
import { analyze, readFixture } from '../helpers';

function titles(sections: SectionJson[]): string[] {
  return sections.map((s) => `${s.marker}${s.title}`);
}

describe('outline: heading hierarchy', () => {
  it('parses title, levels 1–3 restarting under each parent, and the closing block', () => {
    const a = analyze(readFixture('outline/restart.txt'));
    const o = a.outline;
    assert.equal(o.title?.text, '某县司法局关于2024年度法治政府建设情况的报告');
    assert.deepEqual(o.sections.map((s) => s.heading.title), ['主要举措和成效', '存在的不足和原因', '2025年工作安排']);
    const first = o.sections[0];
    assert.deepEqual(first.children.map((s) => s.heading.marker), ['（一）', '（二）']);
    assert.deepEqual(first.children[0].children.map((s) => s.heading.title), ['健全工作机制', '压实主体责任']);
    assert.deepEqual(first.children[1].children.map((s) => s.heading.number), [1, 2, 3]);
    assert.equal(first.children[1].children[0].heading.marker, '1．');
    assert.equal(o.closing?.issuer?.text, '某县司法局');
    assert.equal(o.closing?.date.text, '2025年1月20日');
    assert.equal(o.looksLikeReport, true);
  });

  it('builds the right tree when level-3 numbers run on across parents', () => {
    const a = analyze(readFixture('outline/continuous.txt'));
    const [one] = a.outline.sections;
    assert.deepEqual(one.children.map((c) => c.children.map((g) => g.heading.number)), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(titles(outlineToJson(a, 'x').sections[2].children), ['(一)继续加强学习', '(二)继续优化服务']);
  });

  it('ends a run-in title at the first 。 or at a colon followed by body text', () => {
    const a = analyze(readFixture('outline/runin.txt'));
    const subs = a.outline.sections[0].children;
    assert.deepEqual(subs.map((s) => s.heading.title), ['坚持党建统领,法治建设扎实有力', '完善制度体系', '推进政务公开']);
    assert.notEqual(subs[0].heading.bodyStart, null);
    assert.equal(subs[2].heading.bodyStart, null);
    // The body after the heading is a paragraph with its own inline enumeration.
    const runIn = a.outline.paragraphs.filter((p) => p.runIn);
    assert.equal(runIn.length, 2);
    const en = a.outline.enumerations.find((e) => e.style === 'shi');
    assert.deepEqual(en?.items.map((i) => i.text), ['一是', '二是', '三是']);
  });

  it('recognises 第一部分 parts, (1) items and CRLF line breaks', () => {
    const a = analyze(readFixture('outline/parts-crlf.txt'));
    const j = outlineToJson(a, 'x');
    assert.deepEqual(titles(j.sections), ['第一部分总体情况', '第二部分存在问题']);
    assert.equal(j.sections[0].level, 0);
    assert.deepEqual(titles(j.sections[0].children[0].children), ['(1)收案情况', '(2)结案情况']);
    assert.equal(j.sections[0].children[0].children[0].level, 4);
    // Ranges never include the CR of a CRLF.
    assert.equal(j.sections[0].range.start.line, 0);
    assert.equal(a.doc.lines[0].text, '第一部分 总体情况');
  });

  it('reads Markdown headings, keeps Chinese markers, skips fenced code', () => {
    const a = analyze(readFixture('outline/markdown.md'), 'file:///r/report.md');
    const o = a.outline;
    assert.equal(o.title?.text, '某镇人民政府关于2024年度法治政府建设情况的报告');
    assert.deepEqual(o.sections.map((s) => s.heading.marker), ['一、', '二、', '三、']);
    assert.equal(o.sections[0].heading.markdownLevel, 2);
    assert.deepEqual(o.sections[0].children.map((s) => s.heading.title), ['加强领导', '规范执法']);
    assert.ok(!o.headings.some((h) => h.title.includes('代码块')));
    // Two consecutive lines form one Markdown paragraph.
    const p = o.paragraphs.find((x) => a.doc.slice(x.range).startsWith('正文段落'));
    assert.ok(p && p.lastLine === p.firstLine + 1);
  });

  it('parses traditional script like simplified', () => {
    const a = analyze(readFixture('outline/traditional.txt'));
    const o = a.outline;
    assert.ok(a.doc.isTraditional);
    assert.equal(o.title?.text, '某區人民政府關於2023年度法治政府建設情況的報告');
    assert.deepEqual(o.sections.map((s) => s.heading.marker), ['一、', '二、']);
    assert.equal(o.sections[0].children[1].heading.title, '建立考核機制');
    assert.equal(o.looksLikeReport, true);
    assert.deepEqual(o.enumerations[0].items.map((i) => i.ordinal), [1, 2]);
  });

  it('handles empty and whitespace-only documents', () => {
    for (const text of ['', '   \n\t\n\u3000', '\r\n\r\n']) {
      const a = analyze(text);
      assert.deepEqual(a.outline.sections, []);
      assert.equal(a.outline.title, null);
      assert.equal(a.outline.looksLikeReport, false);
    }
  });

  it('does not take numbers, years or prose for headings', () => {
    const a = analyze('1.5万人参加培训。\n2024.3.1召开会议\n一是加强学习\n12345热线全年受理\n(2024)年度\n');
    assert.deepEqual(a.outline.headings, []);
  });

  it('accepts Chinese numerals up to 九十九 and the wrong forms 一. 1、 （一）、', () => {
    const lines = ['九十九、最后一节', '二十一、第二十一节', '一.错误标点', '（三）、多余顿号', '1、错误顿号'];
    const a = analyze(lines.join('\n'));
    const hs = a.outline.headings;
    assert.deepEqual(hs.map((h) => h.number), [99, 21, 1, 3, 1]);
    assert.equal(hs[2].punct, '.');
    assert.equal(hs[3].trailingPunct, '、');
    assert.equal(hs[4].punct, '、');
    assert.equal(hs[4].level, 3);
  });
});

describe('outline: positions are LSP positions (UTF-16)', () => {
  it('reports columns in UTF-16 code units, with astral characters counting two', () => {
    const text = '𠀀𠀀报告说明\n（一）标题';
    const a = analyze(text);
    const h = a.outline.headings[0];
    const r = a.doc.rangeOfOffsets(h.titleRange);
    assert.deepEqual(r, { start: { line: 1, character: 3 }, end: { line: 1, character: 5 } });
    assert.deepEqual(a.doc.positionAt(4), { line: 0, character: 4 });
    assert.equal(a.doc.offsetAt({ line: 1, character: 0 }), text.indexOf('（'));
  });
});

describe('outline: not a report', () => {
  it('flags a news-style article and keeps its question headings', () => {
    const text = ['政务新闻', '', '来源:本网', '浏览次数:-', '', '  近日,某市在考评中获得第二名。', '', '  如何凝聚“法治合力”?', '', '  坚持党的领导,全面出击。'].join('\n');
    const a = analyze(text);
    assert.equal(a.outline.looksLikeReport, false);
    assert.deepEqual(a.outline.headings.map((h) => h.title), ['如何凝聚“法治合力”?']);
  });
});
