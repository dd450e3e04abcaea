import type { CrossYearRule, Rule } from './types';
import { CROSS_YEAR_RULES } from './cross-year';
import { numberingDuplicate } from './numbering-duplicate';
import { numberingGap } from './numbering-gap';
import { encodingDamage } from './encoding-damage';
import { pinyinResidue } from './pinyin-residue';
import { webBoilerplate } from './web-boilerplate';
import { missingPart } from './missing-part';
import { textCutOff } from './text-cut-off';
import { dateFormat } from './date-format';
import { documentNumber } from './document-number';
import { requestInReport } from './request-in-report';
import { rateMismatch } from './rate-mismatch';
import { sumMismatch } from './sum-mismatch';
import { countMismatch } from './count-mismatch';
import { percentOutOfRange } from './percent-out-of-range';
import { rateImpossible } from './rate-impossible';
import { percentPoint } from './percent-point';
import { changeMismatch } from './change-mismatch';
import { figureConflict } from './figure-conflict';
import { partOrder } from './part-order';
import { numberingLevel } from './numbering-level';
import { numberingStyle } from './numbering-style';
import { enumerationGap } from './enumeration-gap';
import { yearMismatch } from './year-mismatch';
import { citationMismatch } from './citation-mismatch';
import { missingTitle } from './missing-title';
import { signatureDate } from './signature-date';
import { missingCauses } from './missing-causes';
import { mixedScript } from './mixed-script';
import { punctuationWidth } from './punctuation-width';
import { statisticsPeriodRule } from './statistics-period';
import { publicationDeadline } from './publication-deadline';
import { tableIdentity } from './table-identity';
import { tableUnreadable } from './table-unreadable';
import { tableValue } from './table-value';
import { tableTextMismatch } from './table-text-mismatch';

/** Every built-in rule, in documentation order. Add new rules here. */
export const ALL_RULES: readonly Rule[] = [
  numberingGap,
  numberingDuplicate,
  encodingDamage,
  pinyinResidue,
  webBoilerplate,
  missingPart,
  textCutOff,
  dateFormat,
  documentNumber,
  requestInReport,
  rateMismatch,
  sumMismatch,
  countMismatch,
  percentOutOfRange,
  rateImpossible,
  percentPoint,
  changeMismatch,
  figureConflict,
  partOrder,
  missingCauses,
  numberingLevel,
  numberingStyle,
  enumerationGap,
  yearMismatch,
  citationMismatch,
  missingTitle,
  signatureDate,
  mixedScript,
  punctuationWidth,
  statisticsPeriodRule,
  publicationDeadline,
  tableIdentity,
  tableUnreadable,
  tableValue,
  tableTextMismatch,
];

/**
 * Every rule a user can configure and read about: the rules of one document (ALL_RULES) and the
 * rules that compare two years' reports (CROSS_YEAR_RULES). Docs, the config schema, the settings,
 * the config's known ids, SARIF and `reportlint rules` are made from this list.
 */
export const DOCUMENTED_RULES: readonly (Rule | CrossYearRule)[] = [...ALL_RULES, ...CROSS_YEAR_RULES];

export { CROSS_YEAR_RULES };

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
