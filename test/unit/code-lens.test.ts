import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { sectionLenses } from '../../server/src/core/features/code-lens';
import { statsSummary } from '../../server/src/core/figures/summary';
import { analyze, readFixture, readSeed, SEED, SEEDS_SKIP } from '../helpers';

describe('code lenses above sections with figures', () => {
  it('counts the claims of each top-level section that need a review', () => {
    const text = readFixture('figures/stats.txt');
    const a = analyze(text);
    const claims = statsSummary(a).claims;
    const lenses = sectionLenses(a, 'zh-cn', 'all');
    // Only section 一 states figures.
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, text.split('\n').findIndex((l) => l.startsWith('一、')));
    assert.equal(lenses[0].command, 'reportlint.showClaims');
    const review = claims.filter((c) => c.verdict !== 'consistent').length;
    assert.ok(review >= 1, 'the 审结率 90% of 96/120 is inconsistent');
    assert.match(lenses[0].title, new RegExp(`^${review} 个数据待核对（\\d+ 个不一致`));
    assert.match(sectionLenses(a, 'en', 'all')[0].title, new RegExp(`^${review} figures to review`));
  });

  it('says "all consistent" when every claim of a section checks out, and nothing without figures', () => {
    const ok = '2024年,某镇坚持依法行政。现将有关情况报告如下:\n一、主要举措和成效\n共调解纠纷200宗,成功调解190宗,调解成功率95%。\n二、存在的不足和原因\n一是力量不足,主要是编制有限。\n';
    const lenses = sectionLenses(analyze(ok), 'zh-cn', 'all');
    assert.deepEqual(lenses.map((l) => l.title), ['数据说法 1 条，均已核对一致']);
    // Quiet by default: no lens where every figure checks out.
    assert.deepEqual(sectionLenses(analyze(ok), 'zh-cn'), []);
    assert.deepEqual(sectionLenses(analyze('一、甲\n二、乙\n'), 'zh-cn'), []);
  });

  it('by default: a lens only above a section with an inconsistent figure; none with "none"', () => {
    const a = analyze(readFixture('figures/stats.txt'));
    const inconsistent = statsSummary(a).claims.filter((c) => c.verdict === 'inconsistent').length;
    const lenses = sectionLenses(a, 'zh-cn');
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].title, `本节 ${inconsistent} 个数据不一致 · 查看数据核对`);
    assert.deepEqual(sectionLenses(a, 'zh-cn', 'none'), []);
  });

  it('flags the seed 001 section holding the published 审结率 inconsistency', { skip: SEEDS_SKIP }, () => {
    const a = analyze(readSeed(SEED.xiangzhou), `file:///seeds/${SEED.xiangzhou}`);
    const lenses = sectionLenses(a, 'zh-cn');
    assert.ok(lenses.some((l) => /个数据不一致/.test(l.title)), lenses.map((l) => l.title).join('\n'));
  });
});
