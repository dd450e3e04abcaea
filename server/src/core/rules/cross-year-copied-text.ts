import { COPIED_SHARE, narrativeSentences, withoutYears } from '../statistical-tables/cross-year-text';
import type { CrossYearRule } from './types';

/** cross-year-copied-text: a large share of the sentences copied verbatim from last year's report. */
export const crossYearCopiedText: CrossYearRule = {
  meta: {
    id: 'cross-year-copied-text',
    defaultSeverity: 'info',
    category: 'format',
    scope: 'report',
    fixable: false,
    description: {
      'zh-cn': '本报告大量语句与同一机关上一年度报告逐字相同（内容雷同；需同时提供上一年度报告）（提示）。',
      en: 'Many sentences are copied verbatim from last year’s report of the same body (repeated content; needs last year’s report too) (information).',
    },
    docs: {
      'zh-cn':
        `国办公开办函〔2021〕30号把“内容雷同”列为年度报告的问题之一。叙述部分（不含表格、标题、署名和统计期限说明）中长度不少于16个字的句子，` +
        `忽略年份数字后与上一年度报告逐字相同的，占本报告此类句子的${Math.round(COPIED_SHARE * 100)}%以上时，给出一条提示，并列出相同的句子。`,
      en:
        `国办公开办函〔2021〕30号 names repeated content (内容雷同) as a failure of an annual report. When ${Math.round(COPIED_SHARE * 100)}% or more of the ` +
        'narrative’s sentences of 16 characters or more (tables, headings, the signature and the statistics period sentence aside) equal ' +
        'sentences of last year’s report once year digits are set aside, one information note lists them.',
    },
  },
  messages: {
    copied: {
      'zh-cn': '本报告有{count}句（占{share}%）与上一年度报告（{previous}）逐字相同，注意避免内容雷同（国办公开办函〔2021〕30号）',
      en: '{count} sentences ({share}%) are copied verbatim from last year’s report ({previous}); avoid repeating content (国办公开办函〔2021〕30号)',
    },
    same: { 'zh-cn': '与上一年度相同', en: 'Copied from last year' },
  },
  compare(ctx) {
    const mine = narrativeSentences(ctx.current, ctx.profile);
    if (mine.size < 5) return;
    const theirs = new Set([...narrativeSentences(ctx.previous, ctx.profile).keys()].map(withoutYears));
    const copied = [...mine.entries()].filter(([k]) => theirs.has(withoutYears(k)));
    const share = copied.length / mine.size;
    if (share < COPIED_SHARE) return;
    ctx.report({
      message: ctx.t('copied', { count: copied.length, share: Math.round(share * 100), previous: ctx.previousName }),
      range: copied[0][1],
      related: copied.slice(1, 20).map(([, r]) => ({ range: r, message: ctx.t('same') })),
      data: { previous: ctx.previousName, copied: copied.length, sentences: mine.size },
    });
  },
};
