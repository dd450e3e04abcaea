// Bundles the client, the language server and the CLI into single files under dist/.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * esbuild escapes non-ASCII characters in strings and templates but leaves them in regular-expression
 * literals (and comments). One such character makes V8 hold the whole bundle as a two-byte string:
 * about 3 MB more heap in every server, CLI and worker process, and a slower source hash for the code
 * cache. `\uXXXX` means the same code unit in a regular expression (with or without the u flag: an
 * escaped surrogate pair is one code point there), a string or a comment. An identity escape (a
 * backslash before the character) would become a literal backslash: the build fails instead.
 * Source maps are off by at most a few columns on the lines concerned.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    if (slashes.length % 2 === 1) throw new Error(`build: a backslash before U+${ch.charCodeAt(0).toString(16)} in the bundle`);
    return `${slashes}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

const asciiOnlyPlugin = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length) return;
      const file = build.initialOptions.outfile;
      const code = readFileSync(file, 'utf8');
      const ascii = asciiOnly(code);
      if (ascii !== code) writeFileSync(file, ascii);
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { REPORTLINT_VERSION: JSON.stringify(pkg.version) },
  plugins: [asciiOnlyPlugin],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
