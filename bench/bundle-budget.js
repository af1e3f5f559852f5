#!/usr/bin/env node
// The pane's first-load JavaScript against its budget, on a production build in dist/:
// every <script> of dist/taskpane.html except Office.js itself, gzip -9 as a static server sends it.
//   node bench/bundle-budget.js            measure dist/ as it is (build first: npm run build)
//   node bench/bundle-budget.js --build    run the production build, then measure
//   --json                                 one JSON line for bench/run.js
// Exit 1 when over budget, so it can gate a release; run by `npm run bench` (a production build
// takes about 45 s here, too slow for `npm test`).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const BUDGET = 200 * 1024; // bytes of gzip, first-load JS of the task pane (issue 11)
// webpack.config.js fails a production build over the same budget (BundleBudgetPlugin).
module.exports = { BUDGET };
if (require.main === module) main();

function main() {
  const root = path.resolve(__dirname, '..');
  const dist = path.join(root, 'dist');

  if (process.argv.includes('--build')) {
    const r = spawnSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (r.status !== 0) process.exit(2);
  }
  const html = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(html)) {
    console.error('dist/taskpane.html 不存在：请先运行 npm run build（或加 --build）。');
    process.exit(2);
  }
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
  const br = (b) =>
    zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10 } }).length;
  const scripts = [...fs.readFileSync(html, 'utf8').matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((s) => !/^(https?:)?\/\//.test(s) && !s.startsWith('office-js/'));
  const first = scripts.map((s) => {
    const b = fs.readFileSync(path.join(dist, s));
    return {
      file: s,
      raw: b.length,
      gzip: gz(b),
      brotli: br(b),
      precompressed: fs.existsSync(path.join(dist, `${s}.gz`)) && fs.existsSync(path.join(dist, `${s}.br`)),
    };
  });
  const onDemand = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !scripts.includes(f) && !/^(preview|commands)\.js$/.test(f))
    .map((f) => {
      const b = fs.readFileSync(path.join(dist, f));
      return { file: f, raw: b.length, gzip: gz(b) };
    });
  const total = first.reduce((n, s) => n + s.gzip, 0);
  const ok = total <= BUDGET && first.length > 0;
  const result = {
    first,
    onDemand,
    totalGzip: total,
    totalRaw: first.reduce((n, s) => n + s.raw, 0),
    totalBrotli: first.reduce((n, s) => n + s.brotli, 0),
    budget: BUDGET,
    ok,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    for (const s of first)
      console.log(
        `首次加载 ${s.file}: ${kb(s.raw)}，gzip ${kb(s.gzip)}，brotli ${kb(s.brotli)}${s.precompressed ? '' : '（dist 中缺少 .gz/.br 预压缩文件）'}`,
      );
    for (const s of onDemand) console.log(`按需加载 ${s.file}: ${kb(s.raw)}，gzip ${kb(s.gzip)}`);
    console.log(`${ok ? '✓' : '✗'} 任务窗格首次加载 JavaScript：gzip ${kb(total)}，预算 ${kb(BUDGET)}`);
  }
  process.exit(ok ? 0 : 1);
}
