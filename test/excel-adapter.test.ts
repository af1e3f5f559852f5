/** The adapter on the fake Excel: what it writes, and how many context.sync round trips it costs. */
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook, chunkAddresses, cellRuns } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, loadSettings, saveSettings, settingsToPlan } from '../src/taskpane/settings';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;

async function withSummary(rows: (string | number)[][], api = '1.18') {
  const fake = new FakeWorkbook(api);
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(
    qh,
    settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai', recommender: '西宁市数据局' }),
  );
  const s = fake.sheet('汇总表');
  rows.forEach((row, i) => row.forEach((v, c) => fake.assign(s.ensure(4 + i, c), v)));
  return { fake, wb, s };
}

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

describe('新建汇总表 writes the plan through Office.js', () => {
  test('title, header, text format, dropdowns, frozen header, page layout, hidden lists', async () => {
    const { fake, s } = await withSummary([]);
    expect(fake.display('汇总表', 1, 0)).toBe('青海省行业高质量数据集汇总表');
    expect(fake.display('汇总表', 2, 0)).toBe('推荐单位：西宁市数据局（盖章）');
    expect([0, 1, 2, 3, 4].map((c) => fake.display('汇总表', 3, c))).toEqual([
      '序号',
      '数据集名称',
      '行业领域',
      '数据集模态',
      '数据集数据量（GB）',
    ]);
    expect(s.merges).toContainEqual({ r1: 1, c1: 0, r2: 1, c2: 8 });
    expect(s.frozenRows).toBe(4);
    expect(s.page).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      fitToWidth: 1,
      printTitleRows: '$4:$4',
    });
    const domain = s.validations.find((v) => v.c1 === 2)!;
    expect(domain.rule.list!.source).toContain('医疗健康');
    expect(domain.errorAlert!.style).toBe('Warning');
    expect(fake.sheet('hqds选项').visibility).toBe('Hidden');
    expect(s.cell(10, 1)!.numberFormat).toBe('@'); // where clerks will type, text columns are text
    expect(s.cell(3, 0)!.font).toMatchObject({ bold: true });
  });

  test('an existing summary is backed up with a worksheet copy, never overwritten', async () => {
    const { fake, wb } = await withSummary([good(0)]);
    await wb.createSummary(qh, settingsToPlan(DEFAULT_PANE_SETTINGS));
    const names = fake.sheets.map((x) => x.name);
    const backup = names.find((n) => n.startsWith('汇总表 备份'))!;
    expect(backup).toBeDefined();
    expect(fake.display(backup, 4, 1)).toBe('数据集0');
    expect(fake.display('汇总表', 4, 1)).toBe('');
  });

  test("read, write, events back on: 3 syncs, and 1 more to remove the replaced sheet's handler", async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(qh, settingsToPlan(DEFAULT_PANE_SETTINGS));
    expect(fake.syncCount).toBe(3);
    const before = fake.syncCount;
    await wb.createSummary(qh, settingsToPlan(DEFAULT_PANE_SETTINGS));
    expect(fake.syncCount - before).toBe(4);
  });
});

describe('checking: budgets, colours, live rechecks', () => {
  test.each([10, 3000])('a full check of %i rows takes at most 3 syncs', async (n) => {
    const rows = Array.from({ length: n }, (_, i) =>
      i % 7 === 3 ? [i + 1, `d${i}`, '火星', '文本', '2TB', '无', 'u', '张三', ''] : good(i),
    );
    const { fake, wb, s } = await withSummary(rows);
    const before = fake.syncCount;
    const r = await wb.checkSheet('汇总表', qh, 1024);
    expect(fake.syncCount - before).toBeLessThanOrEqual(3);
    expect(r.rows).toBe(n);
    expect(s.cell(7, 2)!.fill).toBe('#FFC7CE'); // 火星: error
    expect(s.cell(7, 4)!.fill).toBe('#FFEB9C'); // 2TB: warning with a fix
    expect(s.cell(4, 2)!.fill).toBeUndefined();
    expect(r.issues.find((i) => i.address === 'E8')).toMatchObject({
      code: 'quantity-converted',
      fix: 2048,
      safe: true,
    });
  });

  test('scattered cells are coloured through RangeAreas, long address lists in chunks', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) =>
      i % 2 ? [i + 1, `d${i}`, '火星', '文本', 1, '无', 'u', '张三 13800000000', ''] : good(i),
    );
    const { fake, wb } = await withSummary(rows);
    fake.rangeAreasCalls = 0;
    await wb.checkSheet('汇总表', qh, 1024);
    expect(fake.rangeAreasCalls).toBeGreaterThan(1);
    expect(
      chunkAddresses(cellRuns(Array.from({ length: 1000 }, (_, i) => ({ r: i * 2, c: 2 })))).every(
        (c) => c.length <= 2000,
      ),
    ).toBe(true);
  });

  test('one edit event: at most 2 syncs, only the edited rows rechecked, the pane told', async () => {
    const { fake, wb, s } = await withSummary(Array.from({ length: 50 }, (_, i) => good(i)));
    await wb.checkSheet('汇总表', qh, 1024);
    await wb.watch('汇总表');
    const heard: number[][] = [];
    wb.onRecheck((r) => heard.push(r.rows));
    const before = fake.syncCount;
    await fake.userEdit('汇总表', 10, 2, [['医疗卫生']]);
    expect(fake.syncCount - before).toBeLessThanOrEqual(2);
    expect(heard).toEqual([[10, 10]]);
    expect(s.cell(10, 2)!.fill).toBe('#FFEB9C');
  });

  test("the pane's own writes do not set off another round of checking", async () => {
    const { fake, wb, s } = await withSummary(Array.from({ length: 5 }, (_, i) => good(i)));
    const first = await wb.checkSheet('汇总表', qh, 1024);
    expect(first.issues).toEqual([]);
    await wb.watch('汇总表');
    let rechecks = 0;
    wb.onRecheck(() => rechecks++);
    await fake.userEdit('汇总表', 5, 4, [['1.5TB']]);
    expect(rechecks).toBe(1);
    const issues = (await wb.recheck('汇总表', 'E6'))!;
    rechecks = 0;
    await wb.applyFixes(issues.filter((i) => i.safe));
    await new Promise((r) => setTimeout(r, 5));
    expect(s.cell(5, 4)!.value).toBe(1536);
    expect(rechecks).toBe(1); // the explicit recheck after the fix, not an event echo
  });

  test('fixes write text as text: a received =SUM stays literal', async () => {
    const { fake, wb, s } = await withSummary([good(0)]);
    await wb.writeCells('汇总表', [{ r: 4, c: 8, value: '=SUM(A1:A3)' }]);
    expect(s.cell(4, 8)!.formula).toBeUndefined();
    expect(fake.display('汇总表', 4, 8)).toBe('=SUM(A1:A3)');
  });

  test('unit conversion of a column keeps the original in a note', async () => {
    const { fake, wb, s } = await withSummary([
      good(0),
      [2, 'b', '通用', '文本', '1.5TB', '无', 'u', '张三 13800000000', ''],
      [3, 'c', '通用', '文本', '10万张', '无', 'u', '张三 13800000000', ''],
    ]);
    await wb.checkSheet('汇总表', qh, 1024);
    const r = await wb.convertCells('汇总表', 4, 6, 4);
    expect(r.converted).toBe(1);
    expect(r.failed[0]).toMatchObject({ value: '10万张' });
    expect(s.cell(5, 4)!.value).toBe(1536);
    expect(s.notes.get('5,4')).toContain('1.5TB');
    expect(fake.syncCount).toBeGreaterThan(0);
  });

  test('Excel 2019 (ExcelApi 1.8): the same check without RangeAreas, still within budget', async () => {
    const { fake, wb, s } = await withSummary(
      [good(0), [2, 'b', '火星', '文本', 1, '无', 'u', '张三 13800000000', '']],
      '1.8',
    );
    const before = fake.syncCount;
    await wb.checkSheet('汇总表', qh, 1024);
    expect(fake.syncCount - before).toBeLessThanOrEqual(3);
    expect(s.cell(5, 2)!.fill).toBe('#FFC7CE');
  });

  test('settings are saved in the workbook and read back', async () => {
    const { wb } = await withSummary([]);
    await saveSettings(wb, { ...DEFAULT_PANE_SETTINGS, profileId: 'shanxi', tb: 1000, titlePrefix: '能源' });
    expect(await loadSettings(wb)).toMatchObject({ profileId: 'shanxi', tb: 1000, titlePrefix: '能源' });
  });

  test('the bureau is recognised from the title and header', async () => {
    const fake = new FakeWorkbook();
    fake.load('来件', [
      ['武汉市行业高质量数据集应用典型案例征集汇总表'],
      ['序号', '数据集案例名称', '数据集类别', '行业领域', '申报方向'],
    ]);
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    expect(await wb.detectProfile()).toEqual({ profileId: 'wuhan', sheet: '来件' });
  });
});

test('two rebuilds in the same minute keep two distinct backups', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('S');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(qh, settingsToPlan(DEFAULT_PANE_SETTINGS));
  fake.assign(fake.sheet('汇总表').ensure(4, 1), '甲数据集');
  for (let i = 0; i < 2; i++)
    await wb.rebuild(qh, settingsToPlan(DEFAULT_PANE_SETTINGS), await wb.readSheets(['汇总表']));
  const backups = fake.sheets.map((s) => s.name).filter((n) => n.includes('备份'));
  expect(backups).toHaveLength(2);
  expect(new Set(backups).size).toBe(2);
  expect(fake.display('汇总表', 4, 1)).toBe('甲数据集');
});
