import type { Rule } from './types';
import type { ReportDocument } from '../document/document';
import type { Fix, OffsetRange, TextEdit } from '../types';
import { hasToneMark, isPinyinSyllable, PINYIN_LETTER_CLASS } from '../document/chars';
import { matchesStartingWith } from '../document/scan';

/**
 * `區(qū)`: a parenthesised, tone-marked pinyin syllable right after an ideograph. The ideograph
 * before is tested on the code unit (a lookbehind at every position of the text was the cost of
 * the rule); a match that fails it hides no other, since none can start inside it. Tried at the
 * brackets only (matchesStartingWith).
 */
const RESIDUE_RE = new RegExp(`[(（]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'y');

function isResidueHost(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** The letters of PINYIN_LETTER_CLASS, as code units. */
const PINYIN_LETTER_CODES = new Set([...PINYIN_LETTER_CLASS.replace('a-z', '')].map((c) => c.charCodeAt(0)));

function isPinyinLetterCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || PINYIN_LETTER_CODES.has(c);
}

/**
 * Every pinyin annotation left after a character (the parenthesised part only). `brackets`, when
 * given, lists (ascending) at least every offset of ( and （ in the text (ReportDocument.bracketOffsets):
 * only those are visited, and the regex is tried only after an ideograph and before a letter (a
 * match holds no bracket but its first, so a bracket passed over hides no other match).
 */
export function findPinyinResidue(text: string, brackets?: readonly number[]): OffsetRange[] {
  const found: OffsetRange[] = [];
  if (brackets) {
    for (let k = 0; k < brackets.length; k++) {
      const at = brackets[k];
      const c = text.charCodeAt(at);
      if (c !== 0x28 && c !== 0xff08) continue;
      if (!isResidueHost(text.charCodeAt(at - 1)) || !isPinyinLetterCode(text.charCodeAt(at + 1))) continue;
      RESIDUE_RE.lastIndex = at;
      const m = RESIDUE_RE.exec(text);
      if (m) residue(m, found);
    }
    return found;
  }
  for (const m of matchesStartingWith(text, '(（', RESIDUE_RE)) {
    if (!isResidueHost(text.charCodeAt(m.index - 1))) continue;
    residue(m, found);
  }
  return found;
}

/** A RESIDUE_RE match after an ideograph: an annotation when it is one tone-marked syllable. */
function residue(m: RegExpExecArray, found: OffsetRange[]): void {
  if (!hasToneMark(m[1]) || !isPinyinSyllable(m[1])) return;
  found.push({ start: m.index, end: m.index + m[0].length });
}

/** The edits that delete every annotation: one undoable edit for the whole document. */
export function removeAllPinyinEdits(doc: ReportDocument): TextEdit[] {
  return findPinyinResidue(doc.text, doc.bracketOffsets).map((r) => ({ range: doc.rangeOfOffsets(r), newText: '' }));
}

/** pinyin-residue: 區(qū), 發(fā) — pinyin annotations pasted along with the characters. */
export const pinyinResidue: Rule = {
  meta: {
    id: 'pinyin-residue',
    defaultSeverity: 'warning',
    category: 'hygiene',
    scope: 'any',
    fixable: true,
    safeFix: true,
    description: {
      'zh-cn': '汉字后残留带声调的拼音注音，如“區(qū)”“發(fā)”。',
      en: 'A tone-marked pinyin annotation left after a character, as in 區(qū) or 發(fā).',
    },
    docs: {
      'zh-cn':
        '从带注音的网页（常见于繁体转载页面）复制文字时，拼音注音会随汉字一起粘贴进来，如“香洲區(qū)”“印發(fā)”。' +
        '本规则查找紧跟在汉字后、括号内带声调符号的单个拼音音节；不带声调的括注（如“(PPP)”“(试行)”）不报告。\n\n' +
        '快速修复删除该处注音；另有“删除全文全部拼音注音”一项，在一次可撤销的编辑中删除所有注音，只删除括号及其中的拼音，不改动其他文字。',
      en:
        'Text copied from annotated web pages (common with traditional-script reprints) brings the pinyin along: 香洲區(qū), ' +
        '印發(fā). The rule finds one tone-marked pinyin syllable in parentheses right after an ideograph; parentheses ' +
        'without tone marks ((PPP), (试行)) are left alone.\n\n' +
        'The quick fix deletes the annotation; a second action, “remove all pinyin annotations”, deletes every one in the ' +
        'document in one undoable edit, touching only the parentheses and the pinyin inside them.',
    },
  },
  fixAll: (analysis) => removeAllPinyinEdits(analysis.doc),
  messages: {
    residue: {
      'zh-cn': '汉字“{char}”后残留拼音注音“{pinyin}”，应删除',
      en: 'Pinyin annotation “{pinyin}” left after “{char}”; delete it',
    },
    fixOne: { 'zh-cn': '删除拼音注音“{pinyin}”', en: 'Delete the pinyin annotation “{pinyin}”' },
    fixAll: { 'zh-cn': '删除全文全部拼音注音（{count}处）', en: 'Remove all pinyin annotations in the document ({count})' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const spans = findPinyinResidue(doc.text, doc.bracketOffsets);
    if (!spans.length) return;
    // Up to thousands of findings per megabyte: messages and fixes are built when read.
    let fixAll: Fix | null = null;
    let allEdits: TextEdit[] | null = null;
    const editAt = (i: number): TextEdit => (allEdits ??= spans.map((r) => ({ range: doc.rangeOfOffsets(r), newText: '' })))[i];
    const removeAll = (): Fix => (fixAll ??= { title: ctx.t('fixAll', { count: spans.length }), edits: spans.map((_, i) => editAt(i)), kind: 'remove-all-pinyin' });
    for (let i = 0; i < spans.length; i++) {
      const r = spans[i];
      ctx.report({
        message: () => ctx.t('residue', { char: doc.text[r.start - 1], pinyin: doc.text.slice(r.start, r.end) }),
        range: r,
        fixes: () => {
          const fixes: Fix[] = [{ title: ctx.t('fixOne', { pinyin: doc.text.slice(r.start, r.end) }), edits: [editAt(i)], kind: 'remove-pinyin', isPreferred: true }];
          if (spans.length > 1) fixes.push(removeAll());
          return fixes;
        },
      });
    }
  },
};
