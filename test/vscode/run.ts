/**
 * `npm run test:vscode`: runs the mocha suite in test/vscode/suite inside a real VS Code extension
 * host with @vscode/test-electron. That downloads VS Code (into .vscode-test/) from the internet,
 * which the project's machines and CI cannot reach: CI runs the end-to-end tests in test/e2e
 * (code-server + Chromium) instead. This suite is kept compiling by `npm test` for anyone who has
 * the download (set VSCODE_TEST_VERSION to pick a version, default 1.100.3).
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  try {
    const code = await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'test', 'e2e', 'workspace'), '--disable-extensions', '--locale', 'en', '--skip-welcome', '--skip-release-notes'],
    });
    process.exitCode = code;
  } catch (e) {
    console.error(`VS Code extension tests could not run: ${e instanceof Error ? e.message : String(e)}`);
    console.error('They need to download VS Code; offline, use `npm run test:e2e` (code-server + Chromium).');
    process.exitCode = 1;
  }
}

void main();
