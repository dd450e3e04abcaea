/**
 * End-to-end harness: the packaged extension (.vsix) installed into a real VS Code 1.100 served by
 * code-server, driven in Debian's Chromium with playwright-core. Everything stays on this machine:
 * code-server listens on 127.0.0.1, and the browser may reach nothing else.
 *
 * The prerequisites (Debian packages, code-server in a cache folder outside the repository) are
 * installed by test/e2e/setup-code-server.sh (`npm run e2e:setup`, run by .ci/run); the tests never
 * install anything themselves and fail with a clear message when something is missing. Every process the harness starts is recorded by PID
 * and killed at teardown, also when a test fails or the runner exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserServer, Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers';

export const CODE_SERVER_VERSION = process.env.REPORTLINT_CODE_SERVER_VERSION ?? '4.100.3';
export const CACHE_DIR = process.env.REPORTLINT_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'reportlint-e2e');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CODE_SERVER_MARKER = path.join(CODE_SERVER_DIR, '.reportlint-complete');
export const CHROMIUM = process.env.REPORTLINT_CHROMIUM ?? '/usr/bin/chromium';
export const SETUP_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'setup-code-server.sh');
/** Screenshots, logs and the test .vsix (git-ignored). */
export const OUTPUT_DIR = path.join(REPO_ROOT, '.test-output', 'e2e');
/** The workspace the scenarios open (copied to a temporary folder for each run). */
export const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');

const STARTUP_TIMEOUT_MS = 90_000;

// ---------------------------------------------------------------------------------------------
// Processes: every PID we start, killed (with its process group) at teardown or at exit.

const started = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // already gone
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process we started: SIGTERM to its group, SIGKILL after a grace period. */
export async function stopProcess(pid: number | undefined, graceMs = 3000): Promise<void> {
  if (!pid) return;
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  killGroup(pid, 'SIGKILL');
  started.delete(pid);
}

process.on('exit', () => {
  for (const pid of started) killGroup(pid, 'SIGKILL');
});

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Prerequisites

/** What is missing for the end-to-end tests on this machine (empty when ready). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CODE_SERVER_MARKER) || !fs.existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server ${CODE_SERVER_VERSION} in ${CODE_SERVER_DIR}`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM}`);
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Status}\n', 'fonts-noto-cjk', 'ripgrep'], { encoding: 'utf8' });
  if (dpkg.status !== 0 || (dpkg.stdout.match(/install ok installed/g) ?? []).length < 2) missing.push('Debian packages fonts-noto-cjk and ripgrep');
  return missing;
}

/**
 * Makes sure code-server and Chromium are there, and throws a clear error naming what is missing
 * otherwise. Nothing is installed here: `npm run e2e:setup` does that (needs root or sudo), and
 * scripts/test.mjs leaves this suite out, saying so, when the prerequisites are missing outside CI.
 */
export function ensurePrerequisites(): void {
  const missing = missingPrerequisites();
  if (!missing.length) return;
  throw new Error(`End-to-end prerequisites missing: ${missing.join('; ')}. Install them with \`npm run e2e:setup\` (runs ${path.relative(REPO_ROOT, SETUP_SCRIPT)}; Debian or Ubuntu, root or sudo, the npm and Debian registries).`);
}

// ---------------------------------------------------------------------------------------------
// The package under test

let vsixPromise: Promise<string> | undefined;

/** Builds the .vsix once per test process, exactly as `npm run package` does. */
export function buildVsix(): Promise<string> {
  vsixPromise ??= new Promise((resolve, reject) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    const out = path.join(OUTPUT_DIR, `${pkg.name}-${pkg.version}.vsix`);
    fs.rmSync(out, { force: true });
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('close', (code) => (code === 0 && fs.existsSync(out) ? resolve(out) : reject(new Error(`npm run package failed (exit ${code}):\n${log}`))));
  });
  return vsixPromise;
}

// ---------------------------------------------------------------------------------------------
// code-server

export interface CodeServerOptions {
  /** VS Code's display language, set as a user would: `locale` in argv.json plus an installed language pack. */
  locale?: 'zh-cn';
  /** A label for logs and folder names. */
  name: string;
}

/** Settings of the test user: no welcome page, no network features, outline trees expanded. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'outline.collapseItems': 'alwaysExpand',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
  'git.enabled': false,
};

export class CodeServer {
  private constructor(
    readonly name: string,
    readonly root: string,
    readonly workspace: string,
    readonly port: number,
    readonly proc: ChildProcess,
    readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`;
  }

  static async start(vsix: string, opts: CodeServerOptions): Promise<CodeServer> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `reportlint-e2e-${opts.name}-`));
    const userData = path.join(root, 'user-data');
    const extensions = path.join(root, 'extensions');
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.mkdirSync(extensions, { recursive: true });
    fs.cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    if (opts.locale) setLocale(userData, root, opts.locale);

    // Keep code-server's own config and data out of $HOME; no extension gallery but a dead loopback port.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    };
    delete env.VSCODE_IPC_HOOK_CLI;
    const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

    const install = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${install.status ?? install.signal}):\n${install.stdout}\n${install.stderr}`);
    }

    const port = await freePort();
    const logFile = path.join(root, 'code-server.log');
    const logFd = fs.openSync(logFile, 'w');
    const proc = spawn(
      process.execPath,
      [CODE_SERVER_ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...common, workspace],
      { env, detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    if (proc.pid) started.add(proc.pid);
    const cs = new CodeServer(opts.name, root, workspace, port, proc, logFile);
    try {
      await cs.waitUntilUp();
    } catch (e) {
      await cs.stop();
      throw e;
    }
    return cs;
  }

  private async waitUntilUp(): Promise<void> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let exited: string | null = null;
    this.proc.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
    while (Date.now() < deadline) {
      if (exited) break;
      if ((await httpStatus(`http://127.0.0.1:${this.port}/healthz`)) === 200) return;
      await sleep(250);
    }
    const log = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
    throw new Error(
      `code-server did not come up on 127.0.0.1:${this.port} ${exited ? `(it ${exited})` : `within ${STARTUP_TIMEOUT_MS / 1000} s`}. ` +
        `Entry point: ${CODE_SERVER_ENTRY}. Last lines of ${this.logFile}:\n${log}`,
    );
  }

  /** Kills code-server and everything it spawned (its process group), then removes its folders. */
  async stop(): Promise<void> {
    await stopProcess(this.proc.pid);
    try {
      fs.cpSync(this.logFile, path.join(OUTPUT_DIR, `code-server-${this.name}.log`));
    } catch {
      // no log to keep
    }
    fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * VS Code's display language as a Chinese user has it: `"locale": "zh-cn"` in argv.json, and a
 * language pack registered for zh-cn. code-server reads argv.json from <user-data-dir>/User/ but
 * keeps the workbench in English unless a language pack for the locale is registered in
 * <user-data-dir>/languagepacks.json (the file it writes when one is installed); the Chinese pack
 * is not on npm, so we register a pack with no translations. The workbench stays English, but
 * `vscode.env.language` becomes `zh-cn`, which is all that ReportLint's own strings depend on.
 */
function setLocale(userData: string, root: string, locale: string): void {
  fs.writeFileSync(path.join(userData, 'User', 'argv.json'), JSON.stringify({ locale }, null, 2));
  const translations = path.join(root, 'language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [locale]: {
      hash: 'reportlint0e2e0language0pack0000',
      extensions: [{ extensionIdentifier: { id: 'reportlint-test.language-pack' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The browser

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Only loopback: every other host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export class BrowserSession {
  /** Requests the page tried to send off this machine (all aborted). */
  readonly blocked: string[] = [];
  private constructor(
    private readonly server: BrowserServer,
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  static async open(cs: CodeServer): Promise<BrowserSession> {
    const { chromium } = await import('playwright-core');
    const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
    const pid = server.process().pid;
    if (pid) started.add(pid);
    try {
      const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      const page = await context.newPage();
      const session = new BrowserSession(server, browser, page);
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        const local = url.protocol === 'data:' || url.protocol === 'blob:' || ((url.hostname === '127.0.0.1' || url.hostname === 'localhost') && url.port === String(cs.port));
        if (local) return route.continue();
        session.blocked.push(url.href);
        return route.abort('blockedbyclient');
      });
      return session;
    } catch (e) {
      await stopProcess(pid);
      throw e;
    }
  }

  async close(): Promise<void> {
    const pid = this.server.process().pid;
    await Promise.race([this.browser.close().catch(() => undefined), sleep(5000)]);
    await Promise.race([this.server.close().catch(() => undefined), sleep(5000)]);
    await stopProcess(pid, 1000);
  }
}
