#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('reportlint: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
// Keep V8's compiled code of the bundle between runs: Node's own on-disk cache from Node 22.1,
// the same done by hand before (compile-cache.js).
const mod = require('module');
if (typeof mod.enableCompileCache === 'function') {
  mod.enableCompileCache();
  require(cli).run();
} else {
  require('./compile-cache.js').loadWithCache(cli).run();
}
