/**
 * Parameter validation for every request the server answers: a request whose params do not have
 * the expected shape (a missing field, a wrong type, a negative line) is answered with an
 * `InvalidParams` error instead of throwing somewhere inside a handler.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { RequestDef } from './protocol';

/** Returns what is wrong with `v` (at `at`), or null. */
export type Check = (v: unknown, at: string) => string | null;

export const str: Check = (v, at) => (typeof v === 'string' ? null : `${at} must be a string`);
export const bool: Check = (v, at) => (typeof v === 'boolean' ? null : `${at} must be true or false`);
export const uint: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff ? null : `${at} must be a non-negative integer`);
export const int: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? null : `${at} must be an integer`);
export const any: Check = () => null;

export function optional(c: Check): Check {
  return (v, at) => (v === undefined || v === null ? null : c(v, at));
}

export function oneOf(...values: string[]): Check {
  return (v, at) => (typeof v === 'string' && values.includes(v) ? null : `${at} must be one of ${values.join(', ')}`);
}

export function arrayOf(c: Check, max = 100_000): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} must be an array`;
    if (v.length > max) return `${at} has more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${at}[${i}]`);
      if (e) return e;
    }
    return null;
  };
}

export function obj(shape: Record<string, Check>): Check {
  return (v, at) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return `${at} must be an object`;
    for (const [k, c] of Object.entries(shape)) {
      const e = c((v as Record<string, unknown>)[k], at ? `${at}.${k}` : k);
      if (e) return e;
    }
    return null;
  };
}

export const position = obj({ line: uint, character: uint });
export const range = obj({ start: position, end: position });
export const textDocument = obj({ uri: str });
export const TEXT_DOCUMENT = obj({ textDocument });
export const TEXT_POSITION = obj({ textDocument, position });
export const TOKENS_DELTA = obj({ textDocument, previousResultId: str });
export const URI_PARAM = obj({ uri: str });
export const OPTIONAL_URI_PARAM = (v: unknown, at: string) => (v === undefined || v === null ? null : obj({ uri: optional(str) })(v, at));
export const CODE_ACTION = obj({
  textDocument,
  range,
  context: obj({ diagnostics: arrayOf(obj({ range, message: str }), 10_000) }),
});

/** Wrap a request handler: params that fail `shape` get an InvalidParams error. */
export function guarded<P, R, A extends unknown[]>(method: string, shape: Check, handler: (params: P, ...rest: A) => R): (params: P, ...rest: A) => R {
  return (params: P, ...rest: A) => {
    const problem = shape(params, 'params');
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: invalid params: ${problem}`);
    return handler(params, ...rest);
  };
}

/** Whether a notification's params have the expected shape (notifications cannot be answered: bad ones are dropped). */
export function valid(shape: Check, params: unknown): boolean {
  return shape(params, 'params') === null;
}

/**
 * Answer one custom request (lsp/protocol.ts) with a handler typed by its definition; params that
 * fail `shape` get an InvalidParams error.
 */
export function onRequest<P, R>(connection: Connection, type: RequestDef<P, R>, shape: Check, handler: (params: P) => R | Promise<R>): void {
  connection.onRequest(type.method, guarded(type.method, shape, async (params: P): Promise<R> => handler(params)));
}
