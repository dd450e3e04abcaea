/**
 * Issue 18, profile detection once per document: the built-in profiles' phrase lists are matched
 * together (one scan of the text, of each heading title and of each first sentence for all of
 * them), titles and first sentences are scanned in place, and the automaton is a transition table.
 * The answers must be the previous per-profile ones: these properties compare detectProfile and
 * locateParts with a reference copy of the previous code (each list matched on its own with the
 * plain list functions, on sliced texts) on random report-like texts and on hand-written drafts.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analysis } from '../../server/src/core/analysis';
import type { Section } from '../../server/src/core/outline/outline';
import { openingYear, reportYear } from '../../server/src/core/document/years';
import { hasFutureMarker } from '../../server/src/core/document/future-marker';
import { containsAny, countAll, findAny, PhraseLists } from '../../server/src/core/profiles/phrases';
import { detectProfile } from '../../server/src/core/profiles/detect';
import { locateParts, type LocatedParts } from '../../server/src/core/profiles/locate';
import { builtinProfiles } from '../../server/src/core/profiles/registry';
import type { Profile } from '../../server/src/core/profiles/types';

const RUNS = Number(process.env.FUZZ_RUNS) || 200;
const params = { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED) || 20261202, endOnFailure: true };

// ---- Reference: the previous per-profile code, each list matched alone on a sliced text ----

const topOf = (s: Section | null) => {
  let t = s;
  while (t && t.parent) t = t.parent;
  return t;
};

function firstSentenceEnd(text: string, max = 160): number {
  const limit = Math.min(text.length, max);
  for (let i = 0; i < limit; i++) if ('。！？!?:：;；'.includes(text[i])) return i + 1;
  return limit;
}

function sentenceAround(text: string, start: number, end: number) {
  let s = start;
  while (s > 0 && !'。！？!?\n\r'.includes(text[s - 1]) && start - s < 200) s--;
  let e = end;
  while (e < text.length && !'。！？!?\n\r'.includes(text[e]) && e - end < 200) e++;
  if (e < text.length && '。！？!?'.includes(text[e])) e++;
  return { start: s, end: e };
}

interface RefLocation {
  partId: string;
  kind: string;
  section: Section | null;
  range: { start: number; end: number };
  anchor: { start: number; end: number };
  topSection: Section | null;
  paragraph?: number;
}

function refParts(a: Analysis, profile: Profile): Map<string, RefLocation | null> {
  const { doc, outline } = a;
  const text = doc.simplified;
  const found = new Map<string, RefLocation | null>();
  const byHeading = new Map<Section, string[]>();
  const named = outline.flat.map((s) => {
    const title = text.slice(s.heading.titleRange.start, s.heading.titleRange.end);
    return profile.parts.map((p, i) => (title && containsAny(title, p.headingPhrases) && !containsAny(title, p.excludePhrases) ? i : -1)).filter((i) => i >= 0);
  });
  profile.parts.forEach((part, partIndex) => {
    let best: Section | null = null;
    outline.flat.forEach((s, si) => {
      if (named[si].includes(partIndex) && (!best || s.heading.level < best.heading.level)) best = s;
    });
    if (best) {
      const b: Section = best;
      found.set(part.id, { partId: part.id, kind: 'heading', section: b, range: b.range, anchor: b.heading.titleRange.end > b.heading.titleRange.start ? b.heading.titleRange : b.heading.markerRange, topSection: topOf(b) });
      byHeading.set(b, [...(byHeading.get(b) ?? []), part.id]);
    }
  });
  for (const ids of byHeading.values()) if (ids.length > 1) for (const id of ids) found.get(id)!.kind = 'merged';
  const year = reportYear(a);
  profile.parts.forEach((part) => {
    if (found.get(part.id)) return;
    outline.paragraphs.some((p, pi) => {
      if (p.runIn) return false;
      const ptext = text.slice(p.range.start, p.range.end);
      const first = ptext.slice(0, firstSentenceEnd(ptext));
      let kind: string | null = null;
      if (findAny(first, part.paragraphPhrases) && !containsAny(first, part.excludePhrases)) kind = 'paragraph';
      else if (part.opening && year) {
        const oy = openingYear(ptext, 0);
        const verbs = containsAny(first, part.opening.verbs) && hasFutureMarker(ptext, part.opening.verbs, first.length);
        const stale = part.nextYear && oy?.year === year.year && pi >= outline.paragraphs.length - 3;
        if (oy && (oy.year === year.year + part.opening.yearOffset || stale) && verbs) kind = 'opening';
      }
      if (!kind) return false;
      found.set(part.id, { partId: part.id, kind, section: p.section, range: p.range, anchor: { start: p.range.start, end: p.range.start + first.length }, topSection: topOf(p.section), paragraph: pi });
      return true;
    });
  });
  for (const part of profile.parts) {
    if (found.get(part.id) || !part.bodyPhrases?.length) continue;
    const m = findAny(text, part.bodyPhrases);
    if (!m) continue;
    const holder = outline.flat.filter((s) => s.range.start <= m.start && m.start <= s.range.end).pop() ?? null;
    found.set(part.id, { partId: part.id, kind: 'body', section: holder, range: sentenceAround(text, m.start, m.end), anchor: { start: m.start, end: m.end }, topSection: topOf(holder) });
  }
  for (const part of profile.parts) {
    if (found.get(part.id) || part.fallback !== 'first-unclaimed-section') continue;
    const claimed = new Set<Section>();
    let firstLater = Number.MAX_SAFE_INTEGER;
    for (const other of profile.parts) {
      const loc = found.get(other.id);
      if (!loc || loc.kind === 'body') continue;
      if ((loc.kind === 'heading' || loc.kind === 'merged') && loc.section && !loc.section.parent) claimed.add(loc.section);
      if (other.order > part.order) firstLater = Math.min(firstLater, (loc.topSection ?? { range: loc.range }).range.start, loc.range.start);
    }
    const c = outline.sections.find((s) => !claimed.has(s) && s.heading.style !== 'question' && s.range.start < firstLater);
    if (c) found.set(part.id, { partId: part.id, kind: 'fallback', section: c, range: c.range, anchor: c.heading.titleRange, topSection: c });
  }
  return found;
}

function refDetect(a: Analysis, profiles: readonly Profile[]) {
  let best: { id: string; score: number; cues: string[] } | null = null;
  for (const profile of profiles) {
    const { doc, outline } = a;
    const title = outline.title ? doc.simplified.slice(outline.title.range.start, outline.title.range.end) : '';
    const titleHit = !!title && containsAny(title, profile.detect.titlePhrases);
    if (!titleHit && outline.reportCues.includes('web-page')) continue;
    const keywords = countAll(doc.simplified, profile.detect.keywords, 1000);
    if (!titleHit && keywords < profile.detect.minKeywordCount) continue;
    const located = refParts(a, profile);
    const parts = profile.parts.filter((p) => p.required && located.get(p.id) && ['heading', 'merged', 'paragraph', 'opening'].includes(located.get(p.id)!.kind)).length;
    const tableCells = profile.detect.tablePhrases?.length ? countAll(doc.simplified, profile.detect.tablePhrases, 100) : 0;
    const openingHit = !titleHit && !!profile.detect.openingPhrases?.length && containsAny(doc.simplified.slice(0, 300), profile.detect.openingPhrases);
    if (!(titleHit || parts >= profile.detect.minParts || (tableCells >= 2 && parts >= 1) || (openingHit && parts >= 1))) continue;
    const cues: string[] = [];
    if (titleHit) cues.push('title');
    cues.push(`keywords:${keywords}`, `parts:${parts}`);
    if (tableCells) cues.push(`table:${tableCells}`);
    if (openingHit) cues.push('opening');
    const score = (titleHit ? 100 : 0) + (openingHit ? 50 : 0) + parts * 10 + Math.min(tableCells, 5) * 2 + Math.min(keywords, 9);
    if (!best || score > best.score) best = { id: profile.id, score, cues };
  }
  return best;
}

const plain = (located: LocatedParts) => located.parts.map(({ part, location }) => [part.id, location && { ...location, section: location.section?.range ?? null, topSection: location.topSection?.range ?? null }]);
const plainRef = (profile: Profile, found: Map<string, RefLocation | null>) =>
  profile.parts.map((part) => {
    const l = found.get(part.id) ?? null;
    return [part.id, l && { ...l, section: l.section?.range ?? null, topSection: l.topSection?.range ?? null }];
  });

function assertSameAsReference(text: string): void {
  const profiles = builtinProfiles();
  const a = Analysis.fromText(text);
  const got = detectProfile(a);
  const want = refDetect(Analysis.fromText(text), profiles);
  assert.deepEqual(got && { id: got.profile.id, score: got.score, cues: got.cues }, want);
  for (const profile of profiles) {
    const b = Analysis.fromText(text);
    assert.deepEqual(plain(locateParts(b, profile)), plainRef(profile, refParts(b, profile)), profile.id);
    // A copy of the profile is a custom one, matched in a group of its own: the same answers.
    const copy = structuredClone(profile);
    assert.deepEqual(plain(locateParts(Analysis.fromText(text), copy)), plain(locateParts(b, profile)), `${profile.id} (custom copy)`);
  }
}

// Report-like pieces: every phrase of the built-in profiles, heading markers, years, punctuation.
const profilePhrases = [
  ...new Set(
    builtinProfiles().flatMap((p) => [
      ...p.detect.titlePhrases,
      ...p.detect.keywords,
      ...(p.detect.tablePhrases ?? []),
      ...(p.detect.openingPhrases ?? []),
      ...p.parts.flatMap((q) => [...q.headingPhrases, ...(q.excludePhrases ?? []), ...(q.paragraphPhrases ?? []), ...(q.bodyPhrases ?? []), ...(q.opening?.verbs ?? [])]),
    ]),
  ),
].flatMap((ph) => ph.split('…'));
const filler = ['工作', '推进', '的', '和', '，', '。', '：', '；', '全面', '情况', '报告', '年度', '我局', '有关'];
const markers = ['', '', '', '一、', '二、', '三、', '四、', '五、', '（一）', '（二）', '1.', '2.'];
const years = ['', '', '2023年，', '2024年，', '2025年，', '2024年度'];

const lineArb = fc
  .tuple(fc.constantFrom(...markers), fc.constantFrom(...years), fc.array(fc.oneof(fc.constantFrom(...profilePhrases), fc.constantFrom(...filler)), { maxLength: 10 }))
  .map(([m, y, words]) => m + y + words.join(''));
const titleArb = fc.tuple(fc.constantFrom('', '某市', '某县司法局'), fc.constantFrom('2024年', '2023年度', ''), fc.constantFrom(...profilePhrases, '工作'), fc.constantFrom('报告', '年度报告', ''));
const docArb = fc
  .tuple(titleArb, fc.array(lineArb, { maxLength: 24 }), fc.boolean())
  .map(([[who, year, what, kind], lines, blank]) => [who + year + what + kind, ...lines].join(blank ? '\n\n' : '\n'));

describe('issue 18: profile detection once per document gives the per-profile answers', () => {
  it('scanRange answers as the scan of the slice', () => {
    const CH = fc.constantFrom('甲', '乙', '丙', '的', 'a', '。', '\n', '，');
    const piece = fc.array(fc.constantFrom('甲', '乙', '丙', '的', 'a'), { minLength: 1, maxLength: 3 }).map((x) => x.join(''));
    const phrase = fc.array(piece, { minLength: 1, maxLength: 3 }).map((x) => x.join('…'));
    fc.assert(
      fc.property(fc.array(CH, { maxLength: 60 }).map((x) => x.join('')), fc.array(fc.array(phrase, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (t, lists, i, j) => {
        const start = t.length ? i % (t.length + 1) : 0;
        const end = start + (j % (t.length - start + 1));
        const pl = new PhraseLists(lists);
        const ranged = pl.scanRange(t, start, end);
        const sliced = t.slice(start, end);
        lists.forEach((l, k) => {
          assert.equal(ranged.containsAny(k), containsAny(sliced, l));
          assert.deepEqual(ranged.findAny(k), findAny(sliced, l));
          assert.equal(ranged.countAll(k, 7), l.length ? countAll(sliced, l, 7) : 0);
        });
      }),
      params,
    );
  });

  it('detectProfile and locateParts equal the per-profile reference on random report-like texts', () => {
    fc.assert(fc.property(docArb, assertSameAsReference), params);
  });

  it('detectProfile and locateParts equal the per-profile reference on hand-written drafts', () => {
    const drafts = [
      '某县人民政府2024年法治政府建设年度报告\n\n2024年，我县深入推进依法行政。现将有关情况报告如下：\n\n一、主要举措和成效\n（一）健全依法决策机制。\n二、存在的不足和原因\n法治建设还存在薄弱环节。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n四、2025年工作计划\n2025年，我县将继续推进法治政府建设。\n\n某县人民政府\n2025年1月20日',
      '某市统计局2024年政府信息公开工作年度报告\n\n一、总体情况\n本机关主动公开政府信息。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 3\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。',
      '关于2024年度工作的总结\n\n2024年，局里推进法治建设，落实第一责任人职责。\n但还存在一些不足：人员不够。\n2025年，我们将加强学习。',
      '',
      '法治政府建设',
    ];
    for (const d of drafts) assertSameAsReference(d);
  });
});
