import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, check, readFixture } from '../helpers';

const numbering = (text: string, locale: 'zh-cn' | 'en' = 'zh-cn') => check(text, { locale }).filter((f) => f.ruleId.startsWith('numbering-'));

describe('item lists: their own numbering explained with the fewest wrong markers, as warnings', () => {
  it('一、二、四、…九、 inside 三、: one warning at 四、, the list keeps its items, the report keeps its 四、', () => {
    const text = readFixture('rules/numbering-gap/item-list-skip.txt');
    const a = analyze(text);
    assert.deepEqual(a.outline.sections.map((s) => s.heading.marker), ['一、', '二、', '三、', '四、']);
    assert.equal(a.outline.itemLists.length, 1);
    assert.equal(a.outline.itemLists[0].items.length, 8);
    const f = numbering(text);
    assert.deepEqual(f.map((x) => `${x.range.start.line + 1} ${x.ruleId} ${x.severity}`), ['10 numbering-gap warning']);
    assert.equal(f[0].message, '列表编号不连续：此处应为“三、”，实为“四、”（第7行引出的列表，列表范围系推断）');
    assert.match(numbering(text, 'en')[0].message, /^List numbering skips: expected “三、”, found “四、” \(the list introduced on line 7/);
    // The fix renumbers the list only: 四、…九、 become 三、…八、, the report's 四、 stays.
    const fixed = applyEdits(text, f[0].fixes![0].edits);
    assert.match(fixed, /\n三、改造雨污管网/);
    assert.match(fixed, /\n八、开展职业技能培训/);
    assert.match(fixed, /\n四、加强政府自身建设/);
    assert.deepEqual(numbering(fixed), []);
  });

  it('三、三、五、 in a list: one duplicate warning at the second 三、, pointing back at the first', () => {
    const text = readFixture('rules/numbering-duplicate/item-list-typo.txt');
    const f = numbering(text);
    assert.deepEqual(f.map((x) => `${x.range.start.line + 1} ${x.ruleId} ${x.severity}`), ['11 numbering-duplicate warning']);
    assert.equal(f[0].message, '列表编号重复：“三、”已在第10行使用，此处应为“四、”（第7行引出的列表，列表范围系推断）');
    assert.equal(f[0].related![0].range.start.line, 9);
  });

  it('a rule configured down to info keeps its list findings at info', () => {
    const text = readFixture('rules/numbering-duplicate/item-list-typo.txt');
    const { defaultConfig, mergeConfig } = require('../../server/src/core/config/config') as typeof import('../../server/src/core/config/config');
    const f = check(text, { config: mergeConfig(defaultConfig(), { rules: { 'numbering-duplicate': 'info' } }) }).filter((x) => x.ruleId === 'numbering-duplicate');
    assert.deepEqual(f.map((x) => x.severity), ['info']);
  });

  it('a clean list followed by the running sequence gives no finding (the strict split is kept)', () => {
    assert.deepEqual(numbering(readFixture('rules/numbering-gap/item-list.txt')), []);
  });
  it('many lead-ins, each with a list that skips a number, stay linear (no timing: a quadratic regression never ends)', () => {
    const block = '一、部署\n做好以下工作：\n一、建制度。\n二、强队伍。\n四、抓落实。\n';
    const text = '某县2025年工作情况\n' + block.repeat(3000);
    assert.equal(analyze(text).outline.itemLists.length, 3000, 'a list never runs past a marker numbered 1 again');
    const f = numbering(text);
    // Each list: one warning at its 四、 (the report's own 一、 repeated is a duplicate run of its own).
    assert.equal(f.filter((x) => x.ruleId === 'numbering-gap' && x.severity === 'warning').length, 3000);
  });
});
