/**
 * Contained failures (issue 8): a rule that throws, or reports a malformed range, is caught.
 * The other rules' findings are still produced, the failure appears once as an
 * `internal-rule-failure` finding naming the rule, and the caller's logger gets the rule id.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Analysis } from '../../server/src/core/analysis';
import { checkDocument, RULE_FAILURE_ID } from '../../server/src/core/check';
import { ALL_RULES } from '../../server/src/core/rules';
import type { Rule, RuleContext } from '../../server/src/core/rules/types';

const TEXT = '一、甲\n三、丙\n';

function testRule(id: string, check: (ctx: RuleContext) => void): Rule {
  return {
    meta: {
      id,
      defaultSeverity: 'warning',
      category: 'internal',
      scope: 'any',
      fixable: false,
      description: { 'zh-cn': '测试用规则', en: 'test rule' },
      docs: { 'zh-cn': '测试用规则', en: 'test rule' },
    },
    messages: { m: { 'zh-cn': '测试', en: 'test' } },
    check,
  };
}

function run(rules: readonly Rule[], locale: 'zh-cn' | 'en' = 'zh-cn') {
  const logged: { ruleId: string; error: unknown }[] = [];
  const findings = checkDocument(Analysis.fromText(TEXT), { rules, locale, onRuleError: (ruleId, error) => logged.push({ ruleId, error }) });
  return { findings, logged };
}

describe('contained failures', () => {
  it('a throwing rule: the other rules still report, the failure is one finding and one log entry naming the rule', () => {
    const boom = testRule('test-throws', () => {
      throw new Error('boom');
    });
    const { findings, logged } = run([boom, ...ALL_RULES]);
    assert.ok(findings.some((f) => f.ruleId === 'numbering-gap'), 'the real rules still report');
    const failures = findings.filter((f) => f.ruleId === RULE_FAILURE_ID);
    assert.equal(failures.length, 1);
    assert.equal(failures[0].severity, 'warning');
    assert.deepEqual(failures[0].data, { failedRule: 'test-throws' });
    assert.match(failures[0].message, /规则 test-throws 在检查本文档时出错，已跳过：boom/);
    assert.deepEqual(failures[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(logged.length, 1);
    assert.equal(logged[0].ruleId, 'test-throws');
    assert.equal((logged[0].error as Error).message, 'boom');
    // Same verdict from the real rules as without the broken one.
    const without = checkDocument(Analysis.fromText(TEXT)).map((f) => f.ruleId);
    assert.deepEqual(findings.filter((f) => f.ruleId !== RULE_FAILURE_ID).map((f) => f.ruleId), without);
  });

  it('speaks the requested locale', () => {
    const boom = testRule('test-throws', () => {
      throw new TypeError('bad');
    });
    const { findings } = run([boom], 'en');
    assert.equal(findings[0].message, 'Rule test-throws failed on this document and was skipped: bad');
  });

  it('a rule that reports and then throws: its partial findings are dropped, the failure shown once', () => {
    const half = testRule('test-half', (ctx) => {
      ctx.report({ message: 'partial', range: { start: 0, end: 1 } });
      throw new Error('midway');
    });
    const { findings } = run([half, ...ALL_RULES]);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'test-half'), []);
    assert.equal(findings.filter((f) => f.ruleId === RULE_FAILURE_ID).length, 1);
  });

  it('two failing rules: one finding each, in rule order', () => {
    const a = testRule('test-a', () => {
      throw new Error('a');
    });
    const b = testRule('test-b', () => {
      throw new Error('b');
    });
    const { findings, logged } = run([a, ...ALL_RULES, b]);
    assert.deepEqual(findings.filter((f) => f.ruleId === RULE_FAILURE_ID).map((f) => f.data?.failedRule), ['test-a', 'test-b']);
    assert.deepEqual(logged.map((l) => l.ruleId), ['test-a', 'test-b']);
  });

  it('whatever is thrown (null, undefined, a string, an object with no toString, a throwing toString) stays contained', () => {
    const throwables: unknown[] = [
      null,
      undefined,
      'text',
      42,
      Object.create(null),
      {
        toString() {
          throw new Error('nested');
        },
      },
      Symbol('s'),
    ];
    for (const thrown of throwables) {
      const r = testRule('test-odd', () => {
        throw thrown;
      });
      const { findings, logged } = run([r, ...ALL_RULES]);
      const failures = findings.filter((f) => f.ruleId === RULE_FAILURE_ID);
      assert.equal(failures.length, 1, String(typeof thrown));
      assert.match(failures[0].message, /test-odd/);
      assert.ok(findings.some((f) => f.ruleId === 'numbering-gap'));
      assert.equal(logged.length, 1);
    }
  });

  it('a logger that throws does not stop the other rules', () => {
    const boom = testRule('test-throws', () => {
      throw new Error('boom');
    });
    const findings = checkDocument(Analysis.fromText(TEXT), {
      rules: [boom, ...ALL_RULES],
      onRuleError: () => {
        throw new Error('logger down');
      },
    });
    assert.equal(findings.filter((f) => f.ruleId === RULE_FAILURE_ID).length, 1);
    assert.ok(findings.some((f) => f.ruleId === 'numbering-gap'));
  });

  it('malformed ranges (NaN, negative, reversed, past the end, past a line end) in findings, fixes or related info make the rule fail visibly', () => {
    const bad: [string, (ctx: RuleContext) => void][] = [
      ['NaN offsets', (ctx) => ctx.report({ message: 'x', range: { start: NaN, end: 1 } })],
      ['negative offset', (ctx) => ctx.report({ message: 'x', range: { start: -1, end: 1 } })],
      ['reversed offsets', (ctx) => ctx.report({ message: 'x', range: { start: 3, end: 1 } })],
      ['offset past the end', (ctx) => ctx.report({ message: 'x', range: { start: 0, end: TEXT.length + 1 } })],
      ['fractional offset', (ctx) => ctx.report({ message: 'x', range: { start: 0.5, end: 1 } })],
      ['line past the end', (ctx) => ctx.report({ message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } })],
      ['character past the line end', (ctx) => ctx.report({ message: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } })],
      ['reversed positions', (ctx) => ctx.report({ message: 'x', range: { start: { line: 1, character: 0 }, end: { line: 0, character: 1 } } })],
      ['missing range', (ctx) => ctx.report({ message: 'x', range: undefined as never })],
      [
        'fix edit past the end',
        (ctx) =>
          ctx.report({
            message: 'x',
            range: { start: 0, end: 1 },
            fixes: [{ title: 't', edits: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } }, newText: '' }] }],
          }),
      ],
      [
        'related range reversed',
        (ctx) =>
          ctx.report({
            message: 'x',
            range: { start: 0, end: 1 },
            related: [{ message: 'r', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 0 } } }],
          }),
      ],
    ];
    for (const [name, check] of bad) {
      const { findings, logged } = run([testRule('test-range', check), ...ALL_RULES]);
      const failures = findings.filter((f) => f.ruleId === RULE_FAILURE_ID);
      assert.equal(failures.length, 1, name);
      assert.match(failures[0].message, /test-range.*invalid/, name);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'test-range'), [], name);
      assert.ok(findings.some((f) => f.ruleId === 'numbering-gap'), name);
      assert.equal(logged[0].ruleId, 'test-range', name);
    }
  });

  it('well-formed ranges at the edges (empty range at the very end, whole last line) are accepted', () => {
    const edge = testRule('test-edge', (ctx) => {
      ctx.report({ message: 'end', range: { start: TEXT.length, end: TEXT.length } });
      ctx.report({ message: 'line', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } });
    });
    const { findings } = run([edge]);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message]), [['test-edge', 'line'], ['test-edge', 'end']]);
  });
});
