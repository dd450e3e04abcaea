/**
 * The arithmetic of consistency, as statcheck and the GRIM test do it: a stated
 * percentage p printed with d decimals is consistent with a true value x when x
 * rounds to p (|x − p| ≤ ½·10^−d) or, as some writers do, truncates to p
 * (p ≤ x < p + 10^−d). Inputs are intervals so that rounded figures (2.9万)
 * and approximate ones (余, 约) are handled by the same code.
 */
import type { Approx } from './numbers';

export type Interval = [number, number];
export type MatchMethod = 'round' | 'truncate';

/** Floating-point slack: 1e-9 percentage points. */
const EPS = 1e-9;

/** The values a stated percentage allows under rounding (and its qualifier). */
export function statedInterval(p: number, decimals: number, approx: Approx | null, method: MatchMethod): Interval {
  const unit = Math.pow(10, -decimals);
  let lo = method === 'round' ? p - unit / 2 : p;
  let hi = method === 'round' ? p + unit / 2 : p + unit;
  if (approx === 'atLeast') hi = Infinity;
  else if (approx === 'atMost') lo = -Infinity;
  else if (approx === 'about') return [-Infinity, Infinity];
  return [lo - EPS, hi + (method === 'truncate' ? -EPS : EPS)];
}

export function intersects(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** 100·k/n over intervals (n > 0). */
export function ratioInterval(k: Interval, n: Interval): Interval {
  if (n[1] <= 0) return [NaN, NaN];
  const lo = n[1] === Infinity ? 0 : (100 * k[0]) / n[1];
  const hi = n[0] <= 0 ? Infinity : (100 * k[1]) / n[0];
  return [lo, hi];
}

/** 100·(cur − base)/base over intervals (base > 0). */
export function changeInterval(cur: Interval, base: Interval): Interval {
  if (base[1] <= 0) return [NaN, NaN];
  const lo = base[1] === Infinity ? -100 : (100 * (cur[0] - base[1])) / base[1];
  const hi = base[0] <= 0 ? Infinity : (100 * (cur[1] - base[0])) / base[0];
  return [Math.min(lo, hi), Math.max(lo, hi)];
}

/** Whether a computed interval is consistent with a stated percentage, and how. */
export function matchPercent(x: Interval, p: number, decimals: number, approx: Approx | null): MatchMethod | null {
  if (Number.isNaN(x[0])) return null;
  if (intersects(x, statedInterval(p, decimals, approx, 'round'))) return 'round';
  if (approx === null && intersects(x, statedInterval(p, decimals, null, 'truncate'))) return 'truncate';
  return null;
}

/** GRIM: whole numbers k (0 ≤ k ≤ n) for which 100·k/n matches p at its precision. */
export function grimNumerators(n: number, p: number, decimals: number): number[] {
  const unit = Math.pow(10, -decimals);
  const lo = Math.ceil(((p - unit / 2 - EPS) * n) / 100);
  const hiRound = Math.floor(((p + unit / 2 + EPS) * n) / 100);
  const hiTrunc = Math.ceil(((p + unit) * n) / 100) - 1;
  const out: number[] = [];
  for (let k = Math.max(0, lo); k <= Math.min(n, Math.max(hiRound, hiTrunc)); k++) {
    if (matchPercent([k, k].map((v) => (100 * v) / n) as Interval, p, decimals, null)) out.push(k);
  }
  return out;
}

/** Whole numbers n for which 100·k/n matches p (for "change 260 to …"); bounded search. */
export function grimDenominators(k: number, p: number, decimals: number): number[] {
  if (p <= 0 || k <= 0) return [];
  const unit = Math.pow(10, -decimals);
  const lo = Math.floor((100 * k) / (p + unit));
  const hi = Math.ceil((100 * k) / Math.max(p - unit / 2, 1e-12));
  const out: number[] = [];
  if (hi - lo > 10_000) return out;
  for (let n = Math.max(1, lo); n <= hi; n++) {
    const v = (100 * k) / n;
    if (matchPercent([v, v], p, decimals, null)) out.push(n);
  }
  return out;
}

/** Pick the candidate nearest to `target` (used for suggestions). */
export function nearest(cands: number[], target: number): number | null {
  let best: number | null = null;
  for (const c of cands) if (best === null || Math.abs(c - target) < Math.abs(best - target)) best = c;
  return best;
}

/** A working value with a few more decimals than stated, and … when it goes on: 95.818…. */
export function formatWorking(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const digits = Math.min(Math.max(3, decimals + 1), 10);
  const shown = x.toFixed(digits);
  const exact = Math.abs(Number(shown) - x) < 1e-12;
  if (exact) return trimZeros(shown);
  // Truncate rather than round the shown digits so the ellipsis reads correctly.
  const f = Math.pow(10, digits);
  const t = (Math.trunc(x * f) / f).toFixed(digits);
  return `${t}…`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** x rounded (or truncated) to d decimals, printed with exactly d decimals. */
export function formatAt(x: number, decimals: number, method: MatchMethod = 'round'): string {
  if (method === 'truncate') {
    const f = Math.pow(10, decimals);
    return (Math.trunc(x * f + 1e-9) / f).toFixed(decimals);
  }
  // Round half up on the decimal representation (toFixed is binary-rounded).
  const f = Math.pow(10, decimals);
  return (Math.round(x * f + 1e-9) / f).toFixed(decimals);
}

/** A count for display: 2176, 2.5万 → 25000. */
export function formatCount(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return Number.isInteger(x) ? String(x) : trimZeros(x.toFixed(4));
}
