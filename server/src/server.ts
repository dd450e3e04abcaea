/**
 * The ReportLint language server: wiring only. Each LSP feature is a small adapter in
 * lsp/features/ (params + session state → answer); the session state (documents, settings,
 * per-folder configuration, policy) is lsp/state.ts; the custom requests are typed once in
 * lsp/protocol.ts, shared with the client.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
  DidChangeWatchedFilesNotification,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { normalizeLocale } from './core/l10n';
import { ALL_RULES } from './core/rules';
import { codeActions, CODE_ACTION_KINDS } from './lsp/features/code-actions';
import { codeLens } from './lsp/features/code-lens';
import { EXECUTE_COMMANDS, executeCommand } from './lsp/features/commands';
import { completion, COMPLETION_TRIGGERS } from './lsp/features/completion';
import * as requests from './lsp/features/custom-requests';
import { affectedByFileChanges, isSettingsFile, prepareCheck, publishConfigFiles, publishSidecar, reclaimMemory, RECLAIM_MIN_SIZE, validate } from './lsp/features/diagnostics';
import { hover } from './lsp/features/hover';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensDelta } from './lsp/features/semantic-tokens';
import { documentSymbols, foldingRanges } from './lsp/features/symbols';
import { registerDocxRequests } from './lsp/docx';
import { bool, CODE_ACTION, int, obj, oneOf, onRequest, optional, OPTIONAL_URI_PARAM, str, arrayOf, guarded, TEXT_DOCUMENT, TEXT_POSITION, TOKENS_DELTA, URI_PARAM, valid } from './lsp/params';
import { debounceDelay } from './lsp/pipeline';
import { NOTIFICATIONS, REQUESTS } from './lsp/protocol';
import { CheckScheduler } from './lsp/scheduler';
import { oneWritePerMessage } from './lsp/stdio';
import { ServerState, type Settings } from './lsp/state';
import { testModeRules } from './lsp/test-mode';
import { socketTransportRefusal } from './node/transport';

export type { EnableMode } from './lsp/state';

// Never a socket or pipe transport unless the command line explicitly opts in (node/transport.ts).
const refusal = socketTransportRefusal(process.argv);
if (refusal) {
  process.stderr.write(refusal + '\n');
  process.exit(2);
}
// VS Code starts the server over Node IPC; the stdio transport (other editors, the tests and the
// benchmark) writes each message in one piece (lsp/stdio.ts).
if (process.argv.includes('--stdio')) oneWritePerMessage(process.stdout);
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** The built-in rules, plus a throwing rule only under REPORTLINT_TEST_MODE=throwing-rule (see lsp/test-mode.ts). */
const state = new ServerState(
  documents,
  {
    getConfiguration: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'reportlint' }) as Promise<Partial<Settings> | null>,
    sendDiagnostics: (params) => connection.sendDiagnostics(params),
    error: (message) => connection.console.error(message),
    watchFiles: (files) => {
      if (!canWatchFiles) return;
      // Relative patterns (LSP 3.17): the folder, and the file name as the pattern (names with glob characters are left out).
      const watchers = files.filter((f) => !/[*?[\]{}]/.test(path.basename(f))).map((f) => ({ globPattern: { baseUri: pathToFileURL(path.dirname(f)).href, pattern: path.basename(f) } }));
      if (watchers.length) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    },
  },
  [...ALL_RULES, ...testModeRules(process.env)],
);
state.onConfigLoaded = (files) => publishConfigFiles(state, files);
state.onSidecarLoaded = (sidecar) => publishSidecar(state, sidecar);

const scheduler: CheckScheduler = new CheckScheduler(
  (uri, version, token): Promise<void> => validate(state, scheduler, uri, version, token),
  (e) => connection.console.error(`ReportLint: ${e instanceof Error ? e.stack : String(e)}`),
  (uri, version, token): Promise<void> => prepareCheck(state, uri, version, token),
);

/** Whether the client accepts watchers registered by the server (custom profile files). */
let canWatchFiles = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const watching = params.capabilities.workspace?.didChangeWatchedFiles;
  canWatchFiles = !!watching?.dynamicRegistration && !!watching.relativePatternSupport;
  const options = params.initializationOptions as { locale?: string; isTrusted?: boolean } | undefined;
  state.locale = normalizeLocale(options?.locale ?? params.locale);
  state.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  state.trusted = options?.isTrusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  state.workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'ReportLint' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true } },
      executeCommandProvider: { commands: EXECUTE_COMMANDS },
    },
    serverInfo: { name: 'ReportLint', version: typeof REPORTLINT_VERSION === 'string' ? REPORTLINT_VERSION : 'dev' },
  };
});

declare const REPORTLINT_VERSION: string | undefined;

// ---- Checking: when, and what is published ----

function schedule(doc: TextDocument, immediate: boolean): void {
  const delay = immediate ? 0 : debounceDelay(doc.getText().length, state.sessions.get(doc.uri)?.lastCheckMs ?? 0);
  state.sessionOf(doc).lastDebounceMs = delay;
  scheduler.schedule(doc.uri, doc.version, delay);
}

function scheduleAll(): void {
  for (const doc of documents.all()) schedule(doc, true);
}

documents.onDidOpen((e) => schedule(e.document, true));
documents.onDidChangeContent((e) => {
  if (scheduler.pendingVersion(e.document.uri) === e.document.version) return; // the open already scheduled it
  const doc = e.document;
  void state.getSettings(doc.uri).then((s) => {
    if (s.run !== 'onSave') schedule(doc, false);
  });
});
documents.onDidSave((e) => {
  void state.getSettings(e.document.uri).then((s) => {
    if (s.run === 'onSave') schedule(e.document, true);
  });
});
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  state.sessions.delete(e.document.uri);
  state.settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  if (e.document.getText().length > RECLAIM_MIN_SIZE) {
    reclaimMemory();
    state.releaseModelsWhenIdle();
  }
  // A config or ignore file closed: its diagnostics come from the file on disk again.
  if (isSettingsFile(e.document.uri)) recheckAfterFileChanges([{ uri: e.document.uri, type: FileChangeType.Changed }]);
});

connection.onDidChangeConfiguration(() => {
  state.settingsCache.clear();
  scheduleAll();
});
// A .reportlintrc.json, custom profile or .reportlint-ignore.json changed (the client's file
// watchers): only the folders it affects are read again, and only their open documents checked.
function recheckAfterFileChanges(changes: readonly FileEvent[]): void {
  for (const uri of affectedByFileChanges(state, changes)) {
    const doc = documents.get(uri);
    if (doc) schedule(doc, true);
  }
}
connection.onDidChangeWatchedFiles((params) => recheckAfterFileChanges(params.changes));
connection.onNotification(NOTIFICATIONS.didChangeTrust.method, (p: { isTrusted: boolean }) => {
  if (!valid(obj({ isTrusted: bool }), p)) return;
  state.trusted = p.isTrusted !== false;
  scheduleAll();
});

// ---- Language features ----

connection.onDocumentSymbol(guarded('textDocument/documentSymbol', TEXT_DOCUMENT, (params) => documentSymbols(state, params)));
connection.onFoldingRanges(guarded('textDocument/foldingRange', TEXT_DOCUMENT, (params) => foldingRanges(state, params)));
connection.onCodeAction(guarded('textDocument/codeAction', CODE_ACTION, (params) => codeActions(state, params)));
connection.onHover(guarded('textDocument/hover', TEXT_POSITION, (params) => hover(state, params)));
connection.onCompletion(guarded('textDocument/completion', TEXT_POSITION, (params) => completion(state, params)));
connection.onCodeLens(guarded('textDocument/codeLens', TEXT_DOCUMENT, (params) => codeLens(state, params)));
connection.languages.semanticTokens.on(guarded('textDocument/semanticTokens/full', TEXT_DOCUMENT, (params) => semanticTokens(state, params)));
connection.languages.semanticTokens.onDelta(guarded('textDocument/semanticTokens/full/delta', TOKENS_DELTA, (params) => semanticTokensDelta(state, params)));
connection.onExecuteCommand((params) =>
  executeCommand(state, params, (file) => {
    state.folders.invalidate(file);
    scheduleAll();
  }),
);

// ---- Custom requests (lsp/protocol.ts; README: "Commands") ----

onRequest(connection, REQUESTS.renumber, URI_PARAM, (p) => requests.renumber(state, p));
onRequest(connection, REQUESTS.profiles, OPTIONAL_URI_PARAM, (p) => requests.profiles(state, p));
onRequest(connection, REQUESTS.skeleton, obj({ uri: optional(str), profile: str, year: int, format: optional(oneOf('text', 'markdown')) }), (p) => requests.skeleton(state, p));
onRequest(connection, REQUESTS.missingParts, URI_PARAM, (p) => requests.missingParts(state, p));
onRequest(connection, REQUESTS.partsChecklist, URI_PARAM, (p) => requests.partsChecklist(state, p));
onRequest(connection, REQUESTS.documentStatus, URI_PARAM, (p) => requests.documentStatus(state, p));
onRequest(connection, REQUESTS.checkFiles, obj({ uris: arrayOf(str), roots: arrayOf(str, 1000) }), (p) => requests.checkFiles(state, p));
onRequest(connection, REQUESTS.outline, URI_PARAM, (p) => requests.outline(state, p));
onRequest(connection, REQUESTS.stats, URI_PARAM, (p) => requests.stats(state, p));
onRequest(connection, REQUESTS.statsCsv, URI_PARAM, (p) => requests.statsCsv(state, p));
onRequest(connection, REQUESTS.ruleDoc, obj({ id: str }), (p) => requests.ruleDoc(state, p));
onRequest(connection, REQUESTS.looksLikeReport, obj({ uri: str, text: str, languageId: optional(str) }), (p) => requests.looksLikeReport(state, p));
onRequest(connection, REQUESTS.fullWidthPunctuation, URI_PARAM, (p) => requests.fullWidthPunctuation(state, p));
onRequest(connection, REQUESTS.pipelineStats, URI_PARAM, (p) => requests.pipelineStats(state, p));
registerDocxRequests(connection, documents, () => state.locale);

documents.listen(connection);
connection.listen();
