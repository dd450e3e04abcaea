/**
 * Half-width ↔ full-width punctuation in Chinese text.
 *
 * `fullWidthEdits` computes the edits that turn a document's ASCII punctuation used as
 * Chinese punctuation (`,` `:` `;` `(` `)` `?` `!`) into the full-width forms GB/T 9704
 * texts use (`，` `：` `；` `（` `）` `？` `！`). It never touches:
 * - numbers: 1,234, 11:18, 1:1000 (a mark between two ASCII characters is not Chinese punctuation);
 * - `.` at all (3.5, the level-3 marker `1.`, abbreviations), nor marker numerals — `(一)` → `（一）`
 *   only swaps the brackets;
 * - URLs and e-mail addresses;
 * - Markdown syntax: fenced and inline code, link and image targets `](…)`, autolinks `<…>`,
 *   HTML tags, reference definitions `[id]: url`, YAML front matter.
 * Pure: text in, offset edits out.
 */
import type { DocumentFormat } from './document';
import { splitLines } from './document';
import type { OffsetRange } from './types';

export const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
export const HALF_WIDTH: Record<string, string> = Object.fromEntries(Object.entries(FULL_WIDTH).map(([h, f]) => [f, h]));
/** 1 for the ASCII code units that are keys of FULL_WIDTH. */
const HALF_MARK_CODES = new Uint8Array(0x80);
for (const h of Object.keys(FULL_WIDTH)) HALF_MARK_CODES[h.charCodeAt(0)] = 1;

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** URLs are runs of visible ASCII; trailing punctuation belongs to the sentence (as in GFM autolinks). */
const URL_RE = /\b(?:(?:https?|ftp|file):\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function urlEnd(url: string): number {
  let end = url.length;
  // Bracket balance of url[0, end), kept up to date as `end` moves (recounting per step was O(n²)).
  let opens = count(url, '(');
  let closes = count(url, ')');
  while (end > 0) {
    const c = url[end - 1];
    if (/[.,;:!?'"\]>]/.test(c)) end--;
    else if (c === ')' && opens < closes) {
      end--;
      closes--;
    } else break;
  }
  return end;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Regions of the text that must never be edited (URLs, and Markdown syntax in Markdown files). */
export function protectedRegions(text: string, format: DocumentFormat): OffsetRange[] {
  const regions: OffsetRange[] = [];
  for (const m of text.matchAll(URL_RE)) regions.push({ start: m.index, end: m.index + urlEnd(m[0]) });
  if (format === 'markdown') {
    const lines = splitLines(text);
    // YAML front matter.
    if (lines[0]?.text === '---') {
      const close = lines.findIndex((l, i) => i > 0 && (l.text === '---' || l.text === '...'));
      if (close > 0) regions.push({ start: 0, end: lines[close].end });
    }
    let fence: string | null = null;
    let fenceStart = 0;
    for (const l of lines) {
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l.text);
      if (fence === null && m) {
        fence = m[1];
        fenceStart = l.start;
        continue;
      }
      if (fence !== null) {
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length) {
          regions.push({ start: fenceStart, end: l.end });
          fence = null;
        }
        continue;
      }
      // Reference definitions: [id]: url "title"
      if (/^\s{0,3}\[[^\]]+\]:\s/.test(l.text)) regions.push({ start: l.start, end: l.end });
      // Indented code (4 spaces or a tab) is left alone too.
      if (/^(?: {4}|\t)/.test(l.text) && l.text.trim()) regions.push({ start: l.start, end: l.end });
    }
    if (fence !== null) regions.push({ start: fenceStart, end: text.length });
    for (const m of text.matchAll(/(`+)[^`]*?\1/g)) regions.push({ start: m.index, end: m.index + m[0].length });
    // Link and image targets: the `(...)` right after `]`.
    for (const m of text.matchAll(/\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g)) regions.push({ start: m.index, end: m.index + m[0].length });
    for (const m of text.matchAll(/<(?:https?:|mailto:|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>)[^<>]*>?/g)) regions.push({ start: m.index, end: m.index + m[0].length });
  }
  regions.sort((a, b) => a.start - b.start);
  return regions;
}

function isAsciiVisible(ch: string | undefined): boolean {
  return ch !== undefined && ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f;
}

/** A punctuation mark the conversion deals with, in either width. */
function isMark(ch: string): boolean {
  return ch in FULL_WIDTH || ch in HALF_WIDTH;
}

/** Visible ASCII that is not one of the marks (digits, letters, %, / …). */
function isAsciiNonMark(ch: string | undefined): boolean {
  return isAsciiVisible(ch) && !isMark(ch!);
}

/** The nearest character before / after an offset on the same line, skipping spaces and other marks. */
function neighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let p = i + step; p >= 0 && p < text.length; p += step) {
    const ch = text[p];
    if (ch === '\n' || ch === '\r') return undefined;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0' && ch !== '\u3000' && !isMark(ch)) return ch;
  }
  return undefined;
}

/** A mark is Chinese punctuation when a neighbour is Chinese (any non-ASCII character). */
function chineseContextAt(text: string, i: number, tables?: NeighbourTables): boolean {
  const prev = tables ? charAt(text, tables.prev[i]) : neighbour(text, i, -1);
  const next = tables ? charAt(text, tables.next[i]) : neighbour(text, i, 1);
  return (prev !== undefined && !isAsciiVisible(prev)) || (next !== undefined && !isAsciiVisible(next));
}

function charAt(text: string, p: number): string | undefined {
  return p < 0 ? undefined : text[p];
}

interface NeighbourTables {
  /** Offset of what neighbour(text, i, -1) returns, or -1. */
  prev: Int32Array;
  /** Offset of what neighbour(text, i, 1) returns, or -1. */
  next: Int32Array;
}

/**
 * neighbour() for every offset in two linear passes. Calling neighbour() per mark scanned
 * across runs of marks, which made a line of n colons cost O(n²) (100,000 took minutes).
 */
function neighbourTables(text: string): NeighbourTables {
  const n = text.length;
  const prev = new Int32Array(n);
  const next = new Int32Array(n);
  const skipped = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000' || isMark(ch);
  let last = -1;
  for (let i = 0; i < n; i++) {
    prev[i] = last;
    const ch = text[i];
    if (ch === '\n' || ch === '\r') last = -1;
    else if (!skipped(ch)) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    const ch = text[i];
    if (ch === '\n' || ch === '\r') last = -1;
    else if (!skipped(ch)) last = i;
  }
  return { prev, next };
}

/**
 * Offsets of the ASCII marks that are used as Chinese punctuation (the ones the conversion
 * changes). Parentheses are decided per pair, so `(1)` at the start of a line followed by
 * Chinese becomes `（1）` as a whole, never `(1）`.
 */
export function chinesePunctuationOffsets(text: string, format: DocumentFormat, skip: readonly OffsetRange[] = []): number[] {
  const regions = [...protectedRegions(text, format), ...skip].sort((a, b) => a.start - b.start);
  const inRegion = (() => {
    let k = 0;
    return (i: number) => {
      while (k < regions.length && regions[k].end <= i) k++;
      // Regions may overlap: look a little further.
      for (let j = k; j < regions.length && regions[j].start <= i; j++) if (regions[j].end > i) return true;
      return false;
    };
  })();
  const markdown = format === 'markdown';
  const tables = neighbourTables(text);
  const chineseContext = (t: string, i: number) => chineseContextAt(t, i, tables);
  const out: number[] = [];
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    // Fast skip (hot loop): only line breaks and the ASCII marks of FULL_WIDTH matter below.
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13 && (code > 0x7f || HALF_MARK_CODES[code] === 0)) continue;
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      stack.length = 0; // parentheses pair within a line
      continue;
    }
    if (!(ch in FULL_WIDTH)) continue;
    if (inRegion(i)) continue;
    if (ch === '(') {
      stack.push(i);
      continue;
    }
    if (ch === ')') {
      if (stack.length) pairs.push([stack.pop()!, i]);
      else if (chineseContext(text, i)) out.push(i);
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    // 1,234 / 11:18 / 1:1000: a mark glued between two ASCII characters is not Chinese punctuation.
    if (isAsciiNonMark(prev) && isAsciiNonMark(next)) continue;
    // Markdown image syntax ![alt](src).
    if (markdown && ch === '!' && next === '[') continue;
    if (chineseContext(text, i)) out.push(i);
  }
  for (const o of stack) if (chineseContext(text, o)) out.push(o); // unclosed (
  // nonAscii[i]: non-ASCII characters before offset i (nested pairs made per-pair scans O(n²)).
  const nonAscii = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) nonAscii[i + 1] = nonAscii[i] + (text.charCodeAt(i) > 0x7f ? 1 : 0);
  for (const [open, close] of pairs) {
    const innerHasNonAscii = nonAscii[close] - nonAscii[open + 1] > 0;
    if (chineseContext(text, open) || chineseContext(text, close) || innerHasNonAscii) out.push(open, close);
  }
  return out.sort((a, b) => a - b);
}

/** The edits converting a whole text to full-width punctuation (see the module comment). */
export function fullWidthEdits(text: string, format: DocumentFormat = 'text', skip: readonly OffsetRange[] = []): OffsetEdit[] {
  return chinesePunctuationOffsets(text, format, skip).map((i) => ({ start: i, end: i + 1, newText: FULL_WIDTH[text[i]] }));
}

/** Apply offset edits (non-overlapping) to a text. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
