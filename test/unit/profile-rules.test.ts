import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { applyEdits, check, readFixture, readSeed, SEED, SEEDS_SKIP } from '../helpers';

const MINE = ['missing-part', 'part-order', 'missing-causes', 'numbering-level', 'numbering-style', 'enumeration-gap', 'year-mismatch', 'missing-title', 'signature-date'];

function fixOf(f: Finding, kind: string) {
  const fix = f.fixes?.find((x) => x.kind === kind);
  assert.ok(fix, `no ${kind} fix on ${f.ruleId}: ${f.message}`);
  return fix!;
}

/** Apply one fix and check that exactly the given finding disappeared and the rest of the text is unchanged outside the edits. */
function applyAndRecheck(text: string, rule: string, kind: string, index = 0) {
  const before = check(text, { only: [rule], forceReport: true });
  const fix = fixOf(before[index], kind);
  const fixed = applyEdits(text, fix.edits);
  const after = check(fixed, { only: [rule], forceReport: true });
  return { before, fixed, after, fix };
}

describe('profile rules: quick fixes applied and re-checked', () => {
  it('year-mismatch replaces the stale year with the next year, only those four digits', () => {
    const text = readFixture('rules/year-mismatch/copied-plan.txt');
    let current = text;
    // Apply every plan fix one by one; the closing-date finding has no fix and stays.
    for (let i = 0; i < 5; i++) {
      const fs = check(current, { only: ['year-mismatch'] }).filter((f) => f.fixes?.length);
      if (!fs.length) break;
      current = applyEdits(current, fs[0].fixes![0].edits);
    }
    assert.equal(current, text.replace('三、2024年工作安排', '三、2025年工作安排').replace('2024年，某县将继续', '2025年，某县将继续'));
    const rest = check(current, { only: ['year-mismatch'] });
    assert.deepEqual(rest.map((f) => f.range.start.line), [9], 'only the closing date (no fix) remains');
    assert.match(rest[0].message, /成文日期/);
  });

  it('year-mismatch fixes the opening to the title year', () => {
    const text = readFixture('rules/year-mismatch/opening-contradicts-title.txt');
    const { after, fixed } = applyAndRecheck(text, 'year-mismatch', 'replace-year');
    assert.deepEqual(after, []);
    assert.equal(fixed, text.replace('2023年，某镇', '2024年，某镇'));
  });

  it('numbering-style normalises one marker, and all markers at once', () => {
    const text = readFixture('rules/numbering-style/wrong-punct.txt');
    const one = applyAndRecheck(text, 'numbering-style', 'normalize-marker');
    assert.equal(one.fixed, text.replace('一.主要工作', '一、主要工作'));
    assert.equal(one.after.length, one.before.length - 1);
    const all = applyAndRecheck(text, 'numbering-style', 'normalize-all-markers');
    assert.deepEqual(all.after, []);
    assert.equal(all.fixed, text.replace('一.主要工作', '一、主要工作').replace('（一）、完善', '（一）完善').replace('1、清理', '1.清理'));
    const mixed = readFixture('rules/numbering-style/mixed-parens.txt');
    const m = applyAndRecheck(mixed, 'numbering-style', 'normalize-all-markers');
    assert.deepEqual(m.after, []);
    assert.equal(m.fixed, mixed.replace('(三)强化', '（三）强化').replace('（１）深化', '（1）深化'));
  });

  it('enumeration-gap renumbers the ordinals only', () => {
    const text = readFixture('rules/enumeration-gap/skip-and-repeat.txt');
    const a = applyAndRecheck(text, 'enumeration-gap', 'renumber-enumeration', 0);
    assert.equal(a.fixed, text.replace('四是强化', '三是强化'));
    const b = applyAndRecheck(a.fixed, 'enumeration-gap', 'renumber-enumeration', 0);
    assert.deepEqual(b.after, []);
    assert.equal(b.fixed, a.fixed.replace('二是培训不足;二是考核', '二是培训不足;三是考核'));
  });

  it('messages are bilingual', () => {
    const text = readFixture('rules/missing-causes/no-causes.txt');
    assert.match(check(text, { only: ['missing-causes'], locale: 'en' })[0].message, /gives no causes/);
    assert.match(check(text, { only: ['missing-causes'] })[0].message, /没有分析原因/);
  });
});

describe('seeds: verdicts of the profile, numbering and year rules', { skip: SEEDS_SKIP }, () => {
  const verdict = (file: string) =>
    check(readSeed(file), { only: MINE })
      .map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.severity}`)
      .sort();

  // 000 and 004 have no title line and 000, 002, 004 no closing block: information only (published texts often omit them).
  it('000 (白云区): information only (no title, no closing block); its causes (受…影响) are found', () => {
    assert.deepEqual(verdict(SEED.baiyun), ['1 missing-title info', '17 signature-date info']);
  });

  it('001 (香洲区, traditional): closing date 2023年12月31日 accepted; its merged 八 names no cause', () => {
    // Section 八 lists problems (主要表现在:一是…) without any cause wording: a genuine missing-causes warning.
    assert.deepEqual(verdict(SEED.xiangzhou), ['1 missing-title info', '30 missing-causes warning']);
  });

  it('002 (新华街): plan 2025 fits the title 2024; causes present (面临…挑战)', () => {
    assert.deepEqual(verdict(SEED.xinhua), ['35 signature-date info']);
  });

  it('003 (news article): nothing', () => {
    assert.deepEqual(verdict(SEED.article), []);
  });

  it('004 (广州市政府办公厅): plan 2025 fits 2024; shortcomings without causes', () => {
    // 二、问题和不足 lists four problems and no cause: a genuine missing-causes warning.
    assert.deepEqual(verdict(SEED.gzOffice), ['1 missing-title info', '12 signature-date info', '9 missing-causes warning']);
  });

  it('year-mismatch catches a plan copied from last year in the real seeds', () => {
    // Seed 002 with its plan year turned back to the report year (the classic copy defect).
    const text = readSeed(SEED.xinhua).replace(/\n2025年,/, '\n2024年,');
    const f = check(text, { only: ['year-mismatch'] });
    assert.equal(f.length, 1);
    assert.equal(f[0].data?.expected, 2025);
    assert.deepEqual(check(applyEdits(text, f[0].fixes![0].edits), { only: ['year-mismatch'] }), []);
    // Seed 004's heading 三、2025年工作计划 turned into 2024.
    const t4 = readSeed(SEED.gzOffice).replace('三、2025年工作计划', '三、2024年工作计划');
    assert.deepEqual(check(t4, { only: ['year-mismatch'] }).map((x) => x.data?.found), [2024]);
  });
});
