/**
 * The CLI on .docx files built here: the documented result on each kind of file, and the same
 * findings on a .docx made from each seed as on the seed's .txt, position for position.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, SEEDS_DIR, SEEDS_SKIP } from '../helpers';
import { docxFromText, makeDocx, oleFile, para, xmlEscape } from '../docx-fixture';
import { FIXTURES } from '../helpers';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-docx-'));
const run = (t: string) => `<w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
const LEVEL1 = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const num = (ilvl: number, text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(text)}</w:p>`;

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * A .docx of `text` as Word would hold it: level-1 headings `N、` that follow each other as Word
 * list numbering (not in the runs), every line cut into several runs, some of them tracked
 * insertions, with a tracked deletion and a bookmark in between.
 */
function wordLike(text: string): Buffer {
  let next = 1;
  const body = text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      let pPr = '';
      const m = /^([一二三四五六七八九十]{1,2})、/.exec(line);
      if (m && CN[next] === m[1]) {
        pPr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>';
        line = line.slice(m[0].length);
        next++;
      }
      const chars = Array.from(line);
      let runs = '';
      for (let i = 0, k = 0; i < chars.length; i += 7, k++) {
        const chunk = run(chars.slice(i, i + 7).join(''));
        runs += k % 3 === 1 ? `<w:ins w:id="${k}" w:author="审稿人">${chunk}</w:ins><w:del w:id="d${k}" w:author="审稿人"><w:r><w:delText>删去的字</w:delText></w:r></w:del>` : k % 3 === 2 ? `<w:bookmarkStart w:id="${k}" w:name="b${k}"/>${chunk}<w:bookmarkEnd w:id="${k}"/>` : chunk;
      }
      return `<w:p>${pPr}${runs}</w:p>`;
    })
    .join('');
  return makeDocx(body, { numbering: LEVEL1 });
}

describe('cli: .docx input', () => {
  it('a Word report compared with last year’s keeps naming its paragraphs', () => {
    const dir = tmp();
    // This year's 信息公开 report and last year's (another carry-forward) as Word documents.
    fs.writeFileSync(path.join(dir, '2024.docx'), docxFromText(fs.readFileSync(path.join(FIXTURES, 'rules', 'table-identity', 'complete-pipe.txt'), 'utf8')));
    fs.writeFileSync(path.join(dir, '2023.docx'), docxFromText(fs.readFileSync(path.join(FIXTURES, 'xxgk-cross-year', 'other', '青禾区交通运输局2023年报告.txt'), 'utf8')));
    const r = cli(['check', path.join(dir, '2024.docx'), path.join(dir, '2023.docx')], { REPORTLINT_JOBS: '1' });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith(path.join(dir, '2024.docx')));
    assert.ok(lines.some((l) => l.includes('cross-year-carry-over')), r.stdout + r.stderr);
    for (const l of lines) assert.match(l, /（(?:段落|表格)[^）]*）$/, l);
  });

  it('checks paragraphs and Word-numbered headings, naming the paragraph', () => {
    const dir = tmp();
    const file = path.join(dir, '报告.docx');
    // Word numbers 一、二、; the third heading was typed by hand as 四、 (a gap the checker sees).
    fs.writeFileSync(file, makeDocx(para('某区人民政府关于2024年度法治政府建设情况的报告') + num(0, '主要举措') + para('正文。') + num(0, '主要成效') + para('四、下一步工作安排') + para('正文。'), { numbering: LEVEL1 }));
    const text = cli(['check', file]);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /报告\.docx:5:1 错误 numbering-gap 标题编号不连续：此处应为“三、”，实为“四、”.*（段落 5）$/m);
    const json = JSON.parse(cli(['check', '--format', 'json', file]).stdout);
    assert.equal(json.files[0].source, 'docx');
    const gap = json.files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'numbering-gap');
    assert.deepEqual(gap.origin, { paragraph: 5 });
    assert.deepEqual(gap.range.start, { line: 4, character: 0 });
    const en = cli(['check', '--locale', 'en', file]);
    assert.match(en.stdout, /\(paragraph 5\)$/m);
    const outline = JSON.parse(cli(['outline', '--format', 'json', file]).stdout).files[0];
    assert.equal(outline.source, 'docx');
    assert.deepEqual(outline.sections.map((s: { marker: string; title: string }) => s.marker + s.title), ['一、主要举措', '二、主要成效', '四、下一步工作安排']);
  });

  it('reads a table as rows and tracked changes as accepted; stats name the source', () => {
    const dir = tmp();
    const file = path.join(dir, 'table.docx');
    const tc = (t: string) => `<w:tc>${para(t)}</w:tc>`;
    const table = `<w:tbl><w:tr>${tc('项目')}${tc('数量')}</w:tr><w:tr>${tc('收到申请')}${tc('12')}</w:tr></w:tbl>`;
    const tracked = `<w:p>${run('全年办结')}<w:del w:id="1" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run('10')}</w:ins>${run('件。')}</w:p>`;
    fs.writeFileSync(file, makeDocx(para('表1 办理情况') + table + tracked));
    const outline = cli(['outline', file]);
    assert.equal(outline.code, 0, outline.stderr);
    const stats = JSON.parse(cli(['stats', '--format', 'json', file]).stdout);
    assert.equal(stats.files[0].source, 'docx');
    // The text view, through the outline's stdin twin: `-` with a .docx name reads Word from stdin.
    const viaStdin = spawnSync(process.execPath, [BIN, 'check', '--force', '--format', 'json', '--stdin-name', 'x.docx', '-'], { input: fs.readFileSync(file), encoding: 'utf8' });
    assert.equal(JSON.parse(viaStdin.stdout).files[0].source, 'docx', viaStdin.stderr);
  });

  it('refuses a corrupt file, a .doc and a password-protected file by name with exit 2, and checks the others', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a-corrupt.docx'), makeDocx(para('正文')).subarray(0, 100));
    fs.writeFileSync(path.join(dir, 'b-old.docx'), oleFile(['WordDocument', '1Table']));
    fs.writeFileSync(path.join(dir, 'c-locked.docx'), oleFile(['EncryptionInfo', 'EncryptedPackage']));
    fs.writeFileSync(path.join(dir, 'd-good.docx'), makeDocx(para('一、总体情况') + para('三、主要举措')));
    const r = cli(['check', '--force', '--format', 'json', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a-corrupt\.docx：不是有效的 \.docx 文件/);
    assert.match(r.stderr, /b-old\.docx：这是旧版 Word 二进制格式（\.doc）/);
    assert.match(r.stderr, /c-locked\.docx：文档设有打开密码/);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => path.basename(f.path)), ['d-good.docx']);
    assert.ok(json.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'numbering-gap'));
    const en = cli(['check', '--locale', 'en', path.join(dir, 'b-old.docx')]);
    assert.equal(en.code, 2);
    assert.match(en.stderr, /b-old\.docx: this is an old binary Word file \(\.doc\)/);
  });
});

describe('cli: a .docx made from each seed gives the .txt findings', { skip: SEEDS_SKIP }, () => {
  const seeds = SEEDS_SKIP ? [] : fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt'));
  for (const name of seeds) {
    it(name, () => {
      const dir = tmp();
      const text = fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
      const txt = path.join(dir, name);
      const docx = path.join(dir, name.replace(/\.txt$/, '.docx'));
      fs.writeFileSync(txt, text);
      fs.writeFileSync(docx, wordLike(text));
      // --force: the news article (not a report) is checked too.
      const a = JSON.parse(cli(['check', '--force', '--format', 'json', '--fail-on', 'hint', txt]).stdout).files[0].diagnostics;
      const b = JSON.parse(cli(['check', '--force', '--format', 'json', '--fail-on', 'hint', docx]).stdout).files[0].diagnostics;
      assert.ok(a.length > 0);
      assert.deepEqual(
        b.map((d: Record<string, unknown>) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, range: d.range })),
        a,
      );
      assert.ok(b.every((d: { origin: unknown }) => d.origin && typeof d.origin === 'object'));
    });
  }
});
