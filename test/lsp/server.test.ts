import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { applyEdits, readFixture } from '../helpers';
import { startServer, type ServerHarness } from './harness';

describe('language server over stdio', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('publishes diagnostics on open and serves hierarchical document symbols', async () => {
    const uri = 'file:///virtual/report-a.txt';
    const text = readFixture('outline/restart.txt').replace('二、存在的不足和原因', '三、存在的不足和原因').replace('三、2025年工作安排', '四、2025年工作安排');
    server.open(uri, text);
    const diags = await server.diagnostics(uri);
    assert.deepEqual(diags.diagnostics.map((d) => [d.code, d.range.start.line, d.source]), [['numbering-gap', 10, 'ReportLint']]);
    assert.match(String(diags.diagnostics[0].message), /此处应为“二、”，实为“三、”/);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['一、主要举措和成效', '三、存在的不足和原因', '四、2025年工作安排']);
    assert.deepEqual(symbols[0].children?.map((s) => s.name), ['（一）加强组织领导', '（二）推进依法行政']);
    assert.equal(symbols[0].children?.[1].children?.length, 3);
    const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 9));
  });

  it('checks the buffer, not the disk: a change re-publishes, and quick fixes apply', async () => {
    const uri = 'file:///virtual/report-b.txt';
    const opening = '2024年,某局坚持依法行政。现将有关情况报告如下:\n';
    server.open(uri, opening + '一、甲\n二、乙\n', 'plaintext', 1);
    assert.deepEqual((await server.diagnostics(uri, 1)).diagnostics, []);
    const text2 = opening + '一、甲\n二、乙\n四、丁\n五、戊\n';
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text2 }],
    });
    const d2 = await server.diagnostics(uri, 2);
    assert.equal(d2.diagnostics.length, 1);
    const actions = await server.codeActions(uri, d2.diagnostics[0].range, { diagnostics: d2.diagnostics });
    // One edit (the renumbering) plus the three suppression commands (ignore here / file / workspace).
    const edits = actions.filter((a) => a.edit);
    assert.equal(edits.length, 1);
    assert.equal(actions.filter((a) => a.command).length, 3);
    assert.equal(edits[0].kind, 'quickfix');
    const fixed = applyEdits(text2, edits[0].edit!.changes![uri]);
    assert.equal(fixed, opening + '一、甲\n二、乙\n三、丁\n四、戊\n');
  });

  it('leaves a non-report Markdown file alone in auto mode and clears diagnostics on close', async () => {
    const uri = 'file:///virtual/README.md';
    server.open(uri, '# 项目说明\n\n## 一、安装\n\n## 三、使用\n', 'markdown');
    assert.deepEqual((await server.diagnostics(uri)).diagnostics, []);
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols, []);
  });

  it('checks every document of the ReportLint language, report-like or not', async () => {
    const uri = 'file:///virtual/draft.txt';
    server.open(uri, '一、甲\n三、丙\n', 'reportlint');
    const d = await server.diagnostics(uri);
    assert.equal(d.diagnostics.length, 1);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await server.diagnostics(uri)).diagnostics, []);
  });
});
