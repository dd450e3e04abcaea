import type { RuleContext } from './types';
import { profileParts } from './profile-shared';
import { statisticalTables, type StatisticalTables } from '../statistical-tables';
import type { IdentityCheck, ReadTable } from '../statistical-tables';
import type { Locale } from '../types';

/** The active profile's statistical tables, or null when the profile has none. */
export function profileTables(ctx: RuleContext): StatisticalTables | null {
  const pp = profileParts(ctx);
  if (!pp?.profile.tables?.length) return null;
  return statisticalTables(ctx.analysis, pp.profile);
}

/** Where an identity was checked: “自然人”列 / “（一）予以公开”行 / the table itself. */
export function alongText(table: ReadTable, check: IdentityCheck, locale: Locale): string {
  if (check.identity.over === 'columns') {
    const col = table.def.columns.find((c) => c.id === check.along);
    const label = col ? (col.group && col.label === '其他' ? `${col.group}·${col.label}` : col.label) : check.along;
    return locale === 'en' ? `column “${label}”` : `“${label}”列`;
  }
  const row = table.def.rows.find((r) => r.id === check.along);
  if (!row?.label) return table.def.name[locale];
  return locale === 'en' ? `row “${row.label}”` : `“${row.label}”行`;
}

/** The label of an operand: the row's or the column's as the format words it. */
export function operandLabel(table: ReadTable, check: IdentityCheck, id: string): string {
  if (check.identity.over === 'columns') return table.def.rows.find((r) => r.id === id)?.label ?? id;
  const col = table.def.columns.find((c) => c.id === id);
  return col ? (col.group ? `${col.group}·${col.label}` : col.label) : id;
}

/** The working with labels, for hovers: 予以公开 2 + 部分公开 16 + … = 18 ≠ （七）总计 19. */
export function labelledWorking(table: ReadTable, check: IdentityCheck): string {
  const side = (ops: IdentityCheck['left'], sum: number) =>
    ops.length > 1 ? `${ops.map((o) => `${operandLabel(table, check, o.id)} ${o.cell.kind === 'blank' ? '（空）0' : fmtNum(o.value)}`).join(' + ')} = ${fmtNum(sum)}` : `${operandLabel(table, check, ops[0].id)} ${fmtNum(sum)}`;
  return `${side(check.left, check.leftSum)} ${check.holds ? '=' : '≠'} ${side(check.right, check.rightSum)}`;
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
