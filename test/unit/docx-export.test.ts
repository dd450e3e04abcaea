/**
 * `reportlint export --format docx`: the GB/T 9704 layout as written in the .docx, and the round
 * trip (export, read back: same text, same outline, same findings).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT, SEEDS_DIR, SEEDS_SKIP } from '../helpers';
import { exportDocx, readDocx } from '../../server/src/node/docx';
import { readZipParts } from '../../server/src/node/docx/zip';

const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
const REPORT = path.join(FIXTURES, 'docx', 'export-report.txt');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', REPORTLINT_LOCALE: '' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-export-'));

async function parts(buf: Buffer): Promise<Map<string, string>> {
  const m = await readZipParts(buf, (n) => n.endsWith('.xml'));
  return new Map([...m].map(([k, v]) => [k, v.toString('utf8')]));
}

/** The w:p elements of a part with their text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => ({ xml: m[0], text: [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));
}

describe('export: GB/T 9704 layout in the .docx', () => {
  it('sets page, margins, grid, fonts by role, closing block, page numbers and a real table', async () => {
    const buf = await exportDocx(fs.readFileSync(REPORT, 'utf8'));
    const p = await parts(buf);
    const doc = p.get('word/document.xml')!;
    // A4 and the margins in twips (37/35/28/26 mm).
    assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(doc, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 22 lines a page: 579 twips = 28.95 pt, 22 × 28.95 pt ≈ 225 mm.
    assert.match(doc, /<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    const styles = p.get('word/styles.xml')!;
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
    for (const want of ['w:eastAsia="仿宋_GB2312"', '<w:sz w:val="32"/>', '<w:spacing w:val="-5"/>', '<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>']) {
      assert.ok(defaults.includes(want), `docDefaults lack ${want}`);
    }
    const paras = paragraphs(doc);
    const find = (text: string) => {
      const hit = paras.find((x) => x.text === text);
      assert.ok(hit, `no paragraph ${text}`);
      return hit.xml;
    };
    const title = find('青山县人民政府关于2024年度法治政府建设情况的报告');
    assert.match(title, /<w:jc w:val="center"\/>/);
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(find('一、主要举措和成效'), /w:eastAsia="黑体"/);
    assert.match(find('（一）强化组织领导'), /w:eastAsia="楷体_GB2312"/);
    // A run-in level-3 heading: the heading in its font, the body after it in the body font.
    const runIn = find('1.健全工作机制。县政府常务会议专题研究法治政府建设工作四次，制定年度工作要点，明确三十二项具体任务并逐项分解落实到责任单位。');
    assert.equal([...runIn.matchAll(/w:eastAsia="仿宋_GB2312"/g)].length, 2);
    const body = find('2025年，我县将继续深入学习贯彻习近平法治思想，持续深化行政执法体制改革，不断提升依法行政能力和水平，为全县经济社会高质量发展提供坚实法治保障。');
    assert.match(body, /<w:jc w:val="both"\/>/);
    assert.match(body, /<w:ind w:firstLine="640"\/>/);
    assert.match(find('青山县人民政府'), /<w:jc w:val="right"\/>/);
    assert.match(find('2025年1月20日'), /<w:jc w:val="right"\/>.*<w:ind w:right="1280"\/>|<w:ind w:right="1280"\/>.*<w:jc w:val="right"\/>/s);
    // The table: three rows of three cells.
    const tbl = /<w:tbl>.*?<\/w:tbl>/s.exec(doc)?.[0] ?? '';
    assert.equal([...tbl.matchAll(/<w:tr>/g)].length, 3);
    assert.equal([...tbl.matchAll(/<w:tc>/g)].length, 9);
    // Odd and even page numbers: — PAGE —, 宋体 四号, right on odd pages, left on even ones.
    assert.match(p.get('word/settings.xml')!, /<w:evenAndOddHeaders\/>/);
    const footers = [...p].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);
    assert.equal(footers.length, 2);
    for (const f of footers) {
      assert.match(f, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
      assert.match(f, /<w:t xml:space="preserve">— <\/w:t>/);
      assert.match(f, /w:eastAsia="宋体"/);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
    assert.deepEqual(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort(), ['left', 'right']);
    assert.match(doc, /<w:footerReference w:type="even"/);
    // Fonts are named, not embedded.
    assert.ok(![...p.keys()].some((k) => k.startsWith('word/fonts/')));
  });
});

describe('export: round trip', () => {
  it('the fixture report: same text, outline and findings after export and reading back (CLI)', () => {
    const dir = tmp();
    const out = path.join(dir, '报告.docx');
    const r = cli(['export', '--format', 'docx', REPORT, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /已导出/);
    const text = fs.readFileSync(REPORT, 'utf8');
    const outlineTxt = JSON.parse(cli(['outline', '--format', 'json', REPORT]).stdout).files[0];
    const outlineDocx = JSON.parse(cli(['outline', '--format', 'json', out]).stdout).files[0];
    assert.deepEqual({ ...outlineDocx, path: null, source: undefined }, { ...outlineTxt, path: null, source: undefined });
    assert.ok(outlineTxt.sections.length >= 4);
    // A copy with defects: the findings survive the round trip, position for position.
    const broken = path.join(dir, 'broken.txt');
    fs.writeFileSync(broken, text.replace('（二）规范行政决策', '（三）规范行政决策').replace('三、存在的不足和原因', '三、存在的不足'));
    const brokenDocx = path.join(dir, 'broken.docx');
    assert.equal(cli(['export', broken, '-o', brokenDocx]).code, 0);
    const a = JSON.parse(cli(['check', '--format', 'json', broken]).stdout).files[0].diagnostics;
    const b = JSON.parse(cli(['check', '--format', 'json', brokenDocx]).stdout).files[0].diagnostics;
    assert.ok(a.some((d: { ruleId: string }) => d.ruleId === 'numbering-gap'));
    assert.deepEqual(b.map(({ origin, ...rest }: { origin: unknown }) => rest), a);
  });

  it('default output name, and refusals: no input, a .doc input', () => {
    const dir = tmp();
    const input = path.join(dir, '总结.txt');
    fs.copyFileSync(REPORT, input);
    assert.equal(cli(['export', input]).code, 0);
    assert.ok(fs.statSync(path.join(dir, '总结.docx')).size > 1000);
    assert.equal(cli(['export', path.join(dir, 'missing.txt')]).code, 2);
    fs.writeFileSync(path.join(dir, 'old.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
    const old = cli(['export', path.join(dir, 'old.docx')]);
    assert.equal(old.code, 2);
    assert.match(old.stderr, /old\.docx：这是旧版 Word 二进制格式/);
    assert.equal(cli(['check', '--format', 'docx', input]).code, 2);
  });

  describe('each seed', { skip: SEEDS_SKIP }, () => {
    const seeds = SEEDS_SKIP ? [] : fs.readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt'));
    for (const name of seeds) {
      it(name, async () => {
        const text = fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8').replace(/\r\n?/g, '\n');
        const back = await readDocx(await exportDocx(text));
        assert.equal(back.text, text);
      });
    }
  });
});
