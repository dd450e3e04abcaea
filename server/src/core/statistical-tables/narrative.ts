/**
 * Figures of the narrative that restate a table cell (收到政府信息公开申请12件 → the 总计 of
 * 一、本年新收; 予以公开5件 → （一）予以公开): the profile's `textClaims`, matched only where the
 * reading is tight — the figure follows the phrase within the same clause, the clause compares
 * nothing with another year, and the sentence has the claim's context words.
 */
import type { ReportDocument } from '../document/document';
import { containsAny, findPhrase } from '../profiles/phrases';
import type { ProfileTextClaim } from '../profiles/types';
import type { ReadTable, TableToken } from './read';

export interface TextClaimCheck {
  table: ReadTable;
  claim: ProfileTextClaim;
  /** The phrase as matched, and the stated figure (document offsets). */
  phrase: { start: number; end: number; text: string };
  figure: { start: number; end: number; text: string; value: number };
  /** The cells the figure restates (several columns add up). */
  cells: TableToken[];
  tableValue: number;
  holds: boolean;
  /** The sentence (not the clause) names another year: the figure is taken as the report year's. */
  otherYearInSentence: boolean;
}

const CLAUSE_END = /[，,；;。！？!?：:\n]/;
const SENTENCE_END = /[。！？!?\n]/;
/** Words that make a clause about another period or a comparison. */
const COMPARISON = /上年|去年|上一年|同比|环比|较|比上|增长|下降|减少|增加|历年|累计/;
const FIGURE_AFTER = /^([^\d０-９，,；;。！？!?：:\n]{0,10}?)(\d+(?:\.\d+)?)\s*(件|条|宗|起|次|个|份|项)/;
const YEAR = /((?:19|20)\d{2})\s*年/g;

/** Whether a text names a year other than the report's (any year, when the report year is unknown). */
function namesOtherYear(text: string, reportYear: number | null): boolean {
  return [...text.matchAll(YEAR)].some((y) => reportYear === null || Number(y[1]) !== reportYear);
}

function clauseStart(text: string, at: number, min: number): number {
  let s = at;
  while (s > min && !CLAUSE_END.test(text[s - 1])) s--;
  return s;
}

function sentenceBounds(text: string, at: number, lineStart: number, lineEnd: number): { start: number; end: number } {
  let s = at;
  while (s > lineStart && !SENTENCE_END.test(text[s - 1])) s--;
  let e = at;
  while (e < lineEnd && !SENTENCE_END.test(text[e])) e++;
  return { start: s, end: e };
}

function cellsFor(table: ReadTable, claim: ProfileTextClaim): TableToken[] | null {
  const row = table.cells.get(claim.row);
  if (!row || !table.intact.has(claim.row)) return null;
  const cols = Array.isArray(claim.column) ? claim.column : [claim.column];
  const out: TableToken[] = [];
  for (const c of cols) {
    const i = table.def.columns.findIndex((x) => x.id === c);
    if (i < 0 || !row[i] || row[i].kind !== 'value') return null;
    out.push(row[i]);
  }
  return out;
}

/**
 * The narrative's restatements of table cells, outside the tables. `tableLines[i]` is true for
 * lines inside a table block. `reportYear`: a clause naming another year is about that year.
 */
export function narrativeClaims(doc: ReportDocument, tables: readonly ReadTable[], tableLines: (line: number) => boolean, reportYear: number | null): TextClaimCheck[] {
  const out: TextClaimCheck[] = [];
  const text = doc.simplified;
  const allPhrases = tables.flatMap((t) => (t.def.textClaims ?? []).flatMap((c) => c.phrases));
  const seen = new Set<number>();
  for (const table of tables) {
    for (const claim of table.def.textClaims ?? []) {
      const cells = cellsFor(table, claim);
      if (!cells) continue;
      for (const line of doc.lines) {
        if (tableLines(line.index) || line.text.trim() === '') continue;
        const lineText = text.slice(line.start, line.end);
        for (const phrase of claim.phrases) {
          let from = 0;
          for (let guard = 0; guard < 50; guard++) {
            const m = findPhrase(lineText, phrase, from);
            if (!m) break;
            from = m.end;
            const after = FIGURE_AFTER.exec(lineText.slice(m.end));
            if (!after) continue;
            // The gap must not name another claim (行政复议和行政诉讼0件 is about both).
            if (containsAny(after[1], allPhrases)) continue;
            const absStart = line.start + m.end + after[1].length;
            if (seen.has(absStart)) continue;
            const cs = clauseStart(lineText, m.start, 0);
            const clause = lineText.slice(cs, m.end + after[0].length);
            const before = lineText.slice(cs, m.start) + after[1];
            if (COMPARISON.test(before.replace(/上年结转/g, ''))) continue;
            if (namesOtherYear(clause, reportYear)) continue;
            const sb = sentenceBounds(lineText, m.start, 0, lineText.length);
            const sentence = lineText.slice(sb.start, sb.end);
            if (claim.context?.length && !containsAny(sentence, claim.context)) continue;
            seen.add(absStart);
            const value = Number(after[2]);
            const tableValue = cells.reduce((s, c) => s + (c.value ?? 0), 0);
            out.push({
              table,
              claim,
              phrase: { start: line.start + m.start, end: line.start + m.end, text: doc.text.slice(line.start + m.start, line.start + m.end) },
              figure: { start: absStart, end: absStart + after[2].length, text: after[2] + after[3], value },
              cells,
              tableValue,
              holds: Math.abs(value - tableValue) < 1e-9,
              otherYearInSentence: namesOtherYear(sentence, reportYear),
            });
          }
        }
      }
    }
  }
  for (const table of tables) {
    for (const claim of table.def.textClaims ?? []) {
      if (!claim.zeroPhrases?.length) continue;
      const cells = cellsFor(table, claim);
      if (cells) zeroClaims(doc, table, claim, cells, tableLines, reportYear, seen, out);
    }
  }
  return out.sort((a, b) => a.figure.start - b.figure.start);
}

/** What may follow a zero phrase before its clause ends (本年度未收到政府信息公开申请的情况。). */
const ZERO_CLAUSE_REST = /^(?:的?情况|事项|申请)?$/;
/** A figure in the gap of a zero phrase (未收到2件…) makes it something else. */
const DIGIT_OR_NUMERAL = /[0-9０-９零〇一二两三四五六七八九十百千万]/;

/**
 * The narrative's statements that a cell is zero (全年未收到政府信息公开申请), from the claim's
 * `zeroPhrases`: the phrase must end its clause, hold no figure, and the clause must compare
 * nothing and name no other year, as for stated figures. The "figure" is the phrase itself.
 */
function zeroClaims(
  doc: ReportDocument,
  table: ReadTable,
  claim: ProfileTextClaim,
  cells: TableToken[],
  tableLines: (line: number) => boolean,
  reportYear: number | null,
  seen: Set<number>,
  out: TextClaimCheck[],
): void {
  const text = doc.simplified;
  for (const line of doc.lines) {
    if (tableLines(line.index) || line.text.trim() === '') continue;
    const lineText = text.slice(line.start, line.end);
    for (const phrase of claim.zeroPhrases ?? []) {
      let from = 0;
      for (let guard = 0; guard < 50; guard++) {
        const m = findPhrase(lineText, phrase, from);
        if (!m) break;
        from = m.end;
        const absStart = line.start + m.start;
        if (seen.has(absStart)) continue;
        if (DIGIT_OR_NUMERAL.test(lineText.slice(m.start, m.end))) continue;
        let ce = m.end;
        while (ce < lineText.length && !CLAUSE_END.test(lineText[ce])) ce++;
        if (!ZERO_CLAUSE_REST.test(lineText.slice(m.end, ce))) continue;
        const cs = clauseStart(lineText, m.start, 0);
        const clause = lineText.slice(cs, ce);
        if (COMPARISON.test(clause.replace(/上年结转/g, ''))) continue;
        if (namesOtherYear(clause, reportYear)) continue;
        const sb = sentenceBounds(lineText, m.start, 0, lineText.length);
        const sentence = lineText.slice(sb.start, sb.end);
        if (claim.context?.length && !containsAny(sentence, claim.context)) continue;
        seen.add(absStart);
        const tableValue = cells.reduce((s, c) => s + (c.value ?? 0), 0);
        out.push({
          table,
          claim,
          phrase: { start: absStart, end: line.start + m.end, text: doc.text.slice(absStart, line.start + m.end) },
          figure: { start: absStart, end: line.start + m.end, text: '', value: 0 },
          cells,
          tableValue,
          holds: tableValue === 0,
          otherYearInSentence: namesOtherYear(sentence, reportYear),
        });
      }
    }
  }
}
