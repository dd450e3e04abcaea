/**
 * Issue 20, points 1–3 and issue 17 item 3: the node-side file access (server/src/node/fs-access.ts)
 * never writes through a symbolic link, never reads a device or FIFO, caps what it reads, and the
 * CLI's folder walks stay inside the folders they were given. Every hostile input is made here.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { runCliEnglish } from '../helpers';
import { readRegularFile, walkFolder, writeFileInside, FsAccessError } from '../../server/src/node/fs-access';

const GAP = '一、甲\n三、丙\n';

function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-hard-')));
}

/** `check` with --force: auto mode skips texts that do not look like reports, and these tests use short texts. */
const cli = (args: string[], cwd: string) => runCliEnglish(args, cwd, { force: true });

function mkfifo(p: string): boolean {
  try {
    execFileSync('mkfifo', [p]);
    return true;
  } catch {
    return false;
  }
}

describe('fs-access: reading', () => {
  it('refuses a device reached through a symlink, and a FIFO, without blocking', (t) => {
    const dir = tmp();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const zero = readRegularFile(path.join(dir, 'zero.txt'), 1 << 20);
    assert.equal(zero.ok, false);
    assert.equal(!zero.ok && zero.code, 'not-regular');
    if (!mkfifo(path.join(dir, 'pipe.json'))) return t.skip('mkfifo not available');
    const fifo = readRegularFile(path.join(dir, 'pipe.json'), 1 << 20);
    assert.equal(!fifo.ok && fifo.code, 'not-regular');
  });

  it('caps the bytes read, and names a broken link as such', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(5000, 0x61));
    const r = readRegularFile(path.join(dir, 'big.txt'), 4096);
    assert.equal(!r.ok && r.code, 'too-large');
    const ok = readRegularFile(path.join(dir, 'big.txt'), 5000);
    assert.equal(ok.ok && ok.data.length, 5000);
    fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
    const d = readRegularFile(path.join(dir, 'dangling.txt'), 100);
    assert.equal(!d.ok && d.code, 'broken-link');
  });
});

describe('fs-access: writing', () => {
  it('never writes through a symlink: the link is refused and its target stays untouched', () => {
    const outside = tmp();
    const ws = tmp();
    const victim = path.join(outside, 'profile.sh');
    fs.writeFileSync(victim, 'echo safe\n');
    fs.symlinkSync(victim, path.join(ws, '.reportlint-ignore.json'));
    assert.throws(() => writeFileInside(path.join(ws, '.reportlint-ignore.json'), 'rm -rf ~\n', ws), (e: unknown) => e instanceof FsAccessError && e.code === 'symlink');
    assert.equal(fs.readFileSync(victim, 'utf8'), 'echo safe\n');
  });

  it('refuses a target whose folder lies outside the workspace (a symlinked folder)', () => {
    const outside = tmp();
    const ws = tmp();
    fs.symlinkSync(outside, path.join(ws, 'sub'));
    assert.throws(() => writeFileInside(path.join(ws, 'sub', '.reportlintrc.json'), '{}', ws), (e: unknown) => e instanceof FsAccessError && e.code === 'outside-root');
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('replaces a regular file by rename, keeping its mode, leaving no temporary file', () => {
    const ws = tmp();
    const target = path.join(ws, '.reportlintrc.json');
    fs.writeFileSync(target, '{}\n', { mode: 0o600 });
    fs.chmodSync(target, 0o600);
    writeFileInside(target, '{"rules":{}}\n', ws);
    assert.equal(fs.readFileSync(target, 'utf8'), '{"rules":{}}\n');
    assert.equal(fs.statSync(target).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(ws), ['.reportlintrc.json']);
  });
});

describe('fs-access: folder walks stay inside their roots', () => {
  it('a directory symlink to / is reported and skipped; --follow-symlinks opts in', () => {
    const dir = tmp();
    const outside = tmp();
    fs.mkdirSync(path.join(dir, 'd'));
    fs.writeFileSync(path.join(dir, 'd', 'a.txt'), GAP);
    fs.writeFileSync(path.join(outside, 'far.txt'), GAP);
    fs.symlinkSync('/', path.join(dir, 'd', 'root'));
    fs.symlinkSync(outside, path.join(dir, 'd', 'out'));
    const w = walkFolder(path.join(dir, 'd'), { extensions: new Set(['.txt']) });
    assert.deepEqual(w.files, [path.join(dir, 'd', 'a.txt')]);
    assert.deepEqual(
      w.problems.map((p) => [path.basename(p.path), p.code, p.kind]),
      [
        ['out', 'outside-root', 'notice'],
        ['root', 'outside-root', 'notice'],
      ],
    );
    const r = cli(['check', '--force', '--format', 'json', 'd'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /d\/root: symbolic link leading outside the folder/);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['d/a.txt']);
    fs.unlinkSync(path.join(dir, 'd', 'root'));
    const followed = cli(['check', '--force', '--format', 'json', '--follow-symlinks', 'd'], dir);
    assert.deepEqual(JSON.parse(followed.stdout).files.map((f: { path: string }) => f.path).sort(), ['d/a.txt', 'd/out/far.txt']);
  });

  it('a link inside the folder is followed; a broken link to a report is an I/O problem (exit 2); other file types are not looked at', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'd', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'd', 'sub', 'a.txt'), GAP);
    fs.symlinkSync('sub', path.join(dir, 'd', 'alias'));
    fs.symlinkSync('nowhere.conf', path.join(dir, 'd', 'x.conf'));
    const quiet = cli(['check', '--force', '--format', 'json', 'd'], dir);
    assert.equal(quiet.code, 1, quiet.stderr);
    assert.doesNotMatch(quiet.stderr, /x\.conf/);
    assert.equal(JSON.parse(quiet.stdout).files.length, 1, 'the aliased folder holds the same file');
    fs.symlinkSync('nowhere.txt', path.join(dir, 'd', 'gone.txt'));
    const r = cli(['check', '--force', '--format', 'json', 'd'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /d\/gone\.txt: broken symbolic link/);
  });

  it('a .txt in the folder that is a FIFO or a link to /dev/zero is refused without blocking', (t) => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'd'));
    fs.writeFileSync(path.join(dir, 'd', 'a.txt'), GAP);
    fs.symlinkSync('/dev/zero', path.join(dir, 'd', 'zero.txt'));
    if (!mkfifo(path.join(dir, 'd', 'pipe.md'))) return t.skip('mkfifo not available');
    fs.writeFileSync(path.join(dir, 'd', '.reportlintignore'), '');
    const r = cli(['check', '--force', '--format', 'json', 'd'], dir);
    assert.equal(r.timedOut, false);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pipe\.md: not a regular file/);
    assert.match(r.stderr, /zero\.txt: symbolic link leading outside/);
    const followed = cli(['check', '--force', '--format', 'json', '--follow-symlinks', 'd'], dir);
    assert.equal(followed.timedOut, false);
    assert.match(followed.stderr, /zero\.txt: not a regular file/);
    assert.deepEqual(JSON.parse(followed.stdout).files.map((f: { path: string }) => f.path), ['d/a.txt']);
    // The folder's .reportlintignore itself a FIFO: reported, never waited on.
    fs.unlinkSync(path.join(dir, 'd', '.reportlintignore'));
    mkfifo(path.join(dir, 'd', '.reportlintignore'));
    const r2 = cli(['check', '--force', '--format', 'json', 'd'], dir);
    assert.equal(r2.timedOut, false);
    assert.match(r2.stderr, /\.reportlintignore/);
  });
});
