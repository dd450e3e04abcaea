/**
 * Which documents are checked at all: one decision for the editor (server.ts, `reportlint.enable`)
 * and the command line (`reportlint check`, `--force`), so both agree on what is a report.
 *
 * - `never`: nothing is checked.
 * - `always` (the editor's setting, the CLI's `--force`), or a document the editor opened in the
 *   ReportLint language: checked as a report, whatever it looks like.
 * - `auto`: a document named like a report (`*报告*.txt`, `*.report.txt`) or whose first line reads
 *   like a report title — the same patterns that give a file the ReportLint language in VS Code
 *   (package.json `contributes.languages`) — is checked as a report; any other document only when it
 *   looks like one (isReportDocument: a title, numbered sections, 报告如下 …, or a profile's parts).
 */
import type { Analysis } from '../analysis';
import type { ResolvedConfig } from './config';
import { isReportDocument } from '../profiles/detect';

export type EnableMode = 'auto' | 'always' | 'never';

/** File names VS Code gives the ReportLint language (package.json filenamePatterns and extensions). */
export const REPORT_FILE_NAME = /(?:\.report\.txt|[报報]告[^/\\]*\.(?:txt|docx))$/i;
/** A first line VS Code takes for a report title (package.json `firstLine`, kept equal by a test). */
export const REPORT_FIRST_LINE = /^\s*.{0,60}关于.{0,20}(19|20)\d{2}年度?.{0,30}报告\s*$/;

export interface CheckDecision {
  /** Check the document at all. */
  check: boolean;
  /** Check it as a report even if it does not look like one (checkDocument's forceReport). */
  force: boolean;
}

export interface DecisionInput {
  mode: EnableMode;
  analysis: Analysis;
  /** The file's path or URI, when it has one. */
  path?: string;
  /** The editor opened it in the ReportLint language (by name, first line or the user's choice). */
  reportLanguage?: boolean;
  config?: Pick<ResolvedConfig, 'customProfiles'>;
}

/** Whether a document is named or headed like a report, which is enough in `auto` mode. */
export function namedLikeReport(path: string | undefined, text: string): boolean {
  if (path && REPORT_FILE_NAME.test(path)) return true;
  const first = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  return REPORT_FIRST_LINE.test(first);
}

export function checkDecision(input: DecisionInput): CheckDecision {
  if (input.mode === 'never') return { check: false, force: false };
  if (input.mode === 'always' || input.reportLanguage) return { check: true, force: true };
  if (namedLikeReport(input.path, input.analysis.doc.text)) return { check: true, force: true };
  return { check: isReportDocument(input.analysis, input.config), force: false };
}
