import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { figuresOf } from '../../server/src/core/figures';
import { analyze, check } from '../helpers';

/**
 * Shapes of issue #13 read by their own modules, each with positive and negative fixtures of our
 * own: doublings (翻一番, 翻两番), a difference in points within a 分别为 series, and a total in the
 * previous paragraph referred to explicitly (受理34件。\n\n受理案件中…).
 */
const FIGURE_RULES = ['rate-mismatch', 'sum-mismatch', 'change-mismatch', 'figure-conflict', 'percent-point', 'rate-impossible', 'percent-out-of-range', 'count-mismatch'];

function claims(text: string, kinds: readonly string[]): string[] {
  return figuresOf(analyze(text))
    .claims.filter((c) => kinds.includes(c.kind))
    .map((c) => `${c.kind} ${c.verdict}${c.severity ? `(${c.severity})` : ''} | ${c.working}`);
}

function findings(text: string): string[] {
  return check(text, { forceReport: true })
    .filter((f) => FIGURE_RULES.includes(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.ruleId}`);
}

const CASES: Array<{ name: string; text: string; kinds: string[]; claims: string[]; findings: string[] }> = [
  {
    name: '翻一番 from A to B: about twice (positive)',
    text: '高新技术企业从2000家增长到4100家，实现翻一番。',
    kinds: ['multiple'],
    claims: ['multiple consistent | 4100 ÷ 2000 = 2.05 ≈ 2 ✓'],
    findings: [],
  },
  {
    name: '翻两番 is four times, in one scale (positive)',
    text: '研发投入由12亿元增加到50亿元，翻两番。',
    kinds: ['multiple'],
    claims: ['multiple consistent | 50 ÷ 12 = 4.166… ≈ 4 ✓'],
    findings: [],
  },
  {
    name: '翻一番 that is only one and a half times is a warning (negative)',
    text: '高新技术企业从2000家增长到3000家，实现翻一番。',
    kinds: ['multiple'],
    claims: ['multiple inconsistent(warning) | 3000 ÷ 2000 = 1.5 < 2'],
    findings: ['1:24 warning change-mismatch'],
  },
  {
    name: '翻一番 with one figure, or against an approximate figure, asserts nothing (negative)',
    text: '研发投入翻一番，利润翻三番。\n企业从2000家增长到1850家以上，翻一番。',
    kinds: ['multiple'],
    claims: ['multiple unverifiable | 1850 ÷ 2000 = 0.925 ≈ 2 ?'],
    findings: [],
  },
  {
    name: 'a difference in points between two members of a 分别为 series (positive)',
    text: '城镇、农村居民人均可支配收入增速分别为5.1%、6.8%，农村快于城镇1.7个百分点。',
    kinds: ['change'],
    claims: ['change consistent | 6.8% − 5.1% = 1.7 ✓'],
    findings: [],
  },
  {
    name: 'a wrong difference with both names in full is an error (negative)',
    text: '行政许可、行政处罚两类案件办结率分别为98.6%和95.1%，行政许可比行政处罚高3.2个百分点。',
    kinds: ['change'],
    claims: ['change inconsistent | 98.6% − 95.1% = 3.5 ≠ 3.2'],
    findings: ['1:42 error change-mismatch'],
  },
  {
    name: 'a wrong difference with a shortened name is a warning (negative)',
    text: '城镇、农村居民人均可支配收入增速分别为5.1%、6.8%，农村快于城镇2.7个百分点。',
    kinds: ['change'],
    claims: ['change inconsistent(warning) | 6.8% − 5.1% = 1.7 ≠ 2.7'],
    findings: ['1:36 warning change-mismatch'],
  },
  {
    name: '前者/后者 and a difference downwards (positive)',
    text: '网上、窗口申请占比分别为60%、40%，后者低于前者20个百分点。',
    kinds: ['change'],
    claims: ['change consistent | 40% − 60% = -20 ✓'],
    findings: [],
  },
  {
    name: 'points that name no member of the series are not compared (negative)',
    text: '城镇、农村居民收入分别增长5%、6.5%，城镇化率提高1.2个百分点。',
    kinds: ['change'],
    claims: [],
    findings: [],
  },
  {
    name: 'a total in the previous paragraph, referred to as 受理案件中 (positive)',
    text: '全年受理行政复议案件34件。\n\n受理案件中，行政处罚类20件，行政许可类14件。',
    kinds: ['sum'],
    claims: ['sum consistent | 20 + 14 = 34 ✓'],
    findings: [],
  },
  {
    name: 'a paragraph opening with 其中 continues the total of the paragraph before (positive)',
    text: '全年受理行政复议案件34件。\n\n其中行政处罚类20件，行政许可类14件。',
    kinds: ['sum'],
    claims: ['sum consistent | 20 + 14 = 34 ✓'],
    findings: [],
  },
  {
    name: 'parts above the total of the previous paragraph are a warning: it assumes the reference (negative)',
    text: '全年受理行政复议案件34件。\n\n上述案件中，行政处罚类20件，行政许可类18件。',
    kinds: ['sum'],
    claims: ['sum inconsistent(warning) | 20 + 18 = 38 > 34'],
    findings: ['1:11 warning sum-mismatch'],
  },
  {
    name: 'a reference that does not name the total is not a back reference (negative)',
    text: '全年受理行政复议案件34件。\n\n办理案件中，行政处罚类20件，行政许可类18件。\n\n全年开展检查12次。\n\n检查中，发现问题8个，整改8个。',
    kinds: ['sum'],
    claims: [],
    findings: [],
  },
];

describe('figures: doublings, point differences in a series, totals of the previous paragraph', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(claims(c.text, c.kinds), c.claims);
      assert.deepEqual(findings(c.text), c.findings);
    });
  }
});
