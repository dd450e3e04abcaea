import type { ReportDocument } from '../document/document';
import { findNoteLists, findToc, type NoteList, type TocBlock } from '../document/blocks/lists';
import { parseChineseNumeral } from '../document/chinese-numerals';
import { firstNonSpaceIndex, isJsSpaceCode } from '../document/chars';
import { leadingSpace, recognizeHeading, type Heading } from './headings';
import { explainNumbers } from './sequences';

/**
 * The second pass over the heading candidates of a document: markers the publisher broke over two
 * lines and markers followed by digits (20.2026年…) are added where the numbering expects them;
 * table-of-contents entries, note items and item lists are taken out (none of them is a heading);
 * headings after an appendix line (附件1) are tagged with the appendix they belong to.
 */

/** A colon-ended lead-in followed by numbered items that restart a running sequence (…十件民生实事：一、…十、). */
export interface ItemList {
  /** The lead-in line. */
  leadLine: number;
  /** The item headings (no longer headings of the outline). */
  items: Heading[];
}

export interface Appendix {
  line: number;
  text: string;
}

export interface RefinedHeadings {
  headings: Heading[];
  toc: TocBlock | null;
  noteLists: NoteList[];
  itemLists: ItemList[];
  appendices: Appendix[];
  /** Lines holding only the first part of a broken marker (not paragraphs). */
  brokenMarkerLines: number[];
}

const APPENDIX_RE = /^附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$/;
const LEAD_IN_END = /[:：]$/;
const COUNT_RE = /([一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*(?:件|项|个|条|类|方面|大)/;

/** Whether a line is one opening bracket with spaces around it (what `t === '（' || t === '('` tests after trim). */
function isLoneOpenBracket(text: string): boolean {
  const i = firstNonSpaceIndex(text);
  const c = text.charCodeAt(i);
  return (c === 0xff08 || c === 0x28) && firstNonSpaceIndex(text.slice(i + 1)) === text.length - i - 1;
}

export function refineHeadings(doc: ReportDocument, recognised: Heading[], skip: (line: number) => boolean): RefinedHeadings {
  const lines = doc.lines;
  const markdown = doc.format === 'markdown';
  // The heading of each line (a holey array indexed by line: cheaper than a Map on every version).
  const byLine: (Heading | undefined)[] = new Array(lines.length);
  for (const h of recognised) byLine[h.line] = h;

  // 1. Markers broken over two lines: a line holding only an opening bracket, the rest on the next line.
  const brokenMarkerLines: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!isLoneOpenBracket(lines[i].text)) continue;
    const t = lines[i].text.trim();
    if ((t !== '（' && t !== '(') || skip(i) || skip(i + 1) || byLine[i + 1] !== undefined) continue;
    const next = lines[i + 1];
    const virtual = { index: next.index, start: next.start - 1, end: next.end, text: t + next.text };
    const h = recognizeHeading(virtual, t + doc.lineSimplified(next), markdown);
    if (!h || (h.style !== 'cn-paren' && h.style !== 'arabic-paren')) continue;
    const bracket = lines[i].start + lines[i].text.indexOf(t);
    const lineEnd = lines[i].end;
    h.markerRange = { start: bracket, end: h.markerRange.end };
    h.range = { start: bracket, end: next.end };
    h.brokenFrom = { line: i, range: { start: bracket, end: lineEnd } };
    byLine[i + 1] = h;
    brokenMarkerLines.push(i);
  }

  // 2. Markers followed by digits (20.2026年10件…, 21.5+2…), where the sequence expects that number.
  // In line order (each heading sits at its own line's index).
  let headings: Heading[] = [];
  for (let l = 0; l < byLine.length; l++) {
    const h = byLine[l];
    if (h !== undefined) headings.push(h);
  }
  const candidates: Heading[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (line.end === line.start) continue;
    // Such a marker opens the line with a digit (after the spaces recognizeHeading skips, and in
    // Markdown a `#` heading mark): other lines are not sliced and matched.
    const first = doc.simplified.charCodeAt(line.start + leadingSpace(line.text));
    if (!((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19) || (markdown && first === 0x23))) continue;
    if (byLine[line.index] !== undefined || skip(line.index)) continue;
    const h = recognizeHeading(line, doc.lineSimplified(line), markdown, { digitsAfterDot: true });
    if (h) candidates.push(h);
  }
  headings = acceptDigitCandidates(headings, candidates);

  // 3. Appendices: headings after 附件N belong to that appendix.
  const appendices: Appendix[] = [];
  const view = doc.simplified;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    // APPENDIX_RE starts with 附: other lines are not sliced, trimmed and tested.
    let first = line.start;
    while (first < line.end && isJsSpaceCode(view.charCodeAt(first))) first++;
    if (first === line.end || view.charCodeAt(first) !== 0x9644 /* 附 */) continue;
    const t = doc.lineSimplified(line).trim();
    if (t.length <= 8 && APPENDIX_RE.test(t) && byLine[line.index] === undefined) appendices.push({ line: line.index, text: line.text.trim() });
  }
  if (appendices.length) {
    let a = 0;
    for (const h of headings) {
      while (a < appendices.length && appendices[a].line < h.line) a++;
      if (a > 0) h.appendix = a;
    }
  }

  // 4. Table of contents and note lists.
  const removed = new Set<number>();
  // The headings by line (indexed by line, as byLine).
  const atLine: (Heading | undefined)[] = new Array(lines.length);
  for (const h of headings) atLine[h.line] = h;
  const toc = findToc(doc, (l) => atLine[l]);
  if (toc) for (const l of toc.entries) removed.add(l);
  const noteLists = findNoteLists(doc, (l) => (removed.has(l) ? undefined : atLine[l]));
  for (const n of noteLists) for (const l of n.items) removed.add(l);
  if (removed.size) headings = headings.filter((h) => !removed.has(h.line));

  // 5. Item lists.
  const itemLists = findItemLists(doc, headings);
  if (itemLists.length) {
    const out = new Set<Heading>();
    for (const il of itemLists) for (const h of il.items) out.add(h);
    headings = headings.filter((h) => !out.has(h));
  }
  return { headings, toc, noteLists, itemLists, appendices, brokenMarkerLines };
}

/**
 * Step 2 of refineHeadings: which candidates (markers followed by digits, in line order, on lines
 * without a heading) continue the numbering around them; `headings` in line order. Returns the
 * headings with the accepted candidates in place (a new array), or `headings` when none is.
 */
export function acceptDigitCandidates(headings: Heading[], candidates: readonly Heading[]): Heading[] {
  // `all`: the headings and the candidates accepted so far, in line order (an accepted candidate
  // is inserted at its place). A candidate is accepted when the nearest heading of its rank before
  // it in `all`, and after it in `all` and the later candidates, continue its numbering. (The
  // candidates are in line order; each one is searched for in these sorted lists, not re-sorted.)
  const all = headings.slice();
  let accepted = 0;
  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci];
    let at = 0;
    for (let hi = all.length; at < hi; ) {
      const mid = (at + hi) >> 1;
      if (all[mid].line <= c.line) at = mid + 1;
      else hi = mid;
    }
    let prev: Heading | null = null;
    for (let k = at - 1; k >= 0; k--) {
      const d = nearestStep(all[k], c);
      if (d === 0) continue;
      if (d === 1) prev = all[k];
      break;
    }
    if (!prev || prev.style !== 'arabic-dot' || prev.number !== (c.number ?? 0) - 1) continue;
    // After c: `all` from `at` merged with the later candidates (none of which is in `all` yet).
    let next: Heading | null = null;
    for (let a = at, b = ci + 1; a < all.length || b < candidates.length; ) {
      const x = b >= candidates.length || (a < all.length && all[a].line <= candidates[b].line) ? all[a++] : candidates[b++];
      const d = nearestStep(x, c);
      if (d === 0) continue;
      if (d === 1) next = x;
      break;
    }
    if (!next || next.style !== 'arabic-dot' || next.number !== (c.number ?? 0) + 1) continue;
    all.splice(at, 0, c);
    accepted++;
  }
  return accepted ? all : headings;
}

/**
 * One step of the search for the nearest heading of h's rank, going away from h: 1 when x is it,
 * -1 when the search stops without one (another appendix, or a higher-rank heading comes first),
 * 0 to go on (a lower-rank heading, or h's own line).
 */
function nearestStep(x: Heading, h: Heading): -1 | 0 | 1 {
  if (x.line === h.line) return 0;
  if ((x.appendix ?? 0) !== (h.appendix ?? 0)) return -1;
  if (x.rank < h.rank) return -1;
  if (x.rank === h.rank) return 1;
  return 0;
}

function previousNonBlank(doc: ReportDocument, line: number): number {
  let k = line - 1;
  while (k >= 0 && !/\S/.test(doc.lines[k].text)) k--;
  return k;
}

function findItemLists(doc: ReportDocument, headings: Heading[]): ItemList[] {
  const out: ItemList[] = [];
  const taken = new Set<Heading>();
  for (let idx = 0; idx < headings.length; idx++) {
    const h = headings[idx];
    if (h.number !== 1 || h.style === 'markdown' || h.style === 'question' || taken.has(h)) continue;
    const lead = previousNonBlank(doc, h.line);
    if (lead < 0) continue;
    const leadText = doc.lineSimplified(doc.lines[lead]).trim();
    if (!LEAD_IN_END.test(leadText)) continue;
    // The running sequence this 1 would restart: the nearest earlier heading of rank ≤ h's rank.
    let sib: Heading | null = null;
    for (let j = idx - 1; j >= 0; j--) {
      const x = headings[j];
      if (taken.has(x)) continue;
      if (x.rank <= h.rank) {
        sib = x;
        break;
      }
    }
    if (!sib || sib.style !== h.style || (sib.appendix ?? 0) !== (h.appendix ?? 0) || sib.number === null) continue;
    const n = sib.number;
    // Candidate items 1, 2, 3 … (deeper headings between them are their own sub-items).
    const items: number[] = [idx];
    let k = idx + 1;
    for (; k < headings.length; k++) {
      const x = headings[k];
      if (x.rank < h.rank || (x.appendix ?? 0) !== (h.appendix ?? 0)) break;
      if (x.rank > h.rank) continue;
      if (x.style === h.style && x.number === headings[items[items.length - 1]].number! + 1) items.push(k);
      else break;
    }
    let count = 0;
    const cm = COUNT_RE.exec(leadText);
    if (cm) {
      const c = /\d/.test(cm[1]) ? Number(cm[1]) : parseChineseNumeral(cm[1]) ?? 0;
      if (c >= 1 && c <= items.length) count = c;
    }
    if (!count) {
      // The fewest items after which the running sequence continues (n+1, n+2 …) without a break.
      for (let m = 1; m <= items.length && !count; m++) {
        let want = n + 1;
        let ok = true;
        for (let r = items[m - 1] + 1; r < headings.length; r++) {
          const x = headings[r];
          if (x.rank < h.rank || (x.appendix ?? 0) !== (h.appendix ?? 0)) break;
          if (x.rank > h.rank || x.style !== h.style) continue;
          if (x.number !== want) {
            ok = false;
            break;
          }
          want++;
        }
        if (ok) count = m;
      }
      if (!count) count = items.length;
    }
    let lastIdx = items[count - 1];
    // A list of at least two items in sequence whose numbering, or the running sequence's after it,
    // then goes wrong: find where it ends with the fewest wrong markers.
    if (items.length >= 2 && !cleanSplit(headings, h, items, count, n, leadText)) lastIdx = splitWithSlips(headings, idx, h, n, leadText) ?? lastIdx;
    const list: Heading[] = [];
    for (let r = idx; r <= lastIdx; r++) {
      list.push(headings[r]);
      taken.add(headings[r]);
    }
    out.push({ leadLine: lead, items: list });
    idx = lastIdx;
  }
  return out;
}

/** The number of items the lead-in announces (十件民生实事 → 10), or 0. */
function announcedCount(leadText: string): number {
  const cm = COUNT_RE.exec(leadText);
  if (!cm) return 0;
  return /\d/.test(cm[1]) ? Number(cm[1]) : parseChineseNumeral(cm[1]) ?? 0;
}

/** Whether `h` is a sibling of the list's first item (same style, rank and appendix). */
function sameRun(x: Heading, h: Heading): boolean {
  return x.rank === h.rank && x.style === h.style && (x.appendix ?? 0) === (h.appendix ?? 0);
}

/**
 * Whether the strict split (items numbered 1, 2, 3 … without a slip, the running sequence going on
 * at n+1 right after them) explains the headings without a single wrong marker.
 */
function cleanSplit(headings: Heading[], h: Heading, items: number[], count: number, n: number, leadText: string): boolean {
  if (count < items.length && count !== announcedCount(leadText)) {
    // The fewest-items rule chose `count`: its continuation was checked clean.
    return true;
  }
  let want = n + 1;
  for (let r = items[count - 1] + 1; r < headings.length; r++) {
    const x = headings[r];
    if (x.rank < h.rank || (x.appendix ?? 0) !== (h.appendix ?? 0)) break;
    if (!sameRun(x, h)) continue;
    if (x.number !== want) return false;
    want++;
  }
  return true;
}

/** How many siblings an item list and the run after it are weighed over (bounds the work per list). */
const SLIP_WINDOW = 32;

/**
 * The end of an item list whose own numbering (or the running sequence after it) has a wrong
 * marker (…：一、二、四、…十、 then 四、 of the report): the split into list items 1, 2, … and the
 * running sequence n+1, n+2, … that needs the fewest wrong markers (outline/sequences.ts,
 * explainNumbers). Ties go to the count the lead-in announces (十件), else to the longer list.
 * Returns the heading index of the list's last sibling item (its sub-items follow it), or null.
 */
function splitWithSlips(headings: Heading[], idx: number, h: Heading, n: number, leadText: string): number | null {
  const run: number[] = [];
  for (let k = idx; k < headings.length && run.length < SLIP_WINDOW; k++) {
    const x = headings[k];
    if (x.rank < h.rank || (x.appendix ?? 0) !== (h.appendix ?? 0)) break;
    if (!sameRun(x, h) || x.number === null) continue;
    // A marker numbered 1 again starts another list (or run): never part of this one.
    if (run.length && x.number === 1) break;
    run.push(k);
  }
  if (run.length < 2) return null;
  const numbers: number[] = []; // by push: one elements kind for explainNumbers (see sequences.ts)
  for (let i = 0; i < run.length; i++) numbers.push(headings[run[i]].number!);
  const announced = announcedCount(leadText);
  let best: { m: number; cost: number } | null = null;
  for (let m = 1; m <= run.length; m++) {
    const cost = explainNumbers(numbers.slice(0, m), 1).length + explainNumbers(numbers.slice(m), n + 1).length;
    if (!best || cost < best.cost || (cost === best.cost && best.m !== announced)) best = { m, cost };
  }
  // A list that needs as many wrong markers as it has items explains nothing.
  if (!best || best.cost >= best.m) return null;
  // The list's sub-items (deeper headings) up to the next sibling belong to its last item.
  const next = best.m < run.length ? run[best.m] : null;
  let last = run[best.m - 1];
  for (let k = last + 1; k < headings.length && (next === null || k < next); k++) {
    const x = headings[k];
    if (x.rank <= h.rank) break;
    last = k;
  }
  return last;
}
