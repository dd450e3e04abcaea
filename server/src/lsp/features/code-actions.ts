/**
 * textDocument/codeAction: the fixes and suppressions of the finding under the caret, and
 * `source.fixAll.reportlint` (the safe fixes, core/features/safe-fixes.ts).
 */
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../core/config/config';
import { localize } from '../../core/l10n';
import { applySafeFixes, safeFixRules } from '../../core/features/safe-fixes';
import type { Finding } from '../../core/types';
import { DIAGNOSTIC_SOURCE, toCodeAction } from '../convert';
import { suppressionActions } from '../suppress-actions';
import { formatOf, type ServerState } from '../state';

/** `source.fixAll.reportlint`: the safe fixes only (editor.codeActionsOnSave may apply them), the set `reportlint fix` applies. */
export const FIX_ALL_KIND = 'source.fixAll.reportlint';
/** The kinds the server offers (the server capability). */
export const CODE_ACTION_KINDS = ['quickfix', FIX_ALL_KIND];

const FIX_ALL_TITLE = { 'zh-cn': '修复全部可安全修复的问题（拼音残留、全角标点）', en: 'Fix all safely fixable problems (pinyin residue, full-width punctuation)' };

type LspRange = Diagnostic['range'];

function sameRange(a: LspRange, b: LspRange): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

const contains = (r: LspRange, p: LspRange['start']) =>
  (r.start.line < p.line || (r.start.line === p.line && r.start.character <= p.character)) && (r.end.line > p.line || (r.end.line === p.line && r.end.character >= p.character));
const extent = (r: LspRange) => (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);

export function codeActions(state: ServerState, params: CodeActionParams): CodeAction[] {
  const doc = state.documents.get(params.textDocument.uri);
  const findings = doc ? state.sessions.get(doc.uri)?.findingsFor(doc.version) : null;
  if (!doc || !findings) return [];
  const only = params.context.only;
  if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(k + '.') || k === 'source')) {
    const fixAll = safeFixAllAction(state, doc, findings);
    return fixAll ? [fixAll] : [];
  }
  const actions: CodeAction[] = [];
  // Only the finding(s) under the caret: the narrowest ReportLint findings that contain it, so a
  // paragraph-wide note does not add its actions to a word's quick-fix menu.
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const under = ours.filter((d) => contains(d.range, params.range.start));
  const candidates = under.length ? under : ours;
  const narrowest = Math.min(...candidates.map((d) => extent(d.range)));
  for (const diagnostic of candidates.filter((d) => extent(d.range) === narrowest)) {
    const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message);
    for (const fix of finding?.fixes ?? []) actions.push(toCodeAction(fix, doc.uri, diagnostic));
    if (finding) actions.push(...suppressionActions(finding, doc.uri, diagnostic, state.locale));
  }
  return actions;
}

/**
 * One action applying every safe fix (rule metadata `safeFix`, core/features/safe-fixes.ts) whose
 * rule has a finding in this version, as one edit: the text between the first and the last change.
 */
function safeFixAllAction(state: ServerState, doc: TextDocument, findings: readonly Finding[]): CodeAction | null {
  const ruleIds = new Set(findings.filter((f) => safeFixRules().some((r) => r.meta.id === f.ruleId)).map((f) => f.ruleId));
  if (!ruleIds.size) return null;
  const text = doc.getText();
  // The findings already reflect the settings and ignores: fix exactly the rules they name.
  const fixed = applySafeFixes(text, { uri: doc.uri, format: formatOf(doc), ruleIds, check: { locale: state.locale, forceReport: true, config: { ...defaultConfig(), rules: {} } } }).text;
  if (fixed === text) return null;
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
  let end = 0;
  while (end < text.length - start && end < fixed.length - start && text[text.length - 1 - end] === fixed[fixed.length - 1 - end]) end++;
  const edit = { range: { start: doc.positionAt(start), end: doc.positionAt(text.length - end) }, newText: fixed.slice(start, fixed.length - end) };
  return { title: localize(FIX_ALL_TITLE, state.locale), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: [edit] } } };
}
