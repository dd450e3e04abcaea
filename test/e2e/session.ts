/**
 * One VS Code for a suite: code-server with the freshly built .vsix installed, a Chromium page on
 * it and the workbench loaded. Every e2e suite starts and stops its workbench through these two
 * functions, so the order of start-up and clean-up lives in one place.
 */
import { BrowserSession, buildVsix, CodeServer, type CodeServerOptions, ensurePrerequisites } from './harness';
import { Workbench } from './workbench';

export interface WorkbenchSession {
  cs: CodeServer;
  browser: BrowserSession;
  wb: Workbench;
}

/**
 * Builds the extension, starts code-server, lets `prepare` write files into the workspace before
 * the browser opens it, then loads the workbench. Whatever was started is stopped again when a
 * later step fails, so a failed start leaves no process behind.
 */
export async function openWorkbench(options: CodeServerOptions, prepare?: (workspace: string) => void): Promise<WorkbenchSession> {
  ensurePrerequisites();
  const vsix = await buildVsix();
  const cs = await CodeServer.start(vsix, options);
  let browser: BrowserSession | undefined;
  try {
    prepare?.(cs.workspace);
    browser = await BrowserSession.open(cs);
    const wb = new Workbench(browser.page);
    await wb.load(cs.url);
    return { cs, browser, wb };
  } catch (e) {
    await browser?.close();
    await cs.stop();
    throw e;
  }
}

/** Closes the browser and stops code-server; reports requests that tried to leave the machine. */
export async function closeWorkbench(session: WorkbenchSession | undefined): Promise<void> {
  if (!session) return;
  if (session.browser.blocked.length) console.log(`[e2e] blocked off-machine requests: ${[...new Set(session.browser.blocked)].join(', ')}`);
  await session.browser.close();
  await session.cs.stop();
}
