/** textDocument/codeLens: sections with inconsistent (or any) figures (core/features/code-lens.ts). */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { lensMode, sectionLenses } from '../../core/features/code-lens';
import type { ServerState } from '../state';

export async function codeLens(state: ServerState, params: CodeLensParams): Promise<CodeLens[]> {
  const doc = state.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const settings = await state.getSettings(doc.uri);
  const analysis = state.analysisOf(doc);
  const mode = lensMode(settings.codeLens);
  const config = state.configFor(doc.uri, settings);
  if (mode === 'none' || state.tooLarge(doc, config) || !state.shouldCheck(doc, analysis, settings.enable, config).check) return [];
  const session = state.sessionOf(doc);
  const lenses = session.answer(analysis, `codeLens:${mode}:${state.locale}`, () => sectionLenses(analysis, state.locale, mode));
  if (session.large) state.releaseModelsWhenIdle(); // the models it may have rebuilt go again
  return lenses.map((l) => ({ range: l.range, command: { title: l.title, command: l.command, arguments: [doc.uri] } }));
}
