import type { Analysis } from '../analysis';
import { formatChineseNumeral } from '../document/chinese-numerals';
import { localize, type LocalizedText } from '../l10n';
import { STYLE_LEVEL, type Heading, type NumberedStyle } from '../outline/headings';
import type { Section } from '../outline/outline';
import { numberingModel } from '../outline/sequences';
import type { Locale, Position, Range } from '../types';
import { locateParts } from '../profiles/locate';
import { partSkeleton } from '../profiles/skeleton';
import type { Profile } from '../profiles/types';
import { reportYear } from '../document/years';
import { rowLabelCompletions } from '../statistical-tables/completion';

/**
 * Completion at the start of a line: the heading marker that comes next in the
 * current numbering sequence (after （二） offer （三）, after 七、 offer 八、), the
 * first marker one level down, and the next marker of every enclosing level.
 * Pure: the server converts the suggestions into LSP completion items.
 */
export interface CompletionSuggestion {
  /** What the list shows, e.g. `（三）`. */
  label: string;
  /** Inserted text (replaces `range`). */
  insertText: string;
  /** The text already typed at the start of the line (from its first non-blank character to the caret). */
  range: Range;
  kind: 'marker' | 'part' | 'table-row';
  detail: string;
  /** Markdown shown beside the item. */
  documentation?: string;
  /** Sorts the list: the most likely continuation first. */
  sortText: string;
  filterText: string;
}

const MSG = {
  nextSibling: {
    'zh-cn': '下一个{level}（接“{after}”）',
    en: 'Next {level} (after “{after}”)',
  },
  firstChild: {
    'zh-cn': '“{parent}”下的第一个{level}',
    en: 'First {level} under “{parent}”',
  },
  missingPart: {
    'zh-cn': '尚缺的法定内容：{item}',
    en: 'Mandated part not yet present: {item}',
  },
  optionalPart: {
    'zh-cn': '可选内容（尚未写入）：{item}',
    en: 'Optional part not yet present: {item}',
  },
  firstHeading: {
    'zh-cn': '第一个{level}',
    en: 'First {level}',
  },
  level0: { 'zh-cn': '部分标题', en: 'part heading' },
  level1: { 'zh-cn': '一级标题', en: 'level-1 heading' },
  level2: { 'zh-cn': '二级标题', en: 'level-2 heading' },
  level3: { 'zh-cn': '三级标题', en: 'level-3 heading' },
  level4: { 'zh-cn': '四级标题', en: 'level-4 heading' },
} satisfies Record<string, LocalizedText>;

const LEVEL_NAMES: LocalizedText[] = [MSG.level0, MSG.level1, MSG.level2, MSG.level3, MSG.level4];

/** Localised name of a GB/T 9704 heading level (0 = part, 1 = 一、 … 4 = （1））. */
export function levelName(level: number, locale: Locale): string {
  const t = LEVEL_NAMES[level];
  return t ? localize(t, locale) : locale === 'en' ? `level-${level} heading` : `${level}级标题`;
}

const STYLE_BY_LEVEL: NumberedStyle[] = ['part', 'cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren'];

/** What may already be typed on the line when a marker is offered: nothing, `#`s, an opening bracket, a numeral. */
const LINE_PREFIX = /^[ \t\u3000]*((?:#{1,6}[ \t]+)?(?:第|[（(])?[一二三四五六七八九十百零〇0-9０-９]*)$/;

function isNumbered(h: Heading): h is Heading & { style: NumberedStyle; number: number } {
  return h.style !== 'markdown' && h.style !== 'question' && h.number !== null;
}

/** How a document writes markers of one style: bracket and punctuation widths, Markdown hashes. */
interface MarkerShape {
  open: string;
  close: string;
  punct: string;
  fullDigits: boolean;
  hashes: number | null;
  partKind: string;
}

function shapeFrom(h: Heading | undefined, style: NumberedStyle, parentHashes: number | null): MarkerShape {
  const shape: MarkerShape = {
    open: '（',
    close: '）',
    punct: style === 'cn-dun' ? '、' : style === 'arabic-dot' ? '.' : '',
    fullDigits: false,
    hashes: parentHashes === null ? null : Math.min(6, parentHashes + 1),
    partKind: '部分',
  };
  if (!h) return shape;
  if (h.paren === 'half') {
    shape.open = '(';
    shape.close = ')';
  }
  // A wrong punctuation (一. or 1、) is not propagated: numbering-style reports it; offer the standard form.
  if (style === 'cn-dun') shape.punct = '、';
  if (style === 'arabic-dot') shape.punct = h.punct === '．' ? '．' : '.';
  shape.fullDigits = h.digits === 'full';
  shape.hashes = h.markdownLevel;
  if (h.partKind) shape.partKind = h.partKind;
  return shape;
}

function formatMarker(style: NumberedStyle, n: number, shape: MarkerShape): string {
  const digits = shape.fullDigits
    ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    : String(n);
  switch (style) {
    case 'part':
      return `第${formatChineseNumeral(n)}${shape.partKind}`;
    case 'cn-dun':
      return `${formatChineseNumeral(n)}${shape.punct}`;
    case 'cn-paren':
      return `${shape.open}${formatChineseNumeral(n)}${shape.close}`;
    case 'arabic-dot':
      return `${digits}${shape.punct}`;
    case 'arabic-paren':
      return `${shape.open}${digits}${shape.close}`;
  }
}

/** Headings before `line` that carry a number. */
function numberedBefore(analysis: Analysis, line: number): Section[] {
  return analysis.outline.flat.filter((s) => s.heading.line < line && isNumbered(s.heading));
}

/** The style a document uses one level below `style`: what other sections of that style contain, else the next GB/T level. */
function childStyle(analysis: Analysis, style: NumberedStyle): NumberedStyle | null {
  const counts = new Map<NumberedStyle, number>();
  for (const s of analysis.outline.flat) {
    if (s.heading.style !== style) continue;
    for (const c of s.children) {
      if (isNumbered(c.heading)) counts.set(c.heading.style as NumberedStyle, (counts.get(c.heading.style as NumberedStyle) ?? 0) + 1);
    }
  }
  let best: NumberedStyle | null = null;
  let bestCount = 0;
  for (const [st, c] of counts) {
    if (c > bestCount) {
      best = st;
      bestCount = c;
    }
  }
  if (best) return best;
  const level = STYLE_LEVEL[style];
  return level < 4 ? STYLE_BY_LEVEL[level + 1] : null;
}

function firstOfStyle(analysis: Analysis, style: NumberedStyle): Heading | undefined {
  return analysis.outline.headings.find((h) => h.style === style);
}

function headingLabel(h: Heading): string {
  return h.marker + (h.title.length > 16 ? h.title.slice(0, 16) + '…' : h.title);
}

/**
 * Marker suggestions for the caret at `position`. Empty unless the text before the caret on
 * its line is blank or the beginning of a marker (`（`, `三`, `## `).
 */
export function markerCompletions(analysis: Analysis, position: Position, locale: Locale): CompletionSuggestion[] {
  const doc = analysis.doc;
  if (position.line < 0 || position.line >= doc.lineCount) return [];
  const line = doc.lines[position.line];
  const before = line.text.slice(0, position.character);
  const m = LINE_PREFIX.exec(before);
  if (!m) return [];
  const typedStart = before.length - m[1].length;
  const range: Range = { start: { line: position.line, character: typedStart }, end: { line: position.line, character: before.length } };

  const previous = numberedBefore(analysis, position.line);
  const out: CompletionSuggestion[] = [];
  const seen = new Set<string>();
  const push = (style: NumberedStyle, n: number, shape: MarkerShape, detail: string, rank: number) => {
    const marker = formatMarker(style, n, shape);
    const insertText = (shape.hashes ? '#'.repeat(shape.hashes) + ' ' : '') + marker;
    if (seen.has(insertText)) return;
    seen.add(insertText);
    out.push({
      label: marker,
      insertText,
      range,
      kind: 'marker',
      detail,
      sortText: String(rank).padStart(3, '0'),
      filterText: insertText,
    });
  };

  const markdownHashesOf = (s: Section | null): number | null => (s ? s.heading.markdownLevel : null);

  if (!previous.length) {
    const style: NumberedStyle = 'cn-dun';
    push(style, 1, shapeFrom(firstOfStyle(analysis, style), style, null), localize(MSG.firstHeading, locale, { level: levelName(1, locale) }), 0);
    return out;
  }

  const last = previous[previous.length - 1];
  // The caret right below a heading (no body yet) most likely starts its first sub-heading.
  let bodyBetween = false;
  for (let l = last.heading.line + 1; l < position.line; l++) {
    if (doc.lines[l].text.trim() !== '') bodyBetween = true;
  }
  if (last.heading.bodyStart !== null) bodyBetween = true;

  const candidates: { style: NumberedStyle; n: number; shape: MarkerShape; detail: string; order: number }[] = [];

  // The next sibling of the last heading and of each of its numbered ancestors, nearest first.
  let order = 1;
  for (let s: Section | null = last; s; s = s.parent) {
    const h = s.heading;
    if (!isNumbered(h)) continue;
    const style = h.style as NumberedStyle;
    candidates.push({
      style,
      n: h.number + 1,
      shape: shapeFrom(h, style, null),
      detail: localize(MSG.nextSibling, locale, { level: levelName(STYLE_LEVEL[style], locale), after: h.marker }),
      order: order++,
    });
  }

  // The first heading one level below the last one.
  const lastStyle = last.heading.style as NumberedStyle;
  const cs = childStyle(analysis, lastStyle);
  if (cs) {
    const model = numberingModel(analysis);
    let n = 1;
    if (model.continuousStyles.has(cs)) {
      // Numbered on across parents (1…21 under （一）…（七））: continue from the last one written.
      const earlier = previous.filter((s) => s.heading.style === cs);
      if (earlier.length) n = (earlier[earlier.length - 1].heading.number ?? 0) + 1;
    }
    candidates.push({
      style: cs,
      n,
      shape: shapeFrom(firstOfStyle(analysis, cs), cs, markdownHashesOf(last)),
      detail: localize(MSG.firstChild, locale, { level: levelName(STYLE_LEVEL[cs], locale), parent: headingLabel(last.heading) }),
      order: bodyBetween ? order++ : 0,
    });
  }

  candidates.sort((a, b) => a.order - b.order);
  candidates.forEach((c, i) => push(c.style, c.n, c.shape, c.detail, i));
  return out;
}

/**
 * The mandated parts of `profile` that the document does not contain yet, offered as a
 * level-1 heading (numbered to follow the last level-1 heading above the caret) with the
 * part's skeleton body. Only where a level-1 marker could start: a blank line or a typed
 * beginning of one.
 */
export function partCompletions(analysis: Analysis, position: Position, locale: Locale, profile: Profile): CompletionSuggestion[] {
  const doc = analysis.doc;
  if (position.line < 0 || position.line >= doc.lineCount) return [];
  const line = doc.lines[position.line];
  const before = line.text.slice(0, position.character);
  const m = /^[ \t\u3000]*((?:#{1,6}[ \t]+)?[一二三四五六七八九十]*)$/.exec(before);
  if (!m) return [];
  const typedStart = before.length - m[1].length;
  const range: Range = { start: { line: position.line, character: typedStart }, end: { line: position.line, character: before.length } };
  const located = locateParts(analysis, profile);
  // Required parts, and optional ones with a fixed place (其他需要报告的情况), as in a fresh skeleton.
  const missing = located.parts.filter((p) => !p.location && (p.part.required || p.part.order > 0));
  if (!missing.length) return [];
  const level1 = analysis.outline.sections.filter((s) => s.heading.style === 'cn-dun');
  const above = level1.filter((s) => s.heading.line < position.line);
  const last = above[above.length - 1];
  const template = last ?? level1[0];
  const n = last ? (last.heading.number ?? above.length) + 1 : 1;
  const shape = shapeFrom(template?.heading, 'cn-dun', null);
  if (!template && doc.format === 'markdown') shape.hashes = 2;
  const marker = formatMarker('cn-dun', n, shape);
  const prefix = shape.hashes ? '#'.repeat(shape.hashes) + ' ' : '';
  const year = reportYear(analysis)?.year ?? null;
  return missing.map(({ part }, i) => {
    const text = partSkeleton(profile, part.id, { year, marker, prefix, eol: doc.eol, blankLines: doc.format === 'markdown' });
    const insertText = text.replace(/(\r\n|\r|\n)+$/, '');
    const title = insertText.split(/\r\n|\r|\n/)[0].slice(prefix.length);
    return {
      label: title,
      insertText,
      range,
      kind: 'part' as const,
      detail: localize(part.required ? MSG.missingPart : MSG.optionalPart, locale, { item: part.item[locale] }),
      documentation: `${profile.basis.document[locale]}${locale === 'en' ? ' ' : ''}${profile.basis.article[locale]}`,
      sortText: `1${String(i).padStart(2, '0')}`,
      filterText: prefix + title,
    };
  });
}

/** Every completion at `position`: table row labels, next markers, then the profile's missing parts. */
export function completionsAt(analysis: Analysis, position: Position, locale: Locale, profile: Profile | null = null): CompletionSuggestion[] {
  const markers = markerCompletions(analysis, position, locale);
  if (!profile) return markers;
  // Inside a statistical table of the profile: its row labels (一、本年新收… （三）不予公开 …).
  const rows = rowLabelCompletions(analysis, position, locale, profile).map((r) => ({ ...r, kind: 'table-row' as const }));
  return [...rows, ...markers, ...partCompletions(analysis, position, locale, profile)];
}
