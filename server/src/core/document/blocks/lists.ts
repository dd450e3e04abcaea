import type { ReportDocument } from '../document';
import type { Heading } from '../../outline/headings';
import { isJsSpaceCode } from '../chars';

/**
 * Blocks whose lines start with heading markers but are not headings:
 *  - a table of contents (目录 followed by its entries);
 *  - note lists (说明 / 注 / 备注 / 填报说明 followed by 1. 2. … or （1）（2）…), usually under a table;
 *  - runs of consecutive numbered lines whose numbering starts again at 1 inside the run
 *    (the notes of several tables stored without their 说明 lines).
 * Item lists (a colon-ended lead-in followed by numbered items) depend on the numbering of the
 * headings around them and are found by the outline (see outline.ts).
 */

export interface TocBlock {
  /** The 目录 line. */
  line: number;
  /** Entry lines (0-based), in order. */
  entries: number[];
  endLine: number;
}

export interface NoteList {
  /** The 说明 / 注 line, or null for a run without one. */
  headerLine: number | null;
  /** The numbered item lines. */
  items: number[];
  startLine: number;
  endLine: number;
}

const isBlank = (s: string) => !/\S/.test(s);
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** An entry as written without dot leaders and page numbers (一、总体情况……3 → 一、总体情况). */
function entryKey(s: string): string {
  return squash(s).replace(/[.．…·—\-_]{2,}\s*\d*$/, '').replace(/\d+$/, '');
}

const TOC_LINE = /^目录[:：]?$/;

/** Whether `s` has more than `max` characters that are not whitespace (what squash keeps). */
function moreNonSpaceThan(s: string, max: number): boolean {
  if (s.length <= max) return false;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isJsSpaceCode(s.charCodeAt(i)) && ++n > max) return true;
  return false;
}

/** The table of contents, if the text has one: 目录 followed by short entry lines. */
export function findToc(doc: ReportDocument, headingAt?: (line: number) => Heading | undefined): TocBlock | null {
  const lines = doc.lines;
  const limit = Math.min(lines.length, 200);
  const titled = findTitledToc(doc, limit);
  if (titled || !headingAt) return titled;
  // Without a 目录 line: a run of at least three heading lines with nothing between them, right
  // before a heading that repeats the run's first marker (the body starts again at 第一部分).
  for (let i = 0; i < limit; i++) {
    const first = headingAt(i);
    if (!first || first.number !== 1) continue;
    let k = i;
    while (k + 1 < lines.length && headingAt(k + 1)) k++;
    const entries: number[] = [];
    for (let l = i; l <= k; l++) entries.push(l);
    // The repeated first marker ends the run (it is the body's first heading).
    const key = (h: Heading) => h.title.replace(/[\s\u3000:：]+/g, '');
    const repeat = entries.findIndex((l, n) => {
      const h = headingAt(l)!;
      if (n === 0 || h.style !== first.style || h.number !== first.number) return false;
      // The body's heading repeats the entry (or gives its title on the next line).
      return key(h) === '' || key(h) === key(first);
    });
    if (repeat >= 3) return { line: i, entries: entries.slice(0, repeat), endLine: entries[repeat - 1] };
    i = k;
  }
  return null;
}

function findTitledToc(doc: ReportDocument, limit: number): TocBlock | null {
  const lines = doc.lines;
  const view = doc.simplified;
  // No 目 in the lines looked at: no 目录 line (one search instead of a look at each line).
  const firstMu = view.indexOf('目');
  if (firstMu < 0 || (limit > 0 && firstMu >= lines[limit - 1].end)) return null;
  let mu = firstMu; // the first 目 at or after the start of line i
  for (let i = 0; i < limit; i++) {
    if (mu < lines[i].start) mu = view.indexOf('目', lines[i].start);
    if (mu < 0) return null;
    if (mu >= lines[i].end) continue;
    const line = doc.lineSimplified(lines[i]);
    // Squashing removes spaces only: a line without 目, or with more than three other characters
    // (项目… in a paragraph), cannot squash to 目录 (most lines, unsquashed).
    if (moreNonSpaceThan(line, 3) || !TOC_LINE.test(squash(line))) continue;
    const entries: number[] = [];
    let k = i + 1;
    let firstKey = '';
    let repeated = false;
    for (; k < lines.length && entries.length < 80; k++) {
      const t = lines[k].text.trim();
      if (t === '') {
        if (entries.length) break;
        continue;
      }
      if (t.length > 80 || /[。；;！？]/.test(t)) break;
      const key = entryKey(doc.lineSimplified(lines[k]));
      // The body starts where the first entry is written again.
      if (entries.length && key === firstKey) {
        repeated = true;
        break;
      }
      if (!entries.length) firstKey = key;
      entries.push(k);
    }
    if (!repeated && entries.length && k < lines.length && !isBlank(lines[k].text)) {
      // The run ran into the body: its last line is the first heading of the body (its text follows).
      entries.pop();
    }
    if (entries.length < 2) return null;
    return { line: i, entries, endLine: entries[entries.length - 1] };
  }
  return null;
}

const NOTE_HEADER = /^(?:填报说明|填表说明|说明|备注|注释?)\s*(?:[:：]|$)/;
/** A caption line ending with its note header: ……统计表（表一）说明： */
const NOTE_HEADER_AT_END = /(?:表[)）]?|[)）])\s*(?:填报说明|说明|注)\s*[:：]$/;
/** Whether a text ends with a colon (what NOTE_HEADER_AT_END needs; tested first, as a character). */
function endsWithColon(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last === 0x3a || last === 0xff1a;
}
/** The code units NOTE_HEADER can start with: 填, 说, 备, 注. */
const NOTE_FIRST = new Set([...'填说备注'].map((c) => c.charCodeAt(0)));

/**
 * Whether the trimmed line text[start, end) can match NOTE_HEADER (it starts with NOTE_FIRST) or
 * NOTE_HEADER_AT_END (at most 80 characters, ending with a colon), read in place: most lines are
 * not sliced, trimmed and matched.
 */
export function mayBeNoteHeader(text: string, start: number, end: number): boolean {
  while (start < end && isJsSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isJsSpaceCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return false;
  if (NOTE_FIRST.has(text.charCodeAt(start))) return true;
  const last = text.charCodeAt(end - 1);
  return end - start <= 80 && (last === 0x3a || last === 0xff1a);
}
const NUMBERED_ITEM = /^\s*(?:[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])|[(（]\s*[0-9０-９]{1,2}\s*[)）])/;

/**
 * Note lists and restarting runs of numbered lines. `headingAt` gives the heading recognised on
 * a line (or undefined); only lines with arabic markers (1. / （1）) are taken as items.
 */
export function findNoteLists(doc: ReportDocument, headingAt: (line: number) => Heading | undefined): NoteList[] {
  const lines = doc.lines;
  const out: NoteList[] = [];
  const taken = new Uint8Array(lines.length);
  const isItem = (l: number) => {
    const h = headingAt(l);
    return !!h && (h.style === 'arabic-dot' || h.style === 'arabic-paren');
  };
  const view = doc.simplified;
  for (let i = 0; i < lines.length; i++) {
    if (!mayBeNoteHeader(view, lines[i].start, lines[i].end)) continue;
    const s = doc.lineSimplified(lines[i]).trim();
    const m = NOTE_HEADER.exec(s) ?? (s.length <= 80 && endsWithColon(s) && NOTE_HEADER_AT_END.test(s) ? ([s] as unknown as RegExpExecArray) : null);
    if (!m) continue;
    const rest = s.slice(m[0].length).trim();
    // 说明 alone on its line, or 说明：1.… with the first item run in.
    if (rest !== '' && !NUMBERED_ITEM.test(rest)) continue;
    const items: number[] = [];
    let k = i + 1;
    while (k < lines.length && isBlank(lines[k].text)) k++;
    while (k < lines.length && isItem(k)) {
      items.push(k);
      k++;
    }
    if (!items.length && rest === '') continue;
    for (const l of items) taken[l] = 1;
    out.push({ headerLine: i, items, startLine: i, endLine: items.length ? items[items.length - 1] : i });
  }
  // Runs of consecutive numbered lines (no other line between) whose numbering restarts at 1.
  let i = 0;
  while (i < lines.length) {
    if (taken[i] || !isItem(i)) {
      i++;
      continue;
    }
    const style = headingAt(i)!.style;
    let k = i;
    while (k + 1 < lines.length && !taken[k + 1] && isItem(k + 1) && headingAt(k + 1)!.style === style) k++;
    // Segments split where the numbering starts again at 1; two of at least two items each make a list.
    let segments = 0;
    let length = 1;
    for (let l = i + 1; l <= k + 1; l++) {
      const restart = l <= k && headingAt(l)!.number === 1 && (headingAt(l - 1)!.number ?? 0) >= 1;
      if (l > k || restart) {
        if (length >= 2) segments++;
        length = 1;
      } else length++;
    }
    const restarts = segments >= 2 && [...Array(k - i).keys()].some((d) => headingAt(i + d + 1)!.number === 1);
    if (restarts) {
      const items: number[] = [];
      for (let l = i; l <= k; l++) items.push(l);
      out.push({ headerLine: null, items, startLine: i, endLine: k });
    }
    i = k + 1;
  }
  out.sort((a, b) => a.startLine - b.startLine);
  return out;
}
