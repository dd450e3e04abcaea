/**
 * Changes: 同比增长/下降 x% checked only when both the current and the base figure are
 * stated, in one of these shapes (same sentence):
 *   由A增加到B,增长x%        从59.70%上升至61.74%,提高2.04个百分点
 *   B件,比上年(同期)的A件增长x%     B件,较去年A件减少N件
 *   B件,同比增长x%(上年同期为A件)
 * Between two percentages the change is either percentage points (61.74 − 59.70) or a
 * relative change; "上升2.04%" where 2.04 is the difference in points is the classic slip
 * (percent-point). A decrease of more than 100% is impossible for a non-negative quantity.
 */
import type { Claim, ClaimInput } from './claim';
import type { Figure } from './numbers';
import { figureInterval } from './numbers';
import { changeInterval, formatAt, formatCount, formatWorking, matchPercent, type Interval } from './arithmetic';
import { both, figureText, joinLines, md } from './explain';
import { labelBefore, type Sentence } from './text';
import type { FigureContext } from './rates';
import { DOWN_WORDS, UP_WORDS } from './vocabulary';
import { codeUnits, groupByUnit } from './code-units';

const UP = UP_WORDS;
const DOWN = DOWN_WORDS;
const CHANGE_WORD_RE = new RegExp(`(${UP}|${DOWN})了?(?:为|达)?$`);
const DOWN_RE = new RegExp(`^(${DOWN})`);
/** Clause text right before a change figure: (同比)增长 / 比上年的A件增加. */
const BEFORE_CHANGE_RE = new RegExp(`(?:同比|环比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|较去年同期|较|比)?(?:${UP}|${DOWN})了?(?:为|达)?$`);

/** Between the current figure and the base: ,比上年同期的 / ,较去年 / ,与2023年的…相比? (not supported) */
const COMPARE_LEAD_RE = /^[,，]?(?:[\u4e00-\u9fff]{1,4}?[量数])?(?:同比)?(?:比|较)(?:上年|去年|上一年|上一年度|上年度|\d{4}年)?(?:同期)?(?:的)?$/;
const CHANGE_ONLY_RE = new RegExp(`^(?:${UP}|${DOWN})了?(?:为|达)?$`);

interface ChangeShape {
  current: Figure;
  base: Figure;
  change: Figure;
  down: boolean;
  /** 年均增长x% over a span: the years between the two figures, or null when not stated. */
  annual?: { years: number | null };
}

/** 由/从 (2020年(的)) before the first figure of 由A增长到B. */
const FROM_RE = /[由从](?:((?:19|20)\d\d)年(?:底|末)?(?:的)?)?$/;
/** Between the two figures: (增长)到 (2025年(的)). */
const TO_RE = new RegExp(`^[^,，;；。]{0,6}?(?:${UP}|${DOWN})?(?:到|至)(?:((?:19|20)\\d\\d)年(?:底|末)?(?:的)?)?$`);
/** Between the second figure and the change: only a separator and the change word (年均增长) — no new subject. */
const AFTER_TO_RE = new RegExp(`^[,，、]?\\s*(?:累计|共计?|总计|分别)?(年均|年平均|平均每年|每年平均)?(?:${UP}|${DOWN})了?(?:为|达|约)?$`);
/** A figure's value in the previous period, in brackets right after it: 7976件(2019年6593件). */
const BRACKET_BASE_RE = /^[(（](?:(?:19|20)\d\d年|上年|去年|上一年|上年同期|去年同期)(?:同期)?(?:为|是)?$/;

function dirOf(word: string): boolean {
  return DOWN_RE.test(word);
}

/** The change word right before a figure (增长, 下降了 …), or null. */
export function changeWordBefore(s: string, f: Figure, min: number): string | null {
  // A match ends the text before the figure: with one of these characters (most figures have none before them).
  if (f.start <= min || !CHANGE_WORD_LAST.has(s.charCodeAt(f.start - 1))) return null;
  // The match ends with a change word, then 了 and 为/达 if there (none of which ends a change
  // word): past those, the last character of a change word must stand, within the slice.
  const from = Math.max(min, f.start - 12);
  let e = f.start;
  let c = s.charCodeAt(e - 1);
  if (c === 0x4e3a /* 为 */ || c === 0x8fbe /* 达 */) c = s.charCodeAt(--e - 1);
  if (c === 0x4e86 /* 了 */) c = s.charCodeAt(--e - 1);
  if (e - 1 < from || !CHANGE_WORD_END.has(c)) return null;
  // CHANGE_WORD_RE's match in s[from, f.start), read by hand: its leftmost start, the first word
  // there (in the expression's order) followed by 了?(?:为|达)? to the figure. A match is at most
  // a word and two code units long, so only the last few starts can hold one.
  for (let p = Math.max(from, f.start - MAX_CHANGE_WORD - 2); p < f.start; p++) {
    const slot = CHANGE_WORD_SLOT.get(s.charCodeAt(p));
    if (!slot) continue;
    // The words starting with this code unit, in the expression's order; the rest compared by code unit.
    const list = CHANGE_WORD_LISTS[slot - 1];
    for (let k = 0; k < list.length; k++) {
      const w = list[k];
      const end = p + w.length;
      if (end > f.start) continue;
      let j = 1;
      while (j < w.length && s.charCodeAt(p + j) === w.charCodeAt(j)) j++;
      if (j === w.length && isChangeTail(s, end, f.start)) return w;
    }
  }
  return null;
}

/** CHANGE_WORD_RE's words, in its order. */
const CHANGE_WORDS = `${UP}|${DOWN}`.split('|');
const MAX_CHANGE_WORD = Math.max(...CHANGE_WORDS.map((w) => w.length));
/** CHANGE_WORDS by their first code unit (1 + the index of a list of CHANGE_WORD_LISTS, or 0), in order within each list. */
const { slot: CHANGE_WORD_SLOT, lists: CHANGE_WORD_LISTS } = groupByUnit(CHANGE_WORDS, (w) => w.charCodeAt(0));

/** Whether s[from, to) is what follows the word in CHANGE_WORD_RE: 了?(?:为|达)?. */
function isChangeTail(s: string, from: number, to: number): boolean {
  let i = from;
  if (i < to && s.charCodeAt(i) === 0x4e86 /* 了 */) i++;
  if (i < to && (s.charCodeAt(i) === 0x4e3a /* 为 */ || s.charCodeAt(i) === 0x8fbe) /* 达 */) i++;
  return i === to;
}

/** The characters CHANGE_WORD_RE's matches end with: the last of each change word, 了, 为 and 达. */
/** The last characters of the change words themselves. */
const CHANGE_WORD_END = codeUnits(`${UP}|${DOWN}`.split('|').map((w) => w.charCodeAt(w.length - 1)));
const CHANGE_WORD_LAST = codeUnits([...`${UP}|${DOWN}`.split('|').map((w) => w.charCodeAt(w.length - 1)), ...[...'了为达'].map((c) => c.charCodeAt(0))]);

function sameKind(a: Figure, b: Figure): boolean {
  if (a.kind === 'percent' || b.kind === 'percent') return a.kind === b.kind;
  return a.kind === 'count' && b.kind === 'count' && a.family === b.family;
}

/** The shapes of a sentence without any (shared, never modified). */
const NO_SHAPES: ChangeShape[] = [];

function findChanges(ctx: FigureContext, sent: Sentence): ChangeShape[] {
  const { s } = ctx;
  const figs = sent.figures;
  // Every shape is about a change figure: a sentence without figures has none.
  if (!figs.length) return NO_SHAPES;
  const out: ChangeShape[] = [];
  // The shape each change figure was read into (made on the first shape: most sentences have none).
  let shaped: Map<Figure, ChangeShape> | undefined;
  // 7976件(2019年6593件): pairs of a figure and its previous-period value, in order.
  const bracketPairs: Array<{ current: Figure; base: Figure }> = [];
  for (let j = 0; j + 1 < figs.length; j++) {
    const x = figs[j];
    const y = figs[j + 1];
    // BRACKET_BASE_RE opens with a bracket right after the first figure.
    const open = s.charCodeAt(x.end);
    if (open !== 0x28 && open !== 0xff08) continue;
    if (sameKind(x, y) && BRACKET_BASE_RE.test(s.slice(x.end, y.start)) && /^[)）]/.test(s.slice(y.end, y.end + 1))) bracketPairs.push({ current: x, base: y });
  }
  let pairsUsed = 0;
  for (let i = 0; i < figs.length; i++) {
    const change = figs[i];
    if (change.kind !== 'percent' && change.kind !== 'points' && change.kind !== 'count' && change.kind !== 'times') continue;
    const word = changeWordBefore(s, change, sent.start);
    if (!word) continue;
    const down = dirOf(word);
    // Shape 1: 由A…(到|至)B, (年均)增长x  — A and B are the two figures before the change.
    if (i >= 2) {
      const a = figs[i - 2];
      const b = figs[i - 1];
      // The kinds first (no text read for figures of two kinds).
      const from = sameKind(a, b) ? FROM_RE.exec(s.slice(Math.max(sent.start, a.start - 10), a.start)) : null;
      const to = from && TO_RE.exec(s.slice(a.end, b.start));
      const tail = to && AFTER_TO_RE.exec(s.slice(b.end, change.start));
      if (from && to && tail) {
        const annual = tail[1] ? { years: from[1] && to[1] ? Number(to[1]) - Number(from[1]) : null } : undefined;
        out.push({ current: b, base: a, change, down, ...(annual ? { annual } : {}) });
        (shaped ??= new Map()).set(change, out[out.length - 1]);
        continue;
      }
    }
    // Shape 2: B件,比上年(同期)(的)?A件增长x%
    if (i >= 2) {
      const a = figs[i - 1];
      const b = figs[i - 2];
      if (sameKind(a, b) && COMPARE_LEAD_RE.test(s.slice(b.end, a.start)) && CHANGE_ONLY_RE.test(s.slice(a.end, change.start))) {
        out.push({ current: b, base: a, change, down });
        (shaped ??= new Map()).set(change, out[out.length - 1]);
        continue;
      }
    }
    // Shape 3: B件,同比增长x%(上年同期为A件)
    if (i >= 1 && i + 1 < figs.length) {
      const b = figs[i - 1];
      const a = figs[i + 1];
      const after = s.slice(change.end, a.start);
      if (/^[(（](?:上年|去年|上年同期|去年同期|\d{4}年)(?:同期)?(?:为|是)$/.test(after) && sameKind(a, b) && /^[,，]?(?:同比|比上年|较上年)?$/.test(s.slice(b.end, change.start).replace(BEFORE_CHANGE_RE, ''))) {
        out.push({ current: b, base: a, change, down });
        (shaped ??= new Map()).set(change, out[out.length - 1]);
        continue;
      }
    }
    // Shape 4: B件,较上年A件增加D件,同比增长x% — the percentage after an absolute difference.
    if (i >= 1 && change.kind === 'percent') {
      const prior = shaped?.get(figs[i - 1]);
      if (prior && prior.change.kind === 'count' && /^[,，]?(?:同比|比上年|较上年)?$/.test(s.slice(figs[i - 1].end, change.start).replace(BEFORE_CHANGE_RE, ''))) {
        out.push({ current: prior.current, base: prior.base, change, down });
        (shaped ??= new Map()).set(change, out[out.length - 1]);
        continue;
      }
    }
    // Shape 5: A件(2019年a件),B件(2019年b件),同比分别增长x%和y% — in order; or one pair and one change.
    if (change.kind === 'percent' && pairsUsed < bracketPairs.length) {
      let upTo = pairsUsed;
      while (upTo < bracketPairs.length && bracketPairs[upTo].base.end < change.start) upTo++;
      const pending = bracketPairs.slice(pairsUsed, upTo);
      // Pairs before this percentage are this change's or nobody's (each pair is looked at once).
      pairsUsed = upTo;
      if (!pending.length) continue;
      const respectively = /分别$/.test(s.slice(Math.max(sent.start, change.start - 8), change.start).replace(CHANGE_WORD_RE, ''));
      const changes = [change];
      if (respectively) {
        for (let k = i + 1; k < figs.length && changes.length < pending.length; k++) {
          if (figs[k].kind !== 'percent' || !/^[和、及与,，]$/.test(s.slice(figs[k - 1].end, figs[k].start))) break;
          changes.push(figs[k]);
        }
      }
      const between = s.slice(pending[pending.length - 1].base.end + 1, change.start);
      if (!/^[,，]?(?:同比)?(?:分别)?/.test(between) || /[;；。]/.test(between) || (between.match(/[,，]/g) ?? []).length > 1) continue;
      if (respectively ? changes.length !== pending.length : pending.length !== 1) continue;
      changes.forEach((c, k) => {
        const shape = { current: pending[k].current, base: pending[k].base, change: c, down };
        out.push(shape);
        (shaped ??= new Map()).set(c, shape);
      });
      i += changes.length - 1;
    }
  }
  return out;
}

function interval(f: Figure): Interval {
  return f.kind === 'count' ? figureInterval(f) : percentInterval(f);
}

function percentInterval(f: Figure): Interval {
  const h = 0.5 * Math.pow(10, -f.decimals);
  if (f.approx === 'about') return [-Infinity, Infinity];
  return [f.approx === 'atMost' ? -Infinity : f.value - h, f.approx === 'atLeast' ? Infinity : f.value + h];
}

export function changeClaims(ctx: FigureContext): Claim[] {
  const { s, original } = ctx;
  const claims: Claim[] = [];
  // The changes found (most paragraphs have none: the set is made for the first).
  let seen: Set<Figure> | null = null;
  const sentences = ctx.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    const shapes = findChanges(ctx, sent);
    for (let k = 0; k < shapes.length; k++) {
      const c = shapes[k];
      (seen ??= new Set<Figure>()).add(c.change);
      claims.push(changeClaim(ctx, c));
    }
    // A decrease above 100% cannot happen to a non-negative quantity, base stated or not.
    const figs = sent.figures;
    for (let k = 0; k < figs.length; k++) {
      const f = figs[k];
      if (f.kind !== 'percent' || seen?.has(f) || f.value <= 100 || f.approx === 'atMost' || f.approx === 'about') continue;
      const word = changeWordBefore(s, f, sent.start);
      if (!word || !dirOf(word)) continue;
      claims.push({
        kind: 'change',
        anchor: f,
        name: `${word}${figureText(original, f)}`,
        inputs: [{ role: 'change', figure: f, label: word }],
        computed: null,
        verdict: 'inconsistent',
        problem: 'decrease-over-100',
        explanation: both(
          `**${md(word)}${md(figureText(original, f))}**\n\n非负的数量最多减少 100%（减到零），不可能${md(word)} ${f.printed}% ✗`,
          `**${md(word)}${md(figureText(original, f))}**\n\nA non-negative quantity can fall by at most 100% (to zero), not by ${f.printed}% ✗`,
        ),
        working: `−${f.printed}% < −100%`,
        suggestions: [],
      });
    }
  }
  return claims;
}

function changeClaim(ctx: FigureContext, c: ChangeShape): Claim {
  if (c.annual) return annualClaim(ctx, c, c.annual.years);
  if (c.change.kind === 'times') return multipleClaim(ctx, c);
  const { s, original } = ctx;
  const { current, base, change, down } = c;
  const label = (f: Figure) => labelBefore(s, f, 0);
  const inputs: ClaimInput[] = [
    { role: 'change', figure: change, label: changeWordBefore(s, change, 0) ?? '' },
    { role: 'current', figure: current, label: label(current) },
    { role: 'base', figure: base, label: label(base) },
  ];
  const changeText = figureText(original, change);
  const name = `${changeWordBefore(s, change, 0) ?? ''}${changeText}`;
  const sign = down ? -1 : 1;
  const header = both(
    `**${md(name)}**（增减核对）\n\n- 基期：${md(figureText(original, base))}\n- 本期：${md(figureText(original, current))}`,
    `**${md(name)}** (change)\n\n- base: ${md(figureText(original, base))}\n- current: ${md(figureText(original, current))}`,
  );
  const cur = interval(current);
  const bas = interval(base);
  const isPercentPair = current.kind === 'percent';
  const stated = sign * change.value;
  const d = change.decimals;
  const a = base.kind === 'count' ? formatCount(base.value) : base.printed;
  const b = current.kind === 'count' ? formatCount(current.value) : current.printed;
  const claimBase = { anchor: change, name, inputs, suggestions: [] };
  // Absolute change of counts (增加N件) or percentage points between percentages.
  const diffInterval: Interval = [cur[0] - bas[1], cur[1] - bas[0]];
  const diff = current.value - base.value;
  if (change.kind === 'count' || change.kind === 'points') {
    if (change.kind === 'points' && !isPercentPair) return { ...claimBase, kind: 'change', computed: null, verdict: 'unverifiable', explanation: header, working: '' };
    if (change.kind === 'count' && isPercentPair) return { ...claimBase, kind: 'change', computed: null, verdict: 'unverifiable', explanation: header, working: '' };
    const statedInt: Interval = change.kind === 'count' ? [sign * figureInterval(change)[0], sign * figureInterval(change)[1]].sort((x, y) => x - y) as Interval : [stated - 0.5 * Math.pow(10, -d) - 1e-9, stated + 0.5 * Math.pow(10, -d) + 1e-9];
    const ok = diffInterval[0] <= statedInt[1] && statedInt[0] <= diffInterval[1];
    const unit = change.kind === 'points' ? (ctx.s.slice(change.numEnd, change.end) || '个百分点') : change.unit ?? '';
    const working = `${b} − ${a} = ${change.kind === 'points' ? diff.toFixed(Math.max(d, current.decimals, base.decimals)) : formatCount(diff)}`;
    return {
      ...claimBase,
      kind: 'change',
      computed: diff,
      verdict: ok ? 'consistent' : 'inconsistent',
      problem: ok ? undefined : 'mismatch',
      explanation: joinLines([
        header,
        ok
          ? both(`\n${working}${unit}，与所写一致 ✓`, `\n${working} ${unit}, as stated ✓`)
          : both(`\n${working}${unit}，所写为${down ? '减少' : '增加'} ${change.printed}${unit} ✗`, `\n${working} ${unit}, but the text says ${down ? 'down' : 'up'} ${change.printed} ${unit} ✗`),
      ]),
      working: `${working} ${ok ? '✓' : `≠ ${sign < 0 ? '−' : ''}${change.printed}`}`,
    };
  }
  // A percentage change.
  const rel = changeInterval(cur, bas);
  const relPoint = (100 * (current.value - base.value)) / base.value;
  const relOk = matchPercent(rel, stated, d, change.approx);
  const relWorking = `(${b} − ${a}) ÷ ${a} = ${formatWorking(relPoint, d)}%`;
  if (isPercentPair) {
    const ptsOk = matchPercent(diffInterval, stated, d, change.approx);
    if (ptsOk && !relOk) {
      const ptsWorking = `${b}% − ${a}% = ${formatAt(diff, Math.max(d, 2))}`;
      return {
        ...claimBase,
        kind: 'percent-point',
        computed: diff,
        verdict: 'inconsistent',
        problem: 'points-as-percent',
        explanation: joinLines([
          header,
          both(
            `\n${ptsWorking} 个百分点；相对变化为 ${relWorking}。\n\n两个百分比之差应写作“${change.printed}个百分点”，写成“${change.printed}%”会被读作相对变化 ✗`,
            `\n${ptsWorking} percentage points; the relative change is ${relWorking}.\n\nThe difference of two percentages is “${change.printed}个百分点” (points); “${change.printed}%” reads as a relative change ✗`,
          ),
        ]),
        working: `${ptsWorking} ≠ ${change.printed}% (${formatWorking(relPoint, d)}%)`,
        suggestions: [],
      };
    }
    if (relOk) {
      return { ...claimBase, kind: 'change', computed: relPoint, verdict: 'consistent', method: relOk, explanation: joinLines([header, both(`\n${relWorking}（相对变化）→ ${formatAt(relPoint, d)}% ✓`, `\n${relWorking} (relative change) → ${formatAt(relPoint, d)}% ✓`)]), working: `${relWorking} ✓` };
    }
  } else if (relOk) {
    return {
      ...claimBase,
      kind: 'change',
      computed: relPoint,
      verdict: 'consistent',
      method: relOk,
      explanation: joinLines([header, both(`\n${relWorking} → ${formatAt(relPoint, d, relOk)}% ✓${relOk === 'truncate' ? '（按截断）' : ''}`, `\n${relWorking} → ${formatAt(relPoint, d, relOk)}% ✓${relOk === 'truncate' ? ' (truncated)' : ''}`)]),
      working: `${relWorking} ✓`,
    };
  }
  const expected = formatAt(Math.abs(relPoint), d);
  const dirText = relPoint < 0 ? both('下降', 'down') : both('增长', 'up');
  return {
    ...claimBase,
    kind: 'change',
    computed: relPoint,
    verdict: 'inconsistent',
    problem: 'mismatch',
    explanation: joinLines([
      header,
      both(
        `\n${relWorking} → 应为${dirText['zh-cn']} ${expected}%，所写为${down ? '下降' : '增长'} ${change.printed}% ✗`,
        `\n${relWorking} → ${dirText.en} ${expected}%, but the text says ${down ? 'down' : 'up'} ${change.printed}% ✗`,
      ),
    ]),
    working: `${relWorking} ≠ ${down ? '−' : '+'}${change.printed}%`,
    suggestions: change.arabic && Math.sign(relPoint) === sign ? [{ figure: change, newText: formatAt(Math.abs(relPoint), Math.max(d, 1)), title: both(`将变化率改为 ${formatAt(Math.abs(relPoint), Math.max(d, 1))}%`, `Change the rate of change to ${formatAt(Math.abs(relPoint), Math.max(d, 1))}%`) }] : [],
  };
}

/** The compound annual rate from `base` to `current` over `years`, in percent, over intervals. */
export function annualRate(base: Interval, current: Interval, years: number): Interval {
  if (base[1] <= 0 || years <= 0) return [NaN, NaN];
  const f = (b: number, c: number) => 100 * (Math.pow(c / b, 1 / years) - 1);
  const lo = base[1] === Infinity ? -100 : f(base[1], Math.max(current[0], 0));
  const hi = base[0] <= 0 || current[1] === Infinity ? Infinity : f(base[0], current[1]);
  return [lo, hi];
}

/**
 * 由A增长到B,年均增长x%: a compound rate over the span the text states (从2020年的A到2025年的B: 5
 * years). Without a stated span nothing is asserted; the note names the spans that would fit.
 */
function annualClaim(ctx: FigureContext, c: ChangeShape, years: number | null): Claim {
  const { s, original } = ctx;
  const { current, base, change, down } = c;
  const word = changeWordBefore(s, change, 0) ?? '';
  const name = `年均${word}${figureText(original, change)}`;
  const inputs: ClaimInput[] = [
    { role: 'change', figure: change, label: `年均${word}` },
    { role: 'current', figure: current, label: labelBefore(s, current, 0) },
    { role: 'base', figure: base, label: labelBefore(s, base, 0) },
  ];
  const stated = (down ? -1 : 1) * change.value;
  const d = change.decimals;
  // Two figures in one scale (2.00万亿元 → 2.55万亿元) divide as printed.
  const sameScale = base.kind === 'count' && current.kind === 'count' && base.scale === current.scale;
  const a = sameScale || base.kind !== 'count' ? base.printed : formatCount(base.value);
  const b = sameScale || current.kind !== 'count' ? current.printed : formatCount(current.value);
  const point = (n: number) => 100 * (Math.pow(current.value / base.value, 1 / n) - 1);
  const header = both(
    `**${md(name)}**（年均增长核对，按复合增长率）\n\n- 起点：${md(figureText(original, base))}\n- 终点：${md(figureText(original, current))}`,
    `**${md(name)}** (annual average growth, compound)\n\n- from: ${md(figureText(original, base))}\n- to: ${md(figureText(original, current))}`,
  );
  const claimBase = { kind: 'cagr' as const, anchor: change, name, inputs, suggestions: [] };
  if (years === null || years <= 0) {
    const fitting: number[] = [];
    for (let n = 2; n <= 10; n++) if (matchPercent(annualRate(interval(base), interval(current), n), stated, d, change.approx)) fitting.push(n);
    const hint = fitting.length
      ? both(`（若跨度为 ${fitting.join('、')} 年则与所写一致，例如 (${b} ÷ ${a})^(1/${fitting[0]}) − 1 = ${formatWorking(point(fitting[0]), d)}%）`, `(consistent over a span of ${fitting.join(', ')} years, e.g. (${b} ÷ ${a})^(1/${fitting[0]}) − 1 = ${formatWorking(point(fitting[0]), d)}%)`)
      : both('', '');
    return {
      ...claimBase,
      computed: null,
      verdict: 'unverifiable',
      problem: 'no-span',
      explanation: joinLines([header, both(`\n句中没有写明起止年份，年均增长按复合增长率计算，需要年数，未核对。${hint['zh-cn']}`, `\nThe sentence states no start and end years; an annual average is a compound rate over a number of years, so it is not checked. ${hint.en}`)]),
      working: fitting.length ? `(${b} ÷ ${a})^(1/n) − 1, n ∈ {${fitting.join(', ')}} ?` : '',
    };
  }
  const value = point(years);
  const method = matchPercent(annualRate(interval(base), interval(current), years), stated, d, change.approx);
  const working = `(${b} ÷ ${a})^(1/${years}) − 1 = ${formatWorking(value, d)}%`;
  if (method) {
    return { ...claimBase, computed: value, verdict: 'consistent', method, explanation: joinLines([header, both(`\n${working}（${years} 年复合）→ ${formatAt(value, d, method)}% ✓`, `\n${working} (compound over ${years} years) → ${formatAt(value, d, method)}% ✓`)]), working: `${working} ✓` };
  }
  // The total growth written as the annual average is the classic slip; say what each reading gives.
  const total = (100 * (current.value - base.value)) / base.value;
  return {
    ...claimBase,
    computed: value,
    verdict: 'inconsistent',
    problem: 'mismatch',
    explanation: joinLines([
      header,
      both(
        `\n${working}（${years} 年复合）→ 应为 ${formatAt(value, d)}%，所写 ${change.printed}% ✗\n\n（${years} 年总增长为 ${formatWorking(total, d)}%）`,
        `\n${working} (compound over ${years} years) → ${formatAt(value, d)}%, not the stated ${change.printed}% ✗\n\n(the total growth over ${years} years is ${formatWorking(total, d)}%)`,
      ),
    ]),
    working: `${working} ≠ ${change.printed}%`,
  };
}

/**
 * 由A增长到B,增长(近)N倍: "增长N倍" is read by some writers as B = (N+1)·A and by others as B = N·A;
 * either reading is accepted, and only a figure that fits neither is reported.
 */
function multipleClaim(ctx: FigureContext, c: ChangeShape): Claim {
  const { s, original } = ctx;
  const { current, base, change } = c;
  const word = changeWordBefore(s, change, 0) ?? '';
  const name = `${word}${figureText(original, change)}`;
  const inputs: ClaimInput[] = [
    { role: 'change', figure: change, label: word },
    { role: 'current', figure: current, label: labelBefore(s, current, 0) },
    { role: 'base', figure: base, label: labelBefore(s, base, 0) },
  ];
  const ratio = current.value / base.value;
  const [lo, hi] = figureInterval(change);
  const [rlo, rhi] = [figureInterval(current)[0] / figureInterval(base)[1], figureInterval(current)[1] / Math.max(figureInterval(base)[0], 1e-12)];
  // Stated multiples are rounded: a whole N covers N ± 0.5 (N.d covers ± 0.05).
  const slack = 0.5 * Math.pow(10, -change.decimals);
  const fits = (offset: number) => rhi - offset >= (change.approx === 'atMost' || change.approx === 'about' ? 0 : lo - slack) && rlo - offset <= (change.approx === 'atLeast' || change.approx === 'about' ? Infinity : hi + slack);
  const ok = fits(1) || fits(0);
  const working = `${formatCount(current.value)} ÷ ${formatCount(base.value)} = ${formatWorking(ratio, 2)}`;
  const header = both(`**${md(name)}**（倍数核对）`, `**${md(name)}** (multiple)`);
  return {
    kind: 'multiple',
    anchor: change,
    name,
    inputs,
    suggestions: [],
    computed: ratio,
    verdict: ok ? 'consistent' : 'inconsistent',
    ...(ok ? {} : { severity: 'warning' as const, problem: 'mismatch' }),
    explanation: joinLines([
      header,
      ok
        ? both(`\n${working} 倍（增长 ${formatWorking(ratio - 1, 2)} 倍）✓`, `\n${working} times (up ${formatWorking(ratio - 1, 2)} times) ✓`)
        : both(`\n${working} 倍，即增长 ${formatWorking(ratio - 1, 2)} 倍：两种读法都与所写的 ${change.printed} 倍不符 ✗`, `\n${working} times, i.e. up ${formatWorking(ratio - 1, 2)} times: neither reading gives the stated ${change.printed} ✗`),
    ]),
    working: ok ? `${working} ✓` : `${working} ≠ ${change.printed}`,
  };
}
