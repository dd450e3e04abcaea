/**
 * The server caches the configuration per folder and reads it again only when the client's file
 * watchers report a change (workspace/didChangeWatchedFiles): a .reportlintrc.json, a custom
 * profile or a .reportlint-ignore.json change rechecks the open documents of that folder (and
 * below) and no others.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type ServerHarness } from './harness';

// Our own short report: a title, an opening, a numbering gap (一、 then 三、) and web-page furniture.
const REPORT = ['某街道办事处关于2023年度工作情况的报告', '', '2023年，本街道扎实推进各项工作，现将有关情况报告如下。', '一、主要做法', '三、下一步安排', '【打印本页】【关闭窗口】', ''].join('\n');
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

const codes = (d: Diagnostic[]) => d.map((x) => String(x.code));

describe('language server: configuration cached per folder, invalidated by watched files', () => {
  let server: ServerHarness;
  let root: string;
  let a: string;
  let b: string;
  let uriA: string;
  let uriB: string;
  let version = 1;

  const notify = (file: string, type: number) =>
    void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  /** No diagnostics for `uri` within `ms` (it was not checked again). */
  const quiet = async (uri: string, ms = 800) => {
    await assert.rejects(server.diagnostics(uri, undefined, ms), /no diagnostics/);
  };

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-cfgcache-')));
    a = path.join(root, 'a');
    b = path.join(root, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, 'r.txt'), REPORT);
    fs.writeFileSync(path.join(b, 'r.txt'), REPORT);
    uriA = pathToFileURL(path.join(a, 'r.txt')).href;
    uriB = pathToFileURL(path.join(b, 'r.txt')).href;
    server = await startServer({ rootUri: pathToFileURL(root).href });
    server.open(uriA, REPORT, 'reportlint');
    server.open(uriB, REPORT, 'reportlint');
    for (const uri of [uriA, uriB]) {
      const first = codes((await server.diagnostics(uri)).diagnostics);
      assert.ok(first.includes('numbering-gap') && first.includes('web-boilerplate'), first.join(' '));
    }
  });

  after(async () => {
    await server.stop();
  });

  it('a config file written on disk is not read again until the watcher reports it; then only its folder is rechecked', async () => {
    const rc = path.join(a, '.reportlintrc.json');
    fs.writeFileSync(rc, '{"rules": {"numbering-gap": "off"}}');
    // An edit checks with the cached configuration: the file on disk has not been reported yet.
    version++;
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriA, version }, contentChanges: [{ text: REPORT + '\n' }] });
    assert.ok(codes((await server.diagnostics(uriA, version)).diagnostics).includes('numbering-gap'), 'cached config used before the watcher event');
    notify(rc, CREATED);
    assert.ok(!codes((await server.diagnostics(uriA, version)).diagnostics).includes('numbering-gap'), 'the new config applies');
    await quiet(uriB);
  });

  it('an ignore file change rechecks the documents of its folder only', async () => {
    const sidecar = path.join(b, '.reportlint-ignore.json');
    fs.writeFileSync(sidecar, JSON.stringify({ version: 1, ignores: [{ rule: 'numbering-gap', file: 'r.txt' }] }));
    notify(sidecar, CREATED);
    assert.ok(!codes((await server.diagnostics(uriB)).diagnostics).includes('numbering-gap'), 'the sidecar applies');
    await quiet(uriA);
    fs.unlinkSync(sidecar);
    notify(sidecar, DELETED);
    assert.deepEqual((await server.diagnostics(pathToFileURL(sidecar).href)).diagnostics, [], 'a deleted sidecar keeps no diagnostics');
    assert.ok(codes((await server.diagnostics(uriB)).diagnostics).includes('numbering-gap'), 'the deleted sidecar no longer applies');
    await quiet(uriA);
  });

  it('a config file in a parent folder rechecks every folder below it', async () => {
    const rc = path.join(root, '.reportlintrc.json');
    fs.writeFileSync(rc, '{"rules": {"web-boilerplate": "off"}}');
    notify(rc, CREATED);
    const [da, db] = await Promise.all([server.diagnostics(uriA), server.diagnostics(uriB)]);
    assert.ok(!codes(da.diagnostics).includes('web-boilerplate'));
    assert.ok(!codes(db.diagnostics).includes('web-boilerplate'));
    // The nearer config in a/ still turns numbering-gap off there; b/ has none.
    assert.ok(!codes(da.diagnostics).includes('numbering-gap'));
    assert.ok(codes(db.diagnostics).includes('numbering-gap'));
    fs.unlinkSync(rc);
    notify(rc, DELETED);
    await Promise.all([server.diagnostics(uriA), server.diagnostics(uriB), server.diagnostics(pathToFileURL(rc).href)]);
  });

  it('a custom profile named by a config file is read again when it changes, wherever it lies', async () => {
    const profiles = path.join(root, 'profiles');
    fs.mkdirSync(profiles);
    const profileFile = path.join(profiles, 'street.reportlint-profile.json');
    // Not a valid profile: the config file gets a diagnostic naming it.
    fs.writeFileSync(profileFile, '{"id": 5}');
    const rc = path.join(b, '.reportlintrc.json');
    fs.writeFileSync(rc, JSON.stringify({ profiles: ['../profiles/street.reportlint-profile.json'] }));
    const rcUri = pathToFileURL(rc).href;
    notify(rc, CREATED);
    await server.diagnostics(uriB);
    const broken = await server.diagnostics(rcUri);
    assert.ok(broken.diagnostics.length > 0, 'the invalid profile is reported in the config file');
    await quiet(uriA);
    // Fixing the profile file: b/ (whose config read it) is read again and rechecked.
    fs.writeFileSync(profileFile, '{');
    notify(profileFile, CHANGED);
    await server.diagnostics(uriB);
    const again = await server.diagnostics(rcUri);
    assert.ok(again.diagnostics.length > 0);
    assert.notDeepEqual(again.diagnostics.map((d) => d.message), broken.diagnostics.map((d) => d.message), 'the profile was read again');
    await quiet(uriA);
  });
  it('closing a broken ignore file shows the problems of the file on disk again', async () => {
    const sidecar = path.join(b, '.reportlint-ignore.json');
    const uri = pathToFileURL(sidecar).href;
    fs.writeFileSync(sidecar, '{"version": 1, "ignores": [{"rule": 5}]}');
    notify(sidecar, CREATED);
    await server.diagnostics(uriB);
    assert.equal((await server.diagnostics(uri)).diagnostics.length, 1);
    // Opened (and fixed in the buffer, unsaved): checked from the buffer.
    server.open(uri, '{"version": 1, "ignores": []}', 'json');
    assert.deepEqual((await server.diagnostics(uri, 1)).diagnostics, []);
    // Closed without saving: cleared, then the file on disk is reported again.
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await server.diagnostics(uri)).diagnostics, []);
    assert.equal((await server.diagnostics(uri)).diagnostics.length, 1);
    fs.unlinkSync(sidecar);
    notify(sidecar, DELETED);
    assert.deepEqual((await server.diagnostics(uri)).diagnostics, [], 'a deleted file keeps no problems');
    await server.diagnostics(uriB);
  });
  it('a custom profile with another name is watched on request (client/registerCapability)', async () => {
    const c = path.join(root, 'c');
    fs.mkdirSync(c);
    fs.writeFileSync(path.join(c, 'street.json'), '{"id": 5}');
    fs.writeFileSync(path.join(c, '.reportlintrc.json'), JSON.stringify({ profiles: ['street.json'] }));
    const uriC = pathToFileURL(path.join(c, 'r.txt')).href;
    server.open(uriC, REPORT, 'reportlint');
    await server.diagnostics(uriC);
    type Watchers = { watchers: { globPattern: { baseUri: string; pattern: string } }[] };
    const watched = server.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as Watchers).watchers.map((w) => w.globPattern));
    assert.deepEqual(watched, [{ baseUri: pathToFileURL(c).href, pattern: 'street.json' }], 'only the profile the client does not watch already');
  });
});
