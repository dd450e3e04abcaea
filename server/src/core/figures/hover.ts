/**
 * Hover on any checked figure shows its working, consistent ones included.
 * Findings that carry the same explanation are already shown by the finding
 * hover, so they are not repeated. A figure that cannot be checked says why.
 */
import type { HoverContributor } from '../features/hover';
import { localize } from '../l10n';
import { figuresOf } from './analyze';
import { asWritten } from '../document/quote';

export const figureHover: HoverContributor = (analysis, offset, locale, findings) => {
  const fa = figuresOf(analysis);
  const shown = new Set(findings.map((f) => f.explanation).filter(Boolean));
  const parts: string[] = [];
  for (const c of fa.claims) {
    const onFigure = c.inputs.some((i) => offset >= i.figure.start && offset <= i.figure.end);
    if (!onFigure) continue;
    // Quote the document's spelling of the name (審結率 stays 審結率).
    const md = localize(c.explanation, locale).split(c.name).join(asWritten(analysis.doc, c.name, c.anchor.start));
    // A finding's explanation may carry more (notes after it): its claim is not repeated.
    if (parts.includes(md) || [...shown].some((x) => x === md || x!.startsWith(md))) continue;
    parts.push(md);
  }
  return parts.length ? parts.join('\n\n---\n\n') : null;
};
