import type { Rule } from './types';
import type { Analysis } from '../analysis';
import type { DocumentFormat, ReportDocument } from '../document/document';
import type { Fix, OffsetRange, TextEdit } from '../types';
import { chinesePunctuationOffsets, FULL_WIDTH, fullWidthEdits, protectedRegions, regionTest } from '../document/punctuation';
import { encodingDamageOf } from './encoding-damage';

const KINDS: { id: string; half: string; full: string; name: { 'zh-cn': string; en: string } }[] = [
  { id: 'comma', half: ',', full: '，', name: { 'zh-cn': '逗号', en: 'commas' } },
  { id: 'colon', half: ':', full: '：', name: { 'zh-cn': '冒号', en: 'colons' } },
  { id: 'semicolon', half: ';', full: '；', name: { 'zh-cn': '分号', en: 'semicolons' } },
  { id: 'parentheses', half: '()', full: '（）', name: { 'zh-cn': '括号', en: 'parentheses' } },
  { id: 'question', half: '?', full: '？', name: { 'zh-cn': '问号', en: 'question marks' } },
  { id: 'exclamation', half: '!', full: '！', name: { 'zh-cn': '叹号', en: 'exclamation marks' } },
];

/** Per UTF-16 code unit: 1 + the index in KINDS of a half-width / full-width mark, 0 for other characters. */
const HALF_KIND = new Uint8Array(0x10000);
const FULL_KIND = new Uint8Array(0x10000);
/** The smallest code unit of a full-width mark (U+FF01 …): the census of wide marks looks up no unit below. */
let FULL_KIND_MIN = 0x10000;
KINDS.forEach((kind, k) => {
  for (const ch of kind.half) HALF_KIND[ch.charCodeAt(0)] = k + 1;
  for (const ch of kind.full) {
    FULL_KIND[ch.charCodeAt(0)] = k + 1;
    FULL_KIND_MIN = Math.min(FULL_KIND_MIN, ch.charCodeAt(0));
  }
});

/**
 * The whole-document conversion to full-width punctuation as LSP-style edits: used by the
 * quick fix and by the server's `reportlint/fullWidthPunctuation` request (the client command).
 * Damaged spans (encoding-damage) are left as they are.
 */
export function fullWidthPunctuationEdits(analysis: Analysis): TextEdit[] {
  const doc = analysis.doc;
  return fullWidthEdits(doc.text, doc.format, encodingDamageOf(analysis)).map((e) => ({ range: doc.rangeOf(e.start, e.end), newText: e.newText }));
}

/** punctuation-width: `，` and `,` (or `（` and `(`) both used as Chinese punctuation in one document. */
export const punctuationWidth: Rule = {
  meta: {
    id: 'punctuation-width',
    defaultSeverity: 'info',
    category: 'format',
    scope: 'any',
    fixable: true,
    safeFix: true,
    description: {
      'zh-cn': '同一种标点在文中既用全角又用半角（如“，”与“,”、“（”与“(”）。',
      en: 'The same punctuation mark used in both full-width and half-width form in one document (，and ,; （ and ().',
    },
    docs: {
      'zh-cn':
        '中文公文使用全角标点“，：；（）？！”。从网页或其他软件转来的文字常带半角标点“, : ; ( ) ? !”。' +
        '通篇一致使用半角的文件（很多转载文本如此）不报告；只有同一种标点全角、半角混用时，才在少数一方首次出现处给出提示。' +
        '计数时只算用作中文标点的半角符号：数字中的“1,234”“11:18”、网址、Markdown 语法中的符号不计。\n\n' +
        '快速修复（以及命令“ReportLint：全文转换为全角标点”）在一次可撤销的编辑中把全文用作中文标点的半角符号改为全角，' +
        '不改动编号中的数字、数字本身（1,234、3.5）、网址和 Markdown 语法，也不改动乱码范围。',
      en:
        'Chinese official documents use full-width punctuation ，：；（）？！. Text arriving from web pages or other programs often ' +
        'carries ASCII , : ; ( ) ? !. A document that uses the half-width forms consistently (many reprints do) is left alone; ' +
        'only when one mark appears in both forms does the rule note the first occurrence of the minority form. Only ASCII ' +
        'marks used as Chinese punctuation count: 1,234, 11:18, URLs and Markdown syntax do not.\n\n' +
        'The quick fix (and the command “ReportLint: Convert to full-width punctuation”) converts every ASCII mark used as ' +
        'Chinese punctuation in one undoable edit, leaving marker numerals, numbers (1,234, 3.5), URLs, Markdown syntax and ' +
        'damaged spans untouched.',
    },
  },
  fixAll: fullWidthPunctuationEdits,
  messages: {
    mixed: {
      'zh-cn': '{name}全角、半角混用：全角“{full}”{fullCount}处，半角“{half}”{halfCount}处，此处为{minorityForm}',
      en: 'Mixed-width {name}: {fullCount} full-width “{full}”, {halfCount} half-width “{half}”; this one is {minorityForm}',
    },
    fullForm: { 'zh-cn': '全角', en: 'full-width' },
    halfForm: { 'zh-cn': '半角', en: 'half-width' },
    fix: { 'zh-cn': '全文统一为全角标点（{count}处）', en: 'Convert the whole document to full-width punctuation ({count} marks)' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const stats = documentMarkStats(ctx.analysis);
    const n = KINDS.length;
    // One fix for every finding, built when first read: the same edits as
    // fullWidthPunctuationEdits(ctx.analysis), from the offsets found already.
    let fix: Fix | null = null;
    const convertAll = (): Fix[] => {
      if (!fix) {
        const edits = stats.edits(doc);
        fix = { title: ctx.t('fix', { count: edits.length }), edits, kind: 'full-width-punctuation' };
      }
      return [fix];
    };
    for (let k = 0; k < n; k++) {
      const kind = KINDS[k];
      const half = stats.counts[HALF_COUNT * n + k];
      const full = stats.counts[FULL_COUNT * n + k];
      if (!half || !full) continue;
      const halfMinority = half <= full;
      const at = halfMinority ? stats.counts[HALF_FIRST * n + k] : stats.counts[FULL_FIRST * n + k];
      ctx.report({
        message: () =>
          ctx.t('mixed', {
            name: kind.name[ctx.locale],
            full: kind.full,
            half: kind.half,
            fullCount: full,
            halfCount: half,
            minorityForm: ctx.t(halfMinority ? 'halfForm' : 'fullForm'),
          }),
        range: { start: at, end: at + 1 },
        fixes: convertAll,
        data: { kind: kind.id, full, half },
      });
    }
  },
};

/** Rows of MarkStats.counts, each KINDS.length wide. */
const HALF_COUNT = 0;
const HALF_FIRST = 1;
const FULL_COUNT = 2;
const FULL_FIRST = 3;

/** What punctuation-width needs of a text. */
interface MarkStats {
  /**
   * Per kind (rows HALF_COUNT … FULL_FIRST): the number of half-width marks used as Chinese
   * punctuation and its first offset, the number of full-width marks outside protected regions
   * and its first offset (-1: none).
   */
  counts: number[];
  /** Offsets of the half-width marks used as Chinese punctuation: the conversion's edits. */
  halfAt: readonly number[];
}

const NO_MARKS: MarkStats = Object.freeze({ counts: emptyCounts(), halfAt: Object.freeze([]) as readonly number[] });

function emptyCounts(): number[] {
  const n = KINDS.length;
  // A plain array: a typed array this size is allocated outside the heap, which costs more than its use saves.
  const counts = new Array<number>(4 * n).fill(0);
  counts.fill(-1, HALF_FIRST * n, (HALF_FIRST + 1) * n);
  counts.fill(-1, FULL_FIRST * n, (FULL_FIRST + 1) * n);
  return counts;
}

/** MarkStats of a text (offsets relative to it); `skip`: its damaged spans; `at`: its punctuation marks (ReportDocument.takePunctuationMarks). */
function markStats(text: string, format: DocumentFormat, skip: readonly OffsetRange[], at?: readonly number[]): MarkStats {
  const n = KINDS.length;
  const regions = protectedRegions(text, format);
  const counts = emptyCounts();
  // The full-width marks of every kind, outside protected regions, counted on the same pass.
  const inRegion = regionTest(regions);
  let anyFull = false;
  const halfAt = chinesePunctuationOffsets(text, format, skip, regions, {
    kinds: FULL_KIND,
    min: FULL_KIND_MIN,
    at(i, kind) {
      if (inRegion(i)) return;
      const k = kind - 1;
      if (counts[FULL_COUNT * n + k]++ === 0) counts[FULL_FIRST * n + k] = i;
      anyFull = true;
    },
  }, at);
  for (const i of halfAt) {
    const k = HALF_KIND[text.charCodeAt(i)] - 1;
    if (k < 0) continue;
    if (counts[HALF_COUNT * n + k]++ === 0) counts[HALF_FIRST * n + k] = i;
  }
  return halfAt.length > 0 || anyFull ? { counts, halfAt } : NO_MARKS;
}

/** The document's counts (as in MarkStats) and the conversion's edits as LSP edits. */
interface DocumentMarkStats {
  counts: number[];
  edits(doc: ReportDocument): TextEdit[];
}

/** DocumentMarkStats of a text without a half-width mark: no half-width counts, so nothing to report. */
const NO_HALF_MARKS: DocumentMarkStats = Object.freeze({ counts: NO_MARKS.counts, edits: () => [] });

/**
 * Whether any of the listed offsets (ReportDocument.takePunctuationMarks: line breaks and marks of
 * either width) holds an ASCII mark other than a line break. Without one the text has no half-width
 * mark at all, so every half-width count is 0 and the rule reports nothing (most reports).
 */
function hasHalfWidthMark(text: string, at: readonly number[]): boolean {
  for (let k = 0; k < at.length; k++) {
    const code = text.charCodeAt(at[k]);
    if (code < 0x80 && code !== 10 && code !== 13) return true;
  }
  return false;
}

/**
 * The document's MarkStats, on the whole text; the counts of full-width marks are only known when
 * the text has a half-width mark (a kind is reported only when it has both).
 */
function documentMarkStats(analysis: Analysis): DocumentMarkStats {
  const doc = analysis.doc;
  const text = doc.text;
  const at = doc.takePunctuationMarks() ?? undefined;
  if (at && !hasHalfWidthMark(text, at)) return NO_HALF_MARKS;
  const stats = markStats(text, doc.format, encodingDamageOf(analysis), at);
  return { counts: stats.counts, edits: (d) => stats.halfAt.map((i) => ({ range: d.rangeOf(i, i + 1), newText: FULL_WIDTH[text[i]] })) };
}
