'use strict';
/**
 * Loads the CLI bundle (dist/cli.js) with V8's code cache on Node versions without
 * `module.enableCompileCache` (added in Node 22.1; Node 20 lacks it). Compiling the 2.6 MB bundle is
 * most of the CLI's start-up: with the cache, V8 deserialises the compiled code instead, in the main
 * thread and in each worker thread of `reportlint check`.
 *
 * The cache is one file per bundle location in `<tmpdir>/reportlint-compile-cache-<uid>/`, named by
 * the bundle's path, its content (CRC-32), the Node version and the architecture, and written once,
 * when the process exits, after a run that had none (it then holds the functions that run compiled,
 * not only the start-up code). So that it holds the checking code, a run that checks no document
 * (`--version`, `--help`, `rules`, a usage error: the bundle's `checkedDocuments()` says so at exit)
 * writes a partial cache of its own (`-partial.bin`),
 * which such runs use; the first run that checks writes the full cache, which every run then prefers,
 * and the partial one goes. Before, a first `--version` wrote the only cache, and every later check
 * compiled its functions anew (about 20 ms per run). V8 refuses a cache made by another V8 or with other flags
 * (`cachedDataRejected`): the bundle is then compiled as usual and the cache written again. The
 * folder must belong to the user running the CLI (it is created with mode 0700); anything unusual
 * (no crc32 in this Node, no writable folder, `NODE_DISABLE_COMPILE_CACHE=1`) means no cache, never
 * a failure.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const Module = require('module');
const zlib = require('zlib');
const { isAscii } = require('buffer');

function cacheFolder() {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = path.join(os.tmpdir(), `reportlint-compile-cache${uid === null ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e.code !== 'EEXIST') return null;
  }
  try {
    const st = fs.lstatSync(dir);
    // A folder someone else made (or a link to one) could hold a planted cache: not used.
    if (!st.isDirectory() || (uid !== null && st.uid !== uid) || (st.mode & 0o022) !== 0) return null;
  } catch {
    return null;
  }
  return dir;
}

/**
 * The cache file for this bundle's path and content (the CRC-32 of its bytes, which is that of its
 * text's UTF-8, and the text's length), and the prefix of the older ones for the same path.
 */
function cacheFile(dir, file, bytes, length) {
  const where = zlib.crc32(path.resolve(file)).toString(16).padStart(8, '0');
  const what = zlib.crc32(bytes).toString(16).padStart(8, '0');
  const prefix = `${where}-`;
  const stem = path.join(dir, `${prefix}${what}-${length}-${process.version}-${process.arch}`);
  return { prefix, file: `${stem}.bin`, partial: `${stem}-partial.bin` };
}

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Load `file` (a CommonJS bundle) as `require(file)` would, with the code cache when there is one;
 * `writeCache` false: use the cache but never write it (worker threads). Returns its exports.
 */
function loadWithCache(file, writeCache = true) {
  const disabled = process.env.NODE_DISABLE_COMPILE_CACHE === '1' || typeof zlib.crc32 !== 'function';
  if (disabled) return require(file);
  const bytes = fs.readFileSync(file);
  // The build writes an ASCII-only bundle (scripts/build.mjs): read as Latin-1, it is the same
  // string, made by a copy instead of UTF-8 decoding (several milliseconds for 2.6 MB at every
  // start). Anything else (or a Node without buffer.isAscii) is decoded as UTF-8, as require does.
  const source = typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const dir = cacheFolder();
  const cache = dir ? cacheFile(dir, file, bytes, source.length) : null;
  // The full cache when there is one, else the partial one.
  let cachedData = cache ? readOrUndefined(cache.file) : undefined;
  const full = cachedData !== undefined;
  if (cache && !full) cachedData = readOrUndefined(cache.partial);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  // Worker threads load the bundle through this file too (see server/src/cli/parallel.ts).
  m.compileCacheLoader = __filename;
  require.cache[file] = m;
  // At exit, once it is known whether the run checked documents: a run that did writes the full
  // cache when there is none (or V8 refused it); any other run writes the partial cache when it had
  // no cache it could use.
  if (cache && writeCache && (!full || script.cachedDataRejected)) {
    const missing = cachedData === undefined || script.cachedDataRejected;
    process.once('exit', () => {
      const checked = typeof m.exports.checkedDocuments === 'function' ? m.exports.checkedDocuments() === true : true;
      if (checked) writeCacheFile(dir, cache, cache.file, script);
      else if (missing) writeCacheFile(dir, cache, cache.partial, script);
    });
  }
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

function writeCacheFile(dir, cache, target, script) {
  try {
    const data = script.createCachedData();
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, target);
    // One cache per bundle location: the caches of its earlier builds go, and the partial cache
    // once the full one is written.
    const keep = target === cache.file ? [cache.file] : [cache.file, cache.partial];
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(cache.prefix) && name.endsWith('.bin') && !keep.includes(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // No cache this time.
  }
}

module.exports = { loadWithCache };
