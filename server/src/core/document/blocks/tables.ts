import type { ReportDocument } from '../document';
import { firstNonSpaceIndex, isJsSpaceCode } from '../chars';

/**
 * Tables in a report's text, in the three forms a published report reaches us in:
 *  - `pipe`          rows written `a | b | c |` (with or without a leading pipe), one row a line;
 *  - `markdown`      a Markdown table (a header row, a `|---|---|` separator, rows);
 *  - `cell-per-line` a table whose cells were laid out one per line (copied from a web page or a
 *                    Word table): a row label followed by its numeric cells on the following lines,
 *                    recognised by the shape of consecutive lines. Lines of a lone `|` (or `||||`)
 *                    between cells and a trailing ` |` on a cell are tolerated.
 * Captions (`表1`, `（表2）…统计表`, `第二十条第（一）项`) are attached to the table that follows.
 * No line inside a table (caption included) is a heading.
 */

export interface TableCell {
  text: string;
  /** 0-based line. */
  line: number;
  /** UTF-16 offsets of the cell text in that line (trimmed; an empty cell has start === end). */
  start: number;
  end: number;
  /** Parsed number (Arabic digits, thousands separators, full-width digits), null when not a number. */
  value: number | null;
  /** True when the cell is written as a percentage (`12.5%`); `value` is then 12.5. */
  percent?: boolean;
}

export interface TableRow {
  line: number;
  /** The row's label (its first cell when that is not a number), '' when there is none. */
  label: string;
  /** UTF-16 offsets of the label in its line (start === end when there is no label). */
  labelStart: number;
  labelEnd: number;
  /** The row's cells after the label. In the pipe and Markdown forms empty cells are kept (text ''). */
  cells: TableCell[];
}

export type TableForm = 'pipe' | 'markdown' | 'cell-per-line';

export interface TableBlock {
  form: TableForm;
  /** First line of the table (the caption's line when it has one), 0-based. */
  startLine: number;
  /** Last line of the table, inclusive. */
  endLine: number;
  caption: { text: string; line: number; start: number; end: number } | null;
  /** Header rows (no numeric cell, before the first row that has one; the Markdown header row). */
  header: TableRow[];
  rows: TableRow[];
}

/** The tables of `doc`, computed once per document object (one object per version; kept in its tablesCache). */
export function tablesOf(doc: ReportDocument): TableBlock[] {
  let t = doc.tablesCache;
  if (!t) {
    t = findTables(doc);
    doc.tablesCache = t;
  }
  return t;
}

/** For each line, the table containing it (-1 when none). */
export function tableIndexByLine(doc: ReportDocument, tables: readonly TableBlock[] = tablesOf(doc)): number[] {
  // A plain array: a typed array per document is allocated outside the heap (slower to make, and external memory).
  const byLine = new Array<number>(doc.lines.length).fill(-1);
  tables.forEach((t, i) => {
    for (let l = t.startLine; l <= t.endLine; l++) byLine[l] = i;
  });
  return byLine;
}

// ---------------------------------------------------------------------------------------------
// Line shapes

interface Piece {
  text: string;
  start: number;
  end: number;
}

interface LineShape {
  blank: boolean;
  /** Inside a Markdown code fence (or a fence line). */
  fenced: boolean;
  hasPipe: boolean;
  /** The non-empty pieces between pipes, trimmed. */
  cells: Piece[];
  /** Every piece between pipes (empty ones included), without an empty piece before a leading pipe or after a trailing one. */
  pieces: Piece[];
  /** Only pipes, dashes, colons and spaces (`|`, `||||`, `|---|:--|`). */
  separator: boolean;
  markdownSeparator: boolean;
}

/** What a cell is trimmed of: `[\s\u3000\u00a0\ufeff\u200b]` (JavaScript whitespace and the zero-width space), on a code unit. */
function isCellSpaceCode(c: number): boolean {
  return c === 0x200b || isJsSpaceCode(c);
}

function trimPiece(text: string, start: number, end: number): Piece {
  while (start < end && isCellSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isCellSpaceCode(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), start, end };
}

/** The shape of a line without pipes (most lines): no separator, one piece at most. */
function plainShape(text: string, fenced: boolean): LineShape {
  const blank = firstNonSpaceIndex(text) === text.length;
  // The one piece is the line's single cell: both lists share one array (shapes are read only).
  const pieces: Piece[] = blank ? [] : [trimPiece(text, 0, text.length)];
  const cells = pieces.length && pieces[0].text !== '' ? pieces : [];
  return { blank, fenced, hasPipe: false, cells, pieces, separator: false, markdownSeparator: false };
}

function shapeOf(text: string, fenced: boolean): LineShape {
  if (text.indexOf('|') < 0 && text.indexOf('｜') < 0) return plainShape(text, fenced);
  const blank = firstNonSpaceIndex(text) === text.length;
  const hasPipe = true;
  const pieces: Piece[] = [];
  if (hasPipe) {
    let from = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === '|' || text[i] === '｜') {
        pieces.push(trimPiece(text, from, i));
        from = i + 1;
      }
    }
    // `| a | b |`: no cell before the leading pipe or after the trailing one.
    if (pieces.length && pieces[0].text === '' && /^[\s\u3000]*[|｜]/.test(text)) pieces.shift();
    if (pieces.length && pieces[pieces.length - 1].text === '' && /[|｜][\s\u3000]*$/.test(text)) pieces.pop();
  } else if (!blank) {
    pieces.push(trimPiece(text, 0, text.length));
  }
  const cells = pieces.filter((p) => p.text !== '');
  const separator = hasPipe && /^[\s\u3000|｜:\-—]*$/.test(text);
  const markdownSeparator = hasPipe && separator && /-{3,}|:-+|-+:/.test(text) && /^[\s|｜]*:?-+:?[\s]*([|｜][\s]*:?-+:?[\s]*)*[|｜]?[\s]*$/.test(text);
  return { blank, fenced, hasPipe, cells, pieces, separator, markdownSeparator };
}

const NUMBER_RE = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(%|％)?$/;
/** What NUMBER_RE accepts as a first character, before asciiDigits (full-width digits and signs too). */
const NUMBER_FIRST = /^[-+−0-9０-９－＋]/;
/**
 * The characters NUMBER_RE is made of, before asciiDigits (which maps only ０-９．，％－＋): a text
 * with any other character (a paragraph opening with a year, 2025年…) is no number, and is
 * rejected before it is rewritten.
 */
const NUMBER_CHARS = /^[-+−0-9,.%０-９．，％－＋]+$/;
/** Placeholders for an empty numeric cell. */
const PLACEHOLDER_RE = /^(?:[-—–/／]|——|\/\/)$/;

/** Full-width digits and signs to ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．，％－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The number a cell states, or null. */
export function cellValue(text: string): { value: number; percent: boolean } | null {
  const trimmed = text.trim();
  // A number starts with a sign or a digit (ASCII or full-width): any other text (a paragraph
  // that follows a label line) is rejected before its full-width marks are converted.
  if (!NUMBER_FIRST.test(trimmed) || !NUMBER_CHARS.test(trimmed)) return null;
  const t = asciiDigits(trimmed);
  const m = NUMBER_RE.exec(t);
  if (!m) return null;
  const v = Number(t.replace(/[,%]/g, '').replace('−', '-'));
  if (!Number.isFinite(v)) return null;
  return { value: v, percent: !!m[1] };
}

function isNumericText(text: string): boolean {
  // Both tests read the trimmed text, which must start with a character NUMBER_FIRST or
  // PLACEHOLDER_RE accepts: most texts (labels, prose) are rejected on that code unit.
  if (!mayStartNumericText(text.charCodeAt(firstNonSpaceIndex(text)))) return false;
  return cellValue(text) !== null || PLACEHOLDER_RE.test(text.trim());
}

/** A first character of a number (NUMBER_FIRST: - + − 0-9 ０-９ － ＋) or of a placeholder (PLACEHOLDER_RE: - — – / ／). */
export function mayStartNumericText(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2212 || (c >= 0xff10 && c <= 0xff19) || c === 0xff0d || c === 0xff0b ||
    c === 0x2014 || c === 0x2013 || c === 0x2f || c === 0xff0f
  );
}

const CN = '[一二三四五六七八九十百零〇]';
const CAPTION_RE = new RegExp(
  `^(?:[(（]\\s*)?(?:附)?表\\s*(?:[0-9０-９]+(?:[-－.．][0-9０-９]+)?|${CN}{1,4})(?![0-9０-９])(?:\\s*[)）])?(?=$|[\\s:：、.．]|[^\\x00-\\x7f])(?!${CN})` +
    `|^第${CN}{1,4}条(?:第[(（]${CN}{1,3}[)）]项)?\\s*$` +
    `|^第${CN}{1,4}条第[(（]${CN}{1,3}[)）]项`,
);
/** Words that follow 表 in prose (表明, 表示 …) are excluded by requiring a number after 表. */
function isCaptionText(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 60 || /[。；;]/.test(t)) return false;
  return CAPTION_RE.test(t);
}

/** A heading-like marker at the start of a line (一、 （一） 1. （1） 第一部分). */
const MARKER_RE = new RegExp(`^(?:${CN}{1,3}\\s*[、.．]|[(（]\\s*${CN}{1,3}\\s*[)）]|[0-9０-９]{1,3}\\s*[.．、](?![0-9０-９])|[(（]\\s*[0-9０-９]{1,3}\\s*[)）]|第${CN}{1,3}(?:部分|章|篇|节))`);

/** A line that can be one cell of a cell-per-line table: short text, not a sentence. */
function isLabelText(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 60) return false;
  if (/[。；;！!？?]/.test(t)) return false;
  if (/[:：]$/.test(t)) return false; // a lead-in ("表格如下:")
  return !isNumericText(t);
}

// ---------------------------------------------------------------------------------------------

/**
 * Whether a line of the document, trimmed as a cell is (trimPiece), is numeric text (what
 * findCellPerLineTables' numeric cells are): read on the line's first character, sliced and tested
 * only when that character may start a number.
 */
function anyNumericLine(doc: ReportDocument): boolean {
  const text = doc.text;
  const lines = doc.lines;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    let start = line.start;
    while (start < line.end && isCellSpaceCode(text.charCodeAt(start))) start++;
    if (start === line.end || !mayStartNumericText(text.charCodeAt(start))) continue;
    let end = line.end;
    while (end > start && isCellSpaceCode(text.charCodeAt(end - 1))) end--;
    if (isNumericText(text.slice(start, end))) return true;
  }
  return false;
}

/**
 * Find every table of the document (see the module comment). Pure. `readAll`: read every line's
 * shape even without a pipe or a numeric line (the equivalence tests compare both readings).
 */
export function findTables(doc: ReportDocument, readAll = false): TableBlock[] {
  // Lines that end before the text's first pipe have none (most reports have no pipe at all): they
  // are not searched for one.
  const firstPipe = firstPipeOffset(doc);
  // Without a pipe there is no Markdown or pipe table, and a cell-per-line table needs a line that
  // is one numeric cell: a report with neither (most) has no table, and its lines get no shapes.
  if (!readAll && firstPipe === doc.text.length && !anyNumericLine(doc)) return [];
  const lines = doc.lines;
  const n = lines.length;
  const shapes: LineShape[] = new Array(n);
  // Markdown: fenced code and comment blocks hold no table (ReportDocument.hiddenLines, from core/document/markdown.ts).
  const fencedLines = doc.hiddenLines;
  for (let i = 0; i < n; i++) {
    const fenced = !!fencedLines && fencedLines[i] === 1;
    shapes[i] = lines[i].end <= firstPipe ? plainShape(lines[i].text, fenced) : shapeOf(lines[i].text, fenced);
  }
  const used = new Uint8Array(n);
  const tables: TableBlock[] = [];
  findMarkdownTables(doc, shapes, used, tables);
  findPipeTables(doc, shapes, used, tables);
  findCellPerLineTables(doc, shapes, used, tables);
  tables.sort((a, b) => a.startLine - b.startLine);
  return tables;
}

/**
 * The offset of the text's first pipe (| or ｜), or the text's length when it has none: the first
 * pipe among the census's scan offsets (ReportDocument.bracketOffsets lists every pipe), read
 * instead of searching the text (indexOf('｜') is slow on Chinese text).
 */
export function firstPipeOffset(doc: ReportDocument): number {
  const text = doc.text;
  const offsets = doc.bracketOffsets;
  for (let k = 0; k < offsets.length; k++) {
    const c = text.charCodeAt(offsets[k]);
    if (c === 0x7c || c === 0xff5c) return offsets[k];
  }
  return text.length;
}

function captionAt(doc: ReportDocument, line: number): TableBlock['caption'] {
  const text = doc.lines[line].text;
  const sh = shapeOf(text, false);
  if (sh.cells.length !== 1) return null;
  const c = sh.cells[0];
  if (!isCaptionText(doc.simplified.slice(doc.lines[line].start + c.start, doc.lines[line].start + c.end))) return null;
  return { text: c.text, line, start: c.start, end: c.end };
}

/** The caption just above `line` (a blank line may separate them), if that line is free. */
function captionAbove(doc: ReportDocument, shapes: LineShape[], used: Uint8Array, line: number): TableBlock['caption'] {
  let k = line - 1;
  if (k >= 0 && shapes[k].blank) k--;
  if (k < 0 || used[k] || shapes[k].fenced) return null;
  return captionAt(doc, k);
}

function rowFromPieces(line: number, pieces: Piece[]): TableRow {
  const firstIdx = pieces.findIndex((p) => p.text !== '');
  const first = firstIdx >= 0 ? pieces[firstIdx] : null;
  const hasLabel = !!first && !isNumericText(first.text);
  const rest = hasLabel ? pieces.slice(firstIdx + 1) : pieces.slice(Math.max(firstIdx, 0));
  return {
    line,
    label: hasLabel ? first!.text : '',
    labelStart: hasLabel ? first!.start : 0,
    labelEnd: hasLabel ? first!.end : 0,
    cells: rest.map((p) => cellOf(line, p)),
  };
}

function cellOf(line: number, p: Piece): TableCell {
  const v = cellValue(p.text);
  const cell: TableCell = { text: p.text, line, start: p.start, end: p.end, value: v ? v.value : null };
  if (v?.percent) cell.percent = true;
  return cell;
}

function hasNumericCell(r: TableRow): boolean {
  return r.cells.some((c) => c.value !== null);
}

function findMarkdownTables(doc: ReportDocument, shapes: LineShape[], used: Uint8Array, out: TableBlock[]): void {
  const n = shapes.length;
  for (let i = 1; i < n; i++) {
    const sep = shapes[i];
    if (!sep.markdownSeparator || sep.fenced || used[i]) continue;
    const head = shapes[i - 1];
    if (!head.hasPipe || head.separator || head.fenced || used[i - 1] || head.cells.length === 0) continue;
    let end = i;
    while (end + 1 < n && shapes[end + 1].hasPipe && !shapes[end + 1].fenced && !shapes[end + 1].blank) end++;
    const caption = captionAbove(doc, shapes, used, i - 1);
    const rows: TableRow[] = [];
    for (let l = i + 1; l <= end; l++) if (!shapes[l].separator) rows.push(rowFromPieces(l, shapes[l].pieces));
    const startLine = caption ? caption.line : i - 1;
    for (let l = startLine; l <= end; l++) used[l] = 1;
    out.push({ form: 'markdown', startLine, endLine: end, caption, header: [rowFromPieces(i - 1, head.pieces)], rows });
    i = end;
  }
}

function findPipeTables(doc: ReportDocument, shapes: LineShape[], used: Uint8Array, out: TableBlock[]): void {
  const n = shapes.length;
  let i = 0;
  while (i < n) {
    if (used[i] || shapes[i].fenced || !shapes[i].hasPipe) {
      i++;
      continue;
    }
    // A run of consecutive lines with pipes.
    let end = i;
    while (end + 1 < n && !used[end + 1] && !shapes[end + 1].fenced && shapes[end + 1].hasPipe) end++;
    let multi = 0;
    let single = 0;
    for (let l = i; l <= end; l++) {
      if (shapes[l].separator) continue;
      if (shapes[l].cells.length >= 2) multi++;
      else single++;
    }
    // Mostly one cell a line: the cell-per-line form with pipes left over (handled there).
    if (multi === 0 || multi < single) {
      i = end + 1;
      continue;
    }
    // Split at captions: each caption starts a table.
    let from = i;
    const flush = (to: number) => {
      if (to < from) return;
      buildPipeTable(doc, shapes, used, from, to, out);
    };
    for (let l = i + 1; l <= end; l++) {
      if (captionAt(doc, l)) {
        flush(l - 1);
        from = l;
      }
    }
    flush(end);
    i = end + 1;
  }
}

function buildPipeTable(doc: ReportDocument, shapes: LineShape[], used: Uint8Array, from: number, end: number, out: TableBlock[]): void {
  let to = end;
  let caption = captionAt(doc, from);
  const first = caption ? from + 1 : from;
  if (!caption) caption = captionAbove(doc, shapes, used, from);
  const all: TableRow[] = [];
  for (let l = first; l <= to; l++) {
    if (shapes[l].separator || shapes[l].cells.length === 0) continue;
    all.push(rowFromPieces(l, shapes[l].pieces));
  }
  const multiRows = all.filter((r) => shapes[r.line].cells.length >= 2);
  // One line of pipes is a table only when it has several cells and a number (not "首页 | 公开").
  if (all.length === 0) return;
  if (multiRows.length < 2 && !(multiRows.length === 1 && shapes[multiRows[0].line].cells.length >= 3 && hasNumericCell(multiRows[0]))) {
    if (!caption || multiRows.length === 0) return;
  }
  const header: TableRow[] = [];
  const rows: TableRow[] = [];
  const anyNumeric = all.some(hasNumericCell);
  for (const r of all) {
    if (rows.length === 0 && (anyNumeric ? !hasNumericCell(r) : header.length === 0)) header.push(r);
    else rows.push(r);
  }
  const startLine = caption ? caption.line : first;
  // A text cut off inside the table: its last line is the start of a row whose pipes never came.
  const after = to + 1;
  if (after < shapes.length && !used[after] && !shapes[after].blank && !shapes[after].fenced && shapes[after].cells.length === 1) {
    let rest = after + 1;
    while (rest < shapes.length && shapes[rest].blank) rest++;
    const t = shapes[after].cells[0].text;
    if (rest === shapes.length && t.length <= 60 && !/[。；;！？!?]$/.test(t)) {
      rows.push(rowFromPieces(after, shapes[after].pieces));
      to = after;
    }
  }
  for (let l = startLine; l <= to; l++) used[l] = 1;
  out.push({ form: 'pipe', startLine, endLine: to, caption, header, rows });
}

// Cell-per-line ------------------------------------------------------------------------------

function findCellPerLineTables(doc: ReportDocument, shapes: LineShape[], used: Uint8Array, out: TableBlock[]): void {
  const n = shapes.length;
  const simplified = doc.simplified;
  const textOf = (l: number) => {
    const c = shapes[l].cells;
    return c.length === 1 ? c[0].text : '';
  };
  const simplifiedOf = (l: number) => {
    const c = shapes[l].cells;
    const ls = doc.lines[l].start;
    return c.length === 1 ? simplified.slice(ls + c[0].start, ls + c[0].end) : '';
  };
  /** A line that holds one cell (pipes aside) and is not taken by another table. */
  const free = (l: number) => l < n && !used[l] && !shapes[l].fenced;
  const skippable = (l: number) => shapes[l].blank || shapes[l].separator;
  const next = (l: number) => {
    let k = l + 1;
    while (k < n && free(k) && skippable(k)) k++;
    return k;
  };
  const isNum = (l: number) => l < n && free(l) && shapes[l].cells.length === 1 && isNumericText(textOf(l));
  const isLabel = (l: number) => l < n && free(l) && shapes[l].cells.length === 1 && isLabelText(simplifiedOf(l)) && !isCaptionText(simplifiedOf(l));
  const isCaption = (l: number) => l < n && free(l) && shapes[l].cells.length === 1 && isCaptionText(simplifiedOf(l));
  /** From a label line, the chain of label lines reaches numeric cells (or the end of the text). */
  const chainReaches = (l: number) => {
    let k = l;
    for (let steps = 0; steps < 8 && isLabel(k); steps++) k = next(k);
    return k >= n || isNum(k);
  };

  let i = 0;
  while (i < n) {
    // The numeric line first: it is the cheaper test, and most lines are followed by none.
    if (!(isNum(next(i)) && isLabel(i))) {
      i++;
      continue;
    }
    // Header cells and caption above the first row.
    let caption: TableBlock['caption'] = null;
    let top = i;
    const headerCells: number[] = [];
    for (let k = i - 1, steps = 0; k >= 0 && steps < 30; k--, steps++) {
      if (!free(k)) break;
      if (shapes[k].separator) continue;
      if (shapes[k].blank) break;
      if (isCaption(k)) {
        caption = captionAt(doc, k);
        top = k;
        break;
      }
      if (!isLabel(k) || MARKER_RE.test(simplifiedOf(k))) break;
      headerCells.unshift(k);
      top = k;
    }
    if (!caption && top > 0) caption = captionAbove(doc, shapes, used, top);
    // Rows.
    const rows: TableRow[] = [];
    let l = i;
    let last = i;
    while (l < n && isLabel(l)) {
      const row = labelRow(doc, shapes, l);
      last = l;
      let k = next(l);
      while (isNum(k)) {
        const c = shapes[k].cells[0];
        row.cells.push(cellOf(k, c));
        last = k;
        k = next(k);
      }
      rows.push(row);
      if (isLabel(k) && chainReaches(k)) l = k;
      else break;
    }
    const header: TableRow[] = [];
    if (headerCells.length) {
      const h = labelRow(doc, shapes, headerCells[0]);
      for (const k of headerCells.slice(1)) h.cells.push(cellOf(k, shapes[k].cells[0]));
      header.push(h);
    }
    const startLine = caption ? caption.line : top;
    for (let k = startLine; k <= last; k++) used[k] = 1;
    out.push({ form: 'cell-per-line', startLine, endLine: last, caption, header, rows });
    i = last + 1;
  }
}

function labelRow(doc: ReportDocument, shapes: LineShape[], l: number): TableRow {
  const c = shapes[l].cells[0];
  return { line: l, label: c.text, labelStart: c.start, labelEnd: c.end, cells: [] };
}
