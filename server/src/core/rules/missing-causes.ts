import type { Rule } from './types';
import { containsAny } from '../profiles/phrases';
import { profileParts } from './profile-shared';

/** missing-causes: a shortcomings part that names problems but no causes (the item is 不足和原因). */
export const missingCauses: Rule = {
  meta: {
    id: 'missing-causes',
    defaultSeverity: 'warning',
    category: 'structure',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '“存在的不足”部分只列问题，未分析原因（规定要求报告“不足和原因”）。',
      en: 'The shortcomings part names problems but no causes (the mandated item is shortcomings and their causes).',
    },
    docs: {
      'zh-cn':
        '第二十五条要求报告“存在的不足和原因”。若该部分正文中没有任何分析原因的表述（如“原因”“主要是”“究其原因”“受……影响”' +
        '“由于”“导致”“制约”“面临……挑战”），给出警告。标题写了“原因”但正文没有分析原因的，同样提示。' +
        '表述清单保存在报告类型配置（causePhrases）中，可按本地行文习惯增补。',
      en:
        'Article 25 asks for the shortcomings and their causes. When the part’s text has no wording that gives a cause ' +
        '(原因, 主要是, 究其原因, 受…影响, 由于, 导致, 制约, 面临…挑战 …), the rule warns — also when only the heading says 原因. ' +
        'The phrases live in the profile (causePhrases) and can be extended.',
    },
  },
  messages: {
    missing: {
      'zh-cn': '“{part}”部分只列出了问题，没有分析原因（{article}要求报告{item}）',
      en: 'The “{part}” part lists problems but gives no causes ({article} asks for {item})',
    },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    if (!pp) return;
    for (const { part, location } of pp.located.parts) {
      if (!part.causePhrases?.length || !location || location.kind === 'body' || location.kind === 'fallback') continue;
      let start = location.range.start;
      // The heading's own words do not count: "存在问题与原因" with no cause in the text is the defect.
      if (location.section && (location.kind === 'heading' || location.kind === 'merged')) {
        start = Math.max(start, location.section.heading.titleRange.end);
      }
      const text = ctx.doc.simplified.slice(start, location.range.end);
      if (text.trim().length < 10 || containsAny(text, part.causePhrases)) continue;
      ctx.report({
        message: ctx.t('missing', { part: part.name[ctx.locale], article: pp.profile.basis.article[ctx.locale], item: part.item[ctx.locale] }),
        range: location.anchor,
        data: { part: part.id },
      });
    }
  },
};
