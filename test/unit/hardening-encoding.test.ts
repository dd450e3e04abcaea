/**
 * Issue 20 point 7: encodings. UTF-16 without BOM is recognised, a stray NUL in UTF-8 is a finding
 * (not "binary"), EUC-KR and Shift-JIS are named and refused (exit 2), Big5 is decoded with a
 * notice, and a run in which every input was skipped exits 2. The files are made here.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { describe, it } from 'node:test';
import { runCliEnglish } from '../helpers';
import { decodeBuffer } from '../../server/src/cli/files';

/** A short report with a numbering gap (numbering-gap error: exit 1 when checked). */
const REPORT = '某县人民政府关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n三、2025年工作安排\n继续推进依法行政。\n';
const TRAD = '某縣人民政府關於2024年度法治政府建設情況的報告\n一、主要舉措和成效\n全年辦理行政複議案件12件，辦結率達到百分之百。\n三、2025年工作安排\n繼續推進依法行政。\n';
const KOREAN = '2024년 지방 정부 업무 보고서\n올해 우리는 행정 서비스를 개선하고 주민의 삶을 향상시키기 위해 노력했습니다. 내년에도 계속 추진하겠습니다.\n';
const JAPANESE = '令和六年度の行政報告書\n本年度は、住民サービスの向上に取り組みました。来年度も引き続き努力してまいります。\n';

const cli = (args: string[], cwd: string) => runCliEnglish(args, cwd);

function withFile(name: string, data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reportlint-enc-'));
  fs.writeFileSync(path.join(dir, name), data);
  return dir;
}

describe('hardening: encodings (#20.7)', () => {
  it('UTF-16LE and UTF-16BE without BOM are decoded (NUL pattern), not skipped as binary', () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const d = decodeBuffer(iconv.encode(REPORT, enc));
      assert.deepEqual(d.ok && [d.encoding, d.text], [enc, REPORT], enc);
      const dir = withFile('r.txt', iconv.encode(REPORT, enc));
      const r = cli(['check', '--format', 'json', 'r.txt'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(JSON.parse(r.stdout).files[0].diagnostics.some((f: { ruleId: string }) => f.ruleId === 'numbering-gap'));
      assert.match(r.stderr, new RegExp(`${enc.toUpperCase()} without a byte-order mark`));
    }
  });

  it('a stray NUL in UTF-8 text is an encoding-damage finding, not a binary file', () => {
    const text = REPORT.replace('全年', '全\0年');
    const d = decodeBuffer(Buffer.from(text));
    assert.equal(d.ok && d.encoding, 'utf-8');
    const dir = withFile('r.txt', Buffer.from(text));
    const r = cli(['check', '--format', 'json', 'r.txt'], dir);
    assert.equal(r.code, 1, r.stderr);
    const nul = JSON.parse(r.stdout).files[0].diagnostics.filter((f: { ruleId: string }) => f.ruleId === 'encoding-damage');
    assert.equal(nul.length, 1);
    assert.match(nul[0].message, /NUL/);
  });

  it('EUC-KR and Shift-JIS are named and refused (exit 2); GB18030 still decodes', () => {
    assert.deepEqual(decodeBuffer(iconv.encode(KOREAN.repeat(3), 'euc-kr')), { ok: false, reason: 'encoding', encoding: 'euc-kr' });
    assert.deepEqual(decodeBuffer(iconv.encode(JAPANESE.repeat(3), 'shift_jis')), { ok: false, reason: 'encoding', encoding: 'shift_jis' });
    const gb = decodeBuffer(iconv.encode(REPORT, 'gb18030'));
    assert.equal(gb.ok && gb.encoding, 'gb18030');
    for (const [name, data, label] of [
      ['kr.txt', iconv.encode(KOREAN.repeat(3), 'euc-kr'), /EUC-KR \(Korean\)/],
      ['jp.txt', iconv.encode(JAPANESE.repeat(3), 'shift_jis'), /Shift-JIS \(Japanese\)/],
    ] as const) {
      const r = cli(['check', name], withFile(name, data));
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, label);
    }
  });

  it('Big5 is decoded with a notice naming it', () => {
    const data = iconv.encode(TRAD, 'big5');
    const d = decodeBuffer(data);
    assert.deepEqual(d.ok && [d.encoding, d.text], ['big5', TRAD]);
    const r = cli(['check', '--format', 'json', 'r.txt'], withFile('r.txt', data));
    assert.match(r.stderr, /decoded as Big5/);
    assert.equal(r.code, 1, r.stderr);
  });

  it('a run in which every input was skipped exits 2', () => {
    const dir = withFile('a.txt', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x11].concat(Array(200).fill(0))));
    const r = cli(['check', 'a.txt'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /binary/);
    assert.match(r.stderr, /no file was checked/);
  });
});
