import type { RuleContext } from './types';
import { activeProfile } from '../profiles/detect';
import { locateParts, type LocatedParts } from '../profiles/locate';
import type { Profile } from '../profiles/types';
import type { OffsetRange } from '../types';

/** The active profile and its located parts, or null when no profile applies. */
export function profileParts(ctx: RuleContext): { profile: Profile; located: LocatedParts } | null {
  const profile = activeProfile(ctx.analysis, ctx.config);
  if (!profile) return null;
  return { profile, located: locateParts(ctx.analysis, profile) };
}

/** How many characters a finding about a whole document underlines when there is no title. */
export const ANCHOR_WORDS = 12;

/**
 * Where a document-level finding points: the title, or else the opening words of the first
 * non-empty line (up to its first punctuation mark, at most ANCHOR_WORDS characters), never a
 * whole paragraph: a note about the document must not cover the words other findings are about.
 */
export function documentAnchor(ctx: RuleContext): OffsetRange {
  if (ctx.outline.title) return ctx.outline.title.range;
  const first = ctx.doc.lines.find((l) => l.text.trim() !== '') ?? ctx.doc.lines[0];
  const lead = first.text.length - first.text.trimStart().length;
  return { start: first.start + lead, end: first.start + lead + openingWords(first.text.slice(lead)) };
}

/** The length of the opening words of `text`: up to the first punctuation mark, at most ANCHOR_WORDS characters. */
export function openingWords(text: string): number {
  const stop = text.search(/[，,。；;：:！!？?、（(）)\s]/);
  const end = stop > 0 ? stop : text.trimEnd().length;
  return Math.min(end, ANCHOR_WORDS);
}

/** The closing words of a line (after its last punctuation mark, at most ANCHOR_WORDS characters), as an offset range. */
export function closingWords(line: { start: number; text: string }): OffsetRange {
  const text = line.text.trimEnd();
  let from = text.length;
  while (from > 0 && text.length - from < ANCHOR_WORDS && !/[，,。；;：:！!？?、\s]/.test(text[from - 1])) from--;
  // A line that ends with punctuation: its last words before it.
  if (from === text.length && from > 0) {
    from--;
    while (from > 0 && text.length - from < ANCHOR_WORDS && !/[，,。；;：:！!？?、\s]/.test(text[from - 1])) from--;
  }
  return { start: line.start + from, end: line.start + text.length };
}
