import type { Rule } from './types';
import { profileParts } from './profile-shared';
import { statisticsYear } from '../statistical-tables/year';
import type { ProfileDeadline } from '../profiles/types';

const CN_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISSUER_BEFORE_YEAR = /^(.{2,40}?)(?:关于)?(?:19|20)\d{2}\s*年/;

/** The issuing body: the closing block's signature, else the title before its year. */
function issuerOf(ctx: Parameters<Rule['check']>[0]): { text: string; start: number; end: number } | null {
  const closing = ctx.outline.closing;
  if (closing?.issuer) return { text: ctx.doc.simplified.slice(closing.issuer.range.start, closing.issuer.range.end).trim(), ...closing.issuer.range };
  const title = ctx.outline.title;
  if (!title) return null;
  const t = ctx.doc.simplified.slice(title.range.start, title.range.end).trim();
  const m = ISSUER_BEFORE_YEAR.exec(t);
  return m ? { text: m[1], start: title.range.start, end: title.range.end } : null;
}

function deadlineFor(deadlines: readonly ProfileDeadline[], issuer: string): ProfileDeadline | null {
  const name = issuer.replace(/\s+/g, '');
  for (const d of deadlines) {
    if (d.excludeEndings?.some((e) => name.endsWith(e) || name.includes(e))) continue;
    if (d.issuerEndings.some((e) => name.endsWith(e))) return d;
  }
  return null;
}

/** publication-deadline: the report dated after the 第四十九条 deadline of its kind of issuing body (information). */
export const publicationDeadline: Rule = {
  meta: {
    id: 'publication-deadline',
    defaultSeverity: 'info',
    category: 'years',
    scope: 'report',
    profileOnly: true,
    fixable: false,
    description: {
      'zh-cn': '成文日期晚于《政府信息公开条例》第四十九条规定的公布期限（部门1月31日前，本级政府3月31日前）（提示）。',
      en: 'The report is dated after the deadline of Article 49 of the Regulations (departments by 31 January, governments by 31 March) (information).',
    },
    docs: {
      'zh-cn':
        '《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前提交并公布上一年度政府信息公开工作年度报告；' +
        '县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府的年度报告。' +
        '发文机关取自文末署名或标题中年度之前的部分，按其名称结尾判断类别（如“××区人民政府”为本级政府，“××局”“××委员会”为部门）；' +
        '乡镇、街道和名称不能判断类别的机关不核对。文末成文日期晚于期限时提示（“不按时发布”是国办公开办函〔2021〕30号列出的问题之一）。' +
        '名称结尾与期限保存在报告类型配置中。',
      en:
        'Article 49 of the Regulations: departments of governments at county level and above publish their report for the previous year by ' +
        '31 January; the disclosure office of a local government at county level and above publishes the government’s report by 31 March. ' +
        'The issuing body comes from the signature or from the title before its year, and its kind from how its name ends (××区人民政府: a ' +
        'government; ××局, ××委员会: a department); towns, streets and names that tell nothing are not checked. A closing date after the ' +
        'deadline is reported as information (late publication is one of the failures 国办公开办函〔2021〕30号 names). The name endings and ' +
        'deadlines live in the profile.',
    },
  },
  messages: {
    late: {
      'zh-cn': '成文日期{date}晚于公布期限：{kind}应在{deadline}前公布上一年度报告（{basis}{article}）',
      en: 'Dated {date}, after the deadline: {kind} publishes its report for the previous year by {deadline} ({basis} {article})',
    },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    const deadlines = pp?.profile.deadlines;
    const closing = ctx.outline.closing;
    if (!pp || !deadlines?.length || !closing) return;
    const y = statisticsYear(ctx.analysis, pp.profile);
    const m = CN_DATE.exec(ctx.doc.simplified.slice(closing.date.range.start, closing.date.range.end));
    const issuer = issuerOf(ctx);
    if (!y || !m || !issuer) return;
    const d = deadlineFor(deadlines, issuer.text);
    if (!d) return;
    const date = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const limit = Date.UTC(y.year + 1, d.month - 1, d.day);
    if (date <= limit) return;
    const deadline = ctx.locale === 'en' ? `${y.year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : `${y.year + 1}年${d.month}月${d.day}日`;
    ctx.report({
      message: ctx.t('late', { date: m[0], kind: d.name[ctx.locale], deadline, basis: pp.profile.basis.document[ctx.locale], article: d.article[ctx.locale] }),
      range: closing.date.range,
      data: { deadline: d.id, year: y.year },
    });
  },
};
