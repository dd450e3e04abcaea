import type { Rule } from './types';
import { figureText } from '../figures/explain';
import { claimData, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** percent-out-of-range: a rate that cannot exceed 100% (办结率, 满意率 …) stated above 100%. */
export const percentOutOfRange: Rule = {
  meta: {
    id: 'percent-out-of-range',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'any',
    fixable: false,
    description: {
      'zh-cn': '不可能超过100%的比率（办结率、满意率、覆盖率、成功率等）写成了超过100%。',
      en: 'A rate that cannot exceed 100% (办结率, 满意率, 覆盖率, 成功率 …) is stated above 100%.',
    },
    docs: {
      'zh-cn':
        '办结率、结案率、审结率、满意率、好评率、参考率、及格率、优秀率、出庭应诉率、公开率、公示率、覆盖率、合格率、报备率、及时率、' +
        '规范率、知晓率、纠错率、败诉率、成功率、调解率、化解率等都是部分占整体的比例，不可能超过100%。增长率、完成率（计划）等可以超过100%，' +
        '“同比增长134%”也不受本规则约束。“约”“不到”修饰的数字不报告。',
      en:
        '办结率, 结案率, 审结率, 满意率, 好评率, 参考率, 及格率, 优秀率, 出庭应诉率, 公开率, 公示率, 覆盖率, 合格率, 报备率, 及时率, 规范率, ' +
        '知晓率, 纠错率, 败诉率, 成功率, 调解率, 化解率 and the like are parts of a whole and cannot exceed 100%. Growth (增长率), plan ' +
        'completion (完成率) and 同比增长134% may. Figures qualified by 约 or 不到 are not reported.',
    },
  },
  messages: {
    over: {
      'zh-cn': '{name}不可能超过100%，此处为 {rate}',
      en: '{name} cannot exceed 100%; stated {rate}',
    },
  },
  check(ctx) {
    for (const c of flaggedClaims(ctx, 'rate-bound')) {
      if (c.kind !== 'rate-bound' || c.verdict !== 'inconsistent') continue;
      ctx.report({
        message: ctx.t('over', { name: c.name, rate: figureText(ctx.doc.text, c.anchor) }),
        range: { start: c.anchor.start, end: c.anchor.end },
        explanation: localize(c.explanation, ctx.locale),
        data: claimData(c),
      });
    }
  },
};
