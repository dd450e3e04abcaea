/**
 * The per-code-unit tables every process builds on first use (issue 18, start-up) are now filled
 * by ranges and from sparse lists instead of loops over all 65,536 code units. These tests build
 * them the previous way (reference copies of that code) and compare every entry.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import {
  BRACKET_SCAN_UNITS,
  censusTablesForTest,
  ENUMERATION_CUE_UNITS,
  gbkUtf8StartUnits,
  isStrayCjkCode,
  PUNCTUATION_SCAN_UNITS,
} from '../../server/src/core/document/chars';
import { scriptChangedUnits, scriptViewFlags, simplify } from '../../server/src/core/document/script';
import { T2S_PAIRS } from '../../server/src/core/document/script-table';
import { numberTablesForTest } from '../../server/src/core/figures/numbers';
import { questionOrStray } from '../../server/src/core/rules/encoding-damage';

// ---------------------------------------------------------------- reference: the previous construction

function refIsCjkUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function refCharTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let u = 0x3400; u <= 0x9fff; u++) t[u] = u;
  for (let u = 0xf900; u <= 0xfaff; u++) t[u] = u;
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  return t;
}

function refViewFlags(): Uint8Array {
  const t = refCharTable();
  const v = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) if (refIsCjkUnit(u)) v[u] = t[u] === u ? 1 : 3;
  return v;
}

function refSimplifyOne(ch: string, t: Uint16Array): string {
  const code = ch.charCodeAt(0);
  if (!refIsCjkUnit(code)) return ch;
  const mapped = t[code];
  return mapped === code ? ch : String.fromCharCode(mapped);
}

const CLASSIFIED = 1;
const GBK_UTF8_START = 2;
const CP1252_UTF8_LEAD = 4;
const CENSUS_QUESTION = 8;
const CENSUS_STRAY = 16;
const CENSUS_REPLACEMENT = 32;
const CENSUS_MARKER = 64;
const VIEW_CHANGED = 128;
const VIEW_CJK = 256;
const PUNCTUATION_MARK = 512;
const CENSUS_NUL = 1024;
const CENSUS_MASK = 127 | CENSUS_NUL;
const PASS_GBK = 1;
const PASS_LATIN1 = 2;
const PASS_OTHER = 4;
const PASS_CHANGED = 8;
const PASS_MARK = 16;
const PASS_CJK = 32;
const PASS_CUE = 64;
const PASS_BRACKET = 128;

function refCensusTables(): { census: Uint16Array; pass: Uint8Array } {
  const censusTable = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) censusTable[c] = CLASSIFIED;
  for (let c = 0xe0; c <= 0xef; c++) censusTable[c] |= CP1252_UTF8_LEAD;
  for (let c = 0; c < 0x10000; c++) if (isStrayCjkCode(c)) censusTable[c] |= CENSUS_STRAY;
  for (const ch of '?？') censusTable[ch.charCodeAt(0)] |= CENSUS_QUESTION;
  censusTable[0xfffd] |= CENSUS_REPLACEMENT;
  for (const ch of '锟斤烫屯') censusTable[ch.charCodeAt(0)] |= CENSUS_MARKER;
  censusTable[0] |= CENSUS_NUL;
  const passTable = new Uint8Array(0x10000);
  const gbk = gbkUtf8StartUnits();
  for (let k = 0; k < gbk.length; k++) censusTable[gbk.charCodeAt(k)] |= GBK_UTF8_START;
  for (let u = 0; u < 0x10000; u++) censusTable[u] |= CLASSIFIED;
  const flags = refViewFlags();
  for (let u = 0; u < 0x10000; u++) {
    if (flags[u] === 3) censusTable[u] |= VIEW_CHANGED;
    if (flags[u] !== 0) censusTable[u] |= VIEW_CJK;
  }
  for (let k = 0; k < PUNCTUATION_SCAN_UNITS.length; k++) censusTable[PUNCTUATION_SCAN_UNITS.charCodeAt(k)] |= PUNCTUATION_MARK;
  for (let u = 0; u < 0x10000; u++) {
    const full = censusTable[u];
    const v = full & CENSUS_MASK;
    passTable[u] =
      (v & GBK_UTF8_START ? PASS_GBK : 0) |
      (v & CP1252_UTF8_LEAD ? PASS_LATIN1 : 0) |
      (v & ~(CLASSIFIED | GBK_UTF8_START | CP1252_UTF8_LEAD) ? PASS_OTHER : 0) |
      (full & VIEW_CHANGED ? PASS_CHANGED : 0) |
      (full & PUNCTUATION_MARK ? PASS_MARK : 0) |
      (full & VIEW_CJK ? PASS_CJK : 0);
  }
  for (let k = 0; k < ENUMERATION_CUE_UNITS.length; k++) passTable[ENUMERATION_CUE_UNITS.charCodeAt(k)] |= PASS_CUE;
  for (let k = 0; k < BRACKET_SCAN_UNITS.length; k++) passTable[BRACKET_SCAN_UNITS.charCodeAt(k)] |= PASS_BRACKET;
  return { census: censusTable, pass: passTable };
}

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  for (let u = 0; u < 0x10000; u++) if (a[u] !== b[u]) return `U+${u.toString(16)}: ${a[u]}, reference ${b[u]}`;
  return null;
}

function refNumberTables(): { numClass: Uint8Array; walkClass: Uint16Array; walkBits: Int32Array } {
  const [DIGIT, CN, CN_PERCENT, CN_FRACTION, SENTENCE_END, WALKED] = [1, 2, 4, 8, 16, 16];
  const [WALK_LINE_BREAK, WALK_PAREN, WALK_OPENER, WALK_LIST, WALK_MARKER, WALK_SHARE] = [32, 64, 128, 256, 512, 1024];
  const [WALK_RATE, WALK_DOUBLING, WALK_CLOSER] = [4096, 8192, 16384];
  const NUM_CLASS = new Uint8Array(65536);
  const WALK_CLASS = new Uint16Array(65536);
  for (let c = 48; c <= 57; c++) NUM_CLASS[c] = DIGIT;
  for (let c = 0xff10; c <= 0xff10 + 9; c++) NUM_CLASS[c] = DIGIT;
  for (const ch of '零〇一二两三四五六七八九十百千万亿') NUM_CLASS[ch.charCodeAt(0)] |= CN;
  for (const ch of '零〇一二两三四五六七八九十百') NUM_CLASS[ch.charCodeAt(0)] |= CN_PERCENT;
  for (const ch of '零〇一二三四五六七八九') NUM_CLASS[ch.charCodeAt(0)] |= CN_FRACTION;
  for (const ch of '。！？!?\n\r') WALK_CLASS[ch.charCodeAt(0)] |= SENTENCE_END;
  for (const ch of '\n\r') WALK_CLASS[ch.charCodeAt(0)] |= WALK_LINE_BREAK;
  for (const ch of '(（') WALK_CLASS[ch.charCodeAt(0)] |= WALK_PAREN;
  for (const ch of '《“〔【「『〈') WALK_CLASS[ch.charCodeAt(0)] |= WALK_OPENER;
  for (const ch of '》”〕】」』〉') WALK_CLASS[ch.charCodeAt(0)] |= WALK_CLOSER;
  for (const ch of '、“') WALK_CLASS[ch.charCodeAt(0)] |= WALK_LIST;
  for (const ch of '其内包含分') WALK_CLASS[ch.charCodeAt(0)] |= WALK_MARKER;
  for (const ch of '占比') WALK_CLASS[ch.charCodeAt(0)] |= WALK_SHARE;
  WALK_CLASS['率'.charCodeAt(0)] |= WALK_RATE;
  WALK_CLASS['番'.charCodeAt(0)] |= WALK_DOUBLING;
  for (let c = 0; c < 65536; c++) if (WALK_CLASS[c]) NUM_CLASS[c] = WALKED;
  const WALK_BITS = new Int32Array(2048);
  for (let c = 0; c < 65536; c++) if (NUM_CLASS[c]) WALK_BITS[c >>> 5] |= 1 << (c & 31);
  return { numClass: NUM_CLASS, walkClass: WALK_CLASS, walkBits: WALK_BITS };
}

function refQuestionOrStray(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (isStrayCjkCode(c)) t[c] = 2;
  for (const ch of '?？') t[ch.charCodeAt(0)] = 1;
  return t;
}

// ---------------------------------------------------------------- tests

describe('start-up tables equal their per-unit construction', () => {
  it('the script view flags, for every code unit', () => {
    const flags = scriptViewFlags();
    assert.equal(flags.length, 0x10000);
    assert.equal(firstDifference(flags, refViewFlags()), null);
  });

  it('simplify of every one-unit string', () => {
    const t = refCharTable();
    for (let u = 0; u < 0x10000; u++) {
      const ch = String.fromCharCode(u);
      const got = simplify(ch);
      if (got !== refSimplifyOne(ch, t)) assert.fail(`U+${u.toString(16)}: ${got}, reference ${refSimplifyOne(ch, t)}`);
    }
  });

  it('scriptChangedUnits lists exactly the units the view changes', () => {
    const got = new Set<number>(scriptChangedUnits());
    const flags = refViewFlags();
    const want = new Set<number>();
    for (let u = 0; u < 0x10000; u++) if (flags[u] === 3) want.add(u);
    assert.ok(want.size > 1000);
    assert.deepEqual([...got].sort((a, b) => a - b), [...want].sort((a, b) => a - b));
  });

  it('the census table and the pass table, for every code unit', () => {
    const got = censusTablesForTest();
    const ref = refCensusTables();
    assert.equal(firstDifference(got.census, ref.census), null);
    assert.equal(firstDifference(got.pass, ref.pass), null);
  });

  it('the number scan\'s class tables, for every code unit', () => {
    const got = numberTablesForTest();
    const ref = refNumberTables();
    assert.equal(firstDifference(got.numClass, ref.numClass), null);
    assert.equal(firstDifference(got.walkClass, ref.walkClass), null);
    assert.equal(got.walkBits.length, ref.walkBits.length);
    assert.deepEqual([...got.walkBits], [...ref.walkBits]);
  });

  it('questionOrStray equals the encoding-damage table it replaces, for every code unit', () => {
    const ref = refQuestionOrStray();
    const got = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) got[c] = questionOrStray(c);
    assert.equal(firstDifference(got, ref), null);
  });
});
