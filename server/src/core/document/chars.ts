/**
 * Character classes and code-page helpers shared by the text-hygiene rules
 * (encoding damage, pinyin residue, mixed script, punctuation width).
 * Pure functions; no LSP or editor types.
 */
import { CJK_UNIT_RANGES, finishView, MAX_CHANGED_AT, scriptChangedUnits, simplify, type ScriptView } from './script';

/** iconv-lite, loaded when a mojibake candidate is first tested (most texts never need it; it is large). */
let iconvModule: typeof import('iconv-lite') | null = null;
function iconv(): typeof import('iconv-lite') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));
}

/** Whether a UTF-16 code unit is JavaScript whitespace: what `\s`, `trim` and `trimEnd` take. */
export function isJsSpaceCode(c: number): boolean {
  // Ideographs and most other text first (two comparisons), then ASCII, then the rare spaces.
  if (c > 0x3000) return c === 0xfeff;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The offset of the first character of `s` that is not whitespace (isJsSpaceCode), or s.length. */
export function firstNonSpaceIndex(s: string): number {
  let i = 0;
  while (i < s.length && isJsSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** The length of `s` without its trailing whitespace (s.trimEnd().length, without making the string). */
export function trimmedEndLength(s: string): number {
  let end = s.length;
  while (end > 0 && isJsSpaceCode(s.charCodeAt(end - 1))) end--;
  return end;
}

/** A CJK unified ideograph (BMP blocks, including extension A and compatibility ideographs). */
export function isIdeograph(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Bopomofo and other symbols that never appear inside a Chinese government text's words. */
export function isStrayCjkSymbol(ch: string | undefined): boolean {
  if (!ch) return false;
  return isStrayCjkCode(ch.charCodeAt(0));
}

/** isStrayCjkSymbol for the character with this (first) UTF-16 code unit. */
export function isStrayCjkCode(c: number): boolean {
  return (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x2500 && c <= 0x257f);
}

const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const TONE_BASE: Record<string, string> = {};
for (const [i, base] of [...'aaaaeeeeiiiioooouuuuüüüünnnm'].entries()) TONE_BASE[TONE_LETTERS[i]] = base;

/** True when the string contains a pinyin tone-marked letter. */
export function hasToneMark(s: string): boolean {
  for (const ch of s) if (TONE_BASE[ch]) return true;
  return false;
}

const SYLLABLE_RE =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iong|iang|uang|ueng|uai|ian|iao|ing|ong|ang|eng|uan|van|üan|ai|ei|ao|ou|an|en|er|ia|ie|in|iu|ua|uo|ui|un|ve|üe|ue|a|o|e|i|u|ü|v)r?|ng|hm|hng|m|n)$/;

/** True for one lowercase Hanyu Pinyin syllable (tone marks allowed), e.g. `qū`, `zhèn`, `lián`. */
export function isPinyinSyllable(s: string): boolean {
  if (!s || s.length > 7) return false;
  let plain = '';
  for (const ch of s) plain += TONE_BASE[ch] ?? ch;
  return SYLLABLE_RE.test(plain);
}

/** Letters that can occur in lowercase pinyin, for scanning. */
export const PINYIN_LETTER_CLASS = `a-zü${TONE_LETTERS}`;

const gbkCache = new Map<string, number>();
/** GBK code per UTF-16 code unit: 0 = not looked up yet, -1 = not double-byte GBK (a typed array: this is a hot path). */
const gbkTable = new Int32Array(0x10000);

/**
 * The two-byte GBK code of a character (e.g. 0xB5C4 for 的), or -1 when the
 * character is not a double-byte GBK character (ASCII, or not encodable).
 */
export function gbkCode(ch: string): number {
  if (ch.length === 1) return gbkCodeUnit(ch.charCodeAt(0));
  let code = gbkCache.get(ch);
  if (code === undefined) {
    code = encodeGbk(ch);
    gbkCache.set(ch, code);
  }
  return code;
}

/** gbkCode of the one-character string with this UTF-16 code unit. */
export function gbkCodeUnit(unit: number): number {
  const cached = gbkTable[unit];
  if (cached !== 0) return cached;
  const code = lookUpGbk(unit);
  gbkTable[unit] = code;
  return code;
}

/**
 * What encodeGbk gives for a code unit, mostly without iconv-lite: ASCII is one byte in GBK, and
 * a unit Node's own GBK decoder (ICU, WHATWG's GBK index) decodes a byte pair to has that pair.
 * iconv-lite's table differs from that index only where the decoder gives nothing (some 80 units
 * iconv-lite maps that the index leaves to the private use area) and in the private use area
 * itself (which iconv-lite does not encode): those, and units the decoder has no pair for, are
 * asked of iconv-lite, which most texts then never load (loading it and building its GBK table
 * took some 35 ms of every CLI run and server start). The same codes for all 65,536 units
 * (test/unit/core-speed-equivalence.test.ts).
 */
function lookUpGbk(unit: number): number {
  if (unit < 0x80) return -1;
  if (unit < 0xe000 || unit > 0xf8ff) {
    const decoded = decodedGbkPairs();
    if (decoded && decoded[unit] > 0) return decoded[unit];
  }
  return encodeGbk(String.fromCharCode(unit));
}

/** Per code unit, the GBK byte pair Node's GBK decoder decodes to it (0: none), or null without that decoder. */
let gbkPairs: Int32Array | null | undefined;

function decodedGbkPairs(): Int32Array | null {
  if (gbkPairs !== undefined) return gbkPairs;
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    return (gbkPairs = null);
  }
  const pairs = new Int32Array(0x10000);
  // Trail bytes 0x40–0x7E and 0x80–0xFE: 190 pairs per lead byte, decoded a lead byte at a time.
  const trails: number[] = [];
  for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) trails.push(t);
  const bytes = new Uint8Array(2 * trails.length);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let k = 0; k < trails.length; k++) {
      bytes[2 * k] = lead;
      bytes[2 * k + 1] = trails[k];
    }
    const row = decoder.decode(bytes);
    // A pair without a character (U+FFFD, and with an ASCII trail byte read again as ASCII)
    // would shift the row: such a row is decoded a pair at a time.
    const aligned = row.length === trails.length && row.indexOf('\ufffd') < 0;
    for (let k = 0; k < trails.length; k++) {
      const ch = aligned ? row[k] : decoder.decode(bytes.subarray(2 * k, 2 * k + 2));
      if (ch.length !== 1 || ch === '\ufffd') continue;
      const u = ch.charCodeAt(0);
      // The first pair of a unit that has several (iconv-lite encodes to the first as well: tested).
      if (pairs[u] === 0) pairs[u] = (lead << 8) | trails[k];
    }
  }
  return (gbkPairs = pairs);
}

function encodeGbk(ch: string): number {
  const buf = iconv().encode(ch, 'gbk');
  return buf.length === 2 && buf[0] >= 0x81 ? (buf[0] << 8) | buf[1] : -1;
}

/**
 * True when the character (or its simplified form) is one of GB2312's 3,755
 * level-1 "commonly used" characters (lead bytes 0xB0–0xD7). Garbled text is
 * dominated by rarer characters; ordinary report prose almost never leaves level 1.
 */
export function isCommonHanzi(ch: string): boolean {
  const s = simplify(ch);
  const code = gbkCode(s);
  if (code < 0) return false;
  const lead = code >> 8;
  return lead >= 0xb0 && lead <= 0xd7;
}

/** A code point a UTF-8 mojibake run decodes to in Chinese text: ideographs, CJK and full-width punctuation. */
function plausibleDecoded(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027);
}

export interface MojibakeRun {
  /** Offsets of the garbled characters in the text. */
  start: number;
  end: number;
  /** The text the garbled run most probably was, when it can be decoded. */
  decoded: string;
}

/**
 * Find runs of UTF-8 text that was decoded as GBK (鎴戜滑 for 我们, 銆 for 。):
 * the GBK bytes of the run re-read as UTF-8 give well-formed three-byte
 * sequences that decode to ordinary Chinese. A run counts only when it decodes
 * to at least two ideographs of which most are common characters, so ordinary
 * Chinese (whose GBK bytes almost never line up into valid UTF-8) is not flagged.
 */
export function findUtf8AsGbk(text: string, candidates: EncodingCandidates = encodingCandidates(text)): MojibakeRun[] {
  // Each GBK character is two bytes: a match of `endByte` bytes spans endByte / 2 characters.
  return findMisreadUtf8(text, candidates.gbk, (code) => gbkCodeUnit(code) >= 0, decodeGbkRun, 2);
}

/**
 * The run of characters of the misread encoding that a candidate starts, found as far as it is
 * read: text[start, end) is known to be in it (a start is taken as in it), and `open` while the
 * characters after `end` have not been looked at. A decode reads one or two characters of most
 * runs: finding each run's end first read every character of a Chinese paragraph (each one a
 * read of a 256 KB table) for a candidate whose first bytes do not begin a UTF-8 sequence.
 */
class MisreadRun {
  end = 0;
  open = false;
  constructor(
    readonly text: string,
    readonly inRun: (code: number) => boolean,
  ) {}

  /** A run from `start`, not read further yet. */
  reset(start: number): void {
    this.end = start + 1;
    this.open = true;
  }

  /** Whether text[k] (k at or after the run's start) is in the run, reading the run up to k if needed. */
  covers(k: number): boolean {
    const text = this.text;
    while (this.open && this.end <= k) {
      if (this.end < text.length && this.inRun(text.charCodeAt(this.end))) this.end++;
      else this.open = false;
    }
    return k < this.end;
  }
}

/**
 * The scan both mojibake finders share. Scanning each maximal run of characters of the misread
 * encoding (`inRun`) from its start, a decoded stretch can only start at a character whose bytes
 * begin a UTF-8 three-byte sequence (`starts`, ascending, from encodingCandidates): visit only
 * those, with their run (read once per run, as far as a decode reads it) and the end of the last match.
 */
function findMisreadUtf8(
  text: string,
  starts: readonly number[],
  inRun: (code: number) => boolean,
  decode: (text: string, start: number, run: MisreadRun) => DecodedRun | null,
  bytesPerChar: number,
): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  if (!starts.length) return runs;
  const run = new MisreadRun(text, inRun);
  let matchedTo = 0;
  for (const c of starts) {
    if (c < matchedTo) continue;
    if (!run.covers(c)) run.reset(c);
    const got = decode(text, c, run);
    if (got && got.ideographs >= 2 && got.common * 2 >= got.ideographs) {
      matchedTo = c + Math.ceil(got.endByte / bytesPerChar);
      runs.push({ start: c, end: matchedTo, decoded: got.text });
    }
  }
  return runs;
}

/**
 * Windows-1252's bytes 0x80–0x9F (NUL where the code page has no character: 0x81, 0x8D, 0x8F,
 * 0x90, 0x9D); bytes 0xA0–0xFF are U+00A0–U+00FF. The code page itself (what iconv-lite encodes:
 * test/unit/core-speed-equivalence.test.ts), so that iconv-lite is not loaded for it.
 */
const CP1252_80_9F = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** The Windows-1252 byte + 1 per UTF-16 code unit (0: none). */
const cp1252Table = new Uint16Array(0x10000);
for (let k = 0; k < CP1252_80_9F.length; k++) {
  const u = CP1252_80_9F.charCodeAt(k);
  if (u !== 0) cp1252Table[u] = 0x80 + k + 1;
}
for (let u = 0xa0; u <= 0xff; u++) cp1252Table[u] = u + 1;

/** The Windows-1252 byte of a character (as its UTF-16 code unit) when it is ≥ 0x80 (the range UTF-8 mojibake is made of), else -1. */
export function cp1252Byte(code: number): number {
  return cp1252Table[code] - 1;
}

/** Census bits per code unit (censusTable). */
const CLASSIFIED = 1;
/**
 * A double-byte GBK character whose bytes can start a UTF-8 three-byte sequence: lead byte
 * 0xE0–0xEF, trail byte 0x80–0xBF (decodeUtf8Cjk stops at once on any other).
 */
const GBK_UTF8_START = 2;
/** A character whose Windows-1252 byte is 0xE0–0xEF: U+00E0–U+00EF (à … ï), and only those. */
const CP1252_UTF8_LEAD = 4;
/** `?` and `？`. */
export const CENSUS_QUESTION = 8;
/** isStrayCjkCode. */
export const CENSUS_STRAY = 16;
/** U+FFFD. */
export const CENSUS_REPLACEMENT = 32;
/** The first characters of the mojibake markers 锟斤拷, 烫烫烫 and 屯屯屯 (锟, 斤, 烫, 屯). */
export const CENSUS_MARKER = 64;
/** U+0000 (a bit above the view's and the punctuation scan's bits: see CENSUS_MASK). */
export const CENSUS_NUL = 1024;

/**
 * Per code unit (built by markTables, on first use): CLASSIFIED (every unit: the hot path's test),
 * and the other bits for the units that have them. Bits 7 and up are not census bits
 * (VIEW_CHANGED, VIEW_CJK, PUNCTUATION_MARK below): they serve textCensus's other counts, which
 * read this one table per code unit; CENSUS_MASK keeps the census bits.
 */
const censusTable = new Uint16Array(0x10000);

/** The ranges isStrayCjkCode accepts (inclusive; keep the two in step), disjoint from each other and from the CJK ranges. */
const STRAY_RANGES: readonly (readonly [number, number])[] = [
  [0x2500, 0x257f],
  [0x3100, 0x312f],
  [0x31a0, 0x31bf],
  [0xe000, 0xf8ff],
];

/**
 * Not a census bit: set (by textCensus, once) on the code units the script view changes, so that
 * its pass reads one table per code unit (two 64 KB tables read together spill out of the cache).
 */
const VIEW_CHANGED = 128;
/** Not a census bit either: a CJK unit the script view counts (isCjkUnit), set with VIEW_CHANGED. */
const VIEW_CJK = 256;
/** The census bits proper (without VIEW_CHANGED, VIEW_CJK and PUNCTUATION_MARK). */
const CENSUS_MASK = 127 | CENSUS_NUL;

/**
 * The code units with GBK_UTF8_START: the characters GBK writes with a lead byte 0xE0–0xEF and a
 * trail byte 0x80–0xBF, i.e. those 16 × 64 byte pairs decoded. Node's own GBK decoder (ICU) does
 * it in well under a millisecond; iconv-lite builds its whole GBK table first (about 30 ms, once
 * per process, which every CLI run and server start paid), so it is only the fallback for a Node
 * built without ICU's GBK. The same set as encoding each code unit with iconv-lite
 * (test/unit/chars.test.ts).
 */
export function gbkUtf8StartUnits(): string {
  const bytes = new Uint8Array(2 * 16 * 64);
  let k = 0;
  for (let lead = 0xe0; lead <= 0xef; lead++) {
    for (let trail = 0x80; trail <= 0xbf; trail++) {
      bytes[k++] = lead;
      bytes[k++] = trail;
    }
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('gbk').decode(bytes);
  } catch {
    decoded = iconv().decode(Buffer.from(bytes), 'gbk');
  }
  // A pair no character has would decode to U+FFFD (none does today).
  return decoded.replace(/\ufffd/g, '');
}

/** The census bits of a code unit (what encodingCandidates sorts characters by). */
export function censusBits(code: number): number {
  if (!tablesMarked) markTables();
  return censusTable[code] & CENSUS_MASK;
}

/**
 * The code units the punctuation scan (punctuation.ts, chinesePunctuationOffsets) stops at: line
 * breaks, the ASCII marks it converts and their full-width forms. The census lists where they are
 * (textCensus `marks`), so that the scan visits them instead of every code unit.
 */
export const PUNCTUATION_SCAN_UNITS = '\n\r,:;()?!，：；（）？！';
/** Not a census bit either: one of PUNCTUATION_SCAN_UNITS. */
const PUNCTUATION_MARK = 512;

/** Whether censusTable has the GBK bit, the view's and the punctuation scan's bits (set once, on first use). */
let tablesMarked = false;

/**
 * Build censusTable and passTable. Whole ranges are filled natively (every unit CLASSIFIED, the
 * stray ranges, the CJK ranges the view counts), then the few units with bits of their own (some
 * 1,000 GBK starts, the 3,400 characters the view changes, a few marks) are set one by one: loops
 * over all 65,536 code units ran interpreted in every process. The same tables as the per-unit
 * construction (test/unit/startup-tables.test.ts).
 */
function markTables(): void {
  censusTable.fill(CLASSIFIED);
  passTable.fill(passBits(CLASSIFIED));
  for (const [from, to] of STRAY_RANGES) {
    censusTable.fill(CLASSIFIED | CENSUS_STRAY, from, to + 1);
    passTable.fill(passBits(CLASSIFIED | CENSUS_STRAY), from, to + 1);
  }
  for (const [from, to] of CJK_UNIT_RANGES) {
    censusTable.fill(CLASSIFIED | VIEW_CJK, from, to + 1);
    passTable.fill(passBits(CLASSIFIED | VIEW_CJK), from, to + 1);
  }
  markUnits('\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef', CP1252_UTF8_LEAD);
  markUnits('?？', CENSUS_QUESTION);
  markUnits('\ufffd', CENSUS_REPLACEMENT);
  markUnits('锟斤烫屯', CENSUS_MARKER);
  markUnits('\u0000', CENSUS_NUL);
  markUnits(gbkUtf8StartUnits(), GBK_UTF8_START);
  markUnits(scriptChangedUnits(), VIEW_CHANGED);
  markUnits(PUNCTUATION_SCAN_UNITS, PUNCTUATION_MARK);
  for (let k = 0; k < ENUMERATION_CUE_UNITS.length; k++) passTable[ENUMERATION_CUE_UNITS.charCodeAt(k)] |= PASS_CUE;
  for (let k = 0; k < BRACKET_SCAN_UNITS.length; k++) passTable[BRACKET_SCAN_UNITS.charCodeAt(k)] |= PASS_BRACKET;
  tablesMarked = true;
}

/**
 * Add census bits to some code units (the characters of a string, or code units), and their pass
 * bits: passBits of an entry is the union of passBits of its bits, each pass bit standing for
 * some census bits.
 */
function markUnits(units: string | readonly number[], bits: number): void {
  const pass = passBits(bits);
  if (typeof units === 'string') {
    for (let k = 0; k < units.length; k++) {
      const u = units.charCodeAt(k);
      censusTable[u] |= bits;
      passTable[u] |= pass;
    }
  } else {
    for (const u of units) {
      censusTable[u] |= bits;
      passTable[u] |= pass;
    }
  }
}

/** The passTable entry of a censusTable entry (without PASS_CUE and PASS_BRACKET, set per unit). */
function passBits(full: number): number {
  const v = full & CENSUS_MASK;
  return (
    (v & GBK_UTF8_START ? PASS_GBK : 0) |
    (v & CP1252_UTF8_LEAD ? PASS_LATIN1 : 0) |
    (v & ~(CLASSIFIED | GBK_UTF8_START | CP1252_UTF8_LEAD) ? PASS_OTHER : 0) |
    (full & VIEW_CHANGED ? PASS_CHANGED : 0) |
    (full & PUNCTUATION_MARK ? PASS_MARK : 0) |
    (full & VIEW_CJK ? PASS_CJK : 0)
  );
}

/** The census and pass tables as textCensus reads them (built on first use), for the equivalence tests. */
export function censusTablesForTest(): { census: Uint16Array; pass: Uint8Array } {
  if (!tablesMarked) markTables();
  return { census: censusTable, pass: passTable };
}

/**
 * censusTable's bits as censusPass reads them, one byte per code unit: half the table, so that
 * the part ideographs read (U+4E00–U+9FFF, 21 KB) stays in the first-level cache, where the
 * 16-bit table's 42 KB did not (a miss per character made the pass memory-bound).
 */
const passTable = new Uint8Array(0x10000);
/** Where findUtf8AsGbk starts (GBK_UTF8_START). */
const PASS_GBK = 1;
/** Where findUtf8AsLatin1 starts (CP1252_UTF8_LEAD). */
const PASS_LATIN1 = 2;
/** Any other census bit (`other` candidates). */
const PASS_OTHER = 4;
/** VIEW_CHANGED. */
const PASS_CHANGED = 8;
/** PUNCTUATION_MARK. */
const PASS_MARK = 16;
/** VIEW_CJK: counted, never a reason to stop. */
const PASS_CJK = 32;
/** One of ENUMERATION_CUE_UNITS. */
const PASS_CUE = 64;

/**
 * The characters an enumeration marker's cue is (outline.ts, enumerationCues): 是 (一是), 第 (第二)
 * and the first characters of 首先, 其次, 再次, 最后. The census lists where they are (textCensus
 * `cues`), so that the outline visits them instead of searching the text six times.
 */
export const ENUMERATION_CUE_UNITS = '是第首其再最';
/** One of BRACKET_SCAN_UNITS. */
const PASS_BRACKET = 128;

/**
 * The opening brackets searches start from: ( and （ (pinyin residue) and 《 (citations), and the
 * table pipes | and ｜ (findTables: where the first pipe is). None is a character the script view
 * changes, so their offsets in the text are theirs in the view. The census lists where they are
 * (textCensus `brackets`): the searches visit them instead of searching the text for each (a
 * search of a Chinese text for ｜ is slow: its high byte is that of every full-width mark).
 */
export const BRACKET_SCAN_UNITS = '(（《|｜';

/** Offsets (ascending) of the characters the encoding-damage finders start from, from one pass over a text. */
export interface EncodingCandidates {
  /** Where a UTF-8 sequence read as GBK can start (findUtf8AsGbk). */
  gbk: number[];
  /** Where a UTF-8 sequence read as Windows-1252 can start: à … ï (findUtf8AsLatin1). */
  latin1: number[];
  /** `?`, `？`, stray symbols, U+FFFD, U+0000 and the first characters of mojibake markers (CENSUS_* bits, see censusBits). */
  other: number[];
}

/**
 * One pass over a text for every character the encoding-damage finders start from (a table read
 * per character; the rest of a report's text is none of them).
 */
export function encodingCandidates(text: string): EncodingCandidates {
  const gbk: number[] = [];
  const latin1: number[] = [];
  const other: number[] = [];
  if (!tablesMarked) markTables();
  for (let i = 0; i < text.length; i++) {
    const v = censusTable[text.charCodeAt(i)] & CENSUS_MASK;
    if (v === CLASSIFIED) continue; // hot path
    if (v & GBK_UTF8_START) gbk.push(i);
    if (v & CP1252_UTF8_LEAD) latin1.push(i);
    if (v & ~(CLASSIFIED | GBK_UTF8_START | CP1252_UTF8_LEAD)) other.push(i);
  }
  return { gbk, latin1, other };
}

/**
 * A text's script view (toSimplifiedView), its encoding candidates (encodingCandidates) and
 * the offsets of its PUNCTUATION_SCAN_UNITS, ENUMERATION_CUE_UNITS and BRACKET_SCAN_UNITS from one pass: each read a 64 KB table per code unit,
 * and a text is read once instead of three times. ReportDocument computes them here.
 */
export function textCensus(text: string): { view: ScriptView; candidates: EncodingCandidates; marks: number[]; cues: number[]; brackets: number[] } {
  if (!tablesMarked) markTables();
  const changedAt: number[] = [];
  const candidates: EncodingCandidates = { gbk: [], latin1: [], other: [] };
  const marks: number[] = [];
  const cues: number[] = [];
  const brackets: number[] = [];
  const counts = censusPass(text, changedAt, candidates.gbk, candidates.latin1, candidates.other, marks, cues, brackets);
  const traditionalCount = counts.traditional;
  // changedAt holds the first MAX_CHANGED_AT offsets: null past them, as toSimplifiedView has it.
  const view = finishView(text, traditionalCount, counts.cjk, traditionalCount > MAX_CHANGED_AT ? null : changedAt);
  return { view, candidates, marks, cues, brackets };
}

/**
 * textCensus's loop, in a function of its own that ends with it: called once per document, it runs
 * optimised from within its loop (on-stack replacement), and code after the loop, never run
 * before, made V8 drop the optimised code at every call.
 */
function censusPass(
  text: string,
  changedAt: number[],
  gbk: number[],
  latin1: number[],
  other: number[],
  marks: number[],
  cues: number[],
  brackets: number[],
): { cjk: number; traditional: number } {
  const pass = passTable;
  // An imported constant as a local: compiled to CommonJS, it would be a property read of the
  // module object in the loop.
  const maxChangedAt = MAX_CHANGED_AT;
  let cjk = 0;
  let traditional = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const f = pass[text.charCodeAt(i)];
    // The script view, as toSimplifiedView counts it: CJK units (isCjkUnit), without a branch.
    cjk += (f >> 5) & 1; // PASS_CJK
    if ((f & ~PASS_CJK) === 0) continue; // hot path: nothing to list
    if (f & PASS_CHANGED && traditional++ < maxChangedAt) changedAt.push(i);
    if (f & PASS_MARK) marks.push(i);
    if (f & PASS_CUE) cues.push(i);
    if (f & PASS_BRACKET) brackets.push(i);
    // The encoding candidates, as encodingCandidates sorts them.
    if (f & PASS_GBK) gbk.push(i);
    if (f & PASS_LATIN1) latin1.push(i);
    if (f & PASS_OTHER) other.push(i);
  }
  return { cjk, traditional };
}

/**
 * Find runs of UTF-8 Chinese read as Windows-1252/Latin-1 (æˆ‘ä»¬ for 我们): each character is
 * one byte, and the bytes re-read as UTF-8 give at least two ideographs, mostly common ones.
 * Pinyin with tone marks (zhèn) never qualifies: its accented letters are not followed by two
 * continuation bytes.
 */
export function findUtf8AsLatin1(text: string, candidates: EncodingCandidates = encodingCandidates(text)): MojibakeRun[] {
  return findMisreadUtf8(text, candidates.latin1, (code) => cp1252Byte(code) >= 0, decodeCp1252Run, 1);
}

/** The characters whose Windows-1252 byte is a UTF-8 three-byte lead (CP1252_UTF8_LEAD). */
export const CP1252_UTF8_LEAD_CHARS = /[\u00e0-\u00ef]/;

/** decodeUtf8Cjk on the GBK bytes of the run from text[from] (a closure outside the scanning loops, which must not capture their variables). */
function decodeGbkRun(text: string, from: number, run: MisreadRun): DecodedRun | null {
  // Byte 2m + 0/1: the high/low GBK byte of character from + m.
  const byteAt = (p: number) => {
    const g = gbkCodeUnit(text.charCodeAt(from + (p >> 1)));
    return p & 1 ? g & 0xff : g >> 8;
  };
  return decodeUtf8Cjk(byteAt, (p) => run.covers(from + (p >> 1)), 0);
}

/** decodeUtf8Cjk on the Windows-1252 bytes of the run from text[from]. */
function decodeCp1252Run(text: string, from: number, run: MisreadRun): DecodedRun | null {
  return decodeUtf8Cjk((p) => cp1252Byte(text.charCodeAt(from + p)), (p) => run.covers(from + p), 0);
}

interface DecodedRun {
  text: string;
  endByte: number;
  ideographs: number;
  common: number;
}

/**
 * Decode well-formed three-byte UTF-8 sequences of plausible Chinese from byte `from` of
 * `byteAt(p)`, for the bytes p that `has` (a prefix of 0, 1, 2 …: the bytes of the run).
 */
function decodeUtf8Cjk(
  byteAt: (p: number) => number,
  has: (p: number) => boolean,
  from: number,
): DecodedRun | null {
  let p = from;
  let text = '';
  let ideographs = 0;
  let common = 0;
  while (has(p + 2)) {
    const b0 = byteAt(p);
    const b1 = byteAt(p + 1);
    const b2 = byteAt(p + 2);
    if (b0 < 0xe0 || b0 > 0xef || b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    if (cp < 0x800 || !plausibleDecoded(cp)) break;
    const ch = String.fromCharCode(cp);
    text += ch;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      ideographs++;
      if (isCommonHanzi(ch)) common++;
    }
    p += 3;
  }
  return p > from ? { text, endByte: p, ideographs, common } : null;
}
