/**
 * Traditional → simplified normalisation for matching.
 *
 * Keyword rules match against a simplified view of the text. The view has the
 * same length as the original (character-for-character mapping), so every
 * offset found in the view is an offset in the original text.
 *
 * The mapping comes from OpenCC's data (opencc-js, tw → cn, one character at a time), shipped as
 * a generated table of the characters that change (script-table.ts, scripts/gen-t2s-table.mjs):
 * no dictionary to parse or trie to build in each process and worker thread.
 */
import { T2S_PAIRS } from './script-table';

/** The ranges of code units isCjkUnit accepts (inclusive): the tables built from ranges read them. */
export const CJK_UNIT_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x9fff],
  [0xf900, 0xfaff],
];

/**
 * Per-code-unit mapping, filled on first use from T2S_PAIRS (buildTables): the simplified code
 * unit of a CJK unit the view changes, 0 for every other unit (the unit maps to itself). Only the
 * pairs are written: an identity over the 28,000 CJK units was a loop every process ran
 * interpreted. A typed array: the view of a 1 MB document costs a table read per changed character.
 */
let charTable: Uint16Array | null = null;

function table(): Uint16Array {
  return charTable ?? buildTables().table;
}

/**
 * charTable, viewFlags and changedUnits from one pass over T2S_PAIRS (once per process). A later
 * pair for the same unit wins; a pair mapping a unit to itself leaves it unchanged.
 */
function buildTables(): { table: Uint16Array; flags: Uint8Array } {
  const t = new Uint16Array(0x10000);
  const v = new Uint8Array(0x10000);
  // The CJK ranges (isCjkUnit) filled natively, then the units the pairs change: the same flags
  // as testing every one of the 65,536 units (test/unit/startup-tables.test.ts).
  for (const [from, to] of CJK_UNIT_RANGES) v.fill(1, from, to + 1);
  const changed: number[] = [];
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
    const from = T2S_PAIRS.charCodeAt(i);
    const to = T2S_PAIRS.charCodeAt(i + 1);
    t[from] = to === from ? 0 : to;
    if (!isCjkUnit(from)) continue;
    v[from] = to === from ? 1 : CHANGED;
    if (to !== from) changed.push(from);
  }
  charTable = t;
  viewFlags = v;
  // A unit a later pair maps back to itself is not changed.
  changedUnits = changed.filter((u) => v[u] === CHANGED);
  return { table: t, flags: v };
}

/** True when the code unit can be a CJK ideograph that OpenCC may map (the CJK_UNIT_RANGES, by comparison). */
function isCjkUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** The simplified code unit of a CJK unit (isCjkUnit): itself when the view keeps it. */
function simplifyCode(code: number): number {
  const mapped = (charTable ?? table())[code];
  return mapped === 0 ? code : mapped;
}

export interface ScriptView {
  /** Same length as the input; traditional characters replaced by simplified ones. */
  simplified: string;
  /** Number of characters that differ between the original and the simplified view. */
  traditionalCount: number;
  /** Number of CJK ideographs seen. */
  cjkCount: number;
  /**
   * Offsets (ascending) of the characters that differ between the original and the view, or null
   * when there are more than MAX_CHANGED_AT of them (a traditional text: not worth keeping).
   */
  changedAt: readonly number[] | null;
}

/** ScriptView.changedAt keeps at most this many offsets. */
export const MAX_CHANGED_AT = 4096;
/** A viewFlags value: the code unit is CJK and the view changes it (bit 0, CJK, set too). */
export const SCRIPT_CHANGED = 3;
const CHANGED = SCRIPT_CHANGED;

/**
 * Per UTF-16 code unit: 0 not CJK, 1 CJK the view keeps, SCRIPT_CHANGED CJK the view changes.
 * For a scan that builds the view with other counts on the same pass (chars.ts, textCensus).
 */
export function scriptViewFlags(): Uint8Array {
  return viewFlags ?? makeViewFlags();
}

/** The code units the view changes (SCRIPT_CHANGED in scriptViewFlags), a unit possibly more than once. */
let changedUnits: readonly number[] | null = null;

/** The code units the view changes (SCRIPT_CHANGED in scriptViewFlags): from the pairs, not a loop over all 65,536 units. */
export function scriptChangedUnits(): readonly number[] {
  if (!changedUnits) buildTables();
  return changedUnits!;
}

/** The view from a pass's counts (see toSimplifiedView): the text itself when nothing changed. */
export function finishView(text: string, traditionalCount: number, cjkCount: number, changedAt: number[] | null): ScriptView {
  if (!traditionalCount) return { simplified: text, traditionalCount, cjkCount, changedAt };
  return { simplified: viewText(text, scriptViewFlags(), changedAt), traditionalCount, cjkCount, changedAt };
}

export function toSimplifiedView(text: string): ScriptView {
  const flags = viewFlags ?? makeViewFlags();
  let changedAt: number[] | null = [];
  let traditionalCount = 0;
  let cjkCount = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // One read of a 64 KB table per code unit: 0 not CJK, 1 unchanged, 3 changed. CJK and other
    // characters alternate unpredictably in Chinese prose: they are counted without a branch.
    const f = flags[text.charCodeAt(i)];
    cjkCount += f & 1;
    if (f === CHANGED) {
      traditionalCount++;
      if (changedAt) {
        if (changedAt.length < MAX_CHANGED_AT) changedAt.push(i);
        else changedAt = null;
      }
    }
  }
  return finishView(text, traditionalCount, cjkCount, changedAt);
}

/**
 * The view's text: `text` with the changed code units replaced (at `changedAt`, or wherever
 * `flags` says CHANGED). A function of its own, without closures: a variable a closure captures
 * lives in a heap context, and the counting loop above, reading `text` from there, ran 2× slower.
 */
function viewText(text: string, flags: Uint8Array, changedAt: readonly number[] | null): string {
  const tbl = charTable ?? table();
  const out: string[] = [];
  let last = 0;
  if (changedAt) {
    for (const i of changedAt) {
      out.push(text.slice(last, i), String.fromCharCode(tbl[text.charCodeAt(i)]));
      last = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      if (flags[text.charCodeAt(i)] !== CHANGED) continue;
      out.push(text.slice(last, i), String.fromCharCode(tbl[text.charCodeAt(i)]));
      last = i + 1;
    }
  }
  out.push(text.slice(last));
  return out.join('');
}

/** Per code unit: 0 when isCjkUnit rejects it, 1 when `table()` keeps it, CHANGED (bit 0 set too) when it maps it to another unit. */
let viewFlags: Uint8Array | null = null;

function makeViewFlags(): Uint8Array {
  return buildTables().flags;
}

/** Convert a single string to simplified (used for profile phrases and user input). */
export function simplify(text: string): string {
  if (text.length === 1) {
    // Fast path for the per-character lookups of the hygiene rules.
    const code = text.charCodeAt(0);
    if (!isCjkUnit(code)) return text;
    const mapped = simplifyCode(code);
    return mapped === code ? text : String.fromCharCode(mapped);
  }
  return toSimplifiedView(text).simplified;
}
