/**
 * The custom requests have one typed definition (server/src/lsp/protocol.ts) that both the server
 * and the client use: no method name is spelled anywhere else, and every definition is answered.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { NOTIFICATIONS, REQUESTS, isTooLarge } from '../../server/src/lsp/protocol';
import { NOTIFICATIONS as CLIENT_NOTIFICATIONS, REQUESTS as CLIENT_REQUESTS } from '../../client/src/requests';
import { REPO_ROOT } from '../helpers';

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(REPO_ROOT, dir, f));
}

describe('custom request definitions (lsp/protocol.ts)', () => {
  const methods = [...Object.values(REQUESTS), ...Object.values(NOTIFICATIONS)].map((d) => d.method);

  it('every method is reportlint/<name> and unique', () => {
    for (const m of methods) assert.match(m, /^reportlint\/[a-zA-Z]+$/);
    assert.equal(new Set(methods).size, methods.length);
  });

  it('the client uses the same methods through its own RequestType objects', () => {
    assert.deepEqual(Object.keys(CLIENT_REQUESTS), Object.keys(REQUESTS));
    for (const [k, t] of Object.entries(CLIENT_REQUESTS)) assert.equal(t.method, REQUESTS[k as keyof typeof REQUESTS].method);
    assert.equal(CLIENT_NOTIFICATIONS.didChangeTrust.method, NOTIFICATIONS.didChangeTrust.method);
  });

  it('no method name is written out anywhere but in the definitions', () => {
    const literal = /['"]reportlint\/[a-zA-Z]+['"]/; // (quoted; backticks are for comments)
    const files = [...sources('server/src'), ...sources('client/src')].filter((f) => !f.endsWith(path.join('lsp', 'protocol.ts')));
    for (const f of files) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), literal, path.relative(REPO_ROOT, f));
  });

  it('the server answers every request and notification it defines', () => {
    const server = [...sources('server/src/lsp'), path.join(REPO_ROOT, 'server/src/server.ts')].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const k of Object.keys(REQUESTS)) assert.match(server, new RegExp(`onRequest\\(connection, REQUESTS\\.${k}\\b`), k);
    for (const k of Object.keys(NOTIFICATIONS)) assert.match(server, new RegExp(`NOTIFICATIONS\\.${k}\\.method`), k);
  });

  it('isTooLarge recognises only the too-large answer', () => {
    assert.ok(isTooLarge({ tooLarge: true, size: 3, maxFileSize: 2, message: 'x' }));
    assert.ok(!isTooLarge({ version: 1, edits: [] }));
    assert.ok(!isTooLarge(null));
    assert.ok(!isTooLarge([]));
  });
});
