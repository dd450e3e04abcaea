import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver';
import { Analysis } from '../../server/src/core/analysis';
import { toDocumentSymbols } from '../../server/src/lsp/convert';

// A made-up 信息公开 report: a captioned pipe table inside section 二, a Markdown table inside section 三.
const TEXT = [
  '松岭镇人民政府2024年政府信息公开工作年度报告',
  '一、总体情况',
  '本年度全镇主动公开各类信息203条。',
  '二、主动公开政府信息情况',
  '第二十条第（一）项 |',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '规章 | 0 | 0 | 0 |',
  '行政规范性文件 | 2 | 1 | 9 |',
  '三、收到和处理政府信息公开申请情况',
  '| 申请情况 | 自然人 | 总计 |',
  '| --- | --- | --- |',
  '| 一、本年新收政府信息公开申请数量 | 5 | 5 |',
  '| 二、上年结转政府信息公开申请数量 | 1 | 1 |',
  '四、存在的主要问题及改进情况',
  '解读形式较为单一，下一步将丰富解读方式。',
].join('\n');

describe('document symbols: tables', () => {
  it('shows each table as one symbol, named by its caption, inside the section that holds it', () => {
    const symbols = toDocumentSymbols(Analysis.fromText(TEXT, { uri: 'file:///x.md', format: 'markdown' }));
    assert.deepEqual(symbols.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、']);
    const [, proactive, requests, problems] = symbols;
    const t1 = (proactive.children ?? []).filter((c) => c.kind === SymbolKind.Struct);
    assert.equal(t1.length, 1);
    assert.equal(t1[0].name, '表格：第二十条第（一）项');
    assert.deepEqual([t1[0].range.start.line, t1[0].range.end.line], [4, 7]);
    const t2 = (requests.children ?? []).filter((c) => c.kind === SymbolKind.Struct);
    assert.equal(t2.length, 1);
    assert.deepEqual([t2[0].range.start.line, t2[0].range.end.line], [9, 12]);
    assert.equal((problems.children ?? []).length, 0);
    // Selection inside the range, as the protocol requires.
    for (const t of [...t1, ...t2]) assert.ok(t.selectionRange.start.line >= t.range.start.line && t.selectionRange.end.line <= t.range.end.line);
  });

  it('adds nothing to a report without tables', () => {
    const symbols = toDocumentSymbols(Analysis.fromText('一、甲\n正文。\n二、乙\n正文。\n', { uri: 'file:///y.txt' }));
    const all = (xs: typeof symbols): number => xs.reduce((n, s) => n + 1 + all(s.children ?? []), 0);
    assert.equal(all(symbols), 2);
  });
});
