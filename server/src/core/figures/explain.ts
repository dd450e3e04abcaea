/** Small helpers for the Markdown working shown in hovers, findings and the summary. */
import type { LocalizedText } from '../l10n';
import type { Figure } from './numbers';
import { formatCount } from './arithmetic';
import { asWritten } from '../document/quote';
import type { ReportDocument } from '../document/document';

/** The figure as a reader sees it: 2085宗, 约2.48亿元, 95.82%. */
export function figureText(original: string, f: Figure): string {
  return original.slice(f.start, f.end);
}

/** The value used in the arithmetic, printed plainly (2.5万 → 25000). */
export function valueText(f: Figure): string {
  return f.kind === 'count' ? formatCount(f.value) : `${f.printed}`;
}

export function precisionText(decimals: number): LocalizedText {
  return decimals === 0
    ? { 'zh-cn': '整数', en: 'whole percent' }
    : { 'zh-cn': `${decimals}位小数`, en: `${decimals} decimal${decimals > 1 ? 's' : ''}` };
}

export function both(zh: string, en: string): LocalizedText {
  return { 'zh-cn': zh, en };
}

/** Join localized lines. */
export function joinLines(lines: LocalizedText[]): LocalizedText {
  return { 'zh-cn': lines.map((l) => l['zh-cn']).join('\n'), en: lines.map((l) => l.en).join('\n') };
}

/** Escape characters Markdown would interpret in quoted report text. */
export function md(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * asWritten (document/quote.ts) for the statistics and the hover, which quote every claim's name
 * and labels: the same answer, but the search reads only the window before `before`, where
 * lastIndexOf reads back to the start of the text when the word is not near (a label shortened
 * with …, a count's name that spans its figure): quadratic over a document with traditional
 * characters (1 MB: seconds).
 */
export function quoteAsWritten(doc: ReportDocument, found: string, before: number, window = 200): string {
  if (!found || doc.simplified === doc.text) return found;
  // An occurrence at 0 that ends after `before`: asWritten's own (constant-time) search decides.
  if (before - found.length < 0) return asWritten(doc, found, before, window);
  const from = Math.max(0, before - window);
  const i = doc.simplified.slice(from, before).lastIndexOf(found);
  return i < 0 ? found : doc.text.slice(from + i, from + i + found.length);
}
