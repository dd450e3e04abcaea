/** The server's per-folder configuration cache (server/src/lsp/config-cache.ts): what a file change drops. */
import { strict as assert } from 'assert';
import * as path from 'path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/core/config/config';
import { FolderConfigCache, isWithin } from '../../server/src/lsp/config-cache';

const root = path.resolve('/ws');
const dir = (...p: string[]) => path.join(root, ...p);

function filled(): FolderConfigCache {
  const cache = new FolderConfigCache();
  const load = (files: string[]) => () => ({ config: defaultConfig(), files });
  cache.config(dir('a'), 'k', load([dir('a', '.reportlintrc.json')]));
  cache.config(dir('a', 'sub'), 'k', load([dir('a', '.reportlintrc.json')]));
  cache.config(dir('b'), 'k', load([dir('b', '.reportlintrc.json'), dir('profiles', 'x.json')]));
  cache.config(dir('c'), 'k', load([]));
  cache.sidecar(dir('c'), () => ({ file: dir('.reportlint-ignore.json'), entries: [], errors: [] }));
  return cache;
}

describe('server: configuration cache per folder', () => {
  it('reads a folder once per settings key', () => {
    const cache = new FolderConfigCache();
    let reads = 0;
    const load = () => (reads++, { config: defaultConfig(), files: [] });
    assert.equal(cache.config(dir('a'), 'k', load).fresh, true);
    assert.equal(cache.config(dir('a'), 'k', load).fresh, false);
    assert.equal(cache.config(dir('a'), 'other settings', load).fresh, true);
    assert.equal(reads, 2);
  });

  it('a config file change drops its folder and the folders below, nothing else', () => {
    const cache = filled();
    assert.deepEqual(cache.invalidate(dir('a', '.reportlintrc.json')).sort(), [dir('a'), dir('a', 'sub')]);
    assert.deepEqual(cache.invalidate(dir('a', '.reportlintrc.json')), [], 'already dropped');
  });

  it('a profile change drops the folders whose configuration read it, wherever it lies', () => {
    assert.deepEqual(filled().invalidate(dir('profiles', 'x.json')), [dir('b')]);
  });

  it('a sidecar above a folder drops the folders that use it', () => {
    // The sidecar at the root applies to c/ (its nearest); a file at the root is above every folder.
    assert.deepEqual(filled().invalidate(dir('.reportlint-ignore.json')).sort(), [dir('a'), dir('a', 'sub'), dir('b'), dir('c')]);
    assert.deepEqual(filled().invalidate(dir('elsewhere', '.reportlint-ignore.json')), []);
  });

  it('isWithin: the folder itself and below, not a sibling with the same prefix', () => {
    assert.ok(isWithin(dir('a'), dir('a')));
    assert.ok(isWithin(dir('a', 'sub'), dir('a')));
    assert.ok(!isWithin(dir('ab'), dir('a')));
    assert.ok(!isWithin(dir('b'), dir('a')));
  });
});
