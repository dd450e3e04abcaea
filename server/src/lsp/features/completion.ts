/** textDocument/completion: heading markers and report phrases (core/features/completion.ts). */
import type { CompletionItem, TextDocumentPositionParams } from 'vscode-languageserver';
import { completionsAt } from '../../core/features/completion';
import { toCompletionItem } from '../convert';
import type { ServerState } from '../state';

/** Characters that open a completion (the server capability). */
export const COMPLETION_TRIGGERS = ['（', '(', '第', '#'];

export async function completion(state: ServerState, params: TextDocumentPositionParams): Promise<CompletionItem[] | null> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !(await state.authoringAllowed(doc))) return null;
  return completionsAt(state.analysisOf(doc), params.position, state.locale, await state.authoringProfile(doc)).map(toCompletionItem);
}
