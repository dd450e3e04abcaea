import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import * as iconv from 'iconv-lite';
import { findEncodingDamage } from '../../server/src/core/rules/encoding-damage';
import { findPinyinResidue } from '../../server/src/core/rules/pinyin-residue';
import { boilerplateKind } from '../../server/src/core/rules/web-boilerplate';
import { findUtf8AsGbk, isPinyinSyllable } from '../../server/src/core/document/chars';
import type { Finding } from '../../server/src/core/types';
import { applyEdits, check, readSeed, SEED, SEEDS_SKIP } from '../helpers';

const HYGIENE = ['encoding-damage', 'pinyin-residue', 'web-boilerplate', 'date-format', 'document-number', 'request-in-report', 'mixed-script', 'punctuation-width'];

function utf8ReadAsGbk(s: string): string {
  return iconv.decode(Buffer.from(s, 'utf8'), 'gbk');
}

describe('encoding damage detection', () => {
  it('finds UTF-8 text read as GBK and names the probable original', () => {
    const runs = findUtf8AsGbk(`前文正常。${utf8ReadAsGbk('我们')}后文正常。`);
    assert.equal(runs.length, 1);
    assert.equal(runs[0].decoded, '我们');
    assert.equal(runs[0].start, 5);
  });

  it('covers most of a whole report converted the wrong way, and nothing of the originals', { skip: SEEDS_SKIP }, () => {
    for (const name of Object.values(SEED)) {
      const text = readSeed(name);
      assert.deepEqual(findUtf8AsGbk(text), [], `${name}: ordinary Chinese flagged as mojibake`);
      const garbled = utf8ReadAsGbk(text);
      const covered = findUtf8AsGbk(garbled).reduce((n, r) => n + r.end - r.start, 0);
      const cjk = [...garbled].filter((c) => c.charCodeAt(0) >= 0x3000).length;
      assert.ok(covered / cjk > 0.75, `${name}: only ${covered} of ${cjk} garbled characters found`);
    }
  });

  it('finds UTF-8 read as Latin-1 but not accented Latin or pinyin', () => {
    const garbled = iconv.decode(Buffer.from('我们加强执法', 'utf8'), 'win1252');
    const spans = findEncodingDamage(`二是${garbled}工作。`);
    assert.deepEqual(spans.map((s) => [s.kind, s.decoded]), [['utf8-as-latin1', '我们加强执法']]);
    assert.deepEqual(findEncodingDamage('fǎzhì zhèngfǔ, café, naïve, Ångström, ©®°±'), []);
  });

  it('recognises the classic garbage strings but not ordinary words', () => {
    assert.deepEqual(findEncodingDamage('文件显示锟斤拷锟斤拷').map((s) => s.kind), ['mojibake-marker']);
    assert.deepEqual(findEncodingDamage('内存填充烫烫烫烫').map((s) => s.kind), ['mojibake-marker']);
    assert.deepEqual(findEncodingDamage('水很烫，注意安全。斤两要足。'), []);
  });

  it('flags ? glued to pinyin and the garbage up to the next ?, but not a question mark', () => {
    const text = '材料?bèi)涞姆ㄖ?共8份';
    const spans = findEncodingDamage(text);
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0].start, spans[0].end), '?bèi)涞姆ㄖ?');
    assert.deepEqual(findEncodingDamage('如何提升执法效能?\n我们这样做。'), []);
    assert.deepEqual(findEncodingDamage('为什么?因为制度不健全。'), []);
  });

  it('pinyin syllables', () => {
    for (const s of ['qū', 'zhèn', 'lián', 'yǎng', 'nǚ', 'ér', 'zhuàng']) assert.ok(isPinyinSyllable(s), s);
    for (const s of ['ppp', 'ok', 'xyz', 'iso', 'bdq']) assert.ok(!isPinyinSyllable(s), s);
  });
});

describe('format quick fixes', () => {
  const report = (body: string, closing: string) =>
    `某某县人民政府关于2024年度法治政府建设情况的报告\n\n一、主要举措和成效\n${body}\n二、下一年度工作安排\n2025年，继续推进。\n\n某某县人民政府\n${closing}\n`;

  for (const [closing, expected] of [
    ['2025年03月01日', '2025年3月1日'],
    ['2025.3.1', '2025年3月1日'],
    ['2025-03-01', '2025年3月1日'],
    ['2025/3/1', '2025年3月1日'],
    ['二〇二五年三月一日', '2025年3月1日'],
    ['二〇二五年十二月三十一日', '2025年12月31日'],
  ]) {
    it(`closing date ${closing} → ${expected}`, () => {
      const text = report('全年学法4次。', closing);
      const f = check(text, { only: ['date-format'] });
      assert.equal(f.length, 1);
      assert.equal(f[0].severity, 'warning');
      const fixed = applyEdits(text, f[0].fixes![0].edits);
      assert.equal(fixed, text.replace(closing, expected));
      assert.deepEqual(check(fixed, { only: ['date-format'] }), []);
    });
  }

  it('an impossible closing date is an error with no fix', () => {
    const f = check(report('全年学法4次。', '2025年2月29日'), { only: ['date-format'] });
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].fixes, undefined);
  });

  it('document numbers are rewritten in place, nothing else changes', () => {
    const body = '贯彻厅字[2019]28号和国办发(2021)第030号，依据粤府〔2020〕1号。';
    const text = report(body, '2025年3月1日');
    const f = check(text, { only: ['document-number'] });
    assert.equal(f.length, 2);
    const fixed = applyEdits(text, f.flatMap((x) => x.fixes![0].edits));
    assert.equal(fixed, report('贯彻厅字〔2019〕28号和国办发〔2021〕30号，依据粤府〔2020〕1号。', '2025年3月1日'));
    assert.deepEqual(check(fixed, { only: ['document-number'] }), []);
  });

  it('traditional text gets the same verdicts', () => {
    const text = report('貫徹廳字[2019]28號文件，以上報告，妥否，請批復。', '2025年03月01日');
    const ids = check(text, { only: ['document-number', 'request-in-report', 'date-format'] }).map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['date-format', 'document-number', 'request-in-report']);
  });

  it('a 请示 is not a report: its approval closing is not flagged', () => {
    const text = '某某县司法局关于增设法律顾问的请示\n\n一、基本情况\n拟增设法律顾问2名。\n二、有关事项\n妥否，请批示。\n';
    assert.deepEqual(check(text, { only: ['request-in-report'], forceReport: true }), []);
  });
});

describe('web boilerplate lines', () => {
  it('recognises furniture and leaves sentences alone', () => {
    for (const l of ['浏览次数:-', '浏览次数：356', '【字体:大 中 小】', '来源:本网', '来源 | 市司法局', '打印本页', '【打印本页】 【关闭窗口】', '分享到:', '通讯员 | 张三', '2021-09-10 11:18', '发布时间：2024-01-02 来源：本网 浏览次数：5', '当前位置：首页 > 新闻中心 > 政务动态', '首页 > 政务公开']) {
      assert.ok(boilerplateKind(l), l);
    }
    for (const l of ['来源于群众的意见建议全部办结。', '规范执法信息来源登记,建立核查机制。', '2024年3月1日', '关闭违规企业23家。', '一、主要举措和成效', '首页工作是把好入口关。']) {
      assert.equal(boilerplateKind(l), null, l);
    }
  });
});

describe('hygiene rules on the seeds', { skip: SEEDS_SKIP }, () => {
  const run = (name: string): Finding[] => check(readSeed(name), { only: HYGIENE, forceReport: true });

  it('001 (traditional, pasted from an annotated page): every pinyin annotation and the damaged spans', () => {
    const text = readSeed(SEED.xiangzhou);
    const findings = run(SEED.xiangzhou);
    const pinyin = findings.filter((f) => f.ruleId === 'pinyin-residue');
    const damage = findings.filter((f) => f.ruleId === 'encoding-damage');
    // Counted independently: every "(tone-marked latin)" in the text. One of them, in "?qū)I(yè)",
    // follows a Latin letter inside a damaged span, so it belongs to encoding-damage.
    const allAnnotations = text.match(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]/g) ?? [];
    assert.equal(allAnnotations.length, 368);
    assert.equal(pinyin.length, 367);
    assert.equal(damage.length, 3);
    assert.ok(damage.every((f) => f.severity === 'error'));
    const a = check(text, { only: ['encoding-damage'] });
    const spans = findEncodingDamage(text).map((s) => text.slice(s.start, s.end));
    assert.equal(a.length, 3);
    assert.ok(spans[0].startsWith('?zh') && spans[0].endsWith('?'));
    assert.ok(spans[1].startsWith('?q') && spans[1].endsWith(')'));
    assert.ok(spans[2].startsWith('?zh') && spans[2].endsWith('?') && spans[2].length > 10);
    assert.equal(findings.filter((f) => f.ruleId === 'web-boilerplate').length, 0);
    // The hover explanation names the reading of the lost character.
    assert.match(damage[0].explanation ?? '', /“zhèn”是它的读音/);
  });

  it('001: the fix-all removes exactly the annotations and leaves readable text', () => {
    const text = readSeed(SEED.xiangzhou);
    const pinyin = run(SEED.xiangzhou).filter((f) => f.ruleId === 'pinyin-residue');
    const fixAll = pinyin[0].fixes!.find((f) => f.kind === 'remove-all-pinyin')!;
    assert.ok(fixAll, 'each finding offers the fix-all');
    assert.equal(fixAll.edits.length, 367);
    const fixed = applyEdits(text, fixAll.edits);
    // Only the parenthesised spans disappeared: deleting each finding's own range gives the same text.
    let expected = '';
    let last = 0;
    const lines = text.split(/\r\n|\r|\n/);
    const eolLen = text.includes('\r\n') ? 2 : 1;
    const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + eolLen, 0) + p.character;
    for (const f of pinyin) {
      const s = offsetOf(f.range.start);
      const e = offsetOf(f.range.end);
      assert.match(text.slice(s, e), /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)$/);
      expected += text.slice(last, s);
      last = e;
    }
    expected += text.slice(last);
    assert.equal(fixed, expected);
    assert.ok(fixed.includes('香洲區人民政府') || fixed.includes('香洲區'), 'annotated words read normally');
    assert.equal(findPinyinResidue(fixed).length, 0);
    // Headings, numbers and the damaged spans are untouched.
    assert.equal((fixed.match(/\([一二三四五六七八九十]+\)/g) ?? []).length, (text.match(/\([一二三四五六七八九十]+\)/g) ?? []).length);
    assert.equal(check(fixed, { only: ['encoding-damage'] }).length, 3);
    // One finding's own quick fix removes only itself.
    const one = applyEdits(text, pinyin[5].fixes![0].edits);
    assert.equal(text.length - one.length, offsetOf(pinyin[5].range.end) - offsetOf(pinyin[5].range.start));
  });

  it('003 (a web article): the page furniture lines, each deletable', () => {
    const text = readSeed(SEED.article);
    const findings = run(SEED.article);
    const bp = findings.filter((f) => f.ruleId === 'web-boilerplate');
    // publication time, 来源:本网, 浏览次数, 【字体, and the closing 来源 | … and 通讯员 | … lines
    assert.deepEqual(bp.map((f) => f.range.start.line + 1), [5, 6, 7, 8, 73, 75]);
    assert.equal(findings.filter((f) => f.ruleId !== 'web-boilerplate').length, 0);
    const fixAll = bp[0].fixes!.find((f) => f.kind === 'delete-all-boilerplate')!;
    const fixed = applyEdits(text, fixAll.edits);
    assert.equal(check(fixed, { only: ['web-boilerplate'] }).length, 0);
    assert.equal(fixed.split('\n').length, text.split('\n').length - 6);
    assert.ok(!/浏览次数|来源:本网/.test(fixed));
  });

  // No information findings are kept on the seeds either: they are each in one script (mixed-script
  // ignores the characters inside 001's damaged spans) and use ASCII , : ; ( ) consistently.
  for (const key of ['baiyun', 'xinhua', 'gzOffice'] as const) {
    it(`${key}: no hygiene finding at any severity`, () => {
      assert.deepEqual(run(SEED[key]).map((f) => `${f.range.start.line + 1}: ${f.ruleId} ${f.message}`), []);
    });
  }
});
