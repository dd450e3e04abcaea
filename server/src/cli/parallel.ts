/**
 * Checking many files across cores with worker threads (`reportlint check` over a folder).
 *
 * The pool is started as soon as the number of files is known, so the workers load the bundle
 * while the main thread is still reading and decoding the files; jobs are queued as they are read
 * and handed out in small batches as workers become free; once it has read them all, the main
 * thread takes files from the same queue, one at a time. The main thread resolves each folder's
 * configuration once (it reports config errors); each worker resolves the configuration of its
 * files again with the same functions (also once per folder), so nothing but file texts and
 * findings (plain data) crosses threads. Workers send back only the fields the CLI prints.
 * Results are put back in input order, so the output is identical to a sequential run.
 */
import fs = require('fs');
import os = require('os');
import type { Worker } from 'worker_threads';

/** node:worker_threads, loaded when workers are started or run, not by every CLI process (most check few files on one thread). */
function workerThreads(): typeof import('worker_threads') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('worker_threads') as typeof import('worker_threads');
}
import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import type { ResolvedConfig } from '../core/config/config';
import type { IgnoreEntry } from '../core/config/suppress';
import type { Locale } from '../core/types';
import { settledResult, type FileResult, type TextOptions } from './format';
import { checkOneFile } from './check-file';
import type { LineOrigin } from '../node/docx/origin';

export interface CheckJob {
  /** Index in the input order. */
  index: number;
  /** Path used to find the configuration ('-' for stdin). */
  path: string;
  displayPath: string;
  text: string;
  /** For a .docx: where each text line comes from (see node/docx). */
  origins?: LineOrigin[];
}

export interface CheckSettings {
  locale: Locale;
  /** Output format: for json and text the workers build each file's part of the output. */
  format: string;
  /** The --config file, if any (each worker reads it again). */
  configFile: string | null;
  stdinName: string;
  /** `--force`: check files that do not look like reports too (see check-file.ts). */
  force: boolean;
  /** How text output shows files dominated by one rule (`--summary`, `--max-per-rule`). */
  text: TextOptions;
}

/** How the configuration and the sidecar entries of one file are resolved; the same code runs in the main thread and the workers. */
export interface FileResolver {
  config(path: string): ResolvedConfig;
  ignores(path: string): readonly IgnoreEntry[];
}

type Request = { kind: 'init'; settings: CheckSettings } | { kind: 'batch'; jobs: CheckJob[] } | { kind: 'exit' };
type Reply =
  | { kind: 'ready'; at: number }
  | { kind: 'results'; results: { index: number; result: FileResult }[]; checkMs: number; cpuMs: number | null }
  | { kind: 'error'; message: string };

/**
 * Milliseconds since the epoch, comparable across threads (each thread has its own timeOrigin).
 * Node's global `performance` loads node:perf_hooks on first use: the main thread asks only for
 * REPORTLINT_TIMING or when it starts workers.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Where the time of one worker went (REPORTLINT_TIMING). */
export interface WorkerTiming {
  /** Epoch ms when the worker had loaded the bundle and could take jobs. */
  readyAt: number;
  /** Epoch ms of its last results. */
  doneAt: number;
  /** Time spent in Analysis.fromText + checkDocument. */
  checkMs: number;
  /** CPU time of the worker thread when it sent its last results (null where unknown). */
  cpuMs: number | null;
  files: number;
}

/**
 * CPU time (user + system, in ms) of the calling thread so far, or null where it cannot be read
 * (Linux's /proc/thread-self/stat, in ticks of 10 ms). REPORTLINT_TIMING reports it per thread: on a
 * machine shared with other work, wall times say little about what running on threads costs.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // After "pid (comm) ": state is the first field; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Minimum number of files before worker threads are worth their start-up. */
export const PARALLEL_MIN_FILES = 24;
const BATCH = 8;
/** Batches in flight per worker: it never waits for the main thread. */
const IN_FLIGHT = 2;
/**
 * Young generation of a worker: checking allocates many short-lived objects; a larger nursery
 * than V8's default promotes fewer of them and cuts the workers' garbage-collection time.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * Fewest cores for worker threads by default. Measured on a 2-core machine (issue 18): a run on
 * one thread already keeps the second core busy with V8's helper threads (garbage collection,
 * optimising compiler: about 40 % of the process's CPU time over 1,000 reports), and a second
 * checking thread (the main thread and one worker) raised the CPU time by 1.4× (each isolate
 * compiles and warms up the same code and collects its own garbage); two workers beside an idle
 * main thread, 1.45–1.6×. Re-measured later: 1.39× the CPU for 0.96× the wall time (a machine
 * under load); most of the helper threads' time is the optimising compiler, which each checking
 * thread runs again for the same hot functions (docs/cli.md, "Threads"). With fewer cores than
 * this, the default is one thread; REPORTLINT_JOBS still asks for threads explicitly.
 */
export const PARALLEL_MIN_CORES = 4;

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Number of worker threads for `fileCount` files, beside the main thread, which checks files too:
 * REPORTLINT_JOBS threads in all (1 = no workers), else one thread per core on machines with at
 * least PARALLEL_MIN_CORES cores; none for few files.
 */
export function workerCount(fileCount: number, env: Record<string, string | undefined>, cores = availableCores()): number {
  const requested = Number(env.REPORTLINT_JOBS);
  const explicit = Number.isInteger(requested) && requested > 0;
  const max = explicit ? requested : cores >= PARALLEL_MIN_CORES ? cores : 1;
  if (max <= 1 || fileCount < PARALLEL_MIN_FILES) return 0;
  // The main thread checks files too: one thread fewer to start.
  return Math.min(max - 1, Math.ceil(fileCount / BATCH));
}

export interface WorkerPool {
  /** Queue one file (any order of indices; each index once). */
  add(job: CheckJob): void;
  /**
   * No more files: resolves with the results in input order, then lets the workers exit. With
   * `checkHere`, the calling thread checks files from the same queue as the workers, one at a
   * time, and lets the workers' messages in between two files (so they never wait for work).
   */
  finish(checkHere?: (job: CheckJob) => FileResult): Promise<FileResult[]>;
  /** Per worker, where its time went. */
  readonly timings: readonly WorkerTiming[];
  /** The calling thread's share (`checkHere`): time in the checks and files checked. */
  readonly here: { checkMs: number; files: number };
}

/** Let pending messages (the workers' results) be handled before going on. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What a worker thread runs: load `entry` and start checking. When the main thread loaded the
 * bundle through V8's code cache (bin/compile-cache.js, Node 20), the worker loads it the same way
 * and skips compiling it again.
 */
export function workerSource(entry: string): string {
  const loader = (require.cache[entry] as (NodeJS.Module & { compileCacheLoader?: unknown }) | undefined)?.compileCacheLoader;
  if (typeof loader === 'string') return `require(${JSON.stringify(loader)}).loadWithCache(${JSON.stringify(entry)}, false).workerMain();`;
  return `require(${JSON.stringify(entry)}).workerMain();`;
}

/**
 * Start `count` worker threads loading `entry` (the bundle or compiled module exporting
 * `workerMain`); they boot while the caller reads the files it then `add`s.
 */
export function startWorkers(count: number, settings: CheckSettings, entry: string): WorkerPool {
  const out: FileResult[] = [];
  const queue: CheckJob[] = [];
  const inFlight = new Map<Worker, number>();
  const workers: Worker[] = [];
  const timings: WorkerTiming[] = [];
  const here = { checkMs: 0, files: 0 };
  let added = 0;
  let done = 0;
  let closed = false;
  /** The calling thread takes files from the queue too (after `finish(checkHere)`). */
  let helping = false;
  let settled = false;
  let failure: Error | null = null;
  let resolveAll: ((r: FileResult[]) => void) | null = null;
  let rejectAll: ((e: Error) => void) | null = null;

  const stopAll = () => {
    for (const w of workers) w.postMessage({ kind: 'exit' } satisfies Request);
  };
  const settle = () => {
    if (settled) return;
    if (failure) {
      if (!rejectAll) return;
      settled = true;
      stopAll();
      rejectAll(failure);
    } else if (closed && resolveAll && done === added) {
      settled = true;
      stopAll();
      resolveAll(out);
    }
  };
  const fail = (e: Error) => {
    if (!failure) failure = e;
    settle();
  };
  const feed = (w: Worker) => {
    while (!failure && (inFlight.get(w) ?? 0) < IN_FLIGHT && (queue.length >= BATCH || (closed && queue.length))) {
      // Towards the end, smaller batches, so that the workers (and the calling thread) finish together.
      const takers = workers.length + (helping ? 1 : 0);
      const size = closed ? Math.max(1, Math.min(BATCH, Math.floor(queue.length / (takers * IN_FLIGHT)))) : BATCH;
      w.postMessage({ kind: 'batch', jobs: queue.splice(0, size) } satisfies Request);
      inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
    }
  };
  const feedAll = () => {
    // The least busy workers first, so a batch does not wait behind another one.
    for (let round = 0; round < IN_FLIGHT && queue.length; round++) {
      for (const w of workers) if ((inFlight.get(w) ?? 0) <= round) feed(w);
    }
  };

  const { Worker } = workerThreads();
  for (let i = 0; i < count; i++) {
    const w = new Worker(workerSource(entry), { eval: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    workers.push(w);
    inFlight.set(w, 0);
    const timing: WorkerTiming = { readyAt: 0, doneAt: 0, checkMs: 0, cpuMs: null, files: 0 };
    timings.push(timing);
    w.on('message', (m: Reply) => {
      if (m.kind === 'error') return fail(new Error(m.message));
      if (m.kind === 'ready') {
        timing.readyAt = m.at;
        return;
      }
      for (const r of m.results) out[r.index] = r.result;
      done += m.results.length;
      timing.checkMs += m.checkMs;
      timing.cpuMs = m.cpuMs;
      timing.files += m.results.length;
      timing.doneAt = epochMs();
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      feed(w);
      settle();
    });
    w.on('error', (e) => fail(e));
    w.on('exit', (code) => {
      if (!settled) fail(new Error(`worker thread exited early (code ${code})`));
    });
    w.postMessage({ kind: 'init', settings } satisfies Request);
  }

  return {
    add(job) {
      queue.push(job);
      added++;
      if (queue.length >= BATCH) feedAll();
    },
    async finish(checkHere) {
      closed = true;
      helping = !!checkHere;
      feedAll();
      const all = new Promise<FileResult[]>((resolve, reject) => {
        resolveAll = resolve;
        rejectAll = reject;
      });
      // A worker failing while this thread checks rejects `all` before anyone awaits it.
      all.catch(() => undefined);
      if (checkHere) {
        while (!failure && queue.length) {
          const job = queue.shift()!;
          const t0 = performance.now();
          try {
            out[job.index] = checkHere(job);
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
            break;
          }
          here.checkMs += performance.now() - t0;
          here.files++;
          done++;
          await yieldToEvents();
        }
      }
      settle();
      return all;
    },
    timings,
    here,
  };
}

/** The worker side: check the batches it is sent until told to exit. */
export function runWorker(makeResolver: (settings: CheckSettings) => FileResolver): void {
  const { isMainThread, parentPort } = workerThreads();
  if (isMainThread || !parentPort) throw new Error('runWorker must run in a worker thread');
  const port = parentPort;
  let settings: CheckSettings | null = null;
  let resolver: FileResolver | null = null;
  port.on('message', (m: Request) => {
    if (m.kind === 'exit') {
      port.close();
      return;
    }
    if (m.kind === 'init') {
      settings = m.settings;
      port.postMessage({ kind: 'ready', at: epochMs() } satisfies Reply);
      return;
    }
    try {
      const s = settings!;
      const r = (resolver ??= makeResolver(s));
      let checkMs = 0;
      const results = m.jobs.map((job) => {
        const config = r.config(job.path);
        const ignores = r.ignores(job.path);
        const t0 = performance.now();
        const result = checkOneFile(job, config, ignores, s.locale, s.force);
        checkMs += performance.now() - t0;
        // Formatting on the workers: the main thread only joins the parts, and findings do not
        // cross threads (or as plain records: a lazily built finding would lose its message).
        return { index: job.index, result: settledResult(result, s.format, s.locale, s.text) };
      });
      port.postMessage({ kind: 'results', results, checkMs, cpuMs: threadCpuMs() } satisfies Reply);
    } catch (e) {
      port.postMessage({ kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies Reply);
    }
  });
}
