// Dump every finding (rule, severity, range, message, fixes, related, explanation, data) of the
// compiled core (out/, from `tsc -p tsconfig.json`) on the seeds, every test fixture and the
// shared corpus, in both locales, to a JSON-lines file; or compare two dumps.
//
//   node scripts/compare-findings.mjs dump before.jsonl
//   node scripts/compare-findings.mjs compare before.jsonl after.jsonl
//
// The shared folder is ../shared relative to the repository root, or $REPORTLINT_SHARED.
// Used to show that a refactoring of the checking core changes no verdict.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);

function sharedDir() {
  const candidates = [join(root, '..', 'shared'), process.env.REPORTLINT_SHARED].filter(Boolean);
  return candidates.find((d) => existsSync(join(d, 'seeds'))) ?? null;
}

function walk(dir, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, acc);
    else if (/\.(txt|md|markdown)$/i.test(name) && !/^README\.md$/.test(name)) acc.push(full);
  }
  return acc;
}

function inputs() {
  const files = walk(join(root, 'test', 'fixtures'));
  walk(join(root, 'test', 'e2e', 'workspace'), files);
  walk(join(root, 'examples'), files);
  const shared = sharedDir();
  if (shared) {
    walk(join(shared, 'seeds'), files);
    walk(join(shared, 'corpus'), files);
  } else console.error('compare-findings: no shared folder (../shared or $REPORTLINT_SHARED): seeds and corpus skipped');
  return files;
}

function dump(out) {
  const { Analysis } = require(join(root, 'out/server/src/core/analysis.js'));
  const { checkDocument } = require(join(root, 'out/server/src/core/check.js'));
  const lines = [];
  let count = 0;
  const t0 = performance.now();
  for (const file of inputs()) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
    for (const locale of ['zh-cn', 'en']) {
      const analysis = Analysis.fromText(text, { uri: `file:///${encodeURI(name)}`, format });
      const findings = checkDocument(analysis, { locale });
      count += findings.length;
      lines.push(JSON.stringify({ file: name, locale, findings }));
    }
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${lines.length / 2} files, ${count} findings (both locales) in ${Math.round(performance.now() - t0)} ms → ${out}`);
}

function load(file) {
  const m = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    m.set(`${r.locale}\u0000${r.file}`, r.findings);
  }
  return m;
}

function compare(a, b) {
  const before = load(a);
  const after = load(b);
  let differences = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(key);
    const y = after.get(key);
    const label = key.replace('\u0000', ' ');
    if (!x || !y) {
      console.log(`only in ${x ? a : b}: ${label}`);
      differences++;
      continue;
    }
    const n = Math.max(x.length, y.length);
    for (let i = 0; i < n; i++) {
      const sx = JSON.stringify(x[i]);
      const sy = JSON.stringify(y[i]);
      if (sx !== sy) {
        differences++;
        if (differences <= 20) console.log(`${label} #${i}\n  - ${sx}\n  + ${sy}`);
      }
    }
  }
  console.log(differences ? `${differences} differences` : `identical (${before.size} file × locale dumps)`);
  process.exit(differences ? 1 : 0);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'dump' && rest.length === 1) dump(rest[0]);
else if (cmd === 'compare' && rest.length === 2) compare(rest[0], rest[1]);
else {
  console.error('usage: compare-findings.mjs dump OUT.jsonl | compare A.jsonl B.jsonl');
  process.exit(2);
}
