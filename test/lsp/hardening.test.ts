/**
 * Issue 20 against the running language server: custom requests honour maxFileSize (point 4),
 * malformed params get InvalidParams (point 10), files that never end are refused (point 2).
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, it } from 'node:test';
import { startServer } from './harness';

const INVALID_PARAMS = -32602;

function bigReport(chars: number): string {
  const para = '一、主要举措\n全年受理行政复议案件120件，审结110件，审结率91.67%。,;:\n';
  return '某县人民政府关于2024年度法治政府建设情况的报告\n' + para.repeat(Math.ceil(chars / para.length));
}

describe('hardening (server): every request path honours maxFileSize (#20.4)', () => {
  it('stats, fullWidthPunctuation, outline, renumber and missingParts answer "too large" without analysing', async () => {
    const server = await startServer({ settings: { maxFileSize: 5000, enable: 'always' } });
    try {
      const uri = 'file:///virtual/huge-report.txt';
      const text = bigReport(400_000);
      server.open(uri, text, 'reportlint');
      await server.diagnostics(uri);
      const t0 = Date.now();
      const stats = await server.connection.sendRequest<{ tooLarge?: boolean; size?: number; claims?: unknown[]; markdown: string }>('reportlint/stats', { uri });
      assert.equal(stats.tooLarge, true);
      assert.equal(stats.size, text.length);
      assert.equal(stats.claims, undefined);
      assert.ok(stats.markdown.length < 500);
      const punct = await server.connection.sendRequest<{ tooLarge?: boolean; edits: unknown[] }>('reportlint/fullWidthPunctuation', { uri });
      assert.equal(punct.tooLarge, true);
      assert.deepEqual(punct.edits, []);
      const outline = await server.connection.sendRequest<{ tooLarge?: boolean }>('reportlint/outline', { uri });
      assert.equal(outline.tooLarge, true);
      assert.deepEqual(await server.connection.sendRequest('reportlint/renumber', { uri }), []);
      assert.deepEqual(await server.connection.sendRequest('reportlint/missingParts', { uri }), []);
      // The status says why (the client shows it instead of "nothing to do").
      const status = await server.connection.sendRequest<{ tooLarge: { size: number; message: string } | null }>('reportlint/documentStatus', { uri });
      assert.equal(status.tooLarge?.size, text.length);
      assert.match(status.tooLarge!.message, /maxFileSize/);
      assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
      // Within the limit the same requests answer in full.
      const small = 'file:///virtual/small-report.txt';
      server.open(small, bigReport(1000), 'reportlint');
      await server.diagnostics(small);
      const s = await server.connection.sendRequest<{ tooLarge?: boolean; claims: unknown[] }>('reportlint/stats', { uri: small });
      assert.equal(s.tooLarge, undefined);
      assert.ok(s.claims.length > 0);
    } finally {
      await server.stop();
    }
  });
});

describe('hardening (server): malformed params get InvalidParams (#20.8)', () => {
  it('missing fields and wrong types in standard and custom requests; the server keeps answering', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///virtual/params.txt';
      server.open(uri, '一、甲\n三、丙\n', 'reportlint');
      await server.diagnostics(uri);
      const bad: [string, unknown][] = [
        ['textDocument/hover', {}],
        ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }],
        ['textDocument/completion', { textDocument: {} }],
        ['textDocument/documentSymbol', { textDocument: 5 }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
        ['textDocument/codeLens', null],
        ['textDocument/semanticTokens/full', { textDocument: { uri: ['x'] } }],
        ['textDocument/semanticTokens/full/delta', { textDocument: { uri } }],
        ['reportlint/stats', { uri: 5 }],
        ['reportlint/outline', {}],
        ['reportlint/skeleton', { profile: 'fazhi-zhengfu-annual', year: 'x' }],
        ['reportlint/checkFiles', { uris: 'file:///x', roots: [] }],
        ['reportlint/documentStatus', []],
        ['workspace/executeCommand', { command: 'reportlint.disableRuleForWorkspace', arguments: [{ uri, ruleId: '__proto__', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] }],
        ['workspace/executeCommand', { command: 'reportlint.ignoreOccurrence', arguments: [{ uri }] }],
      ];
      for (const [method, params] of bad) {
        await assert.rejects(server.connection.sendRequest(method, params), (e: { code?: number; message?: string }) => {
          assert.equal(e.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${e.message}`);
          return true;
        });
      }
      const hover = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(hover));
      assert.ok(!server.logs.some((l) => /TypeError|Cannot read prop/.test(l)), server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });
});

describe('hardening (server): checkFiles refuses files that never end (#20.2)', () => {
  it('a workspace file linked to /dev/zero and a FIFO are listed as unreadable at once', async (t) => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-hsrv-')));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    } catch {
      return t.skip('mkfifo not available');
    }
    fs.writeFileSync(path.join(dir, '关于2024年度法治政府建设情况的报告.txt'), '一、甲\n三、丙\n');
    const server = await startServer();
    try {
      const uris = ['zero.txt', 'pipe.txt', '关于2024年度法治政府建设情况的报告.txt'].map((n) => pathToFileURL(path.join(dir, n)).href);
      const summary = await server.connection.sendRequest<{ unreadable: string[]; checked: number }>('reportlint/checkFiles', { uris, roots: [dir] });
      assert.deepEqual(summary.unreadable.map((p) => path.basename(p)).sort(), ['pipe.txt', 'zero.txt']);
      assert.equal(summary.checked, 1);
    } finally {
      await server.stop();
    }
  });
});

describe('hardening (server): config and ignore-file problems shown in the file (#20.6)', () => {
  it('a malformed .reportlint-ignore.json and an unknown rule id get diagnostics in their files', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-hdiag-')));
    const report = path.join(dir, 'r.txt');
    fs.writeFileSync(report, '一、甲\n三、丙\n');
    const sidecar = path.join(dir, '.reportlint-ignore.json');
    fs.writeFileSync(sidecar, '{"version": 1, "ignores": [{"rule": 5}]}');
    const rc = path.join(dir, '.reportlintrc.json');
    fs.writeFileSync(rc, '{"rules": {"numbering-gapp": "off"}}');
    const server = await startServer({ rootUri: pathToFileURL(dir).href });
    try {
      server.open(pathToFileURL(report).href, '一、甲\n三、丙\n', 'reportlint');
      const side = await server.diagnostics(pathToFileURL(sidecar).href);
      assert.match(side.diagnostics.map((d) => String(d.message)).join('\n'), /第 1 项：需要字符串“rule”和“file”/);
      const conf = await server.diagnostics(pathToFileURL(rc).href);
      assert.match(conf.diagnostics.map((d) => String(d.message)).join('\n'), /未知规则“numbering-gapp”（是否要写“numbering-gap”？）/);
      // Opened in the editor, the sidecar is checked from its buffer.
      server.open(pathToFileURL(sidecar).href, '{"version": 1, "ignores": [', 'json');
      const open = await server.diagnostics(pathToFileURL(sidecar).href, 1);
      assert.match(String(open.diagnostics[0].message), /JSON/);
    } finally {
      await server.stop();
    }
  });
});
