/**
 * Count claims: a stated number of items right after an enumeration of them —
 *   对甲、乙、丙三类信息        聚焦“甲”“乙”“丙”三向发力        完成2018、2019、2020三年的…
 *   涵盖A、B、C、D等四个方面    由A、B、C……6个部分组成          集中在A,B,C,D,E五类
 * The items are read in up to three ways: split at 、 within the clause (or the quoted items),
 * split at commas from a word that opens the list (涵盖, 包括, 由 …), and both; each with the
 * last item split at its joining word (甲、乙和丙) or not. A count matching any reading is
 * consistent. A mismatch is reported (a warning: it assumes the list enumerates what is counted)
 * only when no reading fits and the list is unambiguous: a list longer than the count in every
 * reading, of short items (a long item may hold a 、 of its own); a list shorter than the count in
 * every reading, starting at a clear boundary, counted by a category word (三类, 四个方面). 等
 * before the count says the list may be partial: then only a longer list is reported. Idioms with
 * no list before them (两个“凡是”, “十一连降”, 一是) are never claims.
 */
import { parseChineseNumeral } from '../document/chinese-numerals';
import { isJsSpaceCode } from '../document/chars';
import type { Claim, ClaimInput } from './claim';
import { WALK_ALL, WALK_LIST, type Figure } from './numbers';
import { both, md } from './explain';
import type { LocalizedText } from '../l10n';
import type { FigureContext } from './rates';
import type { Sentence } from './text';
import { CATEGORY_CLASSIFIERS, COMMA_LIST_INTRO_RE, ITEM_CLASSIFIERS, LIST_CONNECTOR_RE, LIST_INTRO_RE } from './vocabulary';
import { codeUnits, isAsciiDigitCode, groupByUnit, UnitTable } from './code-units';

const CLASSIFIERS = [...CATEGORY_CLASSIFIERS, ...ITEM_CLASSIFIERS].sort((a, b) => b.length - a.length);
const CATEGORY = new Set(CATEGORY_CLASSIFIERS);
/** A whole number (not the tail of a longer one: 2025年, 1234个) and its measure word. */
export const COUNT_RE = new RegExp(`([两二三四五六七八九十]{1,3}|[1-9][0-9]?)(${CLASSIFIERS.join('|')})`, 'g');
/** Characters before a numeral that make it the tail of a longer number or an ordinal (checked by hand: a lookbehind made the scan 8× slower). */
export const NUMBER_BEFORE = /[零〇一二两三四五六七八九十百千万亿第0-9０-９.．]/;
/** A character that cannot end a list item right before the count (part of a number, an ordinal, a separator). */
export const NOT_ITEM_END = /[〇零一二三四五六七八九十百千万亿两第前、,，;；:：。(（“‘\s有为达是约近超余计]/;
/** Items longer than this may hold a 、 of their own (被申请行政复议、提起行政诉讼情况). */
const SHORT_ITEM = 8;
const MAX_COUNT = 30;
/** A count closing a list inside the clause before another list (两级, 三类 …). */
const NESTED_COUNT_RE = /[两二三四五六七八九十]{1,3}(?:级|个方面|个|类|项|大|种|方面|部分|条|家|名|位|支|款|批|届|轮)/g;
/** How far back a list is read from its count. */
const WINDOW = 240;

interface Reading {
  /** The items as split. */
  items: Array<{ start: number; end: number }>;
  /** Counts this reading allows: as split, the last item split at its joining word, every item split. */
  counts: number[];
}

/**
 * A set of code units tested by one array read (the loops below test character after character):
 * each set is one bit of CODE_BITS (eight at most).
 */
interface CodeSet {
  has(c: number): boolean;
}
const CODE_BITS = new UnitTable();
let nextCodeBit = 1;
function codes(chars: string): CodeSet {
  const bit = nextCodeBit;
  if (bit > 0x80) throw new Error('counts: more than eight code-unit sets');
  nextCodeBit <<= 1;
  for (const ch of chars) CODE_BITS.or(ch.charCodeAt(0), bit);
  return { has: (c: number) => (CODE_BITS.get(c) & bit) !== 0 };
}
/** Characters that end a clause before a list (the tight clause starts after them), and the strong ones. */
const CLAUSE_END = codes(',，(（)）;；:：');
const STRONG_END = codes(';；:：');
const COMMA = codes(',，');
const IDEOGRAPHIC_COMMA = '、'.charCodeAt(0);
const LEFT_QUOTE = '“'.charCodeAt(0);
const RIGHT_QUOTE = '”'.charCodeAt(0);

/** Separators of list items, by code unit. */
const SEP_ENUM = codes('、');
const SEP_COMMA = codes(',，');
const SEP_BOTH = codes(',，、');
/** Trimmed from the ends of an item: spaces and quotation marks. */
const ITEM_TRIM = codes(' \t\u3000“”‘’"');

function splitAt(s: string, start: number, end: number, sep: CodeSet): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || sep.has(s.charCodeAt(i))) {
      let a = from;
      let b = i;
      while (a < b && ITEM_TRIM.has(s.charCodeAt(a))) a++;
      while (b > a && ITEM_TRIM.has(s.charCodeAt(b - 1))) b--;
      out.push({ start: a, end: b });
      from = i + 1;
    }
  }
  return out;
}

function connectors(s: string): number {
  return (s.match(LIST_CONNECTOR_RE) ?? []).length;
}

function reading(s: string, items: Array<{ start: number; end: number }>): Reading {
  const n = items.length;
  const last = n ? s.slice(items[n - 1].start, items[n - 1].end) : '';
  // 甲、乙和丙: a joining word inside the last item (not at its start) adds an item.
  const lastSplit = /.(?:以及|及|和|与|并)./.test(last) ? n + 1 : n;
  // Plain loops over the items (an array made by .map changes its elements kind between the
  // interpreter and optimised code, which de-optimised this function and its callers).
  let all = n;
  for (let i = 0; i < n; i++) all += connectors(s.slice(items[i].start + 1, items[i].end - 1));
  return { items, counts: [...new Set([n, lastSplit, all])] };
}

/** The last word opening a list in s[from, to), or -1: the list starts at the returned offset. */
function introEnd(s: string, from: number, to: number, re: RegExp = LIST_INTRO_RE): number {
  const part = s.slice(from, to);
  re.lastIndex = 0;
  let end = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(part))) end = from + m.index + m[0].length;
  return end;
}

/** Items are words: a bare numeral (a heading's 二、) or a figure (有44种、…) makes the run no list; digits only as years. */
function wordItems(s: string, items: ReadonlyArray<{ start: number; end: number }>, classifier: string): boolean {
  let years = true;
  for (let i = 0; i < items.length && years; i++) {
    const t = s.slice(items[i].start, items[i].end);
    years = /(?:19|20)\d\d$/.test(t) && !/\d/.test(t.slice(0, -4));
  }
  if (classifier === '年') return years;
  if (years) return false;
  for (let i = 0; i < items.length; i++) {
    const t = s.slice(items[i].start, items[i].end);
    if (!(t.length > 0 && !/\d/.test(t) && !/^[一二三四五六七八九十]+$/.test(t))) return false;
  }
  return true;
}

/** A count's inputs: the count, then one input per listed item (one object shape, built by push). */
function countInputs(total: ClaimInput, original: string, items: ReadonlyArray<{ start: number; end: number }>): ClaimInput[] {
  const inputs: ClaimInput[] = [total];
  for (let i = 0; i < items.length; i++) inputs.push({ role: 'item', figure: itemFigure(original, items[i]), label: '' });
  return inputs;
}


export function countClaims(ctx: FigureContext): Claim[] {
  const { s, sentences } = ctx;
  const out: Claim[] = [];
  // No 、 or “ anywhere (as the scan saw, or searched) and no word opening a comma list: nothing to count.
  // (A scan's walk saw every 、 and “ of the text: only a context not from a scan, WALK_ALL, searches.)
  if (!(ctx.seen & WALK_LIST) || (ctx.seen === WALK_ALL && s.indexOf('、') < 0 && s.indexOf('“') < 0)) {
    COMMA_LIST_INTRO_RE.lastIndex = 0;
    if (!COMMA_LIST_INTRO_RE.test(s)) return out;
  }
  // One scan of the whole text for numbers with a measure word, each placed in its sentence.
  let si = 0;
  let intros: number[] | null = null;
  // The numerals are read from the number tokens when the scan gave them (every numeral is in one).
  const tokens = ctx.tokens;
  const cursor = { token: 0 };
  // The current sentence's list openings, found once when first needed (one function for the whole text).
  let sent: Sentence | undefined;
  const introsOf = (): number[] => (intros ??= introEnds(s.slice(sent!.start, sent!.end), sent!.start));
  for (let from = 0; ; ) {
    const pos = tokens ? countStartInTokens(s, tokens, cursor, from) : countStart(s, from, s.length);
    if (pos < 0) break;
    const numeralEnd = countNumeralEnd;
    from = countEnd;
    while (si < sentences.length && sentences[si].end <= pos) {
      si++;
      intros = null;
    }
    sent = sentences[si];
    if (!sent || pos < sent.start) continue;
    // Code units, not one-character strings: most counts are ruled out here.
    const prevCode = pos > sent.start ? s.charCodeAt(pos - 1) : -1;
    // 2025年, 1234个: the tail of a longer number (a year list's 2020三年 keeps its Chinese numeral).
    if (prevCode >= 0 && NUMBER_BEFORE_UNITS.has(prevCode) && !(isAsciiDigitCode(prevCode) && COUNT_NUMERAL.get(s.charCodeAt(pos)) === 1)) continue;
    // 等 / 这 / 共 / 等共 before the number (read back, so the pattern starts with the numeral).
    const leadLength = pos - 2 >= sent.start && s.startsWith('等共', pos - 2) ? 2 : prevCode >= 0 && LEAD_UNITS.has(prevCode) ? 1 : 0;
    // What countClaim rules out first, without a string: a duration or points after the measure
    // word (NOT_ITEM_COUNT_AFTER_RE), and a list that cannot end right before the count (NOT_ITEM_END).
    if (notItemCountAfter(s, from)) continue;
    const listEnd = pos - leadLength;
    if (listEnd <= sent.start || isNotItemEnd(s.charCodeAt(listEnd - 1))) continue;
    // No 、 or “ in this clause (read back to its start, at most WINDOW): only a comma list after an opening word can be counted.
    if (!separatorInClause(s, pos, sent.start) && !introsOf().length) continue;
    // The number counted (2 to MAX_COUNT), read before any string is made: most are ruled out here.
    const stated = countValue(s, pos, numeralEnd);
    if (stated === null || stated < 2 || stated > MAX_COUNT || s.charCodeAt(numeralEnd) === 0x662f /* 是 */) continue;
    const lead = leadLength === 2 ? '等共' : leadLength === 1 ? s[pos - 1] : '';
    const claim = countClaim(ctx, sent, listEnd, lead, stated, numeralEnd, s.slice(numeralEnd, from), introsOf);
    if (claim) out.push(claim);
  }
  return out;
}

/** NUMBER_BEFORE, NOT_ITEM_END (without its \s) and the leads 等 这 共, by code unit. */
export const NUMBER_BEFORE_UNITS = codeUnits('零〇一二两三四五六七八九十百千万亿第0123456789０１２３４５６７８９.．');
const NOT_ITEM_END_UNITS = codeUnits('〇零一二三四五六七八九十百千万亿两第前、,，;；:：。(（“‘有为达是约近超余计');
const LEAD_UNITS = codeUnits('等这共');
/**
 * Whether NOT_ITEM_COUNT_AFTER_RE matches s at `at` (月 工作日 小时 百分点 多月 余, or 数 not
 * followed by 据 or 字), read by code unit: no expression is run for every count.
 */
export function notItemCountAfter(s: string, at: number): boolean {
  switch (s.charCodeAt(at) /* NaN past the end: no case */) {
    case 0x6708 /* 月 */:
    case 0x4f59 /* 余 */:
      return true;
    case 0x5de5 /* 工 */:
      return s.charCodeAt(at + 1) === 0x4f5c /* 作 */ && s.charCodeAt(at + 2) === 0x65e5 /* 日 */;
    case 0x5c0f /* 小 */:
      return s.charCodeAt(at + 1) === 0x65f6 /* 时 */;
    case 0x767e /* 百 */:
      return s.charCodeAt(at + 1) === 0x5206 /* 分 */ && s.charCodeAt(at + 2) === 0x70b9 /* 点 */;
    case 0x591a /* 多 */:
      return s.charCodeAt(at + 1) === 0x6708 /* 月 */;
    case 0x6570 /* 数 */: {
      const next = s.charCodeAt(at + 1);
      return next !== 0x636e /* 据 */ && next !== 0x5b57 /* 字 */;
    }
    default:
      return false;
  }
}

/** Whether NOT_ITEM_END holds for a code unit (NaN before the text: never). */
export function isNotItemEnd(c: number): boolean {
  return NOT_ITEM_END_UNITS.has(c) || isJsSpaceCode(c);
}

/** The numerals of COUNT_RE by code unit: 1 for 两二…十, 2 for an ASCII digit. */
const COUNT_NUMERAL = new UnitTable();
for (const ch of '两二三四五六七八九十') COUNT_NUMERAL.set(ch.charCodeAt(0), 1);
for (let c = 48; c <= 57; c++) COUNT_NUMERAL.set(c, 2);
/** The classifiers by their first code unit, in COUNT_RE's order (longest first): 1 + the index of a list, or 0. */
const { slot: CLASSIFIER_SLOT, lists: CLASSIFIER_LISTS } = groupByUnit(CLASSIFIERS, (c) => c.charCodeAt(0));

/** The length of the classifier COUNT_RE reads at `at` (the first of its alternatives there), or 0. */
function classifierAt(s: string, at: number): number {
  const k = CLASSIFIER_SLOT.get(s.charCodeAt(at)); // 0 past the end (NaN)
  if (!k) return 0;
  // The first code unit is the slot's: the rest compared by code unit.
  const list = CLASSIFIER_LISTS[k - 1];
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    let j = 1;
    while (j < w.length && s.charCodeAt(at + j) === w.charCodeAt(j)) j++;
    if (j === w.length) return w.length;
  }
  return 0;
}

/** Where the numeral and the whole of the last count found by countStart end. */
let countNumeralEnd = 0;
let countEnd = 0;

/**
 * The start of the first match of COUNT_RE in s[from, to) (runs of numerals end by `to`: the end
 * of a number token or of the text), or -1; its numeral and classifier end in countNumeralEnd and
 * countEnd. The same match as the global expression's search, read by hand (no match object). A
 * match's numerals end where their run of one kind ends (no classifier starts with a numeral), so
 * only run ends followed by a classifier are tried; the match starts at the leftmost offset the
 * numerals allow: 3 back for 两二…十, 2 for digits (the first of them not 0: [1-9][0-9]?).
 */
function countStart(s: string, from: number, to: number): number {
  const n = s.length;
  let i = from;
  while (i < to) {
    const kind = COUNT_NUMERAL.get(s.charCodeAt(i));
    if (!kind) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && COUNT_NUMERAL.get(s.charCodeAt(end)) === kind) end++;
    const classifier = end < n ? classifierAt(s, end) : 0;
    if (classifier) {
      let p = Math.max(i, end - (kind === 1 ? 3 : 2));
      if (kind === 2) while (p < end && s.charCodeAt(p) === 48) p++;
      if (p < end) {
        countNumeralEnd = end;
        countEnd = end + classifier;
        return p;
      }
    }
    i = end;
  }
  return -1;
}

/** countStart reading only the number tokens of `s` (start, end pairs in order, covering every numeral); `cursor.token` is the first token not yet passed (calls go forward). */
function countStartInTokens(s: string, tokens: readonly number[], cursor: { token: number }, from: number): number {
  for (let t = cursor.token; t < tokens.length; t += 2) {
    const end = tokens[t + 1];
    if (end <= from) continue;
    cursor.token = t;
    // A match's numerals end where their run ends, followed by a classifier: inside a token a run
    // is followed by a numeral, , . or ． (no classifier starts with one), so only the run ending
    // with the token can be; a token with no classifier's first code unit after it holds none.
    if (end >= s.length || !CLASSIFIER_SLOT.get(s.charCodeAt(end))) continue;
    const p = countStart(s, Math.max(tokens[t], from), end);
    if (p >= 0) return p;
  }
  cursor.token = tokens.length;
  return -1;
}

/** The last count found as COUNT_RE's match would be (for tests and callers that want one). */
function countMatch(s: string, p: number): RegExpExecArray | null {
  if (p < 0) return null;
  const m = [s.slice(p, countEnd), s.slice(p, countNumeralEnd), s.slice(countNumeralEnd, countEnd)] as unknown as RegExpExecArray;
  m.index = p;
  m.input = s;
  return m;
}

/** The first match of COUNT_RE in `s` at or after `from`, or null: the global expression's match (see countStart). */
export function nextCount(s: string, from: number): RegExpExecArray | null {
  return countMatch(s, countStart(s, from, s.length));
}

/**
 * nextCount reading only the number tokens of `s` (start, end pairs in order, covering every
 * numeral): the same match. `cursor.token` is the first token not yet passed (calls go forward).
 */
export function nextCountInTokens(s: string, tokens: readonly number[], cursor: { token: number }, from: number): RegExpExecArray | null {
  return countMatch(s, countStartInTokens(s, tokens, cursor, from));
}

/** Whether a 、 or “ stands between `pos` and the start of its clause (at most WINDOW back). */
function separatorInClause(text: string, pos: number, min: number): boolean {
  for (let i = pos - 1, n = 0; i >= min && n < WINDOW; i--, n++) {
    const c = text.charCodeAt(i);
    if (c === IDEOGRAPHIC_COMMA || c === LEFT_QUOTE) return true;
    // , ， ; ； : ： ( （ ) ）
    if (c === 44 || c === 0xff0c || c === 59 || c === 0xff1b || c === 58 || c === 0xff1a || c === 40 || c === 0xff08 || c === 41 || c === 0xff09) return false;
  }
  return false;
}

/** Where the words opening a comma list end in a sentence (offsets in the text, ascending). */
function introEnds(text: string, offset: number): number[] {
  const out: number[] = [];
  if (!/[,，][^,，]*[,，]/.test(text)) return out;
  COMMA_LIST_INTRO_RE.lastIndex = 0;
  let im: RegExpExecArray | null;
  while ((im = COMMA_LIST_INTRO_RE.exec(text))) out.push(offset + im.index + im[0].length);
  return out;
}

/**
 * The value of a count's numerals s[start, end) (COUNT_RE's first group: one or two ASCII digits,
 * or one to three of 两二…十), or null when they are no numeral.
 */
function countValue(s: string, start: number, end: number): number | null {
  const c = s.charCodeAt(start);
  if (isAsciiDigitCode(c)) return end - start === 1 ? c - 48 : (c - 48) * 10 + (s.charCodeAt(start + 1) - 48);
  return parseChineseNumeral(s.slice(start, end));
}

/**
 * The count claim of `stated` (2 to MAX_COUNT, not followed by 是 or what NOT_ITEM_COUNT_AFTER_RE
 * rules out; countClaims has checked) with its numerals ending at `numEnd`, the classifier after
 * them, and `lead` (等, 这, 共, 等共 or '') between the list, ending at `at`, and the numerals.
 */
function countClaim(ctx: FigureContext, sent: Sentence, at: number, lead: string, stated: number, numEnd: number, classifier: string, intros: () => number[]): Claim | null {
  const { s, original } = ctx;
  const numStart = at + lead.length;
  const end = numEnd + classifier.length;
  // The list ends right before the count (or its 等): an item's last character (countClaims has
  // ruled out a list that cannot end there: NOT_ITEM_END).
  const listEnd = at;
  const beforeCode = s.charCodeAt(listEnd - 1);
  if (isAsciiDigitCode(beforeCode)) {
    // Only a year ends an item in digits (2018、2019、2020三年).
    const digits = /\d+$/.exec(s.slice(Math.max(sent.start, listEnd - 6), listEnd));
    if (!digits || digits[0].length !== 4) return null;
  }
  // Where the list may start: after a strong boundary, after the last comma (the tight clause);
  // never further back than WINDOW (a sentence of thousands of 3类 stays linear).
  const floor = Math.max(sent.start, listEnd - WINDOW);
  // The tight clause first (most counts have no list: leave early, before reading further back).
  let tight = listEnd;
  while (tight > floor && !CLAUSE_END.has(s.charCodeAt(tight - 1))) tight--;
  let firstSep = -1;
  for (let i = tight; i < listEnd; i++) {
    const c = s.charCodeAt(i);
    if (c === IDEOGRAPHIC_COMMA || c === LEFT_QUOTE) {
      firstSep = i;
      break;
    }
  }
  const afterComma = tight > floor && COMMA.has(s.charCodeAt(tight - 1));
  if (firstSep < 0 && (!afterComma || listEnd - tight > 40)) return null;
  let strong = tight;
  while (strong > floor && !STRONG_END.has(s.charCodeAt(strong - 1))) strong--;
  const readings: Reading[] = [];
  let tightReading: Reading | null = null;
  let tightStart = tight;
  let explicitStart = false;
  if (firstSep >= 0) {
    const intro = introEnd(s, tight, firstSep);
    if (intro >= 0) {
      tightStart = intro;
      explicitStart = true;
    } else explicitStart = (tight === strong && strong > floor) || tight === sent.start;
    // A list closed by its own count earlier in the clause (市、区两级市场监管、…五大领域): this list starts after it.
    NESTED_COUNT_RE.lastIndex = 0;
    const head = s.slice(tightStart, listEnd);
    let nested: RegExpExecArray | null;
    let after = -1;
    // Only a count that closes a list of its own (a 、 before it) ends an earlier list.
    while ((nested = NESTED_COUNT_RE.exec(head))) if (head.lastIndexOf('、', nested.index) >= 0) after = tightStart + nested.index + nested[0].length;
    if (after > tightStart) {
      tightStart = after;
      explicitStart = true;
    }
    const region = s.slice(tightStart, listEnd);
    // The quotation marks of the region, counted by code unit: quoted items need two “ at least.
    let opens = 0;
    let closes = 0;
    for (let i = tightStart; i < listEnd; i++) {
      const c = s.charCodeAt(i);
      if (c === LEFT_QUOTE) opens++;
      else if (c === RIGHT_QUOTE) closes++;
    }
    const quoted = opens >= 2 ? region.match(/“[^“”]{1,30}”/g) : null;
    let items: Array<{ start: number; end: number }>;
    if (quoted && quoted.length >= 2 && /^[、和及与\s]*$/.test(region.replace(/“[^“”]{1,30}”/g, ''))) {
      items = [];
      const re = /“([^“”]{1,30})”/g;
      let q: RegExpExecArray | null;
      while ((q = re.exec(region))) items.push({ start: tightStart + q.index + 1, end: tightStart + q.index + 1 + q[1].length });
    } else items = splitAt(s, tightStart, listEnd, SEP_ENUM);
    // A count inside a quotation whose list is outside it (…入选“全国十大…”) counts something else.
    if (items.length >= 2 && opens === closes && wordItems(s, items, classifier) && !headInLastItem(s, items, explicitStart)) {
      tightReading = reading(s, items);
      readings.push(tightReading);
    }
  }
  // A list over commas from a word that opens it (集中在A,B,C五类; 包括A,B、C,D等四部分).
  let commaReading: Reading | null = null;
  if (tight > strong) {
    // The last opening word with at least two commas after it.
    let intro = -1;
    // The last comma but one in s[strong, listEnd) (read back from the end), or -1.
    let limit = -1;
    for (let i = listEnd - 1, seen = 0; i >= strong; i--) {
      const c = s.charCodeAt(i);
      if ((c === 44 || c === 0xff0c) && ++seen === 2) {
        limit = i;
        break;
      }
    }
    for (const e of intros()) {
      if (e > limit) break;
      if (e >= strong) intro = e;
    }
    if (intro >= 0) {
      const items = splitAt(s, intro, listEnd, SEP_COMMA);
      if (items.length >= 3 && items.every((it) => it.end - it.start <= 40) && wordItems(s, items, classifier)) {
        commaReading = reading(s, items);
        readings.push(commaReading);
        const fine = splitAt(s, intro, listEnd, SEP_BOTH);
        if (wordItems(s, fine, classifier)) readings.push(reading(s, fine));
      }
    }
  }
  if (!readings.length) return null;
  const partial = lead.startsWith('等');
  const fits = readings.find((r) => r.counts.includes(stated));
  const countFigure: Figure = {
    index: -1,
    kind: 'count',
    value: stated,
    numStart,
    numEnd,
    start: numStart,
    end,
    printed: original.slice(numStart, numEnd),
    decimals: 0,
    scale: 1,
    unit: original.slice(numEnd, end),
    family: 'generic',
    approx: null,
    approxWord: null,
    arabic: isAsciiDigitCode(s.charCodeAt(numStart)),
  };
  const shown = fits ?? tightReading ?? commaReading!;
  const inputs = countInputs({ role: 'total', figure: countFigure, label: '' }, original, shown.items);
  const name = original.slice(numStart - lead.length, end);
  if (fits) return new ConsistentCount(countFigure, name, inputs, stated, fits.items, original);
  // No reading fits: report only an unambiguous list.
  const counts = readings.flatMap((r) => r.counts);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  let problem: 'more' | 'fewer' | null = null;
  if (tightReading && min > stated && tightReading.items.every((it) => it.end - it.start <= SHORT_ITEM)) problem = 'more';
  else if (tightReading && !partial && max < stated && explicitStart && CATEGORY.has(classifier)) problem = 'fewer';
  // An item holding a count of its own (消费六大工程) makes the structure nested: no verdict.
  if (problem && tightReading!.items.some((it) => { NESTED_COUNT_RE.lastIndex = 0; return NESTED_COUNT_RE.test(s.slice(it.start, it.end)); })) problem = null;
  if (!problem) return null;
  const listed = tightReading!.items.length;
  const tList = tightReading!.items.map((it) => md(original.slice(it.start, it.end))).join(' / ');
  return {
    kind: 'count',
    anchor: countFigure,
    name,
    inputs: countInputs(inputs[0], original, tightReading!.items),
    computed: listed,
    verdict: 'inconsistent',
    severity: 'warning',
    problem,
    explanation: both(
      `**${md(name)}**（列举项数核对）\n\n列举 ${listed} 项：${tList}；所写为 ${stated} ✗\n\n（假定所列各项即所计之项${partial ? '；“等”表示可能未列全，但所列已多于所写' : ''}）`,
      `**${md(name)}** (number of items listed)\n\n${listed} items listed: ${tList}; the text says ${stated} ✗\n\n(assuming the list enumerates the items counted${partial ? '; 等 says the list may be partial, but it is already longer' : ''})`,
    ),
    working: `${listed} ≠ ${stated}`,
    suggestions: [],
  };
}

/**
 * A count that fits a reading of its list. A class, not an object literal with getters: most
 * counts are consistent and their explanation is never read, and a literal with accessors is made
 * by the runtime (about a microsecond each), a class instance like any object. The explanation is
 * built when read; the items are offsets in `original`, which does not change.
 */
class ConsistentCount implements Claim {
  readonly kind = 'count' as const;
  anchor: Figure;
  name: string;
  inputs: ClaimInput[];
  computed: number;
  verdict: Claim['verdict'] = 'consistent';
  suggestions: Claim['suggestions'] = [];
  readonly #items: ReadonlyArray<{ start: number; end: number }>;
  readonly #original: string;
  #explained: LocalizedText | undefined;
  constructor(anchor: Figure, name: string, inputs: ClaimInput[], stated: number, items: ReadonlyArray<{ start: number; end: number }>, original: string) {
    this.anchor = anchor;
    this.name = name;
    this.inputs = inputs;
    this.computed = stated;
    this.#items = items;
    this.#original = original;
  }
  get explanation(): LocalizedText {
    if (this.#explained) return this.#explained;
    const { name, computed: stated } = this;
    const k = this.#items.length;
    const list = this.#items.map((it) => md(this.#original.slice(it.start, it.end))).join(' / ');
    return (this.#explained = both(
      `**${md(name)}**（列举项数核对）\n\n列举 ${stated} 项：${list}${k === stated ? '' : `（“和”“及”连接的项分开计）`} ✓`,
      `**${md(name)}** (number of items listed)\n\n${stated} items listed: ${list}${k === stated ? '' : ' (items joined by 和/及 counted apart)'} ✓`,
    ));
  }
  get working(): string {
    const k = this.#items.length;
    const stated = this.computed;
    return `${k === stated ? k : `${k} + ${stated - k}`} = ${stated} ✓`;
  }
}

/**
 * A last item much longer than the others carries the sentence's verb or head noun (研究、学习法治建设有关议题2个:
 * the 2 counts 议题, not 研究 and 学习): the list is not what is counted.
 */
function headInLastItem(s: string, items: ReadonlyArray<{ start: number; end: number }>, firstReliable: boolean): boolean {
  const len = (it: { start: number; end: number }) => it.end - it.start;
  // Without a word opening the list, the first item holds the clause's subject and verb: its length says nothing.
  const compared = firstReliable ? items.slice(0, -1) : items.slice(1, -1);
  if (!compared.length) return !firstReliable && len(items[0]) > 12;
  const others = Math.max(...compared.map(len));
  // 甲、乙和丙: the last item's longest part.
  const last = Math.max(...s.slice(items[items.length - 1].start, items[items.length - 1].end).split(/以及|及|和|与/).map((p) => p.length));
  return last > 6 && last > 2 * others;
}

/** A listed item as a figure counting one (so the hover and the summary can point at it). */
function itemFigure(original: string, it: { start: number; end: number }): Figure {
  return {
    index: -1,
    kind: 'count',
    value: 1,
    numStart: it.start,
    numEnd: it.end,
    start: it.start,
    end: it.end,
    printed: original.slice(it.start, it.end),
    decimals: 0,
    scale: 1,
    unit: null,
    family: 'generic',
    approx: null,
    approxWord: null,
    arabic: false,
  };
}
