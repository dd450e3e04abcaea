/**
 * The CLI and the language server make no network requests of their own (issue 8): they run
 * with a preload that makes every network API (net, tls, http, https, dns, fetch) throw.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT } from '../helpers';
import { startServer } from '../lsp/harness';

const PRELOAD = path.join(FIXTURES, 'safety', 'no-network.cjs');

describe('no network access', () => {
  it('the preload really blocks network APIs', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('https').get('https://example.com')"], { encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /network access attempted: https\.get/);
  });

  it('the CLI checks the example folder, and runs outline and rules, without any network call', () => {
    for (const args of [['check', 'examples/'], ['outline', path.join(FIXTURES, 'outline', 'restart.txt')], ['rules']]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, path.join(REPO_ROOT, 'bin', 'reportlint.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.doesNotMatch(r.stderr, /network access attempted/, args.join(' '));
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    }
  });

  it('the language server answers and publishes diagnostics without any network call', async () => {
    const server = await startServer({ env: { NODE_OPTIONS: `--require ${PRELOAD}` } });
    try {
      const uri = 'file:///virtual/net.txt';
      server.open(uri, '一、甲\n三、丙\n', 'reportlint');
      const d = await server.diagnostics(uri);
      assert.ok(d.diagnostics.some((x) => x.code === 'numbering-gap'));
      assert.ok(!server.logs.some((l) => /network access attempted/.test(l)), server.logs.join('\n'));
    } finally {
      await server.stop();
    }
  });
});
