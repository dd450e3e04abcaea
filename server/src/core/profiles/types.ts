import type { LocalizedText } from '../l10n';
import type { SeverityOrOff } from '../types';

/**
 * A report profile: the data that says what one kind of report must contain.
 * Profiles are JSON (server/src/core/profiles/builtin/*.json, or custom files named in
 * .reportlintrc.json) validated against schemas/profile.schema.json. They hold only
 * data: phrases are literal strings, where `…` stands for a short gap of up to
 * PHRASE_GAP characters inside one sentence (受…影响). No regular expressions, so a
 * profile cannot make the checker hang.
 */
export interface ProfilePart {
  /** Stable id used in findings and configuration: measures, shortcomings, plan … */
  id: string;
  /** Short display name, e.g. 存在的不足和原因. */
  name: LocalizedText;
  /** The mandated item as the regulation words it. */
  item: LocalizedText;
  required: boolean;
  /** Expected position (1-based); parts with equal order may come in either order. */
  order: number;
  /**
   * The item's number in the regulation's list (1 = （一）). Skeletons, inserted parts and the
   * snippets follow this order (one order everywhere); parts without it follow `order`.
   */
  itemNumber?: number;
  /** Prefixes of this part's snippet (snippets/report.json is generated from the profiles). */
  snippetPrefixes?: string[];
  /** A heading (any level) whose title contains one of these phrases is this part. */
  headingPhrases: string[];
  /** A heading or paragraph that contains one of these is never this part (e.g. 改进情况 for shortcomings). */
  excludePhrases?: string[];
  /** An unnumbered paragraph whose first sentence contains one of these is this part. */
  paragraphPhrases?: string[];
  /** Any sentence of the body containing one of these counts (the 第一责任人 part). */
  bodyPhrases?: string[];
  /**
   * A paragraph that opens with 〈report year + offset〉年 and contains one of `openingVerbs`
   * is this part (seed 000's closing plan paragraph: 2024年,……将……).
   */
  opening?: { yearOffset: number; verbs: string[] };
  /** When nothing else matches: the first level-1 section not claimed by another part. */
  fallback?: 'first-unclaimed-section';
  /** True for the part about the next year (its years must be report year + 1). */
  nextYear?: boolean;
  /** Phrases naming causes; a part with `causePhrases` and none of them gets missing-causes. */
  causePhrases?: string[];
  /** Skeleton inserted by the missing-part quick fix (document text, in Chinese). {year} {nextYear} are filled in. */
  skeleton: { title: string; body: string };
}

export interface Profile {
  $schema?: string;
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Prefixes of the whole-report skeleton snippet (snippets/report.json is generated from the profiles). */
  snippetPrefixes?: string[];
  /** The regulation that mandates the parts, and the article (kept in data: sources number it differently). */
  basis: { document: LocalizedText; article: LocalizedText };
  detect: {
    /** A title containing one of these identifies the profile outright. */
    titlePhrases: string[];
    /** Body keywords; at least `minKeywordCount` occurrences are needed without a title. */
    keywords: string[];
    minKeywordCount: number;
    /** Number of required parts recognised by heading or paragraph needed without a title. */
    minParts: number;
  };
  title?: { requiredPhrases: string[]; example: string };
  /** When the closing 成文日期 may fall relative to the report year Y. */
  closingDate?: { earliestMonthOfReportYear: number; latestYearOffset: number };
  parts: ProfilePart[];
  /** Default severities for this profile's documents (configuration still overrides). */
  rules?: Record<string, SeverityOrOff>;
}

/** Maximum length of one phrase, and of the gap `…` may stand for. */
export const PHRASE_MAX_LENGTH = 40;
export const PHRASE_GAP = 20;
export const MAX_PHRASES_PER_LIST = 200;
