import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  type CompletionItem,
  Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  SymbolKind,
} from 'vscode-languageserver';
import type { Analysis } from '../core/analysis';
import type { CompletionSuggestion } from '../core/features/completion';
import type { Section } from '../core/outline/outline';
import type { Finding, Fix, Severity } from '../core/types';
import { ruleDocUri } from '../core/features/docs';

export const DIAGNOSTIC_SOURCE = 'ReportLint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    // The rule's page, rendered by the extension from the rule metadata (offline).
    codeDescription: { href: ruleDocUri(f.ruleId) },
    message: f.message,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return d;
}

export function toCodeAction(fix: Fix, uri: string, diagnostic: Diagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: { changes: { [uri]: fix.edits } },
  };
}

function symbolKind(s: Section): SymbolKind {
  switch (s.heading.level) {
    case 0:
      return SymbolKind.Module;
    case 1:
      return SymbolKind.Namespace;
    case 2:
      return SymbolKind.Class;
    case 3:
      return SymbolKind.Field;
    default:
      return SymbolKind.String;
  }
}

/** Hierarchical symbols for the Outline view and breadcrumbs. */
export function toDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const doc = analysis.doc;
  const convert = (s: Section): DocumentSymbol => {
    const h = s.heading;
    const name = (h.style === 'markdown' || h.style === 'question' ? h.title : `${h.marker}${h.title}`).trim() || h.marker || '…';
    return {
      name,
      kind: symbolKind(s),
      range: doc.rangeOfOffsets(s.range),
      selectionRange: doc.rangeOfOffsets({ start: h.markerRange.start, end: Math.max(h.titleRange.end, h.markerRange.end) }),
      children: s.children.map(convert),
    };
  };
  const symbols = analysis.outline.sections.map(convert);
  // Each table is one symbol (named by its caption), inside the deepest section that holds it, so a
  // reviewer can jump to the 信息公开 tables from the Outline view.
  for (const t of analysis.outline.tables) {
    const last = doc.lines[t.endLine];
    const range = { start: { line: t.startLine, character: 0 }, end: { line: t.endLine, character: last ? last.end - last.start : 0 } };
    const first = doc.lines[t.startLine];
    const label = t.caption?.text.trim() || t.header[0]?.label.trim() || t.rows[0]?.label.trim() || '';
    const symbol: DocumentSymbol = {
      name: label ? `表格：${label}` : '表格',
      detail: `${t.rows.length} 行`,
      kind: SymbolKind.Struct,
      range,
      selectionRange: { start: range.start, end: { line: t.startLine, character: first ? first.end - first.start : 0 } },
      children: [],
    };
    let siblings = symbols;
    for (;;) {
      const holder = siblings.find((x) => x.range.start.line <= t.startLine && x.range.end.line >= t.endLine && x.kind !== SymbolKind.Struct);
      if (!holder) break;
      siblings = holder.children ?? (holder.children = []);
    }
    siblings.push(symbol);
    siblings.sort((a, b) => a.range.start.line - b.range.start.line);
  }
  return symbols;
}

/** One folding range per section with body text. */
export function toFoldingRanges(analysis: Analysis): FoldingRange[] {
  const doc = analysis.doc;
  const ranges: FoldingRange[] = [];
  for (const s of analysis.outline.flat) {
    const startLine = s.heading.line;
    const endLine = doc.positionAt(s.range.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}

export function toCompletionItem(s: CompletionSuggestion): CompletionItem {
  return {
    label: s.label,
    kind: s.kind === 'marker' ? CompletionItemKind.Keyword : CompletionItemKind.Snippet,
    detail: s.detail,
    ...(s.documentation ? { documentation: { kind: 'markdown', value: s.documentation } } : {}),
    sortText: s.sortText,
    filterText: s.filterText,
    textEdit: { range: s.range, newText: s.insertText },
  };
}
