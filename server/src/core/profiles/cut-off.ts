import type { Analysis } from '../analysis';
import type { LocatedParts } from './locate';

/** What a finished text can end with: a sentence end, a closing bracket or quote. */
const FINISHED = /[。！？!?…”’」』）)】》]$/;

/**
 * Whether the text looks cut off: no closing block (issuing body, date) and the last line ends
 * mid-sentence or inside a table row. Copies of web pages often hold only a report's opening;
 * parts after the cut are not reached, not missing.
 */
export function looksCutOff(analysis: Analysis): boolean {
  return analysis.memo('looks-cut-off', () => {
    if (analysis.outline.closing) return false;
    const lines = analysis.doc.lines;
    let i = lines.length - 1;
    while (i >= 0 && lines[i].text.trim() === '') i--;
    if (i < 0) return false;
    const last = lines[i].text.trim();
    return !FINISHED.test(last);
  });
}

/**
 * The parts that a cut-off text may simply not have reached: those whose place in the order comes
 * after every part located in it. Empty when the text does not look cut off.
 */
export function partsNotReached(analysis: Analysis, located: LocatedParts): Set<string> {
  const out = new Set<string>();
  if (!looksCutOff(analysis)) return out;
  let lastOrder = 0;
  for (const { part, location } of located.parts) if (location && part.order > lastOrder) lastOrder = part.order;
  for (const { part, location } of located.parts) if (!location && part.order > lastOrder) out.add(part.id);
  return out;
}
