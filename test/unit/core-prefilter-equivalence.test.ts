/**
 * Issue 18, second pass over the core outside the figures model: regexes tried only where a
 * match can start (found with indexOf), lines rejected on code units before they are sliced and
 * matched, a run numbered as expected recognised before the fewest-slips search, phrase lists
 * answered without building matches. Their results must not change: these properties compare
 * them with reference copies of the previous code on random texts made of the pieces these paths
 * care about.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import { matchesAtOffsets, matchesStartingWith, matchesSomewhere } from '../../server/src/core/document/scan';
import { findCitations, type Citation } from '../../server/src/core/document/citations';
import { findDocumentNumberProblems } from '../../server/src/core/rules/document-number';
import { isAsciiDigits, yearMonths, zeroPadded } from '../../server/src/core/rules/date-format';
import { findPinyinResidue } from '../../server/src/core/rules/pinyin-residue';
import { boilerplateKind, PATTERNS, webBoilerplate } from '../../server/src/core/rules/web-boilerplate';
import { enumerationCues, enumerationCuesAt, enumerationMarkers, type Enumeration } from '../../server/src/core/outline/outline';
import { MARKER_PATTERNS, matchMarker, mayBeHeading, recognizeHeading, splitTitle } from '../../server/src/core/outline/headings';
import { explainNumbers, type NumberSlip } from '../../server/src/core/outline/sequences';
import { findToc, mayBeNoteHeader } from '../../server/src/core/document/blocks/lists';
import { containsAny, findAny, PhraseLists } from '../../server/src/core/profiles/phrases';
import { parseChineseNumeral } from '../../server/src/core/document/chinese-numerals';
import { BRACKET_SCAN_UNITS, ENUMERATION_CUE_UNITS, hasToneMark, isPinyinSyllable, PINYIN_LETTER_CLASS, textCensus } from '../../server/src/core/document/chars';
import type { Rule } from '../../server/src/core/rules/types';
import { cellValue, findTables, firstPipeOffset, mayStartNumericText } from '../../server/src/core/document/blocks/tables';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || 20261202, endOnFailure: true };

const piecesArb = (pieces: readonly string[], maxLength = 40) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));
const linesArb = (pieces: readonly string[], maxLines = 12, maxLength = 12) => fc.array(piecesArb(pieces, maxLength), { maxLength: maxLines }).map((a) => a.join('\n'));

const execs = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);

describe('issue 18: prefilters and anchored searches give the previous results', () => {
  it('matchesStartingWith equals a global search', () => {
    const sources = [`[(（]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, '《([^《》\\n]{2,120})》', '[ab]a*', 'a(?=b)|b+'];
    const pieces = [...'()（）《》abāǎ区\n 。', 'qū', '《纲要》', '(ā)'];
    fc.assert(
      fc.property(piecesArb(pieces, 30), fc.constantFrom(0, 1, 2, 3), (text, k) => {
        const firsts = ['(（', '《', 'ab', 'ab'][k];
        const global = new RegExp(sources[k], 'g');
        assert.deepEqual(execs(matchesStartingWith(text, firsts, new RegExp(sources[k], 'y'))), execs(text.matchAll(global)));
        // Every match of the 《 pattern starts with 《: a test anywhere is the same question.
        if (k === 1) assert.equal(matchesSomewhere(text, '《', new RegExp(sources[k], 'y')), new RegExp(sources[k]).test(text));
      }),
      params,
    );
  });

  it('document numbers found from each 号 equal the global search', () => {
    const DOC_NUMBER_RE = /([〔\[【(（［〖｛{])\s*((?:19|20)\d{2}|\d{2})\s*([〕\]】)）］〗｝}])\s*(第\s*)?(\d{1,5})\s*号(?![楼院室线段车])/g;
    const OPEN_FOR: Record<string, string> = { '〕': '〔', ']': '[', '】': '【', ')': '(', '）': '（', '］': '［', '〗': '〖', '｝': '｛', '}': '{' };
    const ref = (text: string) => {
      const out: { start: number; end: number; found: string; expected: string; problems: string[] }[] = [];
      for (const m of text.matchAll(DOC_NUMBER_RE)) {
        const before = text.charCodeAt(m.index - 1);
        if (!(before >= 0x4e00 && before <= 0x9fff)) continue;
        if (before === 0x4ee4 || (before === 0x544a && text.charCodeAt(m.index - 2) === 0x516c)) continue;
        const [whole, open, yearText, close, di, serialText] = m;
        if (OPEN_FOR[close] !== open) continue;
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
    };
    const pieces = [
      ...'〔〕[]【】()（）第号楼 \n公告令字发', '2019', '2021', '19', '028', '28', '0', '号号', '厅字', '国办发', '〔2019〕', '(2021)',
      '厅字〔2019〕28号', '国办发(2021)第030号', '字[19]第 5 号', '（2020）', '第 ',
    ];
    fc.assert(
      fc.property(piecesArb(pieces, 30), (text) => assert.deepEqual(findDocumentNumberProblems(text), ref(text))),
      params,
    );
  });

  it('year-month dates found from each 月 equal the global search', () => {
    const YEAR_MONTH_RE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*(?:\d|[一二三四五六七八九十])+\s*[日号])/g;
    const pieces = [...'0123456789年月日号 一二十\n', '2024', '2024年', '13月', '1月', '月份', '19', '20'];
    fc.assert(
      fc.property(piecesArb(pieces, 30), (text) => assert.deepEqual(execs(yearMonths(text)), execs(text.matchAll(YEAR_MONTH_RE)))),
      params,
    );
  });

  it('citations found at each 《 and pinyin residue at each bracket equal the global searches', () => {
    const refCitations = (text: string): Citation[] => {
      const out: Citation[] = [];
      const OUTER = /《([^《》\n]{2,120})》/g;
      let m: RegExpExecArray | null;
      // The reference copy's outer loop; each citation itself is made by findCitations on its own text.
      while ((m = OUTER.exec(text))) {
        for (const c of findCitations(text.slice(m.index, m.index + m[0].length))) out.push({ ...c, start: c.start + m.index, end: c.end + m.index, yearRanges: c.yearRanges.map((r) => ({ start: r.start + m!.index, end: r.end + m!.index })) });
      }
      return out;
    };
    const RESIDUE_RE = new RegExp(`[(（]([${PINYIN_LETTER_CLASS}]{1,7})[)）]`, 'g');
    const refResidue = (text: string) =>
      [...text.matchAll(RESIDUE_RE)]
        .filter((m) => {
          const c = text.charCodeAt(m.index - 1);
          return ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) && hasToneMark(m[1]) && isPinyinSyllable(m[1]);
        })
        .map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const pieces = [...'《》〈〉区發()（）\n ', '纲要', '2021—2025年', '(qū)', '（fā）', '规划', '《《', '》》'];
    fc.assert(
      fc.property(piecesArb(pieces, 30), (text) => {
        assert.deepEqual(findCitations(text), refCitations(text));
        assert.deepEqual(findPinyinResidue(text), refResidue(text));
      }),
      params,
    );
  });

  it('the outline enumerations (markers tried at their cues, in place) equal the markers of each paragraph text', () => {
    const SEQUENCE_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 4 };
    // The previous enumerationRuns, on the paragraph's own text.
    const ref = (a: Analysis): Enumeration[] => {
      const out: Enumeration[] = [];
      a.outline.paragraphs.forEach((p, pi) => {
        const byStyle = new Map<string, { ordinal: number; text: string; range: { start: number; end: number } }[]>();
        for (const m of enumerationMarkers(a.doc.simplified.slice(p.range.start, p.range.end))) {
          const [style, ordinal] = m[1] ? ['shi', parseChineseNumeral(m[1])] : m[2] ? ['di', parseChineseNumeral(m[2])] : ['sequence-words', SEQUENCE_WORDS[m[3]]];
          if (!ordinal) continue;
          const s = p.range.start + m.index;
          const list = byStyle.get(style as string) ?? [];
          list.push({ ordinal, text: a.doc.text.slice(s, s + m[0].length), range: { start: s, end: s + m[0].length } });
          byStyle.set(style as string, list);
        }
        for (const [style, items] of byStyle) {
          if (style === 'sequence-words' && !items.some((i) => i.ordinal <= 2)) continue;
          if (items.length < 2 && style !== 'shi') continue;
          let run: typeof items = [];
          for (const it of items) {
            if (it.ordinal === 1 && run.length) {
              out.push({ style: style as Enumeration['style'], paragraph: pi, items: run });
              run = [];
            }
            run.push(it);
          }
          if (run.length) out.push({ style: style as Enumeration['style'], paragraph: pi, items: run });
        }
      });
      return out;
    };
    const pieces = [...'一二三四十是第首先其次再最后，、：。 　做好', '一是', '二是', '十一是', '第一，', '第二、', '首先，', '其次：', '最后,', '一、总体情况', '（一）工作'];
    fc.assert(
      fc.property(linesArb(pieces), fc.boolean(), (text, md) => {
        const a = Analysis.fromText(text, { uri: md ? 'file:///r.md' : 'file:///r.txt' });
        assert.deepEqual(a.outline.enumerations, ref(a));
      }),
      params,
    );
  });

  it('mayBeHeading never rejects a line recognizeHeading reads as a heading', () => {
    const pieces = [...'第一二十百〇()（）1２.．、,，#？? 　\t\u200b做好工作报告如何部分章', '（一）', '1.', '一、', '## ', '如何做好工作？'];
    fc.assert(
      fc.property(piecesArb(pieces, 20), fc.boolean(), (text, md) => {
        const line = { index: 0, start: 0, end: text.length, text };
        if (recognizeHeading(line, text, md)) assert.ok(mayBeHeading(text, 0, text.length, md), JSON.stringify(text));
        // In place at an offset, as the outline reads the view.
        const padded = `前文\n${text}\n后文`;
        assert.equal(mayBeHeading(padded, 3, 3 + text.length, md), mayBeHeading(text, 0, text.length, md));
      }),
      params,
    );
  });

  it('splitTitle on code units equals the previous trims and regexes', () => {
    const skip = (t: string, i: number) => {
      while (i < t.length && /[ \t\u3000]/.test(t[i])) i++;
      return i;
    };
    const ref = (rest: string) => {
      for (let i = 0; i < rest.length; i++) {
        const ch = rest[i];
        if (ch === '。' || ch === '！' || ch === '？') return { titleEnd: i, bodyStart: i + 1 < rest.trimEnd().length ? skip(rest, i + 1) : null };
        if (ch === ':' || ch === '：') {
          const after = skip(rest, i + 1);
          if (after < rest.trimEnd().length) return { titleEnd: i, bodyStart: after };
        }
      }
      let end = rest.length;
      while (end > 0 && /\s/.test(rest[end - 1])) end--;
      return { titleEnd: end, bodyStart: null };
    };
    const pieces = [...'。！？:：  \t\u3000\n\u00a0\ufeff工作总结', '加强领导。', '目标：'];
    fc.assert(
      fc.property(piecesArb(pieces, 16), (rest) => assert.deepEqual(splitTitle(rest), ref(rest))),
      params,
    );
  });

  it('mayBeNoteHeader never rejects a line the note-header patterns match', () => {
    const NOTE_HEADER = /^(?:填报说明|填表说明|说明|备注|注释?)\s*(?:[:：]|$)/;
    const NOTE_HEADER_AT_END = /(?:表[)）]?|[)）])\s*(?:填报说明|说明|注)\s*[:：]$/;
    const pieces = [...'填报说明备注释表()（）:：  　\n统计', '说明：', '注：', '（表一）说明：', '1.'];
    fc.assert(
      fc.property(piecesArb(pieces, 20), (line) => {
        const s = line.trim();
        const ends = /[:：]$/.test(s);
        if (NOTE_HEADER.test(s) || (s.length <= 80 && ends && NOTE_HEADER_AT_END.test(s))) assert.ok(mayBeNoteHeader(line, 0, line.length));
      }),
      params,
    );
  });

  it('the table of contents found from the 目 of the text equals looking at every line', () => {
    const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
    const entryKey = (s: string) => squash(s).replace(/[.．…·—\-_]{2,}\s*\d*$/, '').replace(/\d+$/, '');
    const ref = (a: Analysis) => {
      const lines = a.doc.lines;
      for (let i = 0; i < Math.min(lines.length, 200); i++) {
        if (!/^目录[:：]?$/.test(squash(a.doc.lineSimplified(lines[i])))) continue;
        const entries: number[] = [];
        let k = i + 1;
        let firstKey = '';
        let repeated = false;
        for (; k < lines.length && entries.length < 80; k++) {
          const t = lines[k].text.trim();
          if (t === '') {
            if (entries.length) break;
            continue;
          }
          if (t.length > 80 || /[。；;！？]/.test(t)) break;
          const key = entryKey(a.doc.lineSimplified(lines[k]));
          if (entries.length && key === firstKey) {
            repeated = true;
            break;
          }
          if (!entries.length) firstKey = key;
          entries.push(k);
        }
        if (!repeated && entries.length && k < lines.length && /\S/.test(lines[k].text)) entries.pop();
        if (entries.length < 2) return null;
        return { line: i, entries, endLine: entries[entries.length - 1] };
      }
      return null;
    };
    const pieces = [...'目录：项 一二、总体情况。', '目录', '目 录', '一、总体', '二、工作', '……3', '项目'];
    fc.assert(
      fc.property(linesArb(pieces, 10, 5), (text) => {
        const a = Analysis.fromText(text);
        assert.deepEqual(findToc(a.doc), ref(a));
      }),
      params,
    );
  });

  it('explainNumbers with the expected-run shortcut equals the search alone', () => {
    // The previous explainNumbers (the search, without the shortcut for a run numbered as expected).
    const ref = (numbers: readonly number[], start: number, offset = 0): NumberSlip[] => {
      const n = numbers.length;
      if (n === 0) return [];
      type State = { cost: number; prev: number | null; slip: NumberSlip | null };
      let states = new Map<number, State>([[offset, { cost: 0, prev: null, slip: null }]]);
      const history: Map<number, State>[] = [];
      for (let i = 0; i < n; i++) {
        const d = numbers[i] - (start + i);
        const next = new Map<number, State>();
        const offer = (off: number, st: State) => {
          const cur = next.get(off);
          if (!cur || st.cost < cur.cost) next.set(off, st);
        };
        for (const [off, st] of states) {
          if (d === off) {
            offer(off, { cost: st.cost, prev: off, slip: null });
            continue;
          }
          offer(off, { cost: st.cost + 1, prev: off, slip: { index: i, expected: start + i + off, shift: false } });
          const shifted = { cost: st.cost + 1, prev: off, slip: { index: i, expected: start + i + off, shift: true } };
          const cur = next.get(d);
          const follows = i + 1 < n && numbers[i + 1] - (start + i + 1) === d;
          if (!cur || shifted.cost < cur.cost || (shifted.cost === cur.cost && follows)) next.set(d, shifted);
        }
        let min = Infinity;
        for (const st of next.values()) min = Math.min(min, st.cost);
        const kept = new Map<number, State>();
        for (const [off, st] of next) if (st.cost === min && kept.size < 8) kept.set(off, st);
        history.push(kept);
        states = kept;
      }
      let bestOff = 0;
      let best: State | null = null;
      for (const [off, st] of states) {
        if (!best || st.cost < best.cost || (st.cost === best.cost && off === offset)) {
          best = st;
          bestOff = off;
        }
      }
      const slips: NumberSlip[] = [];
      let off: number | null = bestOff;
      for (let i = n - 1; i >= 0 && off !== null; i--) {
        const st: State = history[i].get(off)!;
        if (st.slip) slips.push(st.slip);
        off = st.prev;
      }
      slips.reverse();
      for (const s of slips) if (s.shift && s.index === n - 1) s.shift = false;
      return slips;
    };
    // Runs near the expected numbering (most often exactly it), with slips and shifts.
    const run = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -1, max: 1 }), fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 12 }));
    fc.assert(
      fc.property(run, fc.boolean(), ([n, start, offset, noise], clean) => {
        const numbers = [...Array(n).keys()].map((i) => start + i + offset + (clean ? 0 : noise[i] ?? 0));
        assert.deepEqual(explainNumbers(numbers, start, offset), ref(numbers, start, offset));
      }),
      params,
    );
  });

  it('containsAny (no match built, candidates unsorted) says whether findAny finds a match', () => {
    const CH = fc.constantFrom('甲', '乙', '丙', '的', '。', '\n', '，', 'a');
    const text = fc.array(CH, { maxLength: 80 }).map((a) => a.join(''));
    const piece = fc.array(fc.constantFrom('甲', '乙', '丙', '的', 'a'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
    const phrase = fc.array(piece, { minLength: 1, maxLength: 3 }).map((a) => a.join('…'));
    fc.assert(
      fc.property(text, fc.array(fc.array(phrase, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), (t, lists) => {
        const scan = new PhraseLists(lists).scan(t);
        lists.forEach((l, i) => {
          assert.equal(containsAny(t, l), findAny(t, l) !== null);
          assert.equal(scan.containsAny(i), findAny(t, l) !== null);
        });
      }),
      params,
    );
  });

  it('enumeration cues from the census cue units equal the six searches of the text', () => {
    const pieces = [...'是第首先其次再最后一二三十百是。，、：\n ', '一是', '第二', '首先', '其次', '再次', '最后', '是第', '十二是', '第十', '首其再最'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), fc.array(fc.nat(80), { maxLength: 20 }), (text, extraAt) => {
        const units = textCensus(text).cues;
        assert.deepEqual(units, [...text].flatMap((ch, i) => (ENUMERATION_CUE_UNITS.includes(ch) ? [i] : [])));
        assert.deepEqual(enumerationCuesAt(text, units), enumerationCues(text));
        // Offsets of other characters in the list (where the script view changed the text) are passed over.
        const extra = [...new Set([...units, ...extraAt.filter((i) => i < text.length)])].sort((x, y) => x - y);
        assert.deepEqual(enumerationCuesAt(text, extra), enumerationCues(text));
      }),
      params,
    );
  });

  it('enumeration cues of a text with traditional characters: the census cue units and the changed offsets suffice', () => {
    const pieces = [...'是第首其再最後后次一二三十，、：\n', '最後', '一是', '第二', '其次', '於', '著', '與'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), (text) => {
        const doc = Analysis.fromText(text).doc;
        const units = [...new Set([...doc.enumerationCueUnits, ...(doc.script.changedAt ?? [])])].sort((x, y) => x - y);
        assert.deepEqual(enumerationCuesAt(doc.simplified, units), enumerationCues(doc.simplified));
      }),
      params,
    );
  });

  it('searches from the census bracket offsets equal the searches with indexOf', () => {
    const pieces = [...'()（）《》〈〉<>abqūā区區發\n 。|｜', 'qū', 'fā', '區(qū)', '發（fā）', '(PPP)', '《纲要》', '《关于〈规划(2021—2025年)〉的方案》', '《2024年要点》', '《规划（2021-2025）》', '2', '(', '（'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), fc.array(fc.nat(60), { maxLength: 10 }), (text, extraAt) => {
        const brackets = textCensus(text).brackets;
        assert.deepEqual(brackets, [...text].flatMap((ch, i) => (BRACKET_SCAN_UNITS.includes(ch) ? [i] : [])));
        assert.deepEqual(findPinyinResidue(text, brackets), findPinyinResidue(text));
        assert.deepEqual(findCitations(text, text, brackets), findCitations(text));
        // Other offsets in the list are passed over.
        const more = [...new Set([...brackets, ...extraAt])].sort((x, y) => x - y);
        const sticky = /[(（]([a-zā-ǜ]{1,7})[)）]|《([^《》\n]{2,120})》/y;
        assert.deepEqual(execs(matchesAtOffsets(text, more, '(（《', sticky)), execs(matchesStartingWith(text, '(（《', sticky)));
        assert.deepEqual(findPinyinResidue(text, more), findPinyinResidue(text));
        assert.deepEqual(findCitations(text, text, more), findCitations(text));
        // Only the citations with years: those of the full list (titles without a digit passed over).
        assert.deepEqual(findCitations(text, text, brackets, true), findCitations(text).filter((c) => c.years.length > 0));
      }),
      params,
    );
  });

  it('matchMarker tries only the patterns the first character can start, and finds what the first matching pattern finds', () => {
    const pieces = [...'第一二十百零〇(（)）0９1、.．,，章节 \u3000年abc', '第一章', '一、', '（一）', '(1)', '1.', '１．', '十二、', '零、'];
    fc.assert(
      fc.property(piecesArb(pieces, 8), (s) => {
        const first = MARKER_PATTERNS.find((p) => p.re.test(s));
        const m = matchMarker(s);
        if (!first) assert.equal(m, null, s);
        else if (m) {
          assert.equal(m.style, first.style, s);
          assert.equal(m.length, first.re.exec(s)![0].length, s);
        }
      }),
      params,
    );
  });

  it('a text without a pipe or a numeric line has no table: the tables equal those of reading every line', () => {
    const pieces = [
      '\n', '\n', ' ', '\u3000', '\u200b', '表1', '（表2）收支情况统计表', '收入', '支出', '合计', '项目', '12', '1,234', '３４', '-', '——', '12.5%', '2025年',
      '2025年是关键之年。', '一、总体情况', '（一）', '其中：', '第一条', '第二十条第（一）项', '/', '+3', '−2', '３．５', '说明：',
    ];
    const check = (text: string) => {
      for (const uri of ['file:///r.txt', 'file:///r.md']) {
        const doc = Analysis.fromText(text, { uri }).doc;
        assert.deepEqual(findTables(doc), findTables(doc, true));
      }
    };
    fc.assert(fc.property(piecesArb(pieces, 40), check), params);
    fc.assert(fc.property(linesArb(pieces.filter((p) => p !== '\n'), 12, 3), check), params);
  });

  it('date-format\'s digit tests on code units equal /^\\d+$/ and /^0\\d/', () => {
    const pieces = [...'0123456789０９一十〇/:a \u0660'];
    fc.assert(
      fc.property(piecesArb(pieces, 4), (s) => {
        assert.equal(isAsciiDigits(s), /^\d+$/.test(s), s);
        assert.equal(zeroPadded(s), /^0\d/.test(s), s);
      }),
      params,
    );
  });

  it('the first pipe from the census offsets is the first pipe indexOf finds', () => {
    const pieces = [...'|｜()（《》，、年区區發\n\r 。\u3000', '| a | b |', '｜１｜２｜', '(PPP)'];
    fc.assert(
      fc.property(piecesArb(pieces, 40), (text) => {
        const half = text.indexOf('|');
        const full = text.indexOf('｜');
        const first = half < 0 ? (full < 0 ? text.length : full) : full < 0 ? half : Math.min(half, full);
        assert.equal(firstPipeOffset(Analysis.fromText(text).doc), first);
      }),
      params,
    );
  });

  it('a text rejected on its first character is neither a number nor a placeholder', () => {
    const pieces = [...'-+−0123456789０９－＋—–/／,.%．，％ \u3000\u200b年元一甲', '——', '//', '12.5%', '1,234'];
    const PLACEHOLDER = /^(?:[-—–/／]|——|\/\/)$/;
    fc.assert(
      fc.property(piecesArb(pieces, 8), (text) => {
        const t = text.trim();
        if (cellValue(text) !== null || PLACEHOLDER.test(t)) assert.ok(mayStartNumericText(t.charCodeAt(0)), text);
      }),
      params,
    );
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (/^[-+−0-9０-９－＋]/.test(ch) || /^[-—–/／]/.test(ch)) assert.ok(mayStartNumericText(c), c.toString(16));
    }
  });

  it('every line a furniture pattern matches opens as the rule\'s prefilter expects', () => {
    for (const p of PATTERNS) {
      fc.assert(
        fc.property(fc.stringMatching(p.re, { size: 'small' }), fc.constantFrom('', ' ', '\u3000'), (line, lead) => {
          if (!p.re.test(line)) return;
          const a = Analysis.fromText(lead + line);
          const got = checkDocument(a, { rules: [webBoilerplate], forceReport: true }).map((f) => [f.range.start.line, (f.data as { kind: string }).kind]);
          const want = a.doc.lines.map((l) => [l.index, boilerplateKind(a.doc.lineSimplified(l))]).filter(([, k]) => k !== null);
          assert.deepEqual(got, want);
        }),
        { ...params, numRuns: Math.min(RUNS, 200) },
      );
    }
  });

  it('web-boilerplate reports exactly the lines boilerplateKind reads as furniture', () => {
    const pieces = [
      ' ', '\u3000', '浏览次数：12', '来源：本网', '责任编辑：李四', '打印本页', '关闭窗口', '【字体：大 中 小】', '字体\n大', '分享到',
      '发布时间：2024-01-02', '首页 > 政务公开', '政府工作报告', '推进法治政府建设工作', '。', '下载',
      // Every pattern's openings, and lines that open with a pattern's first character only.
      '阅读量:3', '点击数：5', '字号：大 中 小', '信息来源：市政府', '作者：张三', '通讯员：王五', '发表时间：2024-01-02', '2024-01-02 10:30',
      '打印此页', '【打印】', '[ 关闭 ]', '返回顶部', '加入收藏', '我要纠错', '分享至：', '扫一扫', '当前位置：首页 > 新闻', '网站首页 > 公开',
      '上一篇：关于', '下一篇：无', '上海', '文化', '我们', '主要', '浏 览次数：1', '2026年', '19', '【', '时间：2024.1.2',
      // Long runs: a line past 80 non-space characters is a paragraph, whatever it holds after them.
      '全面推进依法行政持续深化政务公开不断提升政府治理能力和水平', '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000',
    ];
    fc.assert(
      fc.property(linesArb(pieces, 8, 6), (text) => {
        const a = Analysis.fromText(text);
        const got = checkDocument(a, { rules: [webBoilerplate], forceReport: true }).map((f) => [f.range.start.line, (f.data as { kind: string }).kind]);
        const want = a.doc.lines.map((l) => [l.index, boilerplateKind(a.doc.lineSimplified(l))]).filter(([, k]) => k !== null);
        assert.deepEqual(got, want);
      }),
      params,
    );
  });

  it('a finding built when read: message, fixes, related and explanation are called once, on first read', () => {
    const calls: string[] = [];
    const rule: Rule = {
      meta: { id: 'lazy-probe', defaultSeverity: 'warning', category: 'format', scope: 'any', fixable: true, description: { 'zh-cn': '测', en: 'probe' }, docs: { 'zh-cn': '测', en: 'probe' } },
      messages: {},
      check(ctx) {
        ctx.report({
          message: () => (calls.push('message'), 'm'),
          range: { start: 0, end: 1 },
          fixes: () => (calls.push('fixes'), [{ title: 't', edits: [{ range: ctx.doc.rangeOf(0, 1), newText: 'x' }] }]),
          related: () => (calls.push('related'), [{ range: ctx.doc.rangeOf(1, 2), message: 'r' }]),
          explanation: () => (calls.push('explanation'), '**e**'),
        });
        ctx.report({ message: 'plain', range: { start: 0, end: 0 }, explanation: 'eager' });
      },
    };
    const [lazy, plain] = checkDocument(Analysis.fromText('甲乙丙'), { rules: [rule] });
    assert.deepEqual(calls, []);
    assert.equal(lazy.explanation, '**e**');
    assert.equal(lazy.explanation, '**e**');
    assert.deepEqual(calls, ['explanation']);
    assert.deepEqual(JSON.parse(JSON.stringify(lazy)), {
      ruleId: 'lazy-probe', severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      fixes: [{ title: 't', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'x' }] }],
      related: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, message: 'r' }],
      explanation: '**e**',
    });
    assert.deepEqual(calls.sort(), ['explanation', 'fixes', 'message', 'related']);
    assert.equal(plain.explanation, 'eager');
  });
});
