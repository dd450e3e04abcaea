/**
 * The narrative of a report as the cross-year comparison of copied text reads it: its sentences
 * without spaces, outside tables, headings, the title, the closing block and the statistics
 * period sentence; year digits set aside.
 */
import type { Analysis } from '../analysis';
import { tableIndexByLine } from '../document/blocks/tables';
import type { Profile } from '../profiles/types';

/** Share of last year's sentences reused verbatim above which the report is flagged. */
export const COPIED_SHARE = 0.4;
/** Sentences shorter than this (after removing spaces) are not compared (stock phrases). */
const MIN_SENTENCE = 16;

/**
 * The sentences of the narrative, without spaces: not table lines, headings, the title or the
 * closing block, nor the statistics period sentence (the format's boilerplate, the same every year).
 */
export function narrativeSentences(analysis: Analysis, profile: Profile): Map<string, { start: number; end: number }> {
  const doc = analysis.doc;
  const { outline } = analysis;
  const inTable = tableIndexByLine(doc, analysis.tables);
  const headingLines = new Set(outline.headings.map((h) => h.line));
  if (outline.title) headingLines.add(doc.positionAt(outline.title.range.start).line);
  if (outline.closing) {
    headingLines.add(outline.closing.date.line);
    if (outline.closing.issuer) headingLines.add(outline.closing.issuer.line);
  }
  const boilerplate = profile.statisticsPeriod?.phrases ?? [];
  const out = new Map<string, { start: number; end: number }>();
  for (const line of doc.lines) {
    if (inTable[line.index] >= 0 || headingLines.has(line.index)) continue;
    const text = doc.simplified.slice(line.start, line.end);
    const re = /[^。！？!?；;]+[。！？!?；;]?/g;
    for (const m of text.matchAll(re)) {
      const key = m[0].replace(/[\s\u3000]+/g, '');
      if (key.length < MIN_SENTENCE || out.has(key) || boilerplate.some((p) => key.includes(p))) continue;
      out.set(key, { start: line.start + m.index!, end: line.start + m.index! + m[0].length });
    }
  }
  return out;
}

/** Year digits do not make a sentence new: 2023年 → 2024年 with the rest unchanged is still copied. */
export function withoutYears(s: string): string {
  return s.replace(/(?:19|20)\d{2}(?=\s*年)/g, '#');
}
