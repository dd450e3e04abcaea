import type { Rule } from './types';
import { figureText } from '../figures/explain';
import { claimData, flaggedClaims } from '../figures/rule-helpers';
import { localize } from '../l10n';

/** count-mismatch: a stated number of items (甲、乙、丙三类) that differs from the items listed before it. */
export const countMismatch: Rule = {
  meta: {
    id: 'count-mismatch',
    defaultSeverity: 'warning',
    category: 'figures',
    scope: 'any',
    fixable: false,
    description: {
      'zh-cn': '列举之后所写的项数与所列项数不符（如“对甲、乙、丙、丁三类信息”）。',
      en: 'The number stated after an enumeration differs from the items listed (对甲、乙、丙、丁三类信息).',
    },
    docs: {
      'zh-cn':
        '报告常在列举之后写明项数：“对甲、乙、丙三类信息”“聚焦“甲”“乙”“丙”三向发力”“涵盖A、B、C、D等四个方面”“由……6个部分组成”。' +
        '本规则数出所列的项（以顿号分隔，或连续的引号项；有“包括”“涵盖”“集中在”等引出时，也按逗号分隔来数；末项中的“和”“及”可分为两项），' +
        '相符的在悬停和数据核对表中显示为一致。几种数法都不相符时给出警告，假定所列各项就是所计之项：' +
        '所列项数多于所写（每项都很短，不会是项内另有顿号），或所写为“三类”“四个方面”“六部分”等类别词而所列少于所写（列举从句首或引出词开始）。' +
        '“等”在数字之前表示可能未列全，只有所列多于所写时才提示。“三项工作”“两家单位”之类可能计的是后面的名词，所列少于所写时不提示。' +
        '前面没有列举的说法（两个“凡是”、“十一连降”、一是……）不是项数说法。',
      en:
        'Reports often state the number of items after listing them: 对甲、乙、丙三类信息, 聚焦“甲”“乙”“丙”三向发力, 涵盖A、B、C、D等四个方面, ' +
        '由……6个部分组成. The rule counts the items listed (separated by 、, or adjacent quoted items; after an opening word such as 包括, 涵盖, ' +
        '集中在 also separated by commas; a 和 or 及 in the last item may join two) and shows a match as consistent in the hover and the ' +
        'statistics summary. When no way of counting fits it warns, assuming the list enumerates the items counted: a list longer than the ' +
        'number (every item short, so no item holds a 、 of its own), or a list shorter than a number of categories (三类, 四个方面, 六部分) ' +
        'that starts at the clause start or an opening word. 等 before the number says the list may be partial: only a longer list is ' +
        'reported. 三项工作, 两家单位 may count the noun after them: a shorter list is not reported. Idioms with no list before them ' +
        '(两个“凡是”, “十一连降”, 一是…) are not counts.',
    },
  },
  messages: {
    more: {
      'zh-cn': '列举了 {listed} 项，所写为“{stated}”（假定所列各项即所计之项）',
      en: '{listed} items are listed but the text says “{stated}” (assuming the list enumerates the items counted)',
    },
    fewer: {
      'zh-cn': '只列举了 {listed} 项，所写为“{stated}”（假定所列各项即所计之项）',
      en: 'Only {listed} items are listed but the text says “{stated}” (assuming the list enumerates the items counted)',
    },
    item: { 'zh-cn': '第{n}项：{text}', en: 'item {n}: {text}' },
  },
  check(ctx) {
    for (const c of flaggedClaims(ctx, 'count')) {
      if (c.verdict !== 'inconsistent') continue;
      const items = c.inputs.filter((i) => i.role === 'item');
      ctx.report({
        message: ctx.t(c.problem === 'fewer' ? 'fewer' : 'more', { listed: items.length, stated: figureText(ctx.doc.text, c.anchor) }),
        range: { start: c.anchor.start, end: c.anchor.end },
        explanation: localize(c.explanation, ctx.locale),
        related: items.map((i, k) => ({ range: ctx.doc.rangeOf(i.figure.start, i.figure.end), message: ctx.t('item', { n: k + 1, text: figureText(ctx.doc.text, i.figure) }) })),
        data: claimData(c),
      });
    }
  },
};
