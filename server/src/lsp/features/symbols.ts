/** textDocument/documentSymbol and textDocument/foldingRange: the report's outline. */
import type { DocumentSymbol, DocumentSymbolParams, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { toDocumentSymbols, toFoldingRanges } from '../convert';
import type { ServerState } from '../state';

export async function documentSymbols(state: ServerState, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !(await state.symbolsAllowed(doc))) return [];
  return toDocumentSymbols(state.analysisOf(doc));
}

export async function foldingRanges(state: ServerState, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !(await state.symbolsAllowed(doc))) return [];
  return toFoldingRanges(state.analysisOf(doc));
}
