import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument, type CheckOptions } from '../server/src/core/check';
import { defaultConfig, mergeConfig } from '../server/src/core/config/config';
import type { Finding } from '../server/src/core/types';

/** The repository root (tests run from out/test/...). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** ../shared/seeds beside the repository, else $REPORTLINT_SHARED/seeds (a worktree elsewhere). */
export const SEEDS_DIR = ((): string => {
  const beside = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
  const env = process.env.REPORTLINT_SHARED ? path.resolve(process.env.REPORTLINT_SHARED, 'seeds') : '';
  return fs.existsSync(beside) || !env || !fs.existsSync(env) ? beside : env;
})();
export const HAVE_SEEDS = fs.existsSync(SEEDS_DIR);
/** Passed as `skip` to seed tests: a clear message on a clone without ../shared. */
export const SEEDS_SKIP = HAVE_SEEDS ? false : `../shared/seeds not found beside the repository (${SEEDS_DIR}); seed tests skipped`;

export const SEED = {
  baiyun: '000_e2f2186c844c6440.txt',
  xiangzhou: '001_d29ddef8493a7097.txt',
  xinhua: '002_c9260c99fde7cf30.txt',
  article: '003_b36d4dfda96453f0.txt',
  gzOffice: '004_eabc15eab9691116.txt',
} as const;

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function readFixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function analyze(text: string, uri = 'file:///test/report.txt'): Analysis {
  return Analysis.fromText(text, { uri });
}

/** Run the checker with default config (optionally only some rules enabled). */
export function check(text: string, opts: CheckOptions & { only?: string[]; uri?: string } = {}): Finding[] {
  const a = analyze(text, opts.uri);
  let config = opts.config ?? defaultConfig();
  if (opts.only) {
    const { ALL_RULES } = require('../server/src/core/rules') as typeof import('../server/src/core/rules');
    const rules: Record<string, 'off'> = {};
    for (const r of ALL_RULES) if (!opts.only.includes(r.meta.id)) rules[r.meta.id] = 'off';
    config = mergeConfig(config, { rules });
  }
  return checkDocument(a, { ...opts, config });
}

/** Apply LSP-style edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const a = analyze(text);
  const withOffsets = edits
    .map((e) => ({ start: a.doc.offsetAt(e.range.start), end: a.doc.offsetAt(e.range.end), newText: e.newText }))
    .sort((x, y) => y.start - x.start);
  let out = text;
  let lastStart = Infinity;
  for (const e of withOffsets) {
    if (e.end > lastStart) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/**
 * The CLI (bin/reportlint.js) run in English from `cwd`, with a 30 s timeout. `force` adds --force to
 * `check` (auto mode skips texts that do not look like reports, and these tests use short texts).
 */
export function runCliEnglish(args: string[], cwd: string, opts: { force?: boolean; input?: Buffer } = {}) {
  const argv = opts.force && args[0] === 'check' ? ['check', '--force', ...args.slice(1)] : args;
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'reportlint.js'), ...argv], {
    cwd,
    input: opts.input,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.signal === 'SIGTERM' };
}
