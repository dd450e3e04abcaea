import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyzeFigures } from '../../server/src/core/figures/analyze';

/**
 * Breakdown pairing is bounded per sentence: one paragraph enumerating tens of thousands of items
 * (a generated input, not a report) is read in linear time. Wall-clock thresholds in ms would be
 * flaky on a shared machine, so the test compares the CPU time of an 8× larger input with a generous ratio: linear
 * work grows ~8×, quadratic work ~64×; the best of three runs of each size is compared, and the limit
 * (24×) leaves room for a loaded machine (the 4×-size version of this test failed at 10× under load).
 */
function enumeration(items: number, shape: (i: number) => string, total: string): string {
  const parts: string[] = [];
  for (let i = 0; i < items; i++) parts.push(shape(i));
  return `${total}，其中${parts.join('，')}。`;
}

/** CPU time (not wall-clock: the machine is shared) of the best of three runs, in ms. */
function bestMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = process.cpuUsage();
    analyzeFigures(text);
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

const SHAPES: Array<{ name: string; items: number; shape: (i: number) => string; total: (n: number) => string }> = [
  { name: 'one breakdown of many parts', items: 32000, shape: (i) => `乙${i % 9}类事项${(i % 7) + 1}件`, total: (n) => `本年度共受理各类事项${n * 4}件` },
  { name: 'a share after every part', items: 16000, shape: (i) => `丙${i % 9}类${(i % 7) + 1}件，占${(i % 9) + 1}%`, total: (n) => `共收到申请${n * 4}件` },
  { name: 'a breakdown marker in every clause', items: 16000, shape: (i) => `受理事项${(i % 7) + 10}件，其中网上${(i % 5) + 1}件`, total: (n) => `共收到申请${n * 20}件` },
];

describe('figures: breakdown pairing is linear in the paragraph', () => {
  for (const { name, items, shape, total } of SHAPES) {
    it(`${name}: ${items} items cost at most 24× what ${items / 8} do`, () => {
      const small = enumeration(items / 8, shape, total(items / 8));
      const large = enumeration(items, shape, total(items));
      bestMs(small); // warm up the code paths
      const ratio = bestMs(large) / Math.max(bestMs(small), 1);
      assert.ok(ratio < 24, `${items} items took ${ratio.toFixed(1)}× the time of ${items / 8} (linear ≈ 8×, quadratic ≈ 64×)`);
    });
  }
});
