/**
 * Where a line of a .docx's text view comes from, so that a finding can name the place in Word:
 * "段落 12" (the 12th paragraph of the body, tables not counted) or "表格 2 第 3 行".
 * Plain data: it crosses worker threads and goes into the JSON output.
 */
import { localize, type LocalizedText } from '../../core/l10n';
import type { Locale } from '../../core/types';

export type LineOrigin = { paragraph: number } | { table: number; row: number };

const PARAGRAPH: LocalizedText = { 'zh-cn': '段落 {n}', en: 'paragraph {n}' };
const TABLE_ROW: LocalizedText = { 'zh-cn': '表格 {t} 第 {r} 行', en: 'table {t}, row {r}' };

export function describeOrigin(origin: LineOrigin | undefined, locale: Locale): string {
  if (!origin) return '';
  return 'paragraph' in origin ? localize(PARAGRAPH, locale, { n: origin.paragraph }) : localize(TABLE_ROW, locale, { t: origin.table, r: origin.row });
}
