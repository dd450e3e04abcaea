import type { Rule } from './types';
import type { PartLocation } from '../profiles/locate';
import { profileParts } from './profile-shared';

/** A part placed clearly: its own level-1 heading or an unnumbered paragraph outside sub-sections. */
function clearStart(loc: PartLocation | null): number | null {
  if (!loc) return null;
  if ((loc.kind === 'heading' || loc.kind === 'merged') && loc.section && !loc.section.parent) return loc.section.range.start;
  if ((loc.kind === 'paragraph' || loc.kind === 'opening') && (!loc.section || !loc.section.parent)) return loc.range.start;
  return null;
}

/** part-order: the mandated parts in the wrong order (the next-year plan before the shortcomings). */
export const partOrder: Rule = {
  meta: {
    id: 'part-order',
    defaultSeverity: 'warning',
    category: 'structure',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '法定内容顺序颠倒（如下一年度安排写在存在的不足之前）。',
      en: 'Mandated parts in the wrong order (e.g. the next-year plan before the shortcomings).',
    },
    docs: {
      'zh-cn':
        '报告一般按“主要举措和成效—存在的不足和原因—下一年度主要安排—其他需要报告的情况”的顺序行文。' +
        '“第一责任人”部分常放在首位或并入第一部分，不检查其位置。本规则只提示明确的情形：两个部分都有各自的一级标题' +
        '（或未编号段落），且顺序颠倒。合并为一节的部分（如“存在的不足及下一步计划”）不提示。',
      en:
        'Reports usually run measures — shortcomings — next-year plan — other matters. The first-responsible part is often ' +
        'first or inside the first section, so its position is not checked. Only clear cases are reported: both parts have ' +
        'their own level-1 heading (or unnumbered paragraph) and come in the wrong order. Merged sections are not reported.',
    },
  },
  messages: {
    order: {
      'zh-cn': '“{part}”应位于“{other}”之后（第{line}行）',
      en: '“{part}” should come after “{other}” (line {line})',
    },
    other: { 'zh-cn': '应在前面的部分', en: 'The part that should come first' },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    if (!pp) return;
    // The clearly placed parts with their starts, in profile order (no per-part copies: this runs
    // on every report a profile fits).
    const placed: { part: (typeof pp.located.parts)[number]['part']; location: PartLocation; start: number }[] = [];
    for (const p of pp.located.parts) {
      if (p.part.order <= 0 || !p.location) continue;
      const start = clearStart(p.location);
      if (start !== null) placed.push({ part: p.part, location: p.location, start });
    }
    for (const late of placed) {
      // The part that should precede `late` but comes after it (the nearest such part in the
      // canonical order; the first in profile order among equals, as a stable sort gives).
      let other: (typeof placed)[number] | null = null;
      for (const early of placed) {
        if (early.part.order < late.part.order && early.start > late.start && (!other || early.part.order > other.part.order)) other = early;
      }
      if (!other) continue;
      ctx.report({
        message: ctx.t('order', { part: late.part.name[ctx.locale], other: other.part.name[ctx.locale], line: ctx.doc.positionAt(other.start).line + 1 }),
        range: late.location.anchor,
        related: [{ range: ctx.doc.rangeOfOffsets(other.location.anchor), message: ctx.t('other') }],
        data: { part: late.part.id, shouldFollow: other.part.id },
      });
    }
  },
};
