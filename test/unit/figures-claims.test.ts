import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyzeFigures } from '../../server/src/core/figures/analyze';
import { check } from '../helpers';

/** Every phrasing of domain.md §3 and the tricky negatives, at the level of claims. */
function claims(text: string): string[] {
  return analyzeFigures(text)
    .claims.filter((c) => c.verdict !== 'unverifiable' || c.tried)
    .map((c) => `${c.kind} ${c.verdict} | ${c.working}`);
}

const CASES: Array<[string, string[]]> = [
  // Rates
  ['共调解各类矛盾纠纷2176宗，成功调解2085宗，成功率95.82%。', ['rate consistent | 2085 ÷ 2176 = 95.818…% ✓']],
  ['共办理行政复议案件260宗,同比增长134%;已审结202宗,审结率85%。', ['rate inconsistent | 202 ÷ 260 = 77.692…% → 78% ≠ 85%']],
  ['共受理198宗,办结192宗,办结率96.97%。', ['rate consistent | 192 ÷ 198 = 96.969…% ✓']],
  ['共受理198宗,办结192宗,办结率96.96%。', ['rate consistent | 192 ÷ 198 = 96.969…% ✓ (truncated)']],
  ['共受理2.4万件,办结2.3万件,办结率95.8%。', ['rate consistent | 23000 ÷ 24000 = 95.833…% ✓']],
  ['共受理申请40件,办结38件,办结率百分之九十五。', ['rate consistent | 38 ÷ 40 = 95% ✓']],
  ['共收案5168件,立案受理4072件,调解2505宗,调解率55.78%。', ['rate unverifiable | 2505 ÷ 4072 = 61.517…%; 2505 ÷ 5168 = 48.471…% ?']],
  ['新收案件74.96万件,审结16.79万件,调撤结案率26.3%。', []],
  ['全区1969个政务服务事项纳入评价系统,好评率达99.99%。', []],
  // GRIM
  ['本年度共办理复议案件12宗,审结率85%。', ['grim inconsistent | k ÷ 12 ≠ 85% ∀k']],
  ['本年度共办理复议案件12宗,审结率75%。', ['grim consistent | 9 ÷ 12 ✓']],
  ['本年度共办理复议案件1200宗,审结率85%。', []],
  // Bounds
  ['网上办结率达102%。', ['rate-bound inconsistent | 102% > 100%']],
  ['年度计划完成率112%,同比增长134%。', []],
  // Totals and breakdowns
  ['共办理人大建议、政协提案101件，其中市人大建议20件、市政协提案26件，区人大建议18件、区政协提案37件。', ['sum consistent | 20 + 26 + 18 + 37 = 101 ✓']],
  ['研究议题35个(其中党组会研究6个,常务会研究28个,全体会议学法活动1次),召开扩大会议研究议题2个。', ['sum consistent | 6 + 28 + 1 = 35 ✓']],
  ['共纳入8项事项,其中2项同时纳入听证目录。', ['sum consistent | 2 ≤ 8 ✓']],
  ['共审查文件60件,市级、区级分别为25件、30件。', ['sum inconsistent | 25 + 30 = 55 < 60']],
  ['共审查文件60件。其中市级25件、区级40件。', ['sum inconsistent | 25 + 40 = 65 > 60']],
  ['共审查文件60件,其中:市级25件;区级35件。', ['sum consistent | 25 + 35 = 60 ✓']],
  ['共调解纠纷1500余件,其中婚姻家庭类700件、邻里类500件,其他类型280件。', ['sum inconsistent | 700 + 500 + 280 = 1480 < 1500']],
  ['共调解纠纷1500余件,其中婚姻家庭类700件、邻里类500件。', ['sum consistent | 700 + 500 = 1200 ≤ 1500 ✓']],
  ['共培训干部300人,其中处级干部120人、科级干部200件。', ['sum consistent | 120 ≤ 300 ✓']],
  // Changes and percentage points
  ['受理案件150件,比上年的120件增长25%。', ['change consistent | (150 − 120) ÷ 120 = 25% ✓']],
  ['受理案件150件,同比增长20%(上年同期为120件)。', ['change inconsistent | (150 − 120) ÷ 120 = 25% ≠ +20%']],
  ['从120件增加到150件,增加30件。', ['change consistent | 150 − 120 = 30 ✓']],
  ['共收案5168件,立案受理4072件,同比增长6.56%。', []],
  ['辖区警情同比下降120%。', ['change inconsistent | −120% < −100%']],
  ['纠错率由59.70%上升至61.74%,提高2.04%。', ['percent-point inconsistent | 61.74% − 59.70% = 2.04 ≠ 2.04% (3.417…%)']],
  ['纠错率由59.70%上升至61.74%,提高2.04个百分点。', ['change consistent | 61.74 − 59.70 = 2.04 ✓']],
  ['增长1.5倍。', []],
  // Not figures at all
  ['2024年4月,市委“1310”具体部署和“7+2”平台、营商环境6.0改革、12345热线、〔2024〕3号文、第三批试点。', []],
];

describe('figures: claims for every phrasing', () => {
  for (const [text, expected] of CASES) {
    it(text, () => assert.deepEqual(claims(text), expected));
  }

  it('a stated 100% over counts that fall short is a warning, not an error', () => {
    const [f] = check('共受理申请40件,办结38件,办结率100%。', { only: ['rate-mismatch'], forceReport: true });
    assert.equal(f.severity, 'warning');
  });

  it('figures keep their offsets in a traditional text with pinyin residue', () => {
    const text = '區(qū)共辦理案件260宗,已審(shěn)結202宗,審結率85%。';
    const [f] = check(text, { only: ['rate-mismatch'], forceReport: true });
    assert.equal(text.slice(f.range.start.character, f.range.end.character), '85%');
  });
});

describe('claim explanations', () => {
  it('quote the figures as written, also when pinyin residue was cut out of the sentence first', () => {
    for (const text of ['本区(qū)全年共受理案件200件，审结180件，审结率90%。', '本区全年共受理案件200件，审结180件，审结率90%。']) {
      const [c] = analyzeFigures(text).claims;
      assert.equal(c.verdict, 'consistent');
      assert.match(c.explanation['zh-cn'], /分子：审结 180件\n- 分母：本区全年共受理案件 200件/);
      assert.match(c.explanation.en, /numerator: 审结 180件/);
      // Read twice: the same text (built once).
      assert.equal(c.explanation, c.explanation);
    }
  });
});
