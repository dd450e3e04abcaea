import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers';
import { startServer, type ServerHarness } from './harness';

describe('language server: figures', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('answers reportlint/stats with coverage, claims and a Markdown table', async () => {
    const uri = 'file:///virtual/%E6%8A%A5%E5%91%8A-stats.txt';
    server.open(uri, readFixture('figures/stats.txt'));
    const diags = await server.diagnostics(uri);
    const rm = diags.diagnostics.filter((d) => d.code === 'rate-mismatch');
    assert.equal(rm.length, 1);
    assert.equal(rm[0].range.start.line, 4);
    const stats = (await server.connection.sendRequest('reportlint/stats', { uri })) as {
      uri: string;
      coverage: Record<string, number>;
      claims: Array<{ name: string; verdict: string }>;
      markdown: string;
    };
    assert.equal(stats.uri, uri);
    assert.deepEqual(stats.coverage, { figures: 8, claims: 3, checkable: 2, consistent: 1, inconsistent: 1, unverifiable: 1 });
    assert.deepEqual(stats.claims.map((c) => c.verdict), ['consistent', 'inconsistent', 'unverifiable']);
    assert.match(stats.markdown, /# 数据核对表 — 报告-stats\.txt/);
    assert.equal(await server.connection.sendRequest('reportlint/stats', { uri: 'file:///virtual/not-open.txt' }), null);
  });

  it('hovers on a consistent figure with its working', async () => {
    const uri = 'file:///virtual/report-hover.txt';
    const text = readFixture('figures/stats.txt');
    server.open(uri, text);
    await server.diagnostics(uri);
    const line = text.split('\n')[3];
    const hover = (await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: line.indexOf('97.27') + 1 },
    })) as Hover | null;
    assert.ok(hover, 'no hover');
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /498 ÷ 512 = 97\.265…%/);
    assert.match(value, /97\.27%/);
  });
});
