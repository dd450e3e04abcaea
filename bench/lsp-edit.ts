/**
 * A small driver for the language server's edit path, to compare server builds side by side
 * without the whole benchmark (`npm run bench` runs minutes): it starts each given server bundle
 * over stdio, opens the real 20 KB and 1 MB texts (bench/real.ts) and alternates one-character
 * edits between the servers, timing didChange → publishDiagnostics minus the debounce the server
 * applied (its `reportlint/pipelineStats`), as the benchmark's lspRoundTrips does. With `--mem` it
 * also opens the 10 MB text in one server at a time (the servers alternate, round by round) and
 * reads the RSS as the last diagnostics arrive, once the writer has paused, and the peak.
 *
 *   node out/bench/lsp-edit.js [--server label=path/to/server.js]... [--runs N] [--rounds N]
 *        [--sizes 20,1024] (KB) [--mem] [--features] [--exec-argv "--cpu-prof ..."]
 *
 * `--sizes none` skips the round trips. `--features` asks, after each publication, for what VS Code asks for after an edit (semantic
 * tokens, as a delta when the server offers it, and code lenses) and times those answers too.
 * Without `--server`, dist/server.js of this repository.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/lsp/memory';
import { realInput, realReports } from './real';
import { middleEdit, middlePosition } from './workloads';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
function opt(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
function opts(name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === name && i + 1 < args.length) out.push(args[i + 1]);
  });
  return out;
}

const servers = (opts('--server').length ? opts('--server') : [`head=${path.join(REPO_ROOT, 'dist', 'server.js')}`]).map((s) => {
  const eq = s.indexOf('=');
  return { label: s.slice(0, eq), file: path.resolve(s.slice(eq + 1)) };
});
const RUNS = Number(opt('--runs') ?? 10);
const ROUNDS = Number(opt('--rounds') ?? 2);
const SIZES_KB = opt('--sizes') === 'none' ? [] : (opt('--sizes') ?? '20,1024').split(',').map(Number);
const MEM = args.includes('--mem');
const FEATURES = args.includes('--features');
const SNAPSHOT = args.includes('--snapshot');
const EXTRA_ARGV = (opt('--exec-argv') ?? '').split(' ').filter(Boolean);

interface Server {
  label: string;
  connection: ProtocolConnection;
  child: ChildProcess;
  delta: boolean;
  waitFor(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

async function start(label: string, file: string): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...EXTRA_ARGV, file, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...SERVER_ENV } });
  child.stdin!.on('error', () => undefined);
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && w.version === p.version);
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ enable: 'always', maxFileSize: 20_000_000 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  })) as { capabilities: { semanticTokensProvider?: { full?: boolean | { delta?: boolean } } } };
  await connection.sendNotification('initialized', {});
  const full = init.capabilities.semanticTokensProvider?.full;
  return {
    label,
    connection,
    child,
    delta: typeof full === 'object' && !!full.delta,
    waitFor(uri, version, timeoutMs = 300_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label}: no diagnostics for ${uri} v${version}`)), timeoutMs);
        waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      connection.dispose();
    },
  };
}

function procStatus(pid: number): { rss: number; hwm: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** CPU time of a process so far (ms, all threads; /proc/<pid>/stat, clock ticks of 10 ms). */
function cpuTime(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) * 10;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
};
const fmt = (xs: number[]) => `${median(xs).toFixed(1)} ms (p25–p75 ${q(xs, 0.25).toFixed(1)}–${q(xs, 0.75).toFixed(1)}, n=${xs.length})`;

/** State of one open document in one server. */
interface Open {
  uri: string;
  version: number;
  tokens: { resultId?: string } | null;
}

/** What VS Code asks for after an edit: semantic tokens (a delta when offered) and code lenses. */
async function features(s: Server, o: Open): Promise<number> {
  const t0 = performance.now();
  const textDocument = { uri: o.uri };
  if (s.delta && o.tokens?.resultId) {
    const r = (await s.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument, previousResultId: o.tokens.resultId })) as { resultId?: string };
    o.tokens = { resultId: r.resultId };
  } else {
    const r = (await s.connection.sendRequest('textDocument/semanticTokens/full', { textDocument })) as { resultId?: string };
    o.tokens = { resultId: r.resultId };
  }
  await s.connection.sendRequest('textDocument/codeLens', { textDocument });
  return performance.now() - t0;
}

async function edit(s: Server, o: Open, pos: { line: number; character: number }, i: number): Promise<{ after: number; total: number; check: number }> {
  o.version++;
  const t0 = performance.now();
  void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: o.uri, version: o.version }, contentChanges: [middleEdit(pos, i)] });
  await s.waitFor(o.uri, o.version);
  const total = performance.now() - t0;
  const st = (await s.connection.sendRequest('reportlint/pipelineStats', { uri: o.uri })) as { debounceMs: number; checkMs: number };
  return { after: total - st.debounceMs, total, check: st.checkMs };
}

async function roundTrips(): Promise<void> {
  const reports = realReports(REPO_ROOT);
  if (!reports) throw new Error('the real corpus is missing (set REPORTLINT_SHARED)');
  const after = new Map<string, number[]>();
  const checks = new Map<string, number[]>();
  const feats = new Map<string, number[]>();
  const overheads = new Map<string, number[]>();
  const cpus = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  // Each round starts fresh servers, as the benchmark does (one server, the sizes in turn, each
  // after 3 warm-up edits): the first edits of a session count, JIT warm-up included.
  for (let round = 0; round < ROUNDS; round++) {
  const started = await Promise.all(servers.map((s) => start(s.label, s.file)));
  for (const kb of SIZES_KB) {
    const text = realInput(reports, kb * 1024);
    const pos = middlePosition(text);
    const uri = `file:///bench/lsp-edit-${kb}.txt`;
    const open = new Map<Server, Open>();
    for (const s of started) {
      s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await s.waitFor(uri, 1);
      open.set(s, { uri, version: 1, tokens: null });
    }
    const warm = 3;
    const cpu0 = new Map(started.map((s) => [s, cpuTime(s.child.pid!)]));
    for (let i = 0; i < RUNS + warm; i++) {
      // Alternate which server goes first.
      const order = i % 2 ? [...started].reverse() : started;
      for (const s of order) {
        const o = open.get(s)!;
        const r = await edit(s, o, pos, o.version - 1);
        const f = FEATURES ? await features(s, o) : 0;
        if (i >= warm) {
          push(after, `${kb}\t${s.label}`, r.after);
          push(checks, `${kb}\t${s.label}`, r.check);
          push(overheads, `${kb}\t${s.label}`, r.after - r.check);
          push(feats, `${kb}\t${s.label}`, f);
        }
      }
    }
    for (const s of started) push(cpus, `${kb}\t${s.label}`, (cpuTime(s.child.pid!) - cpu0.get(s)!) / (RUNS + warm));
    for (const s of started) void s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await Promise.all(started.map((s) => s.stop()));
  }
  for (const kb of SIZES_KB) {
    for (const s of servers) {
      const k = `${kb}\t${s.label}`;
      console.log(`${kb} KB  ${s.label.padEnd(6)} after debounce ${fmt(after.get(k)!)}; server check ${median(checks.get(k)!).toFixed(1)} ms; after debounce minus check ${fmt(overheads.get(k)!)}; server CPU per edit (process, /proc) ${cpus.get(k)!.map((x) => x.toFixed(1)).join(' ')} ms by round${FEATURES ? `; tokens+lenses ${fmt(feats.get(k)!)}` : ''}`);
    }
  }
}

async function memory(): Promise<void> {
  const reports = realReports(REPO_ROOT);
  if (!reports) throw new Error('the real corpus is missing (set REPORTLINT_SHARED)');
  const text = realInput(reports, 10 * 1024 * 1024);
  const pos = middlePosition(text);
  const results = new Map<string, { idle: number[]; atPublish: number[]; hwm: number[] }>(servers.map((s) => [s.label, { idle: [], atPublish: [], hwm: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const spec of round % 2 ? [...servers].reverse() : servers) {
      const s = await start(spec.label, spec.file);
      const uri = 'file:///bench/lsp-10mb.txt';
      s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      await s.waitFor(uri, 1);
      const o: Open = { uri, version: 1, tokens: null };
      let atPublish = 0;
      for (let i = 0; i < 2; i++) {
        o.version++;
        const t0 = performance.now();
        void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: o.version }, contentChanges: [middleEdit(pos, i)] });
        await s.waitFor(uri, o.version);
        const t1 = performance.now();
        if (i === 1) atPublish = procStatus(s.child.pid!).rss;
        const f = await features(s, o);
        console.log(`  ${spec.label} edit ${i}: diagnostics after ${(t1 - t0).toFixed(0)} ms, tokens+lenses ${f.toFixed(0)} ms`);
      }
      await new Promise((r) => setTimeout(r, 7500));
      const st = (await s.connection.sendRequest('reportlint/pipelineStats', { uri })) as { memory?: Record<string, number> };
      const idle = procStatus(s.child.pid!);
      if (st.memory) console.log(`  ${spec.label} idle memoryUsage: ${Object.entries(st.memory).map(([k, v]) => `${k} ${(v / 1048576).toFixed(1)}`).join(', ')} MB`);
      if (SNAPSHOT) {
        // Needs --exec-argv --heapsnapshot-signal=SIGUSR2: the server writes Heap.*.heapsnapshot in its working directory.
        s.child.kill('SIGUSR2');
        await new Promise((r) => setTimeout(r, 15000));
      }
      const r = results.get(spec.label)!;
      r.idle.push(idle.rss);
      r.atPublish.push(atPublish);
      r.hwm.push(idle.hwm);
      console.log(`10 MB  ${spec.label.padEnd(6)} round ${round}: idle ${idle.rss.toFixed(0)} MB, at publish ${atPublish.toFixed(0)} MB, peak ${idle.hwm.toFixed(0)} MB`);
      await s.stop();
    }
  }
  for (const [label, r] of results) console.log(`10 MB  ${label.padEnd(6)} median: idle ${median(r.idle).toFixed(0)} MB, at publish ${median(r.atPublish).toFixed(0)} MB, peak ${median(r.hwm).toFixed(0)} MB`);
}

(async () => {
  if (SIZES_KB.length) await roundTrips();
  if (MEM) await memory();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
