/**
 * The exported .docx through LibreOffice (`soffice --headless --convert-to pdf`) and poppler:
 * page size, the fonts used per role, and where the text lands on the page (pdftotext -bbox-layout)
 * against the GB/T 9704 margins, line pitch and characters per line. Page 1 is rendered to PNG in
 * out/test-output/ (REPORTLINT_UPDATE_DOCS=1 also copies it to docs/export-page1.png).
 *
 * Fonts: the 公文 fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) are not free and not on
 * a Linux machine; LibreOffice substitutes whatever fontconfig offers. The test gives fontconfig
 * a mapping of each role to a distinct installed font (title → Noto Serif CJK Bold, 黑体 → Noto
 * Sans CJK, 楷体 → AR PL UKai, 仿宋 and 宋体 → Noto Serif CJK), so pdffonts shows that the .docx
 * names a different font for each role; it cannot show the real fonts.
 *
 * Needs libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk and fonts-arphic-ukai (Debian;
 * test/e2e/setup-code-server.sh installs them in CI). Without them the test is skipped with a
 * message, except under CI=true where it fails.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT } from '../helpers';
import { exportDocx } from '../../server/src/node/docx';

const TOOLS = ['soffice', 'pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm', 'fc-list'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
const SKIP = missing.length && process.env.CI !== 'true' ? `LibreOffice/poppler not installed (${missing.join(', ')}): apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai` : false;

const PT_PER_MM = 72 / 25.4;
const PAGE = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
/** The 版心 in PDF points, from the top-left corner. */
const BOX = { left: 28 * PT_PER_MM, right: (210 - 26) * PT_PER_MM, top: 37 * PT_PER_MM, bottom: (297 - 35) * PT_PER_MM };
const TOL = 1.5;

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${[
    ['方正小标宋简体', 'Noto Serif CJK SC', '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'],
    ['黑体', 'Noto Sans CJK SC', ''],
    ['楷体_GB2312', 'AR PL UKai CN', ''],
    ['仿宋_GB2312', 'Noto Serif CJK SC', ''],
    ['宋体', 'Noto Serif CJK SC', ''],
  ]
    .map(([from, to, extra]) => `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${extra}</match>`)
    .join('\n  ')}
</fontconfig>
`;

interface PdfLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function bboxLines(html: string): PdfLine[] {
  const out: PdfLine[] = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((p, i) => {
    for (const m of p.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs)) {
      const words = [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]);
      out.push({ page: i + 1, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: words.join('') });
    }
  });
  return out;
}

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 180_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

describe('export: the .docx in LibreOffice', { skip: SKIP }, () => {
  it('lays out A4 with the GB/T 9704 margins, fonts by role, 28 characters a line and page numbers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-lo-'));
    const docx = path.join(dir, 'report.docx');
    fs.writeFileSync(docx, await exportDocx(fs.readFileSync(path.join(FIXTURES, 'docx', 'export-report.txt'), 'utf8')));
    fs.writeFileSync(path.join(dir, 'fonts.conf'), FONTS_CONF);
    const env = { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir };
    sh('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], env);
    const pdf = path.join(dir, 'report.pdf');

    // Page size: A4.
    const info = sh('pdfinfo', [pdf]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    assert.ok(size, info);
    assert.ok(Math.abs(+size[1] - PAGE.width) < 1 && Math.abs(+size[2] - PAGE.height) < 1, size[0]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 2, `${pages} pages`);

    // Fonts: one per role, as mapped above (substitutes: see the header comment).
    const fonts = sh('pdffonts', [pdf]);
    assert.match(fonts, /NotoSerifCJK\w*-Bold/, 'title font (方正小标宋简体 → Noto Serif CJK Bold)');
    assert.match(fonts, /NotoSansCJK\w*-Regular/, 'level-1 heading font (黑体 → Noto Sans CJK)');
    assert.match(fonts, /NotoSerifCJK\w*-Regular/, 'body font (仿宋_GB2312 → Noto Serif CJK)');
    if (/UKai/.test(sh('fc-list', []))) assert.match(fonts, /UKai/, 'level-2 heading font (楷体_GB2312 → AR PL UKai)');
    else assert.notEqual(process.env.CI, 'true', 'fonts-arphic-ukai is installed in CI');

    const lines = bboxLines(sh('pdftotext', ['-bbox-layout', '-f', '1', '-l', '2', pdf, '-']));
    const isNumber = (l: PdfLine) => /^—\d+—$/.test(l.text);
    const text = lines.filter((l) => !isNumber(l));
    // Everything but the page numbers inside the 版心.
    for (const l of text) {
      // A closing punctuation mark may hang past the right edge (Word's and LibreOffice's default 标点溢出).
      const hang = /[，。、；：！？”）》]$/.test(l.text) ? 16 : 0;
      assert.ok(l.xMin >= BOX.left - TOL && l.xMax <= BOX.right + hang + TOL, `outside left/right margins: ${JSON.stringify(l)}`);
      assert.ok(l.yMin >= BOX.top - TOL && l.yMax <= BOX.bottom + TOL, `outside top/bottom margins: ${JSON.stringify(l)}`);
    }
    // Title: centred in the 版心, 二号 against the body's 三号 (glyph boxes scale with the size).
    const page1 = text.filter((l) => l.page === 1);
    const [title1, title2] = page1;
    const centre = (BOX.left + BOX.right) / 2;
    for (const t of [title1, title2]) assert.ok(Math.abs((t.xMin + t.xMax) / 2 - centre) < 2, `title not centred: ${JSON.stringify(t)}`);
    const body = page1.filter((l) => l.text.startsWith('法治思想'))[0];
    assert.ok(body, 'second body line');
    assert.ok(Math.abs((title1.yMax - title1.yMin) / (body.yMax - body.yMin) - 22 / 16) < 0.06, 'title 二号 vs body 三号');
    // Body lines: flush with the left margin, first lines two characters in, 28.95 pt apart.
    assert.ok(Math.abs(body.xMin - BOX.left) < TOL, `left edge ${body.xMin}`);
    const first = page1.find((l) => l.text.startsWith('1.健全工作机制'))!;
    assert.ok(Math.abs(first.xMin - (BOX.left + 32)) < TOL, `first-line indent ${first.xMin}`);
    const pitches = page1.slice(3).map((l, i, a) => (i ? l.yMin - a[i - 1].yMin : 0)).slice(1);
    const pitch = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)];
    assert.ok(Math.abs(pitch - 28.95) < 0.3, `line pitch ${pitch} pt (22 lines in 225 mm)`);
    // 28 characters a line: a paragraph of Chinese characters only wraps 26 + 28 + 28.
    const para = text.findIndex((l) => l.text.startsWith('县政府主要负责同志'));
    assert.ok(para >= 0);
    assert.deepEqual(text.slice(para, para + 3).map((l) => Array.from(l.text).length), [26, 28, 28]);
    // Page numbers below the 版心: odd pages on the right, even pages on the left.
    const numbers = lines.filter(isNumber);
    assert.deepEqual(numbers.map((n) => n.text), ['—1—', '—2—']);
    for (const n of numbers) assert.ok(n.yMin > BOX.bottom && n.yMax < PAGE.height - 20 * PT_PER_MM, `page number height ${JSON.stringify(n)}`);
    assert.ok(numbers[0].xMin > centre && Math.abs(numbers[0].xMax - (BOX.right - 14)) < 3, `odd page number ${JSON.stringify(numbers[0])}`);
    assert.ok(numbers[1].xMax < centre && Math.abs(numbers[1].xMin - (BOX.left + 14)) < 3, `even page number ${JSON.stringify(numbers[1])}`);

    // The closing block, on the last page: the date four characters from the right edge.
    const last = bboxLines(sh('pdftotext', ['-bbox-layout', '-f', String(pages), '-l', String(pages), pdf, '-']));
    const date = last.find((l) => l.text === '2025年1月20日');
    assert.ok(date, 'date line');
    assert.ok(Math.abs(date.xMax - (BOX.right - 4 * 16)) < 3, `date right edge ${date.xMax}`);

    // Page 1 as a picture, for a person to look at.
    const outDir = path.join(REPO_ROOT, 'out', 'test-output');
    fs.mkdirSync(outDir, { recursive: true });
    sh('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', pdf, path.join(outDir, 'export-page1')], env);
    const png = path.join(outDir, 'export-page1.png');
    assert.ok(fs.statSync(png).size > 10_000);
    if (process.env.REPORTLINT_UPDATE_DOCS === '1') fs.copyFileSync(png, path.join(REPO_ROOT, 'docs', 'export-page1.png'));
  });
});
