/** textDocument/semanticTokens/full: heading markers, rates, years (core/features/semantic-tokens.ts). */
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import { encodeSemanticTokens, semanticTokens as tokensOf, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/features/semantic-tokens';
import type { ServerState } from '../state';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export async function semanticTokens(state: ServerState, params: SemanticTokensParams): Promise<SemanticTokens> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc || !(await state.authoringAllowed(doc))) return { data: [] };
  const session = state.sessionOf(doc);
  const analysis = state.analysisOf(doc);
  const data = session.answer(analysis, 'semanticTokens', () => encodeSemanticTokens(tokensOf(analysis)));
  if (session.large) state.releaseModelsWhenIdle(); // the models it may have rebuilt go again
  return { data };
}
