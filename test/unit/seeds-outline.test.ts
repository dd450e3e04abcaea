import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze, readSeed, SEED, SEEDS_SKIP } from '../helpers';

/** The real documents in ../shared/seeds: their outlines must be exactly right at levels 1–3. */
describe('seeds: outline', { skip: SEEDS_SKIP }, () => {
  it('000 (白云区): seven thematic level-1 sections, no title, unnumbered closing paragraphs', () => {
    const a = analyze(readSeed(SEED.baiyun));
    const o = a.outline;
    assert.equal(o.title, null);
    assert.deepEqual(o.sections.map((s) => s.heading.number), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok(o.sections.every((s) => s.heading.style === 'cn-dun' && s.children.length === 0));
    assert.ok(o.sections[0].heading.title.startsWith('坚定不移把牢正确方向'));
    assert.ok(o.sections[6].heading.title.endsWith('全面建设核心法务生态圈'));
    assert.equal(o.looksLikeReport, true);
    assert.equal(o.closing, null);
  });

  it('001 (香洲区, traditional): 一…八 with (一)… restarting under each, closing block', () => {
    const a = analyze(readSeed(SEED.xiangzhou));
    const o = a.outline;
    assert.equal(o.sections.length, 8);
    assert.deepEqual(o.sections.map((s) => s.children.length), [3, 3, 3, 3, 3, 4, 2, 3]);
    for (const s of o.sections) assert.deepEqual(s.children.map((c) => c.heading.number), s.children.map((_, i) => i + 1));
    assert.equal(o.sections[7].heading.title, '法治政府建設存在的不足及下一步計劃');
    assert.equal(o.sections[1].children[0].heading.title, '“放管服”改革持續(xù)深化');
    assert.equal(o.closing?.issuer?.text, '珠海市香洲區(qū)人民政府');
    assert.equal(o.closing?.date.text, '2023年12月31日');
    assert.equal(o.looksLikeReport, true);
  });

  it('002 (新华街): title, 一…三, (一)…(七) under 一, and 21 level-3 items numbered continuously', () => {
    const a = analyze(readSeed(SEED.xinhua));
    const o = a.outline;
    // The title names the issuing body and the report year (asserted in pieces, so the seed's text is not copied here).
    assert.ok(o.title?.text.startsWith('广州市花都区'), o.title?.text);
    assert.ok(o.title?.text.endsWith('关于2024年度法治政府建设情况的报告'), o.title?.text);
    assert.equal(o.title?.line, 0);
    assert.deepEqual(o.sections.map((s) => s.heading.title), ['主要工作举措', '存在问题与原因', '下一年度工作安排']);
    const subs = o.sections[0].children;
    assert.equal(subs.length, 7);
    assert.equal(subs[6].heading.title, '上一年度存在问题的改进情况');
    const items = subs.flatMap((s) => s.children);
    assert.equal(items.length, 21);
    assert.deepEqual(items.map((i) => i.heading.number), Array.from({ length: 21 }, (_, i) => i + 1));
    assert.deepEqual(subs.map((s) => s.children.length), [3, 3, 3, 3, 3, 3, 3]);
    assert.equal(items[0].heading.title, '全方位强化思想引领');
    assert.equal(items[20].heading.title, '普法宣传教育方式更加多样');
  });

  it('003 (news article): honest outline, flagged as not a report', () => {
    const a = analyze(readSeed(SEED.article));
    const o = a.outline;
    assert.equal(o.looksLikeReport, false);
    assert.ok(o.headings.length >= 5 && o.headings.every((h) => h.style === 'question'));
    assert.ok(o.headings.every((h) => h.title.startsWith('如何')));
  });

  it('004 (广州市政府办公厅): 一…三, six run-in (一)…(六) under 一', () => {
    const a = analyze(readSeed(SEED.gzOffice));
    const o = a.outline;
    assert.deepEqual(o.sections.map((s) => s.heading.title), ['主要工作成效', '问题和不足', '2025年工作计划']);
    const subs = o.sections[0].children;
    assert.equal(subs.length, 6);
    assert.equal(subs[0].heading.title, '坚持党建统领,法治政府建设扎实有力');
    assert.ok(subs.every((s) => s.heading.bodyStart !== null));
    assert.ok(o.enumerations.filter((e) => e.style === 'shi').length >= 6);
  });
});
