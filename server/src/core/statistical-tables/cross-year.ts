/**
 * Across years: this year's report against last year's report of the same issuing body. Pure:
 * takes two analyses and returns findings on the current one; the CLI (files it is given) and the
 * server (documents of the workspace) decide which two to compare (see `reportKey`).
 *  - 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column (a warning: a
 *    recount can legitimately differ, but it should be explained);
 *  - a high share of sentences copied verbatim from last year's report is reported as information
 *    (国办公开办函〔2021〕30号 names 内容雷同 as a failure).
 */
import { Analysis } from '../analysis';
import { tableIndexByLine } from '../document/blocks/tables';
import { localize, type LocalizedText } from '../l10n';
import { activeProfile } from '../profiles/detect';
import type { Profile } from '../profiles/types';
import type { ResolvedConfig } from '../config/config';
import type { Finding, Locale } from '../types';
import { statisticalTables } from './check';
import { statisticsYear } from './year';

export const CARRY_OVER_RULE = 'cross-year-carry-over';
export const COPIED_TEXT_RULE = 'cross-year-copied-text';

/** Share of last year's sentences reused verbatim above which the report is flagged. */
export const COPIED_SHARE = 0.4;
/** Sentences shorter than this (after removing spaces) are not compared (stock phrases). */
const MIN_SENTENCE = 16;

const MSG = {
  carry: {
    'zh-cn': '“二、上年结转政府信息公开申请数量”与上一年度报告（{previous}）的“四、结转下年度继续办理”不一致：{columns}',
    en: 'Requests carried over ({columns}) differ from those carried forward in last year’s report ({previous})',
  },
  column: { 'zh-cn': '{column}本年{current}件、上年{previous}件', en: '{column}: {current} this year, {previous} last year' },
  copied: {
    'zh-cn': '本报告有{count}句（占{share}%）与上一年度报告（{previous}）逐字相同，注意避免内容雷同（国办公开办函〔2021〕30号）',
    en: '{count} sentences ({share}%) are copied verbatim from last year’s report ({previous}); avoid repeating content (国办公开办函〔2021〕30号)',
  },
} satisfies Record<string, LocalizedText>;

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
 * The sentences of the narrative, without spaces: not table lines, headings, the title or the
 * closing block, nor the statistics period sentence (the format's boilerplate, the same every year).
 */
function sentences(analysis: Analysis, profile: Profile): Map<string, { start: number; end: number }> {
  const doc = analysis.doc;
  const { outline } = analysis;
  const inTable = tableIndexByLine(doc, analysis.tables);
  const headingLines = new Set(outline.headings.map((h) => h.line));
  if (outline.title) headingLines.add(doc.positionAt(outline.title.range.start).line);
  if (outline.closing) {
    headingLines.add(outline.closing.date.line);
    if (outline.closing.issuer) headingLines.add(outline.closing.issuer.line);
  }
  const boilerplate = profile.statisticsPeriod?.phrases ?? [];
  const out = new Map<string, { start: number; end: number }>();
  for (const line of doc.lines) {
    if (inTable[line.index] >= 0 || headingLines.has(line.index)) continue;
    const text = doc.simplified.slice(line.start, line.end);
    const re = /[^。！？!?；;]+[。！？!?；;]?/g;
    for (const m of text.matchAll(re)) {
      const key = m[0].replace(/[\s\u3000]+/g, '');
      if (key.length < MIN_SENTENCE || out.has(key) || boilerplate.some((p) => key.includes(p))) continue;
      out.set(key, { start: line.start + m.index!, end: line.start + m.index! + m[0].length });
    }
  }
  return out;
}

/** Year digits do not make a sentence new: 2023年 → 2024年 with the rest unchanged is still copied. */
function withoutYears(s: string): string {
  return s.replace(/(?:19|20)\d{2}(?=\s*年)/g, '#');
}

/**
 * Compare this year's report with last year's report of the same body. `previousName` names the
 * other file in messages. Returns findings for the current document only.
 */
export function compareYears(current: Analysis, previous: Analysis, profile: Profile, locale: Locale, previousName: string): Finding[] {
  const out: Finding[] = [];
  const doc = current.doc;
  // 1. 上年结转 = last year's 结转下年度继续办理, in every column.
  const now = statisticalTables(current, profile).tables.find((t) => t.cells.has('carried') && t.intact.has('carried'));
  const before = statisticalTables(previous, profile).tables.find((t) => t.def.id === now?.def.id && t.intact.has('carry-forward'));
  if (now && before) {
    const carried = now.cells.get('carried')!;
    const forward = before.cells.get('carry-forward')!;
    const diffs: string[] = [];
    let first = -1;
    carried.forEach((cell, i) => {
      const a = cell.value ?? 0;
      const b = forward[i]?.value ?? 0;
      if (cell.kind === 'blank' && forward[i]?.kind === 'blank') return;
      if (Math.abs(a - b) > 1e-9) {
        if (first < 0) first = i;
        diffs.push(localize(MSG.column, locale, { column: now.def.columns[i].label, current: a, previous: b }));
      }
    });
    if (diffs.length) {
      const cell = carried[first];
      out.push({
        ruleId: CARRY_OVER_RULE,
        severity: 'warning',
        message: localize(MSG.carry, locale, { previous: previousName, columns: diffs.join(locale === 'en' ? '; ' : '；') }),
        range: doc.rangeOf(cell.start, Math.max(cell.end, cell.start)),
        data: { previous: previousName, columns: diffs.length },
      });
    }
  }
  // 2. Sentences copied verbatim (years aside) from last year's report.
  const mine = sentences(current, profile);
  const theirs = new Set([...sentences(previous, profile).keys()].map(withoutYears));
  if (mine.size >= 5) {
    const copied = [...mine.entries()].filter(([k]) => theirs.has(withoutYears(k)));
    const share = copied.length / mine.size;
    if (share >= COPIED_SHARE) {
      const first = copied[0][1];
      out.push({
        ruleId: COPIED_TEXT_RULE,
        severity: 'info',
        message: localize(MSG.copied, locale, { count: copied.length, share: Math.round(share * 100), previous: previousName }),
        range: doc.rangeOf(first.start, first.end),
        related: copied.slice(1, 20).map(([, r]) => ({ range: doc.rangeOf(r.start, r.end), message: locale === 'en' ? 'Copied from last year' : '与上一年度相同' })),
        data: { previous: previousName, copied: copied.length, sentences: mine.size },
      });
    }
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
