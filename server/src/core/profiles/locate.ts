import type { Analysis } from '../analysis';
import type { Section } from '../outline/outline';
import type { OffsetRange } from '../types';
import { openingYear, reportYear } from '../document/years';
import { PhraseLists, type PhraseScan } from './phrases';
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

/** 。！？!?:：;； by code unit. */
const FIRST_SENTENCE_ENDS = new Set([...'。！？!?:：;；'].map((c) => c.charCodeAt(0)));

/** The end of the first sentence (or clause introduced by a colon) of a paragraph. */
function firstSentenceEnd(text: string, max = 160): number {
  const limit = Math.min(text.length, max);
  for (let i = 0; i < limit; i++) {
    if (FIRST_SENTENCE_ENDS.has(text.charCodeAt(i))) return i + 1;
  }
  return limit;
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

/**
 * A profile's phrase lists, each group matched together (PhraseLists: one scan of a text for all
 * of them): made once per profile object.
 */
interface ProfileLists {
  /** Scanned on the whole text: detect.keywords, detect.tablePhrases, then each part's bodyPhrases. */
  text: PhraseLists;
  /** Scanned on a heading title: each part's headingPhrases and excludePhrases (2 lists a part). */
  heading: PhraseLists;
  /** Scanned on a paragraph's first sentence: each part's paragraphPhrases, excludePhrases and opening verbs (3 a part). */
  paragraph: PhraseLists;
}

const profileLists = new WeakMap<Profile, ProfileLists>();

function listsOf(profile: Profile): ProfileLists {
  let l = profileLists.get(profile);
  if (!l) {
    l = {
      text: new PhraseLists([profile.detect.keywords, profile.detect.tablePhrases, ...profile.parts.map((p) => p.bodyPhrases)]),
      heading: new PhraseLists(profile.parts.flatMap((p) => [p.headingPhrases, p.excludePhrases])),
      paragraph: new PhraseLists(profile.parts.flatMap((p) => [p.paragraphPhrases, p.excludePhrases, p.opening?.verbs])),
    };
    profileLists.set(profile, l);
  }
  return l;
}

/** Index in the scan of profileTextScan of the keywords, the table phrases and part i's body phrases. */
export const TEXT_KEYWORDS = 0;
export const TEXT_TABLE_PHRASES = 1;
const textBodyPhrases = (partIndex: number) => 2 + partIndex;

/** One scan of the document's simplified text for the profile's whole-text lists (memoised per analysis and profile). */
export function profileTextScan(analysis: Analysis, profile: Profile): PhraseScan {
  return analysis.memo(`phrase-scan:${profile.id}`, () => listsOf(profile).text.scan(analysis.doc.simplified));
}

/** Which parts a heading title names (by index in profile.parts). */
function headingParts(profile: Profile, title: string): number[] {
  const out: number[] = [];
  if (!title) return out;
  const scan = listsOf(profile).heading.scan(title);
  profile.parts.forEach((_part, i) => {
    if (scan.containsAny(2 * i) && !scan.containsAny(2 * i + 1)) out.push(i);
  });
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
  /** The year the paragraph opens with, relative to the paragraph start. */
  opening: { year: number; range: OffsetRange } | null;
}

function paragraphCues(profile: Profile, ptext: string): ParagraphCues {
  const first = ptext.slice(0, firstSentenceEnd(ptext));
  const phrase: number[] = [];
  const verbs: number[] = [];
  const scan = listsOf(profile).paragraph.scan(first);
  profile.parts.forEach((part, i) => {
    if (scan.findAny(3 * i) && !scan.containsAny(3 * i + 1)) phrase.push(i);
    if (part.opening && scan.containsAny(3 * i + 2) && hasFutureMarker(ptext, part.opening.verbs, first.length)) verbs.push(i);
  });
  return { first: first.length, phrase, verbs, opening: openingYear(ptext, 0) };
}

function computeParts(analysis: Analysis, profile: Profile): LocatedParts {
  const { doc, outline } = analysis;
  const text = doc.simplified;
  const found = new Map<string, PartLocation | null>();
  const byHeading = new Map<Section, string[]>();

  // 1. Headings: the shallowest heading that names the part (first in document order on ties).
  const named = outline.flat.map((s) => headingParts(profile, text.slice(s.heading.titleRange.start, s.heading.titleRange.end)));
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
      const p = outline.paragraphs[pi];
      c = p.runIn ? null : paragraphCues(profile, text.slice(p.range.start, p.range.end));
      cues[pi] = c;
    }
    return c;
  };
  profile.parts.forEach((part, partIndex) => {
    if (found.get(part.id)) return;
    outline.paragraphs.some((p, pi) => {
      const c = cuesOf(pi);
      if (!c) return false;
      let kind: PartLocationKind | null = null;
      if (c.phrase.includes(partIndex)) kind = 'paragraph';
      else if (part.opening && year) {
        const oy = c.opening;
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
    const m = profileTextScan(analysis, profile).findAny(textBodyPhrases(partIndex));
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
