/**
 * The table identities and the narrative restatements as claims of the statistics summary
 * (数据核对表) and of the hover: every identity, kept or broken, like the rate checks.
 */
import type { Analysis } from '../analysis';
import { activeProfile } from '../profiles/detect';
import type { ResolvedConfig } from '../config/config';
import { defaultConfig } from '../config/config';
import type { StatsClaimJson, StatsInputJson } from '../figures/summary';
import type { Locale } from '../types';
import { localize } from '../l10n';
import { statisticalTables, type StatisticalTables } from './check';
import { identityWorking, fmt, type IdentityCheck } from './identities';
import type { ReadTable, TableToken } from './read';

function operandLabel(table: ReadTable, check: IdentityCheck, id: string): string {
  if (check.identity.over === 'columns') return table.def.rows.find((r) => r.id === id)?.label ?? id;
  const col = table.def.columns.find((c) => c.id === id);
  return col ? (col.group ? `${col.group}·${col.label}` : col.label) : id;
}

function alongLabel(table: ReadTable, check: IdentityCheck): string {
  if (check.identity.over === 'columns') {
    const c = table.def.columns.find((x) => x.id === check.along);
    return c ? (c.group ? `${c.group}·${c.label}` : c.label) : check.along;
  }
  return table.def.rows.find((r) => r.id === check.along)?.label ?? '';
}

/** The statistical tables of the active profile, or null (no profile, or one without tables). */
export function tablesForSummary(analysis: Analysis, config?: Pick<ResolvedConfig, 'profile' | 'customProfiles'>): StatisticalTables | null {
  const profile = activeProfile(analysis, config ?? defaultConfig());
  return profile?.tables?.length ? statisticalTables(analysis, profile) : null;
}

/** The claims for the summary: each identity in each column or row it was checked in, then each restated figure. */
export function tableClaims(analysis: Analysis, config?: Pick<ResolvedConfig, 'profile' | 'customProfiles'>): StatsClaimJson[] {
  const st = tablesForSummary(analysis, config);
  if (!st) return [];
  const doc = analysis.doc;
  const input = (role: StatsInputJson['role'], label: string, cell: TableToken): StatsInputJson => ({
    role,
    label,
    text: cell.text,
    value: cell.value ?? 0,
    approximate: false,
    range: doc.rangeOf(cell.start, cell.end),
  });
  const out: StatsClaimJson[] = [];
  for (const c of st.identities.checks) {
    const t = c.table;
    const anchor = c.right[c.right.length - 1].cell;
    out.push({
      kind: c.identity.kind === 'balance' ? 'table-balance' : 'table-sum',
      name: [t.def.name['zh-cn'], alongLabel(t, c)].filter(Boolean).join('：') + '，' + c.identity.name['zh-cn'],
      verdict: c.holds ? 'consistent' : 'inconsistent',
      text: anchor.text,
      range: doc.rangeOf(anchor.start, anchor.end),
      inputs: [...c.left.map((o) => input('part', operandLabel(t, c, o.id), o.cell)), ...c.right.map((o) => input('total', operandLabel(t, c, o.id), o.cell))],
      computed: c.leftSum,
      working: identityWorking(c),
    });
  }
  for (const x of st.text) {
    out.push({
      kind: 'table-text',
      name: `${x.phrase.text}（${x.table.def.name['zh-cn']}）`,
      verdict: x.holds ? 'consistent' : 'inconsistent',
      // A zero stated in words (未收到…申请) has no figure: the phrase stands for it.
      text: x.figure.text || x.phrase.text,
      range: doc.rangeOf(x.figure.start, x.figure.end),
      inputs: x.cells.map((cell) => input('total', x.table.def.rows.find((r) => r.id === x.claim.row)?.label ?? x.claim.row, cell)),
      computed: x.tableValue,
      working: `${fmt(x.figure.value)} ${x.holds ? '=' : '≠'} ${fmt(x.tableValue)}`,
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const T = {
  title: { 'zh-cn': '**表格勾稽关系**', en: '**Table identities**' },
  ok: { 'zh-cn': '✓ 成立', en: '✓ holds' },
  broken: { 'zh-cn': '✗ 不成立', en: '✗ broken' },
} as const;

/** Hover on a table cell: every identity it takes part in, kept or broken, with the working. */
export function tableHoverMarkdown(analysis: Analysis, offset: number, locale: Locale): string | null {
  const st = tablesForSummary(analysis);
  if (!st) return null;
  const lines: string[] = [];
  for (const c of st.identities.checks) {
    if (![...c.left, ...c.right].some((o) => offset >= o.cell.start && offset <= o.cell.end && o.cell.end > o.cell.start)) continue;
    const t = c.table;
    const along = alongLabel(t, c);
    lines.push(`- ${along ? `${along}：` : ''}${c.identity.name[locale]} — ${identityWorking(c)} ${localize(c.holds ? T.ok : T.broken, locale)}`);
  }
  return lines.length ? [localize(T.title, locale), '', ...lines].join('\n') : null;
}
