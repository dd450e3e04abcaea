/**
 * What the benchmark times in process: ReportLint's full check and the reference linters a user
 * may already run on the same files. Shared by the benchmark's own process and the processes that
 * run each linter alone (bench/linter-worker.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { defaultConfig, mergeConfig } from '../server/src/core/config/config';
import { REPO_ROOT } from '../test/helpers';
import { chunks } from './real';

export const URI = 'file:///bench/report.txt';
/** Raised so the 10 MB compilation is checked, not refused (default limit: 4 MiB). */
export const MAX_FILE_SIZE = 256 * 1024 * 1024;
export const benchConfig = mergeConfig(defaultConfig(), { maxFileSize: MAX_FILE_SIZE });

/** ReportLint's complete check of one text: parse, outline and every rule (returns the findings). */
export function fullCheck(text: string) {
  return checkDocument(Analysis.fromText(text, { uri: URI }), { config: benchConfig, forceReport: true });
}

export type Linter = (text: string) => unknown;

export interface References {
  markdownlint: Linter;
  autocorrect: Linter;
  floor: Linter;
  versions: Record<string, string | undefined>;
}

export async function referenceLinters(): Promise<References> {
  // markdownlint is ESM-only: a computed specifier keeps TypeScript from rewriting the import.
  const spec = 'markdownlint/sync';
  const ml = (await import(spec)) as { lint(o: { strings: Record<string, string> }): Record<string, unknown[]> };
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ac = require('autocorrect-node') as { lintFor(text: string, file: string): { lines: unknown[]; error?: string } };
  const FLOOR_RE = /[0-9]+(?:\.[0-9]+)?[%％]/;
  const version = (p: string) => (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    // All default rules (no config object = markdownlint's defaults).
    markdownlint: (text) => ml.lint({ strings: { 'report.md': text } }),
    // lintFor gives up above ~250,000 UTF-16 units ("call limit reached", no finding): pieces of ≤ 65,536 units.
    autocorrect: (text) => {
      let n = 0;
      for (const piece of chunks(text)) {
        const r = ac.lintFor(piece, 'report.txt');
        if (r.error) throw new Error(`autocorrect-node failed: ${r.error}`);
        n += r.lines.length;
      }
      return n;
    },
    floor: (text) => {
      let n = 0;
      for (const line of text.split(/\r\n|\r|\n/)) if (FLOOR_RE.test(line)) n++;
      return n;
    },
    versions: {
      markdownlint: version('markdownlint'),
      'autocorrect-node': version('autocorrect-node'),
      ...(fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'markdownlint-cli2')) ? { 'markdownlint-cli2': version('markdownlint-cli2') } : {}),
    },
  };
}
