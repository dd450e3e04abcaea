import type { ReportDocument } from '../document';
import type { Paragraph } from '../outline/outline';
import type { Fix } from '../types';
import type { ParagraphFinding, ParagraphFix, ParagraphRuleContext, Rule, RuleContext } from './types';

/**
 * Define a paragraph-granular rule (see Rule.granularity): give `checkParagraph`, get a Rule whose
 * findings ReportLint caches per paragraph text between versions of an open document. The
 * returned `check` runs `checkParagraph` over every paragraph, for callers that run rules directly.
 */
export function paragraphRule(def: Omit<Rule, 'check' | 'granularity' | 'checkParagraph'> & { checkParagraph(ctx: ParagraphRuleContext): void }): Rule {
  const rule: Rule = {
    meta: def.meta,
    messages: def.messages,
    granularity: 'paragraph',
    checkParagraph: def.checkParagraph,
    check(ctx: RuleContext) {
      for (const p of ctx.outline.paragraphs) {
        for (const f of runOnParagraph(rule, ctx.doc, p, ctx)) {
          const d = p.range.start;
          ctx.report({
            message: f.message,
            range: { start: f.range.start + d, end: f.range.end + d },
            ...(f.fixes ? { fixes: anchorFixes(ctx.doc, f.fixes, d) } : {}),
            ...(f.explanation ? { explanation: f.explanation } : {}),
            ...(f.data ? { data: f.data } : {}),
            ...(f.severity ? { severity: f.severity } : {}),
          });
        }
      }
    },
  };
  return rule;
}

/** Run a paragraph rule's `checkParagraph` on one paragraph; offsets in the result are relative to it. */
export function runOnParagraph(
  rule: Rule,
  doc: ReportDocument,
  p: Paragraph,
  env: Pick<RuleContext, 'locale' | 'config' | 'severity' | 't'>,
): ParagraphFinding[] {
  const out: ParagraphFinding[] = [];
  const ctx: ParagraphRuleContext = {
    text: doc.text.slice(p.range.start, p.range.end),
    simplified: doc.simplified.slice(p.range.start, p.range.end),
    runIn: p.runIn,
    locale: env.locale,
    config: env.config,
    severity: env.severity,
    t: env.t,
    report(f) {
      out.push(f);
    },
  };
  rule.checkParagraph!(ctx);
  return out;
}

/** Paragraph-relative fixes as document fixes (LSP ranges). */
export function anchorFixes(doc: ReportDocument, fixes: ParagraphFix[], offset: number): Fix[] {
  return fixes.map((fx) => ({
    title: fx.title,
    edits: fx.edits.map((e) => ({ range: doc.rangeOf(e.range.start + offset, e.range.end + offset), newText: e.newText })),
    ...(fx.isPreferred !== undefined ? { isPreferred: fx.isPreferred } : {}),
    ...(fx.kind !== undefined ? { kind: fx.kind } : {}),
  }));
}
