import type { Rule } from './types';
import { formatChineseNumeral } from '../document/chinese-numerals';
import { explainNumbers } from '../outline/sequences';

const WORDS = ['', '首先', '其次', '再次', '最后'];

function label(style: string, n: number): string {
  if (style === 'shi') return `${formatChineseNumeral(n)}是`;
  if (style === 'di') return `第${formatChineseNumeral(n)}`;
  return WORDS[n] ?? String(n);
}

/** enumeration-gap: 一是…二是…四是, or a repeated 二是, within one paragraph. */
export const enumerationGap: Rule = {
  meta: {
    id: 'enumeration-gap',
    defaultSeverity: 'warning',
    category: 'numbering',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '段落内的列举“一是……二是……”跳号或重复（如一是、二是、四是）。',
      en: 'An inline enumeration 一是…二是… within a paragraph skips or repeats (一是, 二是, 四是).',
    },
    docs: {
      'zh-cn':
        '报告常在段落内用“一是……二是……三是……”（或“第一，……第二，……”“首先……其次……”）列举。同一段落内的列举应连续，' +
        '不跳号、不重复。快速修复把该列举重新排序编号，只改动序数词。一个段落若从“二是”开始而上一段落以“一是”结束，视为跨段延续，不提示。',
      en:
        'Reports enumerate inside a paragraph with 一是…二是…三是… (or 第一,…第二,…, 首先…其次…). Within one paragraph the ' +
        'enumeration must not skip or repeat. The quick fix renumbers the enumeration, changing only the ordinals. A ' +
        'paragraph that starts at 二是 right after a paragraph ending with 一是 is taken as a continuation.',
    },
  },
  messages: {
    skip: { 'zh-cn': '列举跳号：“{prev}”之后应为“{expected}”，实为“{found}”', en: 'Enumeration skips: after “{prev}” expected “{expected}”, found “{found}”' },
    repeat: { 'zh-cn': '列举重复：“{found}”出现两次', en: 'Enumeration repeats “{found}”' },
    fix: { 'zh-cn': '重新编号此列举（修改{count}处）', en: 'Renumber this enumeration ({count} changes)' },
  },
  check(ctx) {
    const enums = ctx.outline.enumerations;
    enums.forEach((en, idx) => {
      const items = en.items;
      if (en.style === 'sequence-words') return; // 首先/其次/最后 carry no exact count
      // A run that does not start at 1 continues the previous paragraph's run, or it is not ours to judge.
      if (items[0].ordinal !== 1) {
        const prev = enums[idx - 1];
        const continues = prev && prev.style === en.style && prev.items[prev.items.length - 1].ordinal + 1 === items[0].ordinal;
        if (continues || items[0].ordinal > 2) return;
      }
      // The fewest wrong ordinals that explain the run (一是 二是 二是 四是: the second 二是 only).
      const start0 = items[0].ordinal;
      // Arrays built by push (a .map result's elements kind differs between the interpreter and
      // optimised code, which de-optimised explainNumbers).
      const ordinals: number[] = [];
      for (let i = 0; i < items.length; i++) ordinals.push(items[i].ordinal);
      const slips = explainNumbers(ordinals, start0).filter((sl) => sl.index > 0);
      if (!slips.length) return;
      const edits: Array<{ range: ReturnType<typeof ctx.doc.rangeOfOffsets>; newText: string }> = [];
      for (let i = 0; i < items.length; i++) {
        const x = items[i];
        if (x.ordinal !== start0 + i) edits.push({ range: ctx.doc.rangeOfOffsets(x.range), newText: label(en.style, start0 + i) });
      }
      const fixes = edits.length ? [{ title: ctx.t('fix', { count: edits.length }), edits, kind: 'renumber-enumeration', isPreferred: true }] : [];
      for (const sl of slips) {
        const it = items[sl.index];
        const key = items.slice(0, sl.index).some((x) => x.ordinal === it.ordinal) ? 'repeat' : 'skip';
        ctx.report({
          message: ctx.t(key, { prev: items[sl.index - 1].text, expected: label(en.style, sl.expected), found: it.text }),
          range: it.range,
          fixes,
          data: { expected: sl.expected, found: it.ordinal },
        });
      }
    });
  },
};
