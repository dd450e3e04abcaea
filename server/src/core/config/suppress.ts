import type { ParseError } from 'jsonc-parser';
import { jsonc } from './jsonc';
import type { Analysis } from '../analysis';
import { ErrorList, type ConfigError } from './config';
import { jsonProblem } from './config-messages';
import { markdownComments } from '../document/markdown';
import type { Finding } from '../types';

/**
 * Ways to silence a finding without touching the report's text:
 *  - `.reportlint-ignore.json`, a readable sidecar file: each entry names the rule, the report file
 *    (relative to the sidecar's folder), and either nothing more (the rule is off for that file) or
 *    the quoted text and a fingerprint of its sentence, so the entry survives edits elsewhere in the
 *    report and reads well in version control;
 *  - in Markdown only, `<!-- reportlint-disable rule-id … -->` / `<!-- reportlint-enable rule-id … -->`
 *    comments (no id: every rule), invisible when rendered.
 */
export const IGNORE_FILE_NAME = '.reportlint-ignore.json';

export interface IgnoreEntry {
  rule: string;
  /** The report, relative to the sidecar's folder, with `/` separators. */
  file: string;
  /** The text the finding points at; absent when the whole rule is off for the file. */
  text?: string;
  /** Fingerprint of the sentence holding the text (FNV-1a of its simplified, space-free form). */
  fingerprint?: string;
}

export interface IgnoreFile {
  version: 1;
  ignores: IgnoreEntry[];
}

/** FNV-1a, 32 bit, as 8 hex digits: short, stable, dependency-free. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const SENTENCE_END = '。！？!?；;\n\r';

/** The fingerprint of the sentence that holds `offset`. */
export function sentenceFingerprint(analysis: Analysis, offset: number): string {
  const text = analysis.doc.simplified;
  let s = offset;
  while (s > 0 && !SENTENCE_END.includes(text[s - 1])) s--;
  let e = offset;
  while (e < text.length && !SENTENCE_END.includes(text[e])) e++;
  return fnv1a(text.slice(s, e).replace(/\s+/g, ''));
}

/** The sidecar entry that ignores this one finding. */
export function ignoreEntryFor(analysis: Analysis, finding: Finding, file: string): IgnoreEntry {
  const start = analysis.doc.offsetAt(finding.range.start);
  const end = analysis.doc.offsetAt(finding.range.end);
  return { rule: finding.ruleId, file, text: analysis.doc.text.slice(start, end), fingerprint: sentenceFingerprint(analysis, start) };
}

/**
 * Parse a sidecar's text. Malformed entries are dropped, and every problem (JSON syntax, a wrong
 * shape, an entry without `rule` and `file`) is listed so that it can be shown where the user looks.
 */
export function parseIgnoreFile(text: string, file = IGNORE_FILE_NAME): IgnoreFile & { errors: ConfigError[] } {
  const errors = new ErrorList(file);
  const parseErrors: ParseError[] = [];
  const raw = jsonc().parse(text, parseErrors, { allowTrailingComma: true }) as { ignores?: unknown } | undefined;
  for (const e of parseErrors) errors.add(jsonProblem(jsonc().printParseErrorCode(e.error)), { offset: e.offset, length: e.length });
  const ignores: IgnoreEntry[] = [];
  if (!parseErrors.length && !(raw && typeof raw === 'object' && Array.isArray(raw.ignores))) errors.addText('ignoreShape');
  if (raw && typeof raw === 'object' && Array.isArray(raw.ignores)) {
    (raw.ignores as unknown[]).forEach((item, i) => {
      const e = item as Record<string, unknown> | null;
      if (!e || typeof e !== 'object' || typeof e.rule !== 'string' || typeof e.file !== 'string') {
        errors.addText('ignoreEntry', { n: i + 1 });
        return;
      }
      const entry: IgnoreEntry = { rule: e.rule, file: e.file };
      if (typeof e.text === 'string') entry.text = e.text;
      if (typeof e.fingerprint === 'string') entry.fingerprint = e.fingerprint;
      ignores.push(entry);
    });
  }
  return { version: 1, ignores, errors: errors.done() };
}

/** The sidecar's new text with `entry` added (no duplicates), stable and readable. */
export function addIgnoreEntry(existing: string | null, entry: IgnoreEntry): string {
  const parsed = existing ? parseIgnoreFile(existing) : null;
  // A sidecar that cannot be read as one is not overwritten (its content would be lost).
  if (parsed && parsed.errors.length && !parsed.ignores.length && existing!.trim()) throw new Error(`${IGNORE_FILE_NAME} is malformed: ${parsed.errors[0].message}`);
  const file = { version: 1 as const, ignores: parsed?.ignores ?? [] };
  const same = (a: IgnoreEntry) => a.rule === entry.rule && a.file === entry.file && a.text === entry.text && a.fingerprint === entry.fingerprint;
  if (!file.ignores.some(same)) file.ignores.push(entry);
  file.ignores.sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || (a.text ?? '').localeCompare(b.text ?? ''));
  return JSON.stringify(file, null, 2) + '\n';
}

/** A suppression directive's comment body: `reportlint-disable` / `reportlint-enable`, then rule ids (none: every rule). */
const DIRECTIVE = /^\s*reportlint-(disable|enable)((?:\s+[a-z0-9-]+){0,50})\s*$/;

/** Lines (0-based) on which each rule is disabled by Markdown comments; '*' for every rule. */
function markdownDisabled(analysis: Analysis): ((rule: string, line: number) => boolean) | null {
  const doc = analysis.doc;
  if (doc.format !== 'markdown' || !doc.text.includes('reportlint-')) return null;
  const events: { line: number; kind: string; rules: string[] }[] = [];
  // The comments as the Markdown parser reads them (not in code fences or code spans).
  for (const c of markdownComments(doc.text)) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) continue;
    const rules = m[2].trim() ? m[2].trim().split(/\s+/) : ['*'];
    events.push({ line: c.line, kind: m[1], rules });
  }
  if (!events.length) return null;
  return (rule, line) => {
    let disabled = false;
    for (const e of events) {
      if (e.line > line) break;
      if (e.rules.includes(rule) || e.rules.includes('*')) disabled = e.kind === 'disable';
    }
    return disabled;
  };
}

/** Drop the findings that Markdown comments or sidecar entries silence. */
export function applySuppressions(analysis: Analysis, findings: Finding[], ignores: readonly IgnoreEntry[] = []): Finding[] {
  const md = markdownDisabled(analysis);
  if (!md && !ignores.length) return findings;
  return findings.filter((f) => {
    if (md && md(f.ruleId, f.range.start.line)) return false;
    for (const e of ignores) {
      if (e.rule !== f.ruleId) continue;
      if (e.text === undefined && e.fingerprint === undefined) return false;
      const start = analysis.doc.offsetAt(f.range.start);
      const end = analysis.doc.offsetAt(f.range.end);
      if (e.text !== undefined && analysis.doc.text.slice(start, end) !== e.text) continue;
      if (e.fingerprint !== undefined && sentenceFingerprint(analysis, start) !== e.fingerprint) continue;
      return false;
    }
    return true;
  });
}
