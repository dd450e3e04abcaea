/**
 * Completion of row labels inside (or right after) one of a profile's statistical tables: the
 * labels of the rows not written yet, the row that comes next in the format first, inserted in the
 * table's own form (a Markdown row with empty cells, a pipe row, or the bare label).
 */
import type { Analysis } from '../analysis';
import type { Profile } from '../profiles/types';
import type { Locale, Range } from '../types';
import { statisticalTables } from './check';

export interface RowCompletion {
  label: string;
  insertText: string;
  range: Range;
  detail: string;
  sortText: string;
  filterText: string;
}

export function rowLabelCompletions(analysis: Analysis, position: { line: number; character: number }, locale: Locale, profile: Profile): RowCompletion[] {
  if (!profile.tables?.length) return [];
  const doc = analysis.doc;
  if (position.line < 0 || position.line >= doc.lines.length) return [];
  const lineText = doc.lines[position.line].text;
  const before = lineText.slice(0, position.character);
  // Only at the start of a row: nothing typed but an opening pipe and the start of a label.
  const m = /^([ \t\u3000]*\|?[ \t]*)([^|]*)$/.exec(before);
  if (!m || /\d\s*$/.test(m[2])) return [];
  const st = statisticalTables(analysis, profile);
  const table = st.tables.find((t) => position.line >= t.firstLine && position.line <= t.lastLine + 1);
  if (!table || table.def.layout === 'single-row') return [];
  // The form of the neighbouring rows.
  let ref = position.line - 1;
  while (ref >= 0 && doc.lines[ref].text.trim() === '') ref--;
  const refText = ref >= 0 ? doc.lines[ref].text.trim() : '';
  const n = table.def.columns.length;
  const form = refText.startsWith('|') ? 'markdown' : refText.includes('|') && !/^\|?$/.test(refText) ? 'pipe' : 'cells';
  const rest = lineText.slice(position.character).trim();
  const cells = rest ? '' : form === 'markdown' ? ' |'.repeat(n) : form === 'pipe' ? ' |' : '';
  const present = table.def.rows.map((r) => table.labels.has(r.id));
  const lastPresent = present.lastIndexOf(true);
  const start = m[1].length;
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: position.character } };
  const out: RowCompletion[] = [];
  table.def.rows.forEach((r, i) => {
    if (!r.label || present[i]) return;
    // Rows after the last one written come first, in the format's order.
    const rank = i > lastPresent ? i - lastPresent : 100 + i;
    const label = r.label;
    out.push({
      label,
      insertText: form === 'markdown' && !m[1].includes('|') ? `| ${label} |${cells.slice(2)}` : form === 'markdown' ? `${label} |${cells.slice(2)}` : `${label}${form === 'pipe' ? ' |' : ''}`,
      range,
      detail: locale === 'en' ? `Row of ${table.def.name.en}` : `${table.def.name['zh-cn']}的行`,
      sortText: `0${String(rank).padStart(3, '0')}`,
      filterText: label,
    });
  });
  return out;
}
