import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/core/features/hover';
import { statsSummary, statsToCsv, statsToMarkdown } from '../../server/src/core/figures/summary';
import { shortLabel } from '../../server/src/core/figures/text';
import { analyze } from '../helpers';

/** The new claim kinds in the hover and the statistics summary (text, JSON, CSV), with their working. */
const TEXT = [
  '一、2025年工作情况',
  '全年共受理申请40件，其中网上申请30件，占比75%，信函申请10件，占比25%。',
  '地区生产总值从2020年的2.00万亿元增长到2025年的2.55万亿元，年均增长5%。',
  '高新技术企业从200家增长到800家，增长3倍。',
  '本年度新收行政复议案件120件，上年结转8件，审结115件，结转下年13件。',
  '行政机关负责人出庭应诉率100%（开庭审理12件，出庭应诉12件）。',
  '',
  '| 项目 | 网上 | 信函 | 合计 |',
  '| 申请 | 30 | 10 | 40 |',
].join('\n');

describe('figures: new claim kinds in the hover and the summary', () => {
  const a = analyze(TEXT);
  const summary = statsSummary(a);
  const kinds = summary.claims.map((c) => `${c.kind} ${c.verdict}`);

  it('the summary lists share, cagr, multiple, balance and table sums with their working', () => {
    for (const k of ['share consistent', 'cagr consistent', 'multiple consistent', 'balance consistent', 'sum consistent']) assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
    const cagr = summary.claims.find((c) => c.kind === 'cagr')!;
    assert.equal(cagr.working, '(2.55 ÷ 2.00)^(1/5) − 1 = 4.978…% ✓');
    assert.deepEqual(cagr.inputs.map((i) => i.role), ['change', 'current', 'base']);
    const table = summary.claims.find((c) => c.kind === 'sum' && c.range.start.line === 8)!;
    assert.equal(table.working, '30 + 10 = 40 ✓');
    const md = statsToMarkdown(summary, 'zh-cn');
    for (const word of ['占比', '年均增长', '倍数', '收结平衡']) assert.ok(md.includes(word), word);
    const csv = statsToCsv([{ path: 'r.txt', summary }]);
    for (const k of [',share,', ',cagr,', ',multiple,', ',balance,']) assert.ok(csv.includes(k), k);
  });

  it('the hover shows the working of a 年均增长 and of a share', () => {
    const at = (needle: string) => a.doc.text.indexOf(needle) + 1;
    assert.match(hoverAt(a, at('年均增长5%') + 4, 'zh-cn') ?? '', /复合增长率[\s\S]*\(2\.55 ÷ 2\.00\)\^\(1\/5\) − 1 = 4\.978…%/);
    assert.match(hoverAt(a, at('75%'), 'zh-cn') ?? '', /30 ÷ 40 = 75% → 75% ✓/);
    assert.match(hoverAt(a, at('13件'), 'en') ?? '', /new \+ carried in = closed \+ carried out/);
  });

  it('rate names and labels are never cut inside a word', () => {
    assert.ok(summary.claims.some((c) => c.name === '行政机关负责人出庭应诉率'), summary.claims.map((c) => c.name).join(', '));
    // Shortened labels start at a word: 服务 rather than inside 政务.
    assert.equal(shortLabel('区政务服务平台共收到企业群众诉求', 14), '…服务平台共收到企业群众诉求');
    assert.equal(shortLabel('被申请人改变原行政行为', 12), '被申请人改变原行政行为');
  });
});
