/** What the figures layer says about a document: claims, their inputs and verdicts. */
import type { LocalizedText } from '../l10n';
import type { Figure } from './numbers';
import type { MatchMethod } from './arithmetic';

export type ClaimKind =
  /** A rate against its numerator and denominator (rate-mismatch). */
  | 'rate'
  /** A part's share of a whole without 率 (N件,占比X%; rate-mismatch). */
  | 'share'
  /** A balance identity: 新收 + 上年结转 = 办结 + 结转下年 (sum-mismatch). */
  | 'balance'
  /** Annual average growth over a span (年均增长x%), a compound rate (change-mismatch). */
  | 'cagr'
  /** A multiple: 增长近3倍, 翻一番 (change-mismatch). */
  | 'multiple'
  /** A rate that cannot exceed 100% (percent-out-of-range). */
  | 'rate-bound'
  /** A rate with a known denominator and no numerator (GRIM; rate-impossible). */
  | 'grim'
  /** A stated number of items after their enumeration: 甲、乙、丙三类 (count-mismatch). */
  | 'count'
  /** A total against its breakdown (sum-mismatch). */
  | 'sum'
  /** 同比增长/下降 x% against the current and base figures (change-mismatch). */
  | 'change'
  /** A change between two percentages written as a percent (percent-point). */
  | 'percent-point'
  /** The same quantity stated twice (figure-conflict). */
  | 'repeat'
  /** A statistical table's row or column total (statistical-tables; table-identity). */
  | 'table-sum'
  /** A table's balance: 一 + 二 = 三 + 四 (statistical-tables; table-identity). */
  | 'table-balance'
  /** A narrative figure restating a table cell (statistical-tables; table-text-mismatch). */
  | 'table-text';

/**
 * consistent: the arithmetic holds; inconsistent: it does not (a finding);
 * unverifiable: recognised but the inputs are not linked well enough to judge.
 */
export type Verdict = 'consistent' | 'inconsistent' | 'unverifiable';

export type InputRole = 'rate' | 'numerator' | 'denominator' | 'total' | 'part' | 'current' | 'base' | 'change' | 'first' | 'second' | 'from' | 'to' | 'item';

export interface ClaimInput {
  role: InputRole;
  figure: Figure;
  /** The words saying what the figure counts (成功调解, 市人大建议). */
  label: string;
}

export interface Suggestion {
  /** The figure to replace and its new printed number. */
  figure: Figure;
  newText: string;
  title: LocalizedText;
}

export interface Claim {
  kind: ClaimKind;
  /** The figure the claim is about (the rate, the total, the change …); findings sit on it. */
  anchor: Figure;
  /** A short name of what is claimed (审结率, 共…101件). */
  name: string;
  inputs: ClaimInput[];
  /** The recomputed value (a percentage, a sum …), or null when not computed. */
  computed: number | null;
  verdict: Verdict;
  /** How a consistent percentage matched (rounding or truncation). */
  method?: MatchMethod;
  /** For errors with a weaker reading (e.g. an exhaustive breakdown falling short): 'warning'. */
  severity?: 'error' | 'warning' | 'info';
  /** Rule-specific problem key (e.g. 'above', 'below', 'ambiguous'). */
  problem?: string;
  /** Alternatives tried when the linkage was ambiguous (for the info note). */
  tried?: Array<{ text: string; value: number }>;
  /** Markdown working, one line per step. */
  explanation: LocalizedText;
  /** One-line working for tables: "2085 ÷ 2176 = 95.818…%". */
  working: string;
  suggestions: Suggestion[];
  /** A related figure elsewhere (the first statement of a repeated quantity). */
  related?: Figure;
}

/**
 * The explanation and working of a claim, made when first read (most claims are consistent and
 * never shown). A class with getters: an object literal with getters is made by the runtime,
 * several times slower (the claim builders make many per report). Every field of a claim is set,
 * in one order (undefined when the claim has none), so that every such claim has one shape: code
 * reading claims of several builders (flaggedClaims) sees one map, not one per builder.
 */
class LazyClaim implements Claim {
  kind: Claim['kind'];
  anchor: Claim['anchor'];
  name: Claim['name'];
  inputs: Claim['inputs'];
  computed: Claim['computed'];
  verdict: Claim['verdict'];
  method: Claim['method'];
  severity: Claim['severity'];
  problem: Claim['problem'];
  tried: Claim['tried'];
  suggestions: Claim['suggestions'];
  related: Claim['related'];
  readonly #explain: () => LocalizedText;
  readonly #work: () => string;
  #explanation: LocalizedText | undefined;
  #working: string | undefined;
  constructor(data: Omit<Claim, 'explanation' | 'working'>, explain: () => LocalizedText, work: () => string) {
    this.kind = data.kind;
    this.anchor = data.anchor;
    this.name = data.name;
    this.inputs = data.inputs;
    this.computed = data.computed;
    this.verdict = data.verdict;
    this.method = data.method;
    this.severity = data.severity;
    this.problem = data.problem;
    this.tried = data.tried;
    this.suggestions = data.suggestions;
    this.related = data.related;
    this.#explain = explain;
    this.#work = work;
  }
  get explanation(): LocalizedText {
    return (this.#explanation ??= this.#explain());
  }
  get working(): string {
    return (this.#working ??= this.#work());
  }
}

/** A claim of `data` whose explanation and working are made when first read (once each). */
export function lazyClaim(data: Omit<Claim, 'explanation' | 'working'>, explain: () => LocalizedText, work: () => string): Claim {
  return new LazyClaim(data, explain, work);
}
