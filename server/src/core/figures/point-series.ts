/**
 * A difference in percentage points between two members of a 分别为 series:
 *   城镇、农村居民收入增速分别为5.1%、6.8%，农村快于城镇1.7个百分点
 *   甲、乙两项指标分别为92.5%和90.1%，甲比乙高2.4个百分点      …，后者高出前者1.7个百分点
 * The names before 分别 are split at 、/和/与/及 and matched, in order, to the percentages; each
 * side of the comparison must name exactly one member (its full name, or the start of one). A
 * difference that does not fit is an error when both names are written in full, else a warning
 * (it assumes the shortened names refer to those members).
 */
import type { Claim, ClaimInput } from './claim';
import { WALK_MARKER, type Figure } from './numbers';
import { formatAt, type Interval } from './arithmetic';
import { both, figureText, joinLines, md } from './explain';
import type { FigureContext } from './rates';
import { POINTS_HIGHER, POINTS_LOWER } from './vocabulary';
import { codeUnits } from './code-units';

/** Where the names before 分别 start: after one of , ， ; ； : ： 。 (by code unit). */
const NAMES_END = codeUnits(',，;；:：。');
const SERIES_RE = /分别(?:为|是|达到|达|占|增长|提高|下降|降低)?$/;
const JOIN_RE = /^(?:、|和|与|及|,|，)$/;
const NAME = '[\\u4e00-\\u9fff]{1,12}?';
const COMPARE_RE = new RegExp(`(?:^|[,，;；])\\s*(${NAME})(?:比|较)(${NAME})(?:分别)?(${POINTS_HIGHER}|${POINTS_LOWER})(?:出|了)?$`);
const OVER_RE = new RegExp(`(?:^|[,，;；])\\s*(${NAME})(${POINTS_HIGHER.split('|').map((w) => `${w}于`).join('|')}|${POINTS_LOWER.split('|').map((w) => `${w}于`).join('|')})(${NAME})$`);
const LOWER = new RegExp(`^(?:${POINTS_LOWER})`);

interface Member {
  name: string;
  figure: Figure;
}

function interval(f: Figure): Interval {
  const h = 0.5 * Math.pow(10, -f.decimals);
  if (f.approx === 'about') return [-Infinity, Infinity];
  return [f.approx === 'atMost' ? -Infinity : f.value - h, f.approx === 'atLeast' ? Infinity : f.value + h];
}

/** The member a name refers to (exact, or the start of exactly one name), or null. */
function resolve(members: readonly Member[], ref: string): { member: Member; exact: boolean } | null {
  if (ref === '前者' && members.length === 2) return { member: members[0], exact: true };
  if (ref === '后者' && members.length === 2) return { member: members[1], exact: true };
  const exact = members.filter((m) => m.name === ref);
  if (exact.length === 1) return { member: exact[0], exact: true };
  const partial = members.filter((m) => ref.length >= 2 && (m.name.startsWith(ref) || ref.startsWith(m.name)));
  return partial.length === 1 ? { member: partial[0], exact: false } : null;
}

export function pointSeriesClaims(ctx: FigureContext): Claim[] {
  const { s, original } = ctx;
  const out: Claim[] = [];
  // The first 分别 at or after the last place looked from (-1: none left in the text), so that
  // sentences without one do not each search the rest of the paragraph.
  // (None at all when the scan saw no code unit that may start a marker: WALK_MARKER.)
  let firstFenbie = ctx.seen & WALK_MARKER ? -2 : -1;
  const sentences = ctx.sentences;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si];
    const figs = sent.figures;
    if (figs.length < 3) continue;
    if (firstFenbie !== -1 && firstFenbie < sent.start) firstFenbie = s.indexOf('分别', sent.start);
    let next = firstFenbie;
    if (next < 0 || next >= sent.end) continue;
    for (let i = 0; i + 1 < figs.length; i++) {
      const first = figs[i];
      // Only the figure right after a 分别 can open a series.
      while (next >= 0 && next < sent.end && next + 8 < first.start) next = s.indexOf('分别', next + 2);
      if (next < 0 || next >= sent.end) break;
      if (first.start < next || first.kind !== 'percent' || !SERIES_RE.test(s.slice(Math.max(sent.start, first.start - 6), first.start))) continue;
      // The series: percentages joined by 、/和 …
      const series: Figure[] = [first];
      let j = i + 1;
      while (j < figs.length && figs[j].kind === 'percent' && JOIN_RE.test(s.slice(figs[j - 1].end, figs[j].start))) series.push(figs[j++]);
      if (series.length < 2) continue;
      // The names: the clause before 分别, split at 、/和/与/及.
      const at = s.lastIndexOf('分别', first.start);
      let cs = at;
      while (cs > sent.start && cs > at - 60 && !NAMES_END.has(s.charCodeAt(cs - 1))) cs--;
      const names = s.slice(cs, at).split(/、|和|与|及/).map((x) => x.trim());
      if (names.length !== series.length || names.some((x) => !x)) continue;
      // 甲、乙两项指标分别为…: the shared noun after the last name stays with it; the count word goes.
      const members: Member[] = names.map((name, k) => ({ name: name.replace(/[两二三四五六七八九十]{1,2}(?:项|个|类|种)?[\u4e00-\u9fff]*$/, '') || name, figure: series[k] }));
      // The comparison follows within a few figures and a short stretch of text (linear in the sentence).
      for (let k = j; k < figs.length && k < j + 6; k++) {
        const pts = figs[k];
        if (pts.kind !== 'points') continue;
        const before = s.slice(Math.max(series[series.length - 1].end, pts.start - 40), pts.start);
        const cmp = COMPARE_RE.exec(before);
        const over = cmp ? null : OVER_RE.exec(before);
        if (!cmp && !over) continue;
        const [xName, yName, word] = cmp ? [cmp[1], cmp[2], cmp[3]] : [over![1], over![3], over![2]];
        const x = resolve(members, xName);
        const y = resolve(members, yName);
        if (!x || !y || x.member === y.member) continue;
        out.push(claim(ctx, x.member, y.member, pts, LOWER.test(word), x.exact && y.exact, `${xName}${cmp ? `比${yName}${word}` : `${word}${yName}`}${figureText(original, pts)}`));
      }
      i = j - 1;
    }
  }
  return out;
}

function claim(ctx: FigureContext, x: Member, y: Member, pts: Figure, lower: boolean, exact: boolean, name: string): Claim {
  const { original } = ctx;
  const inputs: ClaimInput[] = [
    { role: 'change', figure: pts, label: name },
    { role: 'current', figure: x.figure, label: x.name },
    { role: 'base', figure: y.figure, label: y.name },
  ];
  const [xl, xh] = interval(x.figure);
  const [yl, yh] = interval(y.figure);
  const diff = x.figure.value - y.figure.value;
  const d = Math.max(pts.decimals, x.figure.decimals, y.figure.decimals);
  const stated = (lower ? -1 : 1) * pts.value;
  const h = 0.5 * Math.pow(10, -pts.decimals) + 1e-9;
  const ok = xl - yh <= stated + h && stated - h <= xh - yl;
  const working = `${x.figure.printed}% − ${y.figure.printed}% = ${formatAt(diff, d)}`;
  const header = both(
    `**${md(name)}**（分别为…的百分点差核对）\n\n- ${md(x.name)}：${md(figureText(original, x.figure))}\n- ${md(y.name)}：${md(figureText(original, y.figure))}`,
    `**${md(name)}** (difference in points within a 分别为 series)\n\n- ${md(x.name)}: ${md(figureText(original, x.figure))}\n- ${md(y.name)}: ${md(figureText(original, y.figure))}`,
  );
  return {
    kind: 'change',
    anchor: pts,
    name,
    inputs,
    computed: diff,
    verdict: ok ? 'consistent' : 'inconsistent',
    ...(ok ? {} : { problem: 'mismatch', ...(exact ? {} : { severity: 'warning' as const }) }),
    explanation: joinLines([
      header,
      ok
        ? both(`\n${working} 个百分点 ✓`, `\n${working} points ✓`)
        : both(
            `\n${working} 个百分点，所写为${lower ? '低' : '高'} ${pts.printed} 个百分点 ✗${exact ? '' : `（假定“${md(name)}”中的简称指上述两项）`}`,
            `\n${working} points, but the text says ${lower ? 'lower' : 'higher'} by ${pts.printed} ✗${exact ? '' : ' (assuming the shortened names refer to these two members)'}`,
          ),
    ]),
    working: ok ? `${working} ✓` : `${working} ≠ ${lower ? '−' : ''}${pts.printed}`,
    suggestions: [],
  };
}
