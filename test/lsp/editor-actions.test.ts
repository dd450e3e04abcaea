import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import { startServer, type ServerHarness } from './harness';

const TEXT =
  '2024年，县文化局坚持依法行政,印發(fā)法治政府建设实施方案,开展执法督查(chá)。现将有关情况报告如下：\n' +
  '一、主要举措和成效\n局主要负责人履行推进法治建设第一责任人职责，主持研究法治工作5次。\n二、存在的不足和原因\n一是执法力量不足。究其原因，主要是编制有限。\n' +
  '三、2025年工作安排\n2025年，我局将继续提升依法行政水平。\n某县文化局\n2025年1月16日\n';

describe('editor actions over LSP: the quick-fix menu, fix-all, rule pages', () => {
  let server: ServerHarness;
  const uri = 'file:///virtual/editor/%E6%8B%BC%E9%9F%B3%E6%8A%A5%E5%91%8A.txt';
  let diagnostics: Diagnostic[];
  before(async () => {
    server = await startServer({});
    server.open(uri, TEXT);
    diagnostics = (await server.diagnostics(uri)).diagnostics;
  });
  after(async () => {
    await server.stop();
  });

  it('every finding links to its rule page (codeDescription)', () => {
    assert.ok(diagnostics.length >= 3);
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, `reportlint-rule:/${d.code}.md`);
  });

  it('serves the rule page from the metadata', async () => {
    const md = (await server.connection.sendRequest('reportlint/ruleDoc', { id: 'pinyin-residue' })) as string;
    assert.match(md, /^# pinyin-residue\n/);
    assert.equal(await server.connection.sendRequest('reportlint/ruleDoc', { id: 'no-such-rule' }), null);
  });

  it('the quick-fix menu holds the actions of the finding under the caret only, not of a note covering more', async () => {
    const pinyin = diagnostics.find((d) => d.code === 'pinyin-residue')!;
    const pos = { line: 0, character: pinyin.range.start.character + 1 };
    // VS Code passes every diagnostic touching the line; the server keeps the one under the caret.
    const actions = await server.codeActions(uri, { start: pos, end: pos }, { diagnostics, only: ['quickfix'] });
    assert.ok(actions.length >= 2);
    for (const a of actions) assert.deepEqual(a.diagnostics?.map((d) => d.code), ['pinyin-residue'], a.title);
  });

  it('source.fixAll.reportlint applies the safe fixes (pinyin residue, full-width punctuation) without overlaps', async () => {
    const actions = await server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.reportlint');
    const edits = actions[0].edit!.changes![uri] as TextEdit[];
    const fixed = applyEdits(TEXT, edits);
    assert.equal(fixed.split('\n')[0], '2024年，县文化局坚持依法行政，印發法治政府建设实施方案，开展执法督查。现将有关情况报告如下：');
  });
});
