/**
 * The arithmetic identities of a profile's statistical tables (Σ left = Σ right in every column or
 * every row), evaluated on the tables as read, and the broken ones traced to the cell most likely
 * at fault: a single wrong cell breaks its row's and its column's identity by the same amount, so
 * one finding names that cell instead of two findings naming two totals.
 */
import type { ProfileTableIdentity } from '../profiles/types';
import type { ReadTable, TableToken } from './read';

export interface IdentityOperand {
  /** Row id (identities over columns) or column id (identities over rows). */
  id: string;
  cell: TableToken;
  /** Blank cells count as 0. */
  value: number;
}

export interface IdentityCheck {
  table: ReadTable;
  identity: ProfileTableIdentity;
  /** The column (identities over columns) or row (over rows) the identity was checked in. */
  along: string;
  left: IdentityOperand[];
  right: IdentityOperand[];
  leftSum: number;
  rightSum: number;
  holds: boolean;
}

/** An identity that could not be checked and why (missing rows, damaged cells, nothing filled in). */
export interface IdentitySkip {
  table: ReadTable;
  identity: ProfileTableIdentity;
  along: string;
  reason: 'missing' | 'damaged' | 'empty';
}

export interface IdentityResults {
  checks: IdentityCheck[];
  skipped: IdentitySkip[];
}

const EPS = 1e-9;

/** Row ids an operand stands for: `x-*` is the rows of group x that are present, else x itself. */
function expandRows(t: ReadTable, operand: string): string[] | null {
  if (!operand.endsWith('-*')) return t.labels.has(operand) || t.cells.has(operand) ? [operand] : null;
  const base = operand.slice(0, -2);
  const kids = t.def.rows.filter((r) => r.parent === base && t.cells.has(r.id)).map((r) => r.id);
  if (kids.length) return kids;
  return t.cells.get(base)?.length ? [base] : null;
}

function columnIndex(t: ReadTable, id: string): number {
  return t.def.columns.findIndex((c) => c.id === id);
}

/** Every identity of every table, in every column or row it applies to. */
export function evaluateIdentities(tables: readonly ReadTable[]): IdentityResults {
  const checks: IdentityCheck[] = [];
  const skipped: IdentitySkip[] = [];
  for (const t of tables) {
    for (const identity of t.def.identities) {
      if (identity.over === 'columns') {
        const leftRows = identity.left.map((o) => expandRows(t, o));
        const rightRows = identity.right.map((o) => expandRows(t, o));
        t.def.columns.forEach((col, ci) => {
          if (leftRows.some((r) => !r) || rightRows.some((r) => !r)) {
            skipped.push({ table: t, identity, along: col.id, reason: 'missing' });
            return;
          }
          const rowsL = (leftRows as string[][]).flat();
          const rowsR = (rightRows as string[][]).flat();
          if ([...rowsL, ...rowsR].some((r) => !t.intact.has(r))) {
            skipped.push({ table: t, identity, along: col.id, reason: 'damaged' });
            return;
          }
          const operand = (r: string): IdentityOperand => {
            const cell = t.cells.get(r)![ci];
            return { id: r, cell, value: cell.value ?? 0 };
          };
          push(t, identity, col.id, rowsL.map(operand), rowsR.map(operand));
        });
      } else {
        const leftCols = identity.left.map((c) => columnIndex(t, c));
        const rightCols = identity.right.map((c) => columnIndex(t, c));
        for (const row of t.def.rows) {
          if (!t.cells.has(row.id) || (row.header && !t.cells.get(row.id)!.length)) continue;
          if (!t.intact.has(row.id)) {
            skipped.push({ table: t, identity, along: row.id, reason: 'damaged' });
            continue;
          }
          const vals = t.cells.get(row.id)!;
          const operand = (ci: number): IdentityOperand => ({ id: t.def.columns[ci].id, cell: vals[ci], value: vals[ci].value ?? 0 });
          push(t, identity, row.id, leftCols.map(operand), rightCols.map(operand));
        }
      }
    }
  }
  return { checks, skipped };

  function push(t: ReadTable, identity: ProfileTableIdentity, along: string, left: IdentityOperand[], right: IdentityOperand[]) {
    // Nothing filled in yet (a skeleton, a row being typed): nothing to check.
    if (right.every((o) => o.cell.kind === 'blank') || [...left, ...right].every((o) => o.cell.kind === 'blank')) {
      skipped.push({ table: t, identity, along, reason: 'empty' });
      return;
    }
    const leftSum = left.reduce((s, o) => s + o.value, 0);
    const rightSum = right.reduce((s, o) => s + o.value, 0);
    checks.push({ table: t, identity, along, left, right, leftSum, rightSum, holds: Math.abs(leftSum - rightSum) < EPS });
  }
}

/** A finding's worth of broken identities: the cell at fault and the identities it breaks. */
export interface BrokenCell {
  /** The cell the finding sits on. */
  cell: TableToken;
  /** True when one change of this cell would mend every identity listed (it is the likely culprit). */
  culprit: boolean;
  /** The value that would mend them (culprit), or the value the total's operands add up to. */
  expected: number;
  checks: IdentityCheck[];
}

/** The change of `cell` that mends `check`: Σleft − Σright = 0 after the change. */
function mendingDelta(check: IdentityCheck, cell: TableToken): number | null {
  const residual = check.leftSum - check.rightSum;
  const inLeft = check.left.filter((o) => o.cell === cell).length;
  const inRight = check.right.filter((o) => o.cell === cell).length;
  const coef = inLeft - inRight;
  if (!coef) return null;
  return -residual / coef;
}

/**
 * One entry per broken identity, except that identities broken by one and the same cell (a cell
 * whose change by one amount mends all of them) share one entry on that cell.
 */
export function brokenCells(checks: readonly IdentityCheck[]): BrokenCell[] {
  const broken = checks.filter((c) => !c.holds);
  const used = new Set<IdentityCheck>();
  const out: BrokenCell[] = [];
  // Candidate culprits: cells in two or more broken identities with the same mending change.
  const byCell = new Map<TableToken, Map<string, IdentityCheck[]>>();
  for (const check of broken) {
    for (const o of [...check.left, ...check.right]) {
      const d = mendingDelta(check, o.cell);
      if (d === null) continue;
      const key = d.toFixed(6);
      let m = byCell.get(o.cell);
      if (!m) byCell.set(o.cell, (m = new Map()));
      const list = m.get(key) ?? [];
      if (!list.includes(check)) list.push(check);
      m.set(key, list);
    }
  }
  const candidates: { cell: TableToken; delta: number; checks: IdentityCheck[] }[] = [];
  for (const [cell, m] of byCell) {
    for (const [key, list] of m) if (list.length >= 2) candidates.push({ cell, delta: Number(key), checks: list });
  }
  candidates.sort((a, b) => b.checks.length - a.checks.length || a.cell.start - b.cell.start);
  for (const c of candidates) {
    if (c.checks.some((x) => used.has(x))) continue;
    c.checks.forEach((x) => used.add(x));
    out.push({ cell: c.cell, culprit: true, expected: (c.cell.value ?? 0) + c.delta, checks: c.checks });
  }
  for (const check of broken) {
    if (used.has(check)) continue;
    // On the total: the (last) right-hand cell, which the left-hand cells contradict.
    const total = check.right[check.right.length - 1];
    const others = check.right.slice(0, -1).reduce((s, o) => s + o.value, 0);
    out.push({ cell: total.cell, culprit: false, expected: check.leftSum - others, checks: [check] });
  }
  return out.sort((a, b) => a.cell.start - b.cell.start);
}

/** The working of one identity: "2 + 0 = 2 ≠ 3 + 0 = 3" (zeros of long sums counted, not listed). */
export function identityWorking(check: IdentityCheck): string {
  const side = (ops: readonly IdentityOperand[], sum: number) => {
    if (ops.length <= 1) return fmt(sum);
    // Long sums (the 21 rows of （七）总计) keep their non-zero operands and count the zeros: 9 + 5 + 6 + 0×18.
    const zeros = ops.length > 6 ? ops.filter((o) => o.value === 0).length : 0;
    const shown = zeros ? ops.filter((o) => o.value !== 0).map((o) => fmt(o.value)) : ops.map((o) => fmt(o.value));
    if (zeros) shown.push(`0×${zeros}`);
    return `${shown.join(' + ')} = ${fmt(sum)}`;
  };
  return `${side(check.left, check.leftSum)} ${check.holds ? '=' : '≠'} ${side(check.right, check.rightSum)}`;
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
