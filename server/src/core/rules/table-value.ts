import type { Rule } from './types';
import { profileTables } from './table-shared';

/** table-value: a count in a statistical table that is negative or not a whole number. */
export const tableValue: Rule = {
  meta: {
    id: 'table-value',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '统计表中的件数为负数或小数（收费金额以万元计，可有小数）。',
      en: 'A count in a statistical table is negative or not a whole number (fees in 万元 may have decimals).',
    },
    docs: {
      'zh-cn':
        '政府信息公开工作年度报告各表填写的是件数、数量，应为非负整数；只有“行政事业性收费”的“本年收费金额（单位：万元）”可以有小数。' +
        '2019年试行格式中可为负数的“本年增/减”列不按此核对（旧格式的表不读取）。',
      en:
        'The tables of the annual report on information disclosure hold counts, which are non-negative whole numbers; only the fee amount ' +
        '(in 万元) may have decimals. The 2019 trial format’s “increase/decrease” column, which may be negative, is not read.',
    },
  },
  messages: {
    negative: { 'zh-cn': '“{row}”的“{column}”为负数（{value}），件数应为非负整数', en: '“{column}” of “{row}” is negative ({value}); counts are non-negative whole numbers' },
    fraction: { 'zh-cn': '“{row}”的“{column}”有小数（{value}），件数应为整数', en: '“{column}” of “{row}” has decimals ({value}); counts are whole numbers' },
  },
  check(ctx) {
    const st = profileTables(ctx);
    if (!st) return;
    for (const v of st.values) {
      const row = v.table.def.rows.find((r) => r.id === v.rowId)?.label || v.table.def.name[ctx.locale];
      const column = v.table.def.columns.find((c) => c.id === v.columnId)?.label ?? v.columnId;
      ctx.report({ message: ctx.t(v.kind, { row, column, value: v.cell.text }), range: { start: v.cell.start, end: v.cell.end }, data: { table: v.table.def.id, row: v.rowId, column: v.columnId } });
    }
  },
};
