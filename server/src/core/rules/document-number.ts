import type { Rule } from './types';
import { isJsSpaceCode } from '../document/chars';

/**
 * A cited document number: 发文机关代字 + year in brackets + serial + 号, e.g. 厅字〔2019〕28号,
 * 国办发(2021)第030号. The 代字 must directly precede the bracket (an ideograph), and the serial
 * must directly follow it (optionally after 第), so court case numbers such as (2023)粤0402行初1号,
 * dates, and parenthesised years in prose do not match.
 * What precedes the bracket (an ideograph, not 公告 or 令) is tested on the code units after a
 * match (lookbehinds at every position of the text were the cost of the rule): a match that
 * fails it hides no other, since no opening bracket occurs inside a match but at its start.
 */
const DOC_NUMBER_RE =
  /([〔\[【(（［〖｛{])\s*((?:19|20)\d{2}|\d{2})\s*([〕\]】)）］〗｝}])\s*(第\s*)?(\d{1,5})\s*号(?![楼院室线段车])/g;

const OPEN_FOR: Record<string, string> = { '〕': '〔', ']': '[', '】': '【', ')': '(', '）': '（', '］': '［', '〗': '〖', '｝': '｛', '}': '{' };

export interface DocumentNumberProblem {
  start: number;
  end: number;
  found: string;
  expected: string;
  problems: ('brackets' | 'year' | 'di' | 'padding')[];
}

/** DOC_NUMBER_RE tried at one position (see documentNumberMatches). */
const DOC_NUMBER_AT = new RegExp(DOC_NUMBER_RE.source, 'y');

/** What may stand between a match's opening bracket and its 号: `\s`, ASCII digits, the closing brackets and 第. */
function isInsideNumber(c: number): boolean {
  return isJsSpaceCode(c) || (c >= 0x30 && c <= 0x39) || c === 0x7b2c /* 第 */ || CLOSE_CODES.has(c);
}
const CLOSE_CODES = new Set([...'〕]】)）］〗｝}'].map((ch) => ch.charCodeAt(0)));

/**
 * The matches of DOC_NUMBER_RE in `text` (what text.matchAll gives), found from the 号s: a match
 * is an opening bracket, then only isInsideNumber characters, then 号, so the one place a match
 * ending at a given 号 can start is the character before the isInsideNumber run that precedes it
 * (an opening bracket is none of them). The regex is tried there alone, in text order, skipping
 * a place inside the last match, instead of at every position of the text; most reports cite few
 * document numbers.
 */
function documentNumberMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (let h = text.indexOf('号'); h >= 0; h = text.indexOf('号', h + 1)) {
    let at = h - 1;
    while (at >= lastEnd && isInsideNumber(text.charCodeAt(at))) at--;
    if (at < lastEnd) continue;
    DOC_NUMBER_AT.lastIndex = at;
    const m = DOC_NUMBER_AT.exec(text);
    if (!m) continue;
    out.push(m);
    lastEnd = at + m[0].length;
  }
  return out;
}

/** Cited document numbers not in the standard form, with the standard form. */
export function findDocumentNumberProblems(text: string): DocumentNumberProblem[] {
  const out: DocumentNumberProblem[] = [];
  for (const m of documentNumberMatches(text)) {
    const at = m.index;
    const before = text.charCodeAt(at - 1); // NaN at the start
    if (!(before >= 0x4e00 && before <= 0x9fff)) continue; // (?<=[\u4e00-\u9fff])
    if (before === 0x4ee4 /* 令 */ || (before === 0x544a /* 告 */ && text.charCodeAt(at - 2) === 0x516c) /* 公 */) continue; // (?<!公告|令)
    const [whole, open, yearText, close, di, serialText] = m;
    if (OPEN_FOR[close] !== open) continue; // mismatched brackets: not a document number we can read
    const problems: DocumentNumberProblem['problems'] = [];
    if (open !== '〔') problems.push('brackets');
    let year = parseInt(yearText, 10);
    if (yearText.length === 2) {
      problems.push('year');
      year += 2000;
    }
    if (di) problems.push('di');
    const serial = parseInt(serialText, 10);
    if (serial === 0) continue;
    if (/^0/.test(serialText)) problems.push('padding');
    if (!problems.length) continue;
    // A short bare year like (19) after prose is too weak a signal unless something else marks it as a number.
    if (yearText.length === 2 && open !== '〔' && !di) continue;
    out.push({ start: m.index, end: m.index + whole.length, found: whole, expected: `〔${year}〕${serial}号`, problems });
  }
  return out;
}

const PROBLEM_TEXT = {
  brackets: { 'zh-cn': '年份应使用六角括号〔〕', en: 'the year goes in tortoise-shell brackets 〔〕' },
  year: { 'zh-cn': '年份应写全', en: 'the year must be written in full' },
  di: { 'zh-cn': '序号前不加“第”', en: 'no 第 before the serial number' },
  padding: { 'zh-cn': '序号不编虚位', en: 'no zero padding in the serial number' },
};

/** document-number: 厅字〔2019〕28号, not 厅字[2019]28号 or 厅字(2019)第028号. */
export const documentNumber: Rule = {
  meta: {
    id: 'document-number',
    defaultSeverity: 'warning',
    category: 'format',
    scope: 'report',
    fixable: true,
    description: {
      'zh-cn': '引用的发文字号应写作“厅字〔2019〕28号”：年份用六角括号〔〕且写全，序号不加“第”、不编虚位。',
      en: 'Cited document numbers read 厅字〔2019〕28号: the full year in tortoise-shell brackets 〔〕, no 第, no zero padding.',
    },
    docs: {
      'zh-cn':
        'GB/T 9704-2012 第7.2.4条：发文字号由发文机关代字、年份、发文顺序号组成，年份、发文顺序号用阿拉伯数字标注；' +
        '年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01）。\n\n' +
        '本规则检查正文中引用的发文字号，如“厅字[2019]28号”“厅字(2019)第028号”“厅字【2019】28号”“国办发〔21〕30号”，' +
        '快速修复改为标准形式“厅字〔2019〕28号”。只检查紧跟在发文机关代字之后、括号内为年份、其后为序号和“号”的文字；' +
        '法院案号（如“(2023)粤0402行初1号”）、日期和括号中的年份不会报告。两位年份按20XX补全，请核对。',
      en:
        'GB/T 9704-2012 §7.2.4: a document number is the issuer code, the year and the serial number; the year is written ' +
        'in full inside tortoise-shell brackets 〔〕, and the serial number has no 第 and no zero padding (1, not 01).\n\n' +
        'The rule checks document numbers cited in the text, such as 厅字[2019]28号, 厅字(2019)第028号, 厅字【2019】28号 or ' +
        '国办发〔21〕30号, and offers a quick fix to the standard form 厅字〔2019〕28号. It only matches a bracketed year ' +
        'right after an issuer code and followed by a serial number and 号; court case numbers ((2023)粤0402行初1号), ' +
        'dates and years in parentheses are not reported. Two-digit years are completed as 20XX: check the result.',
    },
  },
  messages: {
    nonStandard: {
      'zh-cn': '发文字号“{found}”不规范（{problems}），应写作“{expected}”',
      en: 'Document number “{found}” is not in the standard form ({problems}); write “{expected}”',
    },
    fix: { 'zh-cn': '改为“{expected}”', en: 'Change to “{expected}”' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const sep = ctx.locale === 'zh-cn' ? '；' : '; ';
    for (const p of findDocumentNumberProblems(doc.simplified)) {
      const found = doc.text.slice(p.start, p.end);
      ctx.report({
        message: ctx.t('nonStandard', { found, expected: p.expected, problems: p.problems.map((k) => PROBLEM_TEXT[k][ctx.locale]).join(sep) }),
        range: { start: p.start, end: p.end },
        fixes: [
          {
            title: ctx.t('fix', { expected: p.expected }),
            edits: [{ range: doc.rangeOf(p.start, p.end), newText: p.expected }],
            kind: 'standard-document-number',
            isPreferred: true,
          },
        ],
        data: { expected: p.expected, problems: p.problems },
      });
    }
  },
};
