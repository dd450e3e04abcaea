import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyzeFigures } from '../../server/src/core/figures/analyze';

/**
 * Breakdown pairing is bounded per sentence: one paragraph enumerating tens of thousands of items
 * (a generated input, not a report) is read in linear time. Wall-clock thresholds in ms would be
 * flaky on a shared machine, and so was a ratio of one large run to one small run (a small run of a
 * few ms is at the mercy of a collection or a compile on another thread: 27–34× against the linear
 * 8× under load). So the test compares equal amounts of text: one paragraph of N items against eight
 * paragraphs of N/8 items, read one after the other. Linear work costs the same (≈ 1×), quadratic
 * work 8× as much; the best of three runs of each is compared with a limit of 4× (measured: 1.2–1.8× on a loaded machine; a quadratic term added by hand: 4.9–8.2×).
 */
function enumeration(items: number, shape: (i: number) => string, total: string): string {
  const parts: string[] = [];
  for (let i = 0; i < items; i++) parts.push(shape(i));
  return `${total}，其中${parts.join('，')}。`;
}

/** CPU time (not wall-clock: the machine is shared) of the best of three runs over `texts`, in ms. */
function bestMs(texts: readonly string[]): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = process.cpuUsage();
    for (const text of texts) analyzeFigures(text);
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
    it(`${name}: ${items} items in one paragraph cost at most 4× eight paragraphs of ${items / 8}`, () => {
      const small = enumeration(items / 8, shape, total(items / 8));
      const large = enumeration(items, shape, total(items));
      const eightSmall = Array.from({ length: 8 }, () => small);
      bestMs(eightSmall); // warm up the code paths
      const ratio = bestMs([large]) / Math.max(bestMs(eightSmall), 1);
      assert.ok(ratio < 4, `${items} items took ${ratio.toFixed(2)}× the time of 8 × ${items / 8} items (linear ≈ 1×, quadratic ≈ 8×)`);
    });
  }
});
