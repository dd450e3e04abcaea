import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, check } from '../helpers';
import { statsSummary } from '../../server/src/core/figures/summary';

/**
 * Quick fixes of the figures rules: each suggestion, applied on its own, changes only the
 * figure it names and makes that finding go away; none is preferred except the
 * unambiguous 个百分点 rewrite.
 */
function only(rule: string, text: string) {
  return check(text, { only: [rule], forceReport: true }).filter((f) => f.ruleId === rule);
}

describe('figures: quick fixes', () => {
  it('rate-mismatch offers one edit, the rate computed at the stated precision as the message says; the counts only in the hover', () => {
    const text = '本年度共办理复议案件260宗,已审结202宗,审结率85%。';
    const [f] = only('rate-mismatch', text);
    assert.match(f.message, /按所写精度应为 78%/);
    // Never an edit of the official counts.
    assert.deepEqual(f.fixes?.map((x) => x.title), ['将比率改为 78%（按所给数字计算）']);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, '本年度共办理复议案件260宗,已审结202宗,审结率78%。');
    assert.deepEqual(only('rate-mismatch', fixed), [], fixed);
    // The counts that would make 85% right are information in the hover.
    assert.match(f.explanation!, /供参考（快速修复不修改计数）/);
    assert.match(f.explanation!, /若 202宗 为 221，则所写 85% 正确/);
    assert.match(f.explanation!, /若 260宗 为 238，则所写 85% 正确/);
  });

  it('the rate edit keeps the stated precision (one decimal stays one decimal)', () => {
    const text = '共受理申请300件,办结257件,办结率88.5%。';
    const [f] = only('rate-mismatch', text);
    assert.deepEqual(f.fixes?.map((x) => applyEdits(text, x.edits)), ['共受理申请300件,办结257件,办结率85.7%。']);
  });

  it('rate-mismatch messages and explanations in English', () => {
    const [f] = check('本年度共办理复议案件260宗,已审结202宗,审结率85%。', { only: ['rate-mismatch'], forceReport: true, locale: 'en' });
    assert.match(f.message, /202 ÷ 260 = 77\.692…%, which is 78% at the stated precision/);
    assert.match(f.explanation!, /numerator: 已审结 202宗/);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Change the rate to 78% (computed from the stated counts)']);
    assert.match(f.explanation!, /if 202宗 were 221, the rate 85% would be right/);
  });

  it('sum-mismatch suggests the sum as the total', () => {
    const text = '共办理建议提案96件,其中市级20件、区级31件,镇级18件、村级37件。';
    const [f] = only('sum-mismatch', text);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, '共办理建议提案106件,其中市级20件、区级31件,镇级18件、村级37件。');
    assert.deepEqual(only('sum-mismatch', fixed), []);
  });

  it('percent-point rewrites % as 个百分点 and nothing else', () => {
    const text = '纠错率由59.70%上升至61.74%,提高2.04%。';
    const [f] = only('percent-point', text);
    assert.equal(f.fixes?.[0].isPreferred, true);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, '纠错率由59.70%上升至61.74%,提高2.04个百分点。');
    assert.deepEqual(only('percent-point', fixed), []);
    assert.deepEqual(only('change-mismatch', fixed), []);
  });

  it('change-mismatch suggests the recomputed change', () => {
    const text = '全年受理案件150件,同比增长20%(上年同期为120件)。';
    const [f] = only('change-mismatch', text);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, '全年受理案件150件,同比增长25.0%(上年同期为120件)。');
    assert.deepEqual(only('change-mismatch', fixed), []);
  });

  it('figure-conflict suggests the earlier value and points at it', () => {
    const text = '2024年,我街共办理人大建议、政协提案101件。\n（一）主动接受监督。2024年我街办理人大建议、政协提案105件。\n';
    const [f] = only('figure-conflict', text);
    assert.equal(f.related?.[0].range.start.line, 0);
    assert.equal(f.fixes?.[0].isPreferred, undefined);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.equal(fixed, text.replace('105件', '101件'));
    assert.deepEqual(only('figure-conflict', fixed), []);
  });
});

describe('quoting the document\'s own text', () => {
  it('a traditional-script report is quoted in traditional script in messages and in the 数据核对表', () => {
    const text = '本年度共辦理複議案件260宗,已審結202宗,審結率85%。';
    const [f] = check(text, { only: ['rate-mismatch'], forceReport: true });
    assert.match(f.message, /^審結率85%/);
    const claim = statsSummary(analyze(text)).claims.find((c) => c.kind === 'rate')!;
    assert.equal(claim.name, '審結率');
    assert.ok(claim.inputs.some((i) => i.label.includes('審結')), JSON.stringify(claim.inputs));
  });
});
