/**
 * textDocument/publishDiagnostics: checking one version of a document and publishing its
 * findings; the diagnostics of config files and `.reportlint-ignore.json` sidecars; which open
 * documents a watched file change rechecks.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { IGNORE_FILE_NAME, parseIgnoreFile } from '../../core/config/suppress';
import { activeProfile } from '../../core/profiles/detect';
import type { Finding } from '../../core/types';
import type { Sidecar } from '../../node/config-files';
import { MAX_CONFIG_BYTES, readTextFile } from '../../node/fs-access';
import { configDiagnostics, isConfigFile, problemDiagnostics, readFailureMessage } from '../config-diagnostics';
import { toDiagnostic } from '../convert';
import { previousYearFindings } from '../cross-year';
import { isWithin } from '../config-cache';
import { cancelIdleTrim, collectNow, reclaimMemory, RECLAIM_MIN_SIZE } from '../memory';
import type { CancelToken } from '../pipeline';
import type { CheckScheduler } from '../scheduler';
import { docxFileUri } from '../../node/docx/view-uri';
import { filePathOf, type ServerState } from '../state';

/** Diagnostics for config files that are not open (open ones are checked from their buffer). */
export function publishConfigFiles(state: ServerState, files: readonly string[]): void {
  for (const file of files) {
    const uri = pathToFileURL(file).href;
    if (state.documents.get(uri)) continue;
    const read = readTextFile(file, MAX_CONFIG_BYTES);
    // An unusable config file (a FIFO, a device, too large): one diagnostic saying so, in the file.
    const diagnostics = read.ok
      ? configDiagnostics(uri, file, read.text, state.trusted, state.locale)
      : problemDiagnostics('', [{ file, ...readFailureMessage(read.code, read.detail) }], 'config', state.locale);
    void state.port.sendDiagnostics({ uri, diagnostics });
  }
}

/** Sidecars currently shown with problems (their diagnostics are cleared once they are fixed). */
const sidecarsWithProblems = new Set<string>();

/**
 * A sidecar read from disk: a malformed or unreadable one gets diagnostics in the sidecar itself
 * (unless it is open: then validate() checks its buffer); a fixed one has them cleared.
 */
export function publishSidecar(state: ServerState, sidecar: Sidecar): void {
  const uri = pathToFileURL(sidecar.file).href;
  if (state.documents.get(uri) || (!sidecar.errors.length && !sidecarsWithProblems.has(uri))) return;
  const read = readTextFile(sidecar.file, MAX_CONFIG_BYTES);
  void state.port.sendDiagnostics({ uri, diagnostics: problemDiagnostics(read.ok ? read.text : '', sidecar.errors, 'ignore-file', state.locale) });
  if (sidecar.errors.length) sidecarsWithProblems.add(uri);
  else sidecarsWithProblems.delete(uri);
}

/**
 * During the debounce of a change (lsp/scheduler.ts): build what the check of `version` needs
 * before its rules run, the same way `validate` will (the document model and outline, the
 * report profile, whether the document is checked), so that the check after the debounce runs
 * only the rules. Nothing for config and ignore files, documents over the size limit, or a
 * version already superseded.
 */
export async function prepareCheck(state: ServerState, uri: string, version: number, token: CancelToken): Promise<void> {
  const file = filePathOf(uri);
  if (file && (path.basename(file) === IGNORE_FILE_NAME || isConfigFile(file))) return;
  const settings = await state.getSettings(uri);
  const doc = state.documents.get(uri);
  if (token.cancelled || !doc || doc.version !== version) return;
  const config = state.configFor(uri, settings);
  if (state.tooLarge(doc, config)) return;
  const analysis = state.sessionOf(doc).analysis(doc.getText(), version);
  if (!state.shouldCheck(doc, analysis, settings.enable, config).check) return;
  void analysis.outline;
  activeProfile(analysis, config);
}

/** Check one version of a document and publish its diagnostics, unless cancelled or stale. */
export async function validate(state: ServerState, scheduler: CheckScheduler, uri: string, version: number, token: CancelToken): Promise<void> {
  const { documents, locale } = state;
  const file = filePathOf(uri);
  if (file && path.basename(file) === IGNORE_FILE_NAME) {
    const doc = documents.get(uri);
    if (doc && doc.version === version) await state.port.sendDiagnostics({ uri, version, diagnostics: problemDiagnostics(doc.getText(), parseIgnoreFile(doc.getText(), file).errors, 'ignore-file', locale) });
    return;
  }
  if (file && isConfigFile(file)) {
    const cfg = documents.get(uri);
    if (cfg && cfg.version === version) await state.port.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(uri, file, cfg.getText(), state.trusted, locale) });
    return;
  }
  const settings = await state.getSettings(uri);
  const doc = documents.get(uri);
  if (token.cancelled || !doc || doc.version !== version) return; // a newer version will be validated
  const session = state.sessionOf(doc);
  const analysis = session.analysis(doc.getText(), version);
  // A large document: the previous version's analysis and findings are garbage now; collecting
  // them before the check lowers its peak (see lsp/memory.ts).
  const large = doc.getText().length > RECLAIM_MIN_SIZE;
  if (large) {
    cancelIdleTrim();
    collectNow();
  }
  const config = state.configFor(uri, settings);
  const { check, force } = state.shouldCheck(doc, state.judgedAnalysis(doc, analysis, config), settings.enable, config);
  let findings: Finding[] | null = [];
  if (check) {
    findings = await session.checkAsync(
      analysis,
      {
        config,
        locale,
        rules: state.rules,
        forceReport: force,
        ignores: settings.ignoreFile && file ? state.ignoresFor(file) : [],
        onRuleError: (rule, e) => state.port.error(`ReportLint: rule ${rule} failed on ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
      },
      token,
    );
    if (findings === null) return; // cancelled by a newer version
    // Across years: last year's report of the same body in the document's folder (lsp/cross-year.ts).
    const previous = previousYearFindings(analysis, uri, config, locale, (f) => documents.get(pathToFileURL(f).href)?.getText());
    if (previous.length) findings = [...findings, ...previous];
  } else session.setFindings(version, findings);
  if (documents.get(uri)?.version !== version || !scheduler.claimPublish(uri, version, token)) return; // stale
  // A large document's check leaves hundreds of megabytes of garbage: it is collected before the
  // diagnostics go out, and what building them left, after.
  if (large) collectNow();
  await state.port.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, uri)) });
  if (large) {
    reclaimMemory();
    // Once the writer pauses: the rules' models, and the young generation the check grew (lsp/memory.ts).
    state.releaseModelsWhenIdle();
  }
}

/** Whether a URI names a config file or a `.reportlint-ignore.json` sidecar. */
export function isSettingsFile(uri: string): boolean {
  const file = filePathOf(uri);
  return !!file && (isConfigFile(file) || path.basename(file) === IGNORE_FILE_NAME);
}

/**
 * Watched config, profile or ignore files changed: drop the folders they affect from the cache
 * and return the open documents to check again (those in the dropped folders and below them,
 * and the changed files themselves when open).
 */
export function affectedByFileChanges(state: ServerState, changes: readonly FileEvent[]): string[] {
  const dropped: string[] = [];
  const changedUris = new Set<string>();
  for (const change of changes) {
    const file = filePathOf(change.uri);
    if (!file) continue;
    changedUris.add(change.uri);
    // A deleted config or ignore file has no problems left to show.
    if (change.type === FileChangeType.Deleted && isSettingsFile(change.uri) && !state.documents.get(change.uri)) {
      sidecarsWithProblems.delete(change.uri);
      void state.port.sendDiagnostics({ uri: change.uri, diagnostics: [] });
    }
    dropped.push(...state.folders.invalidate(file), path.dirname(path.resolve(file)));
  }
  const affected: string[] = [];
  for (const doc of state.documents.all()) {
    // The text view of a .docx lies in the .docx's folder.
    const file = filePathOf(docxFileUri(doc.uri) ?? doc.uri);
    if (!file) continue;
    const dir = path.dirname(path.resolve(file));
    if (changedUris.has(doc.uri) || dropped.some((d) => isWithin(dir, d))) affected.push(doc.uri);
  }
  return affected;
}

export { RECLAIM_MIN_SIZE, reclaimMemory };
