/**
 * The decisions behind noise control, free of the VS Code API so they can be unit-tested
 * (test/unit/noise-policy.test.ts). client/src/noise.ts feeds it editor events and applies
 * its verdicts in the handleDiagnostics middleware.
 *
 *  - Findings that are NEW on the line being edited wait until the caret leaves that line or
 *    typing pauses for `typingPause` ms (0 shows them at once). Findings already shown stay
 *    (LTeX-style): a finding is "already shown" when one with the same rule and message was
 *    in the set last delivered for the document.
 *  - Structural findings about parts that may simply not be written yet (STRUCTURAL_RULES)
 *    wait while a skeleton is being built: a change that inserts two or more line breaks at
 *    once (a snippet, the skeleton command, a paste) starts a quiet period that lasts until
 *    typing pauses for STRUCTURE_PAUSE_MS, the file is saved, or STRUCTURE_MAX_MS have passed
 *    since that insertion. Structural findings already shown stay, so an insertion never makes
 *    an existing finding disappear and come back (no flip-flop).
 *  - The counts (status bar) come from the full set, never from what is held back.
 */

export const STRUCTURAL_RULES: ReadonlySet<string> = new Set(['missing-part', 'part-order', 'missing-causes']);
export const STRUCTURE_PAUSE_MS = 10_000;
export const STRUCTURE_MAX_MS = 5 * 60_000;

/** One content change, as far as the policy cares. */
export interface ChangeInfo {
  /** 0-based line where the change starts. */
  startLine: number;
  /** The inserted text. */
  text: string;
}

export interface DiagnosticLike {
  startLine: number;
  endLine: number;
  code: string;
  /** The message; with the code it identifies a finding across versions (positions move as the writer types). */
  message?: string;
}

interface DocState {
  edit: { line: number; time: number } | null;
  building: { since: number; last: number } | null;
  /** Identities of the findings last delivered (shown) for the document. */
  shown: Set<string>;
}

const identity = (d: DiagnosticLike) => `${d.code}\u0000${d.message ?? ''}`;

const lineBreaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

export class NoisePolicy {
  private docs = new Map<string, DocState>();

  private state(key: string): DocState {
    let s = this.docs.get(key);
    if (!s) this.docs.set(key, (s = { edit: null, building: null, shown: new Set() }));
    return s;
  }

  /** A text change in document `key` at time `now` (changes in the order VS Code reports them). */
  change(key: string, changes: readonly ChangeInfo[], now: number): void {
    if (!changes.length) return;
    const s = this.state(key);
    const last = changes[changes.length - 1];
    s.edit = { line: last.startLine + lineBreaks(last.text), time: now };
    if (changes.some((c) => lineBreaks(c.text) >= 2)) s.building = { since: now, last: now };
    else if (s.building) s.building.last = now;
  }

  /** Saving ends every reason to wait. */
  save(key: string): void {
    const s = this.docs.get(key);
    if (s) {
      s.edit = null;
      s.building = null;
    }
  }

  forget(key: string): void {
    this.docs.delete(key);
  }

  /** The line whose findings are held back, or -1. `caretLine` is null when the document is not in the active editor. */
  heldLine(key: string, now: number, caretLine: number | null, typingPause: number): number {
    const e = this.docs.get(key)?.edit;
    if (!e || caretLine === null || typingPause <= 0 || now - e.time >= typingPause) return -1;
    return caretLine === e.line ? e.line : -1;
  }

  /** True while a skeleton is being built. */
  building(key: string, now: number): boolean {
    const s = this.docs.get(key);
    const b = s?.building;
    if (!s || !b) return false;
    if (now - b.last >= STRUCTURE_PAUSE_MS || now - b.since >= STRUCTURE_MAX_MS) {
      s.building = null;
      return false;
    }
    return true;
  }

  /** The findings to show now (what is returned counts as shown from now on). */
  filter<T extends DiagnosticLike>(key: string, diagnostics: readonly T[], now: number, caretLine: number | null, typingPause: number): T[] {
    const line = this.heldLine(key, now, caretLine, typingPause);
    const building = this.building(key, now);
    const s = this.state(key);
    const before = s.shown;
    const out =
      line < 0 && !building
        ? [...diagnostics]
        : diagnostics.filter((d) => {
            if (before.has(identity(d))) return true; // already shown: it stays
            if (line >= 0 && d.startLine <= line && d.endLine >= line) return false;
            if (building && STRUCTURAL_RULES.has(d.code)) return false;
            return true;
          });
    s.shown = new Set(out.map(identity));
    return out;
  }

  /** Milliseconds until the next reason to wait runs out (to deliver held findings then), or null. */
  nextWake(key: string, now: number, caretLine: number | null, typingPause: number): number | null {
    const s = this.docs.get(key);
    if (!s) return null;
    const waits: number[] = [];
    if (s.edit && caretLine !== null && typingPause > 0 && now - s.edit.time < typingPause) waits.push(typingPause - (now - s.edit.time));
    if (s.building) waits.push(Math.min(STRUCTURE_PAUSE_MS - (now - s.building.last), STRUCTURE_MAX_MS - (now - s.building.since)));
    const positive = waits.filter((w) => w > 0);
    return positive.length ? Math.min(...positive) : null;
  }

  /** The line of the last edit (the caret leaving it releases that line's findings). */
  editedLine(key: string): number | null {
    return this.docs.get(key)?.edit?.line ?? null;
  }
}
