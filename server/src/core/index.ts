/** Public surface of the checking library (no vscode, no LSP imports). */
export * from './types';
export { Analysis } from './analysis';
export { ReportDocument, splitLines, formatFromUri } from './document/document';
export type { DocumentFormat, Line } from './document/document';
export { buildOutline } from './outline/outline';
export type { Outline, Section, Paragraph, Enumeration, EnumerationItem, ClosingBlock, DocumentTitle } from './outline/outline';
export type { Heading, MarkerStyle } from './outline/headings';
export { checkDocument, effectiveSeverity, RULE_FAILURE_ID } from './check';
export type { CheckOptions } from './check';
export { ALL_RULES, findRule } from './rules';
export type { Rule, RuleMeta, RuleContext } from './rules/types';
export * from './config/config';
export { normalizeLocale, localize, DEFAULT_LOCALE } from './l10n';
export { outlineToJson, outlineToText, sectionToJson } from './outline/serialize';
export type { OutlineJson, SectionJson } from './outline/serialize';
export * from './profiles';
export { reportYear, type ReportYear } from './document/years';
export * from './config/suppress';
