/**
 * Invariants every run of the checker must satisfy, whatever the input: used by the
 * pathological-input tests and the property/fuzz tests. They iterate ALL_RULES, so rules
 * added later are covered without touching these files.
 */
import { strict as assert } from 'assert';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument, RULE_FAILURE_ID, type CheckOptions } from '../server/src/core/check';
import { defaultConfig, mergeConfig, type ResolvedConfig } from '../server/src/core/config/config';
import type { ReportDocument } from '../server/src/core/document/document';
import type { Section } from '../server/src/core/outline/outline';
import { ALL_RULES } from '../server/src/core/rules';
import type { Finding, OffsetRange, Range, TextEdit } from '../server/src/core/types';

export interface RuleError {
  ruleId: string;
  error: unknown;
}

export interface RunResult {
  analysis: Analysis;
  findings: Finding[];
  errors: RuleError[];
}

/** Default config with the size limit lifted, so every rule really runs. */
export function unlimitedConfig(): ResolvedConfig {
  return mergeConfig(defaultConfig(), { maxFileSize: Number.MAX_SAFE_INTEGER });
}

/**
 * Check `text` with every rule (report-scoped ones too), collecting rule errors.
 * `uri` decides text vs Markdown.
 */
export function runAll(text: string, uri = 'file:///fuzz/report.txt', options: CheckOptions = {}): RunResult {
  const analysis = Analysis.fromText(text, { uri });
  const errors: RuleError[] = [];
  const findings = checkDocument(analysis, {
    config: unlimitedConfig(),
    forceReport: true,
    rules: ALL_RULES,
    ...options,
    onRuleError: (ruleId, error) => errors.push({ ruleId, error }),
  });
  return { analysis, findings, errors };
}

/** A short description of a text for assertion messages (JSON-escaped, shortened). */
export function describeText(text: string, max = 400): string {
  const j = JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
  return `${j} (${text.length} UTF-16 units)`;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** The range is well-formed (integers, start ≤ end) and lies inside the document. */
export function assertRangeInDocument(doc: ReportDocument, r: Range, what: string): void {
  assert.ok(r && r.start && r.end, `${what}: missing range`);
  for (const p of [r.start, r.end]) {
    assert.ok(isInt(p.line) && isInt(p.character), `${what}: non-integer position ${JSON.stringify(r)}`);
    assert.ok(p.line < doc.lineCount, `${what}: line ${p.line} beyond the last line ${doc.lineCount - 1}`);
    const l = doc.lines[p.line];
    assert.ok(p.character <= l.end - l.start, `${what}: character ${p.character} beyond line ${p.line}'s length ${l.end - l.start}`);
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: reversed range ${JSON.stringify(r)}`,
  );
}

export function assertOffsetsInDocument(doc: ReportDocument, r: OffsetRange, what: string): void {
  assert.ok(isInt(r.start) && isInt(r.end), `${what}: non-integer offsets ${JSON.stringify(r)}`);
  assert.ok(r.start <= r.end && r.end <= doc.text.length, `${what}: offsets ${JSON.stringify(r)} outside 0…${doc.text.length}`);
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * The outline is well-formed: every heading and section range is inside the document,
 * children lie inside their parents, siblings do not overlap and come in document order.
 */
export function assertOutlineSane(analysis: Analysis): void {
  const { doc, outline } = analysis;
  for (const h of outline.headings) {
    for (const [name, r] of [['heading', h.range], ['marker', h.markerRange], ['numeral', h.numeralRange], ['title', h.titleRange]] as const) {
      assertOffsetsInDocument(doc, r, `heading on line ${h.line} ${name}`);
    }
    assert.ok(h.line >= 0 && h.line < doc.lineCount, `heading line ${h.line} outside the document`);
    assert.ok(h.markerRange.start >= h.range.start && h.markerRange.end <= h.range.end, `marker of line ${h.line} outside its line`);
    if (h.number !== null) assert.ok(Number.isFinite(h.number), `heading number ${h.number} on line ${h.line}`);
  }
  const check = (list: Section[], parent: Section | null) => {
    let prevEnd = parent ? parent.range.start : 0;
    for (const s of list) {
      assertOffsetsInDocument(doc, s.range, `section on line ${s.heading.line}`);
      assert.equal(s.parent, parent, `section on line ${s.heading.line} has the wrong parent`);
      assert.ok(s.range.start >= prevEnd, `section on line ${s.heading.line} overlaps its previous sibling`);
      if (parent) {
        assert.ok(
          s.range.start >= parent.range.start && s.range.end <= parent.range.end,
          `section on line ${s.heading.line} ${JSON.stringify(s.range)} is not inside its parent on line ${parent.heading.line} ${JSON.stringify(parent.range)}`,
        );
      }
      prevEnd = s.range.end;
      check(s.children, s);
    }
  };
  check(outline.sections, null);
  for (let i = 1; i < outline.flat.length; i++) {
    assert.ok(outline.flat[i].heading.line > outline.flat[i - 1].heading.line, 'sections out of document order');
  }
  for (const p of outline.paragraphs) assertOffsetsInDocument(doc, p.range, `paragraph on line ${p.firstLine}`);
  for (const e of outline.enumerations) for (const it of e.items) assertOffsetsInDocument(doc, it.range, `enumeration item ${it.text}`);
  if (outline.title) assertOffsetsInDocument(doc, outline.title.range, 'title');
  if (outline.closing) assertOffsetsInDocument(doc, outline.closing.date.range, 'closing date');
}

/** Words that betray a value leaking into a message (unless the document itself contains them). */
const INTERNAL_VALUE = /undefined|NaN|Infinity|\[object Object\]/;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Edits are well-formed, inside the document, do not overlap and do not split surrogate pairs. */
export function assertEditsSane(doc: ReportDocument, edits: TextEdit[], what: string): void {
  assert.ok(Array.isArray(edits) && edits.length > 0, `${what}: a fix without edits`);
  const spans = edits.map((e, i) => {
    assertRangeInDocument(doc, e.range, `${what} edit ${i}`);
    assert.equal(typeof e.newText, 'string', `${what} edit ${i}: newText is not a string`);
    const start = doc.offsetAt(e.range.start);
    const end = doc.offsetAt(e.range.end);
    assert.ok(!splitsSurrogatePair(doc.text, start) && !splitsSurrogatePair(doc.text, end), `${what} edit ${i} splits a surrogate pair`);
    return { start, end };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i].start >= spans[i - 1].end, `${what}: overlapping edits ${JSON.stringify(spans[i - 1])} ${JSON.stringify(spans[i])}`);
    assert.ok(!(spans[i].start === spans[i - 1].start && spans[i].start === spans[i].end), `${what}: two edits insert at the same offset`);
  }
}

/**
 * The findings of one run are sane: no rule failed, every range lies inside the document,
 * messages are real text (no unfilled placeholders, no "undefined"/"NaN"), fixes are well-formed.
 */
export function assertFindingsSane(run: RunResult, text: string): void {
  const { analysis, findings, errors } = run;
  const doc = analysis.doc;
  const failures = findings.filter((f) => f.ruleId === RULE_FAILURE_ID);
  if (errors.length || failures.length) {
    const detail = errors.map((e) => `${e.ruleId}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`).join('\n');
    assert.fail(`a rule threw on ${describeText(text)}\n${detail || failures.map((f) => f.message).join('\n')}`);
  }
  const placeholderOk = text.includes('{');
  const internalValueOk = INTERNAL_VALUE.test(text);
  const checkedFixes = new Set<object>(); // rules may share one fix between findings (renumbering)
  for (const f of findings) {
    const what = `${f.ruleId} "${f.message}"`;
    assertRangeInDocument(doc, f.range, what);
    assert.ok(SEVERITIES.has(f.severity), `${what}: severity ${f.severity}`);
    assert.ok(typeof f.message === 'string' && f.message.trim().length > 0, `${f.ruleId}: empty message`);
    if (!internalValueOk) {
      assert.ok(!INTERNAL_VALUE.test(f.message), `${what}: message shows an internal value`);
    }
    if (!placeholderOk) assert.ok(!/\{\w+\}/.test(f.message), `${what}: unfilled placeholder`);
    for (const r of f.related ?? []) assertRangeInDocument(doc, r.range, `${what} related`);
    for (const fix of f.fixes ?? []) {
      if (checkedFixes.has(fix)) continue;
      checkedFixes.add(fix);
      assert.ok(typeof fix.title === 'string' && fix.title.trim().length > 0, `${what}: fix without a title`);
      if (!placeholderOk) assert.ok(!/\{\w+\}/.test(fix.title), `${what}: unfilled placeholder in fix title "${fix.title}"`);
      assertEditsSane(doc, fix.edits, `${what} fix "${fix.title}"`);
    }
    if (f.data !== undefined) assert.doesNotThrow(() => JSON.stringify(f.data), `${what}: data is not JSON-serialisable`);
  }
}

/** A JSON image of findings, for determinism checks (fix objects and data included). */
export function findingsImage(findings: Finding[]): string {
  return JSON.stringify(findings);
}

/** Check twice on fresh analyses: the same input gives the same output. */
export function assertDeterministic(text: string, uri: string, first: Finding[]): void {
  const again = runAll(text, uri).findings;
  assert.equal(findingsImage(again), findingsImage(first), `findings differ between two runs on ${describeText(text)}`);
}

/** Everything at once: parse, outline, all rules, sanity of findings. Returns the run. */
export function assertSane(text: string, uri = 'file:///fuzz/report.txt', options: CheckOptions = {}): RunResult {
  const run = runAll(text, uri, options);
  assertOutlineSane(run.analysis);
  assertFindingsSane(run, text);
  return run;
}
