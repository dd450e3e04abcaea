/**
 * The status bar item: the report type (profile) in use for the active document and its
 * error/warning counts as shown in the Problems panel. Clicking it offers the Problems panel,
 * switching the report type, and the other commands.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from './commands';
import { isTooLarge, REQUESTS } from './requests';
import type { DocumentStatus } from '../../server/src/lsp/protocol';

const LANGUAGES = new Set(['plaintext', 'markdown', 'reportlint']);
const SOURCE = 'ReportLint';


interface Coverage {
  claims: number;
  checkable: number;
  consistent: number;
  inconsistent: number;
  unverifiable: number;
}

function shorten(s: string, max = 20): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export class StatusBar implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('reportlint.status', vscode.StatusBarAlignment.Right, 100);
  private disposables: vscode.Disposable[] = [];
  private status = new Map<string, DocumentStatus | null>();
  private pending: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    /** Every finding of a document, held back or not (noise.ts): a hold never changes the counts. */
    private readonly allDiagnostics: (uri: vscode.Uri) => readonly vscode.Diagnostic[] | undefined = () => undefined,
  ) {
    this.item.name = 'ReportLint';
    this.item.command = COMMANDS.statusBarActions;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update(true)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update(true);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportlint')) {
          this.status.clear();
          this.update(true);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.status.delete(d.uri.toString())),
    );
    this.update(true);
  }

  /** Refresh soon (several triggers in a row cost one request). */
  update(refetch = false): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.render(refetch);
    }, 100);
  }

  private async render(refetch: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const c = this.client();
    if (!editor || !LANGUAGES.has(editor.document.languageId) || !c || !c.isRunning()) {
      this.item.hide();
      return;
    }
    const key = editor.document.uri.toString();
    let st = this.status.get(key);
    if (st === undefined || refetch) {
      try {
        st = await c.sendRequest(REQUESTS.documentStatus, { uri: key });
      } catch {
        st = null;
      }
      this.status.set(key, st);
    }
    if (vscode.window.activeTextEditor?.document.uri.toString() !== key) return;
    const diagnostics = (this.allDiagnostics(editor.document.uri) ?? vscode.languages.getDiagnostics(editor.document.uri)).filter((d) => d.source === SOURCE);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const others = diagnostics.length - errors - warnings;
    if (!st || !st.checked) {
      this.item.text = '$(circle-slash) ReportLint';
      this.item.accessibilityInformation = { label: 'ReportLint: —' };
      this.item.tooltip = vscode.l10n.t('ReportLint: this document does not look like a report and is not checked (setting reportlint.enable).');
      this.item.show();
      return;
    }
    const name = st.profile ? shorten(st.profile.name) : vscode.l10n.t('Report');
    this.item.text = `$(checklist) ${name}  $(error) ${errors}  $(warning) ${warnings}`;
    this.item.accessibilityInformation = { label: `ReportLint: ${name} ${errors} ${warnings}` };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**ReportLint** — ${st.profile ? st.profile.name : vscode.l10n.t('no report type detected')}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('{0} errors, {1} warnings, {2} other findings', String(errors), String(warnings), String(others)) + '\n\n');
    const coverage = await this.coverage(c, key);
    if (coverage && coverage.claims > 0) {
      tooltip.appendMarkdown(
        vscode.l10n.t(
          'Figures: {0} claims recognised, {1} checkable ({2} consistent, {3} inconsistent), {4} not checkable.',
          String(coverage.claims),
          String(coverage.checkable),
          String(coverage.consistent),
          String(coverage.inconsistent),
          String(coverage.unverifiable),
        ) + '\n\n',
      );
    }
    if (st.run === 'onSave') tooltip.appendMarkdown(vscode.l10n.t('Checked when the file is saved (reportlint.run).') + '\n\n');
    tooltip.appendMarkdown(vscode.l10n.t('Click for the Problems panel or to switch the report type.'));
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** Statistics coverage from `reportlint/stats` (null when the server does not offer it). */
  private async coverage(c: LanguageClient, uri: string): Promise<Coverage | null> {
    try {
      const r = await c.sendRequest(REQUESTS.stats, { uri });
      return r && !isTooLarge(r) ? r.coverage : null;
    } catch {
      return null;
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
