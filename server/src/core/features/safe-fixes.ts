/**
 * The safe fixes: rules whose metadata says `safeFix: true` (pinyin residue, full-width
 * punctuation) have a whole-document fix that needs no judgement. `reportlint fix` applies them
 * in place and the editor's fix-all offers the same set.
 */
import { Analysis } from '../analysis';
import { checkDocument, type CheckOptions } from '../check';
import type { DocumentFormat } from '../document/document';
import { ALL_RULES } from '../rules';
import type { Rule } from '../rules/types';

/** The rules with a safe whole-document fix, in the order they are applied. */
export function safeFixRules(): Rule[] {
  return ALL_RULES.filter((r) => r.meta.safeFix && r.fixAll);
}

export interface SafeFixResult {
  text: string;
  /** Per rule applied: how many edits it made (rules that changed nothing are left out). */
  applied: { ruleId: string; edits: number }[];
}

/**
 * Applies, one rule after the other, the whole-document fix of every safe rule that reports a
 * finding in the current text under `check` (its config, ignores, forceReport): a rule that is off
 * or whose findings are all ignored changes nothing. Each rule sees the text the previous one left.
 */
export function applySafeFixes(
  text: string,
  options: { uri?: string; format?: DocumentFormat; ruleIds?: ReadonlySet<string> | null; check?: Omit<CheckOptions, 'rules'> },
): SafeFixResult {
  const applied: SafeFixResult['applied'] = [];
  for (const rule of safeFixRules()) {
    if (options.ruleIds && !options.ruleIds.has(rule.meta.id)) continue;
    const analysis = Analysis.fromText(text, { uri: options.uri, format: options.format });
    const findings = checkDocument(analysis, { ...options.check, rules: [rule] });
    if (!findings.some((f) => f.ruleId === rule.meta.id)) continue;
    const edits = rule.fixAll!(analysis)
      .map((e) => ({ start: analysis.doc.offsetAt(e.range.start), end: analysis.doc.offsetAt(e.range.end), newText: e.newText }))
      .sort((a, b) => b.start - a.start);
    let out = text;
    let last = Infinity;
    let count = 0;
    for (const e of edits) {
      if (e.end > last) continue; // overlapping edits: keep the later one
      out = out.slice(0, e.start) + e.newText + out.slice(e.end);
      last = e.start;
      count++;
    }
    if (out !== text) {
      applied.push({ ruleId: rule.meta.id, edits: count });
      text = out;
    }
  }
  return { text, applied };
}
