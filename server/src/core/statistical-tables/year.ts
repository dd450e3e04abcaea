/**
 * The report year of a profile whose openings name it in a phrase (编制2023年度政府信息公开工作年度
 * 报告), and the statistics period the opening states (本报告所列数据的统计期限自2023年1月1日起至
 * 2023年12月31日止).
 */
import type { Analysis } from '../analysis';
import { findAny, findPhrase } from '../profiles/phrases';
import type { Profile } from '../profiles/types';
import type { OffsetRange } from '../types';
import { reportYear } from '../document/years';

export interface StatisticsYear {
  year: number;
  range: OffsetRange;
  /** title: the title line; phrase: 2023年……年度报告 in the opening; opening: a paragraph opening 2023年，… */
  source: 'title' | 'phrase' | 'opening';
}

/** How far into the document the opening's year phrase and statistics period are looked for. */
const OPENING_CHARS = 3000;

/** The year the report is about, from its title, the opening's 〈YYYY〉年……年度报告, or an opening 〈YYYY〉年，…. */
export function statisticsYear(analysis: Analysis, profile: Profile): StatisticsYear | null {
  return analysis.memo(`statistics-year:${profile.id}`, () => {
    const base = reportYear(analysis);
    if (base?.source === 'title') return { year: base.year, range: base.range, source: 'title' as const };
    const spec = profile.statisticsPeriod;
    if (spec) {
      const text = analysis.doc.simplified.slice(0, OPENING_CHARS);
      let from = 0;
      for (let guard = 0; guard < 20; guard++) {
        const m = findAny(text, spec.yearPhrases, from);
        if (!m) break;
        from = m.end;
        const before = text.slice(Math.max(0, m.start - 14), m.start);
        const years = [...before.matchAll(/((?:19|20)\d{2})\s*年(?![\d０-９]{0,2}\s*月)/g)];
        const y = years[years.length - 1];
        if (y && !/[。！？\n]/.test(before.slice(y.index!))) {
          const start = m.start - before.length + y.index!;
          return { year: Number(y[1]), range: { start, end: start + 4 }, source: 'phrase' as const };
        }
      }
    }
    return base ? { year: base.year, range: base.range, source: 'opening' as const } : null;
  });
}

export interface PeriodDate {
  year: number | null;
  month: number;
  day: number;
  /** The year digits (null when the end date leaves the year out: 至12月31日止). */
  yearRange: OffsetRange | null;
  range: OffsetRange;
}

export interface StatisticsPeriod {
  /** The phrase (统计期限) and the whole stated period. */
  phrase: OffsetRange;
  range: OffsetRange;
  from: PeriodDate;
  to: PeriodDate;
}

const DATE_RANGE =
  /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?[^，,。；;\n\d]{0,4}?(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?/;

/** The statistics period stated near the start (the first sentence naming one of the profile's phrases). */
export function statisticsPeriod(analysis: Analysis, profile: Profile): StatisticsPeriod | null {
  const spec = profile.statisticsPeriod;
  if (!spec) return null;
  return analysis.memo(`statistics-period:${profile.id}`, () => {
    const text = analysis.doc.simplified.slice(0, OPENING_CHARS);
    for (const p of spec.phrases) {
      const m = findPhrase(text, p);
      if (!m) continue;
      const window = text.slice(m.end, m.end + 40);
      const d = DATE_RANGE.exec(window);
      if (!d || /[。！？\n]/.test(window.slice(0, d.index))) continue;
      const base = m.end + d.index;
      const idx = (group: number, from: number) => {
        const s = window.indexOf(d[group], from - m.end);
        return m.end + s;
      };
      const y1 = idx(1, base);
      const afterFrom = base + d[0].search(/至|到|—|－|-|~|～/);
      const y2 = d[4] ? idx(4, afterFrom) : null;
      const from: PeriodDate = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), yearRange: { start: y1, end: y1 + 4 }, range: { start: base, end: afterFrom } };
      const to: PeriodDate = {
        year: d[4] ? Number(d[4]) : null,
        month: Number(d[5]),
        day: Number(d[6]),
        yearRange: y2 === null ? null : { start: y2, end: y2 + 4 },
        range: { start: afterFrom, end: base + d[0].length },
      };
      return { phrase: { start: m.start, end: m.end }, range: { start: base, end: base + d[0].length }, from, to };
    }
    return null;
  });
}
