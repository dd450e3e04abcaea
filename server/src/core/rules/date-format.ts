import type { Rule } from './types';
import { parseChineseNumeral } from '../document/chinese-numerals';
import { isJsSpaceCode } from '../document/chars';

export interface ParsedDate {
  year: number | null;
  month: number;
  day: number;
}

const YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN = '[一二三四五六七八九十]';

/** Days in a month; February has 29 when the year is unknown. */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) {
    if (year === null) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isPossibleDate(d: ParsedDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.month, d.year);
}

/** The GB/T 9704-2012 form of a date: 2024年3月1日. */
export function standardDate(d: ParsedDate & { year: number }): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

function numberOf(s: string): number | null {
  if (isAsciiDigits(s)) return parseInt(s, 10);
  return parseChineseNumeral(s);
}

/** Whether a string is one or more of 0–9 (what /^\d+$/ tests), read on code units. Exported for tests. */
export function isAsciiDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Whether a string starts with 0 and another of 0–9 (what /^0\d/ tests). Exported for tests. */
export function zeroPadded(s: string): boolean {
  const c = s.charCodeAt(1);
  return s.charCodeAt(0) === 0x30 && c >= 0x30 && c <= 0x39;
}

/** A whole 年月日 date (made once: a pattern built per call is compiled or looked up per call). */
const CN_DATE_RE = new RegExp(`^((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|${CN}{1,2})\\s*月\\s*(\\d{1,2}|${CN}{1,3})\\s*日$`);

/**
 * Parse a whole closing-date string in any common form: 2024年3月1日, 2024年03月01日,
 * 2024.3.1, 2024-03-01, 2024/3/1, 二〇二四年三月一日. Null when it is not a date.
 */
export function parseDateText(text: string): ParsedDate | null {
  const t = text.trim();
  let m = /^((?:19|20)\d{2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})$/.exec(t);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = CN_DATE_RE.exec(t);
  if (!m) return null;
  const year = /^\d+$/.test(m[1]) ? +m[1] : +[...m[1]].map((c) => YEAR_DIGITS[c]).join('');
  const month = numberOf(m[2]);
  const day = numberOf(m[3]);
  if (month === null || day === null) return null;
  return { year, month, day };
}

/**
 * Dates written 年月日 anywhere in the text (Arabic or Chinese numerals), for the impossible-date
 * and zero-padding checks (the global pattern; see inlineDates). The leading lookahead changes
 * nothing (a match starts with a digit or a numeral) but lets the engine reject most positions
 * before evaluating the lookbehind.
 */
const INLINE_DATE_SOURCE = `(?=[\\d一二三四五六七八九十])(?<![\\d.\\-~至到—–])(?:((?:19|20)\\d{2})\\s*年\\s*)?(\\d{1,2}|${CN}{1,2})\\s*月\\s*(\\d{1,2}|${CN}{1,3})\\s*(?:日|号(?![\\d〕]))`;
/** Exported for tests: inlineDates yields its matches. */
export const INLINE_DATE_RE = new RegExp(INLINE_DATE_SOURCE, 'g');
/** INLINE_DATE_RE anchored at lastIndex. */
const INLINE_DATE_AT = new RegExp(INLINE_DATE_SOURCE, 'y');
/**
 * What can stand between the start of an inline date and its 月 (`[\d一二三四五六七八九十年\s]`:
 * digits, numerals, 年 and white space), or with `numerals` false between the start of a
 * YEAR_MONTH match and its 月 (`[\d年\s]`), tested on a code unit.
 */
function isBeforeMonth(c: number, numerals: boolean): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if (c === 0x5e74 /* 年 */ || isJsSpaceCode(c)) return true;
  return numerals && CN_NUMERAL_UNITS.has(c);
}
const CN_NUMERAL_UNITS = new Set([...'一二三四五六七八九十'].map((ch) => ch.charCodeAt(0)));

/**
 * The match of `anchored` (a sticky pattern) that a global search finds ending at the 月 at `q`,
 * when the previous match ended at `from` (≤ q), or null. A match holds exactly one 月, at its end,
 * and everything from its start to that 月 is isBeforeMonth(…, `numerals`): the pattern is tried,
 * anchored, at the positions of the run of such characters before the 月, leftmost first.
 */
function monthMatchAt(text: string, q: number, from: number, anchored: RegExp, numerals: boolean): RegExpExecArray | null {
  let start = q;
  while (start > from && isBeforeMonth(text.charCodeAt(start - 1), numerals)) start--;
  for (let p = start; p < q; p++) {
    anchored.lastIndex = p;
    const m = anchored.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * The matches of INLINE_DATE_RE (`dates`: numerals may precede 月) and of YEAR_MONTH_SOURCE
 * (`yearMonths`: only `[\d年\s]`) in `text`, each in order as a global search finds them, from one
 * search of the text for 月 (monthMatchAt at each 月 past the end of the pattern's previous match).
 */
export function monthMatches(text: string): { dates: RegExpExecArray[]; yearMonths: RegExpExecArray[] } {
  const dates: RegExpExecArray[] = [];
  const yearMonths: RegExpExecArray[] = [];
  // The end of each pattern's previous match (never empty: the patterns hold 月).
  let datesFrom = 0;
  let yearMonthsFrom = 0;
  for (let q = text.indexOf('月'); q >= 0; q = text.indexOf('月', q + 1)) {
    if (q >= datesFrom) {
      const m = monthMatchAt(text, q, datesFrom, INLINE_DATE_AT, true);
      if (m) {
        dates.push(m);
        datesFrom = m.index + m[0].length;
      }
    }
    if (q >= yearMonthsFrom) {
      const m = monthMatchAt(text, q, yearMonthsFrom, YEAR_MONTH_AT, false);
      if (m) {
        yearMonths.push(m);
        yearMonthsFrom = m.index + m[0].length;
      }
    }
  }
  return { dates, yearMonths };
}

/** The matches of INLINE_DATE_RE in `text`, in order (monthMatches; numerals may precede 月). */
export function inlineDates(text: string): RegExpExecArray[] {
  return monthMatches(text).dates;
}

/** Not preceded by a digit (tested on the code unit after a match: none can start inside another). */
const YEAR_MONTH_SOURCE = '((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*(?:\\d|[一二三四五六七八九十])+\\s*[日号])';
/** YEAR_MONTH_SOURCE anchored at lastIndex. */
const YEAR_MONTH_AT = new RegExp(YEAR_MONTH_SOURCE, 'y');

/** The matches of YEAR_MONTH_SOURCE in `text`, in order (monthMatches; only `[\d年\s]` before 月). Exported for tests. */
export function yearMonths(text: string): RegExpExecArray[] {
  return monthMatches(text).yearMonths;
}

/** date-format: 成文日期 in GB/T 9704 form, no zero padding, and no impossible dates. */
export const dateFormat: Rule = {
  meta: {
    id: 'date-format',
    defaultSeverity: 'warning',
    category: 'format',
    scope: 'report',
    fixable: true,
    description: {
      'zh-cn': '成文日期应写作“2024年3月1日”（阿拉伯数字、年份写全、月日不编虚位）；不存在的日期（2月30日、13月）报错。',
      en: 'The closing date must read 2024年3月1日 (Arabic numerals, full year, no zero padding); impossible dates (2月30日, month 13) are errors.',
    },
    docs: {
      'zh-cn':
        'GB/T 9704-2012 第7.3.5.1条规定成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。' +
        '本规则检查文末落款的成文日期：写作“2024年03月01日”“2024.3.1”“2024-03-01”“2024/3/1”或“二〇二四年三月一日”的，' +
        '报告警告，快速修复改为“2024年3月1日”。正文中“2024年03月01日”这样月日编虚位的日期也报告警告并可修复。\n\n' +
        '不存在的日期（如“2月30日”“2023年2月29日”“13月5日”“4月31日”）在全文任何位置都以**错误**级别报告（通过单条诊断的级别覆盖实现，' +
        '不受本规则默认级别“警告”影响；把本规则设为 off 则一并关闭）。这类错误没有自动修复，因为无法判断原意。',
      en:
        'GB/T 9704-2012 §7.3.5.1: the date of issue is written in Arabic numerals with the full year and no zero padding ' +
        '(1, not 01). The rule checks the closing date under the issuer: 2024年03月01日, 2024.3.1, 2024-03-01, 2024/3/1 or ' +
        '二〇二四年三月一日 get a warning and a quick fix to 2024年3月1日. Zero-padded 年月日 dates in the body ' +
        '(2024年03月01日) are reported and fixable too.\n\n' +
        'Impossible dates (2月30日, 2023年2月29日, 13月5日, 4月31日) are reported anywhere in the document at **error** ' +
        'severity (a per-finding severity override, independent of the rule’s default warning; turning the rule off turns ' +
        'them off as well). They have no automatic fix: the intended date cannot be known.',
    },
  },
  messages: {
    closing: {
      'zh-cn': '成文日期“{found}”不合规范：应使用阿拉伯数字、年份写全、月日不编虚位，写作“{expected}”',
      en: 'Date of issue “{found}” is not in the standard form; write “{expected}” (Arabic numerals, full year, no zero padding)',
    },
    padded: {
      'zh-cn': '日期“{found}”的月、日不应编虚位，应写作“{expected}”',
      en: 'Date “{found}” has zero-padded month or day; write “{expected}”',
    },
    impossible: {
      'zh-cn': '日期“{found}”不存在（{month}月没有{day}日）',
      en: 'Date “{found}” does not exist (month {month} has no day {day})',
    },
    impossibleMonth: {
      'zh-cn': '日期“{found}”不存在（没有{month}月）',
      en: 'Date “{found}” does not exist (there is no month {month})',
    },
    fix: { 'zh-cn': '改为“{expected}”', en: 'Change to “{expected}”' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const text = doc.simplified;
    const closing = ctx.outline.closing;
    const closingRange = closing?.date.range ?? null;

    if (closing && closingRange) {
      const found = doc.slice(closingRange);
      const d = parseDateText(text.slice(closingRange.start, closingRange.end));
      if (d && d.year !== null && isPossibleDate(d)) {
        const expected = standardDate({ ...d, year: d.year });
        if (expected !== found.replace(/\s+/g, '')) {
          ctx.report({
            message: ctx.t('closing', { found, expected }),
            range: closingRange,
            fixes: [{ title: ctx.t('fix', { expected }), edits: [{ range: doc.rangeOfOffsets(closingRange), newText: expected }], kind: 'standard-date', isPreferred: true }],
            data: { expected },
          });
        }
      } else if (d && !isPossibleDate(d)) {
        reportImpossible(closingRange.start, closingRange.end, d);
      }
    }

    const found = monthMatches(text);
    for (const m of found.dates) {
      const start = m.index;
      const end = start + m[0].length;
      if (closingRange && start >= closingRange.start && end <= closingRange.end) continue;
      const month = numberOf(m[2]);
      const day = numberOf(m[3]);
      if (month === null || day === null) continue;
      // Arabic and Chinese numerals are not mixed within one date (3月十日 is prose, not a date).
      const arabic = isAsciiDigits(m[2]);
      if (arabic !== isAsciiDigits(m[3])) continue;
      const d: ParsedDate = { year: m[1] ? +m[1] : null, month, day };
      if (!isPossibleDate(d)) {
        reportImpossible(start, end, d);
        continue;
      }
      if (arabic && (zeroPadded(m[2]) || zeroPadded(m[3])) && m[0].endsWith('日')) {
        const found = doc.text.slice(start, end);
        const expected = d.year !== null ? standardDate({ ...d, year: d.year }) : `${d.month}月${d.day}日`;
        ctx.report({
          message: ctx.t('padded', { found, expected }),
          range: { start, end },
          fixes: [{ title: ctx.t('fix', { expected }), edits: [{ range: doc.rangeOf(start, end), newText: expected }], kind: 'standard-date', isPreferred: true }],
          data: { expected },
        });
      }
    }

    // A year and month with no day: 2024年13月.
    for (const m of found.yearMonths) {
      const before = text.charCodeAt(m.index - 1);
      if (before >= 0x30 && before <= 0x39) continue; // (?<!\d)
      const month = +m[2];
      if (month >= 1 && month <= 12) continue;
      reportImpossible(m.index, m.index + m[0].length, { year: +m[1], month, day: 1 });
    }

    function reportImpossible(start: number, end: number, d: ParsedDate): void {
      const found = doc.text.slice(start, end);
      const validMonth = d.month >= 1 && d.month <= 12;
      ctx.report({
        message: validMonth ? ctx.t('impossible', { found, month: d.month, day: d.day }) : ctx.t('impossibleMonth', { found, month: d.month }),
        range: { start, end },
        severity: 'error',
        data: { impossible: true, month: d.month, day: d.day, year: d.year },
      });
    }
  },
};
