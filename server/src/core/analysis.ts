import { ReportDocument, type DocumentFormat } from './document/document';
import { buildOutline, type Outline } from './outline/outline';
import { tablesOf, type TableBlock } from './document/blocks/tables';

/**
 * Everything derived from one document version, computed lazily and at most once:
 * the outline and whatever later layers (figures, profile match) memoise here.
 * The server keeps one Analysis per document version and shares it between
 * diagnostics, symbols, folding, hovers and code actions. Every version is analysed
 * from its whole text: nothing is carried over from an earlier version.
 */
export class Analysis {
  readonly doc: ReportDocument;
  private outlineValue: Outline | null = null;
  private memoTable = new Map<string, unknown>();

  constructor(doc: ReportDocument) {
    this.doc = doc;
  }

  static fromText(text: string, options: { uri?: string; format?: DocumentFormat; version?: number } = {}): Analysis {
    return new Analysis(new ReportDocument(text, options));
  }

  /** The tables of this version (pipe rows, Markdown, one cell per line), built once. */
  get tables(): TableBlock[] {
    return tablesOf(this.doc);
  }

  get outline(): Outline {
    if (!this.outlineValue) this.outlineValue = buildOutline(this.doc);
    return this.outlineValue;
  }

  /**
   * Drop the memoised models and the simplified view's copy of the text (they are recomputed on
   * demand). The server does this after checking a very large document so that the models
   * (figures, numbering …) do not stay in memory while the document is open.
   */
  releaseMemos(): void {
    this.memoTable.clear();
    this.doc.releaseScriptView();
  }

  /** Memoise a derived value for this document version. */
  memo<T>(key: string, compute: () => T): T {
    const got = this.memoTable.get(key);
    // One lookup when the value is there (a memoised undefined is told apart by `has`).
    if (got !== undefined || this.memoTable.has(key)) return got as T;
    const v = compute();
    this.memoTable.set(key, v);
    return v;
  }
}
