/**
 * The statistics section of the evaluation: the figures engine on ../shared/corpus/dev against
 * stats_truth.tsv, and every error and warning on the 2026 government work reports.
 *
 * A truth row is matched to the engine's claims by the quoted phrase's span in the text (not by
 * line): a claim belongs to the row when its anchor figure lies inside the span, or when all its
 * other inputs do (a total stated a sentence earlier). A finding covers the row when its range
 * overlaps the span.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { defaultConfig } from '../server/src/core/config/config';
import { statsSummary, type StatsClaimJson } from '../server/src/core/figures/summary';
import { ALL_RULES } from '../server/src/core/rules';
import type { Finding } from '../server/src/core/types';
import { excerpt, pct, type EvalContext, type EvalSection, type EvalSectionResult, type Headline } from './section';

/** The rules whose findings are statistics findings (their metadata's category). */
export const STATISTICS_RULES = new Set(ALL_RULES.filter((r) => r.meta.category === 'figures').map((r) => r.meta.id));

/** Claim kinds of the engine that answer each claim type of the truth table. */
const KINDS_FOR_TYPE: Record<string, readonly string[]> = {
  rate: ['rate', 'share', 'grim', 'rate-bound'],
  share: ['share', 'rate', 'grim', 'rate-bound'],
  sum: ['sum', 'balance', 'table-sum', 'table-balance'],
  yoy: ['change', 'cagr', 'multiple'],
  pp: ['change', 'percent-point'],
  'cross-ref': ['sum', 'repeat', 'balance', 'table-text'],
  count: ['count'],
  ratio: ['multiple', 'ratio'],
};

/** The claim types the done-when target speaks of (verified share of consistent claims). */
export const CORE_TYPES = ['rate', 'share', 'sum', 'yoy', 'pp'];

interface TruthRow {
  file: string;
  phrase: string;
  type: string;
  verdict: 'consistent' | 'inconsistent' | 'unverifiable';
}

export type Outcome = 'verified' | 'caught' | 'missed' | 'unverifiable' | 'unrecognised' | 'false-alarm' | 'wrong-verdict';

export interface RowResult {
  row: TruthRow;
  /** Span of the phrase in the text, or null when the phrase was not found. */
  span: [number, number] | null;
  claims: EvalClaim[];
  /** Error and warning findings overlapping the span (any rule). */
  alarms: Finding[];
  outcome: Outcome;
  line: number;
}

export function readTruth(devDir: string): TruthRow[] {
  const text = fs.readFileSync(path.join(devDir, 'stats_truth.tsv'), 'utf8');
  const rows: TruthRow[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (i === 0 || !line.trim()) continue;
    const c = line.split('\t');
    rows.push({ file: c[0], phrase: c[1].replace(/\\n/g, '\n'), type: c[2], verdict: c[6] as TruthRow['verdict'] });
  }
  return rows;
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function inside(span: [number, number], start: number, end: number): boolean {
  return start >= span[0] && end <= span[1];
}

/** A claim of the statistics summary (every claim a reviewer sees, the profile's table identities included), at offsets. */
interface EvalClaim {
  kind: string;
  verdict: StatsClaimJson['verdict'];
  problem?: string;
  anchor: [number, number];
  inputs: Array<[number, number]>;
}

function evalClaims(analysis: Analysis): EvalClaim[] {
  const at = (r: StatsClaimJson['range']): [number, number] => [analysis.doc.offsetAt(r.start), analysis.doc.offsetAt(r.end)];
  return statsSummary(analysis).claims.map((c) => ({
    kind: c.kind,
    verdict: c.verdict,
    problem: c.problem,
    anchor: at(c.range),
    inputs: c.inputs.map((i) => at(i.range)).filter((r) => r[0] !== at(c.range)[0]),
  }));
}

/** The claims of compatible kind belonging to a span (see the file comment). */
function claimsIn(claims: readonly EvalClaim[], span: [number, number], type: string): EvalClaim[] {
  const kinds = KINDS_FOR_TYPE[type] ?? [];
  return claims.filter((c) => {
    if (!kinds.includes(c.kind)) return false;
    if (inside(span, c.anchor[0], c.anchor[1])) return true;
    return c.inputs.length > 0 && c.inputs.every((r) => inside(span, r[0], r[1]));
  });
}

/**
 * Whether a consistent claim checks what the row states: a sum row is an identity, so "the parts
 * stay within the total" (a subset reading) does not verify it; for a cross-reference it does.
 */
function provesRow(row: TruthRow, c: EvalClaim): boolean {
  return row.type !== 'sum' || c.kind !== 'sum' || c.problem === 'equal';
}

function outcomeOf(row: TruthRow, claims: readonly EvalClaim[], alarms: readonly Finding[]): Outcome {
  const statAlarm = alarms.some((f) => STATISTICS_RULES.has(f.ruleId));
  if (row.verdict === 'inconsistent') {
    if (alarms.length) return 'caught';
    return claims.length ? 'missed' : 'unrecognised';
  }
  if (row.verdict === 'consistent' && statAlarm) return 'false-alarm';
  if (!claims.length) return 'unrecognised';
  if (claims.some((c) => c.verdict === 'consistent' && provesRow(row, c))) return row.verdict === 'consistent' ? 'verified' : 'wrong-verdict';
  if (claims.some((c) => c.verdict === 'consistent')) return row.verdict === 'consistent' ? 'unverifiable' : 'wrong-verdict';
  if (claims.some((c) => c.verdict === 'inconsistent')) return row.verdict === 'consistent' ? 'wrong-verdict' : 'wrong-verdict';
  return 'unverifiable';
}

export interface DevResult {
  rows: RowResult[];
  /** Rows whose phrase is not in the text (a corpus/truth mismatch). */
  notFound: TruthRow[];
}

export function evaluateDev(devDir: string): DevResult {
  const rows = readTruth(devDir);
  const byFile = new Map<string, TruthRow[]>();
  for (const r of rows) {
    let list = byFile.get(r.file);
    if (!list) byFile.set(r.file, (list = []));
    list.push(r);
  }
  const out: RowResult[] = [];
  const notFound: TruthRow[] = [];
  for (const [file, list] of byFile) {
    const raw = fs.readFileSync(path.join(devDir, file), 'utf8');
    const analysis = Analysis.fromText(raw, { uri: `file:///corpus/dev/${file}` });
    const text = analysis.doc.text;
    const claims = evalClaims(analysis);
    const findings = checkDocument(analysis, { config: defaultConfig() }).filter((f) => f.severity === 'error' || f.severity === 'warning');
    const findingSpans = findings.map((f) => [analysis.doc.offsetAt(f.range.start), analysis.doc.offsetAt(f.range.end)] as [number, number]);
    const placed: Array<{ row: TruthRow; span: [number, number] }> = [];
    for (const row of list) {
      const at = text.indexOf(row.phrase);
      if (at < 0) notFound.push(row);
      else placed.push({ row, span: [at, at + row.phrase.length] });
    }
    // A finding belongs to the narrowest row it overlaps (a share inside a longer breakdown row is the share's).
    const owner = findingSpans.map((fs) => {
      let best = Infinity;
      for (const p of placed) if (overlaps(fs, p.span)) best = Math.min(best, p.span[1] - p.span[0]);
      return best;
    });
    for (const { row, span } of placed) {
      const matched = claimsIn(claims, span, row.type);
      const alarms = findings.filter((_, i) => overlaps(findingSpans[i], span) && owner[i] === span[1] - span[0]);
      out.push({ row, span, claims: matched, alarms, outcome: outcomeOf(row, matched, alarms), line: analysis.doc.positionAt(span[0]).line + 1 });
    }
  }
  return { rows: out, notFound };
}

interface TypeLine {
  type: string;
  truth: number;
  consistent: number;
  inconsistent: number;
  recognised: number;
  verified: number;
  caught: number;
  unverifiable: number;
  falseAlarms: number;
}

function tally(rows: readonly RowResult[], type: string): TypeLine {
  const t: TypeLine = { type, truth: 0, consistent: 0, inconsistent: 0, recognised: 0, verified: 0, caught: 0, unverifiable: 0, falseAlarms: 0 };
  for (const r of rows) {
    if (type !== '*' && type !== 'core' && r.row.type !== type) continue;
    if (type === 'core' && !CORE_TYPES.includes(r.row.type)) continue;
    t.truth++;
    if (r.row.verdict === 'consistent') t.consistent++;
    if (r.row.verdict === 'inconsistent') t.inconsistent++;
    if (r.claims.length) t.recognised++;
    if (r.outcome === 'verified') t.verified++;
    if (r.outcome === 'caught') t.caught++;
    if (r.claims.length && r.claims.every((c) => c.verdict === 'unverifiable')) t.unverifiable++;
    if (r.outcome === 'false-alarm') t.falseAlarms++;
  }
  return t;
}

export interface GovFinding {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  excerpt: string;
  message: string;
}

export function evaluateGov(dir: string): { reports: number; findings: GovFinding[] } {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: GovFinding[] = [];
  for (const file of files) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    const analysis = Analysis.fromText(raw, { uri: `file:///corpus/gov/${file}` });
    for (const f of checkDocument(analysis, { config: defaultConfig() })) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      const start = analysis.doc.offsetAt(f.range.start);
      const from = Math.max(analysis.doc.lines[f.range.start.line].start, start - 4);
      out.push({ file, line: f.range.start.line + 1, ruleId: f.ruleId, severity: f.severity, excerpt: excerpt(analysis.doc.text.slice(from, from + 16)), message: f.message });
    }
  }
  return { reports: files.length, findings: out };
}

function typeTable(rows: readonly RowResult[]): string[] {
  const types = [...new Set(rows.map((r) => r.row.type))].sort((a, b) => (CORE_TYPES.indexOf(a) + 1 || 99) - (CORE_TYPES.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const lines = [
    '| claim type | in truth | consistent | inconsistent | recognised | verified consistent | caught inconsistent | left unverifiable | false alarms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const line = (t: TypeLine, name: string) =>
    `| ${name} | ${t.truth} | ${t.consistent} | ${t.inconsistent} | ${t.recognised} | ${t.verified} (${pct(t.verified, t.consistent)}) | ${t.caught}/${t.inconsistent} | ${t.unverifiable} | ${t.falseAlarms} |`;
  for (const type of types) lines.push(line(tally(rows, type), type));
  lines.push(line(tally(rows, 'core'), `**${CORE_TYPES.join('+')}**`));
  lines.push(line(tally(rows, '*'), '**all**'));
  return lines;
}

export function statsSection(ctx: EvalContext): EvalSectionResult {
  const devDir = path.join(ctx.corpusDir, 'dev');
  const govDir = path.join(ctx.corpusDir, 'gov-work-reports-2026');
  const md: string[] = ['## Statistics (figures engine)', ''];
  const headlines: Headline[] = [];
  if (fs.existsSync(path.join(devDir, 'stats_truth.tsv'))) {
    const dev = evaluateDev(devDir);
    const core = tally(dev.rows, 'core');
    const all = tally(dev.rows, '*');
    md.push(
      '### dev corpus against `stats_truth.tsv`',
      '',
      'Matching is by the quoted phrase’s span (a finding belongs to the narrowest row it overlaps). *Recognised*: a claim of a matching kind lies in the span. *Verified consistent*: ' +
        'one of them is consistent (of the rows the truth calls consistent; for a sum, the parts must add up to the total, not merely stay within it). *Caught*: an error or warning of any rule overlaps an ' +
        'inconsistent row. *False alarm*: an error or warning of a statistics rule overlaps a row the truth calls consistent.',
      '',
      ...typeTable(dev.rows),
      '',
    );
    if (dev.notFound.length) md.push(`Phrases not found in their file: ${dev.notFound.length} (${dev.notFound.map((r) => r.file).join(', ')}).`, '');
    const worth = dev.rows.filter((r) => r.outcome !== 'verified' && r.outcome !== 'caught' && !(r.row.verdict === 'unverifiable' && r.outcome !== 'false-alarm' && r.outcome !== 'wrong-verdict'));
    md.push('Rows not verified or caught (consistent or inconsistent in the truth), and wrong verdicts:', '', '| file:line | type | truth | outcome | claims seen | phrase starts |', '|---|---|---|---|---|---|');
    for (const r of worth) {
      const seen = r.claims.map((c) => `${c.kind} ${c.verdict}`).join(', ') + (r.alarms.length ? ` [${r.alarms.map((f) => `${f.severity} ${f.ruleId}`).join(', ')}]` : '');
      md.push(`| ${r.row.file}:${r.line} | ${r.row.type} | ${r.row.verdict} | ${r.outcome} | ${seen || '—'} | ${excerpt(r.row.phrase, 10)} |`);
    }
    md.push('');
    headlines.push(
      { key: 'stats.core-verified-pct', label: `consistent ${CORE_TYPES.join('/')} claims verified (%)`, value: round1(core.consistent ? (100 * core.verified) / core.consistent : 0), better: 'higher' },
      { key: 'stats.caught', label: `inconsistent claims caught (of ${all.inconsistent})`, value: all.caught, better: 'higher' },
      { key: 'stats.false-alarms', label: 'false alarms on consistent claims', value: all.falseAlarms, better: 'lower' },
      { key: 'stats.recognised', label: `truth claims recognised (of ${all.truth})`, value: all.recognised, better: 'higher' },
    );
  } else {
    md.push('`corpus/dev/stats_truth.tsv` not found: dev part skipped.', '');
  }
  if (fs.existsSync(govDir)) {
    const gov = evaluateGov(govDir);
    const stat = gov.findings.filter((f) => STATISTICS_RULES.has(f.ruleId));
    const statErrors = stat.filter((f) => f.severity === 'error').length;
    const statWarnings = stat.length - statErrors;
    md.push(
      '### gov-work-reports-2026: every error and warning',
      '',
      `${gov.reports} reports. Statistics findings (rules of category \`figures\`): ${statErrors} errors, ${statWarnings} warnings ` +
        `(${(statWarnings / Math.max(1, gov.reports)).toFixed(2)} warnings per report). All rules:`,
      '',
      '| rule | statistics | errors | warnings |',
      '|---|---|---:|---:|',
    );
    const byRule = new Map<string, { e: number; w: number }>();
    for (const f of gov.findings) {
      const x = byRule.get(f.ruleId) ?? { e: 0, w: 0 };
      if (f.severity === 'error') x.e++;
      else x.w++;
      byRule.set(f.ruleId, x);
    }
    for (const [rule, x] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) md.push(`| ${rule} | ${STATISTICS_RULES.has(rule) ? 'yes' : ''} | ${x.e} | ${x.w} |`);
    md.push('', '| report:line | severity | rule | at |', '|---|---|---|---|');
    const ordered = [...gov.findings].sort((a, b) => Number(STATISTICS_RULES.has(b.ruleId)) - Number(STATISTICS_RULES.has(a.ruleId)) || a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || a.line - b.line);
    for (const f of ordered) md.push(`| ${f.file.replace(/\.txt$/, '')}:${f.line} | ${f.severity} | ${f.ruleId} | ${f.excerpt} |`);
    md.push('');
    headlines.push(
      { key: 'gov.statistics-errors', label: 'statistics errors on the 2026 government work reports', value: statErrors, better: 'lower' },
      { key: 'gov.statistics-warnings', label: 'statistics warnings on the 2026 government work reports', value: statWarnings, better: 'lower' },
    );
  } else {
    md.push('`corpus/gov-work-reports-2026` not found: skipped.', '');
  }
  return { markdown: md.join('\n'), headlines };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export const STATS_SECTION: EvalSection = { id: 'stats', run: statsSection };
