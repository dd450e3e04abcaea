import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { explainNumbers } from '../../server/src/core/outline/sequences';
import { analyze, applyEdits, check } from '../helpers';

const slips = (numbers: number[], start = 1) => explainNumbers(numbers, start).map((s) => `${s.index}:${s.expected}${s.shift ? '+' : ''}`);

describe('numbering explained with the fewest changes', () => {
  it('one wrong marker is one slip', () => {
    assert.deepEqual(slips([1, 2, 3, 3, 5]), ['3:4']);
    assert.deepEqual(slips([1, 2, 2, 4]), ['2:3']);
    assert.deepEqual(slips([1, 2, 3]), []);
  });
  it('a shifted block is one slip at its first item', () => {
    assert.deepEqual(slips([1, 2, 4, 5]), ['2:3+']);
    assert.deepEqual(slips([1, 2, 3, 3, 4, 5]), ['3:4+']);
    assert.deepEqual(slips([2, 3, 4]), ['0:1+']);
  });
  it('a skipped last item is a wrong marker', () => {
    assert.deepEqual(slips([1, 2, 4]), ['2:3']);
  });
  it('two independent typos are two slips', () => {
    assert.deepEqual(slips([1, 1, 3, 4, 4, 6]), ['1:2', '4:5']);
  });
  it('stays linear on a long run of one number', () => {
    const n = 20_000;
    const t = Date.now();
    assert.equal(explainNumbers(new Array(n).fill(1), 1).length, n - 1);
    assert.ok(Date.now() - t < 5000);
  });
});

describe('numbering rules on the typo shapes', () => {
  const lines = ['一、主要工作', '（一）完善制度', '（二）规范程序', '（三）强化监督', '（三）加强宣传', '（四）优化服务', '二、下一步安排'];
  it('(三)(三)(四): one finding at the second (三), and its fix renumbers the tail', () => {
    const text = lines.join('\n');
    const findings = check(text, { only: ['numbering-gap', 'numbering-duplicate'] });
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.ruleId, 'numbering-duplicate');
    assert.equal(f.range.start.line, 4);
    assert.match(f.message, /应为“（四）”/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.deepEqual(fixed.split('\n').slice(1, 6).map((l) => l.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）', '（五）']);
  });
  it('一、二、四、: one finding at 四、', () => {
    const findings = check(['一、甲', '内容。', '二、乙', '内容。', '四、丙', '内容。'].join('\n'), { only: ['numbering-gap', 'numbering-duplicate'] });
    assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line}`), ['numbering-gap@4']);
  });
  it('一是…二是…二是…四是: one finding at the second 二是', () => {
    const text = '今年重点抓好四项工作：一是稳就业；二是保民生；二是促发展；四是防风险。';
    const findings = check(text, { only: ['enumeration-gap'] });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.character, text.lastIndexOf('二是'));
    assert.match(applyEdits(text, findings[0].fixes![0].edits), /三是促发展/);
  });
});

describe('blocks that are not headings', () => {
  it('a table of contents: entries are not headings, the body headings are', () => {
    const a = analyze(['某局2024年度统计年报', '目录', '第一部分 数据表', '一、许可情况统计表', '二、处罚情况统计表', '第二部分 总体情况', '第一部分 数据表', '一、许可情况', '全年受理申请八十件。'].join('\n'));
    assert.deepEqual(a.outline.toc?.entries, [2, 3, 4, 5]);
    assert.deepEqual(a.outline.headings.map((h) => h.line), [6, 7]);
  });

  it('a table of contents without its 目录 line, recognised by the repeated first entry', () => {
    const a = analyze(['某局2024年度统计年报', '第一部分 数据表', '一、许可情况统计表', '二、处罚情况统计表', '第二部分 总体情况', '第一部分', '数据表正文如下。'].join('\n'));
    assert.deepEqual(a.outline.toc?.entries, [1, 2, 3, 4]);
    assert.deepEqual(a.outline.headings.map((h) => h.line), [5]);
  });

  it('填报说明 lists under two tables: their items are notes, not headings', () => {
    const a = analyze(['一、情况', '表1 许可', '事项 | 数量 |', '许可 | 3 |', '填报说明：', '1.数据截至年底。', '2.含延续。', '表2 处罚', '事项 | 数量 |', '处罚 | 5 |', '说明：', '1.以决定书为准。', '二、问题', '时效不足。'].join('\n'));
    assert.deepEqual(a.outline.noteLists.map((n) => n.items), [[5, 6], [11]]);
    assert.deepEqual(a.outline.headings.map((h) => h.marker), ['一、', '二、']);
  });

  it('numbered lines that restart at 1 inside one run are notes (the 说明 lines were lost)', () => {
    const a = analyze(['某局统计年报', '1.许可数量按决定书统计。', '2.延续计入许可。', '1.处罚数量按决定书统计。', '2.罚没金额单位为万元。', '3.不含简易程序。'].join('\n'));
    assert.equal(a.outline.headings.length, 0);
  });

  it('an item list 一、…十、 after a colon-ended lead-in inside 三、 is not a run of headings', () => {
    const items = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => `${n}、办好第${n}件实事。`);
    const a = analyze(['一、回顾', '内容。', '二、任务', '内容。', '三、民生', '今年办好十件民生实事：', ...items, '四、自身建设', '内容。'].join('\n'));
    assert.deepEqual(a.outline.sections.map((s) => s.heading.marker), ['一、', '二、', '三、', '四、']);
    assert.equal(a.outline.itemLists.length, 1);
    assert.equal(a.outline.itemLists[0].items.length, 10);
    assert.equal(a.outline.itemLists[0].leadLine, 5);
  });

  it('an item list without a count word ends where the running sequence resumes', () => {
    const a = analyze(['一、甲', '内容。', '二、乙', '主要做法如下：', '一、建机制。', '二、强队伍。', '三、丙', '内容。'].join('\n'));
    assert.deepEqual(a.outline.sections.map((s) => `${s.heading.line}`), ['0', '2', '6']);
  });

  it('headings after 附件 start a numbering of their own', () => {
    const text = ['一、甲', '内容。', '二、乙', '内容。', '附件1', '十件实事', '一、就业。', '二、教育。'].join('\n');
    const a = analyze(text);
    assert.deepEqual(a.outline.appendices.map((x) => x.line), [4]);
    assert.deepEqual(a.outline.headings.map((h) => h.appendix ?? 0), [0, 0, 1, 1]);
    assert.equal(check(text, { only: ['numbering-gap', 'numbering-duplicate'] }).length, 0);
  });

  it('a marker followed by digits is a marker where the sequence expects it, not elsewhere', () => {
    const a = analyze(['名词解释', '1.甲：说明。', '2.乙：说明。', '3.2025年重点工程：说明。', '4.15分钟生活圈：说明。', '5.丙：说明。'].join('\n'));
    assert.deepEqual(a.outline.headings.map((h) => h.number), [1, 2, 3, 4, 5]);
    const b = analyze(['一、成效', '1.工作：说明。', '3.5亿元投入民生领域。'].join('\n'));
    assert.deepEqual(b.outline.headings.map((h) => h.marker), ['一、', '1.']);
  });

  it('a marker broken over two lines is one heading with its marker from the first line', () => {
    const text = ['一、成效', '（一）甲', '内容。', '（', '二）乙', '内容。', '（三）丙'].join('\n');
    const a = analyze(text);
    const h = a.outline.headings.find((x) => x.number === 2 && x.style === 'cn-paren')!;
    assert.equal(h.line, 4);
    assert.equal(h.brokenFrom?.line, 3);
    assert.equal(a.doc.positionAt(h.markerRange.start).line, 3);
    const f = check(text, { only: ['numbering-style', 'numbering-gap'] });
    assert.deepEqual(f.map((x) => `${x.ruleId}@${x.range.start.line}`), ['numbering-style@3']);
    assert.equal(applyEdits(text, f[0].fixes![0].edits).split('\n')[3], '（二）乙');
  });
});
