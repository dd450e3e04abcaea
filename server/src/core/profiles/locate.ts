import type { Analysis } from '../analysis';
import type { Section } from '../outline/outline';
import type { OffsetRange } from '../types';
import { reportYear } from '../document/years';
import type { PhraseScan } from './phrases';
import { baseOf, scansOf, textBodyPhrases, type ParagraphScan } from './group-scan';
import { hasFutureMarker } from '../document/future-marker';
import type { Profile, ProfilePart } from './types';

/**
 * How a part was found:
 *  - `heading`   a heading (any level) names it
 *  - `merged`    one heading names it together with another part (八、存在的不足及下一步计划)
 *  - `paragraph` an unnumbered paragraph opens with its wording (……但还存在薄弱环节:)
 *  - `opening`   a paragraph opens with the year the part is about (2024年,……将……)
 *  - `body`      a sentence in the body mentions it (the 第一责任人 part)
 *  - `fallback`  the first thematic section nobody else claims (the measures of seed 000)
 */
export type PartLocationKind = 'heading' | 'merged' | 'paragraph' | 'opening' | 'body' | 'fallback';

export interface PartLocation {
  partId: string;
  kind: PartLocationKind;
  /** The section whose heading names the part (heading, merged, fallback), else the section holding the text. */
  section: Section | null;
  /** The part's text: the section's range, the paragraph, or the sentence. */
  range: OffsetRange;
  /** What a finding points at: the heading title, or the first sentence of the paragraph. */
  anchor: OffsetRange;
  /** The top-level section that holds the part, or null outside every section. */
  topSection: Section | null;
  /** Index in outline.paragraphs for paragraph and opening locations. */
  paragraph?: number;
}

export interface LocatedParts {
  profile: Profile;
  /** Every part of the profile, in profile order, with its location or null. */
  parts: { part: ProfilePart; location: PartLocation | null }[];
  byId: Map<string, PartLocation | null>;
}

function topOf(s: Section | null): Section | null {
  let t = s;
  while (t && t.parent) t = t.parent;
  return t;
}

function sentenceAround(text: string, start: number, end: number): OffsetRange {
  let s = start;
  while (s > 0 && !'。！？!?\n\r'.includes(text[s - 1]) && start - s < 200) s--;
  let e = end;
  while (e < text.length && !'。！？!?\n\r'.includes(text[e]) && e - end < 200) e++;
  if (e < text.length && '。！？!?'.includes(text[e])) e++;
  return { start: s, end: e };
}

/** Where each of the profile's parts is in the document (memoised per analysis and profile). */
export function locateParts(analysis: Analysis, profile: Profile): LocatedParts {
  return analysis.memo(`parts:${profile.id}`, () => computeParts(analysis, profile));
}

/** Which parts a heading names (by index in profile.parts), from the scan of its title. */
function headingParts(profile: Profile, scan: PhraseScan, base: number): number[] {
  const out: number[] = [];
  if (scan.empty) return out;
  for (let i = 0; i < profile.parts.length; i++) {
    if (scan.containsAny(base + 2 * i) && !scan.containsAny(base + 2 * i + 1)) out.push(i);
  }
  return out;
}

/** What the first sentence of an unnumbered paragraph says about each part (see step 2 below). */
interface ParagraphCues {
  /** Length of the first sentence. */
  first: number;
  /** Parts (by index) whose paragraph phrases open the paragraph. */
  phrase: number[];
  /** Parts (by index) whose opening verbs appear in the first sentence. */
  verbs: number[];
  /** The paragraph's scan (its opening year is read only for parts that open with one). */
  paragraph: ParagraphScan;
}

function paragraphCues(profile: Profile, p: ParagraphScan, base: number): ParagraphCues {
  const phrase: number[] = [];
  const verbs: number[] = [];
  const { scan } = p;
  if (scan.empty) return { first: p.first, phrase, verbs, paragraph: p };
  profile.parts.forEach((part, i) => {
    if (scan.containsAny(base + 3 * i) && !scan.containsAny(base + 3 * i + 1)) phrase.push(i);
    if (part.opening && scan.containsAny(base + 3 * i + 2) && hasFutureMarker(p.text, part.opening.verbs, p.first)) verbs.push(i);
  });
  return { first: p.first, phrase, verbs, paragraph: p };
}

function computeParts(analysis: Analysis, profile: Profile): LocatedParts {
  const { doc, outline } = analysis;
  const text = doc.simplified;
  const found = new Map<string, PartLocation | null>();
  const byHeading = new Map<Section, string[]>();

  // 1. Headings: the shallowest heading that names the part (first in document order on ties).
  const scans = scansOf(analysis, profile);
  const base = baseOf(profile);
  const named = scans.headings().map((scan) => headingParts(profile, scan, base.heading));
  profile.parts.forEach((part, partIndex) => {
    let best: Section | null = null;
    for (let si = 0; si < outline.flat.length; si++) {
      const s = outline.flat[si];
      if (!named[si].includes(partIndex)) continue;
      if (!best || s.heading.level < best.heading.level) best = s;
    }
    if (best) {
      found.set(part.id, {
        partId: part.id,
        kind: 'heading',
        section: best,
        range: best.range,
        anchor: best.heading.titleRange.end > best.heading.titleRange.start ? best.heading.titleRange : best.heading.markerRange,
        topSection: topOf(best),
      });
      byHeading.set(best, [...(byHeading.get(best) ?? []), part.id]);
    }
  });
  for (const ids of byHeading.values()) {
    if (ids.length > 1) for (const id of ids) found.get(id)!.kind = 'merged';
  }

  // 2. Unnumbered paragraphs: the first sentence carries the part's wording, or the opening year.
  const year = reportYear(analysis);
  let cues: (ParagraphCues | null)[] | null = null;
  const cuesOf = (pi: number): ParagraphCues | null => {
    cues ??= new Array<ParagraphCues | null>(outline.paragraphs.length);
    let c = cues[pi];
    if (c === undefined) {
      const p = scans.paragraph(pi);
      c = p ? paragraphCues(profile, p, base.paragraph) : null;
      cues[pi] = c;
    }
    return c;
  };
  profile.parts.forEach((part, partIndex) => {
    if (found.get(part.id)) return;
    // Without paragraph phrases, or an opening year to compare, no paragraph can be this part.
    if (!part.paragraphPhrases?.length && !(part.opening && year)) return;
    outline.paragraphs.some((p, pi) => {
      const c = cuesOf(pi);
      if (!c) return false;
      let kind: PartLocationKind | null = null;
      if (c.phrase.includes(partIndex)) kind = 'paragraph';
      else if (part.opening && year) {
        const oy = c.paragraph.opening;
        // A next-year part copied from last year's report still opens with the report year: accept it
        // near the end of the document so year-mismatch can point at the stale year.
        const stale = part.nextYear && oy?.year === year.year && pi >= outline.paragraphs.length - 3;
        if (oy && (oy.year === year.year + part.opening.yearOffset || stale) && c.verbs.includes(partIndex)) kind = 'opening';
      }
      if (!kind) return false;
      const anchorEnd = p.range.start + c.first;
      found.set(part.id, {
        partId: part.id,
        kind,
        section: p.section,
        range: p.range,
        anchor: { start: p.range.start, end: anchorEnd },
        topSection: topOf(p.section),
        paragraph: pi,
      });
      return true;
    });
  });

  // 3. Body text (第一责任人): any sentence that mentions it.
  for (const [partIndex, part] of profile.parts.entries()) {
    if (found.get(part.id) || !part.bodyPhrases?.length) continue;
    const m = scans.text().findAny(base.text + textBodyPhrases(partIndex));
    if (!m) continue;
    const sentence = sentenceAround(text, m.start, m.end);
    const holder = outline.flat.filter((s) => s.range.start <= m.start && m.start <= s.range.end).pop() ?? null;
    found.set(part.id, { partId: part.id, kind: 'body', section: holder, range: sentence, anchor: { start: m.start, end: m.end }, topSection: topOf(holder) });
  }

  // 4. Fallback: the first top-level section that no other part claims (thematic measures sections).
  for (const part of profile.parts) {
    if (found.get(part.id) || part.fallback !== 'first-unclaimed-section') continue;
    // Sections named by another part's own heading are claimed; parts that should come later bound the search.
    const claimed = new Set<Section>();
    let firstLater = Number.MAX_SAFE_INTEGER;
    for (const other of profile.parts) {
      const loc = found.get(other.id);
      if (!loc || loc.kind === 'body') continue;
      if ((loc.kind === 'heading' || loc.kind === 'merged') && loc.section && !loc.section.parent) claimed.add(loc.section);
      if (other.order > part.order) firstLater = Math.min(firstLater, (loc.topSection ?? { range: loc.range }).range.start, loc.range.start);
    }
    const firstOther = firstLater;
    const candidate = outline.sections.find((s) => !claimed.has(s) && s.heading.style !== 'question' && s.range.start < firstOther);
    if (candidate) {
      found.set(part.id, {
        partId: part.id,
        kind: 'fallback',
        section: candidate,
        range: candidate.range,
        anchor: candidate.heading.titleRange,
        topSection: candidate,
      });
    }
  }

  const parts = profile.parts.map((part) => ({ part, location: found.get(part.id) ?? null }));
  const byId = new Map(parts.map((p) => [p.part.id, p.location] as const));
  return { profile, parts, byId };
}
