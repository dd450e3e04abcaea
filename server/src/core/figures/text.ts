/**
 * Sentences, clauses and the words in front of a figure. Sentences end at 。！？!?
 * and line breaks; clauses inside them are separated by `,` `，` `;` `；` `:` `：`
 * (the seeds use ASCII punctuation, so both widths are treated alike).
 */
import type { Figure } from './numbers';
import { TOTAL_RE } from './vocabulary';
import { codeAt, codeUnits, UnitTable, type CodeUnits } from './code-units';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** 0-based line the sentence starts on (sentences never cross lines). */
  line: number;
  /** Figures inside the sentence, in order. */
  figures: Figure[];
}

export const CLAUSE_BOUNDARY = new Set([',', '，', ';', '；', ':', '：', '(', '（', ')', '）', '。', '！', '？', '!', '?', '\n', '\r']);
const LABEL_BOUNDARY = new Set([...CLAUSE_BOUNDARY, '、']);
/** The same sets by code unit, for the scanning loops (indexing a CJK string allocates a string per character). */
/** Per code unit: CLAUSE_BIT when in CLAUSE_BOUNDARY, LABEL_BIT when in LABEL_BOUNDARY (one array read; NaN past the ends reads as neither). */
const BOUNDARY_BITS = new UnitTable();
const CLAUSE_BIT = 1;
const LABEL_BIT = 2;
for (const c of CLAUSE_BOUNDARY) BOUNDARY_BITS.or(c.charCodeAt(0), CLAUSE_BIT);
for (const c of LABEL_BOUNDARY) BOUNDARY_BITS.or(c.charCodeAt(0), LABEL_BIT);

/** True when the code unit at `i` ends a clause (see CLAUSE_BOUNDARY); false outside the text. */
export function isClauseBoundaryAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && (BOUNDARY_BITS.get(s.charCodeAt(i)) & CLAUSE_BIT) !== 0;
}

/** The figures of a sentence without any (shared: sentences' lists are read, never modified). */
export const NO_FIGURES: Figure[] = [];

/** What ends a sentence: 。！？!? (kept in it) and line breaks (not). */
const SENTENCE_END_RE = /[。！？!?\n\r]/g;

/**
 * Split into sentences and distribute the figures (both in order: linear). The ends are the
 * offsets of every code unit of SENTENCE_END_RE in `s` when given (`ends`, ascending: scanFigures
 * notes them), else found by one native search each.
 */
export function splitSentences(s: string, figures: readonly Figure[], ends?: readonly number[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let line = 0;
  let fi = 0;
  const n = s.length;
  const re = SENTENCE_END_RE;
  let e = 0;
  for (let from = 0; from <= n; ) {
    let i: number;
    if (ends) {
      while (e < ends.length && ends[e] < from) e++;
      i = e < ends.length ? ends[e] : n;
    } else {
      re.lastIndex = from;
      i = re.test(s) ? re.lastIndex - 1 : n;
    }
    let end: number;
    let nl = false;
    if (i === n) end = n;
    else {
      const c = s.charCodeAt(i);
      if (c === 10 || c === 13) {
        end = i;
        nl = true;
      } else end = i + 1;
    }
    if (end > start) {
      // Most sentences hold no figure: they share one empty list (never modified); the others get
      // their run of the (ordered) figures, copied at its size.
      while (fi < figures.length && figures[fi].numStart < start) fi++;
      const first = fi;
      while (fi < figures.length && figures[fi].numStart < end) fi++;
      out.push({ index: out.length, start, end, line, figures: fi > first ? figures.slice(first, fi) : NO_FIGURES });
    }
    let next = i;
    if (nl) {
      if (s.charCodeAt(next) === 13 && s.charCodeAt(next + 1) === 10) next++;
      line++;
    }
    start = next + 1;
    from = next + 1;
  }
  return out;
}

/**
 * How far back a clause or label is looked for. Words further than this from a figure do not
 * describe it, and an unbounded scan per figure made a long clause full of figures O(n²)
 * (10,000 × "5%" took seconds).
 */
export const MAX_LOOKBACK = 200;

/** Start of the clause containing `pos` (bounded by `min`, and at most MAX_LOOKBACK back). */
export function clauseStart(s: string, pos: number, min: number): number {
  min = Math.max(min, pos - MAX_LOOKBACK);
  let i = pos;
  while (i > min && !(BOUNDARY_BITS.get(s.charCodeAt(i - 1)) & CLAUSE_BIT)) i--;
  return i;
}

/** End of the clause containing `pos` (bounded by `max`). */
export function clauseEnd(s: string, pos: number, max: number): number {
  let i = pos;
  while (i < max && !(BOUNDARY_BITS.get(s.charCodeAt(i)) & CLAUSE_BIT)) i++;
  return i;
}

/**
 * The words in front of a figure that say what it counts: back to the previous
 * clause boundary, 、 or the previous figure (成功调解 | 2085宗, 市政协提案 | 26件).
 */
export function labelBefore(s: string, f: Figure, min: number): string {
  min = Math.max(min, f.start - MAX_LOOKBACK);
  let i = f.start;
  while (i > min && !(BOUNDARY_BITS.get(s.charCodeAt(i - 1)) & LABEL_BIT)) i--;
  return s.slice(i, f.start);
}

/** The clause text in front of a figure (共办理人大建议、政协提案 | 101件). */
export function clauseBefore(s: string, f: Figure, min: number): string {
  return s.slice(clauseStart(s, f.start, min), f.start);
}


export function isTotalLabel(clause: string): boolean {
  // Every word of TOTAL_RE holds one of 共 计 总 全 受 收: a clause without any is not searched.
  for (let i = 0; i < clause.length; i++) if (TOTAL_UNITS.has(clause.charCodeAt(i))) return TOTAL_RE.test(clause);
  return false;
}
const TOTAL_UNITS = codeUnits('共计总全受收');

/** Strip qualifiers and framing from a label so two mentions of one quantity compare equal. */
export function normalizeLabel(label: string): string {
  // Each step is tried only when the label starts (or ends) with a code unit its words can start
  // (end) with: most labels have no framing, and an expression anchored at the end is tried at
  // every offset.
  // The steps share one replace call (four rarely taken calls each de-optimised the function
  // they were inlined into, repeatCandidates, the first time a label had that framing).
  let out = label;
  for (let k = 0; k < FRAME_STEPS.length; k++) {
    const step = FRAME_STEPS[k];
    if (step.units.has(codeAt(out, step.atEnd ? out.length - 1 : 0))) out = out.replace(step.re, '');
  }
  return out;
}

const FRAME_DATE_RE = /^(截至|截止)?[0-9０-９]{4}年([0-9０-９]{1,2}月)?(底|末|以来|全年|年内)?/;
const FRAME_SCOPE_RE = /^(其中|今年|全年|年内|本年度|本年|我[区街市县镇局厅委办]|全[区街市县镇省])+/;
const FRAME_TOTAL_RE = /^(共计|总共|一共|合计|总计|累计|共|已|先后|依法|全部|共有)+/;
const FRAME_QUALIFIER_RE = /(约|近|超过|超|逾|突破|不到|不足|将近|接近|大约|达到|达|为|了)+$/;
/** The code units the words of each expression above start (the last: end) with. */
const FRAME_DATE_FIRST = codeUnits('截0123456789０１２３４５６７８９');
const FRAME_SCOPE_FIRST = codeUnits('其今全年本我');
const FRAME_TOTAL_FIRST = codeUnits('共总一合累已先依全');
const FRAME_QUALIFIER_LAST = codeUnits('约近过超逾破到足达为了');
/** normalizeLabel's steps, in order: the code units a step's words start (or end) with, and its expression. */
const FRAME_STEPS: ReadonlyArray<{ units: CodeUnits; re: RegExp; atEnd: boolean }> = [
  { units: FRAME_DATE_FIRST, re: FRAME_DATE_RE, atEnd: false },
  { units: FRAME_SCOPE_FIRST, re: FRAME_SCOPE_RE, atEnd: false },
  { units: FRAME_TOTAL_FIRST, re: FRAME_TOTAL_RE, atEnd: false },
  { units: FRAME_QUALIFIER_LAST, re: FRAME_QUALIFIER_RE, atEnd: true },
];

/** Characters after which a label may be shortened without cutting a word. */
const LABEL_BREAK = /[的、，,；;：:（）()和与及在对将从为中是“”《》\s]/;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * The first word start at or after `pos` in `text` (ICU's dictionary word segmentation, as
 * Intl.Segmenter gives it); `pos` itself when no segmenter is available.
 */
export function wordStartFrom(text: string, pos: number): number {
  if (pos <= 0) return 0;
  segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  if (!segmenter) return pos;
  if (pos >= text.length) return text.length;
  // The segmenter is slow to start on a text and callers ask about the same short phrases again
  // and again (a rate's name in every paragraph that states it): answers are kept, a bounded set.
  const key = `${pos}|${text}`;
  const known = wordStarts.get(key);
  if (known !== undefined) return known;
  // The segment holding `pos`: a word starts at `pos`, or the next one where this one ends.
  const seg = segmenter.segment(text).containing(pos)!;
  const start = seg.index === pos ? pos : seg.index + seg.segment.length;
  if (wordStarts.size >= MAX_WORD_STARTS) wordStarts.clear();
  wordStarts.set(key, start);
  return start;
}

/** wordStartFrom's answers by position and text (cleared when full: a cache, not a record). */
const wordStarts = new Map<string, number>();
const MAX_WORD_STARTS = 4096;

/**
 * A label shortened for display to about `max` characters without cutting inside a word: it
 * starts after a break character (的, 、, 和 …) or, failing that, at a word start, and is
 * prefixed with … when shortened.
 */
export function shortLabel(label: string, max = 12): string {
  if (label.length <= max) return label;
  for (let p = label.length - max; p < label.length - 1; p++) {
    if (LABEL_BREAK.test(label[p - 1])) return `…${label.slice(p)}`;
  }
  const p = wordStartFrom(label, label.length - max);
  return p > 0 && p < label.length - 1 ? `…${label.slice(p)}` : label;
}
