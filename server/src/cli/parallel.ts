/**
 * Checking many files across cores with worker threads (`reportlint check` over a folder).
 *
 * The main thread reads the files and resolves their configuration (it reports config errors);
 * workers run the checks. Each worker loads the same bundle and resolves the configuration of its
 * files again with the same functions, so nothing but file texts and findings (plain data) crosses
 * threads. Files are handed out in small batches as workers become free; results are put back in
 * input order, so the output is identical to a sequential run.
 */
import { loadIgnoresFor } from '../core/suppress';
import * as os from 'os';
import { isMainThread, parentPort, Worker } from 'worker_threads';
import { Analysis } from '../core/analysis';
import { checkDocument } from '../core/check';
import type { ResolvedConfig } from '../core/config';
import type { Finding, Locale } from '../core/types';

export interface CheckJob {
  /** Index in the input order. */
  index: number;
  /** Path used to find the configuration ('-' for stdin). */
  path: string;
  displayPath: string;
  text: string;
}

export interface CheckSettings {
  locale: Locale;
  /** The --config file, if any (each worker reads it again). */
  configFile: string | null;
  stdinName: string;
}

/** How the configuration of one file is resolved; the same function runs in the main thread and the workers. */
export type ConfigResolver = (settings: CheckSettings, path: string) => ResolvedConfig;

type Request = { kind: 'init'; settings: CheckSettings } | { kind: 'batch'; jobs: CheckJob[] } | { kind: 'exit' };
type Reply = { kind: 'results'; results: { index: number; findings: Finding[] }[] } | { kind: 'error'; message: string };

/** Minimum number of files before worker threads are worth their start-up. */
export const PARALLEL_MIN_FILES = 24;
const BATCH = 8;

/**
 * Number of worker threads for `fileCount` files: REPORTLINT_JOBS (1 = no workers) or one per
 * core, none for few files or a single core.
 */
export function workerCount(fileCount: number, env: Record<string, string | undefined>): number {
  const requested = Number(env.REPORTLINT_JOBS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const max = Number.isInteger(requested) && requested > 0 ? requested : cores;
  if (max <= 1 || fileCount < PARALLEL_MIN_FILES) return 0;
  return Math.min(max, Math.ceil(fileCount / BATCH));
}

/** Check `jobs` on `count` worker threads; resolves with the findings in input order. */
export function checkInWorkers(jobs: CheckJob[], settings: CheckSettings, count: number, entry: string): Promise<Finding[][]> {
  return new Promise((resolve, reject) => {
    const out: Finding[][] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const w of workers) w.postMessage({ kind: 'exit' } satisfies Request);
      if (error) reject(error);
      else resolve(out);
    };
    const feed = (w: Worker) => {
      if (next >= jobs.length) return;
      const batch = jobs.slice(next, next + BATCH);
      next += batch.length;
      w.postMessage({ kind: 'batch', jobs: batch } satisfies Request);
    };
    for (let i = 0; i < count; i++) {
      // The worker loads the bundle (or the compiled module) that exports workerMain.
      const w = new Worker(`require(${JSON.stringify(entry)}).workerMain();`, { eval: true });
      workers.push(w);
      w.on('message', (m: Reply) => {
        if (m.kind === 'error') return finish(new Error(m.message));
        for (const r of m.results) out[r.index] = r.findings;
        done += m.results.length;
        if (done === jobs.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      w.postMessage({ kind: 'init', settings } satisfies Request);
      // Two batches in flight per worker: it never waits for the main thread.
      feed(w);
      feed(w);
    }
    if (!jobs.length) finish();
  });
}

/** The worker side: check the batches it is sent until told to exit. */
export function runWorker(resolveConfig: ConfigResolver): void {
  if (isMainThread || !parentPort) throw new Error('runWorker must run in a worker thread');
  const port = parentPort;
  let settings: CheckSettings | null = null;
  const configs = new Map<string, ResolvedConfig>();
  port.on('message', (m: Request) => {
    if (m.kind === 'exit') {
      port.close();
      return;
    }
    if (m.kind === 'init') {
      settings = m.settings;
      return;
    }
    try {
      const s = settings!;
      const results = m.jobs.map((job) => {
        let config = configs.get(job.path);
        if (!config) {
          config = resolveConfig(s, job.path);
          configs.set(job.path, config);
        }
        const analysis = Analysis.fromText(job.text, { uri: job.displayPath });
        return { index: job.index, findings: checkDocument(analysis, { config, locale: s.locale, ignores: job.path === '-' ? [] : loadIgnoresFor(job.path) }) };
      });
      port.postMessage({ kind: 'results', results } satisfies Reply);
    } catch (e) {
      port.postMessage({ kind: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies Reply);
    }
  });
}
