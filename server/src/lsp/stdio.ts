/**
 * One write per LSP message on the stdio transport.
 *
 * vscode-jsonrpc writes each message as two writes, the `Content-Length` header and then, once
 * the header's write has completed (a turn of the event loop later), the body. On a pipe each
 * write is a system call that wakes the client, which reads the header and waits for the body:
 * two wake-ups per message, and on a busy machine the server can be preempted in between
 * (profiles of one-character edits under load: about 2 ms per published message spent in the
 * header's write). Here the header is held back and written together with the body that follows
 * it, as one buffer.
 */

/** The header vscode-jsonrpc writes before each body (ASCII, ends with an empty line). */
const HEADER = /^Content-Length: \d+\r\n(?:[A-Za-z-]+: [^\r\n]*\r\n)*\r\n$/;

type WriteCallback = (error?: Error | null) => void;
type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;

/**
 * Make `stream.write` hold a message header back until the body's write and send both in one
 * write. Only a string that is a complete header is held, so other writes pass through
 * unchanged (in order: a held header is flushed before them).
 */
export function oneWritePerMessage(stream: NodeJS.WritableStream): void {
  const write = stream.write.bind(stream) as Write;
  let held: Buffer | null = null;
  const patched: Write = (chunk, encoding, callback) => {
    const cb = (typeof encoding === 'function' ? encoding : callback) as WriteCallback | undefined;
    const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined;
    if (held === null && typeof chunk === 'string' && HEADER.test(chunk)) {
      held = Buffer.from(chunk, 'ascii');
      // The writer waits for the header's write before it writes the body.
      if (cb) process.nextTick(cb, null);
      return true;
    }
    if (held !== null) {
      const joined = Buffer.concat([held, typeof chunk === 'string' ? Buffer.from(chunk, enc ?? 'utf8') : (chunk as Uint8Array)]);
      held = null;
      return cb ? write(joined, cb) : write(joined);
    }
    return write(chunk, encoding, callback);
  };
  (stream as { write: Write }).write = patched;
}
