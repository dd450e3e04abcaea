/**
 * The vocabulary of the figures engine, as data in one place (statcheck keeps every pattern in
 * one table): rate names with the concepts of their numerator and base, and the words that
 * introduce a total, a breakdown, a share, a change, a plan or target, a per-unit figure and a
 * multi-year span. Everything matches the simplified-script view, so traditional text
 * (審結率, 其中) is read through it.
 */

export interface RateConcept {
  /** The rate's key: the last two characters of its stem (审结 for 审结率, 案件审结率). */
  key: string;
  /** Words in a count's label that make it the numerator (已审结202宗 → 审结). */
  numerator: readonly string[];
  /** Words in a count's label that make it the base (受理260宗, 收到…); a 共/总 total also serves. */
  base: readonly string[];
  /** A rate that cannot exceed 100% (domain.md §3). */
  bounded: boolean;
  /**
   * The numerator may be the sum of two stated counts (综合化解率 = (纠错 + 调解) ÷ 审结; 纠错率 =
   * (直接纠错 + 撤回) ÷ 审结 when a back-reference names the base).
   */
  sumOf?: readonly (readonly string[])[];
}

const RECEIVED = ['受理', '收到', '收案', '新收', '接收', '办理', '申请'];

/**
 * Rates whose numerator is a count the text states with a verb (已审结202宗 → 审结率). Rates named
 * after a quality (满意, 规范, 覆盖 …) have no such count in prose: they are bounded but never linked.
 */
export const RATE_CONCEPTS: readonly RateConcept[] = [
  { key: '审结', numerator: ['审结', '结案'], base: RECEIVED, bounded: true },
  { key: '办结', numerator: ['办结', '结案', '审结'], base: RECEIVED, bounded: true },
  { key: '结案', numerator: ['结案', '办结', '审结'], base: RECEIVED, bounded: true },
  { key: '成功', numerator: ['成功'], base: ['调解', '受理', '办理', '排查'], bounded: true },
  { key: '调解', numerator: ['调解'], base: RECEIVED, bounded: true },
  { key: '化解', numerator: ['化解'], base: ['受理', '审结', '排查', '收到'], bounded: true, sumOf: [['纠错'], ['调解', '和解']] },
  { key: '纠错', numerator: ['纠错'], base: ['审结'], bounded: true },
  { key: '败诉', numerator: ['败诉'], base: ['审结', '判决', '裁判'], bounded: true },
  { key: '胜诉', numerator: ['胜诉'], base: ['审结', '判决', '裁判'], bounded: true },
  { key: '采纳', numerator: ['采纳'], base: ['提出', '收到', '审查'], bounded: true },
  { key: '应诉', numerator: ['出庭应诉', '应诉'], base: ['开庭', '应出庭', '审理'], bounded: true },
  { key: '出庭', numerator: ['出庭'], base: ['开庭', '应出庭', '审理'], bounded: true },
  { key: '答复', numerator: ['答复'], base: RECEIVED, bounded: true },
  { key: '回复', numerator: ['回复'], base: RECEIVED, bounded: true },
  { key: '执行', numerator: ['执行'], base: ['受理', '收到', '作出'], bounded: true },
  { key: '撤诉', numerator: ['撤诉'], base: RECEIVED, bounded: true },
  { key: '调撤', numerator: ['调撤'], base: ['审结', '结案'], bounded: true },
];

export const RATE_BY_KEY: ReadonlyMap<string, RateConcept> = new Map(RATE_CONCEPTS.map((c) => [c.key, c]));

/** Rates that cannot exceed 100%, linked or not; keys are the last two characters of the stem. */
export const BOUNDED_RATE_KEYS: ReadonlySet<string> = new Set([
  ...RATE_CONCEPTS.filter((c) => c.bounded).map((c) => c.key),
  '满意', '好评', '参考', '及格', '优秀', '公开', '公示', '覆盖', '合格', '报备', '及时', '规范', '知晓', '准确', '达标',
  '参与', '办理', '到庭', '落实', '上线', '通过', '网办', '签约', '接通', '处置',
]);

/** Qualifiers that do not narrow what a rate counts (案件审结率 = 审结率). */
export const GENERIC_RATE_QUALIFIERS: ReadonlySet<string> = new Set(['案件', '事项', '全年', '年度', '整体', '综合', '总体', '全区', '全市', '全街', '全镇', '全县', '平均', '当年', '本年']);

/** 效率, 频率, 汇率 … are not proportions: the character before 率. */
export const NOT_RATE_CHARS: ReadonlySet<string> = new Set(['效', '频', '汇', '税', '费', '概', '利', '速', '坡', '倍']);

/** Words that mark a count as a total (the base of a rate, a share or a breakdown). */
export const TOTAL_RE = /总共|一共|共计|合计|总计|累计|总数|总量|共有|全年|受理|收到|收案|新收|(?<![公中总])共(?![享同建治识赢商])/;

/** Words that introduce a breakdown of the total before them. */
export const BREAKDOWN_RE = /其中(?!之一|的|一|有些|部分)|内有|分别为|分别是|分别有|分别达|包括|(?<=[(（])含(?=[\u4e00-\u9fff]{0,12}[0-9０-９])/g;
/** The first characters of BREAKDOWN_RE's words (a prefilter: keep in step with it; a test checks). */
export const BREAKDOWN_FIRST = /[其内分包含]/;

/** A residual category makes a breakdown exhaustive. */
export const RESIDUAL_RE = /其他|其余|其它|另有|剩余/;

/** A share of a whole: 占比X%, 占X%, 占总数的X%, 占…比重X%, 比重为X%, 所占比例为X%. */
export const SHARE_BEFORE_RE = /(?:占(?:比|比例|比重)?|占([\u4e00-\u9fff]{1,12}?)(?:的)?(?:比例|比重|比)?|比重|所占比例|占比)(?:为|达|达到|约为|是)?$/;

/** Names of a share's base that mean "the total stated before" (占总数的…). */
export const GENERIC_BASE_RE = /^(?:总数|总量|总额|全部|合计|总计|总体|整体|案件总数|申请总数)$/;

/** Words before a count that make it a per-unit figure (每千人6.6批次, 人均, 户均): never a total or a part. */
export const PER_UNIT_RE = /(?:每[千万百十]?[人户家名位]|每[一个]?(?:平方米|平方公里|公顷|亩|万元|亿元|公斤|千克|小时|天|日|年|月)|人均|户均|平均)[^,，;；。、]{0,8}$/;

/** Words that make a sentence a plan or a target rather than a result. */
export const PLAN_RE = /将|计划|力争|目标|预期|预计|拟|今年|明年|下一步|争取|确保|要求|安排|左右的/;

/** Words in a heading that make its section the plan part of a report (2026年工作安排, 主要目标任务). */
export const PLAN_HEADING_RE = /安排|重点工作|重点任务|主要任务|目标任务|工作打算|工作计划|下一步|今后|主要考虑|思路|展望|预期目标|努力方向|工作建议/;

/** Words that make a figure a multi-year or cumulative total (五年来, 十四五时期, 累计, 年均). */
export const SPAN_RE = /十[一二三四五六]五|[五三两二5]年(?:来|间|累计)|过去[五三两二]年|累计|以来|年均/;

/**
 * The four accounts of a case ledger (新收 + 上年结转 = 办结 + 结转下年), by the words of a count's
 * label; the first match wins, so 结转下年 is read before 办结 and 上年结转 before 收到.
 */
export const BALANCE_ACCOUNTS: ReadonlyArray<{ account: 'carriedIn' | 'carriedOut' | 'intake' | 'closed'; re: RegExp }> = [
  { account: 'carriedIn', re: /上年(?:度)?结转|上年(?:度)?未(?:办)?结|旧存/ },
  { account: 'carriedOut', re: /结转(?:至)?下(?:一)?年|结转(?:至)?\d{4}年|尚未(?:办|审)?结|未(?:办|审)结/ },
  { account: 'intake', re: /新收|新受理|本年(?:度)?受理|本年(?:度)?收到|新接收/ },
  { account: 'closed', re: /审结|办结|结案|办理完毕|答复完毕/ },
];

/** Change words: up and down. */
export const UP_WORDS = '增长|增加|上升|提高|提升|增多|多|升高|增';
export const DOWN_WORDS = '下降|减少|降低|回落|下滑|减|少|降';

/**
 * Measure words that count items (件, 项, 个, 次 …): figures in them may be added across units in
 * one breakdown (个/次 in one list). Other units (亩, 吨, 元, 公里 …) only add to the same unit.
 */
export const ITEM_UNITS: ReadonlySet<string> = new Set([
  '件', '宗', '个', '项', '次', '件次', '个次', '宗次', '例', '起', '条', '份', '批', '批次', '家', '家次', '场', '场次', '类', '种', '部', '篇',
]);

/**
 * Count claims (对甲、乙、丙三类信息, 涵盖A、B、C等四个方面): the measure words after a stated number
 * of enumerated items. `CATEGORY_CLASSIFIERS` name the items themselves (三类, 四个方面, 六部分), so
 * a list shorter than the count is a slip; the others (三项, 两家) may count the noun after them,
 * so only a list longer than the count is reported. 级, 次, 届, 套 … count something else.
 */
export const CATEGORY_CLASSIFIERS: readonly string[] = ['个方面', '个部分', '个领域', '个环节', '个板块', '个维度', '方面', '部分', '领域', '环节', '板块', '维度', '大类', '类', '种', '大', '向'];
export const ITEM_CLASSIFIERS: readonly string[] = ['个', '项', '条', '家', '所', '名', '位', '支', '款', '年'];
/** After the measure word, words that make the number a duration or points, not a count of items. */
export const NOT_ITEM_COUNT_AFTER_RE = /^(?:月|工作日|小时|百分点|多月|余|数(?!据|字))/;
/** Words that open a list (内容涵盖…, 聚焦…, 由…组成, 集中在…): the list starts right after them. */
export const LIST_INTRO_RE = /包括|包含|涵盖|涉及|聚焦|围绕|集中在|集中于|主要有|分为|分成|覆盖|囊括|即|由|从|对|就|将|把|在/g;
/** The words that may open a list whose items are separated by commas (集中在A,B,C五类): the list's start is then certain. */
export const COMMA_LIST_INTRO_RE = /包括|包含|涵盖|涉及|集中在|集中于|主要有|分为|分成|由|从/g;
/** A word joining the last two items (甲、乙和丙): one more item when the last is split at it. */
export const LIST_CONNECTOR_RE = /以及|及|和|与|并/g;

/** 翻一番 (×2), 翻两番 (×4), 翻三番 (×8): the number of doublings. */
export const DOUBLING_RE = /翻(?:了)?([一两二三四])番/g;
/** From one figure to the next before a doubling: 由A(增长|增加…)?到B. */
export const DOUBLING_FROM_RE = /[由从](?:(?:19|20)\d\d年(?:底|末)?(?:的)?)?$/;
export const DOUBLING_TO_RE = new RegExp(`^[^,，;；。]{0,6}?(?:${UP_WORDS}|扩大|发展)?(?:到|至)(?:(?:19|20)\\d\\d年(?:底|末)?(?:的)?)?$`);
/** Between the second figure and 翻N番: a separator and 实现/增长 only (no new subject). */
export const DOUBLING_BETWEEN_RE = /^[,，]?\s*(?:实现|增长|增加|规模|总量)?(?:了)?$/;

/**
 * A difference in percentage points between two members of a 分别为 series:
 * 甲、乙分别为5.1%、6.8%，乙(比甲)高1.7个百分点 / 乙高于甲1.7个百分点.
 */
export const POINTS_HIGHER = '高|快|多|大|领先|超出|超过';
export const POINTS_LOWER = '低|慢|少|小|落后';

/**
 * An explicit back reference opening a sentence (受理案件中，… / 上述案件中，… / 其中，…): its parts
 * break down the total of the sentence before, even across a blank line. The words before 中 must
 * name cases or applications, and (unless 上述/以上/前述/这些) start with words of the total's clause.
 */
export const BACK_REFERENCE_RE = /^\s*(?:在|对)?((?:上述|以上|前述|这些)?[\u4e00-\u9fff]{0,8}?(?:案件|申请|事项|诉求|信件|投诉|举报|复议|诉讼|来信|来访|批次))(?:中|当中)[,，:：]/;
/** A paragraph opening with a back reference or 其中 continues the paragraph before it (受理34件。\n\n受理案件中…). */
export const CONTINUES_PARAGRAPH_RE = /^\s*(?:其中(?!之一|的|一|有些|部分)|(?:在|对)?(?:上述|以上|前述|这些)?[\u4e00-\u9fff]{0,8}?(?:案件|申请|事项|诉求|信件|投诉|举报|复议|诉讼|来信|来访|批次)(?:中|当中)[,，:：])/;
