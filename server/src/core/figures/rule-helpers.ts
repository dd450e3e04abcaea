/** Shared glue between claims and findings for the figures rules. */
import type { FindingInput, RuleContext } from '../rules/types';
import type { Range } from '../types';
import { claimAt, flaggedClaimLines } from './analyze';
import type { Fix } from '../types';
import { localize } from '../l10n';
import type { Claim } from './claim';

/** Suggestions become quick fixes that are never preferred: which figure is wrong is the writer's call. */
export function suggestionFixes(ctx: RuleContext, claim: Claim): Fix[] {
  return claim.suggestions.map((s) => ({
    title: localize(s.title, ctx.locale),
    kind: 'figure-suggestion',
    edits: [{ range: ctx.doc.rangeOf(s.figure.numStart, s.figure.numEnd), newText: s.newText }],
  }));
}

export function claimData(claim: Claim): Record<string, unknown> {
  return {
    kind: claim.kind,
    verdict: claim.verdict,
    computed: claim.computed,
    working: claim.working,
    inputs: claim.inputs.map((i) => ({ role: i.role, value: i.figure.value, printed: i.figure.printed, label: i.label })),
    ...(claim.method ? { method: claim.method } : {}),
    ...(claim.problem ? { problem: claim.problem } : {}),
  };
}

/**
 * Run a figures rule over the claims of one kind that are not consistent, in document order:
 * `report` is called with each claim at document offsets and a context whose `report` it uses.
 * Every claim but a repeat lies within one line, so what a rule reports for it depends only on
 * the line's text, its line number, the locale and the severity: between versions of an open
 * document the findings of unchanged lines that stay on the same line numbers are replayed
 * instead of being rebuilt.
 */
export function reportClaims(ctx: RuleContext, kind: Claim['kind'], report: (c: Claim, ctx: RuleContext) => void): void {
  const ruleKey = `${kind}\u0000${ctx.locale}\u0000${ctx.severity}`;
  for (const l of flaggedClaimLines(ctx.analysis)) {
    const reports = (l.data.reports ??= new Map());
    const hit = reports.get(ruleKey);
    if (hit && hit.line === l.line) {
      for (const input of hit.inputs as FindingInput[]) ctx.report(input);
      continue;
    }
    const inputs: FindingInput[] = [];
    const collecting: RuleContext = { ...ctx, report: (input) => inputs.push({ ...input, range: toRange(ctx, input.range) }) };
    for (const rel of l.data.flagged) if (rel.kind === kind) report(claimAt(rel, l.offset), collecting);
    reports.set(ruleKey, { line: l.line, inputs });
    for (const input of inputs) ctx.report(input);
  }
}

function toRange(ctx: RuleContext, r: FindingInput['range']): Range {
  return typeof (r as { start: unknown }).start === 'number' ? ctx.doc.rangeOf((r as { start: number }).start, (r as { end: number }).end) : (r as Range);
}
