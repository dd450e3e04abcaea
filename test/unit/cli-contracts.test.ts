/**
 * Issue #17, the command line as people use it: every test drives the built bin/reportlint.js.
 * (Point 3, folder walks and broken links, is covered with the file access module; point 10,
 * worker threads, with the parallel runner; point 9, the README, in readme.test.ts.)
 */
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { REPORT_FILE_NAME, REPORT_FIRST_LINE } from '../../server/src/core/config/check-decision';
import { safeFixRules } from '../../server/src/core/features/safe-fixes';
import { ALL_RULES } from '../../server/src/core/rules';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
type Env = Record<string, string>;

function cli(args: string[], opts: { input?: string; cwd?: string; env?: Env } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input,
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '', REPORTLINT_JOBS: '1', ...(opts.env ?? {}) },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-contracts-'));
}

/** A small report of our own: a title with the year, an opening, the mandated parts. */
function report(opts: { year?: number | null; title?: boolean; body?: string[] } = {}): string {
  const year = opts.year === undefined ? 2023 : opts.year;
  const lines: string[] = [];
  if (opts.title !== false) lines.push(`某镇人民政府关于${year ?? ''}年度法治政府建设情况的报告`);
  lines.push(`${year ? `${year}年，` : ''}镇政府认真落实法治政府建设各项任务。现将有关情况报告如下：`);
  lines.push('一、主要举措和成效', '（一）加强组织领导', '1．健全制度。召开专题会议3次。', ...(opts.body ?? []));
  lines.push('二、党政主要负责人履行推进法治建设第一责任人职责情况', '镇党委书记、镇长带头学法，专题研究法治工作2次。');
  lines.push('三、存在的不足和原因', '一是执法力量不足，二是宣传不够深入。究其原因，主要是统筹不够。');
  lines.push('四、下一年度工作安排', '继续加强法治政府建设。', '五、其他需要报告的情况', '无。', '某镇人民政府', `${(year ?? 2023) + 1}年2月1日`);
  return lines.join('\n') + '\n';
}

/** Runs the CLI with its stdout piped, reads `bytes` then closes the pipe, as `| head -c` does. */
function runClosingEarly(args: string[], bytes: number): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= bytes) child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('cli (#17.1): output that survives its reader', () => {
  const dir = tmpdir();
  // Enough findings for many pipe buffers of JSON.
  const body = Array.from({ length: 400 }, (_, i) => `${i + 2}．推进工作，落实区(qū)级任务,完成整改。`);
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `第${i}号报告.txt`), report({ body }));

  it('a reader that goes away (EPIPE) ends the run quietly, with the exit code it would have had', async () => {
    const expected = cli(['check', '--fail-on', 'warning', '--format', 'json', dir]).code;
    assert.equal(expected, 1);
    for (const format of ['json', 'sarif', 'text']) {
      const r = await runClosingEarly(['check', '--fail-on', 'warning', '--format', format, dir], 1);
      assert.equal(r.code, expected, `${format}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /EPIPE|Error|at \w+ \(/, format);
    }
    const stats = await runClosingEarly(['stats', '--format', 'json', dir], 1);
    assert.equal(stats.code, 0, stats.stderr);
    assert.doesNotMatch(stats.stderr, /EPIPE|Error/);
  });

  it('any other write failure (a full disk) is an I/O failure: exit 2 and one line on stderr', { skip: !fs.existsSync('/dev/full') && 'no /dev/full' }, () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'sarif', dir], { stdio: ['ignore', full, 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, encoding: 'utf8' });
      assert.equal(r.status, 2);
      const lines = r.stderr.trim().split('\n').filter((l) => !/^Checked/.test(l));
      assert.deepEqual(lines, ['reportlint: cannot write the output: ENOSPC']);
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('cli (#17.2): outline and stats take several files and folders', () => {
  const dir = tmpdir();
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'a报告.txt'), report({ year: 2022 }));
  fs.writeFileSync(path.join(dir, 'sub', 'b报告.txt'), report({ year: 2023 }));
  fs.writeFileSync(path.join(dir, 'sub', 'c报告.md'), report({ year: 2024 }));
  const single = path.join(dir, 'a报告.txt');

  it('outline --format json: one entry per file, as check', () => {
    const r = cli(['outline', '--format', 'json', dir, single]);
    assert.equal(r.code, 0, r.stderr);
    const files = JSON.parse(r.stdout).files as { path: string; title: string; sections: unknown[] }[];
    assert.equal(files.length, 3, 'a file named twice is read once');
    assert.deepEqual(files.map((f) => f.title.match(/\d{4}/)?.[0]).sort(), ['2022', '2023', '2024']);
    for (const f of files) assert.ok(f.sections.length >= 3, f.path);
  });

  it('outline text: every file under its path, with the [N] line numbers explained once', () => {
    const r = cli(['outline', dir]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '（方括号中的数字为标题所在行号）');
    for (const name of ['a报告.txt', path.join('sub', 'b报告.txt'), path.join('sub', 'c报告.md')]) assert.ok(lines.includes(path.join(dir, name)), name);
    assert.equal(lines.filter((l) => /^一、主要举措和成效 {2}\[3\]$/.test(l)).length, 3, 'line 3 of each file, in brackets');
    assert.match(cli(['outline', '--locale', 'en', single]).stdout, /^\(the number in brackets is the line of the heading\)\n/);
  });

  it('stats: JSON one entry per file; several paths', () => {
    const r = cli(['stats', '--format', 'json', path.join(dir, 'sub'), single]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).files.length, 3);
  });
});

describe('cli (#17.4): arguments', () => {
  const dir = tmpdir();
  const dash = path.join(dir, '-报告.txt');
  fs.writeFileSync(dash, report());
  const gap = path.join(dir, 'gap报告.txt');
  fs.writeFileSync(gap, report().replace('五、其他需要报告的情况', '六、其他需要报告的情况'));

  it('--opt=value, -- before a path that starts with a dash, bundled short flags', () => {
    const eq = cli(['check', '--format=json', gap]);
    assert.equal(eq.code, 1, eq.stderr);
    assert.equal(JSON.parse(eq.stdout).files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'numbering-gap'), true);
    const dd = cli(['check', '--format', 'json', '--', '-报告.txt'], { cwd: dir });
    assert.equal(dd.code, 0, dd.stderr);
    assert.equal(JSON.parse(dd.stdout).files[0].path, '-报告.txt');
    const bundled = cli(['check', '-sfjson', gap]);
    assert.equal(JSON.parse(bundled.stdout).files.length, 1, bundled.stderr);
    const dryRun = cli(['fix', '-n', gap]);
    assert.equal(dryRun.code, 0, dryRun.stderr);
  });

  it('a usage error is one line that points at --help, never the whole help', () => {
    for (const args of [['check', '--bogus', gap], ['check'], ['frobnicate'], [], ['check', '--format'], ['check', '--format', 'xml', gap], ['outline', '--fail-on', 'error', gap], ['check', '--summary=yes', gap], ['stats', '--format', 'sarif', gap], ['check', '--max-per-rule', 'lots', gap], ['fix', '-', gap]]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(lines[0], /^reportlint: .*（用法见 `reportlint --help`）$/);
    }
  });

  it('the help lists exactly what is accepted', () => {
    const help = cli(['--help']);
    assert.equal(help.code, 0);
    const failOn = /--fail-on ([a-z|]+)/.exec(help.stdout)![1].split('|');
    assert.deepEqual(failOn, ['error', 'warning', 'info', 'hint']);
    for (const v of failOn) assert.notEqual(cli(['check', '--fail-on', v, gap]).code, 2, v);
    assert.equal(cli(['check', '--fail-on', 'notice', gap]).code, 2);
    // Per command: the --format line under it.
    for (const cmd of ['check', 'outline', 'stats']) {
      const block = help.stdout.slice(help.stdout.indexOf(`reportlint ${cmd} `));
      const formats = /--format ([a-z|]+)/.exec(block)![1].split('|');
      for (const f of formats) assert.notEqual(cli([cmd, '--format', f, gap]).code, 2, `${cmd} ${f}`);
      for (const f of ['text', 'json', 'sarif', 'csv'].filter((x) => !formats.includes(x))) assert.equal(cli([cmd, '--format', f, gap]).code, 2, `${cmd} ${f}`);
    }
    // Every long option the help names is one the parser knows.
    for (const opt of new Set(help.stdout.match(/--[a-z][a-z-]+/g))) {
      const r = cli(['check', opt]);
      assert.doesNotMatch(r.stderr, /未知选项/, opt);
    }
    assert.match(cli(['--help'], { env: { LANG: 'en_US.UTF-8' } }).stdout, /^Usage:/);
  });

  it('a bad --locale is reported in the environment\'s locale', () => {
    const en = cli(['check', '--locale', 'fr', gap], { env: { LANG: 'en_US.UTF-8' } });
    assert.equal(en.code, 2);
    assert.equal(en.stderr, 'reportlint: invalid value for --locale: fr (allowed: zh-cn|en) (see `reportlint --help`)\n');
    const zh = cli(['check', '--locale', 'fr', gap]);
    assert.match(zh.stderr, /^reportlint: 选项 --locale 的值无效：fr/);
  });

  it('config problems are reported in the chosen locale, details included', () => {
    const cfgDir = tmpdir();
    fs.writeFileSync(path.join(cfgDir, '.reportlintrc.json'), '{ "rules": { "numbering-gap": "loud", "numbering-gapp": "off" }, "colour": 1 }');
    fs.writeFileSync(path.join(cfgDir, '某报告.txt'), report());
    const zh = cli(['check', path.join(cfgDir, '某报告.txt')]);
    assert.equal(zh.code, 2);
    const problems = zh.stderr.split('\n').filter((l) => l.includes('.reportlintrc.json'));
    assert.deepEqual(problems.map((l) => l.slice(l.indexOf('：') + 1)), [
      '配置有误，已忽略该项：规则“numbering-gap”：级别必须是 error、warning、info、hint 或 off 之一',
      '配置有误，已忽略该项：未知规则“numbering-gapp”（是否要写“numbering-gap”？）',
      '配置有误，已忽略该项：未知的键“colour”',
    ]);
    const en = cli(['check', '--locale', 'en', path.join(cfgDir, '某报告.txt')]);
    assert.match(en.stderr, /config problem, ignored: unknown key "colour"/);
    fs.writeFileSync(path.join(cfgDir, '.reportlintrc.json'), '{ "rules": { ');
    assert.match(cli(['check', path.join(cfgDir, '某报告.txt')]).stderr, /配置有误，已忽略该项：JSON 格式错误：/);
  });
});

describe('cli (#17.5): one auto-mode decision for the CLI and the editor', () => {
  it('a Markdown README that quotes damaged text is not checked in a folder run; --force checks it', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'README.md'), '# 说明\n\n乱码示例：锟斤拷烫烫烫，用于演示。\n');
    fs.writeFileSync(path.join(dir, '总结报告.txt'), report());
    const auto = cli(['check', '--format', 'json', dir]);
    assert.equal(auto.code, 0, auto.stderr);
    assert.deepEqual(JSON.parse(auto.stdout).files.map((f: { path: string }) => path.basename(f.path)), ['总结报告.txt']);
    assert.match(auto.stderr, /README\.md：看起来不是报告，未检查（--force 可强制检查）/);
    const forced = cli(['check', '--force', '--format', 'json', dir]);
    assert.equal(forced.code, 1);
    const readme = JSON.parse(forced.stdout).files.find((f: { path: string }) => f.path.endsWith('README.md'));
    assert.ok(readme.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'encoding-damage'));
  });

  it('named or headed like a report: checked as one, as VS Code gives it the ReportLint language', () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, '草稿报告.txt'), '一、甲\n三、丙\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), '一、甲\n三、丙\n');
    const r = cli(['check', '--format', 'json', dir]);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => path.basename(f.path)), ['草稿报告.txt']);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { languages: { id: string; firstLine?: string; filenamePatterns?: string[]; extensions?: string[] }[] } };
    const lang = pkg.contributes.languages.find((l) => l.id === 'reportlint')!;
    assert.equal(REPORT_FIRST_LINE.source, lang.firstLine, 'core/check-decision.ts and package.json firstLine agree');
    for (const p of lang.filenamePatterns ?? []) assert.ok(REPORT_FILE_NAME.test(p.replace('*', '某区').replace('*', '2024')), p);
    for (const e of lang.extensions ?? []) assert.ok(REPORT_FILE_NAME.test(`x${e}`), e);
  });

  it('the language server makes the same decision (it calls core checkDecision)', () => {
    const server = fs.readFileSync(path.join(REPO_ROOT, 'server', 'src', 'server.ts'), 'utf8');
    assert.match(server, /checkDecision\(\{ mode, analysis, path: doc\.uri/);
    assert.doesNotMatch(server, /\[报報\]告/, 'no second copy of the report file name pattern in server.ts');
  });
});

describe('cli (#17.6): --summary and --max-per-rule', () => {
  const dir = tmpdir();
  const residue = Array.from({ length: 25 }, (_, i) => `${i + 2}．落实區(qū)级任务第${i + 1}项。`);
  const noisy = path.join(dir, '噪声报告.txt');
  fs.writeFileSync(noisy, report({ body: residue }).replace('五、其他需要报告的情况', '六、其他需要报告的情况'));

  it('by default, a rule with more than 20 findings in a file is counted, the other rules listed in full', () => {
    const r = cli(['check', noisy]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /噪声报告\.txt：\d+ 个问题，按规则：pinyin-residue 25（警告）、.*numbering-gap 1（错误）/);
    assert.ok(lines.some((l) => /:\d+:1 错误 numbering-gap /.test(l)), 'the real error is shown');
    assert.ok(!lines.some((l) => / pinyin-residue 汉字/.test(l)), 'the 25 warnings are not');
    assert.match(lines.at(-1)!, /pinyin-residue 的 25 个问题未逐条列出/);
  });

  it('--no-summary lists everything; --max-per-rule moves the threshold; --summary always summarises', () => {
    const full = cli(['check', '--no-summary', noisy]).stdout.trimEnd().split('\n');
    assert.equal(full.filter((l) => l.includes(' pinyin-residue ')).length, 25);
    assert.ok(!full.some((l) => l.includes('按规则')));
    const raised = cli(['check', '--max-per-rule', '30', noisy]).stdout;
    assert.equal(raised.split('\n').filter((l) => l.includes(' pinyin-residue ')).length, 25);
    const lowered = cli(['check', '--max-per-rule', '0', '--summary', noisy]).stdout.trimEnd().split('\n');
    assert.match(lowered[0], /按规则/);
    assert.ok(lowered.slice(1).every((l) => /未逐条列出/.test(l)), lowered.join('\n'));
    const json = JSON.parse(cli(['check', '--format', 'json', noisy]).stdout);
    assert.equal(json.files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'pinyin-residue').length, 25, 'JSON is never summarised');
  });

  it('the exit code does not depend on the display', () => {
    assert.equal(cli(['check', '--max-per-rule', '0', '--summary', noisy]).code, 1);
    const warningsOnly = path.join(dir, 'w报告.txt');
    fs.writeFileSync(warningsOnly, report({ body: residue }));
    assert.equal(cli(['check', warningsOnly]).code, 0, 'warnings only: below the default --fail-on');
    assert.equal(cli(['check', '--fail-on', 'warning', warningsOnly]).code, 1);
  });
});

describe('cli (#17.7): the statistics CSV opens in Excel', () => {
  it('starts with a UTF-8 byte order mark; --no-bom leaves it out', () => {
    const dir = tmpdir();
    const f = path.join(dir, '数据报告.txt');
    fs.writeFileSync(f, report({ body: ['2．全年受理案件120件，办结96件，办结率80%。'] }));
    const withBom = spawnSync(process.execPath, [BIN, 'stats', '--format', 'csv', f]);
    assert.equal(withBom.status, 0);
    assert.deepEqual([...withBom.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(withBom.stdout.subarray(3).toString('utf8'), /^path,/);
    const without = spawnSync(process.execPath, [BIN, 'stats', '--format', 'csv', '--no-bom', f]);
    assert.match(without.stdout.toString('utf8'), /^path,/);
    assert.equal(cli(['stats', '--no-bom', '--format', 'json', f]).code, 0, 'accepted, irrelevant for json');
    assert.equal(cli(['check', '--no-bom', f]).code, 2, 'not an option of check');
  });
});

describe('cli (#17.8): messages use the report\'s own year', () => {
  it('missing-title suggests a title with the year the report is about, or 20XX', () => {
    const dir = tmpdir();
    const f2019 = path.join(dir, 'a报告.txt');
    fs.writeFileSync(f2019, report({ year: 2019, title: false }));
    const r = cli(['check', '--format', 'json', f2019]);
    const msg = JSON.parse(r.stdout).files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'missing-title').message as string;
    assert.match(msg, /关于2019年度法治政府建设情况的报告/);
    const none = path.join(dir, 'b报告.txt');
    fs.writeFileSync(none, report({ year: null, title: false }));
    const msg2 = JSON.parse(cli(['check', '--format', 'json', none]).stdout).files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'missing-title').message as string;
    assert.match(msg2, /关于20XX年度/);
  });
});

describe('cli: fix applies the safe fixes', () => {
  const residue = ['2．落实區(qū)级任务,推进發(fā)展。', '3．完善制度，加强监督。'];

  it('the safe set comes from rule metadata: pinyin residue and full-width punctuation', () => {
    assert.deepEqual(safeFixRules().map((r) => r.meta.id).sort(), ['pinyin-residue', 'punctuation-width']);
    for (const r of ALL_RULES) if (r.meta.safeFix) assert.ok(r.fixAll && r.meta.fixable, r.meta.id);
  });

  it('--dry-run prints a unified diff and writes nothing; fix writes in place, atomically', () => {
    const dir = tmpdir();
    const f = path.join(dir, '修复报告.txt');
    const before = report({ body: residue });
    fs.writeFileSync(f, before, { mode: 0o640 });
    const dry = cli(['fix', '--dry-run', f]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(fs.readFileSync(f, 'utf8'), before);
    const esc = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(dry.stdout, new RegExp(`^--- ${esc}\t?.*\n\\+\\+\\+ ${esc}\t?.*\n@@ `));
    assert.match(dry.stdout, /^-2．落实區\(qū\)级任务,推进發\(fā\)展。$/m);
    assert.match(dry.stdout, /^\+2．落实區级任务，推进發展。$/m);
    assert.match(dry.stderr, /可修复 3 处（--dry-run，未写入）/);
    const inode = fs.statSync(f).ino;
    const r = cli(['fix', f]);
    assert.equal(r.code, 0, r.stderr);
    const after = fs.readFileSync(f, 'utf8');
    assert.equal(after, before.replace('區(qū)', '區').replace('發(fā)', '發').replace('任务,推进', '任务，推进'));
    assert.notEqual(fs.statSync(f).ino, inode, 'replaced by rename, not rewritten in place');
    assert.equal(fs.statSync(f).mode & 0o777, 0o640, 'permissions kept');
    assert.deepEqual(fs.readdirSync(dir), ['修复报告.txt'], 'no temporary file left');
    const recheck = JSON.parse(cli(['check', '--format', 'json', f]).stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    assert.ok(!recheck.includes('pinyin-residue') && !recheck.includes('punctuation-width'), recheck.join());
    assert.match(cli(['fix', f]).stderr, /没有可自动修复的内容/);
  });

  it('jsdiff is loaded only when --dry-run prints a diff, not when the fix command module loads', () => {
    const outModule = (file: string) => JSON.stringify(path.join(__dirname, '..', '..', 'server', 'src', 'cli', file));
    const diffLoaded = `process.stdout.write(String(Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]diff[\\\\/]/.test(k))))`;
    const probe = (script: string) => spawnSync(process.execPath, ['-e', `const fix = require(${outModule('fix.js')}); const args = require(${outModule('args.js')}); ${script}`], { encoding: 'utf8' });
    const atLoad = probe(diffLoaded);
    assert.equal(atLoad.stdout, 'false', atLoad.stderr);
    // The same probe sees it once a dry run has printed a diff (so the probe itself can fail).
    const f = path.join(tmpdir(), '甲报告.txt');
    fs.writeFileSync(f, report({ body: residue }));
    const io = '{ stdout: () => undefined, stderr: () => undefined, readStdin: async () => null, env: {} }';
    const afterDry = probe(`fix.runFix(args.parseCommandLine(['fix', '--dry-run', ${JSON.stringify(f)}], {}).options, ${io}).then(() => { ${diffLoaded}; })`);
    assert.equal(afterDry.stdout, 'true', afterDry.stderr);
  });

  it('the --dry-run diff is a real patch: patch -p0 turns the file into what fix writes', { skip: spawnSync('patch', ['--version']).status !== 0 && 'no patch(1)' }, () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, '甲报告.txt'), report({ body: residue }));
    const diff = cli(['fix', '--dry-run', '甲报告.txt'], { cwd: dir }).stdout;
    const patched = spawnSync('patch', ['-p0', '--dry-run', '-o', '-'], { cwd: dir, input: diff, encoding: 'utf8' });
    assert.equal(patched.status, 0, patched.stderr);
    assert.equal(cli(['fix', '甲报告.txt'], { cwd: dir }).code, 0);
    assert.ok(patched.stdout.endsWith(fs.readFileSync(path.join(dir, '甲报告.txt'), 'utf8')), patched.stdout);
  });

  it('--rules limits the fixes; an unknown or unsafe rule is a usage error', () => {
    const dir = tmpdir();
    const f = path.join(dir, '部分报告.txt');
    fs.writeFileSync(f, report({ body: residue }));
    assert.equal(cli(['fix', '--rules', 'pinyin-residue', f]).code, 0);
    const text = fs.readFileSync(f, 'utf8');
    assert.ok(!text.includes('(qū)') && text.includes('任务,推进'), 'punctuation left alone');
    const bad = cli(['fix', '--rules', 'numbering-gap', f]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /numbering-gap.*可用：pinyin-residue,punctuation-width/);
  });

  it('keeps the file\'s encoding and never writes through a symbolic link', () => {
    const dir = tmpdir();
    const gbk = path.join(dir, 'gbk报告.txt');
    fs.writeFileSync(gbk, iconv.encode(report({ body: residue }), 'gbk'));
    assert.equal(cli(['fix', gbk]).code, 0);
    const back = iconv.decode(fs.readFileSync(gbk), 'gb18030');
    assert.ok(back.includes('2．落实區级任务，推进發展。'), back);
    assert.ok(!fs.readFileSync(gbk).toString('latin1').startsWith('\xef\xbb\xbf'), 'still GBK, no UTF-8 BOM added');
    const target = path.join(dir, 'target.txt');
    fs.writeFileSync(target, report({ body: residue }));
    const link = path.join(dir, 'link报告.txt');
    fs.symlinkSync(target, link);
    const before = fs.readFileSync(target, 'utf8');
    const r = cli(['fix', link]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(fs.readFileSync(target, 'utf8'), before);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });
});
