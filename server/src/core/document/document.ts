import type { OffsetRange, Position, Range } from '../types';
import type { ScriptView } from './script';
import type { TableBlock } from './blocks/tables';
import { textCensus, type EncodingCandidates } from './chars';
import { markdownBlocks } from './markdown';

export type DocumentFormat = 'text' | 'markdown';

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character of the line, before the line break. */
  end: number;
  /** The line's text without its line break. */
  text: string;
}

/**
 * The text of one report with line bookkeeping and offset ↔ position conversion.
 * Offsets and columns are UTF-16 code units, as in LSP.
 */
export class ReportDocument {
  readonly text: string;
  readonly uri: string;
  readonly format: DocumentFormat;
  readonly version: number;
  readonly lines: readonly Line[];
  private scriptView: ScriptView | null = null;
  private encoding: EncodingCandidates | null = null;
  /** null: not computed yet; undefined: taken (takePunctuationMarks). */
  private marks: readonly number[] | null | undefined = null;
  private hidden: Uint8Array | null | undefined = undefined;
  private cues: readonly number[] | null = null;
  private brackets: readonly number[] | null = null;
  /**
   * blocks/tables.ts's tables of this document (tablesOf), kept on the document: a WeakMap entry
   * per document version costs more to add than the slot. Written by tablesOf only (a type-only
   * import: no cycle between the modules).
   */
  tablesCache: TableBlock[] | undefined = undefined;

  constructor(text: string, options: { uri?: string; format?: DocumentFormat; version?: number } = {}) {
    this.text = text;
    this.uri = options.uri ?? 'untitled:report.txt';
    this.format = options.format ?? formatFromUri(this.uri);
    this.version = options.version ?? 0;
    this.lines = splitLines(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** A same-length simplified-script view of the text for keyword matching. */
  get simplified(): string {
    return this.script.simplified;
  }

  get script(): ScriptView {
    return this.scriptView ?? this.census().view;
  }

  /** Where the encoding-damage finders start (chars.ts, encodingCandidates), found on the script view's pass. */
  get encodingCandidates(): EncodingCandidates {
    return this.encoding ?? this.census().candidates;
  }

  /**
   * Offsets (ascending) of the line breaks and the punctuation marks chinesePunctuationOffsets
   * stops at (chars.ts, PUNCTUATION_SCAN_UNITS), found on the script view's pass. Handed over
   * once and then let go (a 10 MB report has some 350,000): null when already taken, and the
   * caller then scans the text itself (the same result).
   */
  takePunctuationMarks(): readonly number[] | null {
    if (this.marks === undefined) return null;
    const marks = this.marks ?? this.census().marks;
    this.marks = undefined;
    return marks;
  }

  /**
   * Offsets (ascending) in the text (not the simplified view) of the characters enumeration
   * markers are found from (chars.ts, ENUMERATION_CUE_UNITS), found on the script view's pass.
   */
  get enumerationCueUnits(): readonly number[] {
    return this.cues ?? this.census().cues;
  }

  /**
   * Offsets (ascending) of the opening brackets searches start from and of the table pipes
   * (chars.ts, BRACKET_SCAN_UNITS: ( （ 《 | ｜), found on the script view's pass; the same in the
   * text and in the view. Readers pass over the characters they do not start from.
   */
  get bracketOffsets(): readonly number[] {
    return this.brackets ?? this.census().brackets;
  }

  /** One pass over the text for the script view, the encoding candidates, the punctuation marks, the enumeration cues and the brackets (chars.ts, textCensus). */
  private census(): { view: ScriptView; candidates: EncodingCandidates; marks: number[]; cues: number[]; brackets: number[] } {
    const c = textCensus(this.text);
    this.brackets = c.brackets;
    this.scriptView = c.view;
    this.encoding = c.candidates;
    this.cues = c.cues;
    if (this.marks !== undefined) this.marks = c.marks; // once taken, not kept again
    return c;
  }

  /**
   * Let the simplified view's text go when it is a copy (a text with traditional characters; an
   * all-simplified text shares its string with the view). It is rebuilt, identical, when next
   * read. Analysis.releaseMemos calls this for a very large document (a 10 MB report keeps 7 MB
   * of copy for a few hundred 著 otherwise).
   */
  releaseScriptView(): void {
    if (this.scriptView && this.scriptView.simplified !== this.text) this.scriptView = null;
  }

  /** True when most convertible characters are traditional (seed 001). */
  get isTraditional(): boolean {
    const s = this.script;
    return s.cjkCount > 0 && s.traditionalCount / s.cjkCount > 0.05;
  }

  /**
   * Per line, 1 when the line is not report text: in Markdown, fenced code and passages commented
   * out with `<!-- … -->` (document/markdown.ts). Null when every line is report text (always so in
   * plain text), which is what most documents get.
   */
  get hiddenLines(): Uint8Array | null {
    if (this.hidden === undefined) {
      const mask = this.format === 'markdown' ? markdownBlocks(this.text).hidden : null;
      this.hidden = mask && mask.includes(1) ? mask : null;
    }
    return this.hidden;
  }

  /** Whether a line (0-based) is not report text (see hiddenLines). */
  isHidden(line: number): boolean {
    const mask = this.hiddenLines;
    return mask !== null && mask[line] === 1;
  }

  lineSimplified(line: Line): string {
    return this.simplified.slice(line.start, line.end);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Binary search the last line whose start is <= offset.
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    return { line: lo, character: Math.min(clamped - line.start, line.end - line.start) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line];
    return line.start + Math.max(0, Math.min(position.character, line.end - line.start));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  rangeOfOffsets(r: OffsetRange): Range {
    return this.rangeOf(r.start, r.end);
  }

  lineRange(line: number): Range {
    const l = this.lines[line];
    return this.rangeOf(l.start, l.end);
  }

  slice(r: OffsetRange): string {
    return this.text.slice(r.start, r.end);
  }

  /** The line break used by most lines (for inserted text). */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    if (crlf >= 0) return '\r\n';
    if (this.text.indexOf('\n') >= 0) return '\n';
    if (this.text.indexOf('\r') >= 0) return '\r';
    return '\n';
  }
}

export function formatFromUri(uri: string): DocumentFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(uri) ? 'markdown' : 'text';
}

/** Split into lines on LF, CRLF and lone CR. Always returns at least one line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // LF only (most texts): indexOf finds each break without a per-character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
    lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
  return lines;
}
