/**
 * Noise control: findings are held back while the writer is busy, then shown.
 *
 *  - Findings on the line being edited wait until the caret leaves that line or typing
 *    pauses for `reportlint.typingPause` milliseconds (0 shows them at once).
 *  - Structural findings about parts that may simply not be written yet (missing-part,
 *    part-order, missing-causes) wait while a skeleton is being built: a change that inserts
 *    two or more line breaks at once (a snippet, the skeleton command, a paste) starts a quiet
 *    period that lasts until typing pauses for STRUCTURE_PAUSE_MS, the file is saved, or
 *    STRUCTURE_MAX_MS have passed since that insertion.
 *
 * Everything happens in the client's handleDiagnostics middleware: the server still checks
 * every version, and the full set is delivered as soon as the reason to wait is gone.
 */
import * as vscode from 'vscode';

export const STRUCTURAL_RULES = new Set(['missing-part', 'part-order', 'missing-causes']);
export const STRUCTURE_PAUSE_MS = 10_000;
export const STRUCTURE_MAX_MS = 5 * 60_000;

type Next = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;

interface EditState {
  line: number;
  time: number;
}

export class NoiseControl implements vscode.Disposable {
  private full = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private next: Next | null = null;
  private lastEdit = new Map<string, EditState>();
  private building = new Map<string, { since: number; last: number }>();
  private timers = new Map<string, NodeJS.Timeout>();
  private disposables: vscode.Disposable[] = [];

  constructor(private readonly typingPause: (uri: vscode.Uri) => number) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        this.building.delete(d.uri.toString());
        this.lastEdit.delete(d.uri.toString());
        this.refresh(d.uri.toString());
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
    );
  }

  /** The handleDiagnostics middleware. */
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: Next): void {
    this.next = next;
    const key = uri.toString();
    this.full.set(key, { uri, diagnostics });
    next(uri, this.filter(key, diagnostics));
    this.arm(key);
  }

  private heldLine(key: string, now: number): number {
    const edit = this.lastEdit.get(key);
    if (!edit) return -1;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== key) return -1;
    const pause = this.typingPause(editor.document.uri);
    if (pause <= 0 || now - edit.time >= pause) return -1;
    return editor.selection.active.line === edit.line ? edit.line : -1;
  }

  private isBuilding(key: string, now: number): boolean {
    const b = this.building.get(key);
    if (!b) return false;
    if (now - b.last >= STRUCTURE_PAUSE_MS || now - b.since >= STRUCTURE_MAX_MS) {
      this.building.delete(key);
      return false;
    }
    return true;
  }

  filter(key: string, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const now = Date.now();
    const line = this.heldLine(key, now);
    const building = this.isBuilding(key, now);
    if (line < 0 && !building) return diagnostics;
    return diagnostics.filter((d) => {
      if (line >= 0 && d.range.start.line <= line && d.range.end.line >= line) return false;
      if (building && STRUCTURAL_RULES.has(codeOf(d))) return false;
      return true;
    });
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const key = e.document.uri.toString();
    const now = Date.now();
    const c = e.contentChanges[e.contentChanges.length - 1];
    const breaks = (c.text.match(/\r\n|\r|\n/g) ?? []).length;
    this.lastEdit.set(key, { line: c.range.start.line + breaks, time: now });
    const b = this.building.get(key);
    if (e.contentChanges.some((ch) => (ch.text.match(/\r\n|\r|\n/g) ?? []).length >= 2)) {
      this.building.set(key, { since: now, last: now });
    } else if (b) {
      b.last = now;
    }
    this.refresh(key);
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    const key = e.textEditor.document.uri.toString();
    const edit = this.lastEdit.get(key);
    if (edit && e.selections[0] && e.selections[0].active.line !== edit.line) this.refresh(key);
  }

  /** Re-deliver the latest findings of a document through the filter. */
  private refresh(key: string): void {
    const entry = this.full.get(key);
    if (!entry || !this.next) return;
    this.next(entry.uri, this.filter(key, entry.diagnostics));
    this.arm(key);
  }

  /** Wake up when the current reason to hold findings back runs out. */
  private arm(key: string): void {
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    const now = Date.now();
    const waits: number[] = [];
    const edit = this.lastEdit.get(key);
    if (edit) {
      const editor = vscode.window.activeTextEditor;
      const pause = editor && editor.document.uri.toString() === key ? this.typingPause(editor.document.uri) : 0;
      if (pause > 0 && now - edit.time < pause) waits.push(pause - (now - edit.time));
    }
    const b = this.building.get(key);
    if (b) waits.push(Math.min(STRUCTURE_PAUSE_MS - (now - b.last), STRUCTURE_MAX_MS - (now - b.since)));
    const positive = waits.filter((w) => w > 0);
    if (!positive.length) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.refresh(key);
      }, Math.min(...positive) + 20),
    );
  }

  private forget(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.lastEdit.delete(key);
    this.building.delete(key);
    this.full.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return c ? String(c.value) : '';
}
