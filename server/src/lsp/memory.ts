/**
 * Memory of the language server process.
 *
 * Checking a very large document (a compilation of many reports, megabytes of text) allocates
 * several times the document's size in short-lived models (the figures model above all); what
 * stays is the outline, the findings and the text. V8 collects the old generation only when it
 * has grown by a factor since the last full collection, so after such a check the process would
 * keep hundreds of megabytes of garbage (and the pages holding it) for as long as the writer
 * keeps the document open. The server therefore runs with `gc` exposed and a fixed malloc
 * threshold (SERVER_EXEC_ARGV and SERVER_ENV, given by the VS Code client and the test harness),
 * and collects before and after each check of a large document and after closing one: the
 * previous version's analysis and findings before the check (a lower peak), the check's garbage
 * before the diagnostics are published, and what building them left after. Once the writer has
 * paused for a few seconds, one more collection gives back the young generation the check grew
 * (see `trimWhenIdle`).
 */

/**
 * Node options of the server process: `--expose-gc` lets the server collect after a large check
 * (see `reclaimMemory`). A smaller young generation was measured too: `--max-semi-space-size=4`
 * some 10 MB less RSS, but the 1 MB edit round trip up to a tenth slower; `=8` (interleaved with
 * the default in one run, 14 edits each) a peak of 173 MB instead of 192 MB with the 10 MB document
 * and the same RSS once idle (97 MB, see `trimWhenIdle`), but 8% more main-thread CPU and 17% more
 * process CPU per edit of the 1 MB document. V8's default stays.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--expose-gc'];

/**
 * Environment added to the server process's: a fixed glibc mmap threshold. glibc raises the
 * threshold to the size of each large block freed, after which the multi-megabyte buffers of big
 * LSP messages (a 10 MB document's text, its diagnostics) come from the brk heap and are not
 * given back to the system when freed (tens of megabytes of RSS). Ignored by other C libraries.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** Documents of more than this many UTF-16 code units are followed by a full collection. */
export const RECLAIM_MIN_SIZE = 2_000_000;

function exposedGc(): (() => void) | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  return typeof gc === 'function' ? gc : null;
}

/** Collect garbage now, when the process was started with `gc` exposed. Returns whether it did. */
export function collectNow(): boolean {
  const gc = exposedGc();
  if (!gc) return false;
  gc();
  return true;
}

let pending: NodeJS.Timeout | null = null;

/**
 * Collect garbage soon (once, however often it is asked for before it runs), when the process
 * was started with `gc` exposed; does nothing otherwise. Returns whether a collection is due.
 */
export function reclaimMemory(delayMs = 0): boolean {
  const gc = exposedGc();
  if (!gc) return false;
  if (!pending) {
    pending = setTimeout(() => {
      pending = null;
      gc();
    }, delayMs);
    pending.unref();
  }
  return true;
}

/**
 * How long after the last large check the young generation is given back. V8 grows its young
 * generation (two semi-spaces, up to 2 × 16 MB on 64-bit) while a large check allocates, and shrinks
 * it in a full collection only when the allocation rate over its last ~5 s window is low; a
 * collection right after the check (`reclaimMemory`) leaves it at its full size, and V8's own memory
 * reducer did not shrink it either (measured: 32 MB of committed young generation, empty, 15 s after
 * a 10 MB document's check). A collection this long after the last check does.
 */
export const IDLE_TRIM_DELAY_MS = 6_000;

let idle: NodeJS.Timeout | null = null;

/**
 * Once the server has been idle for `delayMs` since the last call (each call re-arms the timer, so a
 * writer typing in a large document is not interrupted): run `release` (the latest one given), then
 * collect garbage when the process was started with `gc` exposed. Returns whether a collection is due.
 */
export function trimWhenIdle(delayMs = IDLE_TRIM_DELAY_MS, release?: () => void): boolean {
  const gc = exposedGc();
  if (idle) clearTimeout(idle);
  idle = null;
  if (!gc && !release) return false;
  idle = setTimeout(() => {
    idle = null;
    release?.();
    if (gc) {
      gc();
      // The pages the first collection emptied are swept after it and given back to the system
      // only by the next one (measured: old space 182 MB committed with 3 MB live after one
      // collection, 3.5 MB after a second).
      gc();
    }
  }, delayMs);
  idle.unref();
  return !!gc;
}

/** Cancel a pending idle collection (a large check is starting: it would only be re-armed). */
export function cancelIdleTrim(): void {
  if (idle) clearTimeout(idle);
  idle = null;
}
