import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { figuresOf } from '../../server/src/core/figures';
import { hoverAt } from '../../server/src/core/hover';
import { analyze, check, readSeed, SEED, SEEDS_SKIP } from '../helpers';

/**
 * The figures layer on the five real documents: which claims are recognised, what is
 * computed, and the verdict a careful human reviewer agrees with. Also every finding
 * the figures rules produce on each seed, each justified.
 */
const FIGURE_RULES = ['rate-mismatch'];

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
      // 2505 of 5168 收案 or of 4072 受理 (previous sentence): neither gives 55.78% → no verdict.
      'rate unverifiable 调解率 | 2505 ÷ 4072 = 61.517…%; 2505 ÷ 5168 = 48.471…% ?',
      // Published so: 202/260 = 77.69%.
      'rate inconsistent 审结率 | 202 ÷ 260 = 77.692…% → 78% ≠ 85%',
      // The numerator is 直接纠错 13 + 撤回 2, the base the 审结 count of the previous sentence.
      'rate consistent 纠错率 | (13 + 2) ÷ 202 = 7.425…% ✓',
    ]);
    assert.deepEqual(findings(text), [
      '20:201 info rate-mismatch', // 调解率55.78%: an information note listing the tried bases
      '21:187 error rate-mismatch', // 审结率85%: 202 ÷ 260 = 77.7%
    ]);
    const a = analyze(text);
    const f = check(text, { only: FIGURE_RULES, forceReport: true }).find((x) => x.severity === 'error')!;
    assert.equal(a.doc.text.slice(a.doc.offsetAt(f.range.start), a.doc.offsetAt(f.range.end)), '85%');
    assert.deepEqual(
      f.fixes?.map((x) => x.title),
      ['将比率改为 77.7%', '将 202 改为 221', '将 260 改为 238'],
    );
    assert.ok(f.fixes?.every((x) => !x.isPreferred), 'no suggestion is preferred');
  });

  it('002 (新华街): 成功率95.82% = 2085/2176 passes and the hover shows the working', () => {
    const text = readSeed(SEED.xinhua);
    assert.deepEqual(checkedClaims(text), ['rate consistent 成功率 | 2085 ÷ 2176 = 95.818…% ✓']);
    assert.deepEqual(findings(text), []);
    const a = analyze(text);
    const at = text.indexOf('95.82%') + 2;
    const md = hoverAt(a, at, 'zh-cn', []);
    assert.ok(md && md.includes('2085 ÷ 2176 = 95.818…%') && md.includes('95.82%') && md.includes('✓'), md ?? 'no hover');
    const en = hoverAt(a, at, 'en', []);
    assert.ok(en && en.includes('rounds to 95.82%'), en ?? 'no hover');
  });

  it('003 (news article) and 004 (市政府办公厅): no checkable rate, no finding', () => {
    for (const seed of [SEED.article, SEED.gzOffice]) {
      const text = readSeed(seed);
      assert.deepEqual(checkedClaims(text), [], seed);
      assert.deepEqual(findings(text), [], seed);
    }
  });
});
