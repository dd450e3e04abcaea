/**
 * The statistical tables of a profile (政府信息公开工作年度报告: the 第二十条 table, the 收到和处理
 * 申请 table, the 行政复议/行政诉讼 table) read from the document's table blocks, with their
 * identities, value checks and narrative restatements. Computed once per analysis and profile,
 * shared by the table rules, the statistics summary and the cross-year comparison.
 */
export { statisticalTables, type StatisticalTables, type ValueProblem } from './check';
import { registerHoverContributor } from '../features/hover';
import { tableHoverMarkdown } from './claims';

registerHoverContributor((analysis, offset, locale) => tableHoverMarkdown(analysis, offset, locale));

export type { ReadTable, TableToken, TableDamage } from './read';
export type { IdentityCheck, IdentitySkip, BrokenCell } from './identities';
export type { TextClaimCheck } from './narrative';
export { identityWorking, fmt } from './identities';
