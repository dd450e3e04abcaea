/**
 * Findings are cheap records until read (issue 18): a rule may give its message, fixes and related
 * information as functions. They are called only when read, once; the finding reads, spreads into
 * JSON and is published like a plain one; a fix edit built late with an invalid range drops that
 * fix and is logged instead of failing the rule after the fact.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument } from '../../server/src/core/check';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';
import { pinyinResidue } from '../../server/src/core/rules/pinyin-residue';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { fileResult, formatJson, formatText } from '../../server/src/cli/format';

const TEXT = '一、甲乙丙\n二、丁戊己\n';

function testRule(check: (ctx: RuleContext) => void): Rule {
  return {
    meta: {
      id: 'test-lazy',
      defaultSeverity: 'warning',
      category: 'internal',
      scope: 'any',
      fixable: true,
      description: { 'zh-cn': '测试用规则', en: 'test rule' },
      docs: { 'zh-cn': '测试用规则', en: 'test rule' },
    },
    messages: { m: { 'zh-cn': '第{n}处', en: 'item {n}' } },
    check,
  };
}

describe('lazy findings', () => {
  it('builds the message and the fixes when first read, and only once', () => {
    const calls = { message: 0, fixes: 0 };
    const rule = testRule((ctx) => {
      ctx.report({
        message: () => {
          calls.message++;
          return ctx.t('m', { n: 1 });
        },
        range: { start: 2, end: 4 },
        fixes: () => {
          calls.fixes++;
          return [{ title: 'x', edits: [{ range: ctx.doc.rangeOf(2, 4), newText: '' }] }];
        },
      });
    });
    const [f] = checkDocument(Analysis.fromText(TEXT), { rules: [rule] });
    assert.deepEqual(calls, { message: 0, fixes: 0 }, 'nothing built by the check itself');
    assert.deepEqual(f.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } });
    assert.equal(f.message, '第1处');
    assert.equal(f.message, '第1处');
    assert.equal(calls.message, 1);
    assert.equal(f.fixes?.length, 1);
    assert.equal(f.fixes?.length, 1);
    assert.equal(calls.fixes, 1);
  });

  it('serialises, publishes and formats like a plain finding (same keys, same order)', () => {
    const lazy = testRule((ctx) => ctx.report({ message: () => ctx.t('m', { n: 2 }), range: { start: 2, end: 4 }, fixes: () => [], data: { n: 2 } }));
    const plain = testRule((ctx) => ctx.report({ message: ctx.t('m', { n: 2 }), range: { start: 2, end: 4 }, fixes: [], data: { n: 2 } }));
    const [a] = checkDocument(Analysis.fromText(TEXT), { rules: [lazy] });
    const [b] = checkDocument(Analysis.fromText(TEXT), { rules: [plain] });
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.equal(a.fixes, undefined, 'no fixes built: none');
    assert.deepEqual(toDiagnostic(a, 'file:///a.txt'), toDiagnostic(b, 'file:///a.txt'));
    assert.equal(formatJson([fileResult('a.txt', [a])]), formatJson([fileResult('a.txt', [b])]));
    assert.equal(formatText([fileResult('a.txt', [a])], 'en'), formatText([fileResult('a.txt', [b])], 'en'));
  });

  it('drops a late-built fix whose edit range is invalid, and logs it', () => {
    const rule = testRule((ctx) =>
      ctx.report({
        message: 'm',
        range: { start: 0, end: 1 },
        fixes: () => [
          { title: 'bad', edits: [{ range: { start: { line: 99, character: 0 }, end: { line: 99, character: 1 } }, newText: '' }] },
          { title: 'good', edits: [{ range: ctx.doc.rangeOf(0, 1), newText: '' }] },
        ],
      }),
    );
    const logged: string[] = [];
    const [f] = checkDocument(Analysis.fromText(TEXT), { rules: [rule], onRuleError: (id) => logged.push(id) });
    assert.deepEqual(f.fixes?.map((x) => x.title), ['good']);
    assert.deepEqual(logged, ['test-lazy']);
  });

  it('pinyin-residue: the same findings, messages and fixes as before, built when read', () => {
    const text = '香洲區(qū)印發(fā)的通知\n';
    const findings = checkDocument(Analysis.fromText(text), { rules: [pinyinResidue] });
    assert.deepEqual(findings.map((f) => f.message), ['汉字“區”后残留拼音注音“(qū)”，应删除', '汉字“發”后残留拼音注音“(fā)”，应删除']);
    const fixes = findings[1].fixes ?? [];
    assert.deepEqual(fixes.map((x) => [x.kind, x.title, x.edits.length]), [['remove-pinyin', '删除拼音注音“(fā)”', 1], ['remove-all-pinyin', '删除全文全部拼音注音（2处）', 2]]);
    assert.equal(findings[0].fixes?.[1], fixes[1], 'one remove-all fix shared by the findings');
    assert.deepEqual(fixes[0].edits[0], { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } }, newText: '' });
  });
});
