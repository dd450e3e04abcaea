import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const contribution = (pkg.contributes.grammars as { language: string; scopeName: string; path: string }[]).find((g) => g.language === 'reportlint');

/** Tokenise lines with the real TextMate engine VS Code uses; returns [text, scopes] per token. */
let grammar: vsctm.IGrammar;
function tokens(text: string): { text: string; scopes: string[] }[] {
  const out: { text: string; scopes: string[] }[] = [];
  let state = vsctm.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}
/** The text of the tokens whose innermost scopes include `scope`. */
function textsWith(text: string, scope: string): string[] {
  return tokens(text)
    .filter((t) => t.scopes.some((s) => s.startsWith(scope)))
    .map((t) => t.text);
}

describe('TextMate grammar for the reportlint language', () => {
  before(async () => {
    assert.ok(contribution, 'package.json contributes no grammar for reportlint');
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== contribution!.scopeName) return null;
        const file = path.join(REPO_ROOT, contribution!.path);
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    const g = await registry.loadGrammar(contribution!.scopeName);
    assert.ok(g);
    grammar = g;
  });

  it('marks the heading markers of each level with their own scope, and the title line', () => {
    const text = ['某区人民政府关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '（二）推进依法行政。全年办理案件12件。', '3．规范执法', '(4)强化监督', '第一部分 总体情况'].join('\n');
    assert.deepEqual(textsWith(text, 'keyword.control.heading.level1'), ['一、']);
    assert.deepEqual(textsWith(text, 'keyword.control.heading.level2'), ['（二）']);
    assert.deepEqual(textsWith(text, 'keyword.control.heading.level3'), ['3．']);
    assert.deepEqual(textsWith(text, 'keyword.control.heading.level4'), ['(4)']);
    assert.deepEqual(textsWith(text, 'keyword.control.heading.part'), ['第一部分']);
    assert.deepEqual(textsWith(text, 'markup.heading.title'), ['某区人民政府关于2024年度法治政府建设情况的报告']);
    // The run-in heading's title stops at 。; the body is not heading text.
    assert.deepEqual(textsWith(text, 'markup.heading.2'), ['推进依法行政']);
  });

  it('marks numbers, percentages, rates, years and approximate qualifiers', () => {
    const text = '2024年,共调解纠纷2,176宗,成功调解2085宗,成功率95.82%,同比上升2.04个百分点;受理约300件、1500余件,覆盖率100％左右。依据〔2024〕3号文件。';
    assert.deepEqual(textsWith(text, 'constant.numeric.year'), ['2024']);
    assert.deepEqual(textsWith(text, 'constant.numeric.percentage'), ['95.82%', '个百分点', '100％']);
    assert.deepEqual(textsWith(text, 'support.type.rate'), ['成功率', '覆盖率']);
    assert.deepEqual(textsWith(text, 'keyword.operator.approximate'), ['约', '余', '左右']);
    assert.deepEqual(textsWith(text, 'constant.numeric.reportlint'), ['2,176', '2085', '2.04', '300', '1500']);
    assert.deepEqual(textsWith(text, 'string.other.document-number'), ['〔2024〕3号']);
  });

  it('does not take a numeral in running text or a year list for a heading', () => {
    const text = '全区一、二等奖共12个。\n2023、2024年连续获评。';
    assert.deepEqual(textsWith(text, 'keyword.control.heading'), []);
  });
});
