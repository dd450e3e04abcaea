import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { simplify, toSimplifiedView } from '../../server/src/core/document/script';

// opencc-js ships no CommonJS typings for the t2cn entry.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (s: string) => string };

describe('script: the generated traditional → simplified table', () => {
  it('maps every CJK code unit exactly as OpenCC converts the single character (regenerate with scripts/gen-t2s-table.mjs)', () => {
    const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const wrong: string[] = [];
    for (const [lo, hi] of [
      [0x3400, 0x9fff],
      [0xf900, 0xfaff],
    ]) {
      for (let u = lo; u <= hi; u++) {
        const ch = String.fromCharCode(u);
        const out = convert(ch);
        const expected = out.length === 1 ? out : ch;
        if (simplify(ch) !== expected) wrong.push(`U+${u.toString(16)} ${ch}→${simplify(ch)}, OpenCC ${expected}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
  });

  it('keeps the view the same length and counts traditional characters', () => {
    const view = toSimplifiedView('關於2023年度法治政府建設情況的報告，\uf900abc');
    assert.equal(view.simplified.length, '關於2023年度法治政府建設情況的報告，\uf900abc'.length);
    assert.ok(view.simplified.startsWith('关于2023年度法治政府建设情况的报告'));
    assert.equal(view.traditionalCount, 6);
    // The offsets of the changed characters, in order.
    const text = '關於2023年度法治政府建設情況的報告，\uf900abc';
    assert.deepEqual(view.changedAt, [...text].map((c, i) => (view.simplified[i] !== c ? i : -1)).filter((i) => i >= 0));
    assert.equal(view.changedAt?.length, 6);
  });

  it('builds the same view without keeping the offsets when a text has thousands of traditional characters', () => {
    const text = '關於報告，區。\n'.repeat(1500);
    const view = toSimplifiedView(text);
    assert.equal(view.changedAt, null);
    assert.equal(view.traditionalCount, 1500 * 4);
    assert.equal(view.simplified, [...text].map((c) => simplify(c)).join(''));
    const few = toSimplifiedView('關於報告，区。');
    assert.deepEqual(few.changedAt, [0, 1, 2]);
    assert.equal(few.simplified, '关于报告，区。');
  });
});
