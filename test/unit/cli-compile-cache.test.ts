import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import * as zlib from 'zlib';
import { workerSource } from '../../server/src/cli/parallel';
import { FIXTURES, REPO_ROOT } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');
/** bin/compile-cache.js is used where Node has no compile cache of its own (Node 20; crc32 from 20.15). */
const HAND_MADE = typeof (require('module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function' && typeof (zlib as { crc32?: unknown }).crc32 === 'function';

/** Run the CLI with its own temporary folder (where the cache lives), as `jobs` threads. */
function run(tmp: string, args: string[], jobs = '1', extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TMPDIR: tmp, REPORTLINT_JOBS: jobs, REPORTLINT_LOCALE: 'zh-cn', REPORTLINT_TIMING: '', NODE_DISABLE_COMPILE_CACHE: '', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFiles(tmp: string): string[] {
  const dir = fs.readdirSync(tmp).find((n) => n.startsWith('reportlint-compile-cache'));
  return dir ? fs.readdirSync(path.join(tmp, dir)).map((n) => path.join(tmp, dir, n)) : [];
}

/** A folder of reports, enough for worker threads with REPORTLINT_JOBS=2. */
function folder(tmp: string, count: number): string {
  const dir = path.join(tmp, 'reports');
  fs.mkdirSync(dir);
  const text = fs.readFileSync(path.join(FIXTURES, 'cli', 'gap.txt'), 'utf8');
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `报告-${String(i).padStart(3, '0')}.txt`), i % 2 ? text : text.replace('二、', '三、'));
  return dir;
}

describe('cli: V8 code cache of the bundle (bin/compile-cache.js)', { skip: HAND_MADE ? false : 'this Node has module.enableCompileCache (or no zlib.crc32): the hand-made cache is not used' }, () => {
  it('is written after the first run and read by the next ones, main thread and workers, with the same output', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cc-'));
    try {
      const dir = folder(tmp, 40);
      const first = run(tmp, ['check', '--format', 'json', dir]);
      assert.equal(first.code, 1, first.stderr);
      const written = cacheFiles(tmp);
      assert.equal(written.length, 1, 'one cache file for the bundle');
      assert.match(path.basename(written[0]), new RegExp(`-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.bin$`));
      assert.equal(fs.statSync(path.dirname(written[0])).mode & 0o777, 0o700);
      const before = fs.statSync(written[0]).mtimeMs;
      for (const jobs of ['1', '2']) {
        const again = run(tmp, ['check', '--format', 'json', dir], jobs);
        assert.equal(again.stdout, first.stdout, `${jobs} thread(s)`);
        assert.equal(again.stderr, first.stderr);
        assert.equal(again.code, first.code);
      }
      assert.deepEqual(cacheFiles(tmp), written, 'a cache V8 accepts is not written again');
      assert.equal(fs.statSync(written[0]).mtimeMs, before);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a run that checks nothing (--version) writes a partial cache; the first check writes the full one, which later runs keep', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cc-'));
    try {
      const file = path.join(FIXTURES, 'cli', 'gap.txt');
      assert.equal(run(tmp, ['--version']).code, 0);
      const partial = cacheFiles(tmp);
      assert.equal(partial.length, 1);
      assert.match(path.basename(partial[0]), /-partial\.bin$/);
      const partialSize = fs.statSync(partial[0]).size;
      assert.equal(run(tmp, ['rules']).code, 0);
      assert.deepEqual(cacheFiles(tmp), partial, 'a run that checks nothing uses the partial cache and does not write');
      const first = run(tmp, ['check', '--format', 'json', file]);
      const full = cacheFiles(tmp);
      assert.equal(full.length, 1, 'the full cache replaces the partial one');
      assert.equal(path.basename(full[0]), path.basename(partial[0]).replace('-partial.bin', '.bin'));
      // The full cache holds the checking code: larger than the cache of a run that checked nothing.
      assert.ok(fs.statSync(full[0]).size > partialSize, `${fs.statSync(full[0]).size} > ${partialSize}`);
      const before = fs.statSync(full[0]).mtimeMs;
      const again = run(tmp, ['check', '--format', 'json', file]);
      assert.equal(again.stdout, first.stdout);
      assert.equal(run(tmp, ['--version']).code, 0);
      assert.deepEqual(cacheFiles(tmp), full, 'later runs, checking or not, use the full cache and write nothing');
      assert.equal(fs.statSync(full[0]).mtimeMs, before);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a damaged cache is refused by V8, the bundle compiled as usual and the cache written again', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cc-'));
    try {
      const expected = run(tmp, ['--version']);
      const [file] = cacheFiles(tmp);
      fs.writeFileSync(file, Buffer.alloc(4096, 7));
      const r = run(tmp, ['--version']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, expected.stdout);
      assert.notDeepEqual(fs.readFileSync(file), Buffer.alloc(4096, 7));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('is not used from a folder others can write to, nor with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cc-'));
    try {
      assert.equal(run(tmp, ['--version'], '1', { NODE_DISABLE_COMPILE_CACHE: '1' }).code, 0);
      assert.deepEqual(cacheFiles(tmp), []);
      const uid = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
      const open = path.join(tmp, `reportlint-compile-cache${uid}`);
      fs.mkdirSync(open);
      fs.chmodSync(open, 0o777);
      const r = run(tmp, ['--version']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(fs.readdirSync(open), []);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('keeps one cache per bundle location: an earlier build’s cache goes', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cc-'));
    try {
      run(tmp, ['--version']);
      const [file] = cacheFiles(tmp);
      // The same bundle path, other content (an earlier build): its prefix is the path's.
      const stale = file.replace(/-[0-9a-f]{8}-(\d+)-/, '-00000000-$1-');
      assert.notEqual(stale, file);
      fs.renameSync(file, stale);
      run(tmp, ['--version']);
      assert.deepEqual(cacheFiles(tmp), [file]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('cli: how a worker thread loads the bundle', () => {
  it('through the code cache loader when the main thread used it, else by require', () => {
    assert.equal(workerSource('/nowhere/cli.js'), 'require("/nowhere/cli.js").workerMain();');
    const fake = '/nowhere/loaded-by-cache.js';
    const m = { id: fake, filename: fake, loaded: true, compileCacheLoader: '/x/bin/compile-cache.js' } as unknown as NodeJS.Module;
    require.cache[fake] = m;
    try {
      assert.equal(workerSource(fake), 'require("/x/bin/compile-cache.js").loadWithCache("/nowhere/loaded-by-cache.js", false).workerMain();');
    } finally {
      delete require.cache[fake];
    }
    assert.ok(fs.existsSync(CLI_BUNDLE), 'the bundle is built before the tests');
  });
});
