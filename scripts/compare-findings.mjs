// Dump every finding (rule, severity, range, message, fixes, related, explanation, data) of the
// compiled core (out/, from `tsc -p tsconfig.json`) on the seeds, every test fixture and the
// shared corpus, in both locales, to a JSON-lines file; or compare two dumps. Each file also gets
// its figures layer (figuresOf: every figure, skipped number, sentence, rate and claim — the
// consistent claims too, which no finding shows — with explanations in both locales and workings),
// under the locale "figures".
//
//   node scripts/compare-findings.mjs dump before.jsonl
//   node scripts/compare-findings.mjs compare before.jsonl after.jsonl
//
// The shared folder is ../shared relative to the repository root, or $REPORTLINT_SHARED; its files
// are named shared/… wherever it is, so dumps made from two worktrees compare as they are.
// A dump made before the figures layer was added compares on the findings only.
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

/** A file's name in a dump: relative to the repository, or shared/… for the shared folder's files. */
function nameOf(file) {
  const shared = sharedDir();
  return shared && !relative(shared, file).startsWith('..') ? `shared/${relative(shared, file)}` : relative(root, file);
}

/** Older dumps named shared files relative to the repository (../shared/…, ../../work/shared/…). */
function normalName(name) {
  return name.startsWith('../') && name.includes('/shared/') ? `shared/${name.slice(name.indexOf('/shared/') + '/shared/'.length)}` : name;
}

/** The figures layer of an analysis as plain data (figures by index; explanations in both locales). */
function figuresLayer(fa) {
  const figure = (f) => [f.start, f.end, f.numStart, f.numEnd, f.value, f.printed, f.kind, f.unit, f.decimals, f.scale, f.approx, f.approxWord, f.arabic, f.family];
  return {
    figures: fa.figures.map(figure),
    skipped: fa.skipped.map((x) => [x.start, x.end, x.reason]),
    sentences: fa.sentences.map((x) => [x.start, x.end, x.line, x.figures.map((f) => f.start)]),
    rates: fa.rates.map((r) => [r.name, r.key, r.figure.start, r.sentence.start]),
    claims: fa.claims.map((c) => ({
      kind: c.kind,
      verdict: c.verdict,
      name: c.name,
      method: c.method,
      severity: c.severity,
      problem: c.problem,
      computed: c.computed,
      tried: c.tried,
      anchor: figure(c.anchor),
      related: c.related ? figure(c.related) : null,
      inputs: c.inputs.map((i) => [i.role, i.label, figure(i.figure)]),
      suggestions: c.suggestions.map((sg) => [sg.newText, figure(sg.figure)]),
      explanation: c.explanation,
      working: c.working,
    })),
  };
}

function dump(out) {
  const { Analysis } = require(join(root, 'out/server/src/core/analysis.js'));
  const { checkDocument } = require(join(root, 'out/server/src/core/check.js'));
  const { figuresOf } = require(join(root, 'out/server/src/core/figures/analyze.js'));
  const lines = [];
  let count = 0;
  let files = 0;
  const t0 = performance.now();
  for (const file of inputs()) {
    const text = readFileSync(file, 'utf8');
    const name = nameOf(file);
    files++;
    const format = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
    for (const locale of ['zh-cn', 'en']) {
      const analysis = Analysis.fromText(text, { uri: `file:///${encodeURI(name)}`, format });
      const findings = checkDocument(analysis, { locale });
      count += findings.length;
      lines.push(JSON.stringify({ file: name, locale, findings }));
    }
    const analysis = Analysis.fromText(text, { uri: `file:///${encodeURI(name)}`, format });
    lines.push(JSON.stringify({ file: name, locale: 'figures', findings: [figuresLayer(figuresOf(analysis))] }));
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${files} files, ${count} findings (both locales) and their figures layers in ${Math.round(performance.now() - t0)} ms → ${out}`);
}

function load(file) {
  const m = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    m.set(`${r.locale}\u0000${normalName(r.file)}`, r.findings);
  }
  return m;
}

function compare(a, b) {
  const before = load(a);
  const after = load(b);
  let differences = 0;
  // A dump from before the figures layer: the findings only.
  const layers = [...before.keys()].some((k) => k.startsWith('figures\u0000')) && [...after.keys()].some((k) => k.startsWith('figures\u0000'));
  if (!layers) console.log('(one dump has no figures layer: findings compared only)');
  let compared = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (!layers && key.startsWith('figures\u0000')) continue;
    compared++;
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
  console.log(differences ? `${differences} differences` : `identical (${compared} dumps: file × locale${layers ? ', and each file\'s figures layer' : ''})`);
  process.exit(differences ? 1 : 0);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'dump' && rest.length === 1) dump(rest[0]);
else if (cmd === 'compare' && rest.length === 2) compare(rest[0], rest[1]);
else {
  console.error('usage: compare-findings.mjs dump OUT.jsonl | compare A.jsonl B.jsonl');
  process.exit(2);
}
