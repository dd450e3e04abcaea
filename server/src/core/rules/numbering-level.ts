import type { Rule } from './types';
import type { Heading } from '../outline/headings';
import { markerWithNumber } from '../outline/sequences';

const NUMBERED = new Set(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren']);

/** numbering-level: breaks of the heading hierarchy (一、 → （一） → 1. → （1）). */
export const numberingLevel: Rule = {
  meta: {
    id: 'numbering-level',
    defaultSeverity: 'warning',
    category: 'numbering',
    scope: 'any',
    fixable: false,
    description: {
      'zh-cn': '标题层级错乱：“（一）”之上没有“一、”，层级跳过两级，或一级编号夹在二级编号序列中。',
      en: 'Broken heading hierarchy: a (一) with no 一、 above it, two levels skipped, or a level-1 marker inside a level-2 list.',
    },
    docs: {
      'zh-cn':
        '标题层级依次为“一、”→“（一）”→“1.”→“（1）”。本规则提示：\n\n' +
        '- 文档使用一级标题，但某个二级及以下标题出现在第一个“一、”之前（没有上级标题）；\n' +
        '- 从上级直接跳过两级（如“一、”下直接出现“（1）”）。跳过一级（“一、”下直接用“1.”）在篇幅较短的报告中常见，不提示；\n' +
        '- 一级编号夹在二级编号序列中间，如“（一）……一、……（二）”，通常是把“（一）”误写成“一、”。',
      en:
        'Headings nest 一、 → （一） → 1. → （1）. The rule reports:\n\n' +
        '- a level-2 or deeper heading before the first 一、 of a document that uses level-1 headings (it has no parent);\n' +
        '- two levels skipped (a （1） directly under 一、). Skipping one level (1. under 一、) is common in short reports and ' +
        'not reported;\n' +
        '- a level-1 marker between two items of a level-2 list, as in （一）…一、…（二）, usually a （一） mistyped as 一、.',
    },
  },
  messages: {
    orphan: {
      'zh-cn': '“{marker}”之上没有一级标题：本文档的一级标题从第{line}行开始',
      en: '“{marker}” has no level-1 heading above it; the document’s level-1 headings start on line {line}',
    },
    skipped: {
      'zh-cn': '标题层级跳过两级：“{parent}”下直接出现“{marker}”',
      en: 'Two heading levels skipped: “{marker}” directly under “{parent}”',
    },
    intruder: {
      'zh-cn': '一级编号“{marker}”夹在二级编号“{before}”与“{after}”之间，可能应为“{suggest}”',
      en: 'Level-1 marker “{marker}” sits between the level-2 items “{before}” and “{after}”; probably “{suggest}” was meant',
    },
  },
  check(ctx) {
    const headings = ctx.outline.headings.filter((h) => NUMBERED.has(h.style));
    const firstLevel1 = headings.find((h) => h.style === 'cn-dun');
    // Orphans before the first level-1 heading.
    if (firstLevel1) {
      for (const h of headings) {
        if (h === firstLevel1) break;
        if (h.level > 1) {
          ctx.report({ message: ctx.t('orphan', { marker: h.marker, line: firstLevel1.line + 1 }), range: h.markerRange, data: { kind: 'orphan' } });
          break; // one finding for the run of orphans
        }
      }
    }
    // Two levels skipped.
    for (const s of ctx.outline.flat) {
      const p = s.parent;
      if (!p || !NUMBERED.has(s.heading.style) || !NUMBERED.has(p.heading.style)) continue;
      if (s.heading.level - p.heading.level >= 3 && s === p.children.find((c) => c.heading.style === s.heading.style)) {
        ctx.report({ message: ctx.t('skipped', { parent: p.heading.marker, marker: s.heading.marker }), range: s.heading.markerRange, data: { kind: 'skipped' } });
      }
    }
    // A level-1 marker inside a level-2 list: (n) … 一、 … (n+1)
    for (let i = 1; i + 1 < headings.length; i++) {
      const h: Heading = headings[i];
      const before = headings[i - 1];
      const after = headings[i + 1];
      if (h.style !== 'cn-dun' || before.style !== 'cn-paren' || after.style !== 'cn-paren') continue;
      if (before.number === null || after.number !== before.number + 1 || h.number !== before.number + 1) continue;
      const prevLevel1 = headings.slice(0, i).reverse().find((x) => x.style === 'cn-dun');
      if (prevLevel1 && prevLevel1.number !== null && h.number === prevLevel1.number + 1) continue; // a real next section
      ctx.report({
        message: ctx.t('intruder', { marker: h.marker, before: before.marker, after: after.marker, suggest: markerWithNumber(ctx.doc, before, h.number) }),
        range: h.markerRange,
        data: { kind: 'intruder' },
      });
    }
  },
};
