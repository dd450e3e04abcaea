import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyOffsetEdits, FULL_WIDTH, fullWidthEdits } from '../../server/src/core/document/punctuation';
import { Analysis } from '../../server/src/core/analysis';
import { fullWidthPunctuationEdits } from '../../server/src/core/rules/punctuation-width';
import { applyEdits, check, readSeed, SEED, SEEDS_SKIP } from '../helpers';

const convert = (text: string, format: 'text' | 'markdown' = 'text') => applyOffsetEdits(text, fullWidthEdits(text, format));

describe('full-width punctuation conversion', () => {
  it('converts ASCII marks used as Chinese punctuation', () => {
    assert.equal(convert('2024年,全区推进依法行政;主要做法:一是建章立制。'), '2024年，全区推进依法行政；主要做法：一是建章立制。');
    assert.equal(convert('如何凝聚合力?坚持党的领导!'), '如何凝聚合力？坚持党的领导！');
    assert.equal(convert('推进政府和社会资本合作(PPP)项目'), '推进政府和社会资本合作（PPP）项目');
    assert.equal(convert('达到100%,同比上升'), '达到100%，同比上升');
    assert.equal(convert('全区 , 共计'), '全区 ， 共计');
  });

  it('swaps only the brackets of numbering markers, never their numerals', () => {
    assert.equal(convert('(一)健全制度体系\n(1)制定规范\n1.建立台账\n1．规范流程'), '（一）健全制度体系\n（1）制定规范\n1.建立台账\n1．规范流程');
    assert.equal(convert('（一）已是全角'), '（一）已是全角');
  });

  it('never touches numbers', () => {
    for (const s of ['共1,234宗', '增长3.5%', '11:18发布', '比例1:1000', '第1,2项', '1,234,567元']) assert.equal(convert(s), s, s);
  });

  it('never touches URLs or e-mail addresses', () => {
    assert.equal(convert('详见https://www.gz.gov.cn/a?b=1,2&c=(3),联系xx@gz.gov.cn。'), '详见https://www.gz.gov.cn/a?b=1,2&c=(3)，联系xx@gz.gov.cn。');
    assert.equal(convert('网址:www.example.cn/x:y,见上'), '网址：www.example.cn/x:y，见上');
  });

  it('never touches Markdown syntax', () => {
    const md = [
      '---',
      'title: 报告,草稿',
      '---',
      '# 一、主要举措(草稿)',
      '见[链接](https://a.cn/x(1)),以及![图](img/a,b.png)。',
      '代码`a,b:c`不变,<https://a.cn/q?x=1,2>也不变。',
      '```',
      '说明,不改:(1)',
      '```',
      '[ref]: https://a.cn "标题,不改"',
      '    缩进代码,不改',
    ].join('\n');
    const expected = [
      '---',
      'title: 报告,草稿',
      '---',
      '# 一、主要举措（草稿）',
      '见[链接](https://a.cn/x(1))，以及![图](img/a,b.png)。',
      '代码`a,b:c`不变，<https://a.cn/q?x=1,2>也不变。',
      '```',
      '说明,不改:(1)',
      '```',
      '[ref]: https://a.cn "标题,不改"',
      '    缩进代码,不改',
    ].join('\n');
    assert.equal(convert(md, 'markdown'), expected);
  });

  it('leaves English text alone', () => {
    const s = 'See the appendix (page 3): done, ok; really?';
    assert.equal(convert(s), s);
  });

  it('property: edits replace single marks by their full-width form, keep the length, and are idempotent', () => {
    const alphabet = fc.constantFrom(...'区法治,:;()?!1234.5 \nabc年（）。、'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (s) => {
        const edits = fullWidthEdits(s, 'text');
        for (const e of edits) {
          assert.equal(e.end - e.start, 1);
          assert.equal(e.newText, FULL_WIDTH[s[e.start]]);
          // A mark glued between two ASCII characters is never changed (1,234 / 11:18).
          const prev = s[e.start - 1];
          const next = s[e.start + 1];
          const ascii = (c: string | undefined) => c !== undefined && c > ' ' && c < '\x7f' && !(c in FULL_WIDTH);
          if (s[e.start] !== '(' && s[e.start] !== ')') assert.ok(!(ascii(prev) && ascii(next)), JSON.stringify(s));
        }
        const out = applyOffsetEdits(s, edits);
        assert.equal(out.length, s.length);
        assert.deepEqual(fullWidthEdits(out, 'text'), [], `not idempotent on ${JSON.stringify(s)}`);
      }),
      { seed: 20240301, numRuns: 500 },
    );
  });
});

describe('full-width conversion on the seeds', { skip: SEEDS_SKIP }, () => {
  for (const [key, name] of Object.entries(SEED)) {
    it(`${key}: only punctuation changes, the outline is unchanged, no punctuation-width finding before or after`, () => {
      const text = readSeed(name);
      const analysis = Analysis.fromText(text, { uri: `file:///seeds/${name}` });
      const edits = fullWidthPunctuationEdits(analysis);
      assert.ok(edits.length > 50, `${key}: ${edits.length} edits`);
      const fixed = applyEdits(text, edits);
      // Digits, letters and every other character are untouched.
      const strip = (s: string) => s.replace(/[,:;()?!，：；（）？！]/g, '');
      assert.equal(strip(fixed), strip(text));
      assert.equal(fixed.length, text.length);
      assert.equal((fixed.match(/\d/g) ?? []).length, (text.match(/\d/g) ?? []).length);
      const before = Analysis.fromText(text).outline.headings.map((h) => `${h.level}:${h.number}`);
      const after = Analysis.fromText(fixed).outline.headings.map((h) => `${h.level}:${h.number}`);
      assert.deepEqual(after, before);
      assert.deepEqual(check(text, { only: ['punctuation-width'], forceReport: true }), []);
      assert.deepEqual(check(fixed, { only: ['punctuation-width'], forceReport: true }), []);
      // Damaged spans keep their `?`.
      if (key === 'xiangzhou') assert.equal(check(fixed, { only: ['encoding-damage'] }).length, 3);
    });
  }
});
