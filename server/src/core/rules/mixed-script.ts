import type { Rule } from './types';
import type { Fix, OffsetRange } from '../types';
import type { Analysis } from '../analysis';
import { encodingDamageOf } from './encoding-damage';

/**
 * Characters that are correct in BOTH scripts, so their presence next to their other form
 * proves nothing: 干 (若干) beside 幹, 里 (公里) beside 裡, 著 (显著) beside 着, 乾 (乾坤) beside 干 …
 * One simplified character stands for several traditional ones, one of which is itself.
 * (OpenCC's opencc-js data keeps only the first candidate of each mapping, so this list is ours.)
 */
const VALID_IN_BOTH = new Set(
  [...'干里后于台着著面制系只范谷丑征才斗冲松出余沈几向据并布念板累表困克家伙卷周注准仆游凶岳采舍症蒙胡须郁御折托辟栗秋扣刮咸划卜了历吁夸借占姜朴致尝吊回团志杰云同合升别党坛尸叶苏复钟乾瞭藉覆麽么獲获'],
);

/** VALID_IN_BOTH as code units. */
const VALID_IN_BOTH_CODES = new Set([...VALID_IN_BOTH].map((ch) => ch.charCodeAt(0)));

/**
 * Whether none of the offsets where the view differs from the text can give a pair: each holds a
 * unit that is not an ideograph, or a character VALID_IN_BOTH or changed into one (what
 * findScriptPairsAt and pairsOf pass over). 著 → 着 is the usual case in simplified reports.
 */
function noPairAt(text: string, simplifiedView: string, changedAt: readonly number[]): boolean {
  for (let k = 0; k < changedAt.length; k++) {
    const i = changedAt[k];
    const c = text.charCodeAt(i);
    if (isIdeographCode(c) && !VALID_IN_BOTH_CODES.has(c) && !VALID_IN_BOTH_CODES.has(simplifiedView.charCodeAt(i))) return false;
  }
  return true;
}

export interface ScriptPair {
  traditional: string;
  simplified: string;
  traditionalAt: number[];
  simplifiedAt: number[];
}

/**
 * Pairs of one character written in both scripts within a text: 區 (t2s → 区) and 区 both present.
 * `simplifiedView` is the same-length simplified view of the text (ReportDocument.simplified).
 */
export function findScriptPairs(text: string, simplifiedView: string, skip: readonly OffsetRange[] = [], changedAt?: readonly number[] | null): ScriptPair[] {
  if (changedAt) return findScriptPairsAt(text, simplifiedView, skip, changedAt);
  // Pass 1, on code units: which ideographs occur, and which of them are traditional (in order
  // of first occurrence) with their simplified form. Garbled text is no evidence of a script.
  const present = new Uint8Array(0x10000);
  const simplifiedOf = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isIdeographCode(c)) continue;
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && skip[k].start <= i) continue;
    present[c] = 1;
    const s = simplifiedView.charCodeAt(i);
    if (s !== c) simplifiedOf.set(c, s);
  }
  return pairsOf(text, skip, simplifiedOf, (s) => present[s] === 1);
}

/**
 * findScriptPairs from the offsets where the view differs from the text (ScriptView.changedAt):
 * the traditional characters are read there, and whether a simplified form occurs is asked of
 * the text (indexOf) for those few characters only, instead of a pass over every character.
 */
function findScriptPairsAt(text: string, simplifiedView: string, skip: readonly OffsetRange[], changedAt: readonly number[]): ScriptPair[] {
  const simplifiedOf = new Map<number, number>();
  let k = 0;
  for (const i of changedAt) {
    const c = text.charCodeAt(i);
    if (!isIdeographCode(c)) continue;
    while (k < skip.length && skip[k].end <= i) k++;
    if (k < skip.length && skip[k].start <= i) continue;
    simplifiedOf.set(c, simplifiedView.charCodeAt(i));
  }
  if (!simplifiedOf.size) return [];
  return pairsOf(text, skip, simplifiedOf, (s) => isIdeographCode(s) && occursOutside(text, s, skip));
}

/** Whether the character occurs in the text outside the skipped (sorted, disjoint) ranges. */
function occursOutside(text: string, code: number, skip: readonly OffsetRange[]): boolean {
  const ch = String.fromCharCode(code);
  let j = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    while (j < skip.length && skip[j].end <= i) j++;
    if (!(j < skip.length && skip[j].start <= i)) return true;
  }
  return false;
}

/**
 * The script pairs of a text from its traditional characters (`simplifiedOf`: each one's simplified
 * form, in order of first occurrence) and a test of whether a character occurs as an ideograph
 * outside `skip`; pass 2 collects the positions of the paired characters only.
 */
function pairsOf(text: string, skip: readonly OffsetRange[], simplifiedOf: ReadonlyMap<number, number>, isPresent: (code: number) => boolean): ScriptPair[] {
  const pairCodes: [number, number][] = [];
  for (const [t, s] of simplifiedOf) {
    if (VALID_IN_BOTH.has(String.fromCharCode(t)) || VALID_IN_BOTH.has(String.fromCharCode(s))) continue;
    if (!isPresent(s)) continue;
    pairCodes.push([t, s]);
  }
  if (!pairCodes.length) return [];
  const positions = new Map<number, number[]>();
  if (pairCodes.length <= FEW) {
    // A few characters (the usual case): indexOf per character.
    for (const pair of pairCodes) for (const c of pair) if (!positions.has(c)) positions.set(c, positionsOf(text, c, skip));
  } else {
    // Many: one pass over the text (a table of the wanted code units, made only here: 64 KB).
    const wanted = new Uint8Array(0x10000);
    for (const [t, s] of pairCodes) wanted[t] = wanted[s] = 1;
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (wanted[c] === 0) continue; // only ideographs are wanted
      while (k < skip.length && skip[k].end <= i) k++;
      if (k < skip.length && skip[k].start <= i) continue;
      let list = positions.get(c);
      if (!list) positions.set(c, (list = []));
      list.push(i);
    }
  }
  const pairs: ScriptPair[] = pairCodes.map(([t, s]) => ({
    traditional: String.fromCharCode(t),
    simplified: String.fromCharCode(s),
    traditionalAt: positions.get(t)!,
    simplifiedAt: positions.get(s)!,
  }));
  return pairs.sort((a, b) => Math.min(a.traditionalAt[0], a.simplifiedAt[0]) - Math.min(b.traditionalAt[0], b.simplifiedAt[0]));
}

/** Up to this many pairs, characters are looked up with indexOf. */
const FEW = 8;

/** Offsets of a character outside the skipped (sorted, disjoint) ranges. */
function positionsOf(text: string, code: number, skip: readonly OffsetRange[]): number[] {
  const ch = String.fromCharCode(code);
  const list: number[] = [];
  let j = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    while (j < skip.length && skip[j].end <= i) j++;
    if (j < skip.length && skip[j].start <= i) continue;
    list.push(i);
  }
  return list;
}

/** findScriptPairs of the document (its damaged spans skipped). */
function scriptPairsOf(analysis: Analysis): ScriptPair[] {
  const doc = analysis.doc;
  return findScriptPairs(doc.text, doc.simplified, encodingDamageOf(analysis), doc.script.changedAt);
}

/** isIdeograph on a UTF-16 code unit. */
function isIdeographCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** mixed-script: 區 and 区 in one document. */
export const mixedScript: Rule = {
  meta: {
    id: 'mixed-script',
    defaultSeverity: 'info',
    category: 'hygiene',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '同一个字在文中既有繁体写法又有简体写法（如“區”与“区”），多因拼接不同来源的文字所致。',
      en: 'The same character written in both traditional and simplified form in one document (區 and 区), usually from pasting texts of different origin.',
    },
    docs: {
      'zh-cn':
        '一份文件应统一使用一种字形。从繁体网页转载的段落与简体段落拼在一起时，同一个字会以两种写法出现。' +
        '本规则按 OpenCC 的繁简对照数据（opencc-js）找出同一个字的繁体和简体两种写法都出现的情况，在少数一方的首次出现处给出提示，' +
        '并指出多数一方。通篇繁体（如转载的繁体报告）或通篇简体的文件不报告。“干/幹”“里/裡”“著/着”“后/後”等' +
        '在两种字形中都合法的字不作为证据。\n\n' +
        '快速修复把少数写法全部改为本文多数使用的写法（只替换这一个字，一次编辑）；繁→简按 OpenCC 逐字对照，简→繁只在本文已用过的繁体写法唯一时提供。',
      en:
        'A document should use one script. When a paragraph reprinted from a traditional-script page is joined to simplified ' +
        'text, the same character appears in both forms. Using OpenCC’s traditional↔simplified data (opencc-js), the rule ' +
        'finds characters present in both forms and notes the first occurrence of the minority form, pointing at the ' +
        'majority form. A document entirely in one script is fine. Characters valid in both scripts (干/幹, 里/裡, 著/着, ' +
        '后/後 …) are not taken as evidence.\n\n' +
        'The quick fix replaces every occurrence of the minority form with the form the document mostly uses (that one ' +
        'character only, one edit); traditional→simplified follows OpenCC, simplified→traditional is offered only when the ' +
        'document uses exactly one traditional form for it.',
    },
  },
  messages: {
    mixedToSimplified: {
      'zh-cn': '繁简混用：本文以简体为主，此处“{minority}”是“{majority}”的繁体写法（繁体{minorityCount}处，简体{majorityCount}处）',
      en: 'Mixed scripts: the document is mostly simplified, but “{minority}” is the traditional form of “{majority}” ({minorityCount} traditional, {majorityCount} simplified)',
    },
    mixedToTraditional: {
      'zh-cn': '繁简混用：本文以繁体为主，此处“{minority}”是“{majority}”的简体写法（简体{minorityCount}处，繁体{majorityCount}处）',
      en: 'Mixed scripts: the document is mostly traditional, but “{minority}” is the simplified form of “{majority}” ({minorityCount} simplified, {majorityCount} traditional)',
    },
    majority: { 'zh-cn': '本文多数使用的写法“{majority}”', en: 'The form the document mostly uses, “{majority}”' },
    fix: { 'zh-cn': '把全文{count}处“{minority}”改为“{majority}”', en: 'Replace all {count} “{minority}” with “{majority}”' },
  },
  check(ctx) {
    const doc = ctx.doc;
    const script = doc.script;
    if (script.traditionalCount === 0) return; // entirely simplified: nothing can be mixed
    // Only characters correct in both scripts changed (显著 → 显着): no pair either.
    if (script.changedAt && noPairAt(doc.text, doc.simplified, script.changedAt)) return;
    // Characters inside damaged spans (mojibake) are not text in either script.
    const pairs = scriptPairsOf(ctx.analysis);
    if (!pairs.length) return;
    // The majority script, judged on the characters that occur in both forms.
    const tCount = pairs.reduce((n, p) => n + p.traditionalAt.length, 0);
    const sCount = pairs.reduce((n, p) => n + p.simplifiedAt.length, 0);
    const traditionalMajority = tCount > sCount || (tCount === sCount && doc.isTraditional);
    // How many traditional forms of each simplified character does the document use?
    const formsOf = new Map<string, number>();
    for (const p of pairs) formsOf.set(p.simplified, (formsOf.get(p.simplified) ?? 0) + 1);
    const seenMinority = new Set<string>();
    for (const p of pairs) {
      const minority = traditionalMajority ? p.simplified : p.traditional;
      const majority = traditionalMajority ? p.traditional : p.simplified;
      if (seenMinority.has(minority)) continue; // 发 beside both 發 and 髮: one finding
      seenMinority.add(minority);
      const minorityAt = traditionalMajority ? p.simplifiedAt : p.traditionalAt;
      const majorityAt = traditionalMajority ? p.traditionalAt : p.simplifiedAt;
      const at = (o: number): OffsetRange => ({ start: o, end: o + 1 });
      const fixes: Fix[] = [];
      if (!traditionalMajority || formsOf.get(p.simplified) === 1) {
        fixes.push({
          title: ctx.t('fix', { count: minorityAt.length, minority, majority }),
          edits: minorityAt.map((o) => ({ range: doc.rangeOfOffsets(at(o)), newText: majority })),
          kind: 'unify-script',
        });
      }
      ctx.report({
        message: ctx.t(traditionalMajority ? 'mixedToTraditional' : 'mixedToSimplified', {
          minority,
          majority,
          minorityCount: minorityAt.length,
          majorityCount: majorityAt.length,
        }),
        range: at(minorityAt[0]),
        related: [{ range: doc.rangeOfOffsets(at(majorityAt[0])), message: ctx.t('majority', { majority }) }],
        fixes,
        data: { minority, majority, minorityCount: minorityAt.length, majorityCount: majorityAt.length },
      });
    }
  },
};
