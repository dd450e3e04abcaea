import type { Rule } from './types';
import { numberingModel, sequenceProblems } from '../outline/sequences';
import { markerLabel, renumberFix } from './numbering-shared';

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
        '同一上级标题下的同级标题编号不得重复。重复编号多见于增删段落后未重新编号。快速修复会把该序列重新编号，只改动编号本身。',
      en:
        'Sibling headings must not repeat a number; a repeat usually means a paragraph was added or removed without ' +
        'renumbering. The quick fix renumbers the sequence, changing only the numerals.',
    },
  },
  messages: {
    duplicate: {
      'zh-cn': '标题编号重复：“{found}”已在第{line}行使用，此处应为“{expected}”',
      en: 'Duplicate heading number “{found}” (already used on line {line}); expected “{expected}”',
    },
    earlier: { 'zh-cn': '首次使用此编号', en: 'First use of this number' },
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
  },
};
