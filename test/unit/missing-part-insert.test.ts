import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { applyEdits, check } from '../helpers';

describe('missing-part insertion into a report without level-1 sections', () => {
  it('opens the level-1 sequence with 一、 so the inserted part is recognised', () => {
    const uri = 'file:///t/draft.txt';
    const text = '某县人民政府关于2024年度法治政府建设情况的报告\n全县持续推进依法行政。\n';
    const before = check(text, { uri }).filter((f) => f.ruleId === 'missing-part');
    assert.ok(before.length >= 1);
    for (const f of before) {
      const fix = f.fixes![0];
      const fixed = applyEdits(text, fix.edits);
      assert.match(fixed, /\n一、/);
      assert.ok(fixed.startsWith(text.trimEnd()), 'text before the insertion is unchanged');
      const after = check(fixed, { uri }).filter((g) => g.ruleId === 'missing-part' && g.message === f.message);
      assert.deepEqual(after, [], `${fix.title}: the finding is gone`);
    }
  });
});
