import type { Analysis } from './analysis';
import { statsSummary } from './figures/summary';
import { localize, type LocalizedText } from './l10n';
import type { Locale, Range } from './types';

/** A code lens: a line of text above a heading that runs a command when clicked. */
export interface Lens {
  range: Range;
  title: string;
  /** Client command id; the statistics summary (`reportlint.showStatistics`). */
  command: string;
}

const MSG = {
  needsReview: {
    'zh-cn': '{count} 个数据待核对（{inconsistent} 个不一致，{unverifiable} 个无法自动核对）· 共 {claims} 条数据说法',
    en: '{count} figures to review ({inconsistent} inconsistent, {unverifiable} not checkable automatically) · {claims} claims in all',
  },
  allConsistent: {
    'zh-cn': '数据说法 {claims} 条，均已核对一致',
    en: '{claims} claims about figures, all checked and consistent',
  },
} satisfies Record<string, LocalizedText>;

export const STATISTICS_COMMAND = 'reportlint.showStatistics';

/**
 * One lens above every top-level section that states figures: how many of its claims need a
 * human look (inconsistent, or not checkable automatically). Clicking opens the statistics
 * summary. Sections without claims get no lens, so a report without figures stays quiet.
 */
export function sectionLenses(analysis: Analysis, locale: Locale): Lens[] {
  const { outline, doc } = analysis;
  const sections = outline.sections;
  if (!sections.length) return [];
  const claims = statsSummary(analysis).claims;
  if (!claims.length) return [];
  const lenses: Lens[] = [];
  for (const s of sections) {
    const first = s.heading.line;
    const last = doc.positionAt(s.range.end).line;
    const mine = claims.filter((c) => c.range.start.line >= first && c.range.start.line <= last);
    if (!mine.length) continue;
    const inconsistent = mine.filter((c) => c.verdict === 'inconsistent').length;
    const unverifiable = mine.filter((c) => c.verdict === 'unverifiable').length;
    const count = inconsistent + unverifiable;
    const title = count
      ? localize(MSG.needsReview, locale, { count, inconsistent, unverifiable, claims: mine.length })
      : localize(MSG.allConsistent, locale, { claims: mine.length });
    lenses.push({ range: doc.lineRange(first), title, command: STATISTICS_COMMAND });
  }
  return lenses;
}
