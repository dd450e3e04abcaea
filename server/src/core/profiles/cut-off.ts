import type { Analysis } from '../analysis';
import { boilerplateKind } from '../rules/web-boilerplate';

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
    const i = lastTextLine(analysis);
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
 * The last line of the text proper (0-based), or -1: trailing blank lines and lines of web-page
 * furniture copied with the text (来源：…, 编辑：…; see web-boilerplate) are not where it ends.
 */
export function lastTextLine(analysis: Analysis): number {
  const { doc } = analysis;
  let i = doc.lines.length - 1;
  while (i >= 0 && (doc.lines[i].text.trim() === '' || doc.isHidden(i) || boilerplateKind(doc.lineSimplified(doc.lines[i]).trim()) !== null)) i--;
  return i;
}
