/**
 * The same quantity stated twice: two counts whose descriptive phrases match closely
 * (after dropping framing such as 共, 累计, 2024年, 我街) with the same unit family and
 * the same time frame. Equal values are a consistent cross-check; different values are
 * a conflict. Comparisons with other years (同比, 上年, 较…) are left out. One map
 * lookup per figure: linear.
 */
import { lazyClaim, type Claim } from './claim';
import type { LocalizedText } from '../l10n';
import type { Figure } from './numbers';
import { figureMovedBy, isExact } from './numbers';
import { formatCount } from './arithmetic';
import { both, figureText, md } from './explain';
import { clauseStart, normalizeLabel } from './text';
import type { FigureContext } from './rates';
import { PLAN_RE, SPAN_RE } from './vocabulary';
import { codeUnits, isAsciiDigitCode } from './code-units';

const COMPARISON = /同比|环比|上年|去年|上一年|较|比上|增长|下降|增加|减少|提高|降低|上升/;
const MIN_LABEL = 5;
/** A part of a year (截至…, 上半年, 3月): not comparable with the year's totals. */
export const PARTIAL_RE = /截至|截止|上半年|下半年|季度|[0-9０-９一二三四五六七八九十]+月/;

/** Past this many candidates in one sentence, the keys seen are kept in a set (linear in a sentence of thousands). */
const MAX_LISTED_KEYS = 8;

/** Whether a text starts with a CJK unified ideograph (/^[\u4e00-\u9fff]/), by code unit. */
function startsHan(t: string): boolean {
  const c = t.charCodeAt(0); // NaN for an empty text: false
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Whether a text holds an ASCII digit (/[0-9]/), by code unit. */
function holdsAsciiDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (isAsciiDigitCode(t.charCodeAt(i))) return true;
  return false;
}
export const YEAR_BEFORE_NIAN = /(?:19|20)\d\d(?=年)/;

/**
 * Whether PARTIAL_RE holds in a text, by plain searches: its words, or a numeral right before 月
 * (what `[…]+月` needs). The expression, opening with a class, was tried at every offset.
 */
export function isPartOfYear(t: string): boolean {
  // Each word found from its rarest character (a one-character search is the fastest there is).
  for (let i = t.indexOf('截'); i >= 0; i = t.indexOf('截', i + 1)) {
    const next = t.charCodeAt(i + 1);
    if (next === 0x81f3 /* 至 */ || next === 0x6b62 /* 止 */) return true;
  }
  for (let i = t.indexOf('半', 1); i >= 0; i = t.indexOf('半', i + 1)) {
    const prev = t.charCodeAt(i - 1);
    if ((prev === 0x4e0a /* 上 */ || prev === 0x4e0b /* 下 */) && t.charCodeAt(i + 1) === 0x5e74 /* 年 */) return true;
  }
  for (let i = t.indexOf('季'); i >= 0; i = t.indexOf('季', i + 1)) if (t.charCodeAt(i + 1) === 0x5ea6 /* 度 */) return true;
  for (let i = t.indexOf('月', 1); i >= 0; i = t.indexOf('月', i + 1)) if (MONTH_NUMERALS.has(t.charCodeAt(i - 1))) return true;
  return false;
}
const MONTH_NUMERALS = codeUnits('0123456789０１２３４５６７８９一二三四五六七八九十');

/**
 * A sentence's time frame as a small integer: its year (the first YEAR_BEFORE_NIAN, 0 when none),
 * whether it speaks of part of a year, and whether of a plan (1) or a span of years (2). Two
 * statements are compared only when their frames are equal; a number, not a string, so that no
 * key is built per candidate.
 */
function sentenceFrame(sentenceText: string): number {
  const year = yearNumberBeforeNian(sentenceText);
  const partial = isPartOfYear(sentenceText) ? 1 : 0;
  // A plan or target is not a result, and a multi-year total is not one year's: neither is compared with the others.
  const frame = PLAN_RE.test(sentenceText) ? 1 : SPAN_RE.test(sentenceText) ? 2 : 0;
  return (year * 2 + partial) * 3 + frame;
}

/**
 * The year of the first match of YEAR_BEFORE_NIAN in a text as a number (0 when none), read from
 * the code units: found from the 年 each match ends before, from the fourth code unit on (a read
 * before the text would de-optimise the caller once).
 */
export function yearNumberBeforeNian(t: string): number {
  for (let i = t.indexOf('年', 4); i >= 0; i = t.indexOf('年', i + 1)) {
    const c0 = t.charCodeAt(i - 4);
    const c1 = t.charCodeAt(i - 3);
    const c2 = t.charCodeAt(i - 2);
    const c3 = t.charCodeAt(i - 1);
    if (((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30)) && isAsciiDigitCode(c2) && isAsciiDigitCode(c3)) return (c0 - 48) * 1000 + (c1 - 48) * 100 + (c2 - 48) * 10 + (c3 - 48);
  }
  return 0;
}

/** Whether 其中 stands in s[from, to) (what /其中/ finds in that slice, without making it). */
function holdsQizhong(s: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) if (s.charCodeAt(i) === 0x5176 /* 其 */ && s.charCodeAt(i + 1) === 0x4e2d /* 中 */) return true;
  return false;
}

/**
 * The sentence of one or more repeat candidates, and what is read from its text only when a
 * candidate of it is compared with another of the same label (most labels are stated once):
 * whether it compares with other years (COMPARISON: its candidates are none), and its time frame
 * (sentenceFrame).
 */
export interface RepeatSentence {
  /** The text the sentence is in (the line as analysed) and its offsets there. */
  s: string;
  start: number;
  end: number;
  /** -2 not read yet, -1 a comparison (no candidates), else its sentenceFrame. */
  frame: number;
}

/**
 * A count that may restate a quantity stated elsewhere: its figure, its label, its sentence and
 * whether it is part of a breakdown. Two candidates state the same quantity when their labels,
 * their figures' unit families and units, and their frames (the sentence's time frame, and
 * whether part of a breakdown) are equal (sameQuantity): compared field by field, no key string
 * is built. A candidate of a sentence that compares with other years is none (isCandidate): that
 * and the frame are read from the sentence when first asked.
 */
export interface RepeatCandidate {
  figure: Figure;
  label: string;
  sentence: RepeatSentence;
  /** Where the figure starts in the sentence's text (`sentence.s`: the figure may be moved since). */
  at: number;
  /** 1 when part of a breakdown (其中…), 0 when not, -1 not read yet (partOf). */
  part: number;
}

/**
 * Whether a candidate is part of a breakdown (其中 in its clause before it: a subset, compared only
 * with other parts), read when first asked (most candidates are never compared).
 */
function partOf(c: RepeatCandidate): number {
  if (c.part < 0) {
    const { s, start } = c.sentence;
    c.part = holdsQizhong(s, clauseStart(s, c.at, start), c.at) ? 1 : 0;
  }
  return c.part;
}

/** The sentence's frame, read once: -1 when it compares with other years (COMPARISON). */
function sentenceFrameOf(st: RepeatSentence): number {
  if (st.frame === -2) {
    const text = st.s.slice(st.start, st.end);
    st.frame = COMPARISON.test(text) ? -1 : sentenceFrame(text);
  }
  return st.frame;
}

/** Whether a candidate is one: its sentence does not compare with other years (COMPARISON). */
export function isCandidate(c: RepeatCandidate): boolean {
  return sentenceFrameOf(c.sentence) >= 0;
}

/** A candidate's frame: its sentence's time frame, and whether it is part of a breakdown, as one small integer. */
function frameOf(c: RepeatCandidate): number {
  return sentenceFrameOf(c.sentence) * 2 + partOf(c);
}

/** Whether two candidates state the same quantity (their labels, units and frames agree). */
export function sameQuantity(a: RepeatCandidate, b: RepeatCandidate): boolean {
  return a.label === b.label && a.figure.unit === b.figure.unit && a.figure.family === b.figure.family && frameOf(a) === frameOf(b);
}

/**
 * Whether two candidates of one sentence state the same quantity (sameQuantity: their frames
 * differ only in `part`), without reading the sentence.
 */
function sameInSentence(a: RepeatCandidate, b: RepeatCandidate): boolean {
  return a.label === b.label && a.figure.unit === b.figure.unit && a.figure.family === b.figure.family && partOf(a) === partOf(b);
}

/** A candidate of a sentence as one string (equal strings for sameInSentence candidates): for a sentence with many candidates. */
function quantityKey(c: RepeatCandidate): string {
  return `${c.label}|${c.figure.family}|${c.figure.unit}|${partOf(c)}`;
}

/**
 * The counts of a text (one line) that are compared with the other statements of the same
 * quantity: everything here depends on the sentence alone; the comparison across the document is
 * pairRepeats' (analyze.ts).
 */
export function repeatCandidates(ctx: FigureContext): RepeatCandidate[] {
  const { s } = ctx;
  const out: RepeatCandidate[] = [];
  const sentences = ctx.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    // Only exact counts are compared: sentences without one are not read further.
    let exactCount = false;
    for (let i = 0; i < sent.figures.length && !exactCount; i++) exactCount = sent.figures[i].kind === 'count' && isExact(sent.figures[i]);
    if (!exactCount) continue;
    // The sentence, made once a figure of it has a label worth comparing (most have none); whether
    // it compares with other years and its time frame are read only when a candidate of it is
    // compared with another (isCandidate, sameQuantity).
    let sentence: RepeatSentence | null = null;
    let prevEnd = sent.start;
    // This sentence's candidates start here in `out` (two figures with one key in one sentence are two things).
    const first = out.length;
    let seenHere: Set<string> | null = null;
    for (let fi = 0; fi < sent.figures.length; fi++) {
      const f = sent.figures[fi];
      const from = prevEnd;
      prevEnd = f.end;
      if (f.kind !== 'count' || !isExact(f)) continue;
      // The whole phrase before the figure (back to the clause start or the previous figure).
      const rawStart = clauseStart(s, f.start, from);
      // Normalising only shortens a label: a short phrase is left unread.
      if (f.start - rawStart < MIN_LABEL) continue;
      const label = normalizeLabel(s.slice(rawStart, f.start));
      if (label.length < MIN_LABEL || !startsHan(label) || holdsAsciiDigit(label)) continue;
      // Whether it is part of a breakdown (其中…) is read when it is compared (partOf).
      sentence ??= { s, start: sent.start, end: sent.end, frame: -2 };
      const candidate: RepeatCandidate = { figure: f, label, sentence, at: f.start, part: -1 };
      // Two figures with one phrase in one sentence are two different things (two meetings …): the
      // sentence's few candidates are compared one by one, a set of keys made only for a sentence with many.
      if (seenHere) {
        const key = quantityKey(candidate);
        if (seenHere.has(key)) continue;
        seenHere.add(key);
      } else {
        let seen = false;
        for (let k = first; k < out.length && !seen; k++) seen = sameInSentence(out[k], candidate);
        if (seen) continue;
        if (out.length - first >= MAX_LISTED_KEYS) {
          seenHere = new Set<string>();
          for (let k = first; k < out.length; k++) seenHere.add(quantityKey(out[k]));
          seenHere.add(quantityKey(candidate));
        }
      }
      out.push(candidate);
    }
  }
  return out;
}

/** A candidate of one line, with where the line is: its offset in the document and its 0-based number. */
export interface PlacedCandidate {
  candidate: RepeatCandidate;
  offset: number;
  line: number;
}

/** A later statement of a quantity and the first statement of it. */
export interface RepeatPair {
  later: PlacedCandidate;
  earlier: PlacedCandidate;
}

/**
 * The claim of a pair, at document offsets. The explanation and the working are built when read
 * (most repeats are consistent and never shown).
 */
export function repeatClaim(pair: RepeatPair, original: string): Claim {
  const label = pair.later.candidate.label;
  const first = at(pair.earlier);
  const f = at(pair.later);
  const same = first.value === f.value;
  const firstLine = pair.earlier.line;
  return lazyClaim(
    {
      kind: 'repeat',
      anchor: f,
      name: label,
      inputs: [
        { role: 'first', figure: first, label },
        { role: 'second', figure: f, label },
      ],
      computed: first.value,
      verdict: same ? 'consistent' : 'inconsistent',
      problem: same ? undefined : 'conflict',
      related: first,
      suggestions: f.arabic && !same && first.scale === 1 ? [{ figure: f, newText: String(first.value), title: both(`改为前文的 ${first.value}`, `Change to ${first.value} as stated earlier`) }] : [],
    },
    () => {
      const a = figureText(original, first);
      const b = figureText(original, f);
      return same
        ? both(`**${md(label)}**（前后两处）\n\n前文：${md(a)}；此处：${md(b)} ✓`, `**${md(label)}** (stated twice)\n\nearlier: ${md(a)}; here: ${md(b)} ✓`)
        : both(
            `**${md(label)}**（前后两处）\n\n前文（第 ${firstLine + 1} 行）：${md(a)}；此处：${md(b)} ✗ 同一数量前后不一致`,
            `**${md(label)}** (stated twice)\n\nearlier (line ${firstLine + 1}): ${md(a)}; here: ${md(b)} ✗ the same quantity differs`,
          );
    },
    () => (same ? `${formatCount(first.value)} = ${formatCount(f.value)} ✓` : `${formatCount(first.value)} ≠ ${formatCount(f.value)}`),
  );
}

/** A candidate's figure at document offsets. */
function at(p: PlacedCandidate): Figure {
  const g = p.candidate.figure;
  return figureMovedBy(g, p.offset, g.index);
}
