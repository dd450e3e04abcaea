/**
 * A second view of the in-process comparison: every linter in a process of its own
 * (bench/linter-worker.ts), interleaved round by round as `measureInterleaved` does: each round runs
 * every linter once, one at a time, in an order rotated from round to round, so a change of load on
 * a shared machine affects them alike. Only one linter runs at any moment; the others wait for a
 * message.
 *
 * What it changes against one shared heap: no linter pays for collecting the garbage the others
 * left (markdownlint allocates several times more per call than ReportLint), but each run starts
 * after its process slept through the other linters' runs (cold caches, a heap sized for one input),
 * which costs every linter, most on short runs. The targets use the one-heap measure, as issue 18
 * defines it; BENCHMARKS.md shows both. The processes get the benchmark's Node options (`--expose-gc`).
 */
import { fork, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { IsolatedKind, WorkerReply, WorkerRequest } from './linter-worker';
import { roundOrder, summarize, wantsRound, type MeasureOptions, type Stats } from './stats';

export class IsolatedLinters {
  private readonly workers = new Map<IsolatedKind, ChildProcess>();

  private constructor(readonly kinds: readonly IsolatedKind[]) {}

  static async start(kinds: readonly IsolatedKind[]): Promise<IsolatedLinters> {
    const pool = new IsolatedLinters(kinds);
    for (const kind of kinds) {
      const worker = fork(path.join(__dirname, 'linter-worker.js'), [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      pool.workers.set(kind, worker);
      const first = await pool.reply(kind);
      if (first.type !== 'ready') throw new Error(`${kind} worker did not start`);
    }
    return pool;
  }

  private reply(kind: IsolatedKind): Promise<WorkerReply> {
    const worker = this.workers.get(kind)!;
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: WorkerReply) => {
        done();
        if (m.type === 'error') reject(new Error(`${kind}: ${m.message}`));
        else resolve(m);
      };
      const onError = (e: Error) => {
        done();
        reject(e);
      };
      const onExit = (code: number | null) => onError(new Error(`${kind}: the linter's process exited (${code})`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  private async send(kind: IsolatedKind, request: WorkerRequest): Promise<WorkerReply> {
    const answer = this.reply(kind);
    this.workers.get(kind)!.send(request);
    return answer;
  }

  /** Gives every worker the input (copied once, outside any measure). */
  async load(text: string): Promise<void> {
    for (const kind of this.kinds) await this.send(kind, { type: 'input', text });
  }

  /** One timed run of `kind` on the loaded input, in milliseconds (timed inside the worker). */
  async run(kind: IsolatedKind): Promise<number> {
    const r = await this.send(kind, { type: 'run' });
    if (r.type !== 'ran') throw new Error(`${kind}: unexpected reply ${r.type}`);
    return r.ms;
  }

  /**
   * Interleaved rounds on the loaded input; `o` counts rounds, `once` names linters measured in
   * one round only (a slow reference at 10 MB), as in `measureInterleaved`.
   */
  async measure(o: MeasureOptions, once: readonly IsolatedKind[] = []): Promise<Record<IsolatedKind, Stats>> {
    const names = this.kinds;
    for (let i = 0; i < o.warmup; i++) for (const n of names) if (!once.includes(n)) await this.run(n);
    const samples = new Map<IsolatedKind, number[]>(names.map((n) => [n, []]));
    let spent = 0;
    for (let round = 0; wantsRound(round, spent, o); round++) {
      for (const n of roundOrder(names, round, once)) {
        const dt = await this.run(n);
        samples.get(n)!.push(dt);
        spent += dt;
      }
    }
    return Object.fromEntries(names.map((n) => [n, summarize(samples.get(n)!)])) as Record<IsolatedKind, Stats>;
  }

  async close(): Promise<void> {
    for (const w of this.workers.values()) {
      w.removeAllListeners('exit');
      w.kill();
    }
    this.workers.clear();
  }
}
