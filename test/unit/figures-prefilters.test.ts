import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { BALANCE_ACCOUNTS, BREAKDOWN_RE, NOT_ITEM_COUNT_AFTER_RE, PER_UNIT_RE, TOTAL_RE } from '../../server/src/core/figures/vocabulary';
import { isPerUnit } from '../../server/src/core/figures/rates';
import { changeWordBefore } from '../../server/src/core/figures/changes';
import { DOWN_WORDS, UP_WORDS } from '../../server/src/core/figures/vocabulary';
import { breakdownMarkers, markersAt, textMarkers } from '../../server/src/core/figures/sums';
import { isPartOfYear, PARTIAL_RE, YEAR_BEFORE_NIAN, yearNumberBeforeNian } from '../../server/src/core/figures/repeats';
import { isTotalLabel, normalizeLabel, splitSentences, type Sentence } from '../../server/src/core/figures/text';
import { isNotItemEnd, notItemCountAfter, NOT_ITEM_END, NUMBER_BEFORE, NUMBER_BEFORE_UNITS } from '../../server/src/core/figures/counts';
import { computeMasks, figureMovedBy, mayHoldNumber, numberTokens, scanFigures, WALK_LINE_BREAK, WALK_LIST, WALK_MARKER, WALK_DOUBLING, WALK_PINYIN_BRACKET, WALK_RATE, WALK_SHARE, type Figure } from '../../server/src/core/figures/numbers';
import { analyzeLine, MAY_HOLD_PINYIN_RE, withoutLineBreaks, withoutPinyin, type CutText } from '../../server/src/core/figures/analyze';

/**
 * The figures model reads several expressions by hand or behind a cheaper test (speed work of issue
 * #18). Each is compared here with the expression it replaces, on hand-made cases and on random
 * strings over the characters that matter (a deterministic generator: failures reproduce).
 */
function randomStrings(alphabet: string, count: number, maxLength: number, seed: number): string[] {
  const chars = [...alphabet];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const length = next() % (maxLength + 1);
    for (let i = 0; i < length; i++) s += chars[next() % chars.length];
    out.push(s);
  }
  return out;
}

describe('figures prefilters equal the expressions they stand for', () => {
  it('breakdownMarkers finds the matches of BREAKDOWN_RE', () => {
    const byRegex = (s: string) => {
      const re = new RegExp(BREAKDOWN_RE.source, 'g');
      const out: string[] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(s))) out.push(`${m.index}:${m[0]}`);
      return out;
    };
    const hand = ['其中', '其中之一', '其中的', '其中一', '其中有些', '其中部分', '其中有', '共5件(含甲乙3件)', '（含12345678901233件）', '（含123456789012甲3件）', '含3件', '分别为', '分别', '分别达到', '内有', '包括', '包含', '其中其中内有'];
    for (const s of [...hand, ...randomStrings('其中之一的有些部分内有分别为是达包括含（(甲乙丙丁戊己庚辛壬癸0123０１，。 a', 20000, 30, 4242)]) {
      assert.deepEqual(breakdownMarkers(s).map((m) => `${m.at}:${m.word}`), byRegex(s), JSON.stringify(s));
    }
  });

  it('textMarkers (one search per word) finds what breakdownMarkers finds', () => {
    const hand = ['其中', '其中之一', '其中其中内有', '分别为分别是', '（含3件）包括其中的', '共5件(含甲乙3件),其中2件', '含含（含1', '分别分别为'];
    for (const s of [...hand, ...randomStrings('其中之一的有些部分内有分别为是达包括含（(甲乙0123，。 ', 20000, 40, 777)]) {
      assert.deepEqual(textMarkers(s), breakdownMarkers(s), JSON.stringify(s));
    }
  });

  it("markersAt, read at the scan's markerStarts, finds what textMarkers finds", () => {
    const hand = ['其中', '共5件(含甲乙3件),其中2件', '得90分别为', '得90分,其中', '90分分别为', '百分之五分别', '2个百分点分别为', '用时30分钟分别为', '3件左右分别为', '《其中3件》包括', '约3万余分别是', '（含12345678901233件）', '包括3件、内有2件'];
    const alphabet = '其中之一的有些部分内有分别为是达包括含钟点（(《》“”甲0123１.％%个百万余约左右件，。\n ';
    for (const s of [...hand, ...randomStrings(alphabet, 20000, 30, 9119)]) {
      const { markerStarts } = scanFigures(s);
      for (let k = 1; k < markerStarts.length; k++) assert.ok(markerStarts[k - 1] < markerStarts[k], JSON.stringify(s));
      assert.deepEqual(markersAt(s, markerStarts), textMarkers(s), JSON.stringify(s));
    }
  });

  it('every word of the carried-out account of a case ledger holds 结 (balanceClaim searches for it first)', () => {
    const carriedOut = BALANCE_ACCOUNTS.find((a) => a.account === 'carriedOut')!.re;
    const hand = ['结转下年', '结转至下一年', '结转2025年', '尚未结', '尚未办结', '未审结', '未办结', '转下年', '尚未办', '未审'];
    for (const s of [...hand, ...randomStrings('结转至下一年2025尚未办审甲', 20000, 12, 3131)]) {
      if (carriedOut.test(s)) assert.ok(s.includes('结'), JSON.stringify(s));
    }
  });

  it('notItemCountAfter is NOT_ITEM_COUNT_AFTER_RE at an offset', () => {
    const hand = ['月', '工作日', '工作', '小时', '小', '百分点', '百分', '多月', '多', '余', '数', '数据', '数字', '数量', '甲'];
    for (const s of [...hand, ...randomStrings('月工作日小时百分点多余数据字量甲', 20000, 6, 2718)]) {
      for (let at = 0; at <= s.length; at++) assert.equal(notItemCountAfter(s, at), NOT_ITEM_COUNT_AFTER_RE.test(s.slice(at)), JSON.stringify([s, at]));
    }
  });

  it('withoutLineBreaks cuts what withoutPinyin cuts when the scan saw no pinyin bracket', () => {
    // The map is one buffer shared by both: each result is copied before the other is made.
    const copy = (c: CutText) => ({ simplified: c.simplified, original: c.original, map: c.map ? Array.from(c.map.subarray(0, c.mapLength)) : null });
    const hand = ['审\n结', '甲 \n 乙', '甲\r\n乙', '\n甲', '甲\n', '\n', ' \n\u3000\t\n ', '甲\t\r\r\n 乙\n\n丙', '共3件\n其中2件', '区(一)\n3件', '(A)\n'];
    let compared = 0;
    for (const s of [...hand, ...randomStrings('甲区3件 \t\u3000\n\r(（)一', 20000, 16, 4141)]) {
      const scan = scanFigures(s);
      if (scan.seen & WALK_PINYIN_BRACKET) continue;
      const original = s.replace(/区/g, '區');
      const fast = copy(withoutLineBreaks(s, original, scan.sentenceEnds));
      assert.deepEqual(fast, copy(withoutPinyin(s, original)), JSON.stringify(s));
      compared++;
    }
    assert.ok(compared > 10000, `${compared} texts compared`);
  });

  it("the scan's walk sees every code unit of its features (ScanResult.seen)", () => {
    const hand = ['区(qū)3件', '（ā）', '共3件\n其中', '得90分别为', '90分,其中', '百分之五分别', '2个百分点分别为', '占比3%', '《条例》3件', '甲、乙3类', '“放管服”'];
    const alphabet = '其中内有分别包括含占比重、“”《》〔〕()（）\n\r。a ā0１2.％%个百分点之钟件人万余约左右一三十年率翻番';
    for (const s of [...hand, ...randomStrings(alphabet, 20000, 24, 5150)]) {
      const { seen } = scanFigures(s);
      const msg = JSON.stringify(s);
      assert.equal((seen & WALK_LINE_BREAK) !== 0, /[\n\r]/.test(s), msg);
      assert.equal((seen & WALK_PINYIN_BRACKET) !== 0, /[(（][a-z\u00e0-\u01ff]/.test(s), msg);
      assert.equal((seen & WALK_LIST) !== 0, /[、“]/.test(s), msg);
      assert.equal((seen & WALK_SHARE) !== 0, /[占比]/.test(s), msg);
      assert.equal((seen & WALK_RATE) !== 0, /率/.test(s), msg);
      assert.equal((seen & WALK_DOUBLING) !== 0, /番/.test(s), msg);
      if (!(seen & WALK_MARKER)) assert.ok(!s.includes('分别'), msg);
      // A superset: clear only when no marker can start (分 in a figure counts only as the unit 分).
      if (!(seen & WALK_MARKER)) assert.deepEqual(textMarkers(s), [], msg);
      if (/[其内包含]/.test(s)) assert.ok(seen & WALK_MARKER, msg);
    }
  });

  it('names and document numbers are marked from the first opening bracket the walk passes', () => {
    const hand = ['《条例》3件', '“十四五”3项', '〔2024〕5号', '共3件“甲”', '【3个】“5件”', '“3件\n”4件', '《3》》5件〈6个〉', '《“3件》”5个', '“3件》4个”', '》3件《', '《〔2024〕3号》5件', '“' + '甲'.repeat(41) + '3件”', '“' + '甲'.repeat(38) + '3件”', '“' + '甲'.repeat(39) + '3件”', '《“' + '甲'.repeat(39) + '3件”》', '“3件' + '甲'.repeat(80) + '”'];
    const alphabet = '《》“”〔〕【】「」『』〈〉\n3５件个号年甲乙';
    // Long texts with few brackets: names longer than 40 code units, and brackets decided far from a token.
    const sparse = '《》“”〔〕\n' + '3件甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.repeat(3);
    for (const s of [...hand, ...randomStrings(alphabet, 20000, 20, 6061), ...randomStrings(sparse, 5000, 160, 7071)]) {
      const { kind } = computeMasks(s);
      const { skipped } = scanFigures(s);
      for (const [at, end] of numberTokens(s)) {
        const reasons = skipped.filter((x) => x.start === at).map((x) => x.reason);
        if (kind[at]) assert.deepEqual(reasons, [kind[at] === 2 ? 'docno' : 'name'], JSON.stringify([s, at]));
        // (No Latin letter or glue character in these texts: a 'name' is a mask's; 号 after a number makes a 'docno' of its own.)
        else assert.ok(!reasons.includes('name') && (!reasons.includes('docno') || s.charCodeAt(end) === 0x53f7 /* 号 */), JSON.stringify([s, at]));
      }
    }
  });

  it('figureMovedBy is the spread of a figure with its offsets moved, for every kind of figure', () => {
    const line = analyzeLine('共受理案件120件，其中行政类80件、民事类40件，占比66.7%。聚焦甲、乙、丙三类问题。收入翻了一番，约2.5万元以上。');
    const figures = [...line.figures, ...line.claims.flatMap((c) => [c.anchor, ...c.inputs.map((i) => i.figure)])];
    assert.ok(figures.some((f) => f.index === -1), 'figures made by claims are compared too');
    for (const f of figures) assert.deepEqual(figureMovedBy(f, 7, 3), { ...f, index: 3, start: f.start + 7, end: f.end + 7, numStart: f.numStart + 7, numEnd: f.numEnd + 7 });
  });

  it('isPartOfYear is PARTIAL_RE', () => {
    const hand = ['截至6月', '截止', '上半年', '下半年', '第三季度', '3月', '十二月', '月度', '岁月', '正月', '１２月', '年月', '半年上半年', '截截至', '季季度', '半', '截', '季'];
    for (const s of [...hand, ...randomStrings('截至止上下半年季度月0123９一二十正岁的', 20000, 12, 99)]) {
      assert.equal(isPartOfYear(s), PARTIAL_RE.test(s), JSON.stringify(s));
    }
  });

  it('yearNumberBeforeNian is the first match of YEAR_BEFORE_NIAN, as a number (0 for none)', () => {
    const hand = ['2024年', '1999年和2020年', '20245年', '2024 年', '１９９９年', '1899年2019年', '年2019', '19年', '2099年', '1900年'];
    for (const s of [...hand, ...randomStrings('12903４年月 ', 20000, 14, 21), ...randomStrings('12903４年月 ', 20000, 14, 22)]) {
      assert.equal(yearNumberBeforeNian(s), Number(YEAR_BEFORE_NIAN.exec(s)?.[0] ?? 0), JSON.stringify(s));
    }
  });

  it('isTotalLabel is TOTAL_RE', () => {
    for (const s of ['总共', '一共', '公共', '共享', '中共', '总共享', '全年', '受理', '新收', '合计', ...randomStrings('总共一计合累数量有全年受理收到案新公中享同建治识赢商甲', 20000, 8, 17)]) assert.equal(isTotalLabel(s), TOTAL_RE.test(s), JSON.stringify(s));
  });

  it('isPerUnit is PER_UNIT_RE on the sixteen code units before a figure', () => {
    for (const prefix of ['每千人', '人均', '户均收入', '平均每户', '每平方米', '每一万元', '每个小时', '平均，', '每人、', '共', ...randomStrings('每千万百十人户家名位一个平方米公里顷亩元小时天日年月均甲，、。', 20000, 20, 23)]) {
      const s = `${prefix}6件`;
      const [f] = scanFigures(s).figures.filter((x) => x.start === prefix.length);
      if (!f) continue;
      for (const min of [0, 3]) assert.equal(isPerUnit(s, f, min), PER_UNIT_RE.test(s.slice(Math.max(min, f.start - 16), f.start)), JSON.stringify([s, min]));
    }
  });

  it('changeWordBefore finds what the change-word expression finds in the twelve code units before a figure', () => {
    const re = new RegExp(`(${UP_WORDS}|${DOWN_WORDS})了?(?:为|达)?$`);
    for (const prefix of ['同比增长', '下降了', '增长了为', '增为', '达为', '为了为', '减少达', '多', '甲', ...randomStrings('增长加上升提高多下降减少低回落滑了为达甲，', 20000, 16, 31)]) {
      const s = `${prefix}6%`;
      const [f] = scanFigures(s).figures.filter((x) => x.start === prefix.length);
      if (!f) continue;
      for (const min of [0, 2]) {
        const m = f.start <= min ? null : re.exec(s.slice(Math.max(min, f.start - 12), f.start));
        assert.equal(changeWordBefore(s, f, min), m ? m[1] : null, JSON.stringify([s, min]));
      }
    }
  });

  it('normalizeLabel strips what the four expressions strip', () => {
    const reference = (label: string) =>
      label
        .replace(/^(截至|截止)?[0-9０-９]{4}年([0-9０-９]{1,2}月)?(底|末|以来|全年|年内)?/, '')
        .replace(/^(其中|今年|全年|年内|本年度|本年|我[区街市县镇局厅委办]|全[区街市县镇省])+/, '')
        .replace(/^(共计|总共|一共|合计|总计|累计|共|已|先后|依法|全部|共有)+/, '')
        .replace(/(约|近|超过|超|逾|突破|不到|不足|将近|接近|大约|达到|达|为|了)+$/, '');
    const hand = ['截至2024年6月底累计办理案件约', '2024年全年共计受理', '我区全年共受理', '其中今年已办结', '全市先后依法查处', '受理案件达到', '不到', ''];
    for (const s of [...hand, ...randomStrings('截至止2024０年6月底末以来全内其中今本度我区街市县镇省共计总一合累已先后依法部有约近超过逾突破不到足将接大达为了案件受理', 20000, 14, 7)]) {
      assert.equal(normalizeLabel(s), reference(s), JSON.stringify(s));
    }
  });

  it('splitSentences cuts where a reading of every code unit cuts', () => {
    const reference = (s: string, figures: readonly Figure[]) => {
      const out: Array<Omit<Sentence, 'figures'> & { figures: number[] }> = [];
      let start = 0;
      let line = 0;
      for (let i = 0; i <= s.length; i++) {
        let end: number;
        let nl = false;
        if (i === s.length) end = s.length;
        else if ('。！？!?'.includes(s[i])) end = i + 1;
        else if (s[i] === '\n' || s[i] === '\r') {
          end = i;
          nl = true;
        } else continue;
        if (end > start) out.push({ index: out.length, start, end, line, figures: figures.filter((f) => f.numStart >= start && f.numStart < end).map((f) => f.index) });
        if (nl) {
          if (s[i] === '\r' && s[i + 1] === '\n') i++;
          line++;
        }
        start = i + 1;
      }
      return out;
    };
    const cases = ['', '。', '共3件。其中2件！', 'a\r\nb\n\nc\r', '办结5件?好!', '约3.5万元左右。增长2个百分点\r\n百分之五。', ...randomStrings('。！？!?\n\r3件甲乙 ', 20000, 20, 11)];
    // The scan's walk notes the ends on the way (sentenceEnds): the same sentences as the search.
    cases.push(...randomStrings('。！？!?\n\r 　0１2.．,%％个百分点倍余多万亿件人次左右以上约近超三百分之点十一二年月号第《》“”〔〕-:（(a', 20000, 30, 12));
    for (const s of cases) {
      const { figures, sentenceEnds } = scanFigures(s);
      const want = reference(s, figures);
      const got = splitSentences(s, figures).map((x) => ({ ...x, figures: x.figures.map((f) => f.index) }));
      assert.deepEqual(got, want, JSON.stringify(s));
      const walked = splitSentences(s, figures, sentenceEnds).map((x) => ({ ...x, figures: x.figures.map((f) => f.index) }));
      assert.deepEqual(walked, want, JSON.stringify(s));
    }
  });

  it('the walk sees every code unit of its classes (numerals, sentence ends, WALK_* features), one at a time', () => {
    const numeral = /[0-9０-９零〇一二两三四五六七八九十百千万亿]/;
    const features: Array<[string, number]> = [['\n\r', WALK_LINE_BREAK], ['、“', WALK_LIST], ['其内包含分', WALK_MARKER], ['占比', WALK_SHARE], ['率', WALK_RATE], ['番', WALK_DOUBLING]];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      const s = `甲${ch}乙`;
      assert.equal(numberTokens(s).length, numeral.test(ch) ? 1 : 0, `U+${c.toString(16)}`);
      const { sentenceEnds, seen } = scanFigures(s);
      assert.deepEqual(sentenceEnds, '。！？!?\n\r'.includes(ch) ? [1] : [], `U+${c.toString(16)}`);
      for (const [units, bit] of features) assert.equal((seen & bit) !== 0, units.includes(ch), `U+${c.toString(16)} ${bit}`);
    }
  });

  it('mayHoldNumber is the class of the code units that start number tokens', () => {
    const re = /[0-9０-９零〇一二两三四五六七八九十百千万亿]/;
    for (let c = 0; c < 65536; c++) assert.equal(mayHoldNumber(`甲${String.fromCharCode(c)}乙`), re.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
    assert.equal(mayHoldNumber(''), false);
  });

  it('the code-unit sets of count claims are their character classes', () => {
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(NUMBER_BEFORE_UNITS.has(c), NUMBER_BEFORE.test(ch), `U+${c.toString(16)}`);
      assert.equal(isNotItemEnd(c), NOT_ITEM_END.test(ch), `U+${c.toString(16)}`);
    }
  });

  it('ASCII numbers read from the code units have the value and decimals Number() gives', () => {
    const cases = ['95.82', '95.80', '0.1', '0.3', '2,176', '109,896', '1,234.5', '123456789012345', '1234567890123456', '99.999999999999', '7.0', '0.000001', '3.14159265358979'];
    let state = 5;
    const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
    for (let t = 0; t < 5000; t++) {
      const int = String(next() % 100000);
      const frac = String(next()).slice(0, next() % 9);
      cases.push(frac ? `${int}.${frac}` : int);
    }
    for (const printed of cases) {
      const [f] = scanFigures(`共${printed}件`).figures;
      const plain = printed.replace(/,/g, '');
      assert.equal(f.value, Number(plain), printed);
      assert.equal(f.decimals, plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0, printed);
    }
  });

  it('the pinyin prefilter holds wherever the old one (a line break, or a bracket before a letter) held', () => {
    const old = (s: string) => {
      if (s.includes('\n') || s.includes('\r')) return true;
      for (let i = 0; i < s.length; i++) {
        if (s[i] !== '(' && s[i] !== '（') continue;
        const c = s.charCodeAt(i + 1);
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0x1ff)) return true;
      }
      return false;
    };
    for (const s of ['區(qū)', '（一）', '（ǎ）', '(A)', '审\n结', ...randomStrings('(（)）aqzAÀàǜǿȀ区\n\r ', 20000, 8, 3)]) assert.equal(MAY_HOLD_PINYIN_RE.test(s), old(s), JSON.stringify(s));
  });
});
