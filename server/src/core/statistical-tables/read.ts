/**
 * Reading a profile's statistical tables (the 政府信息公开 tables) out of the document's table
 * blocks. The blocks come from the table model (blocks/tables.ts) in whatever text form the report
 * uses — pipe rows, Markdown tables, one cell per line — and may split rows differently, so the
 * cells are read as one stream: a cell whose text matches a row label of the profile starts that
 * row, the number cells after it are its values, by position. This survives labels spread over
 * two cells (三、本年度办理结果 | （一）予以公开 | …) and rows broken over lines.
 */
import type { ReportDocument } from '../document/document';
import type { Profile, ProfileTable, ProfileTableRow } from '../profiles/types';

/** The part of the table model (server/src/core/blocks/tables.ts) this reader uses. */
export interface ModelCell {
  text: string;
  line: number;
  start: number;
  end: number;
}
export interface ModelRow {
  line: number;
  label: string;
  labelStart: number;
  labelEnd: number;
  cells: ModelCell[];
}
export interface ModelTable {
  startLine: number;
  endLine: number;
  caption: { text: string; line: number; start: number; end: number } | null;
  header: ModelRow[];
  rows: ModelRow[];
}

export type TokenKind = 'label' | 'value' | 'blank';

/** One cell of the stream. */
export interface TableToken {
  kind: TokenKind;
  /** The cell as written (trimmed). */
  text: string;
  /** Simplified script, no spaces, ASCII brackets and digits (for matching labels). */
  norm: string;
  /** The number in a value cell. */
  value: number | null;
  /** Document offsets of the cell's text (an empty cell: where it would be). */
  start: number;
  end: number;
  line: number;
  /** Index of the table block it came from. */
  block: number;
}

/** Why a table could not be read in full. */
export interface TableDamage {
  kind: 'cells' | 'unknown-label' | 'duplicate-row';
  /** The row whose cells do not fit, or the cell that fits no row. */
  token: TableToken;
  rowId?: string;
  found?: number;
  expected?: number;
}

/** One of the profile's tables as read from the document. */
export interface ReadTable {
  def: ProfileTable;
  /** Values by row id, one per column (in the profile's column order). */
  cells: Map<string, TableToken[]>;
  /** The label cell of each row present (data rows and group rows). */
  labels: Map<string, TableToken>;
  /** Rows whose cells are complete. */
  intact: Set<string>;
  /** The header cells (column labels, captions) before the first row. */
  header: TableToken[];
  /** True when every column's `match` is found in the header (the current format of the table). */
  currentFormat: boolean;
  /** 2019 or 2021 row set (the 收到和处理 table), when the rows tell. */
  rowSet: '2019' | '2021' | null;
  /** The document ends inside the table (a cut-off copy): rows after the cut are not reached. */
  cut: boolean;
  damage: TableDamage[];
  /** Document offsets spanned by the table's cells. */
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

const FULLWIDTH_DIGIT = /[０-９]/g;

/** A label's text for matching: no spaces, ASCII brackets, digits and stops. */
export function normalizeLabel(s: string): string {
  return s
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[．]/g, '.')
    .replace(/[\s\u3000\u00a0]+/g, '');
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const EMPTY_MARKS = new Set(['', '-', '—', '——', '/', '／', '无', '－']);

function classify(text: string): { kind: TokenKind; value: number | null } {
  const t = normalizeLabel(text).replace(/，/g, ',');
  if (EMPTY_MARKS.has(t)) return { kind: 'blank', value: null };
  if (NUMBER.test(t)) return { kind: 'value', value: Number(t.replace(/,/g, '')) };
  return { kind: 'label', value: null };
}

/** The cells of the table blocks as one stream (padding blanks before a label on its line dropped). */
export function tokensOf(doc: ReportDocument, tables: readonly ModelTable[]): TableToken[] {
  const out: TableToken[] = [];
  const push = (block: number, line: number, rawText: string, startInLine: number) => {
    if (line < 0 || line >= doc.lines.length) return;
    const ls = doc.lines[line].start;
    const text = rawText.trim();
    // The model gives trimmed offsets; be lenient with an untrimmed text.
    const lead = doc.lines[line].text.slice(startInLine, startInLine + rawText.length).startsWith(text) ? 0 : rawText.length - rawText.trimStart().length;
    const start = ls + Math.max(0, startInLine) + lead;
    const { kind, value } = classify(text);
    const simplified = kind === 'label' ? doc.simplified.slice(start, start + text.length) : text;
    const token: TableToken = { kind, text, norm: normalizeLabel(simplified.length === text.length ? simplified : text), value, start, end: start + text.length, line, block };
    if (kind === 'label') {
      while (out.length && out[out.length - 1].kind === 'blank' && out[out.length - 1].line === line && out[out.length - 1].block === block) out.pop();
    }
    out.push(token);
  };
  tables.forEach((t, bi) => {
    if (t.caption) push(bi, t.caption.line, t.caption.text, t.caption.start);
    for (const row of [...t.header, ...t.rows]) {
      if (row.label.trim()) push(bi, row.line, row.label, row.labelStart);
      for (const c of row.cells) push(bi, c.line, c.text, c.start);
    }
  });
  return out;
}

/** Row ids by depth: top rows 0, their sub-rows 1, sub-sub-rows 2. */
function depthOf(def: ProfileTable, row: ProfileTableRow): number {
  let d = 0;
  let p = row.parent;
  while (p) {
    d++;
    p = def.rows.find((r) => r.id === p)?.parent;
  }
  return d;
}

/**
 * The row a label cell names: the longest matching phrase. A sub-row only after its group row
 * (总计 among the column headers is not （七）总计), a sub-sub-row only inside its group.
 */
function matchRow(def: ProfileTable, norm: string, group: string | null, seen: { has(id: string): boolean }): ProfileTableRow | null {
  let best: ProfileTableRow | null = null;
  let bestLen = 0;
  for (const row of def.rows) {
    if (row.parent && !seen.has(row.parent)) continue;
    if (depthOf(def, row) >= 2 && row.parent !== group) continue;
    for (const m of row.match) {
      const n = normalizeLabel(m);
      if (n.length > bestLen && norm.includes(n)) {
        best = row;
        bestLen = n.length;
      }
    }
  }
  return best;
}

function containsAnyNorm(norm: string, phrases: readonly string[] | undefined): boolean {
  return !!phrases?.some((p) => norm.includes(normalizeLabel(p)));
}

/** Which table a label cell opens: a caption, a cue, or (tables without caption) a top-level row label. */
function anchorOf(profileTables: readonly ProfileTable[], token: TableToken, current: ProfileTable | null): ProfileTable | null {
  for (const def of profileTables) {
    if (def.caption && token.norm.includes(normalizeLabel(def.caption))) return def;
  }
  for (const def of profileTables) {
    if (def === current) continue;
    if (containsAnyNorm(token.norm, def.cues)) return def;
    if (!def.caption && def.rows.some((r) => !r.parent && r.label && containsAnyNorm(token.norm, r.match)) && !current) return def;
  }
  return null;
}

/** Split the stream into one run of tokens per profile table. */
function regions(profileTables: readonly ProfileTable[], tokens: readonly TableToken[], tables: readonly ModelTable[]): { def: ProfileTable; tokens: TableToken[] }[] {
  type Region = { def: ProfileTable; tokens: TableToken[] };
  const out: Region[] = [];
  let current = null as Region | null;
  let lastBlock = -1;
  for (const t of tokens) {
    if (t.block !== lastBlock) {
      // A table continues into the next block only when the blocks touch (no heading or paragraph between).
      if (current && lastBlock >= 0 && tables[t.block].startLine - tables[lastBlock].endLine > 1) current = null;
      lastBlock = t.block;
    }
    if (t.kind === 'label') {
      const def = anchorOf(profileTables, t, current?.def ?? null);
      if (def && def !== current?.def) {
        current = { def, tokens: [] };
        out.push(current);
      } else if (def && def.caption && t.norm.includes(normalizeLabel(def.caption))) {
        // The same caption again: a second copy of the table.
        current = { def, tokens: [] };
        out.push(current);
      } else if (!def && current && current.tokens.some((x) => x.kind !== 'label') && /^第[一二三四五六七八九十]+条/.test(t.norm)) {
        // Another article's block (第二十条第（九）项 in the 2019 format) ends the current table.
        current = null;
        continue;
      }
    }
    current?.tokens.push(t);
  }
  return out;
}

function readRegion(def: ProfileTable, tokens: TableToken[], cut: boolean): ReadTable {
  const cells = new Map<string, TableToken[]>();
  const labels = new Map<string, TableToken>();
  const header: TableToken[] = [];
  const damage: TableDamage[] = [];
  const n = def.columns.length;
  const singleRow = def.layout === 'single-row';
  let row: string | null = null;
  let group: string | null = null;
  const order: string[] = [];
  for (const t of tokens) {
    if (singleRow) {
      if (t.kind === 'label') {
        if (!cells.size) header.push(t);
        continue;
      }
      const id = def.rows[0].id;
      if (!cells.has(id)) {
        if (t.kind === 'blank') continue; // padding before the numbers
        cells.set(id, []);
        order.push(id);
      }
      cells.get(id)!.push(t);
      continue;
    }
    if (t.kind === 'label') {
      const r = matchRow(def, t.norm, group, labels);
      if (!r) {
        if (!order.length) header.push(t);
        else damage.push({ kind: 'unknown-label', token: t });
        continue;
      }
      if (labels.has(r.id)) {
        damage.push({ kind: 'duplicate-row', token: t, rowId: r.id });
        row = null;
        continue;
      }
      labels.set(r.id, t);
      cells.set(r.id, []);
      order.push(r.id);
      row = r.id;
      const depth = depthOf(def, r);
      if (r.header && depth >= 1) group = r.id;
      else if (depth <= 1) group = null;
      continue;
    }
    if (row) cells.get(row)!.push(t);
  }

  // The document ends inside a cell (6.属于四…): that last fragment is not damage.
  if (cut && damage.length && damage[damage.length - 1].kind === 'unknown-label' && damage[damage.length - 1].token === tokens[tokens.length - 1]) damage.pop();
  const present = new Set(order);
  const hasChildren = (id: string) => def.rows.some((r) => r.parent === id && present.has(r.id));
  const intact = new Set<string>();
  const lastToken = tokens[tokens.length - 1];
  for (const id of order) {
    const rowDef = def.rows.find((r) => r.id === id)!;
    let vals = cells.get(id)!;
    if (rowDef.header && hasChildren(id)) {
      cells.set(id, []);
      continue;
    }
    // Padding after the last column (|||, trailing empty cells).
    if (vals.length > n && vals.slice(n).every((v) => v.kind === 'blank')) vals = vals.slice(0, n);
    cells.set(id, vals);
    if (vals.length === n) {
      intact.add(id);
      continue;
    }
    if (rowDef.header && !vals.some((v) => v.kind === 'value')) continue; // a group row without cells
    const isLast = id === order[order.length - 1];
    if (isLast && cut && vals.length < n && !damage.some((d) => d.token.start > (labels.get(id)?.start ?? 0))) continue; // cut off mid-row
    damage.push({ kind: 'cells', token: labels.get(id) ?? vals[0] ?? lastToken, rowId: id, found: vals.length, expected: n });
  }
  const headerNorm = header.map((h) => h.norm).join('|');
  const currentFormat = def.columns.every((c) => !c.match?.length || containsAnyNorm(headerNorm, c.match));
  let rowSet: ReadTable['rowSet'] = null;
  const children = def.rows.filter((r) => r.parent === 'handled-other');
  if (present.has('handled-other') && children.length) rowSet = children.some((r) => present.has(r.id)) ? '2021' : '2019';
  const all = tokens.filter((t) => t.kind !== 'blank' || t.text !== '');
  const first = all[0] ?? tokens[0];
  const last = all[all.length - 1] ?? lastToken;
  return {
    def,
    cells,
    labels,
    intact,
    header,
    currentFormat,
    rowSet,
    cut,
    damage,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    firstLine: first?.line ?? 0,
    lastLine: last?.line ?? 0,
  };
}

/** The profile's tables in the document, in document order. */
export function readProfileTables(doc: ReportDocument, profile: Profile, tables: readonly ModelTable[]): ReadTable[] {
  const defs = profile.tables ?? [];
  if (!defs.length || !tables.length) return [];
  const tokens = tokensOf(doc, tables);
  // Cut off: the document ends with its last table block (nothing but blank lines after it).
  let l = tables[tables.length - 1].endLine + 1;
  while (l < doc.lines.length && doc.lines[l].text.trim() === '') l++;
  const endsInTable = l >= doc.lines.length;
  const list = regions(defs, tokens, tables).filter((r) => r.tokens.some((t) => t.kind !== 'label'));
  return list.map((r, i) => readRegion(r.def, r.tokens, endsInTable && i === list.length - 1 && r.tokens[r.tokens.length - 1].block === tables.length - 1));
}
