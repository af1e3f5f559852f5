/**
 * The adapter on a fake that behaves like real Excel where the old fake did not (issue 9): each
 * test here failed on the old fake and adapter.
 */
import { FakeWorkbook, type FakeHost } from '../src/excel/fake';
import {
  OfficeWorkbook,
  READ_CELLS_PER_SYNC,
  ROWS_PER_SYNC,
  digitPixels,
  touchedRows,
  type Recheck,
} from '../src/excel/adapter';
import { CHANGE_LOG_SHEET } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import { DEFAULT_PANE_SETTINGS, parseSettings, settingsToPlan } from '../src/taskpane/settings';
import type { WorkbookPlan } from '../src/core/plan';

const qh = getProfile('qinghai')!;
const plan = settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' });
const good = (i: number) => [
  i + 1,
  `数据集${i}`,
  '现代农业',
  '文本',
  2048,
  '无',
  '某公司',
  '张三 13800000000',
  '',
];
const bad = (i: number) => [i + 1, `数据集${i}`, '火星', '文本', '2TB', '无', '某公司', '张三', ''];
const tick = () => new Promise((r) => setTimeout(r, 5));

/** A workbook with the Qinghai summary drawn by the adapter and rows typed below the header (row 4). */
async function withSummary(rows: (string | number)[][], api = '1.18', host: Partial<FakeHost> = {}) {
  const fake = new FakeWorkbook(api, host);
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements, [5, 10, 20]);
  await wb.createSummary(qh, plan);
  const s = fake.sheet('汇总表');
  rows.forEach((row, i) => row.forEach((v, c) => fake.assign(s.ensure(4 + i, c), v)));
  const heard: Recheck[] = [];
  wb.onRecheck((r) => heard.push(r));
  const errors: string[] = [];
  wb.onError((m) => errors.push(m));
  return { fake, wb, s, heard, errors };
}

test('the used range is offset: a table starting at B3 is checked and painted where it is', async () => {
  const fake = new FakeWorkbook();
  const header = [
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据集数据量（GB）',
    '数据集是否涉密',
    '申报单位',
    '联系人及联系方式',
    '备注',
  ];
  fake.load('来件', [['青海省行业高质量数据集汇总表'], header, good(0), bad(1)], { r: 2, c: 1 });
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  const r = await wb.checkSheet('来件', qh, 1024);
  expect(r.headerRow).toBe(3);
  const domain = r.issues.find((i) => i.severity === 'error' && i.sheetCol === 3)!;
  expect(domain.address).toBe('D6'); // 火星, row 6 column D
  expect(fake.sheet('来件').cell(5, 3)!.fill).toBe('#FFC7CE');
  expect(fake.sheet('来件').cell(5, 2)?.fill).toBeUndefined();
  const [read] = await wb.readSheets(['来件']);
  expect(read.rows[5][3]).toBe('火星');
});

test('events are restored after a write that fails halfway, in their own batch; later edits are still checked', async () => {
  const { fake, wb, heard } = await withSummary([good(0), good(1)]);
  await wb.checkSheet('汇总表', qh, 1024);
  await wb.watch('汇总表');
  await expect(wb.writeCells('没有这张表', [{ r: 4, c: 1, value: 'x' }])).rejects.toMatchObject({
    code: 'ItemNotFound',
  });
  expect(fake.enableEvents).toBe(true);
  await fake.userEdit('汇总表', 5, 2, [['火星']]);
  expect(heard.map((h) => h.rows)).toEqual([[5, 5]]);
});

test('checking never switches events off: fills do not fire onChanged, so a user edit during a check is not lost', async () => {
  const { fake, wb } = await withSummary([good(0)]);
  let off = 0;
  const real = fake.run;
  // Watch every request the adapter sends for a runtime.enableEvents = false.
  const spy: typeof real = (o, batch) =>
    real(o, (ctx) =>
      batch(
        new Proxy(ctx, {
          get: (t, p) =>
            p === 'runtime'
              ? {
                  set enableEvents(v: boolean) {
                    if (!v) off++;
                    t.runtime.enableEvents = v;
                  },
                }
              : (Reflect.get(t, p) as unknown),
        }),
      ),
    );
  const wb2 = new OfficeWorkbook(spy, fake.requirements);
  await wb2.checkSheet('汇总表', qh, 1024);
  await wb2.recheck('汇总表', 'C5');
  expect(off).toBe(0);
  await wb2.writeCells('汇总表', [{ r: 4, c: 8, value: '备注' }]);
  expect(off).toBe(1);
  expect(fake.enableEvents).toBe(true);
  void wb;
});

test("the pane's batches run one after another: overlapping calls never interleave their requests", async () => {
  const { fake, wb } = await withSummary(Array.from({ length: 20 }, (_, i) => good(i)));
  const order: string[] = [];
  const real = fake.run;
  let inside = 0;
  const spy: typeof real = async (o, batch) =>
    real(o, async (ctx) => {
      inside++;
      order.push(`in${inside}`);
      try {
        return await batch(ctx);
      } finally {
        inside--;
      }
    });
  const wb2 = new OfficeWorkbook(spy, fake.requirements);
  await Promise.all([
    wb2.checkSheet('汇总表', qh, 1024),
    wb2.writeCells('汇总表', [{ r: 4, c: 8, value: 'a' }]),
    wb2.sheets(),
  ]);
  expect(order.every((x) => x === 'in1')).toBe(true);
  expect(fake.enableEvents).toBe(true);
  void wb;
});

test('sheet names: a 28-character summary is backed up under a legal, unique name, whole', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  const long = '青海省行业高质量数据集汇总表青海省行业高质量数据集汇总';
  expect(long.length).toBe(27);
  const p: WorkbookPlan = {
    styles: {},
    sheets: [
      {
        name: long,
        role: 'summary',
        cells: [{ r: 0, c: 0, v: '甲', style: 'x' }],
        merges: [],
        colWidths: [],
        rowHeights: {},
        validations: [],
        textColumns: [],
      },
    ],
  };
  await wb.writePlan(p);
  await wb.writePlan(p);
  await wb.writePlan(p);
  const names = fake.sheets.map((s) => s.name);
  expect(names.filter((n) => n.includes('备份'))).toHaveLength(2);
  for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
});

test('plan values are literal text: =, +, - and @ never become formulas, outside text columns too', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  const p: WorkbookPlan = {
    styles: {},
    sheets: [
      {
        name: 'T',
        role: 'issues',
        cells: [
          { r: 0, c: 0, v: '=SUM(A2:A3)', style: 'x' },
          { r: 1, c: 0, v: '+86 138', style: 'x' },
          { r: 2, c: 0, v: '-5', style: 'x' },
          { r: 3, c: 0, v: 7, style: 'x' },
        ],
        merges: [],
        colWidths: [],
        rowHeights: {},
        validations: [],
        textColumns: [],
      },
    ],
  };
  await wb.writePlan(p);
  const t = fake.sheet('T');
  expect([0, 1, 2].map((r) => t.cell(r, 0)!.formula)).toEqual([undefined, undefined, undefined]);
  expect([0, 1, 2, 3].map((r) => t.cell(r, 0)!.value)).toEqual(['=SUM(A2:A3)', '+86 138', '-5', 7]);
});

test('writeCells formats text as text even in a General cell, and numbers as numbers in a text cell', async () => {
  const fake = new FakeWorkbook();
  const s = fake.addSheet('S');
  s.ensure(1, 0).numberFormat = '@';
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.writeCells('S', [
    { r: 0, c: 0, value: '=SUM(A1:A3)' },
    { r: 1, c: 0, value: 1536 },
  ]);
  expect(s.cell(0, 0)!.formula).toBeUndefined();
  expect(s.cell(0, 0)!.value).toBe('=SUM(A1:A3)');
  expect(s.cell(1, 0)!.numberFormat).toBe('General');
});

describe('notes', () => {
  test('a library without notes on a 1.18 host: 换算 works and the original goes to 修改记录', async () => {
    const { fake, wb, s } = await withSummary(
      [good(0), [2, 'b', '通用', '文本', '1.5TB', '无', 'u', '张三 13800000000', '']],
      '1.18',
      { notesInLibrary: false },
    );
    await wb.checkSheet('汇总表', qh, 1024);
    const r = await wb.convertCells('汇总表', 4, 5, 4);
    expect(r).toMatchObject({ converted: 1, keptIn: 'change-log' });
    expect(s.cell(5, 4)!.value).toBe(1536);
    const log = fake.sheet(CHANGE_LOG_SHEET);
    expect([1, 2, 4, 5].map((c) => fake.display(CHANGE_LOG_SHEET, 0, c))).toEqual([
      '工作表',
      '单元格',
      '原值',
      '新值',
    ]);
    expect([1, 2, 4, 5].map((c) => fake.display(CHANGE_LOG_SHEET, 1, c))).toEqual([
      '汇总表',
      'E6',
      '1.5TB',
      '1536',
    ]);
    expect(log.cell(1, 4)!.numberFormat).toBe('@');
    expect(s.notes.size).toBe(0);
    // A second conversion appends below.
    fake.assign(s.ensure(4, 4), '2TB');
    await wb.convertCells('汇总表', 4, 4, 4);
    expect(fake.display(CHANGE_LOG_SHEET, 2, 4)).toBe('2TB');
  });

  test('a rebuild with flagged cells on a library without notes does not fail', async () => {
    const { fake, wb } = await withSummary([good(0), bad(1)], '1.18', { notesInLibrary: false });
    const { merged } = await wb.rebuild(qh, plan, await wb.readSheets(['汇总表']));
    expect(merged.rowsWritten).toBe(2);
    expect(fake.display('汇总表', 5, 2)).toBe('火星');
  });
});

describe('selections', () => {
  test('a whole-column selection is cut to the used range', async () => {
    const { fake, wb } = await withSummary([
      good(0),
      [2, 'b', '通用', '文本', '1.5TB', '无', 'u', '张三', ''],
    ]);
    await wb.checkSheet('汇总表', qh, 1024);
    fake.selection = { sheet: '汇总表', r: 0, c: 4, rows: 1048576, cols: 1 };
    const sel = (await wb.selection())!;
    expect(sel.cut).toBe(true);
    expect(sel.key).not.toBeNull();
    expect(sel.values.length).toBeLessThan(20);
    expect(sel.values.flat()).toContain('1.5TB');
    const r = await wb.convertCells(sel.sheet, sel.r, sel.r + sel.values.length - 1, sel.c);
    expect(r.converted).toBe(1);
  });

  test('a selection on a blank sheet gives blanks of its shape', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('空表');
    fake.selection = { sheet: '空表', r: 4, c: 2, rows: 2, cols: 1 };
    const sel = (await new OfficeWorkbook(fake.run, fake.requirements).selection())!;
    expect(sel).toMatchObject({ sheet: '空表', r: 4, c: 2, values: [[''], ['']], cut: false });
  });

  test('several selected areas are explained in Chinese', async () => {
    const { fake, wb } = await withSummary([good(0)]);
    fake.selection = { sheet: '汇总表', r: 4, c: 1, rows: 1, cols: 1, areas: 2 };
    await expect(wb.selection()).rejects.toThrow(/多个区域/);
  });
});

describe('events', () => {
  test('rows inserted above the data: the table is found again and later edits land on the right rows', async () => {
    const { fake, wb, s, heard } = await withSummary(Array.from({ length: 5 }, (_, i) => good(i)));
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    await fake.insertRows('汇总表', 2, 2);
    await tick();
    expect(heard.pop()!.rows).toEqual([0, 1048575]);
    await fake.userEdit('汇总表', 8, 2, [['火星']]); // was row 6 before the insert
    expect(heard.pop()!.rows).toEqual([8, 8]);
    expect(s.cell(8, 2)!.fill).toBe('#FFC7CE');
  });

  test('a column inserted before the table: the header is mapped again', async () => {
    const { fake, wb, s, heard } = await withSummary(Array.from({ length: 3 }, (_, i) => good(i)));
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    await fake.insertColumns('汇总表', 0);
    await tick();
    expect(heard).toHaveLength(1);
    await fake.userEdit('汇总表', 5, 3, [['火星']]);
    expect(s.cell(5, 3)!.fill).toBe('#FFC7CE');
    expect(heard[1].issues.find((i) => i.severity === 'error')!.address).toBe('D6');
  });

  test("a co-author's edit (source Remote) is not repainted", async () => {
    const { fake, wb, s, heard } = await withSummary([good(0)]);
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const before = fake.syncCount;
    await fake.remoteEdit('汇总表', 4, 2, [['火星']]);
    expect(heard).toEqual([]);
    expect(fake.syncCount).toBe(before);
    expect(s.cell(4, 2)!.fill).toBeUndefined();
  });

  test('comma-separated addresses: each area is rechecked, in one read', async () => {
    const { fake, wb, heard } = await withSummary(Array.from({ length: 20 }, (_, i) => good(i)));
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const s = fake.sheet('汇总表');
    fake.assign(s.ensure(5, 2), '火星');
    fake.assign(s.ensure(15, 2), '火星');
    const before = fake.syncCount;
    await fake.change('汇总表', 'C6, C16:D16', 'RangeEdited');
    expect(heard.map((h) => h.rows)).toEqual([
      [5, 5],
      [15, 15],
    ]);
    expect(fake.syncCount - before).toBe(2);
    expect(touchedRows('A1:B2, C:C', 4, 30)).toEqual([[4, 31]]);
  });

  test('an edit spanning the header and the first data row rechecks from the first data row', async () => {
    const { fake, wb, s, heard } = await withSummary([good(0), good(1)]);
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const header = [0, 1, 2].map((c) => fake.display('汇总表', 3, c));
    const headerFill = s.cell(3, 2)!.fill;
    await fake.userEdit('汇总表', 3, 0, [header, [1, '甲', '火星']]);
    expect(heard.map((h) => h.rows)).toEqual([[4, 4]]);
    expect(heard[0].issues.every((i) => i.sheetRow === 4)).toBe(true);
    expect(s.cell(3, 2)!.fill).toBe(headerFill);
  });

  test('a handler that fails tells the pane instead of failing silently', async () => {
    const { fake, wb, errors } = await withSummary([good(0)]);
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    fake.host.payloadLimit = 10;
    await fake.userEdit('汇总表', 4, 2, [['火星']]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/即时检查出错.*全面检查/);
  });

  test('rebuild followed by an edit: the new summary is checked live, the backup no longer repaints it', async () => {
    const { fake, wb, heard } = await withSummary([good(0), good(1)]);
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const { backups } = await wb.rebuild(qh, plan, await wb.readSheets(['汇总表']));
    const backup = fake.sheet(backups[0]);
    expect(backup.handlers).toHaveLength(0);
    expect(fake.sheet('汇总表').handlers).toHaveLength(1);
    await fake.userEdit(backups[0], 4, 2, [['火星']]);
    expect(heard).toEqual([]);
    await fake.userEdit('汇总表', 5, 2, [['火星']]);
    expect(heard.map((h) => [h.sheet, h.rows])).toEqual([['汇总表', [5, 5]]]);
    expect(fake.sheet('汇总表').cell(5, 2)!.fill).toBe('#FFC7CE');
    expect(backup.cell(4, 2)?.fill).toBeUndefined();
    // Watching again after a rebuild does not register twice.
    await wb.watch('汇总表');
    expect(fake.sheet('汇总表').handlers).toHaveLength(1);
  });
});

describe('payload', () => {
  test(`a 3,000-row rebuild stays under 5 MB per request, in at most ⌈rows / ${ROWS_PER_SYNC}⌉ + 2 syncs`, async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => (i % 5 === 2 ? bad(i) : good(i)));
    const { fake, wb } = await withSummary(rows);
    const inputs = await wb.readSheets(['汇总表']);
    const before = fake.syncCount;
    fake.largestRequest = 0;
    const { merged } = await wb.rebuild(qh, plan, inputs);
    const syncs = fake.syncCount - before;
    expect(merged.rowsWritten).toBe(3000);
    const written = fake.sheets
      .filter((s) => !s.name.includes('备份'))
      .reduce((n, s) => n + (s.extent().rows || 0), 0);
    // +1 to remove the handler of the summary it replaced.
    expect(syncs).toBeLessThanOrEqual(Math.ceil(written / ROWS_PER_SYNC) + 2 + 1);
    expect(fake.largestRequest).toBeLessThan(5 * 1024 * 1024);
    expect(fake.display('汇总表', 3003, 1)).toBe('数据集2999');
  });

  test('a full check of 3,000 rows after a check that painted them writes only what changed', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => (i % 5 === 2 ? bad(i) : good(i)));
    const { fake, wb } = await withSummary(rows);
    await wb.checkSheet('汇总表', qh, 1024);
    const before = fake.syncCount;
    await wb.checkSheet('汇总表', qh, 1024);
    expect(fake.syncCount - before).toBe(2); // where the used range is, its values; nothing to repaint
  });

  test(`a 12,000-row sheet is read in responses of at most ${READ_CELLS_PER_SYNC} cells`, async () => {
    const rows = Array.from({ length: 12000 }, (_, i) => good(i));
    const { fake, wb } = await withSummary(rows);
    const before = fake.syncCount;
    fake.largestResponse = 0;
    const r = await wb.checkSheet('汇总表', qh, 1024);
    expect(r.rows).toBe(12000);
    const cells = 12004 * 9;
    expect(fake.syncCount - before).toBeLessThanOrEqual(Math.ceil(cells / READ_CELLS_PER_SYNC) + 2);
    expect(fake.largestResponse).toBeLessThan(READ_CELLS_PER_SYNC * 40);
  });
});

describe('cell-edit mode', () => {
  test('on a host that honours delayForCellEdit, a check started while a cell is edited waits for the edit, unrefused', async () => {
    const { fake, wb } = await withSummary([good(0)]);
    fake.beginCellEdit();
    let done = false;
    const p = wb.checkSheet('汇总表', qh, 1024).then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    fake.endCellEdit();
    await p;
    expect(done).toBe(true);
    expect(fake.cellEditRefusals).toBe(0);
  });

  test('on a host that ignores delayForCellEdit, the batch is retried with a backoff until the edit ends', async () => {
    const { fake, wb } = await withSummary([good(0)], '1.18', { delayForCellEdit: false });
    fake.beginCellEdit();
    const p = wb.checkSheet('汇总表', qh, 1024);
    setTimeout(() => fake.endCellEdit(), 8);
    await expect(p).resolves.toMatchObject({ rows: 1 });
    expect(fake.cellEditRefusals).toBeGreaterThan(0);
  });

  test('a fix written while a cell is edited on such a host lands once the edit ends, with events back on', async () => {
    const { fake, wb, s } = await withSummary([good(0)], '1.18', { delayForCellEdit: false });
    fake.beginCellEdit();
    const p = wb.writeCells('汇总表', [{ r: 4, c: 8, value: '补充说明' }]);
    setTimeout(() => fake.endCellEdit(), 8);
    await p;
    expect(s.cell(4, 8)!.value).toBe('补充说明');
    expect(fake.enableEvents).toBe(true);
  });

  test('an edit that never ends: a Chinese message after the backoff', async () => {
    const { fake, wb } = await withSummary([good(0)], '1.18', { delayForCellEdit: false });
    fake.beginCellEdit();
    await expect(wb.checkSheet('汇总表', qh, 1024)).rejects.toThrow(/正在编辑单元格/);
    fake.endCellEdit();
  });
});

describe('undo', () => {
  test('typing a correct value reads but writes nothing, so Ctrl+Z survives', async () => {
    const { fake, wb } = await withSummary([good(0), bad(1)]);
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const before = fake.syncCount;
    await fake.userEdit('汇总表', 4, 1, [['新的名称']]);
    expect(fake.undoDepth).toBe(1);
    expect(fake.syncCount - before).toBe(1);
    // Fixing the bad cell does repaint it, once.
    await fake.userEdit('汇总表', 5, 2, [['现代农业']]);
    expect(fake.sheet('汇总表').cell(5, 2)!.fill).toBeUndefined();
  });
});

describe('printing and layout', () => {
  test("fit-to-width and frozen panes are set while the sheet is active (office-js #1860): no activation behind the user's back", async () => {
    const fake = new FakeWorkbook('1.18', { fitNeedsActive: true });
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    const { warnings } = await wb.createSummary(qh, plan);
    expect(fake.sheet('汇总表').page.fitToWidth).toBe(1);
    expect(fake.activationEvents).toBe(0);
    expect(warnings).toEqual([]);
    expect(fake.active).toBe('汇总表');
  });

  test('fit-to-width that Excel did not take is read back and reported, with what to do', async () => {
    const fake = new FakeWorkbook('1.18', { fitIgnored: true });
    fake.addSheet('Sheet1');
    const { warnings } = await new OfficeWorkbook(fake.run, fake.requirements).createSummary(qh, plan);
    expect(warnings).toEqual([expect.stringMatching(/「汇总表」.*1 页宽.*没有生效.*页面布局/)]);
  });

  test('column widths are calibrated from the default font, not a 7-pixel digit', async () => {
    expect(digitPixels(8.43, 48)).toBeCloseTo(7, 1);
    const widths = async (points: number) => {
      const fake = new FakeWorkbook('1.18', { standardColumnPoints: points });
      fake.addSheet('Sheet1');
      await new OfficeWorkbook(fake.run, fake.requirements).createSummary(qh, plan);
      return fake.sheet('汇总表').colWidths.get(1)!;
    };
    const calibri = await widths(48);
    const wide = await widths(54);
    expect(wide / calibri).toBeGreaterThan(1.1);
  });
});

test('a sheet that is gone is named in Chinese, and a renamed sheet is still checked live', async () => {
  const { fake, wb, heard } = await withSummary([good(0)]);
  await expect(wb.checkSheet('不存在', qh, 1024)).rejects.toThrow(/找不到工作表「不存在」/);
  await wb.checkSheet('汇总表', qh, 1024);
  await wb.watch('汇总表');
  fake.sheet('汇总表').name = '我的汇总';
  await fake.userEdit('我的汇总', 4, 2, [['火星']]);
  expect(heard.map((h) => h.rows)).toEqual([[4, 4]]);
  expect(fake.sheet('我的汇总').cell(4, 2)!.fill).toBe('#FFC7CE');
});

test('settings stored in the workbook: unreadable or partial values fall back to the defaults', () => {
  expect(parseSettings(null)).toEqual(DEFAULT_PANE_SETTINGS);
  expect(parseSettings('{not json')).toEqual(DEFAULT_PANE_SETTINGS);
  expect(parseSettings('[1,2]')).toEqual(DEFAULT_PANE_SETTINGS);
  expect(parseSettings('{"tb":1000}')).toEqual({ ...DEFAULT_PANE_SETTINGS, tb: 1000 });
  expect(settingsToPlan({ ...DEFAULT_PANE_SETTINGS, fillDate: false }).date).toBeNull();
  const today = new Date(2026, 10, 25);
  expect(settingsToPlan({ ...DEFAULT_PANE_SETTINGS, fillDate: true }, today).date).toBe(today);
});

test('a rebuild that fails halfway leaves what was sent, says where the original is, and turns events back on', async () => {
  const rows = Array.from({ length: 1500 }, (_, i) => good(i));
  const { fake, wb } = await withSummary(rows);
  const inputs = await wb.readSheets(['汇总表']);
  // Requests: 1 read, then writes of 500 rows each: the second write is lost.
  fake.failSync = fake.syncCount + 3;
  await expect(wb.rebuild(qh, plan, inputs)).rejects.toThrow(
    /生成到一半出错.*原表已备份为「汇总表 备份\d{4}-\d{4}」/,
  );
  const backup = fake.sheets.find((s) => s.name.startsWith('汇总表 备份'))!;
  expect(fake.display(backup.name, 1503, 1)).toBe('数据集1499'); // the original, whole
  expect(fake.display('汇总表', 100, 1)).toBe('数据集96'); // the first request's rows are there
  expect(fake.display('汇总表', 1503, 1)).toBe(''); // the rest never arrived
  expect(fake.enableEvents).toBe(true);
});

test('Excel 2019 (ExcelApi 1.8): a flagged rebuild is formatted range by range, without RangeAreas', async () => {
  const { fake, wb } = await withSummary([good(0), bad(1), good(2)], '1.8');
  fake.rangeAreasCalls = 0;
  await wb.rebuild(qh, plan, await wb.readSheets(['汇总表']));
  const s = fake.sheet('汇总表');
  expect(fake.rangeAreasCalls).toBe(0);
  expect(s.cell(3, 0)!.font).toMatchObject({ bold: true });
  expect(s.cell(5, 1)!.border).toBe(true);
  expect(s.cell(5, 2)!.fill).toBe('#FFC7CE');
  expect(s.cell(4, 2)!.fill).toBeUndefined();
  expect(s.notes.size).toBe(0); // no notes before ExcelApi 1.18
});
