#!/usr/bin/env node
// The hqds command. The TypeScript sources are compiled to lib/ by `npm install` (the prepare script).
'use strict';
// A closed pipe (hqds … | head) is not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
const path = require('path');
let cli;
try {
  // lib/ in one script with its compiled code kept between runs, or lib/'s modules (src/cli/bundle-loader.ts).
  cli = require('../lib/cli/bundle-loader.js').loadCli(path.join(__dirname, '..', 'lib'), {
    command: process.argv[2],
  });
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/](main|bundle-loader)/.test(String(e.message))) {
    process.stderr.write('hqds 尚未编译：请在项目目录运行 npm install（或 npm run prepare）后再试。\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    cli.saveCache();
    // Exit once what was written is out, without tearing the heap down first: a natural exit
    // waited a further 0.5–8 ms for V8's background compiler (BENCHMARKS.md). Nothing is pending:
    // main has awaited all its work, and files are written synchronously.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (err) => {
    process.stderr.write(`hqds 出错：${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
