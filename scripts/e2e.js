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
const CHROMIUM =
  process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

if (!CHROMIUM) {
  const msg =
    '没有找到 Chromium（/usr/bin/chromium）：端到端测试需要 Debian 的 chromium 包（apt-get install chromium）。';
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
  const r = spawnSync(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'],
    { cwd: root, stdio: 'inherit' },
  );
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
    if (shotPage)
      await shotPage
        .screenshot({ path: path.join(out, `failed-${results.length}.png`) })
        .catch(() => undefined);
    console.log(
      `✗ ${name}\n  ${String(e && e.stack ? e.stack : e)
        .split('\n')
        .slice(0, 6)
        .join('\n  ')}`,
    );
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function receivedFile(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('来件');
  ws.addRow(['青海省行业高质量数据集汇总表']);
  ws.addRow([
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据集数据量（GB）',
    '已服务支撑人工智能大模型名称',
    '申报单位名称',
    '联系人',
    '联系电话',
  ]);
  ws.addRow([1, '祁连山草场数据集', '草业', '文本', 300, '无', '祁连县农牧局', '赵六', '13912345678']);
  ws.addRow([2, '柴达木光照数据集', '绿色低碳', '视频', '1TB', '无', '格尔木能源', '钱七', '0979-8412345']);
  await wb.xlsx.writeFile(file);
}

/** A 青海 附件1 filled in Word: label | value rows, a content-control checkbox (hand-built WordprocessingML). */
async function wordForm(file) {
  const JSZip = require('jszip');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
  const t = (s) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
  const box = (on) =>
    `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${on ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent>${t(on ? '☒' : '☐')}</w:sdtContent></w:sdt>`;
  const tc = (inner) => `<w:tc><w:p>${inner}</w:p></w:tc>`;
  const rows = [
    ['单位名称', t('祁连县农牧科技公司')],
    ['负责人及联系方式', t('赵六 13912345678')],
    ['数据集名称', t('祁连山草场数据集')],
    ['数据集规模（单位：TB）', t('1')],
    ['所属行业领域', box(false) + t('工业制造 ') + box(true) + t('现代农业')],
    ['数据集模态', box(true) + t('文本')],
    ['已服务支撑算法模型', t('无')],
  ];
  const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows.map(([l, v]) => `<w:tr>${tc(t(l))}${tc(v)}</w:tr>`).join('')}</w:tbl>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:w14="${W14}"><w:body><w:p>${t('青海省行业高质量数据集基本信息表')}</w:p>${table}</w:body></w:document>`,
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const port = 3000 + Math.floor(Math.random() * 2000) + 1000;
  const server = await serve(path.join(root, 'dist'), port);
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  shotPage = page;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text()))
      errors.push(m.text().slice(0, 300));
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
  const shot = (name) => pane.screenshot({ path: path.join(out, `${name}.png`) });
  // No horizontal overflow in the pane at its width (Excel's pane is 320–350 px).
  const noOverflow = async () => {
    const o = await pane.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
    assert(o.sw <= o.cw + 1, `the pane overflows: ${o.sw} > ${o.cw}`);
  };
  const sheetValues = (name) =>
    page.evaluate((n) => {
      const s = window.hqdsFake.sheet(n);
      const e = s.extent();
      return Array.from({ length: e.rows }, (_, r) =>
        Array.from({ length: e.cols }, (_, c) => window.hqdsFake.display(n, r, c)),
      );
    }, name);
  // Every option of the pane's visible dropdowns fits its closed box (a native select cuts the text
  // without any overflow to see): measured with the select's own font, less its padding and chevron.
  const selectsFit = async () => {
    const cut = await pane.evaluate((el) => {
      const ctx = document.createElement('canvas').getContext('2d');
      const out = [];
      for (const s of el.querySelectorAll('select')) {
        if (!s.offsetParent) continue;
        const cs = getComputedStyle(s);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        for (const o of s.options)
          if (ctx.measureText(o.text).width > room) out.push(`${s.getAttribute('aria-label')}: ${o.text}`);
      }
      return out;
    });
    assert(!cut.length, `dropdown text cut off: ${cut.join('; ')}`);
  };
  const idle = () =>
    page.waitForFunction(
      () =>
        !document.querySelector(
          '[aria-label="任务窗格"] [role="progressbar"], [aria-label="任务窗格"] .fui-Spinner',
        ),
    );

  try {
    await page.goto(`${origin}/preview.html?pane=350`);

    await step('the pane opens, recognises the received sheet as 青海 and checks it at once', async () => {
      await pane.getByText('识别为：青海省行业高质量数据集').waitFor({ timeout: 20000 });
      await pane.getByText(/「来件-海西州」共 3 条：错误 \d+ 个/).waitFor();
      const all = await pane
        .getByRole('radio', { name: /^全部 / })
        .getAttribute('aria-label')
        .catch(() => null);
      const label = all ?? (await pane.locator('label', { hasText: /^全部 \d+/ }).innerText());
      assert(!/全部 0$/.test(label.trim()), `the list is empty on open: ${label}`);
      await noOverflow();
      await shot('pane-open-350');
    });

    await step(
      '全部修正 is idempotent on the sample sheet: TB converted once, the header takes the GB label',
      async () => {
        await idle();
        await pane.getByRole('button', { name: /^全部修正（[1-9]/ }).click();
        await pane.getByText(/已修正 \d+ 处/).waitFor();
        await idle();
        const once = await sheetValues('来件-海西州');
        assert(once[3][4] === '数据集数据量（GB）', `header is ${once[3][4]}`);
        assert(
          once[4][4] === '2048' && once[5][4] === '1024' && once[6][4] === '1536',
          `values ${once.slice(4).map((r) => r[4])}`,
        );
        const again = pane.getByRole('button', { name: /^全部修正（/ });
        if (await again.isEnabled()) {
          await again.click();
          await pane.getByText(/已修正 \d+ 处/).waitFor();
          await idle();
        }
        const twice = await sheetValues('来件-海西州');
        assert(JSON.stringify(twice) === JSON.stringify(once), 'a second 全部修正 changed the sheet');
        await page.getByRole('tab', { name: '修改记录' }).waitFor();
        await shot('pane-fixed-350');
      },
    );

    await step(
      '新建汇总表 creates the formatted summary sheet, clicked straight after typing 推荐单位 (no Enter)',
      async () => {
        await tab('汇总').click();
        // The click itself leaves the field (blur saves the setting): it must still create the sheet.
        await pane.getByLabel('推荐单位').fill('西宁市数据局');
        await pane.getByRole('button', { name: '新建汇总表' }).click();
        await page.waitForFunction(
          () =>
            JSON.parse(window.hqdsFake.settings.get('hqds.settings') || '{}').recommender === '西宁市数据局',
        );
        await page.getByRole('tab', { name: '汇总表' }).waitFor();
        await cell('A2').getByText('青海省行业高质量数据集汇总表').waitFor();
        assert((await cell('A3').innerText()).includes('推荐单位：西宁市数据局（盖章）'), 'recommender line');
        assert((await cell('E4').innerText()) === '数据集数据量（GB）', 'header');
        await pane.getByText(/「汇总表」共 0 条：没有发现问题/).waitFor();
      },
    );

    await step('the notes under the table are not checked, converted or overwritten', async () => {
      const before = await sheetValues('汇总表');
      const noteRow = before.findIndex((r) => /^注：数据量按/.test(r[0]));
      assert(noteRow > 4, 'the conversion note is on the new sheet');
      assert(!(await pane.getByText(/共 0 条：没有发现问题/).isHidden()), 'a fresh sheet has no problems');
      await tab('录入').click();
      await cell('E5').click();
      await pane.getByRole('button', { name: '读取所选单元格' }).click();
      await pane.getByRole('button', { name: '换算整列' }).click();
      await pane.getByText(/整列（只限表内各行）已换算 0 格/).waitFor();
      const after = await sheetValues('汇总表');
      assert(after[noteRow][0] === before[noteRow][0], `the note became ${after[noteRow][0]}`);
      await tab('检查').click();
    });

    await step('a bad value is marked and listed, and its fix applied in one click', async () => {
      await typeInto('B5', '测试数据集');
      await typeInto('C5', '医疗卫生');
      await pane.getByText('「医疗卫生」是其他地区或其他写法的同一类别').waitFor();
      assert(
        (await bg('C5')) === 'rgb(255, 235, 156)',
        `C5 should be marked as a warning, is ${await bg('C5')}`,
      );
      await typeInto('D5', '多模态');
      await pane.getByText('「多模态」没有说明是哪几种模态').waitFor();
      assert(
        (await bg('D5')) === 'rgb(255, 199, 206)',
        `D5 should be marked as an error, is ${await bg('D5')}`,
      );
      await pane.getByRole('button', { name: '改为「医疗健康」' }).click();
      await page.waitForFunction(
        () => document.querySelector('td[data-cell="C5"]').innerText.trim() === '医疗健康',
      );
      await page.screenshot({ path: path.join(out, 'pane-check.png') });
    });

    await step(
      'issue cards work from the keyboard: Enter on a card locates its cell, its buttons are reachable',
      async () => {
        const card = pane.getByRole('listitem').filter({ hasText: 'D5' }).first();
        await card.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          () => window.hqdsFake.selection.r === 4 && window.hqdsFake.selection.c === 3,
        );
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(
          () => document.activeElement && document.activeElement.textContent,
        );
        assert(/定位/.test(focused || ''), `Tab from a card reaches its 定位 button, not ${focused}`);
      },
    );

    await step('typing TB into the GB column suggests the conversion live', async () => {
      await typeInto('E5', '1.5TB');
      await pane.getByText('本列以 GB 计：将换算为 1536').waitFor();
      await pane.getByRole('button', { name: '换算', exact: true }).click();
      await page.waitForFunction(
        () => document.querySelector('td[data-cell="E5"]').innerText.trim() === '1536',
      );
    });

    await step('a value beginning with = stays literal text', async () => {
      await typeInto('I5', '=SUM(A1:A3)');
      const v = await page.evaluate(() => window.hqdsFake.sheet('汇总表').cell(4, 8));
      assert(v.value === '=SUM(A1:A3)' && !v.formula, `I5 became ${JSON.stringify(v)}`);
    });

    await step('import a file: review the mapping and the unknown value, then confirm', async () => {
      errors.length = 0;
      // A file name a clerk would see (the screenshot goes into the README), in a directory of its own.
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-')), '海西州来件.xlsx');
      await receivedFile(file);
      await tab('导入').click();
      await pane.locator('input[aria-label="导入文件"]').setInputFiles(file);
      await pane.getByText('1. 核对表头对应').waitFor();
      assert(!errors.length, `page errors: ${errors.join('; ')}`);
      await pane.getByText('行业领域：「草业」').waitFor();
      await pane.getByLabel('取值 草业').selectOption('现代农业');
      await pane.getByText(/将写入 2 条/).waitFor();
      assert(
        (await pane.getByLabel('取值 草业').inputValue()) === '现代农业',
        'the choice stays listed and can be changed',
      );
      // The title line above the header is left out, and the review says so before anything is written.
      await pane.getByText(/略过 1 行/).waitFor();
      await pane
        .getByRole('list', { name: /不写入的行（共 1 行）/ })
        .getByText(/「来件」 第 1 行：表头以上的标题或说明行/)
        .waitFor();
      await pane.getByRole('button', { name: '确认导入' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(out, 'pane-import.png') });
      await shot('pane-import-350');
      await noOverflow();
      await selectsFit();
      assert((await cell('B6').innerText()) === '', 'nothing is written before confirming');
      await pane.getByRole('button', { name: '确认导入' }).click();
      await pane.getByText(/已写入「汇总表」：共 3 条/).waitFor();
      await page.getByRole('tab', { name: /汇总表 备份/ }).waitFor();
      assert((await cell('B6').innerText()) === '祁连山草场数据集', 'imported row');
      assert((await cell('C6').innerText()) === '现代农业', 'the chosen value');
      assert((await cell('E7').innerText()) === '1024', 'TB converted to GB');
      assert((await cell('A7').innerText()) === '3', 'renumbered');
    });

    await step(
      'import review: a hidden row is named before 确认导入, the blank rows are counted and listed',
      async () => {
        const file = path.join(os.tmpdir(), `e2e-隐藏行-${process.pid}.xlsx`);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('来件');
        ws.addRow([
          '序号',
          '数据集名称',
          '行业领域',
          '数据集模态',
          '数据集数据量（GB）',
          '已服务支撑人工智能大模型名称',
          '申报单位名称',
          '联系人',
          '联系电话',
        ]);
        ws.addRow([1, '湟水水质数据集', '现代农业', '文本', 20, '无', '西宁水务', '孙八', '13912345678']);
        ws.addRow([2, '撤回的数据集', '现代农业', '文本', 30, '无', '西宁水务', '孙八', '13912345678']);
        ws.getRow(3).hidden = true;
        ws.addRow([]);
        ws.addRow([]);
        ws.addRow([3, '祁连森林数据集', '现代农业', '文本', 40, '无', '西宁林业', '周九', '13912345679']);
        await wb.xlsx.writeFile(file);
        await tab('导入').click();
        await pane.locator('input[aria-label="导入文件"]').setInputFiles(file);
        await pane.getByText(/将写入 3 条（读入 5 行，略过 2 行/).waitFor();
        await pane
          .getByRole('list', { name: /不写入的行（共 2 行）/ })
          .getByText(/第 4–5 行：空行/)
          .waitFor();
        await pane
          .getByRole('list', { name: /读取时发现/ })
          .getByText(/第 3 行是隐藏行/)
          .waitFor();
        await noOverflow();
        await pane.getByRole('button', { name: '确认导入' }).scrollIntoViewIfNeeded();
        await shot('pane-import-review-350');
        await pane.getByRole('button', { name: '取消' }).click();
      },
    );

    await step('import rows from a staging sheet in the workbook', async () => {
      await tab('导入').click();
      await pane.getByLabel('从工作表导入').selectOption('来件-海西州');
      await pane.getByRole('button', { name: '读取工作表' }).click();
      await pane.getByText(/将写入 3 条/).waitFor();
      await pane.getByRole('button', { name: '取消' }).click();
    });

    await step(
      'import a Word 附件1 form, read in the browser; a .doc gets the save-as-.docx message',
      async () => {
        errors.length = 0;
        const file = path.join(os.tmpdir(), `e2e-附件1-${process.pid}.docx`);
        await wordForm(file);
        await tab('导入').click();
        await pane.locator('input[aria-label="导入文件"]').setInputFiles(file);
        await pane.getByText(/将写入 1 条/).waitFor();
        assert(!errors.length, `page errors: ${errors.join('; ')}`);
        await pane.getByRole('button', { name: '取消' }).click();
        const doc = path.join(os.tmpdir(), `e2e-旧表-${process.pid}.doc`);
        const ole = Buffer.alloc(1024);
        ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        fs.writeFileSync(doc, ole);
        await pane.locator('input[aria-label="导入文件"]').setInputFiles(doc);
        await pane
          .getByText(/这是旧版 Word 文件，请用 Word 或 WPS 另存为 \.docx 后再导入/)
          .first()
          .waitFor();
        assert(!(await pane.getByText(/可能已损坏/).count()), 'never 可能已损坏');
      },
    );

    await step(
      'the picker writes the value clicked, single choice for 行业领域, 其它 with its detail',
      async () => {
        await tab('录入').click();
        await cell('D6').click();
        await pane.getByRole('button', { name: '读取所选单元格' }).click();
        await pane.getByRole('checkbox', { name: '图形图像' }).waitFor();
        for (const box of await pane.getByRole('checkbox', { checked: true }).all()) await box.click();
        await pane.getByText('图形图像', { exact: true }).click();
        assert(await pane.getByRole('checkbox', { name: '图形图像' }).isChecked(), '图形图像 ticked');
        assert(!(await pane.getByRole('checkbox', { name: '文本' }).isChecked()), '文本 not ticked');
        await pane.getByRole('checkbox', { name: '其它' }).click();
        await pane.getByLabel('其它的具体内容').fill('时序数据');
        await pane.getByRole('button', { name: '写入「图形图像、其它（时序数据）」' }).click();
        await page.waitForFunction(
          () =>
            document.querySelector('td[data-cell="D6"]').innerText.trim() === '图形图像、其它（时序数据）',
        );
        await noOverflow();
        await shot('pane-picker-350');
        await cell('C6').click();
        await pane.getByRole('button', { name: '读取所选单元格' }).click();
        await pane.getByRole('radio', { name: '工业制造' }).waitFor();
        assert((await pane.getByRole('checkbox').count()) === 0, '行业领域 is single choice');
        await tab('检查').click();
      },
    );

    await step('a 「，」 paste is reviewed row by row, never shifted', async () => {
      await tab('导入').click();
      await pane
        .getByLabel(/粘贴从/)
        .fill(
          '序号，数据集名称，行业领域，数据集模态，数据集数据量（GB），已服务支撑人工智能大模型名称，申报单位名称，申报单位联系人及联系方式\n1，湖泊数据集，绿色低碳，图形图像，图片100GB，音频160GB，无，湖泊所，孙八 13700000000',
        );
      await pane.getByRole('button', { name: '读取粘贴内容' }).click();
      await pane.getByText(/第 2 行拆出 9 列/).waitFor();
      assert(
        await pane
          .getByRole('button', { name: '确认导入' })
          .isDisabled()
          .catch(() => true),
        '确认导入 waits',
      );
      await shot('pane-paste-review-350');
      await noOverflow();
      await pane
        .getByLabel('修改第 2 行')
        .fill('1，湖泊数据集，绿色低碳，图形图像，260，无，湖泊所，孙八 13700000000');
      await pane.getByRole('button', { name: '按此导入' }).click();
      await pane.getByText(/将写入 1 条/).waitFor();
      await pane.getByRole('button', { name: '取消' }).click();
      await pane.getByLabel(/粘贴从/).fill('只有一句话');
      await pane.getByRole('button', { name: '读取粘贴内容' }).click();
      await pane.getByText(/没有读出表头/).waitFor();
      assert((await pane.getByRole('button', { name: '确认导入' }).count()) === 0, 'nothing to confirm');
    });

    await step('the duplicate dialog lists each pair once and keeps one copy', async () => {
      // Row 5 becomes a second copy of the imported 祁连山 row (same name, same applicant).
      await typeInto('B5', '祁连山草场数据集');
      await typeInto('G5', '祁连县农牧局');
      await tab('汇总').click();
      await pane.getByRole('button', { name: '重新生成汇总表' }).click();
      await pane.getByText(/第 1 组：名称和申报单位都相同/).waitFor();
      assert((await pane.getByText(/^第 \d+ 组/).count()) === 1, 'one group');
      const boxes = pane.getByRole('group', { name: '可能重复的条目' }).getByRole('checkbox');
      assert((await boxes.count()) === 2, 'two copies listed once');
      await boxes.nth(0).click();
      assert(await boxes.nth(1).isDisabled(), 'the last copy cannot be ticked');
      await pane.getByText(/将删去：第 \d+ 条；其余 \d+ 条保留/).waitFor();
      await shot('pane-duplicates-350');
      await pane.getByRole('button', { name: '确认并重新生成' }).click();
      await pane.getByText(/删去重复 1 条/).waitFor();
      const values = await sheetValues('汇总表');
      assert(values.filter((r) => r[1] === '祁连山草场数据集').length === 1, 'one copy kept');
    });

    await step('rebuild the summary: backed up first, renumbered', async () => {
      await tab('汇总').click();
      await pane.getByRole('button', { name: '重新生成汇总表' }).click();
      await pane.getByText(/已重新生成「汇总表」，共 2 条/).waitFor();
      const backups = await page.getByRole('tab', { name: /汇总表 备份/ }).count();
      assert(backups >= 1, 'a backup sheet');
      await page.screenshot({ path: path.join(out, 'pane-build.png') });
    });

    await step('a 青海 sheet rebuilt as 山西 keeps 建设单位 and the GB unit', async () => {
      await tab('汇总').click();
      await pane.getByLabel('格式').selectOption('shanxi');
      await pane.getByText(/格式：山西/).waitFor();
      await pane.getByRole('button', { name: '重新生成汇总表' }).click();
      await pane.getByText(/已重新生成「汇总表」/).waitFor();
      const values = await sheetValues('汇总表');
      const h = values.findIndex((r) => r.includes('建设单位'));
      const b = values[h].indexOf('建设单位');
      const scale = values[h].indexOf('数据集规模');
      const rows = values.slice(h + 1).filter((r) => r[1]);
      assert(
        rows.length > 0 && rows.every((r) => r[b]),
        `建设单位 empty: ${JSON.stringify(rows.map((r) => r[b]))}`,
      );
      assert(
        rows.every((r) => /GB$|TB$/.test(r[scale])),
        `scale units: ${rows.map((r) => r[scale])}`,
      );
      assert(
        (await pane.getByRole('alert').count()) === 0 ||
          !(await pane.getByText(/ItemNotFound|Error/).count()),
        'no raw English error',
      );
      await shot('pane-shanxi-350');
    });

    await step('上海 新建汇总表 works, and a typo-free sheet list replaces the name box', async () => {
      await tab('汇总').click();
      await pane.getByLabel('格式').selectOption('shanghai');
      await pane.getByRole('button', { name: '新建汇总表' }).click();
      await pane.getByText(/已新建「工作清单」/).waitFor();
      await page.getByRole('tab', { name: '工作清单' }).waitFor();
      assert((await pane.getByText(/ItemNotFound|does not exist/).count()) === 0, 'no raw English error');
      const options = await pane.getByLabel('检查的工作表').locator('option').allInnerTexts();
      assert(options.includes('工作清单') && options.includes('汇总表'), `sheets listed: ${options}`);
      await noOverflow();
      await shot('pane-shanghai-350');
    });

    await step(
      '上海 重新生成: a project typed into the working list gets its own 项目基本信息情况表',
      async () => {
        const values = await sheetValues('工作清单');
        const h = values.findIndex((r) => r.includes('项目名称'));
        const col = (label) => String.fromCharCode(65 + values[h].indexOf(label));
        await typeInto(`${col('项目名称')}${h + 2}`, '智能制造数据集');
        await typeInto(`${col('申报单位名称')}${h + 2}`, '某科技公司');
        await tab('汇总').click();
        await pane.getByRole('button', { name: '重新生成汇总表' }).click();
        await pane.getByText(/已重新生成「工作清单」，共 1 条/).waitFor();
        await page.getByRole('tab', { name: /^项目1/ }).waitFor();
        assert((await pane.getByText(/ItemNotFound|does not exist/).count()) === 0, 'no raw English error');
      },
    );

    await step('no overflow at 320 px on any tab', async () => {
      const narrow = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      narrow.on('pageerror', (e) => errors.push(e.message));
      await narrow.goto(`${origin}/preview.html?pane=320`);
      const p2 = narrow.locator('[aria-label="任务窗格"]');
      await p2.getByText(/识别为/).waitFor({ timeout: 20000 });
      for (const name of ['检查', '录入', '导入', '汇总', '新格式']) {
        await p2.getByRole('tab', { name }).click();
        const o = await p2.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
        assert(o.sw <= o.cw + 1, `「${name}」 overflows at 320 px: ${o.sw} > ${o.cw}`);
      }
      await p2.screenshot({ path: path.join(out, 'pane-build-320.png') });
      await narrow.close();
    });

    await step(
      '新格式: learn a new bureau from its blank template, save it in the workbook, then build and check it live like a built-in',
      async () => {
        const file = path.join(os.tmpdir(), `北京汇总表-${process.pid}.xlsx`);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('汇总表');
        const domains = [
          '工业制造',
          '现代农业',
          '商贸流通',
          '交通运输',
          '金融服务',
          '科技创新',
          '文化旅游',
          '医疗健康',
          '应急管理',
          '气象服务',
          '城市治理',
          '绿色低碳',
          '政务服务',
          '社区服务',
          '教育教学',
          '区域协同',
        ];
        ws.addRow(['附件2']);
        ws.addRow(['北京市行业高质量数据集汇总表']);
        ws.addRow(['推荐单位（盖章）：　　　　　　填报日期：　　年　　月　　日']);
        ws.addRow([
          '序号',
          '数据集名称',
          '所属领域',
          '更新频率',
          '数据量（TB）',
          '申报单位',
          '联系人及联系方式',
        ]);
        ws.dataValidations.add('C5:C50', {
          type: 'list',
          allowBlank: true,
          formulae: [`"${domains.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
        });
        await wb.xlsx.writeFile(file);
        await tab('新格式').click();
        await pane.locator('input[aria-label="模板文件"]').setInputFiles(file);
        await pane.getByText(/已从「北京汇总表.*」学得 7 列/).waitFor();
        await pane.getByText('所属领域　单选：工业制造、现代农业').waitFor();
        await pane.getByLabel('格式 ID（小写字母、数字、连字符）').fill('beijing');
        await page.screenshot({ path: path.join(out, 'pane-learn.png') });
        await pane.getByRole('button', { name: '保存到工作簿并使用' }).click();
        await page.waitForFunction(() =>
          (window.hqdsFake.settings.get('hqds.profile') || '').includes('"id":"beijing"'),
        );
        await pane.getByText('格式：北京市行业高质量数据集').waitFor();
        await tab('汇总').click();
        await pane.getByRole('button', { name: '新建汇总表' }).click();
        await cell('A2').getByText('北京市行业高质量数据集汇总表').waitFor();
        assert(
          (await cell('A3').innerText()).includes('填报日期：　　年　　月　　日'),
          'the line above, as written',
        );
        await typeInto('B5', '门诊病历数据集');
        await typeInto('C5', '医疗');
        // Checked live, as a built-in format is.
        await pane.getByText('本表写作「医疗健康」').first().waitFor();
        fs.rmSync(file, { force: true });
      },
    );

    await step(
      '新格式 from a sheet of this workbook: its dropdown lists are read and their options listed',
      async () => {
        // The 北京 summary the step before built holds dropdowns (the 16 domains); learning from it in
        // place reads them from Excel, as hqds learn reads them from a file.
        await tab('新格式').click();
        await pane.getByLabel('当前工作簿中的模板工作表').selectOption('汇总表');
        await pane.getByRole('button', { name: '用这张工作表' }).click();
        await pane
          .getByText(/已从工作表「汇总表」学得 7 列（读了文字、合并单元格、下拉列表、列宽、字体和页面设置）/)
          .waitFor();
        await pane.getByText('所属领域　单选：工业制造、现代农业', { exact: false }).waitFor();
        const options = await pane.getByLabel('「所属领域」的选项').inputValue();
        assert(
          options.split('、').length === 16 && options.endsWith('区域协同'),
          `the 16 domains: ${options}`,
        );
        assert(!(await pane.getByText(/只读了单元格的文字/).count()), 'no longer says text only');
        await noOverflow();
        await shot('pane-learn-sheet');
        // The column's card, with its options as read from the dropdown.
        await pane
          .getByLabel('「所属领域」的选项')
          .locator('xpath=../..')
          .screenshot({ path: path.join(out, 'pane-learn-sheet-options.png') });
      },
    );

    await step(
      'a format stored in the workbook is checked with zod, loaded only then: a good one is used, a broken one said',
      async () => {
        const qinghai = JSON.parse(
          fs.readFileSync(path.join(root, 'src/core/profiles/qinghai.json'), 'utf8'),
        );
        const good = { ...qinghai, id: 'qinghai-copy', name: '青海（工作簿中保存的副本）' };
        const cases = [
          [null, /格式：青海省行业高质量数据集/],
          [JSON.stringify({ hqdsProfile: 1, profile: good }), /格式：青海（工作簿中保存的副本）/],
          [
            JSON.stringify({ hqdsProfile: 1, profile: { id: 'x' } }),
            /工作簿里保存的格式无法使用：格式文件不合规/,
          ],
        ];
        for (const [stored, shown] of cases) {
          const ctx = await browser.newContext();
          const p = await ctx.newPage();
          const loaded = [];
          p.on('request', (r) => loaded.push(r.url()));
          // The workbook as the pane finds it on opening: the preview's fake, given the stored values
          // the moment the preview makes it.
          await p.addInitScript(
            ([value, settings]) => {
              let fake;
              Object.defineProperty(window, 'hqdsFake', {
                configurable: true,
                get: () => fake,
                set: (f) => {
                  if (value !== null) f.settings.set('hqds.profile', value);
                  f.settings.set('hqds.settings', settings);
                  fake = f;
                },
              });
            },
            [stored, JSON.stringify({ profileId: stored === null ? 'qinghai' : 'qinghai-copy' })],
          );
          await p.goto(`${origin}/preview.html`);
          const ownPane = p.locator('[aria-label="任务窗格"]');
          await ownPane.getByText(shown).first().waitFor();
          await ownPane.getByRole('button', { name: '全面检查' }).waitFor();
          const zod = loaded.some((u) => /\/zod\.[0-9a-f]+\.js$/.test(u));
          assert(
            zod === (stored !== null),
            `zod chunk loaded: ${zod}, with a stored format: ${stored !== null}`,
          );
          await ctx.close();
        }
      },
    );

    await step(
      'a check with hundreds of problems lists every card up to 500 (the first 40 drawn with the result, the rest just after)',
      async () => {
        const ctx = await browser.newContext();
        const p = await ctx.newPage();
        await p.goto(`${origin}/preview.html`);
        const ownPane = p.locator('[aria-label="任务窗格"]');
        await ownPane.getByRole('button', { name: '全面检查' }).waitFor();
        await p.evaluate(() => {
          const fake = window.hqdsFake;
          const header = [
            '序号',
            '数据集名称',
            '所属行业领域',
            '模态',
            '数据量(TB)',
            '申报单位',
            '联系人',
            '联系电话',
          ];
          // Every row has an unknown domain: at least one problem a row, 300 rows.
          const body = Array.from({ length: 300 }, (_, k) => [
            k + 1,
            `数据集${k}`,
            '火星',
            '文本',
            2,
            `单位${k}`,
            '张三',
            '',
          ]);
          fake.load(fake.active, [['青海省行业高质量数据集汇总表'], header, ...body]);
        });
        await ownPane.getByRole('button', { name: '全面检查' }).click();
        await ownPane.getByText(/共 300 条：错误 \d+ 个/).waitFor();
        const label =
          (await ownPane
            .getByRole('radio', { name: /^全部 / })
            .getAttribute('aria-label')
            .catch(() => null)) ?? (await ownPane.locator('label', { hasText: /^全部 \d+/ }).innerText());
        const total = Number(/全部 (\d+)/.exec(label)[1]);
        assert(total >= 300, `only ${total} problems listed for 300 bad rows`);
        const cards = ownPane.getByRole('listitem');
        await p.waitForFunction(
          (n) => document.querySelectorAll('[aria-label="任务窗格"] [role="listitem"]').length === n,
          Math.min(total, 500),
          { timeout: 20000 },
        );
        assert((await cards.count()) === Math.min(total, 500), `cards: ${await cards.count()}`);
        if (total > 500) await ownPane.getByText('只列出前 500 个；修正后再检查可看到其余。').waitFor();
        await ctx.close();
      },
    );

    await step('the page made no request beyond its own server', async () => {
      const foreign = requests.filter(
        (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
      );
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
