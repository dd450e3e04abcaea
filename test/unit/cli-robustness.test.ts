/**
 * CLI robustness (issue 8): each bad input gives a clear message naming the path and the
 * right exit code, and one bad input never stops the others from being checked.
 * Permission denied cannot be produced as root (chmod 000 does not deny root), so it is
 * exercised through the cases root cannot read either: a FIFO (would block), a loop, a
 * missing path; the EACCES branch itself maps to the same "permission denied" message.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { describe, it } from 'node:test';
import { runCliEnglish } from '../helpers';
import { readStreamCapped } from '../../server/src/cli/files';
import { MAX_REPORT_BYTES } from '../../server/src/node/fs-access';

const GAP = '一、甲\n三、丙\n';

const cli = (args: string[], cwd: string, input?: Buffer) => runCliEnglish(args, cwd, { input });

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-robust-'));
}

describe('cli: bad inputs are reported by path, the rest still checked', () => {
  it('a FIFO is skipped with a message (reading it would block), exit 2, the good file checked', (t) => {
    const dir = tmp();
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    } catch {
      t.skip('mkfifo not available');
      return;
    }
    fs.writeFileSync(path.join(dir, 'ok.txt'), GAP);
    const r = cli(['check', '--force', '--format', 'json', 'pipe.txt', 'ok.txt'], dir);
    assert.equal(r.timedOut, false, 'the CLI must not block on a FIFO');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pipe\.txt: not a regular file/);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['ok.txt']);
  });

  it('a folder with a symlink loop, an empty folder and a missing path: one message each, files found are checked', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'tree', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.writeFileSync(path.join(dir, 'tree', 'sub', 'a.txt'), GAP);
    fs.symlinkSync('..', path.join(dir, 'tree', 'sub', 'up'));
    const r = cli(['check', '--force', '--format', 'json', 'tree', 'empty', 'missing.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /symbolic link loop, skipped/);
    assert.match(r.stderr, /empty: the folder holds no \.txt, \.md or \.docx files/);
    assert.match(r.stderr, /missing\.txt: no such file or folder/);
    const files = JSON.parse(r.stdout).files;
    assert.equal(files.length, 1, 'the looped file is checked once');
    assert.equal(files[0].diagnostics[0].ruleId, 'numbering-gap');
  });

  it('an empty folder alone: a notice, nothing checked, exit 0', () => {
    const dir = tmp();
    const r = cli(['check', '.'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /the folder holds no \.txt, \.md or \.docx files/);
  });

  it('a binary file and an undecodable file beside a GBK file: skipped by name, GBK checked', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    fs.writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0xff, 0xfe, 0xfd].concat(Array(20).fill(0x80))).subarray(2));
    fs.writeFileSync(path.join(dir, 'gbk.txt'), Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xbc, 0xd7, 0x0a, 0xc8, 0xfd, 0xa1, 0xa2, 0xb1, 0xfb, 0x0a])); // 一、甲 三、丙 in GBK
    const r = cli(['check', '--force', '--format', 'json', '.'], dir);
    assert.match(r.stderr, /bin\.txt: looks like a binary file, skipped/);
    assert.match(r.stderr, /bad\.txt: neither valid UTF-8 nor decodable/);
    assert.match(r.stderr, /gbk\.txt: not UTF-8; decoded as GBK/);
    const files = JSON.parse(r.stdout).files;
    assert.deepEqual(files.map((f: { path: string }) => f.path), ['gbk.txt']);
    assert.equal(files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'numbering-gap').length, 1);
    assert.equal(r.code, 2, 'an undecodable file is an I/O failure');
  });
});

describe('cli: standard input is capped like a file', () => {
  it('reads a stream to its end up to the cap, and stops reading once past it', async () => {
    const chunks = (n: number, size: number) => Array.from({ length: n }, () => Buffer.alloc(size, 0x61));
    assert.equal((await readStreamCapped(Readable.from(chunks(4, 10)), 40))?.length, 40);
    assert.equal((await readStreamCapped(Readable.from([]), 40))?.length, 0);
    assert.equal(await readStreamCapped(Readable.from(chunks(5, 10)), 40), null);
    // An endless stream: the reader stops (and destroys it) as soon as the cap is passed.
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1000, 0x61));
      },
    });
    assert.equal(await readStreamCapped(endless, 10_000), null);
    assert.ok(endless.destroyed);
    assert.ok(pulled < 50, `pulled ${pulled} chunks`);
  });

  it('stdin over the file cap (`-`): one clear message, nothing checked, exit 2', () => {
    const dir = tmp();
    try {
      const r = cli(['check', '-'], dir, Buffer.alloc(MAX_REPORT_BYTES + 1, 0x61));
      assert.equal(r.code, 2, r.stderr);
      assert.ok(!r.timedOut);
      assert.match(r.stderr, new RegExp(`standard input: larger than ${MAX_REPORT_BYTES} bytes \\(the same limit as a file\\), not read`));
      assert.equal(r.stdout, '');
      // Beside a file: the file is still checked, and the unread input is still a failure (exit 2).
      fs.writeFileSync(path.join(dir, 'gap.txt'), GAP);
      const both = cli(['check', '--force', 'gap.txt', '-'], dir, Buffer.alloc(MAX_REPORT_BYTES + 1, 0x61));
      assert.equal(both.code, 2, both.stderr);
      assert.match(both.stdout, /gap\.txt:2:1/);
      assert.match(both.stderr, /standard input: larger than/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
