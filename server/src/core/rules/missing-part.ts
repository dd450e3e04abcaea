import type { Rule } from './types';
import { partInsertion } from '../profiles/skeleton';
import { partChecklist } from '../profiles/part-status';
import { documentAnchor, profileParts } from './profile-shared';

/**
 * missing-part: a part the regulation mandates is nowhere in the report although the report has
 * visibly gone past where it belongs (an error); parts the text has not reached yet (a draft, a
 * text cut off) are listed once as information (profiles/part-status.ts).
 */
export const missingPart: Rule = {
  meta: {
    id: 'missing-part',
    defaultSeverity: 'error',
    category: 'structure',
    scope: 'report',
    profileOnly: true,
    fixable: true,
    description: {
      'zh-cn': '报告缺少规定必须报告的内容（如“存在的不足和原因”）。',
      en: 'The report lacks a part its regulation mandates (e.g. the shortcomings and their causes).',
    },
    docs: {
      'zh-cn':
        '法治政府建设年度报告应当包括《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十五条所列内容：' +
        '上一年度推进法治政府建设的主要举措和成效；存在的不足和原因；党政主要负责人履行推进法治建设第一责任人职责、' +
        '加强法治政府建设的有关情况；下一年度推进法治政府建设的主要安排；其他需要报告的情况（可无）。\n\n' +
        '某项内容只要以下列任一形式出现即视为具备：编号标题或下级标题、未编号的段落（如“……取得了一定成绩，但还存在薄弱环节：一是……”）、' +
        '与其他内容合并的标题（如“八、存在的不足及下一步计划”）；“第一责任人”部分在正文中提及即可。繁体文本同样识别。\n\n' +
        '快速修复会在合适位置插入该部分的框架（编号与前后标题衔接，后续一级标题编号顺延）。各部分的识别词语保存在报告类型配置（profile）中，可自定义。\n\n' +
        '只有当报告明显已经写过了某部分应在的位置，才报告“缺少”（错误）：文末已有署名和日期，或者按规定顺序排在它之后的部分' +
        '（以标题、段落或开头句出现）已经写出。否则（草稿尚未写完，或文本在中途截断）这些部分视为“尚未写到”，合并为一条提示信息列出，' +
        '同样提供插入各部分的快速修复。可出现在任何位置的部分（“第一责任人”部分）在文末已有署名和日期时，或者规定顺序中最后一个必备部分' +
        '（下一年度主要安排）已经写出且文本没有截断时，才报告缺少。\n\n' +
        '政府信息公开工作年度报告按《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号格式检查六个部分（总体情况、主动公开、' +
        '收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项），规则相同。',
      en:
        'An annual rule-of-law government report must contain the items listed in Article 25 of 厅字〔2019〕28号: the main ' +
        'measures and results; the shortcomings and their causes; how the principal leaders fulfilled their duty as first ' +
        'responsible persons; the plans for the next year; other matters (optional).\n\n' +
        'A part counts as present as a numbered heading or sub-heading, an unnumbered paragraph (…但还存在薄弱环节:一是…), ' +
        'a merged heading (八、…存在的不足及下一步计划), or — for the first-responsible part — a sentence in the body. ' +
        'Traditional script is recognised alike.\n\n' +
        'The quick fix inserts a skeleton of the part at the right place, numbered to fit, moving later level-1 numbers on. ' +
        'The recognition phrases live in the report profile (data), which can be customised.\n\n' +
        'The annual report on government information disclosure is checked for the six parts of Article 50 of the Regulations and the ' +
        'format of 国办公开办函〔2021〕30号, under the same policy.\n\n' +
        'A part is reported missing (an error) only when the report visibly goes past where it belongs: the closing signature and date ' +
        'are present, or a part that comes later in the order is present (as a heading, a paragraph or an opening sentence). Otherwise ' +
        '(a draft still being written, or a text cut off) the absent parts are not reached yet: one information note lists them, with ' +
        'the same insert-part quick fixes. A part that may stand anywhere (the first-responsible part) is missing when the closing ' +
        'signature and date are present, or when the last mandated part of the order (the plans) is present and the text is not cut off.',
    },
  },
  messages: {
    missing: {
      'zh-cn': '缺少“{part}”部分：{basis}{article}要求报告{item}',
      en: 'Missing part “{part}”: {basis} {article} requires {item}',
    },
    notReached: {
      'zh-cn': '尚未写到：{parts}（按{article}规定的顺序，这些部分应在已写内容之后）',
      en: 'Not written yet: {parts} (in the order of {article}, these parts come after what is written so far)',
    },
    insert: { 'zh-cn': '插入“{part}”部分{marker}', en: 'Insert the part “{part}”{marker}' },
    insertMarker: { 'zh-cn': '（编号“{marker}”，后续编号顺延）', en: ' (numbered “{marker}”, later numbers moved on)' },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    if (!pp) return;
    const { profile, located } = pp;
    const insertFix = (part: (typeof located.parts)[number]['part'], preferred: boolean) => {
      const ins = partInsertion(ctx.analysis, profile, part.id);
      return {
        title: ctx.t('insert', { part: part.name[ctx.locale], marker: ins.marker ? ctx.t('insertMarker', { marker: ins.marker }) : '' }),
        edits: ins.edits,
        kind: 'insert-part',
        isPreferred: preferred,
      };
    };
    const checklist = partChecklist(ctx.analysis, located).filter((c) => c.part.required);
    for (const { part, status } of checklist) {
      if (status !== 'missing') continue;
      ctx.report({
        message: ctx.t('missing', {
          part: part.name[ctx.locale],
          basis: profile.basis.document[ctx.locale],
          article: profile.basis.article[ctx.locale],
          item: part.item[ctx.locale],
        }),
        range: documentAnchor(ctx),
        fixes: [insertFix(part, true)],
        data: { part: part.id, profile: profile.id },
      });
    }
    // The parts not reached yet: one note, in the order they will come (order-0 parts last).
    const pending = checklist
      .filter((c) => c.status === 'not-reached')
      .map((c) => c.part)
      .sort((a, b) => (a.order || Number.MAX_SAFE_INTEGER) - (b.order || Number.MAX_SAFE_INTEGER));
    if (!pending.length) return;
    ctx.report({
      message: ctx.t('notReached', {
        parts: pending.map((p) => `“${p.name[ctx.locale]}”`).join(ctx.locale === 'en' ? ', ' : '、'),
        article: profile.basis.article[ctx.locale],
      }),
      range: documentAnchor(ctx),
      // Information (or a hint, when the rule is configured down to hints).
      severity: ctx.severity === 'hint' ? 'hint' : 'info',
      fixes: pending.map((p, i) => insertFix(p, i === 0)),
      data: { parts: pending.map((p) => p.id), profile: profile.id, status: 'not-reached' },
    });
  },
};
