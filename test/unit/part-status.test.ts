import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { activeProfile } from '../../server/src/core/profiles/detect';
import { locateParts } from '../../server/src/core/profiles/locate';
import { partChecklist } from '../../server/src/core/profiles/part-status';
import { defaultConfig } from '../../server/src/core/config/config';
import { analyze, applyEdits, check, readFixture } from '../helpers';

const HEAD = '某县水务局关于2024年度法治政府建设情况的报告\n2024年，县水务局坚持依法治水,推进法治政府建设。现将有关情况报告如下:\n';
const MEASURES = '一、主要举措和成效\n(一)强化制度建设。出台水行政执法规程2项。\n(二)规范执法。办理涉水案件31件。\n';
const LEADER = '(三)压实责任。局主要负责人履行推进法治建设第一责任人职责,主持专题会议3次。\n';
const SHORTCOMINGS = '二、存在的不足和原因\n一是执法装备不足,主要原因是经费有限。\n';
const PLAN = '三、2025年工作安排\n2025年，县水务局将继续加强水行政执法。\n';
const SIGNED = '某县水务局\n2025年1月10日\n';

function statuses(text: string): Record<string, string> {
  const a = analyze(text);
  const profile = activeProfile(a, defaultConfig());
  assert.ok(profile, 'a profile applies');
  const out: Record<string, string> = {};
  for (const c of partChecklist(a, locateParts(a, profile))) if (c.part.required) out[c.part.id] = c.status;
  return out;
}

const partFindings = (text: string, locale: 'zh-cn' | 'en' = 'zh-cn') => check(text, { locale }).filter((f) => f.ruleId === 'missing-part');

describe('missing parts: missing only past their place, else not reached yet', () => {
  it('a draft with only its first part lists the rest once as information', () => {
    const text = HEAD + MEASURES;
    assert.deepEqual(statuses(text), { measures: 'written', 'first-responsible': 'not-reached', shortcomings: 'not-reached', plan: 'not-reached' });
    const f = partFindings(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.equal(
      f[0].message,
      '尚未写到：“存在的不足和原因”、“下一年度主要安排”、“党政主要负责人履行第一责任人职责情况”（按第二十五条规定的顺序，这些部分应在已写内容之后）',
    );
    // One insert-part fix per part, the first one preferred.
    assert.deepEqual(f[0].fixes!.map((x) => x.isPreferred), [true, false, false]);
    assert.match(f[0].fixes![0].title, /存在的不足和原因/);
    const en = partFindings(text, 'en');
    assert.match(en[0].message, /^Not written yet: “shortcomings and their causes”, “main plans for the next year”, /);
  });

  it('the signature and date make every absent part missing (errors)', () => {
    const text = HEAD + MEASURES + SIGNED;
    assert.deepEqual(statuses(text), { measures: 'written', 'first-responsible': 'missing', shortcomings: 'missing', plan: 'missing' });
    const f = partFindings(text);
    assert.deepEqual(f.map((x) => x.severity), ['error', 'error', 'error']);
  });

  it('a later part makes an earlier absent part missing; the parts after the last one written are not reached', () => {
    assert.deepEqual(statuses(HEAD + MEASURES + LEADER + PLAN.replace('三、', '二、')), {
      measures: 'written',
      'first-responsible': 'written',
      shortcomings: 'missing',
      plan: 'written',
    });
    const f = partFindings(HEAD + MEASURES + LEADER + PLAN.replace('三、', '二、'));
    assert.deepEqual(f.map((x) => x.severity), ['error']);
  });

  it('the 第一责任人 part (order 0) is missing once the last mandated part is written, not before', () => {
    assert.equal(statuses(HEAD + MEASURES + SHORTCOMINGS)['first-responsible'], 'not-reached');
    assert.equal(statuses(HEAD + MEASURES + SHORTCOMINGS + PLAN)['first-responsible'], 'missing');
    assert.equal(statuses(HEAD + MEASURES + LEADER + SHORTCOMINGS + PLAN)['first-responsible'], 'written');
  });

  it('a text cut off inside its last part: the order-0 part is not reached even when the plan has begun', () => {
    const text = HEAD + MEASURES + SHORTCOMINGS + '三、2025年工作安排\n2025年，县水务局将继续加强水行政执法,重点做好';
    const s = statuses(text);
    assert.equal(s.plan, 'written');
    assert.equal(s['first-responsible'], 'not-reached');
    assert.deepEqual(partFindings(text).map((x) => x.severity), ['info']);
    assert.deepEqual(check(text).filter((x) => x.ruleId === 'text-cut-off').map((x) => x.range.start.line), [text.split('\n').length - 1]);
  });

  it('inserting a not-reached part from the note leaves the others listed, now without it', () => {
    const text = HEAD + MEASURES;
    const [note] = partFindings(text);
    const fixed = applyEdits(text, note.fixes![0].edits);
    assert.match(fixed, /\n二、存在的不足和原因\n/);
    const after = partFindings(fixed);
    assert.equal(after.length, 1);
    assert.equal(after[0].severity, 'info');
    assert.doesNotMatch(after[0].message, /存在的不足和原因/);
  });

  it('the fixtures agree on severity: a signed fixture gives errors, an unsigned draft one note', () => {
    assert.deepEqual(partFindings(readFixture('rules/missing-part/signed-missing-plan-and-leader.txt')).map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(partFindings(readFixture('rules/missing-part/missing-plan-and-leader.txt')).map((f) => f.severity), ['info']);
    assert.deepEqual(partFindings(readFixture('rules/missing-part/plan-before-shortcomings-written.txt')).map((f) => f.severity), ['error']);
  });
});
