/**
 * Doublings: 由A增长到B，(实现)翻一番 — 翻N番 is B = 2^N × A. Writers round: a ratio from 95% of
 * 2^N up is consistent; one below 90% of 2^N is reported (a warning: it assumes 翻N番 speaks of
 * these two figures); in between, the claim is left unverifiable. Both figures must be stated in
 * the same clause chain (由…到…), so a doubling with one figure (研发投入翻一番) is no claim.
 */
import type { Claim, ClaimInput } from './claim';
import type { Figure } from './numbers';
import { figureInterval, WALK_DOUBLING } from './numbers';
import { formatCount, formatWorking } from './arithmetic';
import { both, figureText, joinLines, md } from './explain';
import type { FigureContext } from './rates';
import { labelBefore } from './text';
import { DOUBLING_BETWEEN_RE, DOUBLING_FROM_RE, DOUBLING_RE, DOUBLING_TO_RE } from './vocabulary';

const TIMES: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 };

function sameKind(a: Figure, b: Figure): boolean {
  return a.kind === 'count' && b.kind === 'count' && a.family === b.family && (a.unit ?? '') === (b.unit ?? '');
}

export function doublingClaims(ctx: FigureContext): Claim[] {
  const { s, original } = ctx;
  const out: Claim[] = [];
  // Every doubling is a 翻…番 (DOUBLING_RE): a text without 番 has none, and its sentences are not cut out.
  if (!(ctx.seen & WALK_DOUBLING) || s.indexOf('番') < 0) return out;
  for (const sent of ctx.sentences) {
    if (sent.figures.length < 2) continue;
    const text = s.slice(sent.start, sent.end);
    if (text.indexOf('番') < 0) continue;
    DOUBLING_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    // The figures before each doubling, by one pointer moving forward (linear in the sentence).
    let next = 0;
    while ((m = DOUBLING_RE.exec(text))) {
      const at = sent.start + m.index;
      // The two figures right before: 由A…到B.
      while (next < sent.figures.length && sent.figures[next].end <= at) next++;
      const k = next - 1;
      if (k < 1) continue;
      const [a, b] = [sent.figures[k - 1], sent.figures[k]];
      if (!sameKind(a, b) || !DOUBLING_BETWEEN_RE.test(s.slice(b.end, at))) continue;
      if (!DOUBLING_FROM_RE.test(s.slice(Math.max(sent.start, a.start - 10), a.start)) || !DOUBLING_TO_RE.test(s.slice(a.end, b.start))) continue;
      const n = TIMES[m[1]];
      const factor = Math.pow(2, n);
      const numStart = at + m[0].length - 2;
      const anchor: Figure = {
        index: -1, kind: 'times', value: factor, numStart, numEnd: numStart + 1, start: at, end: at + m[0].length,
        printed: original.slice(numStart, numStart + 1), decimals: 0, scale: 1, unit: '番', family: 'generic', approx: null, approxWord: null, arabic: false,
      };
      const name = original.slice(at, at + m[0].length);
      const inputs: ClaimInput[] = [
        { role: 'change', figure: anchor, label: name },
        { role: 'current', figure: b, label: labelBefore(s, b, 0) },
        { role: 'base', figure: a, label: labelBefore(s, a, 0) },
      ];
      const [, bhi] = figureInterval(b);
      const [alo] = figureInterval(a);
      const ratio = b.value / a.value;
      const hi = bhi / Math.max(alo, 1e-12);
            // Two figures in one scale (12亿元 → 50亿元) divide as printed.
      const same = a.scale === b.scale;
      const working = `${same ? b.printed : formatCount(b.value)} ÷ ${same ? a.printed : formatCount(a.value)} = ${formatWorking(ratio, 2)}`;
      const header = both(`**${md(name)}**（翻番核对：翻${m[1]}番即 ×${factor}）\n\n- 起点：${md(figureText(original, a))}\n- 终点：${md(figureText(original, b))}`, `**${md(name)}** (doubling: ×${factor})\n\n- from: ${md(figureText(original, a))}\n- to: ${md(figureText(original, b))}`);
      const base = { kind: 'multiple' as const, anchor, name, inputs, suggestions: [], computed: ratio };
      if (ratio >= 0.95 * factor) {
        out.push({ ...base, verdict: 'consistent', explanation: joinLines([header, both(`\n${working} 倍 ≈ ${factor} ✓`, `\n${working} times ≈ ${factor} ✓`)]), working: `${working} ≈ ${factor} ✓` });
      } else if (hi < 0.9 * factor) {
        out.push({
          ...base,
          verdict: 'inconsistent',
          severity: 'warning',
          problem: 'mismatch',
          explanation: joinLines([header, both(`\n${working} 倍，不到 ${factor} 倍，与“${md(name)}”不符 ✗（假定“${md(name)}”说的就是这两个数字）`, `\n${working} times, short of ${factor}: not “${md(name)}” ✗ (assuming “${md(name)}” speaks of these two figures)`)]),
          working: `${working} < ${factor}`,
        });
      } else {
        out.push({ ...base, verdict: 'unverifiable', explanation: joinLines([header, both(`\n${working} 倍，接近 ${factor} 倍或含约数，不作判断`, `\n${working} times, close to ${factor} or approximate: no verdict`)]), working: `${working} ≈ ${factor} ?` });
      }
    }
  }
  return out;
}
