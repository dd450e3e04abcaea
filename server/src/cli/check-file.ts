import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import { checkDecision } from '../core/config/check-decision';
import type { ResolvedConfig } from '../core/config/config';
import type { IgnoreEntry } from '../core/config/suppress';
import type { Locale } from '../core/types';
import { fileResult, skippedResult, type FileResult } from './format';
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
  if (!decision.check) return skippedResult(file.displayPath);
  // The findings as checked: messages are built when the output reads them (the summary form of
  // text output never reads a crowded rule's); `reportedFinding` copies them only to cross threads.
  return fileResult(file.displayPath, checkDocument(analysis, { config, locale, ignores, forceReport: decision.force }), file.origins);
}
