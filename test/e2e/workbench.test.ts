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
import { BrowserSession, buildVsix, CodeServer, ensurePrerequisites, OUTPUT_DIR, WORKSPACE_FIXTURE } from './harness';
import { waitFor, Workbench, type Marker } from './workbench';

const DEFECTS = '缺陷报告.txt';
const CLEAN = '合格报告.txt';
const RENUMBER = '编号修正报告.txt';
const README = 'README.md';
const NEW_REPORT = '新建报告.txt';

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
  let cs: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let wb: Workbench;

  before(
    async () => {
      ensurePrerequisites();
      const vsix = await buildVsix();
      cs = await CodeServer.start(vsix, { name: 'zh', locale: 'zh-cn' });
      browser = await BrowserSession.open(cs);
      wb = new Workbench(browser.page);
      await wb.load(cs.url);
    },
    { timeout: 30 * 60_000 },
  );

  after(async () => {
    if (browser?.blocked.length) console.log(`[e2e] blocked off-machine requests: ${[...new Set(browser.blocked)].join(', ')}`);
    await browser?.close();
    await cs?.stop();
  });

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

  it('typing a snippet prefix and accepting it inserts the report skeleton', async () => {
    await wb.closeAllEditors();
    fs.writeFileSync(path.join(cs!.workspace, NEW_REPORT), '');
    await wb.openFile(NEW_REPORT);
    assert.equal(await wb.languageMode(), 'ReportLint 报告');
    await wb.type('bgkj');
    const offered = await waitFor('the skeleton snippet among the suggestions', () => wb.suggestions(), (s) => s.some((x) => x.startsWith('bgkj')), 15_000);
    const index = offered.findIndex((x) => x.startsWith('bgkj'));
    for (let i = 0; i < index; i++) await wb.page.keyboard.press('ArrowDown');
    await wb.screenshot(shotName('snippet-suggestion'));
    await wb.page.keyboard.press('Enter');
    const text = await waitFor('the inserted skeleton', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('五、其他需要报告的情况')), 10_000);
    await wb.page.keyboard.press('Escape');
    assert.match(text[0], /^XX市XX区人民政府关于20XX年度法治政府建设情况的报告$/);
    for (const heading of [/^一、.*主要举措和成效$/, /^二、.*存在的不足和原因$/, /^三、党政主要负责人履行推进法治建设第一责任人职责/, /^四、下一年度推进法治政府建设的主要安排$/, /^五、其他需要报告的情况$/]) {
      assert.ok(text.some((l) => heading.test(l)), `${heading} in:\n${text.join('\n')}`);
    }
    assert.ok(!text.some((l) => l.includes('bgkj')), 'the prefix was replaced');
    await wb.screenshot(shotName('snippet-inserted'));
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
    fs.mkdirSync(path.join(cs!.workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(cs!.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'reportlint.enable': 'always' }));
    const forced = await wb.waitForProblems(README, 'the numbering gap once reportlint.enable is "always"', (m) => m.some((x) => x.code === 'numbering-gap'));
    assert.deepEqual(forced.map((m) => `${m.line} ${m.code}`), ['9 numbering-gap']);
    fs.rmSync(path.join(cs!.workspace, '.vscode'), { recursive: true });
    await wb.waitForProblems(README, 'no findings after removing the setting', (m) => m.length === 0);
  });
});

describe('ReportLint in VS Code 1.100 (code-server + Chromium), English display language', { timeout: 5 * 60_000 }, () => {
  let cs: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let wb: Workbench;

  before(
    async () => {
      ensurePrerequisites();
      const vsix = await buildVsix();
      cs = await CodeServer.start(vsix, { name: 'en' });
      browser = await BrowserSession.open(cs);
      wb = new Workbench(browser.page);
      await wb.load(cs.url);
    },
    { timeout: 30 * 60_000 },
  );

  after(async () => {
    await browser?.close();
    await cs?.stop();
  });

  it('messages are in English when VS Code is', async () => {
    await wb.openFile(DEFECTS);
    const expected = cliFindings(DEFECTS, 'en').map(asPanel).sort(byPosition);
    assert.ok(expected.some((e) => e.startsWith('6:1 numbering-gap Heading numbering skips')), expected.join('\n'));
    const markers = await wb.waitForProblems(DEFECTS, `${expected.length} findings`, (m) => m.length === expected.length);
    assert.deepEqual(markers.map(fromPanel).sort(byPosition), expected);
    await wb.screenshot(shotName('problems-panel-english'));
  });
});
