import type { Rule } from './types';
import type { Analysis } from '../analysis';
import {
  CENSUS_MARKER,
  CENSUS_QUESTION,
  CENSUS_REPLACEMENT,
  CENSUS_STRAY,
  censusBits,
  encodingCandidates,
  type EncodingCandidates,
  findUtf8AsGbk,
  findUtf8AsLatin1,
  hasToneMark,
  isCommonHanzi,
  isIdeograph,
  isPinyinSyllable,
  isStrayCjkCode,
  isStrayCjkSymbol,
  PINYIN_LETTER_CLASS,
} from '../document/chars';

export type DamageKind = 'nul' | 'replacement' | 'question-pinyin' | 'question-garbled' | 'utf8-as-gbk' | 'utf8-as-latin1' | 'mojibake-marker';

export interface DamageSpan {
  start: number;
  end: number;
  kind: DamageKind;
  /** For UTF-8 read as GBK: the text the run most probably was. */
  decoded?: string;
}

const QUESTION = '?？';
/** `?` + a pinyin syllable + `)`: what is left of `字(zì)` after the character was lost (報告?zhèn)…). */
const QUESTION_PINYIN_RE = new RegExp(`[?？\\uFFFD]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'g');
const GLUED_TAIL_RE = new RegExp(`^[A-Za-z]*(?:[(（][${PINYIN_LETTER_CLASS}]{1,7}[)）])?`);
/** Byte patterns of a lost character rendered twice: U+FFFD as GBK (锟斤拷), MSVC fill bytes (烫烫烫 0xCC, 屯屯屯 0xCD). */
const MARKER_RE = /(?:锟斤拷)+|锟斤|斤拷|烫{3,}|屯{3,}/g;
/** Characters that end a garbled stretch (punctuation, spaces). */
const STOP_RE = /[\s。，,；;：:、！!“”"‘’《》()（）【】]/;

/**
 * 1 for `?` and `？`, 2 for the stray symbols of isStrayCjkSymbol, else 0, of a UTF-16 code unit.
 * Asked only at the census's candidates: a function, where a 65,536-entry table built at load
 * cost every process a loop over all code units.
 */
export function questionOrStray(c: number): number {
  if (c === 0x3f || c === 0xff1f) return 1;
  return isStrayCjkCode(c) ? 2 : 0;
}

/**
 * A `?` (or a stray symbol such as bopomofo) glued inside a stretch of rare, meaningless characters.
 * `at`: the offsets (ascending) of the text's `?`, `？` and stray symbols, among others.
 */
function findQuestionGarbled(text: string, at: readonly number[], spans: DamageSpan[]): void {
  for (const i of at) {
    const cls = questionOrStray(text.charCodeAt(i));
    if (cls === 0) continue;
    const isQuestion = cls === 1;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (isQuestion && !(isIdeograph(next) && (isIdeograph(prev) || /[A-Za-z]/.test(prev ?? '')))) continue;
    if (!isQuestion && !(isIdeograph(prev) && isIdeograph(next))) continue;
    let start = i;
    let end = i + 1;
    let odd = isQuestion ? 0 : 1;
    for (let p = i - 1, seen = 0; p >= 0 && seen < 6 && (isIdeograph(text[p]) || isStrayCjkSymbol(text[p])); p--, seen++) {
      if (isStrayCjkSymbol(text[p]) || !isCommonHanzi(text[p])) {
        odd++;
        start = p;
      }
    }
    for (let p = i + 1, seen = 0; p < text.length && seen < 6 && (isIdeograph(text[p]) || isStrayCjkSymbol(text[p])); p++, seen++) {
      if (isStrayCjkSymbol(text[p]) || !isCommonHanzi(text[p])) {
        odd++;
        end = p + 1;
      }
    }
    if (odd >= 2) spans.push({ start, end, kind: 'question-garbled' });
  }
}

/**
 * The matches of a sticky regex tried at the candidate offsets (ascending) whose census has
 * `bits`, left to right and without overlap: what a global scan finds when every match starts at
 * such a character.
 */
function* matchesAt(text: string, at: readonly number[], bits: number, sticky: RegExp): Generator<RegExpExecArray> {
  let from = 0;
  for (const p of at) {
    if (p < from || !(censusBits(text.charCodeAt(p)) & bits)) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m) {
      from = p + m[0].length;
      yield m;
    }
  }
}

/** MARKER_RE and QUESTION_PINYIN_RE, sticky: tried where their first character is. */
const MARKER_AT = new RegExp(MARKER_RE.source, 'y');
const QUESTION_PINYIN_AT = new RegExp(QUESTION_PINYIN_RE.source, 'y');

/** The runs of the code unit `unit` (every offset of which is in `at`, ascending) as spans of `kind`. */
function runsOf(text: string, at: readonly number[], unit: number, kind: DamageKind, spans: DamageSpan[]): void {
  for (let k = 0; k < at.length; k++) {
    const start = at[k];
    if (text.charCodeAt(start) !== unit) continue;
    let end = start + 1;
    while (k + 1 < at.length && at[k + 1] === end && text.charCodeAt(end) === unit) {
      k++;
      end++;
    }
    spans.push({ start, end, kind });
  }
}

/** Every damaged span of a text, merged and in order. Exported for tests and other rules. */
export function findEncodingDamage(text: string, candidates: EncodingCandidates = encodingCandidates(text)): DamageSpan[] {
  const spans: DamageSpan[] = [];
  // One pass finds every character a finder below starts from (a document's: on its script view's pass).
  const other = candidates.other;

  // NUL characters: never part of a text (a file damaged or glued together from pieces). Runs
  // of U+0000 and of U+FFFD (what /\0+/g and /\uFFFD+/g find), from the candidates (the text
  // is not searched again).
  // Each finder only when it has candidates: most texts have none or a few of one kind, and a call
  // of a finder that finds nothing is not free when its code is out of the caches (a check after
  // other work).
  if (other.length) {
    runsOf(text, other, 0, 'nul', spans);
    runsOf(text, other, 0xfffd, 'replacement', spans);
    for (const m of matchesAt(text, other, CENSUS_MARKER, MARKER_AT)) {
      spans.push({ start: m.index, end: m.index + m[0].length, kind: 'mojibake-marker' });
    }
  }
  if (candidates.gbk.length) {
    for (const r of findUtf8AsGbk(text, candidates)) spans.push({ start: r.start, end: r.end, kind: 'utf8-as-gbk', decoded: r.decoded });
  }
  if (candidates.latin1.length) {
    for (const r of findUtf8AsLatin1(text, candidates)) spans.push({ start: r.start, end: r.end, kind: 'utf8-as-latin1', decoded: r.decoded });
  }
  if (!other.length) return mergedSpans(spans);

  for (const m of matchesAt(text, other, CENSUS_QUESTION | CENSUS_REPLACEMENT, QUESTION_PINYIN_AT)) {
    if (!isPinyinSyllable(m[1]) || !hasToneMark(m[1])) continue;
    const start = m.index;
    let end = start + m[0].length;
    // Letters glued on (`?qū)I(yè)`) belong to the same damage.
    end += GLUED_TAIL_RE.exec(text.slice(end))![0].length;
    // A garbled stretch up to a closing `?` (`?zhèn)浒?`) is part of it too.
    for (let p = end; p < Math.min(text.length, end + 16); p++) {
      const ch = text[p];
      if (QUESTION.includes(ch) || ch === '\uFFFD') {
        end = p + 1;
        break;
      }
      if (STOP_RE.test(ch)) break;
    }
    spans.push({ start, end, kind: 'question-pinyin' });
  }

  findQuestionGarbled(text, other, spans);
  return mergedSpans(spans);
}

/** Damaged spans in order, overlapping ones merged. */
function mergedSpans(spans: DamageSpan[]): DamageSpan[] {
  if (!spans.length) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: DamageSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    merged.push({ ...s });
  }
  return merged;
}

/** The damaged spans of a document, computed once per version on the whole text. */
export function encodingDamageOf(analysis: Analysis): DamageSpan[] {
  return analysis.memo('encoding-damage', () => findEncodingDamage(analysis.doc.text, analysis.doc.encodingCandidates));
}

/** encoding-damage: text destroyed by a wrong encoding or a lossy conversion. */
export const encodingDamage: Rule = {
  meta: {
    id: 'encoding-damage',
    defaultSeverity: 'error',
    category: 'hygiene',
    scope: 'any',
    fixable: false,
    description: {
      'zh-cn': '文字因编码错误或转换失败而损坏（�、“?”加拼音或乱码、锟斤拷、烫烫烫、鎴戜滑之类的乱码）。',
      en: 'Text destroyed by a wrong encoding or a lossy conversion (�, “?” glued to pinyin or garbage, 锟斤拷, 烫烫烫, 鎴戜滑-style mojibake).',
    },
    docs: {
      'zh-cn':
        '从网页、旧文件或其他软件复制文字时，编码不一致会把文字变成乱码，写作者往往已看不出来。本规则查找：\n\n' +
        '- 替换字符 U+FFFD（�）；\n' +
        '- “?”紧接带声调的拼音和右括号，如“報告?zhèn)浒?8份”——这是“字(拼音)”式注音中的汉字丢失后的残留，连同其后直到下一个“?”的乱码一并标出；\n' +
        '- 夹在一串生僻字之间的“?”或注音符号（如ㄖ），这类生僻字串不是正常的中文；\n' +
        '- UTF-8 文字被当作 GBK 读取形成的乱码，如“鎴戜滑”（原为“我们”）：把这些字按 GBK 编码后再按 UTF-8 解码能得到通顺的常用字时才报告，正常中文不会被误报；\n' +
        '- UTF-8 文字被当作西文（Latin-1/Windows-1252）读取形成的乱码，如“æˆ‘ä»¬”（原为“我们”），判断方法同上；\n' +
        '- “锟斤拷”“烫烫烫”“屯屯屯”等典型乱码串；\n' +
        '- 空字符（U+0000），文件损坏或拼接时混入。\n\n' +
        '原文已经丢失，本规则不提供自动修复；诊断指出损坏的范围（能推断原文时在消息中给出），请对照原件重新录入。',
      en:
        'Text copied from web pages, old files or other programs often arrives garbled by an encoding mix-up that the writer ' +
        'no longer notices. This rule finds:\n\n' +
        '- the replacement character U+FFFD (�);\n' +
        '- a “?” glued to a tone-marked pinyin syllable and a closing parenthesis, as in 報告?zhèn)浒?8份 — the remains of a ' +
        '字(zì) annotation whose character was lost; the garbage up to the next “?” is included;\n' +
        '- a “?” or a stray bopomofo symbol (ㄖ) inside a stretch of rare characters that is not Chinese prose;\n' +
        '- UTF-8 text read as GBK, such as 鎴戜滑 (originally 我们): reported only when the characters, encoded as GBK and ' +
        'decoded as UTF-8, give ordinary common characters, so real Chinese is not flagged;\n' +
        '- UTF-8 text read as Latin-1/Windows-1252, such as æˆ‘ä»¬ (originally 我们), by the same test;\n' +
        '- the classic garbage strings 锟斤拷, 烫烫烫 and 屯屯屯;\n' +
        '- NUL characters (U+0000), left by a damaged file or one glued together from pieces.\n\n' +
        'The original text is lost, so there is no automatic fix: the diagnostic marks the damaged span (and names the probable ' +
        'original when it can be decoded); retype it from the source document.',
    },
  },
  messages: {
    damaged: {
      'zh-cn': '文字已损坏：“{text}”。原文已丢失，无法自动修复，请对照原件重新录入此处',
      en: 'Damaged text: “{text}”. The original is lost and cannot be restored automatically; retype this span from the source',
    },
    mojibakeLatin1: {
      'zh-cn': '乱码：“{text}”像是 UTF-8 文字被当作西文（Latin-1/Windows-1252）读取，原文可能是“{decoded}”。请对照原件核实后改正',
      en: 'Mojibake: “{text}” looks like UTF-8 text read as Latin-1/Windows-1252; the original was probably “{decoded}”. Check it against the source and correct it',
    },
    nul: {
      'zh-cn': '文字中有 {count} 个空字符（U+0000），多为文件损坏或拼接时混入，请删除并核对此处文字',
      en: '{count} NUL character(s) (U+0000) in the text, usually from a damaged file or one glued together from pieces; delete them and check the text here',
    },
    explainNul: {
      'zh-cn': '空字符在编辑器中往往看不见，但会让其他程序把文件当作二进制文件或在此处截断文字。',
      en: 'NUL characters are often invisible in an editor, but make other programs take the file for binary or cut the text here.',
    },
    explainReplacement: {
      'zh-cn': 'U+FFFD（�）是程序无法解码某些字节时放入的替换字符，原来的字已经丢失。',
      en: 'U+FFFD (�) is what a program inserts for bytes it cannot decode; the original characters are gone.',
    },
    explainQuestionPinyin: {
      'zh-cn': '这是“字(拼音)”式注音中的汉字丢失后的残留：“?”代替了丢失的汉字，“{pinyin}”是它的读音，可据此结合上下文找回原字；其后的乱码也属于同一处损坏。',
      en: 'The remains of a 字(pinyin) annotation whose character was lost: “?” stands for it and “{pinyin}” is its reading, which with the context helps recover it; the garbage after it is part of the same damage.',
    },
    explainGarbled: {
      'zh-cn': '“?”或注音符号夹在一串生僻字中间，这样的字串不是正常中文，多为编码转换错位造成。',
      en: 'A “?” or a bopomofo symbol inside a run of rare characters: not Chinese prose, usually a misaligned encoding conversion.',
    },
    explainMarker: {
      'zh-cn': '“锟斤拷”是两个替换字符 U+FFFD 的 UTF-8 字节被当作 GBK 读出的结果；“烫烫烫”“屯屯屯”是未初始化内存（0xCC、0xCD）被当作 GBK 读出的结果。原文已丢失。',
      en: '锟斤拷 is two U+FFFD replacement characters in UTF-8 read as GBK; 烫烫烫 and 屯屯屯 are uninitialised memory (0xCC, 0xCD) read as GBK. The original is lost.',
    },
    explainMojibake: {
      'zh-cn': '把这些字按 {encoding} 编码还原成字节，再按 UTF-8 解码，得到“{decoded}”。',
      en: 'Encoding these characters back to bytes as {encoding} and decoding the bytes as UTF-8 gives “{decoded}”.',
    },
    mojibake: {
      'zh-cn': '乱码：“{text}”像是 UTF-8 文字被当作 GBK 读取，原文可能是“{decoded}”。请对照原件核实后改正',
      en: 'Mojibake: “{text}” looks like UTF-8 text read as GBK; the original was probably “{decoded}”. Check it against the source and correct it',
    },
  },
  check(ctx) {
    const explain = (s: DamageSpan, text: string): string => {
      switch (s.kind) {
        case 'nul':
          return ctx.t('explainNul');
        case 'replacement':
          return ctx.t('explainReplacement');
        case 'question-pinyin':
          return ctx.t('explainQuestionPinyin', { pinyin: /[^?？\uFFFD)）]+/.exec(text)?.[0] ?? '' });
        case 'question-garbled':
          return ctx.t('explainGarbled');
        case 'mojibake-marker':
          return ctx.t('explainMarker');
        default:
          return ctx.t('explainMojibake', { encoding: s.kind === 'utf8-as-gbk' ? 'GBK' : 'Windows-1252', decoded: s.decoded ?? '' });
      }
    };
    for (const s of encodingDamageOf(ctx.analysis)) {
      const text = ctx.doc.text.slice(s.start, s.end);
      ctx.report({
        message: s.decoded
          ? ctx.t(s.kind === 'utf8-as-latin1' ? 'mojibakeLatin1' : 'mojibake', { text, decoded: s.decoded })
          : s.kind === 'nul'
            ? ctx.t('nul', { count: String(s.end - s.start) })
            : ctx.t('damaged', { text }),
        range: { start: s.start, end: s.end },
        explanation: explain(s, text),
        data: { kind: s.kind, ...(s.decoded ? { decoded: s.decoded } : {}) },
      });
    }
  },
};
