import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');

function cli(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '', ...(opts.env ?? {}) },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cli-'));
}

describe('cli: check', () => {
  it('prints compiler-style lines and exits 1 on errors', () => {
    const r = cli(['check', '--force', path.join(FIXTURES, 'cli', 'gap.txt')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /gap\.txt:3:1 错误 numbering-gap 标题编号不连续/);
    assert.match(r.stderr, /检查了 1 个文件：1 个错误/);
  });

  it('exits 0 on a clean report and honours --fail-on', () => {
    assert.equal(cli(['check', '--force', path.join(FIXTURES, 'cli', 'clean.txt')]).code, 0);
  });

  it('emits the documented JSON contract with LSP ranges', () => {
    const r = cli(['check', '--force', '--format', 'json', path.join(FIXTURES, 'cli', 'gap.txt')]);
    const j = JSON.parse(r.stdout);
    assert.equal(j.files.length, 1);
    const d = j.files[0].diagnostics[0];
    assert.deepEqual(Object.keys(d).sort(), ['message', 'range', 'ruleId', 'severity']);
    assert.equal(d.ruleId, 'numbering-gap');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  });

  it('emits SARIF 2.1.0', () => {
    const r = cli(['check', '--force', '--format', 'sarif', path.join(FIXTURES, 'cli', 'gap.txt')]);
    const s = JSON.parse(r.stdout);
    assert.equal(s.version, '2.1.0');
    const res = s.runs[0].results[0];
    assert.equal(res.ruleId, 'numbering-gap');
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 });
    assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'numbering-gap'));
  });

  it('reads stdin with "-" and speaks English with --locale en', () => {
    const r = cli(['check', '--force', '--locale', 'en', '-'], { input: '一、甲\n三、丙\n' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /stdin\.txt:2:1 error numbering-gap Heading numbering skips/);
  });

  it('walks folders for .txt/.md, honours .reportlintignore, skips other files', () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '一、甲\n三、丙\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), '## 一、甲\n## 三、丙\n');
    fs.writeFileSync(path.join(dir, 'sub', 'ignored.txt'), '一、甲\n三、丙\n');
    fs.writeFileSync(path.join(dir, 'c.docx'), 'x');
    fs.writeFileSync(path.join(dir, '.reportlintignore'), 'sub/ignored.txt\n');
    const r = cli(['check', '--force', '--format', 'json', dir]);
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => path.relative(dir, f.path)).sort();
    assert.deepEqual(paths, ['a.txt', path.join('sub', 'b.md')]);
  });

  it('decodes GBK files with a notice and skips binary files, checking the rest', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode('一、主要举措\n三、下一步安排\n', 'gbk'));
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const r = cli(['check', '--force', '--format', 'json', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /gbk\.txt：文件不是 UTF-8，已按 GBK\/GB18030 解码/);
    assert.match(r.stderr, /bin\.txt：看起来是二进制文件，已跳过/);
    const j = JSON.parse(r.stdout);
    assert.equal(j.files.length, 1);
    assert.equal(j.files[0].diagnostics[0].ruleId, 'numbering-gap');
  });

  it('exits 2 naming the path when a file does not exist, still checking the others', () => {
    const r = cli(['check', '--force', '--format', 'json', '/nonexistent/report.txt', path.join(FIXTURES, 'cli', 'gap.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\/nonexistent\/report\.txt：文件或文件夹不存在/);
    assert.equal(JSON.parse(r.stdout).files.length, 1);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['check', '--format', 'xml', 'x']).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
  });
});

describe('cli: outline', () => {
  it('prints the documented outline JSON', () => {
    const r = cli(['outline', '--format', 'json', path.join(FIXTURES, 'outline', 'restart.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const files = JSON.parse(r.stdout).files;
    assert.equal(files.length, 1, 'one entry per file, as check');
    const j = files[0];
    assert.equal(j.isReport, true);
    assert.equal(j.title, '某县司法局关于2024年度法治政府建设情况的报告');
    const s = j.sections[0];
    assert.deepEqual(Object.keys(s).sort(), ['children', 'level', 'marker', 'number', 'range', 'title']);
    assert.deepEqual([s.marker, s.level, s.number, s.title], ['一、', 1, 1, '主要举措和成效']);
    assert.equal(s.children[1].children.length, 3);
  });

  it('prints an indented text outline', () => {
    const r = cli(['outline', path.join(FIXTURES, 'outline', 'restart.txt')]);
    assert.match(r.stdout, /^一、主要举措和成效 {2}\[3\]$/m);
    assert.match(r.stdout, /^ {4}1．健全工作机制 {2}\[5\]$/m);
  });
});
