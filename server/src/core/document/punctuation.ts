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
import { markdownBlocks } from './markdown';
import { PUNCTUATION_SCAN_UNITS } from './chars';
import type { OffsetRange } from '../types';

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
/** URL_RE's alternatives alone: a text without `@` has no e-mail address, one without `://` and `www.` no URL. */
const WEB_ADDRESS_RE = /\b(?:(?:https?|ftp|file):\/\/|www\.)[\x21-\x7e]+/g;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * The matches of URL_RE in `text`. The e-mail alternative is tried at every word character (its
 * run of [\w.+-] is rescanned from each one): a text with no `@` skips it, and most texts have
 * neither alternative's fixed part, which `includes` finds faster than the regex.
 */
function urlMatches(text: string): Iterable<RegExpMatchArray> {
  const email = text.includes('@');
  const web = text.includes('://') || text.includes('www.');
  if (!email && !web) return [];
  return text.matchAll(email && web ? URL_RE : email ? EMAIL_RE : WEB_ADDRESS_RE);
}

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
  for (const m of urlMatches(text)) regions.push({ start: m.index!, end: m.index! + urlEnd(m[0]) });
  if (format === 'markdown') {
    const lines = splitLines(text);
    // Front matter, fenced code and comment blocks, as the outline reads them (core/markdown.ts).
    const blocks = markdownBlocks(text);
    if (blocks.frontMatterEnd > 0) regions.push({ start: 0, end: lines[blocks.frontMatterEnd].end });
    for (const f of blocks.hiddenBlocks) regions.push({ start: lines[f.startLine].start, end: f.endLine + 1 >= lines.length ? text.length : lines[f.endLine].end });
    for (const l of lines) {
      if (blocks.hidden[l.index] || l.index <= blocks.frontMatterEnd) continue;
      // Reference definitions: [id]: url "title"
      if (/^\s{0,3}\[[^\]]+\]:\s/.test(l.text)) regions.push({ start: l.start, end: l.end });
      // Indented code (4 spaces or a tab) is left alone too.
      if (/^(?: {4}|\t)/.test(l.text) && l.text.trim()) regions.push({ start: l.start, end: l.end });
    }
    for (const m of text.matchAll(/(`+)[^`]*?\1/g)) regions.push({ start: m.index, end: m.index + m[0].length });
    // Link and image targets: the `(...)` right after `]`.
    for (const m of text.matchAll(/\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g)) regions.push({ start: m.index, end: m.index + m[0].length });
    for (const m of text.matchAll(/<(?:https?:|mailto:|\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>)[^<>]*>?/g)) regions.push({ start: m.index, end: m.index + m[0].length });
  }
  regions.sort((a, b) => a.start - b.start);
  return regions;
}

/**
 * Per UTF-16 code unit: MARK_HALF for the ASCII marks (keys of FULL_WIDTH), MARK_FULL for their
 * full-width forms (keys of HALF_WIDTH), 0 otherwise. A table read replaces `ch in FULL_WIDTH`
 * on one-character strings in the hot loops.
 */
export const MARK_HALF = 1;
export const MARK_FULL = 2;
export const MARK_CODES = new Uint8Array(0x10000);
for (const h of Object.keys(FULL_WIDTH)) MARK_CODES[h.charCodeAt(0)] = MARK_HALF;
for (const f of Object.keys(HALF_WIDTH)) MARK_CODES[f.charCodeAt(0)] = MARK_FULL;

/** Visible ASCII (U+0021–U+007E). */
function isAsciiVisibleCode(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** Visible ASCII that is not one of the marks (digits, letters, %, / …); NaN (outside the text) is not. */
function isAsciiNonMarkCode(code: number): boolean {
  return code > 0x20 && code < 0x7f && MARK_CODES[code] === 0;
}

/** Characters neighbour lookups step over: spaces, tabs, NBSP, the ideographic space and the marks (either width). */
function isSkippedCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || MARK_CODES[code] !== 0;
}

/**
 * Whether marks are used in a Chinese context: a mark is Chinese punctuation when a neighbour
 * is Chinese (any non-ASCII character). The neighbour is the nearest character before / after
 * the mark on the same line, skipping spaces and other marks.
 *
 * The returned function must be called with increasing offsets. It remembers the last scan in
 * each direction, so a run of n marks costs O(n), not O(n²) (100,000 colons on one line once
 * took minutes), and the text is scanned only around the marks asked about.
 */
function chineseContextScanner(text: string): (i: number) => boolean {
  const n = text.length;
  // Backward: the last offset asked about and the neighbour found before it (-1: none).
  let lastAt = -1;
  let lastPrev = -1;
  // Forward: every offset in (lastAt, nextStop) is a skipped character; nextStop is a line
  // break, the end of the text, or the neighbour nextFound (-1: none).
  let nextStop = -1;
  let nextFound = -1;
  return (i: number) => {
    let prev = -1;
    for (let p = i - 1; p >= 0; p--) {
      if (p === lastAt) {
        prev = lastPrev; // a mark itself (skipped): its neighbour is ours
        break;
      }
      const code = text.charCodeAt(p);
      if (code === 10 || code === 13) break;
      if (!isSkippedCode(code)) {
        prev = p;
        break;
      }
    }
    lastAt = i;
    lastPrev = prev;
    if (i >= nextStop) {
      nextFound = -1;
      let p = i + 1;
      for (; p < n; p++) {
        const code = text.charCodeAt(p);
        if (code === 10 || code === 13) break;
        if (!isSkippedCode(code)) {
          nextFound = p;
          break;
        }
      }
      nextStop = p;
    }
    const next = nextFound;
    return (prev >= 0 && !isAsciiVisibleCode(text.charCodeAt(prev))) || (next >= 0 && !isAsciiVisibleCode(text.charCodeAt(next)));
  };
}

/**
 * What chinesePunctuationOffsets reports of the other marks on its pass (so that a caller needs no
 * second pass over the text): `at(offset, kind)` for every non-ASCII code unit whose `kinds` entry
 * is not 0, in text order, protected regions and skipped spans included.
 */
export interface WideMarkCounter {
  kinds: Uint8Array;
  /** The smallest code unit whose `kinds` entry is not 0 (units below are not looked up). */
  min: number;
  at: (offset: number, kind: number) => void;
}

const NO_WIDE_KINDS = new Uint8Array(0);
const ignoreWide = (): void => undefined;

/**
 * Offsets of the ASCII marks that are used as Chinese punctuation (the ones the conversion
 * changes). Parentheses are decided per pair, so `(1)` at the start of a line followed by
 * Chinese becomes `（1）` as a whole, never `(1）`.
 * `regions` may pass protectedRegions(text, format) when the caller has computed it already.
 */
export function chinesePunctuationOffsets(
  text: string,
  format: DocumentFormat,
  skip: readonly OffsetRange[] = [],
  regions: readonly OffsetRange[] = protectedRegions(text, format),
  wide?: WideMarkCounter,
  at?: readonly number[],
): number[] {
  // `at`: the offsets (ascending) of every PUNCTUATION_SCAN_UNITS unit of the text (a document's
  // takePunctuationMarks): the scan visits them only, which is the same when `wide` counts none but those.
  const visit = at && (!wide || kindsWithin(wide.kinds, wide.min)) ? at : null;
  const inRegion = regionTest([...regions, ...skip]);
  const markdown = format === 'markdown';
  const chineseContext = chineseContextScanner(text); // increasing offsets only: parentheses are judged as they come
  // The marks examined, in text order, and whether each is converted (parentheses are decided
  // later, per pair): the result comes out sorted without sorting.
  const marks: number[] = [];
  const converted: number[] = [];
  /** Open parentheses of the current line: index in marks, Chinese context (1/0), … */
  const stack: number[] = [];
  /** Pairs: line start, index in marks of the open and close parenthesis, Chinese context of either (1/0), … */
  const pairs: number[] = [];
  let lineStart = 0;
  // Locals, one table for every caller: the hot loop reads no property and takes no extra branch.
  const wideKinds = wide ? wide.kinds : NO_WIDE_KINDS;
  const wideAt = wide ? wide.at : ignoreWide;
  const wideMin = wide ? Math.max(wide.min, 0x80) : 0x10000;
  const steps = visit ? visit.length : text.length;
  for (let k = 0; k < steps; k++) {
    const i = visit ? visit[k] : k;
    // Fast skip (hot loop): only line breaks and the ASCII marks of FULL_WIDTH matter below.
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (stack.length) stack.length = 0; // parentheses pair within a line (an unclosed one here stays as it is)
      lineStart = i + 1;
      continue;
    }
    if (code > 0x7f) {
      if (code >= wideMin) {
        const kind = wideKinds[code];
        if (kind !== 0) wideAt(i, kind);
      }
      continue;
    }
    if (HALF_MARK_CODES[code] === 0) continue;
    if (inRegion(i)) continue;
    if (code === 0x28 /* ( */) {
      stack.push(marks.length, chineseContext(i) ? 1 : 0);
      marks.push(i);
      converted.push(0);
      continue;
    }
    if (code === 0x29 /* ) */) {
      const context = chineseContext(i);
      if (stack.length) {
        const openContext = stack.pop()!;
        const open = stack.pop()!;
        pairs.push(lineStart, open, marks.length, openContext || context ? 1 : 0);
        marks.push(i);
        converted.push(0);
      } else if (context) {
        marks.push(i);
        converted.push(1);
      }
      continue;
    }
    // 1,234 / 11:18 / 1:1000: a mark glued between two ASCII characters is not Chinese punctuation.
    const next = text.charCodeAt(i + 1); // NaN past the end
    if (isAsciiNonMarkCode(text.charCodeAt(i - 1)) && isAsciiNonMarkCode(next)) continue;
    // Markdown image syntax ![alt](src).
    if (markdown && code === 0x21 /* ! */ && next === 0x5b /* [ */) continue;
    if (chineseContext(i)) {
      marks.push(i);
      converted.push(1);
    }
  }
  for (let s = 0; s < stack.length; s += 2) converted[stack[s]] = stack[s + 1]; // unclosed ( on the last line
  // A pair without Chinese around it still converts when there is non-ASCII inside: (草稿).
  // nonAscii[i - from]: non-ASCII characters in [from, i), per line (nested pairs made per-pair scans O(n²)).
  let segmentLine = -1;
  let from = 0;
  let nonAscii = new Int32Array(0);
  for (let p = 0; p < pairs.length; p += 4) {
    const line = pairs[p];
    const openMark = pairs[p + 1];
    const closeMark = pairs[p + 2];
    const open = marks[openMark];
    const close = marks[closeMark];
    let convert = pairs[p + 3] === 1;
    if (!convert) {
      if (line !== segmentLine) {
        // The pairs of one line are consecutive: count from the first open to the last close of the line.
        segmentLine = line;
        from = open;
        let to = close;
        for (let q = p; q < pairs.length && pairs[q] === line; q += 4) {
          from = Math.min(from, marks[pairs[q + 1]]);
          to = Math.max(to, marks[pairs[q + 2]]);
        }
        nonAscii = new Int32Array(to - from + 1);
        for (let k = from; k < to; k++) nonAscii[k - from + 1] = nonAscii[k - from] + (text.charCodeAt(k) > 0x7f ? 1 : 0);
      }
      convert = nonAscii[close - from] - nonAscii[open + 1 - from] > 0;
    }
    if (convert) converted[openMark] = converted[closeMark] = 1;
  }
  const out: number[] = [];
  for (let m = 0; m < marks.length; m++) if (converted[m]) out.push(marks[m]);
  return out;
}

/** Kinds tables (WideMarkCounter.kinds) whose units are all PUNCTUATION_SCAN_UNITS. */
const scanKinds = new WeakSet<Uint8Array>();
const SCAN_UNITS = new Set([...PUNCTUATION_SCAN_UNITS].map((c) => c.charCodeAt(0)));

/** Whether every unit from `min` up with a kind is one of PUNCTUATION_SCAN_UNITS (checked once per table). */
function kindsWithin(kinds: Uint8Array, min: number): boolean {
  if (scanKinds.has(kinds)) return true;
  for (let u = Math.max(min, 0x80); u < kinds.length; u++) if (kinds[u] !== 0 && !SCAN_UNITS.has(u)) return false;
  scanKinds.add(kinds);
  return true;
}

/**
 * Membership in a union of ranges (which may overlap and come in any order), for offsets
 * queried in increasing order: the ranges are merged once, then a pointer moves forward.
 */
export function regionTest(ranges: readonly OffsetRange[]): (i: number) => boolean {
  if (!ranges.length) return () => false;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const r of sorted) {
    if (r.end <= r.start) continue; // empty: contains nothing
    const last = ends.length - 1;
    if (last >= 0 && r.start <= ends[last]) {
      if (r.end > ends[last]) ends[last] = r.end;
    } else {
      starts.push(r.start);
      ends.push(r.end);
    }
  }
  let k = 0;
  return (i: number) => {
    while (k < ends.length && ends[k] <= i) k++;
    return k < ends.length && starts[k] <= i;
  };
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
