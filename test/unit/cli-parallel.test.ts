import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { escapeForTerminal } from '../../server/src/cli/escape';
import { fileResult, formatJson, formatText, type FileResult } from '../../server/src/cli/format';
import { crossYearCandidates } from '../../server/src/cli/main';
import { PARALLEL_MIN_CORES, PARALLEL_MIN_FILES, workerCount } from '../../server/src/cli/parallel';
import type { Finding } from '../../server/src/core/types';
import { REPO_ROOT, readFixture } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');

function cli(args: string[], jobs: string, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, REPORTLINT_JOBS: jobs, REPORTLINT_LOCALE: 'zh-cn' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    input,
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

  it('gives the same output in every format across folders with their own config and ignore files, in the same order on every run', () => {
    const dir = folder(PARALLEL_MIN_FILES + 9);
    const sub = path.join(dir, 'sub');
    const deep = path.join(sub, 'deep');
    fs.mkdirSync(deep, { recursive: true });
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt'));
    names.forEach((n, i) => {
      // A third of the reports move one folder down, a third two folders down.
      if (i % 3 === 1) fs.renameSync(path.join(dir, n), path.join(sub, n));
      if (i % 3 === 2) fs.renameSync(path.join(dir, n), path.join(deep, n));
    });
    fs.writeFileSync(path.join(sub, '.reportlintrc.json'), JSON.stringify({ rules: { 'numbering-gap': 'off' }, unknownKey: true }));
    const ignored = names.find((_, i) => i % 3 === 2)!;
    fs.writeFileSync(path.join(deep, '.reportlint-ignore.json'), JSON.stringify({ version: 1, ignores: [{ rule: 'numbering-gap', file: ignored }] }));
    try {
      const stdin = readFixture('cli/gap.txt');
      for (const format of ['json', 'text', 'sarif']) {
        const args = ['check', '--format', format, dir, '-'];
        const seq = cli(args, '1', stdin);
        assert.match(seq.stderr, /unknownKey/);
        for (const jobs of ['2', '3']) {
          const par = cli(args, jobs, stdin);
          assert.equal(par.code, seq.code, par.stderr);
          assert.equal(par.stdout, seq.stdout, `${format}, ${jobs} workers`);
          assert.equal(par.stderr, seq.stderr);
        }
      }
      const json = JSON.parse(cli(['check', '--format', 'json', dir], '2').stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
      const gapsIn = (p: string) => json.files.find((f) => f.path === p)!.diagnostics.filter((d) => d.ruleId === 'numbering-gap').length;
      assert.equal(gapsIn(path.join(deep, ignored)), 0);
      assert.ok(json.files.filter((f) => f.path.startsWith(sub + path.sep)).every((f) => gapsIn(f.path) === 0));
      assert.ok(json.files.some((f) => path.dirname(f.path) === dir && gapsIn(f.path) > 0));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formats json and text from per-file parts exactly as a whole (text escapes messages for the terminal)', () => {
    const finding = (ruleId: string, severity: Finding['severity'], message: string, line: number): Finding => ({
      ruleId,
      severity,
      message,
      range: { start: { line, character: 2 }, end: { line, character: 5 } },
    });
    const sets: FileResult[][] = [
      [],
      [fileResult('a.txt', [])],
      [
        fileResult('报告 "一".txt', [finding('numbering-gap', 'warning', '编号“一、”之后是“三、”\n\t\\', 3), finding('x', 'error', '', 0)]),
        fileResult('b.md', []),
        fileResult('c\\d.txt', [finding('y', 'hint', 'é ☃ 𠀀', 9)]),
      ],
    ];
    for (const results of sets) {
      const whole = JSON.stringify(
        { files: results.map((r) => ({ path: r.path, diagnostics: (r.findings ?? []).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range })) })) },
        null,
        2,
      );
      assert.equal(formatJson(results), whole);
      const lines = results.flatMap((r) => (r.findings ?? []).map((f) => `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity === 'warning' ? 'warning' : f.severity === 'error' ? 'error' : f.severity === 'info' ? 'info' : 'hint'} ${f.ruleId} ${escapeForTerminal(f.message)}`));
      assert.equal(formatText(results, 'en'), lines.join('\n'));
    }
  });

  it('uses no workers for a few files or with REPORTLINT_JOBS=1', () => {
    assert.equal(workerCount(PARALLEL_MIN_FILES - 1, { REPORTLINT_JOBS: '4' }), 0);
    assert.equal(workerCount(1000, { REPORTLINT_JOBS: '1' }), 0);
    assert.equal(workerCount(1000, { REPORTLINT_JOBS: '3' }), 2, 'three threads: the main thread and two workers');
  });

  it('by default uses one thread on fewer than PARALLEL_MIN_CORES cores, one worker per core from there', () => {
    assert.equal(workerCount(1000, {}, 1), 0);
    assert.equal(workerCount(1000, {}, 2), 0);
    assert.equal(workerCount(1000, {}, PARALLEL_MIN_CORES - 1), 0);
    assert.equal(workerCount(1000, {}, PARALLEL_MIN_CORES), PARALLEL_MIN_CORES - 1);
    assert.equal(workerCount(PARALLEL_MIN_FILES - 1, {}, 16), 0);
    assert.equal(workerCount(1000, { REPORTLINT_JOBS: '2' }, 2), 1, 'REPORTLINT_JOBS asks for threads explicitly');
  });
});

describe('cli: which files are compared across years', () => {
  const key = (issuer: string, year: number, profile = 'xinxi-gongkai-annual') => ({ crossYear: { profile, issuer, year } });
  it('only files with a report of the same kind and body one year apart, in input order', () => {
    const results = [
      key('青禾区交通运输局', 2024),
      {},
      key('青禾区文化和旅游局', 2023),
      key('青禾区交通运输局', 2023),
      key('青禾区交通运输局', 2021),
      key('青禾区交通运输局', 2023, 'custom-annual'),
      key('青禾区交通运输局', 2023),
    ];
    assert.deepEqual(crossYearCandidates(results), [0, 3, 6]);
    assert.deepEqual(crossYearCandidates([key('甲', 2024), key('甲', 2024)]), [], 'the same year is no pair');
    assert.deepEqual(crossYearCandidates([{}, {}]), []);
  });
});
