/**
 * The language server under stress (issue 8): it keeps serving after a rule throws, and it
 * answers requests on other documents while pathological documents are open. The time
 * bounds are generous timeouts (the point is that it answers rather than stalls), not
 * speed targets.
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type ServerHarness } from './harness';

const SMALL = '2024年,某局坚持依法行政。现将有关情况报告如下:\n一、甲\n三、丙\n';

async function symbols(server: ServerHarness, uri: string): Promise<DocumentSymbol[]> {
  return (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
}

describe('language server: a rule that throws', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer({ env: { REPORTLINT_TEST_MODE: 'throwing-rule' } });
  });
  after(async () => {
    await server.stop();
  });

  it('publishes the other findings plus one failure finding, logs the rule id, and keeps serving', async () => {
    const uri = 'file:///virtual/throw-a.txt';
    server.open(uri, SMALL, 'plaintext', 1);
    const d1 = await server.diagnostics(uri, 1);
    assert.deepEqual(d1.diagnostics.map((d) => d.code).sort(), ['internal-rule-failure', 'numbering-gap']);
    const failure = d1.diagnostics.find((d) => d.code === 'internal-rule-failure')!;
    assert.match(String(failure.message), /test-throwing-rule/);
    assert.ok(server.logs.some((l) => l.includes('rule test-throwing-rule failed on file:///virtual/throw-a.txt')), server.logs.join('\n'));

    // Still serving: an edit is re-checked, another document is checked, requests are answered.
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: SMALL.replace('三、', '二、') }],
    });
    const d2 = await server.diagnostics(uri, 2);
    assert.deepEqual(d2.diagnostics.map((d) => d.code), ['internal-rule-failure']);
    const other = 'file:///virtual/throw-b.txt';
    server.open(other, SMALL, 'plaintext', 1);
    assert.equal((await server.diagnostics(other, 1)).diagnostics.filter((d) => d.code === 'internal-rule-failure').length, 1);
    assert.deepEqual((await symbols(server, other)).map((s) => s.name), ['一、甲', '三、丙']);
  });
});

describe('language server: pathological documents', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('answers on another document while giant and pathological documents are being checked', async () => {
    const giantReport = '某局关于2024年度法治政府建设情况的报告\n' + '法治政府建设'.repeat(2_000_000); // 12 MB, over the 4 MB limit
    const giantLog = 'log line without a report\n'.repeat(400_000); // 10 MB of plain text
    const headings = Array.from({ length: 100_000 }, (_, i) => `（一）第${i}项`).join('\n');
    const weird = '\u0000\ud800' + '%'.repeat(10_000) + '\r\n\ufeff一、\r' + '9'.repeat(400) + '.\n\u200f三、👨‍👩‍👧';
    server.open('file:///virtual/giant-report.txt', giantReport, 'plaintext');
    server.open('file:///virtual/giant-log.txt', giantLog, 'plaintext');
    server.open('file:///virtual/headings.txt', headings, 'reportlint');
    server.open('file:///virtual/weird.txt', weird, 'reportlint');
    const small = 'file:///virtual/small.txt';
    server.open(small, SMALL, 'plaintext');
    let timer: NodeJS.Timeout | undefined;
    const syms = await Promise.race([
      symbols(server, small),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the server did not answer within 60 s')), 60_000))),
    ]).finally(() => clearTimeout(timer));
    assert.deepEqual(syms.map((s) => s.name), ['一、甲', '三、丙']);

    const big = await server.diagnostics('file:///virtual/giant-report.txt', undefined, 60_000);
    assert.deepEqual(big.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['document-too-large', 3, 0]]);
    assert.deepEqual((await server.diagnostics('file:///virtual/giant-log.txt', undefined, 60_000)).diagnostics, [], 'a giant non-report is left alone');
    assert.deepEqual(await symbols(server, 'file:///virtual/giant-report.txt'), [], 'no outline for a document over the limit');
    const h = await server.diagnostics('file:///virtual/headings.txt', undefined, 60_000);
    assert.equal(h.diagnostics.filter((d) => d.code === 'numbering-duplicate').length, 99_999);
    const w = await server.diagnostics('file:///virtual/weird.txt', undefined, 60_000);
    assert.ok(!w.diagnostics.some((d) => d.code === 'internal-rule-failure'));
    assert.deepEqual((await server.diagnostics(small, undefined, 60_000)).diagnostics.map((d) => d.code), ['numbering-gap']);
  });
});
