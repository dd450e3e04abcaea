/**
 * The custom requests and notifications of the server (server/src/lsp/protocol.ts, the one typed
 * definition both sides compile against) as the client library's RequestType objects, so that
 * `client.sendRequest(REQUESTS.x, params)` checks the params and types the answer.
 */
// vscode-jsonrpc is the message layer vscode-languageclient itself uses (the same classes), and
// importing it rather than the client library keeps this module loadable outside VS Code (tests).
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import { NOTIFICATIONS as NOTIFICATION_DEFS, REQUESTS as REQUEST_DEFS, type NotificationDef, type RequestDef } from '../../server/src/lsp/protocol';

type Requests<T> = { readonly [K in keyof T]: T[K] extends RequestDef<infer P, infer R> ? RequestType<P, R, void> : never };
type Notifications<T> = { readonly [K in keyof T]: T[K] extends NotificationDef<infer P> ? NotificationType<P> : never };

function requestTypes<T extends Record<string, RequestDef<unknown, unknown>>>(defs: T): Requests<T> {
  return Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, new RequestType(d.method)])) as Requests<T>;
}

function notificationTypes<T extends Record<string, NotificationDef<unknown>>>(defs: T): Notifications<T> {
  return Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, new NotificationType(d.method)])) as Notifications<T>;
}

export const REQUESTS = requestTypes(REQUEST_DEFS);
export const NOTIFICATIONS = notificationTypes(NOTIFICATION_DEFS);
export { isTooLarge } from '../../server/src/lsp/protocol';
