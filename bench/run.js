#!/usr/bin/env node
// npm run bench: measures hqds and the pane and writes BENCHMARKS.md, each figure beside the
// baseline measured in the same run (bench/case-*.js print JSON lines; this file renders them).
//   node bench/run.js [filter]   only the cases whose file name contains filter; prints, writes nothing
//   BENCH_SIZES=1000,files50     fewer sizes for case-cli.js
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cases = fs
  .readdirSync(__dirname)
  .filter((f) => /^case-.*\.js$/.test(f))
  .sort();
const only = process.argv[2];
const results = [];
for (const c of cases) {
  if (only && !c.includes(only)) continue;
  process.stderr.write(`bench ${c} …\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, c)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout);
    process.exit(1);
  }
  for (const line of r.stdout.trim().split('\n')) if (line.startsWith('{')) results.push(JSON.parse(line));
}

const s = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mib = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sections = [];

const pairs = results.filter((r) => r.kind === 'pair');
if (pairs.length) {
  const t = [
    '| job | hqds: wall s, median (min) | peak MiB | baseline | baseline: wall s, median (min) | peak MiB | hqds is × faster (median of pairs) |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ];
  for (const p of pairs) {
    const a = p.result.a;
    const b = p.result.b;
    t.push(
      `| ${p.what} | ${s(a.wall.median)} (${s(a.wall.min)}) | ${mib(a.peakMiB.median)} | ${p.b ?? '— (not installed)'} | ${b ? `${s(b.wall.median)} (${s(b.wall.min)})` : '–'} | ${b ? mib(b.peakMiB.median) : '–'} | ${p.result.ratio ? `${p.result.ratio.median.toFixed(2)}×` : '–'} |`,
    );
  }
  sections.push(`## hqds, whole process, beside the plain tools

Each row: the two commands run in turn (A B A B …), ${pairs[0].result.n} counted runs each after one warm-up,
timed by GNU time (wall seconds and peak RSS of the finished process). The ratio is baseline ÷ hqds
for each pair, median of the pairs: above 1 means hqds was faster. Start-up rows compare with
\`node -e 0\`, so there the ratio is below 1 by construction: the figure to read is the difference.

${t.join('\n')}`);
}

const hostile = results.filter((r) => !r.kind && String(r.name).startsWith('hostile:'));
if (hostile.length) {
  const t = ['| file | what, on disk, outcome | seconds | peak RSS (MiB) |', '| --- | --- | ---: | ---: |'];
  for (const r of hostile)
    t.push(
      `| ${r.name.replace(/^hostile: /, '')} | ${r.what} | ${Number.isFinite(r.seconds) ? r.seconds.toFixed(2) : '–'} | ${Number.isFinite(r.peakMiB) ? r.peakMiB.toFixed(0) : '–'} |`,
    );
  sections.push(`## Hostile files

bench/case-hostile.js: each hostile file is made first, then built with \`hqds build --profile qinghai\`
in a fresh Node process; seconds are the build alone (module loading included), peak RSS is that
process's own. Target: each under 5 s and 500 MB.

${t.join('\n')}`);
}

const inproc = results.filter((r) => !r.kind && !String(r.name).startsWith('hostile:'));
if (inproc.length) {
  const t = ['| case | what | seconds | rows/s | peak RSS (MiB) |', '| --- | --- | ---: | ---: | ---: |'];
  for (const r of inproc)
    t.push(
      `| ${r.name} | ${r.what} | ${r.seconds.toFixed(3)} | ${r.rowsPerSecond ? Math.round(r.rowsPerSecond).toLocaleString('en-US') : '–'} | ${r.peakMiB.toFixed(0)} |`,
    );
  sections.push(`## The engine, in process

Best of the runs each case states, in a fresh Node process (peak RSS is that case's own).

${t.join('\n')}`);
}

const pane = results.filter((r) => r.kind === 'pane');
if (pane.length) {
  const lines = [];
  for (const r of pane) {
    if (r.name === 'bundle') {
      lines.push(
        `| first-load JavaScript of taskpane.html (${r.first.map((f) => f.file).join(', ')}) | ${kb(r.totalGzip)} gzip (${kb(r.totalRaw)} raw, ${kb(r.totalBrotli)} brotli) | ≤ ${kb(r.budget)} gzip: ${r.ok ? 'within' : '**over**'} |`,
      );
      for (const f of r.onDemand)
        lines.push(`| on demand: ${f.file} | ${kb(f.gzip)} gzip (${kb(f.raw)} raw) | – |`);
    } else if (r.name === 'interactive')
      lines.push(
        `| ${r.what}, median of ${r.runs.length} (min) | ${s(r.seconds)} s (${s(r.min)}) | ≤ 0.8 s |`,
      );
    else if (r.name.startsWith('check-'))
      lines.push(
        `| ${r.what}: pane time, median of ${r.runs.length} (min); the fake grid's redraw apart | ${s(r.seconds)} s (${s(r.min)}); redraw ${s(r.drawSeconds)} s | ${r.name === 'check-1000' ? '≤ 0.3 s' : '≤ 2 s'} |`,
      );
    else if (r.name === 'build-production') lines.push(`| ${r.what} | ${s(r.seconds)} s | – |`);
    else lines.push(`| ${r.what} | – | – |`);
  }
  sections.push(`## The task pane (production build, headless Chromium, 127.0.0.1)

| measure | now | goal |
| --- | ---: | --- |
${lines.join('\n')}`);
}

let chromium = '';
const cr = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
if (cr.status === 0) chromium = `, ${cr.stdout.trim()}`;
const py = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const lo = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${py.status === 0 ? py.stdout.trim() : 'no Python'}, ${lo.status === 0 ? lo.stdout.trim().split('\n')[0] : 'no LibreOffice'}${chromium}; load average at the end ${os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ')}`;

const out = sections.join('\n\n');
console.log(out);
if (!only) {
  const notes = fs.readFileSync(path.join(__dirname, 'NOTES.md'), 'utf8');
  fs.writeFileSync(
    path.join(root, 'BENCHMARKS.md'),
    `# Benchmarks

Written by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}. The machine is shared: read medians and ratios, not single figures.
Baselines are kept in bench/: openpyxl_build.py (read every file, write one styled summary with
borders, dropdowns, frozen header and print setup; no validation), openpyxl_read.py (read-only,
every value), and LibreOffice's own headless conversion to CSV.

${out}

${notes}`,
  );
}
