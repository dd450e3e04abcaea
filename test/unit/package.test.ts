/**
 * The .vsix that `npm run package` builds: what is inside, how big it is, and what its manifest
 * declares. Lists the real zip entries (yauzl), not vsce's idea of them.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import * as yauzl from 'yauzl';
import { REPO_ROOT } from '../helpers';

interface Manifest {
  name: string;
  version: string;
  icon?: string;
  main: string;
  categories: string[];
  keywords: string[];
  activationEvents: string[];
  contributes: { snippets?: unknown[]; languages?: { id: string }[] };
}

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The bundles are most of it (the server carries OpenCC's tables); a jump past this deserves a look. */
const MAX_SIZE = 1.5 * 1024 * 1024;

describe('npm run package (.vsix)', { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-package-test-'));
  const repoPkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const vsix = path.join(dir, `${repoPkg.name}-${repoPkg.version}.vsix`);
  let entries: Map<string, Buffer>;
  let names: string[];
  let manifest: Manifest;

  before(async () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    entries = await readZip(vsix);
    names = [...entries.keys()].sort();
    manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`is small (under ${MAX_SIZE / 1024} KiB)`, () => {
    const size = fs.statSync(vsix).size;
    const biggest = [...entries].sort((a, b) => b[1].length - a[1].length).slice(0, 5).map(([n, b]) => `${n} ${b.length}`);
    assert.ok(size < MAX_SIZE, `${size} bytes; largest entries (uncompressed): ${biggest.join(', ')}`);
  });

  it('contains the bundles, the manifest, its translations and the documents', () => {
    for (const f of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/language-configuration.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
    ]) {
      assert.ok(names.includes(f), `${f} missing from the package: ${names.join(', ')}`);
    }
    assert.ok(manifest.icon && names.includes(`extension/${manifest.icon}`), `icon ${manifest.icon} missing`);
    assert.equal(manifest.main, './dist/client.js');
  });

  it('contains every runtime folder the repository has (l10n, snippets, syntaxes, schemas)', () => {
    for (const folder of ['l10n', 'snippets', 'syntaxes', 'schemas']) {
      const src = path.join(REPO_ROOT, folder);
      if (!fs.existsSync(src)) continue;
      for (const f of fs.readdirSync(src).filter((n) => n.endsWith('.json'))) {
        assert.ok(names.includes(`extension/${folder}/${f}`), `${folder}/${f} missing from the package`);
      }
    }
  });

  it('contains no dependencies, sources, tests, build output other than the bundles, or maps', () => {
    const bad = names.filter(
      (n) =>
        /(^|\/)node_modules\//.test(n) ||
        /\.(ts|map|mjs|vsix)$/.test(n) ||
        /^extension\/(client|server|test|out|scripts|bin|examples|\.ci|\.test-output)\//.test(n) ||
        (n.startsWith('extension/dist/') && !/^extension\/dist\/(client|server)\.js$/.test(n)),
    );
    assert.deepEqual(bad, []);
  });

  it('the client bundle is self-contained: only `vscode` and Node built-ins are required', () => {
    const client = entries.get('extension/dist/client.js')!.toString('utf8');
    const required = new Set([...client.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    const builtins = new Set(require('module').builtinModules as string[]);
    const foreign = [...required].filter((m) => m !== 'vscode' && !builtins.has(m.replace(/^node:/, '')));
    assert.deepEqual(foreign, []);
  });

  it('the bundles are ASCII-only, so that V8 holds each as a one-byte string (scripts/build.mjs)', () => {
    for (const name of ['extension/dist/client.js', 'extension/dist/server.js']) {
      const code = entries.get(name)!.toString('utf8');
      const at = code.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${name}: non-ASCII ${JSON.stringify(code.slice(Math.max(0, at - 40), at + 10))}`);
    }
  });

  it('declares categories, Chinese and English keywords, and only the activation events it needs', () => {
    assert.ok(manifest.categories.includes('Linters'), JSON.stringify(manifest.categories));
    if (manifest.contributes.snippets?.length) assert.ok(manifest.categories.includes('Snippets'));
    assert.ok(manifest.keywords.some((k) => /[\u4e00-\u9fff]/.test(k)), 'a Chinese keyword');
    assert.ok(manifest.keywords.some((k) => /^[a-z]/i.test(k)), 'an English keyword');
    assert.ok(manifest.keywords.length <= 30, 'the Marketplace accepts at most 30 keywords');
    // The contributed `reportlint` language activates by itself (VS Code derives onLanguage for it);
    // plain text and Markdown need theirs. Nothing broader.
    assert.ok(!manifest.activationEvents.includes('*'), 'no * activation');
    for (const e of manifest.activationEvents) assert.match(e, /^onLanguage:(plaintext|markdown)$/);
  });
});
