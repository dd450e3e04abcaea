import type { Rule, RuleContext } from './types';
import type { Range } from '../types';
import type { Claim } from '../figures/claim';
import { figureText } from '../figures/explain';
import { claimData, suggestionFixes, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** sum-mismatch: a breakdown (其中…, 分别为…) that does not add up to its total. */
export const sumMismatch: Rule = {
  meta: {
    id: 'sum-mismatch',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '分项之和与总数不符：分项超过总数（错误），或已列全的分项少于总数（警告）。',
      en: 'A breakdown does not add up to its total: parts above the total (error) or a complete breakdown below it (warning).',
    },
    docs: {
      'zh-cn':
        '核对“共X件，其中A件、B件、C件”“X个（其中A个，B个，C次）”“共X件，A、B分别为a件、b件”这类说法。分项之和超过总数是错误；' +
        '明确列全的分项（用“分别为”，或列有“其他”“其余”类）合计少于总数是警告；只列一部分（共纳入8项，其中2项……）没有问题。' +
        '同一类单位可以混用（个、次、件、项……），人数（人、名、人次）与件数不相加。带“余”“多”“约”的近似数只在越界时报告' +
        '（共1500余件，分项合计1480件）。也读“含”“内有”“包括”引出的分项、（含新制定5件，修改4件）、数字在前的分项（2件为网络申请，4件为信函申请）、' +
        '一组合计为100%的占比（其计数之和应等于总数）、收结平衡（新收＋上年结转＝办结＋结转下年，不符为警告）和表格中的“合计/总计”列。' +
        '总数在前一句或前一段（受理34件。其中……；受理34件。另起一段“受理案件中，……”“上述案件中，……”，回指须与总数所在分句用语相同）或分项延续到后续分句时，超出总数给出警告并说明假定；每千人、人均等单位量不作总数或分项；后续分句中比总数还大的数字不算分项。' +
        '修复建议只是建议：把总数改为分项之和，不自动选定。',
      en:
        'Checks 共X件,其中A件、B件、C件, X个(其中A个,B个,C次) and 共X件,A、B分别为a件、b件. Parts adding up to more than the total are an ' +
        'error; a breakdown that is explicitly complete (分别为, or one listing a residual 其他/其余 category) adding up to less is a warning; ' +
        'a plain subset (共纳入8项,其中2项…) is fine. Units of one family mix (个, 次, 件, 项 …); people (人, 名, 人次) are not added to items. ' +
        'Approximate figures (余, 多, 约) are reported only when a bound is broken (共1500余件 whose parts add up to 1480). Also read: parts ' +
        'introduced by 含, 内有, 包括 and (含新制定5件,修改4件); parts written number first (2件为网络申请,4件为信函申请); a series of shares adding ' +
        'up to 100% (their counts must add up to the whole); a case ledger (新收 + 上年结转 = 办结 + 结转下年, a warning when off); and a table\'s ' +
        '合计/总计 column. With the total in the previous sentence (受理34件。其中…) or parts continued into later clauses, parts above the total ' +
        'are a warning that says what it assumed (the previous paragraph counts when the next one opens with an explicit back reference naming it: 受理案件中, 上述案件中, 其中); per-unit figures (每千人, 人均) are never totals or parts; a later clause\'s figure larger than the ' +
        'whole is not one of its parts. The fix is a ' +
        'suggestion (set the total to the sum), never preferred.',
    },
  },
  messages: {
    above: {
      'zh-cn': '分项之和超过总数：{working}（总数 {total}）',
      en: 'The parts add up to more than the total: {working} (total {total})',
    },
    balance: {
      'zh-cn': '收结不平衡：新收 + 上年结转 ≠ 办结 + 结转下年（{working}）',
      en: 'The case ledger does not balance: new + carried in ≠ closed + carried out ({working})',
    },
    below: {
      'zh-cn': '已列全的分项合计少于总数：{working}（总数 {total}）',
      en: 'The complete breakdown adds up to less than the total: {working} (total {total})',
    },
  },
  check(ctx) {
    for (const kind of ['sum', 'balance'] as const) for (const c of flaggedClaims(ctx, kind)) {
      if (c.kind !== kind || c.verdict !== 'inconsistent') continue;
      const total = figureText(ctx.doc.text, c.anchor);
      ctx.report({
        severity: c.severity === 'warning' && ctx.severity === 'error' ? 'warning' : ctx.severity,
        message: c.kind === 'balance' ? ctx.t('balance', { working: c.working }) : ctx.t(c.problem === 'above' ? 'above' : 'below', { working: c.working, total }),
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
    if (i.role === 'part') out.push({ range: ctx.doc.rangeOf(i.figure.start, i.figure.end), message: `${i.label} ${figureText(ctx.doc.text, i.figure)}` });
  }
  return out;
}
