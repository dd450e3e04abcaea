/**
 * The server's configuration cache, per folder: the resolved `.reportlintrc.json` layers (and
 * the custom profiles they name) and the `.reportlint-ignore.json` sidecar that apply to the
 * documents of one directory are read once, and kept until a watched file changes
 * (workspace/didChangeWatchedFiles) or the server writes one of them itself.
 *
 * A change to a file invalidates the folder it lies in and every folder below it (a config file
 * or a sidecar applies to the whole subtree), plus any folder whose configuration read that file
 * (a custom profile may lie anywhere). Nothing else is dropped.
 */
import * as path from 'path';
import type { ResolvedConfig } from '../core/config/config';
import type { Sidecar } from '../node/config-files';
import { LruCache } from './lru';

interface FolderEntry {
  /** Resolved configs by the key of the settings they were merged onto. */
  configs: Map<string, ResolvedConfig>;
  /** Every file the configs of this folder read (config layers, custom profiles). */
  files: Set<string>;
  /** The nearest sidecar (undefined: not looked up yet; null: there is none). */
  sidecar?: Sidecar | null;
}

/** Whether `dir` is `folder` or lies below it. */
export function isWithin(dir: string, folder: string): boolean {
  const rel = path.relative(folder, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export class FolderConfigCache {
  private readonly folders: LruCache<string, FolderEntry>;
  /** How many times a folder's configuration was read from disk (tests, diagnostics). */
  loads = 0;

  constructor(capacity = 256) {
    this.folders = new LruCache(capacity);
  }

  private entry(dir: string): FolderEntry {
    let e = this.folders.get(dir);
    if (!e) {
      e = { configs: new Map(), files: new Set() };
      this.folders.set(dir, e);
    }
    return e;
  }

  /**
   * The config for documents in `dir` merged onto settings identified by `key`; `load` reads it
   * (returning the files it read) when it is not cached.
   */
  config(dir: string, key: string, load: () => { config: ResolvedConfig; files: readonly string[] }): { config: ResolvedConfig; fresh: boolean } {
    const e = this.entry(path.resolve(dir));
    const cached = e.configs.get(key);
    if (cached) return { config: cached, fresh: false };
    const loaded = load();
    this.loads++;
    e.configs.set(key, loaded.config);
    for (const f of loaded.files) e.files.add(path.resolve(f));
    return { config: loaded.config, fresh: true };
  }

  /** The sidecar that applies to documents in `dir`, read by `load` when not cached. */
  sidecar(dir: string, load: () => Sidecar | null): Sidecar | null {
    const e = this.entry(path.resolve(dir));
    if (e.sidecar === undefined) e.sidecar = load();
    return e.sidecar;
  }

  /**
   * A file changed (created, changed or deleted): drop the folders it can affect. Returns the
   * folders dropped, so that the open documents in them (and below) are checked again.
   */
  invalidate(file: string): string[] {
    const changed = path.resolve(file);
    const dir = path.dirname(changed);
    const dropped: string[] = [];
    for (const [folder, e] of this.entries()) {
      if (isWithin(folder, dir) || e.files.has(changed) || e.sidecar?.file === changed) {
        this.folders.delete(folder);
        dropped.push(folder);
      }
    }
    return dropped;
  }

  /** Drop everything (workspace trust or settings changed). */
  clear(): void {
    this.folders.clear();
  }

  private entries(): [string, FolderEntry][] {
    return this.folders.entries();
  }
}
