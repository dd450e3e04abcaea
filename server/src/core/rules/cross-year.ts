import { crossYearCarryOver } from './cross-year-carry-over';
import { crossYearCopiedText } from './cross-year-copied-text';
import { crossYearInForce } from './cross-year-in-force';
import type { CrossYearRule } from './types';

/** The rules that compare this year's report with last year's (statistical-tables/cross-year.ts runs them). */
export const CROSS_YEAR_RULES: readonly CrossYearRule[] = [crossYearCarryOver, crossYearInForce, crossYearCopiedText];
