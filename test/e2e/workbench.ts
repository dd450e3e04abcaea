/**
 * What a user does and sees in the VS Code workbench, read from its DOM: open a file, read the
 * Problems panel, the Outline view, the editor's lines, hovers and menus. Every wait has a time
 * limit and fails with what was last seen.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, sleep } from './harness';

export interface Marker {
  severity: 'error' | 'warning' | 'info' | 'hint' | 'unknown';
  message: string;
  source: string;
  code: string;
  /** 1-based, as the panel shows them. */
  line: number;
  column: number;
}

export interface OutlineRow {
  level: number;
  label: string;
}

/** Polls `read` until `ok` holds; on timeout throws with the last value read. */
export async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last, null, 1)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
}

export class Workbench {
  constructor(readonly page: Page) {}

  async load(url: string): Promise<void> {
    await this.page.goto(url, { timeout: 60_000 });
    await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    // The explorer shows the workspace once the remote connection is up.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const file = path.join(OUTPUT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Picks a command in the Command Palette by its (English) label; returns the palette's input box. */
  /**
   * Opens a quick input with a key (the alternatives in `keys` in turn), types `value` and waits
   * until `ready` holds. On a busy machine a key press can land while the workbench moves focus and
   * open nothing, or the input can close again before it is typed into (a view revealed by the
   * previous step taking focus a moment later). Every step is idempotent, so the whole sequence
   * is asked again, up to `attempts` times.
   */
  private async quickInput(keys: string[], value: string, ready: (attempt: number) => Promise<unknown>, attempts = 4) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press(keys[(attempt - 1) % keys.length]);
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(value, { timeout: 5_000 });
        await ready(attempt);
        return input;
      } catch (e) {
        if (attempt >= attempts) throw e;
        await sleep(500);
      }
    }
  }

  private async pickCommand(label: string) {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    const input = await this.quickInput(['F1', 'Control+Shift+P'], `>${label}`, (attempt) => row.waitFor({ state: 'visible', timeout: attempt < 4 ? 5_000 : 10_000 }));
    await row.click();
    return input;
  }

  /** Runs a command from the Command Palette by its (English) label. */
  async command(label: string): Promise<void> {
    await this.pickCommand(label);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Runs a command that asks for input (a Quick Pick or an input box) and waits for that. */
  async commandWithInput(label: string): Promise<void> {
    const input = await this.pickCommand(label);
    await waitFor(`the input of "${label}"`, () => input.inputValue(), (v) => !v.startsWith('>'), 10_000);
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a user would. */
  async openFile(name: string): Promise<void> {
    // The focused row must be the file itself: until Quick Open has applied the filter, the list
    // still shows the editor history (every recently opened file), and Enter would open the most
    // recent one instead. A file the test has just written may not be in Quick Open's file index
    // yet: each attempt is a fresh search, for up to about 40 s in all.
    const row = this.page.locator(`.quick-input-widget .monaco-list-row.focused[aria-label^="${name}"]`).first();
    await this.quickInput(['Control+P'], name, () => row.waitFor({ state: 'visible', timeout: 10_000 }), 3);
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 15_000 });
    await this.page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
  }

  async closeAllEditors(): Promise<void> {
    // With unsaved editors VS Code asks; the dialog may take a moment to appear on a busy machine.
    const dirty = await this.page.locator('.tabs-container .tab.dirty').count();
    await this.command('View: Close All Editors');
    const dialog = this.page.locator('.monaco-dialog-box');
    if (dirty) {
      await dialog.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    }
    if (await dialog.isVisible().catch(() => false)) {
      await dialog.locator('.monaco-button', { hasText: /Don't Save|不保存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }

  /** The language mode shown in the status bar (e.g. "ReportLint 报告", "Markdown"). */
  async languageMode(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.mode').innerText()).trim();
  }

  // ------------------------------------------------------------------ Problems panel

  async showProblems(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible().catch(() => false))) {
      await this.command('View: Focus Problems');
    }
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** The Problems panel's rows, grouped by file name. */
  async problems(): Promise<Map<string, Marker[]>> {
    const rows = await this.page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els
        .map((el) => ({
          top: parseFloat(/top:\s*(-?[\d.]+)px/.exec(el.getAttribute('style') ?? '')?.[1] ?? '0'),
          level: el.getAttribute('aria-level'),
          label: el.getAttribute('aria-label') ?? '',
          file: el.querySelector('.monaco-icon-label .label-name')?.textContent ?? '',
          icon: el.querySelector('.marker-icon')?.className ?? '',
          message: el.querySelector('.marker-message')?.textContent ?? '',
          source: el.querySelector('.marker-source')?.textContent ?? '',
          code: el.querySelector('.marker-code')?.textContent ?? '',
          position: el.querySelector('.marker-line')?.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top),
    );
    const byFile = new Map<string, Marker[]>();
    let current: Marker[] | null = null;
    for (const r of rows) {
      if (r.level === '1') {
        current = [];
        byFile.set(r.file.trim(), current);
      } else if (current && r.message) {
        const pos = /Ln (\d+), Col (\d+)/.exec(r.position);
        const sev = /\b(error|warning|info|hint)\b/.exec(r.icon)?.[1] as Marker['severity'] | undefined;
        current.push({ severity: sev ?? 'unknown', message: r.message, source: r.source, code: r.code, line: pos ? +pos[1] : 0, column: pos ? +pos[2] : 0 });
      }
    }
    return byFile;
  }

  async problemsOf(file: string): Promise<Marker[]> {
    return (await this.problems()).get(file) ?? [];
  }

  /** Waits until the file's markers satisfy `ok`, and returns them. */
  async waitForProblems(file: string, what: string, ok: (m: Marker[]) => boolean, timeoutMs = 30_000): Promise<Marker[]> {
    await this.showProblems();
    return waitFor(`Problems panel: ${what} (${file})`, () => this.problemsOf(file), ok, timeoutMs);
  }

  // ------------------------------------------------------------------ Outline view

  async showOutline(): Promise<void> {
    await this.command('Explorer: Focus on Outline View');
    await this.page.locator('.outline-pane').waitFor({ state: 'visible', timeout: 10_000 });
    // Give the outline the whole side bar: collapse the folder tree above it.
    const folders = this.page.locator('.pane-header[aria-expanded="true"]', { has: this.page.locator('.title', { hasText: /^(workspace|WORKSPACE)$/ }) });
    if (await folders.count()) await folders.first().click();
  }

  async outline(): Promise<OutlineRow[]> {
    const rows = await this.page.$$eval('.outline-pane .monaco-list-row', (els) =>
      els
        .map((el) => ({
          top: parseFloat(/top:\s*(-?[\d.]+)px/.exec(el.getAttribute('style') ?? '')?.[1] ?? '0'),
          level: Number(el.getAttribute('aria-level') ?? 0),
          label: el.querySelector('.label-name')?.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top),
    );
    return rows.map(({ level, label }) => ({ level, label }));
  }

  // ------------------------------------------------------------------ Editor

  /** The text of the visible editor lines, top to bottom. */
  async editorLines(): Promise<string[]> {
    const lines = await this.page.$$eval('.part.editor .monaco-editor .view-lines .view-line', (els) =>
      els.map((el) => ({ top: parseFloat(/top:\s*(-?[\d.]+)px/.exec(el.getAttribute('style') ?? '')?.[1] ?? '0'), text: el.textContent ?? '' })).sort((a, b) => a.top - b.top),
    );
    return lines.map((l) => l.text.replace(/\u00a0/g, ' '));
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    const value = `:${line}:${column}`;
    // Enter only while the input still holds the position: Enter in the editor would insert a line.
    await this.quickInput(['Control+G'], value, async () => {
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      if (!(await input.isVisible()) || (await input.inputValue()) !== value) throw new Error('the Go to Line input closed');
    });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await waitFor(`cursor at ${line}:${column}`, () => this.page.locator('#status\\.editor\\.selection').innerText(), (t) => t.includes(`Ln ${line}, Col ${column}`), 10_000);
  }

  /** Shows the hover at the cursor (Show or Focus Hover, Ctrl+K Ctrl+I) and returns its text. */
  async hoverAtCursor(): Promise<string> {
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    // On a busy machine the first request may come back empty: ask again (up to three times).
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ state: 'visible', timeout: 8_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    return waitFor('hover text', () => hover.innerText(), (t) => t.trim().length > 0 && !/Loading/.test(t), 10_000);
  }

  /** Types text into the editor at the cursor, as keystrokes. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 30 });
  }

  /** The rows of the open suggestion widget (label and details). */
  async suggestions(): Promise<string[]> {
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''))).map((t) => t.trim());
  }

  /**
   * Accepts the snippet suggestion whose label starts with `prefix`: moves down the open suggestion
   * list until the *focused* row is that snippet (its kind icon says snippet), then presses Enter.
   * Reading the rows and pressing ArrowDown a counted number of times raced with the list being
   * refreshed (a word suggestion of the same letters took the place), so the focus is checked.
   */
  async acceptSnippet(prefix: string): Promise<void> {
    const focused = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    for (let step = 0; step < 40; step++) {
      if (await focused.count()) {
        const row = focused.first();
        const label = ((await row.getAttribute('aria-label')) ?? (await row.textContent()) ?? '').trim();
        if (label.startsWith(prefix) && (await row.locator('.codicon-symbol-snippet').count()) > 0) {
          await this.page.keyboard.press('Enter');
          return;
        }
      }
      await this.page.keyboard.press('ArrowDown');
      await sleep(150);
    }
    throw new Error(`no focused snippet suggestion starting with ${prefix}`);
  }

  /** Opens the Quick Fix menu (Ctrl+.) at the cursor and returns its entries. */
  async quickFixes(): Promise<string[]> {
    const items = this.page.locator('.action-widget .monaco-list-row.action');
    // A key press that lands while the editor is busy can open nothing (or "no code actions" before
    // the server has answered): close whatever opened and ask again, up to three times.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        await items.first().waitFor({ state: 'visible', timeout: attempt < 3 ? 6_000 : 15_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
        await sleep(500);
      }
    }
    return (await items.allInnerTexts()).map((t) => t.trim());
  }

  /** Moves the focus in the open Quick Fix menu to `title` with the arrow keys and applies it with Enter. */
  async chooseQuickFix(title: string): Promise<void> {
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused');
    const count = await this.page.locator('.action-widget .monaco-list-row.action').count();
    for (let i = 0; i <= count; i++) {
      if ((await focused.getAttribute('aria-label').catch(() => null)) === title) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`quick fix "${title}" not found in the menu`);
  }

  // ------------------------------------------------------------------ Tabs, status bar, lenses, views

  /** The label of the active editor tab. */
  async activeTab(): Promise<string> {
    return ((await this.page.locator('.tabs-container .tab.active').first().getAttribute('aria-label')) ?? '').trim();
  }

  /** Whether the tab of `name` shows unsaved changes. */
  async isDirty(name: string): Promise<boolean> {
    return (await this.page.locator(`.tabs-container .tab.dirty[aria-label^="${name}"]`).count()) > 0;
  }

  /** Labels of all open tabs. */
  async tabs(): Promise<string[]> {
    return (await this.page.locator('.tabs-container .tab').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).map((t) => t.trim());
  }

  /** A status bar entry of the extension, by the start of its accessible label ('ReportLint:' the report type and counts; 'ReportLint 数据核对' the figures). */
  private statusItem(label: string) {
    return this.page.locator(`.part.statusbar [aria-label^="${label}"]`).first();
  }

  /** The accessible label of a status bar entry (its counts), or '' when it is not shown. */
  async statusBarText(label: string): Promise<string> {
    const item = this.statusItem(label);
    if (!(await item.count()) || !(await item.isVisible())) return '';
    return ((await item.getAttribute('aria-label')) ?? '').trim();
  }

  async clickStatusBar(label: string): Promise<void> {
    await this.statusItem(label).click();
  }

  /** The cursor position shown in the status bar ("Ln 5, Col 37"). */
  async cursor(): Promise<{ line: number; column: number }> {
    const t = await this.page.locator('#status\\.editor\\.selection').innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return { line: m ? +m[1] : 0, column: m ? +m[2] : 0 };
  }

  /** The code lenses rendered in the visible editor, top to bottom. */
  async codeLenses(): Promise<string[]> {
    return (await this.page.locator('.part.editor .monaco-editor .codelens-decoration').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /** Squiggles of a severity in the visible editor (error, warning, info). */
  async squiggles(severity: 'error' | 'warning' | 'info'): Promise<number> {
    return this.page.locator(`.part.editor .monaco-editor .view-overlays .squiggly-${severity}`).count();
  }

  /** The rows of a side bar view (by its title), with tree level, label and description. */
  async viewRows(title: string): Promise<{ level: number; label: string; description: string; expanded: string | null }[]> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: title }) }).first();
    const rows = await pane.locator('.pane-body .monaco-list-row').evaluateAll((els) =>
      els
        .map((el) => ({
          top: parseFloat(/top:\s*(-?[\d.]+)px/.exec(el.getAttribute('style') ?? '')?.[1] ?? '0'),
          level: Number(el.getAttribute('aria-level') ?? 0),
          label: el.querySelector('.label-name')?.textContent ?? el.querySelector('.monaco-icon-label')?.textContent ?? '',
          description: el.querySelector('.label-description')?.textContent ?? '',
          expanded: el.getAttribute('aria-expanded'),
        }))
        .sort((a, b) => a.top - b.top),
    );
    return rows.map(({ level, label, description, expanded }) => ({ level, label: label.trim(), description: description.trim(), expanded }));
  }

  /** Clicks the row of a side bar view whose label starts with `label`. */
  async clickViewRow(title: string, label: string): Promise<void> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: title }) }).first();
    await pane.locator('.pane-body .monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first().click();
  }

  /** Expands the row of a side bar view whose label starts with `label` (its twistie, not its command). */
  async expandViewRow(title: string, label: string): Promise<void> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: title }) }).first();
    await pane.locator('.pane-body .monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first().locator('.monaco-tl-twistie').click();
  }

  /** Clicks an action in the title bar of a side bar view (by the start of its label). */
  async viewTitleAction(title: string, action: string): Promise<void> {
    const header = this.page.locator('.pane-header', { has: this.page.locator('.title', { hasText: title }) }).first();
    await header.hover();
    await header.locator(`.action-label[aria-label^="${action}"]`).first().click();
  }

  /** Screenshot of one part of the workbench (e.g. the side bar). */
  async screenshotOf(selector: string, file: string): Promise<void> {
    await this.page.locator(selector).first().screenshot({ path: file });
  }

  /** The rows of the open Quick Pick: label and whether it has the focus. */
  /** The rows of the open Quick Pick: accessible label, all the text shown (label, description, detail), focus. */
  async quickPickRows(): Promise<{ label: string; text: string; focused: boolean }[]> {
    const rows = this.page.locator('.quick-input-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
    return rows.evaluateAll((els) =>
      els.map((e) => ({ label: e.getAttribute('aria-label') ?? e.textContent ?? '', text: e.textContent ?? '', focused: e.classList.contains('focused') })),
    );
  }
}

