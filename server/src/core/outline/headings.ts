import { isJsSpaceCode, trimmedEndLength } from '../document/chars';
import type { Line } from '../document/document';
import type { OffsetRange } from '../types';
import { parseChineseNumeral } from '../document/chinese-numerals';

/**
 * Marker styles of GB/T 9704-2012 §7.3.3 plus parts and Markdown headings.
 *  - `part`         第一部分 / 第一章 / 第一篇 / 第一节
 *  - `cn-dun`       一、   (level 1)
 *  - `cn-paren`     （一） (level 2)
 *  - `arabic-dot`   1.  1．  (level 3; the wrong form 1、 is recognised too)
 *  - `arabic-paren` （1） (level 4)
 *  - `markdown`     a Markdown ATX heading without a Chinese marker
 *  - `question`     an unnumbered stand-alone question line (如何……？), as in news articles
 */
export type MarkerStyle = 'part' | 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'markdown' | 'question';

/** Styles that carry a number and form numbered sequences. */
export type NumberedStyle = Exclude<MarkerStyle, 'markdown' | 'question'>;

export const STYLE_LEVEL: Record<NumberedStyle, number> = {
  part: 0,
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
};

export interface Heading {
  /** 0-based line number. */
  line: number;
  style: MarkerStyle;
  /** GB/T level (0 for parts, 1–4 for markers); the hash count for plain Markdown headings. */
  level: number;
  /** Rank used to build the tree: smaller ranks contain larger ones. */
  rank: number;
  /** The number the marker states (一 → 1), or null for plain Markdown headings. */
  number: number | null;
  /** The marker as written, including its punctuation: `一、`, `(一)`, `1．`, `（1）、`. */
  marker: string;
  markerRange: OffsetRange;
  /** The numeral inside the marker. */
  numeralRange: OffsetRange;
  /** Punctuation after the numeral for un-bracketed markers (`、` `.` `．` `,` `，`), '' otherwise. */
  punct: string;
  /** Extra punctuation after a closing bracket (`（一）、`), '' when clean. */
  trailingPunct: string;
  /** Bracket width for bracketed markers. */
  paren: 'full' | 'half' | 'mixed' | null;
  /** Digit width for Arabic markers. */
  digits: 'full' | 'half' | null;
  /** Part kind for `part` markers: 部分, 章, 篇, 节. */
  partKind?: string;
  title: string;
  titleRange: OffsetRange;
  /** Offset where run-in body text starts on the heading line, or null. */
  bodyStart: number | null;
  /** The whole line. */
  range: OffsetRange;
  /** Number of `#` for Markdown headings, else null. */
  markdownLevel: number | null;
  /**
   * Set when the marker was broken over two lines by the publisher (`（` / `三）改革开放…`): the line
   * holding the marker's first part and its range. `markerRange` then starts on that line.
   */
  brokenFrom?: { line: number; range: OffsetRange };
  /** 1-based index of the appendix (附件1 …) the heading belongs to; absent in the main text. */
  appendix?: number;
}

const NUM = '[一二三四五六七八九十百零〇]{1,6}';
const DIGITS = '[0-9０-９]{1,3}';

const RE_PART = new RegExp(`^第(${NUM}|${DIGITS})(部分|章|篇|节)`);
const RE_CN_DUN = new RegExp(`^(${NUM})\\s*([、.．,，])`);
const RE_CN_PAREN = new RegExp(`^([(（])\\s*(${NUM})\\s*([)）])(\\s*[、.．,，])?`);
const RE_AR_DOT = new RegExp(`^(${DIGITS})\\s*([.．、])(?![0-9０-９])`);
/** 20.2026年… / 21.5+2…: a marker followed by digits (accepted only where the sequence expects it). */
const RE_AR_DOT_DIGITS = new RegExp(`^(${DIGITS})\\s*([.．])(?=[0-9０-９])`);
const RE_AR_PAREN = new RegExp(`^([(（])\\s*(${DIGITS})\\s*([)）])(\\s*[、.．,，])?`);
const RE_MD = /^(#{1,6})(?:[ \t]+|$)/;
/** matchMarker's patterns in the order it tries them, with their styles (for tests). */
export const MARKER_PATTERNS: readonly { style: NumberedStyle; re: RegExp }[] = [
  { style: 'part', re: RE_PART },
  { style: 'cn-dun', re: RE_CN_DUN },
  { style: 'cn-paren', re: RE_CN_PAREN },
  { style: 'arabic-paren', re: RE_AR_PAREN },
  { style: 'arabic-dot', re: RE_AR_DOT },
];
/** The code units of NUM (the first character of a cn-dun marker). */
const CN_NUMERAL_UNITS = new Set([...'一二三四五六七八九十百零〇'].map((ch) => ch.charCodeAt(0)));

function digitValue(s: string): number {
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}

function digitWidth(s: string): 'full' | 'half' {
  return /[０-９]/.test(s) ? 'full' : 'half';
}

function parenWidth(open: string, close: string): 'full' | 'half' | 'mixed' {
  const o = open === '（';
  const c = close === '）';
  if (o && c) return 'full';
  if (!o && !c) return 'half';
  return 'mixed';
}

interface MarkerMatch {
  style: NumberedStyle;
  number: number;
  length: number; // marker length including punctuation
  numeralStart: number;
  numeralEnd: number;
  punct: string;
  trailingPunct: string;
  paren: 'full' | 'half' | 'mixed' | null;
  digits: 'full' | 'half' | null;
  partKind?: string;
}

/** Recognise a heading marker at the start of `s` (already in simplified script). */
export function matchMarker(s: string, options: { digitsAfterDot?: boolean } = {}): MarkerMatch | null {
  let m: RegExpExecArray | null;
  if (options.digitsAfterDot) {
    if (!(m = RE_AR_DOT_DIGITS.exec(s))) return null;
    const n = digitValue(m[1]);
    if (n <= 0) return null;
    return {
      style: 'arabic-dot', number: n, length: m[0].length, numeralStart: 0, numeralEnd: m[1].length,
      punct: m[2], trailingPunct: '', paren: null, digits: digitWidth(m[1]),
    };
  }
  // Each pattern is anchored and opens with its own characters: only the patterns the first code
  // unit can start are tried (in the same order), sparing a failed regex call or four a line.
  const c = s.charCodeAt(0);
  if (c === 0x7b2c /* 第 */ && (m = RE_PART.exec(s))) {
    const n = /^[0-9０-９]/.test(m[1]) ? digitValue(m[1]) : parseChineseNumeral(m[1]);
    if (n === null || n <= 0) return null;
    return {
      style: 'part', number: n, length: m[0].length, numeralStart: 1, numeralEnd: 1 + m[1].length,
      punct: '', trailingPunct: '', paren: null, digits: null, partKind: m[2],
    };
  }
  if (CN_NUMERAL_UNITS.has(c) && (m = RE_CN_DUN.exec(s))) {
    const n = parseChineseNumeral(m[1]);
    // A lone numeral followed by a comma is usually prose ("一,二等奖") unless a title follows.
    if (n === null || n <= 0) return null;
    if ((m[2] === ',' || m[2] === '，') && s.length - m[0].length < 2) return null;
    return {
      style: 'cn-dun', number: n, length: m[0].length, numeralStart: 0, numeralEnd: m[1].length,
      punct: m[2], trailingPunct: '', paren: null, digits: null,
    };
  }
  const paren = c === 0x28 || c === 0xff08;
  if (paren && (m = RE_CN_PAREN.exec(s))) {
    const n = parseChineseNumeral(m[2]);
    if (n === null || n <= 0) return null;
    const numeralStart = s.indexOf(m[2], 1);
    return {
      style: 'cn-paren', number: n, length: m[0].length, numeralStart, numeralEnd: numeralStart + m[2].length,
      punct: '', trailingPunct: (m[4] ?? '').trim(), paren: parenWidth(m[1], m[3]), digits: null,
    };
  }
  if (paren && (m = RE_AR_PAREN.exec(s))) {
    const numeralStart = s.indexOf(m[2], 1);
    return {
      style: 'arabic-paren', number: digitValue(m[2]), length: m[0].length, numeralStart,
      numeralEnd: numeralStart + m[2].length, punct: '', trailingPunct: (m[4] ?? '').trim(),
      paren: parenWidth(m[1], m[3]), digits: digitWidth(m[2]),
    };
  }
  if (((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) && (m = RE_AR_DOT.exec(s))) {
    const n = digitValue(m[1]);
    if (n <= 0) return null;
    return {
      style: 'arabic-dot', number: n, length: m[0].length, numeralStart: 0, numeralEnd: m[1].length,
      punct: m[2], trailingPunct: '', paren: null, digits: digitWidth(m[1]),
    };
  }
  return null;
}

// Spaces and invisible format characters (BOM, zero-width space/joiners, LRM/RLM, bidi embeddings
// and isolates): a heading preceded by them still reads as a heading.
const LEADING_SPACE = /^[ \t\u3000\u00a0\ufeff\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]*/;

/** The length of the LEADING_SPACE run at the start of `s` (counted, no match object per line). */
export function leadingSpace(s: string): number {
  return leadingSpaceIn(s, 0, s.length);
}

/** Whether a code unit is one of LEADING_SPACE's. */
function isLeadingSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069);
}

/** leadingSpace of text[start, end), read in place. */
function leadingSpaceIn(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isLeadingSpaceCode(text.charCodeAt(i))) i++;
  return i - start;
}

/** The code units a marker (matchMarker's patterns) can start with: 第, the numerals of NUM, `(` `（` and the digits of DIGITS. */
const MARKER_FIRST = new Set([...'第一二三四五六七八九十百零〇(（0123456789０１２３４５６７８９'].map((c) => c.charCodeAt(0)));

/**
 * Whether recognizeHeading (without `digitsAfterDot`) can find a heading on the line
 * text[start, end) of the simplified view, decided on code units without slicing the line: after
 * the leading spaces it must start a marker (MARKER_FIRST), a Markdown `#` heading, or be a
 * question line of 4 to 40 characters (trailing spaces aside). Most lines of a report are long
 * paragraphs opening with none of these, and are not sliced and matched.
 */
export function mayBeHeading(text: string, start: number, end: number, markdown: boolean): boolean {
  const pos = start + leadingSpaceIn(text, start, end);
  const c = text.charCodeAt(pos);
  if (pos < end && (MARKER_FIRST.has(c) || (markdown && c === 0x23 /* # */))) return true;
  // The question test's length: the body without its trailing whitespace (trimmedEndLength).
  let e = end;
  while (e > pos && isJsSpaceCode(text.charCodeAt(e - 1))) e--;
  return e - pos >= 4 && e - pos <= 40;
}

/**
 * Find where a run-in heading's title ends: at the first 。 (or ！？), or at a colon that is
 * followed by body text. Returns the index in `rest` where the title stops and body begins.
 */
export function splitTitle(rest: string): { titleEnd: number; bodyStart: number | null } {
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // Only 。！？:： matter (tested on code units: indexing CJK text allocates a string per character).
    if (c !== 0x3002 && c !== 0xff01 && c !== 0xff1f && c !== 0x3a && c !== 0xff1a) continue;
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) {
      const after = i + 1;
      return { titleEnd: i, bodyStart: after < trimmedEndLength(rest) ? skipSpace(rest, after) : null };
    }
    const after = skipSpace(rest, i + 1);
    if (after < trimmedEndLength(rest)) return { titleEnd: i, bodyStart: after };
  }
  return { titleEnd: trimmedEndLength(rest), bodyStart: null };
}

const isBlank = (ch: string) => ch === ' ' || ch === '\t';

/**
 * Remove an ATX heading's closing sequence (`## 标题 ##` → `标题`): spaces or tabs, a run of #,
 * trailing spaces or tabs; a rest made of #s only is empty. Written as a scan because the regex
 * /[ \t]+#+[ \t]*$/ backtracks quadratically on long runs of spaces.
 */
export function stripClosingHashes(rest: string): string {
  let end = rest.length;
  while (end > 0 && isBlank(rest[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === '#') hashes--;
  if (hashes === end) return rest;
  if (hashes === 0) return '';
  if (!isBlank(rest[hashes - 1])) return rest;
  let start = hashes;
  while (start > 0 && isBlank(rest[start - 1])) start--;
  const stripped = rest.slice(0, start);
  return /^#+[ \t]*$/.test(stripped) ? '' : stripped;
}

/** The first offset from `i` on that is not a space, a tab or an ideographic space. */
function skipSpace(s: string, i: number): number {
  for (let c = s.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x3000; c = s.charCodeAt(++i));
  return i;
}

/**
 * Recognise a heading on one line. `simplifiedLine` is the same line in the simplified view
 * (same length) so that traditional text parses alike.
 */
export function recognizeHeading(line: Line, simplifiedLine: string, markdown: boolean, options: { digitsAfterDot?: boolean } = {}): Heading | null {
  const original = line.text;
  let pos = leadingSpace(simplifiedLine);
  let markdownLevel: number | null = null;
  if (markdown) {
    const md = RE_MD.exec(simplifiedLine.slice(pos));
    if (md) {
      // Up to three spaces of indentation are allowed before an ATX heading.
      if (pos > 3) return null;
      markdownLevel = md[1].length;
      pos += md[0].length;
    } else if (pos >= 4 && /^[ \t]/.test(simplifiedLine)) {
      return null; // indented code block
    }
  }
  const body = simplifiedLine.slice(pos);
  const mm = matchMarker(body, options);
  if (options.digitsAfterDot && !mm) return null;
  if (!mm && markdownLevel === null) {
    // A question heading is 4 to 40 characters: longer lines (paragraphs) are not trimmed and tested.
    const qLength = trimmedEndLength(body);
    if (qLength < 4 || qLength > 40) return null;
    const q = body.trimEnd();
    if (q.length >= 4 && q.length <= 40 && /[?？]$/.test(q) && !/[。!！]/.test(q)) {
      const start = line.start + pos;
      const text = original.slice(pos, pos + q.length);
      return {
        line: line.index, style: 'question', level: 1, rank: 1, number: null, marker: '',
        markerRange: { start, end: start }, numeralRange: { start, end: start }, punct: '', trailingPunct: '',
        paren: null, digits: null, title: text, titleRange: { start, end: start + q.length }, bodyStart: null,
        range: { start: line.start, end: line.end }, markdownLevel: null,
      };
    }
    return null;
  }

  const markerLen = mm ? mm.length : 0;
  let restStart = pos + markerLen;
  restStart = skipSpace(simplifiedLine, restStart);
  let rest = original.slice(restStart);
  if (markdownLevel !== null) {
    // Strip a closing sequence of #s.
    rest = stripClosingHashes(rest);
  }
  const { titleEnd, bodyStart } = markdownLevel !== null && !mm ? { titleEnd: rest.trimEnd().length, bodyStart: null } : splitTitle(rest);
  const title = rest.slice(0, titleEnd).trim();
  const titleStartOffset = line.start + restStart + (rest.length - rest.trimStart().length);
  const titleRange = { start: titleStartOffset, end: titleStartOffset + title.length };
  const markerStart = line.start + pos;

  if (!mm) {
    return {
      line: line.index, style: 'markdown', level: markdownLevel!, rank: markdownLevel!, number: null,
      marker: original.slice(0, pos).trim(),
      markerRange: { start: line.start + LEADING_SPACE.exec(simplifiedLine)![0].length, end: markerStart },
      numeralRange: { start: markerStart, end: markerStart },
      punct: '', trailingPunct: '', paren: null, digits: null, title, titleRange,
      bodyStart: null, range: { start: line.start, end: line.end }, markdownLevel,
    };
  }
  const level = STYLE_LEVEL[mm.style];
  return {
    line: line.index,
    style: mm.style,
    level,
    rank: level,
    number: mm.number,
    marker: original.slice(pos, pos + mm.length),
    markerRange: { start: markerStart, end: markerStart + mm.length },
    numeralRange: { start: markerStart + mm.numeralStart, end: markerStart + mm.numeralEnd },
    punct: mm.punct,
    trailingPunct: mm.trailingPunct,
    paren: mm.paren,
    digits: mm.digits,
    partKind: mm.partKind,
    title,
    titleRange,
    bodyStart: bodyStart === null ? null : line.start + restStart + bodyStart,
    range: { start: line.start, end: line.end },
    markdownLevel,
  };
}
