/** Small helpers for the Markdown working shown in hovers, findings and the summary. */
import type { LocalizedText } from '../l10n';
import type { Figure } from './numbers';
import { formatCount } from './arithmetic';

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

