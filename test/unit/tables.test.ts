import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { ReportDocument } from '../../server/src/core/document/document';
import { findTables, cellValue, type TableBlock } from '../../server/src/core/document/blocks/tables';
import { analyze } from '../helpers';

const doc = (lines: string[], uri = 'file:///t/report.txt') => new ReportDocument(lines.join('\n'), { uri });

/** The text a cell's or label's offsets point at (checks the UTF-16 positions). */
function at(d: ReportDocument, line: number, start: number, end: number): string {
  return d.lines[line].text.slice(start, end);
}

function rowsOf(t: TableBlock): string[] {
  return t.rows.map((r) => [r.label, ...r.cells.map((c) => (c.value === null ? `'${c.text}'` : String(c.value)))].join(' '));
}

describe('tables: pipe rows', () => {
  const lines = [
    '一、总体情况',
    '全年办理各类事项，运行平稳。',
    '表1 主要业务办理情况',
    '事项 | 上年数量 | 本年数量 |',
    '行政许可 | 1,204 | 1,356 |',
    '行政处罚 | 87 | 92 |',
    '三、本期合计 | 1,291 | 1,448 |',
    '二、存在的问题',
    '个别事项办理时限偏长。',
  ];
  const d = doc(lines);
  const tables = findTables(d);

  it('finds one pipe table between the two sections, with its caption and header', () => {
    assert.equal(tables.length, 1);
    const t = tables[0];
    assert.equal(t.form, 'pipe');
    assert.equal(t.startLine, 2);
    assert.equal(t.endLine, 6);
    assert.equal(t.caption?.text, '表1 主要业务办理情况');
    assert.deepEqual(t.header.map((h) => h.label), ['事项']);
    assert.deepEqual(rowsOf(t), ['行政许可 1204 1356', '行政处罚 87 92', '三、本期合计 1291 1448']);
  });

  it('gives UTF-16 positions of labels and cells', () => {
    const r = tables[0].rows[0];
    assert.equal(at(d, r.line, r.labelStart, r.labelEnd), '行政许可');
    for (const c of r.cells) assert.equal(at(d, c.line, c.start, c.end), c.text);
    assert.equal(r.cells[0].start, lines[4].indexOf('1,204'));
  });

  it('never reads a table row as a heading', () => {
    const a = analyze(lines.join('\n'));
    assert.deepEqual(a.outline.headings.map((h) => h.marker), ['一、', '二、']);
    assert.equal(a.tables.length, 1);
    assert.strictEqual(a.tables, a.tables, 'built once per version');
  });

  it('reads rows with a leading pipe and keeps empty cells in place', () => {
    const d2 = doc(['类别 | 甲 | 乙 | 合计 |', '| 一、新收申请 | 4 | | 4 |', '| | 1.其中当面提交 | 2 | | 2 |']);
    const [t] = findTables(d2);
    assert.equal(t.form, 'pipe');
    assert.deepEqual(rowsOf(t), ["一、新收申请 4 '' 4", "1.其中当面提交 2 '' 2"]);
    const c = t.rows[1].cells[0];
    assert.equal(at(d2, c.line, c.start, c.end), '2');
  });

  it('splits a run of pipe rows at article captions (第二十条第（一）项)', () => {
    const d3 = doc([
      '第二十条第（一）项 |',
      '信息内容 | 本年新制作数量 | 现行有效数量 |',
      '规范性文件 | 2 | 35 |',
      '第二十条第（五）项 |',
      '信息内容 | 本年处理决定数量 |',
      '行政许可 | 16 |',
    ]);
    const t = findTables(d3);
    assert.equal(t.length, 2);
    assert.deepEqual(t.map((x) => x.caption?.text), ['第二十条第（一）项', '第二十条第（五）项']);
    assert.deepEqual(t.map((x) => [x.startLine, x.endLine]), [[0, 2], [3, 5]]);
    assert.deepEqual(rowsOf(t[1]), ['行政许可 16']);
  });

  it('ignores a lone line of pipes that is web-page furniture', () => {
    assert.equal(findTables(doc(['首页 | 政务公开 | 信息公开', '正文从这里开始。'])).length, 0);
  });
});

describe('tables: Markdown', () => {
  it('finds a Markdown table between two sections, with caption and header', () => {
    const lines = ['## 一、工作成效', '', '表2：重点指标', '', '| 指标 | 目标 | 完成 |', '|:---|---:|---:|', '| 新增就业（人） | 5000 | 5210 |', '| 完成率 | — | 104.2% |', '', '## 二、下一步打算'];
    const d = doc(lines, 'file:///t/report.md');
    const [t] = findTables(d);
    assert.equal(t.form, 'markdown');
    assert.equal(t.caption?.text, '表2：重点指标');
    assert.equal(t.startLine, 2);
    assert.equal(t.endLine, 7);
    assert.deepEqual(t.header[0].cells.map((c) => c.text), ['目标', '完成']);
    assert.deepEqual(rowsOf(t), ['新增就业（人） 5000 5210', "完成率 '—' 104.2"]);
    assert.equal(t.rows[1].cells[1].percent, true);
    const a = analyze(lines.join('\n'), 'file:///t/report.md');
    assert.deepEqual(a.outline.headings.map((h) => h.title), ['工作成效', '下一步打算']);
  });
});

describe('tables: one cell per line', () => {
  const lines = [
    '一、主动公开情况',
    '本年度主动公开各类信息如下。',
    '第二十条第（一）项',
    '信息内容',
    '本年制发件数',
    '现行有效件数',
    '规章',
    '0',
    '3',
    '行政规范性文件',
    '12',
    '140',
    '二、依申请公开情况',
    '本年度共收到申请九件。',
    '（本列数据的勾稽关系为：第一项加第二项之和等于第三项加第四项之和）',
    '申请人情况',
    '自然人',
    '总计',
    '一、本年新收申请数量',
    '9',
    '9',
    '二、上年结转申请数量',
    '1',
    '1',
    '三、本年度办理结果',
    '（一）予以公开',
    '6',
    '6',
    '三、行政复议情况',
    '本年度未发生因信息公开引起的行政复议。',
  ];
  const d = doc(lines);
  const tables = findTables(d);

  it('finds both tables, with caption, header cells and rows', () => {
    assert.equal(tables.length, 2);
    const [t1, t2] = tables;
    assert.equal(t1.form, 'cell-per-line');
    assert.equal(t1.caption?.text, '第二十条第（一）项');
    assert.deepEqual([t1.startLine, t1.endLine], [2, 11]);
    assert.deepEqual([t1.header[0].label, ...t1.header[0].cells.map((c) => c.text)], ['信息内容', '本年制发件数', '现行有效件数']);
    assert.deepEqual(rowsOf(t1), ['规章 0 3', '行政规范性文件 12 140']);
    assert.equal(t2.caption, null);
    assert.deepEqual([t2.startLine, t2.endLine], [14, 27]);
    assert.deepEqual(rowsOf(t2), ['一、本年新收申请数量 9 9', '二、上年结转申请数量 1 1', '三、本年度办理结果', '（一）予以公开 6 6']);
    const c = t2.rows[0].cells[1];
    assert.deepEqual([c.line, c.start, c.end], [20, 0, 1]);
  });

  it('keeps the report headings and drops the row labels from the outline', () => {
    const a = analyze(lines.join('\n'));
    assert.deepEqual(
      a.outline.headings.map((h) => `${h.line}:${h.marker}`),
      ['0:一、', '12:二、', '28:三、'],
    );
  });

  it('tolerates pipes left on the cells and lone pipe lines', () => {
    const d2 = doc(['信息内容 |', '本年数量 |', '||', '行政许可 |', '5 |', '|', '行政处罚 |', '7 |', '以上数据截至年底。']);
    const [t] = findTables(d2);
    assert.equal(t.form, 'cell-per-line');
    assert.deepEqual(rowsOf(t), ['行政许可 5', '行政处罚 7']);
    assert.equal(t.endLine, 7);
  });

  it('does not take a heading followed by prose as a row, nor a lone number in prose', () => {
    const d3 = doc(['一、基本情况', '全年完成各项任务。', '二、主要做法', '（一）加强领导', '成立了工作专班。']);
    assert.equal(findTables(d3).length, 0);
  });
});

describe('tables: cell values', () => {
  it('parses Arabic digits, separators, full-width digits and percentages', () => {
    assert.deepEqual(cellValue('1,234.5'), { value: 1234.5, percent: false });
    assert.deepEqual(cellValue('１２３'), { value: 123, percent: false });
    assert.deepEqual(cellValue('98.6%'), { value: 98.6, percent: true });
    assert.equal(cellValue('12件'), null);
    assert.equal(cellValue('1,23'), null);
  });
});
