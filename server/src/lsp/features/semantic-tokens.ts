/**
 * textDocument/semanticTokens/full and …/full/delta: heading markers, rates, years
 * (core/features/semantic-tokens.ts).
 *
 * VS Code asks for the tokens again after every edit. Each answer carries a result id, and the
 * last answer's tokens are remembered per document (DocumentSession.tokens), so that the next
 * request can name it and receive only what changed: one edit replacing the run of integers
 * between the common prefix and the common suffix of the two encodings. A one-character edit in a
 * 1 MB report moves no token line numbers outside the edited paragraph's neighbourhood (the
 * encoding is relative), so the delta is a few integers where the full answer is hundreds of
 * thousands.
 */
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensDeltaParams, SemanticTokensEdit, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { encodeSemanticTokens, semanticTokens as tokensOf, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/features/semantic-tokens';
import type { ServerState } from '../state';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** Result ids are unique within the server process (a closed and reopened document starts over). */
let nextResultId = 1;

/**
 * The single edit turning `previous` into `next` (the integers between their common prefix and
 * their common suffix), or no edit when they are equal. Pure; exported for tests.
 */
export function tokensEdits(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  const max = Math.min(previous.length, next.length);
  let start = 0;
  while (start < max && previous[start] === next[start]) start++;
  if (start === previous.length && start === next.length) return [];
  let end = 0;
  while (end < max - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  const edit: SemanticTokensEdit = { start, deleteCount: previous.length - end - start };
  const data = next.slice(start, next.length - end);
  if (data.length) edit.data = data;
  return [edit];
}

/** The encoded tokens of the current version (none where authoring help is off), computed once per version. */
async function currentTokens(state: ServerState, doc: TextDocument): Promise<number[]> {
  if (!(await state.authoringAllowed(doc))) return [];
  const session = state.sessionOf(doc);
  const analysis = state.analysisOf(doc);
  const data = session.answer(analysis, 'semanticTokens', () => encodeSemanticTokens(tokensOf(analysis)));
  if (session.large) state.releaseModelsWhenIdle(); // the models it may have rebuilt go again
  return data;
}

export async function semanticTokens(state: ServerState, params: SemanticTokensParams): Promise<SemanticTokens> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const data = await currentTokens(state, doc);
  const resultId = String(nextResultId++);
  state.sessionOf(doc).tokens = { resultId, data };
  return { resultId, data };
}

/**
 * The tokens as edits of the answer named by `previousResultId` when it is the last one given for
 * the document; the full tokens otherwise (an older or unknown id, a reopened document).
 */
export async function semanticTokensDelta(state: ServerState, params: SemanticTokensDeltaParams): Promise<SemanticTokens | SemanticTokensDelta> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const data = await currentTokens(state, doc);
  const session = state.sessionOf(doc);
  const previous = session.tokens;
  const resultId = String(nextResultId++);
  session.tokens = { resultId, data };
  if (!previous || previous.resultId !== params.previousResultId) return { resultId, data };
  return { resultId, edits: tokensEdits(previous.data, data) };
}
