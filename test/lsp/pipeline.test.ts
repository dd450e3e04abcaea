import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers';
import { startServer, type ServerHarness } from './harness';

/** Every publication for `uri`, in arrival order, until `version` arrives (then nothing more within `quietMs`). */
async function publicationsUntil(server: ServerHarness, uri: string, version: number, quietMs = 400): Promise<PublishDiagnosticsParams[]> {
  const seen: PublishDiagnosticsParams[] = [];
  for (;;) {
    const p = await server.diagnostics(uri, undefined, 20_000);
    seen.push(p);
    if (p.version === version) break;
  }
  // Nothing may follow the newest version (a stale check finishing late would show up here).
  const late = await server.diagnostics(uri, undefined, quietMs).then(
    (p) => p,
    () => null,
  );
  if (late) seen.push(late);
  return seen;
}

const strip = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity }));

describe('language server: checking pipeline', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer({ settings: { enable: 'always' } });
  });
  after(async () => {
    await server.stop();
  });

  it('rapid incremental changes: versions are published in order, the newest last, and match a fresh check', async () => {
    const uri = 'file:///virtual/rapid.txt';
    let text = readFixture('outline/restart.txt');
    server.open(uri, text, 'plaintext', 1);
    await server.diagnostics(uri, 1);
    const lines = text.split('\n');
    let version = 1;
    // Twenty-nine edits without waiting: typing at the end of the third line, and renumbering a heading.
    for (let i = 0; i < 29; i++) {
      version++;
      const line = i % 5 === 4 ? lines.findIndex((l) => l.startsWith('二、') || l.startsWith('四、')) : 2;
      let change;
      if (i % 5 === 4) {
        const marker = lines[line].slice(0, 2);
        const replacement = marker === '二、' ? '四、' : '二、';
        change = { range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: replacement };
        lines[line] = replacement + lines[line].slice(2);
      } else {
        const character = lines[line].length;
        change = { range: { start: { line, character }, end: { line, character } }, text: '某' };
        lines[line] += '某';
      }
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    text = lines.join('\n');
    const seen = await publicationsUntil(server, uri, version);
    const versions = seen.map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published out of order: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], version, `the newest version is published last: ${versions.join(', ')}`);
    assert.ok(versions.length < 29, `superseded versions were not all checked: ${versions.join(', ')}`);

    const fresh = 'file:///virtual/rapid-fresh.txt';
    server.open(fresh, text, 'plaintext', 1);
    assert.deepEqual(strip(seen[seen.length - 1]), strip(await server.diagnostics(fresh, 1)));
    assert.ok(seen[seen.length - 1].diagnostics.some((d) => d.code === 'numbering-gap'));
  });

  it('a change while a large document is being checked supersedes the older version', async () => {
    const uri = 'file:///virtual/large.txt';
    const unit = readFixture('outline/restart.txt');
    const big = Array.from({ length: 100 }, (_, i) => (i === 0 ? unit : unit.replace(/^.*\n/, ''))).join('\n');
    server.open(uri, big, 'plaintext', 1);
    const insertAt = { line: 2, character: 0 };
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: insertAt, end: insertAt }, text: '某' }],
    });
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: insertAt, end: insertAt }, text: '某' }],
    });
    const seen = await publicationsUntil(server, uri, 3);
    const versions = seen.map((p) => p.version);
    assert.ok(!versions.includes(2), `version 2 was superseded before its debounce ended: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], 3);
  });
});
