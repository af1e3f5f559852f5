#!/usr/bin/env node
// npm run bench: measures the engine (and the file pipeline, where built) and writes BENCHMARKS.md.
// Each case runs in its own child process so peak memory (maxRSS) belongs to that case alone.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cases = fs.readdirSync(__dirname).filter((f) => /^case-.*\.js$/.test(f)).sort();
const only = process.argv[2];
const results = [];
for (const c of cases) {
  if (only && !c.includes(only)) continue;
  process.stderr.write(`bench ${c} …\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, c)], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || r.stdout);
    process.exit(1);
  }
  for (const line of r.stdout.trim().split('\n')) results.push(JSON.parse(line));
}
const cpu = os.cpus()[0]?.model ?? 'unknown';
const table = ['| case | what | seconds | rows/s | peak RSS (MiB) |', '| --- | --- | ---: | ---: | ---: |'];
for (const r of results) table.push(`| ${r.name} | ${r.what} | ${r.seconds.toFixed(3)} | ${r.rowsPerSecond ? Math.round(r.rowsPerSecond).toLocaleString('en-US') : '–'} | ${r.peakMiB.toFixed(0)} |`);
const out = table.join('\n');
console.log(out);
if (!only) {
  const md = `# Benchmarks

Written by \`npm run bench\` (bench/run.js); every case runs in a fresh Node process, so the peak
RSS is that case's own (process.resourceUsage().maxRSS). Timings are wall-clock for the measured
step only (data generation excluded), best of the runs each case states.

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.

${out}

Targets: 100,000 rows of each profile validated well under 1 s; 50 received files of 200 rows built
into one summary in under 5 s.
`;
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
}
