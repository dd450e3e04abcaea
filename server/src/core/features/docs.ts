import { DOCUMENTED_RULES } from '../rules';
import type { Locale } from '../types';
import { STATISTICS_POLICY } from '../figures/policy';

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
  for (const r of DOCUMENTED_RULES) {
    out.push(`| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? '✓' : ''} | ${r.meta.description.en} |`);
  }
  out.push('');
  out.push('## Statistics rules: precision policy / 数据类规则的定级原则', '', STATISTICS_POLICY['zh-cn'], '', STATISTICS_POLICY.en, '');
  for (const r of DOCUMENTED_RULES) {
    out.push(`## ${r.meta.id}`, '');
    out.push(`- Default severity / 默认级别: **${r.meta.defaultSeverity}** (${SEVERITY_NAME['zh-cn'][r.meta.defaultSeverity]})`);
    out.push(`- Category: ${r.meta.category}; applies to: ${r.meta.scope === 'report' ? 'documents that look like reports' : 'every checked document'}`);
    out.push(`- Quick fix: ${r.meta.fixable ? 'yes' : 'no'}`, '');
    out.push(`**${r.meta.description['zh-cn']}**`, '', r.meta.docs['zh-cn'], '');
    out.push(`**${r.meta.description.en}**`, '', r.meta.docs.en, '');
  }
  return out.join('\n');
}

/** The scheme of a rule's documentation page (Diagnostic.codeDescription), served by the extension from the rule metadata. */
export const RULE_DOC_SCHEME = 'reportlint-rule';

/** `reportlint-rule:/rate-mismatch.md`: the link a finding carries to its rule's page (works offline). */
export function ruleDocUri(ruleId: string): string {
  return `${RULE_DOC_SCHEME}:/${encodeURIComponent(ruleId)}.md`;
}

/** One rule's documentation page, from its metadata, in the display language first; null for an unknown id. */
export function renderRuleMarkdown(ruleId: string, locale: Locale): string | null {
  const r = DOCUMENTED_RULES.find((x) => x.meta.id === ruleId);
  if (!r) return null;
  const other: Locale = locale === 'en' ? 'zh-cn' : 'en';
  const sev = locale === 'en' ? 'Default severity' : '默认级别';
  const fix = locale === 'en' ? 'Quick fix' : '快速修复';
  const yes = locale === 'en' ? (r.meta.fixable ? 'yes' : 'no') : r.meta.fixable ? '有' : '无';
  return [
    `# ${r.meta.id}`,
    '',
    `- ${sev}: **${SEVERITY_NAME[locale][r.meta.defaultSeverity]}**`,
    `- ${fix}: ${yes}`,
    '',
    `**${r.meta.description[locale]}**`,
    '',
    r.meta.docs[locale],
    '',
    '---',
    '',
    `**${r.meta.description[other]}**`,
    '',
    r.meta.docs[other],
    '',
  ].join('\n');
}
