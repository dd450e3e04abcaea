/**
 * The text-hygiene and format rules were made faster (issue 7): code-unit tables instead of
 * string lookups, one pass instead of one per punctuation kind, candidate-driven mojibake
 * scans. Their results must not change. These properties compare the new code with reference
 * copies of the previous algorithms on random texts.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import type { DocumentFormat } from '../../server/src/core/document/document';
import { chinesePunctuationOffsets, FULL_WIDTH, HALF_WIDTH, protectedRegions } from '../../server/src/core/document/punctuation';
import { ALL_RULES } from '../../server/src/core/rules';
import { INLINE_DATE_RE, inlineDates } from '../../server/src/core/rules/date-format';
import { findDocumentNumberProblems } from '../../server/src/core/rules/document-number';
import { findEncodingDamage } from '../../server/src/core/rules/encoding-damage';
import { findScriptPairs } from '../../server/src/core/rules/mixed-script';
import { findPinyinResidue } from '../../server/src/core/rules/pinyin-residue';
import { toSimplifiedView } from '../../server/src/core/document/script';
import { CP1252_UTF8_LEAD_CHARS, findUtf8AsGbk, findUtf8AsLatin1, hasToneMark, isCommonHanzi, isPinyinSyllable, PINYIN_LETTER_CLASS } from '../../server/src/core/document/chars';
import type { OffsetRange } from '../../server/src/core/types';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || 20261124, endOnFailure: true };

// Made-up material: marks of both widths, URLs and Markdown syntax, both scripts, mojibake
// (GBK and Windows-1252 readings of UTF-8), pinyin annotations, dates and document numbers.
const PIECES = [
  ...',:;()?!，：；（）？！ \t\n\n\r\u3000\u00a0.1234abcZ%/-_`~[]<>"\'#*@区法治年月日的我们报告區后後發发髮干幹里裡?？\uFFFD锟斤拷烫屯ㄖ〔〕第一二三十〇',
  'https://a.cn/x(1),y', 'www.example.cn/p:q', 'someone@example.cn', '\n```\n', '\n~~~\n', '---\n', '`a,b`', '](u "t,")', '![i](a,b.png)',
  '<https://q.cn/?x=1,2>', '<span a=1>', '\n    缩进,', '[id]: u', '\n# 标题(稿)', '(1)', '(一)', '(草稿)', '((注))', '1,234', '11:18',
  '鎴戜滑', '銆', 'æˆ‘ä»¬', 'ã€‚', '?zhèn)浒?', '?qū)I(yè)', '區(qū)', '發(fā)', '汉(hàn)', '(PPP)', '烫烫烫', '锟斤',
  '國家', '国家', '會議', '会议', '長東', '长东', '車馬', '车马', '經濟', '经济', '們', '们',
  '2024年1月1日', '2024年02月03日', '2月30日', '2024年13月', '12024年13月', '3月十日', '粤府函〔2024〕1号', '文[2024]01号',
  '字(24)第3号', '公告(2024)1号', '令(2024)2号', '\n浏览次数：12\n', '\n来源：本网\n', '\n【字体：大 中 小】\n', '\n打印本页 关闭窗口\n',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((a) => a.join(''));

// ---------------------------------------------------------------- reference: punctuation

const refIsMark = (ch: string) => ch in FULL_WIDTH || ch in HALF_WIDTH;
const refIsAsciiVisible = (ch: string | undefined) => ch !== undefined && ch.charCodeAt(0) > 0x20 && ch.charCodeAt(0) < 0x7f;

function refNeighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let p = i + step; p >= 0 && p < text.length; p += step) {
    const ch = text[p];
    if (ch === '\n' || ch === '\r') return undefined;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u00a0' && ch !== '\u3000' && !refIsMark(ch)) return ch;
  }
  return undefined;
}

function refChinesePunctuationOffsets(text: string, format: DocumentFormat, skip: readonly OffsetRange[]): number[] {
  const regions = [...protectedRegions(text, format), ...skip];
  const inRegion = (i: number) => regions.some((r) => r.start <= i && i < r.end);
  const context = (i: number) => {
    const prev = refNeighbour(text, i, -1);
    const next = refNeighbour(text, i, 1);
    return (prev !== undefined && !refIsAsciiVisible(prev)) || (next !== undefined && !refIsAsciiVisible(next));
  };
  const out: number[] = [];
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      stack.length = 0;
      continue;
    }
    if (!(ch in FULL_WIDTH) || inRegion(i)) continue;
    if (ch === '(') {
      stack.push(i);
      continue;
    }
    if (ch === ')') {
      if (stack.length) pairs.push([stack.pop()!, i]);
      else if (context(i)) out.push(i);
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    const nonMark = (c: string | undefined) => refIsAsciiVisible(c) && !refIsMark(c!);
    if (nonMark(prev) && nonMark(next)) continue;
    if (format === 'markdown' && ch === '!' && next === '[') continue;
    if (context(i)) out.push(i);
  }
  for (const o of stack) if (context(o)) out.push(o);
  for (const [open, close] of pairs) {
    if (context(open) || context(close) || /[^\x00-\x7f]/.test(text.slice(open + 1, close))) out.push(open, close);
  }
  return out.sort((a, b) => a - b);
}

/** What punctuation-width reports, from the reference offsets: [kind index, full, half, offset] per finding. */
function refPunctuationWidth(text: string, format: DocumentFormat): number[][] {
  const kinds = [',，', ':：', ';；', '()（）', '?？', '!！'];
  const regions = protectedRegions(text, format);
  const halfAt = refChinesePunctuationOffsets(text, format, findEncodingDamage(text));
  const out: number[][] = [];
  kinds.forEach((kind, k) => {
    const half = halfAt.filter((i) => kind.includes(text[i]));
    const full: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f && kind.includes(text[i]) && !regions.some((r) => r.start <= i && i < r.end)) full.push(i);
    if (half.length && full.length) out.push([k, full.length, half.length, half.length <= full.length ? half[0] : full[0]]);
  });
  return out;
}

// ---------------------------------------------------------------- reference: mojibake, scripts, regexes

function refDecode(bytes: number[], from: number): { text: string; endByte: number; ideographs: number; common: number } | null {
  let p = from;
  let text = '';
  let ideographs = 0;
  let common = 0;
  while (p + 2 < bytes.length) {
    const [b0, b1, b2] = [bytes[p], bytes[p + 1], bytes[p + 2]];
    if (b0 < 0xe0 || b0 > 0xef || b1 < 0x80 || b1 > 0xbf || b2 < 0x80 || b2 > 0xbf) break;
    const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    const plausible = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027);
    if (cp < 0x800 || !plausible) break;
    const ch = String.fromCharCode(cp);
    text += ch;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      ideographs++;
      if (isCommonHanzi(ch)) common++;
    }
    p += 3;
  }
  return p > from ? { text, endByte: p, ideographs, common } : null;
}

/** The previous run scans: every character's bytes, decoding at every character of a run. */
function refFindMojibake(text: string, bytesOf: (ch: string) => number[] | null): { start: number; end: number; decoded: string }[] {
  const runs: { start: number; end: number; decoded: string }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!bytesOf(text[i])) {
      i++;
      continue;
    }
    let j = i;
    const bytes: number[] = [];
    const charOfByte: number[] = [];
    for (let b = bytesOf(text[j]); j < text.length && b; b = bytesOf(text[++j] ?? '')) for (const x of b) bytes.push(x), charOfByte.push(j - i);
    const width = bytes.length / (j - i);
    let k = 0;
    while (k < j - i) {
      const got = refDecode(bytes, k * width);
      if (got && got.ideographs >= 2 && got.common * 2 >= got.ideographs) {
        const endChar = Math.ceil(got.endByte / width);
        runs.push({ start: i + k, end: i + endChar, decoded: got.text });
        k = endChar;
      } else k++;
    }
    i = j;
  }
  return runs;
}
const gbkBytes = (ch: string) => {
  if (!ch) return null;
  const b = iconv.encode(ch, 'gbk');
  return b.length === 2 && b[0] >= 0x81 ? [b[0], b[1]] : null;
};
const cp1252Bytes = (ch: string) => {
  if (!ch || ch.charCodeAt(0) < 0x80 || ch === '\uFFFD') return null;
  const b = iconv.encode(ch, 'win1252');
  return b.length === 1 && b[0] >= 0x80 ? [b[0]] : null;
};

function refScriptPairs(text: string, view: string, skip: readonly OffsetRange[]): [string, string, number[], number[]][] {
  const valid = new Set([...'干里后于台着著面制系只范谷丑征才斗冲松出余沈几向据并布念板累表困克家伙卷周注准仆游凶岳采舍症蒙胡须郁御折托辟栗秋扣刮咸划卜了历吁夸借占姜朴致尝吊回团志杰云同合升别党坛尸叶苏复钟乾瞭藉覆麽么獲获']);
  const positions = new Map<string, number[]>();
  const toSimplified = new Map<string, string>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) continue;
    if (skip.some((r) => r.start <= i && i < r.end)) continue;
    positions.set(text[i], [...(positions.get(text[i]) ?? []), i]);
    if (view[i] !== text[i]) toSimplified.set(text[i], view[i]);
  }
  const pairs: [string, string, number[], number[]][] = [];
  for (const [t, s] of toSimplified) if (!valid.has(t) && !valid.has(s) && positions.has(s)) pairs.push([t, s, positions.get(t)!, positions.get(s)!]);
  return pairs.sort((a, b) => Math.min(a[2][0], a[3][0]) - Math.min(b[2][0], b[3][0]));
}

const REF_RESIDUE_RE = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[(（]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'g');
const REF_DOC_NUMBER_RE =
  /(?<=[\u4e00-\u9fff])(?<!公告|令)([〔\[【(（［〖｛{])\s*((?:19|20)\d{2}|\d{2})\s*([〕\]】)）］〗｝}])\s*(第\s*)?(\d{1,5})\s*号(?![楼院室线段车])/g;

/** The previous findDocumentNumberProblems (lookbehinds in the pattern). */
function refDocumentNumberProblems(text: string): unknown[] {
  const openFor: Record<string, string> = { '〕': '〔', ']': '[', '】': '【', ')': '(', '）': '（', '］': '［', '〗': '〖', '｝': '｛', '}': '{' };
  const out: unknown[] = [];
  for (const m of text.matchAll(REF_DOC_NUMBER_RE)) {
    const [whole, open, yearText, close, di, serialText] = m;
    if (openFor[close] !== open) continue;
    const problems: string[] = [];
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
    if (yearText.length === 2 && open !== '〔' && !di) continue;
    out.push({ start: m.index, end: m.index + whole.length, found: whole, expected: `〔${year}〕${serial}号`, problems });
  }
  return out;
}

// ---------------------------------------------------------------- properties

describe('hygiene rules: same results as the previous algorithms', () => {
  it('chinesePunctuationOffsets equals the reference (plain text and Markdown, with skipped spans)', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom<DocumentFormat>('text', 'markdown'), (text, format) => {
        const skip = findEncodingDamage(text);
        assert.deepEqual(chinesePunctuationOffsets(text, format, skip), refChinesePunctuationOffsets(text, format, skip));
      }),
      params,
    );
  });

  it('punctuation-width reports the reference counts at the reference offsets', () => {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'punctuation-width');
    const kinds = ['comma', 'colon', 'semicolon', 'parentheses', 'question', 'exclamation'];
    fc.assert(
      fc.property(textArb, fc.constantFrom('file:///r.txt', 'file:///r.md'), (text, uri) => {
        const a = Analysis.fromText(text, { uri });
        const got = checkDocument(a, { rules: rule, forceReport: true }).map((f) => {
          const d = f.data as { kind: string; full: number; half: number };
          return [kinds.indexOf(d.kind), d.full, d.half, a.doc.offsetAt(f.range.start)];
        });
        assert.deepEqual(got.sort((x, y) => x[0] - y[0]), refPunctuationWidth(text, a.doc.format));
      }),
      params,
    );
  });

  it('punctuation-width on texts with few or no half-width marks (the shortcut for texts without one) reports the reference', () => {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'punctuation-width');
    const kinds = ['comma', 'colon', 'semicolon', 'parentheses', 'question', 'exclamation'];
    // The pieces without an ASCII mark, and at most two ASCII marks put anywhere.
    const wide = PIECES.filter((p) => !/[,:;()?!]/.test(p));
    const arb = fc.tuple(
      fc.array(fc.constantFrom(...wide), { maxLength: 40 }).map((a) => a.join('')),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...',:;()?!')), { maxLength: 2 }),
    ).map(([text, inserts]) => inserts.reduce((t, [at, ch]) => t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)), text));
    fc.assert(
      fc.property(arb, fc.constantFrom('file:///r.txt', 'file:///r.md'), (text, uri) => {
        const a = Analysis.fromText(text, { uri });
        const got = checkDocument(a, { rules: rule, forceReport: true }).map((f) => {
          const d = f.data as { kind: string; full: number; half: number };
          return [kinds.indexOf(d.kind), d.full, d.half, a.doc.offsetAt(f.range.start)];
        });
        assert.deepEqual(got.sort((x, y) => x[0] - y[0]), refPunctuationWidth(text, a.doc.format));
      }),
      params,
    );
  });

  it('the UTF-8-as-GBK and UTF-8-as-Windows-1252 finders equal the reference scans', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        assert.deepEqual(findUtf8AsGbk(text), refFindMojibake(text, gbkBytes));
        assert.deepEqual(findUtf8AsLatin1(text), refFindMojibake(text, cp1252Bytes));
      }),
      params,
    );
  });

  it('the Latin-1 finder starts at the first à–ï: no other code unit is a Windows-1252 byte 0xE0–0xEF', () => {
    for (let u = 0x80; u < 0x10000; u++) {
      if (u >= 0xd800 && u < 0xe000) continue;
      const bytes = iconv.encode(String.fromCharCode(u), 'win1252');
      const lead = bytes.length === 1 && bytes[0] >= 0xe0 && bytes[0] <= 0xef;
      assert.equal(lead, CP1252_UTF8_LEAD_CHARS.test(String.fromCharCode(u)), `U+${u.toString(16)}`);
    }
  });

  it('mixed-script reports exactly when the text has script pairs (also when only characters correct in both scripts changed)', () => {
    const rule = ALL_RULES.filter((r) => r.meta.id === 'mixed-script');
    const pieces = [...'著着乾幹干後后髮发國国里裡隻只显成绩的。，\n', '显著', '显着', '國家', '国家', '鎴戜滑', '?zhèn)'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const a = Analysis.fromText(text);
        const pairs = findScriptPairs(text, a.doc.simplified, findEncodingDamage(text));
        const findings = checkDocument(a, { rules: rule, forceReport: true });
        assert.equal(findings.length > 0, pairs.length > 0);
      }),
      params,
    );
  });

  it('findScriptPairs equals the reference', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const skip = findEncodingDamage(text);
        const view = toSimplifiedView(text);
        const got = findScriptPairs(text, view.simplified, skip).map((p) => [p.traditional, p.simplified, p.traditionalAt, p.simplifiedAt]);
        const ref = refScriptPairs(text, view.simplified, skip);
        assert.deepEqual(got, ref);
        // From the view's changed offsets (what the rule uses): the same pairs.
        assert.ok(view.changedAt);
        const fromChanged = findScriptPairs(text, view.simplified, skip, view.changedAt).map((p) => [p.traditional, p.simplified, p.traditionalAt, p.simplifiedAt]);
        assert.deepEqual(fromChanged, ref);
      }),
      params,
    );
  });

  it('pinyin residue and document numbers: conditions on the preceding character equal the lookbehinds', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const residue = [...text.matchAll(REF_RESIDUE_RE)]
          .filter((m) => hasToneMark(m[1]) && isPinyinSyllable(m[1]))
          .map((m) => ({ start: m.index, end: m.index + m[0].length }));
        assert.deepEqual(findPinyinResidue(text), residue);
        assert.deepEqual(findDocumentNumberProblems(text), refDocumentNumberProblems(text));
      }),
      params,
    );
  });

  it('inlineDates yields the matches of the global inline-date pattern', () => {
    const dateArb = fc
      .array(
        fc.constantFrom(
          ...'月年日号0123456789 一二十〇.-~至到—–〕第\n\u3000'.split(''),
          '2024 年', '12 月', ' 月 ', '3 日', '月3号', '二〇二四年', '十一月三十日', '2023年2月29日', '1.5月', '5-6月7日', '至3月1日',
        ),
        { maxLength: 40 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(dateArb, (text) => {
        const got = [...inlineDates(text)].map((m) => [m.index, ...m]);
        const ref = [...text.matchAll(INLINE_DATE_RE)].map((m) => [m.index, ...m]);
        assert.deepEqual(got, ref);
      }),
      params,
    );
  });
});
