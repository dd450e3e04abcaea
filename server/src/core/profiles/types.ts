import type { LocalizedText } from '../l10n';
import type { SeverityOrOff } from '../types';

/**
 * A report profile: the data that says what one kind of report must contain.
 * Profiles are JSON (server/src/core/profiles/builtin/*.json, or custom files named in
 * .reportlintrc.json) validated against schemas/profile.schema.json. They hold only
 * data: phrases are literal strings, where `…` stands for a short gap of up to
 * PHRASE_GAP characters inside one sentence (受…影响). No regular expressions, so a
 * profile cannot make the checker hang.
 */
export interface ProfilePart {
  /** Stable id used in findings and configuration: measures, shortcomings, plan … */
  id: string;
  /** Short display name, e.g. 存在的不足和原因. */
  name: LocalizedText;
  /** The mandated item as the regulation words it. */
  item: LocalizedText;
  required: boolean;
  /** Expected position (1-based); parts with equal order may come in either order. */
  order: number;
  /**
   * The item's number in the regulation's list (1 = （一）). Skeletons, inserted parts and the
   * snippets follow this order (one order everywhere); parts without it follow `order`.
   */
  itemNumber?: number;
  /** Prefixes of this part's snippet (snippets/report.json is generated from the profiles). */
  snippetPrefixes?: string[];
  /** A heading (any level) whose title contains one of these phrases is this part. */
  headingPhrases: string[];
  /** A heading or paragraph that contains one of these is never this part (e.g. 改进情况 for shortcomings). */
  excludePhrases?: string[];
  /** An unnumbered paragraph whose first sentence contains one of these is this part. */
  paragraphPhrases?: string[];
  /** Any sentence of the body containing one of these counts (the 第一责任人 part). */
  bodyPhrases?: string[];
  /**
   * A paragraph that opens with 〈report year + offset〉年 and contains one of `openingVerbs`
   * is this part (seed 000's closing plan paragraph: 2024年,……将……).
   */
  opening?: { yearOffset: number; verbs: string[] };
  /** When nothing else matches: the first level-1 section not claimed by another part. */
  fallback?: 'first-unclaimed-section';
  /** True for the part about the next year (its years must be report year + 1). */
  nextYear?: boolean;
  /** Phrases naming causes; a part with `causePhrases` and none of them gets missing-causes. */
  causePhrases?: string[];
  /**
   * Skeleton inserted by the missing-part quick fix (document text, in Chinese). {year} {nextYear} are filled in.
   * `tables`: ids of the profile's tables that follow the body, with every row and column label and empty cells.
   */
  skeleton: { title: string; body: string; tables?: string[] };
}

/** One column of a statistical table (cells are read by position, in this order). */
export interface ProfileTableColumn {
  id: string;
  /** The label as the national format words it (skeletons, completion). */
  label: string;
  /** The label of a spanning header above this column (法人或其他组织, 行政复议 …). */
  group?: string;
  /** Phrases a header cell of this column contains (to tell the current format from an older one). */
  match?: string[];
  /** Values may have decimals (fees in 万元); otherwise counts are non-negative integers. */
  decimals?: boolean;
}

/** One row of a statistical table, recognised by its label. */
export interface ProfileTableRow {
  id: string;
  /** The label as the national format words it (skeletons, completion); '' for an unlabelled data row. */
  label: string;
  /** Phrases the row's label contains; the longest match wins, then the nearest group. */
  match: string[];
  /** The group row this row belongs to (三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密). */
  parent?: string;
  /** A group row: its cells, if any, are ignored when rows of the group are present. */
  header?: boolean;
}

/**
 * An arithmetic identity of a table: Σ left = Σ right, in every column (`over: columns`, operands
 * are row ids) or in every row (`over: rows`, operands are column ids). An operand `x-*` stands for
 * the rows of group x that are present, or for x itself when the table has none (older formats).
 */
export interface ProfileTableIdentity {
  id: string;
  kind: 'table-sum' | 'balance';
  over: 'columns' | 'rows';
  name: LocalizedText;
  left: string[];
  right: string[];
}

/** A narrative figure that must equal a cell: 收到……申请N件 → the 总计 of 一、本年新收. */
export interface ProfileTextClaim {
  phrases: string[];
  row: string;
  /** One column, or several whose cells add up (行政诉讼 = both groups' totals). */
  column: string | string[];
  /** The sentence must also contain one of these (予以公开 counts requests only where 申请 is named). */
  context?: string[];
  /**
   * Phrases that state the cell is zero without a figure (未收到…政府信息公开申请). Read only when
   * the phrase ends its clause: 未收到…申请的答复 says nothing about how many requests came in.
   */
  zeroPhrases?: string[];
}

export interface ProfileTable {
  id: string;
  name: LocalizedText;
  /** A caption cell that opens the table (第二十条第（一）项). */
  caption?: string;
  /** Cells that identify the table besides its caption and row labels. */
  cues: string[];
  /** The top-left header cell (skeletons). */
  corner?: string;
  /** `single-row`: one unlabelled row of counts under the column headers (the 行政复议/行政诉讼 table). */
  layout?: 'rows' | 'single-row';
  /** Spanning header rows above the column labels (skeletons of single-row tables). */
  headerRows?: string[][];
  columns: ProfileTableColumn[];
  rows: ProfileTableRow[];
  identities: ProfileTableIdentity[];
  textClaims?: ProfileTextClaim[];
  /**
   * Columns that carry a stock from one year's report to the next (column ids): this year's
   * `stock` should be last year's `stock` + `added` − `removed` in every row (现行有效 = 上年现行有效
   * + 本年制发 − 本年废止). Amendments and expiries can break it, so a difference is information.
   */
  stockAcrossYears?: { stock: string; added: string; removed: string };
  /**
   * Rows that carry over between consecutive years' reports (row ids): this year's `into` row
   * should equal last year's `from` row, column by column (二、上年结转 = last year's
   * 四、结转下年度继续办理).
   */
  carryAcrossYears?: { from: string; into: string };
}

/** The publication deadline of 第四十九条 for one kind of issuing body. */
export interface ProfileDeadline {
  id: string;
  name: LocalizedText;
  /** The issuing body's name ends with one of these … */
  issuerEndings: string[];
  /** … and with none of these. */
  excludeEndings?: string[];
  /** Publication by this day of year Y+1. */
  month: number;
  day: number;
  article: LocalizedText;
}

export interface Profile {
  $schema?: string;
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Prefixes of the whole-report skeleton snippet (snippets/report.json is generated from the profiles). */
  snippetPrefixes?: string[];
  /** The regulation that mandates the parts, and the article (kept in data: sources number it differently). */
  basis: { document: LocalizedText; article: LocalizedText; format?: LocalizedText };
  detect: {
    /** A title containing one of these identifies the profile outright. */
    titlePhrases: string[];
    /** Body keywords; at least `minKeywordCount` occurrences are needed without a title. */
    keywords: string[];
    minKeywordCount: number;
    /** Number of required parts recognised by heading or paragraph needed without a title. */
    minParts: number;
    /** Table cells that identify the kind (with the keywords, in place of recognised parts). */
    tablePhrases?: string[];
    /** Phrases that identify the kind when the opening names it (本报告……编制2023年政府信息公开工作年度报告), as a title would. */
    openingPhrases?: string[];
  };
  title?: { requiredPhrases: string[]; example: string };
  /** When the closing 成文日期 may fall relative to the report year Y. */
  closingDate?: { earliestMonthOfReportYear: number; latestYearOffset: number };
  parts: ProfilePart[];
  /** The sentence stating the statistics period (统计期限…自YYYY年1月1日起至YYYY年12月31日止) and where the report year is named. */
  statisticsPeriod?: { phrases: string[]; yearPhrases: string[] };
  /** Publication deadlines by kind of issuing body (information only). */
  deadlines?: ProfileDeadline[];
  /** The opening paragraph of a fresh skeleton ({year} filled in); default: 〈year〉年，……。现将有关情况报告如下： */
  skeletonOpening?: string;
  /** Statistical tables whose cells are checked. */
  tables?: ProfileTable[];
  /** Default severities for this profile's documents (configuration still overrides). */
  rules?: Record<string, SeverityOrOff>;
}

/** Maximum length of one phrase, and of the gap `…` may stand for. */
export const PHRASE_MAX_LENGTH = 40;
export const PHRASE_GAP = 20;
export const MAX_PHRASES_PER_LIST = 200;
