import type { ReportDocument } from '../document/document';
import type { Heading } from '../outline/headings';
import { itemListRenumberEdits, linkedSequences, markerWithNumber, renumberEdits, type NumberedSequence, type NumberingModel } from '../outline/sequences';
import type { ItemList } from '../outline/non-headings';
import type { Fix, Severity } from '../types';
import type { RuleContext } from './types';

const RENUMBER_TITLE = {
  'zh-cn': '重新编号此序列（修改{count}处编号）',
  en: 'Renumber this sequence ({count} numerals changed)',
};

/** The marker a heading should carry, e.g. `三、` for a `四、` that should be number 3. */
export function markerLabel(doc: ReportDocument, h: Heading, n: number): string {
  return markerWithNumber(doc, h, n);
}

/**
 * Fixes already built, per sequence (or, for continuous numbering, per model and style) and
 * locale. Every finding in one sequence offers the same fix, so it is built once and shared:
 * building it per finding made a sequence of n broken headings cost O(n²) time and memory
 * (100,000 headings ran out of memory).
 */
const fixCache = new WeakMap<object, Map<string, Fix[]>>();

/** The renumber quick fix for a sequence (and, for continuous numbering, every linked sequence). */
export function renumberFix(ctx: RuleContext, model: NumberingModel, seq: NumberedSequence): Fix[] {
  const owner: object = seq.continuous ? model : seq;
  const key = seq.continuous ? `${seq.style}|${ctx.locale}` : ctx.locale;
  let byKey = fixCache.get(owner);
  if (!byKey) fixCache.set(owner, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const edits = renumberEdits(ctx.doc, linkedSequences(model, seq));
  const title = RENUMBER_TITLE[ctx.locale].replace('{count}', String(edits.length));
  const fixes: Fix[] = edits.length ? [{ title, edits, kind: 'renumber', isPreferred: true }] : [];
  byKey.set(key, fixes);
  return fixes;
}

const LIST_RENUMBER_TITLE = {
  'zh-cn': '重新编号此列表（修改{count}处编号）',
  en: 'Renumber this list ({count} numerals changed)',
};

/** The renumber quick fix for an item list (its own items 1, 2, 3 …). */
export function listRenumberFix(ctx: RuleContext, list: ItemList): Fix[] {
  let byKey = fixCache.get(list);
  if (!byKey) fixCache.set(list, (byKey = new Map()));
  const cached = byKey.get(ctx.locale);
  if (cached) return cached;
  const edits = itemListRenumberEdits(ctx.doc, list);
  const fixes: Fix[] = edits.length ? [{ title: LIST_RENUMBER_TITLE[ctx.locale].replace('{count}', String(edits.length)), edits, kind: 'renumber', isPreferred: true }] : [];
  byKey.set(ctx.locale, fixes);
  return fixes;
}

/**
 * The severity of a finding about an item list's numbering: at most a warning, since the list's
 * extent is inferred from its shape (a lead-in ending with a colon, numbering restarting at 1).
 */
export function listSeverity(ctx: RuleContext): Severity {
  return ctx.severity === 'error' ? 'warning' : ctx.severity;
}
