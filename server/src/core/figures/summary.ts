/**
 * The statistics summary (数据核对表): every recognised claim with its inputs, the
 * recomputed value and the verdict, plus coverage as statcheck reports it. Shared
 * by the CLI (`reportlint stats`), the server request `reportlint/stats` and the
 * VS Code command. The JSON shape is a contract (see README).
 */
import type { Analysis } from '../analysis';
import type { Locale, Range } from '../types';
import { localize, type LocalizedText } from '../l10n';
import { figuresOf } from './analyze';
import type { ClaimKind, InputRole, Verdict } from './claim';
import { asWritten } from '../document/quote';
import { figureText } from './explain';
import { tableClaims } from '../statistical-tables/claims';
import type { ResolvedConfig } from '../config/config';

export interface StatsInputJson {
  role: InputRole;
  /** What the figure counts, as written before it (成功调解). */
  label: string;
  /** The figure as printed, with qualifier and unit (2085宗, 约2.48亿元, 95.82%). */
  text: string;
  /** The value used in the arithmetic (2.5万 → 25000; 95.82% → 95.82). */
  value: number;
  approximate: boolean;
  range: Range;
}

export interface StatsClaimJson {
  kind: ClaimKind;
  /** 审结率, 共…101件 … */
  name: string;
  verdict: Verdict;
  /** The anchor figure as printed (85%). */
  text: string;
  /** LSP range (0-based line, UTF-16 character) of the anchor figure. */
  range: Range;
  inputs: StatsInputJson[];
  /** The recomputed value (percentage, sum …) or null. */
  computed: number | null;
  /** One-line working: "2085 ÷ 2176 = 95.818…% ✓". */
  working: string;
  /** 'round' or 'truncate' for a consistent percentage. */
  method?: string;
  /** Rule-specific problem key ('ambiguous', 'above', 'below' …). */
  problem?: string;
}

export interface StatsCoverage {
  /** Figures recognised (counts, percentages, percentage points, multiples; not years, dates, names). */
  figures: number;
  /** Claims recognised (rates, totals with breakdowns, changes, repeated quantities …). */
  claims: number;
  /** Claims whose inputs are linked well enough to judge (consistent + inconsistent). */
  checkable: number;
  consistent: number;
  inconsistent: number;
  /** Claims recognised but not checkable (no linked counts, ambiguous base, approximate inputs). */
  unverifiable: number;
}

export interface StatsSummary {
  uri: string;
  coverage: StatsCoverage;
  claims: StatsClaimJson[];
}

/**
 * `config` chooses the report profile whose statistical tables add their identities as claims
 * (table-sum, balance, table-text); without it the profile is detected.
 */
export function statsSummary(analysis: Analysis, config?: Pick<ResolvedConfig, 'profile' | 'customProfiles'>): StatsSummary {
  const fa = figuresOf(analysis);
  const doc = analysis.doc;
  const figureClaims: StatsClaimJson[] = fa.claims.map((c) => ({
    kind: c.kind,
    name: asWritten(doc, c.name, c.anchor.start),
    verdict: c.verdict,
    text: figureText(doc.text, c.anchor),
    range: doc.rangeOf(c.anchor.start, c.anchor.end),
    inputs: c.inputs.map((i) => ({
      role: i.role,
      label: asWritten(doc, i.label, i.figure.start),
      text: figureText(doc.text, i.figure),
      value: i.figure.value,
      approximate: i.figure.approx !== null,
      range: doc.rangeOf(i.figure.start, i.figure.end),
    })),
    computed: c.computed,
    working: c.working,
    ...(c.method ? { method: c.method } : {}),
    ...(c.problem ? { problem: c.problem } : {}),
  }));
  // The hook for claims built outside the figures engine: a profile's table identities.
  const claims = [...figureClaims, ...tableClaims(analysis, config)];
  const consistent = claims.filter((c) => c.verdict === 'consistent').length;
  const inconsistent = claims.filter((c) => c.verdict === 'inconsistent').length;
  return {
    uri: doc.uri,
    coverage: {
      figures: fa.figures.length,
      claims: claims.length,
      checkable: consistent + inconsistent,
      consistent,
      inconsistent,
      unverifiable: claims.length - consistent - inconsistent,
    },
    claims,
  };
}

const REASON = {
  approximate: { 'zh-cn': '所给数字是约数（约、余、左右等），无法按所写精度判定', en: 'the counts are approximate (约, 余, 左右 …); no verdict at the stated precision' },
  ambiguous: { 'zh-cn': '分母不明确：附近的几个总数都得不到所写的比率', en: 'the base is ambiguous: none of the nearby totals gives the stated rate' },
  noOperands: { 'zh-cn': '同一句中没有给出分子和分母', en: 'no numerator and denominator are stated in the same sentence' },
  noDenominator: { 'zh-cn': '同一句中没有给出分母（总数）', en: 'no denominator (total) is stated in the same sentence' },
  noNumerator: { 'zh-cn': '同一句中没有给出分子', en: 'no numerator is stated in the same sentence' },
  pointsNotPercent: { 'zh-cn': '“百分点”只能在两个百分比之间核对，所给的两个数不是百分比', en: 'percentage points need two percentages; the two figures are not percentages' },
  countOfPercents: { 'zh-cn': '所给的两个数是百分比，增减却写成了计数', en: 'the two figures are percentages but the change is stated as a count' },
  other: { 'zh-cn': '所给数字不足以核对', en: 'the figures given are not enough to check it' },
} satisfies Record<string, LocalizedText>;

/**
 * Why a claim could not be checked (which operand is missing or ambiguous), from the claim the
 * core built (its `problem` key and its inputs); null for a claim with a verdict.
 */
export function unverifiableReason(c: StatsClaimJson, locale: Locale): string | null {
  if (c.verdict !== 'unverifiable') return null;
  const has = (role: InputRole) => c.inputs.some((i) => i.role === role);
  let key: keyof typeof REASON = 'other';
  if (c.problem === 'approximate' || c.problem === 'ambiguous') key = c.problem;
  else if (c.kind === 'rate') key = !has('numerator') && !has('denominator') ? 'noOperands' : !has('denominator') ? 'noDenominator' : !has('numerator') ? 'noNumerator' : 'other';
  else if (c.kind === 'change') {
    const current = c.inputs.find((i) => i.role === 'current');
    const percentPair = !!current && /[%％]$/.test(current.text);
    key = /百分点/.test(c.name) && !percentPair ? 'pointsNotPercent' : percentPair ? 'countOfPercents' : 'other';
  }
  return localize(REASON[key], locale);
}

const T = {
  title: { 'zh-cn': '数据核对表', en: 'Statistics summary' },
  coverage: {
    'zh-cn': '识别数字 {figures} 个；识别说法 {claims} 条，其中可核对 {checkable} 条（一致 {consistent}，不一致 {inconsistent}），无法核对 {unverifiable} 条。',
    en: '{figures} figures recognised; {claims} claims, {checkable} checkable ({consistent} consistent, {inconsistent} inconsistent), {unverifiable} not checkable.',
  },
  header: { 'zh-cn': '| 行 | 类型 | 说法 | 所写 | 依据 | 复算 | 结论 |', en: '| Line | Kind | Claim | Stated | Inputs | Working | Verdict |' },
  none: { 'zh-cn': '未识别到数据说法。', en: 'No claims about figures were recognised.' },
} as const;

const KIND: Record<ClaimKind, Record<Locale, string>> = {
  rate: { 'zh-cn': '比率', en: 'rate' },
  'rate-bound': { 'zh-cn': '比率上限', en: 'rate bound' },
  grim: { 'zh-cn': 'GRIM', en: 'GRIM' },
  sum: { 'zh-cn': '合计', en: 'total' },
  share: { 'zh-cn': '占比', en: 'share' },
  balance: { 'zh-cn': '收支平衡', en: 'balance' },
  cagr: { 'zh-cn': '年均增长', en: 'annual average' },
  multiple: { 'zh-cn': '倍数', en: 'multiple' },
  count: { 'zh-cn': '列举项数', en: 'item count' },
  change: { 'zh-cn': '增减', en: 'change' },
  'percent-point': { 'zh-cn': '百分点', en: 'points' },
  repeat: { 'zh-cn': '重复数字', en: 'repeated' },
  'table-sum': { 'zh-cn': '表格合计', en: 'table total' },
  'table-balance': { 'zh-cn': '表格平衡', en: 'table balance' },
  'table-text': { 'zh-cn': '文表一致', en: 'text vs table' },
};

const VERDICT: Record<Verdict, Record<Locale, string>> = {
  consistent: { 'zh-cn': '✓ 一致', en: '✓ consistent' },
  inconsistent: { 'zh-cn': '✗ 不一致', en: '✗ inconsistent' },
  unverifiable: { 'zh-cn': '— 无法核对', en: '— not checkable' },
};

const ROLE: Record<InputRole, Record<Locale, string>> = {
  rate: { 'zh-cn': '比率', en: 'rate' },
  numerator: { 'zh-cn': '分子', en: 'numerator' },
  denominator: { 'zh-cn': '分母', en: 'denominator' },
  total: { 'zh-cn': '总数', en: 'total' },
  part: { 'zh-cn': '分项', en: 'part' },
  current: { 'zh-cn': '本期', en: 'current' },
  base: { 'zh-cn': '基期', en: 'base' },
  change: { 'zh-cn': '增减', en: 'change' },
  first: { 'zh-cn': '首次', en: 'first' },
  second: { 'zh-cn': '再次', en: 'again' },
  from: { 'zh-cn': '原值', en: 'from' },
  to: { 'zh-cn': '现值', en: 'to' },
  item: { 'zh-cn': '列举项', en: 'item' },
};

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function inputsText(c: StatsClaimJson, locale: Locale): string {
  return c.inputs
    .filter((i) => !(i.role === 'rate' && c.kind !== 'percent-point'))
    .map((i) => `${ROLE[i.role][locale]} ${i.label ? `${i.label} ` : ''}${i.text}`)
    .join(locale === 'en' ? '; ' : '；');
}

/** The summary as a Markdown document (VS Code command; CLI text format shares the rows). */
export function statsToMarkdown(summary: StatsSummary, locale: Locale, title?: string): string {
  const lines: string[] = [];
  lines.push(`# ${localize(T.title, locale)}${title ? ` — ${title}` : ''}`, '');
  lines.push(localize(T.coverage, locale, { ...summary.coverage }), '');
  if (!summary.claims.length) {
    lines.push(localize(T.none, locale));
    return lines.join('\n') + '\n';
  }
  lines.push(localize(T.header, locale), '|---:|---|---|---|---|---|---|');
  for (const c of summary.claims) {
    lines.push(
      `| ${c.range.start.line + 1} | ${KIND[c.kind][locale]} | ${cell(c.name)} | ${cell(c.text)} | ${cell(inputsText(c, locale))} | ${cell(c.working)} | ${VERDICT[c.verdict][locale]} |`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Plain-text rows for the CLI: one claim per line, 1-based line:column like `check`. */
export function statsToText(path: string, summary: StatsSummary, locale: Locale): string {
  const out: string[] = [];
  for (const c of summary.claims) {
    const inputs = inputsText(c, locale);
    out.push(
      `${path}:${c.range.start.line + 1}:${c.range.start.character + 1} ${VERDICT[c.verdict][locale]} ${KIND[c.kind][locale]} ${c.name} ${c.text}${inputs ? ` [${inputs}]` : ''}${c.working ? ` ${c.working}` : ''}`,
    );
  }
  out.push(`${path}: ${localize(T.coverage, locale, { ...summary.coverage })}`);
  return out.join('\n') + '\n';
}

/** CSV (RFC 4180) for review sheets: one row per claim. */
export function statsToCsv(rows: Array<{ path: string; summary: StatsSummary }>): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const out = [['path', 'line', 'column', 'kind', 'name', 'stated', 'inputs', 'computed', 'working', 'verdict', 'method', 'problem'].join(',')];
  for (const { path, summary } of rows) {
    for (const c of summary.claims) {
      out.push(
        [
          path,
          c.range.start.line + 1,
          c.range.start.character + 1,
          c.kind,
          c.name,
          c.text,
          c.inputs.filter((i) => i.role !== 'rate').map((i) => `${i.role}:${i.label ? `${i.label} ` : ''}${i.text}`).join('; '),
          c.computed === null ? '' : Number(c.computed.toFixed(6)),
          c.working,
          c.verdict,
          c.method ?? '',
          c.problem ?? '',
        ]
          .map(q)
          .join(','),
      );
    }
  }
  return out.join('\r\n') + '\r\n';
}
