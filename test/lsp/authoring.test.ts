import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers';
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
      const items = itemsOf(result).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepEqual(items.map((i) => i.label), ['4．', '（三）', '二、', '（1）']);
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
