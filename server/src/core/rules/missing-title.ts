import type { Rule } from './types';
import { findPhrase } from '../profiles/phrases';
import { documentAnchor, profileParts } from './profile-shared';
import { reportYear } from '../document/years';
import type { Analysis } from '../analysis';

/**
 * The profile's example title with the report's own year (from its title or opening sentence),
 * or 20XX when the report states none: never a fixed year that may not be the report's.
 */
export function titleExample(analysis: Analysis, example: string): string {
  const year = reportYear(analysis)?.year;
  return example.replace(/(?:19|20)\d{2}(?=\s*年)/g, year ? String(year) : '20XX');
}

/** missing-title: no title line, or a title not in the form ……关于20XX年度……的报告 (information). */
export const missingTitle: Rule = {
  meta: {
    id: 'missing-title',
    defaultSeverity: 'info',
    category: 'format',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '报告没有标题行，或标题不符合“××关于20XX年度法治政府建设情况的报告”的常见形式（提示）。',
      en: 'The report has no title line, or its title is not of the usual form ××关于20XX年度法治政府建设情况的报告 (information).',
    },
    docs: {
      'zh-cn':
        '年度报告的标题一般为“〈发文机关〉关于〈YYYY〉年度法治政府建设情况的报告”。许多网上公开的文本没有标题行，' +
        '因此缺少标题只作提示，不算错误。标题的必备词语和示例保存在报告类型配置中。',
      en:
        'The usual title is 〈issuing body〉关于〈YYYY〉年度法治政府建设情况的报告. Many published texts have no title line, so a ' +
        'missing title is information, not an error. The required words and an example live in the profile.',
    },
  },
  messages: {
    missing: { 'zh-cn': '报告没有标题行，常见形式如“{example}”', en: 'The report has no title line; the usual form is “{example}”' },
    form: {
      'zh-cn': '标题缺少“{missing}”，常见形式如“{example}”',
      en: 'The title lacks “{missing}”; the usual form is “{example}”',
    },
    year: { 'zh-cn': '标题没有写明报告年度，常见形式如“{example}”', en: 'The title does not state the report year; the usual form is “{example}”' },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    const spec = pp?.profile.title;
    if (!pp || !spec) return;
    const title = ctx.outline.title;
    const example = titleExample(ctx.analysis, spec.example);
    if (!title) {
      ctx.report({ message: ctx.t('missing', { example }), range: documentAnchor(ctx), data: { kind: 'missing' } });
      return;
    }
    const text = ctx.doc.simplified.slice(title.range.start, title.range.end);
    const missing = spec.requiredPhrases.filter((p) => !findPhrase(text, p));
    if (missing.length) ctx.report({ message: ctx.t('form', { missing: missing.join('”“'), example }), range: title.range, data: { kind: 'form', missing } });
    else if (!/(?:19|20)\d{2}\s*年/.test(text)) ctx.report({ message: ctx.t('year', { example }), range: title.range, data: { kind: 'year' } });
  },
};
