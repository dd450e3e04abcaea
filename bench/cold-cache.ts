/**
 * The full check of a real report, phase by phase, warm and after a memory sweep: what the
 * benchmark's interleaved measure costs our check, without the other linters. Between two checks
 * it either does nothing or reads one byte per cache line of a buffer (no allocation, no other
 * code): a sweep larger than the last-level cache leaves the check to read its code, V8's
 * structures and its tables from memory again, as a call to markdownlint does. The two kinds of
 * round alternate in one process, so the machine's load affects both alike.
 *
 *   node out/bench/cold-cache.js [--root DIR]... [--kb 20] [--sweep-kb 32768] [--rounds 400]
 *
 * `--root` (repeatable) loads the core of another built tree (its out/ directory, as tsc writes
 * it) to compare builds in the same process; by default this repository. With several trees a
 * "warm" check follows the other trees' checks, so it is only partly warm: compare the trees with
 * each other, and warm with swept on one tree. Prints the median of each phase in µs: the document
 * model (census, lines), the outline, the figures model, the rules.
 */
import * as path from 'path';
import { realInput, realReports } from './real';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
function opt(name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} wants a positive number`);
  return v;
}
const roots = args.flatMap((a, i) => (args[i - 1] === '--root' ? [path.resolve(a)] : []));
if (!roots.length) roots.push(REPO_ROOT);
const kb = opt('--kb', 20);
const sweepKb = opt('--sweep-kb', 32 * 1024);
const rounds = Math.floor(opt('--rounds', 400));
const WARM_UP = 40;

const reports = realReports(REPO_ROOT);
if (!reports) {
  console.error('cold-cache: ../shared/corpus (or REPORTLINT_SHARED) not found: it needs the real reports.');
  process.exit(2);
}
const text = realInput(reports, kb * 1024);

const PHASES = ['document', 'outline', 'figures', 'rules', 'total'] as const;
type Phase = (typeof PHASES)[number];

interface Tree {
  name: string;
  run(): Record<Phase, number>;
}

function loadTree(root: string): Tree {
  const out = path.join(root, 'out', 'server', 'src', 'core');
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { Analysis } = require(path.join(out, 'analysis.js')) as typeof import('../server/src/core/analysis');
  const { checkDocument } = require(path.join(out, 'check.js')) as typeof import('../server/src/core/check');
  const { figuresOf } = require(path.join(out, 'figures', 'analyze.js')) as typeof import('../server/src/core/figures/analyze');
  const { defaultConfig, mergeConfig } = require(path.join(out, 'config', 'config.js')) as typeof import('../server/src/core/config/config');
  /* eslint-enable @typescript-eslint/no-var-requires */
  const config = mergeConfig(defaultConfig(), { maxFileSize: 256 * 1024 * 1024 });
  const now = () => process.hrtime.bigint();
  const us = (a: bigint, b: bigint) => Number(b - a) / 1e3;
  return {
    name: path.basename(root),
    run() {
      const t0 = now();
      const a = Analysis.fromText(text, { uri: 'file:///bench/report.txt' });
      void a.doc.simplified;
      const t1 = now();
      void a.outline;
      const t2 = now();
      figuresOf(a);
      const t3 = now();
      checkDocument(a, { config, forceReport: true });
      const t4 = now();
      return { document: us(t0, t1), outline: us(t1, t2), figures: us(t2, t3), rules: us(t3, t4), total: us(t0, t4) };
    },
  };
}

const trees = roots.map(loadTree);
const buffer = new Uint8Array(sweepKb * 1024).fill(1);
function sweep(): void {
  let s = 0;
  for (let k = 0; k < buffer.length; k += 64) s += buffer[k];
  buffer[0] = s & 1; // the sum is used: the reads are not optimised away
}

const samples = new Map<string, Record<Phase, number[]>>();
const series = (key: string) => {
  let r = samples.get(key);
  if (!r) samples.set(key, (r = { document: [], outline: [], figures: [], rules: [], total: [] }));
  return r;
};
for (let i = 0; i < rounds + WARM_UP; i++) {
  // Warm and swept rounds alternate; the trees take turns in an order rotated round by round.
  const swept = i % 2 === 1;
  for (let k = 0; k < trees.length; k++) {
    const tree = trees[(k + (i >> 1)) % trees.length];
    if (swept) sweep();
    const t = tree.run();
    if (i < WARM_UP) continue;
    const r = series(`${tree.name} ${swept ? 'swept' : 'warm'}`);
    for (const p of PHASES) r[p].push(t[p]);
  }
}
const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1];
console.log(`real ${kb} KB, ${rounds / 2} rounds each, sweep ${sweepKb} KB between checks (medians, µs)`);
for (const [key, r] of samples) console.log(`${key.padEnd(24)} ${PHASES.map((p) => `${p} ${median(r[p]).toFixed(0)}`).join('  ')}`);
