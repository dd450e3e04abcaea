/**
 * Word documents in the language server: the text view's request, a `reportlint-docx:` document
 * checked with the .docx folder's configuration, the workspace check of a .docx (findings on the
 * view's URI), and the export request.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { after, before, describe, it } from 'node:test';
import { startServer, type ServerHarness } from './harness';
import { makeDocx, oleFile, para } from '../docx-fixture';
import { readDocx } from '../../server/src/node/docx';
import { docxViewUri } from '../../server/src/node/docx/view-uri';

const REPORT = ['某区人民政府关于2024年度法治政府建设情况的报告', '一、主要举措和成效', '正文。', '三、存在的不足和原因', '正文。'];

describe('language server: Word documents', () => {
  let server: ServerHarness;
  let dir: string;
  before(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-lsp-docx-'));
  });
  after(async () => {
    await server.stop();
  });

  it('serves the text view of a .docx, or a message naming a file it cannot read', async () => {
    const file = path.join(dir, '报告.docx');
    fs.writeFileSync(file, makeDocx(REPORT.map((l) => para(l)).join('')));
    const ok = (await server.connection.sendRequest('reportlint/docxText', { uri: pathToFileURL(file).href })) as { ok: boolean; text: string };
    assert.deepEqual(ok, { ok: true, text: REPORT.join('\n') });
    const old = path.join(dir, 'old.docx');
    fs.writeFileSync(old, oleFile(['WordDocument']));
    const bad = (await server.connection.sendRequest('reportlint/docxText', { uri: pathToFileURL(old).href })) as { ok: boolean; message: string };
    assert.equal(bad.ok, false);
    assert.match(bad.message, /old\.docx：这是旧版 Word 二进制格式/);
    await assert.rejects(server.connection.sendRequest('reportlint/docxText', { uri: 42 }), /invalid params/);
  });

  it('checks the view and the workspace check publishes on the view URI, with the folder configuration', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'ws-'));
    fs.writeFileSync(path.join(sub, '.reportlintrc.json'), JSON.stringify({ rules: { 'signature-date': 'off' } }));
    const file = path.join(sub, '区报告.docx');
    fs.writeFileSync(file, makeDocx(REPORT.map((l) => para(l)).join('')));
    const fileUri = pathToFileURL(file).href;
    const view = docxViewUri(fileUri);
    const published = server.diagnostics(view);
    const summary = (await server.connection.sendRequest('reportlint/checkFiles', { uris: [fileUri], roots: [sub] })) as { checked: number };
    assert.equal(summary.checked, 1);
    const diags = await published;
    const codes = diags.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(codes.includes('numbering-gap@3'), codes.join(' '));
    assert.ok(!codes.some((c) => c.startsWith('signature-date')), 'the .docx folder config applies');
    // The open view (what the client's content provider shows), in the report language.
    const opened = server.diagnostics(view, 1);
    server.open(view, REPORT.join('\n'), 'reportlint', 1);
    const again = await opened;
    assert.deepEqual(again.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort(), codes.sort());
  });

  it('exports an open report as a .docx that reads back to the same text', async () => {
    const uri = 'file:///virtual/导出报告.txt';
    const text = [...REPORT, '', '某区人民政府', '2025年1月20日'].join('\n');
    server.open(uri, text, 'reportlint', 1);
    await server.diagnostics(uri, 1);
    const r = (await server.connection.sendRequest('reportlint/exportDocx', { uri })) as { data: string };
    assert.equal((await readDocx(Buffer.from(r.data, 'base64'))).text, text);
    assert.equal(await server.connection.sendRequest('reportlint/exportDocx', { uri: 'file:///virtual/not-open.txt' }), null);
  });
});
