import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { encodeSemanticTokens, semanticTokens } from '../../server/src/core/features/semantic-tokens';
import { analyze, readSeed, SEED, SEEDS_SKIP } from '../helpers';

function show(text: string, uri?: string): string[] {
  const a = analyze(text, uri);
  return semanticTokens(a).map((t) => `${t.type}${t.modifiers.length ? '.' + t.modifiers.join('.') : ''}:${a.doc.lines[t.line].text.slice(t.character, t.character + t.length)}`);
}

describe('semantic tokens', () => {
  it('marks heading markers and titles per level, figures, percentages, rates, years and approximate qualifiers', () => {
    const text = [
      '某镇人民政府关于2024年度法治政府建设情况的报告',
      '2024年,某镇坚持依法行政。现将有关情况报告如下:',
      '一、主要举措和成效',
      '（一）化解纠纷。共调解纠纷约300宗,成功调解290宗,调解成功率96.67%。',
      '1．规范执法。依据〔2024〕3号文件开展检查。',
      '三、2025年工作安排',
    ].join('\n');
    const tokens = show(text);
    assert.deepEqual(tokens, [
      'heading:某镇人民政府关于',
      'year:2024',
      'heading:年度法治政府建设情况的报告',
      'year:2024',
      'headingMarker.level1:一、',
      'heading.level1:主要举措和成效',
      'headingMarker.level2:（一）',
      'heading.level2:化解纠纷',
      'approximate:约',
      'number:300',
      'number:290',
      'rate:调解成功率',
      'number.percentage:96.67%',
      'headingMarker.level3:1．',
      'heading.level3:规范执法',
      'headingMarker.level1:三、',
      'year:2025',
      'heading.level1:年工作安排',
    ]);
  });

  it('encodes tokens relative to each other, five integers each', () => {
    const a = analyze('一、甲\n（一）乙');
    const t = semanticTokens(a);
    assert.deepEqual(encodeSemanticTokens(t), [0, 0, 2, 0, 1, 0, 2, 1, 1, 1, 1, 0, 3, 0, 2, 0, 3, 1, 1, 2]);
  });

  it('tokens never overlap or cross lines on the seeds', { skip: SEEDS_SKIP }, () => {
    for (const name of Object.values(SEED)) {
      const a = analyze(readSeed(name), `file:///seeds/${name}`);
      let prev = { line: -1, end: 0 };
      for (const t of semanticTokens(a)) {
        assert.ok(t.length > 0);
        assert.ok(t.character + t.length <= a.doc.lines[t.line].text.length, `${name}: token crosses a line end`);
        assert.ok(t.line > prev.line || t.character >= prev.end, `${name}: overlapping tokens on line ${t.line}`);
        prev = { line: t.line, end: t.character + t.length };
      }
    }
  });
});
