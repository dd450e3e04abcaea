import { ALL_RULES } from './rules';
import type { Locale } from './types';
import { STATISTICS_POLICY } from './figures/policy';

const SEVERITY_NAME: Record<Locale, Record<string, string>> = {
  'zh-cn': { error: '错误', warning: '警告', info: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};

/**
 * docs/rules.md, generated from the rules' own metadata (`npm run docs`).
 * A test fails when the committed file is stale.
 */
export function renderRulesMarkdown(): string {
  const out: string[] = [];
  out.push('# ReportLint rules / 规则说明', '');
  out.push('<!-- Generated from each rule\'s metadata by `npm run docs`; do not edit by hand. -->', '');
  out.push('| id | default severity / 默认级别 | quick fix | description |', '|---|---|---|---|');
  for (const r of ALL_RULES) {
    out.push(`| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? '✓' : ''} | ${r.meta.description.en} |`);
  }
  out.push('');
  out.push('## Statistics rules: precision policy / 数据类规则的定级原则', '', STATISTICS_POLICY['zh-cn'], '', STATISTICS_POLICY.en, '');
  for (const r of ALL_RULES) {
    out.push(`## ${r.meta.id}`, '');
    out.push(`- Default severity / 默认级别: **${r.meta.defaultSeverity}** (${SEVERITY_NAME['zh-cn'][r.meta.defaultSeverity]})`);
    out.push(`- Category: ${r.meta.category}; applies to: ${r.meta.scope === 'report' ? 'documents that look like reports' : 'every checked document'}`);
    out.push(`- Quick fix: ${r.meta.fixable ? 'yes' : 'no'}`, '');
    out.push(`**${r.meta.description['zh-cn']}**`, '', r.meta.docs['zh-cn'], '');
    out.push(`**${r.meta.description.en}**`, '', r.meta.docs.en, '');
  }
  return out.join('\n');
}
