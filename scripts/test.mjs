// `npm test`: type-check and compile, bundle, then run every test with node's test runner.
// Usage: node scripts/test.mjs [--only unit|lsp|e2e] [extra node --test args]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args.splice(onlyIdx, 2)[1] : null;

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

rmSync(join(root, 'out'), { recursive: true, force: true });
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);

function collect(dir, acc = []) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return acc;
  }
  for (const name of entries.sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, acc);
    else if (name.endsWith('.test.js')) acc.push(full);
  }
  return acc;
}

const suites = only ? [only] : ['unit', 'lsp', 'e2e'];
const files = [];
for (const s of suites) {
  collect(join(root, 'out', 'test', s), files);
  if (s === 'unit') collect(join(root, 'out', 'server', 'src'), files);
}
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}
run(process.execPath, ['--test', '--test-reporter=spec', ...args, ...files]);
