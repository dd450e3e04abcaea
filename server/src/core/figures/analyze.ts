/**
 * The figures layer of one document version: figures, sentences and claims,
 * computed once per Analysis (analysis.memo) and shared by the rules, the hover
 * and the statistics summary. Every step is linear in the document size: one
 * scan for numbers, one for sentences, and per-sentence work (plus a look at
 * the previous sentence) for the claims.
 */
import type { Analysis } from '../analysis';
import type { Claim } from './claim';
import { scanFigures, type Figure, type NonFigure } from './numbers';
import { boundClaims, findRateMentions, grimClaims, rateClaims, type FigureContext, type RateMention } from './rates';
import { splitSentences, type Sentence } from './text';
import { sumClaims } from './sums';
import { changeClaims } from './changes';
import { repeatClaims } from './repeats';

export interface FiguresAnalysis {
  figures: Figure[];
  skipped: NonFigure[];
  sentences: Sentence[];
  rates: RateMention[];
  claims: Claim[];
}

export const FIGURES_MEMO_KEY = 'figures';

export function figuresOf(analysis: Analysis): FiguresAnalysis {
  return analysis.memo(FIGURES_MEMO_KEY, () => analyzeFigures(analysis.doc.simplified, analysis.doc.text));
}

/** Analyse a text (simplified view + original of the same length). */
export function analyzeFigures(fullSimplified: string, fullOriginal: string = fullSimplified): FiguresAnalysis {
  // Pinyin residue (區(qū), 調(diào)解) is cut out before analysis so 調解率 reads as one word;
  // offsets are mapped back to the document at the end.
  const { simplified, original, map } = withoutPinyin(fullSimplified, fullOriginal);
  const { figures, skipped } = scanFigures(simplified, original);
  const sentences = splitSentences(simplified, figures);
  const ctx: FigureContext = { s: simplified, original, sentences };
  const rates = findRateMentions(ctx);
  const claims: Claim[] = [];
  const rc = rateClaims(ctx, rates);
  claims.push(...rc);
  const linked = new Set(rc.filter((c) => c.inputs.length > 1).map((c) => c.anchor));
  claims.push(...boundClaims(ctx, rates));
  claims.push(...grimClaims(ctx, rates, linked));
  claims.push(...sumClaims(ctx));
  claims.push(...changeClaims(ctx));
  claims.push(...repeatClaims(ctx));
  claims.sort((a, b) => a.anchor.numStart - b.anchor.numStart);
  if (map) {
    const at = (i: number) => (i < map.length ? map[i] : fullOriginal.length);
    const end = (i: number) => (i > 0 ? at(i - 1) + 1 : 0);
    for (const f of figures) {
      f.start = at(f.start);
      f.numStart = at(f.numStart);
      f.end = end(f.end);
      f.numEnd = end(f.numEnd);
    }
    for (const x of skipped) {
      x.start = at(x.start);
      x.end = end(x.end);
    }
    for (const st of sentences) {
      st.start = at(st.start);
      st.end = end(st.end);
    }
  }
  return { figures, skipped, sentences, rates, claims };
}

/** A CJK character followed by (pinyin): 區(qū), 發(fā). */
const PINYIN_RE = /(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]/g;

function withoutPinyin(simplified: string, original: string): { simplified: string; original: string; map: Int32Array | null } {
  PINYIN_RE.lastIndex = 0;
  if (!PINYIN_RE.test(simplified)) return { simplified, original, map: null };
  PINYIN_RE.lastIndex = 0;
  const map = new Int32Array(simplified.length);
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
  return { simplified: s, original: o, map: map.subarray(0, n) };
}
