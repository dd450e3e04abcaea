import type { Analysis } from '../analysis';
import type { LocatedParts } from './locate';

/** What a finished text can end with: a sentence end, a closing bracket or quote. */
const FINISHED = /[。！？!?…”’」』）)】》]$/;

/**
 * Whether the text looks cut off: no closing block (issuing body, date) and the last line ends
 * mid-sentence (body text, a table row, a sub-heading; a last line that is a whole level-1 heading
 * is a draft's outline, not a cut). Copies of web pages often hold only a report's opening; parts after the cut are not
 * reached, not missing.
 */
export function looksCutOff(analysis: Analysis): boolean {
  return analysis.memo('looks-cut-off', () => {
    const { outline, doc } = analysis;
    if (outline.closing) return false;
    const lines = doc.lines;
    let i = lines.length - 1;
    while (i >= 0 && lines[i].text.trim() === '') i--;
    if (i < 0) return false;
    // The whole last line is a top-level heading (no run-in body after its title): an outline being
    // drafted (一、甲 / 二、乙). A cut excerpt ends inside body text, a table or a lower heading.
    const lineEnd = lines[i].start + lines[i].text.trimEnd().length;
    if (outline.headings.some((h) => h.line === i && h.level <= 1 && h.titleRange.end >= lineEnd)) return false;
    const last = lines[i].text.trim();
    return !FINISHED.test(last);
  });
}

/**
 * The parts that a cut-off text may simply not have reached: those whose place in the order comes
 * after every part located in it, and those that may stand anywhere (order 0). Empty when the
 * text does not look cut off.
 */
export function partsNotReached(analysis: Analysis, located: LocatedParts): Set<string> {
  const out = new Set<string>();
  if (!looksCutOff(analysis)) return out;
  // How far the text has visibly got: a part found as its own heading, paragraph or opening. A part
  // mentioned in a sentence inside another section (第一责任人 in the measures part, kind 'body')
  // says nothing about how far the text has got.
  let lastOrder = 0;
  for (const { part, location } of located.parts) if (location && location.kind !== 'body' && part.order > lastOrder) lastOrder = part.order;
  for (const { part, location } of located.parts) if (!location && (part.order > lastOrder || part.order === 0)) out.add(part.id);
  return out;
}
