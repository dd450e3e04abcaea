/**
 * Totals and their breakdowns: 共X件,其中A件、B件、C件 / X个(其中A个,B个,C次) /
 * 共X件,A、B分别为a件、b件. Parts above the total are an error; an explicit exhaustive
 * breakdown (分别为…, or one with a residual 其他/其余 category) below the total is a
 * warning; a plain subset (共纳入8项,其中2项…) is fine. Units of one family mix freely
 * (个/次 in seed 004); figures of another family end the breakdown.
 */
import type { LocalizedText } from '../l10n';
import { lazyClaim, type Claim, type ClaimInput } from './claim';
import type { Figure } from './numbers';
import { figureInterval, isExact, WALK_MARKER } from './numbers';
import { formatCount } from './arithmetic';
import { both, figureText, joinLines, md } from './explain';
import { clauseBefore, isClauseBoundaryAt, isTotalLabel, labelBefore, shortLabel, type Sentence } from './text';
import { isPerUnit, type FigureContext } from './rates';
import { sameMeasure } from './shares';
import { BACK_REFERENCE_RE, BALANCE_ACCOUNTS, RESIDUAL_RE as RESIDUAL } from './vocabulary';
import { formatCount as fc } from './arithmetic';
import { countBefore } from '../document/sorted';
import { isJsSpaceCode } from '../document/chars';
import { codeAt, codeUnits, UnitTable } from './code-units';

const STOP_CLAUSE = /同比|环比|比上年|较上年|比去年|较去年|增长|下降|增加|减少|上升|率|共计|合计|总计|累计|(?<![公中总])共(?![享同建治识赢商])/;
const NEW_ACTIVITY = /^(?:组织|开展|举办|召开|印发|出台|建立|完成|推动|办结|审结|结案|制定|发布|开通|设立|培训|接待|修复|治理|新增|新建|建设|实施|改造|推进)/;
/** A share right after a part (…25件,占比86%): the list goes on past it, across a semicolon too. */
const SHARE_CLAUSE_RE = /[,，]?\s*(?:所)?占[^,，;；。]{0,14}?[0-9０-９.．]+[%％]/g;
/** A part written number first: 2件为网络申请, 1宗案由为行政许可. */
const NUMBER_FIRST_RE = /^(?:案由)?(?:为|是|系|属于|涉及)/;

export interface Breakdown {
  total: Figure;
  parts: Figure[];
  exhaustive: boolean;
  marker: string;
  /**
   * The breakdown's extent is a reading (parts in clauses after the one the marker opens, or a
   * total from an earlier sentence): a mismatch is reported as a warning that says so.
   */
  assumed: boolean;
  /** Labels for figures that have no words before them (table cells: their column headers). */
  labels?: ReadonlyMap<Figure, string> | null;
}

function clauseOf(s: string, pos: number, min: number, max: number): [number, number] {
  let a = pos;
  while (a > min && !isClauseBoundaryAt(s, a - 1)) a--;
  let b = pos;
  while (b < max && !isClauseBoundaryAt(s, b)) b++;
  return [a, b];
}

/** A previous period's value in brackets after a figure: 1577件(2019年1224件). */
const BRACKETED_BASE_RE = /[(（](?:(?:19|20)\d\d年|上年|去年|上一年|上年同期|去年同期)(?:同期)?(?:为|是)?$/;

/** A count that can be a total or a part: not a per-unit figure (每千人6.6批次), not a bracketed previous value. */
function countable(s: string, f: Figure, min: number): boolean {
  return f.kind === 'count' && !isPerUnit(s, f, min) && !bracketedBase(s, Math.max(min, f.start - 10), f.start);
}

/** BRACKETED_BASE_RE on s[from, to), tried only when a bracket it opens with is there. */
function bracketedBase(s: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && s.charCodeAt(i) !== 0x28 && s.charCodeAt(i) !== 0xff08) i++;
  return i < to && BRACKETED_BASE_RE.test(s.slice(from, to));
}

/** The total of a breakdown that opens a sentence (共X件。其中…): the one total of the sentence before. */
function totalOfPrevious(ctx: FigureContext, sent: Sentence): Figure | undefined {
  const { s } = ctx;
  const prev = ctx.sentences[sent.index - 1];
  if (!prev || prev.line !== sent.line) return undefined;
  const cs = prev.figures.filter((f) => countable(s, f, prev.start));
  const totals = cs.filter((f) => isTotalLabel(clauseBefore(s, f, prev.start)));
  if (totals.length === 1) return totals[0];
  return totals.length === 0 && cs.length === 1 ? cs[0] : undefined;
}

/**
 * Whether a back reference (受理案件中) points at the total of the previous sentence: 上述/以上/
 * 前述/这些, or its first two characters (受理) in the clause of that total.
 */
function backReferenceFits(ctx: FigureContext, sent: Sentence, ref: string): boolean {
  const total = totalOfPrevious(ctx, sent);
  if (!total) return false;
  if (/^(?:上述|以上|前述|这些)/.test(ref)) return true;
  const head = ref.replace(/^(?:已|所|被)/, '').slice(0, 2);
  return head.length === 2 && clauseBefore(ctx.s, total, ctx.sentences[sent.index - 1].start).includes(head);
}

/** The last of `figs` (in order) that ends by `pos`, by binary search (a marker per item must not rescan the sentence). */
function lastEndingBy(figs: readonly Figure[], pos: number): Figure | undefined {
  const n = countBefore(figs, (f) => f.end <= pos);
  return n > 0 ? figs[n - 1] : undefined;
}

/** The index of the first of `figs` (in order) starting at or after `pos`. */
function firstFrom(figs: readonly Figure[], pos: number): number {
  return countBefore(figs, (f) => f.numStart < pos);
}

const NO_MARKERS: readonly Marker[] = [];


/** A breakdown marker: where it starts and the word (or, for a back reference, the 中 closing it). */
interface Marker {
  at: number;
  word: string;
  back?: boolean;
}

/**
 * Every match of BREAKDOWN_RE in s[from, to) (a sentence), in order: the same as the matches in
 * the sentence's slice, since none crosses a sentence end (its words hold no sentence end, the
 * look-behind never sees one, and a look-ahead past the end of a sentence meets 。！？!? or a line
 * break, as at the end of the slice). Read by hand at each code unit a marker starts with
 * (BREAKDOWN_FIRST): the expression, an alternation with look-arounds, was tried at every offset,
 * and a native search for the first characters stopped at every 部分 and 其他.
 */
export function breakdownMarkers(s: string, from = 0, to = s.length): readonly Marker[] {
  let out: Marker[] | null = null;
  for (let p = from; p < to; p++) {
    if (!BREAKDOWN_FIRST_UNITS.get(s.charCodeAt(p))) continue;
    const length = breakdownWordAt(s, p);
    if (length) {
      (out ??= []).push({ at: p, word: s.slice(p, p + length) });
      p += length - 1;
    }
  }
  return out ?? NO_MARKERS;
}

/** BREAKDOWN_FIRST by code unit. */
const BREAKDOWN_FIRST_UNITS = new UnitTable();
for (const ch of '其内分包含') BREAKDOWN_FIRST_UNITS.set(ch.charCodeAt(0), 1);

/**
 * The length of BREAKDOWN_RE's match at `p` (0 for none), by code unit: 其中 not followed by
 * 之一/的/一/有些/部分, 内有, 分别 + 为/是/有/达, 包括, and 含 after a bracket with up to twelve
 * ideographs and then a digit after it. Each word starts with its own code unit, so at most one
 * alternative can match.
 */
function breakdownWordAt(s: string, p: number): number {
  const c = s.charCodeAt(p);
  const next = codeAt(s, p + 1);
  switch (c) {
    case 0x5176 /* 其 */: {
      if (next !== 0x4e2d /* 中 */) return 0;
      const after = codeAt(s, p + 2);
      if (after === 0x7684 /* 的 */ || after === 0x4e00 /* 一 */ || s.startsWith('之一', p + 2) || s.startsWith('有些', p + 2) || s.startsWith('部分', p + 2)) return 0;
      return 2;
    }
    case 0x5185 /* 内 */:
      return next === 0x6709 /* 有 */ ? 2 : 0;
    case 0x5206 /* 分 */: {
      const after = codeAt(s, p + 2);
      return next === 0x522b /* 别 */ && (after === 0x4e3a /* 为 */ || after === 0x662f /* 是 */ || after === 0x6709 /* 有 */ || after === 0x8fbe /* 达 */) ? 3 : 0;
    }
    case 0x5305 /* 包 */:
      return next === 0x62ec /* 括 */ ? 2 : 0;
    case 0x542b /* 含 */: {
      const before = p > 0 ? s.charCodeAt(p - 1) : 0;
      if (before !== 0x28 && before !== 0xff08) return 0;
      // (?=[\u4e00-\u9fff]{0,12}[0-9０-９]): digits are no ideographs, so the run of ideographs must end within twelve, at a digit.
      let i = p + 1;
      while (i < s.length && i - (p + 1) <= 12 && isIdeographUnit(s.charCodeAt(i))) i++;
      return i - (p + 1) <= 12 && isDigitUnit(codeAt(s, i)) ? 1 : 0;
    }
    default:
      return 0;
  }
}

function isIdeographUnit(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

function isDigitUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Whether BACK_REFERENCE_RE may match at the start of a sentence: after its white space, a 中 at
 * most 14 code units on (在/对, 上述…, eight ideographs, the noun, 当) followed by , ， : or ：.
 */
function mayOpenWithBackReference(s: string, sent: Sentence): boolean {
  let p = sent.start;
  while (p < sent.end && isJsSpaceCode(s.charCodeAt(p))) p++;
  const last = Math.min(sent.end - 2, p + 14);
  for (let i = p; i <= last; i++) if (codeAt(s, i) === 0x4e2d /* 中 */ && BACK_REFERENCE_ENDS.has(codeAt(s, i + 1))) return true;
  return false;
}
const BACK_REFERENCE_ENDS = codeUnits(',，:：');

/** `sentenceMarkers`: the markers of the text (breakdownMarkers) in this sentence. */
function findBreakdowns(ctx: FigureContext, sent: Sentence, sentenceMarkers: readonly Marker[]): Breakdown[] {
  const { s } = ctx;
  const out: Breakdown[] = [];
  // 受理案件中，…: an explicit back reference to the total of the sentence before (first, then the sentence's markers).
  let markers = sentenceMarkers;
  const back = mayOpenWithBackReference(s, sent) ? BACK_REFERENCE_RE.exec(s.slice(sent.start, sent.end)) : null;
  if (back && backReferenceFits(ctx, sent, back[1])) {
    const at = sent.start + back[0].length - 1;
    markers = [{ at, word: s[at], back: true }, ...sentenceMarkers];
  }
  // No marker and fewer than three figures: no breakdown of either kind (a number-first one needs a total and two parts).
  const numberFirst = sent.figures.length >= 3 && mayHoldNumberFirstParts(s, sent);
  if (!markers.length && !numberFirst) return out;
  // Markers taken by an earlier one (a 分别 after 其中): rare, so the set is made when needed.
  let used: Set<number> | null = null;
  const counts = sent.figures.filter((f) => countable(s, f, sent.start));
  for (let mi = 0; mi < markers.length; mi++) {
    const { at, word, back: isBack } = markers[mi];
    if (used?.has(at)) continue;
    if (isBack) {
      const prior = totalOfPrevious(ctx, sent);
      const parts = prior && collectParts(ctx, sent, prior, at, word);
      if (prior && parts) out.push({ total: prior, parts: parts.list, exhaustive: false, marker: '中', assumed: true, labels: null });
      continue;
    }
    const isRespectively = word.startsWith('分别');
    let exhaustive = isRespectively;
    let assumed = false;
    let total: Figure | undefined;
    if (isRespectively) {
      // The total is before the clause that names the categories: 共X件,A、B分别为…
      const [cs] = clauseOf(s, at, sent.start, sent.end);
      total = lastEndingBy(counts, cs);
      if (!total || !isTotalLabel(labelBefore(s, total, sent.start) + s.slice(Math.max(sent.start, total.start - 12), total.start))) continue;
    } else {
      total = lastEndingBy(counts, at);
      if (!total) {
        // 共X件。其中… across a full stop, in the same paragraph.
        if (s.slice(sent.start, at).trim() === '') {
          total = totalOfPrevious(ctx, sent);
          assumed = true;
        }
      }
      if (!total) continue;
      const next = markers[mi + 1];
      if (next && next.word.startsWith('分别')) {
        exhaustive = true;
        (used ??= new Set<number>()).add(next.at);
      }
    }
    const parts = collectParts(ctx, sent, total, at, word);
    if (!parts) continue;
    if (!exhaustive && parts.list.length >= 2 && parts.list.some((p) => RESIDUAL.test(labelBefore(s, p, sent.start)))) exhaustive = true;
    out.push({ total, parts: parts.list, exhaustive, marker: word, assumed: assumed || parts.beyondClause, labels: null });
  }
  if (numberFirst) out.push(...numberFirstBreakdowns(ctx, sent, counts));
  return out;
}

/**
 * The parts after a breakdown marker: to the end of the sentence, or to the closing parenthesis
 * of (其中…)/(含…). Each further clause must still read as a part of the list.
 */
function collectParts(ctx: FigureContext, sent: Sentence, total: Figure, at: number, word: string): { list: Figure[]; beyondClause: boolean } | null {
  const { s } = ctx;
  const opened = s[at - 1] === '(' || s[at - 1] === '（';
  let end = sent.end;
  if (opened) {
    for (let i = at; i < sent.end; i++) {
      if (s[i] === ')' || s[i] === '）') {
        end = i;
        break;
      }
    }
  }
  const colonList = /^[:：]/.test(s.slice(at + word.length, at + word.length + 1));
  const [, markerClauseEnd] = clauseOf(s, at + word.length + (colonList ? 1 : 0), sent.start, end);
  const list: Figure[] = [];
  let beyondClause = false;
  let clauseEndPos = -1;
  let sharesSeen = false;
  let i = at + word.length;
  const [, totalHi] = figureInterval(total);
  const totalFamily = total.family;
  const units = new Set<string | null>();
  for (let fi = firstFrom(sent.figures, i); fi < sent.figures.length; fi++) {
    const f = sent.figures[fi];
    if (f.numStart >= end) break;
    // Read on every figure (not only in the rarer branches below): a property read that has never
    // run when the function is optimised is a de-optimisation when it first does.
    const kind = f.kind;
    const family = f.family;
    const unitSeen = units.has(f.unit);
    // Compared on every figure too: a comparison that has never run when the function is
    // optimised de-optimised it the first time a part was not countable.
    const passable = kind === 'percent' || kind === 'count';
    if (!countable(s, f, sent.start)) {
      if (passable) continue;
      break;
    }
    if (!sameMeasure(f, total) && !(family === totalFamily && unitSeen)) break;
    // 包括 lists things of the total's kind in its own unit (15件实事,包括…改造600个 is not a sum);
    // in another item unit, a figure larger than the whole counts something else.
    if (f.unit !== total.unit && (word === '包括' || figureInterval(f)[0] > totalHi)) break;
    const [cs, ce] = clauseOf(s, f.numStart, sent.start, end);
    if (list.length) {
      // A new clause must still be part of the list (no total, change or rate words, no second 其中).
      if (cs > clauseEndPos) {
        const clause = s.slice(cs, ce);
        if (STOP_CLAUSE.test(clause) || /其中|内有|包括|分别/.test(clause)) break;
        // A clause without a figure in between ends the list (a share after a part does not).
        const rawGap = s.slice(clauseEndPos, cs);
        const shareGap = SHARE_CLAUSE_RE.test(rawGap);
        SHARE_CLAUSE_RE.lastIndex = 0;
        const gap = rawGap.replace(SHARE_CLAUSE_RE, '');
        sharesSeen ||= shareGap;
        if (/[\u4e00-\u9fff]/.test(gap.replace(/[,，;；、]/g, ''))) break;
        if (!opened) {
          // Outside parentheses, a semicolon ends the list unless it is a 其中: list or a series
          // of parts with their shares, and so does a clause that starts a new activity.
          if (/[;；]/.test(gap) && !colonList && !(shareGap && sharesSeen)) break;
          if (NEW_ACTIVITY.test(clause)) break;
        }
        // A later clause's figure larger than the whole is not one of its parts.
        if (figureInterval(f)[0] > totalHi) break;
        if (cs >= markerClauseEnd) beyondClause = true;
      }
    } else if (cs > at + word.length && STOP_CLAUSE.test(s.slice(at + word.length, f.start))) {
      break;
    }
    list.push(f);
    units.add(f.unit);
    clauseEndPos = ce;
    i = f.end;
  }
  return list.length ? { list, beyondClause: beyondClause && !opened } : null;
}

/** The code units a part written number first is followed by (NUMBER_FIRST_RE's first ones: 案由, 为, 是, 系, 属于, 涉及). */
const NUMBER_FIRST_FOLLOWERS = codeUnits('案为是系属涉');
/** The code units before a part written number first (numberFirstBreakdowns' opensClause). */
const NUMBER_FIRST_OPENERS = codeUnits(',，、');

/**
 * Whether two figures of a sentence could be parts written number first (numberFirstBreakdowns
 * needs two): each opens a clause and is followed by one of NUMBER_FIRST_FOLLOWERS. Code units
 * only: most sentences have none, and their counts are then not read at all.
 */
function mayHoldNumberFirstParts(s: string, sent: Sentence): boolean {
  let found = 0;
  const figs = sent.figures;
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i];
    if (f.start > sent.start && NUMBER_FIRST_OPENERS.has(s.charCodeAt(f.start - 1)) && NUMBER_FIRST_FOLLOWERS.has(codeAt(s, f.end)) && ++found === 2) return true;
  }
  return false;
}

/**
 * Parts written number first after a total, without a marker: 新收…案件2宗,1宗案由为行政许可,1宗案由为行政登记 ·
 * 共4件,2件为网络申请,2件为信函申请. Two such clauses at least, right after the total's clause.
 */
function numberFirstBreakdowns(ctx: FigureContext, sent: Sentence, counts: readonly Figure[]): Breakdown[] {
  const { s } = ctx;
  const out: Breakdown[] = [];
  const opensClause = (f: Figure) => f.start > sent.start && /[,，、]/.test(s[f.start - 1]);
  const isPart = (f: Figure, total: Figure) => opensClause(f) && NUMBER_FIRST_RE.test(s.slice(f.end, f.end + 4)) && sameMeasure(f, total);
  for (let i = 0; i < counts.length - 2; i++) {
    const total = counts[i];
    if (!isTotalLabel(clauseBefore(s, total, sent.start)) || isPart(counts[i + 1], total) === false) continue;
    const parts: Figure[] = [];
    let prevEnd = total.end;
    for (let j = i + 1; j < counts.length; j++) {
      const f = counts[j];
      // Each part opens the clause right after the previous one: one boundary, no semicolon or stop.
      const gap = s.slice(prevEnd, f.start);
      if (!isPart(f, total) || /[;；。]/.test(gap) || (gap.match(/[,，、]/g) ?? []).length !== 1) break;
      parts.push(f);
      prevEnd = f.end;
    }
    if (parts.length >= 2) out.push({ total, parts, exhaustive: false, marker: '', assumed: false, labels: null });
    i += parts.length;
  }
  return out;
}

/** The words BREAKDOWN_RE's matches start with (breakdownWordAt decides), searched from lastIndex. */
const BREAKDOWN_START_RE = /其中|内有|分别|包括|含/g;

/**
 * breakdownMarkers of the whole text, found by one native search for the words they start with
 * (most paragraphs hold none of them, and a loop over every code unit of every sentence with
 * figures was the costliest line of the sums): the same markers, in order. No two matches
 * overlap (no word's later code unit starts a word), so every marker starts a match here.
 */
export function textMarkers(s: string): readonly Marker[] {
  let out: Marker[] | null = null;
  const re = BREAKDOWN_START_RE;
  re.lastIndex = 0;
  while (re.test(s)) {
    const end = re.lastIndex;
    // Every word is two code units long but 含.
    const p = s.charCodeAt(end - 1) === 0x542b /* 含 */ ? end - 1 : end - 2;
    const length = breakdownWordAt(s, p);
    if (length) (out ??= []).push({ at: p, word: s.slice(p, p + length) });
  }
  return out ?? NO_MARKERS;
}

/**
 * textMarkers of `s` read at `starts` only: offsets holding every code unit of `s` a marker can
 * start with (其 内 分 包 含: ScanResult.markerStarts), ascending. No text is searched: the
 * scan's walk noted them.
 */
export function markersAt(s: string, starts: readonly number[]): readonly Marker[] {
  let out: Marker[] | null = null;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k];
    const length = breakdownWordAt(s, p);
    if (length) (out ??= []).push({ at: p, word: s.slice(p, p + length) });
  }
  return out ?? NO_MARKERS;
}

export function sumClaims(ctx: FigureContext): Claim[] {
  const claims: Claim[] = [];
  // The markers at the offsets the scan noted; no 其 内 包 含 or 分 that may start one (as the
  // scan saw): none searched for.
  const markers = ctx.markerStarts ? (ctx.markerStarts.length ? markersAt(ctx.s, ctx.markerStarts) : NO_MARKERS) : ctx.seen & WALK_MARKER ? textMarkers(ctx.s) : NO_MARKERS;
  let mi = 0;
  const sentences = ctx.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    if (!sent.figures.length) continue;
    // This sentence's markers: a run of the text's (both in order).
    let sentenceMarkers = NO_MARKERS;
    if (mi < markers.length) {
      while (mi < markers.length && markers[mi].at < sent.start) mi++;
      let end = mi;
      while (end < markers.length && markers[end].at < sent.end) end++;
      if (end > mi) sentenceMarkers = markers.slice(mi, end);
    }
    const breakdowns = findBreakdowns(ctx, sent, sentenceMarkers);
    for (let k = 0; k < breakdowns.length; k++) claims.push(sumClaim(ctx, breakdowns[k]));
  }
  const balance = balanceClaim(ctx);
  if (balance) claims.push(balance);
  return claims;
}

/**
 * A case ledger in one paragraph: 新收 + 上年结转 = 办结 + 结转下年, when each of the four accounts
 * is stated exactly once (in one unit family). A mismatch is a warning: it assumes the four
 * counts describe one body of cases.
 */
function balanceClaim(ctx: FigureContext): Claim | null {
  const { s, original } = ctx;
  // A label is a piece of the text: an account no label can name rules the claim out unread.
  // Every word of the carried-out account holds 结: one native search for it first (most
  // paragraphs have none; the expressions were each tried at every offset of the paragraph).
  if (s.indexOf('结') < 0) return null;
  for (let k = 0; k < BALANCE_ACCOUNTS.length; k++) if (!BALANCE_ACCOUNTS[k].re.test(s)) return null;
  const found = new Map<string, Figure[]>();
  const sentences = ctx.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    const figs = sent.figures;
    for (let i = 0; i < figs.length; i++) {
      const f = figs[i];
      if (!countable(s, f, sent.start)) continue;
      const label = labelBefore(s, f, sent.start);
      const hit = BALANCE_ACCOUNTS.find((a) => a.re.test(label));
      if (!hit) continue;
      const list = found.get(hit.account) ?? [];
      list.push(f);
      found.set(hit.account, list);
    }
  }
  const one = (k: string) => (found.get(k)?.length === 1 ? found.get(k)![0] : null);
  const [intake, carriedIn, closed, carriedOut] = [one('intake'), one('carriedIn'), one('closed'), one('carriedOut')];
  if (!intake || !carriedIn || !closed || !carriedOut) return null;
  if (![carriedIn, closed, carriedOut].every((f) => sameMeasure(f, intake)) || ![intake, carriedIn, closed, carriedOut].every(isExact)) return null;
  const inflow = intake.value + carriedIn.value;
  const outflow = closed.value + carriedOut.value;
  const label = (f: Figure) => labelBefore(s, f, 0);
  const t = (f: Figure) => figureText(original, f);
  const working = `${fc(intake.value)} + ${fc(carriedIn.value)} = ${fc(inflow)} ${inflow === outflow ? '=' : '≠'} ${fc(closed.value)} + ${fc(carriedOut.value)} = ${fc(outflow)}`;
  const ok = inflow === outflow;
  const header = both(
    `**收结平衡**（新收 + 上年结转 = 办结 + 结转下年）\n\n- 新收：${md(`${label(intake)} ${t(intake)}`)}\n- 上年结转：${md(`${label(carriedIn)} ${t(carriedIn)}`)}\n- 办结：${md(`${label(closed)} ${t(closed)}`)}\n- 结转下年：${md(`${label(carriedOut)} ${t(carriedOut)}`)}`,
    `**Case balance** (new + carried in = closed + carried out)\n\n- new: ${md(t(intake))}\n- carried in: ${md(t(carriedIn))}\n- closed: ${md(t(closed))}\n- carried out: ${md(t(carriedOut))}`,
  );
  return {
    kind: 'balance',
    anchor: closed,
    name: '收结平衡',
    inputs: [
      { role: 'part', figure: intake, label: label(intake) },
      { role: 'part', figure: carriedIn, label: label(carriedIn) },
      { role: 'total', figure: closed, label: label(closed) },
      { role: 'part', figure: carriedOut, label: label(carriedOut) },
    ],
    computed: inflow,
    verdict: ok ? 'consistent' : 'inconsistent',
    ...(ok ? { problem: 'equal' } : { severity: 'warning' as const, problem: 'balance' }),
    explanation: joinLines([
      header,
      ok ? both(`\n${working} ✓`, `\n${working} ✓`) : both(`\n${working}：收案与结案（含结转）不平衡 ✗\n\n（假定这四个数字是同一批案件的账目）`, `\n${working}: the intake and the outcome (with carry-overs) do not balance ✗\n\n(assumed: the four counts are one ledger of cases)`),
    ]),
    working: `${working} ${ok ? '✓' : '✗'}`,
    suggestions: [],
  };
}

/** What a warning about a breakdown assumed. */
const ASSUMED: LocalizedText = both(
  '\n（假定：后续分句或前一句的总数与这些分项属于同一组分项；如不是，请忽略）',
  '\n(assumed: the later clauses, or the total of the sentence before, belong to this breakdown; ignore this if they do not)',
);

export function sumClaim(ctx: FigureContext, b: Breakdown): Claim {
  const { s, original } = ctx;
  const labelOf = (f: Figure) => b.labels?.get(f) ?? labelBefore(s, f, 0);
  const [tLo, tHi] = figureInterval(b.total);
  let pLo = 0;
  let pHi = 0;
  let sum = 0;
  const label = labelOf(b.total);
  const inputs: ClaimInput[] = [{ role: 'total', figure: b.total, label }];
  // One loop (arrays made by .map and spread into a literal changed elements kind between runs
  // and de-optimised this function).
  for (let i = 0; i < b.parts.length; i++) {
    const p = b.parts[i];
    const [a, c] = figureInterval(p);
    pLo += a;
    pHi += c;
    sum += p.value;
  }
  // The working's strings are made when read (most totals are consistent and never shown).
  const sumExpr = (): string => {
    let t = '';
    for (let i = 0; i < b.parts.length; i++) t += i ? ` + ${formatCount(b.parts[i].value)}` : formatCount(b.parts[i].value);
    return t;
  };
  const totalText = figureText(original, b.total);
  const name = `${shortLabel(label, 14)}${totalText}`;
  for (let i = 0; i < b.parts.length; i++) inputs.push({ role: 'part', figure: b.parts[i], label: labelOf(b.parts[i]) });
  // Built when read (hover, statistics, a finding): most totals are consistent and never shown.
  const header = (): LocalizedText => {
    const partsMd = b.parts.map((p) => md(`${labelOf(p)} ${figureText(original, p)}`)).join(' + ');
    return both(`**${md(name)}**（合计核对）\n\n- 总数：${md(totalText)}\n- 分项：${partsMd}`, `**${md(name)}** (total vs breakdown)\n\n- total: ${md(totalText)}\n- parts: ${partsMd}`);
  };
  const exactAll = isExact(b.total) && b.parts.every(isExact);
  const sumLineOf = (): string => (b.parts.length > 1 ? `${sumExpr()} = ${formatCount(sum)}` : `${formatCount(sum)}`);
  if (pLo > tHi) {
    const sumLine = sumLineOf();
    return {
      kind: 'sum',
      anchor: b.total,
      name,
      inputs,
      computed: sum,
      verdict: 'inconsistent',
      severity: b.assumed ? 'warning' : 'error',
      problem: 'above',
      explanation: joinLines([
        header(),
        both(`\n${sumLine} > ${totalText}：分项之和超过总数 ✗`, `\n${sumLine} > ${totalText}: the parts add up to more than the total ✗`),
        ...(b.assumed ? [ASSUMED] : []),
      ]),
      working: `${sumLine} > ${formatCount(b.total.value)}`,
      suggestions: exactAll && b.total.arabic ? [{ figure: b.total, newText: String(sum), title: both(`将总数改为 ${sum}`, `Change the total to ${sum}`) }] : [],
    };
  }
  if (b.exhaustive && b.parts.length >= 2 && pHi < tLo) {
    const sumLine = sumLineOf();
    return {
      kind: 'sum',
      anchor: b.total,
      name,
      inputs,
      computed: sum,
      verdict: 'inconsistent',
      severity: 'warning',
      problem: 'below',
      explanation: joinLines([
        header(),
        both(`\n${sumLine} < ${totalText}：分项已列全（${md(b.marker)}），合计却少于总数 ✗`, `\n${sumLine} < ${totalText}: the breakdown is complete (${md(b.marker)}) yet falls short of the total ✗`),
      ]),
      working: `${sumLine} < ${formatCount(b.total.value)}`,
      suggestions: exactAll && b.total.arabic ? [{ figure: b.total, newText: String(sum), title: both(`将总数改为 ${sum}`, `Change the total to ${sum}`) }] : [],
    };
  }
  const equal = exactAll && sum === b.total.value;
  const verdictText = (): LocalizedText => {
    const sumLine = sumLineOf();
    return equal
      ? both(`\n${sumLine} = ${totalText} ✓`, `\n${sumLine} = ${totalText} ✓`)
      : both(`\n${sumLine} ≤ ${totalText}：分项不超过总数 ✓${b.parts.length === 1 ? '（部分列举）' : '（未必列全）'}`, `\n${sumLine} ≤ ${totalText}: within the total ✓${b.parts.length === 1 ? ' (a subset)' : ' (not necessarily all parts)'}`);
  };
  return lazyClaim(
    { kind: 'sum', anchor: b.total, name, inputs, computed: sum, verdict: 'consistent', problem: equal ? 'equal' : 'subset', suggestions: [] },
    () => joinLines([header(), verdictText()]),
    () => (equal ? `${sumExpr()} = ${formatCount(b.total.value)} ✓` : `${sumLineOf()} ≤ ${formatCount(b.total.value)} ✓`),
  );
}
