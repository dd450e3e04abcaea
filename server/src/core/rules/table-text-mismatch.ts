import type { Rule } from './types';
import { profileTables } from './table-shared';

/** table-text-mismatch: a narrative figure (收到申请N件, 予以公开N件 …) that differs from its table cell. */
export const tableTextMismatch: Rule = {
  meta: {
    id: 'table-text-mismatch',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '正文中的数字与统计表中对应单元格不一致（如“收到政府信息公开申请N件”与“本年新收”总计）。',
      en: 'A figure in the text differs from the table cell it restates (e.g. 收到政府信息公开申请N件 against the total of new requests).',
    },
    docs: {
      'zh-cn':
        '年度报告的文字部分常复述表中数字：“收到政府信息公开申请12件”应等于“一、本年新收政府信息公开申请数量”的总计，' +
        '“予以公开5件”“部分公开”“结转下年度”“上年结转”对应表中同名行的总计，“制发规范性文件3件”对应第二十条第（一）项表，' +
        '“（因政府信息公开）被申请行政复议N件”“行政诉讼N件”对应行政复议、行政诉讼表的总计；“全年未收到政府信息公开申请”按0件核对（该说法须在分句末尾）。只在读法明确时核对：数字紧跟说法、' +
        '在同一分句内、分句没有提到其他年份或同比等比较；句中另提到其他年份时只作警告（假定数字仍指报告年度）。内容准确是国办公开办函〔2021〕30号的要求。',
      en:
        'The text often restates table cells: 收到政府信息公开申请12件 must equal the total of new requests, 予以公开/部分公开/结转下年度/上年结转 ' +
        'the totals of those rows, 制发规范性文件 the Article 20(1) table, and reviews or lawsuits over information disclosure the totals of the ' +
        'reviews and lawsuits table; 全年未收到政府信息公开申请 (no request received) is checked as 0 when the phrase ends its clause. Only tight readings are checked: the figure follows the phrase in the same clause and the clause names ' +
        'no other year and makes no comparison; when the sentence names another year the finding is a warning (the figure is taken as the ' +
        'report year’s). Accurate content is a requirement of 国办公开办函〔2021〕30号.',
    },
  },
  messages: {
    mismatch: {
      'zh-cn': '正文“{phrase}{figure}”与表中“{cell}”（{value}）不一致',
      en: 'The text’s “{phrase}{figure}” differs from the table’s “{cell}” ({value})',
    },
    otherYear: { 'zh-cn': '（句中另提到其他年份，按报告年度核对）', en: ' (the sentence names another year; checked as the report year)' },
    cell: { 'zh-cn': '表中对应单元格', en: 'The table cell' },
  },
  check(ctx) {
    const st = profileTables(ctx);
    if (!st) return;
    for (const c of st.text) {
      if (c.holds) continue;
      const row = c.table.def.rows.find((r) => r.id === c.claim.row);
      const cols = (Array.isArray(c.claim.column) ? c.claim.column : [c.claim.column]).map((id) => c.table.def.columns.find((x) => x.id === id));
      const cell = [row?.label || c.table.def.name[ctx.locale], cols.map((x) => (x?.group ? `${x.group}·${x.label}` : x?.label)).join('+')].join(' ');
      let message = ctx.t('mismatch', { phrase: c.phrase.text, figure: c.figure.text, cell, value: c.tableValue });
      if (c.otherYearInSentence) message += ctx.t('otherYear');
      ctx.report({
        severity: c.otherYearInSentence && ctx.severity === 'error' ? 'warning' : ctx.severity,
        message,
        range: { start: c.figure.start, end: c.figure.end },
        related: c.cells.map((x) => ({ range: ctx.doc.rangeOf(x.start, x.end), message: ctx.t('cell') })),
        data: { table: c.table.def.id, row: c.claim.row, column: c.claim.column, stated: c.figure.value, table_value: c.tableValue },
      });
    }
  },
};
