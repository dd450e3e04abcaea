/**
 * Test-only hooks of the language server, used by test/lsp to prove that the server keeps
 * serving when a rule throws. They are active only when the environment variable
 * REPORTLINT_TEST_MODE names a test mode exactly; any other value (or none) changes nothing.
 *
 *   REPORTLINT_TEST_MODE=throwing-rule   adds the rule `test-throwing-rule`, which throws on
 *                                        every document (it is not a built-in rule: it is not
 *                                        in ALL_RULES, the docs or the settings).
 */
import type { Rule } from '../core/rules/types';

export const TEST_MODE_ENV = 'REPORTLINT_TEST_MODE';
export const THROWING_RULE_ID = 'test-throwing-rule';

const throwingRule: Rule = {
  meta: {
    id: THROWING_RULE_ID,
    defaultSeverity: 'warning',
    category: 'internal',
    scope: 'any',
    fixable: false,
    description: { 'zh-cn': '测试模式：总是出错的规则', en: 'Test mode: a rule that always throws' },
    docs: { 'zh-cn': '仅用于测试。', en: 'For tests only.' },
  },
  messages: {},
  check() {
    throw new Error('deliberate failure (REPORTLINT_TEST_MODE=throwing-rule)');
  },
};

/** Extra rules for the test mode named in `env`, or none. */
export function testModeRules(env: Record<string, string | undefined>): Rule[] {
  return env[TEST_MODE_ENV] === 'throwing-rule' ? [throwingRule] : [];
}
