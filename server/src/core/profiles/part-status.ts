import type { Analysis } from '../analysis';
import { looksCutOff } from './cut-off';
import type { LocatedParts, PartLocation } from './locate';
import type { ProfilePart } from './types';

/**
 * Where a report stands with one of its profile's parts:
 *  - `written`      the part is in the text (see locate.ts for the forms it may take)
 *  - `missing`      it is absent although the text visibly goes past where it belongs
 *  - `not-reached`  it is absent and the text has not yet got to where it belongs (a draft still
 *                   being written, or a text cut off before it)
 */
export type PartStatus = 'written' | 'missing' | 'not-reached';

export interface PartCheck {
  part: ProfilePart;
  location: PartLocation | null;
  status: PartStatus;
}

/**
 * The status of every part of the profile, in profile order.
 *
 * A part with a place in the order (order ≥ 1) is missing when the closing block (issuing body and
 * date) is present, or when a part that comes later in the order is present as a heading, a
 * paragraph or an opening (a mention inside another section's sentence says nothing about how far
 * the text has got). A part that may stand anywhere (order 0, e.g. the 第一责任人 part, often a
 * sentence in the measures) is missing when the closing block is present, or when the last
 * mandated part of the order is present and the text does not look cut off: a report that has
 * reached its last mandated part has had every place to mention it. Every other absent part is
 * not reached yet.
 */
export function partChecklist(analysis: Analysis, located: LocatedParts): PartCheck[] {
  return analysis.memo(`part-checklist:${located.profile.id}`, () => computeChecklist(analysis, located));
}

function computeChecklist(analysis: Analysis, located: LocatedParts): PartCheck[] {
  const closed = analysis.outline.closing !== null;
  // How far the text has visibly got: the highest order among parts found in their own place.
  let reached = 0;
  for (const { part, location } of located.parts) if (location && location.kind !== 'body' && part.order > reached) reached = part.order;
  const lastMandated = located.parts.reduce((m, { part }) => (part.required && part.order > m ? part.order : m), 0);
  const endReached = lastMandated > 0 && reached >= lastMandated && !looksCutOff(analysis);
  return located.parts.map(({ part, location }) => {
    let status: PartStatus;
    if (location) status = 'written';
    else if (closed) status = 'missing';
    else if (part.order > 0) status = reached > part.order ? 'missing' : 'not-reached';
    else status = endReached ? 'missing' : 'not-reached';
    return { part, location, status };
  });
}
