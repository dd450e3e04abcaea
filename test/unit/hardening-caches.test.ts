/**
 * Issue 20 point 8 (caches): the server's per-URI settings cache is bounded (custom requests may
 * name any number of unopened URIs); the LRU drops the least recently used entry.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { LruCache } from '../../server/src/lsp/lru';

describe('hardening: bounded caches (#20.8)', () => {
  it('LruCache keeps at most its capacity, dropping the least recently used', () => {
    const c = new LruCache<string, number>(3);
    for (let i = 0; i < 1000; i++) c.set(`u${i}`, i);
    assert.equal(c.size, 3);
    assert.equal(c.get('u997'), 997);
    c.set('x', 1); // drops u998 (u997 was just used)
    assert.equal(c.get('u998'), undefined);
    assert.equal(c.get('u997'), 997);
  });

  it('the server keeps no unbounded Map keyed by URI outside open documents', () => {
    // The wiring (server.ts), the session state (lsp/state.ts) and the feature adapters.
    const src = path.join(REPO_ROOT, 'server', 'src');
    const features = fs.readdirSync(path.join(src, 'lsp', 'features')).map((f) => path.join(src, 'lsp', 'features', f));
    const server = [path.join(src, 'server.ts'), path.join(src, 'lsp', 'state.ts'), ...features].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(server, /readonly settingsCache = new LruCache</);
    // Configuration per folder: bounded too.
    assert.match(fs.readFileSync(path.join(src, 'lsp', 'config-cache.ts'), 'utf8'), /new LruCache\(capacity\)/);
    // Maps keyed by URI must be cleared when the document closes.
    const maps = [...server.matchAll(/^\s*(?:const|readonly) (\w+) = new Map<string,/gm)];
    assert.ok(maps.length > 0);
    for (const m of maps) {
      assert.match(server, new RegExp(`${m[1]}\\.delete\\(e\\.document\\.uri\\)`), `${m[1]} is never cleared on close`);
    }
  });
});
