import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import {
  activeProfile,
  builtinProfiles,
  detectProfile,
  getProfile,
  isReportDocument,
  locateParts,
  partSkeleton,
  validateProfile,
} from '../../server/src/core/profiles';
import { findPhrase } from '../../server/src/core/profiles/phrases';
import { BUILTIN_PROFILE_DATA } from '../../server/src/core/profiles/registry';
import { defaultConfig } from '../../server/src/core/config/config';
import { analyze, applyEdits, check, readFixture, readSeed, SEED, SEEDS_SKIP } from '../helpers';

const PROFILE_ID = 'fazhi-zhengfu-annual';
const profile = () => getProfile(PROFILE_ID)!;

describe('profiles: data and validation', () => {
  it('the built-in profile validates and keeps the regulation and article in data', () => {
    const [p] = builtinProfiles();
    assert.equal(p.id, PROFILE_ID);
    assert.match(p.basis.document['zh-cn'], /厅字〔2019〕28号/);
    assert.equal(p.basis.article['zh-cn'], '第二十五条');
    assert.deepEqual(
      p.parts.map((x) => [x.id, x.required]),
      [['measures', true], ['first-responsible', true], ['improvement', false], ['shortcomings', true], ['plan', true], ['other', false]],
    );
  });

  it('every built-in profile passes the validation custom profiles get (it is not re-validated at run time)', () => {
    assert.equal(BUILTIN_PROFILE_DATA.length, builtinProfiles().length);
    for (const data of BUILTIN_PROFILE_DATA) {
      const { profile: validated, problems } = validateProfile(data);
      assert.deepEqual(problems, []);
      assert.equal(validated, data);
    }
    assert.deepEqual(builtinProfiles(), BUILTIN_PROFILE_DATA);
  });

  it('rejects malformed profiles with a path to the problem', () => {
    const good = JSON.parse(JSON.stringify(profile()));
    assert.deepEqual(validateProfile(good).problems, []);
    const noParts = { ...good, parts: [] };
    assert.ok(validateProfile(noParts).problems.some((p) => p.path === '/parts'));
    const longPhrase = JSON.parse(JSON.stringify(good));
    longPhrase.parts[0].headingPhrases.push('很'.repeat(41));
    assert.ok(validateProfile(longPhrase).problems.some((p) => p.path.startsWith('/parts/0/headingPhrases')));
    const dup = JSON.parse(JSON.stringify(good));
    dup.parts[1].id = dup.parts[0].id;
    assert.match(validateProfile(dup).problems[0].message, /duplicate part id/);
    const gap = JSON.parse(JSON.stringify(good));
    gap.parts[0].headingPhrases.push('…开头');
    assert.match(validateProfile(gap).problems[0].message, /…/);
    const code = JSON.parse(JSON.stringify(good));
    code.parts[0].check = 'require("child_process")';
    assert.ok(validateProfile(code).problems.some((p) => /additional/.test(p.message)));
  });

  it('says what is wrong with a profile in Chinese too, the schema\'s problems and its own', () => {
    const good = JSON.parse(JSON.stringify(profile()));
    const longPhrase = JSON.parse(JSON.stringify(good));
    longPhrase.parts[0].headingPhrases.push('很'.repeat(41));
    const long = validateProfile(longPhrase).problems.find((p) => p.path.startsWith('/parts/0/headingPhrases'))!;
    assert.match(long.localized.en, /must NOT have more than 40 characters/);
    assert.match(long.localized['zh-cn'], /不应多于 40 个字符/);
    const code = JSON.parse(JSON.stringify(good));
    code.parts[0].check = 'x';
    const extra = validateProfile(code).problems.find((p) => /additional/.test(p.message))!;
    assert.equal(extra.localized['zh-cn'], '不允许有额外的属性（check）');
    const dup = JSON.parse(JSON.stringify(good));
    dup.parts[1].id = dup.parts[0].id;
    assert.equal(validateProfile(dup).problems[0].localized['zh-cn'], `部分 id“${good.parts[0].id}”重复`);
    // No Chinese message is left in English: every problem of a hostile profile has a translation.
    const hostile = { ...good, id: 5, parts: 'x', extraKey: true };
    for (const p of validateProfile(hostile).problems) assert.match(p.localized['zh-cn'], /[\u4e00-\u9fff]/, JSON.stringify(p));
  });

  it('phrases are literal with a bounded gap that stays inside one sentence', () => {
    assert.ok(findPhrase('但受疫情反复影响,进度放缓', '受…影响'));
    assert.equal(findPhrase('受到关注。其影响很大', '受…影响'), null);
    assert.equal(findPhrase('受' + '长'.repeat(30) + '影响', '受…影响'), null);
    assert.equal(findPhrase('a.*b(c+)+', '(c+)+')?.start, 4, 'regex syntax is plain text');
  });
});

describe('profiles: detection and location', () => {
  it('a draft with the mandated parts counts as a report; a README and a news item do not', () => {
    const draft = analyze('一、主要举措和成效\n推进法治政府建设,坚持依法行政。\n二、存在的不足和原因\n法治建设仍有短板。\n三、下一步工作安排\n继续努力。\n');
    assert.equal(draft.outline.looksLikeReport, false, 'the outline heuristics alone miss this draft');
    assert.equal(isReportDocument(draft), true);
    assert.equal(detectProfile(draft)?.profile.id, PROFILE_ID);
    const readme = analyze('# 项目说明\n\n## 一、安装\n\n## 三、使用\n', 'file:///x/README.md');
    assert.equal(isReportDocument(readme), false);
  });

  it('profile "none" turns the profile off, a named profile forces it', () => {
    const a = analyze(readFixture('rules/missing-part/other-report.txt'));
    assert.equal(activeProfile(a, defaultConfig()), null);
    assert.equal(activeProfile(a, { ...defaultConfig(), profile: PROFILE_ID })?.id, PROFILE_ID);
    assert.equal(activeProfile(analyze(readFixture('rules/missing-part/complete.txt')), { ...defaultConfig(), profile: 'none' }), null);
  });

  it('locates parts by heading, merged heading, paragraph, opening year and body text', () => {
    const loc = (rel: string) => {
      const a = analyze(readFixture(rel));
      return Object.fromEntries([...locateParts(a, profile()).byId].map(([k, v]) => [k, v?.kind ?? null]));
    };
    assert.deepEqual(loc('rules/missing-part/complete.txt'), {
      measures: 'heading', 'first-responsible': 'body', improvement: null, shortcomings: 'heading', plan: 'heading', other: null,
    });
    assert.deepEqual(loc('rules/missing-part/unnumbered-paragraphs.txt'), {
      measures: 'fallback', 'first-responsible': 'body', improvement: null, shortcomings: 'paragraph', plan: 'opening', other: null,
    });
    assert.deepEqual(loc('rules/missing-part/traditional-merged.txt'), {
      measures: 'fallback', 'first-responsible': 'body', improvement: null, shortcomings: 'merged', plan: 'merged', other: null,
    });
  });

  it('partSkeleton fills the years and the marker', () => {
    assert.equal(partSkeleton(profile(), 'plan', { year: 2024, marker: '三、' }), '三、2025年工作安排\n2025年，……将……（待补充：下一年度推进法治政府建设的主要安排）\n');
    assert.match(partSkeleton(profile(), 'shortcomings', { year: null, marker: '', prefix: '## ', blankLines: true }), /^## 存在的不足和原因\n\n××××年/);
  });
});

describe('missing-part quick fix', () => {
  function fixAndRecheck(text: string, uri = 'file:///t/report.txt') {
    const findings = check(text, { only: ['missing-part'], uri });
    assert.ok(findings.length >= 1);
    const fix = findings[0].fixes![0];
    const fixed = applyEdits(text, fix.edits);
    return { findings, fixed, after: check(fixed, { only: ['missing-part'], uri }) };
  }

  it('inserts the shortcomings before the plan, numbered to fit, and renumbers the plan', () => {
    const text = readFixture('rules/missing-part/missing-shortcomings.txt');
    const { findings, fixed, after } = fixAndRecheck(text);
    assert.equal(findings[0].data?.part, 'shortcomings');
    assert.match(findings[0].message, /厅字〔2019〕28号）第二十五条/);
    assert.match(findings[0].fixes![0].title, /二、/);
    assert.deepEqual(after, []);
    const lines = fixed.split('\n');
    assert.equal(lines[5], '二、存在的不足和原因');
    assert.equal(lines[7], '三、2025年工作安排');
    // Nothing else changed: removing the inserted lines and restoring the number gives the original.
    const restored = [...lines.slice(0, 5), lines[7].replace('三、', '二、'), ...lines.slice(8)].join('\n');
    assert.equal(restored, text);
    assert.deepEqual(check(fixed, { only: ['numbering-gap', 'numbering-duplicate'] }), []);
  });

  it('appends a missing plan after the last part, before the closing block', () => {
    const text = '某县关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n县长履行推进法治建设第一责任人职责。\n二、存在的不足和原因\n主要是人员不足。\n某县人民政府\n2025年2月1日\n';
    const { fixed, after } = fixAndRecheck(text);
    assert.deepEqual(after, []);
    assert.equal(fixed, text.replace('某县人民政府\n', '三、2025年工作安排\n2025年，……将……（待补充：下一年度推进法治政府建设的主要安排）\n某县人民政府\n'));
  });

  it('keeps CRLF line breaks and Markdown heading prefixes', () => {
    const text = '# 某县关于2024年度法治政府建设情况的报告\r\n\r\n## 一、主要举措和成效\r\n\r\n县长履行推进法治建设第一责任人职责。\r\n\r\n## 二、下一年度工作安排\r\n\r\n继续努力。\r\n';
    const { fixed, after } = fixAndRecheck(text, 'file:///t/report.md');
    assert.deepEqual(after, []);
    assert.ok(fixed.includes('\r\n## 二、存在的不足和原因\r\n\r\n2024年，'), fixed);
    assert.ok(fixed.includes('## 三、下一年度工作安排\r\n'));
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
  });
});

describe('seeds: profile verdicts', { skip: SEEDS_SKIP }, () => {
  for (const [name, file] of [['000', SEED.baiyun], ['001', SEED.xiangzhou], ['002', SEED.xinhua], ['004', SEED.gzOffice]] as const) {
    it(`${name}: detected as the rule-of-law report, every required part found`, () => {
      const a = analyze(readSeed(file));
      assert.equal(detectProfile(a)?.profile.id, PROFILE_ID);
      const missing = locateParts(a, profile()).parts.filter((p) => p.part.required && !p.location).map((p) => p.part.id);
      assert.deepEqual(missing, []);
      assert.deepEqual(check(readSeed(file), { only: ['missing-part'] }), []);
    });
  }

  it('003 (news article): not a report, no profile, no missing parts even when checking is forced', () => {
    const a = analyze(readSeed(SEED.article));
    assert.equal(detectProfile(a), null);
    assert.equal(isReportDocument(a), false);
    assert.deepEqual(check(readSeed(SEED.article), { only: ['missing-part'], forceReport: true }), []);
  });

  it('how each seed is recognised (the forms the issue lists)', () => {
    const kinds = (file: string) => Object.fromEntries([...locateParts(analyze(readSeed(file)), profile()).byId].map(([k, v]) => [k, v?.kind ?? null]));
    assert.equal(kinds(SEED.baiyun).shortcomings, 'paragraph');
    assert.equal(kinds(SEED.baiyun).plan, 'opening');
    assert.equal(kinds(SEED.xiangzhou).shortcomings, 'merged');
    assert.equal(kinds(SEED.xiangzhou).plan, 'merged');
    assert.equal(kinds(SEED.xinhua).improvement, 'heading');
    for (const f of [SEED.baiyun, SEED.xinhua, SEED.gzOffice]) assert.equal(kinds(f)['first-responsible'], 'body');
  });
});
