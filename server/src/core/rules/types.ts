import type { Analysis } from '../analysis';
import type { ReportDocument } from '../document/document';
import type { LocalizedText } from '../l10n';
import type { Outline } from '../outline/outline';
import type { Profile } from '../profiles/types';
import type { ResolvedConfig } from '../config/config';
import type { Fix, Locale, OffsetRange, Range, RelatedInformation, Severity, TextEdit } from '../types';

export type RuleCategory = 'structure' | 'numbering' | 'years' | 'figures' | 'hygiene' | 'format' | 'internal';

export interface RuleMeta {
  /** Stable kebab-case id; never renamed once released. */
  id: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** One line, shown in settings, the rule list and the Problems panel tooltip. */
  description: LocalizedText;
  /** Longer Markdown documentation: what it checks, why, examples. Rendered into docs/rules.md. */
  docs: LocalizedText;
  /** True when the rule offers quick fixes. */
  fixable: boolean;
  /**
   * True when the rule's whole-document fix (`Rule.fixAll`) needs no judgement, so it may be
   * applied unattended: `reportlint fix` and the editor's fix-all apply exactly these rules
   * (core/safe-fixes.ts).
   */
  safeFix?: boolean;
  /**
   * `report`: only for documents that look like reports (or when checking is forced);
   * `any`: for every checked document.
   */
  scope: 'report' | 'any';
  /**
   * True when the rule reports only under an active profile (activeProfile: its check returns at
   * once without one): checkDocument then does not call it.
   */
  profileOnly?: boolean;
}

/**
 * What a rule reports. A finding is a cheap record until someone reads it: the message, the fixes,
 * the related information and the explanation may be given as functions, called when first read (the server's
 * publish, the CLI's output, a code-action request) and never for a finding nobody reads (a
 * crowded rule in the CLI's summary; fixes outside a code-action request). The range is checked
 * at once; fix edits given as a function are checked when built (an invalid one drops its fix
 * and is reported through `CheckOptions.onRuleError`).
 */
export interface FindingInput {
  message: string | (() => string);
  range: Range | OffsetRange;
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedInformation[] | (() => RelatedInformation[]);
  /** Markdown shown on hover; a function is called when first read (a hover). */
  explanation?: string | (() => string);
  data?: Record<string, unknown>;
  /** Override the configured severity for this one finding (e.g. an info-level note). */
  severity?: Severity;
}

export interface RuleContext {
  readonly analysis: Analysis;
  readonly doc: ReportDocument;
  readonly outline: Outline;
  readonly locale: Locale;
  readonly config: ResolvedConfig;
  /** The configured severity of this rule. */
  readonly severity: Severity;
  /** Localise one of this rule's messages. */
  t(key: string, args?: Record<string, string | number>): string;
  report(finding: FindingInput): void;
}

export interface Rule {
  meta: RuleMeta;
  messages: Record<string, LocalizedText>;
  check(ctx: RuleContext): void;
  /** Every fix of the rule in the document at once; required when `meta.safeFix` is true. */
  fixAll?(analysis: Analysis): TextEdit[];
}


/** What a cross-year rule sees: this year's report, last year's report of the same body. */
export interface CrossYearContext {
  /** This year's report: findings are on it. */
  readonly current: Analysis;
  /** Last year's report of the same issuing body and kind. */
  readonly previous: Analysis;
  readonly profile: Profile;
  readonly locale: Locale;
  /** How messages name last year's report (its file name). */
  readonly previousName: string;
  t(key: string, args?: Record<string, string | number>): string;
  /** A finding on the current report, at the rule's default severity (the caller applies the config). */
  report(finding: { message: string; range: OffsetRange; related?: { range: OffsetRange; message: string }[]; data?: Record<string, unknown> }): void;
}

/**
 * A rule that compares two reports (this year's and last year's of the same body): run by the CLI
 * over the files it is given and by the server over the document's folder, never by
 * `checkDocument`. Its metadata is a rule's like any other: documented, configurable, listed.
 */
export interface CrossYearRule {
  meta: RuleMeta;
  messages: Record<string, LocalizedText>;
  compare(ctx: CrossYearContext): void;
}
