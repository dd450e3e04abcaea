/**
 * Totals in tables, read from the table model (blocks/tables.ts): a row's total column against
 * the row's other cells, under a header whose last column is 合计 / 总计 / 小计.
 *
 * - Pipe and Markdown tables keep empty cells, so a row whose last cell is a number lines up with
 *   the header: that cell is the row's total, and the other numeric cells are its parts (an
 *   error when they do not add up).
 * - Where the columns cannot be lined up (one cell per line, where empty cells are lost, or a
 *   row longer than its header), the total is the cell that equals the sum of the cells before it
 *   when there is one (the note says so), and nothing is asserted otherwise.
 *
 * Tables the report profile reads (the 政府信息公开 tables, statistical-tables/) are left to its
 * identities: the two never check one table twice.
 */
import type { Analysis } from '../analysis';
import { tablesOf, type TableBlock, type TableCell, type TableRow } from '../document/blocks/tables';
import { lazyClaim, type Claim } from './claim';
import { WALK_ALL, type Figure } from './numbers';
import { sumClaim } from './sums';
import type { FigureContext } from './rates';
import { simplify } from '../document/script';
import { tablesForSummary } from '../statistical-tables/claims';
import type { LocalizedText } from '../l10n';

const TOTAL_HEAD_RE = /^(?:合计|总计|小计|总数|共计)/;

/** A cell's text without spaces, in simplified script (合計 → 合计). */
function clean(text: string): string {
  return simplify(text.replace(/\s+/g, ''));
}

/** The header cell naming the total column, and whether it is the header's last cell. */
function totalColumn(table: TableBlock): { last: boolean; header: TableRow } | null {
  for (const h of table.header) {
    const cells = [h.label, ...h.cells.map((c) => c.text)].map(clean).filter(Boolean);
    const at = cells.findIndex((c) => TOTAL_HEAD_RE.test(c));
    if (at >= 0) return { last: at === cells.length - 1, header: h };
  }
  return null;
}

/** A cell as a figure at document offsets. */
function cellFigure(cell: TableCell, lineStart: number): Figure {
  const dot = cell.text.indexOf('.');
  const start = lineStart + cell.start;
  return {
    index: -1,
    kind: 'count',
    value: cell.value ?? 0,
    numStart: start,
    numEnd: start + cell.text.length,
    start,
    end: start + cell.text.length,
    printed: cell.text,
    decimals: dot >= 0 ? cell.text.length - dot - 1 : 0,
    scale: 1,
    unit: null,
    family: 'generic',
    approx: null,
    approxWord: null,
    arabic: true,
  };
}

/** A claim whose explanation says how its cells were located (the rest of it as it is). */
function located(claim: Claim): Claim {
  // Own data fields only: a claim's explanation and working may be getters (lazyClaim).
  const { explanation, working, ...data } = claim;
  return lazyClaim(data, () => ({ 'zh-cn': explanation['zh-cn'] + LOCATED['zh-cn'], en: explanation.en + LOCATED.en }), () => working);
}

const LOCATED: LocalizedText = {
  'zh-cn': '\n（本行各列无法与表头逐一对齐：取等于其前各格之和的一格为合计，只确认一致，不判定不一致）',
  en: '\n(the cells of this row cannot be lined up with the header: the cell equal to the sum of the cells before it is taken as the total; this confirms a match and never reports a mismatch)',
};

/** The lines of the tables the detected report profile reads itself (statistical-tables). */
function profileTableLines(analysis: Analysis): Set<number> {
  const lines = new Set<number>();
  const st = tablesForSummary(analysis);
  for (const t of st?.tables ?? []) {
    for (const token of [...t.labels.values(), ...t.header]) lines.add(analysis.doc.positionAt(token.start).line);
  }
  return lines;
}

/** The claims of every table row with a total column, at document offsets, with the line of each total. */
export function tableClaims(analysis: Analysis): Array<{ line: number; claim: Claim }> {
  const { doc } = analysis;
  const out: Array<{ line: number; claim: Claim }> = [];
  const ctx: FigureContext = { s: doc.simplified, original: doc.text, sentences: [], tokens: null, seen: WALK_ALL, markerStarts: null };
  let profileLines: Set<number> | null = null;
  for (const table of tablesOf(doc)) {
    const column = totalColumn(table);
    if (!column) continue;
    // A table the report profile reads (the 政府信息公开 tables) has its own identities there
    // (the profile is detected only for a document with a total column).
    profileLines ??= profileTableLines(analysis);
    let profiled = false;
    for (let l = table.startLine; l <= table.endLine && !profiled; l++) profiled = profileLines.has(l);
    if (profiled) continue;
    const totalName = [column.header.label, ...column.header.cells.map((c) => c.text)].map(clean).find((c) => TOTAL_HEAD_RE.test(c)) ?? '合计';
    const numericOf = (row: TableRow) => row.cells.filter((c) => c.value !== null && !c.percent && /^[0-9０-９][0-9０-９,.．]*$/.test(c.text));
    // A row lines up with the header only when it is complete (as many numbers as the fullest row).
    const width = Math.max(...table.rows.map((r) => numericOf(r).length));
    for (const row of table.rows) {
      const numeric = numericOf(row);
      if (numeric.length < 2) continue;
      const lastCell = row.cells[row.cells.length - 1];
      const aligned = table.form !== 'cell-per-line' && column.last && lastCell === numeric[numeric.length - 1] && numeric.length === width;
      let totalAt = aligned ? numeric.length - 1 : -1;
      if (!aligned) {
        // The total is the last cell equal to the sum of the cells before it.
        let run = 0;
        for (let k = 0; k < numeric.length; k++) {
          if (k >= 1 && numeric[k].value === run) totalAt = k;
          run += numeric[k].value ?? 0;
        }
        if (totalAt < 0) continue;
      }
      const figs = numeric.map((c) => cellFigure(c, doc.lines[c.line].start));
      const total = figs[totalAt];
      const parts = figs.slice(0, totalAt);
      const labels = new Map<Figure, string>();
      labels.set(total, clean(row.label) || totalName);
      parts.forEach((p, k) => labels.set(p, `#${k + 1}`));
      const claim = sumClaim(ctx, { total, parts, exhaustive: true, marker: totalName, assumed: false, labels });
      out.push({ line: numeric[totalAt].line, claim: aligned ? claim : located(claim) });
    }
  }
  return out;
}
