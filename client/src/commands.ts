/**
 * Command Palette commands (category ReportLint). Each asks the server for the work
 * (custom requests, see server.ts) and applies the result in the editor. Command ids are
 * stable and listed in README ("Commands") for the end-to-end tests.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TextEdit as LspTextEdit } from 'vscode-languageclient/node';
import { REQUESTS } from './requests';
import type { CheckSummary } from '../../server/src/lsp/protocol';

export const COMMANDS = {
  insertSkeleton: 'reportlint.insertSkeleton',
  insertMissingPart: 'reportlint.insertMissingPart',
  renumberHeadings: 'reportlint.renumberHeadings',
  checkWorkspace: 'reportlint.checkWorkspace',
  switchProfile: 'reportlint.switchProfile',
  statusBarActions: 'reportlint.statusBarActions',
  showPartsChecklist: 'reportlint.showPartsChecklist',
  showStatistics: 'reportlint.showStatistics',
} as const;

const LANGUAGES = new Set(['plaintext', 'markdown', 'reportlint']);


function reportEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.has(editor.document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a report (plain text or Markdown) first.'));
    return undefined;
  }
  return editor;
}

export async function applyLspEdits(client: LanguageClient, document: vscode.TextDocument, edits: LspTextEdit[]): Promise<boolean> {
  const converted = await client.protocol2CodeConverter.asTextEdits(edits);
  const we = new vscode.WorkspaceEdit();
  we.set(document.uri, converted);
  return vscode.workspace.applyEdit(we);
}

async function pickProfile(client: LanguageClient, uri: string | undefined, title: string): Promise<string | undefined> {
  const answer = await client.sendRequest(REQUESTS.profiles, { uri });
  const items = answer.profiles.map((p) => ({
    label: p.name,
    description: p.id === answer.active ? vscode.l10n.t('in use') : p.id,
    detail: p.description,
    id: p.id,
  }));
  items.sort((a, b) => Number(b.id === answer.active) - Number(a.id === answer.active));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Report type') });
  return picked?.id;
}

/**
 * "插入报告框架": the skeleton never touches a document with text in it. It goes into the active
 * document only when that is empty; otherwise into a new Untitled document in the ReportLint
 * language (so VS Code's language detection leaves it alone).
 */
async function insertSkeleton(client: LanguageClient): Promise<void> {
  let editor = vscode.window.activeTextEditor;
  const uri = editor && LANGUAGES.has(editor.document.languageId) ? editor.document.uri.toString() : undefined;
  const profile = await pickProfile(client, uri, vscode.l10n.t('Insert report skeleton (1/2): report type'));
  if (!profile) return;
  const defaultYear = new Date().getFullYear() - 1;
  const yearText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Insert report skeleton (2/2): report year'),
    prompt: vscode.l10n.t('The year the report is about (the plan part is about the year after).'),
    value: String(defaultYear),
    validateInput: (v) => (/^(19|20)\d{2}$/.test(v.trim()) ? null : vscode.l10n.t('Enter a four-digit year such as {0}.', String(defaultYear))),
  });
  if (!yearText) return;
  const usable = editor && LANGUAGES.has(editor.document.languageId) && !editor.document.isClosed && editor.document.getText().trim() === '';
  if (!editor || !usable) {
    const doc = await vscode.workspace.openTextDocument({ language: 'reportlint', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  } else if (editor.document.languageId === 'plaintext') {
    // An empty plain-text document about to hold a report: give it the report editor now.
    const doc = await vscode.languages.setTextDocumentLanguage(editor.document, 'reportlint');
    editor = await vscode.window.showTextDocument(doc);
  }
  const format = editor.document.languageId === 'markdown' ? 'markdown' : 'text';
  const answer = await client.sendRequest(REQUESTS.skeleton, {
    uri: editor.document.uri.toString(),
    profile,
    year: Number(yearText.trim()),
    format,
  });
  if (!answer) return;
  if (editor.document.getText().trim() !== '') return; // text arrived meanwhile: never overwrite it
  const whole = new vscode.Range(new vscode.Position(0, 0), editor.document.lineAt(editor.document.lineCount - 1).range.end);
  await editor.insertSnippet(new vscode.SnippetString(answer.snippet), whole);
}

/**
 * Requests about a document over the size limit answer nothing (no edits, no parts): say so,
 * rather than "nothing to do". True when the message was shown.
 */
async function showTooLarge(client: LanguageClient, uri: string): Promise<boolean> {
  const status = await client.sendRequest(REQUESTS.documentStatus, { uri });
  if (!status?.tooLarge) return false;
  void vscode.window.showWarningMessage(status.tooLarge.message);
  return true;
}

async function insertMissingPart(client: LanguageClient): Promise<void> {
  const editor = reportEditor();
  if (!editor) return;
  const document = editor.document;
  const parts = await client.sendRequest(REQUESTS.missingParts, { uri: document.uri.toString() });
  if (!parts.length && (await showTooLarge(client, document.uri.toString()))) return;
  if (!parts.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every part of the report type is present (or no report type applies to this document).'));
    return;
  }
  // Mandated parts first, in the regulation's order: the first missing mandated part is preselected.
  // A part the report has gone past is missing; one the draft has not got to yet is only not reached.
  parts.sort((a, b) => Number(b.required) - Number(a.required) || a.order - b.order);
  const picked = await vscode.window.showQuickPick(
    parts.map((p) => ({
      label: p.name,
      description: [
        p.required ? (p.marker ? vscode.l10n.t('mandated · numbered {0}', p.marker) : vscode.l10n.t('mandated')) : vscode.l10n.t('optional'),
        p.status === 'missing' ? vscode.l10n.t('missing') : vscode.l10n.t('not reached yet'),
      ].join(' · '),
      detail: p.item,
      part: p,
    })),
    { title: vscode.l10n.t('Insert a missing part'), placeHolder: vscode.l10n.t('The part is inserted where it belongs; later level-1 numbers move on.') },
  );
  if (!picked) return;
  if (document.isClosed) return;
  const ok = await applyLspEdits(client, document, picked.part.edits);
  if (ok && picked.part.edits.length) {
    const first = picked.part.edits[0].range.start;
    const pos = new vscode.Position(first.line + 1, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

async function renumberHeadings(client: LanguageClient): Promise<void> {
  const editor = reportEditor();
  if (!editor) return;
  const edits = await client.sendRequest(REQUESTS.renumber, { uri: editor.document.uri.toString() });
  if (!edits.length && (await showTooLarge(client, editor.document.uri.toString()))) return;
  if (!edits.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Heading numbers are already in sequence; nothing to change.'));
    return;
  }
  // One WorkspaceEdit: one undo step.
  if (await applyLspEdits(client, editor.document, edits)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Renumbered {0} headings.', String(edits.length)));
  }
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the reports in it.'));
    return;
  }
  const summary: CheckSummary = { files: 0, checked: 0, ignored: 0, unreadable: [], errors: 0, warnings: 0, withFindings: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ReportLint: checking the reports in the workspace'), cancellable: true },
    async (progress, token) => {
      // findFiles honours files.exclude when no exclude pattern is given; .reportlintignore is applied by the server.
      const uris = await vscode.workspace.findFiles('**/*.{txt,md,markdown,docx}', undefined, 20_000, token);
      // The client's own URI strings, so the findings land on the same resources as open documents'.
      const files = uris.filter((u) => u.scheme === 'file').map((u) => u.toString());
      const roots = folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
      const chunk = 50;
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += chunk) {
        const part = await client.sendRequest(REQUESTS.checkFiles, { uris: files.slice(i, i + chunk), roots });
        summary.files += part.files;
        summary.checked += part.checked;
        summary.ignored += part.ignored;
        summary.unreadable.push(...part.unreadable);
        summary.errors += part.errors;
        summary.warnings += part.warnings;
        summary.withFindings += part.withFindings;
        progress.report({ increment: (100 * Math.min(chunk, files.length - i)) / files.length, message: `${Math.min(i + chunk, files.length)}/${files.length}` });
      }
    },
  );
  const message = vscode.l10n.t(
    '{0} reports checked ({1} text files, {2} ignored): {3} errors, {4} warnings in {5} files.',
    String(summary.checked),
    String(summary.files),
    String(summary.ignored),
    String(summary.errors),
    String(summary.warnings),
    String(summary.withFindings),
  );
  const open = vscode.l10n.t('Open Problems');
  const choice = await vscode.window.showInformationMessage(message, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function switchProfile(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.uri;
  const answer = await client.sendRequest(REQUESTS.profiles, { uri: uri?.toString() });
  const items: (vscode.QuickPickItem & { id: string })[] = [
    { label: vscode.l10n.t('Detect automatically'), description: 'auto', id: 'auto' },
    ...answer.profiles.map((p) => ({ label: p.name, description: p.id, detail: p.description, id: p.id })),
    { label: vscode.l10n.t('No report type (structure checks off)'), description: 'none', id: 'none' },
  ];
  for (const i of items) if (i.id === answer.configured) i.label = `$(check) ${i.label}`;
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Report type for this folder') });
  if (!picked) return;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const config = vscode.workspace.getConfiguration('reportlint', folder?.uri ?? uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('profile', picked.id, target);
}

async function statusBarActions(client: LanguageClient): Promise<void> {
  const all = await vscode.commands.getCommands(true);
  const items: (vscode.QuickPickItem & { run: () => Thenable<unknown> })[] = [
    { label: `$(warning) ${vscode.l10n.t('Open Problems')}`, run: () => vscode.commands.executeCommand('workbench.actions.view.problems') },
    { label: `$(list-selection) ${vscode.l10n.t('Switch report type…')}`, run: () => switchProfile(client) },
  ];
  if (all.includes(COMMANDS.showStatistics)) {
    items.push({ label: `$(graph) ${vscode.l10n.t('Show the statistics summary')}`, run: () => vscode.commands.executeCommand(COMMANDS.showStatistics) });
  }
  items.push(
    { label: `$(list-ordered) ${vscode.l10n.t('Renumber all headings')}`, run: () => renumberHeadings(client) },
    { label: `$(search) ${vscode.l10n.t('Check all reports in the workspace')}`, run: () => checkWorkspace(client) },
  );
  const picked = await vscode.window.showQuickPick(items, { title: 'ReportLint' });
  if (picked) await picked.run();
}

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const wrap = (f: (c: LanguageClient) => Promise<void>) => async () => {
    const c = client();
    if (!c || !c.isRunning()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The ReportLint language server is not running.'));
      return;
    }
    try {
      await f(c);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ReportLint: {0}', e instanceof Error ? e.message : String(e)));
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.insertSkeleton, wrap(insertSkeleton)),
    vscode.commands.registerCommand(COMMANDS.insertMissingPart, wrap(insertMissingPart)),
    vscode.commands.registerCommand(COMMANDS.renumberHeadings, wrap(renumberHeadings)),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, wrap(checkWorkspace)),
    vscode.commands.registerCommand(COMMANDS.switchProfile, wrap(switchProfile)),
    vscode.commands.registerCommand(COMMANDS.statusBarActions, wrap(statusBarActions)),
  );
}
