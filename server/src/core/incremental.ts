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
import type { Line } from './document';
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
 * The state one document keeps between versions. Pass the same cache to every Analysis of the
 * document (server: one per open document); never share it between documents of different formats.
 */
export class AnalysisCache {
  private readonly headingCache = new GenerationalMap<string, Heading | null>();
  /** Enumeration runs per paragraph text (offsets relative to the paragraph start). */
  readonly enumerations = new GenerationalMap<string, unknown>();
  /** Findings of paragraph-granular rules, keyed by rule, severity and paragraph text. */
  readonly paragraphFindings = new GenerationalMap<string, ParagraphFindingsEntry>();
  /** Locale and configuration the paragraph findings were computed under. */
  private findingsContext: string | null = null;
  /** Statistics of the last build (for tests and the benchmark). */
  readonly stats = { headingHits: 0, headingMisses: 0, paragraphHits: 0, paragraphMisses: 0 };

  /** Heading recognition for one line, reused when the same line text was seen in the previous version. */
  heading(line: Line, simplifiedLine: string, markdown: boolean): Heading | null {
    const key = markdown ? '#' + line.text : line.text;
    let rel = this.headingCache.get(key);
    if (rel === undefined) {
      this.stats.headingMisses++;
      rel = recognizeHeading({ index: 0, start: 0, end: line.text.length, text: line.text }, simplifiedLine, markdown);
      this.headingCache.set(key, rel);
    } else this.stats.headingHits++;
    return rel && anchorHeading(rel, line);
  }

  beginOutline(): void {
    this.headingCache.nextGeneration();
    this.enumerations.nextGeneration();
    this.stats.headingHits = this.stats.headingMisses = 0;
  }

  /** Called before a check: drops paragraph findings computed under another locale or config. */
  beginCheck(context: string): void {
    if (context !== this.findingsContext) {
      this.paragraphFindings.clear();
      this.findingsContext = context;
    }
    this.paragraphFindings.nextGeneration();
    this.stats.paragraphHits = this.stats.paragraphMisses = 0;
  }
}
