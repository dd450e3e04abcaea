/**
 * Issue 20 point 6: the product itself (not only a test preload) keeps off the network. The server
 * refuses a socket or pipe transport unless the command line opts in, and a build check fails when
 * a bundle in dist/ gains a network API outside vscode-jsonrpc's transport module.
 */
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';

/** Network APIs as they appear in a bundle (esbuild keeps require("…") strings, even minified). */
const NETWORK_API = /require\("(?:node:)?(?:net|tls|http|https|http2|dns|dgram)"\)|\bfetch\(|\bnew WebSocket\b|\bXMLHttpRequest\b|\bEventSource\b/g;
/** The one place allowed to hold one: the stdio/IPC/socket transports of vscode-jsonrpc. */
const ALLOWED_MODULE = /(?:^|\/)node_modules\/(?:.*\/)?vscode-jsonrpc\/lib\/node\/main\.js$/;
/** esbuild's `// path/to/module.js` comment before each module (paths may start with ../ when node_modules is a link). */
const MODULE_MARKER = /^\/\/ ((?:\.\.\/)*[\w@.+-]+(?:\/[\w@.+-]+)*\.(?:js|cjs|mjs|ts|json))$/;

/** Every network API in a bundle with the source module it came from (from esbuild's `// path` comments). */
function networkUses(bundle: string): { module: string; api: string; line: number }[] {
  const uses: { module: string; api: string; line: number }[] = [];
  let module = '(no module marker)';
  const lines = bundle.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = MODULE_MARKER.exec(lines[i]);
    if (m) module = m[1];
    for (const hit of lines[i].matchAll(NETWORK_API)) uses.push({ module, api: hit[0], line: i + 1 });
  }
  return uses;
}

function disallowed(bundle: string) {
  return networkUses(bundle).filter((u) => !ALLOWED_MODULE.test(u.module));
}

describe('hardening: network (#20.6)', () => {
  it('dist/*.js holds network APIs only in vscode-jsonrpc\'s transport module', () => {
    const bundles = fs.readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    assert.ok(bundles.includes('server.js') && bundles.includes('cli.js'));
    for (const b of bundles) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'dist', b), 'utf8');
      // The attribution needs esbuild's module comments (the development build `npm test` makes).
      assert.ok(text.split('\n').some((l) => MODULE_MARKER.test(l)), `${b}: no module markers (minified?)`);
      assert.deepEqual(disallowed(text), [], b);
    }
    assert.deepEqual(networkUses(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'cli.js'), 'utf8')), [], 'the CLI bundles no network API at all');
  });

  it('the check catches a network API anywhere else (a rule, a dependency)', () => {
    const bundle = [
      '// node_modules/vscode-jsonrpc/lib/node/main.js',
      'var net_1 = require("net");',
      '// server/src/core/rules/x.ts',
      'var h = require("https");',
      '// node_modules/some-lib/index.js',
      'fetch("https://example.com");',
    ].join('\n');
    assert.deepEqual(
      disallowed(bundle).map((u) => [u.module, u.api]),
      [
        ['server/src/core/rules/x.ts', 'require("https")'],
        ['node_modules/some-lib/index.js', 'fetch('],
      ],
    );
  });

  it('the server refuses --socket and --pipe without --allow-socket-transport, and opens no connection', async () => {
    const listener = net.createServer();
    let connections = 0;
    listener.on('connection', (s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const port = (listener.address() as net.AddressInfo).port;
    try {
      for (const arg of [`--socket=${port}`, '--pipe=/tmp/reportlint-test.sock']) {
        const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), arg], { encoding: 'utf8', timeout: 15_000 });
        assert.equal(r.status, 2, `${arg}: ${r.stderr}`);
        assert.match(r.stderr, /refusing the socket\/pipe transport/);
      }
      assert.equal(connections, 0);
      // With the opt-in on the command line the server does connect.
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), `--socket=${port}`, '--allow-socket-transport'], { stdio: 'ignore' });
      try {
        const deadline = Date.now() + 15_000;
        while (connections === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        assert.equal(connections, 1);
      } finally {
        child.kill();
      }
    } finally {
      listener.close();
    }
  });
});
