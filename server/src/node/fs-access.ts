/**
 * Every file-system access of the language server and the CLI goes through this module (the
 * checking core in server/src/core never touches the file system; it receives texts).
 *
 * The rules it enforces, whatever a workspace contains (docs/security.md):
 *  - only regular files are read: a device (`/dev/zero`), a FIFO or a socket, named directly or
 *    reached through a symbolic link, is refused with a reason instead of blocking or never ending;
 *    the file is opened first and the open descriptor is examined (`fstat`), so what is checked is
 *    what is read;
 *  - size caps count the bytes actually read (a file that grows, or reports size 0, stops at the cap);
 *  - writes never go through a symbolic link: the new text goes to a temporary file in the same
 *    folder which is then renamed over the target; a target that is a link, is not a regular file,
 *    or lies outside the folder the caller names (the workspace folder) is refused;
 *  - folder walks stay inside the roots they were given: a symbolic link leading out is reported and
 *    skipped unless the caller opts in (`followSymlinks`), broken links to report files are reported,
 *    cycles are cut, and files of other types are not looked at.
 */
import fs = require('fs');
import path = require('path');

/** Why a path could not be used. */
export type FsProblemCode =
  | 'not-found'
  | 'permission'
  | 'not-regular'
  | 'too-large'
  | 'broken-link'
  | 'outside-root'
  | 'symlink'
  | 'loop'
  | 'io';

export class FsAccessError extends Error {
  constructor(
    readonly code: FsProblemCode,
    readonly path: string,
    readonly detail = '',
  ) {
    super(`${path}: ${code}${detail ? ` (${detail})` : ''}`);
  }
}

export type ReadOutcome = { ok: true; data: Buffer } | { ok: false; code: FsProblemCode; path: string; detail: string };
export type TextOutcome = { ok: true; text: string } | { ok: false; code: FsProblemCode; path: string; detail: string };

/** Largest report file read (bytes); a document over the configured maxFileSize gets one finding instead of a check. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Largest config file, sidecar or ignore file read (bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0;

function codeOf(e: unknown): FsProblemCode {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not-found';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'ENXIO': // opening a socket
    case 'ENODEV':
    case 'EISDIR':
      return 'not-regular';
    case 'ELOOP':
      return 'loop';
    default:
      return 'io';
  }
}

function failure(code: FsProblemCode, p: string, detail = ''): { ok: false; code: FsProblemCode; path: string; detail: string } {
  return { ok: false, code, path: p, detail };
}

/** True when `p` exists and is a regular file (links followed). Never throws. */
export function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** True when something (anything, a broken link included) is at `p`. Never throws. */
export function pathExists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Read a regular file, at most `maxBytes` bytes. The file is opened without blocking (a FIFO
 * would otherwise wait for a writer) and the descriptor is checked to be a regular file before
 * anything is read. Never throws.
 */
export function readRegularFile(p: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(p, fs.constants.O_RDONLY | O_NONBLOCK | O_NOCTTY);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'not-found' && isDanglingLink(p)) return failure('broken-link', p);
    return failure(code, p, (e as Error).message);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return failure('not-regular', p);
    if (st.size > maxBytes) return failure('too-large', p, String(maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    // The size from fstat is a hint only: read until the end or one byte past the cap.
    for (;;) {
      const want = Math.min(Math.max(st.size - total, 0) + 65536, maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return failure('too-large', p, String(maxBytes));
    }
    return { ok: true, data: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (e) {
    return failure(codeOf(e), p, (e as Error).message);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing more to do
    }
  }
}

/** Read a regular file as UTF-8 (one byte-order mark dropped), at most `maxBytes` bytes. Never throws. */
export function readTextFile(p: string, maxBytes: number = MAX_CONFIG_BYTES): TextOutcome {
  const r = readRegularFile(p, maxBytes);
  if (!r.ok) return r;
  const text = r.data.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function isDanglingLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when `child` is `parent` or lies below it (both absolute, compared as given). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel);
}

/**
 * Write `text` to `target` without ever writing through a symbolic link: the text goes to a new
 * temporary file in the target's folder, which is then renamed over the target. Refused (throws
 * FsAccessError) when the target is a symbolic link or not a regular file, or when its real folder
 * is not inside `within` (the workspace folder). The target's permission bits are kept. Bytes
 * are written as given (`reportlint fix` keeps a file's encoding); a string is written as UTF-8.
 */
export function writeFileInside(target: string, text: string | Uint8Array, within: string): void {
  const abs = path.resolve(target);
  const realRoot = realOrResolved(within);
  let realDir: string;
  try {
    realDir = fs.realpathSync(path.dirname(abs));
  } catch (e) {
    throw new FsAccessError(codeOf(e), path.dirname(abs), (e as Error).message);
  }
  if (!isInside(realDir, realRoot)) throw new FsAccessError('outside-root', abs, within);
  const finalPath = path.join(realDir, path.basename(abs));
  let mode = 0o644;
  try {
    const st = fs.lstatSync(finalPath);
    if (st.isSymbolicLink()) throw new FsAccessError('symlink', abs);
    if (!st.isFile()) throw new FsAccessError('not-regular', abs);
    mode = st.mode & 0o777;
  } catch (e) {
    if (e instanceof FsAccessError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new FsAccessError(codeOf(e), abs, (e as Error).message);
  }
  const tmp = path.join(realDir, `.${path.basename(abs)}.${process.pid}.${tmpSuffix()}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), mode);
  } catch (e) {
    throw new FsAccessError(codeOf(e), tmp, (e as Error).message);
  }
  try {
    if (typeof text === 'string') fs.writeSync(fd, text, null, 'utf8');
    else fs.writeSync(fd, text);
    fs.closeSync(fd);
    fs.renameSync(tmp, finalPath);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // not created or already renamed
    }
    throw new FsAccessError(codeOf(e), abs, (e as Error).message);
  }
}

/** The nearest folder at or above `startDir` holding one of `names` as a regular file, or null. */
export function findUp(startDir: string, names: readonly string[], stopAt?: string): string | null {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (let depth = 0; depth < 100; depth++) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isRegularFile(candidate)) return candidate;
    }
    if (stop && dir === stop) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Folder walks

export interface WalkProblem {
  path: string;
  code: FsProblemCode;
  /** `error`: an I/O failure (the CLI exits with 2); `notice`: information only. */
  kind: 'error' | 'notice';
  detail: string;
}

export interface WalkOptions {
  /** File name extensions (lower case, with the dot) of the files wanted; others are not looked at. */
  extensions: ReadonlySet<string>;
  /** Folder names never descended into. */
  skipDirs?: ReadonlySet<string>;
  /** Follow symbolic links that lead outside the root being walked (off by default). */
  followSymlinks?: boolean;
  /**
   * Called for each folder with its entry names before they are looked at; returns a predicate
   * telling which paths below (absolute; folders with a trailing separator flag) are ignored.
   */
  ignoreLayer?: (dir: string, names: readonly string[], problems: WalkProblem[]) => ((full: string, isDir: boolean) => boolean) | null;
}

export interface WalkResult {
  files: string[];
  problems: WalkProblem[];
}

/**
 * The wanted files below `root` (a folder), sorted by name within each folder, each real file once
 * (`seen` holds real paths across several walks). Never throws.
 */
export function walkFolder(root: string, options: WalkOptions, seen: Set<string> = new Set()): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const realRoot = realOrResolved(root);
  const visiting = new Set<string>();
  const skipDirs = options.skipDirs ?? new Set<string>();

  const walk = (dir: string, layers: ((full: string, isDir: boolean) => boolean)[]) => {
    const real = realOrResolved(dir);
    if (visiting.has(real)) {
      problems.push({ path: dir, code: 'loop', kind: 'notice', detail: '' });
      return;
    }
    visiting.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, code: codeOf(e), kind: 'error', detail: (e as Error).message });
      visiting.delete(real);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const layer = options.ignoreLayer?.(
      dir,
      entries.map((e) => e.name),
      problems,
    );
    const here = layer ? [...layers, layer] : layers;
    const ignored = (full: string, isDir: boolean) => here.some((f) => f(full, isDir));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const wanted = options.extensions.has(path.extname(entry.name).toLowerCase());
      if (entry.isSymbolicLink()) {
        if (ignored(full, false) || ignored(full, true)) continue;
        let st: fs.Stats;
        try {
          st = fs.statSync(full);
        } catch (e) {
          const code = codeOf(e);
          // A dangling link to a report file is an I/O problem; one to anything else is not looked at.
          if (code === 'not-found' || code === 'loop') {
            if (wanted) problems.push({ path: full, code: code === 'loop' ? 'loop' : 'broken-link', kind: 'error', detail: '' });
          } else if (wanted) problems.push({ path: full, code, kind: 'error', detail: (e as Error).message });
          continue;
        }
        if (!st.isDirectory() && !wanted) continue;
        const target = realOrResolved(full);
        if (!options.followSymlinks && !isInside(target, realRoot)) {
          problems.push({ path: full, code: 'outside-root', kind: 'notice', detail: target });
          continue;
        }
        if (st.isDirectory()) {
          if (!skipDirs.has(entry.name)) walk(full, here);
        } else if (st.isFile()) addFile(full, target);
        else problems.push({ path: full, code: 'not-regular', kind: 'error', detail: '' });
        continue;
      }
      if (entry.isDirectory()) {
        if (skipDirs.has(entry.name) || ignored(full, true)) continue;
        walk(full, here);
        continue;
      }
      if (!wanted || ignored(full, false)) continue;
      // A plain file's real path is its folder's (known) plus its name: no realpath per file.
      if (entry.isFile()) addFile(full, path.join(real, entry.name));
      else problems.push({ path: full, code: 'not-regular', kind: 'error', detail: '' });
    }
    visiting.delete(real);
  };

  const addFile = (full: string, real: string | null) => {
    const key = real ?? realOrResolved(full);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(full);
  };

  walk(root, []);
  return { files, problems };
}

/**
 * Six random bytes in hex for a temporary file's name. node:crypto is loaded here, on the first
 * write, not with this module: loading it was some 4 ms of every CLI process, which rarely writes.
 */
function tmpSuffix(): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { randomBytes } = require('crypto') as typeof import('crypto');
  return randomBytes(6).toString('hex');
}
