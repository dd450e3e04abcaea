/**
 * One linter in a process of its own, as each runs in real use: ReportLint in its language server
 * or CLI, markdownlint in the editor's extension host. The process's heap holds only this linter's
 * objects, so a run never pays for collecting another linter's garbage. The benchmark sends the
 * input once, then 'run' once per round; this process times the call itself (no message passing
 * inside the measure) and replies with the milliseconds. Started by bench/isolated.ts with the
 * linter's kind as its argument.
 */
import { fullCheck, referenceLinters, type Linter } from './references';
import { now } from './stats';

export type IsolatedKind = 'reportlint' | 'markdownlint' | 'autocorrect' | 'floor';

export type WorkerRequest = { type: 'input'; text: string } | { type: 'run' };
export type WorkerReply = { type: 'ready' } | { type: 'loaded' } | { type: 'ran'; ms: number } | { type: 'error'; message: string };

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('bench/linter-worker.js runs as a child process of the benchmark (IPC channel)');
  const kind = process.argv[2] as IsolatedKind;
  let linter: Linter;
  if (kind === 'reportlint') linter = fullCheck;
  else {
    const refs = await referenceLinters();
    linter = refs[kind];
  }
  let text = '';
  process.on('message', (m: WorkerRequest) => {
    try {
      if (m.type === 'input') {
        text = m.text;
        // Start every input from a collected heap, as the other linters do.
        (globalThis as { gc?: () => void }).gc?.();
        send({ type: 'loaded' } satisfies WorkerReply);
        return;
      }
      const t0 = now();
      linter(text);
      const ms = now() - t0;
      send({ type: 'ran', ms } satisfies WorkerReply);
    } catch (e) {
      send({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  });
  send({ type: 'ready' } satisfies WorkerReply);
}

void main();
