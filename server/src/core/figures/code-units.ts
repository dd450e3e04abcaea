/**
 * A set of UTF-16 code units read by one array access: the hot loops of the figures model test
 * characters one code unit at a time, and a Set of numbers hashes every key it is asked about.
 */
export class CodeUnits {
  /**
   * One bit per code unit (8 KB, not a byte per unit): the sets are tested at the text's
   * characters, ideographs spread over 21,000 units, and a check runs after other work has
   * evicted the caches; a bit per unit keeps that range in 41 cache lines per set instead of 330.
   */
  private readonly bits = new Int32Array(2048);
  constructor(units: Iterable<string | number>) {
    for (const u of units) {
      const c = typeof u === 'number' ? u : u.charCodeAt(0);
      this.bits[c >>> 5] |= 1 << (c & 31);
    }
  }
  /** Whether `c` is in the set (NaN, a read past either end of a text, never is). */
  has(c: number): boolean {
    // NaN is compared, not used as an index (a typed-array read at NaN de-optimises).
    return c < 65536 && ((this.bits[c >>> 5] >>> (c & 31)) & 1) === 1;
  }
}

/** The code units of the characters of `chars` (each one code unit long). */
export function codeUnits(chars: string | Iterable<number>): CodeUnits {
  return new CodeUnits(typeof chars === 'string' ? [...chars] : chars);
}

/**
 * `s.charCodeAt(i)`, NaN before or past the end, without reading outside the string: optimised
 * code that reads a code unit past a string's end de-optimises (bounds check), and the hot
 * scanners look one or two units ahead.
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : NaN;
}
