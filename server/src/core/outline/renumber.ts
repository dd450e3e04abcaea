import type { Analysis } from '../analysis';
import { numberingModel, renumberEdits } from './sequences';
import type { TextEdit } from '../types';

/**
 * Edits that renumber every heading sequence of the document (一、二、三… under each parent,
 * level-3 items continuously across parents when the document numbers them so). Only the
 * numerals that change are touched, so applying the edits and renumbering again yields no
 * edits: the command is idempotent. The client applies them as one undoable edit.
 */
export function renumberAllEdits(analysis: Analysis): TextEdit[] {
  const model = numberingModel(analysis);
  return renumberEdits(analysis.doc, model.sequences).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
