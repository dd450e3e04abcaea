import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { Writable } from 'stream';
import { oneWritePerMessage } from '../../server/src/lsp/stdio';

/** A stream that records each write it receives. */
function recorder(): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      writes.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { stream, writes };
}

describe('stdio transport: one write per message (lsp/stdio.ts)', () => {
  it('holds a Content-Length header back and writes it with the body that follows', async () => {
    const { stream, writes } = recorder();
    oneWritePerMessage(stream);
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { 文: '报告' } });
    const header = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // As vscode-jsonrpc does: the header, and once its write has completed, the body.
    await new Promise<void>((resolve, reject) => stream.write(header, 'ascii', (e) => (e ? reject(e) : resolve())));
    assert.deepEqual(writes, []);
    await new Promise<void>((resolve, reject) => stream.write(Buffer.from(body, 'utf8'), (e) => (e ? reject(e) : resolve())));
    assert.deepEqual(writes, [header + body]);
  });

  it('passes other writes through unchanged and in order', async () => {
    const { stream, writes } = recorder();
    oneWritePerMessage(stream);
    stream.write('plain text\n');
    stream.write(Buffer.from('bytes'));
    stream.write('Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n');
    stream.write('{}');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(writes, ['plain text\n', 'bytes', 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}']);
  });
});
