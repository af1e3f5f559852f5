#!/usr/bin/env node
// What the pane's first chunk is made of, after minification: a production build with source maps
// into a scratch directory (dist/ is left alone), each minified byte of taskpane.js attributed to
// the source its map names, grouped by npm package or by src/ file.
//   node bench/bundle-contents.js               build into a temp dir, then count (about 30 s here)
//   node bench/bundle-contents.js --dir DIR     count a build made with --devtool source-map in DIR
//   --chunk NAME.js   another chunk (default taskpane.js)    --top N   rows shown (default 30)
//   --keep            keep the temp build (its path is printed) to count other chunks with --dir
// Per group: minified bytes; gzip -9 of the group's bytes alone; and what the chunk's gzip would
// lose without them (whole chunk gzipped minus the chunk with the group cut out). The last is the
// figure to read: gzip shares its dictionary across groups, so the standalone figures overlap.
// Source maps are read with our own VLQ decoder (https://tc39.es/ecma426/#sec-mappings): no package.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const chunk = arg('--chunk', 'taskpane.js');
const top = Number(arg('--top', '30'));
let dir = arg('--dir');
const temp = !dir;
if (temp) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-bundle-'));
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--devtool',
      'source-map',
      '--output-path',
      dir,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) process.exit(2);
}

const code = fs.readFileSync(path.join(dir, chunk));
const map = JSON.parse(fs.readFileSync(path.join(dir, `${chunk}.map`), 'utf8'));
if (temp && process.argv.includes('--keep')) console.error(`build kept in ${dir}`);
else if (temp) fs.rmSync(dir, { recursive: true, force: true });

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digit = new Map([...B64].map((c, i) => [c, i]));
/** Decodes one segment's base64 VLQ fields. */
function vlq(s) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const c of s) {
    const d = digit.get(c);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** npm package, src/ file, or webpack's own runtime. */
function group(source) {
  if (source == null) return '(no source: webpack runtime, glue)';
  const s = source.replace(/^webpack:\/\/[^/]*\//, '');
  const m = s.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (s.startsWith('webpack/')) return '(webpack runtime)';
  return s.replace(/^\.\//, '');
}

// Byte ranges per group. Minified output is one long line per chunk (or a few); columns are
// UTF-16 units, so each line is sliced as a JS string and measured in UTF-8 bytes.
const text = code.toString('utf8');
const lines = text.split('\n');
const pieces = []; // [group, text] in the chunk's order
const push = (g, s) => {
  if (s) pieces.push([g, s]);
};
const mappingLines = map.mappings.split(';');
let src = 0;
for (let li = 0; li < lines.length; li++) {
  const line = lines[li];
  const segs = (mappingLines[li] || '').split(',').filter(Boolean);
  let col = 0;
  let prevCol = 0;
  let prevGroup = '(unmapped)';
  for (const seg of segs) {
    const f = vlq(seg);
    col += f[0];
    push(prevGroup, line.slice(prevCol, col));
    if (f.length >= 4) {
      src += f[1];
      prevGroup = group(map.sources[src]);
    } else prevGroup = '(unmapped)';
    prevCol = col;
  }
  push(prevGroup, line.slice(prevCol) + (li < lines.length - 1 ? '\n' : ''));
}

const gz = (s) => zlib.gzipSync(Buffer.from(s), { level: 9 }).length;
const whole = gz(text);
const parts = new Map(); // group -> its text, in the chunk's order
for (const [g, s] of pieces) parts.set(g, (parts.get(g) ?? '') + s);
const rows = [...parts.entries()].map(([g, s]) => ({ group: g, bytes: Buffer.byteLength(s), alone: gz(s) }));
rows.sort((a, b) => b.bytes - a.bytes);
// Marginal gzip for the larger groups only: each costs a gzip of the whole chunk.
for (const r of rows.slice(0, top)) {
  const rest = pieces
    .filter(([g]) => g !== r.group)
    .map(([, s]) => s)
    .join('');
  r.marginal = whole - gz(rest);
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`${chunk}: ${kb(code.length)} KB minified, ${kb(whole)} KB gzip -9; ${rows.length} groups`);
console.log('| source | minified KB | gzip alone KB | gzip saved without it KB |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows.slice(0, top))
  console.log(`| ${r.group} | ${kb(r.bytes)} | ${kb(r.alone)} | ${kb(r.marginal)} |`);
if (process.argv.includes('--show-unmapped'))
  for (const [g, s] of pieces) if (g === '(unmapped)' && s.length > 200) console.error(s.slice(0, 300));
const restBytes = rows.slice(top).reduce((n, r) => n + r.bytes, 0);
if (rows.length > top) console.log(`| ${rows.length - top} others | ${kb(restBytes)} | – | – |`);
