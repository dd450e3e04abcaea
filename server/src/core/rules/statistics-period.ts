import type { Rule } from './types';
import { profileParts } from './profile-shared';
import { statisticsPeriod, statisticsYear } from '../statistical-tables/year';

/** statistics-period: the opening's 统计期限 does not cover the report year (自Y年1月1日起至Y年12月31日止). */
export const statisticsPeriodRule: Rule = {
  meta: {
    id: 'statistics-period',
    defaultSeverity: 'error',
    category: 'years',
    scope: 'report',
    profileOnly: true,
    fixable: true,
    description: {
      'zh-cn': '“统计期限”不是报告年度的1月1日至12月31日（如2024年度报告写成“自2023年1月1日起”）。',
      en: 'The statistics period (统计期限) is not 1 January to 31 December of the report year.',
    },
    docs: {
      'zh-cn':
        '政府信息公开工作年度报告开头一般写明“本报告所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”，YYYY 为报告年度。' +
        '报告年度取自标题（××2024年政府信息公开工作年度报告）或开头“编制2024年度……年度报告”的说法：与之不符是错误；' +
        '只能从“2024年，我局……”这样的开头推断年度时是警告。起止年份不一致是错误；不是全年（1月1日至12月31日）是警告。' +
        '从上一年报告复制而来、忘记改年份，是这类报告最常见的错误之一。快速修复把年份改为报告年度。',
      en:
        'The opening usually states “本报告所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止” with YYYY the report year. The report year ' +
        'comes from the title (××2024年政府信息公开工作年度报告) or from the opening’s “编制2024年度……年度报告”: a different year is an ' +
        'error; when the year can only be inferred from an opening like “2024年，我局……” it is a warning. Start and end in different years ' +
        'is an error; a period that is not the whole year is a warning. A period copied from last year’s report is a classic defect. The ' +
        'quick fix sets the year to the report year.',
    },
  },
  messages: {
    year: {
      'zh-cn': '统计期限写的是{stated}年，报告年度为{year}年（见{source}）',
      en: 'The statistics period names {stated}, but the report year is {year} (see the {source})',
    },
    sourceTitle: { 'zh-cn': '标题', en: 'title' },
    sourcePhrase: { 'zh-cn': '开头的报告名称', en: 'report name in the opening' },
    sourceOpening: { 'zh-cn': '开头段落，系推断', en: 'opening paragraph, inferred' },
    split: { 'zh-cn': '统计期限的起止年份不一致：{from}年至{to}年', en: 'The statistics period starts in {from} and ends in {to}' },
    partial: {
      'zh-cn': '统计期限应为全年（1月1日至12月31日），此处为{from}至{to}',
      en: 'The statistics period should be the whole year (1 January to 31 December), not {from} to {to}',
    },
    fix: { 'zh-cn': '改为{year}年', en: 'Change to {year}' },
    related: { 'zh-cn': '报告年度', en: 'The report year' },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    if (!pp?.profile.statisticsPeriod) return;
    const period = statisticsPeriod(ctx.analysis, pp.profile);
    if (!period) return;
    const { from, to } = period;
    const toYear = to.year ?? from.year;
    if (to.year !== null && from.year !== to.year) {
      ctx.report({ message: ctx.t('split', { from: from.year!, to: to.year }), range: to.yearRange ?? period.range, data: { kind: 'split' } });
      return;
    }
    const y = statisticsYear(ctx.analysis, pp.profile);
    if (y && from.year !== y.year && !(y.range.start >= period.range.start && y.range.end <= period.range.end)) {
      const source = ctx.t(y.source === 'title' ? 'sourceTitle' : y.source === 'phrase' ? 'sourcePhrase' : 'sourceOpening');
      const ranges = [from.yearRange, to.yearRange].filter((r): r is NonNullable<typeof r> => r !== null);
      ctx.report({
        severity: y.source === 'opening' && ctx.severity === 'error' ? 'warning' : ctx.severity,
        message: ctx.t('year', { stated: from.year!, year: y.year, source }),
        range: from.yearRange ?? period.range,
        related: [{ range: ctx.doc.rangeOfOffsets(y.range), message: ctx.t('related') }],
        fixes: [
          {
            title: ctx.t('fix', { year: y.year }),
            edits: ranges.map((r) => ({ range: ctx.doc.rangeOfOffsets(r), newText: String(y.year) })),
            isPreferred: y.source !== 'opening',
          },
        ],
        data: { kind: 'year', stated: from.year, year: y.year, source: y.source },
      });
      return;
    }
    if (from.month !== 1 || from.day !== 1 || to.month !== 12 || to.day !== 31) {
      ctx.report({
        severity: ctx.severity === 'error' ? 'warning' : ctx.severity,
        message: ctx.t('partial', { from: `${from.month}月${from.day}日`, to: `${toYear}年${to.month}月${to.day}日` }),
        range: period.range,
        data: { kind: 'partial' },
      });
    }
  },
};
