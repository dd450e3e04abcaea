/**
 * The ReportLint client: starts the language server and registers commands.
 * All checking happens in the server; this file stays small.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';
import { registerCommands } from './commands';
import { NoiseControl } from './noise';
import { StatusBar } from './status';
import { DOCX_SELECTOR, registerDocx } from './docx';
import { ClaimsView } from './claims-view';
import { PartsStatus } from './parts-status';
import { AutoLanguage } from './auto-language';
import { registerRuleDocs } from './rule-docs';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/memory';
import { isTooLarge, NOTIFICATIONS, REQUESTS } from './requests';

let client: LanguageClient | undefined;

/** Restart a crashed server a few times, telling the user once rather than in a loop. */
function errorHandler(): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const { restart, notify } = policy.onClosed(Date.now());
      if (notify === 'restarted') void vscode.window.showWarningMessage(vscode.l10n.t('ReportLint language server stopped unexpectedly and was restarted.'));
      if (notify === 'gave-up') void vscode.window.showErrorMessage(vscode.l10n.t('ReportLint language server crashed repeatedly and will not be restarted. Reload the window to try again.'));
      return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // `gc` exposed and a fixed malloc threshold, so that the server gives
    // back the memory a large document's check used (server/src/lsp/memory.ts).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...SERVER_ENV } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6029'], env: { ...SERVER_ENV } } },
  };
  const selector = ['plaintext', 'markdown', 'reportlint'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const noise = new NoiseControl((uri) => vscode.workspace.getConfiguration('reportlint', uri).get<number>('typingPause', 1500));
  context.subscriptions.push(noise);
  const clientOptions: LanguageClientOptions = {
    // Config files too: the server reports broken .reportlintrc.json files in place.
    documentSelector: [...selector, DOCX_SELECTOR, { scheme: 'file', pattern: '**/.reportlintrc{,.json}' }, { scheme: 'file', pattern: '**/.reportlint-ignore.json' }],
    synchronize: {
      configurationSection: 'reportlint',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.reportlintrc{,.json}'),
        vscode.workspace.createFileSystemWatcher('**/.reportlint-ignore.json'),
        // Custom profiles (named *.reportlint-profile.json, docs/configuration.md): the server reads
        // the folders whose config names a changed profile again (server/src/lsp/config-cache.ts).
        vscode.workspace.createFileSystemWatcher('**/*.reportlint-profile.json'),
      ],
    },
    initializationOptions: { locale: vscode.env.language, isTrusted: vscode.workspace.isTrusted },
    errorHandler: errorHandler(),
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => noise.handle(uri, diagnostics, next),
    },
  };
  client = new LanguageClient('reportlint', 'ReportLint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('reportlint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('reportlint.convertPunctuation', convertPunctuation),
  );
  registerCommands(context, () => client);
  registerDocx(context, () => client);
  context.subscriptions.push(new StatusBar(() => client, (uri) => noise.allDiagnostics(uri)));
  context.subscriptions.push(new ClaimsView(() => client));
  context.subscriptions.push(new PartsStatus(() => client));
  registerRuleDocs(context, () => client);
  await client.start();
  context.subscriptions.push(new AutoLanguage(context, () => client));
  // Custom profiles from the workspace are loaded only once the workspace is trusted.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(NOTIFICATIONS.didChangeTrust, { isTrusted: true });
    }),
  );
}

/** Convert the active document to full-width punctuation in one undoable edit (edits computed by the server). */
async function convertPunctuation(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const document = editor.document;
  const version = document.version;
  const result = await client.sendRequest(REQUESTS.fullWidthPunctuation, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  // Over the size limit the server converts nothing and says why.
  if (isTooLarge(result)) {
    void vscode.window.showWarningMessage(result.message);
    return;
  }
  if (!result || document.version !== version || result.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while converting punctuation; run the command again.'));
    return;
  }
  if (!result.edits.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No half-width punctuation to convert.'));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(result.edits));
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok) void vscode.window.showInformationMessage(vscode.l10n.t('Converted {0} punctuation marks to full width.', result.edits.length));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
