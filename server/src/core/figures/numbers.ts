/**
 * Number understanding for report prose: finds every printed number, decides
 * whether it is a figure (a count, a percentage, percentage points, a multiple)
 * or something that merely contains digits (a year, a date, a document number,
 * a hotline, a programme name, an ordinal), and keeps the printed string and
 * its precision (trailing zeros count: 95.80% has two decimals).
 *
 * Works on the simplified-script view (same length as the original), so the
 * offsets are offsets in the original text. One pass, linear in the text.
 */
import { parseChineseNumeral } from '../document/chinese-numerals';
import { codeAt, codeUnits, isAsciiDigitCode, groupByUnit, UnitTable } from './code-units';
import { CATEGORY_CLASSIFIERS, ITEM_CLASSIFIERS } from './vocabulary';

export type FigureKind = 'count' | 'percent' | 'points' | 'times';
/** atLeast: 余 多 超 逾 以上 突破 …; atMost: 近 不到 不足 以下 …; about: 约 左右 上下 … */
export type Approx = 'atLeast' | 'atMost' | 'about';
export type UnitFamily = 'generic' | 'people' | 'money' | 'time' | 'score';
export type NotFigureReason = 'year' | 'date' | 'ordinal' | 'name' | 'docno' | 'no-unit' | 'range';

export interface Figure {
  /** Index in document order (among figures only). */
  index: number;
  kind: FigureKind;
  /** The value in base units: 2.5万 → 25000; 95.82% → 95.82. */
  value: number;
  /** Offsets of the printed number (digits only, without %/unit): the text a fix replaces. */
  numStart: number;
  numEnd: number;
  /** Offsets of the whole figure: qualifiers, number, scale, unit (… 约2.48亿元, 95.82%). */
  start: number;
  end: number;
  /** The number as printed in the original text (e.g. "2,176", "９５.８２", "三百二十一"). */
  printed: string;
  /** Decimals printed (the precision), 0 for integers and Chinese numerals. */
  decimals: number;
  /** 1, 1e4 (万), 1e8 (亿), … when a scale word follows. */
  scale: number;
  /** Measure word (件, 宗, 人次 …) or null. */
  unit: string | null;
  family: UnitFamily;
  approx: Approx | null;
  /** The approximate qualifier as written (约, 余, 以上 …). */
  approxWord: string | null;
  /** True when the number is written in Arabic digits (fixes only rewrite those). */
  arabic: boolean;
}

/** A number that is not a figure: where it is (its printed text is the text there) and why. */
export interface NonFigure {
  start: number;
  end: number;
  reason: NotFigureReason;
}

export interface ScanResult {
  figures: Figure[];
  /** Numbers that were deliberately not taken as figures (for tests and coverage). */
  skipped: NonFigure[];
  /**
   * The number tokens (NUMBER_RE) followed by the first code unit of a count's classifier (个, 项,
   * 类 …: COUNT_CLASSIFIER_FIRST), as start, end pairs in order, figure or not: a count (COUNT_RE)
   * ends its numerals where a token ends (inside a token a run of numerals is followed by another
   * numeral, , . or ．, which no classifier starts with), so the count scan reads these instead of
   * every character.
   */
  tokens: number[];
  /**
   * The offsets of every code unit that ends a sentence (。！？!? and line breaks), ascending: the
   * scan walks every code unit outside its figures (which hold none), and notes them on the way,
   * so splitSentences needs no search of its own.
   */
  sentenceEnds: number[];
  /**
   * The WALK_* features of the text: a bit is clear only when no code unit of its class is in the
   * text (the walk reads every code unit outside the figures; a figure's unit 分 counts as one of
   * WALK_MARKER). WALK_PINYIN_BRACKET: a ( or （ followed by a–z or U+00E0–U+01FF.
   */
  seen: number;
  /**
   * The offsets of the code units of WALK_MARKER (其 内 包 含 分: what a breakdown marker starts
   * with) the walk saw, and of a figure's unit 分, ascending (a shared empty list when none): every
   * offset where a marker (textMarkers) can start, so that the sums search no text of their own.
   */
  markerStarts: readonly number[];
}

/** Measure words, longest first so 人次 wins over 人. */
const UNITS: Array<[string, UnitFamily]> = (
  [
    ['个工作日', 'time'], ['个小时', 'time'], ['个月', 'time'],
    ['人次', 'people'], ['家次', 'generic'], ['场次', 'generic'], ['件次', 'generic'], ['户次', 'generic'], ['个次', 'generic'],
    ['批次', 'generic'], ['小时', 'time'], ['分钟', 'time'], ['工作日', 'time'], ['平方米', 'generic'], ['公里', 'generic'],
    ['件', 'generic'], ['宗', 'generic'], ['个', 'generic'], ['场', 'generic'], ['次', 'generic'], ['项', 'generic'],
    ['家', 'generic'], ['份', 'generic'], ['条', 'generic'], ['户', 'generic'], ['起', 'generic'], ['篇', 'generic'],
    ['期', 'generic'], ['批', 'generic'], ['部', 'generic'], ['幅', 'generic'], ['所', 'generic'], ['处', 'generic'],
    ['座', 'generic'], ['台', 'generic'], ['辆', 'generic'], ['套', 'generic'], ['本', 'generic'], ['册', 'generic'],
    ['张', 'generic'], ['轮', 'generic'], ['单', 'generic'], ['例', 'generic'], ['支', 'generic'], ['栋', 'generic'],
    ['类', 'generic'], ['种', 'generic'], ['组', 'generic'], ['堂', 'generic'], ['课', 'generic'], ['节', 'generic'],
    ['门', 'generic'], ['间', 'generic'], ['亩', 'generic'], ['吨', 'generic'], ['米', 'generic'], ['宗次', 'generic'],
    ['人', 'people'], ['名', 'people'], ['位', 'people'], ['元', 'money'],
    ['天', 'time'], ['年', 'time'], ['周', 'time'], ['秒', 'time'], ['分', 'score'],
  ] as Array<[string, UnitFamily]>
).sort((a, b) => b[0].length - a[0].length);

const SCALES: Array<[string, number]> = [
  ['千万', 1e7], ['百万', 1e6], ['万亿', 1e12], ['万', 1e4], ['亿', 1e8],
];

const PREFIX_QUALIFIERS: Array<[string, Approx]> = (
  [
    ['大约', 'about'], ['约为', 'about'], ['约', 'about'], ['将近', 'atMost'], ['接近', 'atMost'], ['近', 'atMost'],
    ['不到', 'atMost'], ['不足', 'atMost'], ['低于', 'atMost'], ['超过', 'atLeast'], ['超', 'atLeast'], ['逾', 'atLeast'],
    ['突破', 'atLeast'], ['高于', 'atLeast'], ['多于', 'atLeast'], ['至少', 'atLeast'],
  ] as Array<[string, Approx]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * PREFIX_QUALIFIERS by their last code unit (same order within each list): one array read per
 * figure. PREFIX_SLOT holds 1 + the index of a code unit's list in PREFIX_LISTS, or 0.
 */
const { slot: PREFIX_SLOT, lists: PREFIX_LISTS } = groupByUnit(PREFIX_QUALIFIERS, (q) => q[0].charCodeAt(q[0].length - 1));

const SUFFIX_QUALIFIERS: Array<[string, Approx]> = [
  ['左右', 'about'], ['上下', 'about'], ['以上', 'atLeast'], ['以下', 'atMost'], ['之多', 'atLeast'],
];

const FULLWIDTH_ZERO = 0xff10;
const FULLWIDTH_ZERO_UNIT = FULLWIDTH_ZERO;

/** Characters that make 前 part of a time word (目前, 此前, 之前, 以前, 当前, 提前, 事前, 年前) rather than an ordinal. */
const NOT_ORDINAL_BEFORE_QIAN = codeUnits('目此之以当提事年');

/** Full-width digits and period to ASCII (same length). */
export function toAsciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) out += String.fromCharCode(c - FULLWIDTH_ZERO + 48);
    else if (ch === '．') out += '.';
    else out += ch;
  }
  return out;
}

/**
 * The grammar of a number token, as a regular expression (documentation and the test oracle of
 * `nextNumberToken`, which reads the same grammar by hand on code units).
 */
export const NUMBER_RE =
  /百分之(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+/g;

/** Code-unit classes of the tokenizer: a digit, a Chinese numeral, one after 百分之, one after 点. */
const DIGIT = 1;
const CN = 2;
const CN_PERCENT = 4;
const CN_FRACTION = 8;
/**
 * Not numerals: code units the token walk notes on its way (it reads every code unit outside the
 * figures, and no figure holds one of them but 分, see MAY_HOLD_MARKER), so that later steps need
 * no search of their own for them: a sentence end (。！？!? and line breaks: splitSentences' ends),
 * and the WALK_* features of ScanResult.seen.
 */
const SENTENCE_END = 16;
/** A line break (\n \r). */
export const WALK_LINE_BREAK = 32;
/** ( or （ (a pinyin bracket when a–z or U+00E0–U+01FF follows: WALK_PINYIN_BRACKET). */
const WALK_PAREN = 64;
/** An opening bracket of QUOTE_PAIRS (《“〔【「『〈): what computeMasks starts from. */
const WALK_OPENER = 128;
/** 、 or “ (what a counted list needs: countClaims). */
export const WALK_LIST = 256;
/** 其 内 包 含 分: the first code units of the breakdown markers (textMarkers). */
export const WALK_MARKER = 512;
/** 占 or 比 (what a share needs: findShares). */
export const WALK_SHARE = 1024;
/** A bracket followed by what a pinyin syllable starts with (MAY_HOLD_PINYIN_RE's second half). */
export const WALK_PINYIN_BRACKET = 2048;
/** 率 (what a rate's name ends in: findRateMentions). */
export const WALK_RATE = 4096;
/** 番 (what a doubling needs: doublingClaims). */
export const WALK_DOUBLING = 8192;
/** A closing bracket of QUOTE_PAIRS (》”〕】」』〉): the walk keeps computeMasks' stack of brackets. */
const WALK_CLOSER = 16384;
/** Every feature (what a context not from a scan reports: everything may be there). */
export const WALK_ALL = 0xffff;
const NUMERAL = DIGIT | CN;
/** In NUM_CLASS: a code unit with WALK_CLASS bits (kept apart: the walk's table stays one byte a unit). */
const WALKED = 16;
const NUM_CLASS = new Uint8Array(65536);
const WALK_CLASS = new Uint16Array(65536);
/**
 * The code units given a class below (possibly more than once): the only ones not 0 in either
 * table, so that the derived tables are filled from them, not by loops over all 65,536 units
 * (which every process ran interpreted at load).
 */
const CLASSED: number[] = [];
function numClass(units: string, bits: number): void {
  for (let k = 0; k < units.length; k++) {
    NUM_CLASS[units.charCodeAt(k)] |= bits;
    CLASSED.push(units.charCodeAt(k));
  }
}
function walkClass(units: string, bits: number): void {
  for (let k = 0; k < units.length; k++) {
    WALK_CLASS[units.charCodeAt(k)] |= bits;
    CLASSED.push(units.charCodeAt(k));
  }
}
numClass('0123456789', DIGIT);
numClass('０１２３４５６７８９', DIGIT);
numClass('零〇一二两三四五六七八九十百千万亿', CN);
numClass('零〇一二两三四五六七八九十百', CN_PERCENT);
numClass('零〇一二三四五六七八九', CN_FRACTION);
walkClass('。！？!?\n\r', SENTENCE_END);
walkClass('\n\r', WALK_LINE_BREAK);
walkClass('(（', WALK_PAREN);
walkClass('《“〔【「『〈', WALK_OPENER);
walkClass('》”〕】」』〉', WALK_CLOSER);
walkClass('、“', WALK_LIST);
walkClass('其内包含分', WALK_MARKER);
walkClass('占比', WALK_SHARE);
walkClass('率', WALK_RATE);
walkClass('番', WALK_DOUBLING);
for (const c of CLASSED) if (WALK_CLASS[c]) NUM_CLASS[c] = WALKED;
/**
 * One bit per code unit, set where NUM_CLASS is not 0: what the walk tests first (8 KB: the
 * ideographs of a text touch a few cache lines of it, where a byte per code unit spreads them
 * over 20 KB of NUM_CLASS).
 */
const WALK_BITS = new Int32Array(2048);
for (const c of CLASSED) if (NUM_CLASS[c]) WALK_BITS[c >>> 5] |= 1 << (c & 31);

/** The number scan's tables (NUM_CLASS, WALK_CLASS, WALK_BITS), for the equivalence tests. */
export function numberTablesForTest(): { numClass: Uint8Array; walkClass: Uint16Array; walkBits: Int32Array } {
  return { numClass: NUM_CLASS, walkClass: WALK_CLASS, walkBits: WALK_BITS };
}

/**
 * Whether a text holds a code unit that can start a number token (a digit or a Chinese numeral:
 * /[0-9０-９零〇一二两三四五六七八九十百千万亿]/), read by code unit (several times faster than the
 * expression's class on prose, which most paragraphs are); of s[start, end) when given (no slice made).
 */
export function mayHoldNumber(s: string, start = 0, end = s.length): boolean {
  // WALK_BITS first (a bit per unit, set where NUM_CLASS is not 0): the ideographs of prose are
  // looked up in 2.6 KB of it, not in 21 KB of NUM_CLASS (cache lines a cold check reads again).
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if ((WALK_BITS[c >>> 5] >>> (c & 31)) & 1 && NUM_CLASS[c] & NUMERAL) return true;
  }
  return false;
}

function classAt(s: string, i: number): number {
  return i < s.length ? NUM_CLASS[s.charCodeAt(i)] : 0;
}

function isAsciiDigitAt(s: string, i: number): boolean {
  return isAsciiDigitCode(codeAt(s, i)); // NaN past the end: not a digit
}

/** The end of a run of units of class `k` from `i`. */
function runEnd(s: string, i: number, k: number): number {
  while (classAt(s, i) & k) i++;
  return i;
}

/** After digits: `[.．]digits`, if there. */
function fractionEnd(s: string, e: number): number {
  const c = codeAt(s, e);
  return (c === 0x2e || c === 0xff0e) && classAt(s, e + 1) & DIGIT ? runEnd(s, e + 1, DIGIT) : e;
}

/** The first code units of the classifiers of counts (CATEGORY_CLASSIFIERS, ITEM_CLASSIFIERS). */
const COUNT_CLASSIFIER_FIRST = new UnitTable();
for (const w of [...CATEGORY_CLASSIFIERS, ...ITEM_CLASSIFIERS]) COUNT_CLASSIFIER_FIRST.set(w.charCodeAt(0), 1);

/** The end of the last token found by nextNumberToken. */
let tokenEnd = 0;
/** Where nextNumberToken notes the sentence ends it walks past (the current scan's list). */
let walkedEnds: number[] = [];
/** The WALK_* features nextNumberToken has walked past in the current scan. */
let walkSeen = 0;
/** The offsets of the WALK_MARKER code units walked past in the current scan (null until the first). */
let walkedMarkers: number[] | null = null;
/** ScanResult.markerStarts of a text without any (shared, never written to). */
const NO_MARKER_STARTS: readonly number[] = Object.freeze([]) as readonly number[];
/** The first opening bracket (WALK_OPENER) walked past in the current scan, or -1. */
let walkFirstOpener = -1;
/**
 * The brackets open where the walk is (their code units, `walkDepth` of them), as computeMasks'
 * stack has them there: an opener is pushed, the closer of the innermost one pops it, a line break
 * empties it. A figure is inside a name or document number only when the stack is not empty.
 */
const walkOpen: number[] = [];
/** Where the brackets of walkOpen were opened (offsets). */
const walkOpenAt: number[] = [];
let walkDepth = 0;

/**
 * The start of the next number token at or after `from` (the leftmost match of NUMBER_RE, read
 * by hand: no match object or substring per token), or -1; its end is left in `tokenEnd`.
 */
function nextNumberToken(s: string, from: number): number {
  const n = s.length;
  for (let p = from; p < n; p++) {
    const c = s.charCodeAt(p);
    if (!((WALK_BITS[c >>> 5] >>> (c & 31)) & 1)) continue;
    const k = NUM_CLASS[c];
    if (k === WALKED) {
      walkedPast(s, p, WALK_CLASS[c]);
      continue;
    }
    if (c === 0x767e /* 百 */ && codeAt(s, p + 1) === 0x5206 /* 分 */ && codeAt(s, p + 2) === 0x4e4b /* 之 */) {
      const q = p + 3;
      let e = runEnd(s, q, DIGIT);
      if (e > q) {
        tokenEnd = fractionEnd(s, e);
        return p;
      }
      e = runEnd(s, q, CN_PERCENT);
      if (e > q) {
        if (codeAt(s, e) === 0x70b9 /* 点 */ && classAt(s, e + 1) & CN_FRACTION) e = runEnd(s, e + 1, CN_FRACTION);
        tokenEnd = e;
        return p;
      }
    }
    if (k & DIGIT) {
      let e = runEnd(s, p, DIGIT);
      // Thousands groups: ,ddd not followed by another ASCII digit.
      while (codeAt(s, e) === 0x2c && isAsciiDigitAt(s, e + 1) && isAsciiDigitAt(s, e + 2) && isAsciiDigitAt(s, e + 3) && !isAsciiDigitAt(s, e + 4)) e += 4;
      tokenEnd = fractionEnd(s, e);
      return p;
    }
    tokenEnd = runEnd(s, p + 1, CN);
    return p;
  }
  return -1;
}

/** Note a code unit of the walk that is not a numeral (its WALK_CLASS `k`: SENTENCE_END and WALK_* bits). */
function walkedPast(s: string, p: number, k: number): void {
  walkSeen |= k;
  if (k & SENTENCE_END) walkedEnds.push(p);
  if (k & WALK_MARKER) (walkedMarkers ??= []).push(p);
  if (k & WALK_PAREN) {
    const d = codeAt(s, p + 1);
    if ((d >= 97 && d <= 122) || (d >= 0xe0 && d <= 0x1ff)) walkSeen |= WALK_PINYIN_BRACKET;
  }
  if (k & WALK_OPENER) {
    if (walkFirstOpener < 0) walkFirstOpener = p;
    const c = s.charCodeAt(p);
    if (walkDepth === walkOpen.length) {
      walkOpen.push(c);
      walkOpenAt.push(p);
    } else {
      walkOpen[walkDepth] = c;
      walkOpenAt[walkDepth] = p;
    }
    walkDepth++;
  } else if (k & WALK_CLOSER) {
    if (walkDepth > 0 && CLOSER_OF[walkOpen[walkDepth - 1]] === s.charCodeAt(p)) walkDepth--;
  } else if (k & WALK_LINE_BREAK) walkDepth = 0;
}

/** Every number token of a text as [start, end) pairs (for tests: the same tokens as NUMBER_RE). */
export function numberTokens(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  walkedEnds = [];
  for (let p = nextNumberToken(s, 0); p >= 0; p = nextNumberToken(s, tokenEnd)) out.push([p, tokenEnd]);
  return out;
}

/** Four ASCII or full-width digits starting 19 or 20 (a year), in s[start, end). */
function isYearDigits(s: string, start: number, end: number): boolean {
  if (end - start !== 4) return false;
  for (let i = start; i < end; i++) if (!(classAt(s, i) & DIGIT)) return false;
  const c0 = s.charCodeAt(start);
  const c1 = codeAt(s, start + 1);
  const century = (c0 >= FULLWIDTH_ZERO_UNIT ? c0 - FULLWIDTH_ZERO_UNIT : c0 - 48) * 10 + (c1 >= FULLWIDTH_ZERO_UNIT ? c1 - FULLWIDTH_ZERO_UNIT : c1 - 48);
  return century === 19 || century === 20;
}

export interface Masks {
  /** For each offset, true when inside 《》, “” (short), 〔〕 or 【】. */
  kind: Uint8Array; // 0 none, 1 title/quote name, 2 document number bracket
}

/** Opening → closing code units of name and number brackets: 《》 “” 〔〕 【】 「」 『』 〈〉. */
const QUOTE_PAIRS = new Map<number, number>([
  [0x300a, 0x300b], [0x201c, 0x201d], [0x3014, 0x3015], [0x3010, 0x3011], [0x300c, 0x300d], [0x300e, 0x300f], [0x3008, 0x3009],
]);
const CLOSERS = new Set(QUOTE_PAIRS.values());
/** Any opening bracket of QUOTE_PAIRS. */
const OPENERS_RE = new RegExp(`[${[...QUOTE_PAIRS.keys()].map((c) => String.fromCharCode(c)).join('')}]`);
/** The code units computeMasks acts on: line breaks, openers and closers (their role). */
const LINE_BREAK = 1;
const OPENER = 2;
const CLOSER = 3;
const MASK_UNITS = new Uint8Array(65536);
for (const c of CLOSERS) MASK_UNITS[c] = CLOSER;
for (const c of QUOTE_PAIRS.keys()) MASK_UNITS[c] = OPENER;
MASK_UNITS[10] = LINE_BREAK;
MASK_UNITS[13] = LINE_BREAK;
/** The code units of MASK_UNITS, searching on from its lastIndex. */
const MASK_UNITS_RE = new RegExp(`[\\n\\r${[...QUOTE_PAIRS].map(([open, close]) => String.fromCharCode(open, close)).join('')}]`, 'g');
/** An opener's closer by code unit (0 for other units). */
const CLOSER_OF = new Uint16Array(65536);
for (const [open, close] of QUOTE_PAIRS) CLOSER_OF[open] = close;
const MAX_NAME_LENGTH = 40;

/**
 * Mark names (《…》, short “…”) and document-number brackets (〔2024〕). Linear; works on
 * code units (indexing a string of CJK text by character would allocate per character).
 */
export function computeMasks(s: string, firstOpen: number = s.search(OPENERS_RE)): Masks {
  // Nothing is marked before the first opening bracket (line breaks only empty an empty stack):
  // one native search finds it (or the caller, `firstOpen`), and most paragraphs without one are not walked at all.
  if (firstOpen < 0) return { kind: NO_MASK };
  let kind: Uint8Array | null = null;
  // The open brackets as two parallel stacks (code unit, offset): reused, no object per bracket.
  let depth = 0;
  // Only line breaks and the brackets matter: each found by a native search (most of a paragraph is neither).
  const re = MASK_UNITS_RE;
  re.lastIndex = firstOpen;
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    const c = s.charCodeAt(i);
    const role = MASK_UNITS[c];
    if (role === LINE_BREAK) {
      depth = 0;
      continue;
    }
    if (role === OPENER) {
      if (depth === openUnits.length) {
        openUnits.push(c);
        openAt.push(i);
      } else {
        openUnits[depth] = c;
        openAt[depth] = i;
      }
      depth++;
      continue;
    }
    // A closer: it closes the innermost bracket when that is its opener.
    if (depth > 0 && CLOSER_OF[openUnits[depth - 1]] === c) {
      depth--;
      const open = openUnits[depth];
      const at = openAt[depth];
      const len = i - at - 1;
      const mark = open === 0x3014 ? 2 : 1;
      if (open === 0x300a || open === 0x3008 || len <= MAX_NAME_LENGTH) {
        kind ??= scratchMask(s.length + 1);
        for (let j = at + 1; j < i; j++) if (!kind[j]) kind[j] = mark;
      }
    }
  }
  return { kind: kind ?? NO_MASK };
}

/** How far on from a token maskAt reads before leaving the decision to computeMasks (so a scan stays linear). */
const MASK_LOOKAHEAD = 64;
/** The brackets opened after the token maskAt decides on (their code units), reused. */
const laterOpen: number[] = [];

/**
 * computeMasks' mark at `t` (0 none, 1 name, 2 document number), decided from the walk's stack of
 * open brackets there and the brackets after `t`, as computeMasks goes on past it: the first pair
 * holding `t` to close and qualify marks it; a line break, the end of the text, or the last pair
 * holding it closing unqualified leaves it unmarked. -1 when nothing decides within
 * MASK_LOOKAHEAD code units (the caller computes the masks of the whole text then, once).
 */
function maskAt(s: string, t: number): number {
  const re = MASK_UNITS_RE;
  re.lastIndex = t;
  let depth = walkDepth;
  let later = 0;
  const limit = t + MASK_LOOKAHEAD;
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    if (i > limit) return -1;
    const c = s.charCodeAt(i);
    const role = MASK_UNITS[c];
    if (role === LINE_BREAK) return 0;
    if (role === OPENER) {
      if (later === laterOpen.length) laterOpen.push(c);
      else laterOpen[later] = c;
      later++;
      continue;
    }
    // A closer closes the innermost bracket when that is its opener: one opened after `t` first.
    if (later > 0) {
      if (CLOSER_OF[laterOpen[later - 1]] === c) later--;
      continue;
    }
    if (CLOSER_OF[walkOpen[depth - 1]] === c) {
      depth--;
      const open = walkOpen[depth];
      if (open === 0x300a || open === 0x3008 || i - walkOpenAt[depth] - 1 <= MAX_NAME_LENGTH) return open === 0x3014 ? 2 : 1;
      if (depth === 0) return 0;
    }
  }
  // No bracket or line break up to the end of the text: nothing closes (decided only when that end is close).
  return s.length > limit ? -1 : 0;
}

/** computeMasks' stacks of open brackets (their code units and offsets), reused by every scan. */
const openUnits: number[] = [];
const openAt: number[] = [];

/** The masks of a text without names or document numbers (reads as 0 everywhere). */
const NO_MASK = new Uint8Array(0);

/**
 * One buffer for the masks of every scan (a scan's masks are read only while it runs, and a typed
 * array per paragraph was a large share of the scan): at least `length` zeros.
 */
let maskBuffer = new Uint8Array(1024);
function scratchMask(length: number): Uint8Array {
  if (maskBuffer.length < length) maskBuffer = new Uint8Array(Math.max(length, 2 * maskBuffer.length));
  else maskBuffer.fill(0, 0, length);
  return maskBuffer;
}

/**
 * Words indexed by their first code unit, longest first within each list (matchAt is per number
 * token): a list per code unit, found by one array read.
 */
interface WordIndex<W extends [string, ...unknown[]]> {
  /** For each code unit, 1 + the index of its list in `lists`, or 0. */
  slot: UnitTable;
  lists: W[][];
}

function indexWords<W extends [string, ...unknown[]]>(words: readonly W[]): WordIndex<W> {
  const slot = new UnitTable();
  const lists: W[][] = [];
  for (const w of words) {
    const c = w[0].charCodeAt(0);
    if (!slot.get(c)) {
      lists.push([]);
      slot.set(c, lists.length);
    }
    lists[slot.get(c) - 1].push(w);
  }
  return { slot, lists };
}

/** The first word of `index` (longest first) that `s` holds at `at`, or null. */
function matchAt<W extends [string, ...unknown[]]>(s: string, at: number, index: WordIndex<W>): W | null {
  if (at < 0 || at >= s.length) return null; // no typed-array read at NaN (it de-optimises)
  const k = index.slot.get(s.charCodeAt(at));
  if (!k) return null;
  // The first code unit is the slot's: the rest compared by code unit (most words are one long).
  const list = index.lists[k - 1];
  for (let i = 0; i < list.length; i++) {
    const w = list[i][0];
    let j = 1;
    while (j < w.length && s.charCodeAt(at + j) === w.charCodeAt(j)) j++;
    if (j === w.length) return list[i];
  }
  return null;
}

const UNIT_INDEX = indexWords(UNITS);
const SCALE_INDEX = indexWords(SCALES);
const SUFFIX_INDEX = indexWords(SUFFIX_QUALIFIERS);

function endsWithAt(s: string, end: number, word: string): boolean {
  return end - word.length >= 0 && s.startsWith(word, end - word.length);
}

function skipSpace(s: string, i: number): number {
  // At most one plain or ideographic space between a number and its unit ("506 项", "2.9 万人").
  const c = s.charCodeAt(i);
  return c === 0x20 || c === 0x3000 || c === 0xa0 ? i + 1 : i;
}

function parseArabic(printed: string): { value: number; decimals: number } {
  // Plain ASCII digits (and a dot), the usual case, need no conversion.
  const ascii = ASCII_NUMBER.test(printed) ? printed : toAsciiDigits(printed).replace(/,/g, '');
  const dot = ascii.indexOf('.');
  return { value: Number(ascii), decimals: dot >= 0 ? ascii.length - dot - 1 : 0 };
}

const ASCII_NUMBER = /^[0-9]+(?:\.[0-9]+)?$/;

/** The decimals of the last number read by plainDigitsValue. */
let plainDecimals = 0;

/**
 * The value of s[start, end) when it is digits (ASCII or full-width) with thousands commas and one
 * decimal point (. or ．) at most (a number token's shape), 15 digits at most, else -1 (longer
 * numbers, other characters: parseArabic); its decimals are left in `plainDecimals`. The digits as an integer are
 * exact in a double, and so is 10^decimals: their quotient is the double nearest the decimal
 * number, as Number() reads it.
 */
function plainDigitsValue(s: string, start: number, end: number): number {
  let v = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    // Full-width digits and dot (０-９, ．) are read here too, as parseArabic reads them: a call
    // to it, rare, de-optimised scanFigures the first time a text had them.
    const d = c >= 48 && c <= 57 ? c - 48 : c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9 ? c - FULLWIDTH_ZERO : -1;
    if (d >= 0) {
      v = v * 10 + d;
      digits++;
    } else if ((c === 0x2e || c === 0xff0e) && dot < 0) dot = i;
    else if (c !== 0x2c || dot >= 0) return -1;
  }
  if (digits > 15) return -1;
  plainDecimals = dot >= 0 ? end - dot - 1 : 0;
  return plainDecimals ? v / POWERS_OF_TEN[plainDecimals] : v;
}
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => Math.pow(10, i));

const CN_DIGIT_ONLY = /^[〇零一二三四五六七八九]+$/;

const U = (ch: string) => ch.charCodeAt(0);
const U_NIAN = U('年');
const U_PERCENT = U('%');
const U_FW_PERCENT = U('％');
const U_BEI = U('倍');
const U_HAO = U('号');
const U_YU = U('余');
const U_DUO = U('多');
/** After a four-digit number: it is a year (2024年, 2024-2025, 2024至, 2024/…, 2024.…). */
const YEAR_FOLLOWERS = new Set([...'年-—至～~/.'].map(U));
/** After a number: a date, a time or a document number (3月, 5日, 7号, 8时, 9点, 10届). */
const DATE_FOLLOWERS = new Set([...'月日号时点届'].map(U));
/** Between two numbers: a range or a time (1-3, 1—3, 1~3, 1～3, 11:18, 11：18, 1/3). */
const RANGE_JOINERS = new Set([...'-—~～:：/'].map(U));

/** ASCII or full-width digit. */
function isDigitUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9);
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters that glue a number to what precedes it (· : ： - — ~ ～ /), besides Latin letters. */
const GLUED_BEFORE = new Set([0xb7, 0x3a, 0xff1a, 0x2d, 0x2014, 0x7e, 0xff5e, 0x2f]);
/** Of those, the ones that make the number the end of a range. */
const RANGE_DASHES = new Set([0x2d, 0x2014, 0x7e, 0xff5e]);

/** The sets above as bits per code unit (a token tests several: one array read each). */
const YEAR_FOLLOWER = 1;
const DATE_FOLLOWER = 2;
const RANGE_JOINER = 4;
const GLUED = 8;
const RANGE_DASH = 16;
const CHAR_BITS = new UnitTable();
for (const [set, bit] of [[YEAR_FOLLOWERS, YEAR_FOLLOWER], [DATE_FOLLOWERS, DATE_FOLLOWER], [RANGE_JOINERS, RANGE_JOINER], [GLUED_BEFORE, GLUED], [RANGE_DASHES, RANGE_DASH]] as const) {
  for (const c of set) CHAR_BITS.or(c, bit);
}

/** Whether code unit `c` (NaN past the end of a text: never) is in the class `bit`. */
function hasBit(c: number, bit: number): boolean {
  return (CHAR_BITS.get(c) & bit) !== 0;
}

/** Note a number that is not a figure (a function, not a closure made per scan). */
function skipTo(skipped: NonFigure[], start: number, reason: NotFigureReason, end: number): void {
  skipped.push({ start, end, reason });
}

/** SINGLE_NUMERAL_VALUE of a numeral that parses to nothing (万, 亿: skipped, no unit). */
const NOT_A_NUMERAL = -1;
/** SINGLE_NUMERAL_VALUE of a numeral dropped unread (一, 千: idiom far more often than a count). */
const DROPPED_NUMERAL = -2;
/**
 * The value of a token of one Chinese numeral, by code unit, as scanFigures' general case reads
 * it (parseChineseNumeral, then the lone 一 万 亿 千 rules; a test compares the two).
 */
const SINGLE_NUMERAL_VALUE = new Int16Array(65536);
for (const [ch, v] of [['零', 0], ['〇', 0], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9], ['十', 10], ['百', 100], ['一', DROPPED_NUMERAL], ['千', DROPPED_NUMERAL], ['万', NOT_A_NUMERAL], ['亿', NOT_A_NUMERAL]] as const) {
  SINGLE_NUMERAL_VALUE[ch.charCodeAt(0)] = v;
}

/**
 * Scan a text (the simplified view) for figures. `original` is the text as written
 * (same length) and is used only for the printed strings.
 */
export function scanFigures(s: string, original: string = s): ScanResult {
  const figures: Figure[] = [];
  const skipped: NonFigure[] = [];
  const tokens: number[] = [];
  const sentenceEnds: number[] = [];
  walkedEnds = sentenceEnds;
  walkSeen = 0;
  walkedMarkers = null;
  walkFirstOpener = -1;
  walkDepth = 0;
  // The names and document numbers are marked (computeMasks, from the first opening bracket, as
  // its search finds it) only when a token comes while a bracket is open (walkDepth).
  let masks: Masks | null = null;
  let pos = 0;
  for (;;) {
    const tokStart = nextNumberToken(s, pos);
    if (tokStart < 0) break;
    const tokEnd = tokenEnd;
    if (tokEnd < s.length && COUNT_CLASSIFIER_FIRST.get(s.charCodeAt(tokEnd))) tokens.push(tokStart, tokEnd);
    pos = tokEnd;
    const first = s.charCodeAt(tokStart);
    const prevCode = tokStart > 0 ? s.charCodeAt(tokStart - 1) : 0;
    // Outside every open bracket, a token is in no name (a pair that closes later was opened
    // before it and is open here); inside one, the brackets after it decide (maskAt), or, when
    // that is not decided close by, the masks of the whole text.
    if (walkDepth > 0) {
      let mark = masks ? masks.kind[tokStart] : maskAt(s, tokStart);
      if (mark < 0) mark = (masks = computeMasks(s, walkFirstOpener)).kind[tokStart];
      if (mark) {
        skipTo(skipped, tokStart, mark === 2 ? 'docno' : 'name', tokEnd);
        continue;
      }
    }
    // Digits glued to Latin letters or other digits' punctuation: 5G, V2.0, A1, 4·15, 11:18.
    if (hasBit(prevCode, GLUED) || isLatinLetter(prevCode) || isLatinLetter(tokEnd < s.length ? s.charCodeAt(tokEnd) : 0)) {
      skipTo(skipped, tokStart, hasBit(prevCode, RANGE_DASH) ? 'range' : 'name', tokEnd);
      continue;
    }
    // 第3, 前三 are ordinals; 目前, 此前, 之前, 当前 … are not (目前2宗案件).
    if (prevCode === 0x7b2c /* 第 */ || (prevCode === 0x524d /* 前 */ && !NOT_ORDINAL_BEFORE_QIAN.has(codeAt(s, tokStart - 2)))) {
      skipTo(skipped, tokStart, 'ordinal', tokEnd);
      continue;
    }
    // A lone 一 (一是, 一批, 一体化, 统一 …) is idiom far more often than a count: by far the most
    // frequent token, dropped before any string is made for it (decided again below for 一点…).
    if (first === 0x4e00 /* 一 */ && tokEnd - tokStart === 1) continue;
    // 百分之… (the tokenizer returns 百 with 分之 only when a number follows).
    const isPercentWord = first === 0x767e /* 百 */ && tokEnd - tokStart > 3 && s.charCodeAt(tokStart + 1) === 0x5206 /* 分 */ && s.charCodeAt(tokStart + 2) === 0x4e4b /* 之 */;
    const isArabic = !isPercentWord && isDigitUnit(first);
    const numStart = isPercentWord ? tokStart + 3 : tokStart;
    const numEnd = tokEnd;
    // Digits after 百分之 (百分之95): the number is Arabic all the same.
    const arabic = isArabic || (isPercentWord && isDigitUnit(s.charCodeAt(numStart)));

    let value: number;
    let decimals = 0;
    if (arabic) {
      // Plain ASCII digits, the usual case, are read from the code units (no string is made).
      value = plainDigitsValue(s, numStart, numEnd);
      if (value < 0) ({ value, decimals } = parseArabic(s.slice(numStart, numEnd)));
      else decimals = plainDecimals;
    } else if (tokEnd - tokStart === 1) {
      // One Chinese numeral (三, 两, 十 …), the most frequent Chinese token after 一: its value
      // by code unit (what the general case below gives it), no string made.
      const v = SINGLE_NUMERAL_VALUE[first];
      if (v === NOT_A_NUMERAL) {
        skipTo(skipped, tokStart, 'no-unit', tokEnd);
        continue;
      }
      if (v === DROPPED_NUMERAL) continue;
      value = v;
    } else {
      const numText = s.slice(numStart, numEnd);
      // Chinese numerals: 三百二十一, 两千, 百余场, 百分之九十五(点五).
      let intPart = numText;
      let fracPart = '';
      const dian = numText.indexOf('点');
      if (dian >= 0) {
        intPart = numText.slice(0, dian);
        fracPart = numText.slice(dian + 1);
      }
      // A lone 一 (一是, 一批, 一体化, 统一 …) is idiom far more often than a count (decided below
      // too; checked first because it is by far the most frequent token).
      if (!isPercentWord && intPart === '一') continue;
      // A greedy match may swallow a following scale word (两千万 → keep) or end in 万/亿 used as a scale.
      const parsed = parseChineseNumeral(intPart);
      if (parsed === null) {
        skipTo(skipped, tokStart, 'no-unit', tokEnd);
        continue;
      }
      value = parsed;
      if (fracPart) {
        let f = '';
        for (const ch of fracPart) f += String('零一二三四五六七八九'.indexOf(ch === '〇' ? '零' : ch));
        value = Number(`${parsed}.${f}`);
        decimals = f.length;
      }
      if (!isPercentWord) {
        // Digit-by-digit numbers (二〇二四) are years or codes, never counts.
        if (CN_DIGIT_ONLY.test(intPart) && intPart.length > 1) {
          skipTo(skipped, tokStart, codeAt(s, tokEnd) === U_NIAN ? 'year' : 'no-unit', tokEnd);
          continue;
        }
        // A lone 一 (一是, 一批, 一体化, 统一 …) is idiom far more often than a count.
        if (intPart === '一' || intPart === '万' || intPart === '亿' || intPart === '千') {
          continue;
        }
      }
    }
    if (!Number.isFinite(value)) continue;

    let i = tokEnd;
    // Percent forms.
    let kind: FigureKind = 'count';
    let scale = 1;
    let unit: string | null = null;
    /** Where the unit starts (when there is one). */
    let unitAt = -1;
    let family: UnitFamily = 'generic';
    let approx: Approx | null = null;
    let approxWord: string | null = null;

    if (isPercentWord) {
      kind = 'percent';
    } else {
      const j = skipSpace(s, i);
      // Code units, not one-character strings (a CJK character read as s[j] is a new string).
      const next = codeAt(s, j); // NaN past the end
      const after = codeAt(s, i);
      const afterNext = codeAt(s, i + 1);
      if (isArabic && (after === 0x2e || after === 0xff0e) && afterNext >= 0x4e00 && afterNext <= 0x9fff) {
        skipTo(skipped, tokStart, 'no-unit', tokEnd); // heading marker 1.全方位
        continue;
      }
      if (next === U_PERCENT || next === U_FW_PERCENT) {
        kind = 'percent';
        i = j + 1;
      } else if ((next === 0x4e2a /* 个 */ && s.startsWith('个百分点', j)) || (next === 0x767e /* 百 */ && s.startsWith('百分点', j))) {
        kind = 'points';
        i = j + (next === 0x4e2a ? 4 : 3);
      } else if (next === U_BEI) {
        kind = 'times';
        i = j + 1;
      } else if (isArabic && isYearDigits(s, numStart, numEnd) && (hasBit(next, YEAR_FOLLOWER) || prevCode === 0x28 /* ( */ || prevCode === 0xff08 /* （ */)) {
        skipTo(skipped, tokStart, 'year', tokEnd);
        continue;
      } else if (hasBit(next, DATE_FOLLOWER)) {
        skipTo(skipped, tokStart, next === U_HAO ? 'docno' : 'date', tokEnd);
        continue;
      } else if (isArabic && hasBit(next, RANGE_JOINER) && classAt(s, j + 1) & DIGIT) {
        skipTo(skipped, tokStart, next === 0x3a /* : */ || next === 0xff1a /* ： */ ? 'date' : 'range', tokEnd);
        continue;
      } else {
        // number [余|多] [scale] [余|多] unit
        // Each code unit read once (codeAt is not inlined into this large function), and 余 or 多
        // as the constant strings, not a new one-character string per figure.
        let k = j;
        if (next === U_YU || next === U_DUO) {
          approx = 'atLeast';
          approxWord = next === U_YU ? '余' : '多';
          k++;
        }
        const sc = matchAt(s, k, SCALE_INDEX);
        if (sc) {
          scale = sc[1];
          k += sc[0].length;
          k = skipSpace(s, k);
          const q = codeAt(s, k);
          if (!approx && (q === U_YU || q === U_DUO)) {
            approx = 'atLeast';
            approxWord = q === U_YU ? '余' : '多';
            k++;
          }
        }
        const unitFirst = codeAt(s, k);
        if (unitFirst === U_PERCENT || unitFirst === U_FW_PERCENT) {
          kind = 'percent';
          i = k + 1;
        } else {
          const u = matchAt(s, k, UNIT_INDEX);
          if (u) {
            unitAt = k;
            unit = u[0];
            family = u[1] as UnitFamily;
            i = k + unit.length;
          } else if (scale > 1) {
            i = k;
          } else {
            skipTo(skipped, tokStart, 'no-unit', k);
            continue;
          }
          // A four-digit year with 年 was handled above; a small count of 年 is a duration.
          if (unit === '年' && value >= 1000) {
            skipTo(skipped, tokStart, 'year', i);
            continue;
          }
          // Chinese numeral + 年级/年代 etc. are not counts either, and 多 after 年 is fine.
        }
      }
    }
    // Suffix qualifiers after the unit: 100件左右, 80%以上.
    if (!approx) {
      const q = matchAt(s, i, SUFFIX_INDEX);
      if (q) {
        approx = q[1] as Approx;
        approxWord = q[0];
        i += q[0].length;
      }
    }
    // Prefix qualifiers: 约2.48亿元, 近3万次, 超300万人次, 不足10%.
    let start = isPercentWord ? tokStart : numStart;
    let prefixApprox: Approx | null = null;
    let prefixWord: string | null = null;
    const prefixSlot = numStart > 0 ? PREFIX_SLOT.get(s.charCodeAt(numStart - 1)) : 0;
    if (prefixSlot) {
      const list = PREFIX_LISTS[prefixSlot - 1];
      for (let q = 0; q < list.length; q++) {
        if (endsWithAt(s, numStart, list[q][0])) {
          prefixApprox = list[q][1];
          prefixWord = list[q][0];
          break;
        }
      }
    }
    if (prefixWord === '近' && endsWithAt(s, numStart, '最近')) prefixWord = null;
    if (prefixWord) {
      start = numStart - prefixWord.length;
      if (!approx) {
        approx = prefixApprox;
        approxWord = prefixWord;
      } else {
        approxWord = `${prefixWord}…${approxWord}`;
        if (prefixApprox !== approx) approx = 'about';
      }
    }
    figures.push({
      index: figures.length,
      kind,
      value: kind === 'count' ? value * scale : value,
      numStart,
      numEnd,
      start,
      end: i,
      printed: original.slice(numStart, numEnd),
      decimals,
      scale,
      unit,
      family,
      approx,
      approxWord,
      arabic,
    });
    if (pos < i) {
      // The walk goes on after the figure: a unit 分 is the one code unit of WALK_* it skips that
      // may start a marker (分别; the 分 of 百分之, 百分点 and 分钟 is followed by 之, 点 or 钟).
      if (unit === '分') {
        walkSeen |= WALK_MARKER;
        (walkedMarkers ??= []).push(unitAt);
      }
      pos = i;
    }
  }
  const markerStarts = walkedMarkers ?? NO_MARKER_STARTS;
  walkedMarkers = null;
  return { figures, skipped, tokens, sentenceEnds, seen: walkSeen, markerStarts };
}

/**
 * A figure `d` code units further on, with its index `index`: every field written out (a figure
 * has these fields and no other), which is about twice as fast as a spread of the figure.
 */
export function figureMovedBy(f: Figure, d: number, index: number): Figure {
  return {
    index,
    kind: f.kind,
    value: f.value,
    numStart: f.numStart + d,
    numEnd: f.numEnd + d,
    start: f.start + d,
    end: f.end + d,
    printed: f.printed,
    decimals: f.decimals,
    scale: f.scale,
    unit: f.unit,
    family: f.family,
    approx: f.approx,
    approxWord: f.approxWord,
    arabic: f.arabic,
  };
}

/**
 * The interval of true values a printed figure allows: an exact integer is a point;
 * a scaled or decimal figure covers its rounding interval (2.9万 → 28 500…29 500);
 * 余/多/以上 open the top, 近/不到 the bottom, 约/左右 both.
 */
export function figureInterval(f: Figure): [number, number] {
  const half = f.decimals > 0 || f.scale > 1 ? 0.5 * Math.pow(10, -f.decimals) * (f.kind === 'count' ? f.scale : 1) : 0;
  let lo = f.value - half;
  let hi = f.value + half;
  if (f.approx === 'atLeast') hi = Infinity;
  else if (f.approx === 'atMost') lo = 0;
  else if (f.approx === 'about') {
    lo = 0;
    hi = Infinity;
  }
  return [Math.max(0, lo), hi];
}

/** True when the figure is exact as printed: no qualifier, no scale word rounding. */
export function isExact(f: Figure): boolean {
  return f.approx === null && f.scale === 1;
}
