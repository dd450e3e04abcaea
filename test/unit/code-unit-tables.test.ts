/**
 * The figures model's code-unit sets and tables (figures/code-units.ts) are kept compact (a bit
 * per unit; two levels with a shared zero block) so that a check reads few cache lines. These
 * tests compare them with flat tables over every code unit, and check the reads outside 0-65535.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { codeUnits, UnitTable } from '../../server/src/core/figures/code-units';

/** A deterministic pseudo-random sequence (xorshift32). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

describe('code-unit tables', () => {
  it('UnitTable reads what a flat table holds at every code unit (set and or, blocks shared and made)', () => {
    for (const seed of [1, 7, 2026]) {
      const next = rng(seed);
      const flat = new Uint8Array(65536);
      const table = new UnitTable();
      for (let k = 0; k < 400; k++) {
        // Clustered units (a few blocks written often) and scattered ones.
        const c = k % 3 === 0 ? next() & 0xffff : 0x4e00 + (next() % 64) * 256 + (next() & 7);
        const v = next() & 0xff;
        if (k & 1) {
          flat[c] |= v;
          table.or(c, v);
        } else {
          flat[c] = v;
          table.set(c, v);
        }
      }
      for (let c = 0; c < 65536; c++) if (table.get(c) !== flat[c]) assert.fail(`seed ${seed}: unit ${c}: ${table.get(c)} != ${flat[c]}`);
    }
  });

  it('UnitTable reads 0 outside the code units and refuses writes there', () => {
    const table = new UnitTable();
    table.set(0, 9);
    table.set(0xffff, 4);
    assert.equal(table.get(0), 9);
    assert.equal(table.get(0xffff), 4);
    for (const c of [NaN, -1, 65536, 1e9, -0.5]) assert.equal(table.get(c), 0, String(c));
    assert.throws(() => table.set(65536, 1), RangeError);
    assert.throws(() => table.or(NaN, 1), RangeError);
  });

  it('codeUnits sets hold exactly their units', () => {
    const next = rng(99);
    const units: number[] = [];
    for (let k = 0; k < 300; k++) units.push(next() & 0xffff);
    units.push(0, 31, 32, 0xffff, 0x4e00);
    const set = codeUnits(units);
    const members = new Set(units);
    for (let c = 0; c < 65536; c++) if (set.has(c) !== members.has(c)) assert.fail(`unit ${c}`);
    for (const c of [NaN, -1, 65536]) assert.equal(set.has(c), false, String(c));
    const fromText = codeUnits('，。、两');
    assert.ok(fromText.has('，'.charCodeAt(0)) && fromText.has('两'.charCodeAt(0)) && !fromText.has('三'.charCodeAt(0)));
  });
});
