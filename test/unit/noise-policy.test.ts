import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { NoisePolicy, STRUCTURE_MAX_MS, STRUCTURE_PAUSE_MS } from '../../client/src/noise-policy';

const K = 'file:///r.txt';
const d = (line: number, code: string) => ({ startLine: line, endLine: line, code });
const codes = (xs: { code: string; startLine: number }[]) => xs.map((x) => `${x.startLine}:${x.code}`);

describe('noise control policy', () => {
  it('holds back findings on the line being typed until the caret leaves it or typing pauses', () => {
    const p = new NoisePolicy();
    const all = [d(3, 'numbering-gap'), d(5, 'rate-mismatch')];
    p.change(K, [{ startLine: 5, text: '9' }], 1000);
    assert.deepEqual(codes(p.filter(K, all, 1100, 5, 1500)), ['3:numbering-gap']);
    // Caret moved to another line: everything shows.
    assert.deepEqual(codes(p.filter(K, all, 1200, 6, 1500)), ['3:numbering-gap', '5:rate-mismatch']);
    // Typing paused long enough.
    assert.deepEqual(codes(p.filter(K, all, 2500, 5, 1500)), ['3:numbering-gap', '5:rate-mismatch']);
    // The document is not in the active editor, or the pause is 0: no hold.
    assert.equal(p.filter(K, all, 1100, null, 1500).length, 2);
    assert.equal(p.filter(K, all, 1100, 5, 0).length, 2);
    assert.equal(p.nextWake(K, 1100, 5, 1500), 1400);
  });

  it('the held line follows line breaks typed in the change (Enter moves the caret down)', () => {
    const p = new NoisePolicy();
    p.change(K, [{ startLine: 4, text: '\n' }], 0);
    assert.equal(p.heldLine(K, 10, 5, 1500), 5);
  });

  it('holds back structural findings while a skeleton is being built, until a pause, a save or the cap', () => {
    const p = new NoisePolicy();
    const all = [d(0, 'missing-part'), d(0, 'part-order'), d(7, 'numbering-gap')];
    p.change(K, [{ startLine: 2, text: '一、甲\n正文\n二、乙\n' }], 0);
    assert.deepEqual(codes(p.filter(K, all, 100, null, 1500)), ['7:numbering-gap']);
    // The writer keeps filling the placeholders: still quiet.
    p.change(K, [{ startLine: 3, text: '某' }], 8000);
    assert.deepEqual(codes(p.filter(K, all, 8000 + STRUCTURE_PAUSE_MS - 1, null, 1500)), ['7:numbering-gap']);
    // A pause of STRUCTURE_PAUSE_MS releases them.
    assert.equal(p.filter(K, all, 8000 + STRUCTURE_PAUSE_MS, null, 1500).length, 3);
    // A save releases at once.
    p.change(K, [{ startLine: 2, text: 'a\nb\n' }], 20_000);
    p.save(K);
    assert.equal(p.filter(K, all, 20_001, null, 1500).length, 3);
    // Typing on for ever does not hide them past the cap.
    p.change(K, [{ startLine: 2, text: 'a\nb\n' }], 0);
    for (let t = 5000; t < STRUCTURE_MAX_MS; t += 5000) p.change(K, [{ startLine: 3, text: 'x' }], t);
    assert.equal(p.filter(K, all, STRUCTURE_MAX_MS, null, 1500).length, 3);
  });

  it('a one-line edit does not start a quiet period', () => {
    const p = new NoisePolicy();
    p.change(K, [{ startLine: 2, text: '一、甲\n' }], 0);
    assert.equal(p.building(K, 1), false);
    assert.equal(p.nextWake(K, 1, null, 1500), null);
  });

  it('keeps findings already shown on the line being typed; only new ones wait (LTeX-style)', () => {
    const p = new NoisePolicy();
    const old = { ...d(5, 'pinyin-residue'), message: '疑似拼音残留“gongzuo”' };
    p.filter(K, [old], 0, null, 1500); // shown before typing starts
    p.change(K, [{ startLine: 5, text: '继' }], 1000);
    const fresh = { ...d(5, 'rate-mismatch'), message: '结案率80%与所给数字不符' };
    // The old one stays, even though its column moved; the new one waits.
    assert.deepEqual(p.filter(K, [old, fresh], 1100, 5, 1500).map((x) => x.code), ['pinyin-residue']);
    assert.equal(p.nextWake(K, 1100, 5, 1500), 1400);
    // Once released it stays while typing goes on.
    assert.equal(p.filter(K, [old, fresh], 2600, 5, 1500).length, 2);
    p.change(K, [{ startLine: 5, text: '续' }], 3000);
    assert.equal(p.filter(K, [old, fresh], 3100, 5, 1500).length, 2);
    // A finding that disappeared from the server's set is gone at once.
    assert.deepEqual(p.filter(K, [fresh], 3200, 5, 1500).map((x) => x.code), ['rate-mismatch']);
  });

  it('an insertion does not hide structural findings already shown (no flip-flop)', () => {
    const p = new NoisePolicy();
    const missing = [{ ...d(0, 'missing-part'), message: '缺少法定内容“存在的不足和原因”' }, { ...d(0, 'missing-part'), message: '缺少法定内容“下一年度主要安排”' }];
    assert.equal(p.filter(K, missing, 0, null, 1500).length, 2);
    // One part is inserted: its finding goes, the other stays through the quiet period.
    p.change(K, [{ startLine: 8, text: '二、存在的不足和原因\n正文\n' }], 1000);
    for (const t of [1100, 5000, 1000 + STRUCTURE_PAUSE_MS + 1]) {
      assert.deepEqual(p.filter(K, [missing[1]], t, 9, 1500).map((x) => x.message), [missing[1].message], `at ${t} ms`);
    }
  });
});
