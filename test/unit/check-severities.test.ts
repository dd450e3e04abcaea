/**
 * checkDocument keeps the severities of a rule list per config and profile (by identity): checks
 * alternating between configs must each see their own config's severities.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import type { Finding } from '../../server/src/core/types';

const TEXT = ['关于二〇二五年工作情况的报告', '', '一、主要工作', '', '今年共完成项目12个,其中新建项目5个、续建项目4个,完成投资3.5亿元,同比增长15%.', '全年受理案件200件,办结180件,办结率为95%。', ''].join('\n');

function check(config: ReturnType<typeof defaultConfig>): Finding[] {
  return checkDocument(Analysis.fromText(TEXT, { uri: 'file:///t/report.txt' }), { config, locale: 'zh-cn', forceReport: true });
}

describe('check severities', () => {
  it('alternating configs each give their own rules and severities', () => {
    const base = mergeConfig(defaultConfig(), {});
    const first = check(base);
    assert.ok(first.length > 0, 'the text has findings');
    const ruleId = first[0].ruleId;
    const off = mergeConfig(base, { rules: { [ruleId]: 'off' } });
    const asError = mergeConfig(base, { rules: { [ruleId]: 'error' } });
    const asInfo = mergeConfig(base, { rules: { [ruleId]: 'info' } });
    for (let round = 0; round < 3; round++) {
      assert.equal(check(off).filter((f) => f.ruleId === ruleId).length, 0, `round ${round}: off`);
      const errors = check(asError).filter((f) => f.ruleId === ruleId);
      assert.ok(errors.length > 0 && errors.every((f) => f.severity === 'error'), `round ${round}: error`);
      const infos = check(asInfo).filter((f) => f.ruleId === ruleId);
      assert.ok(infos.length > 0 && infos.every((f) => f.severity === 'info'), `round ${round}: info`);
      assert.deepEqual(JSON.parse(JSON.stringify(check(base))), JSON.parse(JSON.stringify(first)), `round ${round}: base again`);
    }
  });
});
