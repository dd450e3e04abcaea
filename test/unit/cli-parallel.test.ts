import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { PARALLEL_MIN_FILES, workerCount } from '../../server/src/cli/parallel';
import { REPO_ROOT, readFixture } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');

function cli(args: string[], jobs: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, REPORTLINT_JOBS: jobs, REPORTLINT_LOCALE: 'zh-cn' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of varied reports built from the fixtures: some clean, some with numbering gaps. */
function folder(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-parallel-'));
  const bases = [readFixture('outline/restart.txt'), readFixture('outline/continuous.txt'), readFixture('outline/runin.txt'), readFixture('cli/gap.txt')];
  for (let i = 0; i < count; i++) {
    let text = bases[i % bases.length];
    if (i % 3 === 0) text = text.replace('二、', '三、');
    fs.writeFileSync(path.join(dir, `报告-${String(i).padStart(3, '0')}.txt`), text);
  }
  return dir;
}

describe('cli: checking on worker threads', () => {
  it('gives the same output, order and exit code as a sequential run', () => {
    const dir = folder(PARALLEL_MIN_FILES + 17);
    try {
      const seq = cli(['check', '--format', 'json', dir], '1');
      const par = cli(['check', '--format', 'json', dir], '2');
      assert.equal(seq.code, 1, seq.stderr);
      assert.equal(par.code, seq.code, par.stderr);
      assert.equal(par.stdout, seq.stdout);
      assert.equal(par.stderr, seq.stderr);
      const files = (JSON.parse(par.stdout) as { files: { path: string }[] }).files.map((f) => path.basename(f.path));
      assert.deepEqual(files, [...files].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('workers honour an explicit --config file', () => {
    const dir = folder(PARALLEL_MIN_FILES + 1);
    const config = path.join(dir, 'custom.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'numbering-gap': 'off' } }));
    try {
      const seq = cli(['check', '--format', 'json', '--config', config, dir], '1');
      const par = cli(['check', '--format', 'json', '--config', config, dir], '2');
      assert.equal(par.stdout, seq.stdout);
      assert.ok(!par.stdout.includes('"numbering-gap"'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses no workers for a few files or with REPORTLINT_JOBS=1', () => {
    assert.equal(workerCount(PARALLEL_MIN_FILES - 1, { REPORTLINT_JOBS: '4' }), 0);
    assert.equal(workerCount(1000, { REPORTLINT_JOBS: '1' }), 0);
    assert.equal(workerCount(1000, { REPORTLINT_JOBS: '3' }), 3);
  });
});
