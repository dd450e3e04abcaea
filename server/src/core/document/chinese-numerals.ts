/**
 * Chinese numerals as used in heading markers and counts.
 * Markers use 一…九十九 (and beyond); counts may also use 两, 零/〇, 百, 千, 万, 亿.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟';

/** Characters allowed in a heading marker numeral (no 两, no 零 except in 一百零一). */
export const MARKER_NUMERAL_CLASS = '[一二三四五六七八九十百零〇]';

/**
 * Parse a Chinese numeral string. Returns null if the string is not a well-formed numeral.
 * Handles 十一, 二十, 一百零五, 三百二十一, 两千, 2 万-style mixtures are not handled here.
 */
export function parseChineseNumeral(s: string): number | null {
  // The same few numerals (一, 二, 十二, 三百 …) come back all the time: remember them.
  const known = parsed.get(s);
  if (known !== undefined) return known;
  const v = parseUncached(s);
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(s, v);
  return v;
}

const parsed = new Map<string, number | null>();

function parseUncached(s: string): number | null {
  if (!s) return null;
  // Digit-by-digit form used in years: 二〇二四
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s) && !/[十百千]/.test(s) && s.length >= 2 && /[〇零]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + DIGITS[ch];
    return v;
  }
  let total = 0;
  let section = 0; // value below the current big unit
  let digit = -1; // pending digit
  let lastSmallUnit = Infinity;
  let lastBigUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit >= 0 && DIGITS[ch] !== 0 && digit !== 0) return null; // two digits in a row: 二三
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      const u = SMALL_UNITS[ch];
      if (u >= lastSmallUnit) return null;
      lastSmallUnit = u;
      section += (digit < 0 ? 1 : digit) * u;
      if (digit === 0) return null;
      digit = -1;
    } else if (ch in BIG_UNITS) {
      const u = BIG_UNITS[ch];
      if (u >= lastBigUnit) return null;
      lastBigUnit = u;
      if (digit > 0) section += digit;
      if (section === 0) return null;
      total += section * u;
      section = 0;
      digit = -1;
      lastSmallUnit = Infinity;
    } else {
      return null;
    }
  }
  if (digit > 0) section += digit;
  return total + section;
}

const MARKER_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Format n (1…9999) as used in heading markers: 1→一, 10→十, 11→十一, 21→二十一, 105→一百零五. */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0) return String(n);
  if (n >= 10000) return String(n);
  const parts: string[] = [];
  const units = [1000, 100, 10, 1];
  const names = ['千', '百', '十', ''];
  let zeroPending = false;
  let started = false;
  for (let i = 0; i < units.length; i++) {
    const d = Math.floor(n / units[i]) % 10;
    if (d === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending) {
      parts.push('零');
      zeroPending = false;
    }
    // 10…19 are written 十, 十一 … without a leading 一.
    if (!(units[i] === 10 && d === 1 && !started)) parts.push(MARKER_DIGITS[d]);
    parts.push(names[i]);
    started = true;
  }
  return parts.join('');
}
