/**
 * Word documents in VS Code:
 * - "ReportLint: 检查 Word 文档" opens a .docx (from the Explorer's context menu, the palette or a
 *   file dialog) as a read-only virtual document of its text view (scheme `reportlint-docx`, the
 *   language `reportlint`), which the language server checks like any report; the view follows
 *   the file when it changes on disk (the writer fixes in Word, saves, sees the result);
 * - "ReportLint: 导出为 Word（公文格式）" writes the active report as a GB/T 9704 .docx.
 * The server reads and writes the .docx (server/src/lsp/docx.ts); this file only wires the editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_SCHEME, docxFileUri, docxViewUri } from '../../server/src/node/docx/view-uri';
import { REQUESTS } from './requests';

export const DOCX_COMMANDS = {
  check: 'reportlint.checkWordDocument',
  export: 'reportlint.exportWord',
} as const;

/** The document selector entry for the views (every language: the view is set to `reportlint`). */
export const DOCX_SELECTOR = { scheme: DOCX_SCHEME };

class DocxViews implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    const fileUri = docxFileUri(uri.toString());
    if (!client || !fileUri) return '';
    const result = await client.sendRequest(REQUESTS.docxText, { uri: fileUri });
    if (!result.ok) {
      void vscode.window.showErrorMessage(result.message);
      return '';
    }
    return result.text;
  }

  /** A .docx changed on disk: its open view asks for its text again. */
  fileChanged(file: vscode.Uri): void {
    const view = vscode.Uri.parse(docxViewUri(file.toString()));
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) this.changed.fire(view);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerDocx(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const views = new DocxViews(client);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  context.subscriptions.push(
    views,
    watcher,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, views),
    watcher.onDidChange((u) => views.fileChanged(u)),
    watcher.onDidCreate((u) => views.fileChanged(u)),
    vscode.commands.registerCommand(DOCX_COMMANDS.check, (uri?: vscode.Uri) => openView(uri)),
    vscode.commands.registerCommand(DOCX_COMMANDS.export, () => exportActive(client())),
  );
}

async function openView(uri?: vscode.Uri): Promise<void> {
  let file = uri instanceof vscode.Uri ? uri : undefined;
  // From the palette with a .docx open (VS Code shows it as a binary file): that one.
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  if (!file && input?.uri instanceof vscode.Uri && /\.docx$/i.test(input.uri.path)) file = input.uri;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: vscode.l10n.t('Check') });
    file = picked?.[0];
  }
  if (!file) return;
  if (file.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Only Word documents on this computer can be checked.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(docxViewUri(file.toString())));
  const report = doc.languageId === 'reportlint' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'reportlint');
  await vscode.window.showTextDocument(report, { preview: false });
}

async function exportActive(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report to export it.'));
    return;
  }
  const source = editor.document.uri;
  const result = await client.sendRequest(REQUESTS.exportDocx, { uri: source.toString() });
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ReportLint is not checking this document.'));
    return;
  }
  // Next to the report, with the .docx extension (a Word view's own file is not overwritten).
  const original = docxFileUri(source.toString());
  const base = original ? vscode.Uri.parse(original) : source;
  const name = base.path.replace(/\.[^./]*$/, '') + (original ? '.公文.docx' : '.docx');
  const target = await vscode.window.showSaveDialog({ defaultUri: base.scheme === 'untitled' ? undefined : base.with({ path: name }), filters: { Word: ['docx'] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} (GB/T 9704 layout).', vscode.workspace.asRelativePath(target)));
}
