import type { Rule, RuleContext } from './types';
import type { Range } from '../types';
import type { Claim } from '../figures/claim';
import { figureText } from '../figures/explain';
import { claimData, suggestionFixes, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** change-mismatch: 同比增长/下降 x% that the stated current and base figures do not give. */
export const changeMismatch: Rule = {
  meta: {
    id: 'change-mismatch',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '增减幅度与同时给出的本期数、基期数不符，或“下降”超过100%。',
      en: 'A stated increase or decrease does not match the current and base figures given with it, or a decrease exceeds 100%.',
    },
    docs: {
      'zh-cn':
        '只有本期数和基期数都写明时才核对增减：“由A件增加到B件，增长x%”“B件，比上年同期的A件增长x%”“B件，同比增长x%（上年同期为A件）”，' +
        '以及“增加N件”“提高N个百分点”。按所写精度比较相对变化 (B − A) ÷ A，接受四舍五入和截断；方向写反（实际减少却写“增长”）也会报告。' +
        '没有写基期数的“同比增长6.56%”无法核对，不报告。非负数量最多下降100%，“下降120%”一律报错。近似数只在越界时报告。' +
        '也读：括号中的上年数（7976件(2019年6593件)，同比分别增长20.98%和17.33%，按顺序配对）、绝对差之后的增幅（较上年558件增加555件，同比增长99.5%）。' +
        '“年均增长x%”按复合增长率核对：(B ÷ A)^(1/n) − 1，n 为写明的起止年份之差（从2020年的A增长到2025年的B）；没写年份时不判断，提示中列出相符的年数。' +
        '“增长N倍”两种读法（B = (N+1)·A 或 B = N·A）都接受，都不符时给出警告。下一分句另有主语的增幅（……增长到B，工业增加值年均增长x%）不与本分句配对。' +
        '“由A增长到B，翻一番（翻两番）”即 B = 2A（4A）：达到该倍数的95%即为一致，不到90%给出警告，介于两者之间或含近似数不作判断。' +
        '“分别为”一组百分比中两项的百分点差（城镇、农村……分别为5.1%、6.8%，农村快于城镇1.7个百分点），两边各指一项时核对：名称完整时不符为错误，用简称时为警告。',
      en:
        'A change is checked only when both the current and the base figure are stated: 由A件增加到B件,增长x%; B件,比上年同期的A件增长x%; ' +
        'B件,同比增长x%(上年同期为A件); also 增加N件 and 提高N个百分点. The relative change (B − A) ÷ A is compared at the stated precision ' +
        '(rounding or truncation); a wrong direction (a fall written as 增长) is reported too. 同比增长6.56% with no base stated cannot be ' +
        'checked and is left alone. A non-negative quantity falls by at most 100%, so 下降120% is always an error. Approximate figures are ' +
        'reported only when a bound is broken. Also read: previous values in brackets (7976件(2019年6593件), 同比分别增长20.98%和17.33%, paired ' +
        'in order) and a percentage after an absolute difference (较上年558件增加555件,同比增长99.5%). 年均增长x% is checked as a compound rate, ' +
        '(B ÷ A)^(1/n) − 1 over the years the text states (从2020年的A增长到2025年的B); without stated years nothing is asserted and the note ' +
        'names the spans that would fit. 增长N倍 accepts both readings (B = (N+1)·A or B = N·A) and warns when neither fits. A change with its own ' +
        'subject in the next clause (…增长到B,工业增加值年均增长x%) is not paired with this clause. 翻一番 / 翻两番 after 由A增长到B is ' +
        'B = 2×A / 4×A: from 95% of that multiple up it is consistent, below 90% a warning, in between (or with an approximate figure) no verdict. ' +
        'A difference in points between two members of a 分别为 series (城镇、农村…分别为5.1%、6.8%,农村快于城镇1.7个百分点) is checked ' +
        'when each side names one member: an error with both names in full, a warning when a name is shortened.',
    },
  },
  messages: {
    mismatch: {
      'zh-cn': '增减幅度与所给数字不符：{working}',
      en: 'The change does not match the figures given: {working}',
    },
    over100: {
      'zh-cn': '非负数量不可能{change}：最多减少100%',
      en: 'A non-negative quantity cannot fall by {change}: at most by 100%',
    },
  },
  check(ctx) {
    for (const kind of ['change', 'cagr', 'multiple'] as const) for (const c of flaggedClaims(ctx, kind)) {
      if (c.kind !== kind || c.verdict !== 'inconsistent') continue;
      ctx.report({
        ...(c.severity === 'warning' && ctx.severity === 'error' ? { severity: 'warning' as const } : {}),
        message: c.problem === 'decrease-over-100' ? ctx.t('over100', { change: c.name }) : ctx.t('mismatch', { working: c.working }),
        range: { start: c.anchor.start, end: c.anchor.end },
        fixes: suggestionFixes(ctx, c),
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
    if (i.role === 'current' || i.role === 'base') out.push({ range: ctx.doc.rangeOf(i.figure.start, i.figure.end), message: `${i.role === 'base' ? (ctx.locale === 'en' ? 'base' : '基期') : ctx.locale === 'en' ? 'current' : '本期'}: ${figureText(ctx.doc.text, i.figure)}` });
  }
  return out;
}
