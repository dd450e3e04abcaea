import type { Analysis } from '../analysis';
import { statsSummary } from '../figures/summary';
import { localize, type LocalizedText } from '../l10n';
import type { Locale, Range } from '../types';

/** A code lens: a line of text above a heading that runs a command when clicked. */
export interface Lens {
  range: Range;
  title: string;
  /** Client command id: the 数据核对 view (`reportlint.showClaims`). */
  command: string;
}

const MSG = {
  inconsistent: {
    'zh-cn': '本节 {inconsistent} 个数据不一致 · 查看数据核对',
    en: '{inconsistent} inconsistent figures in this section · review the figures',
  },
  needsReview: {
    'zh-cn': '{count} 个数据待核对（{inconsistent} 个不一致，{unverifiable} 个无法自动核对）· 共 {claims} 条数据说法',
    en: '{count} figures to review ({inconsistent} inconsistent, {unverifiable} not checkable automatically) · {claims} claims in all',
  },
  allConsistent: {
    'zh-cn': '数据说法 {claims} 条，均已核对一致',
    en: '{claims} claims about figures, all checked and consistent',
  },
} satisfies Record<string, LocalizedText>;

export const STATISTICS_COMMAND = 'reportlint.showClaims';

/** `reportlint.codeLens`: lenses only above sections with an inconsistent figure (default), above every section with figures, or none. */
export type LensMode = 'inconsistent' | 'all' | 'none';

/** The setting's value (older settings used true/false). */
export function lensMode(value: unknown): LensMode {
  if (value === false || value === 'none') return 'none';
  if (value === 'all') return 'all';
  return 'inconsistent';
}

/**
 * Lenses above top-level sections that state figures. By default ('inconsistent') only above a
 * section with an inconsistent figure, saying how many (quiet otherwise); with 'all', above
 * every such section, how many of its claims need a human look (inconsistent, or not checkable
 * automatically). Clicking opens the 数据核对 view.
 */
export function sectionLenses(analysis: Analysis, locale: Locale, mode: LensMode = 'inconsistent'): Lens[] {
  if (mode === 'none') return [];
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
    if (mode === 'inconsistent') {
      if (inconsistent) lenses.push({ range: doc.lineRange(first), title: localize(MSG.inconsistent, locale, { inconsistent }), command: STATISTICS_COMMAND });
      continue;
    }
    const title = count
      ? localize(MSG.needsReview, locale, { count, inconsistent, unverifiable, claims: mine.length })
      : localize(MSG.allConsistent, locale, { claims: mine.length });
    lenses.push({ range: doc.lineRange(first), title, command: STATISTICS_COMMAND });
  }
  return lenses;
}
