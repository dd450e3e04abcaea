import type { Analysis } from '../analysis';
import { openingYear } from '../document/years';
import type { OffsetRange } from '../types';
import { PhraseLists, type PhraseScan } from './phrases';
import { builtinProfiles } from './registry';
import type { Profile } from './types';

/**
 * The phrase lists of a group of profiles matched together: one automaton per kind of text
 * (the whole text, a heading title, a paragraph's first sentence, the title and opening), over
 * the lists of every profile of the group, so that each text is scanned once for all of them.
 * The built-in profiles form one group (auto detection scores each of them on every document);
 * a custom profile is a group of its own. Each list keeps its own answers (PhraseLists: a list
 * matched with others answers as it would alone), so a profile's answers do not depend on its group.
 */
export interface ProfileGroup {
  /** The memo key of the group's scans of a document. */
  key: string;
  /** Per profile: detect.keywords, detect.tablePhrases, then each part's bodyPhrases. */
  text: PhraseLists;
  /** Per profile: each part's headingPhrases and excludePhrases (2 lists a part). */
  heading: PhraseLists;
  /** Per profile: each part's paragraphPhrases, excludePhrases and opening verbs (3 a part). */
  paragraph: PhraseLists;
  /** Per profile: detect.titlePhrases, detect.openingPhrases. */
  detect: PhraseLists;
  /** Where each profile's lists start in text, heading, paragraph and detect. */
  base: Map<Profile, ListBase>;
}

export interface ListBase {
  text: number;
  heading: number;
  paragraph: number;
  detect: number;
}

/** Offsets within a profile's text lists (add ListBase.text). */
export const TEXT_KEYWORDS = 0;
export const TEXT_TABLE_PHRASES = 1;
export const textBodyPhrases = (partIndex: number): number => 2 + partIndex;
/** Offsets within a profile's detect lists (add ListBase.detect). */
export const DETECT_TITLE = 0;
export const DETECT_OPENING = 1;

function makeGroup(key: string, profiles: readonly Profile[]): ProfileGroup {
  const text: (readonly string[] | undefined)[] = [];
  const heading: (readonly string[] | undefined)[] = [];
  const paragraph: (readonly string[] | undefined)[] = [];
  const detect: (readonly string[] | undefined)[] = [];
  const base = new Map<Profile, ListBase>();
  for (const profile of profiles) {
    base.set(profile, { text: text.length, heading: heading.length, paragraph: paragraph.length, detect: detect.length });
    text.push(profile.detect.keywords, profile.detect.tablePhrases, ...profile.parts.map((p) => p.bodyPhrases));
    for (const p of profile.parts) heading.push(p.headingPhrases, p.excludePhrases);
    for (const p of profile.parts) paragraph.push(p.paragraphPhrases, p.excludePhrases, p.opening?.verbs);
    detect.push(profile.detect.titlePhrases, profile.detect.openingPhrases);
  }
  return { key: `profile-scans:${key}`, text: new PhraseLists(text), heading: new PhraseLists(heading), paragraph: new PhraseLists(paragraph), detect: new PhraseLists(detect), base };
}

let builtinGroup: ProfileGroup | null = null;
const customGroups = new WeakMap<Profile, ProfileGroup>();

/** The group a profile is matched in: the built-in profiles together, a custom one alone. */
export function groupOf(profile: Profile): ProfileGroup {
  const builtins = builtinProfiles();
  if (builtins.includes(profile)) return (builtinGroup ??= makeGroup('builtin', builtins));
  let g = customGroups.get(profile);
  if (!g) {
    g = makeGroup(`profile:${profile.id}`, [profile]);
    customGroups.set(profile, g);
  }
  return g;
}

/** 。！？!?:：;； by code unit. */
const FIRST_SENTENCE_ENDS = new Set([...'。！？!?:：;；'].map((c) => c.charCodeAt(0)));

/** The length of the first sentence (or clause introduced by a colon) of text[start, end). */
function firstSentenceLength(text: string, start: number, end: number, max = 160): number {
  const limit = Math.min(end - start, max);
  for (let i = 0; i < limit; i++) {
    if (FIRST_SENTENCE_ENDS.has(text.charCodeAt(start + i))) return i + 1;
  }
  return limit;
}

/** An unnumbered paragraph's first sentence, scanned for the group's paragraph lists. */
export class ParagraphScan {
  private openingYear: { year: number; range: OffsetRange } | null | undefined = undefined;
  private paragraphText: string | null = null;

  constructor(
    private readonly doc: string,
    private readonly range: OffsetRange,
    /** Length of the first sentence. */
    readonly first: number,
    readonly scan: PhraseScan,
  ) {}

  /** The paragraph's text. */
  get text(): string {
    return (this.paragraphText ??= this.doc.slice(this.range.start, this.range.end));
  }

  /** The year the paragraph opens with, relative to the paragraph start (read when first asked for). */
  get opening(): { year: number; range: OffsetRange } | null {
    if (this.openingYear === undefined) this.openingYear = openingYear(this.text, 0);
    return this.openingYear;
  }
}

const NO_PARAGRAPH_SCANS: readonly (ParagraphScan | null | undefined)[] = [];

/**
 * A group's scans of one document, each made when first asked for and shared by the group's
 * profiles (memoised per analysis and group: see scansOf).
 */
export class GroupScans {
  private textScan: PhraseScan | null = null;
  private titleScan: PhraseScan | null = null;
  private openingScan: PhraseScan | null = null;
  private headingScans: PhraseScan[] | null = null;
  private paragraphScans: (ParagraphScan | null | undefined)[] = NO_PARAGRAPH_SCANS as (ParagraphScan | null | undefined)[];

  constructor(
    private readonly analysis: Analysis,
    readonly group: ProfileGroup,
  ) {}

  /** The whole simplified text, for the group's text lists. */
  text(): PhraseScan {
    return (this.textScan ??= this.group.text.scan(this.analysis.doc.simplified));
  }

  /** The title (empty without one), for the detect lists. */
  title(): PhraseScan {
    if (!this.titleScan) {
      const { doc, outline } = this.analysis;
      const title = outline.title ? doc.simplified.slice(outline.title.range.start, outline.title.range.end) : '';
      this.titleScan = this.group.detect.scan(title);
    }
    return this.titleScan;
  }

  /** The first `chars` characters of the text, for the detect lists (one length per group's use). */
  opening(chars: number): PhraseScan {
    return (this.openingScan ??= this.group.detect.scan(this.analysis.doc.simplified.slice(0, chars)));
  }

  /** Each heading title of outline.flat, for the heading lists. */
  headings(): PhraseScan[] {
    if (!this.headingScans) {
      const text = this.analysis.doc.simplified;
      this.headingScans = this.analysis.outline.flat.map((s) => this.group.heading.scanRange(text, s.heading.titleRange.start, s.heading.titleRange.end));
    }
    return this.headingScans;
  }

  /** The first sentence of paragraph `pi` of outline.paragraphs (null for a run-in paragraph). */
  paragraph(pi: number): ParagraphScan | null {
    const { outline, doc } = this.analysis;
    if (this.paragraphScans === NO_PARAGRAPH_SCANS) this.paragraphScans = new Array<ParagraphScan | null | undefined>(outline.paragraphs.length);
    let c = this.paragraphScans[pi];
    if (c === undefined) {
      const p = outline.paragraphs[pi];
      if (p.runIn) c = null;
      else {
        const text = doc.simplified;
        const first = firstSentenceLength(text, p.range.start, p.range.end);
        c = new ParagraphScan(text, p.range, first, this.group.paragraph.scanRange(text, p.range.start, p.range.start + first));
      }
      this.paragraphScans[pi] = c;
    }
    return c;
  }
}

/** The scans of a document for the group of `profile` (memoised per analysis and group). */
export function scansOf(analysis: Analysis, profile: Profile): GroupScans {
  const group = groupOf(profile);
  const scans = analysis.memo(group.key, () => new GroupScans(analysis, group));
  // Two custom profile objects with one id (a reloaded configuration): the scans of the other are not ours.
  return scans.group === group ? scans : new GroupScans(analysis, group);
}

/** A profile's lists' offsets in its group. */
export function baseOf(profile: Profile): ListBase {
  return groupOf(profile).base.get(profile)!;
}
