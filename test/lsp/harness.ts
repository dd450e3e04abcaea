import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type CodeAction,
  type CodeActionContext,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../helpers';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/memory';

export interface ServerHarness {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolve with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  /** The code actions for `range` of `uri` (textDocument/codeAction). */
  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]>;
  stop(): Promise<void>;
  /** Settings returned for workspace/configuration requests (section `reportlint`). */
  settings: Record<string, unknown>;
  /** What the server answered to `initialize`. */
  initializeResult?: InitializeResult;
  /** Messages the server logged (window/logMessage), in order. */
  logs: string[];
}

/**
 * Start the bundled server (dist/server.js) over stdio with a real LSP client connection, with
 * the Node options and environment the VS Code client gives it (SERVER_EXEC_ARGV, unless
 * `execArgv` replaces them, and SERVER_ENV).
 */
export async function startServer(
  options: {
    locale?: string;
    settings?: Record<string, unknown>;
    initializationOptions?: Record<string, unknown>;
    rootUri?: string;
    env?: Record<string, string>;
    execArgv?: readonly string[];
  } = {},
): Promise<ServerHarness> {
  const child = spawn(process.execPath, [...(options.execArgv ?? SERVER_EXEC_ARGV), path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...SERVER_ENV, ...(options.env ?? {}) },
  });
  child.stdin!.on('error', () => undefined); // EPIPE when the server has already exited
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const harness: ServerHarness = {
    connection,
    process: child,
    settings: options.settings ?? {},
    logs: [],
    diagnostics(uri, version, timeoutMs = 10_000) {
      const idx = published.findIndex((p) => p.uri === uri && (version === undefined || p.version === version));
      if (idx >= 0) return Promise.resolve(published.splice(idx, 1)[0]);
      return new Promise((resolve, reject) => {
        const waiter = { uri, version, resolve: (p: PublishDiagnosticsParams) => (clearTimeout(timer), resolve(p)) };
        const timer = setTimeout(() => {
          // A waiter that timed out must not swallow a later publication.
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    open(uri, text, languageId = 'plaintext', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    codeActions(uri, range, context) {
      return connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context });
    },
    async stop() {
      const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
      try {
        await Promise.race([connection.sendRequest('shutdown'), delay(2000)]);
        await connection.sendNotification('exit').catch(() => undefined);
      } catch {
        // already gone
      }
      // Let the server exit before the pipes close, so no write lands on a destroyed stream.
      if (child.exitCode === null && child.signalCode === null) await Promise.race([new Promise((r) => child.once('exit', r)), delay(2000)]);
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const wi = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version));
    if (wi >= 0) waiters.splice(wi, 1)[0].resolve(p);
    else published.push(p);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((i) => (i.section === 'reportlint' ? harness.settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    harness.logs.push(p.message);
  });
  connection.listen();
  harness.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    locale: options.locale ?? 'zh-cn',
    ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return harness;
}
