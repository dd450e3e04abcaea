import type { Rule, RuleContext } from './types';
import type { Range } from '../types';
import type { Claim } from '../figures/claim';
import { figureText } from '../figures/explain';
import { claimData, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** percent-point: the difference of two percentages written as a percent (上升2.04% for 59.70% → 61.74%). */
export const percentPoint: Rule = {
  meta: {
    id: 'percent-point',
    defaultSeverity: 'warning',
    category: 'figures',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '两个百分比之差应写作“个百分点”，而不是“%”（由59.70%上升至61.74%，应写“上升2.04个百分点”）。',
      en: 'The difference of two percentages is written in percentage points (个百分点), not % (59.70% → 61.74% is up 2.04 points).',
    },
    docs: {
      'zh-cn':
        '比率从59.70%上升到61.74%，差是2.04个百分点；相对增长则是3.42%。写成“上升2.04%”会被读作相对变化，数值就错了。' +
        '本规则在两个百分比都写明（由…上升至…，比上年的…提高…，（上年为…））、所写的“x%”恰好等于两者之差而不等于相对变化时给出警告，' +
        '快速修复把“%”改为“个百分点”。',
      en:
        'A rate rising from 59.70% to 61.74% rises by 2.04 percentage points; the relative increase is 3.42%. Writing 上升2.04% reads as the ' +
        'relative change, which is then wrong. The rule warns when both percentages are stated (由…上升至…, 比上年的…提高…, (上年为…)) and ' +
        'the stated x% equals their difference rather than the relative change; the quick fix replaces % with 个百分点.',
    },
  },
  messages: {
    points: {
      'zh-cn': '两个百分比之差应写作“{value}个百分点”：{working}',
      en: 'The difference of two percentages is “{value}个百分点” (points): {working}',
    },
    fix: { 'zh-cn': '改为“{value}个百分点”', en: 'Change to “{value}个百分点”' },
  },
  check(ctx) {
    for (const c of flaggedClaims(ctx, 'percent-point')) {
      if (c.kind !== 'percent-point' || c.verdict !== 'inconsistent') continue;
      const f = c.anchor;
      ctx.report({
        message: ctx.t('points', { value: f.printed, working: c.working }),
        range: { start: f.start, end: f.end },
        fixes: [
          {
            title: ctx.t('fix', { value: f.printed }),
            kind: 'percent-to-points',
            isPreferred: true,
            edits: [{ range: ctx.doc.rangeOf(f.numEnd, f.end), newText: '个百分点' }],
          },
        ],
        explanation: localize(c.explanation, ctx.locale),
        related: relatedInputs(ctx, c),
        data: claimData(c),
      });
    }
  },
};

/** The related information of a claim's finding, built by push over the inputs (a .filter/.map chain's
 * arrays changed map between the interpreter and optimised code and de-optimised the rule's check). */
function relatedInputs(ctx: RuleContext, c: Claim): Array<{ range: Range; message: string }> {
  const out: Array<{ range: Range; message: string }> = [];
  for (let k = 0; k < c.inputs.length; k++) {
    const i = c.inputs[k];
    if (i.role === 'current' || i.role === 'base') out.push({ range: ctx.doc.rangeOf(i.figure.start, i.figure.end), message: figureText(ctx.doc.text, i.figure) });
  }
  return out;
}
