/** Timing helpers for the benchmark: repeated runs after warm-up, median and spread. */

export interface Stats {
  runs: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { runs: s.length, median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), min: s[0], max: s[s.length - 1] };
}

export interface MeasureOptions {
  warmup: number;
  /** At least this many measured runs … */
  minRuns: number;
  /** … and more until this much time (ms) has been spent measuring, up to maxRuns. */
  minTimeMs: number;
  maxRuns: number;
  /** Stop after this much measuring time (ms) once at least 3 runs are done, even below minRuns. */
  maxTimeMs?: number;
}

/** Time `fn` (milliseconds per call). `setup` runs before each call, outside the timing. */
export function measure<T>(fn: (input: T) => unknown, setup: () => T, o: MeasureOptions): Stats {
  for (let i = 0; i < o.warmup; i++) fn(setup());
  const samples: number[] = [];
  let spent = 0;
  const cap = o.maxTimeMs ?? Infinity;
  while ((samples.length < o.minRuns && (spent < cap || samples.length < 3)) || (spent < o.minTimeMs && samples.length < o.maxRuns)) {
    const input = setup();
    const t0 = now();
    fn(input);
    const dt = now() - t0;
    samples.push(dt);
    spent += dt;
  }
  return summarize(samples);
}

/**
 * Whether an interleaved measure runs round `round` after `spent` ms of measured time: until
 * `minRuns` rounds (within `maxTimeMs`, at least 3) and until `minTimeMs` (at most `maxRuns`).
 */
export function wantsRound(round: number, spent: number, o: MeasureOptions): boolean {
  const cap = o.maxTimeMs ?? Infinity;
  return (round < o.minRuns && (spent < cap || round < 3)) || (spent < o.minTimeMs && round < o.maxRuns);
}

/** Who runs in round `round`, one after the other: every name, the order rotated from round to round; `once` only in round 0. */
export function roundOrder<T>(names: readonly T[], round: number, once: readonly T[]): T[] {
  const order: T[] = [];
  for (let k = 0; k < names.length; k++) {
    const n = names[(k + round) % names.length];
    if (round === 0 || !once.includes(n)) order.push(n);
  }
  return order;
}

/**
 * Time several functions on one input, interleaved: each round calls every function once (in an
 * order rotated from round to round), so a change of load on a shared machine affects them alike.
 * `o` counts rounds; `once` names functions measured in one round only (a slow reference at 10 MB).
 */
export function measureInterleaved(fns: Record<string, () => unknown>, o: MeasureOptions, once: readonly string[] = []): Record<string, Stats> {
  const names = Object.keys(fns);
  for (let i = 0; i < o.warmup; i++) for (const n of names) if (!once.includes(n)) fns[n]();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  let spent = 0;
  for (let round = 0; wantsRound(round, spent, o); round++) {
    for (const n of roundOrder(names, round, once)) {
      const t0 = now();
      fns[n]();
      const dt = now() - t0;
      samples[n].push(dt);
      spent += dt;
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(samples[n])]));
}

export async function measureAsync(fn: (i: number) => Promise<number>, warmup: number, runs: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(warmup + i));
  return summarize(samples);
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtStats(s: Stats): string {
  return `${fmtMs(s.median)} (p25–p75 ${fmtMs(s.p25)}–${fmtMs(s.p75)}; min–max ${fmtMs(s.min)}–${fmtMs(s.max)}; n=${s.runs})`;
}

export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
