import type { Finding, Locale, Severity } from '../core/types';
import { escapeForTerminal } from './escape';
import { DOCUMENTED_RULES } from '../core/rules';
import { localize } from '../core/l10n';
import { CLI_MESSAGES } from './messages';
import { describeOrigin, type LineOrigin } from '../node/docx/origin';

/** The fields of a finding that the CLI prints (all that worker threads send back). */
export type ReportedFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>;

export function reportedFinding(f: Finding): ReportedFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
}

export type SeverityCounts = Record<Severity, number>;

/** One checked file as the output needs it. */
export interface FileResult {
  path: string;
  /** The findings, or null when the file's part of the output was built already (`part`). */
  findings: readonly ReportedFinding[] | null;
  /** The file's part of the json or text output, built by a worker thread (see `outputPart`). */
  part?: string;
  counts: SeverityCounts;
  /** For a .docx: where each line of the text view comes from (the output names the paragraph). */
  origins?: readonly LineOrigin[];
  /** Not checked: in `auto` mode it does not look like a report (core/check-decision.ts). */
  skipped?: boolean;
  /** A report of a kind with statistical tables: whose and which year (to pair it with last year's). */
  crossYear?: CrossYearKey;
}

/** The pairing key of a report across years (see core/statistical-tables/cross-year.ts, `reportKey`). */
export interface CrossYearKey {
  profile: string;
  issuer: string;
  year: number;
}

export function fileResult(path: string, findings: readonly ReportedFinding[], origins?: readonly LineOrigin[]): FileResult {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return origins ? { path, findings, counts, origins } : { path, findings, counts };
}

/** ` （段落 7）` after a finding's message in a .docx, '' otherwise. */
function originSuffix(r: FileResult, line: number, locale: Locale): string {
  const where = r.origins ? describeOrigin(r.origins[line], locale) : '';
  return where ? (locale === 'zh-cn' ? `（${where}）` : ` (${where})`) : '';
}

export function skippedResult(path: string): FileResult {
  return { path, findings: [], counts: { error: 0, warning: 0, info: 0, hint: 0 }, skipped: true };
}

/** How text output shows a file whose findings are dominated by one rule. */
export interface TextOptions {
  /** true: always the summary form; false: never; null: when a rule has more than `maxPerRule` findings. */
  summary: boolean | null;
  /** Rules with more findings than this in a file are counted, not listed, in the summary form. */
  maxPerRule: number;
}
export const DEFAULT_MAX_PER_RULE = 20;
const FULL: TextOptions = { summary: false, maxPerRule: DEFAULT_MAX_PER_RULE };

/** The formats whose output is the concatenation of per-file parts (built on the worker threads). */
export type PartFormat = 'json' | 'text';

/** A file's part of the output in `format`; `formatJson` / `formatText` join the parts. */
export function outputPart(format: PartFormat, r: FileResult, locale: Locale, text: TextOptions = FULL): string {
  if (r.part !== undefined) return r.part;
  const findings = r.findings ?? [];
  if (format === 'text') {
    if (r.skipped) return '';
    const where = escapeForTerminal(r.path);
    const labels = SEVERITY_LABEL[locale];
    const line = (f: ReportedFinding) => `${where}:${f.range.start.line + 1}:${f.range.start.character + 1} ${labels[f.severity]} ${f.ruleId} ${escapeForTerminal(f.message)}${r.origins ? originSuffix(r, f.range.start.line, locale) : ''}`;
    const byRule = new Map<string, { count: number; severity: Severity }>();
    for (const f of findings) {
      const e = byRule.get(f.ruleId);
      if (e) e.count++;
      else byRule.set(f.ruleId, { count: 1, severity: f.severity });
    }
    const crowded = [...byRule].filter(([, e]) => e.count > text.maxPerRule);
    const summarise = text.summary === true || (text.summary === null && crowded.length > 0);
    if (!summarise) return findings.map(line).join('\n');
    // Summary form: counts by rule (most first), then the other rules' findings in full.
    const counts = [...byRule]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([id, e]) => `${id} ${e.count}（${SEVERITY_LABEL[locale][e.severity]}）`)
      .join(locale === 'en' ? ', ' : '、');
    const out = [(localize(CLI_MESSAGES.summaryHeader, locale, { path: where, total: findings.length, counts: locale === 'en' ? counts.replace(/（/g, ' (').replace(/）/g, ')') : counts }))];
    const hidden = new Set(crowded.map(([id]) => id));
    for (const f of findings) if (!hidden.has(f.ruleId)) out.push(line(f));
    for (const [id, e] of crowded) out.push((localize(CLI_MESSAGES.summaryOmitted, locale, { path: where, rule: id, count: e.count })));
    return out.join('\n');
  }
  return (!r.origins && jsonPart(r.path, findings)) || stringifiedPart(r, findings);
}

/**
 * A file's entry of the json output, written out by hand: exactly what
 * `JSON.stringify({ path, diagnostics }, null, 2)` prints two levels deep (see formatJson), in
 * about a third of the time (no intermediate objects, no second pass to indent the lines). The
 * strings go through JSON.stringify, so they are escaped exactly as before. Null for a finding
 * whose fields are not what the type says (a non-string message, a non-integer position): that
 * file's entry is then printed by JSON.stringify itself.
 */
export function jsonPart(path: string, findings: readonly ReportedFinding[]): string | null {
  if (!findings.length) return `{\n      "path": ${JSON.stringify(path)},\n      "diagnostics": []\n    }`;
  let out = `{\n      "path": ${JSON.stringify(path)},\n      "diagnostics": [`;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const { start, end } = f.range;
    const { ruleId, severity, message } = f;
    if (typeof ruleId !== 'string' || typeof severity !== 'string' || typeof message !== 'string') return null;
    if (!Number.isInteger(start.line) || !Number.isInteger(start.character) || !Number.isInteger(end.line) || !Number.isInteger(end.character)) return null;
    out +=
      (i ? ',\n        {\n          "ruleId": ' : '\n        {\n          "ruleId": ') +
      JSON.stringify(ruleId) +
      ',\n          "severity": ' +
      JSON.stringify(severity) +
      ',\n          "message": ' +
      JSON.stringify(message) +
      ',\n          "range": {\n            "start": {\n              "line": ' +
      start.line +
      ',\n              "character": ' +
      start.character +
      '\n            },\n            "end": {\n              "line": ' +
      end.line +
      ',\n              "character": ' +
      end.character +
      '\n            }\n          }\n        }';
  }
  return out + '\n      ]\n    }';
}

/**
 * A file's entry of the json output as `JSON.stringify(…, null, 2)` prints it two levels deep: a
 * .docx's (its diagnostics also name their place in Word, `origin`), or a file `jsonPart` declined.
 */
export function stringifiedPart(r: Pick<FileResult, 'path' | 'origins'>, findings: readonly ReportedFinding[]): string {
  const origins = r.origins;
  const diagnostics = findings.map((f) =>
    origins ? { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, origin: origins[f.range.start.line] ?? null } : { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range },
  );
  const file = origins ? { path: r.path, source: 'docx', diagnostics } : { path: r.path, diagnostics };
  return JSON.stringify(file, null, 2).replace(/\n/g, '\n    ');
}

/**
 * A checked file as kept until the output is joined: for json and text its part of the output,
 * built now; for the other formats its findings as plain records. Either way nothing refers to
 * the file's analysis any more (a lazily built finding does), so it can be collected at once
 * instead of every analysis staying alive until the output is written. Also what worker threads
 * send back.
 */
export function settledResult(r: FileResult, format: string, locale: Locale, text: TextOptions): FileResult {
  if (r.skipped) return r;
  if (format !== 'json' && format !== 'text') return { ...r, findings: r.findings?.map(reportedFinding) ?? null };
  const settled: FileResult = { path: r.path, findings: null, part: outputPart(format, r, locale, text), counts: r.counts };
  if (r.crossYear) settled.crossYear = r.crossYear;
  return settled;
}

const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-cn': { error: '错误', warning: '警告', info: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

/** Compiler-style lines: `file:line:col severity rule-id message` (1-based line and column). */
export function formatText(results: FileResult[], locale: Locale, text: TextOptions = FULL): string {
  return results
    .map((r) => outputPart('text', r, locale, text))
    .filter((part) => part !== '')
    .join('\n');
}

/**
 * The stable JSON contract documented in README.md: exactly
 * `JSON.stringify({ files: [{ path, diagnostics: [{ ruleId, severity, message, range }] }] }, null, 2)`,
 * assembled from per-file parts.
 */
export function formatJson(results: FileResult[]): string {
  const checked = results.filter((r) => !r.skipped);
  if (!checked.length) return '{\n  "files": []\n}';
  return `{\n  "files": [\n    ${checked.map((r) => outputPart('json', r, 'en')).join(',\n    ')}\n  ]\n}`;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning tools. Columns are 1-based UTF-16 code units (SARIF's default). */
export function formatSarif(results: FileResult[], version: string, locale: Locale): string {
  const usedIds = new Set<string>();
  for (const r of results) for (const f of r.findings ?? []) usedIds.add(f.ruleId);
  const rules = DOCUMENTED_RULES.map((rule) => ({
    id: rule.meta.id,
    shortDescription: { text: rule.meta.description[locale] },
    fullDescription: { text: rule.meta.docs[locale] },
    defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
    properties: { category: rule.meta.category },
  }));
  for (const id of usedIds) {
    if (!rules.some((r) => r.id === id)) rules.push({ id, shortDescription: { text: id }, fullDescription: { text: id }, defaultConfiguration: { level: 'note' }, properties: { category: 'internal' } });
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ReportLint', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          (r.findings ?? []).map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.path) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function toUri(p: string): string {
  return p.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
