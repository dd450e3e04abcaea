/** textDocument/hover: heading, figure and finding explanations (core/features/hover.ts). */
import type { Hover, TextDocumentPositionParams } from 'vscode-languageserver';
import { hoverAt } from '../../core/features/hover';
import '../../core/features/heading-hover';
import type { ServerState } from '../state';

export async function hover(state: ServerState, params: TextDocumentPositionParams): Promise<Hover | null> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !(await state.symbolsAllowed(doc))) return null;
  const analysis = state.analysisOf(doc);
  const findings = state.sessions.get(doc.uri)?.findingsFor(doc.version) ?? [];
  const md = hoverAt(analysis, analysis.doc.offsetAt(params.position), state.locale, findings);
  return md ? { contents: { kind: 'markdown', value: md } } : null;
}
