import type { Rule } from './types';
import { figureText } from '../figures/explain';
import { claimData, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** rate-impossible: GRIM — no whole-number count out of the stated total gives the stated rate. */
export const rateImpossible: Rule = {
  meta: {
    id: 'rate-impossible',
    defaultSeverity: 'warning',
    category: 'figures',
    scope: 'any',
    fixable: false,
    description: {
      'zh-cn': 'GRIM 检验：给出了总数而未给分子的比率，没有任何整数分子能得到所写的百分比（共12宗，审结率85%）。',
      en: 'GRIM test: a rate stated with its total but no numerator that no whole-number count can produce (12 cases, 85% decided).',
    },
    docs: {
      'zh-cn':
        '“共办理复议案件12宗，审结率85%”：12宗中审结10宗是83.33%，11宗是91.67%，没有整数能得到85%，数字必有一处有误。' +
        '这就是 GRIM 检验（Brown & Heathers, 2016）。只在总数紧挨比率、带“共”“累计”“受理”等总数标志、且是该比率唯一给出的数字时核对；' +
        '总数较大时（n ≥ 10^(小数位+2)）几乎所有百分比都可能，检验没有意义，不核对。100%和0%总是可能的。',
      en:
        '共办理复议案件12宗,审结率85%: 10 of 12 is 83.33%, 11 of 12 is 91.67%; no whole number gives 85%, so one figure is wrong. This is ' +
        'the GRIM test (Brown & Heathers, 2016). It is applied only when the total comes right before the rate, is marked as a total ' +
        '(共, 累计, 受理 …) and is the only count stated with it; for large totals (n ≥ 10^(decimals+2)) nearly every percentage is ' +
        'possible and the test is skipped. 100% and 0% are always possible.',
    },
  },
  messages: {
    impossible: {
      'zh-cn': '{name}{rate}不可能：总数为 {total} 时，没有整数分子能得到该百分比',
      en: '{name} {rate} is impossible: with a total of {total}, no whole-number count gives it',
    },
  },
  check(ctx) {
    for (const c of flaggedClaims(ctx, 'grim')) {
      if (c.kind !== 'grim' || c.verdict !== 'inconsistent') continue;
      const total = c.inputs.find((i) => i.role === 'denominator');
      ctx.report({
        message: ctx.t('impossible', { name: c.name, rate: figureText(ctx.doc.text, c.anchor), total: total ? figureText(ctx.doc.text, total.figure) : '' }),
        range: { start: c.anchor.start, end: c.anchor.end },
        explanation: localize(c.explanation, ctx.locale),
        related: total ? [{ range: ctx.doc.rangeOf(total.figure.start, total.figure.end), message: figureText(ctx.doc.text, total.figure) }] : [],
        data: claimData(c),
      });
    }
  },
};
