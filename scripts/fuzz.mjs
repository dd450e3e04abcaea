// `npm run fuzz`: the long seeded fuzz run (test/unit/fuzz.test.ts).
// FUZZ_RUNS (default 2000 runs per property) and FUZZ_SEED (default: random, printed) configure it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = process.env.FUZZ_RUNS || '2000';
const seed = process.env.FUZZ_SEED || String(1 + Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed} (re-run a failure with the same FUZZ_SEED)`);
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: root });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', join(root, 'out/test/unit/fuzz.test.js')], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
