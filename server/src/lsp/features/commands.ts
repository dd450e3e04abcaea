/**
 * workspace/executeCommand: the suppression commands behind the code actions ("ignore this
 * occurrence", "off in this file", "off for the workspace"; lsp/suppress-actions.ts).
 */
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { obj, range, str, valid } from '../params';
import { runSuppression, SUPPRESS_COMMANDS, type SuppressArgs } from '../suppress-actions';
import { filePathOf, type ServerState } from '../state';

const SUPPRESS_ARGS = obj({ uri: str, ruleId: str, range });

/** The commands the server executes (the server capability). */
export const EXECUTE_COMMANDS = Object.values(SUPPRESS_COMMANDS);

/**
 * Run a command; `written` is told the file it wrote (the caller drops the cached configuration
 * and checks the documents again).
 */
export function executeCommand(state: ServerState, params: ExecuteCommandParams, written: (file: string) => void): { written: string } | null {
  const kind = (Object.keys(SUPPRESS_COMMANDS) as (keyof typeof SUPPRESS_COMMANDS)[]).find((k) => SUPPRESS_COMMANDS[k] === params.command);
  const raw: unknown = params.arguments?.[0];
  if (!kind) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(params.command)}`);
  if (!valid(SUPPRESS_ARGS, raw) || !state.rules.some((r) => r.meta.id === (raw as SuppressArgs).ruleId)) throw new ResponseError(ErrorCodes.InvalidParams, `${params.command}: invalid arguments`);
  const args = raw as SuppressArgs;
  const file = filePathOf(args.uri);
  if (!file) return null;
  const doc = state.documents.get(args.uri);
  if (!doc) return null;
  try {
    const path = runSuppression(kind, args, state.analysisOf(doc), file, state.workspaceRoots);
    written(path);
    return { written: path };
  } catch (e) {
    state.port.error(`ReportLint: ${params.command} failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
