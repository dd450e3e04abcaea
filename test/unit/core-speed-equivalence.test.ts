/**
 * Issue 18 made the core outside the figures model faster: the enumeration regex no longer
 * starts with a lookbehind, numeric cells and web-boilerplate lines are rejected before their
 * text is rewritten, profile detection decides its cheap conditions first and lines are split
 * by indexOf. Their results must not change: these properties compare them with reference
 * copies of the previous code on random texts made of the pieces these paths care about.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Analysis } from '../../server/src/core/analysis';
import { format } from '../../server/src/core/l10n';
import { checkDocument } from '../../server/src/core/check';
import { requestInReport } from '../../server/src/core/rules/request-in-report';
import { chinesePunctuationOffsets, FULL_WIDTH, protectedRegions } from '../../server/src/core/document/punctuation';
import { cellValue } from '../../server/src/core/document/blocks/tables';
import { splitLines } from '../../server/src/core/document/document';
import { simplify, toSimplifiedView } from '../../server/src/core/document/script';
import { enumerationMarkers } from '../../server/src/core/outline/outline';
import { leadingSpace, type Heading } from '../../server/src/core/outline/headings';
import { acceptDigitCandidates } from '../../server/src/core/outline/non-headings';
import { detectProfile } from '../../server/src/core/profiles/detect';
import { countAll, containsAny, findAny, PhraseLists } from '../../server/src/core/profiles/phrases';
import { locateParts } from '../../server/src/core/profiles/locate';
import { allProfiles } from '../../server/src/core/profiles/registry';
import type { Profile } from '../../server/src/core/profiles/types';
import { boilerplateKind, PATTERNS } from '../../server/src/core/rules/web-boilerplate';
import { findEncodingDamage } from '../../server/src/core/rules/encoding-damage';
import {
  encodingCandidates,
  cp1252Byte,
  gbkCodeUnit,
  gbkUtf8StartUnits,
  firstNonSpaceIndex,
  isJsSpaceCode,
  PUNCTUATION_SCAN_UNITS,
  textCensus,
  trimmedEndLength,
  findUtf8AsGbk,
  findUtf8AsLatin1,
  hasToneMark,
  isCommonHanzi,
  isIdeograph,
  isPinyinSyllable,
  isStrayCjkCode,
  isStrayCjkSymbol,
  PINYIN_LETTER_CLASS,
} from '../../server/src/core/document/chars';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || 20261201, endOnFailure: true };

const piecesArb = (pieces: readonly string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));

// ---------------------------------------------------------------- enumerations

const REF_RE_ENUM = new RegExp(
  '(?:^|(?<=[。；;，,：:、！？!?\\s)）”"’]))' +
    '(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})(?=[,，、:：])|(首先|其次|再次|最后)(?=[,，、:：]))',
  'g',
);

const ENUM_PIECES = [...'一二三四五六七八九十是第首先其次再最后，,、:：。；!？ \n)）”"’做好工作推进', '十一是', '二十三是', '第十二，', '首先，', '其次：', '最后,'];

// ---------------------------------------------------------------- encoding damage (the previous scans)

function refEncodingDamage(text: string): { start: number; end: number; kind: string; decoded?: string }[] {
  const QUESTION = '?？';
  const QUESTION_PINYIN_RE = new RegExp(`[?？\\uFFFD]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'g');
  const GLUED_TAIL_RE = new RegExp(`^[A-Za-z]*(?:[(（][${PINYIN_LETTER_CLASS}]{1,7}[)）])?`);
  const MARKER_RE = /(?:锟斤拷)+|锟斤|斤拷|烫{3,}|屯{3,}/g;
  const STOP_RE = /[\s。，,；;：:、！!“”"‘’《》()（）【】]/;
  const spans: { start: number; end: number; kind: string; decoded?: string }[] = [];
  for (const m of text.matchAll(/\0+/g)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'nul' });
  for (const m of text.matchAll(/\uFFFD+/g)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'replacement' });
  for (const m of text.matchAll(MARKER_RE)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'mojibake-marker' });
  // Whole-text scans (no candidates): the finders' own test compares them with byte-level references.
  for (const r of findUtf8AsGbk(text)) spans.push({ start: r.start, end: r.end, kind: 'utf8-as-gbk', decoded: r.decoded });
  for (const r of findUtf8AsLatin1(text)) spans.push({ start: r.start, end: r.end, kind: 'utf8-as-latin1', decoded: r.decoded });
  for (const m of text.matchAll(QUESTION_PINYIN_RE)) {
    if (!isPinyinSyllable(m[1]) || !hasToneMark(m[1])) continue;
    const start = m.index;
    let end = start + m[0].length;
    end += GLUED_TAIL_RE.exec(text.slice(end))![0].length;
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
  for (let i = 0; i < text.length; i++) {
    const isQuestion = QUESTION.includes(text[i]);
    if (!isQuestion && !isStrayCjkCode(text.charCodeAt(i))) continue;
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
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof spans = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp.start <= last.end) {
      if (sp.end > last.end) last.end = sp.end;
      continue;
    }
    merged.push({ ...sp });
  }
  return merged;
}

const DAMAGE_PIECES = [
  ...'的是了区法治年月日报告?？\uFFFD\u0000ㄖ〔〕┐\ue001 ,.()（）aZ锟斤拷烫屯äàéï',
  '鎴戜滑', '銆', 'æˆ‘ä»¬', 'ã€‚', '?zhèn)浒?', '?qū)I(yè)', '區(qū)', '锟斤拷锟斤拷', '烫烫烫', '屯屯屯屯', '\uFFFD\uFFFD', '濞戞', '缂傚倸',
];

describe('issue 18: faster paths give the previous results', () => {
  it('findEncodingDamage (one census pass, candidates only) equals the whole-text scans', () => {
    fc.assert(
      fc.property(piecesArb(DAMAGE_PIECES, 40), (text) => assert.deepEqual(findEncodingDamage(text), refEncodingDamage(text))),
      params,
    );
  });

  it('the census pass gives the script view and the encoding candidates of their own passes', () => {
    const pieces = [...DAMAGE_PIECES, ...'關於報告著么乾abc，。\n\uf900\u3400'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), (text) => {
        const census = textCensus(text);
        assert.deepEqual(census.view, toSimplifiedView(text));
        assert.deepEqual(census.candidates, encodingCandidates(text));
        // A document reads both from it, and the rule's spans are the whole-text scans'.
        const a = Analysis.fromText(text);
        assert.deepEqual(a.doc.encodingCandidates, encodingCandidates(text));
        assert.deepEqual(findEncodingDamage(text, a.doc.encodingCandidates), refEncodingDamage(text));
      }),
      params,
    );
  });

  it('the GBK units that can open a UTF-8 sequence, decoded from their bytes, are those iconv-lite encodes so', () => {
    const decoded = new Set(gbkUtf8StartUnits());
    const encoded = new Set<string>();
    for (let u = 0; u < 0x10000; u++) {
      const g = gbkCodeUnit(u);
      if (g >= 0 && g >> 8 >= 0xe0 && g >> 8 <= 0xef && (g & 0xff) >= 0x80 && (g & 0xff) <= 0xbf) encoded.add(String.fromCharCode(u));
    }
    assert.equal(encoded.size, 1024);
    assert.deepEqual([...decoded].sort(), [...encoded].sort());
  });

  it('gbkCodeUnit (Node\'s GBK decoder, iconv-lite for the rest) equals iconv-lite\'s GBK encoding for every code unit', () => {
    for (let u = 0; u < 0x10000; u++) {
      const buf = iconv.encode(String.fromCharCode(u), 'gbk');
      const ref = buf.length === 2 && buf[0] >= 0x81 ? (buf[0] << 8) | buf[1] : -1;
      if (gbkCodeUnit(u) !== ref) assert.fail(`U+${u.toString(16)}: ${gbkCodeUnit(u).toString(16)}, iconv-lite ${ref.toString(16)}`);
    }
  });

  it('cp1252Byte equals iconv-lite\'s Windows-1252 encoding for every code unit from 0x80', () => {
    for (let u = 0; u < 0x10000; u++) {
      const buf = iconv.encode(String.fromCharCode(u), 'win1252');
      const ref = u >= 0x80 && u !== 0xfffd && buf.length === 1 && buf[0] >= 0x80 ? buf[0] : -1;
      if (cp1252Byte(u) !== ref) assert.fail(`U+${u.toString(16)}: ${cp1252Byte(u)}, iconv-lite ${ref}`);
    }
  });

  it('enumeration markers equal the lookbehind regex', () => {
    fc.assert(
      fc.property(piecesArb(ENUM_PIECES), (text) => {
        const ref = [...text.matchAll(REF_RE_ENUM)].map((m) => [m.index, m[0], m[1], m[2], m[3]]);
        assert.deepEqual(enumerationMarkers(text).map((m) => [m.index, m[0], m[1], m[2], m[3]]), ref);
      }),
      params,
    );
  });

  it('cellValue equals the conversion of the whole text', () => {
    const REF_NUMBER_RE = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(%|％)?$/;
    const ref = (text: string) => {
      const t = text.trim().replace(/[０-９．，％－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      const m = REF_NUMBER_RE.exec(t);
      if (!m) return null;
      const v = Number(t.replace(/[,%]/g, '').replace('−', '-'));
      return Number.isFinite(v) ? { value: v, percent: !!m[1] } : null;
    };
    const pieces = [...'0123456789０１２３４５６７８９,，.．%％-－+＋− \u3000a万亿元', '1,234', '１，２３４', '12.5%'];
    fc.assert(
      fc.property(piecesArb(pieces, 12), (text) => assert.deepEqual(cellValue(text), ref(text))),
      params,
    );
  });

  it('boilerplateKind equals testing every pattern on the collapsed line', () => {
    const REF_COMBINED = /(浏览次数|阅读次数|来源[:：|｜]|发布时间|字体[:：]?\s*[大中小【]|打印本页|关闭窗口|分享到|责任编辑)/g;
    const ref = (line: string) => {
      const t = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (!t || t.length > 80) return null;
      for (const p of PATTERNS) if (p.re.test(t)) return p.id;
      const tokens = t.match(REF_COMBINED);
      return tokens && new Set(tokens).size >= 2 && !/。$/.test(t) ? 'combined' : null;
    };
    // Furniture lines, their pieces, spaces of every kind and prose: long and short lines.
    const pieces = [
      ' ', '\u3000', '\t', '\u00a0', '\ufeff', '    ', '浏览次数：12', '阅读量：3', '来源：本网', '来源 | 新华社', '作者：张三', '责任编辑：李四', '打印本页', '关闭窗口',
      '【字体：大 中 小】', '[字号 大 中 小]', '字体：大', '分享到', '扫一扫', '发布时间：2024-01-02', '2024-01-02 10:30', '首页 > 政务公开', '当前位置：首页>新闻',
      '上一篇：关于', '政府工作报告', '推进法治政府建设', '。', '，', '【', '】', '>', '1', '20',
    ];
    fc.assert(
      fc.property(piecesArb(pieces, 30), (line) => assert.equal(boilerplateKind(line), ref(line))),
      params,
    );
  });

  it('the script view equals simplifying character by character', () => {
    const pieces = [...'關於報告區区后後發发著着么麼乾干里裡abc 1,。\n\uf900\u4dc0\u3400\ud840\udc00'];
    fc.assert(
      fc.property(piecesArb(pieces, 60), (text) => {
        const view = toSimplifiedView(text);
        const units = [...Array(text.length).keys()].map((i) => simplify(text[i]));
        assert.equal(view.simplified, units.join(''));
        const changed = units.map((u, i) => (u !== text[i] ? i : -1)).filter((i) => i >= 0);
        assert.deepEqual(view.changedAt, changed);
        assert.equal(view.traditionalCount, changed.length);
        const cjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
        assert.equal(view.cjkCount, [...Array(text.length).keys()].filter((i) => cjk(text.charCodeAt(i))).length);
      }),
      params,
    );
  });

  it('phrase lists scanned together give what each list gives alone', () => {
    const CH = fc.constantFrom('甲', '乙', '丙', '的', '。', '\n', '，', 'a');
    const text = fc.array(CH, { maxLength: 120 }).map((a) => a.join(''));
    const piece = fc.array(fc.constantFrom('甲', '乙', '丙', '的', 'a'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    const phrase = fc.array(piece, { minLength: 1, maxLength: 3 }).map((a) => a.join('…'));
    const list = fc.option(fc.array(phrase, { maxLength: 5 }), { nil: undefined });
    fc.assert(
      fc.property(text, fc.array(list, { minLength: 1, maxLength: 5 }), (t, lists) => {
        const scan = new PhraseLists(lists).scan(t);
        lists.forEach((l, i) => {
          assert.deepEqual(scan.findAny(i), findAny(t, l));
          assert.equal(scan.containsAny(i), containsAny(t, l));
          assert.equal(scan.countAll(i, 7), countAll(t, l ?? [], 7));
          assert.equal(scan.countAll(i), countAll(t, l ?? []));
        });
      }),
      params,
    );
  });

  it('space counting equals the regexes and trims it replaces', () => {
    const spaces = [...' \t\n\r\u000b\u000c\u00a0\u1680\u2000\u200a\u200b\u200f\u2028\u2029\u202a\u202e\u202f\u205f\u2060\u2066\u2069\u3000\ufeff\u0085\u180e'];
    const LEADING_SPACE = /^[ \t\u3000\u00a0\ufeff\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]*/;
    fc.assert(
      fc.property(piecesArb([...spaces, '附', '（', '(', '区', 'a'], 12), (t) => {
        assert.equal(leadingSpace(t), LEADING_SPACE.exec(t)![0].length);
        assert.equal(firstNonSpaceIndex(t), t.length - t.trimStart().length);
        assert.equal(trimmedEndLength(t), t.trimEnd().length);
      }),
      params,
    );
  });

  it('format (placeholders found by indexOf) equals the regex replacement', () => {
    const ref = (template: string, args: Record<string, string | number>) =>
      template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
    const argsArb = fc.dictionary(fc.constantFrom('a', 'b', 'name', 'x1', '_'), fc.oneof(fc.constantFrom('$&', '$1', '{a}', '值', ''), fc.integer()));
    fc.assert(
      fc.property(piecesArb(['{', '}', 'a', 'b', 'name', 'x1', '_', ' ', '-', '名', '{a}', '{b}', '{name}', '{constructor}', '$&'], 30), argsArb, (template, args) => {
        assert.equal(format(template, args), ref(template, args));
        assert.equal(format(template), ref(template, {}));
      }),
      params,
    );
  });

  it('releaseMemos lets a copied simplified view go and rebuilds it identical', () => {
    const text = '顯著成績。\n显著的进步，什么都有。\n';
    const a = Analysis.fromText(text);
    const before = { ...a.doc.script };
    assert.notEqual(before.simplified, text); // 顯 is traditional: the view is a copy
    a.releaseMemos();
    assert.deepEqual({ ...a.doc.script }, before);
    // An all-simplified text shares its string with the view, which is kept.
    const b = Analysis.fromText('进步很大。');
    const view = b.doc.script;
    b.releaseMemos();
    assert.equal(b.doc.script, view);
  });

  it('URL and e-mail regions (alternatives chosen by includes) equal the combined regex', () => {
    const URL_RE = /\b(?:(?:https?|ftp|file):\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
    const urlEnd = (url: string) => {
      let end = url.length;
      const opens = [...url].filter((c) => c === '(').length;
      let closes = [...url].filter((c) => c === ')').length;
      while (end > 0) {
        const c = url[end - 1];
        if (/[.,;:!?'"\]>]/.test(c)) end--;
        else if (c === ')' && opens < closes) {
          end--;
          closes--;
        } else break;
      }
      return end;
    };
    const ref = (text: string) => [...text.matchAll(URL_RE)].map((m) => ({ start: m.index!, end: m.index! + urlEnd(m[0]) }));
    const pieces = ['http', 's', '://', 'www', '.', 'a', 'b1', '@', 'gov', '.cn', '(', ')', ',', '/', ' ', '网址', 'ftp', 'file', 'x.y', '-', '+', '_'];
    fc.assert(
      fc.property(piecesArb(pieces, 30), (text) => {
        assert.deepEqual(protectedRegions(text, 'text'), ref(text));
      }),
      params,
    );
  });

  it('the punctuation scan over the census marks equals the scan of every code unit', () => {
    // The census stops at line breaks and at every mark of either width.
    assert.deepEqual([...PUNCTUATION_SCAN_UNITS].sort(), ['\n', '\r', ...Object.keys(FULL_WIDTH), ...Object.values(FULL_WIDTH)].sort());
    const kinds = new Uint8Array(0x10000);
    [...'，：；（）？！'].forEach((c, k) => (kinds[c.charCodeAt(0)] = k + 1));
    const pieces = [...',:;()?!，：；（）？！.。、 \n\r', '\r\n', '关于', 'ab', '12', '(一)', '（1）', 'http://x.cn/a(b)', '`c,d`', '](u,v)', '锟斤拷', '鎴戜滑'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), fc.constantFrom<'text' | 'markdown'>('text', 'markdown'), (text, format) => {
        const a = Analysis.fromText(text, { format });
        const marks = a.doc.takePunctuationMarks()!;
        assert.equal(a.doc.takePunctuationMarks(), null); // handed over once
        const skip = findEncodingDamage(text);
        const run = (at?: readonly number[]) => {
          const seen: number[] = [];
          const offsets = chinesePunctuationOffsets(text, format, skip, protectedRegions(text, format), { kinds, min: 0xff01, at: (i, k) => seen.push(i, k) }, at);
          return { offsets, seen };
        };
        assert.deepEqual(run(marks), run());
        assert.deepEqual(chinesePunctuationOffsets(text, format, skip, undefined, undefined, marks), chinesePunctuationOffsets(text, format, skip));
        // A counter of other units than the marks: the marks are not enough, every unit is scanned.
        const other = new Uint8Array(0x10000);
        other['关'.charCodeAt(0)] = 1;
        const seen: number[] = [];
        chinesePunctuationOffsets(text, format, skip, undefined, { kinds: other, min: 0x80, at: (i) => seen.push(i) }, marks);
        assert.deepEqual(seen, [...text].flatMap((c, i) => (c === '关' ? [i] : [])));
      }),
      params,
    );
  });

  it('request-in-report (skipped when no 请…批 core occurs) finds what the whole regex finds', () => {
    const REF =
      /(?:(?:妥否|当否|可否|是否妥当|是否可行)\s*[,，]?\s*)?(?<![申报提呈转])(?:恳?请(?:予以?)?(?:批示|批复|审批|批准|核准|审定|指示))(?=\s*(?:[。！!，,；;]|$|后?执行|后?实施|为盼|为荷))/gm;
    const pieces = ['妥否', '，', ',', ' ', '恳', '请', '予', '以', '批示', '批复', '审批', '批准', '审定', '指示', '申', '报', '。', '\n', '执行', '为盼', '工作', '请示'];
    fc.assert(
      fc.property(piecesArb(pieces, 25), (body) => {
        const text = `工作报告\n${body}`;
        const found = checkDocument(Analysis.fromText(text), { rules: [requestInReport], forceReport: true }).map((f) => f.range);
        const a = Analysis.fromText(text);
        const ref = [...text.matchAll(REF)].map((m) => a.doc.rangeOf(m.index!, m.index! + m[0].length));
        assert.deepEqual(found, ref);
      }),
      params,
    );
  });

  it('isJsSpaceCode (ideographs tested first) is \\s on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('markers followed by digits are accepted as by re-sorting the headings for each candidate', () => {
    // The previous step 2 of refineHeadings, as it was.
    const nearest = (sorted: Heading[], h: Heading, dir: -1 | 1): Heading | null => {
      let i = sorted.indexOf(h);
      if (i < 0) {
        i = sorted.findIndex((x) => x.line > h.line);
        if (i < 0) i = sorted.length;
        if (dir === 1) i -= 1;
      }
      for (let k = i + dir; k >= 0 && k < sorted.length; k += dir) {
        const x = sorted[k];
        if (x.line === h.line) continue;
        if ((x.appendix ?? 0) !== (h.appendix ?? 0)) return null;
        if (x.rank < h.rank) return null;
        if (x.rank === h.rank) return x;
      }
      return null;
    };
    const ref = (headings: Heading[], candidates: Heading[]) => {
      const accepted: Heading[] = [];
      for (const c of candidates) {
        const all = [...headings, ...accepted].sort((a, b) => a.line - b.line);
        const prev = nearest(all, c, -1);
        if (!prev || prev.style !== 'arabic-dot' || prev.number !== (c.number ?? 0) - 1) continue;
        const pool = [...all, ...candidates.filter((x) => x !== c)].sort((a, b) => a.line - b.line);
        const next = nearest(pool, c, 1);
        if (!next || next.style !== 'arabic-dot' || next.number !== (c.number ?? 0) + 1) continue;
        accepted.push(c);
      }
      return accepted.length ? [...headings, ...accepted].sort((a, b) => a.line - b.line) : headings;
    };
    // Lines of headings (arabic-dot numbers at rank 3, other ranks around) and candidates.
    const item = fc.record({
      kind: fc.constantFrom('heading', 'heading', 'candidate', 'candidate', 'none'),
      style: fc.constantFrom('arabic-dot', 'arabic-dot', 'arabic-dot', 'arabic-dot', 'cn-dun', 'cn-paren'),
      // Mostly the running number of the arabic-dot lines (so candidates often continue it), sometimes off by one.
      skew: fc.constantFrom(0, 0, 0, 0, 1, -1),
      appendix: fc.constantFrom(undefined, undefined, undefined, undefined, undefined, 1),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const headings: Heading[] = [];
        const candidates: Heading[] = [];
        let running = 0;
        items.forEach((it, line) => {
          if (it.kind === 'none') return;
          const style = it.kind === 'candidate' ? 'arabic-dot' : it.style;
          const rank = style === 'cn-dun' ? 1 : style === 'cn-paren' ? 2 : 3;
          if (style === 'cn-dun') running = 0;
          const number = style === 'arabic-dot' ? ++running + it.skew : 1;
          const h = { line, rank, style, number, appendix: it.appendix } as unknown as Heading;
          (it.kind === 'candidate' ? candidates : headings).push(h);
        });
        assert.deepEqual(acceptDigitCandidates(headings, candidates).map((h) => h.line), ref(headings, candidates).map((h) => h.line));
      }),
      { ...params, numRuns: RUNS * 4 },
    );
  });

  it('splitLines equals a split on LF, CRLF and lone CR', () => {
    const pieces = ['a', '区', '\n', '\r', '\r\n', '\n\n', ' '];
    fc.assert(
      fc.property(piecesArb(pieces), (text) => {
        const parts = text.split(/\r\n|\r|\n/);
        const lines = splitLines(text);
        assert.deepEqual(lines.map((l) => l.text), parts);
        for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
      }),
      params,
    );
  });

  it('profile detection equals scoring every condition (the previous order)', () => {
    const refScore = (analysis: Analysis, profile: Profile) => {
      const { doc, outline } = analysis;
      const title = outline.title ? doc.simplified.slice(outline.title.range.start, outline.title.range.end) : '';
      const titleHit = !!title && containsAny(title, profile.detect.titlePhrases);
      const keywords = countAll(doc.simplified, profile.detect.keywords, 1000);
      const parts = locateParts(analysis, profile).parts.filter(
        (p) => p.part.required && p.location && ['heading', 'merged', 'paragraph', 'opening'].includes(p.location.kind),
      ).length;
      const tableCells = profile.detect.tablePhrases?.length ? countAll(doc.simplified, profile.detect.tablePhrases, 100) : 0;
      const openingHit = !titleHit && !!profile.detect.openingPhrases?.length && containsAny(doc.simplified.slice(0, 300), profile.detect.openingPhrases);
      const webPage = outline.reportCues.includes('web-page');
      const structure = parts >= profile.detect.minParts || (tableCells >= 2 && parts >= 1) || (openingHit && parts >= 1);
      if (!(titleHit || (!webPage && keywords >= profile.detect.minKeywordCount && structure))) return null;
      return (titleHit ? 100 : 0) + (openingHit ? 50 : 0) + parts * 10 + Math.min(tableCells, 5) * 2 + Math.min(keywords, 9);
    };
    // Titles, headings and keywords of both built-in profiles, web furniture, plain prose.
    const words = allProfiles().flatMap((p) => [...p.detect.titlePhrases, ...p.detect.keywords.slice(0, 6), ...p.parts.flatMap((part) => part.headingPhrases.slice(0, 1))]);
    const pieces = [...words.map((w) => w.replace(/…/g, '')), '\n', '\n一、', '\n二、', '\n三、', '\n（一）', '报告\n', '。', '浏览次数：3\n', '2024年', '，'];
    // Documents with numbered headings naming parts and keyword sentences, under a plain first line
    // (detection by keywords and structure, without a title).
    const headings = allProfiles().flatMap((p) => p.parts.flatMap((part) => part.headingPhrases.slice(0, 2))).map((w) => w.replace(/…/g, ''));
    const keywords = allProfiles().flatMap((p) => p.detect.keywords).map((w) => w.replace(/…/g, ''));
    const section = fc
      .tuple(fc.constantFrom('一、', '二、', '三、', '四、', '五、', '（一）'), fc.constantFrom(...headings), fc.array(fc.constantFrom(...keywords, '。', '，'), { maxLength: 8 }))
      .map(([marker, heading, body]) => `${marker}${heading}\n${body.join('')}。\n`);
    const structured = fc
      .tuple(fc.constantFrom('工作情况\n', '浏览次数：3\n', ''), fc.array(section, { maxLength: 8 }))
      .map(([first, sections]) => first + sections.join(''));
    fc.assert(
      fc.property(fc.oneof(piecesArb(pieces, 30), structured), (text) => {
        const a = Analysis.fromText(text);
        const got = detectProfile(a);
        const ref = allProfiles()
          .map((p) => [p, refScore(a, p)] as const)
          .reduce<[Profile, number] | null>((best, [p, s]) => (s !== null && (!best || s > best[1]) ? [p, s] : best), null);
        assert.equal(got?.profile.id ?? null, ref?.[0].id ?? null);
        assert.equal(got?.score ?? null, ref?.[1] ?? null);
      }),
      { ...params, numRuns: Math.min(RUNS, 150) },
    );
  });
});
