import { statisticalTables } from '../statistical-tables/check';
import type { CrossYearRule } from './types';

/** cross-year-carry-over: 二、上年结转 differs from last year's 四、结转下年度继续办理 (same body). */
export const crossYearCarryOver: CrossYearRule = {
  meta: {
    id: 'cross-year-carry-over',
    defaultSeverity: 'warning',
    category: 'figures',
    scope: 'report',
    fixable: false,
    description: {
      'zh-cn': '“二、上年结转政府信息公开申请数量”与上一年度报告的“四、结转下年度继续办理”不一致（同一机关，需同时提供上一年度报告）。',
      en: 'Requests carried over (二、上年结转) differ from those carried forward in last year’s report of the same body (四、结转下年度继续办理); needs last year’s report too.',
    },
    docs: {
      'zh-cn':
        '今年表中“二、上年结转政府信息公开申请数量”应逐列等于同一机关上一年度报告表中“四、结转下年度继续办理”（对应的行由报告类型配置中表格的 carryAcrossYears 规定）。' +
        '命令行检查同时给出的文件中同一机关相邻两年的报告；编辑器在报告所在文件夹中查找上一年度报告（已打开的未保存版本优先）。' +
        '重新统计可能使两者合理地不同，但应有说明，因此为警告。',
      en:
        'This year’s row 二、上年结转 must equal, column by column, row 四、结转下年度继续办理 of last year’s report of the same body ' +
        '(the rows are the table’s `carryAcrossYears` in the profile). ' +
        'The CLI compares reports of one body for consecutive years among the files it is given; the editor looks for last year’s report in ' +
        'the document’s folder (an open, unsaved version first). A recount can legitimately differ but should be explained, hence a warning.',
    },
  },
  messages: {
    carry: {
      'zh-cn': '“二、上年结转政府信息公开申请数量”与上一年度报告（{previous}）的“四、结转下年度继续办理”不一致：{columns}',
      en: 'Requests carried over ({columns}) differ from those carried forward in last year’s report ({previous})',
    },
    column: { 'zh-cn': '{column}本年{current}件、上年{previous}件', en: '{column}: {current} this year, {previous} last year' },
  },
  compare(ctx) {
    // The rows come from the table's `carryAcrossYears` in the profile (二、上年结转 ← 四、结转下年度继续办理).
    const now = statisticalTables(ctx.current, ctx.profile).tables.find((t) => t.def.carryAcrossYears && t.intact.has(t.def.carryAcrossYears.into));
    const carry = now?.def.carryAcrossYears;
    const before = carry && statisticalTables(ctx.previous, ctx.profile).tables.find((t) => t.def.id === now.def.id && t.intact.has(carry.from));
    if (!now || !carry || !before) return;
    const carried = now.cells.get(carry.into)!;
    const forward = before.cells.get(carry.from)!;
    const diffs: string[] = [];
    let first = -1;
    carried.forEach((cell, i) => {
      const a = cell.value ?? 0;
      const b = forward[i]?.value ?? 0;
      if (cell.kind === 'blank' && forward[i]?.kind === 'blank') return;
      if (Math.abs(a - b) > 1e-9) {
        if (first < 0) first = i;
        diffs.push(ctx.t('column', { column: now.def.columns[i].label, current: a, previous: b }));
      }
    });
    if (!diffs.length) return;
    const cell = carried[first];
    ctx.report({
      message: ctx.t('carry', { previous: ctx.previousName, columns: diffs.join(ctx.locale === 'en' ? '; ' : '；') }),
      range: { start: cell.start, end: Math.max(cell.end, cell.start) },
      data: { previous: ctx.previousName, columns: diffs.length },
    });
  },
};
