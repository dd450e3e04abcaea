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

/** Where a document-level finding points: the title, or else the first non-empty line. */
export function documentAnchor(ctx: RuleContext): OffsetRange {
  if (ctx.outline.title) return ctx.outline.title.range;
  const first = ctx.doc.lines.find((l) => l.text.trim() !== '') ?? ctx.doc.lines[0];
  const lead = first.text.length - first.text.trimStart().length;
  return { start: first.start + lead, end: first.end };
}
