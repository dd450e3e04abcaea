import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { activeProfile, detectProfile, getProfile } from '../../server/src/core/profiles';
import { defaultConfig, mergeConfig } from '../../server/src/core/config/config';
import { previousYearFindings } from '../../server/src/lsp/cross-year';
import { pathToFileURL } from 'url';
import { statisticalTables } from '../../server/src/core/statistical-tables';
import { statsSummary } from '../../server/src/core/figures/summary';
import { hoverAt } from '../../server/src/core/features/hover';
import { completionsAt } from '../../server/src/core/features/completion';
import { reportSkeletonSnippet } from '../../server/src/core/features/report-skeleton';
import { parseSnippet, render } from '../snippet-syntax';
import { compareYears, reportKey } from '../../server/src/core/statistical-tables/cross-year';
import { analyze, check, FIXTURES, REPO_ROOT } from '../helpers';

/**
 * The 政府信息公开工作年度报告 kind: detection, its tables read in the three text forms, every
 * identity checked, and each broken identity caught exactly once on the right cell. The fixtures
 * (test/fixtures/rules/<rule>/…) are the project's own texts (a fictional body and figures).
 */
const ID = 'xinxi-gongkai-annual';
const profile = () => getProfile(ID)!;
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, 'rules', rel), 'utf8');
const uriOf = (rel: string) => `file:///fixtures/${path.basename(rel)}`;
const COMPLETE = ['table-identity/complete-pipe.txt', 'table-identity/complete-markdown.md', 'table-identity/complete-cell-per-line.txt'];

describe('信息公开 report: profile and detection', () => {
  it('auto picks the kind from the title, and from the opening and table labels without one', () => {
    for (const rel of COMPLETE) {
      const a = analyze(read(rel), uriOf(rel));
      assert.equal(detectProfile(a)?.profile.id, ID, rel);
      assert.equal(activeProfile(a, defaultConfig())?.id, ID);
    }
    const untitled = read('table-identity/complete-pipe.txt').split('\n').slice(1).join('\n');
    const d = detectProfile(analyze(untitled));
    assert.equal(d?.profile.id, ID);
    assert.ok(d!.cues.includes('opening') || d!.cues.some((c) => c.startsWith('table:')));
  });

  it('keeps the six sections, their order and the legal basis in data', () => {
    const p = profile();
    assert.deepEqual(
      p.parts.map((x) => [x.id, x.order, x.required]),
      [['overview', 1, true], ['proactive', 2, true], ['requests', 3, true], ['review', 4, true], ['problems', 5, true], ['other', 6, true]],
    );
    assert.equal(p.basis.article['zh-cn'], '第五十条');
    assert.match(p.basis.format!['zh-cn'], /国办公开办函〔2021〕30号/);
    assert.deepEqual(p.deadlines!.map((d) => [d.id, d.month, d.day]), [['government', 3, 31], ['department', 1, 31]]);
  });
});

describe('信息公开 report: tables in three forms', () => {
  for (const rel of COMPLETE) {
    it(`${rel}: every table read, every identity checked and kept, no error or warning`, () => {
      const a = analyze(read(rel), uriOf(rel));
      const st = statisticalTables(a, profile());
      assert.deepEqual(st.tables.map((t) => t.def.id), ['article20-1', 'article20-5', 'article20-6', 'article20-8', 'requests', 'review']);
      for (const t of st.tables) assert.deepEqual(t.damage, [], `${t.def.id} damaged`);
      const requests = st.tables.find((t) => t.def.id === 'requests')!;
      assert.equal(requests.rowSet, '2021');
      assert.equal(requests.intact.size, 25);
      // 7 balance columns + 7 sub-total columns + 25 data rows; 3 groups of the review table.
      assert.equal(st.identities.checks.length, 7 + 7 + 25 + 3);
      assert.ok(st.identities.checks.every((c) => c.holds));
      assert.equal(st.text.length, 8, st.text.map((t) => t.phrase.text).join());
      assert.ok(st.text.every((t) => t.holds));
      // No error or warning from any rule (table rows are not headings, cells are not figures to pair).
      const findings = check(read(rel), { uri: uriOf(rel) }).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1} ${f.ruleId} ${f.message}`), []);
    });
  }

  it('reads the 2019 row set, whose （六）其他处理 is one row', () => {
    const a = analyze(read('table-identity/format-2019.txt'));
    const requests = statisticalTables(a, profile()).tables.find((t) => t.def.id === 'requests')!;
    assert.equal(requests.rowSet, '2019');
    assert.ok(statisticalTables(a, profile()).identities.checks.every((c) => c.holds));
  });
});

describe('信息公开 report: a zero stated in words (未收到政府信息公开申请)', () => {
  const base = read('table-identity/complete-pipe.txt');
  const lines = base.split('\n');
  const at = lines.findIndex((l) => l.startsWith('（二）依申请公开。'));
  /** The report with the 依申请公开 paragraph replaced, and (when `zero`) every count of the 收到和处理 table set to 0. */
  const variant = (paragraph: string, zero: boolean) => {
    const out = [...lines];
    out[at] = paragraph;
    if (zero) {
      const start = out.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
      const end = out.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
      for (let i = start + 1; i < end; i++) if (/\| \d+ \|/.test(out[i])) out[i] = out[i].replace(/\| \d+(?= \|)/g, '| 0');
    }
    return out.join('\n');
  };
  const textClaims = (text: string) => statsSummary(analyze(text, 'file:///fixtures/zero.txt')).claims.filter((c) => c.kind === 'table-text');

  it('against a table of zeros: verified, no finding', () => {
    const text = variant('（二）依申请公开。本年度未收到政府信息公开申请，无上年结转申请。', true);
    const zero = textClaims(text).find((c) => c.text === '未收到政府信息公开申请');
    assert.equal(zero?.verdict, 'consistent', JSON.stringify(textClaims(text)));
    assert.deepEqual(check(text, { uri: 'file:///fixtures/zero.txt' }).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.ruleId), []);
  });

  it('against a table with 157 new requests: one error on the phrase, naming the cell and its value', () => {
    const text = variant('（二）依申请公开。全年未接到政府信息公开申请，上年结转5件，予以公开72件。', false);
    const found = check(text, { uri: 'file:///fixtures/zero.txt' }).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(found.map((f) => f.ruleId), ['table-text-mismatch']);
    const a = analyze(text);
    assert.equal(text.slice(a.doc.offsetAt(found[0].range.start), a.doc.offsetAt(found[0].range.end)), '未接到政府信息公开申请');
    assert.match(found[0].message, /正文“未接到政府信息公开申请”与表中“一、本年新收政府信息公开申请数量.*”（157）不一致/);
  });

  it('is not read where the phrase does not end its clause, compares, names another year or holds a figure', () => {
    for (const paragraph of [
      '（二）依申请公开。全年共收到政府信息公开申请157件，对未收到政府信息公开申请答复的申请人逐一回访。',
      '（二）依申请公开。全年共收到政府信息公开申请157件，较上年未收到政府信息公开申请的情况有所变化。',
      '（二）依申请公开。全年共收到政府信息公开申请157件，2023年未收到政府信息公开申请。',
      '（二）依申请公开。全年共收到政府信息公开申请157件，未收到2件以上的重复信息公开申请。',
    ]) {
      const text = variant(paragraph, false);
      assert.deepEqual(textClaims(text).filter((c) => c.text.includes('未')).map((c) => c.text), [], paragraph);
      assert.deepEqual(check(text, { uri: 'file:///fixtures/zero.txt' }).filter((f) => f.ruleId === 'table-text-mismatch'), [], paragraph);
    }
  });
});

describe('信息公开 report: each broken identity caught once, on the right cell', () => {
  const cases: [string, string, string, string][] = [
    // fixture, rule, the text of the cell / figure the finding is on, what its message names
    ['table-identity/broken-column.txt', 'table-identity', '4', '“自然人”列'],
    ['table-identity/broken-row.txt', 'table-identity', '10', '“1.本机关不掌握相关政府信息”行'],
    ['table-identity/broken-subtotal.txt', 'table-identity', '114', '（七）总计等于'],
    ['table-identity/broken-review.md', 'table-identity', '2', '行政复议：'],
    ['table-identity/format-2019-broken.txt', 'table-identity', '3', '“（六）其他处理”行'],
    ['table-text-mismatch/text-vs-table.txt', 'table-text-mismatch', '135', '收到政府信息公开申请135件'],
    ['statistics-period/wrong-year.txt', 'statistics-period', '2023', '报告年度为2024年'],
    ['missing-part/xxgk-missing-section.txt', 'missing-part', '', '存在的主要问题及改进情况'],
    ['part-order/xxgk-out-of-order.txt', 'part-order', '其他需要报告的事项', '存在的主要问题及改进情况'],
  ];
  for (const [rel, rule, cell, words] of cases) {
    it(rel, () => {
      const text = read(rel);
      // Exactly one error or warning in the whole report: the broken identity (or section), nothing else.
      const mine = check(text, { uri: uriOf(rel) }).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.equal(mine.length, 1, mine.map((f) => `${f.ruleId} ${f.message}`).join('\n'));
      const [f] = mine;
      assert.equal(f.ruleId, rule);
      assert.ok(f.message.includes(words), f.message);
      if (cell) {
        const a = analyze(text);
        const at = a.doc.offsetAt(f.range.start);
        assert.equal(text.slice(at, a.doc.offsetAt(f.range.end)), cell);
      }
    });
  }

  it('the culprit finding carries the arithmetic of every identity it breaks and the mending value', () => {
    const [f] = check(read('table-identity/broken-subtotal.txt'), { only: ['table-identity'] });
    const data = f.data as { culprit: boolean; expected: number; identities: { id: string }[] };
    assert.equal(data.culprit, true);
    assert.equal(data.expected, 115);
    assert.deepEqual(data.identities.map((i) => i.id).sort(), ['balance', 'results-total', 'row-total']);
    assert.match(f.message, /113 \+ 5 = 118 ≠ 114 \+ 3 = 117/);
    assert.match(f.explanation ?? '', /国办公开办函〔2021〕30号/);
  });

  it('a damaged table gets one information note and no identity error; a cut-off one no table finding and no missing part, only one note of the sections not reached', () => {
    const damaged = check(read('table-unreadable/missing-cells.txt'));
    assert.deepEqual(damaged.filter((f) => f.ruleId.startsWith('table-')).map((f) => `${f.ruleId}:${f.severity}`), ['table-unreadable:info']);
    const cut = check(read('table-unreadable/cut-off.txt'));
    assert.deepEqual(cut.filter((f) => f.ruleId.startsWith('table-') || (f.ruleId === 'missing-part' && f.severity !== 'info')), []);
    // The sections after the cut are not reached yet (#14): listed once, as information.
    assert.deepEqual(cut.filter((f) => f.ruleId === 'missing-part').map((f) => f.severity), ['info']);
  });

  it('the deadline depends on the issuing body: a department by 31 January, a government by 31 March', () => {
    const late = read('publication-deadline/late.txt');
    assert.equal(check(late, { only: ['publication-deadline'] })[0]?.severity, 'info');
    const government = late.replace(/青禾区交通运输局/g, '青禾区人民政府');
    assert.deepEqual(check(government, { only: ['publication-deadline'] }), []);
    const veryLate = government.replace('2025年2月18日', '2025年4月8日');
    assert.match(check(veryLate, { only: ['publication-deadline'] })[0]?.message ?? '', /2025年3月31日/);
    const town = veryLate.replace(/青禾区人民政府/g, '青禾镇人民政府');
    assert.deepEqual(check(town, { only: ['publication-deadline'] }), []);
  });

  it('English messages', () => {
    const [f] = check(read('table-identity/broken-column.txt'), { only: ['table-identity'], locale: 'en' });
    assert.match(f.message, /breaks 2 identities/);
  });
});

describe('信息公开 report: statistics summary and hover', () => {
  it('every identity, kept or broken, is a claim of the summary (table-sum, table-balance, table-text)', () => {
    const a = analyze(read('table-identity/broken-subtotal.txt'));
    const claims = statsSummary(a).claims.filter((c) => ['table-sum', 'table-balance', 'table-text'].includes(c.kind));
    assert.equal(claims.filter((c) => c.kind === 'table-balance').length, 7);
    assert.equal(claims.filter((c) => c.kind === 'table-sum').length, 7 + 25 + 3);
    assert.equal(claims.filter((c) => c.kind === 'table-text').length, 8);
    assert.deepEqual(claims.filter((c) => c.verdict === 'inconsistent').map((c) => c.kind).sort(), ['table-balance', 'table-sum', 'table-sum']);
    assert.ok(claims.every((c) => c.working.length > 0));
  });

  it('hover on a cell lists the identities it takes part in', () => {
    const text = read('table-identity/complete-pipe.txt');
    const a = analyze(text);
    const line = a.doc.lines.find((l) => l.text.startsWith('| （七）总计 |'))!;
    const md = hoverAt(a, line.start + line.text.indexOf('134'), 'zh-cn') ?? '';
    assert.match(md, /表格勾稽关系/);
    assert.match(md, /第一项加第二项之和等于第三项加第四项之和/);
    assert.match(md, /✓ 成立/);
  });
});

describe('信息公开 report: authoring', () => {
  for (const format of ['text', 'markdown'] as const) {
    it(`the ${format} skeleton has the six sections and the three tables with every label, read back with no damage and no finding`, () => {
      const snippet = reportSkeletonSnippet(profile(), { year: 2025, format });
      const text = render(parseSnippet(snippet), { CURRENT_YEAR: '2026', CURRENT_MONTH: '01', CURRENT_DATE: '20' });
      const a = analyze(text, format === 'markdown' ? 'file:///s.md' : 'file:///s.txt');
      assert.equal(detectProfile(a)?.profile.id, ID);
      const st = statisticalTables(a, profile());
      assert.deepEqual(st.tables.map((t) => t.def.id), ['article20-1', 'article20-5', 'article20-6', 'article20-8', 'requests', 'review']);
      for (const t of st.tables) {
        assert.deepEqual(t.damage, [], t.def.id);
        assert.equal(t.labels.size, t.def.rows.filter((r) => r.label).length, t.def.id);
      }
      // Every label of the 2021 format is in the text, and nothing is checked before it is filled in.
      for (const t of profile().tables!) for (const r of t.rows) assert.ok(text.includes(r.label), r.label);
      assert.equal(st.identities.checks.length, 0);
      assert.match(text, /统计期限自2025年1月1日起至2025年12月31日止/);
      const errors = check(text, { uri: format === 'markdown' ? 'file:///s.md' : 'file:///s.txt' }).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.ruleId} ${f.message}`), []);
    });
  }

  it('the missing-part fix inserts the part with its table', () => {
    const text = read('missing-part/xxgk-missing-section.txt').replace(/三、收到和处理政府信息公开申请情况[\s\S]*?(?=四、政府信息公开行政复议)/, '');
    const [f] = check(text, { only: ['missing-part'] });
    assert.ok(f, 'missing-part reported');
    const requests = check(text, { only: ['missing-part'] }).find((x) => (x.data as { part: string }).part === 'requests')!;
    const edit = requests.fixes![0].edits.map((e) => e.newText).join('');
    assert.match(edit, /一、本年新收政府信息公开申请数量/);
    assert.match(edit, /四、结转下年度继续办理/);
  });

  it('completes the row labels of a table being written, the next row first', () => {
    const full = read('table-identity/complete-pipe.txt').split('\n');
    const at = full.findIndex((l) => l.startsWith('| （五）不予处理 |'));
    const text = [...full.slice(0, at), '', ...full.slice(at + 5)].join('\n');
    const a = analyze(text);
    const items = completionsAt(a, { line: at, character: 0 }, 'zh-cn', profile()).filter((c) => c.kind === 'table-row');
    assert.ok(items.length >= 5, items.map((i) => i.label).join());
    assert.equal(items.sort((x, y) => x.sortText.localeCompare(y.sortText))[0].label, '（五）不予处理');
    assert.ok(items.some((i) => i.label === '5.要求行政机关确认或重新出具已获取信息'));
  });
});

describe('信息公开 report: across years', () => {
  const CROSS = path.join(FIXTURES, 'xxgk-cross-year');
  const thisYear = () => analyze(read('table-identity/complete-pipe.txt'), 'file:///a/2024.txt');
  const lastYear = (rel: string) => analyze(fs.readFileSync(path.join(CROSS, rel), 'utf8'), 'file:///a/2023.txt');

  it('pairs reports by issuing body and year', () => {
    assert.deepEqual(reportKey(thisYear(), profile()), { issuer: '青禾区交通运输局', year: 2024 });
    assert.deepEqual(reportKey(lastYear('青禾区交通运输局2023年报告.txt'), profile()), { issuer: '青禾区交通运输局', year: 2023 });
  });

  it('上年结转 equals last year’s 结转下年度: nothing; copied sentences: one information note', () => {
    const found = compareYears(thisYear(), lastYear('青禾区交通运输局2023年报告.txt'), profile(), 'zh-cn', '2023.txt');
    assert.deepEqual(found.map((f) => `${f.ruleId}:${f.severity}`), ['cross-year-copied-text:info']);
    assert.match(found[0].message, /5句（占100%）/);
  });

  it('上年结转 differing from last year’s 结转下年度: one warning on the first differing cell, naming the columns', () => {
    const a = thisYear();
    const found = compareYears(a, lastYear('other/青禾区交通运输局2023年报告.txt'), profile(), 'zh-cn', '2023.txt');
    assert.deepEqual(found.map((f) => `${f.ruleId}:${f.severity}`), ['cross-year-carry-over:warning']);
    assert.match(found[0].message, /自然人本年5件、上年6件；总计本年5件、上年6件/);
    const line = a.doc.lines[found[0].range.start.line].text;
    assert.ok(line.startsWith('| 二、上年结转'));
    assert.equal(line.slice(found[0].range.start.character, found[0].range.end.character), '5');
  });

  it('现行有效 not following from last year’s plus 本年制发 minus 本年废止: one information note with the working', () => {
    const text = fs.readFileSync(path.join(CROSS, '青禾区交通运输局2023年报告.txt'), 'utf8');
    // Last year: 22 in force; this year 5 issued, 3 repealed, 24 in force (22 + 5 - 3). Make last year's 20.
    const changed = text.replace('| 行政规范性文件 | 5 | 3 | 22 |', '| 行政规范性文件 | 5 | 3 | 20 |');
    assert.notEqual(changed, text);
    const a = thisYear();
    const found = compareYears(a, analyze(changed, 'file:///a/2023.txt'), profile(), 'zh-cn', '2023.txt');
    const stock = found.filter((f) => f.ruleId === 'cross-year-in-force');
    assert.deepEqual(stock.map((f) => f.severity), ['info']);
    assert.equal(stock[0].message, '“行政规范性文件”的现行有效件数24，与上一年度报告（2023.txt）的20加本年制发件数5、减本年废止件数3（得22）不一致；修改、失效、清理也会改变件数，请核对');
    const line = a.doc.lines[stock[0].range.start.line].text;
    assert.ok(line.startsWith('| 行政规范性文件 |'), line);
    assert.equal(line.slice(stock[0].range.start.character, stock[0].range.end.character), '24');
    // A row whose cells are not all figures (a 规章 row marked not applicable) is not compared.
    const dashes = changed.replace('| 规章 | 0 | 0 | 0 |', '| 规章 | / | / | / |');
    assert.deepEqual(compareYears(a, analyze(dashes, 'file:///a/2023.txt'), profile(), 'en', '2023.txt').filter((f) => f.ruleId === 'cross-year-in-force').length, 1);
  });

  it('the cross-year rules are rules like the others: documented, configurable by id, listed by the CLI', () => {
    const rc = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rc-'));
    try {
      fs.writeFileSync(path.join(rc, '.reportlintrc.json'), JSON.stringify({ rules: { 'cross-year-carry-over': 'off', 'cross-year-in-force': 'warning', 'cross-year-copied-text': 'off' } }));
      fs.writeFileSync(path.join(rc, 'r.txt'), read('table-identity/complete-pipe.txt'));
      const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
      const r = spawnSync(process.execPath, [BIN, 'check', path.join(rc, 'r.txt')], { encoding: 'utf8', env: { ...process.env, REPORTLINT_JOBS: '1' } });
      assert.doesNotMatch(r.stderr, /未知规则|unknown rule/, r.stderr);
      const list = spawnSync(process.execPath, [BIN, 'rules'], { encoding: 'utf8' }).stdout;
      for (const id of ['cross-year-carry-over', 'cross-year-in-force', 'cross-year-copied-text']) assert.match(list, new RegExp(`^${id}\t`, 'm'));
      assert.match(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8'), /^## cross-year-in-force$/m);
    } finally {
      fs.rmSync(rc, { recursive: true, force: true });
    }
  });

  it('the CLI compares the files it is given (same body, consecutive years) and only those', () => {
    const BIN = path.join(REPO_ROOT, 'bin', 'reportlint.js');
    const run = (...files: string[]) =>
      spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...files], { encoding: 'utf8', env: { ...process.env, REPORTLINT_JOBS: '1' } });
    const current = path.join(FIXTURES, 'rules', 'table-identity', 'complete-pipe.txt');
    const ids = (r: ReturnType<typeof run>) =>
      (JSON.parse(r.stdout) as { files: { diagnostics: { ruleId: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)).filter((id) => id.startsWith('cross-year'));
    assert.deepEqual(ids(run(current, path.join(CROSS, 'other', '青禾区交通运输局2023年报告.txt'))), ['cross-year-carry-over']);
    assert.deepEqual(ids(run(current)), []);
    // Another body's report of the previous year is not compared.
    const stranger = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-'));
    const other = path.join(stranger, 'b.txt');
    fs.writeFileSync(other, fs.readFileSync(path.join(CROSS, 'other', '青禾区交通运输局2023年报告.txt'), 'utf8').replace(/青禾区交通运输局/g, '青禾区文化和旅游局'));
    assert.deepEqual(ids(run(current, other)), []);
    fs.rmSync(stranger, { recursive: true, force: true });
  });
});

describe('信息公开 report: across years in the editor (the document’s folder)', () => {
  it('finds last year’s report of the same body beside the document, open text first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-folder-'));
    try {
      const current = path.join(dir, '2024.txt');
      const text = read('table-identity/complete-pipe.txt');
      fs.writeFileSync(current, text);
      fs.writeFileSync(path.join(dir, 'notes.md'), '# 会议纪要\n\n无关文本。\n');
      const uri = pathToFileURL(current).href;
      assert.deepEqual(previousYearFindings(analyze(text, uri), uri, defaultConfig(), 'zh-cn'), []);
      const last = fs.readFileSync(path.join(FIXTURES, 'xxgk-cross-year', 'other', '青禾区交通运输局2023年报告.txt'), 'utf8');
      fs.writeFileSync(path.join(dir, '2023.txt'), last);
      const found = previousYearFindings(analyze(text, uri), uri, defaultConfig(), 'zh-cn');
      assert.deepEqual(found.map((f) => f.ruleId), ['cross-year-carry-over']);
      assert.match(found[0].message, /2023\.txt/);
      // The open (unsaved) version of last year's report wins over the disk.
      const openLast = last.replace('| 四、结转下年度继续办理 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '| 四、结转下年度继续办理 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |').replace('| （七）总计 | 96 |', '| （七）总计 | 97 |');
      assert.notEqual(openLast, last);
      const open = (file: string) => (file === path.join(dir, '2023.txt') ? openLast : undefined);
      assert.deepEqual(previousYearFindings(analyze(text, uri), uri, defaultConfig(), 'zh-cn', open).map((f) => f.ruleId), []);
      // The rule can be turned off.
      const off = mergeConfig(defaultConfig(), { rules: { 'cross-year-carry-over': 'off' } });
      assert.deepEqual(previousYearFindings(analyze(text, uri), uri, off, 'zh-cn'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

