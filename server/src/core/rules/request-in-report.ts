import type { Rule } from './types';
import { matchesSomewhere } from '../document/scan';

/**
 * Approval formulas that belong to a 请示. The lookbehind keeps ordinary report prose such as
 * 申请批准, 报请市政府批准 and 提请审批 out: those describe a procedure, they do not ask.
 */
const REQUEST_RE =
  /(?:(?:妥否|当否|可否|是否妥当|是否可行)\s*[,，]?\s*)?(?<![申报提呈转])(?:恳?请(?:予以?)?(?:批示|批复|审批|批准|核准|审定|指示))(?=\s*(?:[。！!，,；;]|$|后?执行|后?实施|为盼|为荷))/gm;

/**
 * The part every REQUEST_RE match contains, with a fixed first character (请), tried at each 请
 * (matchesSomewhere): REQUEST_RE has none (its optional lead-in and lookbehind come first), so it
 * is tried at every position. Most reports have no such formula and skip that scan.
 */
const REQUEST_CORE_RE = /请(?:予以?)?(?:批示|批复|审批|批准|核准|审定|指示)/y;

/** request-in-report: 请批示, 妥否,请批复, 请予审批 — a report must not ask for approval. */
export const requestInReport: Rule = {
  meta: {
    id: 'request-in-report',
    defaultSeverity: 'warning',
    category: 'format',
    scope: 'report',
    fixable: false,
    description: {
      'zh-cn': '报告中出现请求批复的用语（请批示、妥否，请批复、请予审批）：报告不得夹带请示事项。',
      en: 'Approval wording (请批示, 妥否，请批复, 请予审批) in a report: a report must not ask for approval.',
    },
    docs: {
      'zh-cn':
        '《党政机关公文处理工作条例》规定，报告用于向上级机关汇报工作、反映情况、回复询问，不得夹带请示事项；' +
        '请求指示、批准应另行使用“请示”。本规则在报告中查找“请批示”“妥否，请批复”“当否，请批示”“请予审批”“请批准”等请示结语。' +
        '叙述办事程序的“申请批准”“报请市政府批准”“提请审批”不报告。标题写明“请示”的文件不检查。没有自动修复：删除结语还是改为请示，需由起草者决定。',
      en:
        'Under the Regulations on the Handling of Official Documents of Party and Government Organs, a 报告 reports work and ' +
        'must not carry a request; asking for instructions or approval needs a separate 请示. The rule looks for request ' +
        'closings in a report: 请批示, 妥否，请批复, 当否，请批示, 请予审批, 请批准. Procedural prose such as 申请批准, ' +
        '报请市政府批准 or 提请审批 is not reported, nor is a document whose title says 请示. There is no automatic fix: ' +
        'whether to drop the closing or to write a 请示 is the drafter’s decision.',
    },
  },
  messages: {
    request: {
      'zh-cn': '报告中不应出现请示用语“{text}”：报告不得夹带请示事项，需要批复的事项应另行请示',
      en: '“{text}” asks for approval, which a report must not do; put the request in a separate 请示',
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    // A 请示 (its title, the first line, ends in 请示) may ask for approval.
    const first = doc.lines.find((l) => l.text.trim() !== '');
    if (first && /请示\s*$/.test(doc.lineSimplified(first)) && first.text.trim().length <= 80) return;
    if (!matchesSomewhere(doc.simplified, '请', REQUEST_CORE_RE)) return;
    for (const m of doc.simplified.matchAll(REQUEST_RE)) {
      const text = doc.text.slice(m.index, m.index + m[0].length);
      ctx.report({ message: ctx.t('request', { text }), range: { start: m.index, end: m.index + m[0].length } });
    }
  },
};
