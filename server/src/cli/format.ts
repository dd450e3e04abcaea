import type { Finding, Locale, Severity } from '../core/types';
import { ALL_RULES } from '../core/rules';

/** The fields of a finding that the CLI prints (all that worker threads send back). */
export type ReportedFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'>;

export function reportedFinding(f: Finding): ReportedFinding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
}

export interface FileResult {
  path: string;
  findings: readonly ReportedFinding[];
}

const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = {
  'zh-cn': { error: '错误', warning: '警告', info: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

/** Compiler-style lines: `file:line:col severity rule-id message` (1-based line and column). */
export function formatText(results: FileResult[], locale: Locale): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${SEVERITY_LABEL[locale][f.severity]} ${f.ruleId} ${f.message}`);
    }
  }
  return out.join('\n');
}

/** The stable JSON contract documented in README.md. */
export function formatJson(results: FileResult[]): string {
  return JSON.stringify(
    {
      files: results.map((r) => ({
        path: r.path,
        diagnostics: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range })),
      })),
    },
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for code-scanning tools. Columns are 1-based UTF-16 code units (SARIF's default). */
export function formatSarif(results: FileResult[], version: string, locale: Locale): string {
  const usedIds = new Set<string>();
  for (const r of results) for (const f of r.findings) usedIds.add(f.ruleId);
  const rules = ALL_RULES.map((rule) => ({
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
          r.findings.map((f) => ({
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
