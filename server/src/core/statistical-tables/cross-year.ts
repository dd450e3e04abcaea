/**
 * Across years: this year's report against last year's report of the same issuing body. Pure:
 * takes two analyses and returns findings on the current one; the CLI (files it is given) and the
 * server (documents of the workspace) decide which two to compare (see `reportKey`).
 * The comparisons are rules of their own (rules/cross-year-*.ts: carried-over requests, stock of
 * normative documents, copied text); this file pairs the reports and runs them.
 */
import { Analysis } from '../analysis';
import { localize } from '../l10n';
import { activeProfile } from '../profiles/detect';
import type { Profile } from '../profiles/types';
import type { ResolvedConfig } from '../config/config';
import type { Finding, Locale } from '../types';
import { CROSS_YEAR_RULES } from '../rules/cross-year';
import { statisticsYear } from './year';

/** Who issued a report and for which year: the pairing key (same body, consecutive years). */
export interface ReportKey {
  issuer: string;
  year: number;
}

const ISSUER_BEFORE_YEAR = /^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年/;

function normalizeIssuer(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** The issuing body (title before its year, else the signature) and the report year, or null. */
export function reportKey(analysis: Analysis, profile: Profile): ReportKey | null {
  const y = statisticsYear(analysis, profile);
  if (!y) return null;
  const { doc, outline } = analysis;
  let issuer = '';
  if (outline.title) {
    const m = ISSUER_BEFORE_YEAR.exec(doc.simplified.slice(outline.title.range.start, outline.title.range.end).trim());
    if (m) issuer = m[1];
  }
  if (!issuer && outline.closing?.issuer) issuer = doc.simplified.slice(outline.closing.issuer.range.start, outline.closing.issuer.range.end);
  issuer = normalizeIssuer(issuer);
  return issuer ? { issuer, year: y.year } : null;
}

/**
 * Compare this year's report with last year's report of the same body: every cross-year rule
 * (rules/cross-year-*.ts), each at its default severity (the callers apply the configuration).
 * `previousName` names the other file in messages. Returns findings for the current document only.
 */
export function compareYears(current: Analysis, previous: Analysis, profile: Profile, locale: Locale, previousName: string): Finding[] {
  const out: Finding[] = [];
  const doc = current.doc;
  for (const rule of CROSS_YEAR_RULES) {
    rule.compare({
      current,
      previous,
      profile,
      locale,
      previousName,
      t: (key, args) => {
        const msg = rule.messages[key];
        return msg ? localize(msg, locale, args) : key;
      },
      report: (f) => {
        out.push({
          ruleId: rule.meta.id,
          severity: rule.meta.defaultSeverity,
          message: f.message,
          range: doc.rangeOf(f.range.start, f.range.end),
          ...(f.related?.length ? { related: f.related.map((r) => ({ range: doc.rangeOf(r.range.start, r.range.end), message: r.message })) } : {}),
          ...(f.data ? { data: f.data } : {}),
        });
      },
    });
  }
  return out;
}

/**
 * Pair the reports among `docs` (same issuing body, consecutive years) and compare each with its
 * predecessor. Returns findings by index into `docs`.
 */
export function crossYearFindings(
  docs: readonly { name: string; analysis: Analysis; config: Pick<ResolvedConfig, 'profile' | 'customProfiles'> }[],
  locale: Locale,
): Map<number, Finding[]> {
  const keyed = docs
    .map((d, i) => {
      const profile = activeProfile(d.analysis, d.config);
      const key = profile?.tables?.length ? reportKey(d.analysis, profile) : null;
      return profile && key ? { i, profile, key } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  const out = new Map<number, Finding[]>();
  for (const cur of keyed) {
    const prev = keyed.find((p) => p.profile.id === cur.profile.id && p.key.issuer === cur.key.issuer && p.key.year === cur.key.year - 1);
    if (!prev) continue;
    const found = compareYears(docs[cur.i].analysis, docs[prev.i].analysis, cur.profile, locale, docs[prev.i].name);
    if (found.length) out.set(cur.i, found);
  }
  return out;
}

/** Texts that may be reports of a kind with statistical tables (cheap test before analysing them again). */
function mayHaveTables(text: string, profiles: readonly Profile[]): boolean {
  return profiles.some((p) => [...p.detect.titlePhrases, ...(p.detect.openingPhrases ?? []), ...(p.detect.tablePhrases ?? [])].some((ph) => text.includes(ph)));
}

/**
 * crossYearFindings for plain texts (the CLI's files): only texts that may be reports of a kind
 * with tables are analysed. Findings by index into `files`.
 */
export function crossYearForTexts(
  files: readonly { name: string; text: string; config: Pick<ResolvedConfig, 'profile' | 'customProfiles'> }[],
  profiles: readonly Profile[],
  locale: Locale,
): Map<number, Finding[]> {
  const withTables = profiles.filter((p) => p.tables?.length);
  if (files.length < 2 || !withTables.length) return new Map();
  const picked = files.map((f, i) => ({ f, i })).filter(({ f }) => mayHaveTables(f.text, withTables));
  if (picked.length < 2) return new Map();
  const found = crossYearFindings(
    picked.map(({ f }) => ({ name: f.name, analysis: Analysis.fromText(f.text, { uri: f.name }), config: f.config })),
    locale,
  );
  const out = new Map<number, Finding[]>();
  for (const [k, v] of found) out.set(picked[k].i, v);
  return out;
}
