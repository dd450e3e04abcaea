/**
 * A Word document in VS Code: "Check Word document" from the Explorer's context menu on a .docx
 * (built here) opens its text view, the Problems panel lists the findings the CLI gives for that
 * .docx, and saving a corrected .docx refreshes them.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { makeDocx, para, xmlEscape } from '../docx-fixture';
import { closeWorkbench, openWorkbench, type WorkbenchSession } from './session';
import { waitFor, Workbench, type Marker } from './workbench';

const FILE = '区政府工作报告.docx';
const NUMBERING = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
const numbered = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${xmlEscape(text)}</w:t></w:r></w:p>`;

/** A report whose first two headings are Word list numbers and whose third was typed as `third`. */
function report(third: string): Buffer {
  return makeDocx(
    [
      para('某区人民政府关于2024年度法治政府建设情况的报告'),
      numbered('主要举措和成效'),
      para('全年办理行政复议案件48件。'),
      numbered('党政主要负责人履行推进法治建设第一责任人职责情况'),
      para('主要负责同志专题研究法治工作。'),
      para(`${third}存在的不足和原因`),
      para('基层执法力量不足，主要是人员编制有限。'),
    ].join(''),
    { numbering: NUMBERING },
  );
}

function cliPanel(file: string): string[] {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'reportlint.js'), 'check', '--format', 'json', '--locale', 'en', file], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const diags = (JSON.parse(r.stdout) as { files: { diagnostics: { ruleId: string; message: string; range: { start: { line: number; character: number } } }[] }[] }).files[0].diagnostics;
  return diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId} ${d.message}`).sort();
}
const fromPanel = (m: Marker) => `${m.line}:${m.column} ${m.code} ${m.message}`;

describe('ReportLint in VS Code: a Word document', { timeout: 10 * 60_000 }, () => {
  let session: WorkbenchSession | undefined;
  let wb: Workbench;
  const workspace = () => session!.cs.workspace;

  before(
    async () => {
      session = await openWorkbench({ name: 'docx' }, (dir) => fs.writeFileSync(path.join(dir, FILE), report('四、')));
      wb = session.wb;
    },
    { timeout: 30 * 60_000 },
  );

  after(() => closeWorkbench(session));

  it('opens the text view from the Explorer and shows the .docx findings in the Problems panel', async () => {
    const page = session!.browser.page;
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    // The menu lists the extension's entry once the workbench knows its contributions: ask again until then.
    const item = page.locator('.context-view .action-item', { hasText: 'Check Word document (.docx)' }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await row.click({ button: 'right' });
      try {
        await item.waitFor({ state: 'visible', timeout: 3_000 });
        break;
      } catch (e) {
        if (attempt >= 10) throw e;
      }
    }
    await wb.screenshot('docx-explorer-menu');
    await item.click();
    await page.locator(`.tabs-container .tab.active[aria-label^="${FILE}"]`).waitFor({ timeout: 20_000 });
    // Word's list numbers are part of the text view.
    const lines = await waitFor('text view', () => wb.editorLines(), (l) => l.some((x) => x.startsWith('二、党政主要负责人')), 20_000);
    assert.ok(lines.includes('一、主要举措和成效'), lines.join('\n'));
    assert.equal(await wb.languageMode(), 'ReportLint 报告');

    const expected = cliPanel(path.join(workspace(), FILE));
    assert.ok(expected.some((e) => e.startsWith('6:1 numbering-gap ')), expected.join('\n'));
    const markers = await wb.waitForProblems(FILE, `${expected.length} findings`, (m) => m.length === expected.length);
    assert.deepEqual(markers.map(fromPanel).sort(), expected);
    await wb.screenshot('docx-view-problems');

    // The writer fixes the heading in Word and saves: the view and its findings follow.
    fs.writeFileSync(path.join(workspace(), FILE), report('三、'));
    const fixed = cliPanel(path.join(workspace(), FILE));
    assert.ok(!fixed.some((e) => e.includes('numbering-gap')));
    const after = await wb.waitForProblems(FILE, 'the gap gone after the file changed', (m) => !m.some((x) => x.code === 'numbering-gap') && m.length === fixed.length, 30_000);
    assert.deepEqual(after.map(fromPanel).sort(), fixed);
  });
});
