/**
 * Issue 20: the quick fixes never write through a symbolic link (point 1), config, profile and
 * ignore files that are devices or FIFOs are refused (point 2), config error locations are linear
 * (point 5, third example), and every problem with a config, profile or ignore file is reported
 * (point 8). The core never touches the file system (issue 18). Hostile inputs are made here.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, analyze, runCliEnglish } from '../helpers';
import { parseConfigText } from '../../server/src/core/config/config';
import { loadConfigFor, ignoresFor } from '../../server/src/node/config-files';
import { runSuppression } from '../../server/src/lsp/suppress-actions';
import { IgnoreFilter } from '../../server/src/lsp/workspace-check';

const GAP = '一、甲\n三、丙\n';

function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-hcfg-')));
}

/** `check` with --force: auto mode skips texts that do not look like reports, and these tests use short texts. */
const cli = (args: string[], cwd: string) => runCliEnglish(args, cwd, { force: true });

describe('hardening: quick fixes never write through a symlink (#20.1)', () => {
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } };
  for (const [kind, name] of [
    ['occurrence', '.reportlint-ignore.json'],
    ['file', '.reportlint-ignore.json'],
    ['workspace', '.reportlintrc.json'],
  ] as const) {
    it(`"${kind}" refuses a ${name} that links outside the workspace; the target is unchanged`, () => {
      const outside = tmp();
      const ws = tmp();
      const victim = path.join(outside, 'victim.sh');
      fs.writeFileSync(victim, name.endsWith('rc.json') ? '{}\n' : '{"version":1,"ignores":[]}\n');
      const before = fs.readFileSync(victim, 'utf8');
      fs.symlinkSync(victim, path.join(ws, name));
      const report = path.join(ws, 'r.txt');
      fs.writeFileSync(report, GAP);
      assert.throws(() => runSuppression(kind, { uri: 'file://' + report, ruleId: 'numbering-gap', range }, analyze(GAP), report, [ws]));
      assert.equal(fs.readFileSync(victim, 'utf8'), before);
      assert.ok(fs.lstatSync(path.join(ws, name)).isSymbolicLink());
    });
  }

  it('writes a regular sidecar as before', () => {
    const ws = tmp();
    const report = path.join(ws, 'r.txt');
    fs.writeFileSync(report, GAP);
    const written = runSuppression('file', { uri: 'file://' + report, ruleId: 'numbering-gap', range }, analyze(GAP), report, [ws]);
    assert.deepEqual(JSON.parse(fs.readFileSync(written, 'utf8')).ignores, [{ rule: 'numbering-gap', file: 'r.txt' }]);
  });
});

describe('hardening: config, profile and ignore files that never end (#20.2)', () => {
  it('a profile that is /dev/zero, an ignore file that is a FIFO: refused at once, reported', (t) => {
    const ws = tmp();
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.json'));
    fs.writeFileSync(path.join(ws, '.reportlintrc.json'), '{"profiles": ["zero.json"]}');
    const t0 = Date.now();
    const config = loadConfigFor(path.join(ws, 'r.txt'));
    assert.ok(Date.now() - t0 < 2000);
    assert.match(config.errors.map((e) => e.message).join('\n'), /cannot read profile "zero\.json": not a regular file/);
    try {
      execFileSync('mkfifo', [path.join(ws, '.reportlintignore')]);
    } catch {
      return t.skip('mkfifo not available');
    }
    const filter = new IgnoreFilter([ws]);
    assert.equal(filter.ignores(path.join(ws, 'r.txt')), false);
    assert.deepEqual(filter.problems, [path.join(ws, '.reportlintignore')]);
  });
});

describe('hardening: config problems are located linearly (#20.3)', () => {
  it('100,000 unknown keys and 100,000 unknown rules: parsed in a few seconds at most on a loaded machine (was 28.7 s), answer bounded', () => {
    const keys = '{' + Array.from({ length: 100_000 }, (_, i) => `"k${i}": 1`).join(',') + '}';
    let t0 = performance.now();
    const a = parseConfigText(keys, 'rc');
    const keysMs = performance.now() - t0;
    const rules = '{"rules": {' + Array.from({ length: 100_000 }, (_, i) => `"rule-${i}": "off"`).join(',') + '}}';
    t0 = performance.now();
    const b = parseConfigText(rules, 'rc');
    const rulesMs = performance.now() - t0;
    assert.ok(keysMs < 4000, `unknown keys: ${keysMs.toFixed(0)} ms`);
    assert.ok(rulesMs < 4000, `unknown rules: ${rulesMs.toFixed(0)} ms`);
    assert.equal(a.errors.length, 101);
    assert.match(a.errors[100].message, /99900 more/);
    // Each located at its own key, not at the first occurrence of the text.
    assert.equal(keys.slice(a.errors[50].offset!, a.errors[50].offset! + a.errors[50].length!), '"k50"');
    assert.equal(b.errors.length, 101);
  });

  it('a key quoted inside a comment or a string does not take the error location', () => {
    const text = '{ // "profle" is misspelt below\n "x": "\\"profle\\"", "profle": "auto" }';
    const { errors } = parseConfigText(text, 'rc');
    const e = errors.find((x) => /profle/.test(x.message))!;
    assert.equal(text.slice(e.offset!, e.offset! + e.length!), '"profle"');
    assert.equal(e.offset, text.lastIndexOf('"profle"'));
  });
});

describe('hardening: every config, profile and ignore problem is reported (#20.6)', () => {
  it('an unknown rule id is an error naming the nearest known id; __proto__ and constructor keys are refused', () => {
    const text = '{"rules": {"numbering-gapp": "off", "__proto__": {"x": 1}, "constructor": "off"}, "__proto__": {"rules": {}}}';
    const { config, errors } = parseConfigText(text, 'rc');
    const messages = errors.map((e) => e.message);
    assert.ok(messages.includes('unknown rule "numbering-gapp" (did you mean "numbering-gap"?)'), messages.join('\n'));
    assert.ok(messages.some((m) => /"__proto__"/.test(m) && /not allowed/.test(m)));
    assert.ok(messages.some((m) => /"constructor"/.test(m) && /not allowed/.test(m)));
    assert.deepEqual(Object.keys(config.rules ?? {}), []);
    assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
  });

  it('a profile with a __proto__ key is refused with a reason', () => {
    const ws = tmp();
    fs.writeFileSync(path.join(ws, 'p.json'), '{"__proto__": {"id": "x"}}');
    fs.writeFileSync(path.join(ws, '.reportlintrc.json'), '{"profiles": ["p.json"]}');
    assert.match(loadConfigFor(path.join(ws, 'r.txt')).errors[0].message, /p\.json" is invalid: key "__proto__" is not allowed/);
  });

  it('a malformed, or unreadable, .reportlint-ignore.json is reported; the CLI exits 2 instead of 1', () => {
    const ws = tmp();
    fs.writeFileSync(path.join(ws, 'r.txt'), GAP);
    fs.writeFileSync(path.join(ws, '.reportlint-ignore.json'), '{"version": 1, "ignores": [{"rule": "numbering-gap", "file": "r.txt"}');
    const found = ignoresFor(path.join(ws, 'r.txt'));
    assert.ok(found.errors.length > 0);
    const r = cli(['check', 'r.txt'], ws);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\.reportlint-ignore\.json.*JSON/);
    fs.unlinkSync(path.join(ws, '.reportlint-ignore.json'));
    fs.mkdirSync(path.join(ws, '.reportlint-ignore.json'));
    const d = cli(['check', 'r.txt'], ws);
    assert.equal(d.code, 2, d.stderr);
    assert.match(d.stderr, /cannot read the ignore file \(not a regular file\)/);
  });

  it('a misspelt rule id in .reportlintrc.json fails the CLI run (exit 2) with the suggestion', () => {
    const ws = tmp();
    fs.writeFileSync(path.join(ws, 'r.txt'), '一、甲\n二、乙\n');
    fs.writeFileSync(path.join(ws, '.reportlintrc.json'), '{"rules": {"numbering-gap": "off", "numbring-gap": "off"}}');
    const r = cli(['check', 'r.txt'], ws);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /unknown rule "numbring-gap" \(did you mean "numbering-gap"\?\)/);
  });

  it('the core never touches the file system', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.ts$/.test(e.name) && /from '(node:)?(fs|fs\/promises|child_process|net|http|https)'|require\('(node:)?fs'\)/.test(fs.readFileSync(full, 'utf8'))) offenders.push(path.relative(REPO_ROOT, full));
      }
    };
    walk(path.join(REPO_ROOT, 'server', 'src', 'core'));
    assert.deepEqual(offenders, []);
  });
});
