import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { NUMBER_RE, numberTokens } from '../../server/src/core/figures/numbers';

/** The tokens as the regular expression finds them (the grammar the hand tokenizer reads). */
function byRegex(s: string): Array<[number, number]> {
  const re = new RegExp(NUMBER_RE.source, 'g');
  return [...s.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

describe('number tokenizer (by hand, on code units)', () => {
  it('finds the same tokens as NUMBER_RE on report phrasing', () => {
    const samples = [
      '全年受理行政复议案件1,234件，同比增长12.5%，其中一是办结率达到百分之九十五点五。',
      '二〇二四年，共收到申请３５６件，较上年增加百分之12.5，占比约百分之三十。',
      '1,2345 1,234,567 1,23 12,345.67 3.5 3. 3．５ ５．２ 百分之 百分之点五 百分点 一百二十三万 两千亿 千万',
      '第三季度，前三名，目前2宗，11:18，V2.0，5G，2024—2025年，〔2024〕7号',
      '',
      '百分之百 百分之一百 百分之零点 百分之十点五五 百分之3.',
    ];
    for (const s of samples) assert.deepEqual(numberTokens(s), byRegex(s), s);
  });

  it('finds the same tokens as NUMBER_RE on random strings of the relevant characters', () => {
    const alphabet = [...'0123456789０１２３４５６７８９,.．点百分之零〇一二两三四五六七八九十千万亿件%年 的是'];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = rand(24);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      assert.deepEqual(numberTokens(s), byRegex(s), JSON.stringify(s));
    }
  });
});
