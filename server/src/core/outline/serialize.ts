import type { Analysis } from '../analysis';
import type { Range } from '../types';
import type { Section } from './outline';

/** The stable JSON form of a section (CLI `outline --format json`). */
export interface SectionJson {
  marker: string;
  level: number;
  number: number | null;
  title: string;
  range: Range;
  children: SectionJson[];
}

export interface OutlineJson {
  path: string;
  isReport: boolean;
  title: string | null;
  sections: SectionJson[];
}

export function sectionToJson(analysis: Analysis, s: Section): SectionJson {
  const h = s.heading;
  return {
    marker: h.marker,
    level: h.level,
    number: h.number,
    title: h.title,
    range: analysis.doc.rangeOfOffsets(s.range),
    children: s.children.map((c) => sectionToJson(analysis, c)),
  };
}

export function outlineToJson(analysis: Analysis, path: string): OutlineJson {
  const o = analysis.outline;
  return {
    path,
    isReport: o.looksLikeReport,
    title: o.title ? o.title.text : null,
    sections: o.sections.map((s) => sectionToJson(analysis, s)),
  };
}

/** An indented plain-text rendering of the outline. */
export function outlineToText(analysis: Analysis): string {
  const o = analysis.outline;
  const lines: string[] = [];
  const walk = (s: Section, depth: number) => {
    const h = s.heading;
    const label = h.style === 'markdown' || h.style === 'question' ? h.title : `${h.marker}${h.title}`;
    lines.push(`${'  '.repeat(depth)}${label}  [${h.line + 1}]`);
    s.children.forEach((c) => walk(c, depth + 1));
  };
  o.sections.forEach((s) => walk(s, 0));
  return lines.join('\n');
}
