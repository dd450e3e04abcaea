import type { Analysis } from '../analysis';
import { markerWithNumber, numeralText } from '../outline/sequences';
import type { Section } from '../outline/outline';
import type { TextEdit } from '../types';
import { reportYear } from '../document/years';
import { locateParts, type PartLocation } from './locate';
import { findPart } from './registry';
import type { Profile, ProfilePart } from './types';
import { skeletonOrder } from '../features/report-skeleton';
import { partTablesMarkdown } from './table-skeleton';

/** How a skeleton is numbered and where its years come from. */
export interface SkeletonContext {
  /** The report year Y ({year}); {nextYear} is Y+1. Unknown years stay as “××××”. */
  year: number | null;
  /** The heading marker to put before the title, e.g. `三、`; '' for an unnumbered heading. */
  marker: string;
  /** Text before the marker on the heading line, e.g. `## ` in Markdown. */
  prefix?: string;
  eol?: string;
  /** Put a blank line after the heading and after the body (Markdown). */
  blankLines?: boolean;
}

function fill(template: string, year: number | null): string {
  return template
    .replace(/\{year\}/g, year === null ? '××××' : String(year))
    .replace(/\{nextYear\}/g, year === null ? '××××' : String(year + 1));
}

/** The text of one part's skeleton: heading line and a body line, each ending with a line break. */
export function partSkeleton(profile: Profile, partId: string, ctx: SkeletonContext): string {
  const part = findPart(profile, partId);
  if (!part) throw new Error(`profile ${profile.id} has no part ${partId}`);
  const eol = ctx.eol ?? '\n';
  const gap = ctx.blankLines ? eol : '';
  const title = fill(part.skeleton.title, ctx.year);
  const body = fill(part.skeleton.body, ctx.year);
  // The part's statistical tables (every row and column label, empty cells), after the body.
  const tables = partTablesMarkdown(profile, part.skeleton.tables, eol);
  return `${ctx.prefix ?? ''}${ctx.marker}${title}${eol}${gap}${body ? body + eol + gap : ''}${tables ? tables + eol + gap : ''}`;
}

/** Where a part belongs relative to the others: the regulation's order (report-skeleton.ts). */
const effectiveOrder = (part: ProfilePart): number => skeletonOrder(part);

function startOf(loc: PartLocation): number {
  if (loc.kind === 'heading' || loc.kind === 'merged' || loc.kind === 'fallback') return (loc.topSection ?? loc.section)!.range.start;
  return loc.range.start;
}

export interface PartInsertion {
  /** Insert the skeleton, and renumber the level-1 headings after it. One undoable edit. */
  edits: TextEdit[];
  /** The marker given to the new part ('' when unnumbered). */
  marker: string;
  /** Offset where the skeleton goes. */
  offset: number;
}

/**
 * Plan the insertion of a missing part: before the first part that should follow it, or after
 * the last section (before the closing block); numbered to fit the document's level-1
 * sequence, with the later level-1 numbers moved on by one.
 */
export function partInsertion(analysis: Analysis, profile: Profile, partId: string): PartInsertion {
  const { doc, outline } = analysis;
  const part = findPart(profile, partId);
  if (!part) throw new Error(`profile ${profile.id} has no part ${partId}`);
  const located = locateParts(analysis, profile);
  const order = effectiveOrder(part);

  // Anchor: the earliest located part that should come after this one.
  let offset = -1;
  for (const { part: other, location } of located.parts) {
    if (!location || other.id === partId || location.kind === 'body' || effectiveOrder(other) <= order) continue;
    const s = startOf(location);
    if (offset < 0 || s < offset) offset = s;
  }
  let atEnd = false;
  if (offset < 0) {
    atEnd = true;
    const closing = outline.closing;
    offset = closing ? doc.lines[(closing.issuer ?? closing.date).line].start : doc.text.length;
  } else {
    offset = doc.lines[doc.positionAt(offset).line].start;
  }

  // Numbering: follow the document's level-1 sequence (一、二、…) when it has one.
  const level1 = outline.sections.filter((s) => s.heading.style === 'cn-dun');
  const before = level1.filter((s) => s.heading.range.start < offset);
  const after = level1.filter((s) => s.heading.range.start >= offset);
  const reference: Section | undefined = before[before.length - 1] ?? after[0];
  let marker = '';
  let prefix = '';
  const edits: TextEdit[] = [];
  if (reference) {
    const n = before.length ? (before[before.length - 1].heading.number ?? before.length) + 1 : 1;
    marker = markerWithNumber(doc, reference.heading, n);
    const line = doc.lines[reference.heading.line];
    prefix = doc.text.slice(line.start, reference.heading.markerRange.start);
    let next = n + 1;
    for (const s of after) {
      const h = s.heading;
      if (h.number !== next) edits.push({ range: doc.rangeOfOffsets(h.numeralRange), newText: numeralText(doc, h, next) });
      next++;
    }
  } else if (doc.format === 'markdown') {
    const md = outline.sections.find((s) => s.heading.markdownLevel !== null);
    prefix = md ? '#'.repeat(md.heading.markdownLevel!) + ' ' : '## ';
  } else {
    // A plain-text report with no level-1 sections yet: an unnumbered line would not read as a
    // heading, so the new part opens the level-1 sequence.
    marker = '一、';
  }
  const eol = doc.eol;
  let text = partSkeleton(profile, partId, {
    year: reportYear(analysis)?.year ?? null,
    marker,
    prefix,
    eol,
    blankLines: doc.format === 'markdown',
  });
  if (atEnd && offset === doc.text.length && doc.text.length > 0 && !/[\r\n]$/.test(doc.text)) text = eol + text;
  // Insert at the end of the previous line (before its line break), so the insertion never
  // touches the position where the next heading's renumbering edit starts.
  const line = doc.positionAt(offset).line;
  if (offset > 0 && offset === doc.lines[line].start && line > 0) {
    const prevEnd = doc.lines[line - 1].end;
    const pos = doc.positionAt(prevEnd);
    edits.unshift({ range: { start: pos, end: pos }, newText: eol + text.slice(0, text.length - eol.length) });
  } else {
    const pos = doc.positionAt(offset);
    const clash = edits.findIndex((e) => doc.offsetAt(e.range.start) === offset);
    if (clash >= 0) {
      // The first heading of the document is renumbered: fold that edit into the insertion.
      const e = edits.splice(clash, 1)[0];
      edits.unshift({ range: { start: pos, end: e.range.end }, newText: text + e.newText });
    } else edits.unshift({ range: { start: pos, end: pos }, newText: text });
  }
  return { edits, marker, offset };
}
