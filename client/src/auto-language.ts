/**
 * Report files get the report editor whatever their name: a plain-text or Markdown document
 * whose content looks like a report (the server's auto-mode decision, core/enable.ts) is switched
 * to the ReportLint language once (word wrap, heading completion, no word-based suggestions).
 * Setting `reportlint.autoLanguage` (default on). A file the user switched back to another
 * language is remembered (workspace state) and never switched again. An Untitled buffer that
 * receives a report (the skeleton snippet, a paste) is switched at once, before VS Code's
 * language detection can move it elsewhere; an explicitly set language is never detected away.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AutoLanguagePolicy } from './auto-language-policy';
import { REQUESTS } from './requests';

const REPORT_LANGUAGE = 'reportlint';
const DECLINED_KEY = 'reportlint.autoLanguage.declined';

export class AutoLanguage implements vscode.Disposable {
  private readonly policy: AutoLanguagePolicy;
  private disposables: vscode.Disposable[] = [];
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.policy = new AutoLanguagePolicy(context.workspaceState.get<string[]>(DECLINED_KEY, []));
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.policy.closed(d.uri.toString(), d.languageId, Date.now())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme !== 'untitled' || !e.contentChanges.length) return;
        const bulk = e.contentChanges.some((c) => (c.text.match(/\n/g) ?? []).length >= 2);
        this.consider(e.document, bulk ? 0 : 250);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.consider(d, 0);
  }

  private enabled(uri: vscode.Uri): boolean {
    return vscode.workspace.getConfiguration('reportlint', uri).get<boolean>('autoLanguage', true);
  }

  private opened(d: vscode.TextDocument): void {
    const declined = this.policy.opened(d.uri.toString(), d.languageId, Date.now());
    if (declined) void this.context.workspaceState.update(DECLINED_KEY, this.policy.declinedList());
    this.consider(d, 0);
  }

  private consider(d: vscode.TextDocument, delay: number): void {
    const key = d.uri.toString();
    if (!this.policy.candidate(key, d.uri.scheme, d.languageId, this.enabled(d.uri))) return;
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.judge(d);
      }, delay),
    );
  }

  private async judge(d: vscode.TextDocument): Promise<void> {
    const c = this.client();
    const key = d.uri.toString();
    if (!c || !c.isRunning() || d.isClosed || !this.policy.candidate(key, d.uri.scheme, d.languageId, this.enabled(d.uri))) return;
    let report = false;
    try {
      report = await c.sendRequest(REQUESTS.looksLikeReport, { uri: key, text: d.getText(), languageId: d.languageId });
    } catch {
      return;
    }
    if (!report || d.isClosed || !this.policy.candidate(key, d.uri.scheme, d.languageId)) return;
    this.policy.switching(key, d.languageId);
    await vscode.languages.setTextDocumentLanguage(d, REPORT_LANGUAGE);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
