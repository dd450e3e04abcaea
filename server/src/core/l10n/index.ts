import type { Locale } from '../types';

/** A message in every supported locale. Templates use `{name}` placeholders. */
export type LocalizedText = Record<Locale, string>;

export const DEFAULT_LOCALE: Locale = 'zh-cn';

/** Map a VS Code / POSIX locale string to one of ours: zh* → zh-cn, anything else → en. */
export function normalizeLocale(locale: string | undefined | null): Locale {
  if (!locale) return DEFAULT_LOCALE;
  const l = locale.toLowerCase().replace('_', '-').replace(/[.@].*$/, '');
  if (l.startsWith('zh')) return 'zh-cn';
  if (l === 'c' || l === 'posix') return DEFAULT_LOCALE;
  return 'en';
}

/** A placeholder's name: `\w+`. */
const WORD = /^\w+$/;

/** Fill `{name}` placeholders. Unknown placeholders are left as they are. */
export function format(template: string, args: Record<string, string | number> = {}): string {
  // What `template.replace(/\{(\w+)\}/g, …)` gives, by indexOf: every finding's message passes
  // here, and most templates have one or two placeholders (or none).
  let open = template.indexOf('{');
  if (open < 0) return template;
  let out = '';
  let last = 0;
  while (open >= 0) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const key = template.slice(open + 1, close);
    if (WORD.test(key) && key in args) {
      out += template.slice(last, open) + String(args[key]);
      last = close + 1;
      open = template.indexOf('{', last);
    } else {
      // Not a placeholder here: one may still start at a later `{` (`{{name}`, `{a b}{c}`).
      open = template.indexOf('{', open + 1);
    }
  }
  return last === 0 ? template : out + template.slice(last);
}

export function localize(text: LocalizedText, locale: Locale, args?: Record<string, string | number>): string {
  return format(text[locale] ?? text[DEFAULT_LOCALE], args);
}

/** Messages shared by several adapters (CLI, server). Rule messages live with their rules. */
export const COMMON = {
  ruleFailed: {
    'zh-cn': '规则 {rule} 在检查本文档时出错，已跳过：{error}',
    en: 'Rule {rule} failed on this document and was skipped: {error}',
  },
  tooLarge: {
    'zh-cn': '文档过大（{size}），超过检查上限 {limit}，未逐项检查。可在设置 reportlint.maxFileSize 中调整上限。',
    en: 'The document is too large ({size}, limit {limit}) and was not checked. Raise the limit with the reportlint.maxFileSize setting.',
  },
} satisfies Record<string, LocalizedText>;
