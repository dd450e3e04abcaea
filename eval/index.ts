/**
 * The real-text evaluation: runs every section on ../shared/corpus and compares the headline
 * figures with the committed floor (eval/floor.json). Used by `npm run eval` (eval/run.ts) and
 * by the CI guard (test/unit/eval-floor.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './locate';
import type { EvalContext, Headline } from './section';
import { SECTIONS } from './sections';

export interface EvalReport {
  markdown: string;
  headlines: Headline[];
}

export const FLOOR_FILE = path.join(REPO_ROOT, 'eval', 'floor.json');
export const RESULTS_FILE = path.join(REPO_ROOT, 'eval', 'RESULTS.md');

export function runEval(sharedDir: string): EvalReport {
  const ctx: EvalContext = { sharedDir, corpusDir: path.join(sharedDir, 'corpus') };
  const parts: string[] = [];
  const headlines: Headline[] = [];
  for (const section of SECTIONS) {
    const r = section.run(ctx);
    parts.push(r.markdown);
    headlines.push(...r.headlines);
  }
  const head = [
    '# ReportLint on real text',
    '',
    'Written by `npm run eval` (do not edit): the checker run on `../shared/corpus` (real reports that stay outside the ' +
      'repository; excerpts here are kept short). The CI guard (test/unit/eval-floor.test.ts) fails when a headline ' +
      'figure gets worse than `eval/floor.json`.',
    '',
    '## Headline',
    '',
    '| figure | value | better |',
    '|---|---:|---|',
    ...headlines.map((h) => `| ${h.label} | ${h.value} | ${h.better} |`),
    '',
  ];
  return { markdown: `${[...head, ...parts].join('\n').trimEnd()}\n`, headlines };
}

/** The committed floor: per headline key, the worst value allowed. */
export function readFloor(): Record<string, number> {
  return JSON.parse(fs.readFileSync(FLOOR_FILE, 'utf8')) as Record<string, number>;
}

/** Headlines worse than their floor, as messages (empty when all hold). */
export function belowFloor(headlines: readonly Headline[], floor: Record<string, number>): string[] {
  const out: string[] = [];
  for (const h of headlines) {
    const min = floor[h.key];
    if (min === undefined) continue;
    if (h.better === 'higher' ? h.value < min : h.value > min) out.push(`${h.label}: ${h.value}, floor ${min} (${h.better} is better)`);
  }
  return out;
}
