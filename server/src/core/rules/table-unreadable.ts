import type { Rule } from './types';
import { profileTables } from './table-shared';

/** table-unreadable: a statistical table too damaged to check (one information note per table). */
export const tableUnreadable: Rule = {
  meta: {
    id: 'table-unreadable',
    defaultSeverity: 'info',
    category: 'figures',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '统计表残缺（单元格数不符、内容粘连、行重复），其中部分勾稽关系无法核对（提示）。',
      en: 'A statistical table is damaged (wrong number of cells, cells run together, a repeated row); some identities cannot be checked (information).',
    },
    docs: {
      'zh-cn':
        '从网页复制的表格常有缺格、并格或多余的分隔符。某一行的单元格数与格式不符时，不能确定数值属于哪一列，' +
        '涉及该行的勾稽关系就不核对，以免误报；每张表只提示一次，指出第一处残缺。文末被截断的表格（文本在表格中结束）不提示。',
      en:
        'Tables copied from web pages often lose cells, merge them or gain extra separators. When a row has a different number of cells ' +
        'from the format, its values cannot be placed in columns, so the identities involving it are not checked rather than guessed; ' +
        'one note per table points at the first damage. A table cut off by the end of the text is not reported.',
    },
  },
  messages: {
    cells: {
      'zh-cn': '“{table}”的“{row}”应有{expected}个单元格，实有{found}个，表格残缺，{count}项勾稽关系未核对',
      en: '“{row}” of “{table}” should have {expected} cells but has {found}; the table is damaged and {count} identities were not checked',
    },
    unknown: {
      'zh-cn': '“{table}”中的“{text}”不是该表的行名，表格可能残缺或内容粘连，{count}项勾稽关系未核对',
      en: '“{text}” is not a row of “{table}”; the table may be damaged or have cells run together; {count} identities were not checked',
    },
    duplicate: {
      'zh-cn': '“{table}”中“{text}”一行重复出现，表格可能残缺，{count}项勾稽关系未核对',
      en: 'The row “{text}” appears twice in “{table}”; the table may be damaged; {count} identities were not checked',
    },
  },
  check(ctx) {
    const st = profileTables(ctx);
    if (!st) return;
    for (const t of st.tables) {
      if (!t.damage.length) continue;
      const d = t.damage[0];
      const count = st.identities.skipped.filter((s) => s.table === t && s.reason === 'damaged').length;
      const table = t.def.name[ctx.locale];
      const row = d.rowId ? t.def.rows.find((r) => r.id === d.rowId)?.label || table : d.token.text;
      const message =
        d.kind === 'cells'
          ? ctx.t('cells', { table, row, expected: d.expected ?? 0, found: d.found ?? 0, count })
          : ctx.t(d.kind === 'unknown-label' ? 'unknown' : 'duplicate', { table, text: d.token.text, count });
      ctx.report({ message, range: { start: d.token.start, end: Math.max(d.token.end, d.token.start) }, data: { table: t.def.id, kind: d.kind, damaged: t.damage.length } });
    }
  },
};
