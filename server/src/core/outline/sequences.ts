import type { Analysis } from '../analysis';
import { formatChineseNumeral } from '../document/chinese-numerals';
import type { ReportDocument } from '../document/document';
import type { TextEdit } from '../types';
import type { Heading, MarkerStyle, NumberedStyle } from './headings';
import type { Outline, Section } from './outline';
import type { ItemList } from './non-headings';

/**
 * A run of sibling headings of one marker style, numbered 1, 2, 3 … (or, for
 * continuously numbered styles, continuing from the previous parent's run).
 */
export interface NumberedSequence {
  style: NumberedStyle;
  parent: Section | null;
  items: Section[];
  /** The number the first item should carry. */
  expectedStart: number;
  /** True when this style is numbered continuously across parents in this document (seed 002). */
  continuous: boolean;
  /** For continuous numbering: the number actually written on the previous parent's last item. */
  previousLast: number | null;
}

export interface NumberingModel {
  sequences: NumberedSequence[];
  /** Styles numbered continuously across parents. */
  continuousStyles: Set<MarkerStyle>;
}

export function numberingModel(analysis: Analysis): NumberingModel {
  return analysis.memo('numbering-model', () => buildNumberingModel(analysis.outline));
}

function buildNumberingModel(outline: Outline): NumberingModel {
  // Group siblings by (parent, style) in document order.
  const groups: NumberedSequence[] = [];
  const keyOf = new Map<Section | null, Map<string, NumberedSequence>>();
  for (const s of outline.flat) {
    const style = s.heading.style;
    if (style === 'markdown' || style === 'question') continue;
    let byStyle = keyOf.get(s.parent);
    if (!byStyle) keyOf.set(s.parent, (byStyle = new Map()));
    const key = `${style}|${s.heading.appendix ?? 0}`;
    let g = byStyle.get(key);
    if (!g) {
      g = { style, parent: s.parent, items: [], expectedStart: 1, continuous: false, previousLast: null };
      byStyle.set(key, g);
      groups.push(g);
    }
    g.items.push(s);
  }
  // Decide per style whether numbering restarts under each parent or runs on.
  const continuousStyles = new Set<MarkerStyle>();
  const byStyle = new Map<MarkerStyle, NumberedSequence[]>();
  for (const g of groups) {
    if (g.parent === null) continue; // top-level runs have nothing to continue from
    const list = byStyle.get(g.style) ?? [];
    list.push(g);
    byStyle.set(g.style, list);
  }
  for (const [style, list] of byStyle) {
    if (list.length < 2) continue;
    let runOn = 0;
    let restart = 0;
    for (let i = 1; i < list.length; i++) {
      const first = list[i].items[0].heading.number ?? 1;
      if (first === 1) restart++;
      else if (first > 1) runOn++;
    }
    if (runOn > restart) {
      continuousStyles.add(style);
      let next = 1;
      let previousLast: number | null = null;
      for (const g of list) {
        g.continuous = true;
        g.expectedStart = next;
        g.previousLast = previousLast;
        next += g.items.length;
        previousLast = g.items[g.items.length - 1].heading.number;
      }
    }
  }
  return { sequences: groups, continuousStyles };
}

/** The marker of `h` rewritten to carry number `n`, keeping its style (Chinese / full-width digits). */
export function markerWithNumber(doc: ReportDocument, h: Heading, n: number): string {
  const numeral = numeralText(doc, h, n);
  const before = doc.text.slice(h.markerRange.start, h.numeralRange.start);
  const after = doc.text.slice(h.numeralRange.end, h.markerRange.end);
  return before + numeral + after;
}

export function numeralText(doc: ReportDocument, h: Heading, n: number): string {
  const current = doc.text.slice(h.numeralRange.start, h.numeralRange.end);
  if (h.style === 'cn-dun' || h.style === 'cn-paren' || (h.style === 'part' && !/[0-9０-９]/.test(current))) {
    return formatChineseNumeral(n);
  }
  const ascii = String(n);
  if (h.digits === 'full') return ascii.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return ascii;
}

/** Expected number of every item in a sequence. */
export function expectedNumbers(seq: NumberedSequence): number[] {
  return seq.items.map((_, i) => seq.expectedStart + i);
}

/** All the sequences that must be renumbered together with `seq` (continuous styles run across parents). */
export function linkedSequences(model: NumberingModel, seq: NumberedSequence): NumberedSequence[] {
  if (!seq.continuous) return [seq];
  return model.sequences.filter((s) => s.continuous && s.style === seq.style);
}

/** Edits that renumber the given sequences; only numerals that change are touched. */
export function renumberEdits(doc: ReportDocument, sequences: NumberedSequence[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const seq of sequences) {
    const expected = expectedNumbers(seq);
    seq.items.forEach((s, i) => {
      const h = s.heading;
      if (h.number === expected[i]) return;
      edits.push({ range: doc.rangeOfOffsets(h.numeralRange), newText: numeralText(doc, h, expected[i]) });
    });
  }
  return edits;
}

export interface SequenceProblem {
  kind: 'gap' | 'duplicate';
  /** Index of the offending item in `seq.items`. */
  index: number;
  /** The number the item should carry. */
  expected: number;
  /** For duplicates: the earlier item with the same number. */
  duplicateOf?: Section;
  /**
   * True when this item starts a block of items all numbered off by the same amount (一、二、四、五):
   * the one finding for the whole block; false for a single wrong marker ((三)(三)(五)).
   */
  shift: boolean;
}

/** One step of the fewest-changes explanation of a numbered run (see explainNumbers). */
export interface NumberSlip {
  index: number;
  expected: number;
  shift: boolean;
}

/**
 * Explain `numbers` against the expected run start, start+1, … with the fewest wrong markers.
 * A single wrong marker costs one (`(三)(三)(五)`: the second (三) should be (四)); so does a block
 * of markers all off by the same amount from some item on (`一、二、四、五`: one slip at 四、, the
 * rest follow it). `offset` is the amount the run is already off when it starts (a continuous
 * numbering that inherits an earlier slip). Ties prefer a single wrong marker when the next
 * item agrees with the old numbering, else a shifted block.
 */
export function explainNumbers(numbers: readonly number[], start: number, offset = 0): NumberSlip[] {
  const n = numbers.length;
  // A run numbered as expected (most runs) has no slip: the search below finds none either.
  let clean = 0;
  while (clean < n && numbers[clean] - (start + clean) === offset) clean++;
  if (clean === n) return [];
  // dp over the current offset: cost and back-pointers, one map per position.
  type State = { cost: number; prev: number | null; slip: NumberSlip | null };
  let states = new Map<number, State>([[offset, { cost: 0, prev: null, slip: null }]]);
  const history: Map<number, State>[] = [];
  for (let i = 0; i < n; i++) {
    const d = numbers[i] - (start + i);
    const next = new Map<number, State>();
    const offer = (off: number, st: State) => {
      const cur = next.get(off);
      if (!cur || st.cost < cur.cost) next.set(off, st);
    };
    for (const [off, st] of states) {
      if (d === off) {
        offer(off, { cost: st.cost, prev: off, slip: null });
        continue;
      }
      // One wrong marker: the numbering goes on as before.
      offer(off, { cost: st.cost + 1, prev: off, slip: { index: i, expected: start + i + off, shift: false } });
      // A shifted block: from here on the numbering is off by d.
      const shifted = { cost: st.cost + 1, prev: off, slip: { index: i, expected: start + i + off, shift: true } };
      const cur = next.get(d);
      // Prefer the shift on a tie only when the following item agrees with it.
      const follows = i + 1 < n && numbers[i + 1] - (start + i + 1) === d;
      if (!cur || shifted.cost < cur.cost || (shifted.cost === cur.cost && follows)) next.set(d, shifted);
    }
    // A state that costs more than the cheapest one can never do better than it (the cheapest can
    // shift to that offset for one more), so only the cheapest few are kept: linear time.
    let min = Infinity;
    for (const st of next.values()) min = Math.min(min, st.cost);
    const kept = new Map<number, State>();
    for (const [off, st] of next) if (st.cost === min && kept.size < 8) kept.set(off, st);
    history.push(kept);
    states = kept;
  }
  // The cheapest final state; on a tie, the one that ends on the expected numbering.
  let bestOff = 0;
  let best: State | null = null;
  for (const [off, st] of states) {
    if (!best || st.cost < best.cost || (st.cost === best.cost && off === offset)) {
      best = st;
      bestOff = off;
    }
  }
  const slips: NumberSlip[] = [];
  let off: number | null = bestOff;
  for (let i = n - 1; i >= 0 && off !== null; i--) {
    const st: State = history[i].get(off)!;
    if (st.slip) slips.push(st.slip);
    off = st.prev;
  }
  slips.reverse();
  // A single wrong last item reads the same either way: call it a wrong marker.
  for (const s of slips) if (s.shift && s.index === n - 1) s.shift = false;
  return slips;
}

/**
 * Problems in one sequence: the fewest wrong markers that explain it (explainNumbers), so that
 * one typo yields one finding and a shifted block yields one finding at its first item.
 */
export function sequenceProblems(seq: NumberedSequence): SequenceProblem[] {
  // Built by push, not .map (whose result's elements kind differs between the interpreter and
  // optimised code: explainNumbers and this function de-optimised on it).
  const numbers: number[] = [];
  for (let i = 0; i < seq.items.length; i++) numbers.push(seq.items[i].heading.number ?? 0);
  const offset = seq.continuous && seq.previousLast !== null ? seq.previousLast + 1 - seq.expectedStart : 0;
  const slips = explainNumbers(numbers, seq.expectedStart, offset);
  if (!slips.length) return [];
  const firstSeen = new Map<number, Section>();
  const seenBefore: (Section | undefined)[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const earlier = firstSeen.get(numbers[i]);
    if (!earlier) firstSeen.set(numbers[i], seq.items[i]);
    seenBefore.push(earlier);
  }
  return slips.map((slip) => {
    const earlier = seenBefore[slip.index];
    return earlier
      ? { kind: 'duplicate' as const, index: slip.index, expected: slip.expected, duplicateOf: earlier, shift: slip.shift }
      : { kind: 'gap' as const, index: slip.index, expected: slip.expected, shift: slip.shift };
  });
}

/** One wrong marker of an item list (…十件民生实事：一、…十、), explained like a heading run. */
export interface ItemListProblem {
  kind: 'gap' | 'duplicate';
  item: Heading;
  expected: number;
  duplicateOf?: Heading;
  shift: boolean;
}

/** The list's own numbered items: the siblings of its first item (not their sub-items). */
export function itemListSiblings(list: ItemList): Heading[] {
  const h = list.items[0];
  if (!h) return [];
  return list.items.filter((x) => x.rank === h.rank && x.style === h.style && x.number !== null);
}

/** The fewest wrong markers that explain an item list's numbering 1, 2, 3 … (explainNumbers). */
export function itemListProblems(list: ItemList): ItemListProblem[] {
  const items = itemListSiblings(list);
  const numbers: number[] = [];
  for (let i = 0; i < items.length; i++) numbers.push(items[i].number!);
  const firstSeen = new Map<number, Heading>();
  const earlier = items.map((x) => {
    const e = firstSeen.get(x.number!);
    if (!e) firstSeen.set(x.number!, x);
    return e;
  });
  return explainNumbers(numbers, 1).map((slip) => {
    const e = earlier[slip.index];
    const item = items[slip.index];
    return e
      ? { kind: 'duplicate' as const, item, expected: slip.expected, duplicateOf: e, shift: slip.shift }
      : { kind: 'gap' as const, item, expected: slip.expected, shift: slip.shift };
  });
}

/** Edits that number an item list 1, 2, 3 …; only numerals that change are touched. */
export function itemListRenumberEdits(doc: ReportDocument, list: ItemList): TextEdit[] {
  const edits: TextEdit[] = [];
  itemListSiblings(list).forEach((h, i) => {
    if (h.number !== i + 1) edits.push({ range: doc.rangeOfOffsets(h.numeralRange), newText: numeralText(doc, h, i + 1) });
  });
  return edits;
}
