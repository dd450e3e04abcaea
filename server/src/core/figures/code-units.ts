/**
 * A set of UTF-16 code units read by one array access: the hot loops of the figures model test
 * characters one code unit at a time, and a Set of numbers hashes every key it is asked about.
 */
export class CodeUnits {
  /**
   * One bit per code unit in two levels: per block of 256 units (the high byte), the index of its
   * 32 bytes of bits in `bits`, 0 for the block of zeros every block without a member shares. The
   * sets are tested at the text's characters, ideographs spread over 21,000 units, and a check
   * runs after other work has evicted the caches: a flat bit per unit (8 KB) spreads those
   * lookups over 41 cache lines per set; here they land in a few lines of `blocks` and the zeros.
   */
  private readonly blocks = new Uint16Array(256);
  private readonly bits: Uint8Array;
  constructor(units: Iterable<string | number>) {
    const codes: number[] = [];
    let used = 0;
    for (const u of units) {
      const c = typeof u === 'number' ? u : u.charCodeAt(0);
      if (!(c >= 0 && c < 65536)) throw new RangeError(`not a UTF-16 code unit: ${c}`);
      codes.push(c);
      if (!this.blocks[c >>> 8]) this.blocks[c >>> 8] = ++used;
    }
    this.bits = new Uint8Array(32 * (used + 1));
    for (const c of codes) this.bits[(this.blocks[c >>> 8] << 5) + ((c & 255) >>> 3)] |= 1 << (c & 7);
  }
  /** Whether `c` is in the set (NaN, a read past either end of a text, never is). */
  has(c: number): boolean {
    // NaN is compared, not used as an index (a typed-array read at NaN de-optimises).
    return c >= 0 && c < 65536 && ((this.bits[(this.blocks[c >>> 8] << 5) + ((c & 255) >>> 3)] >>> (c & 7)) & 1) === 1;
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

/** Whether a code unit is an ASCII digit 0-9 (NaN, a read past either end of a text, is not). */
export function isAsciiDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Small values (0-255) by UTF-16 code unit, in two levels: 256 blocks of 256 units, every block
 * without a value sharing one block of zeros. The figures model's tables hold values for a few
 * dozen units (punctuation, numerals, the first units of words) and are read at the text's
 * characters, ideographs spread over 21,000 units: a flat 64 KB table touched there spans some
 * 330 cache lines, which a check reads from memory again when other work has evicted them; here
 * most of those reads land in the shared zero block (4 lines).
 */
export class UnitTable {
  /** Per block (high byte): its start in `data`; 0 is the shared block of zeros. */
  private offsets = new Int32Array(256);
  private data = new Uint8Array(256);

  /** The value at `c`; 0 outside 0-65535 (NaN, a read past either end of a text). */
  get(c: number): number {
    // NaN is compared, not used as an index (a typed-array read at NaN de-optimises).
    return c >= 0 && c < 65536 ? this.data[this.offsets[c >>> 8] + (c & 255)] : 0;
  }

  set(c: number, value: number): void {
    // The block first: blockOf may replace `data`.
    const at = this.blockOf(c) + (c & 255);
    this.data[at] = value;
  }

  /** Set `bits` at `c` (bitwise or). */
  or(c: number, bits: number): void {
    const at = this.blockOf(c) + (c & 255);
    this.data[at] |= bits;
  }

  /** The start of `c`'s block in `data`, made (a copy of the zeros) on the first write to it. */
  private blockOf(c: number): number {
    if (!(c >= 0 && c < 65536)) throw new RangeError(`not a UTF-16 code unit: ${c}`);
    const hi = c >>> 8;
    let at = this.offsets[hi];
    if (at === 0) {
      at = this.data.length;
      const grown = new Uint8Array(at + 256);
      grown.set(this.data);
      this.data = grown;
      this.offsets[hi] = at;
    }
    return at;
  }
}

/**
 * `items` grouped by a code unit of each (`unitOf`), each group in the items' order: `slot.get(u)`
 * is 1 + the index of u's group in `lists`, or 0 when no item has that unit. A hot loop reads one
 * table entry per position and tries only that group's items.
 */
export function groupByUnit<T>(items: readonly T[], unitOf: (item: T) => number): { slot: UnitTable; lists: T[][] } {
  const slot = new UnitTable();
  const lists: T[][] = [];
  for (const item of items) {
    const u = unitOf(item);
    if (!slot.get(u)) {
      lists.push([]);
      slot.set(u, lists.length);
    }
    lists[slot.get(u) - 1].push(item);
  }
  return { slot, lists };
}
