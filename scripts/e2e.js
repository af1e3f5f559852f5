#!/usr/bin/env node
// End-to-end tests: drive the preview (the real task pane beside the simulated workbook) in Debian's
// Chromium with playwright-core — no browser download. Builds dist/ in development mode when it is
// missing or older than src/. Screenshots go to test-output/.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'test-output');
const CHROMIUM = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

if (!CHROMIUM) {
  const msg = '没有找到 Chromium（/usr/bin/chromium）：端到端测试需要 Debian 的 chromium 包（apt-get install chromium）。';
  if (process.env.CI === 'true') {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`跳过端到端测试：${msg}`);
  process.exit(0);
}

function newest(dir) {
  let t = 0;
  for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, f.name);
    t = Math.max(t, f.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const preview = path.join(root, 'dist', 'preview.html');
if (!fs.existsSync(preview) || fs.statSync(preview).mtimeMs < newest(path.join(root, 'src'))) {
  console.log('构建预览（development）…');
  const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const { chromium } = require('playwright-core');
const ExcelJS = require('exceljs');
const { serve } = require('./serve');

const results = [];
let shotPage = null;
async function step(name, f) {
  const t = Date.now();
  try {
    await f();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    if (shotPage) await shotPage.screenshot({ path: path.join(out, `failed-${results.length}.png`) }).catch(() => undefined);
    console.log(`✗ ${name}\n  ${String(e && e.stack ? e.stack : e).split('\n').slice(0, 6).join('\n  ')}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function receivedFile(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('来件');
  ws.addRow(['青海省行业高质量数据集汇总表']);
  ws.addRow(['序号', '数据集名称', '行业领域', '数据集模态', '数据集数据量（GB）', '已服务支撑人工智能大模型名称', '申报单位名称', '联系人', '联系电话']);
  ws.addRow([1, '祁连山草场数据集', '草业', '文本', 300, '无', '祁连县农牧局', '赵六', '13912345678']);
  ws.addRow([2, '柴达木光照数据集', '绿色低碳', '视频', '1TB', '无', '格尔木能源', '钱七', '0979-8412345']);
  await wb.xlsx.writeFile(file);
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const port = 3000 + Math.floor(Math.random() * 2000) + 1000;
  const server = await serve(path.join(root, 'dist'), port);
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  shotPage = page;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text())) errors.push(m.text().slice(0, 300));
  });
  const pane = page.locator('[aria-label="任务窗格"]');
  const cell = (a) => page.locator(`td[data-cell="${a}"]`);
  const typeInto = async (a, text) => {
    await cell(a).dblclick();
    const input = page.locator(`input[aria-label="编辑 ${a}"]`);
    await input.fill(text);
    await input.press('Enter');
  };
  const bg = async (a) => cell(a).evaluate((el) => getComputedStyle(el).backgroundColor);
  const tab = (name) => pane.getByRole('tab', { name });

  try {
    await page.goto(`${origin}/preview.html`);

    await step('the pane opens and recognises the received sheet as 青海', async () => {
      await pane.getByText('识别为：青海省行业高质量数据集').waitFor({ timeout: 20000 });
    });

    await step('新建汇总表 creates the formatted summary sheet', async () => {
      await tab('汇总').click();
      await pane.getByLabel('推荐单位').fill('西宁市数据局');
      await pane.getByLabel('推荐单位').press('Enter');
      await page.waitForFunction(() => JSON.parse(window.hqdsFake.settings.get('hqds.settings') || '{}').recommender === '西宁市数据局');
      await pane.getByRole('button', { name: '新建汇总表' }).click();
      await page.getByRole('tab', { name: '汇总表' }).waitFor();
      await cell('A2').getByText('青海省行业高质量数据集汇总表').waitFor();
      assert((await cell('A3').innerText()).includes('推荐单位：西宁市数据局（盖章）'), 'recommender line');
      assert((await cell('E4').innerText()) === '数据集数据量（GB）', 'header');
      await pane.getByText(/检查了 0 行/).waitFor();
    });

    await step('a bad value is marked and listed, and its fix applied in one click', async () => {
      await typeInto('B5', '测试数据集');
      await typeInto('C5', '医疗卫生');
      await pane.getByText('「医疗卫生」是其他地区或其他写法的同一类别').waitFor();
      assert((await bg('C5')) === 'rgb(255, 235, 156)', `C5 should be marked as a warning, is ${await bg('C5')}`);
      await typeInto('D5', '多模态');
      await pane.getByText('「多模态」没有说明是哪几种模态').waitFor();
      assert((await bg('D5')) === 'rgb(255, 199, 206)', `D5 should be marked as an error, is ${await bg('D5')}`);
      await pane.getByRole('button', { name: '改为「医疗健康」' }).click();
      await page.waitForFunction(() => document.querySelector('td[data-cell="C5"]').innerText.trim() === '医疗健康');
      await page.screenshot({ path: path.join(out, 'pane-check.png') });
    });

    await step('typing TB into the GB column suggests the conversion live', async () => {
      await typeInto('E5', '1.5TB');
      await pane.getByText('本列以 GB 计：换算为 1536').waitFor();
      await pane.getByRole('button', { name: '换算', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('td[data-cell="E5"]').innerText.trim() === '1536');
    });

    await step('a value beginning with = stays literal text', async () => {
      await typeInto('I5', '=SUM(A1:A3)');
      const v = await page.evaluate(() => window.hqdsFake.sheet('汇总表').cell(4, 8));
      assert(v.value === '=SUM(A1:A3)' && !v.formula, `I5 became ${JSON.stringify(v)}`);
    });

    await step('import a file: review the mapping and the unknown value, then confirm', async () => {
      errors.length = 0;
      const file = path.join(os.tmpdir(), `e2e-来件-${process.pid}.xlsx`);
      await receivedFile(file);
      await tab('导入').click();
      await pane.locator('input[aria-label="导入文件"]').setInputFiles(file);
      await pane.getByText('1. 核对表头对应').waitFor();
      assert(!errors.length, `page errors: ${errors.join('; ')}`);
      await pane.getByText('行业领域：「草业」').waitFor();
      await pane.getByLabel('取值 草业').selectOption('现代农业');
      await pane.getByText(/将写入 2 条/).waitFor();
      assert((await pane.getByLabel('取值 草业').inputValue()) === '现代农业', 'the choice stays listed and can be changed');
      await page.screenshot({ path: path.join(out, 'pane-import.png') });
      assert((await cell('B6').innerText()) === '', 'nothing is written before confirming');
      await pane.getByRole('button', { name: '确认导入' }).click();
      await pane.getByText(/已写入「汇总表」：共 3 条/).waitFor();
      await page.getByRole('tab', { name: /汇总表 备份/ }).waitFor();
      assert((await cell('B6').innerText()) === '祁连山草场数据集', 'imported row');
      assert((await cell('C6').innerText()) === '现代农业', 'the chosen value');
      assert((await cell('E7').innerText()) === '1024', 'TB converted to GB');
      assert((await cell('A7').innerText()) === '3', 'renumbered');
    });

    await step('import rows from a staging sheet in the workbook', async () => {
      await tab('导入').click();
      await pane.getByLabel('从工作表导入').selectOption('来件-海西州');
      await pane.getByRole('button', { name: '读取工作表' }).click();
      await pane.getByText(/将写入 3 条/).waitFor();
      await pane.getByRole('button', { name: '取消' }).click();
    });

    await step('rebuild the summary: backed up first, renumbered', async () => {
      await tab('汇总').click();
      await pane.getByRole('button', { name: '重新生成汇总表' }).click();
      await pane.getByText(/已重新生成，共 3 条/).waitFor();
      const backups = await page.getByRole('tab', { name: /汇总表 备份/ }).count();
      assert(backups >= 1, 'a backup sheet');
      await page.screenshot({ path: path.join(out, 'pane-build.png') });
    });

    await step('新格式: learn a new bureau from its blank template, save it in the workbook, then use it like a built-in', async () => {
      const file = path.join(os.tmpdir(), `北京汇总表-${process.pid}.xlsx`);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('汇总表');
      const domains = ['工业制造', '现代农业', '商贸流通', '交通运输', '金融服务', '科技创新', '文化旅游', '医疗健康', '应急管理', '气象服务', '城市治理', '绿色低碳', '政务服务', '社区服务', '教育教学', '区域协同'];
      ws.addRow(['附件2']);
      ws.addRow(['北京市行业高质量数据集汇总表']);
      ws.addRow(['推荐单位（盖章）：　　　　　　填报日期：　　年　　月　　日']);
      ws.addRow(['序号', '数据集名称', '所属领域', '更新频率', '数据量（TB）', '申报单位', '联系人及联系方式']);
      ws.dataValidations.add('C5:C50', { type: 'list', allowBlank: true, formulae: [`"${domains.join(',')}"`], showErrorMessage: true, errorStyle: 'stop' });
      await wb.xlsx.writeFile(file);
      await tab('新格式').click();
      await pane.locator('input[aria-label="模板文件"]').setInputFiles(file);
      await pane.getByText(/已从「北京汇总表.*」学得 7 列/).waitFor();
      await pane.getByText('所属领域　单选：工业制造、现代农业').waitFor();
      await pane.getByLabel('格式 ID（小写字母、数字、连字符）').fill('beijing');
      await page.screenshot({ path: path.join(out, 'pane-learn.png') });
      await pane.getByRole('button', { name: '保存到工作簿并使用' }).click();
      await page.waitForFunction(() => (window.hqdsFake.settings.get('hqds.profile') || '').includes('"id":"beijing"'));
      await pane.getByText('格式：北京市行业高质量数据集').waitFor();
      await tab('汇总').click();
      await pane.getByRole('button', { name: '新建汇总表' }).click();
      await cell('A2').getByText('北京市行业高质量数据集汇总表').waitFor();
      assert((await cell('A3').innerText()).includes('填报日期：　　年　　月　　日'), 'the line above, as written');
      await typeInto('B5', '门诊病历数据集');
      await typeInto('C5', '医疗');
      // A full check: live checks of a replaced sheet are the adapter's business (see the report).
      await pane.getByRole('button', { name: '全面检查' }).click();
      await pane.getByText('本表写作「医疗健康」').first().waitFor();
      fs.rmSync(file, { force: true });
    });

    await step('the page made no request beyond its own server', async () => {
      const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
      assert(foreign.length === 0, `requests to other hosts: ${foreign.join(', ')}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    });
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
