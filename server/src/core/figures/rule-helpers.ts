/** Shared glue between claims and findings for the figures rules. */
import type { RuleContext } from '../rules/types';
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
 * The claims of one kind that are not consistent, at document offsets, in document order: a
 * figures rule reports them in a loop of its own (a shared loop calling each rule's callback
 * was de-optimised by every new rule that reached it, and recompiled with the claim mover inlined).
 */
export function flaggedClaims(ctx: RuleContext, kind: Claim['kind']): Claim[] {
  const out: Claim[] = [];
  for (const l of flaggedClaimLines(ctx.analysis)) {
    // By index, not for…of: the iteration's result objects took a map check that de-optimised this
    // function (twice in a run over the generated reports).
    const flagged = l.data.flagged;
    for (let i = 0; i < flagged.length; i++) if (flagged[i].kind === kind) out.push(claimAt(flagged[i], l.offset));
  }
  return out;
}
