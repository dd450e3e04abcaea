import type { Analysis } from '../analysis';
import type { OffsetRange } from '../types';

/** The year a report is about: from its title (2024年度) or its opening sentence (2024年,…). */
export interface ReportYear {
  year: number;
  /** Where the year is written (the four digits). */
  range: OffsetRange;
  source: 'title' | 'opening';
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
const YEAR_OPENING = /^\s*((?:19|20)\d{2})\s*年(?:度|以来)?\s*[,，、]/;

export function reportYear(analysis: Analysis): ReportYear | null {
  return analysis.memo('report-year', () => {
    const { doc, outline } = analysis;
    if (outline.title) {
      const t = doc.simplified.slice(outline.title.range.start, outline.title.range.end);
      const m = YEAR_IN_TITLE.exec(t);
      if (m) {
        const start = outline.title.range.start + m.index;
        return { year: Number(m[1]), range: { start, end: start + 4 }, source: 'title' as const };
      }
    }
    // The opening: the first paragraph that is not the title (within the first few).
    for (const p of outline.paragraphs.slice(0, 3)) {
      const text = doc.simplified.slice(p.range.start, Math.min(p.range.end, p.range.start + 20));
      const m = YEAR_OPENING.exec(text);
      if (m) {
        const start = p.range.start + text.indexOf(m[1]);
        return { year: Number(m[1]), range: { start, end: start + 4 }, source: 'opening' as const };
      }
      if (!p.runIn) break;
    }
    return null;
  });
}

/** A paragraph opening "YYYY年,…": the year and its offsets, or null. */
export function openingYear(text: string, offset: number): { year: number; range: OffsetRange } | null {
  const m = YEAR_OPENING.exec(text.slice(0, 20));
  if (!m) return null;
  const start = offset + text.indexOf(m[1]);
  return { year: Number(m[1]), range: { start, end: start + 4 } };
}
