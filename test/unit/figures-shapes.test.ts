import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { figuresOf } from '../../server/src/core/figures';
import { check, analyze } from '../helpers';

/**
 * The shapes the figures engine reads (issue #13), each with a positive and a negative fixture
 * written for this project in the style of real reports: the claims recognised (kind, verdict
 * and severity, working) and the findings of the statistics rules.
 */
const FIGURE_RULES = ['rate-mismatch', 'sum-mismatch', 'change-mismatch', 'figure-conflict', 'percent-point', 'rate-impossible', 'percent-out-of-range'];

function claims(text: string): string[] {
  return figuresOf(analyze(text)).claims.map((c) => `${c.kind} ${c.verdict}${c.severity ? `(${c.severity})` : ''} | ${c.working}`);
}

function findings(text: string): string[] {
  return check(text, { forceReport: true })
    .filter((f) => FIGURE_RULES.includes(f.ruleId))
    .map((f) => `${f.severity} ${f.ruleId}`);
}

const CASES: Array<{ name: string; text: string; claims: string[]; findings: string[] }> = [
  {
    name: "share without 率: 占比 after each part of a 其中 list, and the parts add up (positive)",
    text: "本年度共受理申请40件，其中网上申请30件，占比75%，信函申请10件，占比25%。",
    claims: ["sum consistent | 30 + 10 = 40 ✓", "share consistent | 30 ÷ 40 = 75% ✓", "share consistent | 10 ÷ 40 = 25% ✓"],
    findings: [],
  },
  {
    name: "share without 率: a wrong 占比 with its whole in the same sentence is an error (negative)",
    text: "本年度共受理申请40件，其中网上申请30件，占比70%，信函申请10件，占比25%。",
    claims: ["sum consistent | 30 + 10 = 40 ✓", "share inconsistent | 30 ÷ 40 = 75% → 75% ≠ 70%", "share consistent | 10 ÷ 40 = 25% ✓"],
    findings: ["error rate-mismatch"],
  },
  {
    name: "share of a named generic base: 占总数的25% (positive)",
    text: "全年办理案件80件，其中简易程序案件20件，占总数的25%。",
    claims: ["sum consistent | 20 ≤ 80 ✓", "share consistent | 20 ÷ 80 = 25% ✓"],
    findings: [],
  },
  {
    name: "a series of shares after one total a sentence earlier is a complete breakdown (positive)",
    text: "本年度共办结复议案件50件。从类型看，行政处罚类20件，占40%；行政许可类15件，占30%；其他类15件，占30%。",
    claims: ["sum consistent | 20 + 15 + 15 = 50 ✓", "share consistent | 20 ÷ 50 = 40% ✓", "share consistent | 15 ÷ 50 = 30% ✓", "share consistent | 15 ÷ 50 = 30% ✓"],
    findings: [],
  },
  {
    name: "a series of shares: one wrong share, its whole confirmed by the others, is a warning (negative)",
    text: "本年度共办结复议案件50件。从类型看，行政处罚类20件，占40%；行政许可类15件，占31%；其他类15件，占30%。",
    claims: ["sum consistent | 20 + 15 + 15 = 50 ✓", "share consistent | 20 ÷ 50 = 40% ✓", "share inconsistent(warning) | 15 ÷ 50 = 30% → 30% ≠ 31%", "share consistent | 15 ÷ 50 = 30% ✓"],
    findings: ["warning rate-mismatch"],
  },
  {
    name: "a lone share with its whole a sentence earlier is not asserted: an information note (negative)",
    text: "本年度共办结复议案件50件。行政处罚类20件，占45%。",
    claims: ["share unverifiable | 20 ÷ 50 = 40% ?"],
    findings: ["info rate-mismatch"],
  },
  {
    name: "a rate base without 共/总: 开庭审理…出庭应诉…出庭应诉率 (positive)",
    text: "开庭审理案件52件，出庭应诉46件，出庭应诉率88.46%。",
    claims: ["rate consistent | 46 ÷ 52 = 88.461…% ✓"],
    findings: [],
  },
  {
    name: "a rate base without 共/总: a wrong 出庭应诉率 is an error (negative)",
    text: "开庭审理案件52件，出庭应诉46件，出庭应诉率90%。",
    claims: ["rate inconsistent | 46 ÷ 52 = 88.461…% → 88% ≠ 90%"],
    findings: ["error rate-mismatch"],
  },
  {
    name: "a rate stated before its counts (positive)",
    text: "行政机关负责人出庭应诉率100%（开庭审理12件，出庭应诉12件）。",
    claims: ["rate consistent | 12 ÷ 12 = 100% ✓"],
    findings: [],
  },
  {
    name: "a rate stated before its counts: a mismatch is an error (negative)",
    text: "行政机关负责人出庭应诉率95%（开庭审理20件，出庭应诉18件）。",
    claims: ["rate inconsistent | 18 ÷ 20 = 90% → 90% ≠ 95%"],
    findings: ["error rate-mismatch"],
  },
  {
    name: "a total one sentence earlier: 受理34件。其中… (positive)",
    text: "全年受理34件。其中，自然人申请30件，法人申请4件。",
    claims: ["sum consistent | 30 + 4 = 34 ✓"],
    findings: [],
  },
  {
    name: "a total one sentence earlier: parts above it are a warning that says what it assumed (negative)",
    text: "全年受理34件。其中，自然人申请30件，法人申请6件。",
    claims: ["sum inconsistent(warning) | 30 + 6 = 36 > 34"],
    findings: ["warning sum-mismatch"],
  },
  {
    name: "a parenthesised (含…) breakdown (positive)",
    text: "出台规范性文件9件（含新制定5件，修改4件）。",
    claims: ["sum consistent | 5 + 4 = 9 ✓"],
    findings: [],
  },
  {
    name: "a parenthesised (含…) breakdown whose parts exceed the total is an error (negative)",
    text: "出台规范性文件9件（含新制定5件，修改6件）。",
    claims: ["sum inconsistent(error) | 5 + 6 = 11 > 9"],
    findings: ["error sum-mismatch"],
  },
  {
    name: "number-first parts: 2件为…,4件为… (positive)",
    text: "共收到申请6件，2件为网络申请，4件为信函申请。",
    claims: ["sum consistent | 2 + 4 = 6 ✓"],
    findings: [],
  },
  {
    name: "number-first parts above the total are an error (negative)",
    text: "共收到申请6件，2件为网络申请，5件为信函申请。",
    claims: ["sum inconsistent(error) | 2 + 5 = 7 > 6"],
    findings: ["error sum-mismatch"],
  },
  {
    name: "综合化解率 = (纠错 + 调解) ÷ 审结 (positive)",
    text: "审结案件200件，其中直接纠错20件，调解和解结案30件，综合化解率25%。",
    claims: ["sum consistent | 20 + 30 = 50 ≤ 200 ✓", "rate consistent | (20 + 30) ÷ 200 = 25% ✓"],
    findings: [],
  },
  {
    name: "综合化解率 off its sum is a warning: the definition is a reading (negative)",
    text: "审结案件200件，其中直接纠错20件，调解和解结案30件，综合化解率28%。",
    claims: ["sum consistent | 20 + 30 = 50 ≤ 200 ✓", "rate inconsistent(warning) | (20 + 30) ÷ 200 = 25% → 25% ≠ 28%"],
    findings: ["warning rate-mismatch"],
  },
  {
    name: "a change after an absolute difference (positive)",
    text: "受理案件1113件，较上年558件增加555件，同比增长99.5%。",
    claims: ["change consistent | 1113 − 558 = 555 ✓", "change consistent | (1113 − 558) ÷ 558 = 99.462…% ✓"],
    findings: [],
  },
  {
    name: "a change after an absolute difference: a wrong percentage is an error (negative)",
    text: "受理案件1113件，较上年558件增加555件，同比增长89.5%。",
    claims: ["change consistent | 1113 − 558 = 555 ✓", "change inconsistent | (1113 − 558) ÷ 558 = 99.462…% ≠ +89.5%"],
    findings: ["error change-mismatch"],
  },
  {
    name: "年均增长 over a stated span is a compound rate (positive)",
    text: "地区生产总值从2020年的2.00万亿元增长到2025年的2.55万亿元，年均增长5%。",
    claims: ["cagr consistent | (2.55 ÷ 2.00)^(1/5) − 1 = 4.978…% ✓"],
    findings: [],
  },
  {
    name: "年均增长 written as the total growth is an error (negative)",
    text: "地区生产总值从2020年的2.00万亿元增长到2025年的2.55万亿元，年均增长27.5%。",
    claims: ["cagr inconsistent | (2.55 ÷ 2.00)^(1/5) − 1 = 4.978…% ≠ 27.5%"],
    findings: ["error change-mismatch"],
  },
  {
    name: "年均增长 without a stated span is not asserted; the note names the spans that fit (negative)",
    text: "居民人均收入由3.10万元增加到4.00万元、年均增长5.2%。",
    claims: ["cagr unverifiable | (4.00 ÷ 3.10)^(1/n) − 1, n ∈ {5} ?"],
    findings: [],
  },
  {
    name: "the next clause's growth rate is not paired with this clause's 从…增长到… (negative)",
    text: "财政收入从3000亿元增长到3500亿元，工业增加值年均增长6.5%。",
    claims: [],
    findings: [],
  },
  {
    name: "a multiple: 增长3倍 from 200 to 800 (positive)",
    text: "高新技术企业从200家增长到800家，增长3倍。",
    claims: ["multiple consistent | 800 ÷ 200 = 4 ✓"],
    findings: [],
  },
  {
    name: "a multiple that fits neither reading is a warning (negative)",
    text: "高新技术企业从200家增长到800家，增长6倍。",
    claims: ["multiple inconsistent(warning) | 800 ÷ 200 = 4 ≠ 6"],
    findings: ["warning change-mismatch"],
  },
  {
    name: "percentage points against the previous value in brackets (positive)",
    text: "优良天数比例为92.5%，较上年提高1.2个百分点（上年为91.3%）。",
    claims: ["change consistent | 92.5 − 91.3 = 1.2 ✓"],
    findings: [],
  },
  {
    name: "percentage points off the difference is an error (negative)",
    text: "优良天数比例为92.5%，较上年提高1.5个百分点（上年为91.3%）。",
    claims: ["change inconsistent | 92.5 − 91.3 = 1.2 ≠ 1.5"],
    findings: ["error change-mismatch"],
  },
  {
    name: "a per-thousand figure is never the total of a breakdown (negative)",
    text: "食品抽检量达每千人5.2批次，其中开展专项抽检超3万批次。",
    claims: [],
    findings: [],
  },
  {
    name: "a later clause's figure larger than the whole is not one of its parts (negative)",
    text: "新增造林100万亩、其中防护林30万亩，修复草原400万亩，治理水土流失20万亩。",
    claims: ["sum consistent | 300000 ≤ 1000000 ✓"],
    findings: [],
  },
  {
    name: "a scaled figure in another unit is not a part of a count of indicators (negative)",
    text: "提出3项指标，其中粮食产能500亿斤左右。",
    claims: [],
    findings: [],
  },
  {
    name: "包括 listing tasks with their own units is not a sum (negative)",
    text: "今年，我们将办好10件民生实事，包括：改造老旧小区600个；新建托育点50个。",
    claims: [],
    findings: [],
  },
  {
    name: "a plan section's figures never conflict with last year's results (negative)",
    text: "一、2025年工作回顾\n改造老旧小区500个、更新老旧电梯3000部。\n二、2026年工作安排\n改造老旧小区300个、更新老旧电梯2000部。",
    claims: [],
    findings: [],
  },
  {
    name: "a sentence marked as a plan (今年将…) never conflicts with a result (negative)",
    text: "一、2025年工作回顾\n改造老旧小区500个。\n今年将改造老旧小区300个。",
    claims: [],
    findings: [],
  },
  {
    name: "two results of one quantity in one report still conflict (positive)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区500个，完成投资20亿元。\n（三）其他\n全年改造城镇老旧小区520个。",
    claims: ["repeat inconsistent | 500 ≠ 520"],
    findings: ["warning figure-conflict"],
  },
  {
    name: "one phrase with two units is two quantities, each compared with its own first statement (positive)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区500个。全年改造城镇老旧小区80栋。\n（三）其他\n全年改造城镇老旧小区520个。全年改造城镇老旧小区80栋。",
    claims: ["repeat inconsistent | 500 ≠ 520", "repeat consistent | 80 = 80 ✓"],
    findings: ["warning figure-conflict"],
  },
  {
    name: "a first statement in a sentence compared with last year is no statement: the next two are compared (positive)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区480个，比上年增加20个。\n（二）城市建设\n全年改造城镇老旧小区500个。\n（三）其他\n全年改造城镇老旧小区520个。",
    claims: ["repeat inconsistent | 500 ≠ 520"],
    findings: ["warning figure-conflict"],
  },
  {
    name: "a later statement in a sentence compared with last year is skipped: the one after it is compared with the first (positive)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区500个。\n（二）城市建设\n全年改造城镇老旧小区520个，比上年增加20个。\n（三）其他\n全年改造城镇老旧小区530个。",
    claims: ["repeat inconsistent | 500 ≠ 530"],
    findings: ["warning figure-conflict"],
  },
  {
    name: "two statements each in a sentence compared with last year are never compared (negative)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区500个，较上年多40个。\n（二）城市建设\n全年改造城镇老旧小区520个，比上年增加20个。",
    claims: [],
    findings: [],
  },
  {
    name: "a part of a breakdown (其中…) is not the total stated elsewhere (negative)",
    text: "一、2025年工作回顾\n全年改造城镇老旧小区500个。\n（二）城市建设\n全年完成投资20亿元，其中改造城镇老旧小区300个。",
    claims: [],
    findings: [],
  },
  {
    name: "two parts of breakdowns are compared with each other, not with the total (positive)",
    text: "一、2025年工作回顾\n全年完成投资20亿元，其中改造城镇老旧小区300个。\n（二）城市建设\n全年完成投资30亿元，其中改造城镇老旧小区320个。\n（三）其他\n全年改造城镇老旧小区500个。",
    claims: ["repeat inconsistent | 300 ≠ 320"],
    findings: ["warning figure-conflict"],
  },
  {
    name: "traditional script through the simplified view (positive)",
    text: "本年度共受理申請40件，其中網上申請30件，佔比75%，信函申請10件，佔比25%。",
    claims: ["sum consistent | 30 + 10 = 40 ✓", "share consistent | 30 ÷ 40 = 75% ✓", "share consistent | 10 ÷ 40 = 25% ✓"],
    findings: [],
  },
  {
    name: "bracketed previous values with 同比分别增长 (positive)",
    text: "各类案件8000件(2023年6400件)，审结7800件(2023年6500件)，同比分别增长25%和20%。",
    claims: ["change consistent | (8000 − 6400) ÷ 6400 = 25% ✓", "change consistent | (7800 − 6500) ÷ 6500 = 20% ✓"],
    findings: [],
  },
  {
    name: "bracketed previous values with 同比分别增长: a wrong second change is an error (negative)",
    text: "各类案件8000件(2023年6400件)，审结7800件(2023年6500件)，同比分别增长25%和22%。",
    claims: ["change consistent | (8000 − 6400) ÷ 6400 = 25% ✓", "change inconsistent | (7800 − 6500) ÷ 6500 = 20% ≠ +22%"],
    findings: ["error change-mismatch"],
  },
  {
    name: "a restated subject before 较上一年度 (positive)",
    text: "以区政府为被告的案件共300件，案件量较上一年度240件增长25%。",
    claims: ["change consistent | (300 − 240) ÷ 240 = 25% ✓"],
    findings: [],
  },
  {
    name: "a case ledger that balances: 新收 + 上年结转 = 审结 + 结转下年 (positive)",
    text: "本年度新收行政复议案件120件，上年结转8件，审结115件，结转下年13件。",
    claims: ["balance consistent | 120 + 8 = 128 = 115 + 13 = 128 ✓"],
    findings: [],
  },
  {
    name: "a case ledger that does not balance is a warning (negative)",
    text: "本年度新收行政复议案件120件，上年结转8件，审结115件，结转下年10件。",
    claims: ["balance inconsistent(warning) | 120 + 8 = 128 ≠ 115 + 10 = 125 ✗"],
    findings: ["warning sum-mismatch"],
  },
];

describe('figures: the shapes of real phrasing', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(claims(c.text), c.claims);
      assert.deepEqual(findings(c.text), c.findings);
    });
  }
});
