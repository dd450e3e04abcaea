/**
 * The language server talks to its client over stdio or Node IPC. vscode-languageserver would also
 * open a socket (`--socket=PORT`) or a named pipe (`--pipe=NAME`) when told so on the command line;
 * ReportLint refuses both unless `--allow-socket-transport` is given as well, so that nothing but an
 * explicit command line makes the server touch the network (docs/security.md).
 */
export const SOCKET_OPT_IN = '--allow-socket-transport';

/** The refusal message when argv asks for a socket or pipe transport without the opt-in, else null. */
export function socketTransportRefusal(argv: readonly string[]): string | null {
  const asked = argv.find((a) => /^--(socket|pipe)(=|$)/.test(a));
  if (!asked || argv.includes(SOCKET_OPT_IN)) return null;
  return `ReportLint: refusing the socket/pipe transport (${asked}); the server runs over --stdio or --node-ipc. Add ${SOCKET_OPT_IN} to use it anyway.`;
}
