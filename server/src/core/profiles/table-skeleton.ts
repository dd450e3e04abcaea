/**
 * A profile's statistical tables as empty Markdown tables, generated from the profile data (every
 * row and column label, empty cells), for skeletons, the missing-part quick fix and snippets.
 */
import type { Profile, ProfileTable } from './types';

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * The header rows of a table: the profile's spanning rows (行政复议 | 行政诉讼 …) or, when columns
 * have groups, a group row (自然人 | 法人或其他组织 | … | 总计) over the column labels.
 */
function headerRows(t: ProfileTable): string[][] {
  const single = t.layout === 'single-row';
  const lead = (first: boolean) => (single ? [] : [first ? (t.corner ?? '') : '']);
  const labels = t.columns.map((c) => c.label);
  const width = t.columns.length + (single ? 0 : 1);
  const pad = (r: string[]) => r.concat(Array(Math.max(0, width - r.length)).fill('')).slice(0, width);
  if (t.headerRows?.length) return [...t.headerRows.map((r, i) => pad([...lead(i === 0), ...r])), pad([...lead(false), ...labels])];
  if (t.columns.some((c) => c.group)) {
    const groups = t.columns.map((c, i) => (!c.group ? c.label : i === 0 || t.columns[i - 1].group !== c.group ? c.group : ''));
    const subs = t.columns.map((c) => (c.group ? c.label : ''));
    return [pad([...lead(true), ...groups]), pad([...lead(false), ...subs])];
  }
  return [pad([...lead(true), ...labels])];
}

/** One table as Markdown lines: caption line (if any), header, separator, one empty row per row label. */
export function tableMarkdownLines(t: ProfileTable): string[] {
  const lines: string[] = [];
  if (t.caption) lines.push(t.caption, '');
  const [first, ...more] = headerRows(t);
  lines.push(row(first), row(first.map(() => '---')));
  for (const h of more) lines.push(row(h));
  const empty = Array(t.columns.length).fill(' ');
  if (t.layout === 'single-row') {
    lines.push(row(empty));
    return lines;
  }
  for (const r of t.rows) lines.push(row([r.label, ...empty]));
  return lines;
}

/** The tables of a part's skeleton, joined with blank lines ('' when the part has none). */
export function partTablesMarkdown(profile: Profile, tableIds: readonly string[] | undefined, eol = '\n'): string {
  if (!tableIds?.length) return '';
  const blocks = tableIds
    .map((id) => profile.tables?.find((t) => t.id === id))
    .filter((t): t is ProfileTable => !!t)
    .map((t) => tableMarkdownLines(t).join(eol));
  return blocks.join(eol + eol);
}
