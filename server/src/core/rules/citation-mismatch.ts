import type { Rule } from './types';
import {
  findCitations,
  KNOWN_BY_KEY,
  knownTitle,
  OTHER_EDITION_AFTER_RE,
  OTHER_EDITION_BEFORE_RE,
  yearsSignature,
  type Citation,
  type TitleYears,
} from '../document/citations';
import type { Fix } from '../types';

/** How far apart two ends of a span may be to read as a slip of one document's title (2025 / 2026). */
const SLIP_YEARS = 2;

type Relation = 'slip' | 'overlap' | 'editions';

/**
 * Two spans of years of one title: `slip` when they share one end and the other ends are close
 * (2021—2025 / 2021—2026: one document cited wrongly), `editions` when they do not overlap
 * (2015—2020 / 2021—2025: two editions), `overlap` otherwise (ambiguous).
 */
function relate(a: readonly TitleYears[], b: readonly TitleYears[]): Relation | null {
  if (a.length !== b.length) return null;
  let rel: Relation | null = null;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x.from === y.from && x.to === y.to) continue;
    // Single years differ between the editions of an annual document (2023年工作要点 / 2024年工作要点).
    if (!x.span || !y.span) return null;
    let r: Relation;
    if (x.to < y.from || y.to < x.from) r = 'editions';
    else if ((x.from === y.from && Math.abs(x.to - y.to) <= SLIP_YEARS) || (x.to === y.to && Math.abs(x.from - y.from) <= SLIP_YEARS)) r = 'slip';
    else r = 'overlap';
    if (rel && rel !== r) return null;
    rel = r;
  }
  return rel;
}

function marked(c: Citation, s: string): boolean {
  const before = s.slice(Math.max(0, c.start - 8), c.start);
  const after = s.slice(c.end, c.end + 8);
  return OTHER_EDITION_BEFORE_RE.test(before) || OTHER_EDITION_AFTER_RE.test(after);
}

/** citation-mismatch: one document cited twice with different years in its title, or a known title with wrong years. */
export const citationMismatch: Rule = {
  meta: {
    id: 'citation-mismatch',
    defaultSeverity: 'warning',
    category: 'years',
    scope: 'any',
    fixable: true,
    description: {
      'zh-cn': '同一文件被引用两次而标题中的年份不同（《……纲要（2021—2025年）》与《……纲要（2021—2026年）》），或知名文件的标题年份写错。',
      en: 'One document cited twice with different years in its title (《…纲要（2021—2025年）》 and 《…纲要（2021—2026年）》), or a well-known document cited with wrong years.',
    },
    docs: {
      'zh-cn':
        '报告常引用带有年份区间的规划、纲要。本规则比较书名号《》（及其中的〈〉）内的标题：去掉年份、括号和空格后文字相同，' +
        '而年份区间一端相同、另一端相差一两年（2021—2025年 / 2021—2026年）时，假定二者是同一文件，对少数的一处（次数相同时对后一处）给出警告，' +
        '并指向另一处；快速修复只是建议：改成另一处的年份。破折号、连字符、“至”以及全角、半角括号的差别不算不同。\n\n' +
        '不报告：年份区间互不重叠（《……（2015—2020年）》与《……（2021—2025年）》是前后两期）；单一年份不同（《2023年工作要点》与《2024年工作要点》是逐年的文件）；' +
        '引用前后写明是另一期的（“上一轮”“原”“已废止”“接续”“……已到期”等）。区间重叠但两端都不同，或一端相同而另一端相差较多的，只作提示。\n\n' +
        '知名的全国性文件（《法治政府建设实施纲要（2015—2020年）》《法治政府建设实施纲要（2021—2025年）》《法治中国建设规划（2020—2025年）》' +
        '《法治社会建设实施纲要（2020—2025年）》、“七五”“八五”普法规划）的标题和各期年份是数据：只引用一次、文字相同而年份与各期都不符且一端相同时，同样给出警告。',
      en:
        'Reports cite plans and programmes whose titles carry a span of years. The rule compares the titles inside 《》 (and 〈〉 nested in ' +
        'them): when two titles have the same words once years, brackets and spaces are dropped, and their spans share one end while the ' +
        'other ends differ by a year or two (2021—2025年 / 2021—2026年), it assumes they are one document and warns on the minority ' +
        'citation (on a tie, the later one), pointing at the other; the quick fix is a suggestion: use the other citation\'s years. ' +
        'Em dash, hyphen, 至 and full-width or half-width brackets are not differences.\n\n' +
        'Not reported: spans that do not overlap (《…（2015—2020年）》 and 《…（2021—2025年）》 are two editions); single years that differ ' +
        '(《2023年工作要点》 and 《2024年工作要点》 are yearly documents); a citation marked as another edition (上一轮, 原, 已废止, 接续, …已到期). ' +
        'Spans that overlap but differ at both ends, or share one end while the other is further apart, get an information note only.\n\n' +
        'Well-known national documents (法治政府建设实施纲要 2015—2020 and 2021—2025, 法治中国建设规划 2020—2025, 法治社会建设实施纲要 ' +
        '2020—2025, the 七五 and 八五 legal-education plans) are data with every edition: a citation with the same words whose years match ' +
        'no edition but share one end with one is a warning too, even when cited once.',
    },
  },
  messages: {
    mismatch: {
      'zh-cn': '同一文件的标题年份前后不一致：此处为《{here}》，另一处为《{other}》（假定二者是同一文件）',
      en: 'The same document is cited with different years: 《{here}》 here, 《{other}》 elsewhere (assuming they are one document)',
    },
    overlap: {
      'zh-cn': '《{here}》与另一处的《{other}》仅年份不同，请确认是否为同一文件',
      en: '《{here}》 and 《{other}》 elsewhere differ only in their years: check whether they are the same document',
    },
    known: {
      'zh-cn': '《{here}》的年份与已知文件不符：该文件标题为《{known}》（假定引用的是该文件）',
      en: 'The years of 《{here}》 match no edition of the known document 《{known}》 (assuming that document is meant)',
    },
    other: { 'zh-cn': '另一处引用：《{other}》', en: 'the other citation: 《{other}》' },
    fix: { 'zh-cn': '改为“{years}”', en: 'Change to “{years}”' },
  },
  check(ctx) {
    const s = ctx.doc.simplified;
    const text = ctx.doc.text;
    const cites = findCitations(s, text, ctx.doc.bracketOffsets, true).filter((c) => c.years.some((y) => y.span));
    if (!cites.length) return;
    const flagged = new Set<Citation>();
    // The suggestion keeps the citation's own dash and brackets: only the digits of its years change.
    const fixTo = (c: Citation, years: readonly TitleYears[]): Fix[] => {
      const edits = c.yearRanges
        .map((r, i) => {
          const digits = [years[i].from, years[i].to];
          let k = 0;
          return { range: ctx.doc.rangeOf(r.start, r.end), old: text.slice(r.start, r.end), newText: text.slice(r.start, r.end).replace(/\d{4}/g, () => String(digits[Math.min(k++, 1)])) };
        })
        .filter((e) => e.old !== e.newText)
        .map(({ range, newText }) => ({ range, newText }));
      return edits.length ? [{ title: ctx.t('fix', { years: yearsSignature(years) }), edits, kind: 'citation-years' }] : [];
    };
    // One document cited with different years.
    const groups = new Map<string, Citation[]>();
    for (const c of cites) {
      const g = groups.get(c.key);
      if (g) g.push(c);
      else groups.set(c.key, [c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const bySig = new Map<string, Citation[]>();
      for (const c of group) {
        const sig = yearsSignature(c.years);
        const list = bySig.get(sig);
        if (list) list.push(c);
        else bySig.set(sig, [c]);
      }
      if (bySig.size < 2) continue;
      // The reference: the form cited most often, the earliest on a tie.
      const forms = [...bySig.values()].sort((a, b) => b.length - a.length || a[0].start - b[0].start);
      const reference = forms[0];
      const ref = reference[0];
      for (const form of forms.slice(1)) {
        const rel = relate(form[0].years, ref.years);
        if (!rel || rel === 'editions') continue;
        for (const c of form) {
          if (marked(c, s) || reference.some((r) => marked(r, s))) continue;
          flagged.add(c);
          ctx.report({
            message: ctx.t(rel === 'slip' ? 'mismatch' : 'overlap', { here: c.title, other: ref.title }),
            range: ctx.doc.rangeOf(c.start, c.end),
            ...(rel === 'slip' ? {} : { severity: 'info' as const }),
            related: [{ range: ctx.doc.rangeOf(ref.start, ref.end), message: ctx.t('other', { other: ref.title }) }],
            fixes: fixTo(c, ref.years),
            data: { here: yearsSignature(c.years), other: yearsSignature(ref.years), relation: rel },
          });
        }
      }
    }
    // A well-known document cited with years that match none of its editions.
    for (const c of cites) {
      if (flagged.has(c) || c.years.length !== 1 || !c.years[0].span) continue;
      const known = KNOWN_BY_KEY.get(c.key);
      if (!known) continue;
      const y = c.years[0];
      if (known.editions.some(([from, to]) => from === y.from && to === y.to)) continue;
      const near = known.editions.find(([from, to]) => relate([y], [{ from, to, span: true }]) === 'slip');
      if (!near || marked(c, s)) continue;
      ctx.report({
        message: ctx.t('known', { here: c.title, known: knownTitle(known.title, near) }),
        range: ctx.doc.rangeOf(c.start, c.end),
        fixes: fixTo(c, [{ from: near[0], to: near[1], span: true }]),
        data: { here: yearsSignature(c.years), known: `${near[0]}—${near[1]}` },
      });
    }
  },
};
