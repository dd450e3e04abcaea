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
});
