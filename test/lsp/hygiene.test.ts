import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import { startServer, type ServerHarness } from './harness';

describe('hygiene over LSP: fix-all actions and the full-width punctuation request', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('each pinyin finding offers its own fix and the remove-all fix', async () => {
    const uri = 'file:///virtual/pinyin-report.txt';
    const text = '某某區(qū)人民政府關於2023年度法治政府建設情況的報告\n\n一、主要舉措\n印發(fā)方案,持續(xù)推進。\n二、下一步安排\n繼續推進。\n';
    server.open(uri, text, 'reportlint');
    const diags = (await server.diagnostics(uri)).diagnostics.filter((d) => d.code === 'pinyin-residue');
    assert.equal(diags.length, 3);
    const actions = await server.codeActions(uri, diags[1].range, { diagnostics: [diags[1]] });
    // The two edits, then the suppression commands (ignore here / file / workspace) every finding has.
    assert.deepEqual(actions.filter((a) => a.edit).map((a) => a.kind), ['quickfix', 'quickfix']);
    assert.equal(applyEdits(text, actions[0].edit!.changes![uri]), text.replace('發(fā)', '發'));
    assert.equal(applyEdits(text, actions[1].edit!.changes![uri]), text.replace(/\((qū|fā|xù)\)/g, ''));
  });

  it('source.fixAll applies the safe fixes, the set `reportlint fix` applies, as one edit', async () => {
    const uri = 'file:///virtual/fixall-report.txt';
    const text = '某某區(qū)人民政府關於2023年度法治政府建設情況的報告\n\n一、主要舉措\n印發(fā)方案,持續(xù)推進，取得成效。\n二、下一步安排\n繼續推進。\n';
    server.open(uri, text, 'reportlint');
    const diags = (await server.diagnostics(uri)).diagnostics;
    assert.ok(diags.some((d) => d.code === 'pinyin-residue') && diags.some((d) => d.code === 'punctuation-width'));
    const actions = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.reportlint');
    const edits = actions[0].edit!.changes![uri];
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), text.replace(/\((qū|fā|xù)\)/g, '').replace('方案,持續', '方案，持續'));
    const none = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['quickfix'] });
    assert.ok(!none.some((a) => a.kind === 'source.fixAll.reportlint'), 'only when asked for');
  });

  it('reportlint/fullWidthPunctuation returns one set of edits for the whole document', async () => {
    const uri = 'file:///virtual/punct-report.md';
    const text = '# 一、主要举措(草稿)\n\n2024年,全区办理案件1,234宗,详见[通报](https://a.cn/x?a=1,2)。\n';
    server.open(uri, text, 'markdown');
    await server.diagnostics(uri);
    const result = (await server.connection.sendRequest('reportlint/fullWidthPunctuation', { uri })) as { version: number; edits: TextEdit[] };
    assert.equal(result.version, 1);
    assert.equal(applyEdits(text, result.edits), '# 一、主要举措（草稿）\n\n2024年，全区办理案件1,234宗，详见[通报](https://a.cn/x?a=1,2)。\n');
    assert.equal(await server.connection.sendRequest('reportlint/fullWidthPunctuation', { uri: 'file:///virtual/not-open.txt' }), null);
  });
});
