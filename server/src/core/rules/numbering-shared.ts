import type { ReportDocument } from '../document';
import type { Heading } from '../outline/headings';
import { linkedSequences, markerWithNumber, renumberEdits, type NumberedSequence, type NumberingModel } from '../outline/sequences';
import type { Fix } from '../types';
import type { RuleContext } from './types';

const RENUMBER_TITLE = {
  'zh-cn': '重新编号此序列（修改{count}处编号）',
  en: 'Renumber this sequence ({count} numerals changed)',
};

/** The marker a heading should carry, e.g. `三、` for a `四、` that should be number 3. */
export function markerLabel(doc: ReportDocument, h: Heading, n: number): string {
  return markerWithNumber(doc, h, n);
}

/** The renumber quick fix for a sequence (and, for continuous numbering, every linked sequence). */
export function renumberFix(ctx: RuleContext, model: NumberingModel, seq: NumberedSequence): Fix[] {
  const edits = renumberEdits(ctx.doc, linkedSequences(model, seq));
  if (!edits.length) return [];
  const title = RENUMBER_TITLE[ctx.locale].replace('{count}', String(edits.length));
  return [{ title, edits, kind: 'renumber', isPreferred: true }];
}
