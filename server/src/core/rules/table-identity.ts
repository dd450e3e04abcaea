import type { Rule } from './types';
import { alongText, labelledWorking, profileTables } from './table-shared';
import { fmt, identityWorking } from '../statistical-tables';

/** table-identity: a cell of a statistical table that breaks the table's arithmetic (一+二=三+四, row and column totals). */
export const tableIdentity: Rule = {
  meta: {
    id: 'table-identity',
    defaultSeverity: 'error',
    category: 'figures',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '统计表的勾稽关系不成立（如“第一项加第二项之和等于第三项加第四项之和”、行列合计）。',
      en: 'A statistical table breaks its own arithmetic (item one plus item two equals item three plus item four; row and column totals).',
    },
    docs: {
      'zh-cn':
        '政府信息公开工作年度报告的表格按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）填写，单元格之间有固定的勾稽关系：\n\n' +
        '- 收到和处理政府信息公开申请情况表，每一列：一（本年新收）+ 二（上年结转）= 三（七）总计 + 四（结转下年度继续办理）（格式本身注明）；\n' +
        '- 每一列：（七）总计 =（一）+（二）+（三）各项 +（四）各项 +（五）各项 +（六）各项（2019年试行格式的“（六）其他处理”只有一行）；\n' +
        '- 每一行：总计 = 自然人 + 商业企业、科研机构、社会公益组织、法律服务机构、其他；\n' +
        '- 行政复议、行政诉讼情况表的三组（行政复议、未经复议直接起诉、复议后起诉）各自：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。\n\n' +
        '表格可以是竖线分隔的行、Markdown 表格或每格一行的形式。一个单元格写错通常同时破坏所在行和所在列的关系：这时只在该单元格报告一次，' +
        '并给出使各项关系成立的数值；不能归到一个单元格时，在总计单元格上逐项报告。空白单元格按 0 计，此时只作警告。' +
        '表格残缺（单元格数不符、内容粘连）时不核对受影响的关系，由 table-unreadable 提示一次。行与列的定义保存在报告类型配置（profile）中。',
      en:
        'The tables of the annual report on government information disclosure follow the national format (国办公开办函〔2021〕30号), whose cells ' +
        'add up in fixed ways:\n\n' +
        '- requests table, every column: 一 (new) + 二 (carried over) = 三(七) total handled + 四 (carried forward) — the format states it;\n' +
        '- every column: (七) total = (一) + (二) + the rows of (三), (四), (五) and (六) (a single (六) row in the 2019 trial format);\n' +
        '- every row: total = natural persons + the five kinds of organisations;\n' +
        '- reviews and lawsuits table, each of its three groups: upheld + corrected + other + pending = total.\n\n' +
        'Tables may be pipe rows, Markdown tables or one cell per line. One wrong cell usually breaks both its row and its column: it is then ' +
        'reported once, on that cell, with the value that would mend every identity; otherwise each broken identity is reported on its total. ' +
        'Blank cells count as 0, and then the finding is a warning. Identities that depend on damaged rows are not checked (table-unreadable ' +
        'says so once). Rows and columns are defined in the report profile (data).',
    },
  },
  messages: {
    culprit: {
      'zh-cn': '此单元格（{value}）使表中{count}项勾稽关系不成立，改为 {expected} 可使其均成立：{details}',
      en: 'This cell ({value}) breaks {count} identities of the table; {expected} would mend them all: {details}',
    },
    single: {
      'zh-cn': '勾稽关系不成立（{along}）：{name}，{working}',
      en: 'Identity broken ({along}): {name}, {working}',
    },
    detail: { 'zh-cn': '{along}（{name}）算式：{working}', en: '{along} ({name}): {working}' },
    blank: { 'zh-cn': '（空白单元格按0计）', en: ' (blank cells counted as 0)' },
    basis: { 'zh-cn': '依据：{format}', en: 'Basis: {format}' },
  },
  check(ctx) {
    const st = profileTables(ctx);
    if (!st) return;
    const format = st.profile.basis.format?.[ctx.locale] ?? st.profile.basis.document[ctx.locale];
    for (const b of st.broken) {
      const blank = b.checks.some((c) => [...c.left, ...c.right].some((o) => o.cell.kind === 'blank'));
      const table = b.checks[0].table;
      const sep = ctx.locale === 'en' ? '; ' : '；';
      let message: string;
      if (b.culprit) {
        const details = b.checks
          .map((c) => ctx.t('detail', { along: alongText(table, c, ctx.locale), name: c.identity.name[ctx.locale], working: identityWorking(c) }))
          .join(sep);
        message = ctx.t('culprit', { value: b.cell.text || '0', count: b.checks.length, expected: fmt(b.expected), details });
      } else {
        const c = b.checks[0];
        message = ctx.t('single', { along: alongText(table, c, ctx.locale), name: c.identity.name[ctx.locale], working: identityWorking(c) });
      }
      if (blank) message += ctx.t('blank');
      const explanation = [...b.checks.map((c) => `- ${alongText(table, c, ctx.locale)}：${labelledWorking(table, c)}`), '', ctx.t('basis', { format })].join('\n');
      const related = b.checks.flatMap((c) =>
        c.right.filter((o) => o.cell !== b.cell).map((o) => ({ range: ctx.doc.rangeOf(o.cell.start, o.cell.end), message: `${alongText(table, c, ctx.locale)} ${o.cell.text}` })),
      );
      ctx.report({
        severity: blank && ctx.severity === 'error' ? 'warning' : ctx.severity,
        message,
        range: { start: b.cell.start, end: Math.max(b.cell.end, b.cell.start) },
        explanation,
        related,
        data: {
          table: table.def.id,
          culprit: b.culprit,
          expected: b.expected,
          identities: b.checks.map((c) => ({ id: c.identity.id, along: c.along, left: c.leftSum, right: c.rightSum })),
        },
      });
    }
  },
};
