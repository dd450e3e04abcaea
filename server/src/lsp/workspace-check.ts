import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { decodeBuffer, IGNORE_FILE, REPORT_EXTENSIONS } from '../cli/files';
import { MAX_CONFIG_BYTES, MAX_REPORT_BYTES, readRegularFile, readTextFile } from '../node/fs-access';

/** Folders a workspace check never looks into, whatever the client sends. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * `.reportlintignore` files (gitignore syntax) from a workspace root down to a file's folder,
 * read once per folder. A file is ignored when any of them ignores it or one of its folders.
 */
export class IgnoreFilter {
  private cache = new Map<string, Ignore | null>();
  /** Ignore files that exist but could not be read (a FIFO, a device, too large, …). */
  readonly problems: string[] = [];

  constructor(private readonly roots: string[]) {}

  private ignoreIn(dir: string): Ignore | null {
    let ig = this.cache.get(dir);
    if (ig === undefined) {
      const file = path.join(dir, IGNORE_FILE);
      const r = readTextFile(file, MAX_CONFIG_BYTES);
      ig = r.ok ? ignore().add(r.text) : null;
      if (!r.ok && r.code !== 'not-found') this.problems.push(`${file}: ${r.code}`);
      this.cache.set(dir, ig);
    }
    return ig;
  }

  ignores(file: string): boolean {
    const abs = path.resolve(file);
    if (!REPORT_EXTENSIONS.has(path.extname(abs).toLowerCase())) return true;
    const root = this.roots.map((r) => path.resolve(r)).find((r) => abs === r || abs.startsWith(r + path.sep)) ?? path.dirname(abs);
    const rel = path.relative(root, abs).split(path.sep);
    if (rel.slice(0, -1).some((d) => SKIP_DIRS.has(d))) return true;
    // Every folder from the root down holds a possible ignore file; test the path relative to it.
    let dir = root;
    for (let i = 0; i < rel.length; i++) {
      const ig = this.ignoreIn(dir);
      if (ig) {
        const rest = rel.slice(i);
        // The file itself, and each folder between this ignore file and the file.
        for (let j = 1; j < rest.length; j++) if (ig.ignores(rest.slice(0, j).join('/') + '/')) return true;
        if (ig.ignores(rest.join('/'))) return true;
      }
      if (i < rel.length - 1) dir = path.join(dir, rel[i]);
    }
    return false;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Read and decode a report file the way the CLI does (UTF-8/16 with BOM, GB18030 fallback). */
export function readReportFile(file: string): ReadResult {
  const read = readRegularFile(file, MAX_REPORT_BYTES);
  if (!read.ok) return { ok: false, reason: read.code };
  const decoded = decodeBuffer(read.data);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: decoded.reason };
}
