import type { Analysis } from './analysis';
import { defaultConfig, type ResolvedConfig } from './config/config';
import { COMMON, DEFAULT_LOCALE, localize } from './l10n';
import { ALL_RULES } from './rules';
import { activeProfile, isReportDocument } from './profiles/detect';
import type { FindingInput, Rule, RuleContext } from './rules/types';
import { applySuppressions, type IgnoreEntry } from './config/suppress';
import type { Finding, Fix, Locale, OffsetRange, Range, RelatedInformation, Severity, SeverityOrOff } from './types';

export interface CheckOptions {
  config?: ResolvedConfig;
  locale?: Locale;
  /** Rules to run (defaults to every built-in rule). */
  rules?: readonly Rule[];
  /** Run report-scoped rules even when the document does not look like a report. */
  forceReport?: boolean;
  /** Sidecar entries (.reportlint-ignore.json) that concern this document. */
  ignores?: readonly IgnoreEntry[];
  /** Called when a rule throws (the server logs it). */
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export const RULE_FAILURE_ID = 'internal-rule-failure';

/** The severity a rule runs at under a config, or null when it is off. */
export function effectiveSeverity(rule: Rule, config: ResolvedConfig, profileRules?: Record<string, SeverityOrOff>): Severity | null {
  // Configuration wins over the profile's defaults, which win over the rule's own default.
  const s = config.rules[rule.meta.id] ?? profileRules?.[rule.meta.id];
  if (s === 'off') return null;
  return s ?? rule.meta.defaultSeverity;
}

function isRange(r: FindingInput['range']): r is Range {
  return typeof (r as Range).start === 'object';
}

/**
 * Run the rules on one analysed document. A rule that throws is contained: its
 * failure becomes one finding and the other rules still report.
 */
export function checkDocument(analysis: Analysis, options: CheckOptions = {}): Finding[] {
  // The same steps as checkDocumentSteps, in a plain loop: resuming a generator once per rule
  // cost more than most rules' own checks (and the generator compiled as one large function).
  const run = startCheck(analysis, options);
  if (!(run instanceof CheckRun)) return run;
  const rules = run.rules;
  for (let i = 0; i < rules.length; i++) runRule(run, rules[i], i);
  return finishCheck(run);
}

/**
 * checkDocument as a generator that yields after each rule, so that a caller (the language
 * server) can give way to newer edits between rules and abandon a check that became stale.
 * Draining it gives exactly checkDocument's result.
 */
export function* checkDocumentSteps(analysis: Analysis, options: CheckOptions = {}): Generator<void, Finding[], void> {
  const run = startCheck(analysis, options);
  if (!(run instanceof CheckRun)) return run;
  const rules = run.rules;
  for (let i = 0; i < rules.length; i++) if (runRule(run, rules[i], i)) yield;
  return finishCheck(run);
}

/** What one check carries from rule to rule (checkDocument and checkDocumentSteps). */
class CheckRun {
  readonly findings: Finding[] = [];
  /** Fixes built when read and shared between findings (a fix-all) are checked once. */
  readonly lazyValidated = new WeakSet<Fix>();
  constructor(
    readonly analysis: Analysis,
    readonly options: CheckOptions,
    readonly config: ResolvedConfig,
    readonly locale: Locale,
    readonly rules: readonly Rule[],
    readonly isReport: boolean,
    /** Whether a profile applies (activeProfile): rules with `profileOnly` run only then. */
    readonly hasProfile: boolean,
    readonly profileRules: Record<string, SeverityOrOff> | undefined,
    /** effectiveSeverity of each of `rules`, in order. */
    readonly severities: ReadonlyArray<Severity | null>,
  ) {}
}

/**
 * The severities of a rule list under a config's rules and a profile's (effectiveSeverity of
 * each), kept for the last pair seen per list. Compared by identity: a resolved config's and a
 * profile's rule maps are made anew, never modified in place. A check reads one short array
 * instead of two string-keyed lookups and the rule's metadata per rule (memory a check reads
 * again after other work has evicted the caches).
 */
interface Severities {
  configRules: ResolvedConfig['rules'];
  profileRules: Record<string, SeverityOrOff> | undefined;
  severities: ReadonlyArray<Severity | null>;
}
const severitiesByRules = new WeakMap<readonly Rule[], Severities>();

function severitiesOf(rules: readonly Rule[], config: ResolvedConfig, profileRules: Record<string, SeverityOrOff> | undefined): ReadonlyArray<Severity | null> {
  const known = severitiesByRules.get(rules);
  if (known && known.configRules === config.rules && known.profileRules === profileRules) return known.severities;
  const severities = rules.map((rule) => effectiveSeverity(rule, config, profileRules));
  severitiesByRules.set(rules, { configRules: config.rules, profileRules, severities });
  return severities;
}

/** The run of a check, or its only finding when the document is too large to check. */
function startCheck(analysis: Analysis, options: CheckOptions): CheckRun | Finding[] {
  const config = options.config ?? defaultConfig();
  const locale = options.locale ?? DEFAULT_LOCALE;
  const doc = analysis.doc;
  if (doc.text.length > config.maxFileSize) return tooLarge(analysis, config, locale);
  const isReport = options.forceReport || isReportDocument(analysis, config);
  const profile = activeProfile(analysis, config);
  const profileRules = profile?.rules;
  const rules = options.rules ?? ALL_RULES;
  return new CheckRun(analysis, options, config, locale, rules, !!isReport, !!profile, profileRules, severitiesOf(rules, config, profileRules));
}

function tooLarge(analysis: Analysis, config: ResolvedConfig, locale: Locale): Finding[] {
  const doc = analysis.doc;
  return [
    {
      ruleId: 'document-too-large',
      severity: 'info',
      message: localize(COMMON.tooLarge, locale, { size: formatSize(doc.text.length), limit: formatSize(config.maxFileSize) }),
      range: doc.rangeOf(0, Math.min(doc.lines[0].end, doc.text.length)),
    },
  ];
}

function finishCheck(run: CheckRun): Finding[] {
  const doc = run.analysis.doc;
  return sortFindings(applySuppressions(run.analysis, withoutHiddenText(doc, run.findings), run.options.ignores));
}

/** Run one rule (its findings join run.findings); false when the rule is off or out of scope. */
function runRule(run: CheckRun, rule: Rule, index: number): boolean {
  const severity = run.severities[index];
  if (!severity) return false;
  const meta = rule.meta;
  if (meta.scope === 'report' && !run.isReport) return false;
  if (meta.profileOnly && !run.hasProfile) return false; // the check would return at once
  try {
    const ctx = new RuleRunContext(run, rule, severity);
    rule.check(ctx);
    const { collected, inputs } = ctx;
    if (collected && inputs) validateInputs(run.analysis.doc, inputs);
    if (collected) for (const f of collected) run.findings.push(f);
  } catch (error) {
    ruleFailed(run, rule, error);
  }
  return true;
}

/**
 * The context one rule's check is given. A class, its `t` and `report` on the prototype: one
 * object per rule and check, where an object literal with two closures made four (a finding's
 * message built when read calls `t` after the check, so each rule keeps a context of its own).
 */
class RuleRunContext implements RuleContext {
  readonly analysis: Analysis;
  readonly doc: Analysis['doc'];
  readonly outline: Analysis['outline'];
  readonly locale: Locale;
  readonly config: ResolvedConfig;
  readonly severity: Severity;
  /** Most rules report nothing on most documents: the lists are made at the first report. */
  collected: Finding[] | null = null;
  inputs: FindingInput[] | null = null;
  readonly #run: CheckRun;
  readonly #rule: Rule;

  constructor(run: CheckRun, rule: Rule, severity: Severity) {
    const analysis = run.analysis;
    this.analysis = analysis;
    this.doc = analysis.doc;
    this.outline = analysis.outline;
    this.locale = run.locale;
    this.config = run.config;
    this.severity = severity;
    this.#run = run;
    this.#rule = rule;
  }

  t(key: string, args?: Record<string, string | number>): string {
    const msg = this.#rule.messages[key];
    return msg ? localize(msg, this.locale, args) : key;
  }

  report(input: FindingInput): void {
    const run = this.#run;
    (this.collected ??= []).push(toFinding(this.#rule, this.severity, this.doc, input, run.options.onRuleError, run.lazyValidated));
    (this.inputs ??= []).push(input);
  }
}

/** A rule that threw: one finding says so (a function of its own, rarely run). */
function ruleFailed(run: CheckRun, rule: Rule, error: unknown): void {
  try {
    run.options.onRuleError?.(rule.meta.id, error);
  } catch {
    // A failing logger must not stop the other rules.
  }
  run.findings.push({
    ruleId: RULE_FAILURE_ID,
    severity: 'warning',
    message: localize(COMMON.ruleFailed, run.locale, { rule: rule.meta.id, error: errorText(error) }),
    range: run.analysis.doc.rangeOf(0, 0),
    data: { failedRule: rule.meta.id },
  });
}

/**
 * The findings outside the text that is not published: in Markdown, fenced code and passages
 * commented out with `<!-- … -->` (ReportDocument.hiddenLines). The outline and the figures engine
 * never read those lines; the rules that scan every line (pinyin, web-page furniture, dates, …)
 * do, and their findings there are dropped here, once for every rule.
 */
function withoutHiddenText(doc: Analysis['doc'], findings: Finding[]): Finding[] {
  if (!doc.hiddenLines || !findings.length) return findings;
  return findings.filter((f) => {
    if (f.ruleId === RULE_FAILURE_ID) return true;
    const { start, end } = f.range;
    const endLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    for (let l = start.line; l <= endLine; l++) if (!doc.isHidden(l)) return true;
    return false;
  });
}

/**
 * Check the ranges of a rule's eager fixes and related information. A function of its own: every
 * rule's inputs have their own object shape, and the reads here de-optimised checkDocumentSteps
 * (a large function, costly to compile again) each time a new shape reached them.
 */
function validateInputs(doc: Analysis['doc'], inputs: readonly FindingInput[]): void {
  let validated: Set<object> | null = null; // findings of one sequence share one fix object
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (Array.isArray(input.fixes)) {
      for (const fix of input.fixes) {
        validated ??= new Set<object>();
        if (validated.has(fix)) continue;
        validated.add(fix);
        for (const e of fix.edits) validRange(doc, e.range, 'quick-fix edit');
      }
    }
    if (Array.isArray(input.related)) for (const r of input.related) validRange(doc, r.range, 'related information');
  }
}

function toFinding(rule: Rule, severity: Severity, doc: Analysis['doc'], input: FindingInput, onRuleError: CheckOptions['onRuleError'], validated: WeakSet<Fix>): Finding {
  const { message, fixes, related } = input;
  const range = validRange(doc, input.range, 'finding');
  const ruleId = rule.meta.id;
  const sev = input.severity ?? severity;
  if (typeof message !== 'function' && typeof fixes !== 'function' && typeof related !== 'function' && typeof input.explanation !== 'function') {
    // Everything given as values: a plain finding, as it always was.
    return {
      ruleId,
      severity: sev,
      message,
      range,
      ...(fixes && fixes.length ? { fixes } : {}),
      ...(related && related.length ? { related } : {}),
      ...(input.explanation ? { explanation: input.explanation } : {}),
      ...(input.data ? { data: input.data } : {}),
    };
  }
  return new LazyFinding(ruleId, sev, range, input, () => {
    if (typeof fixes !== 'function') return fixes;
    const built = checkedFixes(rule, doc, fixes, onRuleError, validated);
    return built.length ? built : undefined;
  }, () => {
    if (typeof related !== 'function') return related;
    const built = related().filter((r) => {
      try {
        validRange(doc, r.range, 'related information');
        return true;
      } catch (error) {
        reportError(onRuleError, rule, error);
        return false;
      }
    });
    return built.length ? built : undefined;
  });
}

/**
 * A finding whose message, fixes and related information are built when first read (rules give
 * them as functions: FindingInput). A class with accessors on its prototype costs next to nothing
 * per finding (accessors defined on each object made the record slower than the eager one);
 * `toJSON` gives the plain finding's JSON, key for key.
 */
class LazyFinding implements Finding {
  readonly ruleId: string;
  severity: Severity;
  range: Range;
  data?: Record<string, unknown>;
  #message: string | (() => string);
  #explanation: string | undefined | (() => string);
  #fixes: Fix[] | undefined | (() => Fix[] | undefined);
  #related: RelatedInformation[] | undefined | (() => RelatedInformation[] | undefined);

  constructor(
    ruleId: string,
    severity: Severity,
    range: Range,
    input: FindingInput,
    fixes: () => Fix[] | undefined,
    related: () => RelatedInformation[] | undefined,
  ) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.range = range;
    this.#message = input.message;
    this.#fixes = input.fixes === undefined ? undefined : fixes;
    this.#related = input.related === undefined ? undefined : related;
    this.#explanation = input.explanation || undefined;
    if (input.data) this.data = input.data;
  }

  get explanation(): string | undefined {
    const e = this.#explanation;
    return typeof e === 'function' ? (this.#explanation = e() || undefined) : e;
  }
  set explanation(value: string | undefined) {
    this.#explanation = value;
  }

  get message(): string {
    const m = this.#message;
    return typeof m === 'function' ? (this.#message = m()) : m;
  }
  set message(value: string) {
    this.#message = value;
  }

  get fixes(): Fix[] | undefined {
    const f = this.#fixes;
    if (typeof f !== 'function') return f;
    const built = f();
    return (this.#fixes = built && built.length ? built : undefined);
  }
  set fixes(value: Fix[] | undefined) {
    this.#fixes = value;
  }

  get related(): RelatedInformation[] | undefined {
    const r = this.#related;
    if (typeof r !== 'function') return r;
    const built = r();
    return (this.#related = built && built.length ? built : undefined);
  }
  set related(value: RelatedInformation[] | undefined) {
    this.#related = value;
  }

  toJSON(): Finding {
    const { fixes, related } = this;
    return {
      ruleId: this.ruleId,
      severity: this.severity,
      message: this.message,
      range: this.range,
      ...(fixes ? { fixes } : {}),
      ...(related ? { related } : {}),
      ...(this.explanation ? { explanation: this.explanation } : {}),
      ...(this.data ? { data: this.data } : {}),
    };
  }
}

/** Fixes built when read: an edit with an invalid range drops its fix (and is reported). */
function checkedFixes(rule: Rule, doc: Analysis['doc'], build: () => Fix[], onRuleError: CheckOptions['onRuleError'], validated: WeakSet<Fix>): Fix[] {
  const out: Fix[] = [];
  for (const fix of build()) {
    try {
      if (!validated.has(fix)) for (const e of fix.edits) validRange(doc, e.range, 'quick-fix edit');
      validated.add(fix);
      out.push(fix);
    } catch (error) {
      reportError(onRuleError, rule, error);
    }
  }
  return out;
}

function reportError(onRuleError: CheckOptions['onRuleError'], rule: Rule, error: unknown): void {
  try {
    onRuleError?.(rule.meta.id, error);
  } catch {
    // A failing logger must not stop the rest.
  }
}


export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** The error's message; never throws, whatever was thrown (null, an object without toString …). */
function errorText(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

function isPos(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/**
 * A reported range as an LSP range, or an exception (which makes the reporting rule fail
 * visibly, once) when it is malformed: not integers, reversed, or outside the document.
 */
function validRange(doc: Analysis['doc'], r: FindingInput['range'], what: string): Range {
  if (r && isRange(r)) {
    const { start, end } = r;
    const ok =
      !!start && !!end && isPos(start.line) && isPos(start.character) && isPos(end.line) && isPos(end.character) &&
      end.line < doc.lineCount && start.character <= doc.lines[start.line].end - doc.lines[start.line].start &&
      end.character <= doc.lines[end.line].end - doc.lines[end.line].start &&
      (start.line < end.line || (start.line === end.line && start.character <= end.character));
    if (!ok) throw new Error(`reported an invalid ${what} range ${safeJson(r)}`);
    return r;
  }
  const o = r as OffsetRange | undefined;
  if (!o || !isPos(o.start) || !isPos(o.end) || o.start > o.end || o.end > doc.text.length) {
    throw new Error(`reported an invalid ${what} range ${safeJson(o)}`);
  }
  return doc.rangeOfOffsets(o);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return '?';
  }
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
