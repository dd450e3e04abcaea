/**
 * Hover on any checked figure shows its working, consistent ones included.
 * Findings that carry the same explanation are already shown by the finding
 * hover, so they are not repeated.
 */
import type { HoverContributor } from '../hover';
import { localize } from '../l10n';
import { figuresOf } from './analyze';

export const figureHover: HoverContributor = (analysis, offset, locale, findings) => {
  const fa = figuresOf(analysis);
  const shown = new Set(findings.map((f) => f.explanation).filter(Boolean));
  const parts: string[] = [];
  for (const c of fa.claims) {
    if ((c.kind === 'rate' || c.kind === 'share') && c.verdict === 'unverifiable' && !c.tried) continue;
    const onFigure = c.inputs.some((i) => offset >= i.figure.start && offset <= i.figure.end);
    if (!onFigure) continue;
    const md = localize(c.explanation, locale);
    if (shown.has(md) || parts.includes(md)) continue;
    parts.push(md);
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
};
