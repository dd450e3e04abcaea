import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { isUtf8 } from 'buffer';
import * as iconv from 'iconv-lite';

export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.docx']);
export const IGNORE_FILE = '.reportlintignore';
/** Folders never worth descending into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileProblem {
  path: string;
  /** `error` counts as an I/O failure (exit code 2); `notice` is information only. */
  kind: 'error' | 'notice';
  message: string;
}

export interface CollectResult {
  files: string[];
  problems: FileProblem[];
}

type Messages = {
  notFound(p: string): string;
  permission(p: string): string;
  loop(p: string): string;
  unreadableDir(p: string, e: string): string;
  emptyFolder(p: string): string;
  notRegular(p: string): string;
};

/**
 * Expand the CLI's PATH arguments into report files: files as given, folders walked
 * recursively for .txt/.md, honouring `.reportlintignore` files (gitignore syntax) in
 * each folder, skipping symlink loops.
 */
export function collectFiles(inputs: string[], msg: Messages): CollectResult {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ path: input, kind: 'error', message: code === 'EACCES' ? msg.permission(input) : msg.notFound(input) });
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      walk(input, [], new Set<string>(), files, problems, msg, seen);
      if (files.length === before) problems.push({ path: input, kind: 'notice', message: msg.emptyFolder(input) });
    } else if (!st.isFile()) {
      // A FIFO, socket or device: reading it could block forever or never end.
      problems.push({ path: input, kind: 'error', message: msg.notRegular(input) });
    } else {
      const key = realKey(input);
      if (!seen.has(key)) {
        seen.add(key);
        files.push(input);
      }
    }
  }
  return { files, problems };
}

function realKey(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

function walk(
  dir: string,
  layers: IgnoreLayer[],
  visiting: Set<string>,
  files: string[],
  problems: FileProblem[],
  msg: Messages,
  seen: Set<string>,
): void {
  const real = realKey(dir);
  if (visiting.has(real)) {
    problems.push({ path: dir, kind: 'notice', message: msg.loop(dir) });
    return;
  }
  visiting.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    problems.push({ path: dir, kind: 'error', message: err.code === 'EACCES' ? msg.permission(dir) : msg.unreadableDir(dir, err.message) });
    visiting.delete(real);
    return;
  }
  const ownIgnore = path.join(dir, IGNORE_FILE);
  let here = layers;
  if (entries.some((e) => e.name === IGNORE_FILE)) {
    try {
      here = [...layers, { dir, ig: ignore().add(fs.readFileSync(ownIgnore, 'utf8')) }];
    } catch (e) {
      problems.push({ path: ownIgnore, kind: 'error', message: msg.unreadableDir(ownIgnore, (e as Error).message) });
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        problems.push({ path: full, kind: 'notice', message: msg.notFound(full) });
        continue;
      }
    }
    if (isIgnored(here, full, isDir)) continue;
    if (isDir) {
      if (SKIP_DIRS.has(entry.name)) continue;
      walk(full, here, visiting, files, problems, msg, seen);
    } else if (isFile && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      const key = realKey(full);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(full);
    }
  }
  visiting.delete(real);
}

function isIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  for (const { dir, ig } of layers) {
    let rel = path.relative(dir, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (isDir) rel += '/';
    if (ig.ignores(rel)) return true;
  }
  return false;
}

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: 'binary' | 'encoding' };

/**
 * Decode a report file. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as
 * they are; bytes that are not valid UTF-8 are tried as GB18030 (a superset of GBK)
 * and accepted only when the result reads as Chinese text. Files with NUL bytes are binary.
 */
export function decodeBuffer(buf: Buffer): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = utf8Strict(buf.subarray(3));
    return text === null ? { ok: false, reason: 'encoding' } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const probe = buf.subarray(0, Math.min(buf.length, 8192));
  if (probe.includes(0)) return { ok: false, reason: 'binary' };
  // No BOM here, so the fast validation plus decoding gives what the strict decoder would.
  if (isUtf8(buf)) return { ok: true, text: buf.toString('utf8'), encoding: 'utf-8' };
  const gb = iconv.decode(buf, 'gb18030');
  if (looksLikeChineseText(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: controlRatio(buf) > 0.1 ? 'binary' : 'encoding' };
}

function utf8Strict(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

function looksLikeChineseText(s: string): boolean {
  if (s.includes('\ufffd')) return false;
  let cjk = 0;
  let odd = 0;
  let total = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    total++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) cjk++;
    else odd++;
  }
  return total > 0 && cjk / (cjk + odd) > 0.8;
}

function controlRatio(buf: Buffer): number {
  let n = 0;
  const len = Math.min(buf.length, 8192);
  for (let i = 0; i < len; i++) {
    const b = buf[i];
    if (b < 9 || (b > 13 && b < 32)) n++;
  }
  return len ? n / len : 0;
}
