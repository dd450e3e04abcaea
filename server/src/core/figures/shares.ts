/**
 * Shares without 率: a part's share of a whole (N件,占比X% · 占总数的X% · 占已审结案件比X% · 比重为X%).
 * The part is the count right before the share; the whole is the total stated before it — in
 * the same sentence (共受理29例,其中…25件,占比86%), or in an earlier sentence of the same
 * paragraph (共计59件。其中…4件,占6.78%) — or, for a named base (占已审结案件比), the count the
 * name refers to. A base found in the same sentence or by its name is certain (a mismatch is an
 * error); a base from an earlier sentence is an assumption, confirmed when another share of the
 * same series matches it (a mismatch is then a warning), otherwise nothing is asserted.
 *
 * A series of shares of one whole that add up to 100% is a complete breakdown: its counts must
 * add up to the whole (a sum claim).
 */
import type { LocalizedText } from '../l10n';
import type { Claim, ClaimInput } from './claim';
import type { Figure } from './numbers';
import { figureInterval, WALK_SHARE } from './numbers';
import { formatAt, formatCount, formatWorking, matchPercent, ratioInterval } from './arithmetic';
import { both, figureText, joinLines, md, precisionText } from './explain';
import { clauseBefore, clauseEnd, isTotalLabel, labelBefore, shortLabel, type Sentence } from './text';
import { isPerUnit, type FigureContext, type RateMention } from './rates';
import { GENERIC_BASE_RE, ITEM_UNITS, RATE_BY_KEY, SHARE_BEFORE_RE } from './vocabulary';

export interface ShareMention {
  share: Figure;
  part: Figure;
  /** The whole, or null when none was found. */
  base: Figure | null;
  /** How the base was found. */
  via: 'sentence' | 'named' | 'earlier' | null;
  /** The named base as written (已审结案件), or ''. */
  baseName: string;
  sentence: Sentence;
}

/** A clause that lists a part, not a whole. */
const PART_CLAUSE_RE = /其中|内有|包括|分别|另有/;

/** How many sentences back (in the same paragraph) a share's whole is looked for. */
const EARLIER_SENTENCES = 3;

/** Units of one whole: the same unit, or two item units (例 and 件 for the same applications). */
export function sameMeasure(a: Figure, b: Figure): boolean {
  if (a.kind !== 'count' || b.kind !== 'count' || a.family !== b.family) return false;
  if (a.unit === b.unit) return true;
  return a.unit !== null && b.unit !== null && ITEM_UNITS.has(a.unit) && ITEM_UNITS.has(b.unit);
}

/** The key of a named base: 已审结案件 → 审结; 受理的申请 → 受理. */
function baseKey(name: string): string {
  return name
    .replace(/^(?:全部|所有|已|所|本年度?|全年)+/, '')
    .replace(/(?:的)?(?:案件|事项|申请|总数|总量|数量|件数|数)$/, '')
    .replace(/的$/, '');
}

const NO_FIGURES: ReadonlySet<Figure> = new Set();

/** How many candidates back a share's whole is looked for: a long list of shares stays linear. */
const MAX_CANDIDATES = 32;

/** The shares of a text; the figures of `rates` (rates of their own) are none. */
export function findShares(ctx: FigureContext, rates: readonly RateMention[]): ShareMention[] {
  const { s } = ctx;
  const out: ShareMention[] = [];
  // Every share is written with 占 or 比重 before it (the pattern below): a text with neither has none.
  // (No 占 or 比 at all, as the scan saw: neither is searched for.)
  if (!(ctx.seen & WALK_SHARE) || (s.indexOf('占') < 0 && s.indexOf('比重') < 0)) return out;
  const exclude: ReadonlySet<Figure> = rates.length ? new Set(rates.map((r) => r.figure)) : NO_FIGURES;
  const wholes: Wholes = new Map();
  for (const sent of ctx.sentences) {
    const figs = sent.figures;
    for (let i = 1; i < figs.length; i++) {
      const f = figs[i];
      if (f.kind !== 'percent' || exclude.has(f)) continue;
      const part = figs[i - 1];
      if (part.kind !== 'count' || isPerUnit(s, part, sent.start)) continue;
      // Between the part and the share: at most one comma and the share words (…25件,占比86%).
      const between = s.slice(part.end, f.start);
      const m = /^[,，、]?\s*((?:所)?占[^,，;；:：。]{0,14}|比重(?:为|达|是)?|占比(?:为|达|是)?)$/.exec(between);
      if (!m || !SHARE_BEFORE_RE.test(m[1])) continue;
      const named = /^占([\u4e00-\u9fff]{1,12}?)(?:的)?(?:比例|比重|比)?(?:为|达|达到|约为|是)?$/.exec(m[1]);
      const baseName = named && !/^(?:比|比例|比重)$/.test(named[1]) ? named[1] : '';
      out.push({ share: f, part, ...findBase(ctx, sent, i - 1, baseName, wholes), baseName, sentence: sent });
    }
  }
  return out;
}

/** Per sentence, its counts that read as wholes (computed once). */
type Wholes = Map<Sentence, Figure[]>;

/** The candidates before figure `index` of `sent`, nearest first, at most MAX_CANDIDATES. */
function nearestBefore(sent: Sentence, index: number): Figure[] {
  const out: Figure[] = [];
  for (let k = index - 1; k >= 0 && out.length < MAX_CANDIDATES; k--) out.push(sent.figures[k]);
  return out;
}

function findBase(ctx: FigureContext, sent: Sentence, partIndex: number, baseName: string, wholesOf: Wholes): { base: Figure | null; via: ShareMention['via'] } {
  const { s } = ctx;
  const part = sent.figures[partIndex];
  const fits = (b: Figure) => b !== part && sameMeasure(b, part) && figureInterval(b)[1] >= figureInterval(part)[0] && !isPerUnit(s, b, 0);
  const earlierSentences: Sentence[] = [];
  for (let k = sent.index - 1; k >= 0 && earlierSentences.length < EARLIER_SENTENCES; k--) {
    const p = ctx.sentences[k];
    if (p.line !== sent.line) break;
    earlierSentences.push(p);
  }
  if (baseName && !GENERIC_BASE_RE.test(baseName)) {
    const key = baseKey(baseName);
    if (key.length < 2) return { base: null, via: null };
    // The name's key and its synonyms (审结: 结案), in the words before the count or right after it (2宗案件均已结案).
    const words = [key, ...(RATE_BY_KEY.get(key)?.numerator ?? [])];
    const described = (b: Figure) => {
      const around = labelBefore(s, b, 0) + s.slice(b.end, clauseEnd(s, b.end, Math.min(s.length, b.end + 20)));
      return words.some((w) => around.includes(w));
    };
    const pool = [...nearestBefore(sent, partIndex), ...earlierSentences.flatMap((p) => nearestBefore(p, p.figures.length))];
    const base = pool.find((b) => b.kind === 'count' && fits(b) && described(b));
    return base ? { base, via: 'named' } : { base: null, via: null };
  }
  // A whole is a total, not a part of a breakdown (其中通过网络收到申请25件 is a part despite 收到).
  const isWhole = (b: Figure, min: number) => {
    const clause = clauseBefore(s, b, min);
    return isTotalLabel(clause) && !PART_CLAUSE_RE.test(clause);
  };
  const wholes = (st: Sentence) => {
    let w = wholesOf.get(st);
    if (!w) wholesOf.set(st, (w = st.figures.filter((b) => b.kind === 'count' && isWhole(b, st.start))));
    return w;
  };
  const here = nearestBefore(sent, partIndex).find((b) => b.kind === 'count' && fits(b) && isWhole(b, sent.start));
  if (here) return { base: here, via: 'sentence' };
  for (const p of earlierSentences) {
    const all = wholes(p);
    if (all.length > 1) break;
    const totals = all.filter(fits);
    // One whole per sentence: two totals there leave the base unknown.
    if (totals.length === 1) return { base: totals[0], via: 'earlier' };
    if (totals.length > 1) break;
  }
  return { base: null, via: null };
}

export function shareClaims(ctx: FigureContext, mentions: readonly ShareMention[]): Claim[] {
  const { original } = ctx;
  const claims: Claim[] = [];
  // A base from an earlier sentence is confirmed by another share of it that matches.
  const matchesOf = new Map<Figure, number>();
  const verdictOf = (m: ShareMention) => (m.base ? matchPercent(ratioInterval(figureInterval(m.part), figureInterval(m.base)), m.share.value, m.share.decimals, m.share.approx) : null);
  for (const m of mentions) if (m.base && verdictOf(m)) matchesOf.set(m.base, (matchesOf.get(m.base) ?? 0) + 1);
  for (const m of mentions) {
    const f = m.share;
    const name = m.baseName ? `占${m.baseName}` : '占比';
    const header = (): LocalizedText => both(`**${md(shortLabel(labelBefore(ctx.s, m.part, 0)))}${md(figureText(original, m.part))}，${md(name)}${md(figureText(original, f))}**（占比核对）`, `**${md(figureText(original, m.part))}, ${md(name)} ${md(figureText(original, f))}** (share of a whole)`);
    const inputs: ClaimInput[] = [
      { role: 'rate', figure: f, label: name },
      { role: 'numerator', figure: m.part, label: shortLabel(labelBefore(ctx.s, m.part, 0)) },
      ...(m.base ? [{ role: 'denominator' as const, figure: m.base, label: shortLabel(labelBefore(ctx.s, m.base, 0)) }] : []),
    ];
    // A share left without a verdict (no whole found, or a whole not confirmed).
    const unverifiable = (why: Pick<Claim, 'problem' | 'tried' | 'explanation' | 'working'>): Claim => ({ kind: 'share', anchor: f, name, inputs, computed: null, verdict: 'unverifiable', ...why, suggestions: [] });
    if (!m.base) {
      claims.push(unverifiable({ explanation: joinLines([header(), both('没有找到该比例所指的总数，未核对。', 'The whole this share refers to is not stated; not checked.')]), working: '' }));
      continue;
    }
    const base = m.base;
    const exact = f.approx === null && m.part.approx === null && base.approx === null;
    const value = (100 * m.part.value) / base.value;
    const working = `${formatCount(m.part.value)} ÷ ${formatCount(base.value)} = ${formatWorking(value, f.decimals)}%`;
    const method = verdictOf(m);
    const inputLines = joinLines([
      both(`- 部分：${md(`${shortLabel(labelBefore(ctx.s, m.part, 0))} ${figureText(original, m.part)}`)}`, `- part: ${md(`${shortLabel(labelBefore(ctx.s, m.part, 0))} ${figureText(original, m.part)}`)}`),
      both(`- 总数：${md(`${shortLabel(labelBefore(ctx.s, base, 0))} ${figureText(original, base)}`)}${m.via === 'earlier' ? '（前文所述总数）' : ''}`, `- whole: ${md(`${shortLabel(labelBefore(ctx.s, base, 0))} ${figureText(original, base)}`)}${m.via === 'earlier' ? ' (the total stated earlier)' : ''}`),
    ]);
    const prec = precisionText(f.decimals);
    if (method) {
      claims.push({
        kind: 'share',
        anchor: f,
        name,
        inputs,
        computed: value,
        verdict: 'consistent',
        method,
        explanation: joinLines([header(), inputLines, both(`\n${working} → ${formatAt(value, f.decimals, method)}% ✓${method === 'truncate' ? '（按截断）' : ''}`, `\n${working} → ${formatAt(value, f.decimals, method)}% ✓${method === 'truncate' ? ' (truncated)' : ''}`)]),
        working: `${working} ✓${method === 'truncate' ? ' (truncated)' : ''}`,
        suggestions: [],
      });
      continue;
    }
    const confirmed = m.via !== 'earlier' || (matchesOf.get(base) ?? 0) >= 1;
    if (!confirmed || !exact) {
      claims.push(
        unverifiable({
          problem: exact ? 'ambiguous' : 'approximate',
          tried: [{ text: working, value }],
          explanation: joinLines([header(), inputLines, both(`\n${working}：总数取自前文，未能确认，未判定。`, `\n${working}: the whole is taken from an earlier sentence and not confirmed; no verdict.`)]),
          working: `${working} ?`,
        }),
      );
      continue;
    }
    const assumed = m.via === 'earlier';
    claims.push({
      kind: 'share',
      anchor: f,
      name,
      inputs,
      computed: value,
      verdict: 'inconsistent',
      problem: 'mismatch',
      ...(assumed ? { severity: 'warning' as const } : {}),
      explanation: joinLines([
        header(),
        inputLines,
        both(
          `\n${working} → 按所写精度（${prec['zh-cn']}）应为 ${formatAt(value, f.decimals)}%，所写 ${f.printed}% 不符 ✗${assumed ? '\n\n（假定总数为前文的总数：同一组的其他比例与之相符）' : ''}`,
          `\n${working} → ${formatAt(value, f.decimals)}% at the stated precision (${prec.en}), not the stated ${f.printed}% ✗${assumed ? '\n\n(assumed: the whole is the total stated earlier, which the other shares of the series match)' : ''}`,
        ),
      ]),
      working: `${working} → ${formatAt(value, f.decimals)}% ≠ ${f.printed}%`,
      suggestions: f.arabic ? [{ figure: f, newText: formatAt(value, Math.max(1, f.decimals)), title: both(`将比例改为 ${formatAt(value, Math.max(1, f.decimals))}%`, `Change the share to ${formatAt(value, Math.max(1, f.decimals))}%`) }] : [],
    });
  }
  return claims;
}

/**
 * Series of shares of one whole, in order, with their parts: the candidates for a complete
 * breakdown (shares adding up to 100% within their rounding).
 */
export function completeShareSeries(mentions: readonly ShareMention[]): Array<{ base: Figure; parts: Figure[]; assumed: boolean }> {
  // A series is the shares of one whole within one sentence.
  const bySeries = new Map<string, { base: Figure; list: ShareMention[] }>();
  for (const m of mentions) {
    if (!m.base) continue;
    const key = `${m.base.numStart}:${m.sentence.index}`;
    let series = bySeries.get(key);
    if (!series) bySeries.set(key, (series = { base: m.base, list: [] }));
    series.list.push(m);
  }
  const out: Array<{ base: Figure; parts: Figure[]; assumed: boolean }> = [];
  for (const { base, list } of bySeries.values()) {
    if (list.length < 2) continue;
    let total = 0;
    let slack = 0;
    for (const m of list) {
      total += m.share.value;
      slack += 0.5 * Math.pow(10, -m.share.decimals);
      if (m.share.approx !== null) slack = Infinity;
    }
    if (Math.abs(total - 100) <= slack + 1e-9) out.push({ base, parts: list.map((m) => m.part), assumed: list[0].via === 'earlier' });
  }
  return out;
}
