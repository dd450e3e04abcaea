import type { Rule } from './types';
import { lastTextLine, looksCutOff } from '../profiles/cut-off';
import { closingWords } from './profile-shared';

/** text-cut-off: the text stops mid-sentence, with no closing signature and date (information). */
export const textCutOff: Rule = {
  meta: {
    id: 'text-cut-off',
    defaultSeverity: 'info',
    category: 'structure',
    scope: 'report',
    fixable: false,
    description: {
      'zh-cn': '文本在句子中间结束，且没有文末署名和日期：可能尚未写完，或复制不全（提示）。',
      en: 'The text stops mid-sentence and has no closing signature and date: unfinished, or copied incompletely (information).',
    },
    docs: {
      'zh-cn':
        '最后一个非空行没有以句末标点（。！？…）或右括号、右引号结束，文末也没有发文机关署名和成文日期时，在最后一行给出一条提示：' +
        '文本看起来在中途截断（网页摘录、复制不全的文本常见），或者草稿尚未写完。最后一行是一个完整的一级标题（如“三、存在的不足和原因”）时' +
        '视为正在起草的提纲，不提示。截断的文本中，排在截断处之后的法定部分按“尚未写到”处理，不报告缺少（见 missing-part）。',
      en:
        'When the last non-empty line does not end with a sentence end (。！？…) or a closing bracket or quote, and there is no ' +
        'closing signature and date, one information note on the last line says the text looks cut off (a copied web page, an ' +
        'incomplete copy) or unfinished. A last line that is a whole level-1 heading (三、存在的不足和原因) is a draft outline and gets ' +
        'no note. In a cut-off text the mandated parts after the cut are not reached, not missing (see missing-part).',
    },
  },
  messages: {
    cutOff: {
      'zh-cn': '文本在句子中间结束，且没有文末署名和日期：看起来尚未写完或复制不全',
      en: 'The text stops mid-sentence and has no closing signature and date: it looks unfinished or incompletely copied',
    },
  },
  check(ctx) {
    if (!looksCutOff(ctx.analysis)) return;
    const i = lastTextLine(ctx.analysis);
    if (i < 0) return;
    ctx.report({ message: ctx.t('cutOff'), range: closingWords(ctx.doc.lines[i]), data: { line: i } });
  },
};
