// The pane where the clerk waits, on the production build in headless Chromium (Debian's
// /usr/bin/chromium through playwright-core), served from 127.0.0.1 by scripts/serve.js:
//   - first-load JavaScript of taskpane.html against its 200 KB gzip budget (bench/bundle-budget.js);
//   - interactive: navigation start → the 「全面检查」 button enabled, preview.html (the same pane
//     beside the simulated workbook), a fresh browser context each run, median of 5;
//   - a full check of 1,000 and 10,000 rows in the preview: pane time from the click to the
//     pane's status line 「…共 N 条」 with the simulated grid's redraw switched off, then the grid's redraw
//     of the result timed apart (the fake's drawing is not the pane's cost). Median of 5.
// Builds dist/ in production mode first (about 45 s here) unless BENCH_NO_BUILD=1.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { median } = require('./pair');

const root = path.resolve(__dirname, '..');
const CHROMIUM =
  process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const RUNS = Number(process.env.BENCH_RUNS || 5);
const emit = (o) => console.log(JSON.stringify({ kind: 'pane', ...o }));

(async () => {
  if (process.env.BENCH_NO_BUILD !== '1') {
    const t = Date.now();
    const r = spawnSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (r.status !== 0) throw new Error('production build failed');
    emit({
      name: 'build-production',
      what: 'webpack production build (for reference)',
      seconds: (Date.now() - t) / 1000,
    });
  }
  const budget = spawnSync(process.execPath, [path.join(__dirname, 'bundle-budget.js'), '--json'], {
    encoding: 'utf8',
  });
  emit({ name: 'bundle', what: 'task pane first-load JavaScript (gzip -9)', ...JSON.parse(budget.stdout) });
  if (!CHROMIUM) {
    emit({ name: 'skipped', what: '没有 Chromium：界面计时略过' });
    return;
  }
  const { chromium } = require('playwright-core');
  const { serve } = require('../scripts/serve');
  const port = 4000 + Math.floor(Math.random() * 2000);
  const server = await serve(path.join(root, 'dist'), port);
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    // Interactive: the pane's main button usable, timed inside the page from navigation start.
    const interactive = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.addInitScript(() => {
        const seen = () => {
          const b = [...document.querySelectorAll('button')].find(
            (x) => x.textContent.trim() === '全面检查' && !x.disabled,
          );
          if (b && !window.__hqdsInteractive) window.__hqdsInteractive = performance.now();
        };
        new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(`${origin}/preview.html`);
      await page.waitForFunction(() => window.__hqdsInteractive, null, { timeout: 60000 });
      interactive.push((await page.evaluate(() => window.__hqdsInteractive)) / 1000);
      await ctx.close();
    }
    emit({
      name: 'interactive',
      what: 'pane interactive (preview.html, production build)',
      runs: interactive,
      seconds: median(interactive),
      min: Math.min(...interactive),
    });

    for (const rows of [1000, 10000]) {
      const pane = [];
      const draw = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        await page.goto(`${origin}/preview.html`);
        await page.getByRole('button', { name: '全面检查' }).waitFor();
        const sheet = await page.evaluate((n) => {
          const fake = window.hqdsFake;
          const name = fake.active;
          const head = [
            ['附件2'],
            ['青海省行业高质量数据集汇总表'],
            ['推荐单位：（盖章）'],
            [
              '序号',
              '数据集名称',
              '所属行业领域',
              '模态',
              '数据量(TB)',
              '已服务支撑人工智能大模型名称',
              '申报单位',
              '联系人',
              '联系电话',
            ],
          ];
          const body = Array.from({ length: n }, (_, k) => [
            k + 1,
            `数据集${k}`,
            ['医疗卫生', '工业制造', '教育教学', '绿色低碳'][k % 4],
            ['图片、文字', '视频', '文本'][k % 3],
            [2, '1.5TB', '约3'][k % 3],
            k % 5 ? '无' : 'A模型',
            `单位${k % 300}`,
            '张三',
            k % 7 ? `1380000${String(k % 10000).padStart(4, '0')}` : '',
          ]);
          fake.load(name, [...head, ...body]);
          return name;
        }, rows);
        // Pane time: the grid's redraw listeners are set aside, so only the pane and the adapter run.
        const t = await page.evaluate(async (n) => {
          const fake = window.hqdsFake;
          const saved = [...fake.listeners];
          fake.listeners.clear();
          const button = [...document.querySelectorAll('button')].find(
            (x) => x.textContent.trim() === '全面检查',
          );
          const start = performance.now();
          button.click();
          // The pane's status line: 「<sheet>」共 N 条… once the check has landed.
          await new Promise((resolve, reject) => {
            // The pane's own text, read without layout: innerText of the whole page laid out the
            // simulated grid (thousands of cells) on every mutation, a cost of the measuring.
            const pane = document.querySelector('[aria-label="任务窗格"]');
            const done = () => pane.textContent.includes(`共 ${n} 条`);
            if (done()) return resolve();
            const mo = new MutationObserver(() => done() && (mo.disconnect(), resolve()));
            mo.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => reject(new Error(`no 「共 ${n} 条」 after 120 s`)), 120000);
          });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const paneMs = performance.now() - start;
          // The fake grid's drawing of the checked sheet, apart.
          saved.forEach((l) => fake.listeners.add(l));
          const d0 = performance.now();
          fake.notify();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return { paneMs, drawMs: performance.now() - d0 };
        }, rows);
        pane.push(t.paneMs / 1000);
        draw.push(t.drawMs / 1000);
        void sheet;
        await ctx.close();
      }
      emit({
        name: `check-${rows}`,
        what: `full check of ${rows.toLocaleString('en-US')} rows in the preview`,
        runs: pane,
        seconds: median(pane),
        min: Math.min(...pane),
        drawSeconds: median(draw),
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
