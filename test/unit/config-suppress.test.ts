import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../server/src/core/config/config';
import { loadConfigFor, loadIgnoresFor } from '../../server/src/node/config-files';
import { getProfile } from '../../server/src/core/profiles';
import { addIgnoreEntry, applySuppressions, ignoreEntryFor } from '../../server/src/core/config/suppress';
import { main, type CliIO } from '../../server/src/cli/main';
import { analyze, check, readFixture } from '../helpers';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cfg-'));
}

/** A custom profile (data only) for a made-up kind of report. */
function customProfile(id = 'anquan-annual') {
  const p = JSON.parse(JSON.stringify(getProfile('fazhi-zhengfu-annual')));
  p.id = id;
  p.name = { 'zh-cn': '安全生产年度报告', en: 'Annual work-safety report' };
  p.detect = { titlePhrases: ['安全生产工作'], keywords: ['安全生产'], minKeywordCount: 3, minParts: 2 };
  p.parts = p.parts.filter((x: { id: string }) => x.id !== 'first-responsible');
  p.parts.push({
    id: 'accidents',
    name: { 'zh-cn': '事故情况', en: 'accidents' },
    item: { 'zh-cn': '全年生产安全事故情况', en: 'the year’s accidents' },
    required: true,
    order: 2,
    headingPhrases: ['事故情况'],
    skeleton: { title: '事故情况', body: '{year}年，……' },
  });
  return p;
}

const SAFETY_REPORT = '某县应急管理局关于2024年度安全生产工作情况的报告\n一、主要举措和成效\n安全生产检查300次,安全生产培训20场,安全生产宣传10场。\n二、存在的不足和原因\n主要是人员不足。\n三、2025年工作安排\n2025年,将继续抓好安全生产。\n';

describe('config: profiles, trust and broken files', () => {
  it('loads a custom profile named in .reportlintrc.json and detects its documents', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'safety.reportlint-profile.json'), JSON.stringify(customProfile()));
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), '{ // comment\n "profiles": ["./safety.reportlint-profile.json"],\n}');
    const report = path.join(dir, 'r.txt');
    const config = loadConfigFor(report);
    assert.deepEqual(config.errors, []);
    assert.deepEqual(config.customProfiles?.map((p) => p.id), ['anquan-annual']);
    const f = check(SAFETY_REPORT, { config, only: ['missing-part'] });
    assert.deepEqual(f.map((x) => x.data?.part), ['accidents']);
    // The profile's own severities apply to its documents; configuration still wins.
    assert.equal(check(SAFETY_REPORT, { config, only: ['signature-date'] }).length, 1);
    const quiet = { ...config, customProfiles: config.customProfiles!.map((p) => ({ ...p, rules: { 'signature-date': 'off' as const } })) };
    assert.equal(check(SAFETY_REPORT, { config: quiet, only: ['signature-date'] }).length, 0);
    assert.equal(check(SAFETY_REPORT, { config: { ...quiet, rules: { 'signature-date': 'warning' } }, only: ['signature-date'] })[0].severity, 'warning');
    // Without the custom profile the same text is not a rule-of-law report: no part is missing.
    assert.deepEqual(check(SAFETY_REPORT, { only: ['missing-part'] }), []);
  });

  it('treats regular-expression syntax in a custom profile as literal text, so a catastrophic pattern cannot hang the checker', () => {
    const dir = tmpdir();
    const p = customProfile('hostile-patterns');
    p.detect = { titlePhrases: ['(a+)+$'], keywords: ['(a|aa)*b', '(.*a){20}'], minKeywordCount: 1, minParts: 0 };
    p.parts[0].headingPhrases = ['(a+)+$', '([a-zA-Z]+)*$'];
    fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(p));
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), '{"profiles": ["hostile.json"], "profile": "hostile-patterns"}');
    const config = loadConfigFor(path.join(dir, 'r.txt'));
    // A backtracking engine would need about 2^40 steps on this line for (a+)+$.
    const evil = '一、' + 'a'.repeat(40) + '!\n' + '(a|aa)*' + 'a'.repeat(40) + 'c\n';
    const findings = check(evil, { config, forceReport: true });
    assert.ok(!findings.some((f) => f.ruleId === 'internal-rule-failure'));
    // Written literally, the phrase is found: the heading "(a+)+$" satisfies the first part.
    const literal = check('一、(a+)+$\n', { config, forceReport: true, only: ['missing-part'] });
    assert.ok(!literal.some((f) => f.data?.part === p.parts[0].id), JSON.stringify(literal.map((f) => f.data)));
  });

  it('does not load custom profiles in an untrusted workspace (a notice, not an error)', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'safety.reportlint-profile.json'), JSON.stringify(customProfile()));
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), '{"profiles": ["safety.reportlint-profile.json"]}');
    const config = loadConfigFor(path.join(dir, 'r.txt'), undefined, { trusted: false });
    assert.equal(config.customProfiles, undefined);
    assert.deepEqual(config.errors.map((e) => e.severity), ['info']);
    assert.deepEqual(check(SAFETY_REPORT, { config, only: ['missing-part'] }), []);
  });

  it('rejects invalid or hostile profiles with the reason, pointing at the entry, and keeps checking', () => {
    const dir = tmpdir();
    const bad = customProfile('bad-one');
    bad.parts[0].headingPhrases = ['(a+)+$'.repeat(10)]; // too long: phrases are literal and at most 40 characters
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const clash = customProfile('fazhi-zhengfu-annual');
    fs.writeFileSync(path.join(dir, 'clash.json'), JSON.stringify(clash));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
    const rc = '{"profiles": ["bad.json", "clash.json", "broken.json", "missing.json"], "profile": "no-such-profile"}';
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), rc);
    const config = loadConfigFor(path.join(dir, 'r.txt'));
    const msgs = config.errors.map((e) => e.message);
    assert.equal(msgs.length, 5, msgs.join('\n'));
    assert.match(msgs[0], /bad\.json" is invalid: \/parts\/0\/headingPhrases\/0 must NOT have more than 40 characters/);
    assert.match(config.errors[0].localized!['zh-cn'], /报告类型配置“bad\.json”不符合格式要求：\/parts\/0\/headingPhrases\/0 不应多于 40 个字符/);
    assert.match(msgs[1], /already taken/);
    assert.match(msgs[2], /broken\.json": JSON/);
    assert.match(msgs[3], /cannot read profile "missing\.json"/);
    assert.match(msgs[4], /unknown profile "no-such-profile"/);
    assert.equal(rc.slice(config.errors[0].offset!, config.errors[0].offset! + config.errors[0].length!), '"bad.json"');
    assert.equal(config.profile, 'auto', 'an unknown profile falls back to detection');
    assert.deepEqual(config.customProfiles, []);
    assert.equal(check(readFixture('rules/missing-part/missing-shortcomings.txt'), { config, only: ['missing-part'] }).length, 1);
  });

  it('a broken config file falls back to the defaults with an error at the offending text', () => {
    const { config, errors } = parseConfigText('{"rules": {"missing-part": "loud"}, "profle": "x"}', 'rc');
    assert.deepEqual(config.rules, {});
    assert.equal(errors.length, 2);
    const syntax = parseConfigText('{"rules": ', 'rc');
    assert.deepEqual(syntax.config, {});
    assert.match(syntax.errors[0].message, /JSON/);
  });

  it('discovers config files upwards; nearer files win and "root" stops the search', () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.reportlintrc.json'), '{"rules": {"missing-title": "off", "signature-date": "off"}}');
    fs.writeFileSync(path.join(dir, 'a', '.reportlintrc.json'), '{"profile": "none", "rules": {"missing-title": "warning"}}');
    const c1 = loadConfigFor(path.join(dir, 'a', 'b', 'r.txt'));
    assert.equal(c1.profile, 'none');
    assert.deepEqual(c1.rules, { 'missing-title': 'warning', 'signature-date': 'off' });
    fs.writeFileSync(path.join(dir, 'a', '.reportlintrc.json'), '{"root": true, "rules": {"missing-title": "warning"}}');
    assert.deepEqual(loadConfigFor(path.join(dir, 'a', 'b', 'r.txt')).rules, { 'missing-title': 'warning' });
  });
});

describe('suppressions', () => {
  const text = readFixture('rules/missing-causes/no-causes.txt');

  it('an ignored occurrence stays ignored after edits elsewhere, and comes back when its sentence changes', () => {
    const a = analyze(text);
    const [f] = check(text, { only: ['missing-causes'] });
    const entry = ignoreEntryFor(a, f, 'r.txt');
    assert.equal(entry.text, '存在的不足和原因');
    assert.deepEqual(check(text, { only: ['missing-causes'], ignores: [entry] }), []);
    const edited = '（内部稿）\n' + text.replace('扎实推进', '稳步推进');
    assert.deepEqual(check(edited, { only: ['missing-causes'], ignores: [entry] }), [], 'edits elsewhere keep it ignored');
    const other = text.replace('二、存在的不足和原因', '三、存在的不足和原因');
    assert.equal(check(other, { only: ['missing-causes'], ignores: [entry] }).length, 1, 'a changed heading line is a new occurrence');
    // A whole-file entry turns the rule off for the file.
    assert.deepEqual(check(text, { only: ['missing-causes'], ignores: [{ rule: 'missing-causes', file: 'r.txt' }] }), []);
  });

  it('the sidecar is readable JSON with one entry per ignore, and the CLI honours it', async () => {
    const dir = tmpdir();
    const report = path.join(dir, 'r.txt');
    fs.writeFileSync(report, text);
    const [f] = check(text, { only: ['missing-causes'] });
    const sidecar = addIgnoreEntry(null, ignoreEntryFor(analyze(text), f, 'r.txt'));
    assert.equal(addIgnoreEntry(sidecar, ignoreEntryFor(analyze(text), f, 'r.txt')), sidecar, 'no duplicates');
    assert.match(sidecar, /"rule": "missing-causes",\n\s+"file": "r.txt",\n\s+"text": "存在的不足和原因",\n\s+"fingerprint": "[0-9a-f]{8}"/);
    const run = async () => {
      let out = '';
      const io: CliIO = { stdout: (s) => (out += s), stderr: () => undefined, readStdin: async () => Buffer.from(''), env: {} };
      await main(['check', '--format', 'json', report], io);
      return (JSON.parse(out).files[0].diagnostics as { ruleId: string }[]).map((d) => d.ruleId);
    };
    assert.ok((await run()).includes('missing-causes'));
    fs.writeFileSync(path.join(dir, '.reportlint-ignore.json'), sidecar);
    assert.deepEqual(loadIgnoresFor(report).length, 1);
    assert.ok(!(await run()).includes('missing-causes'));
  });

  it('Markdown comments disable and re-enable rules (all rules when no id is given)', () => {
    const md = [
      '# 某县关于2024年度法治政府建设情况的报告',
      '',
      '<!-- reportlint-disable numbering-gap -->',
      '## 一、甲',
      '## 三、丙',
      '<!-- reportlint-enable numbering-gap -->',
      '## 五、戊',
      '<!-- reportlint-disable -->',
      '## 七、庚',
      '',
    ].join('\n');
    const found = check(md, { only: ['numbering-gap'], forceReport: true, uri: 'file:///t/r.md' });
    assert.deepEqual(found.map((x) => x.range.start.line), [6]);
    const txt = md.replace(/## /g, '');
    const a = analyze(txt, 'file:///t/r.txt');
    const plain = check(txt, { only: ['numbering-gap'], forceReport: true, uri: 'file:///t/r.txt' });
    assert.equal(plain.length, 3, 'plain text has no comment syntax: the comments do nothing');
    assert.equal(applySuppressions(a, plain).length, 3);
  });
});
