/**
 * `npm run bench`: ReportLint's performance, measured in one process against the linters a
 * user may already run on the same files (markdownlint, autocorrect-node) and a floor.
 * Writes BENCHMARKS.md at the repository root. No test asserts on these numbers.
 *
 * Options: --quick (fewer runs, for trying changes), --no-lsp, --no-cli, --no-profile,
 *          --out FILE (default BENCHMARKS.md).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../server/src/core/analysis';
import { checkDocument } from '../server/src/core/check';
import { ReportDocument } from '../server/src/core/document/document';
import { buildOutline } from '../server/src/core/outline/outline';
import { ALL_RULES } from '../server/src/core/rules';
import type { Rule } from '../server/src/core/rules/types';
import { debounceDelay, DocumentSession } from '../server/src/lsp/pipeline';
import { startServer } from '../test/lsp/harness';
import { IDLE_TRIM_DELAY_MS, SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/lsp/memory';
import { REPO_ROOT } from '../test/helpers';
import { generateInput, generateReport, loadCorpus, prng } from './generate';
import { fmtBytes, fmtMs, fmtStats, measure, measureAsync, measureInterleaved, now, summarize, type MeasureOptions, type Stats } from './stats';
import { middleEdit, middlePosition } from './workloads';
import { REAL_CORPUS, realInput, realReports } from './real';
import { benchConfig as config, fullCheck, MAX_FILE_SIZE, referenceLinters, URI } from './references';
import { IsolatedLinters } from './isolated';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const outIdx = args.indexOf('--out');
const OUT = path.resolve(REPO_ROOT, outIdx >= 0 ? args[outIdx + 1] : 'BENCHMARKS.md');

const KB = 1024;
const MB = 1024 * 1024;
const SIZES = [10 * KB, 100 * KB, 1 * MB, 10 * MB];
/** Sizes of the real-text inputs (the corpus concatenated and repeated). */
const REAL_SIZES = [20 * KB, 100 * KB, 1 * MB, 10 * MB];
const SEED = 7;

/** Repetitions per size; every measure is also capped in time (a loaded machine makes runs slow). */
function runsFor(bytes: number): MeasureOptions {
  const scale = QUICK ? 0.3 : 1;
  const maxTimeMs = QUICK ? 8000 : 20000;
  if (bytes <= 32 * KB) return { warmup: 50, minRuns: Math.ceil(100 * scale), minTimeMs: 1500 * scale, maxRuns: 2000, maxTimeMs };
  if (bytes <= 128 * KB) return { warmup: 10, minRuns: Math.ceil(40 * scale), minTimeMs: 1500 * scale, maxRuns: 500, maxTimeMs };
  if (bytes <= 2 * MB) return { warmup: 2, minRuns: Math.ceil(15 * scale), minTimeMs: 2000 * scale, maxRuns: 100, maxTimeMs };
  return { warmup: 1, minRuns: QUICK ? 2 : 5, minTimeMs: 0, maxRuns: 5, maxTimeMs };
}

const log = (s: string) => process.stderr.write(s + '\n');

// ---------------------------------------------------------------------------------------------
// Inputs

interface Input {
  bytes: number;
  text: string;
}

function describeInput(text: string) {
  const a = Analysis.fromText(text, { uri: URI });
  const figures = (text.match(/[0-9]+(?:\.[0-9]+)?%?/g) ?? []).length;
  return {
    bytes: Buffer.byteLength(text, 'utf8'),
    chars: text.length,
    lines: a.doc.lineCount,
    headings: a.outline.headings.length,
    paragraphs: a.outline.paragraphs.length,
    figures,
    looksLikeReport: a.outline.looksLikeReport,
  };
}

// ---------------------------------------------------------------------------------------------
// Measures

function outlineOnly(text: string) {
  return buildOutline(new ReportDocument(text, { uri: URI }));
}

/** One-character edits in the middle, applied and re-checked through the server's pipeline. */
function editMeasure(text: string, rules?: readonly Rule[]): { stats: Stats; findings: number } {
  const session = new DocumentSession(URI, 'text');
  let doc = TextDocument.create(URI, 'plaintext', 1, text);
  const opts = { config, forceReport: true, ...(rules ? { rules } : {}) };
  session.check(session.analysis(doc.getText(), doc.version), opts);
  const pos = middlePosition(text);
  let i = 0;
  let findings = 0;
  const stats = measure(
    (change) => {
      doc = TextDocument.update(doc, [change], doc.version + 1);
      findings = session.check(session.analysis(doc.getText(), doc.version), opts).length;
    },
    () => middleEdit(pos, i++),
    { ...runsFor(MB), warmup: 4, minRuns: QUICK ? 10 : 40, maxTimeMs: QUICK ? 8000 : 30000 },
  );
  return { stats, findings };
}

/** Per-rule cost on a pre-parsed document: which rule is responsible for what. */
function ruleCosts(text: string): { id: string; stats: Stats }[] {
  const out: { id: string; stats: Stats }[] = [];
  const o = { warmup: 1, minRuns: QUICK ? 3 : 5, minTimeMs: 0, maxRuns: 5, maxTimeMs: 4000 };
  out.push({ id: '(document + simplified view + outline)', stats: measure((t: string) => Analysis.fromText(t, { uri: URI }).outline, () => text, o) });
  for (const rule of ALL_RULES) {
    const stats = measure(
      (a: Analysis) => checkDocument(a, { config, forceReport: true, rules: [rule] }),
      () => {
        const a = Analysis.fromText(text, { uri: URI });
        void a.outline;
        return a;
      },
      o,
    );
    out.push({ id: rule.meta.id, stats });
  }
  return out.sort((a, b) => b.stats.median - a.stats.median);
}

interface MemoryResult {
  heapUsedMB: number;
  rssMB: number;
  serverRssMB: number | null;
  serverPeakRssMB: number | null;
}

function inProcessMemory(text: string): { heapUsedMB: number; rssMB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const session = new DocumentSession(URI, 'text');
  const findings = session.check(session.analysis(text, 1), { config, forceReport: true });
  session.releaseModels(); // as the server does once the writer pauses
  gc?.();
  const after = process.memoryUsage();
  void findings.length;
  return { heapUsedMB: (after.heapUsed - before.heapUsed) / MB, rssMB: after.rss / MB };
}

function procStatus(pid: number): { rss: number; hwm: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

interface LspResult {
  bytes: number;
  debounce: number;
  total: Stats;
  afterDebounce: Stats;
}

/**
 * The server's memory with the 10 MB document open: `rss` once the server is idle (the writer has
 * paused: a few seconds after the last check, when the server's idle collection has run, see
 * server/src/lsp/memory.ts), `atPublish` the moment the last diagnostics arrive (collections of the
 * check's garbage still under way), `hwm` the peak over the whole process life.
 */
interface ServerMemory {
  rss: number;
  atPublish: number;
  hwm: number;
}

/** didChange → publishDiagnostics over stdio with the bundled server (dist/server.js). */
async function lspRoundTrips(inputs: Input[], tenMB: string | null): Promise<{ results: LspResult[]; memory: ServerMemory | null }> {
  const server = await startServer({ settings: { enable: 'always', maxFileSize: MAX_FILE_SIZE } });
  // The server exits on `exit`; a late write to its closed stdin must not crash the benchmark.
  server.process.stdin?.on('error', () => undefined);
  const results: LspResult[] = [];
  let memory: ServerMemory | null = null;
  try {
    let n = 0;
    for (const input of inputs) {
      const uri = `file:///bench/lsp-${n++}.txt`;
      server.open(uri, input.text, 'plaintext', 1);
      await server.diagnostics(uri, 1, 120_000);
      const pos = middlePosition(input.text);
      let version = 1;
      const debounce = debounceDelay(input.text.length);
      const samples: number[] = [];
      const debounces: number[] = [];
      // A writer's server has handled many edits before the one that counts: a small report gets
      // enough warm-up edits for the JIT to settle (on a fresh server the first ones measure it).
      const small = input.bytes <= 32 * KB;
      const warmup = small ? 20 : 3;
      const runs = small ? (QUICK ? 30 : 60) : QUICK ? 5 : 10;
      const stats = await measureAsync(
        async (i) => {
          version++;
          const change = middleEdit(pos, i);
          const t0 = now();
          void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
          await server.diagnostics(uri, version, 60_000);
          const dt = now() - t0;
          const stats = (await server.connection.sendRequest('reportlint/pipelineStats', { uri })) as { debounceMs: number } | null;
          samples.push(dt);
          debounces.push(stats ? stats.debounceMs : debounce);
          return dt;
        },
        warmup,
        runs,
      );
      const measured = samples.slice(warmup);
      const applied = debounces.slice(warmup);
      results.push({ bytes: input.bytes, debounce: summarize(applied).median, total: stats, afterDebounce: summarize(measured.map((x, k) => x - applied[k])) });
      void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await server.diagnostics(uri, undefined, 10_000).catch(() => undefined);
    }
    if (tenMB !== null) {
      const uri = 'file:///bench/lsp-10mb.txt';
      server.open(uri, tenMB, 'plaintext', 1);
      await server.diagnostics(uri, 1, 300_000);
      const pos = middlePosition(tenMB);
      let atPublish: ReturnType<typeof procStatus> = null;
      let tokensId: string | undefined;
      for (let i = 0; i < 2; i++) {
        void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 + i }, contentChanges: [middleEdit(pos, i)] });
        await server.diagnostics(uri, 2 + i, 300_000);
        if (i === 1) atPublish = procStatus(server.process.pid!);
        // What VS Code asks for after an edit: both read the figures model.
        // VS Code asks for the tokens' delta since its last answer once it has one.
        const tokens = (
          tokensId === undefined
            ? await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })
            : await server.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: tokensId })
        ) as { resultId?: string } | null;
        tokensId = tokens?.resultId;
        await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
      }
      // The writer pauses: the server's idle collection runs IDLE_TRIM_DELAY_MS after the last check.
      await new Promise((r) => setTimeout(r, IDLE_TRIM_DELAY_MS + 1500));
      await server.connection.sendRequest('reportlint/pipelineStats', { uri }); // the server is responsive
      const idle = procStatus(server.process.pid!);
      memory = atPublish && idle ? { rss: idle.rss, atPublish: atPublish.rss, hwm: idle.hwm } : null;
    }
  } finally {
    await server.stop();
  }
  return { results, memory };
}

/** Wall time of the CLI over a folder of 1,000 generated reports. */
/** The `reportlint-timing` line of REPORTLINT_TIMING=1 (server/src/cli/main.ts). */
interface CliTiming {
  files: number;
  phases: Record<string, number>;
  checkMs: number;
  workers: { ready: number; done: number; checkMs: number; cpuMs?: number | null; files: number }[];
  /** The main thread's share of the checks (it checks files beside the workers) and its CPU time. */
  main?: { checkMs: number; files: number; cpuMs: number | null };
  /** CPU time of the whole process (V8's helper threads included). */
  cpuMs?: number;
}

/** Where the wall time of the median run went, in words. */
function describeCliTiming(t: CliTiming): string {
  const p = t.phases;
  const threads = Math.max(1, t.workers.length + (t.main && t.main.files > 0 ? 1 : 0));
  const end = p.written ?? 0;
  const share = end > 0 ? (100 * t.checkMs) / (threads * end) : 0;
  const ready = t.workers.length ? `workers ready at ${Math.min(...t.workers.map((w) => w.ready))}–${Math.max(...t.workers.map((w) => w.ready))} ms, ` : '';
  return (
    `start-up ${p.start} ms, files listed at ${p.collected} ms and read at ${p.read} ms, ${ready}checks done at ${p.checked} ms, ` +
    `output joined in ${p.formatted - p.checked} ms and written in ${p.written - p.formatted} ms; the checks themselves took ${t.checkMs} ms ` +
    `on ${threads} thread${threads > 1 ? 's' : ''} (${(t.checkMs / t.files).toFixed(1)} ms per file), ${share.toFixed(0)}% of the ${threads} × ${end} ms available` +
    (t.cpuMs !== undefined ? `; CPU time ${t.cpuMs} ms${t.main?.cpuMs != null ? ` (main thread ${t.main.cpuMs} ms)` : ''}` : '')
  );
}

/** How to run each whole-process linter on a path (a file or a folder); null when it is not installed. */
function processCommands(): Record<'reportlint' | 'markdownlint-cli2' | 'autocorrect', ((target: string, md: string) => string[]) | null> {
  const exists = (p: string) => fs.existsSync(path.join(REPO_ROOT, p));
  const mdl = 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs';
  const ac = 'node_modules/autocorrect-node/cli.js';
  return {
    // The benchmark's config raises maxFileSize so that the 10 MB file is checked, not refused.
    reportlint: (target) => [path.join(REPO_ROOT, 'bin', 'reportlint.js'), 'check', '--format', 'json', '--config', BENCH_CONFIG_FILE, target],
    // markdownlint-cli2 lints Markdown files only: it is given a copy with the .md extension.
    'markdownlint-cli2': exists(mdl) ? (_target, md) => [path.join(REPO_ROOT, mdl), md] : null,
    autocorrect: exists(ac) ? (target) => [path.join(REPO_ROOT, ac), '--lint', '--quiet', target] : null,
  };
}

const BENCH_CONFIG_FILE = path.join(os.tmpdir(), `reportlint-bench-config-${process.pid}.json`);

interface ProcessRow {
  what: string;
  bytes: number;
  files: number;
  stats: Partial<Record<string, Stats>>;
}

/**
 * Wall time of whole processes (start-up included), the linters interleaved round by round: on
 * one file and over a folder. `mdTarget` is the same input with .md names (a file, or a glob).
 */
function processMeasure(what: string, target: string, mdTarget: string, bytes: number, files: number, runs: number): ProcessRow {
  const commands = processCommands();
  const devnull = fs.openSync(os.devNull, 'w');
  const samples: Record<string, number[]> = {};
  try {
    for (let round = 0; round < runs + 1; round++) {
      const names = Object.keys(commands) as (keyof typeof commands)[];
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + round) % names.length];
        const cmd = commands[name];
        if (!cmd) continue;
        const t0 = now();
        const res = spawnSync(process.execPath, cmd(target, mdTarget), { cwd: os.tmpdir(), stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, REPORTLINT_LOCALE: 'zh-cn' }, maxBuffer: 64 * MB });
        const dt = now() - t0;
        if (res.status !== 0 && res.status !== 1) throw new Error(`${name} failed (${res.status}): ${String(res.stderr).slice(0, 500)}`);
        if (round > 0) (samples[name] ??= []).push(dt); // the first round warms the file cache
      }
    }
  } finally {
    fs.closeSync(devnull);
  }
  return { what, bytes, files, stats: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) };
}

/** Start-up: bare node, `reportlint --version`, and a check of one small report, interleaved. */
function startupMeasure(): Record<string, Stats> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-startup-'));
  const file = path.join(dir, 'report.txt');
  fs.writeFileSync(file, generateReport(loadCorpus(REPO_ROOT), SEED + 2, 10 * KB));
  const bin = path.join(REPO_ROOT, 'bin', 'reportlint.js');
  const commands: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'reportlint --version': [bin, '--version'],
    'reportlint check (one 10 KB report)': [bin, 'check', '--format', 'json', file],
  };
  const samples: Record<string, number[]> = {};
  try {
    const rounds = QUICK ? 6 : 15;
    for (let round = 0; round < rounds + 1; round++) {
      const names = Object.keys(commands);
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + round) % names.length];
        const t0 = now();
        const res = spawnSync(process.execPath, commands[name], { stdio: 'ignore' });
        const dt = now() - t0;
        if (res.status !== 0 && res.status !== 1) throw new Error(`${name} failed (${res.status})`);
        if (round > 0) (samples[name] ??= []).push(dt);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}

/** Whole-process references on the real 1 MB and 10 MB files. */
function processFiles(real: Input[]): ProcessRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-files-'));
  const out: ProcessRow[] = [];
  try {
    for (const input of real.filter((i) => i.bytes >= MB)) {
      const file = path.join(dir, `real-${input.bytes}.txt`);
      fs.writeFileSync(file, input.text);
      fs.writeFileSync(file.replace(/\.txt$/, '.md'), input.text);
      log(`whole process, real ${fmtBytes(input.bytes)} …`);
      out.push(processMeasure(`one real file, ${fmtBytes(input.bytes)}`, file, file.replace(/\.txt$/, '.md'), input.bytes, 1, QUICK ? 1 : input.bytes >= 10 * MB ? 2 : 3));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function cliMeasure(): { stats: Stats; files: number; bytes: number; exitCode: number | null; timing: CliTiming | null; refs: ProcessRow | null } {
  const corpus = loadCorpus(REPO_ROOT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-cli-'));
  const mdDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-cli-md-'));
  const r = prng(SEED + 1);
  let bytes = 0;
  for (let i = 0; i < 1000; i++) {
    const text = generateReport(corpus, Math.floor(r() * 2 ** 31), 6 * KB + Math.floor(r() * 12 * KB));
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.txt`), text);
    fs.writeFileSync(path.join(mdDir, `report-${String(i).padStart(4, '0')}.md`), text);
  }
  const devnull = fs.openSync(os.devNull, 'w');
  const samples: number[] = [];
  const timings: CliTiming[] = [];
  let exitCode: number | null = null;
  const runs = QUICK ? 2 : 3;
  let refs: ProcessRow | null = null;
  try {
    for (let i = 0; i < runs + 1; i++) {
      const t0 = now();
      const res = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'reportlint.js'), 'check', '--force', '--format', 'json', dir], {
        stdio: ['ignore', devnull, 'pipe'],
        env: { ...process.env, REPORTLINT_LOCALE: 'zh-cn', REPORTLINT_TIMING: '1' },
      });
      const dt = now() - t0;
      exitCode = res.status;
      if (res.status !== 0 && res.status !== 1) throw new Error(`CLI failed (${res.status}): ${res.stderr}`);
      if (i > 0) {
        samples.push(dt); // the first run warms the file cache
        const line = /^reportlint-timing (.*)$/m.exec(String(res.stderr));
        if (line) timings.push(JSON.parse(line[1]) as CliTiming);
      }
    }
    log('whole process, 1,000 reports, with the references …');
    // The comparison the target is judged on gets more rounds than the breakdown above: whole-process
    // times on this machine move by 1.2-1.3x within one run, and a median of three does not settle a
    // difference of a few per cent.
    refs = processMeasure('1,000 reports (one folder)', dir, path.join(mdDir, '*.md'), bytes, 1000, QUICK ? runs : 7);
  } finally {
    fs.closeSync(devnull);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(mdDir, { recursive: true, force: true });
  }
  // The breakdown of the run whose wall time is the median.
  const order = samples.map((_, k) => k).sort((a, b) => samples[a] - samples[b]);
  const timing = timings.length === samples.length ? timings[order[Math.floor(order.length / 2)]] : null;
  return { stats: summarize(samples), files: 1000, bytes, exitCode, timing, refs };
}

interface ProfileFrame {
  name: string;
  where: string;
  selfMs: number;
  percent: number;
}

/** Run a workload under `node --cpu-prof` and return the top frames by self time. */
function profile(kind: 'full' | 'edit' | 'outline', bytes: number, iterations: number, real: boolean): ProfileFrame[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-prof-'));
  try {
    const res = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join(__dirname, 'profile-target.js'), kind, String(bytes), String(iterations), real ? 'real' : 'generated'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (res.status !== 0) throw new Error(`profiling failed: ${res.stderr}`);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) return [];
    const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const self = new Map<string, { name: string; where: string; us: number }>();
    let total = 0;
    prof.samples.forEach((id, i) => {
      const node = byId.get(id);
      const dt = prof.timeDeltas[i] ?? 0;
      total += dt;
      if (!node) return;
      const cf = node.callFrame;
      const url = cf.url.replace(/^file:\/\//, '');
      const rel = url.startsWith(REPO_ROOT) ? path.relative(REPO_ROOT, url) : url;
      const where = rel ? `${rel}:${cf.lineNumber + 1}` : '(native)';
      const key = `${cf.functionName}@${where}`;
      const e = self.get(key) ?? { name: cf.functionName || '(anonymous)', where, us: 0 };
      e.us += dt;
      self.set(key, e);
    });
    return [...self.values()]
      .filter((e) => e.name !== '(idle)' && e.name !== '(program)')
      .sort((a, b) => b.us - a.us)
      .slice(0, 12)
      .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, percent: (100 * e.us) / total }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function machine() {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  let commit = 'unknown';
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (git.status === 0) commit = git.stdout.trim();
  return { nproc: os.availableParallelism(), cpu, node: process.version, date: new Date().toISOString(), commit, memGB: os.totalmem() / 1024 ** 3, load: loadavg() };
}

function loadavg(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(' / ');
}

function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a <= 0) return '—';
  const r = b / a;
  return r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(1)}× slower`;
}

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
  profile?: { kind: 'full' | 'edit' | 'outline'; bytes: number; iterations: number; real?: boolean };
}

async function main() {
  const m = machine();
  log(`ReportLint benchmark on ${m.cpu} × ${m.nproc}, node ${m.node}${QUICK ? ' (quick)' : ''}`);
  fs.writeFileSync(BENCH_CONFIG_FILE, JSON.stringify({ maxFileSize: MAX_FILE_SIZE }));
  process.on('exit', () => fs.rmSync(BENCH_CONFIG_FILE, { force: true }));
  const corpus = loadCorpus(REPO_ROOT);
  const inputs: Input[] = SIZES.map((bytes) => ({ bytes, text: generateInput(corpus, SEED, bytes) }));
  const refs = await referenceLinters();

  const described = inputs.map((i) => ({ size: i.bytes, ...describeInput(i.text) }));

  // Full check and references per size, interleaved run by run in this process (the targets'
  // measure, as issue 18 defines it); then the same with each linter in a process of its own
  // (bench/isolated.ts), a second view shown beside it.
  type Row = { bytes: number; rl: Stats; outline: Stats; ml: Stats; ac: Stats; floor: Stats; separate: { rl: Stats; ml: Stats; ac: Stats }; findings: number; acFindings: number };
  const isolated = await IsolatedLinters.start(['reportlint', 'markdownlint', 'autocorrect']);
  const fullRows = async (ins: Input[], label: string): Promise<Row[]> => {
    const out: Row[] = [];
    for (const input of ins) {
      const o = runsFor(input.bytes);
      log(`full check ${label} ${fmtBytes(input.bytes)} …`);
      const findings = fullCheck(input.text).length;
      const acFindings = refs.autocorrect(input.text) as number;
      // markdownlint takes long on 10 MB: one run there, no warm-up (the smaller sizes warmed it up).
      const big = input.bytes >= 10 * MB;
      const t = measureInterleaved(
        {
          rl: () => fullCheck(input.text),
          ml: () => refs.markdownlint(input.text),
          ac: () => refs.autocorrect(input.text),
          floor: () => refs.floor(input.text),
        },
        o,
        big ? ['ml'] : [],
      );
      await isolated.load(input.text);
      const sep = await isolated.measure(o, big ? ['markdownlint'] : []);
      const outline = measure(outlineOnly, () => input.text, o);
      out.push({ bytes: input.bytes, rl: t.rl, outline, ml: t.ml, ac: t.ac, floor: t.floor, separate: { rl: sep.reportlint, ml: sep.markdownlint, ac: sep.autocorrect }, findings, acFindings });
      log(`  ReportLint ${fmtStats(t.rl)}; markdownlint ${fmtMs(t.ml.median)}; autocorrect ${fmtMs(t.ac.median)}; floor ${fmtMs(t.floor.median)}`);
      log(`  own processes: ReportLint ${fmtStats(sep.reportlint)}; markdownlint ${fmtMs(sep.markdownlint.median)}; autocorrect ${fmtMs(sep.autocorrect.median)}`);
    }
    return out;
  };
  const rows = await fullRows(inputs, 'generated');
  const reports = realReports(REPO_ROOT);
  const realInputs: Input[] = reports ? REAL_SIZES.map((bytes) => ({ bytes, text: realInput(reports, bytes) })) : [];
  if (!reports) log(`real text: ../shared/corpus/${REAL_CORPUS} not found (set REPORTLINT_SHARED); real-text measures skipped`);
  const realDescribed = realInputs.map((i) => ({ size: i.bytes, ...describeInput(i.text) }));
  const realRows = await fullRows(realInputs, 'real');
  await isolated.close();
  const at = (bytes: number) => rows.find((r) => r.bytes === bytes)!;

  log('one-character edit in 1 MB (server-side path) …');
  const edit = editMeasure(inputs.find((i) => i.bytes === MB)!.text);
  log(`  ${fmtStats(edit.stats)}`);

  log('one-character edit in 1 MB, core only (no rules) …');
  const editCore = editMeasure(inputs.find((i) => i.bytes === MB)!.text, []);
  log(`  ${fmtStats(editCore.stats)}`);

  log('per-rule cost …');
  const costs10KB = ruleCosts(inputs.find((i) => i.bytes === 10 * KB)!.text);
  const costs1MB = ruleCosts(inputs.find((i) => i.bytes === MB)!.text);

  log('memory with 10 MB …');
  const mem = inProcessMemory(inputs.find((i) => i.bytes === 10 * MB)!.text);

  let lsp: LspResult[] = [];
  let serverMem: ServerMemory | null = null;
  // Editing is measured on real text when the corpus is there: a 20 KB report and the 1 MB compilation.
  const lspInputs = realInputs.length ? realInputs.filter((i) => i.bytes === 20 * KB || i.bytes === MB) : inputs.filter((i) => i.bytes === 10 * KB || i.bytes === MB);
  const lspTenMB = (realInputs.length ? realInputs : inputs).find((i) => i.bytes === 10 * MB)!.text;
  if (!args.includes('--no-lsp')) {
    log('LSP round trips …');
    const r = await lspRoundTrips(lspInputs, lspTenMB);
    lsp = r.results;
    serverMem = r.memory;
  }

  let cli: ReturnType<typeof cliMeasure> | null = null;
  let processRows: ProcessRow[] = [];
  let startup: Record<string, Stats> | null = null;
  if (!args.includes('--no-cli')) {
    log('start-up …');
    startup = startupMeasure();
    processRows = processFiles(realInputs);
    log('CLI over 1,000 reports …');
    cli = cliMeasure();
    log(`  ${fmtStats(cli.stats)}`);
    if (cli.timing) log(`  ${describeCliTiming(cli.timing)}`);
  }

  const lsp1MB = lsp.find((l) => l.bytes === MB);
  const lspSmall = lsp.find((l) => l.bytes < 100 * KB);
  const realAt = (bytes: number) => realRows.find((r) => r.bytes === bytes);
  const procAt = (bytes: number) => processRows.find((p) => p.bytes === bytes && p.files === 1);
  const targets: Target[] = [];
  if (realRows.length) {
    const r20 = realAt(20 * KB)!;
    targets.push({ what: 'full check, real 20 KB report', target: '≤ 1 ms', measured: fmtMs(r20.rl.median), met: r20.rl.median <= 1, profile: { kind: 'full', bytes: 20 * KB, iterations: 300, real: true } });
    for (const bytes of [100 * KB, MB, 10 * MB]) {
      const r = realAt(bytes)!;
      targets.push({
        what: `full check, real ${fmtBytes(bytes)} vs markdownlint`,
        target: '≥ 2× faster',
        measured: ratio(r.rl.median, r.ml.median),
        met: r.ml.median / r.rl.median >= 2,
        profile: { kind: 'full', bytes, iterations: bytes >= 10 * MB ? 2 : bytes >= MB ? 8 : 60, real: true },
      });
      targets.push({
        what: `full check, real ${fmtBytes(bytes)} vs autocorrect-node (complete lint, in pieces)`,
        target: 'not slower',
        measured: ratio(r.rl.median, r.ac.median),
        met: r.rl.median <= r.ac.median,
        profile: { kind: 'full', bytes, iterations: bytes >= 10 * MB ? 2 : bytes >= MB ? 8 : 60, real: true },
      });
    }
    const p10 = procAt(10 * MB);
    const mine = p10?.stats.reportlint;
    const theirs = p10?.stats['markdownlint-cli2'];
    targets.push({
      what: 'CLI, real 10 MB file vs markdownlint-cli2',
      target: '≤ 0.6×',
      measured: mine && theirs ? `${(mine.median / theirs.median).toFixed(2)}× (${fmtMs(mine.median)} vs ${fmtMs(theirs.median)})` : 'not measured',
      met: mine && theirs ? mine.median <= 0.6 * theirs.median : null,
    });
  }
  const thousand = cli?.refs;
  targets.push({
    what: 'CLI, 1,000 reports vs the autocorrect CLI',
    target: 'not slower',
    measured: thousand?.stats.reportlint && thousand.stats.autocorrect ? `${fmtMs(thousand.stats.reportlint.median)} vs ${fmtMs(thousand.stats.autocorrect.median)}` : 'not measured',
    met: thousand?.stats.reportlint && thousand.stats.autocorrect ? thousand.stats.reportlint.median <= thousand.stats.autocorrect.median : null,
  });
  targets.push(
    {
      what: `LSP didChange → publishDiagnostics, ${lspSmall ? fmtBytes(lspSmall.bytes) : 'small'}${realRows.length ? ' real' : ''} report, after the debounce`,
      target: '≤ 10 ms',
      measured: lspSmall ? fmtMs(lspSmall.afterDebounce.median) : 'not measured',
      met: lspSmall ? lspSmall.afterDebounce.median <= 10 : null,
    },
    {
      what: `LSP didChange → publishDiagnostics, 1 MB${realRows.length ? ' real' : ''}, after the debounce`,
      target: '≤ 60 ms',
      measured: lsp1MB ? fmtMs(lsp1MB.afterDebounce.median) : 'not measured',
      met: lsp1MB ? lsp1MB.afterDebounce.median <= 60 : null,
      profile: { kind: 'edit', bytes: MB, iterations: 10, real: realRows.length > 0 },
    },
    {
      what: `server RSS with the 10 MB${realRows.length ? ' real' : ''} document open (idle)`,
      target: '≤ 150 MB',
      measured: serverMem ? `${serverMem.rss.toFixed(0)} MB (${serverMem.atPublish.toFixed(0)} MB as the diagnostics arrive, peak ${serverMem.hwm.toFixed(0)} MB)` : 'not measured',
      met: serverMem ? serverMem.rss <= 150 : null,
    },
    // Generated inputs (earlier targets, kept for comparison with earlier runs).
    { what: 'full check, generated 10 KB', target: '≤ 1 ms', measured: fmtMs(at(10 * KB).rl.median), met: at(10 * KB).rl.median <= 1, profile: { kind: 'full', bytes: 10 * KB, iterations: 500 } },
    {
      what: 'full check, generated 1 MB vs markdownlint',
      target: '≥ 2× faster',
      measured: ratio(at(MB).rl.median, at(MB).ml.median),
      met: at(MB).ml.median / at(MB).rl.median >= 2,
      profile: { kind: 'full', bytes: MB, iterations: 8 },
    },
    {
      what: 'full check, generated 10 MB / 1 MB',
      target: '≤ 11×',
      measured: `${(at(10 * MB).rl.median / at(MB).rl.median).toFixed(1)}×`,
      met: at(10 * MB).rl.median <= 11 * at(MB).rl.median,
      profile: { kind: 'full', bytes: 10 * MB, iterations: 2 },
    },
    { what: 'CLI, 1,000 generated reports, wall', target: '≤ 2 s', measured: cli ? fmtMs(cli.stats.median) : 'not measured', met: cli ? cli.stats.median <= 2000 : null },
  );

  const profiles = new Map<string, ProfileFrame[]>();
  if (!args.includes('--no-profile')) {
    for (const t of targets) {
      if (t.met !== false || !t.profile) continue;
      const key = `${t.profile.kind} ${t.profile.real ? 'real ' : 'generated '}${fmtBytes(t.profile.bytes)}`;
      if (profiles.has(key)) continue;
      log(`profiling ${key} …`);
      profiles.set(key, profile(t.profile.kind, t.profile.bytes, QUICK ? Math.ceil(t.profile.iterations / 3) : t.profile.iterations, !!t.profile.real));
    }
  }

  // -------------------------------------------------------------------------------------------
  const md: string[] = [];
  md.push('# ReportLint benchmarks', '');
  md.push('Generated by `npm run bench` (bench/bench.ts). Do not edit by hand; re-run the benchmark.', '');
  md.push(`- Machine: ${m.cpu}, ${m.nproc} logical CPUs (\`nproc\`), ${m.memGB.toFixed(0)} GB RAM`);
  md.push(`- Node.js ${m.node}; ReportLint commit ${m.commit}; ${ALL_RULES.length} rules (${ALL_RULES.map((r) => r.meta.id).join(', ')})`);
  md.push(`- Date: ${m.date}${QUICK ? ' (quick run: fewer repetitions)' : ''}`);
  md.push(
    `- Load average (1 / 5 / 15 min) at the start: ${m.load}; at the end: ${loadavg()}. The machine is shared with other work (the other developers' builds and tests): a load above the core count inflates every time, ReportLint's and the references' alike.`,
  );
  md.push(
    `- References: markdownlint ${refs.versions.markdownlint} (library, all default rules), autocorrect-node ${refs.versions['autocorrect-node']} (\`lintFor\` on pieces of ≤ 65,536 UTF-16 units cut at line breaks: above about 250,000 units it gives up with "call limit reached" and no finding), and a floor (split into lines + one regular expression per line). Whole processes: markdownlint-cli2 ${refs.versions['markdownlint-cli2'] ?? 'not installed'} and the autocorrect CLI of autocorrect-node (\`--lint\`).`,
  );
  md.push(
    '- Every time is the **median** of repeated runs after warm-up, in one process, with its spread (p25–p75 and min–max).',
    '- In-process comparisons: the linters (ReportLint\'s full check, markdownlint, autocorrect-node, the floor) run interleaved in this one process, one call each per round in an order rotated from round to round. A second table gives each linter in a Node process of its own (bench/isolated.ts).',
    '',
  );

  md.push('## Targets', '');
  md.push('| measure | target | measured (median) | met |', '|---|---|---|---|');
  for (const t of targets) md.push(`| ${t.what} | ${t.target} | ${t.measured} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`);
  md.push('');

  md.push('## Generated inputs', '');
  md.push(
    `Generated deterministically (seed ${SEED}) from the repository's clean fixtures (outline and CLI fixtures, and rule fixtures that expect no finding; ${corpus.sources.length} files: ${corpus.titles.length} heading titles, ${corpus.sentences.length} sentences, ${corpus.issuers.length} issuing bodies) plus figure templates in bench/generate.ts; never from the seed documents. 10 KB is one report; larger inputs are compilations of 8–16 KB reports, one \`第N部分\` per report.`,
    '',
  );
  md.push('| size | UTF-8 bytes | UTF-16 units | lines | headings | paragraphs | figures | looks like a report | findings |', '|---|---|---|---|---|---|---|---|---|');
  described.forEach((d, i) =>
    md.push(`| ${fmtBytes(d.size)} | ${d.bytes} | ${d.chars} | ${d.lines} | ${d.headings} | ${d.paragraphs} | ${d.figures} | ${d.looksLikeReport ? 'yes' : 'no'} | ${rows[i].findings} |`),
  );
  md.push('');

  const fullTable = (rs: Row[]) => {
    md.push('| size | ReportLint | outline only | markdownlint | autocorrect-node | floor | vs markdownlint | vs autocorrect | vs floor | findings (ReportLint / autocorrect) |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rs) {
      md.push(
        `| ${fmtBytes(r.bytes)} | ${fmtMs(r.rl.median)} | ${fmtMs(r.outline.median)} | ${fmtMs(r.ml.median)} | ${fmtMs(r.ac.median)} | ${fmtMs(r.floor.median)} | ${ratio(r.rl.median, r.ml.median)} | ${ratio(r.rl.median, r.ac.median)} | ${(r.rl.median / r.floor.median).toFixed(1)}× the floor | ${r.findings} / ${r.acFindings} |`,
      );
    }
    md.push(
      '',
      'The same linters with each in a **Node process of its own** (bench/isolated.ts), interleaved round by round, one at a time, timed inside the process: no linter pays for collecting the garbage another left, but each run starts after its process slept through the others\' runs (cold caches, a heap sized for one input), which costs every linter, most on short runs. A second view, not the targets\' measure.',
      '',
      '| size | ReportLint | markdownlint | autocorrect-node | vs markdownlint | vs autocorrect |',
      '|---|---|---|---|---|---|',
    );
    for (const r of rs) {
      md.push(`| ${fmtBytes(r.bytes)} | ${fmtMs(r.separate.rl.median)} | ${fmtMs(r.separate.ml.median)} | ${fmtMs(r.separate.ac.median)} | ${ratio(r.separate.rl.median, r.separate.ml.median)} | ${ratio(r.separate.rl.median, r.separate.ac.median)} |`);
    }
    md.push('', 'Spread of each measure:', '');
    md.push('| size | measure | median | p25–p75 | min–max | runs |', '|---|---|---|---|---|---|');
    for (const r of rs) {
      for (const [name, st] of [['ReportLint', r.rl], ['outline only', r.outline], ['markdownlint', r.ml], ['autocorrect-node', r.ac], ['floor', r.floor], ['ReportLint (own process)', r.separate.rl], ['markdownlint (own process)', r.separate.ml], ['autocorrect-node (own process)', r.separate.ac]] as const) {
        md.push(`| ${fmtBytes(r.bytes)} | ${name} | ${fmtMs(st.median)} | ${fmtMs(st.p25)}–${fmtMs(st.p75)} | ${fmtMs(st.min)}–${fmtMs(st.max)} | ${st.runs} |`);
      }
    }
    md.push('');
  };

  md.push('## Full check on real text (parse + every rule) and the references', '');
  if (realRows.length) {
    md.push(
      `The ${reports!.length} reports of \`../shared/corpus/${REAL_CORPUS}\` (complete 2026 provincial government work reports, as published) concatenated in file-name order and repeated to each size, cut at a line end; 20 KB is the start of the first report. The linters run interleaved, one call each per round.`,
      '',
    );
    md.push('| size | UTF-8 bytes | UTF-16 units | lines | headings | paragraphs | figures | looks like a report |', '|---|---|---|---|---|---|---|---|');
    for (const d of realDescribed) md.push(`| ${fmtBytes(d.size)} | ${d.bytes} | ${d.chars} | ${d.lines} | ${d.headings} | ${d.paragraphs} | ${d.figures} | ${d.looksLikeReport ? 'yes' : 'no'} |`);
    md.push('');
    fullTable(realRows);
  } else md.push(`Not measured: \`../shared/corpus/${REAL_CORPUS}\` was not found (set REPORTLINT_SHARED).`, '');

  md.push('## Whole processes (start-up included)', '');
  if (processRows.length || cli?.refs) {
    md.push(
      'Wall time of one process per run, interleaved round by round after one warm-up round: `reportlint check --format json` (bin/reportlint.js), `markdownlint-cli2` (on a copy with .md names: it lints Markdown files only) and `autocorrect --lint`. Output goes to /dev/null.',
      '',
    );
    md.push('| input | ReportLint | markdownlint-cli2 | autocorrect CLI | ReportLint / markdownlint-cli2 | ReportLint / autocorrect | runs |', '|---|---|---|---|---|---|---|');
    for (const p of [...processRows, ...(cli?.refs ? [cli.refs] : [])]) {
      const a = p.stats.reportlint;
      const b = p.stats['markdownlint-cli2'];
      const c = p.stats.autocorrect;
      const rel = (x?: Stats) => (a && x ? `${(a.median / x.median).toFixed(2)}×` : '—');
      md.push(`| ${p.what} (${fmtBytes(p.bytes)}) | ${a ? fmtMs(a.median) : '—'} | ${b ? fmtMs(b.median) : '—'} | ${c ? fmtMs(c.median) : '—'} | ${rel(b)} | ${rel(c)} | ${a?.runs ?? 0} |`);
    }
  } else md.push('Not measured in this run (--no-cli).');
  md.push('');
  if (startup) {
    md.push('Start-up (wall time of one process, interleaved):', '');
    md.push('| command | median | p25–p75 | runs |', '|---|---|---|---|');
    for (const [name, st] of Object.entries(startup)) md.push(`| \`${name}\` | ${fmtMs(st.median)} | ${fmtMs(st.p25)}–${fmtMs(st.p75)} | ${st.runs} |`);
    md.push('');
  }

  md.push('## Full check on generated text (parse + every rule) and the references', '');
  fullTable(rows);
  md.push('## One-character edit in the 1 MB document (server-side path)', '');
  md.push(
    'A character inserted (then deleted) in a body line in the middle of the 1 MB compilation, applied with `TextDocument.update` and re-checked through `DocumentSession` (server/src/lsp/pipeline.ts), the code the server runs after the debounce.',
    '',
  );
  md.push(`- Every rule: ${fmtStats(edit.stats)}; ${edit.findings} findings after the last edit`);
  md.push(
    `- Core only (document, simplified view and outline rebuilt from the whole text, no rule): ${fmtStats(editCore.stats)}. The difference is the rules (see the cost per rule below).`,
    '',
  );

  md.push('## Language server round trip (stdio, dist/server.js)', '');
  if (lsp.length) {
    md.push(
      'From sending `didChange` (one character, incremental sync) to receiving `publishDiagnostics` for that version. "After the debounce" subtracts, run by run, the debounce the server applied (reported by its `reportlint/pipelineStats` request; `debounceDelay` in server/src/lsp/pipeline.ts: by size, and never shorter than the last check took). Each size is opened on the running server and edited a few times before the measured edits (20 times for a report of at most 32 KB, 3 times at 1 MB), as the server of a writer has handled edits before.',
      '',
    );
    md.push('| size | debounce (median) | total median (p25–p75) | after the debounce median (p25–p75) | runs |', '|---|---|---|---|---|');
    for (const l of lsp) {
      md.push(`| ${fmtBytes(l.bytes)} | ${l.debounce} ms | ${fmtMs(l.total.median)} (${fmtMs(l.total.p25)}–${fmtMs(l.total.p75)}) | ${fmtMs(l.afterDebounce.median)} (${fmtMs(l.afterDebounce.p25)}–${fmtMs(l.afterDebounce.p75)}) | ${l.total.runs} |`);
    }
  } else md.push('Not measured in this run (--no-lsp).');
  md.push('');

  md.push('## Memory with the 10 MB document', '');
  md.push(`- Language server process (dist/server.js, started with the client's Node options \`${SERVER_EXEC_ARGV.join(' ')}\` and environment \`${Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}\`) with the 10 MB compilation open, checked, and edited twice (each edit followed by the semantic tokens — in full, then as a delta of the previous answer — and the code lenses VS Code asks for): ${serverMem ? `RSS ${serverMem.atPublish.toFixed(0)} MB as the last diagnostics arrive; ${serverMem.rss.toFixed(0)} MB once the writer has paused (${((IDLE_TRIM_DELAY_MS + 1500) / 1000).toFixed(1)} s later: the server lets the rules' models go and collects again ${IDLE_TRIM_DELAY_MS / 1000} s after the last check or request, server/src/lsp/memory.ts); peak RSS (VmHWM) ${serverMem.hwm.toFixed(0)} MB` : 'not measured'}.`);
  md.push(`- In this process: the document's analysis and findings retain ${mem.heapUsedMB.toFixed(0)} MB of JS heap (after GC); process RSS ${mem.rssMB.toFixed(0)} MB (includes the benchmark's own inputs).`, '');

  md.push('## CLI over 1,000 reports', '');
  if (cli) {
    md.push(`- \`reportlint check --format json\` over a folder of ${cli.files} generated reports (${fmtBytes(cli.bytes)} in total): ${fmtStats(cli.stats)}; exit code ${cli.exitCode}.`);
    if (cli.timing) md.push(`- Median run (REPORTLINT_TIMING=1, times since the process started): ${describeCliTiming(cli.timing)}.`);
  }
  else md.push('Not measured in this run (--no-cli).');
  md.push('');

  md.push('## Cost per rule', '');
  md.push(
    'Each rule run alone on an already parsed document (fresh analysis per run, so a rule pays for the memoised models it builds first; models shared by several rules, such as the figures model of the seven figure rules, are counted in each).  Every version of an open document is checked from its whole text, so this is also what an edit costs per rule.',
    '',
  );
  md.push('| rule | 10 KB median | 1 MB median | 1 MB p25–p75 |', '|---|---|---|---|');
  for (const c of costs1MB) {
    const small = costs10KB.find((x) => x.id === c.id);
    md.push(`| ${c.id} | ${small ? fmtMs(small.stats.median) : '—'} | ${fmtMs(c.stats.median)} | ${fmtMs(c.stats.p25)}–${fmtMs(c.stats.p75)} |`);
  }
  md.push('');

  const missed = targets.filter((t) => t.met === false);
  md.push('## Targets missed', '');
  if (!missed.length) md.push('None.');
  const top = (costs: { id: string; stats: Stats }[]) =>
    costs
      .filter((c) => !c.id.startsWith('('))
      .slice(0, 4)
      .map((c) => `\`${c.id}\` ${fmtMs(c.stats.median)}`)
      .join(', ');
  for (const t of missed) {
    let why = '';
    if (t.what.startsWith('full check, 10 KB')) why = ` Most expensive rules at 10 KB: ${top(costs10KB)}; parsing: ${fmtMs(costs10KB.find((c) => c.id.startsWith('('))!.stats.median)}.`;
    else if (t.what.startsWith('full check') || t.what.startsWith('one-character') || t.what.startsWith('LSP'))
      why = ` Most expensive rules at 1 MB: ${top(costs1MB)}; parsing: ${fmtMs(costs1MB.find((c) => c.id.startsWith('('))!.stats.median)}; the edit without rules: ${fmtMs(editCore.stats.median)}.`;
    md.push(`- **${t.what}**: ${t.measured} against ${t.target}.${why}`);
  }
  for (const [key, frames] of profiles) {
    md.push('', `### Profile: ${key} (\`node --cpu-prof\`, top frames by self time)`, '');
    md.push('| self time | share | function | location |', '|---|---|---|---|');
    for (const f of frames) md.push(`| ${fmtMs(f.selfMs)} | ${f.percent.toFixed(1)}% | \`${f.name}\` | ${f.where} |`);
  }
  md.push('');
  const notesFile = path.join(REPO_ROOT, 'bench', 'NOTES.md');
  if (fs.existsSync(notesFile)) md.push(fs.readFileSync(notesFile, 'utf8').trim(), '');
  fs.writeFileSync(OUT, md.join('\n'));
  log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

// The language server exits on `exit`; a late write to its closed pipe must not end the run.
process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
  if (e.code === 'ERR_STREAM_DESTROYED' || e.code === 'EPIPE') return;
  throw e;
});

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
