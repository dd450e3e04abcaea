import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { scanFigures, figureInterval, type Figure } from '../../server/src/core/figures/numbers';
import { analyzeFigures } from '../../server/src/core/figures/analyze';
import { parseChineseNumeral } from '../../server/src/core/document/chinese-numerals';
import { formatAt, formatWorking, grimNumerators, matchPercent, ratioInterval } from '../../server/src/core/figures/arithmetic';

function figs(text: string): Figure[] {
  return scanFigures(text).figures;
}

/** The single figure in a text (asserts there is exactly one). */
function one(text: string): Figure {
  const f = figs(text);
  assert.equal(f.length, 1, `expected one figure in ${text}, got ${f.map((x) => x.printed).join(', ')}`);
  return f[0];
}

function none(text: string): void {
  assert.deepEqual(
    figs(text).map((f) => text.slice(f.start, f.end)),
    [],
    `expected no figure in ${text}`,
  );
}

describe('figures: number understanding', () => {
  it('reads a token of one Chinese numeral as parseChineseNumeral does (一 and 千 dropped, 万 and 亿 skipped)', () => {
    for (const ch of '零〇二两三四五六七八九十百') {
      const f = one(`共${ch}件`);
      assert.deepEqual([f.value, f.printed, f.decimals, f.arabic, f.unit, f.numStart, f.numEnd], [parseChineseNumeral(ch), ch, 0, false, '件', 1, 2], ch);
    }
    for (const ch of '一千') assert.deepEqual([scanFigures(`共${ch}件`).figures.length, scanFigures(`共${ch}件`).skipped.length], [0, 0], ch);
    for (const ch of '万亿') {
      const r = scanFigures(`共${ch}件`);
      assert.deepEqual([r.figures.length, r.skipped.map((x) => x.reason)], [0, ['no-unit']], ch);
    }
  });

  it('reads Arabic counts with their measure word', () => {
    const f = one('成功调解2085宗');
    assert.equal(f.kind, 'count');
    assert.equal(f.value, 2085);
    assert.equal(f.unit, '宗');
    assert.equal(f.printed, '2085');
    assert.equal(f.decimals, 0);
    assert.equal(f.approx, null);
    for (const [text, unit] of [['818人次', '人次'], ['21场', '场'], ['15次', '次'], ['19项', '项'], ['52家', '家'], ['882份', '份'], ['10条', '条'], ['55户', '户'], ['3个', '个'], ['4651家次', '家次']] as const) {
      assert.equal(one(`共${text}`).unit, unit, text);
    }
  });

  it('reads thousands separators, decimals and full-width digits, keeping the printed precision', () => {
    assert.equal(one('共收到109,896件').value, 109896);
    assert.equal(one('共收到109,896件').printed, '109,896');
    const p = one('满意率95.80%');
    assert.equal(p.kind, 'percent');
    assert.equal(p.value, 95.8);
    assert.equal(p.decimals, 2, 'trailing zero keeps two decimals');
    const w = one('成功率９５．８２％');
    assert.equal(w.kind, 'percent');
    assert.equal(w.value, 95.82);
    assert.equal(w.decimals, 2);
    assert.equal(one('受理１２３件').value, 123);
    // Full-width and ASCII digits read alike (one code path), past 15 digits too (the slower one).
    for (const [full, ascii] of [['１２．５０５万元', '12.505万元'], ['１２３４５６７８９０１２３４５６元', '1234567890123456元']]) {
      const a = one(`投入${full}`);
      const b = one(`投入${ascii}`);
      assert.deepEqual([a.value, a.decimals], [b.value, b.decimals], full);
    }
  });

  it('reads Chinese numerals in counts', () => {
    assert.equal(one('开展三百二十一场').value, 321);
    assert.equal(one('培训两千人次').value, 2000);
    assert.equal(one('举办十一期').value, 11);
    assert.equal(one('共二十件').value, 20);
    assert.equal(parseChineseNumeral('一百零五'), 105);
    assert.equal(parseChineseNumeral('两千'), 2000);
  });

  it('reads scale words 万 and 亿', () => {
    const a = one('组织2.5万多名国家工作人员');
    assert.equal(a.value, 25000);
    assert.equal(a.scale, 1e4);
    assert.equal(a.approx, 'atLeast');
    assert.equal(a.unit, '名');
    const b = one('涉及金额约2.48亿元');
    assert.equal(b.value, 2.48e8);
    assert.equal(b.approx, 'about');
    assert.equal(b.unit, '元');
    const c = one('“白名单”外2.9 万人');
    assert.equal(c.value, 29000);
    assert.deepEqual(figureInterval(c), [28500, 29500], 'a scaled figure covers its rounding interval');
    assert.equal(one('累计公示10万多条').value, 100000);
  });

  it('reads percentages in every form, percentage points and multiples', () => {
    assert.equal(one('增长6.56%').kind, 'percent');
    assert.equal(one('增长6.56％').kind, 'percent');
    const cn = one('合格率百分之九十五');
    assert.equal(cn.kind, 'percent');
    assert.equal(cn.value, 95);
    const cn2 = one('百分之九十九点五');
    assert.equal(cn2.value, 99.5);
    assert.equal(cn2.decimals, 1);
    assert.equal(one('百分之95').value, 95);
    const pts = one('提高2.04个百分点');
    assert.equal(pts.kind, 'points');
    assert.equal(pts.value, 2.04);
    assert.equal(one('增长1.5倍').kind, 'times');
  });

  it('marks approximate figures and which way they lean', () => {
    const cases: Array<[string, string | null, string | null]> = [
      ['约10万件', 'about', '约'],
      ['近3万次', 'atMost', '近'],
      ['超40家', 'atLeast', '超'],
      ['超过200万人次', 'atLeast', '超过'],
      ['逾百件', null, null], // lone 百 is not read as a count here
      ['6000余条', 'atLeast', '余'],
      ['1000多人次', 'atLeast', '多'],
      ['100件左右', 'about', '左右'],
      ['80%以上', 'atLeast', '以上'],
      ['突破55万户', 'atLeast', '突破'],
      ['不到10件', 'atMost', '不到'],
      ['不足5%', 'atMost', '不足'],
      ['百余场', 'atLeast', '余'],
    ];
    for (const [text, approx, word] of cases) {
      const f = figs(text);
      if (approx === null) continue;
      assert.equal(f.length, 1, text);
      assert.equal(f[0].approx, approx, text);
      assert.equal(f[0].approxWord, word, text);
    }
    assert.equal(one('满意率达99%').approx, null, '达 is exact');
    assert.equal(one('成功调解2085宗').approx, null);
  });

  it('does not take years, dates, document numbers, hotlines, names or ordinals for counts', () => {
    none('2024年,新华街坚持');
    none('截至2023年11月');
    none('2024年4 月');
    none('广州市 2021 年下放');
    none('2021-09-10 11:18');
    none('厅字〔2019〕28号');
    none('区12345热线智慧办理系统');
    none('发挥12345咨询投诉举报平台监督作用');
    none('紧密围绕省委“1310”具体部署');
    none("夯实智慧城市平台“7+2”及新城建“1+6”底座");
    none('推进营商环境6.0改革');
    none('构建“4+N”矛盾纠纷多元化解体系');
    none('第三批试点');
    none('全国五十强区第七');
    none('排名第一');
    none('二〇二四年三月一日');
    none('《全面深化法治领域改革纲要(2023-2027年)》');
    none('措施“20条”');
    none('建立全国首家5G市级公共法律服务中心');
    none('1.全方位强化思想引领');
    none('(一)坚持党建统领');
    none('一是持续加强法治宣传教育');
    none('一体化、一网通办');
    none('二十届二中、三中全会');
    none('《中国营商环境报告2020》');
  });

  it('keeps the offsets of the printed number for fixes', () => {
    const text = '已审结202宗,审结率85%';
    const [k, p] = figs(text);
    assert.equal(text.slice(k.numStart, k.numEnd), '202');
    assert.equal(text.slice(p.numStart, p.numEnd), '85');
    assert.equal(text.slice(p.start, p.end), '85%');
    const t2 = '涉及金额约2.48亿元,';
    const f = one(t2);
    assert.equal(t2.slice(f.start, f.end), '约2.48亿元');
  });

  it('is linear: a long document scans quickly and finds every figure', () => {
    const chunk = '共调解纠纷2176宗，成功调解2085宗，成功率95.82%。';
    const text = chunk.repeat(2000);
    const fa = analyzeFigures(text);
    assert.equal(fa.figures.length, 6000);
    assert.equal(fa.claims.filter((c) => c.verdict === 'consistent').length, 2000);
  });
});

describe('figures: arithmetic (GRIM / statcheck)', () => {
  it('accepts correct rounding at the stated precision', () => {
    assert.equal(matchPercent(ratioInterval([2085, 2085], [2176, 2176]), 95.82, 2, null), 'round');
    assert.equal(matchPercent(ratioInterval([202, 202], [260, 260]), 85, 0, null), null);
    assert.equal(matchPercent(ratioInterval([15, 15], [202, 202]), 7.43, 2, null), 'round');
  });

  it('accepts truncation and says so', () => {
    // 203/300 = 67.666…: rounds to 67.67, truncates to 67.66
    assert.equal(matchPercent(ratioInterval([203, 203], [300, 300]), 67.66, 2, null), 'truncate');
    assert.equal(matchPercent(ratioInterval([203, 203], [300, 300]), 67.67, 2, null), 'round');
  });

  it('lets approximate percentages bound rather than equal', () => {
    assert.equal(matchPercent([97, 97], 95, 0, 'atLeast'), 'round');
    assert.equal(matchPercent([90, 90], 95, 0, 'atLeast'), null);
    assert.equal(matchPercent([1, 1], 95, 0, 'about'), 'round');
  });

  it('finds whole-number numerators (GRIM)', () => {
    assert.deepEqual(grimNumerators(260, 85, 0), [220, 221, 222, 223], '223/260 = 85.77% truncates to 85%');
    assert.deepEqual(grimNumerators(12, 85, 0), [], '85% of 12 is impossible');
    assert.ok(grimNumerators(12, 83, 0).includes(10));
  });

  it('formats the working', () => {
    assert.equal(formatWorking((100 * 2085) / 2176, 2), '95.818…');
    assert.equal(formatWorking((100 * 202) / 260, 0), '77.692…');
    assert.equal(formatWorking(37.5, 0), '37.5');
    assert.equal(formatAt(77.6923, 1), '77.7');
    assert.equal(formatAt(95.818, 2), '95.82');
    assert.equal(formatAt(67.666, 2, 'truncate'), '67.66');
  });
});
