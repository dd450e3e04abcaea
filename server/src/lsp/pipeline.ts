/**
 * The server's checking pipeline for one open document, independent of the LSP connection:
 * the analysis of the current version, the findings of the last check, and the debounce policy.
 * server.ts wires it to the connection; the benchmark drives it directly (the server-side path).
 */
import { Analysis } from '../core/analysis';
import { checkDocument, type CheckOptions } from '../core/check';
import type { DocumentFormat } from '../core/document';
import type { Finding } from '../core/types';

/**
 * Debounce before checking after a change, by document size (UTF-16 code units): short for the
 * typical report so squiggles follow typing, longer for compilations where a check costs more.
 */
export function debounceDelay(size: number): number {
  if (size < 20_000) return 50;
  if (size < 200_000) return 100;
  if (size < 2_000_000) return 200;
  return 400;
}

/** Per-document state kept by the server between versions. */
export class DocumentSession {
  readonly uri: string;
  format: DocumentFormat;
  private current: Analysis | null = null;
  /** Version and findings of the last completed check. */
  private checked: { version: number; findings: Finding[] } | null = null;

  constructor(uri: string, format: DocumentFormat) {
    this.uri = uri;
    this.format = format;
  }

  /** The analysis of `version`, built once per version. */
  analysis(text: string, version: number): Analysis {
    if (this.current && this.current.doc.version === version && this.current.doc.text === text) return this.current;
    this.current = Analysis.fromText(text, { uri: this.uri, format: this.format, version });
    return this.current;
  }

  /** Check the analysis and remember the findings for code actions and hovers. */
  check(analysis: Analysis, options: CheckOptions): Finding[] {
    const findings = checkDocument(analysis, options);
    this.checked = { version: analysis.doc.version, findings };
    return findings;
  }

  /** Findings of `version` when that version has been checked, else null. */
  findingsFor(version: number): Finding[] | null {
    return this.checked && this.checked.version === version ? this.checked.findings : null;
  }
}
