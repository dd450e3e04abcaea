import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import { checkDecision } from '../core/config/check-decision';
import { activeProfile } from '../core/profiles/detect';
import { reportKey } from '../core/statistical-tables/cross-year';
import type { ResolvedConfig } from '../core/config/config';
import type { IgnoreEntry } from '../core/config/suppress';
import type { Locale } from '../core/types';
import { fileResult, skippedResult, type CrossYearKey, type FileResult } from './format';
import type { LineOrigin } from '../node/docx/origin';

/**
 * Check one file as `reportlint check` does, on the main thread or a worker: in `auto` mode (no
 * `--force`) a file that does not look like a report is skipped, exactly as the editor skips it.
 */
export function checkOneFile(
  file: { text: string; displayPath: string; origins?: readonly LineOrigin[] },
  config: ResolvedConfig,
  ignores: readonly IgnoreEntry[],
  locale: Locale,
  force: boolean,
): FileResult {
  const analysis = Analysis.fromText(file.text, { uri: file.displayPath });
  const decision = checkDecision({ mode: force ? 'always' : 'auto', analysis, path: file.displayPath, config });
  const result = decision.check
    ? // The findings as checked: messages are built when the output reads them (the summary form of
      // text output never reads a crowded rule's); `reportedFinding` copies them only to cross threads.
      fileResult(file.displayPath, checkDocument(analysis, { config, locale, ignores, forceReport: decision.force }), file.origins)
    : skippedResult(file.displayPath);
  // A skipped file can still be last year's report of a checked one.
  const key = crossYearKey(analysis, config);
  if (key) result.crossYear = key;
  return result;
}

/**
 * Who issued the report and for which year, when its kind has statistical tables (the pairing key
 * of core/statistical-tables/cross-year.ts), taken from the analysis the check has just built: its
 * profile and year are memoised there, so this costs next to nothing, whereas analysing every file
 * again to pair them cost a third of the checking time over 1,000 reports.
 */
export function crossYearKey(analysis: Analysis, config: ResolvedConfig): CrossYearKey | null {
  const profile = activeProfile(analysis, config);
  const key = profile?.tables?.length ? reportKey(analysis, profile) : null;
  return profile && key ? { profile: profile.id, issuer: key.issuer, year: key.year } : null;
}
