import { formatChineseNumeral } from './chinese-numerals';
import type { DocumentFormat } from './document';
import type { Profile, ProfilePart } from './profiles/types';
import { partTablesMarkdown } from './profiles/table-skeleton';

export interface ReportSkeletonOptions {
  /** The report year Y; the title and the parts' skeletons are filled with it (and Y+1). */
  year: number;
  format: DocumentFormat;
  eol?: string;
}

/** Where a part goes in a fresh report: profile order, position-free parts (order 0) after the first. */
function effectiveOrder(part: ProfilePart): number {
  return part.order === 0 ? 1.5 : part.order;
}

/**
 * The parts a fresh report starts with: every required part, and the optional ones that have
 * a fixed place in the order (其他需要报告的情况); in the profile's order.
 */
export function skeletonParts(profile: Profile): ProfilePart[] {
  return profile.parts
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.required || p.order > 0)
    .sort((a, b) => effectiveOrder(a.p) - effectiveOrder(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** Escape text for a TextMate snippet: `$`, `}` and `\` are syntax there. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

function fill(template: string, year: number): string {
  return template.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1));
}

/** The title after the issuing body: 关于2024年度法治政府建设情况的报告, from the profile's example title. */
export function titleAfterIssuer(profile: Profile, year: number): string {
  const example = profile.title?.example ?? '';
  const at = example.indexOf('关于');
  if (at >= 0) return example.slice(at).replace(/(?:19|20)\d{2}|[×X]{4}/, String(year));
  // Titles without 关于 (××局2024年政府信息公开工作年度报告): from the year on.
  const y = /(?:19|20)\d{2}/.exec(example);
  if (y) return String(year) + example.slice(y.index + 4);
  return `关于${year}年度${profile.name['zh-cn']}`;
}

/**
 * A whole report for `profile` as a VS Code snippet: title (the issuing body is the first tab
 * stop and is mirrored in the closing block), opening paragraph, every part as a numbered
 * level-1 heading with its skeleton body, and the closing block with today's date written
 * the GB/T 9704 way (no zero padding). Tab stops run through the document in reading order.
 */
export function reportSkeletonSnippet(profile: Profile, options: ReportSkeletonOptions): string {
  const eol = options.eol ?? '\n';
  const md = options.format === 'markdown';
  const lines: string[] = [];
  const para = (s: string) => {
    lines.push(s);
    if (md) lines.push('');
  };
  let stop = 1;
  const issuer = stop++;
  para(`${md ? '# ' : ''}\${${issuer}:××单位}${escapeSnippetText(titleAfterIssuer(profile, options.year))}`);
  const opening = profile.skeletonOpening ? escapeSnippetText(fill(profile.skeletonOpening, options.year)) : `${options.year}年，\${${stop++}:……}。现将有关情况报告如下：`;
  para(opening);
  skeletonParts(profile).forEach((part, i) => {
    const marker = `${formatChineseNumeral(i + 1)}、`;
    para(`${md ? '## ' : ''}${marker}\${${stop++}:${escapeSnippetText(fill(part.skeleton.title, options.year))}}`);
    const body = fill(part.skeleton.body, options.year);
    if (body) para(`\${${stop++}:${escapeSnippetText(body)}}`);
    const tables = partTablesMarkdown(profile, part.skeleton.tables, eol);
    if (tables) para(escapeSnippetText(tables));
  });
  lines.push(`\${${issuer}}`);
  lines.push('${CURRENT_YEAR}年${CURRENT_MONTH/^0?(\\d+)$/$1/}月${CURRENT_DATE/^0?(\\d+)$/$1/}日');
  lines.push('$0');
  return lines.join(eol);
}
