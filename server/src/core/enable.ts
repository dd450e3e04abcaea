/**
 * Whether a document is checked: the one decision behind `reportlint.enable` (editor) and the
 * CLI's auto mode, so that both check and skip the same files.
 *
 *  - `never`: not checked;
 *  - `always`, or a document declared a report (the ReportLint language in the editor, a file
 *    named *.report.txt or *报告*.txt): checked as a report (report rules apply);
 *  - `auto`: checked when it looks like a report (isReportDocument: title, numbered sections,
 *    报告如下 …, or a profile recognises it).
 */
import type { Analysis } from './analysis';
import type { ResolvedConfig } from './config';
import { isReportDocument } from './profiles/detect';

export type EnableMode = 'auto' | 'always' | 'never';

export interface CheckingDecision {
  /** Check the document at all. */
  check: boolean;
  /** Treat it as a report even if it does not look like one (report-scope rules apply). */
  force: boolean;
}

/** A file name that declares a report (the same patterns the extension gives the ReportLint language). */
export function isDeclaredReportName(path: string): boolean {
  return /(?:\.report\.txt|[报報]告[^/\\]*\.txt)$/i.test(path);
}

export function decideChecking(
  analysis: Analysis,
  mode: EnableMode,
  options: { declaredReport?: boolean; config?: Pick<ResolvedConfig, 'customProfiles'> } = {},
): CheckingDecision {
  if (mode === 'never') return { check: false, force: false };
  if (mode === 'always' || options.declaredReport) return { check: true, force: true };
  return { check: isReportDocument(analysis, options.config), force: false };
}
