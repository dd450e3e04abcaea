import { ReportDocument, type DocumentFormat } from './document';
import { LineEntry, type AnalysisCache, type LineEntrySource } from './incremental';
import { buildOutline, type Outline } from './outline/outline';
import { tablesOf, type TableBlock } from './blocks/tables';

/**
 * Everything derived from one document version, computed lazily and at most once:
 * the outline and whatever later layers (figures, profile match) memoise here.
 * The server keeps one Analysis per document version and shares it between
 * diagnostics, symbols, folding, hovers and code actions.
 */
export class Analysis implements LineEntrySource {
  readonly doc: ReportDocument;
  /** Reuse from the previous version of the same document (incremental checking), if any. */
  readonly cache: AnalysisCache | null;
  private outlineValue: Outline | null = null;
  private memoTable = new Map<string, unknown>();
  private entries: (LineEntry | undefined)[] | null = null;

  constructor(doc: ReportDocument, cache: AnalysisCache | null = null) {
    this.doc = doc;
    this.cache = cache;
  }

  /**
   * With `options.cache` (the document's AnalysisCache), the new version is built from the latest
   * one the cache has seen: unchanged lines, their simplified view and everything memoised per
   * line are reused.
   */
  static fromText(text: string, options: { uri?: string; format?: DocumentFormat; version?: number; cache?: AnalysisCache } = {}): Analysis {
    const previous = options.cache?.latestDocument ?? undefined;
    return new Analysis(new ReportDocument(text, { ...options, previous }), options.cache ?? null);
  }

  /** The entry of line `index`: what is memoised for that line's text (see LineEntry). */
  lineEntry(index: number): LineEntry {
    const entries = (this.entries ??= this.cache ? this.cache.lineEntries(this.doc) : new Array<LineEntry | undefined>(this.doc.lines.length));
    let e = entries[index];
    if (!e) {
      e = new LineEntry();
      entries[index] = e;
    }
    return e;
  }

  /**
   * Memoise a value computed from line `index`'s text alone (offsets relative to the line start),
   * under `slot` (a name for what is computed, plus any setting it depends on). Across versions of
   * an open document the value follows the line as long as its text is unchanged. Without a cache
   * (a one-off check: the CLI) the value is computed on every call.
   */
  lineMemo<T>(index: number, slot: string, compute: () => T): T {
    // Without a cache nothing outlives this version: computing directly saves an entry per line.
    if (!this.cache) return compute();
    return this.lineEntry(index).memo(slot, compute);
  }

  /** The tables of this version (pipe rows, Markdown, one cell per line), built once. */
  get tables(): TableBlock[] {
    return tablesOf(this.doc);
  }

  get outline(): Outline {
    if (!this.outlineValue) this.outlineValue = buildOutline(this.doc, this.cache ? this : undefined);
    return this.outlineValue;
  }

  /**
   * Drop the memoised models (they are recomputed on demand). The server does this after checking
   * a very large document so that the models (figures, numbering …) do not stay in memory while
   * the document is open.
   */
  releaseMemos(): void {
    this.memoTable.clear();
  }

  /** Memoise a derived value for this document version. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memoTable.has(key)) return this.memoTable.get(key) as T;
    const v = compute();
    this.memoTable.set(key, v);
    return v;
  }
}
