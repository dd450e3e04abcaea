import type { Rule } from './types';
import type { ReportDocument } from '../document/document';
import type { Heading } from '../outline/headings';
import type { TextEdit } from '../types';

type Problem = { heading: Heading; key: string; edits: TextEdit[]; args: Record<string, string> };

const FULL_DIGIT = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const HALF_DIGIT = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Offsets of the brackets and of the trailing punctuation in a bracketed marker. */
function bracketParts(doc: ReportDocument, h: Heading) {
  const marker = doc.text.slice(h.markerRange.start, h.markerRange.end);
  const open = marker.search(/[(（]/);
  const close = Math.max(marker.lastIndexOf(')'), marker.lastIndexOf('）'));
  return { marker, open: h.markerRange.start + open, close: h.markerRange.start + close };
}

function majority<T extends string>(values: T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  let best = fallback;
  let n = -1;
  for (const [v, c] of counts) if (c > n || (c === n && v === fallback)) (best = v), (n = c);
  return best;
}

/** Every marker-style problem in the document, with the edit that normalises each. */
function problems(doc: ReportDocument, headings: readonly Heading[]): Problem[] {
  const out: Problem[] = [];
  const bracketed = headings.filter((h) => h.paren === 'full' || h.paren === 'half');
  // Value lists built by push (a .map result's elements kind differs between the interpreter and
  // optimised code, which de-optimised majority's loop).
  const parens: Array<'full' | 'half'> = [];
  for (let i = 0; i < bracketed.length; i++) parens.push(bracketed[i].paren as 'full' | 'half');
  const parenWidth = majority(parens, 'full');
  const mixedParens = new Set(parens).size > 1;
  const arabic = headings.filter((h) => h.digits);
  const digitList: Array<'full' | 'half'> = [];
  for (let i = 0; i < arabic.length; i++) digitList.push(arabic[i].digits as 'full' | 'half');
  const digitWidth = majority(digitList, 'half');
  const mixedDigits = new Set(digitList).size > 1;
  for (const h of headings) {
    const edits: TextEdit[] = [];
    const punctAt = h.markerRange.end - 1;
    if (h.brokenFrom) {
      // `（` / `三）…`: join the two parts of the marker (remove the line break between them).
      const nextLine = doc.lines[h.line];
      const lead = nextLine.text.length - nextLine.text.trimStart().length;
      edits.push({ range: doc.rangeOf(h.brokenFrom.range.start + 1, nextLine.start + lead), newText: '' });
      out.push({ heading: h, key: 'broken', edits, args: { marker: h.marker } });
      continue;
    }
    if (h.style === 'cn-dun' && h.punct !== '、') {
      edits.push({ range: doc.rangeOf(punctAt, punctAt + 1), newText: '、' });
      out.push({ heading: h, key: 'cnDun', edits, args: { found: h.punct } });
      continue;
    }
    if (h.style === 'arabic-dot' && h.punct === '、') {
      edits.push({ range: doc.rangeOf(punctAt, punctAt + 1), newText: '.' });
      out.push({ heading: h, key: 'arabicDot', edits, args: {} });
    }
    if (h.paren) {
      const { open, close } = bracketParts(doc, h);
      const want = h.paren === 'mixed' ? parenWidth : mixedParens ? parenWidth : h.paren;
      const [o, c] = want === 'full' ? ['（', '）'] : ['(', ')'];
      const parenEdits: TextEdit[] = [];
      if (doc.text[open] !== o) parenEdits.push({ range: doc.rangeOf(open, open + 1), newText: o });
      if (h.trailingPunct) parenEdits.push({ range: doc.rangeOf(close, h.markerRange.end), newText: c });
      else if (doc.text[close] !== c) parenEdits.push({ range: doc.rangeOf(close, close + 1), newText: c });
      if (h.trailingPunct) out.push({ heading: h, key: 'trailing', edits: parenEdits, args: { found: h.trailingPunct } });
      else if (parenEdits.length) out.push({ heading: h, key: h.paren === 'mixed' ? 'parenMixed' : 'parenWidth', edits: parenEdits, args: { want: want === 'full' ? '（）' : '()' } });
    }
    if (mixedDigits && h.digits && h.digits !== digitWidth) {
      const numeral = doc.text.slice(h.numeralRange.start, h.numeralRange.end);
      out.push({
        heading: h,
        key: 'digitWidth',
        edits: [{ range: doc.rangeOfOffsets(h.numeralRange), newText: digitWidth === 'full' ? FULL_DIGIT(numeral) : HALF_DIGIT(numeral) }],
        args: { want: digitWidth === 'full' ? '１２３' : '123' },
      });
    }
  }
  return out;
}

/** numbering-style: wrong punctuation after a marker (一. 1、 （一）、) and mixed bracket or digit widths. */
export const numberingStyle: Rule = {
  meta: {
    id: 'numbering-style',
    defaultSeverity: 'warning',
    category: 'numbering',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '标题编号格式不规范：“一.”“1、”“（一）、”，编号被拆成两行，或同一文档中全角、半角括号（数字）混用。',
      en: 'Malformed heading markers (一. / 1、 / （一）、), a marker broken over two lines, or full- and half-width brackets or digits mixed in one document.',
    },
    docs: {
      'zh-cn':
        'GB/T 9704-2012 第7.3.3条：一级标题用“一、”，二级“（一）”，三级“1.”，四级“（1）”。括号后不加标点（“（一）、”错误），' +
        '一级标题不用“一.”“一，”，三级标题不用“1、”（“1．”可以接受）。同一文档中全角括号“（一）”与半角括号“(一)”混用、' +
        '全角数字与半角数字混用时，提示少数一方。全文统一使用半角括号不报告（标点宽度问题由 punctuation-width 规则处理）。' +
        '编号被拆成两行（一行只有“（”，下一行以“三）”开头）时只在该编号处提示一次，快速修复把两行合并。' +
        '快速修复改正该编号，另有一项修复一次改正全文所有编号格式问题。',
      en:
        'GB/T 9704-2012 §7.3.3: level 1 is 一、, level 2 （一）, level 3 1., level 4 （1）. No punctuation after a bracket ' +
        '(（一）、 is wrong); level 1 is not 一. or 一,; level 3 is not 1、 (1． is acceptable). When full-width （一） and ' +
        'half-width (一) brackets, or full- and half-width digits, are mixed in one document, the minority is reported. A ' +
        'document that uses half-width brackets throughout is left alone. A marker broken over two lines (a line holding only ' +
        '（ and the next starting 三）) is reported once, at the marker; its fix joins the two lines. The quick fix corrects the marker; another fix ' +
        'corrects every marker in the document at once.',
    },
  },
  messages: {
    cnDun: { 'zh-cn': '一级标题编号后应使用顿号“、”，而非“{found}”', en: 'A level-1 marker takes “、”, not “{found}”' },
    arabicDot: { 'zh-cn': '三级标题编号应写作“1.”，而非“1、”', en: 'A level-3 marker is written “1.”, not “1、”' },
    trailing: { 'zh-cn': '括号编号后不加标点“{found}”', en: 'No punctuation (“{found}”) after a bracketed marker' },
    parenWidth: { 'zh-cn': '本文档的括号编号全角、半角混用，此处应与多数一致，使用{want}', en: 'Full- and half-width brackets are mixed in this document; use {want} like most markers' },
    parenMixed: { 'zh-cn': '编号的左右括号宽度不一致，应使用{want}', en: 'The brackets of this marker differ in width; use {want}' },
    digitWidth: { 'zh-cn': '本文档的编号数字全角、半角混用，此处应与多数一致（{want}）', en: 'Full- and half-width digits are mixed in heading markers; use {want} like most' },
    broken: { 'zh-cn': '标题编号“{marker}”被拆成了两行（编号与标题应在同一行）', en: 'The heading marker “{marker}” is broken over two lines (marker and title belong on one line)' },
    fix: { 'zh-cn': '规范此编号为“{marker}”', en: 'Normalise this marker to “{marker}”' },
    fixAll: { 'zh-cn': '规范全文所有标题编号格式（{count}处）', en: 'Normalise every heading marker in the document ({count})' },
  },
  check(ctx) {
    const list = problems(ctx.doc, ctx.outline.headings);
    if (!list.length) return;
    const allEdits = list.flatMap((p) => p.edits);
    for (const p of list) {
      const h = p.heading;
      let marker = ctx.doc.text.slice(h.markerRange.start, h.markerRange.end);
      for (const e of [...p.edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
        const s = ctx.doc.offsetAt(e.range.start) - h.markerRange.start;
        const en = ctx.doc.offsetAt(e.range.end) - h.markerRange.start;
        marker = marker.slice(0, s) + e.newText + marker.slice(en);
      }
      const fixes = [{ title: ctx.t('fix', { marker }), edits: p.edits, kind: 'normalize-marker', isPreferred: true }];
      if (list.length > 1) fixes.push({ title: ctx.t('fixAll', { count: list.length }), edits: allEdits, kind: 'normalize-all-markers', isPreferred: false });
      ctx.report({ message: ctx.t(p.key, p.args), range: h.markerRange, fixes, data: { problem: p.key } });
    }
  },
};
