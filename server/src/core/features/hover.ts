import type { Analysis } from '../analysis';
import type { Finding, Locale } from '../types';

/**
 * Hover content is assembled from contributors, so each feature (figures, headings …)
 * adds its own without touching the server. A contributor returns Markdown or null.
 */
export type HoverContributor = (analysis: Analysis, offset: number, locale: Locale, findings: readonly Finding[]) => string | null;

const contributors: HoverContributor[] = [];

export function registerHoverContributor(c: HoverContributor): void {
  if (!contributors.includes(c)) contributors.push(c);
}

/** Explanations of the findings under the cursor (e.g. the arithmetic behind a verdict). */
const findingExplanations: HoverContributor = (analysis, offset, _locale, findings) => {
  const parts: string[] = [];
  for (const f of findings) {
    if (!f.explanation) continue;
    const start = analysis.doc.offsetAt(f.range.start);
    const end = analysis.doc.offsetAt(f.range.end);
    if (offset >= start && offset <= end) parts.push(f.explanation);
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
};
registerHoverContributor(findingExplanations);

/** Markdown for the hover at `offset`, or null. */
export function hoverAt(analysis: Analysis, offset: number, locale: Locale, findings: readonly Finding[] = []): string | null {
  const parts: string[] = [];
  for (const c of contributors) {
    const md = c(analysis, offset, locale, findings);
    if (md) parts.push(md);
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
}
