/**
 * The evaluation on real text (`npm run eval`) is a list of sections, each measuring one part of
 * the checker against ../shared/corpus. A section reads the corpus itself, runs the core and
 * returns its part of eval/RESULTS.md plus the headline figures the CI floor guards
 * (eval/floor.json). Register a new section in eval/sections.ts.
 */

export interface EvalContext {
  /** The shared folder (…/shared), holding corpus/dev and corpus/gov-work-reports-2026. */
  sharedDir: string;
  /** `${sharedDir}/corpus`. */
  corpusDir: string;
}

/** One figure a section reports; the floor keeps it from getting worse. */
export interface Headline {
  /** Stable key, unique across sections (`stats.verified-consistent-pct`). */
  key: string;
  /** What it measures, for RESULTS.md and failure messages. */
  label: string;
  value: number;
  /** Which direction is an improvement: the floor is a minimum ('higher') or a maximum ('lower'). */
  better: 'higher' | 'lower';
}

export interface EvalSectionResult {
  /** The section's Markdown for RESULTS.md (starting at a `##` heading). */
  markdown: string;
  headlines: Headline[];
}

export interface EvalSection {
  /** Short id (`stats`, `structure`). */
  id: string;
  run(ctx: EvalContext): EvalSectionResult;
}

/**
 * Text from the corpus quoted in RESULTS.md stays short: the corpus must not be copied into the
 * repository (a hook flags 30-character verbatim runs), so an excerpt is at most this long.
 */
export const MAX_EXCERPT = 16;

/** A short excerpt, one line, with … where it was cut. */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  const one = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/** A percentage of a count, one decimal ("—" when there is nothing to divide). */
export function pct(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}
