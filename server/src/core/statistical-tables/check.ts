/** The statistical tables of a profile in one document, checked once per analysis (see index.ts). */
import type { Analysis } from '../analysis';
import { tableIndexByLine } from '../document/blocks/tables';
import type { Profile } from '../profiles/types';
import { brokenCells, evaluateIdentities, type BrokenCell, type IdentityResults } from './identities';
import { narrativeClaims, type TextClaimCheck } from './narrative';
import { readProfileTables, type ReadTable, type TableToken } from './read';
import { statisticsYear } from './year';

export interface ValueProblem {
  table: ReadTable;
  cell: TableToken;
  rowId: string;
  columnId: string;
  kind: 'negative' | 'fraction';
}

export interface StatisticalTables {
  profile: Profile;
  tables: ReadTable[];
  identities: IdentityResults;
  broken: BrokenCell[];
  text: TextClaimCheck[];
  values: ValueProblem[];
}

function valueProblems(tables: readonly ReadTable[]): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const t of tables) {
    for (const [rowId, vals] of t.cells) {
      vals.forEach((cell, ci) => {
        const col = t.def.columns[ci];
        if (!col || cell.kind !== 'value' || cell.value === null) return;
        if (cell.value < 0) out.push({ table: t, cell, rowId, columnId: col.id, kind: 'negative' });
        else if (!col.decimals && !Number.isInteger(cell.value)) out.push({ table: t, cell, rowId, columnId: col.id, kind: 'fraction' });
      });
    }
  }
  return out;
}

/** The profile's tables in the document, checked (memoised per analysis and profile). */
export function statisticalTables(analysis: Analysis, profile: Profile): StatisticalTables {
  return analysis.memo(`statistical-tables:${profile.id}`, () => {
    const doc = analysis.doc;
    const blocks = analysis.tables;
    // A table in an older layout than the profile's (the 2019 第二十条 columns) is not read.
    const tables = readProfileTables(doc, profile, blocks).filter((t) => t.currentFormat);
    const identities = evaluateIdentities(tables);
    const byLine = tables.length ? tableIndexByLine(doc, blocks) : null;
    const text = byLine ? narrativeClaims(doc, tables, (l) => byLine[l] >= 0, statisticsYear(analysis, profile)?.year ?? null) : [];
    return { profile, tables, identities, broken: brokenCells(identities.checks), text, values: valueProblems(tables) };
  });
}

