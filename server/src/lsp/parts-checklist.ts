/**
 * `reportlint/partsChecklist`: the mandated parts of the document's report type and where the
 * report stands with each (written / missing / not reached yet), for the client's status bar.
 * A written part carries the range of its heading or sentence (to reveal it); an absent one the
 * edits that insert it where it belongs (the same as the missing-part quick fix).
 */
import type { Analysis } from '../core/analysis';
import { locateParts } from '../core/profiles/locate';
import { partChecklist, type PartStatus } from '../core/profiles/part-status';
import { partInsertion } from '../core/profiles/skeleton';
import type { Profile } from '../core/profiles/types';
import type { Locale, Range, TextEdit } from '../core/types';

export interface ChecklistPart {
  id: string;
  name: string;
  /** What the regulation asks for, in one phrase. */
  item: string;
  status: PartStatus;
  /** Written parts: the heading title or sentence that shows it. */
  range?: Range;
  /** Absent parts: the marker the inserted part gets (e.g. 三、), or ''. */
  marker?: string;
  /** Absent parts: the edits that insert its skeleton. */
  edits?: TextEdit[];
}

export interface PartsChecklist {
  profile: { id: string; name: string };
  /** Written mandated parts. */
  written: number;
  /** Mandated parts. */
  total: number;
  /** The mandated parts, in the profile's order. */
  parts: ChecklistPart[];
}

export function partsChecklist(analysis: Analysis, profile: Profile, locale: Locale): PartsChecklist {
  const located = locateParts(analysis, profile);
  const parts: ChecklistPart[] = partChecklist(analysis, located)
    .filter((c) => c.part.required)
    .map(({ part, location, status }) => {
      const base = { id: part.id, name: part.name[locale], item: part.item[locale], status };
      if (location) return { ...base, range: analysis.doc.rangeOfOffsets(location.anchor) };
      const ins = partInsertion(analysis, profile, part.id);
      return { ...base, marker: ins.marker, edits: ins.edits };
    });
  return {
    profile: { id: profile.id, name: profile.name[locale] },
    written: parts.filter((p) => p.status === 'written').length,
    total: parts.length,
    parts,
  };
}
