// `npm test`: type-check and compile, bundle, then run every test with node's test runner.
// Usage: node scripts/test.mjs [--only unit|lsp|e2e] [extra node --test args]
//
// It never installs anything. The end-to-end suite needs Debian packages and code-server
// (`npm run e2e:setup`, root or sudo): when they are missing, the other suites run and the last line
// says the end-to-end suite did not; with CI=true (or `--only e2e`) a missing prerequisite fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { e2ePolicy } from './e2e-policy.mjs';
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

/** What the end-to-end suite lacks on this machine (the harness's own check, compiled by tsc). */
function missingE2ePrerequisites() {
  const harness = createRequire(import.meta.url)(join(root, 'out', 'test', 'e2e', 'harness.js'));
  return harness.missingPrerequisites();
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

let suites = only ? [only] : ['unit', 'lsp', 'e2e'];
const policy = suites.includes('e2e') ? e2ePolicy({ missing: missingE2ePrerequisites(), ci: process.env.CI === 'true', only }) : null;
if (policy?.fail) {
  console.error(policy.fail);
  process.exit(1);
}
if (policy?.notice) console.error(policy.notice);
if (policy && !policy.runE2e) suites = suites.filter((s) => s !== 'e2e');
const files = [];
for (const s of suites) {
  collect(join(root, 'out', 'test', s), files);
  if (s === 'unit') collect(join(root, 'out', 'server', 'src'), files);
}
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...args, ...files], { stdio: 'inherit', cwd: root });
const status = r.status ?? 1;
if (policy?.lastLine) console.log(`${policy.lastLine} The other suites ${status === 0 ? 'passed' : 'ran, with failures'}.`);
process.exit(status);
