import type { Rule } from './types';
import { repeatClaim, repeatConflicts } from '../figures';
import { figureText } from '../figures/explain';
import { claimData, suggestionFixes } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** figure-conflict: the same quantity stated twice in one report with different values. */
export const figureConflict: Rule = {
  meta: {
    id: 'figure-conflict',
    defaultSeverity: 'warning',
    category: 'figures',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '同一数量在报告中出现两次，数值却不同（如开头写办理建议提案101件，正文写105件）。',
      en: 'The same quantity is stated twice in the report with different values (101 proposals in the opening, 105 later).',
    },
    docs: {
      'zh-cn':
        '报告开头的概述和后文的分项常常重复同一个数字。本规则比较描述几乎相同的两处计数（去掉“共”“累计”“2024年”“我街”等修饰后' +
        '描述文字相同、单位相同、时间范围相同），数值不同时给出警告，并指向前一处。与上年比较的句子（同比、较上年）、同一句中的两处、' +
        '带“约”“余”的近似数、“截至11月”与全年数据不相比较；计划和目标（“工作安排”“目标任务”等部分，或句中有“将”“计划”“力争”“今年”等）不与实绩比较，' +
        '累计、五年来、“十四五”等多年数据不与单年数据比较。多份报告的汇编（顶层为“第一部分”“第二部分”……）中，各部分分别比较：' +
        '不同报告里相同的说法讲的是不同单位的工作。快速修复只是建议：改成前一处的数值。',
      en:
        'Opening summaries and later sections often repeat a figure. The rule compares two counts whose descriptions match (after dropping ' +
        'framing such as 共, 累计, 2024年, 我街), with the same unit and time frame, and warns when the values differ, pointing at the earlier ' +
        'one. Sentences comparing with another year (同比, 较上年), two mentions in one sentence, approximate figures (约, 余) and partial-year ' +
        'figures (截至11月) are not compared; plans and targets (a 工作安排 / 目标任务 part, or a sentence with 将, 计划, 力争, 今年 …) are not ' +
        'compared with results, nor multi-year totals (累计, 五年来, 十四五) with one year\'s. In a compilation of several reports (top-level 第一部分, 第二部分 …) each part is compared ' +
        "on its own: the same words in two reports describe two bodies' work. The fix is a suggestion: use the earlier value.",
    },
  },
  messages: {
    conflict: {
      'zh-cn': '“{label}”前文为 {first}，此处为 {second}，前后不一致',
      en: '“{label}” is {first} earlier but {second} here',
    },
    earlier: { 'zh-cn': '前文：{first}', en: 'earlier: {first}' },
  },
  check(ctx) {
    const text = ctx.doc.text;
    for (const pair of repeatConflicts(ctx.analysis)) {
      const c = repeatClaim(pair, text);
      // Many per report in dense text: everything but the range and the data is built when read.
      ctx.report({
        message: () => ctx.t('conflict', { label: c.name, first: figureText(text, c.related!), second: figureText(text, c.anchor) }),
        range: ctx.doc.rangeOf(c.anchor.start, c.anchor.end),
        fixes: () => suggestionFixes(ctx, c),
        explanation: () => localize(c.explanation, ctx.locale),
        related: () => [{ range: ctx.doc.rangeOf(c.related!.start, c.related!.end), message: ctx.t('earlier', { first: figureText(text, c.related!) }) }],
        data: claimData(c),
      });
    }
  },
};
