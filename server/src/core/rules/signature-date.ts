import type { Rule } from './types';
import { closingWords, profileParts } from './profile-shared';

/** signature-date: the issuing body and 成文日期 missing at the end of the report (information). */
export const signatureDate: Rule = {
  meta: {
    id: 'signature-date',
    defaultSeverity: 'info',
    category: 'format',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '文末缺少发文机关署名或成文日期（提示）。',
      en: 'The issuing body or the date (成文日期) is missing at the end of the report (information).',
    },
    docs: {
      'zh-cn':
        '按 GB/T 9704-2012，正文之后应有发文机关署名，下一行为成文日期，用阿拉伯数字写全年月日（如“2024年3月1日”）。' +
        '网上公开的文本常省略，因此只作提示。日期的书写格式由 date-format 规则检查。',
      en:
        'GB/T 9704-2012: after the text come the issuing body and, on the next line, the date in Arabic numerals (2024年3月1日). ' +
        'Published texts often omit them, so this is information only. How the date is written is checked by date-format.',
    },
  },
  messages: {
    none: { 'zh-cn': '文末没有发文机关署名和成文日期', en: 'No issuing body and date at the end of the report' },
    issuer: { 'zh-cn': '成文日期之前没有发文机关署名', en: 'No issuing body above the date at the end' },
  },
  check(ctx) {
    if (!profileParts(ctx)) return;
    const closing = ctx.outline.closing;
    if (!closing) {
      const last = [...ctx.doc.lines].reverse().find((l) => l.text.trim() !== '') ?? ctx.doc.lines[ctx.doc.lines.length - 1];
      // The closing words of the last line (where the signature belongs), not the whole paragraph.
      ctx.report({ message: ctx.t('none'), range: closingWords(last), data: { kind: 'none' } });
    } else if (!closing.issuer) {
      ctx.report({ message: ctx.t('issuer'), range: closing.date.range, data: { kind: 'issuer' } });
    }
  },
};
