import fs = require('fs');
import path = require('path');
import type { Ignore } from 'ignore';
import { isUtf8 } from 'buffer';
import type { Readable } from 'stream';
import { localize, type LocalizedText } from '../core/l10n';
import type { Locale } from '../core/types';
import { CLI_MESSAGES } from './messages';
import { MAX_CONFIG_BYTES, readTextFile, walkFolder, type FsProblemCode, type WalkProblem } from '../node/fs-access';

export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.docx']);
export const IGNORE_FILE = '.reportlintignore';
/** Folders never worth descending into. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileProblem {
  path: string;
  /** `error` counts as an I/O failure (exit code 2); `notice` is information only. */
  kind: 'error' | 'notice';
  message: string;
  /** A file found but not checked (unreadable, binary, undecodable). */
  skipped?: boolean;
}

export interface CollectResult {
  files: string[];
  problems: FileProblem[];
}

export type Messages = {
  notFound(p: string): string;
  permission(p: string): string;
  loop(p: string): string;
  unreadableDir(p: string, e: string): string;
  emptyFolder(p: string): string;
  notRegular(p: string): string;
  /** A symbolic link found while walking a folder that leads outside it (skipped). */
  outsideRoot(p: string, target: string): string;
  /** A symbolic link to a report file whose target does not exist. */
  brokenLink(p: string): string;
};

export interface CollectOptions {
  /** Follow symbolic links leading outside the folders given (`--follow-symlinks`). */
  followSymlinks?: boolean;
}

/** The message for a problem found by fs-access. */
export function problemMessage(p: { path: string; code: FsProblemCode; detail: string }, msg: Messages): string {
  switch (p.code) {
    case 'not-found':
      return msg.notFound(p.path);
    case 'permission':
      return msg.permission(p.path);
    case 'loop':
      return msg.loop(p.path);
    case 'not-regular':
      return msg.notRegular(p.path);
    case 'outside-root':
      return msg.outsideRoot(p.path, p.detail);
    case 'broken-link':
      return msg.brokenLink(p.path);
    default:
      return msg.unreadableDir(p.path, p.detail || p.code);
  }
}

/**
 * Expand the CLI's PATH arguments into report files: files as given, folders walked
 * recursively for .txt/.md (server/src/node/fs-access.ts: inside the folder only, unless
 * `followSymlinks`), honouring `.reportlintignore` files (gitignore syntax) in each folder,
 * skipping symlink loops and files of other types.
 */
export function collectFiles(inputs: string[], msg: Messages, options: CollectOptions = {}): CollectResult {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const broken = code === 'ENOENT' && isLink(input);
      problems.push({ path: input, kind: 'error', message: code === 'EACCES' ? msg.permission(input) : broken ? msg.brokenLink(input) : msg.notFound(input) });
      continue;
    }
    if (st.isDirectory()) {
      const walked = walkFolder(input, { extensions: REPORT_EXTENSIONS, skipDirs: SKIP_DIRS, followSymlinks: options.followSymlinks, ignoreLayer }, seen);
      for (const p of walked.problems) problems.push({ path: p.path, kind: p.kind, message: problemMessage(p, msg) });
      files.push(...walked.files);
      if (!walked.files.length) problems.push({ path: input, kind: 'notice', message: msg.emptyFolder(input) });
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

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realKey(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The `.reportlintignore` of one folder as a predicate over the paths below it. */
function ignoreLayer(dir: string, names: readonly string[], problems: WalkProblem[]): ((full: string, isDir: boolean) => boolean) | null {
  if (!names.includes(IGNORE_FILE)) return null;
  const file = path.join(dir, IGNORE_FILE);
  const read = readTextFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    problems.push({ path: file, code: read.code, kind: 'error', detail: read.detail || read.code });
    return null;
  }
  // The ignore library is loaded on the first .reportlintignore met, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ignore = require('ignore') as typeof import('ignore');
  const ig: Ignore = ignore().add(read.text);
  return (full, isDir) => {
    let rel = path.relative(dir, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) return false;
    if (isDir) rel += '/';
    return ig.ignores(rel);
  };
}

/**
 * A stream read to its end, or null as soon as it runs past `maxBytes`: reading stops there (the
 * stream is destroyed), so an endless or huge pipe is never held in memory.
 */
export function readStreamCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', reject);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      stream.destroy();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', reject);
  });
}

/** The message for a file that could not be read (fs-access's reason). */
export function readProblemMessage(r: { path: string; code: FsProblemCode; detail: string }, locale: Locale): string {
  const t = (m: LocalizedText, a: Record<string, string | number>) => localize(m, locale, a);
  switch (r.code) {
    case 'too-large':
      return t(CLI_MESSAGES.tooLarge, { path: r.path, size: r.detail });
    case 'not-regular':
      return t(CLI_MESSAGES.notRegular, { path: r.path });
    case 'permission':
      return t(CLI_MESSAGES.permission, { path: r.path });
    case 'broken-link':
      return t(CLI_MESSAGES.brokenLink, { path: r.path });
    case 'not-found':
      return t(CLI_MESSAGES.notFound, { path: r.path });
    default:
      return t(CLI_MESSAGES.unreadable, { path: r.path, error: r.detail || r.code });
  }
}

const ENCODING_NAMES = { 'euc-kr': 'EUC-KR（韩文）', shift_jis: 'Shift-JIS（日文）' } as const;
const ENCODING_NAMES_EN = { 'euc-kr': 'EUC-KR (Korean)', shift_jis: 'Shift-JIS (Japanese)' } as const;

/** What the CLI says about a decoded (or undecodable) file: an error, a notice, or nothing. */
export function decodeProblem(p: string, d: Decoded, locale: Locale): FileProblem | null {
  const t = (m: LocalizedText, a: Record<string, string | number>) => localize(m, locale, a);
  if (!d.ok) {
    if (d.encoding) return { path: p, kind: 'error', skipped: true, message: t(CLI_MESSAGES.legacyEncoding, { path: p, encoding: (locale === 'en' ? ENCODING_NAMES_EN : ENCODING_NAMES)[d.encoding] }) };
    return { path: p, kind: d.reason === 'binary' ? 'notice' : 'error', skipped: true, message: t(d.reason === 'binary' ? CLI_MESSAGES.binary : CLI_MESSAGES.badEncoding, { path: p }) };
  }
  if (d.encoding === 'gb18030') return { path: p, kind: 'notice', message: t(CLI_MESSAGES.decodedGbk, { path: p }) };
  if (d.encoding === 'big5') return { path: p, kind: 'notice', message: t(CLI_MESSAGES.decodedBig5, { path: p }) };
  if ((d.encoding === 'utf-16le' || d.encoding === 'utf-16be') && !d.bom) return { path: p, kind: 'notice', message: t(CLI_MESSAGES.decodedUtf16, { path: p, encoding: d.encoding.toUpperCase() }) };
  return null;
}

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'; bom?: boolean }
  | { ok: false; reason: 'binary' | 'encoding'; encoding?: 'euc-kr' | 'shift_jis' };

/** How much of a file the statistical tests look at. */
const PROBE = 65_536;

/**
 * iconv-lite, loaded on first use: it is most of the CLI bundle's start-up work, and only files
 * that are not UTF-8 need it.
 */
let iconvModule: typeof import('iconv-lite') | null = null;
export function iconv(): typeof import('iconv-lite') {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (iconvModule ??= require('iconv-lite') as typeof import('iconv-lite'));
}

/**
 * Decode a report file. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are;
 * UTF-16 without BOM is recognised by its NUL pattern (the zero high bytes of ASCII characters,
 * all at odd or all at even offsets). Valid UTF-8 is text even with a stray NUL (the
 * encoding-damage rule reports it). Other bytes are tried as the legacy encodings a Chinese
 * report may come in, GB18030 (a superset of GBK) then Big5, after ruling out Shift-JIS and
 * EUC-KR, which also "decode" as GB18030 but into nonsense: those are named and refused.
 */
export function decodeBuffer(buf: Buffer): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = utf8Strict(buf.subarray(3));
    return text === null ? { ok: false, reason: 'encoding' } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: iconv().decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: iconv().decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const probe = buf.subarray(0, Math.min(buf.length, PROBE));
  if (probe.includes(0)) {
    const utf16 = utf16WithoutBom(buf);
    if (utf16) return utf16;
  }
  // No BOM here, so the fast validation plus decoding gives what the strict decoder would.
  if (isUtf8(buf)) {
    if (controlRatio(buf) > 0.1) return { ok: false, reason: 'binary' };
    return { ok: true, text: buf.toString('utf8'), encoding: 'utf-8' };
  }
  if (controlRatio(buf) > 0.1) return { ok: false, reason: 'binary' };
  if (looksLikeShiftJis(probe)) return { ok: false, reason: 'encoding', encoding: 'shift_jis' };
  const gb = iconv().decode(buf, 'gb18030');
  if (looksLikeKorean(probe, gb.slice(0, PROBE))) return { ok: false, reason: 'encoding', encoding: 'euc-kr' };
  if (looksLikeChineseText(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  const big5 = iconv().decode(buf, 'big5');
  if (looksLikeChineseText(big5)) return { ok: true, text: big5, encoding: 'big5' };
  return { ok: false, reason: 'encoding' };
}

/** UTF-16 without BOM: NULs (high bytes of ASCII characters) all on one parity and the text decodes cleanly. */
function utf16WithoutBom(buf: Buffer): Decoded | null {
  if (buf.length < 4) return null;
  const n = Math.min(buf.length, PROBE) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) (i & 1 ? odd++ : even++);
  const units = n / 2;
  // ASCII (line breaks, digits, spaces) makes up part of any report (at least 1 % of the units) and
  // gives a NUL on one parity; the other parity's NULs come only from code units U+xx00 (一 is U+4E00).
  const enough = Math.max(2, units * 0.01);
  const encoding = odd >= enough && even * 4 < odd ? 'utf-16le' : even >= enough && odd * 4 < even ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = iconv().decode(buf.subarray(0, buf.length & ~1), encoding);
  // Unpaired surrogates or many control characters: not text after all.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text.slice(0, PROBE))) return null;
  let controls = 0;
  const sample = text.slice(0, PROBE / 2);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  if (controls > sample.length * 0.01) return null;
  return { ok: true, text, encoding };
}

/** Shift-JIS: decodes without errors and hiragana/katakana are a large part of the non-ASCII text. */
function looksLikeShiftJis(probe: Buffer): boolean {
  const s = iconv().decode(probe, 'shift_jis');
  let kana = 0;
  let other = 0;
  let bad = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c === 0xfffd) bad++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else other++;
  }
  const total = kana + other + bad;
  return total > 0 && bad <= total * 0.01 && kana >= total * 0.2;
}

/**
 * EUC-KR: read as EUC-KR the text is mostly Hangul, its words are separated by spaces (Chinese
 * prose has none), and the GB18030 reading has almost none of the full-width punctuation that
 * Chinese prose is full of.
 */
function looksLikeKorean(probe: Buffer, gb: string): boolean {
  const s = iconv().decode(probe, 'euc-kr');
  let hangul = 0;
  let nonAscii = 0;
  let bad = 0;
  let spaced = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 && i > 0 && s.charCodeAt(i - 1) >= 0xac00 && s.charCodeAt(i - 1) <= 0xd7a3) spaced++;
      continue;
    }
    nonAscii++;
    if (c === 0xfffd) bad++;
    else if (c >= 0xac00 && c <= 0xd7a3) hangul++;
  }
  if (!nonAscii || bad > nonAscii * 0.01 || hangul < nonAscii * 0.6 || spaced < hangul * 0.1) return false;
  let punct = 0;
  for (const ch of gb) if ('。，、；：'.includes(ch)) punct++;
  return punct < nonAscii * 0.01;
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

/** Control bytes other than \t \n \v \f \r, as Latin-1 characters (one per byte). */
const CONTROL_BYTES = /[\x00-\x08\x0e-\x1f]/g;

/**
 * The share of control bytes (other than \t … \r) among the first 8,192 bytes. Counted by a
 * regular expression over their Latin-1 reading (the bytes as characters): a text usually has
 * none, and a byte loop ran interpreted on a process's first files.
 */
export function controlRatio(buf: Buffer): number {
  const len = Math.min(buf.length, 8192);
  if (!len) return 0;
  const head = buf.toString('latin1', 0, len);
  let n = 0;
  CONTROL_BYTES.lastIndex = 0;
  while (CONTROL_BYTES.exec(head)) n++;
  return n / len;
}
