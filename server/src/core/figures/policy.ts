/**
 * The precision policy of the statistics rules (rendered into docs/rules.md by `npm run docs`):
 * which readings give an error, a warning or an information note, and what is never a claim.
 */
import type { LocalizedText } from '../l10n';

export const STATISTICS_POLICY: LocalizedText = {
  'zh-cn': [
    '数据类规则（rate-mismatch、sum-mismatch、count-mismatch、change-mismatch、percent-point、rate-impossible、percent-out-of-range、figure-conflict）按同一原则定级：',
    '',
    '- **错误**：读法没有歧义——所有运算数都由词表（比率名及其分子、分母概念，合计、分项、增减用语）认定，并在同一句中，或由明确的回指（“已审结案件中”）指向前一句。',
    '- **警告**：读法合理但有假定，提示中写明假定了什么：总数取自前一句（“共59件。其中……”）、分项延续到“其中”分句之后的分句、综合化解率按（纠错＋调解）÷审结计算、一组占比的总数取自前文且同组其他占比与之相符、收结平衡的四个数字属于同一批案件、倍数两种读法都不符、列举项数与所写不符（假定所列各项即所计之项；数字前有“等”时只在所列多于所写时提示）。',
    '- **提示**：有歧义（几个可能的分母都对不上），列出尝试过的算法，不作判断。',
    '- 含“约”“近”“余”“左右”“以上”等的近似数，只在越出其范围时报告。',
    '- **不是说法**：每千人、人均、户均等单位量不作总数或分项；计划和目标（在“工作安排”“目标任务”等部分，或句中有“将”“计划”“力争”“目标”“预期”“今年”“明年”）不与实绩比较；累计、五年来、“十四五”等多年数据不与单年数据比较；不同年份、地点、主体的数字不是同一数量；比率的分母须与比率同一主体。',
    '- 表格：表头最后一列为“合计/总计”时，核对每行该列与本行其他数字之和；各列无法与表头对齐时（一格一行的表格丢失了空格），只确认相符，不报告不符。',
  ].join('\n'),
  en: [
    'The statistics rules (rate-mismatch, sum-mismatch, count-mismatch, change-mismatch, percent-point, rate-impossible, percent-out-of-range, figure-conflict) share one policy:',
    '',
    '- **error**: the reading is unambiguous — every operand is identified by the vocabulary (rate names with the concepts of their numerator and base; words introducing totals, breakdowns, changes) within one sentence or through an explicit back-reference (已审结案件中) to the previous one.',
    '- **warning**: a plausible reading that rests on an assumption, which the message states: a total taken from the previous sentence (共59件。其中…), parts continued past the clause 其中 opens, 综合化解率 read as (纠错 + 调解) ÷ 审结, a series of shares whose whole comes from an earlier sentence and is confirmed by the other shares, a case ledger whose four counts are assumed to describe one body of cases, a multiple that fits neither reading, a number of items that differs from the list before it (assuming the list enumerates the items counted; with 等 before the number, only a longer list).',
    '- **info**: an ambiguous reading (several possible bases, none fits): the note names what was tried and gives no verdict.',
    '- Approximate figures (约, 近, 余, 左右, 以上 …) are reported only when they break their bounds.',
    '- **Not claims**: per-unit figures (每千人, 人均, 户均) are never totals or parts; plans and targets (in a 工作安排 / 目标任务 part, or marked 将, 计划, 力争, 目标, 预期, 今年, 明年) are never compared with results; multi-year totals (累计, 五年来, 十四五) are not compared with one year’s; figures about different years, places or subjects are not the same quantity; a rate’s base must share the rate’s subject.',
    '- Tables: under a header whose last column is 合计/总计, each row’s total cell is checked against the row’s other numbers; where the cells cannot be lined up with the header (one cell per line, empty cells lost), a match is confirmed and a mismatch is never reported.',
  ].join('\n'),
};
