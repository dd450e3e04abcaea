import type { Analysis } from '../analysis';
import { figuresOf } from '../figures/analyze';
import type { Verdict } from '../figures/claim';
import { tableClaims } from '../statistical-tables/claims';
import { localize, type LocalizedText } from '../l10n';
import type { Locale, Range } from '../types';
import { countBefore } from '../document/sorted';

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
  const claims = claimLines(analysis);
  if (!claims.length) return [];
  const lenses: Lens[] = [];
  for (const s of sections) {
    const first = s.heading.line;
    const last = doc.positionAt(s.range.end).line;
    // The claims starting on lines first..last (claims are sorted by line).
    let total = 0;
    let inconsistent = 0;
    let unverifiable = 0;
    for (let i = countBefore(claims, (c) => c.line < first); i < claims.length && claims[i].line <= last; i++) {
      total++;
      if (claims[i].verdict === 'inconsistent') inconsistent++;
      else if (claims[i].verdict === 'unverifiable') unverifiable++;
    }
    if (!total) continue;
    const count = inconsistent + unverifiable;
    if (mode === 'inconsistent') {
      if (inconsistent) lenses.push({ range: doc.lineRange(first), title: localize(MSG.inconsistent, locale, { inconsistent }), command: STATISTICS_COMMAND });
      continue;
    }
    const title = count
      ? localize(MSG.needsReview, locale, { count, inconsistent, unverifiable, claims: total })
      : localize(MSG.allConsistent, locale, { claims: total });
    lenses.push({ range: doc.lineRange(first), title, command: STATISTICS_COMMAND });
  }
  return lenses;
}

/**
 * The line and verdict of every claim of the statistics summary (core/figures/summary.ts: the
 * figures engine's claims, then the profile's table identities), sorted by line. Only what the
 * lenses count: building the whole summary (labels as written, inputs, ranges) took seconds at
 * 10 MB, after every edit.
 */
function claimLines(analysis: Analysis): { line: number; verdict: Verdict }[] {
  const doc = analysis.doc;
  const out = figuresOf(analysis).claims.map((c) => ({ line: doc.positionAt(c.anchor.start).line, verdict: c.verdict }));
  for (const c of tableClaims(analysis)) out.push({ line: c.range.start.line, verdict: c.verdict });
  return out.sort((a, b) => a.line - b.line);
}
