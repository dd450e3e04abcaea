import { statisticalTables } from '../statistical-tables/check';
import type { CrossYearRule } from './types';

/**
 * cross-year-in-force: a stock column (现行有效件数) that does not follow from last year's report of
 * the same body and this year's additions and removals (the table's `stockAcrossYears` in the profile).
 */
export const crossYearInForce: CrossYearRule = {
  meta: {
    id: 'cross-year-in-force',
    defaultSeverity: 'info',
    category: 'figures',
    scope: 'report',
    fixable: false,
    description: {
      'zh-cn': '“现行有效件数”不等于上一年度报告的现行有效件数加本年制发、减本年废止（同一机关，需同时提供上一年度报告）（提示）。',
      en: 'A “现行有效件数” (documents in force) differs from last year’s figure plus this year’s issued minus repealed ones (same body; needs last year’s report too) (information).',
    },
    docs: {
      'zh-cn':
        '第二十条第（一）项表中，规章和行政规范性文件的“现行有效件数”一般等于同一机关上一年度报告的现行有效件数，加上本年制发件数，减去本年废止件数。' +
        '修改、到期失效、集中清理也会改变件数，因此不一致时只给出提示，并写明计算过程，请核对表中数字或在报告中说明原因。' +
        '只比较两年都按现行格式（本年制发件数、本年废止件数、现行有效件数）填写且单元格完整的行。哪些列参与计算由报告类型配置（profile）中表格的 stockAcrossYears 规定。',
      en:
        'In the Article 20(1) table the documents in force (现行有效件数) of 规章 and 行政规范性文件 usually equal last year’s figure of the same body ' +
        'plus this year’s issued (本年制发件数) minus repealed (本年废止件数) ones. Amendments, expiry and clean-ups change the count too, so a ' +
        'difference is an information note with the working: check the table or explain it in the report. Only rows complete in both years ' +
        'and in the current format are compared; the columns come from the table’s `stockAcrossYears` in the profile.',
    },
  },
  messages: {
    stock: {
      'zh-cn': '“{row}”的{stockLabel}{current}，与上一年度报告（{previous}）的{before}加{addedLabel}{added}、减{removedLabel}{removed}（得{expected}）不一致；修改、失效、清理也会改变件数，请核对',
      en: '“{row}”: {stockLabel} {current} differs from last year’s {before} ({previous}) plus {addedLabel} {added} minus {removedLabel} {removed} (= {expected}); amendments, expiry and clean-ups also change it: please check',
    },
    last: { 'zh-cn': '上一年度报告中的{stockLabel}：{before}', en: 'Last year’s {stockLabel}: {before}' },
  },
  compare(ctx) {
    const before = statisticalTables(ctx.previous, ctx.profile).tables;
    for (const now of statisticalTables(ctx.current, ctx.profile).tables) {
      const stock = now.def.stockAcrossYears;
      const then = before.find((t) => t.def.id === now.def.id);
      if (!stock || !then || !now.currentFormat || !then.currentFormat) continue;
      const col = (id: string) => now.def.columns.findIndex((c) => c.id === id);
      const [s, a, r] = [col(stock.stock), col(stock.added), col(stock.removed)];
      if (s < 0 || a < 0 || r < 0) continue;
      for (const row of now.def.rows) {
        if (!now.intact.has(row.id) || !then.intact.has(row.id)) continue;
        const cur = now.cells.get(row.id)!;
        const prev = then.cells.get(row.id)!;
        const cells = [cur[s], cur[a], cur[r], prev[s]];
        if (cells.some((c) => !c || c.kind !== 'value' || c.value === null)) continue;
        const [current, added, removed, last] = cells.map((c) => c.value!);
        const expected = last + added - removed;
        if (Math.abs(current - expected) < 1e-9) continue;
        const label = (i: number) => now.def.columns[i].label;
        ctx.report({
          message: ctx.t('stock', {
            row: row.label,
            stockLabel: label(s),
            current,
            previous: ctx.previousName,
            before: last,
            addedLabel: label(a),
            added,
            removedLabel: label(r),
            removed,
            expected,
          }),
          range: { start: cur[s].start, end: cur[s].end },
          data: { previous: ctx.previousName, table: now.def.id, row: row.id, stated: current, expected },
        });
      }
    }
  },
};
