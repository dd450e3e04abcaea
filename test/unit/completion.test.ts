import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { markerCompletions } from '../../server/src/core/features/completion';
import { hoverAt } from '../../server/src/core/features/hover';
import '../../server/src/core/features/heading-hover';
import { analyze, readFixture } from '../helpers';
import { Analysis } from '../../server/src/core/analysis';
import { completionsAt } from '../../server/src/core/features/completion';
import { getProfile, DEFAULT_PROFILE_ID } from '../../server/src/core/profiles/registry';
import { checkDocument } from '../../server/src/core/check';
import { applyEdits } from '../helpers';

/** Labels offered with the caret at the end of line `line` (0-based) of `text`. */
function labels(text: string, line: number, uri?: string): string[] {
  const a = analyze(text, uri);
  return markerCompletions(a, { line, character: a.doc.lines[line].text.length }, 'zh-cn').map((s) => s.label);
}

const OPENING = '2024年,某局坚持依法行政。现将有关情况报告如下:\n';

describe('marker completion', () => {
  it('offers the next sibling first, then the next marker of each enclosing level, then the first child', () => {
    const text = OPENING + '一、甲\n（一）子一\n正文。\n（二）子二\n正文。\n\n';
    assert.deepEqual(labels(text, 7), ['（三）', '二、', '1.']);
  });

  it('after 七、 offers 八、; right below a heading its first sub-heading comes first', () => {
    const heads = ['一', '二', '三', '四', '五', '六', '七'].map((n) => `${n}、标题${n}\n正文。`).join('\n');
    const text = OPENING + heads + '\n\n';
    const last = text.split('\n').length - 1;
    assert.deepEqual(labels(text, last), ['八、', '（一）']);
    assert.deepEqual(labels(OPENING + '一、甲\n\n', 2), ['（一）', '二、']);
  });

  it('follows the document: half-width brackets, full-width digits, 1．, Markdown hashes', () => {
    assert.deepEqual(labels(OPENING + '一、甲\n(一)子\n正文。\n\n', 4), ['(二)', '二、', '1.']);
    assert.deepEqual(labels(OPENING + '一、甲\n（一）子\n１．项\n正文。\n\n', 5), ['２．', '（二）', '二、', '（1）']);
    const md = '# 标题\n\n## 一、甲\n\n### （一）子\n\n正文。\n\n';
    const a = analyze(md, 'file:///x/report.md');
    const items = markerCompletions(a, { line: 8, character: 0 }, 'zh-cn');
    assert.deepEqual(items.map((s) => s.insertText), ['### （二）', '## 二、', '#### 1.']);
  });

  it('continues level-3 numbering across parents when the document numbers it continuously', () => {
    const text = readFixture('outline/continuous.txt');
    // Caret on a new line below “(三)规范执法” and its item 5: the next is 6, and a new (四) would start at 6 too.
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.startsWith('5.'));
    const edited = [...lines.slice(0, i + 1), '', ...lines.slice(i + 1)].join('\n');
    assert.deepEqual(labels(edited, i + 1).slice(0, 3), ['6.', '(四)', '二、']);
  });

  it('replaces what is already typed and offers nothing inside running text', () => {
    const text = OPENING + '一、甲\n（一）子\n正文。\n（';
    const a = analyze(text);
    const items = markerCompletions(a, { line: 4, character: 1 }, 'en');
    assert.equal(items[0].label, '（二）');
    assert.deepEqual(items[0].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
    assert.match(items[0].detail, /Next level-2 heading/);
    const prose = OPENING + '一、甲\n正文';
    const b = analyze(prose);
    assert.deepEqual(markerCompletions(b, { line: 2, character: 2 }, 'zh-cn'), []);
  });

  it('offers 一、 in an empty document', () => {
    assert.deepEqual(labels('', 0), ['一、']);
  });
});

describe('mandated-part completion', () => {
  const profile = getProfile(DEFAULT_PROFILE_ID)!;

  it('offers the parts not yet present as the next level-1 heading, and accepting one satisfies missing-part', () => {
    const text = readFixture('rules/missing-part/missing-plan-and-leader.txt').replace(/\n*$/, '\n\n');
    const a = analyze(text);
    const line = a.doc.lineCount - 1;
    const all = completionsAt(a, { line, character: 0 }, 'zh-cn', profile);
    const parts = all.filter((s) => s.kind === 'part');
    assert.ok(parts.length >= 2, JSON.stringify(parts.map((p) => p.label)));
    const plan = parts.find((p) => p.label === '三、2025年工作安排');
    assert.ok(plan, parts.map((p) => p.label).join(' | '));
    assert.match(plan.detail, /尚缺的法定内容：下一年度推进法治政府建设的主要安排/);
    const leader = parts.find((p) => /第一责任人/.test(p.label));
    assert.ok(leader && leader.label.startsWith('三、'));
    // Markers come first.
    assert.ok(all.findIndex((s) => s.kind === 'part') > all.findIndex((s) => s.kind === 'marker'));
    // Accept both: the document no longer misses them.
    let t = applyEdits(text, [{ range: plan.range, newText: plan.insertText + '\n' }]);
    // The plan is no longer reported (the draft's absent parts are one note, so count the mentions).
    const mentions = (x: string) => checkDocument(analyze(x)).filter((f) => f.ruleId === 'missing-part' && f.message.includes('下一年度主要安排')).length;
    assert.equal(mentions(text), 1);
    assert.equal(mentions(t), 0);
    t = t.replace(/\n*$/, '\n\n');
    const b = analyze(t);
    const next = completionsAt(b, { line: b.doc.lineCount - 1, character: 0 }, 'en', profile).filter((s) => s.kind === 'part');
    assert.ok(!next.some((p) => /工作安排/.test(p.label)));
    assert.ok(next.some((p) => p.label.startsWith('四、')));
  });

  it('offers no part where a level-1 heading cannot start', () => {
    const a = analyze('一、主要举措\n（');
    assert.deepEqual(completionsAt(a, { line: 1, character: 1 }, 'zh-cn', profile).filter((s) => s.kind === 'part'), []);
  });
});

describe('heading hover', () => {
  it('shows the path of a heading and its level, in both locales', () => {
    const text = readFixture('outline/restart.txt');
    const a = Analysis.fromText(text, { uri: 'file:///x/report.txt' });
    const line = text.split('\n').findIndex((l) => l.startsWith('（二）推进依法行政'));
    const offset = a.doc.lines[line].start + 1;
    const zh = hoverAt(a, offset, 'zh-cn') ?? '';
    assert.match(zh, /一、主要举措和成效 › （二）推进依法行政/);
    assert.match(zh, /二级标题/);
    assert.match(zh, /下设 3 个小标题/);
    const en = hoverAt(a, offset, 'en') ?? '';
    assert.match(en, /level-2 heading · 3 sub-headings/);
    assert.match(hoverAt(a, a.doc.lines[text.split('\n').findIndex((l) => l.startsWith('二、存在的不足和原因'))].start, 'zh-cn') ?? '', /法定内容：上一年度推进法治政府建设存在的不足和原因（《法治政府建设与责任落实督察工作规定》/);
    // Body text is not a heading.
    const body = text.split('\n').findIndex((l) => l.startsWith('2024年'));
    assert.equal(hoverAt(a, a.doc.lines[body].start + 2, 'zh-cn'), null);
  });
});
