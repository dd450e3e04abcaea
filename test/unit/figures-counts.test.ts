import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { figuresOf } from '../../server/src/core/figures';
import { hoverAt } from '../../server/src/core/features/hover';
import { statsSummary, statsToCsv, statsToMarkdown } from '../../server/src/core/figures/summary';
import { analyze } from '../helpers';
import { COUNT_RE, nextCount, nextCountInTokens } from '../../server/src/core/figures/counts';
import { scanFigures } from '../../server/src/core/figures/numbers';
import { BREAKDOWN_FIRST, BREAKDOWN_RE } from '../../server/src/core/figures/vocabulary';

/** Count claims (issue #13): a stated number of items after their enumeration, on fixtures of our own. */
function counts(text: string): string[] {
  return figuresOf(analyze(text))
    .claims.filter((c) => c.kind === 'count')
    .map((c) => `${c.verdict}${c.problem ? `(${c.problem})` : ''} | ${c.working} | ${c.inputs.filter((i) => i.role === 'item').map((i) => i.figure.printed).join('/')}`);
}

const CASES: Array<{ name: string; text: string; counts: string[] }> = [
  { name: 'items split at 、 before 三类', text: '对党务、政务、财务三类信息及时公开。', counts: ['consistent | 3 = 3 ✓ | 党务/政务/财务'] },
  { name: 'quoted items before 三向', text: '聚焦“优环境”“强服务”“促发展”三向发力。', counts: ['consistent | 3 = 3 ✓ | 优环境/强服务/促发展'] },
  { name: '等 then the count, every item listed', text: '内容涵盖适用范围、职责分工、考核评价、责任追究等四个方面。', counts: ['consistent | 4 = 4 ✓ | 适用范围/职责分工/考核评价/责任追究'] },
  { name: 'a comma list after 集中在', text: '案件类型主要集中在行政许可,行政处罚,行政强制,行政确认四类。', counts: ['consistent | 4 = 4 ✓ | 行政许可/行政处罚/行政强制/行政确认'] },
  { name: 'the last two items joined by 和', text: '培训内容包括法律知识、业务规范和廉政教育三部分。', counts: ['consistent | 2 + 1 = 3 ✓ | 法律知识/业务规范和廉政教育'] },
  { name: 'years listed before 三年', text: '完成2021、2022、2023三年的年报整理。', counts: ['consistent | 3 = 3 ✓ | 完成2021/2022/2023'] },
  { name: 'a list longer than the count', text: '对党务、政务、财务、村务三类信息实行清单化公开。', counts: ['inconsistent(more) | 4 ≠ 3 | 党务/政务/财务/村务'] },
  { name: '等 and a list longer than the count', text: '推进审批、监管、执法、服务、评价等四项改革。', counts: ['inconsistent(more) | 5 ≠ 4 | 推进审批/监管/执法/服务/评价'] },
  { name: 'a list shorter than a number of parts, opened by 由', text: '本办法由总则、职责分工、监督考核四个部分组成。', counts: ['inconsistent(fewer) | 3 ≠ 4 | 总则/职责分工/监督考核'] },
  { name: '等 and a shorter list: partial, no claim', text: '本年度报告包括总体情况、主动公开情况等五部分。', counts: [] },
  { name: 'a shorter list before 三项: the count may be of the noun after it', text: '落实市委、市政府三项部署。', counts: [] },
  { name: 'idioms are not counts', text: '切实做到两个“凡是”，实现“十连降”，一是强化学习，二是完善制度。', counts: [] },
  { name: 'a list of counts is not an enumeration', text: '占比超过10%的有44种、超过20%的有23种、超过30%的有11种。', counts: [] },
  { name: 'a count inside a quotation, the list outside it', text: '甲遗址、乙遗址、丙遗址入选“全国十大考古新发现”。', counts: [] },
  { name: '两位数 is double digits, not two items', text: '网络消费、直播电商交易额实现两位数增长。', counts: [] },
  { name: '前两名 is a rank, not two items', text: '甲街、乙街在全市验收中包揽前两名。', counts: [] },
  { name: 'a heading marker is not an item', text: '二、落实总书记赋予的五大战略定位', counts: [] },
  { name: 'a list closed by its own count earlier in the clause is not part of the next one', text: '完成市、区两级市场监管、生态环境、文化市场、交通运输、农业五大领域的综合执法改革。', counts: ['consistent | 5 = 5 ✓ | 市场监管/生态环境/文化市场/交通运输/农业'] },
  { name: 'traditional script', text: '對黨務、政務、財務三類信息及時公開。', counts: ['consistent | 3 = 3 ✓ | 黨務/政務/財務'] },
];

describe('figures: count claims', () => {
  for (const c of CASES) it(c.name, () => assert.deepEqual(counts(c.text), c.counts));

  it('a hard-wrapped paragraph without figures: its count, skipped numbers and sentences at offsets in the text as written', () => {
    const text = '2025年，我们聚焦“稳增长”“促改革”“惠民生”三向发力推进各项\n工作落实。第二季度召开了专题会议。\n';
    const fa = figuresOf(analyze(text));
    assert.deepEqual(fa.figures, []);
    const [count] = fa.claims;
    assert.equal(fa.claims.length, 1);
    assert.equal(count.kind, 'count');
    assert.equal(count.verdict, 'consistent');
    assert.equal(count.anchor.numStart, text.indexOf('三向'));
    assert.equal(count.anchor.end, text.indexOf('三向') + 2);
    assert.deepEqual(count.inputs.filter((i) => i.role === 'item').map((i) => [i.figure.printed, i.figure.start, text.slice(i.figure.start, i.figure.end)]), [
      ['稳增长', text.indexOf('稳增长'), '稳增长'],
      ['促改革', text.indexOf('促改革'), '促改革'],
      ['惠民生', text.indexOf('惠民生'), '惠民生'],
    ]);
    assert.deepEqual(fa.skipped.map((x) => [text.slice(x.start, x.end), x.reason]), [['2025', 'year'], ['三', 'no-unit'], ['二', 'ordinal']]);
    // One sentence over the line break (the break is cut out, not a sentence end), then the next.
    assert.deepEqual(fa.sentences.map((st) => text.slice(st.start, st.end)), ['2025年，我们聚焦“稳增长”“促改革”“惠民生”三向发力推进各项\n工作落实。', '第二季度召开了专题会议。']);
  });

  it('the summary, its CSV and the hover show a count with its items', () => {
    const a = analyze('一、总体情况\n对党务、政务、财务三类信息及时公开。\n');
    const summary = statsSummary(a);
    const row = summary.claims.find((c) => c.kind === 'count')!;
    assert.equal(row.verdict, 'consistent');
    assert.equal(row.text, '三类');
    assert.deepEqual(row.inputs.map((i) => `${i.role} ${i.text}`), ['total 三类', 'item 党务', 'item 政务', 'item 财务']);
    assert.ok(statsToMarkdown(summary, 'zh-cn').includes('列举项数'));
    assert.ok(statsToMarkdown(summary, 'en').includes('item count'));
    assert.ok(statsToCsv([{ path: 'r.txt', summary }]).includes(',count,'));
    const at = a.doc.text.indexOf('三类') + 1;
    assert.match(hoverAt(a, at, 'zh-cn') ?? '', /列举 3 项：党务 \/ 政务 \/ 财务 ✓/);
  });
});

describe('count scanning (nextCount) finds what COUNT_RE finds', () => {
  /** Every match as "index:text", by the global expression and by nextCount. */
  function byRegex(s: string): string[] {
    const re = new RegExp(COUNT_RE.source, 'g');
    const out: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) out.push(`${m.index}:${m[0]}:${m[1]}:${m[2]}`);
    return out;
  }
  function byScan(s: string): string[] {
    const out: string[] = [];
    let m: RegExpExecArray | null;
    for (let from = 0; (m = nextCount(s, from)); from = m.index + m[0].length) out.push(`${m.index}:${m[0]}:${m[1]}:${m[2]}`);
    // The same through the number tokens of the scan.
    const viaTokens: string[] = [];
    const { tokens } = scanFigures(s);
    const cursor = { token: 0 };
    for (let from = 0; (m = nextCountInTokens(s, tokens, cursor, from)); from = m.index + m[0].length) viaTokens.push(`${m.index}:${m[0]}:${m[1]}:${m[2]}`);
    assert.deepEqual(viaTokens, out, `through tokens: ${JSON.stringify(s)}`);
    return out;
  }

  it('on hand-made cases: runs longer than a match, zeros, digits beside Chinese numerals, classifiers back to back', () => {
    for (const s of ['二十三个方面', '一百二十三个', '05年和10个', '2020三年', '十十十十类', '123456项', '三年三年', '十个方面四大类', '0个', '两两两两个部分', '九十九种、1010条', '百分之三十个', '1,234个', '3.5个', '《三个方面》', '第三个', '百分之三点五个', '3０个', '12,34个', '三百二十类']) {
      assert.deepEqual(byScan(s), byRegex(s), s);
    }
  });

  it('on random strings over numerals, classifiers and other characters', () => {
    // A small deterministic generator (no Math.random: a failure must be reproducible).
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const alphabet = [...'两二三四五六七八九十一百千万亿零〇0123456789０１个方面部分领域环节板块维度大类种向项条家所名位支款年的、，。,.．%之第《》“” 分点'];
    for (let t = 0; t < 20000; t++) {
      let s = '';
      const len = next() % 24;
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      assert.deepEqual(byScan(s), byRegex(s), JSON.stringify(s));
    }
  });
});

describe('prefilters of the figures vocabulary', () => {
  it('every word of BREAKDOWN_RE starts with a character of BREAKDOWN_FIRST', () => {
    // The top-level alternatives of the expression, each without a leading lookbehind.
    const alternatives: string[] = [];
    let depth = 0;
    let current = '';
    for (const ch of BREAKDOWN_RE.source) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === '|' && depth === 0) {
        alternatives.push(current);
        current = '';
      } else current += ch;
    }
    alternatives.push(current);
    assert.ok(alternatives.length >= 5);
    for (const a of alternatives) {
      const word = a.replace(/^\(\?<=[^)]*\)/, '');
      assert.match(word[0], BREAKDOWN_FIRST, a);
    }
  });
});
