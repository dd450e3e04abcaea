/**
 * Noise control in the client's handleDiagnostics middleware: findings are held back while
 * the writer is busy, then shown. The decisions are in noise-policy.ts (tested without VS Code);
 * this file feeds it editor events. The server still checks every version; the full set is
 * delivered as soon as the reason to wait is gone.
 */
import * as vscode from 'vscode';
import { NoisePolicy } from './noise-policy';

type Next = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;

export class NoiseControl implements vscode.Disposable {
  private policy = new NoisePolicy();
  private full = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private next: Next | null = null;
  private timers = new Map<string, NodeJS.Timeout>();
  private disposables: vscode.Disposable[] = [];

  constructor(private readonly typingPause: (uri: vscode.Uri) => number) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = e.document.uri.toString();
        this.policy.change(key, e.contentChanges.map((c) => ({ startLine: c.range.start.line, text: c.text })), Date.now());
        this.refresh(key);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const key = e.textEditor.document.uri.toString();
        const line = this.policy.editedLine(key);
        if (line !== null && e.selections[0] && e.selections[0].active.line !== line) this.refresh(key);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        this.policy.save(d.uri.toString());
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
    this.deliver(key);
  }

  /**
   * Every finding the server reported for `uri`, held back or not (the status bar counts these,
   * so a hold never changes the counts); undefined when the server has sent none.
   */
  allDiagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] | undefined {
    return this.full.get(uri.toString())?.diagnostics;
  }

  /** Caret line in the active editor when it shows `key`, else null. */
  private caret(key: string): { line: number | null; pause: number } {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== key) return { line: null, pause: 0 };
    return { line: editor.selection.active.line, pause: this.typingPause(editor.document.uri) };
  }

  private deliver(key: string): void {
    const entry = this.full.get(key);
    if (!entry || !this.next) return;
    const now = Date.now();
    const { line, pause } = this.caret(key);
    const shown = this.policy.filter(
      key,
      entry.diagnostics.map((d) => ({ startLine: d.range.start.line, endLine: d.range.end.line, code: codeOf(d), message: d.message, d })),
      now,
      line,
      pause,
    );
    this.next(entry.uri, shown.map((x) => x.d));
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    const wake = this.policy.nextWake(key, now, line, pause);
    if (wake !== null) {
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.deliver(key);
        }, wake + 20),
      );
    }
  }

  private refresh(key: string): void {
    this.deliver(key);
  }

  private forget(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.policy.forget(key);
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
