import type { Rule } from './types';
import { itemListProblems, numberingModel, sequenceProblems } from '../outline/sequences';
import { listRenumberFix, listSeverity, renumberFix, markerLabel } from './numbering-shared';

/** numbering-gap: a heading number skips (一、二、四、) or a sequence does not start at its first number. */
export const numberingGap: Rule = {
  meta: {
    id: 'numbering-gap',
    defaultSeverity: 'error',
    category: 'numbering',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '标题编号跳号（如一、二、四、）或未从第一个编号开始。',
      en: 'A heading number is skipped (一、二、四、) or a sequence does not start at its first number.',
    },
    docs: {
      'zh-cn':
        '按 GB/T 9704-2012 第7.3.3条，同一上级标题下的同级标题应按一、二、三……顺序连续编号。本规则在编号跳过时报错，' +
        '如“一、”“二、”之后直接出现“四、”。第三层“1.”可在各个（一）下分别从1编起，也可全文连续编号；两种方式都接受，' +
        '只要全文一致。快速修复会把该序列重新编号（一次可撤销的编辑，只改动编号本身）。\n\n' +
        '以冒号结尾的引导句之后重新从“一、”或“1.”编起的列表（如“十件民生实事：一、……十、”）不是标题，但它自己的编号同样按最少改动解释检查；' +
        '列表的范围是按形式推断的，因此只作警告。',
      en:
        'GB/T 9704-2012 §7.3.3: sibling headings of one level are numbered 一, 二, 三 … without gaps. This rule reports a ' +
        'skipped number, e.g. 四、 right after 二、. Level-3 items (1.) may restart under each (一) or run on across ' +
        'parents; both are accepted when the document is consistent. The quick fix renumbers the sequence in one ' +
        'undoable edit that touches only the numerals.\n\n' +
        'A list introduced by a lead-in ending with a colon and numbered from 1 again (十件民生实事：一、…十、) is not a run of ' +
        'headings, but its own numbering is checked the same way (fewest wrong markers); since the list\'s extent is inferred from ' +
        'its shape, these findings are warnings.',
    },
  },
  messages: {
    gap: {
      'zh-cn': '标题编号不连续：此处应为“{expected}”，实为“{found}”',
      en: 'Heading numbering skips: expected “{expected}”, found “{found}”',
    },
    listGap: {
      'zh-cn': '列表编号不连续：此处应为“{expected}”，实为“{found}”（第{line}行引出的列表，列表范围系推断）',
      en: 'List numbering skips: expected “{expected}”, found “{found}” (the list introduced on line {line}; its extent is inferred)',
    },
  },
  check(ctx) {
    const model = numberingModel(ctx.analysis);
    for (const seq of model.sequences) {
      for (const p of sequenceProblems(seq)) {
        if (p.kind !== 'gap') continue;
        const h = seq.items[p.index].heading;
        ctx.report({
          message: ctx.t('gap', { expected: markerLabel(ctx.doc, h, p.expected), found: h.marker }),
          range: h.markerRange,
          fixes: renumberFix(ctx, model, seq),
          data: { expected: p.expected, found: h.number, style: h.style },
        });
      }
    }
    for (const list of ctx.outline.itemLists) {
      for (const p of itemListProblems(list)) {
        if (p.kind !== 'gap') continue;
        const h = p.item;
        ctx.report({
          message: ctx.t('listGap', { expected: markerLabel(ctx.doc, h, p.expected), found: h.marker, line: list.leadLine + 1 }),
          range: h.markerRange,
          severity: listSeverity(ctx),
          fixes: listRenumberFix(ctx, list),
          data: { expected: p.expected, found: h.number, style: h.style, list: list.leadLine },
        });
      }
    }
  },
};
