import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { readDocx } from '../../server/src/node/docx/read';
import { formatNumber } from '../../server/src/node/docx/numbering';
import { DocxReadError } from '../../server/src/node/docx/zip';
import { Analysis } from '../../server/src/core/analysis';
import { tablesOf } from '../../server/src/core/document/blocks/tables';
import { makeDocx, makeZip, oleFile, para, xmlEscape } from '../docx-fixture';

const run = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
const numbered = (numId: number, ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
/** 一、 / （一） / 1. / （1）: the GB/T 9704 levels as Word list levels. */
const GOV_LIST = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCountingThousand', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

async function rejects(buf: Buffer, kind: string, limits?: Parameters<typeof readDocx>[1]) {
  await assert.rejects(readDocx(buf, limits), (e: unknown) => {
    assert.ok(e instanceof DocxReadError, String(e));
    assert.equal(e.kind, kind, e.message);
    return true;
  });
}

describe('docx reader: text view', () => {
  it('reads paragraphs in order, one line each, runs joined, empty paragraphs kept', async () => {
    const body = `<w:p>${run('关于2024年度')}${run('法治政府建设', '<w:b/>')}${run('情况的报告')}</w:p><w:p/>${para('正文第一段。')}<w:p>${run('软')}<w:r><w:br/></w:r>${run('换行')}</w:p>`;
    const d = await readDocx(makeDocx(body));
    assert.equal(d.text, '关于2024年度法治政府建设情况的报告\n\n正文第一段。\n软\n换行');
    assert.deepEqual(d.origins, [{ paragraph: 1 }, { paragraph: 2 }, { paragraph: 3 }, { paragraph: 4 }, { paragraph: 4 }]);
  });

  it('writes out the numbering Word generates, with level restarts and Chinese counting', async () => {
    const body = [
      numbered(1, 0, '主要举措'),
      numbered(1, 1, '加强领导'),
      numbered(1, 2, '健全制度。'),
      numbered(1, 3, '细则。'),
      numbered(1, 2, '完善机制。'),
      numbered(1, 1, '依法行政'),
      numbered(1, 0, '存在的不足'),
      numbered(1, 1, '短板'),
      numbered(1, 2, '重新编号。'),
    ].join('');
    const d = await readDocx(makeDocx(body, { numbering: GOV_LIST }));
    assert.deepEqual(d.text.split('\n'), ['一、主要举措', '（一）加强领导', '1.健全制度。', '（1）细则。', '2.完善机制。', '（二）依法行政', '二、存在的不足', '（一）短板', '1.重新编号。']);
  });

  it('numbers eleven and more as Word does, honours startOverride, lvlRestart 0, style numbering and separators', async () => {
    const numbering =
      GOV_LIST +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '第%1章', '<w:suff w:val="space"/>')}${lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>`;
    const eleven = Array.from({ length: 11 }, (_, i) => `<w:p><w:pPr><w:pStyle w:val="${i % 2 ? 'H1x' : 'H1'}"/></w:pPr>${run(`第${i + 1}部分`)}</w:p>`).join('');
    const body = eleven + numbered(2, 0, '总则') + numbered(2, 1, '甲') + numbered(2, 0, '分则') + numbered(2, 1, '乙') + numbered(3, 0, '另起');
    const lines = (await readDocx(makeDocx(body, { numbering, styles }))).text.split('\n');
    assert.equal(lines[0], '一、第1部分');
    assert.equal(lines[9], '十、第10部分');
    assert.equal(lines[10], '十一、第11部分');
    assert.deepEqual(lines.slice(11), ['第1章 总则', '1.1 甲', '第2章 分则', '2.2 乙', '五、另起']);
  });

  it('formats the number formats reports use', () => {
    assert.equal(formatNumber(21, 'chineseCountingThousand'), '二十一');
    assert.equal(formatNumber(105, 'chineseCountingThousand'), '一百零五');
    assert.equal(formatNumber(1010, 'chineseCountingThousand'), '一千零一十');
    assert.equal(formatNumber(3, 'chineseLegalSimplified'), '叁');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  });

  it('reads tables as pipe rows, merged cells keeping the grid', async () => {
    const tc = (t: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${para(t)}</w:tc>`;
    const table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('申请数', '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${tc('', '<w:vMerge/>')}${tc('自然人')}${tc('法人')}</w:tr><w:tr>${tc('新收')}${tc('12')}${tc('3')}</w:tr></w:tbl>`;
    const d = await readDocx(makeDocx(para('表1 收到申请情况') + table + para('表后文字。')));
    assert.deepEqual(d.text.split('\n'), ['表1 收到申请情况', '项目 | 申请数 |  |', ' | 自然人 | 法人 |', '新收 | 12 | 3 |', '表后文字。']);
    assert.deepEqual(d.origins, [{ paragraph: 1 }, { table: 1, row: 1 }, { table: 1, row: 2 }, { table: 1, row: 3 }, { paragraph: 2 }]);
    // The rows feed the table model as a pipe table, caption included.
    const [t] = tablesOf(Analysis.fromText(d.text).doc);
    assert.equal(t.form, 'pipe');
    assert.equal(t.caption?.text, '表1 收到申请情况');
    assert.deepEqual(t.rows.map((r) => [r.label, ...r.cells.map((c) => c.value)]), [['新收', 12, 3]]);
  });

  it('reads tracked changes as accepted and leaves out comments, notes, text boxes and hidden text', async () => {
    const body =
      `<w:p>${run('全年')}<w:ins w:id="1" w:author="a">${run('共')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>大约</w:delText></w:r></w:del>${run('办理')}<w:moveFrom w:id="3">${run('旧处')}</w:moveFrom><w:moveTo w:id="4">${run('案件')}</w:moveTo>${run('。')}</w:p>` +
      // A deleted paragraph mark: the two paragraphs become one.
      `<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr>${run('前半')}</w:p>${para('后半。')}` +
      `<w:p><w:commentRangeStart w:id="0"/>${run('有批注')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r>${run('隐藏', '<w:vanish/>')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${para('文本框')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>${run('替代')}</mc:Fallback></mc:AlternateContent></w:r>${run('的段落。')}</w:p>` +
      `<w:del w:id="9">${para('不会出现')}</w:del>`;
    const d = await readDocx(makeDocx(body));
    assert.deepEqual(d.text.split('\n'), ['全年共办理案件。', '前半后半。', '有批注的段落。']);
    assert.deepEqual(d.origins, [{ paragraph: 1 }, { paragraph: 2 }, { paragraph: 3 }]);
  });
});

describe('docx reader: files it refuses', () => {
  it('a .doc renamed to .docx', () => rejects(oleFile(['WordDocument', '1Table']), 'doc'));
  it('a password-protected .docx (encrypted OLE2 container)', () => rejects(oleFile(['EncryptionInfo', 'EncryptedPackage']), 'encrypted'));
  it('bytes that are no zip', () => rejects(Buffer.from('这不是一个文档'), 'corrupt'));
  it('a truncated archive', () => rejects(makeDocx(para('正文')).subarray(0, 200), 'corrupt'));
  it('a zip without a Word body', () => rejects(makeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]), 'not-word'));
  it('malformed XML in the body', () => rejects(makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="x"><w:body><w:p>') }]), 'corrupt'));
  it('too many entries', () =>
    rejects(makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `x${i}.bin`, data: Buffer.from('x') }))), 'too-large', { maxEntries: 20, maxInflatedBytes: 1e6 }));
  it('a zip bomb: bytes inflated are counted, whatever the headers declare', async () => {
    const huge = Buffer.alloc(200 * 1024 * 1024, 0x20);
    const honest = makeZip([{ name: 'word/document.xml', data: huge }]);
    assert.ok(honest.length < 1024 * 1024, `${honest.length} bytes compressed`);
    await rejects(honest, 'too-large');
    // Headers that claim a tiny part: still stopped by the count (or by yauzl's size check).
    const lying = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 100 }]);
    await assert.rejects(readDocx(lying, { maxEntries: 100, maxInflatedBytes: 1024 * 1024 }), (e: unknown) => e instanceof DocxReadError && (e.kind === 'too-large' || e.kind === 'corrupt'));
  });
});
