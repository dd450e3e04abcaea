/**
 * Rates (…率 p%) and their counts. A rate is checked only when its numerator and
 * denominator are linked in the same sentence (clauses chained by , ; :), or through
 * an explicit back-reference (已审结案件中, … 纠错率) to the previous sentence.
 * When the base is ambiguous nothing is asserted: the claim is unverifiable and
 * lists what was tried.
 */
import { lazyClaim, type Claim, type ClaimInput, type Suggestion } from './claim';
import type { Figure } from './numbers';
import { figureInterval, isExact, WALK_RATE } from './numbers';
import { formatAt, formatCount, formatWorking, grimDenominators, grimNumerators, matchPercent, nearest, ratioInterval, type Interval, type MatchMethod } from './arithmetic';
import { both, figureText, joinLines, md, precisionText } from './explain';
import { clauseBefore, isClauseBoundaryAt, isTotalLabel, labelBefore, shortLabel, wordStartFrom, type Sentence } from './text';
import type { LocalizedText } from '../l10n';
import { BOUNDED_RATE_KEYS, GENERIC_RATE_QUALIFIERS, NOT_RATE_CHARS, RATE_BY_KEY, PER_UNIT_RE } from './vocabulary';
import { countBefore } from '../document/sorted';
import { codeUnits } from './code-units';

export { BOUNDED_RATE_KEYS };

export interface RateMention {
  figure: Figure;
  /** The rate's name as written (审结率, 群众满意率). */
  name: string;
  /** The last two characters of the stem (审结, 满意). */
  key: string;
  bounded: boolean;
  sentence: Sentence;
}

export interface FigureContext {
  s: string;
  original: string;
  sentences: Sentence[];
  /** The number tokens of `s` that may end a count, as start, end pairs (ScanResult.tokens), or null when not scanned
   * (always set, so that every context has one object shape). */
  tokens: readonly number[] | null;
  /** The WALK_* features of `s` (ScanResult.seen), or WALK_ALL when not scanned. */
  seen: number;
  /** Where a breakdown marker can start in `s` (ScanResult.markerStarts), or null when not scanned. */
  markerStarts: readonly number[] | null;
}

const LINK_AFTER_RATE = /^(?:均|也|分别|已|则)?(?:为|达|达到|是|保持在|稳定在|提升至|提高至|提高到|上升至|上升到|升至|仅为|只有|高达|已达|实现)?$/;
/** 效率, 频率, 汇率 … are not proportions. */
/** How far back a rate's name is read (行政机关负责人出庭应诉率): past that, it would start inside a word. */
const MAX_RATE_STEM = 12;
const STEM_STOP = new Set(['、', '和', '与', '的', '“', '”', '"', '《', '》', ' ']);
const STEM_STOP_CODES = codeUnits([...STEM_STOP].map((c) => c.charCodeAt(0)));

/** What /[\u4e00-\u9fff]/ accepts, by code unit. */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** A code unit a rate's stem may hold: an ideograph other than a stop (和, 与, 的 …). */
function isStemUnit(c: number): boolean {
  return isIdeograph(c) && !STEM_STOP_CODES.has(c);
}

/** Rate names (X率) in front of a percentage, including lists (参考率、优秀率均达100%). */
export function rateNamesBefore(s: string, f: Figure, sentenceStart: number): Array<{ name: string; key: string }> {
  const clause = clauseBefore(s, f, sentenceStart);
  const lastRate = clause.lastIndexOf('率');
  if (lastRate < 0) return [];
  if (!LINK_AFTER_RATE.test(clause.slice(lastRate + 1))) return [];
  const names: Array<{ name: string; key: string }> = [];
  let pos = lastRate;
  // Walk back through 率 names joined by 、 和 及 与.
  for (;;) {
    let i = pos;
    // By code unit (a one-character string per step was most of this walk): an ideograph that is not a stop.
    while (i > 0 && pos - i < MAX_RATE_STEM && isStemUnit(clause.charCodeAt(i - 1))) i--;
    // Stopped by the length limit inside a run of characters: start at a word, not inside one.
    if (pos - i === MAX_RATE_STEM && i > 0 && isIdeograph(clause.charCodeAt(i - 1))) {
      const from = Math.max(0, i - 4);
      i = from + wordStartFrom(clause.slice(from, pos), i - from);
    }
    // 报备率及及时率: a 及 right after another 率 is a joiner, not part of the name.
    if (clause[i] === '及' && clause[i - 1] === '率' && pos - i > 2) i++;
    const stem = clause.slice(i, pos);
    if (stem.length >= 2 && !NOT_RATE_CHARS.has(stem[stem.length - 1])) names.unshift({ name: `${stem}率`, key: stem.slice(-2) });
    // Another rate before a joiner?
    const j = i - 1;
    if (j >= 1 && '、和及与'.includes(clause[j]) && clause[j - 1] === '率') {
      pos = j - 1;
      continue;
    }
    break;
  }
  return names;
}

/**
 * How much of a sentence, before and after a rate, its numerator and denominator are looked
 * for in. Real sentences are a few hundred characters (the seeds' longest: 322); without a
 * bound, one endless sentence full of figures made linking quadratic or worse (8,000 clauses:
 * minutes).
 */
export const RATE_WINDOW = 1000;

/** The part of `sent` within RATE_WINDOW of offset `at` (the sentence itself when it is short). */
function windowAround(sent: Sentence, at: number): Sentence {
  const from = at - RATE_WINDOW;
  const to = at + RATE_WINDOW;
  if (sent.start >= from && sent.end <= to) return sent;
  const first = (pos: number) => countBefore(sent.figures, (f) => f.start < pos);
  return { ...sent, start: Math.max(sent.start, from), end: Math.min(sent.end, to), figures: sent.figures.slice(first(from), first(to)) };
}

/** The sentence before `sent`, limited to the window of the rate at `at`. */
function previousWindow(ctx: FigureContext, sent: Sentence, at: number): Sentence | undefined {
  const before = ctx.sentences[sent.index - 1];
  return before && windowAround(before, at);
}

export function findRateMentions(ctx: FigureContext): RateMention[] {
  const out: RateMention[] = [];
  // Every rate's name ends in 率 (rateNamesBefore): a text without one has none, unread.
  if (!(ctx.seen & WALK_RATE) || ctx.s.indexOf('率') < 0) return out;
  for (const whole of ctx.sentences) {
    for (const f of whole.figures) {
      if (f.kind !== 'percent') continue;
      for (const n of rateNamesBefore(ctx.s, f, whole.start)) {
        const sentence = windowAround(whole, f.start);
        out.push({ figure: f, name: n.name, key: n.key, bounded: BOUNDED_RATE_KEYS.has(n.key), sentence });
      }
    }
  }
  return out;
}

const ANAPHORA_RE = /^(?:在|对|于)?(?:已|所)?([\u4e00-\u9fff]{2,6}?)(?:的)?(?:各类)?(?:案件|事项|申请|诉求|纠纷|问题)?(?:当)?中$/;

interface Linked {
  numerators: Figure[][];
  denominators: Figure[];
  strong: boolean;
  via: 'sentence' | 'back-reference' | 'previous-sentence';
  /** The numerator is a sum the rate's concept defines (综合化解率): a reading, reported as a warning. */
  assumed: boolean;
}

function sameFamily(a: Figure, b: Figure): boolean {
  return a.family === b.family;
}

function counts(figs: readonly Figure[]): Figure[] {
  return figs.filter((f) => f.kind === 'count');
}

/** Find the numerator(s) and denominator(s) of a rate, or null when none is linked. */
function link(ctx: FigureContext, r: RateMention): Linked | null {
  const { s } = ctx;
  const sent = r.sentence;
  // A rate of no known concept links nothing (nothing else here has an effect: decided first).
  const concept = RATE_BY_KEY.get(r.key);
  if (!concept) return null;
  // The counts before the rate, in one pass (no intermediate list).
  const before: Figure[] = [];
  for (const f of sent.figures) if (f.kind === 'count' && f.numStart < r.figure.numStart) before.push(f);
  // A back-reference clause: 已审结案件中, …
  let refAt = -1;
  let refKey = '';
  {
    let cs = sent.start;
    for (let i = sent.start; i <= r.figure.start; i++) {
      if (i === r.figure.start || isClauseBoundaryAt(s, i)) {
        // ANAPHORA_RE reads a whole clause of 3 to 15 code units ending in 中: others are not cut out.
        const m = i - cs >= 3 && i - cs <= 15 && s.charCodeAt(i - 1) === 0x4e2d /* 中 */ ? ANAPHORA_RE.exec(s.slice(cs, i)) : null;
        if (m) {
          refAt = i;
          refKey = m[1].slice(-2);
        }
        cs = i + 1;
      }
    }
  }
  const words = concept.numerator;
  const region = refAt >= 0 ? before.filter((f) => f.start > refAt) : before;
  // A qualified rate (调撤结案率, 按时办结率) counts only what its qualifier says: 审结16.79万件
  // is not the numerator of 调撤结案率 (domain.md §3, the 2024 white paper case).
  const stem = r.name.slice(0, -1);
  const qualifier = stem.slice(0, -2).slice(-2);
  const needQualifier = qualifier.length === 2 && !GENERIC_RATE_QUALIFIERS.has(qualifier);
  const labelOf = (f: Figure) => labelBefore(s, f, sent.start);
  const isNumeratorLabel = (label: string) => words.some((w) => label.includes(w) && !label.includes(`${w}性`)) && !isTotalLabel(label);
  const isNumerator = (f: Figure) => {
    const label = labelOf(f);
    if (needQualifier && !label.includes(qualifier)) return false;
    return isNumeratorLabel(label) && !isPerUnit(s, f, sent.start);
  };
  /** A base: a total (共, 受理 …) or a count named by the rate's base concept (开庭审理 for 出庭应诉率). */
  const isBase = (f: Figure) => {
    if (isPerUnit(s, f, sent.start)) return false;
    const clause = clauseBefore(s, f, sent.start);
    if (isTotalLabel(clause)) return true;
    const label = labelOf(f);
    return !isNumeratorLabel(label) && concept.base.some((w) => label.includes(w));
  };
  // The last numerator of the region (read backwards, not from a reversed copy).
  let num: Figure | undefined;
  for (let i = region.length - 1; i >= 0 && !num; i--) if (isNumerator(region[i])) num = region[i];
  let numerators: Figure[][] | null = num ? [[num]] : null;
  let assumed = false;
  if (!num && concept.sumOf && refAt < 0) {
    // 综合化解率 = (纠错 + 调解) ÷ 审结: one count per group, after the base (a reading: a warning at most).
    const picks = concept.sumOf.map((group) => [...region].reverse().find((f) => group.some((w) => labelOf(f).includes(w)) && !isPerUnit(s, f, sent.start)));
    if (picks.every((f): f is Figure => f !== undefined) && new Set(picks).size === picks.length) {
      const sorted = [...picks].sort((x, y) => x.numStart - y.numStart);
      num = sorted[0];
      numerators = [sorted];
      assumed = true;
    }
  }
  if (!num || !numerators) return refAt < 0 ? rateBeforeCounts(ctx, r, isNumerator, isBase) : null;
  const first = num;
  const fits = (d: Figure) => sameFamily(d, first) && !numerators!.some((n) => n.includes(d)) && (!r.bounded || figureInterval(d)[1] >= figureInterval(first)[0]);
  if (refAt >= 0) {
    const prev = previousWindow(ctx, sent, r.figure.start);
    const pool = [...before.filter((f) => f.start < refAt).reverse(), ...(prev && prev.line === sent.line ? counts(prev.figures).reverse() : [])];
    const ante = pool.find((f) => labelBefore(s, f, 0).includes(refKey) && fits(f));
    if (ante) {
      const parts = region.filter((f) => sameFamily(f, first));
      if (parts.length >= 2) numerators.push(parts);
      return { numerators, denominators: [ante], strong: true, via: 'back-reference', assumed };
    }
    return null;
  }
  const totals = before.filter((f) => f.numStart < first.numStart && fits(f) && isBase(f));
  if (totals.length) return { numerators, denominators: totals.reverse(), strong: totals.length === 1, via: 'sentence', assumed };
  const prev = previousWindow(ctx, sent, r.figure.start);
  if (prev && prev.line === sent.line) {
    const prevTotals = counts(prev.figures).filter((f) => fits(f) && isTotalLabel(clauseBefore(s, f, prev.start)) && !isPerUnit(s, f, prev.start));
    if (prevTotals.length) return { numerators, denominators: prevTotals.reverse(), strong: false, via: 'previous-sentence', assumed };
  }
  return null;
}

/**
 * A rate stated before its counts: 出庭应诉率100%（开庭审理52件,出庭应诉52件）, 审结率95%,共受理40件,审结38件.
 * The counts must follow in the same sentence, the base first or the numerator first.
 */
function rateBeforeCounts(ctx: FigureContext, r: RateMention, isNumerator: (f: Figure) => boolean, isBase: (f: Figure) => boolean): Linked | null {
  const after = counts(r.sentence.figures).filter((f) => f.numStart > r.figure.numEnd);
  // Only the clauses right after the rate: at most four counts, and no second rate in between.
  const next = r.sentence.figures.find((f) => f.numStart > r.figure.numEnd && f.kind === 'percent');
  const window = after.filter((f) => !next || f.numStart < next.numStart).slice(0, 4);
  const num = window.find(isNumerator);
  if (!num) return null;
  const bases = window.filter((f) => f !== num && sameFamily(f, num) && isBase(f));
  if (bases.length !== 1) return null;
  return { numerators: [[num]], denominators: bases, strong: true, via: 'sentence', assumed: false };
}

/** A per-unit figure (每千人6.6批次, 人均, 户均) is never a count of a rate, a total or a part. */
export function isPerUnit(s: string, f: Figure, min: number): boolean {
  const from = Math.max(min, f.start - 16);
  // Every word of PER_UNIT_RE holds 每 or 均 (每…, 人均, 户均, 平均): without one in reach, the
  // expression is not tried (it is asked about almost every count).
  let i = from;
  while (i < f.start && s.charCodeAt(i) !== 0x6bcf /* 每 */ && s.charCodeAt(i) !== 0x5747 /* 均 */) i++;
  return i < f.start && PER_UNIT_RE.test(s.slice(from, f.start));
}

function sumInterval(figs: Figure[]): Interval {
  let lo = 0;
  let hi = 0;
  for (const f of figs) {
    const [a, b] = figureInterval(f);
    lo += a;
    hi += b;
  }
  return [lo, hi];
}

function sumText(figs: Figure[]): string {
  const t = figs.map((f) => formatCount(f.value)).join(' + ');
  return figs.length > 1 ? `(${t})` : t;
}

function mid(x: Interval): number {
  return Number.isFinite(x[1]) ? (x[0] + x[1]) / 2 : x[0];
}

function verdictLine(value: number, f: Figure, method: MatchMethod | null): LocalizedText {
  const p = f.printed;
  const d = f.decimals;
  const prec = precisionText(d);
  if (method === 'round') {
    return both(`→ 按所写精度（${prec['zh-cn']}）四舍五入为 ${formatAt(value, d)}%，与所写 ${p}% 一致 ✓`, `→ rounds to ${formatAt(value, d)}% at the stated precision (${prec.en}), as stated ✓`);
  }
  if (method === 'truncate') {
    return both(
      `→ 截断（舍去）到${prec['zh-cn']}为 ${formatAt(value, d, 'truncate')}%，与所写 ${p}% 一致 ✓（四舍五入应为 ${formatAt(value, d)}%，此处按截断计）`,
      `→ truncates to ${formatAt(value, d, 'truncate')}% at ${prec.en}, as stated ✓ (rounding would give ${formatAt(value, d)}%; the writer truncated)`,
    );
  }
  return both(
    `→ 按所写精度（${prec['zh-cn']}）应为 ${formatAt(value, d)}%，所写 ${p}% 不符 ✗`,
    `→ at the stated precision (${prec.en}) this is ${formatAt(value, d)}%, not the stated ${p}% ✗`,
  );
}

/** Rate claims for every recognised rate (linked or not). */
export function rateClaims(ctx: FigureContext, mentions: RateMention[]): Claim[] {
  const claims: Claim[] = [];
  for (const r of mentions) {
    const f = r.figure;
    const rateInput: ClaimInput = { role: 'rate', figure: f, label: r.name };
    const linked = link(ctx, r);
    // Explanations are built when read (hover, statistics, a finding): most claims are consistent and never shown.
    const header = () => both(`**${md(r.name)} ${md(figureText(ctx.original, f))}**`, `**${md(r.name)} ${md(figureText(ctx.original, f))}** (rate)`);
    if (!linked) {
      claims.push(
        lazyClaim(
          { kind: 'rate', anchor: f, name: r.name, inputs: [rateInput], computed: null, verdict: 'unverifiable', suggestions: [] },
          () => joinLines([header(), both('同一句中没有可与之核对的分子和分母，未核对。', 'No numerator and denominator are stated with it in the same sentence; not checked.')]),
          noWorking,
        ),
      );
      continue;
    }
    const tried: Array<{ num: Figure[]; den: Figure; value: Interval; method: MatchMethod | null }> = [];
    for (const den of linked.denominators) {
      for (const num of linked.numerators) {
        const value = ratioInterval(sumInterval(num), figureInterval(den));
        tried.push({ num, den, value, method: matchPercent(value, f.value, f.decimals, f.approx) });
      }
    }
    // 约/左右 on any input: nothing can be asserted either way.
    const anyAbout = f.approx === 'about' || linked.denominators.some((d) => d.approx === 'about') || linked.numerators.some((n) => n.some((x) => x.approx === 'about'));
    if (anyAbout) {
      claims.push(
        lazyClaim(
          {
            kind: 'rate',
            anchor: f,
            name: r.name,
            inputs: [rateInput, ...linked.numerators[0].map((x) => ({ role: 'numerator' as const, figure: x, label: labelBefore(ctx.s, x, 0) })), ...linked.denominators.map((x) => ({ role: 'denominator' as const, figure: x, label: labelBefore(ctx.s, x, 0) }))],
            computed: null,
            verdict: 'unverifiable',
            problem: 'approximate',
            suggestions: [],
          },
          () => joinLines([header(), both('所给数字是约数（约、左右），无法核对。', 'The counts are approximate (约, 左右); not checked.')]),
          noWorking,
        ),
      );
      continue;
    }
    const hit = tried.find((t) => t.method);
    const chosen = hit ?? tried[0];
    const labelOf = (x: Figure) => shortLabel(labelBefore(ctx.s, x, 0));
    // Built by push (an array made by .map spread into a literal de-optimised this function).
    const inputs: ClaimInput[] = [rateInput];
    for (let i = 0; i < chosen.num.length; i++) inputs.push({ role: 'numerator', figure: chosen.num[i], label: labelOf(chosen.num[i]) });
    inputs.push({ role: 'denominator', figure: chosen.den, label: labelOf(chosen.den) });
    // The point value from the printed figures; approximate ones (余, 近) bound it (see boundLine).
    const value = (100 * chosen.num.reduce((a, x) => a + x.value, 0)) / chosen.den.value;
    const pointInputs = chosen.num.every((x) => x.approx === null) && chosen.den.approx === null;
    // The working, made when first read (a consistent claim's is read only when shown).
    let workingText: string | undefined;
    const working = (): string =>
      (workingText ??= pointInputs
        ? `${sumText(chosen.num)} ÷ ${formatCount(chosen.den.value)} = ${formatWorking(value, f.decimals)}%`
        : `${chosen.num.map((x) => figureText(ctx.original, x)).join(' + ')} ÷ ${figureText(ctx.original, chosen.den)} ∈ [${formatWorking(chosen.value[0], f.decimals)}%, ${formatWorking(chosen.value[1], f.decimals)}%]`);
    const inputLines = () =>
      joinLines([
        both(`- 分子：${chosen.num.map((x) => md(`${labelOf(x)} ${figureText(ctx.original, x)}`)).join(' + ')}`, `- numerator: ${chosen.num.map((x) => md(`${labelOf(x)} ${figureText(ctx.original, x)}`)).join(' + ')}`),
        both(`- 分母：${md(`${labelOf(chosen.den)} ${figureText(ctx.original, chosen.den)}`)}`, `- denominator: ${md(`${labelOf(chosen.den)} ${figureText(ctx.original, chosen.den)}`)}`),
      ]);
    if (hit) {
      claims.push(
        lazyClaim(
          { kind: 'rate', anchor: f, name: r.name, inputs, computed: value, verdict: 'consistent', method: hit.method ?? undefined, suggestions: [] },
          () => joinLines([header(), inputLines(), both(`\n${working()} ${verdictLine(value, f, hit.method)['zh-cn']}`, `\n${working()} ${verdictLine(value, f, hit.method).en}`)]),
          () => `${working()} ✓${hit.method === 'truncate' ? ' (truncated)' : ''}`,
        ),
      );
      continue;
    }
    const triedList = tried.map((t) => ({ text: `${sumText(t.num)} ÷ ${formatCount(t.den.value)} = ${formatWorking(mid(t.value), f.decimals)}%`, value: mid(t.value) }));
    const exactInputs = isExact(f) && chosen.num.every(isExact) && isExact(chosen.den);
    if (!linked.strong) {
      claims.push({
        kind: 'rate',
        anchor: f,
        name: r.name,
        inputs,
        computed: null,
        verdict: 'unverifiable',
        problem: 'ambiguous',
        tried: triedList,
        explanation: joinLines([
          header(),
          both('分母不明确，未判定。已尝试：', 'The base is ambiguous; no verdict. Tried:'),
          ...triedList.map((t) => both(`- ${t.text}`, `- ${t.text}`)),
          both(`均不等于所写的 ${f.printed}%。`, `None gives the stated ${f.printed}%.`),
        ]),
        working: triedList.map((t) => t.text).join('; ') + ' ?',
        suggestions: [],
      });
      continue;
    }
    claims.push({
      kind: 'rate',
      anchor: f,
      name: r.name,
      inputs,
      computed: value,
      verdict: 'inconsistent',
      ...(linked.assumed ? { severity: 'warning' as const } : {}),
      explanation: pointInputs
        ? joinLines([header(), inputLines(), ...(linked.assumed ? [assumedLine(r.name)] : []), both(`\n${working()} ${verdictLine(value, f, null)['zh-cn']}`, `\n${working()} ${verdictLine(value, f, null).en}`)])
        : joinLines([
            header(),
            inputLines(),
            both(`\n${working()}：约数给出的范围不含所写的 ${f.printed}% ✗`, `\n${working()}: the range the approximate figures allow excludes the stated ${f.printed}% ✗`),
          ]),
      working: pointInputs ? `${working()} → ${formatAt(value, f.decimals)}% ≠ ${f.printed}%` : `${working()} ∌ ${f.printed}%`,
      problem: pointInputs ? 'mismatch' : 'bound',
      suggestions: exactInputs ? rateSuggestions(ctx, f, chosen.num, chosen.den, value) : [],
    });
  }
  return claims;
}

/** The working of a claim that has none. */
function noWorking(): string {
  return '';
}

/** What a warning assumed: the rate's numerator is the sum its concept defines. */
function assumedLine(name: string): LocalizedText {
  return both(`（假定${md(name)}的分子为上列两项之和，按通常口径计算）`, `(assumed: the numerator of ${md(name)} is the sum of the two counts above, its usual definition)`);
}

function rateSuggestions(ctx: FigureContext, rate: Figure, num: Figure[], den: Figure, value: number): Suggestion[] {
  const out: Suggestion[] = [];
  const decimals = Math.max(rate.decimals, 1);
  if (rate.arabic) {
    const newRate = formatAt(value, decimals);
    out.push({ figure: rate, newText: newRate, title: both(`将比率改为 ${newRate}%`, `Change the rate to ${newRate}%`) });
  }
  if (num.length === 1 && num[0].arabic && num[0].scale === 1) {
    const k = nearest(grimNumerators(den.value, rate.value, rate.decimals), (rate.value * den.value) / 100);
    if (k !== null && k !== num[0].value) {
      out.push({ figure: num[0], newText: String(k), title: both(`将 ${num[0].printed} 改为 ${k}`, `Change ${num[0].printed} to ${k}`) });
    }
  }
  if (den.arabic && den.scale === 1 && num.every((x) => x.scale === 1)) {
    const k = num.reduce((a, x) => a + x.value, 0);
    const n = nearest(grimDenominators(k, rate.value, rate.decimals), (100 * k) / rate.value);
    if (n !== null && n !== den.value) {
      out.push({ figure: den, newText: String(n), title: both(`将 ${den.printed} 改为 ${n}`, `Change ${den.printed} to ${n}`) });
    }
  }
  void ctx;
  return out;
}

/** Bounded rates stated above 100% (percent-out-of-range). */
export function boundClaims(ctx: FigureContext, mentions: RateMention[]): Claim[] {
  const out: Claim[] = [];
  for (const r of mentions) {
    const f = r.figure;
    if (!r.bounded || f.value <= 100 || f.approx === 'atMost' || f.approx === 'about') continue;
    out.push({
      kind: 'rate-bound',
      anchor: f,
      name: r.name,
      inputs: [{ role: 'rate', figure: f, label: r.name }],
      computed: f.value,
      verdict: 'inconsistent',
      explanation: both(
        `**${md(r.name)} ${md(figureText(ctx.original, f))}**\n\n${md(r.name)}是部分占整体的比例，不可能超过 100%。`,
        `**${md(r.name)} ${md(figureText(ctx.original, f))}**\n\nA ${md(r.name)} is a part of a whole and cannot exceed 100%.`,
      ),
      working: `${f.printed}% > 100%`,
      suggestions: [],
    });
  }
  return out;
}

/**
 * GRIM on its own: a bounded rate whose only stated count is a total just before it
 * (共办理12宗,审结率85%). Informative only when n < 10^(d+2).
 */
export function grimClaims(ctx: FigureContext, mentions: RateMention[], linkedRates: Set<Figure>): Claim[] {
  const out: Claim[] = [];
  const { s } = ctx;
  for (const r of mentions) {
    const f = r.figure;
    if (!r.bounded || linkedRates.has(f) || !isExact(f) || f.value <= 0 || f.value >= 100) continue;
    const before = counts(r.sentence.figures).filter((x) => x.numStart < f.numStart);
    if (before.length !== 1) continue;
    const n = before[0];
    if (!isExact(n) || !Number.isInteger(n.value) || n.value <= 0) continue;
    if (!isTotalLabel(clauseBefore(s, n, r.sentence.start))) continue;
    if (n.value >= Math.pow(10, f.decimals + 2)) continue;
    // The total and the rate must be in adjacent clauses (nothing else in between).
    const between = s.slice(n.end, f.start);
    if (/[,，;；:：]/.test(between.replace(/^[,，]/, '')) && between.split(/[,，;；:：]/).length > 2) continue;
    const ks = grimNumerators(n.value, f.value, f.decimals);
    const header = both(`**${md(r.name)} ${md(figureText(ctx.original, f))}**（GRIM 检验）`, `**${md(r.name)} ${md(figureText(ctx.original, f))}** (GRIM test)`);
    const lo = Math.floor((f.value * n.value) / 100);
    const near = [lo, lo + 1].filter((k) => k >= 0 && k <= n.value);
    const nearText = near.map((k) => `${k} ÷ ${n.value} = ${formatWorking((100 * k) / n.value, f.decimals)}%`).join('；');
    out.push({
      kind: 'grim',
      anchor: f,
      name: r.name,
      inputs: [
        { role: 'rate', figure: f, label: r.name },
        { role: 'denominator', figure: n, label: labelBefore(s, n, r.sentence.start) },
      ],
      computed: ks.length ? (100 * ks[0]) / n.value : null,
      verdict: ks.length ? 'consistent' : 'inconsistent',
      explanation: ks.length
        ? joinLines([header, both(`${ks[0]} ÷ ${n.value} = ${formatWorking((100 * ks[0]) / n.value, f.decimals)}% → ${f.printed}% ✓（整数分子 ${ks.join('、')} 均可）`, `${ks[0]} ÷ ${n.value} = ${formatWorking((100 * ks[0]) / n.value, f.decimals)}% → ${f.printed}% ✓ (whole numerators: ${ks.join(', ')})`)])
        : joinLines([header, both(`分母为 ${n.value} 时，没有任何整数分子能得到 ${f.printed}%：${nearText} ✗`, `With a base of ${n.value}, no whole-number numerator gives ${f.printed}%: ${nearText} ✗`)]),
      working: ks.length ? `${ks[0]} ÷ ${n.value} ✓` : `k ÷ ${n.value} ≠ ${f.printed}% ∀k`,
      suggestions: [],
    });
  }
  return out;
}
