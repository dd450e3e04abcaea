/**
 * ReportLint inside the VS Code extension host (run by test/vscode/run.ts, `npm run test:vscode`).
 * The workspace is test/e2e/workspace, the same files the code-server end-to-end tests open.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { after, before, describe, it } from 'mocha';

const WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'workspace');
const uriOf = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

async function until<T>(what: string, read: () => T | Thenable<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

function codes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.code === 'object' ? d.code.value : d.code}`)
    .sort();
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uriOf(name));
  return vscode.window.showTextDocument(doc);
}

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
}

describe('ReportLint in the extension host', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension('reportlint.reportlint');
    assert.ok(ext, 'extension reportlint.reportlint is loaded');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens *报告*.txt in the ReportLint language and reports its defects', async () => {
    const editor = await open('缺陷报告.txt');
    assert.equal(editor.document.languageId, 'reportlint');
    const found = await until('diagnostics', () => codes(editor.document.uri), (c) => c.length >= 2);
    assert.ok(found.includes('6:1 numbering-gap'), found.join(', '));
    assert.ok(found.includes('9:1 numbering-duplicate'), found.join(', '));
    assert.ok(vscode.languages.getDiagnostics(editor.document.uri).every((d) => d.source === 'ReportLint'));
  });

  it('provides the section tree as document symbols', async () => {
    const uri = uriOf('缺陷报告.txt');
    const tree = await until('symbols', () => symbols(uri), (s) => s.length > 0);
    const render = (s: vscode.DocumentSymbol, depth = 0): string[] => [`${'  '.repeat(depth)}${s.name}`, ...s.children.flatMap((c) => render(c, depth + 1))];
    assert.deepEqual(tree.flatMap((s) => render(s)), [
      '一、主要举措和成效',
      '  （一）落实第一责任人职责',
      '  （二）严格规范执法行为',
      '  （四）加强普法宣传教育',
      '二、存在的不足和原因',
      '二、2025年工作安排',
    ]);
  });

  it('renumbers a sequence with the quick fix, and the finding disappears', async () => {
    const editor = await open('编号修正报告.txt');
    const uri = editor.document.uri;
    const diag = (await until('the gap', () => vscode.languages.getDiagnostics(uri), (d) => d.length > 0)).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'numbering-gap');
    assert.ok(diag, 'numbering-gap reported');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range)) ?? [];
    const fix = actions.find((a) => a.kind?.value.startsWith('quickfix') && a.edit);
    assert.ok(fix?.edit, `a quick fix with an edit: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(4).text.slice(0, 3), '（二）');
    assert.equal(editor.document.lineAt(5).text.slice(0, 3), '（三）');
    await until('no numbering finding', () => codes(uri), (c) => !c.some((x) => x.includes('numbering-')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports nothing in a clean report', async () => {
    const editor = await open('合格报告.txt');
    await until('symbols', () => symbols(editor.document.uri), (s) => s.length === 3);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(codes(editor.document.uri), []);
  });

  it('leaves a README that is not a report alone in auto mode', async () => {
    const editor = await open('README.md');
    assert.equal(editor.document.languageId, 'markdown');
    await new Promise((r) => setTimeout(r, 2000));
    assert.deepEqual(codes(editor.document.uri), []);
  });
});
