import type { Rule } from './types';
import { partInsertion } from '../profiles/skeleton';
import { partsNotReached } from '../profiles/cut-off';
import { documentAnchor, profileParts } from './profile-shared';

/** missing-part: a part the regulation mandates is nowhere in the report. */
export const missingPart: Rule = {
  meta: {
    id: 'missing-part',
    defaultSeverity: 'error',
    category: 'structure',
    scope: 'report',
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
        '政府信息公开工作年度报告按《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号格式检查六个部分（总体情况、主动公开、' +
        '收到和处理申请、行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项）。文本没有文末署名和日期、且在句中或表格中结束' +
        '（网页摘录常见）时，排在已识别的最后一个部分之后的内容视为未读到，不报告缺少。',
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
        'format of 国办公开办函〔2021〕30号. When a text has no closing signature and date and ends mid-sentence or inside a table (a copied ' +
        'opening), the parts that would follow the last part found are taken as not reached, not missing.',
    },
  },
  messages: {
    missing: {
      'zh-cn': '缺少“{part}”部分：{basis}{article}要求报告{item}',
      en: 'Missing part “{part}”: {basis} {article} requires {item}',
    },
    insert: { 'zh-cn': '插入“{part}”部分{marker}', en: 'Insert the part “{part}”{marker}' },
    insertMarker: { 'zh-cn': '（编号“{marker}”，后续编号顺延）', en: ' (numbered “{marker}”, later numbers moved on)' },
  },
  check(ctx) {
    const pp = profileParts(ctx);
    if (!pp) return;
    const { profile, located } = pp;
    // A text cut off mid-sentence (a copied opening) has not reached its later parts.
    const notReached = partsNotReached(ctx.analysis, located);
    for (const { part, location } of located.parts) {
      if (!part.required || location || notReached.has(part.id)) continue;
      const ins = partInsertion(ctx.analysis, profile, part.id);
      const name = part.name[ctx.locale];
      ctx.report({
        message: ctx.t('missing', {
          part: name,
          basis: profile.basis.document[ctx.locale],
          article: profile.basis.article[ctx.locale],
          item: part.item[ctx.locale],
        }),
        range: documentAnchor(ctx),
        fixes: [
          {
            title: ctx.t('insert', { part: name, marker: ins.marker ? ctx.t('insertMarker', { marker: ins.marker }) : '' }),
            edits: ins.edits,
            kind: 'insert-part',
            isPreferred: true,
          },
        ],
        data: { part: part.id, profile: profile.id },
      });
    }
  },
};
