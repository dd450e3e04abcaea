/**
 * Totals and their breakdowns: 共X件,其中A件、B件、C件 / X个(其中A个,B个,C次) /
 * 共X件,A、B分别为a件、b件. Parts above the total are an error; an explicit exhaustive
 * breakdown (分别为…, or one with a residual 其他/其余 category) below the total is a
 * warning; a plain subset (共纳入8项,其中2项…) is fine. Units of one family mix freely
 * (个/次 in seed 004); figures of another family end the breakdown.
 */
import type { LocalizedText } from '../l10n';
import type { Claim, ClaimInput } from './claim';
import type { Figure } from './numbers';
import { figureInterval, isExact } from './numbers';
import { formatCount } from './arithmetic';
import { both, figureText, joinLines, md } from './explain';
import { isClauseBoundaryAt, isTotalLabel, labelBefore, type Sentence } from './text';
import type { FigureContext } from './rates';

const STOP_CLAUSE = /同比|环比|比上年|较上年|比去年|较去年|增长|下降|增加|减少|上升|率|共计|合计|总计|累计|(?<![公中总])共(?![享同建治识赢商])/;
const NEW_ACTIVITY = /^(?:组织|开展|举办|召开|印发|出台|建立|完成|推动|办结|审结|结案|制定|发布|开通|设立|培训|接待)/;
const RESIDUAL = /其他|其余|其它|另有|剩余/;

interface Breakdown {
  total: Figure;
  parts: Figure[];
  exhaustive: boolean;
  marker: string;
}

function clauseOf(s: string, pos: number, min: number, max: number): [number, number] {
  let a = pos;
  while (a > min && !isClauseBoundaryAt(s, a - 1)) a--;
  let b = pos;
  while (b < max && !isClauseBoundaryAt(s, b)) b++;
  return [a, b];
}

function findBreakdowns(ctx: FigureContext, sent: Sentence): Breakdown[] {
  const { s } = ctx;
  const out: Breakdown[] = [];
  const text = s.slice(sent.start, sent.end);
  const markers: Array<{ at: number; word: string }> = [];
  for (const re of [/其中(?!之一|的|一|有些|部分)/g, /分别为|分别是|分别有|分别达/g]) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) markers.push({ at: sent.start + m.index, word: m[0] });
  }
  markers.sort((a, b) => a.at - b.at);
  const used = new Set<number>();
  for (let mi = 0; mi < markers.length; mi++) {
    const { at, word } = markers[mi];
    if (used.has(at)) continue;
    const counts = sent.figures.filter((f) => f.kind === 'count');
    // 分别为 after a 其中 belongs to that 其中.
    const isRespectively = word.startsWith('分别');
    let exhaustive = isRespectively;
    let start = at;
    let total: Figure | undefined;
    if (isRespectively) {
      // The total is before the clause that names the categories: 共X件,A、B分别为…
      const [cs] = clauseOf(s, at, sent.start, sent.end);
      total = [...counts].reverse().find((f) => f.end <= cs);
      if (!total || !isTotalLabel(labelBefore(s, total, sent.start) + s.slice(Math.max(sent.start, total.start - 12), total.start))) continue;
      start = at;
    } else {
      total = [...counts].reverse().find((f) => f.end <= at);
      if (!total) {
        // 共X件。其中… across a full stop, on the same line.
        const prev = ctx.sentences[sent.index - 1];
        if (prev && prev.line === sent.line && s.slice(sent.start, at).trim() === '') {
          total = [...prev.figures].reverse().find((f) => f.kind === 'count');
        }
      }
      if (!total) continue;
      // Nothing but this clause and percentages between the total and 其中.
      const between = sent.figures.filter((f) => f.numStart > total!.numStart && f.numStart < at && f.kind === 'count');
      if (between.length) continue;
      const next = markers[mi + 1];
      if (next && next.word.startsWith('分别')) {
        exhaustive = true;
        used.add(next.at);
      }
    }
    // The breakdown runs to the end of the sentence, or to the closing parenthesis of (其中…).
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
    const parts: Figure[] = [];
    let clauseEndPos = -1;
    let i = start + word.length;
    for (const f of counts) {
      if (f.numStart < i || f.numStart >= end) continue;
      if (f.family !== total.family) break;
      const [cs, ce] = clauseOf(s, f.numStart, sent.start, end);
      if (parts.length) {
        // A new clause must still be part of the list (no total, change or rate words, no second 其中).
        if (cs > clauseEndPos) {
          const clause = s.slice(cs, ce);
          if (STOP_CLAUSE.test(clause) || /其中/.test(clause)) break;
          // A clause without a figure in between ends the list.
          const gap = s.slice(clauseEndPos, cs);
          if (/[\u4e00-\u9fff]/.test(gap.replace(/[,，;；、]/g, ''))) break;
          if (!opened) {
            // Outside parentheses, a semicolon ends the list unless it is a 其中: list,
            // and so does a clause that starts a new activity or changes the unit.
            if (/[;；]/.test(gap) && !colonList) break;
            if (NEW_ACTIVITY.test(clause)) break;
            if (f.unit !== total.unit && !parts.some((p) => p.unit === f.unit)) break;
          }
        }
      } else if (cs > start + word.length && STOP_CLAUSE.test(s.slice(start + word.length, f.start))) {
        break;
      }
      parts.push(f);
      clauseEndPos = ce;
      i = f.end;
    }
    if (!parts.length) continue;
    if (!exhaustive && parts.length >= 2 && parts.some((p) => RESIDUAL.test(labelBefore(s, p, sent.start)))) exhaustive = true;
    out.push({ total, parts, exhaustive, marker: word });
  }
  return out;
}

export function sumClaims(ctx: FigureContext): Claim[] {
  const claims: Claim[] = [];
  for (const sent of ctx.sentences) {
    if (!sent.figures.length) continue;
    for (const b of findBreakdowns(ctx, sent)) claims.push(sumClaim(ctx, b));
  }
  return claims;
}

function sumClaim(ctx: FigureContext, b: Breakdown): Claim {
  const { s, original } = ctx;
  const [tLo, tHi] = figureInterval(b.total);
  let pLo = 0;
  let pHi = 0;
  for (const p of b.parts) {
    const [a, c] = figureInterval(p);
    pLo += a;
    pHi += c;
  }
  const sum = b.parts.reduce((a, p) => a + p.value, 0);
  const sumExpr = b.parts.map((p) => formatCount(p.value)).join(' + ');
  const totalText = figureText(original, b.total);
  const label = labelBefore(s, b.total, 0);
  const name = `${label.length > 14 ? `…${label.slice(-14)}` : label}${totalText}`;
  const inputs: ClaimInput[] = [
    { role: 'total', figure: b.total, label: labelBefore(s, b.total, 0) },
    ...b.parts.map((p) => ({ role: 'part' as const, figure: p, label: labelBefore(s, p, 0) })),
  ];
  // Built when read (hover, statistics, a finding): most totals are consistent and never shown.
  const header = (): LocalizedText => {
    const partsMd = b.parts.map((p) => md(`${labelBefore(s, p, 0)} ${figureText(original, p)}`)).join(' + ');
    return both(`**${md(name)}**（合计核对）\n\n- 总数：${md(totalText)}\n- 分项：${partsMd}`, `**${md(name)}** (total vs breakdown)\n\n- total: ${md(totalText)}\n- parts: ${partsMd}`);
  };
  const exactAll = isExact(b.total) && b.parts.every(isExact);
  let explained: LocalizedText | undefined;
  const sumLine = b.parts.length > 1 ? `${sumExpr} = ${formatCount(sum)}` : `${formatCount(sum)}`;
  if (pLo > tHi) {
    return {
      kind: 'sum',
      anchor: b.total,
      name,
      inputs,
      computed: sum,
      verdict: 'inconsistent',
      severity: 'error',
      problem: 'above',
      explanation: joinLines([header(), both(`\n${sumLine} > ${totalText}：分项之和超过总数 ✗`, `\n${sumLine} > ${totalText}: the parts add up to more than the total ✗`)]),
      working: `${sumLine} > ${formatCount(b.total.value)}`,
      suggestions: exactAll && b.total.arabic ? [{ figure: b.total, newText: String(sum), title: both(`将总数改为 ${sum}`, `Change the total to ${sum}`) }] : [],
    };
  }
  if (b.exhaustive && b.parts.length >= 2 && pHi < tLo) {
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
  const verdictText = (): LocalizedText => equal
    ? both(`\n${sumLine} = ${totalText} ✓`, `\n${sumLine} = ${totalText} ✓`)
    : both(`\n${sumLine} ≤ ${totalText}：分项不超过总数 ✓${b.parts.length === 1 ? '（部分列举）' : '（未必列全）'}`, `\n${sumLine} ≤ ${totalText}: within the total ✓${b.parts.length === 1 ? ' (a subset)' : ' (not necessarily all parts)'}`);
  return {
    kind: 'sum',
    anchor: b.total,
    name,
    inputs,
    computed: sum,
    verdict: 'consistent',
    problem: equal ? 'equal' : 'subset',
    get explanation(): LocalizedText {
      return (explained ??= joinLines([header(), verdictText()]));
    },
    working: equal ? `${sumExpr} = ${formatCount(b.total.value)} ✓` : `${sumLine} ≤ ${formatCount(b.total.value)} ✓`,
    suggestions: [],
  };
}
