import type { Rule } from './types';
import { itemListProblems, numberingModel, sequenceProblems } from '../outline/sequences';
import { listRenumberFix, listSeverity, markerLabel, renumberFix } from './numbering-shared';

/** numbering-duplicate: the same heading number twice under one parent (a second (三)). */
export const numberingDuplicate: Rule = {
  meta: {
    id: 'numbering-duplicate',
    defaultSeverity: 'error',
    category: 'numbering',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '同一上级标题下出现重复的标题编号（如两个“（三）”）。',
      en: 'The same heading number appears twice under one parent (a second (三)).',
    },
    docs: {
      'zh-cn':
        '同一上级标题下的同级标题编号不得重复。重复编号多见于增删段落后未重新编号。快速修复会把该序列重新编号，只改动编号本身。\n\n' +
        '以冒号结尾的引导句之后的列表（如“十件民生实事：一、……十、”）不是标题，它的编号单独检查；列表范围系推断，因此只作警告。',
      en:
        'Sibling headings must not repeat a number; a repeat usually means a paragraph was added or removed without ' +
        'renumbering. The quick fix renumbers the sequence, changing only the numerals.\n\n' +
        'A list introduced by a lead-in ending with a colon (十件民生实事：一、…十、) is not a run of headings; its own numbering is ' +
        'checked separately, as warnings since its extent is inferred.',
    },
  },
  messages: {
    duplicate: {
      'zh-cn': '标题编号重复：“{found}”已在第{line}行使用，此处应为“{expected}”',
      en: 'Duplicate heading number “{found}” (already used on line {line}); expected “{expected}”',
    },
    earlier: { 'zh-cn': '首次使用此编号', en: 'First use of this number' },
    listDuplicate: {
      'zh-cn': '列表编号重复：“{found}”已在第{first}行使用，此处应为“{expected}”（第{line}行引出的列表，列表范围系推断）',
      en: 'Duplicate list number “{found}” (already used on line {first}); expected “{expected}” (the list introduced on line {line}; its extent is inferred)',
    },
  },
  check(ctx) {
    const model = numberingModel(ctx.analysis);
    for (const seq of model.sequences) {
      for (const p of sequenceProblems(seq)) {
        if (p.kind !== 'duplicate' || !p.duplicateOf) continue;
        const h = seq.items[p.index].heading;
        const first = p.duplicateOf.heading;
        ctx.report({
          message: ctx.t('duplicate', {
            found: h.marker,
            line: first.line + 1,
            expected: markerLabel(ctx.doc, h, p.expected),
          }),
          range: h.markerRange,
          related: [{ range: ctx.doc.rangeOfOffsets(first.markerRange), message: ctx.t('earlier') }],
          fixes: renumberFix(ctx, model, seq),
          data: { expected: p.expected, found: h.number, style: h.style },
        });
      }
    }
    for (const list of ctx.outline.itemLists) {
      for (const p of itemListProblems(list)) {
        if (p.kind !== 'duplicate' || !p.duplicateOf) continue;
        const h = p.item;
        ctx.report({
          message: ctx.t('listDuplicate', { found: h.marker, first: p.duplicateOf.line + 1, expected: markerLabel(ctx.doc, h, p.expected), line: list.leadLine + 1 }),
          range: h.markerRange,
          severity: listSeverity(ctx),
          related: [{ range: ctx.doc.rangeOfOffsets(p.duplicateOf.markerRange), message: ctx.t('earlier') }],
          fixes: listRenumberFix(ctx, list),
          data: { expected: p.expected, found: h.number, style: h.style, list: list.leadLine },
        });
      }
    }
  },
};
