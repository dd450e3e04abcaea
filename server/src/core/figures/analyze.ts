/**
 * The figures layer of one document version: figures, sentences and claims,
 * computed once per Analysis (analysis.memo) and shared by the rules, the hover
 * and the statistics summary. Every step is linear in the document size: one
 * scan for numbers, one for sentences, and per-sentence work (plus a look at
 * the previous sentence) for the claims.
 */
import type { Analysis } from '../analysis';
import { splitLines } from '../document/document';
import { isJsSpaceCode } from '../document/chars';
import { tablesOf } from '../document/blocks/tables';
import { tableClaims } from './tables';
import type { Section } from '../outline/outline';
import { CONTINUES_PARAGRAPH_RE, PLAN_HEADING_RE } from './vocabulary';
import { simplify } from '../document/script';
import type { Claim } from './claim';
import type { LocalizedText } from '../l10n';
import { figureMovedBy, mayHoldNumber, scanFigures, WALK_LINE_BREAK, WALK_PINYIN_BRACKET, type Figure, type NonFigure } from './numbers';
import { boundClaims, findRateMentions, grimClaims, rateClaims, type FigureContext, type RateMention } from './rates';
import { NO_FIGURES as NO_SENTENCE_FIGURES, splitSentences, type Sentence } from './text';
import { sumClaim, sumClaims } from './sums';
import { completeShareSeries, findShares, shareClaims } from './shares';
import { changeClaims } from './changes';
import { countClaims } from './counts';
import { doublingClaims } from './doublings';
import { pointSeriesClaims } from './point-series';
import { isCandidate, repeatCandidates, repeatClaim, sameQuantity, type PlacedCandidate, type RepeatCandidate, type RepeatPair } from './repeats';
import { countBefore } from '../document/sorted';
import { codeUnits } from './code-units';
export { repeatClaim, type RepeatPair } from './repeats';

export interface FiguresAnalysis {
  figures: Figure[];
  skipped: NonFigure[];
  sentences: Sentence[];
  rates: RateMention[];
  claims: Claim[];
}

/**
 * The figures of one line, offsets relative to the line start. Every claim but a repeated
 * quantity lives within one line (sentences end at line breaks, and a rate or total is linked
 * to the previous sentence only on the same line), so this is computed line by line; the
 * repeats are compared over the whole document from `repeat`.
 */
export interface LineFigures extends FiguresAnalysis {
  /**
   * The counts that may restate a quantity, in order. Those of a sentence that compares with
   * other years are listed too and are no candidates (isCandidate, read when compared: pairRepeats).
   */
  repeat: RepeatCandidate[];
  /** The claims that are not consistent (what the rules report), in order. */
  flagged: Claim[];
}

export const FIGURES_MEMO_KEY = 'figures';
const LINES_MEMO_KEY = 'figure-lines';

/** The figures of every line of the document that has any (memoised per version). */
interface DocumentFigureLines {
  lines: Array<{ line: number; offset: number; data: LineFigures }>;
  /** The lines with claims that are not consistent. */
  flaggedLines: Array<{ line: number; offset: number; data: LineFigures }>;
  /** Quantities stated more than once: each later statement with the first. */
  pairs: RepeatPair[];
  /** The pairs whose values differ. */
  conflicts: RepeatPair[];
}

const EMPTY_LINE: LineFigures = Object.freeze({ figures: [], skipped: [], sentences: [], rates: [], claims: [], repeat: [], flagged: [] }) as unknown as LineFigures;

/** A line with a digit or a Chinese numeral can hold a figure (mayHoldNumber); others are skipped unread. */

function figureLines(analysis: Analysis): DocumentFigureLines {
  return analysis.memo(LINES_MEMO_KEY, () => {
    const { doc } = analysis;
    const lines: DocumentFigureLines['lines'] = [];
    // Headings and table rows always stand alone; other lines join their paragraph (a hard-wrapped sentence is one sentence).
    const alone = new Uint8Array(doc.lines.length);
    for (const h of analysis.outline.headings) alone[h.line] = 1;
    for (const t of tablesOf(doc)) for (let l = t.startLine; l <= t.endLine; l++) alone[l] = 1;
    // Markdown: fenced code and commented-out passages are not report text; read as blank lines.
    const hidden = doc.hiddenLines;
    const readLines = hidden ? doc.lines.map((l, i) => (hidden[i] ? { start: l.start, end: l.start } : l)) : doc.lines;
    for (const unit of paragraphUnits(doc.text, readLines, alone)) {
      const data = mayHoldNumber(doc.simplified, unit.start, unit.end) ? analyzeLine(flatSlice(doc.simplified, unit.start, unit.end), doc.text.slice(unit.start, unit.end)) : EMPTY_LINE;
      if (data.figures.length || data.skipped.length || data.claims.length) lines.push({ line: unit.line, offset: unit.start, data });
    }
    // Totals in tables (at document offsets: entries with offset 0, after the line's own entry).
    const tabled = tableClaims(analysis);
    if (tabled.length) {
      for (const { line, claim } of tabled) {
        lines.push({ line, offset: 0, data: { ...EMPTY_LINE, claims: [claim], flagged: claim.verdict === 'consistent' ? [] : [claim] } });
      }
      lines.sort((a, b) => a.line - b.line);
    }
    const flaggedLines: DocumentFigureLines['flaggedLines'] = [];
    for (const l of lines) if (l.data.flagged.length) flaggedLines.push(l);
    // The repeated quantities: every pair (the statistics and the hover) and the conflicts (what figure-conflict reports).
    const scopes = reportScopes(analysis);
    const plans = planSections(analysis);
    // One pass for every pair; the conflicts are the pairs whose values differ.
    const pairs = pairRepeats(lines, scopes, plans);
    const conflicts = pairs.filter((p) => p.later.candidate.figure.value !== p.earlier.candidate.figure.value);
    return { lines, flaggedLines, pairs, conflicts };
  });
}

/**
 * Pair each later statement of a quantity with the first, in document order, within one report
 * of a compilation (`scopeStarts`: the lines where reports start; none for a single report).
 */
function pairRepeats(lines: ReadonlyArray<{ line: number; offset: number; data: LineFigures }>, scopeStarts: readonly number[], planRanges: ReadonlyArray<[number, number]> = []): RepeatPair[] {
  // The first statement of each quantity, by label (a label's few quantities, of other units or
  // frames, compared one by one: sameQuantity); the plan part's quantities are kept apart.
  let firstByLabel = new Map<string, PlacedCandidate[]>();
  let firstInPlan = new Map<string, PlacedCandidate[]>();
  const pairs: RepeatPair[] = [];
  let nextScope = 0;
  let nextPlan = 0;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    // A compilation of reports: each report's quantities are its own.
    if (nextScope < scopeStarts.length && l.line >= scopeStarts[nextScope]) {
      while (nextScope < scopeStarts.length && l.line >= scopeStarts[nextScope]) nextScope++;
      firstByLabel = new Map();
      firstInPlan = new Map();
    }
    // The plan part of a report (2026年工作安排): its figures are targets, compared only with each other.
    while (nextPlan < planRanges.length && planRanges[nextPlan][1] < l.line) nextPlan++;
    const inPlan = nextPlan < planRanges.length && planRanges[nextPlan][0] <= l.line;
    const firsts = inPlan ? firstInPlan : firstByLabel;
    const repeat = l.data.repeat;
    for (let ri = 0; ri < repeat.length; ri++) {
      const candidate = repeat[ri];
      const placed: PlacedCandidate = { candidate, offset: l.offset, line: l.line };
      // A label stated once is never compared: whether its sentence compares with other years
      // (then it is no candidate: isCandidate) is read only once a second statement of it comes,
      // and the entries of `known` that are none are dropped then, as if never listed.
      const known = firsts.get(candidate.label);
      if (!known) {
        firsts.set(candidate.label, [placed]);
        continue;
      }
      if (!isCandidate(candidate)) continue;
      let kept = 0;
      for (let k = 0; k < known.length; k++) if (isCandidate(known[k].candidate)) known[kept++] = known[k];
      known.length = kept;
      let earlier: PlacedCandidate | undefined;
      for (let k = 0; k < known.length && !earlier; k++) if (sameQuantity(known[k].candidate, candidate)) earlier = known[k];
      if (earlier) pairs.push({ later: placed, earlier });
      else known.push(placed);
    }
  }
  return pairs;
}

/**
 * Where the reports of a compilation start (0-based lines, ascending): the top-level 第一部分,
 * 第二部分 … sections when there are at least two, else none (one report). The same words in two
 * reports of a compilation describe two different bodies' work, not one quantity stated twice.
 */
function reportScopes(analysis: Analysis): number[] {
  const parts = analysis.outline.sections.filter((s) => s.heading.style === 'part');
  return parts.length >= 2 ? parts.map((s) => s.heading.line) : [];
}

/**
 * The line ranges (0-based, inclusive, ascending, disjoint) of the sections that are the plan part
 * of a report: a heading saying 工作安排, 重点任务, 目标任务, 下一步 … (PLAN_HEADING_RE), with
 * everything under it.
 */
function planSections(analysis: Analysis): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const { doc } = analysis;
  const visit = (sections: readonly Section[]) => {
    for (const sec of sections) {
      if (PLAN_HEADING_RE.test(simplifiedTitle(doc, sec.heading))) {
        out.push([sec.heading.line, doc.positionAt(Math.max(sec.range.start, sec.range.end - 1)).line]);
        continue;
      }
      visit(sec.children);
    }
  };
  visit(analysis.outline.sections);
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * A heading's title in the simplified view: the document's own view of its range when the range
 * holds the title as written (always, for headings read from the text), else the title simplified
 * on its own. The document's view is already there; simplifying each title again cost more than
 * the rest of the plan search (a short string with a traditional character took the converter's
 * rare path, which V8 kept de-optimising).
 */
function simplifiedTitle(doc: Analysis['doc'], heading: Section['heading']): string {
  const { title, titleRange } = heading;
  if (titleRange.end - titleRange.start === title.length && doc.text.startsWith(title, titleRange.start)) return doc.simplified.slice(titleRange.start, titleRange.end);
  return simplify(title);
}

/** The pairs of statements of one quantity whose values differ, in document order (memoised per version). */
export function repeatConflicts(analysis: Analysis): RepeatPair[] {
  return figureLines(analysis).conflicts;
}

/** The lines with claims that are not consistent, relative to the line start. */
export function flaggedClaimLines(analysis: Analysis): ReadonlyArray<{ line: number; offset: number; data: LineFigures }> {
  return figureLines(analysis).flaggedLines;
}

/** A line's claim moved to document offsets (see claimLines). */
export function claimAt(c: Claim, offset: number): Claim {
  const moved = new Map<Figure, Figure>();
  return shiftClaim(c, (f) => {
    let g = moved.get(f);
    if (!g) moved.set(f, (g = shiftFigure(f, offset, f.index)));
    return g;
  });
}

/** The whole figures layer at document offsets (hover, statistics, semantic tokens). */
export function figuresOf(analysis: Analysis): FiguresAnalysis {
  return analysis.memo(FIGURES_MEMO_KEY, () => {
    const fl = figureLines(analysis);
    const out = assemble(fl.lines);
    pointAt(out, fl.pairs.map((p) => repeatClaim(p, analysis.doc.text)));
    return out;
  });
}

/**
 * Add the repeats (computed on their own copies of the figures) to an assembled analysis, pointing
 * them at its figures, and sort the claims into document order.
 */
function pointAt(out: FiguresAnalysis, repeats: Claim[]): void {
  if (repeats.length) {
    const remap = figureAtStart(out.figures);
    for (const c of repeats) out.claims.push(shiftClaim(c, remap));
  }
  out.claims.sort((a, b) => a.anchor.numStart - b.anchor.numStart);
}

/**
 * A function giving, for a figure, the last of `figures` with its numStart (or the figure itself
 * when none has): a binary search when `figures` are in document order (as assembled), else a map.
 */
function figureAtStart(figures: readonly Figure[]): (f: Figure) => Figure {
  let ordered = true;
  for (let i = 1; i < figures.length && ordered; i++) ordered = figures[i - 1].numStart <= figures[i].numStart;
  if (!ordered) {
    const byStart = new Map<number, Figure>();
    for (const f of figures) byStart.set(f.numStart, f);
    return (f) => byStart.get(f.numStart) ?? f;
  }
  return (f) => {
    // The last figure starting at or before f.numStart.
    const n = countBefore(figures, (g) => g.numStart <= f.numStart);
    return n > 0 && figures[n - 1].numStart === f.numStart ? figures[n - 1] : f;
  };
}

/**
 * Analyse a text (simplified view + original of the same length) as a document: line by line,
 * then the repeated quantities across lines. Offsets are offsets in the text.
 */
export function analyzeFigures(fullSimplified: string, fullOriginal: string = fullSimplified): FiguresAnalysis {
  const parts: Array<{ offset: number; line: number; data: LineFigures }> = [];
  const lines = splitLines(fullOriginal);
  for (const unit of paragraphUnits(fullOriginal, lines, new Uint8Array(lines.length))) {
    parts.push({ offset: unit.start, line: unit.line, data: analyzeLine(fullSimplified.slice(unit.start, unit.end), fullOriginal.slice(unit.start, unit.end)) });
  }
  const out = assemble(parts);
  pointAt(out, pairRepeats(parts, []).map((p) => repeatClaim(p, fullOriginal)));
  return out;
}

/**
 * Join line results into one analysis at document offsets (repeats excluded). A line's figures and
 * sentences carry their index in the line's lists, so their moved copies are found by index; only a
 * claim's figure outside the line's list (none today, but allowed) goes through a map, made on demand.
 */
function assemble(parts: Array<{ offset: number; line: number; data: LineFigures }>): FiguresAnalysis {
  const figures: Figure[] = [];
  const skipped: NonFigure[] = [];
  const sentences: Sentence[] = [];
  const rates: RateMention[] = [];
  const claims: Claim[] = [];
  for (const { offset, line, data } of parts) {
    const baseFigure = figures.length;
    for (const f of data.figures) figures.push(shiftFigure(f, offset, figures.length));
    let others: Map<Figure, Figure> | undefined;
    const fig = (f: Figure): Figure => {
      if (data.figures[f.index] === f) return figures[baseFigure + f.index];
      others ??= new Map();
      let g = others.get(f);
      if (!g) others.set(f, (g = shiftFigure(f, offset, f.index)));
      return g;
    };
    for (const x of data.skipped) skipped.push({ start: x.start + offset, end: x.end + offset, reason: x.reason });
    const baseSentence = sentences.length;
    const moveSentence = (st: Sentence): Sentence => ({ index: baseSentence + st.index, start: st.start + offset, end: st.end + offset, line, figures: st.figures.length ? st.figures.map(fig) : NO_SENTENCE_FIGURES });
    for (const st of data.sentences) sentences.push(moveSentence(st));
    const sent = (st: Sentence): Sentence => (data.sentences[st.index] === st ? sentences[baseSentence + st.index] : moveSentence(st));
    for (const r of data.rates) rates.push({ ...r, figure: fig(r.figure), sentence: sent(r.sentence) });
    for (const c of data.claims) claims.push(shiftClaim(c, fig));
  }
  return { figures, skipped, sentences, rates, claims };
}

function shiftFigure(f: Figure, d: number, index: number): Figure {
  return figureMovedBy(f, d, index);
}

/**
 * A line's claim at document offsets: its own figures, the rest read from the line's claim. The
 * explanation and the working are read through to it when asked (they may be built when read,
 * and their text does not depend on offsets); one class, so every moved claim has one shape.
 */
class MovedClaim {
  kind: Claim['kind'];
  anchor: Figure;
  name: string;
  inputs: Claim['inputs'];
  computed: Claim['computed'];
  verdict: Claim['verdict'];
  method: Claim['method'];
  severity: Claim['severity'];
  problem: Claim['problem'];
  tried: Claim['tried'];
  suggestions: Claim['suggestions'];
  related: Claim['related'];
  readonly #line: Claim;
  constructor(c: Claim, fig: (f: Figure) => Figure) {
    this.#line = c;
    this.kind = c.kind;
    this.anchor = fig(c.anchor);
    this.name = c.name;
    // By push: one array map for every moved claim's inputs (the rules read them).
    const inputs: Claim['inputs'] = [];
    for (let k = 0; k < c.inputs.length; k++) inputs.push({ ...c.inputs[k], figure: fig(c.inputs[k].figure) });
    this.inputs = inputs;
    this.computed = c.computed;
    this.verdict = c.verdict;
    this.method = c.method;
    this.severity = c.severity;
    this.problem = c.problem;
    this.tried = c.tried;
    // Array.from, not .length and .map: the suggestion lists of the claim builders have several
    // array maps (empty literals, one-item literals …), and the map checks inlined for .length and
    // .map de-optimised the caller (flaggedClaims) when a new one came by; Array.from is not inlined.
    this.suggestions = Array.from(c.suggestions, (sg) => ({ ...sg, figure: fig(sg.figure) }));
    this.related = c.related && fig(c.related);
  }
  get explanation(): LocalizedText {
    return this.#line.explanation;
  }
  get working(): string {
    return this.#line.working;
  }
}

/** The fields MovedClaim carries; any other field of a line's claim is copied as it is. */
const MOVED_FIELDS = new Set(['kind', 'anchor', 'name', 'inputs', 'computed', 'verdict', 'method', 'severity', 'problem', 'tried', 'suggestions', 'related', 'explanation', 'working']);

/** A line's claim at document offsets; `fig` moves a figure (the same copy for every claim of one line). */
function shiftClaim(c: Claim, fig: (f: Figure) => Figure): Claim {
  const moved = new MovedClaim(c, fig);
  for (const key of Object.keys(c)) if (!MOVED_FIELDS.has(key)) (moved as unknown as Record<string, unknown>)[key] = (c as unknown as Record<string, unknown>)[key];
  return moved;
}

/** Analyse one line (simplified view + original of the same length); offsets relative to it. */
export function analyzeLine(lineSimplified: string, lineOriginal: string = lineSimplified): LineFigures {
  // Pinyin residue (區(qū), 調(diào)解) is cut out before analysis so 調解率 reads as one word;
  // offsets are mapped back to the line at the end. Whether there may be any (MAY_HOLD_PINYIN_RE:
  // a line break, or a bracket before a Latin letter) the scan's walk sees: the line is scanned
  // first, and scanned again, cut, in the rare case that it holds pinyin.
  let scan = scanFigures(lineSimplified, lineOriginal);
  let cut: CutText = UNCUT;
  if (scan.seen & WALK_PINYIN_BRACKET) cut = withoutPinyin(lineSimplified, lineOriginal);
  // Line breaks only (a hard-wrapped paragraph): cut where the scan saw them, no expression run.
  else if (scan.seen & WALK_LINE_BREAK) cut = withoutLineBreaks(lineSimplified, lineOriginal, scan.sentenceEnds);
  if (cut.map) scan = scanFigures(cut.simplified, cut.original);
  const simplified = cut.map ? cut.simplified : lineSimplified;
  const original = cut.map ? cut.original : lineOriginal;
  const { map, mapLength } = cut;
  const { figures, skipped, tokens, sentenceEnds, seen, markerStarts } = scan;
  const sentences = splitSentences(simplified, figures, sentenceEnds);
  const ctx: FigureContext = { s: simplified, original, sentences, tokens, seen, markerStarts };
  // A number of listed items (三向, 三类) is a claim whether or not the scanner took it for a figure.
  const counts = countClaims(ctx);
  // Every other claim is about a figure: a line with numbers that are not figures (years, dates …) has none.
  if (!figures.length) {
    if (!map) return { figures, skipped, sentences, rates: NO_RATES, claims: counts, repeat: NO_REPEATS, flagged: counts.length ? counts.filter((c) => c.verdict !== 'consistent') : NO_CLAIMS };
    // A cut paragraph (hard-wrapped, or with pinyin) without figures: its counts, skipped numbers
    // and sentences moved back, no claim finder run.
    const claims = counts.length > 1 && !inAnchorOrder(counts) ? counts.slice().sort((a, b) => a.anchor.numStart - b.anchor.numStart) : counts;
    return movedBack({ figures, skipped, sentences, rates: NO_RATES, claims, repeat: NO_REPEATS, flagged: NO_CLAIMS }, map, mapLength, lineOriginal.length);
  }
  const rates = findRateMentions(ctx);
  const claims: Claim[] = [];
  // Most paragraphs have no rate, share or breakdown: no sets are made for them.
  if (rates.length) {
    const rc = rateClaims(ctx, rates);
    pushAll(claims, rc);
    const linked = new Set<Figure>();
    for (const c of rc) if (c.inputs.length > 1) linked.add(c.anchor);
    pushAll(claims, boundClaims(ctx, rates));
    pushAll(claims, grimClaims(ctx, rates, linked));
  }
  const shares = findShares(ctx, rates);
  if (shares.length) pushAll(claims, shareClaims(ctx, shares));
  const sums = sumClaims(ctx);
  pushAll(claims, sums);
  // A series of shares of one whole adding up to 100% is a complete breakdown (unless a 其中 list already is).
  if (shares.length) {
    const inSums = new Set<Figure>();
    for (const c of sums) for (const i of c.inputs) if (i.role === 'part') inSums.add(i.figure);
    for (const series of completeShareSeries(shares)) {
      if (series.parts.some((p) => inSums.has(p))) continue;
      claims.push(sumClaim(ctx, { total: series.base, parts: series.parts, exhaustive: true, marker: '占…%', assumed: series.assumed, labels: null }));
    }
  }
  pushAll(claims, changeClaims(ctx));
  pushAll(claims, counts);
  pushAll(claims, doublingClaims(ctx));
  pushAll(claims, pointSeriesClaims(ctx));
  const repeat = repeatCandidates(ctx);
  // A stable sort of claims already in order (most lines) changes nothing: it is not made.
  if (claims.length > 1 && !inAnchorOrder(claims)) claims.sort((a, b) => a.anchor.numStart - b.anchor.numStart);
  if (map) return movedBack({ figures, skipped, sentences, rates, claims, repeat, flagged: NO_CLAIMS }, map, mapLength, lineOriginal.length);
  let flagged = NO_CLAIMS;
  for (const c of claims) if (c.verdict !== 'consistent') (flagged === NO_CLAIMS ? (flagged = []) : flagged).push(c);
  return { figures, skipped, sentences, rates, claims, repeat, flagged };
}

/**
 * The figures of a paragraph analysed with its pinyin cut out (withoutPinyin), at offsets in the
 * paragraph as written (`map`: offset in the cut text → offset in the paragraph, `mapLength` of
 * them; `length`: the paragraph's). Figures, sentences, rates, skipped numbers and repeat
 * candidates are moved copies; each claim is a MovedClaim over the claim as made, so an
 * explanation built when read (hover, a finding) is built from the cut text and the figures as
 * they were, exactly as it would have been before the move, and none is built unless read.
 */
function movedBack(cut: LineFigures, map: Int32Array, mapLength: number, length: number): LineFigures {
  const at = (i: number) => (i < mapLength ? map[i] : length);
  const end = (i: number) => (i > 0 ? at(i - 1) + 1 : 0);
  // Every figure is moved once (a claim's figure outside the scan, a count's item, too): one copy each.
  const moved = new Map<Figure, Figure>();
  const fig = (f: Figure): Figure => {
    let g = moved.get(f);
    if (!g) {
      g = figureMovedBy(f, 0, f.index);
      g.start = at(f.start);
      g.numStart = at(f.numStart);
      g.end = end(f.end);
      g.numEnd = end(f.numEnd);
      moved.set(f, g);
    }
    return g;
  };
  const figures = cut.figures.map(fig);
  const skipped: NonFigure[] = cut.skipped.map((x) => ({ start: at(x.start), end: end(x.end), reason: x.reason }));
  const moveSentence = (st: Sentence): Sentence => ({ index: st.index, start: at(st.start), end: end(st.end), line: st.line, figures: st.figures.length ? st.figures.map(fig) : NO_SENTENCE_FIGURES });
  const sentences = cut.sentences.map(moveSentence);
  const sent = (st: Sentence): Sentence => (cut.sentences[st.index] === st ? sentences[st.index] : moveSentence(st));
  const rates = cut.rates.length ? cut.rates.map((r) => ({ ...r, figure: fig(r.figure), sentence: sent(r.sentence) })) : cut.rates;
  const claims = cut.claims.map((c) => shiftClaim(c, fig));
  const repeat = cut.repeat.length ? cut.repeat.map((c) => ({ ...c, figure: fig(c.figure) })) : cut.repeat;
  let flagged = NO_CLAIMS;
  for (const c of claims) if (c.verdict !== 'consistent') (flagged === NO_CLAIMS ? (flagged = []) : flagged).push(c);
  return { figures, skipped, sentences, rates, claims, repeat, flagged };
}

/**
 * text.slice(start, end) as a string of its own (a sequential string): a slice of a longer text
 * is a view of it, which every code-unit read goes through (about a third slower in the loops of
 * the scan), so the paragraph that is read many times is copied once (two halves joined: V8
 * joins into a new sequential string, where a single slice stays a view).
 */
function flatSlice(text: string, start: number, end: number): string {
  if (end - start < 32) return text.slice(start, end);
  const mid = (start + end) >> 1;
  return [text.slice(start, mid), text.slice(mid, end)].join('');
}

/** Whether claims are in the order of their anchors' numStart already. */
function inAnchorOrder(claims: readonly Claim[]): boolean {
  for (let i = 1; i < claims.length; i++) if (claims[i - 1].anchor.numStart > claims[i].anchor.numStart) return false;
  return true;
}

const NO_CLAIMS: Claim[] = Object.freeze([]) as unknown as Claim[];
/** The rates and repeat candidates of a paragraph without figures (none; shared, never written to). */
const NO_RATES: RateMention[] = Object.freeze([]) as unknown as RateMention[];
const NO_REPEATS: RepeatCandidate[] = Object.freeze([]) as unknown as RepeatCandidate[];

/** Append `items` to `to` (no spread arguments: most lists here are empty or short). */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/** A run of lines read as one paragraph: offsets in the text, and its first line. */
interface Unit {
  line: number;
  start: number;
  end: number;
}

/**
 * A line that ends a paragraph: terminal punctuation (`[。！？!?；;：:”’」』】》]\s*$`, tested by code
 * unit: PARAGRAPH_ENDS), or too short to be a hard-wrapped line (a title).
 */
const MIN_WRAPPED_LINE = 16;
/** A line that starts something new (a list item, a quote, a table row, a Markdown heading). */
const STARTS_BLOCK = /^\s*(?:[-*+>#|]|\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）])/;

/**
 * The paragraphs of a text for the figures engine: consecutive non-blank lines joined when the
 * earlier one was hard-wrapped mid-sentence (no terminal punctuation, a full line) and the later
 * one does not start a block; lines marked `alone` (headings, table rows) are never joined.
 * Linear in the number of lines.
 */
export function paragraphUnits(text: string, lines: ReadonlyArray<{ start: number; end: number }>, alone: Uint8Array): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  // The last paragraph, ended by a full stop and followed only by blank lines: a paragraph opening
  // with an explicit back reference (其中，… / 受理案件中，…) continues it.
  let ended: Unit | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    // The line without the white space around it, by code unit (what trim() and \s see).
    let first = start;
    while (first < end && isJsSpaceCode(text.charCodeAt(first))) first++;
    if (first === end) {
      current = null;
      continue;
    }
    if (!current && ended && !alone[i] && CONTINUES_PARAGRAPH_RE.test(text.slice(start, end))) current = ended;
    ended = null;
    let last = end - 1;
    while (isJsSpaceCode(text.charCodeAt(last))) last--;
    if (current && !alone[i] && !STARTS_BLOCK.test(text.slice(start, end))) {
      current.end = end;
    } else {
      current = { line: i, start, end };
      out.push(current);
    }
    if (!alone[i] && text.charCodeAt(last) === 0x3002 && current) ended = current;
    if (alone[i] || PARAGRAPH_ENDS.has(text.charCodeAt(last)) || last + 1 - first < MIN_WRAPPED_LINE) current = null;
  }
  return out;
}

/** The characters that end a paragraph when last on a line (the class above), by code unit. */
const PARAGRAPH_ENDS = codeUnits('。！？!?；;：:”’」』】》');


/**
 * Cut out before analysis: a CJK character's (pinyin) — 區(qū), 發(fā) — and the line breaks of a
 * hard-wrapped paragraph with the spaces around them (a sentence wrapped over two lines is one
 * sentence, and 审\n结 is one word).
 */
const PINYIN_RE = /(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]|[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*/g;

/**
 * What PINYIN_RE needs somewhere in a text: a line break, or a ( or （ followed by a–z or a code
 * unit of U+00E0–U+01FF (which holds every tone-marked letter, ü, ń, ň and ǹ of PINYIN_RE: a
 * superset, a prefilter). One native search; most paragraphs have none.
 */
export const MAY_HOLD_PINYIN_RE = /[\n\r]|[(（][a-z\u00e0-\u01ff]/;

/**
 * The map of the last text withoutPinyin cut (offset in the cut text → offset in the line): one
 * buffer, grown when needed (a typed array per hard-wrapped paragraph was a visible cost); read
 * only by analyzeLine, before the next paragraph is cut.
 */
let pinyinMap = new Int32Array(1024);

/** A line with its pinyin cut out (withoutPinyin), or (map null) the line as it is. */
export interface CutText {
  simplified: string;
  original: string;
  map: Int32Array | null;
  mapLength: number;
}
const UNCUT: CutText = { simplified: '', original: '', map: null, mapLength: 0 };

export function withoutPinyin(simplified: string, original: string): CutText {
  // Pinyin needs a bracket with a Latin letter after it: most paragraphs have none (or only
  // brackets such as （一）) and skip the lookbehind scan.
  if (!MAY_HOLD_PINYIN_RE.test(simplified)) return { simplified, original, map: null, mapLength: 0 };
  PINYIN_RE.lastIndex = 0;
  if (!PINYIN_RE.test(simplified)) return { simplified, original, map: null, mapLength: 0 };
  PINYIN_RE.lastIndex = 0;
  if (pinyinMap.length < simplified.length) pinyinMap = new Int32Array(Math.max(simplified.length, 2 * pinyinMap.length));
  const map = pinyinMap;
  let s = '';
  let o = '';
  let n = 0;
  let last = 0;
  const copy = (from: number, to: number) => {
    s += simplified.slice(from, to);
    o += original.slice(from, to);
    for (let i = from; i < to; i++) map[n++] = i;
  };
  let m: RegExpExecArray | null;
  while ((m = PINYIN_RE.exec(simplified))) {
    copy(last, m.index);
    last = m.index + m[0].length;
  }
  copy(last, simplified.length);
  return { simplified: s, original: o, map, mapLength: n };
}

/** A code unit of PINYIN_RE's line-break runs: space, tab, ideographic space, \r, \n. */
function isBreakRunUnit(c: number): boolean {
  return c === 0x20 || c === 9 || c === 0x3000 || c === 10 || c === 13;
}

/**
 * withoutPinyin of a text where no ( or （ is followed by what a pinyin syllable starts with (the
 * scan's WALK_PINYIN_BRACKET is clear), so that only PINYIN_RE's second alternative can match:
 * every line break with the spaces, tabs and ideographic spaces around it, that is every maximal
 * run of those code units and line breaks that holds a line break. `breaks` are offsets in
 * ascending order that include every line break of the text (the scan's sentenceEnds); the cut
 * text and its map are the ones withoutPinyin makes, built without running the expression.
 */
export function withoutLineBreaks(simplified: string, original: string, breaks: readonly number[]): CutText {
  const n = simplified.length;
  if (pinyinMap.length < n) pinyinMap = new Int32Array(Math.max(n, 2 * pinyinMap.length));
  const map = pinyinMap;
  let s = '';
  let o = '';
  let m = 0;
  let last = 0;
  for (let k = 0; k < breaks.length; k++) {
    const at = breaks[k];
    if (at < last) continue; // inside the run already cut
    const c = simplified.charCodeAt(at);
    if (c !== 10 && c !== 13) continue;
    let start = at;
    while (start > last && isBreakRunUnit(simplified.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < n && isBreakRunUnit(simplified.charCodeAt(end))) end++;
    s += simplified.slice(last, start);
    o += original.slice(last, start);
    for (let i = last; i < start; i++) map[m++] = i;
    last = end;
  }
  if (last === 0) return { simplified, original, map: null, mapLength: 0 };
  s += simplified.slice(last, n);
  o += original.slice(last, n);
  for (let i = last; i < n; i++) map[m++] = i;
  return { simplified: s, original: o, map, mapLength: m };
}
