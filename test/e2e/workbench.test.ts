/**
 * ReportLint as a user meets it: the packaged .vsix installed into a real VS Code (code-server
 * 4.100.3 = VS Code 1.100), a workspace opened in Chromium, and assertions on what the workbench
 * shows. See test/e2e/harness.ts for the setup and README.md ("End-to-end tests") for how to run.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { OUTPUT_DIR, sleep, WORKSPACE_FIXTURE } from './harness';
import { closeWorkbench, openWorkbench, type WorkbenchSession } from './session';
import { waitFor, Workbench, type Marker } from './workbench';

const DEFECTS = '缺陷报告.txt';
const CLEAN = '合格报告.txt';
const RENUMBER = '编号修正报告.txt';
const README = 'README.md';
const NEW_REPORT = '新建报告.txt';
const FIGURES = '数据核对报告.txt';
const MISSING = '缺少部分报告.txt';
const TRADITIONAL = '繁體報告.txt';
const UNNAMED = '年度总结.txt';
const PINYIN = '拼音残留报告.txt';
const CLAIMS_VIEW = '数据核对';
const lineOf = (file: string, needle: string) => fs.readFileSync(path.join(WORKSPACE_FIXTURE, file), 'utf8').split('\n').findIndex((l) => l.includes(needle));

interface CliFinding {
  ruleId: string;
  message: string;
  severity: string;
  range: { start: { line: number; character: number } };
}

/** What the command-line checker finds in a workspace file: the extension must show the same. */
function cliFindings(file: string, locale: 'zh-cn' | 'en'): CliFinding[] {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'reportlint.js'), 'check', '--format', 'json', '--locale', locale, path.join(WORKSPACE_FIXTURE, file)], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `reportlint check failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { files: { diagnostics: CliFinding[] }[] };
  return json.files[0].diagnostics;
}

function asPanel(f: CliFinding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`;
}
function fromPanel(m: Marker): string {
  return `${m.line}:${m.column} ${m.code} ${m.message}`;
}
const byPosition = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

// Screenshots of this run only, one per scenario, in .test-output/e2e/.
for (const f of fs.existsSync(OUTPUT_DIR) ? fs.readdirSync(OUTPUT_DIR) : []) if (f.endsWith('.png')) fs.rmSync(path.join(OUTPUT_DIR, f));
const shotName = (s: string) => s;

describe('ReportLint in VS Code 1.100 (code-server + Chromium), Chinese display language', { timeout: 10 * 60_000 }, () => {
  let session: WorkbenchSession | undefined;
  let wb: Workbench;
  const workspace = () => session!.cs.workspace;

  before(
    async () => {
      session = await openWorkbench({ name: 'zh', locale: 'zh-cn' });
      wb = session.wb;
    },
    { timeout: 30 * 60_000 },
  );

  after(() => closeWorkbench(session));

  it('the Problems panel lists exactly the findings of a report with known defects, in Chinese', async () => {
    await wb.openFile(DEFECTS);
    assert.equal(await wb.languageMode(), 'ReportLint 报告', 'a file named *报告*.txt opens in the ReportLint language');
    const expected = cliFindings(DEFECTS, 'zh-cn').map(asPanel).sort(byPosition);
    // The defects written into the fixture are among them.
    assert.ok(expected.some((e) => e.startsWith('6:1 numbering-gap 标题编号不连续：此处应为“（三）”，实为“（四）”')), expected.join('\n'));
    assert.ok(expected.some((e) => e.startsWith('9:1 numbering-duplicate ')), expected.join('\n'));
    const markers = await wb.waitForProblems(DEFECTS, `${expected.length} findings`, (m) => m.length === expected.length);
    assert.deepEqual(markers.map(fromPanel).sort(byPosition), expected);
    assert.ok(markers.every((m) => m.source === 'ReportLint'), JSON.stringify(markers));
    assert.ok(markers.filter((m) => m.code.startsWith('numbering-')).every((m) => m.severity === 'error'), JSON.stringify(markers));
    await wb.screenshot(shotName('problems-panel'));
  });

  it('the Outline view shows the section tree', async () => {
    await wb.openFile(DEFECTS);
    await wb.showOutline();
    const expected = [
      '一、主要举措和成效',
      '  （一）落实第一责任人职责',
      '  （二）严格规范执法行为',
      '  （四）加强普法宣传教育',
      '二、存在的不足和原因',
      '二、2025年工作安排',
    ];
    const render = (rows: { level: number; label: string }[]) => rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label}`);
    const tree = await waitFor('the Outline view to show the sections', () => wb.outline(), (rows) => rows.length >= expected.length, 20_000);
    assert.deepEqual(render(tree), expected);
    await wb.screenshot(shotName('outline-view'));
  });

  it('hovering a rate shows the arithmetic', async () => {
    await wb.openFile(DEFECTS);
    const lines = fs.readFileSync(path.join(WORKSPACE_FIXTURE, DEFECTS), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('结案率80%'));
    assert.ok(line >= 0, 'the fixture states a rate');
    await wb.goTo(line + 1, lines[line].indexOf('80%') + 2);
    const hover = await wb.hoverAtCursor();
    assert.match(hover, /结案率 80%/);
    assert.match(hover, /120 ÷ 150 = 80%/);
    assert.match(hover, /已结案 120件/);
    assert.match(hover, /全年查办各类案件 150件/);
    await wb.screenshot(shotName('rate-hover'));
    await wb.page.keyboard.press('Escape');
  });

  it('#16.5 typing a snippet prefix inserts the report skeleton from the same source as the command: ×× placeholders, the coming year, the parts in the order of 第二十五条', async () => {
    await wb.closeAllEditors();
    fs.writeFileSync(path.join(workspace(), NEW_REPORT), '');
    await wb.openFile(NEW_REPORT);
    assert.equal(await wb.languageMode(), 'ReportLint 报告');
    await wb.type('bgkj');
    const offered = await waitFor('the skeleton snippet among the suggestions', () => wb.suggestions(), (s) => s.some((x) => x.startsWith('bgkj')), 15_000);
    assert.ok(offered.some((x) => x.startsWith('bgkj')));
    await wb.screenshot(shotName('snippet-suggestion'));
    await wb.acceptSnippet('bgkj');
    const text = await waitFor('the inserted skeleton', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('五、其他需要报告的情况')), 10_000);
    await wb.page.keyboard.press('Escape');
    // ×× placeholders; the coming year for the plan part; the parts in the order of 第二十五条.
    assert.match(text[0], /^××单位关于××××年度法治政府建设情况的报告$/);
    const year = new Date().getFullYear();
    const order = [/^一、主要举措和成效$/, /^二、存在的不足和原因$/, /^三、党政主要负责人履行推进法治建设第一责任人职责/, new RegExp(`^四、${year}年工作安排$`), /^五、其他需要报告的情况$/];
    const at = order.map((h) => text.findIndex((l) => h.test(l)));
    assert.ok(at.every((i) => i >= 0), `${order.join(' ')} in:\n${text.join('\n')}`);
    assert.deepEqual([...at].sort((a, b) => a - b), at, 'in order');
    assert.ok(!text.some((l) => l.includes('bgkj')), 'the prefix was replaced');
    await wb.screenshot(shotName('snippet-inserted'));
  });

  // ---------------------------------------------------------------- issue #16, one scenario per point

  it('#16.1 the skeleton command on an open report leaves it byte-identical and opens a new Untitled report', async () => {
    await wb.closeAllEditors();
    await wb.openFile(DEFECTS);
    const onDisk = fs.readFileSync(path.join(workspace(), DEFECTS));
    const shown = await wb.editorLines();
    await wb.goTo(5, 12); // mid-sentence in a paragraph
    await wb.commandWithInput('插入报告框架');
    await wb.page.keyboard.press('Enter'); // report type: the one in use
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await waitFor('the year box', () => input.inputValue(), (v) => /^\d{4}$/.test(v), 10_000);
    await input.fill('2024');
    await wb.page.keyboard.press('Enter');
    const lines = await waitFor('the skeleton in a new editor', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('五、')), 15_000);
    await wb.page.keyboard.press('Escape');
    assert.match(await wb.activeTab(), /(Untitled|无标题)-\d+$/);
    assert.equal(await wb.languageMode(), 'ReportLint 报告');
    assert.match(lines[0], /^××单位关于2024年度法治政府建设情况的报告$/);
    const order = [/^一、主要举措和成效$/, /^二、存在的不足和原因$/, /^三、党政主要负责人/, /^四、2025年工作安排$/, /^五、其他需要报告的情况$/].map((h) => lines.findIndex((l) => h.test(l)));
    assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), lines.join('\n'));
    await wb.screenshot(shotName('skeleton-new-untitled'));
    // The report: not dirty, same bytes on disk, same text in its editor.
    assert.equal(await wb.isDirty(DEFECTS), false);
    assert.deepEqual(fs.readFileSync(path.join(workspace(), DEFECTS)), onDisk);
    // Its editor shows the same text (a tab click, as a user would).
    await wb.page.locator(`.tabs-container .tab[aria-label^="${DEFECTS}"]`).first().click();
    await waitFor('the report unchanged in its editor', () => wb.editorLines(), (l) => JSON.stringify(l) === JSON.stringify(shown), 10_000);
    await wb.closeAllEditors();
  });

  it('#16.2 typing into a paragraph with an existing error keeps its squiggle, its Problems entry and the status bar counts', async () => {
    await wb.closeAllEditors();
    await wb.openFile(FIGURES);
    const line = lineOf(FIGURES, '审结率85%') + 1;
    await wb.waitForProblems(FIGURES, 'the rate finding', (m) => m.some((x) => x.code === 'rate-mismatch' && x.line === line));
    const status = await waitFor('the status bar counts', () => wb.statusBarText('ReportLint:'), (t) => /1/.test(t), 10_000);
    const text = fs.readFileSync(path.join(WORKSPACE_FIXTURE, FIGURES), 'utf8').split('\n')[line - 1];
    await wb.goTo(line, text.length + 1);
    assert.ok((await wb.squiggles('error')) >= 1, 'the squiggle is there before typing');
    // Type on at the end of that paragraph, a character every 300 ms (the server re-checks meanwhile):
    // the finding already shown never disappears.
    for (const ch of '加强复议应诉工作') {
      await wb.page.keyboard.type(ch);
      await sleep(300);
      assert.ok((await wb.squiggles('error')) >= 1, `squiggle gone after typing "${ch}"`);
      assert.ok((await wb.problemsOf(FIGURES)).some((x) => x.code === 'rate-mismatch'), `Problems entry gone after typing "${ch}"`);
      assert.equal(await wb.statusBarText('ReportLint:'), status, 'status bar counts changed while typing');
    }
    await wb.screenshot(shotName('typing-keeps-findings'));
    await wb.command('File: Revert File');
  });

  it('#16.3 the 数据核对 view lists the claims by verdict with working and reasons; clicking one moves the caret; the table is a read-only preview', async () => {
    await wb.closeAllEditors();
    await wb.openFile(FIGURES);
    await wb.waitForProblems(FIGURES, 'the rate finding', (m) => m.some((x) => x.code === 'rate-mismatch'));
    // The status-bar entry opens the view.
    const entry = await waitFor('the figures status-bar entry', () => wb.statusBarText('ReportLint 数据核对'), (t) => t.length > 0, 15_000);
    assert.equal(entry, 'ReportLint 数据核对 1 1 1');
    await wb.clickStatusBar('ReportLint 数据核对');
    const rows = await waitFor('the claims grouped by verdict', () => wb.viewRows(CLAIMS_VIEW), (r) => ['不一致', '无法核对', '一致'].every((g) => r.some((x) => x.label === g)), 20_000);
    const groups = rows.filter((r) => r.level === 1).map((r) => `${r.label} ${r.description}`);
    assert.deepEqual(groups, ['不一致 1', '无法核对 1', '一致 1']);
    const rate = rows.find((r) => r.label === '审结率 85%');
    assert.ok(rate, JSON.stringify(rows));
    const rateLine = lineOf(FIGURES, '审结率85%') + 1;
    assert.match(rate.description, new RegExp(`^第 ${rateLine} 行 · 202 ÷ 260 = 77\\.692…% → 78% ≠ 85%`));
    const unverifiable = rows.find((r) => r.label === '群众满意率 98.5%');
    assert.ok(unverifiable, JSON.stringify(rows));
    assert.match(unverifiable.description, /同一句中没有给出分子和分母/);
    // Clicking the claim reveals its figure: the caret moves to it.
    await wb.goTo(1, 1);
    await wb.clickViewRow(CLAIMS_VIEW, '审结率 85%');
    const text = fs.readFileSync(path.join(WORKSPACE_FIXTURE, FIGURES), 'utf8').split('\n')[rateLine - 1];
    // The figure is selected: the caret stands at its end.
    await waitFor('the caret on the rate', () => wb.cursor(), (c) => c.line === rateLine && c.column === text.indexOf('85%') + 4, 10_000);
    await wb.expandViewRow(CLAIMS_VIEW, '审结率 85%');
    const expanded = await waitFor('the claim expanded', () => wb.viewRows(CLAIMS_VIEW), (r) => r.some((x) => x.label.startsWith('复算：')), 10_000);
    assert.ok(expanded.some((x) => x.label === '分母：本年度共办理复议案件 260宗'), JSON.stringify(expanded));
    await wb.screenshot(shotName('claims-view'));
    // For the README: the view with room to breathe (folders collapsed, panel hidden). Written into
    // docs/ only on request (REPORTLINT_UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
    const folders = wb.page.locator('.pane-header[aria-expanded="true"]', { has: wb.page.locator('.title', { hasText: /^(workspace|WORKSPACE)$/ }) });
    if (await folders.count()) await folders.first().click();
    if (await wb.page.locator('.part.panel').isVisible().catch(() => false)) await wb.page.keyboard.press('Control+J');
    await sleep(500);
    if (process.env.REPORTLINT_UPDATE_SCREENSHOTS === '1') await wb.page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'claims-view.png') });
    // The Markdown table: a preview of a virtual document, nothing to save.
    await wb.viewTitleAction(CLAIMS_VIEW, '打开数据核对表');
    await waitFor('the table preview', () => wb.tabs(), (t) => t.some((x) => x.includes('数据核对表')), 15_000);
    const tabs = await wb.tabs();
    assert.ok(!tabs.some((t) => /(Untitled|无标题)-\d+$/.test(t)), tabs.join(' | '));
    assert.equal(await wb.page.locator('.tabs-container .tab.dirty').count(), 0);
    await wb.closeAllEditors();
    assert.equal(await wb.page.locator('.monaco-dialog-box').isVisible().catch(() => false), false, 'no "save changes?" dialog');
  });

  it('#16.4 "插入缺少的部分" preselects the first missing mandated part; after inserting, the other finding stays (no flip-flop)', async () => {
    await wb.closeAllEditors();
    await wb.openFile(MISSING);
    const both = await wb.waitForProblems(MISSING, 'two missing parts', (m) => m.filter((x) => x.code === 'missing-part').length === 2);
    assert.ok(both.some((m) => m.message.includes('存在的不足和原因')));
    await wb.commandWithInput('插入缺少的部分');
    const picks = await wb.quickPickRows();
    assert.match(picks[0].label, /存在的不足和原因/);
    assert.ok(picks[0].focused, JSON.stringify(picks));
    // The report is signed: both absent parts are missing, not merely not reached yet.
    assert.ok(picks.every((p) => p.text.includes('缺少') && !p.text.includes('尚未写到')), JSON.stringify(picks));
    await wb.screenshot(shotName('missing-part-picker'));
    await wb.page.keyboard.press('Enter');
    await waitFor('the inserted part', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('二、存在的不足和原因')), 10_000);
    await wb.waitForProblems(MISSING, 'the inserted part\'s finding gone', (m) => !m.some((x) => x.message.includes('存在的不足和原因')));
    // For 12 s (past the 10 s quiet period after a multi-line insertion) the other finding stays, the fixed one stays away.
    const until = Date.now() + 12_000;
    while (Date.now() < until) {
      const m = await wb.problemsOf(MISSING);
      assert.ok(m.some((x) => x.code === 'missing-part' && x.message.includes('下一年度主要安排')), JSON.stringify(m));
      assert.ok(!m.some((x) => x.message.includes('存在的不足和原因')), JSON.stringify(m));
      await sleep(500);
    }
    await wb.command('File: Revert File');
  });

  it('#16.11 the status bar shows the parts checklist; choosing an absent part inserts it, choosing a written one reveals it', async () => {
    await wb.closeAllEditors();
    await wb.openFile(MISSING);
    // Signed and dated, with the measures and the 第一责任人 sentence: 2 of the 4 mandated parts.
    const label = await waitFor('the parts checklist', () => wb.statusBarText('ReportLint 法定部分'), (t) => t.length > 0, 20_000);
    assert.equal(label, 'ReportLint 法定部分 2/4');
    await wb.clickStatusBar('ReportLint 法定部分');
    const rows = await wb.quickPickRows();
    assert.ok(rows.some((r) => r.label.includes('✗ 存在的不足和原因')), JSON.stringify(rows));
    assert.ok(rows.some((r) => r.label.includes('✓ 主要举措和成效')), JSON.stringify(rows));
    await wb.screenshot(shotName('parts-checklist'));
    await wb.page.keyboard.type('存在的不足');
    await wb.page.keyboard.press('Enter');
    await waitFor('the inserted part', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('二、存在的不足和原因')), 10_000);
    await waitFor('the checklist after the insertion', () => wb.statusBarText('ReportLint 法定部分'), (t) => t === 'ReportLint 法定部分 3/4', 20_000);
    // A written part: the caret moves to its heading.
    await wb.goTo(1, 1);
    await wb.clickStatusBar('ReportLint 法定部分');
    await wb.quickPickRows();
    await wb.page.keyboard.type('主要举措');
    await wb.page.keyboard.press('Enter');
    const headingLine = lineOf(MISSING, '一、主要举措和成效') + 1;
    await waitFor('the caret on the measures heading', () => wb.cursor(), (c) => c.line === headingLine, 10_000);
    await wb.command('File: Revert File');
  });

  it('#16.6 a report file gets the report language whatever its name; an Untitled buffer with the snippet keeps it', async () => {
    await wb.closeAllEditors();
    await wb.openFile(UNNAMED);
    await waitFor('the report language for 年度总结.txt', () => wb.languageMode(), (m) => m === 'ReportLint 报告', 15_000);
    await wb.closeAllEditors();
    await wb.command('File: New Untitled Text File');
    await wb.page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ timeout: 10_000 });
    await wb.type('bgkj');
    await waitFor('the skeleton snippet', () => wb.suggestions(), (x) => x.some((y) => y.startsWith('bgkj')), 15_000);
    await wb.acceptSnippet('bgkj');
    await waitFor('the skeleton', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('五、')), 10_000);
    await wb.page.keyboard.press('Escape');
    await waitFor('the report language for the Untitled buffer', () => wb.languageMode(), (m) => m === 'ReportLint 报告', 10_000);
    // Language detection never moves it away.
    await sleep(3000);
    assert.equal(await wb.languageMode(), 'ReportLint 报告');
    await wb.command('File: Revert File');
    await wb.closeAllEditors();
  });

  it('#16.7 a rate finding offers one edit, the rate at the stated precision as the message says; counts only in the hover', async () => {
    await wb.closeAllEditors();
    await wb.openFile(FIGURES);
    const line = lineOf(FIGURES, '审结率85%') + 1;
    const markers = await wb.waitForProblems(FIGURES, 'the rate finding', (m) => m.some((x) => x.code === 'rate-mismatch'));
    assert.match(markers.find((x) => x.code === 'rate-mismatch')!.message, /按所写精度应为 78%/);
    const text = fs.readFileSync(path.join(WORKSPACE_FIXTURE, FIGURES), 'utf8').split('\n')[line - 1];
    await wb.goTo(line, text.indexOf('85%') + 2);
    await wb.hoverAtCursor();
    await waitFor('the counts as information in the hover', () => wb.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().innerText(), (t) => /若 202宗 为 221，则所写 85% 正确/.test(t), 10_000);
    await wb.page.keyboard.press('Escape');
    const fixes = await wb.quickFixes();
    assert.ok(fixes.includes('将比率改为 78%（按所给数字计算）'), JSON.stringify(fixes));
    assert.ok(!fixes.some((f) => /将 \d+ 改为/.test(f)), JSON.stringify(fixes));
    await wb.screenshot(shotName('rate-quick-fix'));
    await wb.chooseQuickFix('将比率改为 78%（按所给数字计算）');
    await waitFor('the rate rewritten', () => wb.editorLines(), (l) => l[line - 1]?.includes('审结率78%'), 10_000);
    await wb.waitForProblems(FIGURES, 'no rate finding', (m) => !m.some((x) => x.code === 'rate-mismatch'));
    await wb.command('File: Revert File');
  });

  it('#16.8 quiet by default: a lens only above a section with an inconsistent figure; a quick-fix menu only for the finding under the caret', async () => {
    await wb.closeAllEditors();
    await wb.openFile(FIGURES);
    const lenses = await waitFor('the code lens', () => wb.codeLenses(), (l) => l.length > 0, 20_000);
    assert.deepEqual(lenses, ['本节 1 个数据不一致 · 查看数据核对']);
    await wb.closeAllEditors();
    await wb.openFile(CLEAN);
    await sleep(2500);
    assert.deepEqual(await wb.codeLenses(), [], 'no lens on a clean report');
    await wb.closeAllEditors();
    await wb.openFile(PINYIN);
    await wb.waitForProblems(PINYIN, 'pinyin and missing title', (m) => m.some((x) => x.code === 'pinyin-residue') && m.some((x) => x.code === 'missing-title'));
    const first = fs.readFileSync(path.join(WORKSPACE_FIXTURE, PINYIN), 'utf8').split('\n')[0];
    await wb.goTo(1, first.indexOf('(fā)') + 2);
    const fixes = await wb.quickFixes();
    assert.ok(fixes.some((f) => f.includes('pinyin-residue')), JSON.stringify(fixes));
    assert.ok(!fixes.some((f) => f.includes('missing-title') || f.includes('punctuation-width')), JSON.stringify(fixes));
    await wb.screenshot(shotName('quiet-quick-fix-menu'));
    await wb.page.keyboard.press('Escape');
  });

  it('#16.9 messages, hovers and the view quote the document\'s own text (traditional stays traditional)', async () => {
    await wb.closeAllEditors();
    await wb.openFile(TRADITIONAL);
    const m = await wb.waitForProblems(TRADITIONAL, 'the rate finding', (x) => x.some((y) => y.code === 'rate-mismatch'));
    assert.match(m.find((x) => x.code === 'rate-mismatch')!.message, /^審結率85%/);
    const line = lineOf(TRADITIONAL, '審結率85%') + 1;
    const text = fs.readFileSync(path.join(WORKSPACE_FIXTURE, TRADITIONAL), 'utf8').split('\n')[line - 1];
    await wb.goTo(line, text.indexOf('85%') + 2);
    await wb.hoverAtCursor();
    const hover = await waitFor('the explanation in the hover', () => wb.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().innerText(), (t) => /審結率 85%/.test(t), 10_000);
    assert.doesNotMatch(hover, /审结率/);
    await wb.page.keyboard.press('Escape');
    await wb.command('核对数据');
    await waitFor('the traditional claim in the view', () => wb.viewRows(CLAIMS_VIEW), (r) => r.some((x) => x.label === '審結率 85%'), 15_000);
  });

  it('#16.10 every finding links to its rule\'s page, opened inside VS Code; fix-all applies the safe fixes only', async () => {
    await wb.closeAllEditors();
    await wb.openFile(PINYIN);
    await wb.waitForProblems(PINYIN, 'the pinyin finding', (m) => m.some((x) => x.code === 'pinyin-residue'));
    const link = wb.page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'pinyin-residue' }).first();
    await link.click();
    await waitFor('the rule page', () => wb.tabs(), (t) => t.some((x) => x.startsWith('pinyin-residue.md')), 15_000);
    const page = await waitFor('the rule page text', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('# pinyin-residue')), 10_000);
    assert.ok(page.some((l) => l.includes('默认级别')), page.join('\n'));
    await wb.screenshot(shotName('rule-page'));
    await wb.closeAllEditors();
    await wb.openFile(PINYIN);
    await wb.waitForProblems(PINYIN, 'the pinyin finding', (m) => m.some((x) => x.code === 'pinyin-residue'));
    await wb.command('Fix All');
    const fixed = await waitFor('the safe fixes applied', () => wb.editorLines(), (l) => !l[0].includes('(fā)') && !l[0].includes('(chá)'), 10_000);
    assert.equal(fixed[0], '2024年，县文化局坚持依法行政，印發法治政府建设实施方案，开展执法督查。现将有关情况报告如下：');
    await wb.command('File: Revert File');
  });

  it('the renumber quick fix changes the headings and the finding disappears', async () => {
    await wb.closeAllEditors();
    await wb.openFile(RENUMBER);
    const before = await wb.waitForProblems(RENUMBER, 'the numbering gap', (m) => m.some((x) => x.code === 'numbering-gap'));
    const gap = before.find((m) => m.code === 'numbering-gap')!;
    assert.equal(gap.line, 5);
    assert.equal((await wb.editorLines())[4].slice(0, 3), '（三）');
    await wb.goTo(gap.line, gap.column);
    const fixes = await wb.quickFixes();
    const renumber = fixes.find((f) => f.startsWith('重新编号此序列'));
    assert.ok(renumber, `quick fixes offered: ${JSON.stringify(fixes)}`);
    await wb.screenshot(shotName('quick-fix-menu'));
    await wb.chooseQuickFix(renumber);
    const lines = await waitFor('the renumbered headings', () => wb.editorLines(), (l) => l[4]?.startsWith('（二）'), 10_000);
    assert.ok(lines[3].startsWith('（一）完善议事规则'), lines[3]);
    assert.ok(lines[4].startsWith('（二）推进政务公开'), lines[4]);
    assert.ok(lines[5].startsWith('（三）化解矛盾纠纷'), lines[5]);
    // Nothing else changed.
    const original = fs.readFileSync(path.join(WORKSPACE_FIXTURE, RENUMBER), 'utf8').split('\n');
    for (const i of [0, 1, 2, 6, 7, 8, 9, 10, 11]) assert.equal(lines[i], original[i], `line ${i + 1}`);
    await wb.waitForProblems(RENUMBER, 'no numbering finding left', (m) => !m.some((x) => x.code.startsWith('numbering-')));
    await wb.screenshot(shotName('quick-fix-applied'));
  });

  it('a clean report has no findings', async () => {
    assert.deepEqual(cliFindings(CLEAN, 'zh-cn'), [], 'the fixture is clean for the CLI too');
    await wb.closeAllEditors();
    await wb.openFile(CLEAN);
    // The outline proves the server has analysed the file; then no finding may appear.
    await wb.showOutline();
    await waitFor('the clean report outline', () => wb.outline(), (rows) => rows.some((r) => r.label === '三、2025年工作安排'), 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    await wb.showProblems();
    assert.deepEqual(await wb.problemsOf(CLEAN), []);
    await wb.screenshot(shotName('clean-report'));
  });

  it('a Markdown README that is not a report gets no findings in auto mode (but does with "always")', async () => {
    await wb.closeAllEditors();
    await wb.openFile(README);
    assert.equal(await wb.languageMode(), 'Markdown');
    await new Promise((r) => setTimeout(r, 2000));
    await wb.showProblems();
    assert.deepEqual(await wb.problemsOf(README), [], 'auto mode: a README is not checked');
    await wb.screenshot(shotName('readme-auto-mode'));
    // The same file is checked when the user asks for it: proves the server saw it and chose not to.
    fs.mkdirSync(path.join(workspace(), '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace(), '.vscode', 'settings.json'), JSON.stringify({ 'reportlint.enable': 'always' }));
    const forced = await wb.waitForProblems(README, 'the numbering gap once reportlint.enable is "always"', (m) => m.some((x) => x.code === 'numbering-gap'));
    assert.deepEqual(forced.map((m) => `${m.line} ${m.code}`), ['9 numbering-gap']);
    fs.rmSync(path.join(workspace(), '.vscode'), { recursive: true });
    await wb.waitForProblems(README, 'no findings after removing the setting', (m) => m.length === 0);
  });
});

describe('ReportLint in VS Code 1.100 (code-server + Chromium), English display language', { timeout: 5 * 60_000 }, () => {
  let session: WorkbenchSession | undefined;
  let wb: Workbench;

  before(
    async () => {
      session = await openWorkbench({ name: 'en' });
      wb = session.wb;
    },
    { timeout: 30 * 60_000 },
  );

  after(() => closeWorkbench(session));

  it('messages are in English when VS Code is', async () => {
    await wb.openFile(DEFECTS);
    const expected = cliFindings(DEFECTS, 'en').map(asPanel).sort(byPosition);
    assert.ok(expected.some((e) => e.startsWith('6:1 numbering-gap Heading numbering skips')), expected.join('\n'));
    const markers = await wb.waitForProblems(DEFECTS, `${expected.length} findings`, (m) => m.length === expected.length);
    assert.deepEqual(markers.map(fromPanel).sort(byPosition), expected);
    await wb.screenshot(shotName('problems-panel-english'));
  });
});
