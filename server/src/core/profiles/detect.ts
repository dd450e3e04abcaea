import type { Analysis } from '../analysis';
import type { ResolvedConfig } from '../config/config';
import { locateParts } from './locate';
import { baseOf, DETECT_OPENING, DETECT_TITLE, scansOf, TEXT_KEYWORDS, TEXT_TABLE_PHRASES } from './group-scan';
import { allProfiles, getProfile } from './registry';
import type { Profile } from './types';

export interface ProfileDetection {
  profile: Profile;
  score: number;
  /** Machine-readable reasons: title, keywords:N, parts:N. */
  cues: string[];
}

/** How much of the start of the text `openingPhrases` are looked for in. */
const OPENING_CHARS = 300;

const STRUCTURAL_KINDS = new Set(['heading', 'merged', 'paragraph', 'opening']);

function score(analysis: Analysis, profile: Profile): ProfileDetection | null {
  const { outline } = analysis;
  const hasTitle = !!outline.title && outline.title.range.end > outline.title.range.start;
  // Without a title hit a profile needs no web-page cue, enough keywords and structure: the
  // cheap conditions are decided first, so that a document no profile fits is not located (a
  // copied web page without a title is not even scanned).
  const webPage = outline.reportCues.includes('web-page');
  if (!hasTitle && webPage) return null;
  // The title, the text and the opening are each scanned once for every profile of the group.
  const scans = scansOf(analysis, profile);
  const base = baseOf(profile);
  const titleHit = hasTitle && scans.title().containsAny(base.detect + DETECT_TITLE);
  if (!titleHit && webPage) return null;
  const keywords = scans.text().countAll(base.text + TEXT_KEYWORDS, 1000);
  if (!titleHit && keywords < profile.detect.minKeywordCount) return null;
  const located = locateParts(analysis, profile);
  const parts = located.parts.filter((p) => p.part.required && p.location && STRUCTURAL_KINDS.has(p.location.kind)).length;
  // Cells only a table of this kind has (本年新收政府信息公开申请数量): they stand in for parts.
  const tableCells = profile.detect.tablePhrases?.length ? scans.text().countAll(base.text + TEXT_TABLE_PHRASES, 100) : 0;
  const openingHit = !titleHit && !!profile.detect.openingPhrases?.length && scans.opening(OPENING_CHARS).containsAny(base.detect + DETECT_OPENING);
  const structure = parts >= profile.detect.minParts || (tableCells >= 2 && parts >= 1) || (openingHit && parts >= 1);
  const detected = titleHit || structure;
  if (!detected) return null;
  const cues: string[] = [];
  if (titleHit) cues.push('title');
  cues.push(`keywords:${keywords}`, `parts:${parts}`);
  if (tableCells) cues.push(`table:${tableCells}`);
  if (openingHit) cues.push('opening');
  return { profile, score: (titleHit ? 100 : 0) + (openingHit ? 50 : 0) + parts * 10 + Math.min(tableCells, 5) * 2 + Math.min(keywords, 9), cues };
}

/** The memo key of a profile list, made once per list (the built-in list is one array). */
const detectKeys = new WeakMap<readonly Profile[], string>();
function detectKey(profiles: readonly Profile[]): string {
  let key = detectKeys.get(profiles);
  if (key === undefined) {
    key = `detect:${profiles.map((p) => p.id).join(',')}`;
    detectKeys.set(profiles, key);
  }
  return key;
}

/** Which profile's kind of report this document is, or null (memoised per analysis). */
export function detectProfile(analysis: Analysis, config?: Pick<ResolvedConfig, 'customProfiles'>): ProfileDetection | null {
  const profiles = allProfiles(config);
  return analysis.memo(detectKey(profiles), () => {
    let best: ProfileDetection | null = null;
    for (const p of profiles) {
      const d = score(analysis, p);
      if (d && (!best || d.score > best.score)) best = d;
    }
    return best;
  });
}

/**
 * The profile whose rules apply: the configured one (`profile` in .reportlintrc.json or the
 * reportlint.profile setting), or in `auto` mode the detected one. `none` turns profiles off.
 */
export function activeProfile(analysis: Analysis, config: Pick<ResolvedConfig, 'profile' | 'customProfiles'>): Profile | null {
  const id = config.profile || 'auto';
  if (id === 'none') return null;
  if (id === 'auto') return detectProfile(analysis, config)?.profile ?? null;
  return getProfile(id, config) ?? null;
}

/**
 * Whether a document counts as a report in `auto` mode: it looks like one (title, numbered
 * sections, 报告如下 …) or a profile recognises it (a draft with the mandated parts).
 */
export function isReportDocument(analysis: Analysis, config?: Pick<ResolvedConfig, 'customProfiles'>): boolean {
  return analysis.outline.looksLikeReport || detectProfile(analysis, config) !== null;
}
