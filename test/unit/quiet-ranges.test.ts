import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { ANCHOR_WORDS } from '../../server/src/core/rules/profile-shared';
import { check } from '../helpers';

/** Notes about a whole document underline a few words, never the paragraph other findings are about. */
describe('quiet ranges', () => {
  const text =
    '2024年，某县坚持依法行政，深入推进法治政府建设，全面落实行政执法三项制度，县司法局牵头开展gōng zuò督查。现将有关情况报告如下：\n' +
    '一、主要举措和成效\n县长履行推进法治建设第一责任人职责。\n二、存在的不足和原因\n一是力量不足，主要是编制有限。\n三、2025年工作安排\n2025年，某县将继续深化法治政府建设，推动各项工作取得新成效。\n';

  it('missing-title covers the opening words, not the first paragraph', () => {
    const findings = check(text, { forceReport: true });
    const title = findings.find((f) => f.ruleId === 'missing-title');
    assert.ok(title, findings.map((f) => f.ruleId).join());
    assert.equal(title.range.start.line, 0);
    assert.equal(title.range.start.character, 0);
    assert.equal(title.range.end.line, 0);
    assert.ok(title.range.end.character <= ANCHOR_WORDS, JSON.stringify(title.range));
    assert.equal(text.slice(0, title.range.end.character), '2024年');
  });

  it('signature-date covers the closing words of the last line', () => {
    const findings = check(text, { forceReport: true });
    const sig = findings.find((f) => f.ruleId === 'signature-date');
    assert.ok(sig);
    const lines = text.split('\n');
    const last = lines[sig.range.start.line];
    assert.ok(sig.range.end.character - sig.range.start.character <= ANCHOR_WORDS + 1, JSON.stringify(sig.range));
    assert.equal(last.slice(sig.range.start.character, sig.range.end.character), '推动各项工作取得新成效。');
  });
});
