import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CompletionItemKind, type CodeLens, type CompletionItem, type CompletionList, type Hover, type SemanticTokens, type SemanticTokensDelta, type TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, readFixture } from '../helpers';
import { startServer, type ServerHarness } from './harness';

function itemsOf(r: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!r) return [];
  return Array.isArray(r) ? r : r.items;
}

for (const locale of ['zh-cn', 'en'] as const) {
  describe(`authoring help over LSP (${locale})`, () => {
    let server: ServerHarness;
    before(async () => {
      server = await startServer({ locale });
    });
    after(async () => {
      await server.stop();
    });

    it('completes the next heading marker at the start of a line', async () => {
      const uri = `file:///virtual/${locale}/complete.txt`;
      const text = readFixture('outline/restart.txt').replace('二、存在的不足和原因', '\n二、存在的不足和原因');
      server.open(uri, text);
      await server.diagnostics(uri);
      // The empty line inserted after （二）'s items: 4., then （三）, then 二、, then a first （1） under 3．.
      const line = text.split('\n').findIndex((l) => l === '');
      const result = (await server.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: 0 },
      })) as CompletionItem[] | CompletionList | null;
      const all = itemsOf(result).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      const items = all.filter((i) => i.kind === CompletionItemKind.Keyword);
      assert.deepEqual(items.map((i) => i.label), ['4．', '（三）', '二、', '（1）']);
      // Then the parts not yet present (the optional 其他需要报告的情况 here), after the markers.
      assert.deepEqual(all.slice(items.length).map((i) => i.label), ['二、其他需要报告的情况']);
      const edit = items[1].textEdit as { range: unknown; newText: string };
      assert.equal(edit.newText, '（三）');
      assert.deepEqual(edit.range, { start: { line, character: 0 }, end: { line, character: 0 } });
      assert.match(String(items[1].detail), locale === 'en' ? /Next level-2 heading/ : /下一个二级标题/);
    });

    it('shows the heading path on hover', async () => {
      const uri = `file:///virtual/${locale}/hover.txt`;
      const text = readFixture('outline/restart.txt');
      server.open(uri, text);
      await server.diagnostics(uri);
      const line = text.split('\n').findIndex((l) => l.startsWith('2．压实主体责任'));
      const hover = (await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: 3 },
      })) as Hover | null;
      assert.ok(hover);
      const md = (hover.contents as { value: string }).value;
      assert.match(md, /一、主要举措和成效 › （一）加强组织领导 › 2．压实主体责任/);
      assert.match(md, locale === 'en' ? /level-3 heading/ : /三级标题/);
    });
  });
}

describe('server capabilities', () => {
  it('announce completion with the bracket trigger characters, and hover', async () => {
    const server = await startServer();
    try {
      const caps = server.initializeResult?.capabilities;
      assert.ok(caps?.completionProvider?.triggerCharacters?.includes('（'));
      assert.ok(caps?.hoverProvider);
    } finally {
      await server.stop();
    }
  });
});

describe('requests behind the commands', () => {
  let server: ServerHarness;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('reportlint/renumber returns edits that renumber every heading, and none the second time', async () => {
    const uri = 'file:///virtual/cmd/gaps.txt';
    const text = readFixture('renumber/gaps.txt');
    server.open(uri, text);
    await server.diagnostics(uri);
    const edits = (await server.connection.sendRequest('reportlint/renumber', { uri })) as TextEdit[];
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, readFixture('renumber/gaps.expected.txt'));
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const d = await server.diagnostics(uri, 2);
    assert.deepEqual(d.diagnostics.filter((x) => String(x.code).startsWith('numbering')), []);
    assert.deepEqual(await server.connection.sendRequest('reportlint/renumber', { uri }), []);
  });

  it('reportlint/profiles, reportlint/skeleton and reportlint/documentStatus', async () => {
    const profiles = (await server.connection.sendRequest('reportlint/profiles', {})) as { profiles: { id: string; name: string }[] };
    assert.ok(profiles.profiles.some((p) => p.id === 'fazhi-zhengfu-annual' && p.name === '法治政府建设年度报告'));
    const answer = (await server.connection.sendRequest('reportlint/skeleton', { profile: 'fazhi-zhengfu-annual', year: 2024 })) as { snippet: string };
    assert.match(answer.snippet, /关于2024年度法治政府建设情况的报告/);
    assert.equal(await server.connection.sendRequest('reportlint/skeleton', { profile: 'no-such-profile', year: 2024 }), null);
    const uri = 'file:///virtual/cmd/status.txt';
    server.open(uri, readFixture('rules/missing-part/missing-plan-and-leader.txt'));
    await server.diagnostics(uri);
    const status = (await server.connection.sendRequest('reportlint/documentStatus', { uri })) as { checked: boolean; profile: { id: string } | null };
    assert.equal(status.checked, true);
    assert.equal(status.profile?.id, 'fazhi-zhengfu-annual');
  });

  it('reportlint/missingParts lists the missing parts with edits that insert each where it belongs', async () => {
    const uri = 'file:///virtual/cmd/missing.txt';
    // Signed and dated: both absent parts are missing (errors), so inserting one leaves the other.
    const text = readFixture('rules/missing-part/signed-missing-plan-and-leader.txt');
    server.open(uri, text);
    const before = (await server.diagnostics(uri)).diagnostics.filter((d) => d.code === 'missing-part').length;
    const parts = (await server.connection.sendRequest('reportlint/missingParts', { uri })) as { id: string; required: boolean; status: string; edits: TextEdit[] }[];
    const plan = parts.find((p) => p.id === 'plan');
    assert.ok(plan && plan.required && plan.edits.length);
    // The report is signed: every absent part is missing, none merely not reached.
    assert.deepEqual([...new Set(parts.map((p) => p.status))], ['missing']);
    const fixed = applyEdits(text, plan.edits);
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await server.diagnostics(uri, 2)).diagnostics.filter((d) => d.code === 'missing-part').length;
    assert.equal(after, before - 1);
  });

  it('reportlint/missingParts tells a part the draft has not got to yet from one it went past', async () => {
    const uri = 'file:///virtual/cmd/draft.txt';
    // Unsigned, and the text stops in the measures: the later parts are not reached, not missing.
    server.open(uri, readFixture('rules/missing-part/missing-plan-and-leader.txt'));
    await server.diagnostics(uri);
    const parts = (await server.connection.sendRequest('reportlint/missingParts', { uri })) as { id: string; status: string }[];
    const checklist = (await server.connection.sendRequest('reportlint/partsChecklist', { uri })) as { parts: { id: string; status: string }[] };
    const absent = checklist.parts.filter((p) => p.status !== 'written');
    assert.ok(absent.length > 0);
    for (const p of absent) assert.equal(parts.find((x) => x.id === p.id)?.status, p.status, p.id);
  });

  it('reportlint/partsChecklist answers the status bar: each mandated part written, missing or not reached, with a range or insert edits', async () => {
    const uri = 'file:///virtual/cmd/checklist.txt';
    const text = readFixture('rules/missing-part/missing-plan-and-leader.txt');
    server.open(uri, text);
    await server.diagnostics(uri);
    type Part = { id: string; status: string; range?: { start: { line: number } }; edits?: TextEdit[] };
    const list = (await server.connection.sendRequest('reportlint/partsChecklist', { uri })) as { profile: { id: string }; written: number; total: number; parts: Part[] };
    assert.equal(list.profile.id, 'fazhi-zhengfu-annual');
    assert.deepEqual(list.parts.map((p) => `${p.id} ${p.status}`), ['measures written', 'first-responsible not-reached', 'shortcomings written', 'plan not-reached']);
    assert.equal(`${list.written}/${list.total}`, '2/4');
    assert.equal(list.parts[0].range?.start.line, 1);
    const plan = list.parts.find((p) => p.id === 'plan')!;
    const fixed = applyEdits(text, plan.edits!);
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await server.diagnostics(uri, 2);
    const after = (await server.connection.sendRequest('reportlint/partsChecklist', { uri })) as { parts: Part[] };
    // The plan written, the report has reached its last mandated part: 第一责任人 is now missing.
    assert.deepEqual(after.parts.map((p) => p.status), ['written', 'missing', 'written', 'written']);
    assert.equal(await server.connection.sendRequest('reportlint/partsChecklist', { uri: 'file:///virtual/cmd/not-open.txt' }), null);
  });

  it('serves code lenses above sections with an inconsistent figure, which open the 数据核对 view', async () => {
    const uri = 'file:///virtual/cmd/lens.txt';
    server.open(uri, readFixture('figures/stats.txt'));
    await server.diagnostics(uri);
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 2);
    assert.equal(lenses[0].command?.command, 'reportlint.showClaims');
    assert.match(String(lenses[0].command?.title), /个数据不一致/);
  });

  it('serves semantic tokens with the legend it announced', async () => {
    const uri = 'file:///virtual/cmd/tokens.txt';
    server.open(uri, readFixture('figures/stats.txt'));
    await server.diagnostics(uri);
    const legend = server.initializeResult?.capabilities.semanticTokensProvider?.legend;
    assert.ok(legend?.tokenTypes.includes('headingMarker'));
    const { data } = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    assert.ok(data.length > 0 && data.length % 5 === 0);
    // Decode: the first token on line 2 is the level-1 marker 一、.
    let line = 0;
    let char = 0;
    const tokens: { line: number; char: number; len: number; type: string }[] = [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push({ line, char, len: data[i + 2], type: legend!.tokenTypes[data[i + 3]] });
    }
    assert.deepEqual(tokens.find((t) => t.line === 2), { line: 2, char: 0, len: 2, type: 'headingMarker' });
    assert.ok(tokens.some((t) => t.type === 'rate'));
  });

  it('answers semantic tokens deltas against the last result, and the full tokens for an unknown result id', async () => {
    assert.deepEqual(server.initializeResult?.capabilities.semanticTokensProvider?.full, { delta: true });
    const uri = 'file:///virtual/cmd/tokens-delta.txt';
    const text = readFixture('figures/stats.txt');
    server.open(uri, text);
    await server.diagnostics(uri, 1);
    const first = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.ok(first.resultId && first.data.length > 0);
    // Unchanged document: an empty delta under a new result id.
    const same = (await server.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: first.resultId })) as SemanticTokensDelta;
    assert.deepEqual(same.edits, []);
    assert.ok(same.resultId && same.resultId !== first.resultId);
    // A new heading inserted on line 2 shifts the tokens after it: the delta applied to the
    // previous encoding equals the full tokens of the new version.
    const inserted = '（一）新增举措。共完成项目12个，比上年增长20%。';
    void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: inserted + '\n' }] });
    await server.diagnostics(uri, 2);
    const delta = (await server.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: same.resultId })) as SemanticTokensDelta;
    assert.equal(delta.edits.length, 1);
    const patched = [...first.data];
    patched.splice(delta.edits[0].start, delta.edits[0].deleteCount, ...(delta.edits[0].data ?? []));
    const full = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.deepEqual(patched, full.data);
    assert.notDeepEqual(full.data, first.data);
    assert.ok((delta.edits[0].data ?? []).length < full.data.length, 'only the changed part is sent');
    // An id that is not the last one given: the full tokens.
    const stale = (await server.connection.sendRequest('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: first.resultId })) as SemanticTokens;
    assert.deepEqual(stale.data, full.data);
    assert.ok(stale.resultId);
  });

  it('reportlint/checkFiles publishes findings for unopened reports, honouring .reportlintignore and auto mode', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-ws-'));
    try {
      const gap = readFixture('renumber/gaps.txt');
      fs.mkdirSync(path.join(root, 'drafts', 'old'), { recursive: true });
      fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
      fs.writeFileSync(path.join(root, 'a.txt'), gap);
      fs.writeFileSync(path.join(root, 'notes.md'), '# 会议记录\n\n今天讨论了三件事。\n');
      fs.writeFileSync(path.join(root, 'drafts', 'b.txt'), gap);
      fs.writeFileSync(path.join(root, 'drafts', 'old', 'c.txt'), gap);
      fs.writeFileSync(path.join(root, 'drafts', '.reportlintignore'), 'old/\n');
      fs.writeFileSync(path.join(root, 'node_modules', 'x', 'd.txt'), gap);
      const uris = ['a.txt', 'notes.md', 'drafts/b.txt', 'drafts/old/c.txt', 'node_modules/x/d.txt'].map((f) => pathToFileURL(path.join(root, f)).toString());
      const summary = (await server.connection.sendRequest('reportlint/checkFiles', { uris, roots: [root] })) as Record<string, number>;
      assert.equal(summary.files, 3);
      assert.equal(summary.ignored, 2);
      assert.equal(summary.checked, 2, 'notes.md is not a report in auto mode');
      assert.ok(summary.errors >= 4);
      for (const f of ['a.txt', 'drafts/b.txt']) {
        const d = await server.diagnostics(pathToFileURL(path.join(root, f)).toString());
        assert.ok(d.diagnostics.some((x) => x.code === 'numbering-gap'), f);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('authoring help stays out of documents that are not checked', () => {
  it('no marker completion or semantic tokens in a plain-text note in auto mode; both in the ReportLint language', async () => {
    const server = await startServer();
    try {
      const note = 'file:///virtual/note.txt';
      server.open(note, '购物清单\n牛奶\n\n');
      await server.diagnostics(note);
      const c = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: note }, position: { line: 2, character: 0 } })) as CompletionItem[] | null;
      assert.deepEqual(itemsOf(c), []);
      const t = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: note } })) as { data: number[] };
      assert.deepEqual(t.data, []);
      const draft = 'file:///virtual/draft-report.txt';
      server.open(draft, '一、主要举措\n\n', 'reportlint');
      await server.diagnostics(draft);
      const c2 = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: draft }, position: { line: 1, character: 0 } })) as CompletionItem[] | null;
      assert.ok(itemsOf(c2).some((i) => i.label === '二、'));
    } finally {
      await server.stop();
    }
  });
});

describe('settings read by the server', () => {
  it('reportlint.codeLens: false removes the lenses; reportlint.profile: none turns the mandated-part checks off', async () => {
    const server = await startServer({ settings: { codeLens: false, profile: 'none' } });
    try {
      const uri = 'file:///virtual/settings.txt';
      server.open(uri, readFixture('figures/stats.txt'));
      await server.diagnostics(uri);
      assert.deepEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
      const missing = 'file:///virtual/settings-missing.txt';
      server.open(missing, readFixture('rules/missing-part/missing-plan-and-leader.txt'));
      const d = await server.diagnostics(missing);
      assert.deepEqual(d.diagnostics.filter((x) => x.code === 'missing-part'), []);
      assert.deepEqual(await server.connection.sendRequest('reportlint/missingParts', { uri: missing }), []);
    } finally {
      await server.stop();
    }
  });

  it('reportlint.profile names the profile to use even where detection would not find it', async () => {
    const server = await startServer({ settings: { profile: 'fazhi-zhengfu-annual', enable: 'always' } });
    try {
      const uri = 'file:///virtual/settings-forced.txt';
      server.open(uri, '一、甲\n二、乙\n');
      const d = await server.diagnostics(uri);
      assert.ok(d.diagnostics.some((x) => x.code === 'missing-part'));
      const status = (await server.connection.sendRequest('reportlint/documentStatus', { uri })) as { profile: { id: string } | null };
      assert.equal(status.profile?.id, 'fazhi-zhengfu-annual');
    } finally {
      await server.stop();
    }
  });
});

describe('reportlint.run = onSave', () => {
  it('checks on open and on save, not while typing', async () => {
    const server = await startServer({ settings: { run: 'onSave' } });
    try {
      const uri = 'file:///virtual/onsave.txt';
      const opening = '2024年,某局坚持依法行政。现将有关情况报告如下:\n';
      server.open(uri, opening + '一、甲\n二、乙\n');
      assert.deepEqual((await server.diagnostics(uri, 1)).diagnostics, []);
      void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: opening + '一、甲\n三、丙\n' }] });
      await assert.rejects(server.diagnostics(uri, 2, 1000), /no diagnostics/);
      void server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const d = await server.diagnostics(uri, 2);
      assert.deepEqual(d.diagnostics.map((x) => x.code), ['numbering-gap']);
    } finally {
      await server.stop();
    }
  });
});
