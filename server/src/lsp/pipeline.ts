/**
 * The server's checking pipeline for one open document, independent of the LSP connection:
 * the analysis of the current version (built from its whole text), the findings of the last
 * check, and the debounce policy. server.ts wires it to the connection through
 * lsp/scheduler.ts; the benchmark drives it directly (the server-side path).
 */
import { Analysis } from '../core/analysis';
import { checkDocumentSteps, type CheckOptions } from '../core/check';
import type { DocumentFormat } from '../core/document/document';
import type { Finding } from '../core/types';

/**
 * Documents over this many UTF-16 code units (compilations of many reports) let the previous
 * version's analysis and findings go before the next check, and drop their rules' models once the
 * writer pauses (`releaseModels`, called by the server's idle collection, lsp/memory.ts).
 */
export const LARGE_DOCUMENT_SIZE = 2_000_000;

/**
 * Debounce before checking after a change: short for the typical report so squiggles follow
 * typing, longer for compilations; and never shorter than the last check of that document took,
 * so that typing in a slow document does not queue up checks.
 */
export function debounceDelay(size: number, lastCheckMs = 0): number {
  const base = size < 20_000 ? 30 : size < 200_000 ? 75 : size < 2_000_000 ? 150 : 300;
  return Math.round(Math.max(base, Math.min(1000, lastCheckMs)));
}

/** Cooperative cancellation: set when a newer version is scheduled or the document closes. */
export interface CancelToken {
  readonly cancelled: boolean;
}

/** Per-document state kept by the server between versions. */
export class DocumentSession {
  readonly uri: string;
  readonly format: DocumentFormat;
  private current: Analysis | null = null;
  /** Version and findings of the last completed check. */
  private checked: { version: number; findings: Finding[] } | null = null;
  /** Duration of the last completed check (ms), for the debounce. */
  lastCheckMs = 0;
  /** Debounce applied to the last scheduled check (ms). */
  lastDebounceMs = 0;
  /** Feature answers (semantic tokens, code lenses) computed from `answersOf`, by key. */
  private answers = new Map<string, unknown>();
  private answersOf: Analysis | null = null;
  /** The last semantic tokens answered, by result id (lsp/features/semantic-tokens.ts: the next request may ask for a delta). */
  tokens: { resultId: string; data: number[] } | null = null;

  constructor(uri: string, format: DocumentFormat) {
    this.uri = uri;
    this.format = format;
  }

  /** The analysis of `version`, built once per version. */
  analysis(text: string, version: number): Analysis {
    if (this.current && this.current.doc.version === version && this.current.doc.text === text) return this.current;
    if (text.length > LARGE_DOCUMENT_SIZE) {
      // A very large document: the server only asks for the findings of the current version, so
      // the previous analysis and findings (tens of megabytes) are let go before the coming check
      // rather than after it.
      this.current = null;
      if (this.checked && this.checked.version !== version) this.checked = null;
    }
    // The feature answers of the previous version are never read again; dropping them lets that
    // version's analysis go (its models, such as the figures model the semantic tokens built, are
    // over 100 MB at 10 MB) before the coming check rather than with the next answer.
    this.answers = new Map();
    this.answersOf = null;
    this.current = Analysis.fromText(text, { uri: this.uri, format: this.format, version });
    return this.current;
  }

  /** Check synchronously and remember the findings for code actions and hovers. */
  check(analysis: Analysis, options: CheckOptions): Finding[] {
    const steps = checkDocumentSteps(analysis, options);
    const t0 = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        this.record(analysis, r.value, performance.now() - t0);
        return r.value;
      }
    }
  }

  /**
   * Check, giving way to the event loop between rules so that newer edits are received while a
   * long check runs; returns null (and records nothing) as soon as `token` is cancelled.
   */
  async checkAsync(analysis: Analysis, options: CheckOptions, token: CancelToken): Promise<Finding[] | null> {
    const steps = checkDocumentSteps(analysis, options);
    let busy = 0;
    let slice = performance.now();
    for (;;) {
      if (token.cancelled) return null;
      const r = steps.next();
      if (r.done) {
        this.record(analysis, r.value, busy + performance.now() - slice);
        return r.value;
      }
      // Yield only after ~8 ms of work: a fast check runs in one go.
      if (performance.now() - slice > 8) {
        busy += performance.now() - slice;
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  }

  private record(analysis: Analysis, findings: Finding[], ms: number): void {
    this.checked = { version: analysis.doc.version, findings };
    this.lastCheckMs = ms;
  }

  /**
   * A very large document keeps its outline but lets its rules' models go (the figures model of a
   * 10 MB document is over 100 MB; recomputed if asked for). Not at the end of the check: the
   * client asks for semantic tokens and code lenses of the new version right after its
   * diagnostics, and both read the figures model; the server calls this once the writer pauses.
   */
  releaseModels(): void {
    if (this.current && this.current.doc.text.length > LARGE_DOCUMENT_SIZE) this.current.releaseMemos();
  }

  /** Whether the current version is a very large document (see `releaseModels`). */
  get large(): boolean {
    return !!this.current && this.current.doc.text.length > LARGE_DOCUMENT_SIZE;
  }

  /**
   * A feature's answer for `analysis`, computed once per version: the client asks again for the
   * same version (semantic tokens, code lenses), and after `releaseModels` a recomputation would
   * rebuild the models.
   */
  answer<T>(analysis: Analysis, key: string, compute: () => T): T {
    if (this.answersOf !== analysis) {
      this.answers = new Map();
      this.answersOf = analysis;
    }
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const value = compute();
    this.answers.set(key, value);
    return value;
  }

  /** Record findings computed elsewhere (e.g. none, when the document is not checked). */
  setFindings(version: number, findings: Finding[]): void {
    this.checked = { version, findings };
  }

  /** Findings of `version` when that version has been checked, else null. */
  findingsFor(version: number): Finding[] | null {
    return this.checked && this.checked.version === version ? this.checked.findings : null;
  }
}
