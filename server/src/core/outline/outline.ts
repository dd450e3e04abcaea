import type { ReportDocument } from '../document/document';
import type { OffsetRange } from '../types';
import { parseChineseNumeral } from '../document/chinese-numerals';
import { firstNonSpaceIndex, isJsSpaceCode } from '../document/chars';
import { mayBeHeading, recognizeHeading, type Heading } from './headings';
import { tableIndexByLine, tablesOf, type TableBlock } from '../document/blocks/tables';
import type { NoteList, TocBlock } from '../document/blocks/lists';
import { refineHeadings, type Appendix, type ItemList } from './non-headings';

export interface Section {
  heading: Heading;
  parent: Section | null;
  children: Section[];
  /** From the heading line's start to the end of the last line before the next heading of equal or higher rank. */
  range: OffsetRange;
  /** Depth in the tree, 0 for roots. */
  depth: number;
}

export interface Paragraph {
  /** Offsets of the body text (for a run-in heading line, from where the body starts). */
  range: OffsetRange;
  firstLine: number;
  lastLine: number;
  /** Innermost section containing the paragraph, or null for the preamble/closing text. */
  section: Section | null;
  /** True when the paragraph shares its line with a heading (run-in heading). */
  runIn: boolean;
}

export type EnumerationStyle = 'shi' | 'di' | 'sequence-words';

export interface EnumerationItem {
  ordinal: number;
  /** The marker as written: 一是, 第二, 首先 … */
  text: string;
  range: OffsetRange;
}

export interface Enumeration {
  style: EnumerationStyle;
  paragraph: number;
  items: EnumerationItem[];
}

export interface DocumentTitle {
  text: string;
  range: OffsetRange;
  line: number;
}

export interface ClosingBlock {
  issuer: { text: string; range: OffsetRange; line: number } | null;
  date: { text: string; range: OffsetRange; line: number };
}

export interface Outline {
  title: DocumentTitle | null;
  /** Top-level sections. */
  sections: Section[];
  /** Every heading in document order. */
  headings: Heading[];
  /** Sections in document order (parallel to `headings`). */
  flat: Section[];
  paragraphs: Paragraph[];
  enumerations: Enumeration[];
  closing: ClosingBlock | null;
  looksLikeReport: boolean;
  /** Why the document does or does not look like a report (machine-readable cues). */
  reportCues: string[];
  /** The document's tables (the same objects as Analysis.tables). */
  tables: TableBlock[];
  /** Table of contents, note lists and item lists: numbered lines that are not headings. */
  toc: TocBlock | null;
  noteLists: NoteList[];
  itemLists: ItemList[];
  /** 附件 lines; headings after one carry its index in `appendix`. */
  appendices: Appendix[];
}

/** True for an empty or all-whitespace text (what `text.trim() === ''` says, without allocating). */
function isBlank(text: string): boolean {
  return firstNonSpaceIndex(text) === text.length;
}

const TITLE_RE = /(报告|总结|情况)\s*$/;
const DATE_LINE_RE =
  /^\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$|^\s*(?:19|20)\d{2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}\s*$/;

/** Build the outline of a document. Pure; the caller caches it per document version. */
export function buildOutline(doc: ReportDocument): Outline {
  const markdown = doc.format === 'markdown';
  const simplified = doc.simplified;
  const headings: Heading[] = [];
  // Table rows and captions are never headings (一、本年新收… in a 信息公开 table).
  const tables = tablesOf(doc);
  // The table of each line, when there are tables (most reports have none).
  const inTable = tables.length ? tableIndexByLine(doc, tables) : null;
  // Markdown: lines of fenced code and of comment blocks are never headings.
  const fenced = doc.hiddenLines;
  for (const line of doc.lines) {
    if (line.end === line.start) continue;
    if (fenced && fenced[line.index]) continue;
    if (inTable && inTable[line.index] >= 0) continue;
    if (!mayBeHeading(simplified, line.start, line.end, markdown)) continue;
    const h = recognizeHeading(line, simplified.slice(line.start, line.end), markdown);
    if (h) headings.push(h);
  }
  const refined = refineHeadings(doc, headings, (l) => (inTable !== null && inTable[l] >= 0) || !!fenced?.[l]);
  headings.length = 0;
  headings.push(...refined.headings);

  // Document title: a Markdown level-1 heading with no marker at the top, or a short
  // first line that reads like a report title.
  let title: DocumentTitle | null = null;
  // Lines that are not report text (a Markdown comment above the title) are passed over.
  const firstContent = doc.lines.find((l) => !isBlank(l.text) && !doc.isHidden(l.index));
  if (firstContent) {
    const first = headings[0];
    if (first && first.line === firstContent.index && first.style === 'markdown' && first.markdownLevel === 1) {
      title = { text: first.title, range: first.titleRange, line: first.line };
      headings.shift();
    } else if (!first || first.line !== firstContent.index) {
      const t = firstContent.text.trim();
      const st = simplified.slice(firstContent.start, firstContent.end).trim();
      if (t.length <= 120 && !/[。]$/.test(t) && TITLE_RE.test(st) && !/[,，;；]/.test(st)) {
        const start = firstContent.start + firstContent.text.indexOf(t);
        title = { text: t, range: { start, end: start + t.length }, line: firstContent.index };
      }
    }
  }

  const closing = findClosing(doc, headings);
  const { sections, flat } = buildTree(doc, headings, closing);
  const paragraphs = findParagraphs(doc, headings, flat, title, closing, refined.brokenMarkerLines);
  const enumerations = findEnumerations(doc, paragraphs);
  const { looksLikeReport, cues } = judgeReport(doc, headings, title, closing);
  return {
    title, sections, headings, flat, paragraphs, enumerations, closing, looksLikeReport, reportCues: cues,
    tables, toc: refined.toc, noteLists: refined.noteLists, itemLists: refined.itemLists, appendices: refined.appendices,
  };
}

function buildTree(doc: ReportDocument, headings: Heading[], closing: ClosingBlock | null) {
  const sections: Section[] = [];
  const flat: Section[] = [];
  const stack: Section[] = [];
  const docEnd = closing ? lastNonEmptyEndBefore(doc, (closing.issuer ?? closing.date).line) : doc.text.length;
  let appendix = 0;
  for (const h of headings) {
    // An appendix (附件1) starts a tree of its own.
    if ((h.appendix ?? 0) !== appendix) {
      appendix = h.appendix ?? 0;
      stack.length = 0;
    }
    while (stack.length && stack[stack.length - 1].heading.rank >= h.rank) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const s: Section = { heading: h, parent, children: [], range: { start: h.range.start, end: h.range.end }, depth: stack.length };
    (parent ? parent.children : sections).push(s);
    flat.push(s);
    stack.push(s);
  }
  // Section ranges: up to the line before the next heading of equal or higher rank (one pass:
  // a heading closes every open section of equal or larger rank).
  const open: number[] = [];
  const endLines = new Array<number>(flat.length).fill(-1);
  for (let i = 0; i < flat.length; i++) {
    const h = flat[i].heading;
    while (open.length && flat[open[open.length - 1]].heading.rank >= h.rank) endLines[open.pop()!] = (h.brokenFrom?.line ?? h.line) - 1;
    open.push(i);
  }
  for (let i = 0; i < flat.length; i++) {
    const s = flat[i];
    const endLine = endLines[i];
    let end = endLine >= 0 ? lastNonEmptyEndBefore(doc, endLine + 1) : docEnd;
    if (end < s.heading.range.end) end = s.heading.range.end;
    s.range = { start: s.heading.range.start, end };
  }
  return { sections, flat };
}

/** End offset of the last non-empty line strictly before `line`. */
function lastNonEmptyEndBefore(doc: ReportDocument, line: number): number {
  for (let i = Math.min(line, doc.lines.length) - 1; i >= 0; i--) {
    if (!isBlank(doc.lines[i].text)) return doc.lines[i].end;
  }
  return 0;
}

function findClosing(doc: ReportDocument, headings: Heading[]): ClosingBlock | null {
  // Blank lines and lines that are not report text (a Markdown comment after the date) are passed over.
  const skip = (k: number) => isBlank(doc.lines[k].text) || doc.isHidden(k);
  let i = doc.lines.length - 1;
  while (i >= 0 && skip(i)) i--;
  if (i < 0) return null;
  const dateLine = doc.lines[i];
  if (!DATE_LINE_RE.test(doc.simplified.slice(dateLine.start, dateLine.end))) return null;
  const dt = dateLine.text.trim();
  const ds = dateLine.start + dateLine.text.indexOf(dt);
  const date = { text: dt, range: { start: ds, end: ds + dt.length }, line: dateLine.index };
  let j = i - 1;
  while (j >= 0 && skip(j)) j--;
  let issuer: ClosingBlock['issuer'] = null;
  if (j >= 0) {
    const l = doc.lines[j];
    const t = l.text.trim();
    const isHeading = headings.some((h) => h.line === j);
    if (!isHeading && t.length > 0 && t.length <= 60 && !/[。,，;；:：]/.test(t)) {
      const s = l.start + l.text.indexOf(t);
      issuer = { text: t, range: { start: s, end: s + t.length }, line: j };
    }
  }
  return { issuer, date };
}

function findParagraphs(
  doc: ReportDocument,
  headings: Heading[],
  flat: Section[],
  title: DocumentTitle | null,
  closing: ClosingBlock | null,
  brokenMarkerLines: number[] = [],
): Paragraph[] {
  // Heading index by line (-1: none); an array, as this runs on every version of an open document.
  const headingByLine = new Array<number>(doc.lines.length).fill(-1);
  headings.forEach((h, i) => (headingByLine[h.line] = i));
  const excluded = new Set<number>(brokenMarkerLines);
  if (title) excluded.add(title.line);
  if (closing) {
    excluded.add(closing.date.line);
    if (closing.issuer) excluded.add(closing.issuer.line);
  }
  const markdown = doc.format === 'markdown';
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let sectionIdx = -1;
  const fenced = doc.hiddenLines;
  for (const line of doc.lines) {
    const found = headingByLine[line.index];
    const hi = found >= 0 ? found : undefined;
    if (hi !== undefined) sectionIdx = hi;
    const section = sectionIdx >= 0 ? flat[sectionIdx] : null;
    const blank = isBlank(line.text);
    if (blank || excluded.has(line.index) || (fenced && fenced[line.index])) {
      current = null;
      continue;
    }
    if (hi !== undefined) {
      current = null;
      const h = headings[hi];
      if (h.bodyStart !== null) {
        paragraphs.push({ range: { start: h.bodyStart, end: line.end }, firstLine: line.index, lastLine: line.index, section, runIn: true });
      }
      continue;
    }
    const lead = firstNonSpaceIndex(line.text); // what trimStart removes, counted
    if (markdown && current) {
      current.range.end = line.end;
      current.lastLine = line.index;
      continue;
    }
    current = { range: { start: line.start + lead, end: line.end }, firstLine: line.index, lastLine: line.index, section, runIn: false };
    paragraphs.push(current);
    if (!markdown) current = null;
  }
  // Trim trailing whitespace from paragraph ranges.
  for (const p of paragraphs) {
    while (p.range.end > p.range.start && isJsSpaceCode(doc.text.charCodeAt(p.range.end - 1))) p.range.end--;
  }
  return paragraphs;
}

/**
 * An enumeration marker. It must open the paragraph or follow one of ENUM_DELIM_BEFORE; that is
 * tested on the character before a match rather than by a leading lookbehind, which keeps the
 * regex engine from trying the pattern at every position of the paragraph (ten times faster on
 * real text; the matches are the same, as a failed position is retried one character later).
 */
const RE_ENUM = /(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[,，、:：])|(首先|其次|再次|最后)(?=[,，、:：]))/g;
const ENUM_DELIM_BEFORE = /[。；;，,：:、！？!?\s)）”"’]/;
const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 4 };
const SEQUENCE_WORD_LIST = Object.keys(SEQUENCE_WORDS);

interface EnumerationRun {
  style: EnumerationStyle;
  items: EnumerationItem[];
}

function findEnumerations(doc: ReportDocument, paragraphs: Paragraph[]): Enumeration[] {
  const result: Enumeration[] = [];
  const simplified = doc.simplified;
  // The census lists the cue characters of the text; the view has them there and where it changed
  // the text (changedAt), unless it changed too much to list.
  const changedAt = doc.script.changedAt;
  const cues = changedAt ? enumerationCuesAt(simplified, mergeAscending(doc.enumerationCueUnits, changedAt)) : enumerationCues(simplified);
  if (!cues.length) return result;
  let c = 0;
  paragraphs.forEach((p, pi) => {
    const { start, end } = p.range;
    // The first cue at or after the paragraph's start (paragraphs are in text order; a search
    // from the start of the list keeps this right if one were not).
    if (c > 0 && cues[c - 1] >= start) c = 0;
    while (c < cues.length && cues[c] < start) c++;
    if (c === cues.length || cues[c] >= end) return;
    const markers = paragraphMarkers(simplified, start, end, cues, c);
    if (!markers.length) return;
    for (const run of enumerationRuns(doc.text, markers)) result.push({ style: run.style, paragraph: pi, items: run.items });
  });
  return result;
}

/** Insert `v` into the ascending list `a` (the positions come nearly in order: a step or two back at most). */
function insertSorted(a: number[], v: number): void {
  let i = a.length;
  a.push(v);
  while (i > 0 && a[i - 1] > v) {
    a[i] = a[i - 1];
    i--;
  }
  a[i] = v;
}

/** RE_ENUM tried at one position. */
const RE_ENUM_AT = new RegExp(RE_ENUM.source, 'y');

/**
 * enumerationMarkers of the paragraph text[start, end) (the simplified view), with offsets into
 * `text`, tried only where a match can start: at each cue of the paragraph (cues[c …], see
 * enumerationCues), and for a 是 at the one to three characters before it. Tried in place on the
 * whole text: a paragraph ends before white space or the end of the text, where no match can
 * continue (a match ends with 是 or is followed by one of ,，、:：), so a match there is the match
 * in the paragraph's own text. The positions are tried in order as the global search in
 * enumerationMarkers visits them, which finds a match nowhere else.
 */
function paragraphMarkers(text: string, start: number, end: number, cues: readonly number[], c: number): RegExpExecArray[] {
  const at: number[] = [];
  for (let k = c; k < cues.length && cues[k] < end; k++) {
    const cue = cues[k];
    if (text.charCodeAt(cue) === 0x662f /* 是 */) {
      for (let s = Math.max(start, cue - 3); s < cue; s++) insertSorted(at, s);
    } else insertSorted(at, cue);
  }
  const out: RegExpExecArray[] = [];
  let from = start;
  for (const s of at) {
    if (s < from) continue; // inside the last match, or tried already
    RE_ENUM_AT.lastIndex = s;
    const m = RE_ENUM_AT.exec(text);
    if (!m) {
      from = s + 1;
      continue;
    }
    if (s > start && !ENUM_DELIM_BEFORE.test(text[s - 1])) {
      from = s + 1;
      continue;
    }
    out.push(m);
    from = s + m[0].length;
  }
  return out;
}

/** The Chinese numerals of RE_ENUM's `[一二三四五六七八九十]`. */
function isEnumNumeral(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

/**
 * Offsets (ascending) in `text` of what every RE_ENUM match holds: 是 after a numeral (一是), 第
 * before one (第二), and the first character of 首先, 其次, 再次, 最后. A match starts at its cue, or
 * for a 是 one to three characters before it (三十二是), so a paragraph without a cue has no marker.
 * Found with indexOf over the whole text (much faster than reading each paragraph's characters).
 */
export function enumerationCues(text: string): number[] {
  const cues: number[] = [];
  for (let i = text.indexOf('是'); i >= 0; i = text.indexOf('是', i + 1)) if (i > 0 && isEnumNumeral(text.charCodeAt(i - 1))) cues.push(i);
  for (let i = text.indexOf('第'); i >= 0; i = text.indexOf('第', i + 1)) if (isEnumNumeral(text.charCodeAt(i + 1))) cues.push(i);
  for (const word of SEQUENCE_WORD_LIST) for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) cues.push(i);
  return cues.sort((a, b) => a - b);
}

/** The union of two ascending lists of offsets, ascending (`a` itself when `b` is empty). */
function mergeAscending(a: readonly number[], b: readonly number[]): readonly number[] {
  if (!b.length) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j === b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i === a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/**
 * enumerationCues from the offsets (ascending) where `text` can hold a cue: at least every offset
 * of one of ENUMERATION_CUE_UNITS (the census's `cues` of the original text, with the offsets the
 * script view changed: the view has a cue character only there); any other offset is passed over.
 * Each is kept when enumerationCues would find it: the same list, in the same order.
 */
export function enumerationCuesAt(text: string, units: readonly number[]): number[] {
  const cues: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const i = units[k];
    const c = text.charCodeAt(i);
    let keep: boolean;
    if (c === 0x662f /* 是 */) keep = isEnumNumeral(text.charCodeAt(i - 1));
    else if (c === 0x7b2c /* 第 */) keep = isEnumNumeral(text.charCodeAt(i + 1));
    else {
      const next = text.charCodeAt(i + 1);
      // 首先, 其次, 再次, 最后
      keep = c === 0x9996 ? next === 0x5148 : c === 0x5176 || c === 0x518d ? next === 0x6b21 : c === 0x6700 && next === 0x540e;
    }
    if (keep) cues.push(i);
  }
  return cues;
}

/** The enumeration markers of a paragraph's text (RE_ENUM matches that open it or follow a delimiter). */
export function enumerationMarkers(ptext: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  RE_ENUM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ENUM.exec(ptext))) {
    if (m.index > 0 && !ENUM_DELIM_BEFORE.test(ptext[m.index - 1])) {
      RE_ENUM.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The enumeration runs of a paragraph from its markers (paragraphMarkers: offsets into `text`). */
function enumerationRuns(text: string, markers: readonly RegExpExecArray[]): EnumerationRun[] {
  const result: EnumerationRun[] = [];
  const byStyle = new Map<EnumerationStyle, EnumerationItem[]>();
  for (const m of markers) {
    let style: EnumerationStyle;
    let ordinal: number | null;
    if (m[1]) {
      style = 'shi';
      ordinal = parseChineseNumeral(m[1]);
    } else if (m[2]) {
      style = 'di';
      ordinal = parseChineseNumeral(m[2]);
    } else {
      style = 'sequence-words';
      ordinal = SEQUENCE_WORDS[m[3]];
    }
    if (!ordinal) continue;
    const s = m.index;
    const item: EnumerationItem = { ordinal, text: text.slice(s, s + m[0].length), range: { start: s, end: s + m[0].length } };
    const list = byStyle.get(style) ?? [];
    list.push(item);
    byStyle.set(style, list);
  }
  for (const [style, items] of byStyle) {
    // 最后 alone is ordinary prose; sequence words need 首先 or 其次 to count.
    if (style === 'sequence-words' && !items.some((i) => i.ordinal <= 2)) continue;
    // One 第一 alone ("第一,") is not an enumeration either.
    if (items.length < 2 && style !== 'shi') continue;
    // Split into runs: a new run starts at ordinal 1.
    let run: EnumerationItem[] = [];
    for (const it of items) {
      if (it.ordinal === 1 && run.length) {
        result.push({ style, items: run });
        run = [];
      }
      run.push(it);
    }
    if (run.length) result.push({ style, items: run });
  }
  return result;
}

function judgeReport(doc: ReportDocument, headings: Heading[], title: DocumentTitle | null, closing: ClosingBlock | null) {
  const cues: string[] = [];
  let score = 0;
  const level1 = headings.filter((h) => h.style === 'cn-dun' || h.style === 'part').length;
  const level2 = headings.filter((h) => h.style === 'cn-paren').length;
  if (title && /报告\s*$/.test(doc.simplified.slice(title.range.start, title.range.end))) {
    score += 3;
    cues.push('report-title');
  }
  if (level1 >= 2) {
    score += 2;
    cues.push('numbered-sections');
  } else if (level1 + level2 >= 2) {
    score += 1;
    cues.push('some-numbered-headings');
  }
  const head = doc.simplified.slice(0, Math.min(doc.text.length, 4000));
  if (/(报告|汇报|总结)如下/.test(head)) {
    score += 2;
    cues.push('report-formula');
  }
  const firstPara = doc.lines.find((l) => !isBlank(l.text) && l.index !== title?.line);
  if (firstPara && /^\s*(?:19|20)\d{2}年(?:度|以来)?[,，]/.test(firstPara.text)) {
    score += 1;
    cues.push('year-opening');
  }
  if (closing) {
    score += 1;
    cues.push('closing-date');
  }
  // Web-page furniture and question-style headings are the marks of an article, not a report.
  if (/(浏览次数|【字体|打印本页|关闭窗口|来源[:：|｜ ]|责任编辑|分享到)/.test(doc.simplified.slice(0, Math.min(doc.text.length, 20000)))) {
    score -= 2;
    cues.push('web-page');
  }
  return { looksLikeReport: score >= 3, cues };
}
