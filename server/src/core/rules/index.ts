import type { Rule } from './types';
import { numberingDuplicate } from './numbering-duplicate';
import { numberingGap } from './numbering-gap';

/** Every built-in rule, in documentation order. Add new rules here. */
export const ALL_RULES: readonly Rule[] = [numberingGap, numberingDuplicate];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
