import type { Analysis } from '../analysis';
import { formatChineseNumeral } from '../chinese-numerals';
import type { ReportDocument } from '../document';
import type { TextEdit } from '../types';
import type { Heading, MarkerStyle, NumberedStyle } from './headings';
import type { Outline, Section } from './outline';

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
    let g = byStyle.get(style);
    if (!g) {
      g = { style, parent: s.parent, items: [], expectedStart: 1, continuous: false, previousLast: null };
      byStyle.set(style, g);
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
  /** The number the item should carry, judged from its predecessor. */
  expected: number;
  /** For duplicates: the earlier item with the same number. */
  duplicateOf?: Section;
}

/**
 * Problems in one sequence, each judged against the item before it so that one
 * skipped number yields one finding, not a cascade.
 */
export function sequenceProblems(seq: NumberedSequence): SequenceProblem[] {
  const problems: SequenceProblem[] = [];
  const seen = new Map<number, Section>();
  let prev: number | null = seq.continuous ? seq.previousLast : null;
  seq.items.forEach((s, i) => {
    const n = s.heading.number ?? 0;
    const expected = prev === null ? seq.expectedStart : prev + 1;
    const earlier = seen.get(n);
    if (earlier) problems.push({ kind: 'duplicate', index: i, expected, duplicateOf: earlier });
    else if (n !== expected) problems.push({ kind: 'gap', index: i, expected });
    if (!earlier) seen.set(n, s);
    prev = n;
  });
  return problems;
}
