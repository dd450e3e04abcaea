/**
 * Reuse between versions of one document (incremental checking).
 *
 * Nothing here depends on where a piece of text sits in the document: results are cached by the
 * text they were computed from, relative to its start, and re-anchored at their new position.
 * A one-character edit therefore recomputes one line's heading recognition, one paragraph's
 * enumerations and one paragraph's findings of paragraph-granular rules; everything else is
 * looked up, and the document-level passes (outline tree, document-level rules) run again over
 * the cached pieces.
 *
 * Caches are generational: each version keeps what it used and drops the rest, so memory follows
 * the current document rather than its history.
 */
import type { Line, ReportDocument } from './document';
import { recognizeHeading, type Heading } from './outline/headings';
import type { OffsetRange } from './types';

/** A map that keeps only the entries read or written since the last `nextGeneration()`. */
export class GenerationalMap<K, V> {
  private previous = new Map<K, V>();
  private current = new Map<K, V>();

  get(key: K): V | undefined {
    let v = this.current.get(key);
    if (v !== undefined || this.current.has(key)) return v;
    v = this.previous.get(key);
    if (v !== undefined || this.previous.has(key)) {
      this.current.set(key, v as V);
      return v;
    }
    return undefined;
  }

  has(key: K): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
  }

  /** Start a new generation: entries not touched during the last one are dropped. */
  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.previous = new Map();
    this.current = new Map();
  }

  get size(): number {
    return this.current.size;
  }
}

function shift(r: OffsetRange, d: number): OffsetRange {
  return { start: r.start + d, end: r.end + d };
}

/** A heading recognised on a line at offset 0, moved to its real line. */
export function anchorHeading(h: Heading, line: Line): Heading {
  const d = line.start;
  return {
    ...h,
    line: line.index,
    markerRange: shift(h.markerRange, d),
    numeralRange: shift(h.numeralRange, d),
    titleRange: shift(h.titleRange, d),
    bodyStart: h.bodyStart === null ? null : h.bodyStart + d,
    range: shift(h.range, d),
  };
}

/** Cached findings of one paragraph-granular rule on one paragraph text (offsets relative to the paragraph). */
export type ParagraphFindingsEntry = readonly import('./rules/types').ParagraphFinding[];

/**
 * What is known about one line text, relative to the line start: its heading recognition and any
 * value a rule memoises for it (Analysis.lineMemo). An entry follows its line from version to
 * version as long as the line's text is unchanged, so nothing in it may depend on anything but
 * that text (and what the slot name encodes).
 */
export class LineEntry {
  /** Heading recognised on the line at offset 0; undefined until computed. */
  heading: Heading | null | undefined = undefined;
  /** The `markdown` flag the heading was recognised under. */
  headingMarkdown = false;
  /** Memoised values by slot number (see slotNumber); slots past the numbered ones in a map. */
  private values: unknown[] | undefined;
  private more: Map<string, unknown> | undefined;

  /**
   * Memoise a value for the piece [start, end) of the line (relative offsets) under a constant
   * `slot` name; `tag` is a number the value depends on besides the text (a settings serial …).
   * One piece per slot: a different piece or tag recomputes and replaces it.
   */
  piece<T>(slot: string, start: number, end: number, tag: number, compute: () => T): T {
    const v = this.get(slot) as { start: number; end: number; tag: number; value: T } | undefined;
    if (v && v.start === start && v.end === end && v.tag === tag) return v.value;
    const value = compute();
    this.set(slot, { start, end, tag, value });
    return value;
  }

  memo<T>(slot: string, compute: () => T): T {
    const v = this.get(slot);
    if (v !== undefined) return (v === UNDEFINED ? undefined : v) as T;
    const value = compute();
    this.set(slot, value === undefined ? UNDEFINED : value);
    return value;
  }

  private get(slot: string): unknown {
    const n = slotNumber(slot);
    return n >= 0 ? this.values?.[n] : this.more?.get(slot);
  }

  private set(slot: string, value: unknown): void {
    const n = slotNumber(slot);
    if (n >= 0) (this.values ??= [])[n] = value;
    else (this.more ??= new Map()).set(slot, value);
  }
}

/** Stands for a memoised `undefined`. */
const UNDEFINED = Symbol('undefined');

/**
 * Slot names are a small fixed set (what is computed per line); each gets a number, so a line's
 * values sit in a small array instead of a map per line. Past MAX_NUMBERED_SLOTS names (a caller
 * building names from data), the rest live in a map.
 */
const slotNumbers = new Map<string, number>();
const MAX_NUMBERED_SLOTS = 64;
function slotNumber(slot: string): number {
  let n = slotNumbers.get(slot);
  if (n === undefined) {
    if (slotNumbers.size >= MAX_NUMBERED_SLOTS) return -1;
    n = slotNumbers.size;
    slotNumbers.set(slot, n);
  }
  return n;
}

/** Where the outline and the checker get line entries from (an Analysis). */
export interface LineEntrySource {
  lineEntry(index: number): LineEntry;
  readonly cache: AnalysisCache | null;
}

/** The line entries of a version (lazily created), reusing the previous version's for unchanged lines. */
export function lineEntriesFor(doc: ReportDocument, previous: { doc: ReportDocument; entries: (LineEntry | undefined)[] } | null): (LineEntry | undefined)[] {
  const entries = new Array<LineEntry | undefined>(doc.lines.length);
  const m = doc.mapping;
  if (!previous || !m || m.from !== previous.doc.serial) return entries;
  const old = previous.entries;
  for (let i = 0; i < m.prefixLines; i++) entries[i] = old[i];
  for (let i = m.suffixStart; i < entries.length; i++) entries[i] = old[i + m.shift];
  if (m.suffixStart > m.prefixLines) {
    // Edited lines: an unchanged text among the previous version's edited lines keeps its entry
    // (a line split or joined, a paragraph moved within the edited region).
    const byText = new Map<string, LineEntry>();
    const oldLines = previous.doc.lines;
    for (let k = m.prefixLines; k < m.suffixStart + m.shift && k < oldLines.length; k++) {
      const e = old[k];
      if (e) byText.set(oldLines[k].text, e);
    }
    if (byText.size) for (let i = m.prefixLines; i < m.suffixStart; i++) entries[i] = byText.get(doc.lines[i].text);
  }
  return entries;
}

/**
 * The state one document keeps between versions. Pass the same cache to every Analysis of the
 * document (server: one per open document); never share it between documents of different formats.
 */
export class AnalysisCache {
  /** The line entries of the latest version, handed on to the next one. */
  private last: { doc: ReportDocument; entries: (LineEntry | undefined)[] } | null = null;
  /** Enumeration runs per multi-line paragraph text (offsets relative to the paragraph start). */
  readonly enumerations = new GenerationalMap<string, unknown>();
  /** Findings of paragraph-granular rules on multi-line paragraphs, keyed by rule, severity and paragraph text. */
  readonly paragraphFindings = new GenerationalMap<string, ParagraphFindingsEntry>();
  /** Locale and configuration the paragraph findings were computed under. */
  private findingsContext: string | null = null;
  /** Changes whenever findingsContext does (findings memoised in line entries carry it). */
  contextSerial = 0;
  /** Statistics of the last build (for tests and the benchmark). */
  readonly stats = { headingHits: 0, headingMisses: 0, paragraphHits: 0, paragraphMisses: 0 };
  /**
   * Per-version results a layer hands on to the next version of the document (keyed by layer):
   * the layer checks `doc.mapping.from` against the serial it stored and patches what changed.
   */
  readonly carried = new Map<string, { serial: number; textLength: number; value: unknown }>();

  /** The line entries of `doc` (the latest version of the document). */
  lineEntries(doc: ReportDocument): (LineEntry | undefined)[] {
    if (this.last && this.last.doc === doc) return this.last.entries;
    const entries = lineEntriesFor(doc, this.last);
    this.last = { doc, entries };
    return entries;
  }

  /** The latest version seen, to build the next one from (ReportDocument options.previous). */
  get latestDocument(): ReportDocument | null {
    return this.last?.doc ?? null;
  }

  beginOutline(): void {
    this.enumerations.nextGeneration();
    this.stats.headingHits = this.stats.headingMisses = 0;
  }

  /** Called before a check: drops paragraph findings computed under another locale or config. */
  beginCheck(context: string): void {
    if (context !== this.findingsContext) {
      this.paragraphFindings.clear();
      this.findingsContext = context;
      this.contextSerial++;
    }
    this.paragraphFindings.nextGeneration();
    this.stats.paragraphHits = this.stats.paragraphMisses = 0;
  }
}

/** Heading recognition for one line through its entry (recognised once per line text). */
export function headingOf(source: LineEntrySource, line: Line, simplified: string, markdown: boolean): Heading | null {
  const e = source.lineEntry(line.index);
  const stats = source.cache?.stats;
  if (e.heading === undefined || e.headingMarkdown !== markdown) {
    if (stats) stats.headingMisses++;
    e.heading = recognizeHeading({ index: 0, start: 0, end: line.text.length, text: line.text }, simplified.slice(line.start, line.end), markdown);
    e.headingMarkdown = markdown;
  } else if (stats) stats.headingHits++;
  return e.heading && anchorHeading(e.heading, line);
}
