import type { Analysis } from '../analysis';
import { levelName } from './completion';
import { registerHoverContributor, type HoverContributor } from './hover';
import { localize, type LocalizedText } from '../l10n';
import type { Section } from '../outline/outline';
import type { Locale } from '../types';
import { detectProfile } from '../profiles/detect';
import { locateParts } from '../profiles/locate';

const MSG = {
  children: {
    'zh-cn': '下设 {count} 个小标题',
    en: '{count} sub-headings',
  },
  chars: {
    'zh-cn': '本节约 {count} 字',
    en: 'about {count} characters in this section',
  },
  satisfies: {
    'zh-cn': '法定内容：{item}（{basis}{article}）',
    en: 'Mandated part: {item} ({basis} {article})',
  },
  mentions: {
    'zh-cn': '本节正文涉及法定内容：{item}',
    en: 'The body of this section covers the mandated part: {item}',
  },
  markdownHeading: { 'zh-cn': 'Markdown 标题', en: 'Markdown heading' },
  questionHeading: { 'zh-cn': '问句式标题', en: 'question heading' },
} satisfies Record<string, LocalizedText>;

/** `一、主要举措和成效` for a section's heading, shortened for the path. */
export function sectionLabel(s: Section, max = 24): string {
  const h = s.heading;
  const title = h.title.length > max ? h.title.slice(0, max) + '…' : h.title;
  if (h.style === 'markdown' || h.style === 'question') return title || h.marker;
  return h.marker + title;
}

/** The headings from the top level down to `s`. */
export function sectionPath(s: Section): Section[] {
  const path: Section[] = [];
  for (let c: Section | null = s; c; c = c.parent) path.unshift(c);
  return path;
}

/** The section whose heading line contains `offset`, or null. */
export function headingSectionAt(analysis: Analysis, offset: number): Section | null {
  for (const s of analysis.outline.flat) {
    const r = s.heading.range;
    if (offset >= r.start && offset <= r.end) return s;
  }
  return null;
}

/**
 * Extra lines for a heading's hover (e.g. the mandated part it satisfies); other
 * features add theirs without touching this file.
 */
export type HeadingHoverLine = (analysis: Analysis, section: Section, locale: Locale) => string | null;
const headingLines: HeadingHoverLine[] = [];
export function registerHeadingHoverLine(f: HeadingHoverLine): void {
  if (!headingLines.includes(f)) headingLines.push(f);
}

function countChars(analysis: Analysis, s: Section): number {
  // Characters of text, not counting whitespace and the heading itself.
  const text = analysis.doc.text.slice(s.heading.range.end, s.range.end);
  return text.replace(/\s/g, '').length;
}

/** Hover on a heading: its path from the top level, its level, and its size. */
export const headingHover: HoverContributor = (analysis, offset, locale) => {
  const s = headingSectionAt(analysis, offset);
  if (!s) return null;
  const h = s.heading;
  // Only over the heading itself, not over run-in body text on the same line.
  if (h.bodyStart !== null && offset > h.bodyStart) return null;
  const path = sectionPath(s).map((p) => sectionLabel(p));
  const lines: string[] = [`**${escapeMarkdown(path.join(' › '))}**`];
  const level =
    h.style === 'markdown' ? localize(MSG.markdownHeading, locale) : h.style === 'question' ? localize(MSG.questionHeading, locale) : levelName(h.level, locale);
  const facts = [level];
  if (s.children.length) facts.push(localize(MSG.children, locale, { count: s.children.length }));
  const chars = countChars(analysis, s);
  if (chars > 0) facts.push(localize(MSG.chars, locale, { count: chars.toLocaleString('en-US') }));
  lines.push(facts.join(locale === 'en' ? ' · ' : ' · '));
  for (const f of headingLines) {
    const extra = f(analysis, s, locale);
    if (extra) lines.push(extra);
  }
  return lines.join('\n\n');
};

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** The mandated part(s) of the detected profile that a heading satisfies or whose text it holds. */
export const mandatedPartLine: HeadingHoverLine = (analysis, section, locale) => {
  const detection = detectProfile(analysis);
  if (!detection) return null;
  const { profile } = detection;
  const lines: string[] = [];
  for (const { part, location } of locateParts(analysis, profile).parts) {
    if (!location || location.section !== section) continue;
    const args = { item: part.item[locale], basis: profile.basis.document[locale], article: profile.basis.article[locale] };
    if (location.kind === 'heading' || location.kind === 'merged' || location.kind === 'fallback') lines.push(localize(MSG.satisfies, locale, args));
    else lines.push(localize(MSG.mentions, locale, args));
  }
  return lines.length ? lines.join('  \n') : null;
};

registerHeadingHoverLine(mandatedPartLine);
registerHoverContributor(headingHover);
