import type { Rule, RuleContext } from './types';
import { parseChineseNumeral } from '../document/chinese-numerals';
import { openingYear, reportYear, type ReportYear } from '../document/years';
import { profileParts } from './profile-shared';
import type { OffsetRange } from '../types';
import { hasFutureMarker } from '../document/future-marker';

const YEAR_RE = /((?:19|20)\d{2})\s*年/g;
/** A span of years (2024—2025年, 2021至2025年, 2024年-2026年): the plan is not about a single year. */
const SPAN_BEFORE = /(?:19|20)\d{2}\s*年?\s*(?:[-—–~～－]+|至|到)\s*$/;
const SPAN_AFTER = /^\s*年?\s*(?:[-—–~～－]+|至|到)\s*(?:19|20)\d{2}/;

/** Whether the year at [start, start+4) of `s` belongs to a span of years. */
export function inYearSpan(s: string, start: number): boolean {
  return SPAN_BEFORE.test(s.slice(Math.max(0, start - 12), start)) || SPAN_AFTER.test(s.slice(start + 4, start + 16));
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Year and month of a closing date: 2024年3月1日, 二〇二四年三月一日, 2024.3.1. */
export function parseClosingDate(s: string): { year: number; month: number } | null {
  let m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/.exec(s) ?? /((?:19|20)\d{2})\s*[./-]\s*(\d{1,2})\s*[./-]/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月/.exec(s);
  if (m) {
    const year = [...m[1]].reduce((v, c) => v * 10 + CN_DIGITS[c], 0);
    const month = parseChineseNumeral(m[2]);
    if (month) return { year, month };
  }
  return null;
}

/** year-mismatch: the plan part about the wrong year, an opening that contradicts the title, a closing date before the year ended. */
export const yearMismatch: Rule = {
  meta: {
    id: 'year-mismatch',
    defaultSeverity: 'error',
    category: 'years',
    scope: 'report',
    fixable: true,
    description: {
      'zh-cn': '年份前后矛盾：下一年度安排写成了报告年度、开头年份与标题不符、成文日期早于报告年度结束。',
      en: 'Contradictory years: the next-year plan dated in the report year, an opening that contradicts the title, a closing date before the year ended.',
    },
    docs: {
      'zh-cn':
        '报告年度 Y 取自标题（“关于2024年度……的报告”）或开头（“2024年，……”）。本规则检查：\n\n' +
        '- 下一年度安排部分（标题或开头句“2025年，……将……”）所写年份应为 Y+1。写成 Y 多半是照搬上一年报告——这是最常见的错误。' +
        '写成其他单一年份（如2023年报告写“2025年工作安排”）同样有误。快速修复把错误年份改为 Y+1。' +
        '跨年度的规划（“2024—2025年”“2021至2025年”）和“十四五”“十五五”等不是单一年份，不检查。' +
        '开头句中的“将”只有表示将来时才算：“将法治思维和法治方式贯穿……”“将……纳入……”中的“将”是介词（把），不表示下一年度的安排。\n' +
        '- 标题与开头的年份应一致。快速修复按标题改正开头年份。\n' +
        '- 文末成文日期应在报告年度临近结束之后（默认不早于 Y 年11月，不晚于 Y+1 年；界限保存在报告类型配置中）。\n\n' +
        '正文中“截至2023年11月”等引用日期属正常，不检查。',
      en:
        'The report year Y comes from the title (关于2024年度……的报告) or the opening (2024年,……). The rule checks:\n\n' +
        '- the next-year plan (its heading, or its opening sentence 2025年,……将……) names Y+1; Y there usually means the text ' +
        'was copied from last year\'s report, and any other single year (a 2023 report planning for 2025) is wrong too. ' +
        'The quick fix replaces the year with Y+1. Spans of years (2024—2025年, 2021至2025年) and 十四五/十五五 are not single ' +
        'years and are not checked. 将 in the opening counts only as the future marker: in 将法治思维和法治方式贯穿…… or ' +
        '将……纳入…… it marks the object ("put X into") and does not announce a plan.\n' +
        '- the title and the opening name the same year (fix: the title\'s year).\n' +
        '- the closing date is not before the end of the report year (by default not before November of Y, nor after Y+1; ' +
        'the bounds live in the profile).\n\n' +
        'Dates quoted in the body (截至2023年11月) are normal and not checked.',
    },
  },
  messages: {
    plan: {
      'zh-cn': '下一年度安排的年份应为{expected}年（报告年度为{year}年），此处写作{found}年，可能照搬了上一年度报告',
      en: 'The next-year plan should be about {expected} (the report year is {year}), but it says {found}; probably copied from last year\'s report',
    },
    planOther: {
      'zh-cn': '下一年度安排应针对{expected}年（报告年度为{year}年），此处写作{found}年',
      en: 'The next-year plan should be about {expected} (the report year is {year}), but it says {found}',
    },
    opening: {
      'zh-cn': '开头年份{found}年与标题中的报告年度{year}年不一致',
      en: 'The opening says {found} but the title gives the report year {year}',
    },
    dateEarly: {
      'zh-cn': '成文日期（{date}）早于报告年度{year}年结束，年份可能有误',
      en: 'The closing date ({date}) is before the report year {year} ended; the year may be wrong',
    },
    dateLate: {
      'zh-cn': '成文日期（{date}）晚于{latest}年，与报告年度{year}年不符',
      en: 'The closing date ({date}) is later than {latest}, which does not fit the report year {year}',
    },
    yearSource: { 'zh-cn': '报告年度取自此处', en: 'The report year comes from here' },
    replace: { 'zh-cn': '将“{found}”改为“{expected}”', en: 'Replace “{found}” with “{expected}”' },
  },
  check(ctx) {
    const y = reportYear(ctx.analysis);
    if (!y) return;
    checkOpening(ctx, y);
    const pp = profileParts(ctx);
    if (pp) {
      for (const { part, location } of pp.located.parts) {
        if (!part.nextYear || !location) continue;
        const flagged = new Set<number>();
        const flag = (range: OffsetRange, found: number) => {
          // Any single year other than Y+1 is wrong, earlier or later; spans of years are checked by the caller.
          if (found === y.year + 1 || flagged.has(range.start)) return;
          flagged.add(range.start);
          reportYearFinding(ctx, y, range, found, y.year + 1, found === y.year ? 'plan' : 'planOther');
        };
        const text = ctx.doc.simplified;
        if (location.kind === 'heading' && location.section) {
          const tr = location.section.heading.titleRange;
          const title = text.slice(tr.start, tr.end);
          for (const m of title.matchAll(YEAR_RE)) if (!inYearSpan(title, m.index!)) flag({ start: tr.start + m.index!, end: tr.start + m.index! + 4 }, Number(m[1]));
        }
        // Paragraph openings inside the part: 2025年,……将……
        const verbs = part.opening?.verbs ?? [];
        for (const p of ctx.outline.paragraphs) {
          if (p.range.start < location.range.start || p.range.end > location.range.end) continue;
          const ptext = text.slice(p.range.start, p.range.end);
          const oy = openingYear(ptext, p.range.start);
          const clause = ptext.slice(0, Math.max(0, ptext.search(/[。:：;；]/)) || 60);
          if (oy && hasFutureMarker(clause, verbs)) flag(oy.range, oy.year);
        }
      }
      checkClosingDate(ctx, y, pp.profile.closingDate);
    }
  },
};

function reportYearFinding(ctx: RuleContext, y: ReportYear, range: OffsetRange, found: number, expected: number, key: 'plan' | 'planOther' | 'opening') {
  ctx.report({
    message: ctx.t(key, { expected, year: y.year, found }),
    range,
    related: [{ range: ctx.doc.rangeOfOffsets(y.range), message: ctx.t('yearSource') }],
    fixes: [
      {
        title: ctx.t('replace', { found: String(found), expected: String(expected) }),
        edits: [{ range: ctx.doc.rangeOfOffsets(range), newText: String(expected) }],
        kind: 'replace-year',
        isPreferred: true,
      },
    ],
    data: { reportYear: y.year, found, expected },
  });
}

function checkOpening(ctx: RuleContext, y: ReportYear) {
  if (y.source !== 'title') return;
  const first = ctx.outline.paragraphs.find((p) => !p.runIn);
  if (!first || first.firstLine > (ctx.outline.title?.line ?? 0) + 2) return;
  const oy = openingYear(ctx.doc.simplified.slice(first.range.start, first.range.end), first.range.start);
  if (oy && oy.year !== y.year) reportYearFinding(ctx, y, oy.range, oy.year, y.year, 'opening');
}

function checkClosingDate(ctx: RuleContext, y: ReportYear, bounds: { earliestMonthOfReportYear: number; latestYearOffset: number } | undefined) {
  const closing = ctx.outline.closing;
  if (!closing || !bounds) return;
  const d = parseClosingDate(ctx.doc.simplified.slice(closing.date.range.start, closing.date.range.end));
  if (!d) return;
  const early = d.year < y.year || (d.year === y.year && d.month < bounds.earliestMonthOfReportYear);
  const latest = y.year + bounds.latestYearOffset;
  if (early) ctx.report({ message: ctx.t('dateEarly', { date: closing.date.text, year: y.year }), range: closing.date.range, related: [{ range: ctx.doc.rangeOfOffsets(y.range), message: ctx.t('yearSource') }], data: { reportYear: y.year, dateYear: d.year } });
  else if (d.year > latest) ctx.report({ message: ctx.t('dateLate', { date: closing.date.text, latest, year: y.year }), range: closing.date.range, related: [{ range: ctx.doc.rangeOfOffsets(y.range), message: ctx.t('yearSource') }], data: { reportYear: y.year, dateYear: d.year } });
}
