import type { OffsetRange, Position, Range } from './types';
import { toSimplifiedView, type ScriptView } from './script';

/**
 * How a text differs from the previous version of the same document: the lengths of the common
 * prefix and of the common suffix (never overlapping). Everything between them changed.
 */
export interface TextDiff {
  prefix: number;
  suffix: number;
}

/** Common prefix and suffix of two texts, one linear pass each (stops at the first difference). */
export function diffTexts(a: string, b: string): TextDiff {
  const max = Math.min(a.length, b.length);
  // Whole blocks first (native string comparison), then code unit by code unit in the first block that differs.
  const BLOCK = 4096;
  let prefix = 0;
  while (prefix + BLOCK <= max && a.substring(prefix, prefix + BLOCK) === b.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (suffix + BLOCK <= maxSuffix && a.substring(a.length - suffix - BLOCK, a.length - suffix) === b.substring(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < maxSuffix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/**
 * Which lines of a new version are unchanged lines of the previous one. Lines [0, prefixLines)
 * are the previous version's lines of the same index; from `suffixStart` on, line i is the
 * previous version's line `i - shift`; lines in between are new or edited.
 */
export interface LineMapping {
  /** `serial` of the previous version. */
  from: number;
  prefixLines: number;
  suffixStart: number;
  shift: number;
}

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
  /** Set when built from a previous version (`options.previous`): the lines it shares with it. */
  readonly mapping: LineMapping | null = null;
  /** Identifies this object (LineMapping.from refers to it). */
  readonly serial = ++documentSerial;
  private scriptView: ScriptView | null = null;

  /**
   * With `options.previous` (the previous version of the same document), the unchanged lines and
   * the simplified view of the unchanged text are taken over from it instead of being recomputed;
   * the result is the same as without it. The previous version is not retained.
   */
  constructor(text: string, options: { uri?: string; format?: DocumentFormat; version?: number; previous?: ReportDocument } = {}) {
    this.text = text;
    this.uri = options.uri ?? 'untitled:report.txt';
    this.format = options.format ?? formatFromUri(this.uri);
    this.version = options.version ?? 0;
    const prev = options.previous;
    if (prev && prev.format === this.format) {
      const diff = diffTexts(prev.text, text);
      const { lines, mapping } = reuseLines(prev, text, diff);
      this.lines = lines;
      this.mapping = { from: prev.serial, ...mapping };
      if (prev.scriptView) this.scriptView = patchScriptView(prev.text, prev.scriptView, text, diff);
    } else {
      this.lines = splitLines(text);
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** A same-length simplified-script view of the text for keyword matching. */
  get simplified(): string {
    return this.script.simplified;
  }

  get script(): ScriptView {
    if (!this.scriptView) this.scriptView = toSimplifiedView(this.text);
    return this.scriptView;
  }

  /** True when most convertible characters are traditional (seed 001). */
  get isTraditional(): boolean {
    const s = this.script;
    return s.cjkCount > 0 && s.traditionalCount / s.cjkCount > 0.05;
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

/**
 * The lines of `text`, reusing the previous version's line objects before the change and
 * shifting those after it; only the changed region is split again.
 */
let documentSerial = 0;

function reuseLines(prev: ReportDocument, text: string, diff: TextDiff): { lines: Line[]; mapping: Omit<LineMapping, 'from'> } {
  const old = prev.lines;
  const delta = text.length - prev.text.length;
  // Unchanged leading lines: the line and its whole line break (CRLF included) inside the prefix.
  let prefixLines = 0;
  {
    let lo = 0;
    let hi = old.length - 1; // the last line has no line break: never part of the prefix
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].end + 1 < diff.prefix) lo = mid + 1;
      else hi = mid;
    }
    prefixLines = lo;
  }
  // Unchanged trailing lines: the line break before the line inside the suffix.
  const suffixFrom = prev.text.length - diff.suffix; // old offsets >= suffixFrom are unchanged
  let firstSuffix = old.length;
  {
    let lo = prefixLines;
    let hi = old.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].start > suffixFrom) hi = mid;
      else lo = mid + 1;
    }
    firstSuffix = lo;
  }
  const lines: Line[] = old.slice(0, prefixLines) as Line[];
  const midStart = prefixLines > 0 ? old[prefixLines].start : 0;
  const midEnd = firstSuffix < old.length ? old[firstSuffix].start + delta : -1; // start of the first reused trailing line
  // Split the changed region until the first reused trailing line starts (or to the end of the text).
  let start = midStart;
  const n = text.length;
  for (let i = midStart; i < n && start !== midEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start !== midEnd) {
    // No reusable trailing line (or the split did not meet it): the rest was split to the end.
    lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
    return { lines, mapping: { prefixLines, suffixStart: lines.length, shift: 0 } };
  }
  const suffixStart = lines.length;
  const shift = firstSuffix - suffixStart;
  for (let k = firstSuffix; k < old.length; k++) {
    const l = old[k];
    lines.push(shift === 0 && delta === 0 ? l : { index: k - shift, start: l.start + delta, end: l.end + delta, text: l.text });
  }
  return { lines, mapping: { prefixLines, suffixStart, shift } };
}

/** The simplified view of `text` from the previous version's view: only the changed part is converted. */
function patchScriptView(prevText: string, prevView: ScriptView, text: string, diff: TextDiff): ScriptView {
  const oldMid = toSimplifiedView(prevText.slice(diff.prefix, prevText.length - diff.suffix));
  const newMid = toSimplifiedView(text.slice(diff.prefix, text.length - diff.suffix));
  const traditionalCount = prevView.traditionalCount - oldMid.traditionalCount + newMid.traditionalCount;
  // Without a traditional character the view is the text itself (as toSimplifiedView returns it).
  const simplified =
    traditionalCount === 0 ? text : prevView.simplified.slice(0, diff.prefix) + newMid.simplified + prevView.simplified.slice(prevText.length - diff.suffix);
  return {
    simplified,
    traditionalCount,
    cjkCount: prevView.cjkCount - oldMid.cjkCount + newMid.cjkCount,
  };
}

/** Split into lines on LF, CRLF and lone CR. Always returns at least one line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
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
