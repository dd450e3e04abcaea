import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { figuresOf } from '../../server/src/core/figures';
import { hoverAt } from '../../server/src/core/features/hover';
import { analyze, check, readSeed, SEED, SEEDS_SKIP } from '../helpers';

/**
 * The figures layer on the five real documents: which claims are recognised, what is
 * computed, and the verdict a careful human reviewer agrees with. Also every finding
 * the figures rules produce on each seed, each justified.
 */
const FIGURE_RULES = ['rate-mismatch', 'sum-mismatch', 'percent-out-of-range', 'rate-impossible', 'percent-point', 'change-mismatch', 'figure-conflict'];

/** Claims that were actually checked (or tried), as `kind verdict name | working`. */
function checkedClaims(text: string): string[] {
  return figuresOf(analyze(text))
    .claims.filter((c) => c.verdict !== 'unverifiable' || c.tried)
    .map((c) => `${c.kind} ${c.verdict} ${c.name} | ${c.working}`);
}

function findings(text: string): string[] {
  return check(text, { only: FIGURE_RULES, forceReport: true })
    .filter((f) => FIGURE_RULES.includes(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}`);
}

describe('figures on the seeds', { skip: SEEDS_SKIP }, () => {
  it('000 (白云区): nothing checkable is wrong; its rates have no stated counts', () => {
    const text = readSeed(SEED.baiyun);
    const fa = figuresOf(analyze(text));
    // 化解率达99% and 好评率达99.99% are recognised but have no numerator: unverifiable, silent.
    assert.deepEqual(
      fa.claims.filter((c) => c.kind === 'rate').map((c) => `${c.name} ${c.verdict}`),
      ['矛盾纠纷化解率 unverifiable', '好评率 unverifiable'],
    );
    // 1969个政务服务事项 is not the base of 好评率 (99.99% of 1969 would fail GRIM): no grim claim.
    assert.deepEqual(checkedClaims(text), []);
    assert.deepEqual(findings(text), []);
  });

  it('001 (香洲区, traditional): 审结率85% is flagged, 纠错率7.43% = (13+2)/202 passes, 调解率 is ambiguous', () => {
    const text = readSeed(SEED.xiangzhou);
    assert.deepEqual(checkedClaims(text), [
      // 调解案件2505宗,调解率55.78%,其中…成功调解案件861宗: a subset of the 2505.
      'sum consistent 调解案件2505宗 | 861 ≤ 2505 ✓',
      // 2505 of 5168 收案 or of 4072 受理 (previous sentence): neither gives 55.78% → no verdict.
      'rate unverifiable 调解率 | 2505 ÷ 4072 = 61.517…%; 2505 ÷ 5168 = 48.471…% ?',
      // Published so: 202/260 = 77.69%.
      'rate inconsistent 审结率 | 202 ÷ 260 = 77.692…% → 78% ≠ 85%',
      // The numerator is 直接纠错 13 + 撤回 2, the base the 审结 count of the previous sentence.
      'rate consistent 纠错率 | (13 + 2) ÷ 202 = 7.425…% ✓',
      // 共收到…109896件,其中受理转办102398件,同比下降13.73%: one part; the change has no base stated.
      // (The name is shortened at a word start: 服务, not inside 政务.)
      'sum consistent …服务平台共收到企业群众诉求109896件 | 102398 ≤ 109896 ✓',
      // 公开政府信息6000余条,其中…意见9件,…材料9件: a subset of an approximate total.
      'sum consistent …政府门户网站主动公开政府信息6000余條 | 9 + 9 = 18 ≤ 6000 ✓',
    ]);
    assert.deepEqual(findings(text), [
      '20:201 info rate-mismatch', // 调解率55.78%: an information note listing the tried bases
      '21:187 error rate-mismatch', // 审结率85%: 202 ÷ 260 = 77.7%
    ]);
    const a = analyze(text);
    const f = check(text, { only: FIGURE_RULES, forceReport: true }).find((x) => x.severity === 'error')!;
    assert.equal(a.doc.text.slice(a.doc.offsetAt(f.range.start), a.doc.offsetAt(f.range.end)), '85%');
    // The one edit: the rate at the stated precision, as the message says (78%); the counts only in the hover.
    assert.match(f.message, /按所写精度应为 78%/);
    assert.deepEqual(
      f.fixes?.map((x) => x.title),
      ['将比率改为 78%（按所给数字计算）'],
    );
    assert.match(f.explanation!, /若 202宗 为 221/);
    assert.match(f.message, /^審結率/, 'the traditional text is quoted as written');
  });

  it('002 (新华街): 成功率95.82% = 2085/2176 passes and the hover shows the working', () => {
    const text = readSeed(SEED.xinhua);
    assert.deepEqual(checkedClaims(text), [
      'rate consistent 成功率 | 2085 ÷ 2176 = 95.818…% ✓',
      // the 101 proposals and suggestions, broken down into four groups of 20, 26, 18 and 37
      'sum consistent 政协提案101件 | 20 + 26 + 18 + 37 = 101 ✓',
    ]);
    assert.deepEqual(findings(text), []);
    const a = analyze(text);
    const at = text.indexOf('95.82%') + 2;
    const md = hoverAt(a, at, 'zh-cn', []);
    assert.ok(md && md.includes('2085 ÷ 2176 = 95.818…%') && md.includes('95.82%') && md.includes('✓'), md ?? 'no hover');
    const en = hoverAt(a, at, 'en', []);
    assert.ok(en && en.includes('rounds to 95.82%'), en ?? 'no hover');
  });

  it('003 (news article): the 8项/2项 subset passes, no finding', () => {
    const text = readSeed(SEED.article);
    // 共纳入8项事项,其中2项同时纳入听证目录: a subset, fine. Two counts of listed items hold too: five
    // 领域 after the 市、区两级 list has closed, and three districts with the last two joined by 和.
    assert.deepEqual(checkedClaims(text), ['sum consistent 共纳入8项 | 2 ≤ 8 ✓', 'count consistent 五大 | 5 = 5 ✓', 'count consistent 三个 | 2 + 1 = 3 ✓']);
    assert.deepEqual(findings(text), []);
  });

  it('004 (市政府办公厅): 35 = 6 + 28 + 1 with mixed units 个/次 passes, no finding', () => {
    const text = readSeed(SEED.gzOffice);
    assert.deepEqual(checkedClaims(text), [
      // 议题35个(其中…6个,…28个,…学法活动1次)
      'sum consistent 学习法治建设有关议题35个 | 6 + 28 + 1 = 35 ✓',
      // 法律意见书31份,其中…复核相关合同26份: a subset.
      'sum consistent …公职律师给我厅出具法律意见书31份 | 26 ≤ 31 ✓',
    ]);
    assert.deepEqual(findings(text), []);
  });
});
