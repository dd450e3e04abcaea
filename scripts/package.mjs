// `npm run package`: builds reportlint-<version>.vsix with @vscode/vsce, offline.
// The repository is copied to a temporary stage (without node_modules, out/, dist/, .git) so that the
// production bundle built by the `vscode:prepublish` script never overwrites the development dist/
// that tests may be using at the same moment. .vscodeignore selects what goes into the package.
// Usage: node scripts/package.mjs [--out FILE]   (default: ./reportlint-<version>.vsix)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = resolve(outIdx >= 0 ? args[outIdx + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));

const SKIP = new Set(['node_modules', 'out', 'dist', '.git', '.test-output', '.cache']);
const stage = mkdtempSync(join(tmpdir(), 'reportlint-package-'));
try {
  cpSync(root, stage, {
    recursive: true,
    filter: (src) => {
      const rel = relative(root, src);
      if (!rel) return true;
      const first = rel.split(sep)[0];
      return !SKIP.has(first) && !rel.endsWith('.vsix');
    },
  });
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
    { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`vsce package failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.log(`${relative(process.cwd(), out) || out}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
