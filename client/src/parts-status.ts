/**
 * The status bar's parts checklist: "$(tasklist) 法治政府建设… 3/4 部分" for a report whose type
 * mandates parts, a tooltip listing each part ✓ written / ✗ missing / … not reached yet, and a
 * quick pick (click) that reveals a written part or inserts an absent one where it belongs.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { applyLspEdits, COMMANDS } from './commands';
import { formatChecklist, type ChecklistPart, type PartsChecklist } from './parts-checklist';
import { REQUESTS } from './requests';

const LANGUAGES = new Set(['plaintext', 'markdown', 'reportlint']);
const t = (message: string, ...args: string[]) => vscode.l10n.t(message, ...args);

export class PartsStatus implements vscode.Disposable {
  private item = vscode.window.createStatusBarItem('reportlint.parts', vscode.StatusBarAlignment.Right, 98);
  private disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | null = null;
  private list: PartsChecklist | null = null;
  private uri: string | null = null;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = vscode.l10n.t('ReportLint parts');
    this.item.command = COMMANDS.showPartsChecklist;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reportlint')) this.update();
      }),
      vscode.commands.registerCommand(COMMANDS.showPartsChecklist, () => this.pick()),
    );
    this.update();
  }

  /** Refresh soon (several triggers in a row cost one request). */
  update(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.render();
    }, 150);
  }

  private async request(uri: string): Promise<PartsChecklist | null> {
    const c = this.client();
    if (!c || !c.isRunning()) return null;
    try {
      const answer: PartsChecklist | null = await c.sendRequest(REQUESTS.partsChecklist, { uri });
      return answer && Array.isArray(answer.parts) && answer.parts.length ? answer : null;
    } catch {
      return null;
    }
  }

  private async render(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.has(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const key = editor.document.uri.toString();
    const list = await this.request(key);
    if (vscode.window.activeTextEditor?.document.uri.toString() !== key) return;
    this.list = list;
    this.uri = key;
    if (!list) {
      this.item.hide();
      return;
    }
    const view = formatChecklist(list, t);
    this.item.text = view.text;
    this.item.accessibilityInformation = { label: view.label };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${view.tooltipLines[0]}**\n\n`);
    for (const line of view.tooltipLines.slice(1)) tooltip.appendText(line + '\n\n');
    tooltip.appendMarkdown(vscode.l10n.t('Click to go to a part or to insert one that is not written.'));
    this.item.tooltip = tooltip;
    this.item.backgroundColor = view.tone === 'missing' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** The quick pick: reveal a written part, insert an absent one. */
  private async pick(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.has(editor.document.languageId)) return;
    const uri = editor.document.uri.toString();
    const list = (this.uri === uri && this.list) || (await this.request(uri));
    if (!list) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No report type with mandated parts applies to this document.'));
      return;
    }
    const view = formatChecklist(list, t);
    const picked = await vscode.window.showQuickPick(
      view.rows.map((r) => ({ label: r.label, description: r.description, detail: r.part.item, part: r.part })),
      { title: `${list.profile.name} ${list.written}/${list.total}`, placeHolder: vscode.l10n.t('Choose a part to go to it, or to insert it where it belongs') },
    );
    if (picked) await this.act(editor, picked.part);
  }

  private async act(editor: vscode.TextEditor, part: ChecklistPart): Promise<void> {
    const c = this.client();
    if (part.range) {
      const r = new vscode.Range(part.range.start.line, part.range.start.character, part.range.end.line, part.range.end.character);
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    if (!c || !part.edits?.length || editor.document.isClosed) return;
    // The checklist may be stale: ask again so the edits fit the current text.
    const fresh = (await this.request(editor.document.uri.toString()))?.parts.find((p) => p.id === part.id);
    if (!fresh?.edits?.length) return;
    if (await applyLspEdits(c, editor.document, fresh.edits)) {
      const pos = new vscode.Position(fresh.edits[0].range.start.line + 1, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
