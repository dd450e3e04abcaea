/**
 * snippets/report.json, generated from the profiles (`npm run snippets`): one whole-report
 * skeleton per profile with snippet prefixes and one snippet per part that has prefixes. The
 * bodies come from report-skeleton.ts, the same source as the "插入报告框架" command; a test
 * fails when the committed file is stale. Hand-written authoring snippets (headings, figures)
 * live in snippets/authoring.json.
 */
import type { Profile } from '../profiles/types';
import { DEFAULT_PROFILE_ID } from '../profiles/registry';
import { partSnippet, reportSkeletonSnippet } from './report-skeleton';

export interface SnippetDefinition {
  prefix: string[];
  description: string;
  body: string[];
}

export function generatedSnippets(profiles: readonly Profile[]): Record<string, SnippetDefinition> {
  const out: Record<string, SnippetDefinition> = {};
  for (const profile of profiles) {
    const own = profile.id === DEFAULT_PROFILE_ID ? '' : `${profile.id}-`;
    if (profile.snippetPrefixes?.length) {
      out[`${own}report-skeleton`] = {
        prefix: profile.snippetPrefixes,
        description: `${profile.name['zh-cn']}全文框架（标题、开头、法定各部分、落款）/ Full skeleton: ${profile.name.en} (title, opening, mandated parts, closing)`,
        body: reportSkeletonSnippet(profile, { year: null, format: 'text' }).split('\n'),
      };
    }
    for (const part of profile.parts) {
      if (!part.snippetPrefixes?.length) continue;
      out[`${own}part-${part.id}`] = {
        prefix: part.snippetPrefixes,
        description: `${part.required ? '法定内容' : '可选内容'}：${part.name['zh-cn']} / ${part.required ? 'Mandated part' : 'Optional part'}: ${part.name.en}`,
        body: partSnippet(profile, part).split('\n'),
      };
    }
  }
  return out;
}

/** The file's text (two-space JSON, final newline). */
export function renderSnippetsJson(profiles: readonly Profile[]): string {
  return JSON.stringify(generatedSnippets(profiles), null, 2) + '\n';
}
