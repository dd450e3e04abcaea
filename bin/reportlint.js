#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('reportlint: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
// Node 22.1+: keep V8's compiled code of the bundle between runs (Node's own on-disk cache).
const mod = require('module');
if (typeof mod.enableCompileCache === 'function') mod.enableCompileCache();
require(cli).run();
