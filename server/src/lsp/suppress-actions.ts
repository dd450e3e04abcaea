import * as path from 'path';
import { applyEdits as applyJsonEdits, modify } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis';
import { localize, type LocalizedText } from '../core/l10n';
import { addIgnoreEntry, IGNORE_FILE_NAME, ignoreEntryFor } from '../core/config/suppress';
import { findIgnoreFile, relativeReportPath } from '../node/config-files';
import { MAX_CONFIG_BYTES, readTextFile, writeFileInside } from '../node/fs-access';
import type { Finding, Locale } from '../core/types';

/** Commands the server executes (workspace/executeCommand): they write the sidecar or the config file. */
export const SUPPRESS_COMMANDS = {
  occurrence: 'reportlint.ignoreOccurrence',
  file: 'reportlint.disableRuleForFile',
  workspace: 'reportlint.disableRuleForWorkspace',
} as const;

const TITLES: Record<keyof typeof SUPPRESS_COMMANDS, LocalizedText> = {
  occurrence: { 'zh-cn': '忽略此处的 {rule}（记录到 .reportlint-ignore.json）', en: 'Ignore this occurrence of {rule} (recorded in .reportlint-ignore.json)' },
  file: { 'zh-cn': '在此文件中关闭规则 {rule}', en: 'Turn off {rule} for this file' },
  workspace: { 'zh-cn': '在整个工作区关闭规则 {rule}（写入 .reportlintrc.json）', en: 'Turn off {rule} for the workspace (in .reportlintrc.json)' },
};

export interface SuppressArgs {
  uri: string;
  ruleId: string;
  range: Finding['range'];
}

/** The three suppression actions for one finding (local files only). */
export function suppressionActions(finding: Finding, uri: string, diagnostic: Diagnostic, locale: Locale): CodeAction[] {
  if (!uri.startsWith('file:')) return [];
  const args: SuppressArgs = { uri, ruleId: finding.ruleId, range: finding.range };
  return (Object.keys(SUPPRESS_COMMANDS) as (keyof typeof SUPPRESS_COMMANDS)[]).map((k) => {
    const title = localize(TITLES[k], locale, { rule: finding.ruleId });
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SUPPRESS_COMMANDS[k], arguments: [args] } };
  });
}

/** The file's text; null when there is none; throws when it exists but cannot be read (it must not be replaced). */
function readOrNull(p: string): string | null {
  const r = readTextFile(p, MAX_CONFIG_BYTES);
  if (r.ok) return r.text;
  if (r.code === 'not-found') return null;
  throw new Error(`${p}: ${r.code}`);
}

/** The workspace folder holding a file (the longest match), or the file's own folder. */
export function workspaceRootFor(filePath: string, roots: readonly string[]): string {
  const abs = path.resolve(filePath);
  const hits = roots.filter((r) => abs === r || abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  return hits.sort((a, b) => b.length - a.length)[0] ?? path.dirname(abs);
}

/**
 * Carry out a suppression command: write the sidecar (ignore this occurrence / the rule for this
 * file) or the workspace's .reportlintrc.json (the rule off everywhere). Returns the written path.
 */
export function runSuppression(kind: keyof typeof SUPPRESS_COMMANDS, args: SuppressArgs, analysis: Analysis, filePath: string, roots: readonly string[]): string {
  if (kind === 'workspace') {
    const root = workspaceRootFor(filePath, roots);
    const target = path.join(root, '.reportlintrc.json');
    const existing = readOrNull(target);
    let text: string;
    if (existing === null) text = JSON.stringify({ rules: { [args.ruleId]: 'off' } }, null, 2) + '\n';
    else {
      const edits = modify(existing, ['rules', args.ruleId], 'off', { formattingOptions: { insertSpaces: true, tabSize: 2, eol: existing.includes('\r\n') ? '\r\n' : '\n' } });
      text = applyJsonEdits(existing, edits);
    }
    writeFileInside(target, text, root);
    return target;
  }
  const root = workspaceRootFor(filePath, roots);
  const sidecar = findIgnoreFile(filePath, root) ?? path.join(path.dirname(path.resolve(filePath)), IGNORE_FILE_NAME);
  const rel = relativeReportPath(path.dirname(sidecar), filePath);
  const finding: Finding = { ruleId: args.ruleId, severity: 'info', message: '', range: args.range };
  const entry = kind === 'occurrence' ? ignoreEntryFor(analysis, finding, rel) : { rule: args.ruleId, file: rel };
  writeFileInside(sidecar, addIgnoreEntry(readOrNull(sidecar), entry), root);
  return sidecar;
}
