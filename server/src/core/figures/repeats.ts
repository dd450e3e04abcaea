/**
 * The same quantity stated twice: two counts whose descriptive phrases match closely
 * (after dropping framing such as 共, 累计, 2024年, 我街) with the same unit family and
 * the same time frame. Equal values are a consistent cross-check; different values are
 * a conflict. Comparisons with other years (同比, 上年, 较…) are left out. One map
 * lookup per figure: linear.
 */
import type { Claim } from './claim';
import type { Figure } from './numbers';
import { isExact } from './numbers';
import { formatCount } from './arithmetic';
import { both, figureText, md } from './explain';
import { clauseBefore, normalizeLabel } from './text';
import type { FigureContext } from './rates';

const COMPARISON = /同比|环比|上年|去年|上一年|较|比上|增长|下降|增加|减少|提高|降低|上升/;
const MIN_LABEL = 5;

export function repeatClaims(ctx: FigureContext): Claim[] {
  const { s, original } = ctx;
  const firstByKey = new Map<string, Figure>();
  const claims: Claim[] = [];
  for (const sent of ctx.sentences) {
    const sentenceText = s.slice(sent.start, sent.end);
    if (COMPARISON.test(sentenceText)) continue;
    const year = /(?:19|20)\d\d(?=年)/.exec(sentenceText)?.[0] ?? '';
    const partial = /截至|截止|上半年|下半年|季度|[0-9０-９一二三四五六七八九十]+月/.test(sentenceText) ? 'partial' : '';
    let prevEnd = sent.start;
    const seenHere = new Set<string>();
    for (const f of sent.figures) {
      const from = prevEnd;
      prevEnd = f.end;
      if (f.kind !== 'count' || !isExact(f)) continue;
      // The whole phrase before the figure (back to the clause start or the previous figure).
      const raw = clauseBefore(s, f, from);
      const label = normalizeLabel(raw);
      if (label.length < MIN_LABEL || !/^[\u4e00-\u9fff]/.test(label) || /[0-9]/.test(label)) continue;
      // Parts of a breakdown (其中…) describe a subset: they are compared only with other parts.
      const inBreakdown = /其中/.test(clauseBefore(s, f, sent.start));
      const key = `${label}|${f.family}|${f.unit}|${year}|${partial}|${inBreakdown ? 'part' : ''}`;
      // Two figures with one phrase in one sentence are two different things (two meetings …).
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      const first = firstByKey.get(key);
      if (!first) {
        firstByKey.set(key, f);
        continue;
      }
      const same = first.value === f.value;
      const a = figureText(original, first);
      const b = figureText(original, f);
      claims.push({
        kind: 'repeat',
        anchor: f,
        name: label,
        inputs: [
          { role: 'first', figure: first, label },
          { role: 'second', figure: f, label },
        ],
        computed: first.value,
        verdict: same ? 'consistent' : 'inconsistent',
        problem: same ? undefined : 'conflict',
        related: first,
        explanation: same
          ? both(`**${md(label)}**（前后两处）\n\n前文：${md(a)}；此处：${md(b)} ✓`, `**${md(label)}** (stated twice)\n\nearlier: ${md(a)}; here: ${md(b)} ✓`)
          : both(
              `**${md(label)}**（前后两处）\n\n前文（第 ${lineOf(s, first.start) + 1} 行）：${md(a)}；此处：${md(b)} ✗ 同一数量前后不一致`,
              `**${md(label)}** (stated twice)\n\nearlier (line ${lineOf(s, first.start) + 1}): ${md(a)}; here: ${md(b)} ✗ the same quantity differs`,
            ),
        working: same ? `${formatCount(first.value)} = ${formatCount(f.value)} ✓` : `${formatCount(first.value)} ≠ ${formatCount(f.value)}`,
        suggestions: f.arabic && !same && first.scale === 1 ? [{ figure: f, newText: String(first.value), title: both(`改为前文的 ${first.value}`, `Change to ${first.value} as stated earlier`) }] : [],
      });
    }
  }
  return claims;
}

/** 0-based line of an offset, by binary search over line starts computed once per text. */
let lineStartsFor: { s: string; starts: number[] } | null = null;
function lineOf(s: string, offset: number): number {
  if (!lineStartsFor || lineStartsFor.s !== s) {
    const starts = [0];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    lineStartsFor = { s, starts };
  }
  const starts = lineStartsFor.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
