/** The fake behaves like Excel where it matters: tests built on it must fail where Excel would. */
import { FakeWorkbook } from '../src/excel/fake';
import type { XlContext } from '../src/excel/xl';

const run = (fake: FakeWorkbook, f: (ctx: XlContext) => Promise<unknown>) => fake.run({ delayForCellEdit: true }, f);

test('reading a property that was not loaded and synced throws', async () => {
  const fake = new FakeWorkbook();
  fake.load('S', [['a']]);
  await run(fake, async (ctx) => {
    const r = ctx.workbook.worksheets.getItemOrNullObject('S').getRange('A1');
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load('values');
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(r.values).toEqual([['a']]);
  });
});

test('a values matrix of the wrong shape fails the batch at sync', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('S');
  await expect(run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItemOrNullObject('S').getRange('A1:B2').values = [[1, 2, 3]];
    await ctx.sync();
  })).rejects.toThrow(/InvalidArgument/);
});

test('a string beginning with = in a General cell becomes a formula; with the text format it stays text', async () => {
  const fake = new FakeWorkbook();
  const s = fake.addSheet('S');
  await run(fake, async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject('S');
    sheet.getRange('A1').values = [['=SUM(B1:B2)']];
    sheet.getRange('A2').values = [['+1']];
    sheet.getRange('A3').numberFormat = [['@']];
    sheet.getRange('A3').values = [['=SUM(B1:B2)']];
    await ctx.sync();
  });
  expect(s.cell(0, 0)!.formula).toBe('=SUM(B1:B2)');
  expect(s.cell(1, 0)!.formula).toBe('=+1');
  expect(s.cell(2, 0)!.formula).toBeUndefined();
  expect(s.cell(2, 0)!.value).toBe('=SUM(B1:B2)');
});

test('onChanged fires for edits with the changed address, and for API writes unless events are off', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('S');
  const seen: string[] = [];
  await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItemOrNullObject('S').onChanged.add(async (e) => {
      seen.push(e.address);
    });
    await ctx.sync();
  });
  await fake.userEdit('S', 4, 2, [['x', 'y']]);
  expect(seen).toEqual(['C5:D5']);
  await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItemOrNullObject('S').getRange('A1').values = [['api']];
    await ctx.sync();
  });
  await new Promise((r) => setTimeout(r, 0));
  expect(seen).toEqual(['C5:D5', 'A1']);
  await run(fake, async (ctx) => {
    ctx.runtime.enableEvents = false;
    ctx.workbook.worksheets.getItemOrNullObject('S').getRange('A2').values = [['quiet']];
    await ctx.sync();
  });
  await new Promise((r) => setTimeout(r, 0));
  expect(seen).toHaveLength(2);
});

test('list validations, fills and notes are kept; syncs are counted', async () => {
  const fake = new FakeWorkbook();
  const s = fake.addSheet('S');
  const before = fake.syncCount;
  await run(fake, async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject('S');
    const r = sheet.getRange('C5:C20');
    r.dataValidation.rule = { list: { inCellDropDown: true, source: '文本,图像' } };
    r.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: 't', message: 'm' };
    sheet.getRanges('A1,B2:B3').format.fill.color = '#FFC7CE';
    sheet.notes.add('D4', '原填 2TB');
    await ctx.sync();
  });
  expect(fake.syncCount - before).toBe(1);
  expect(s.validations[0]).toMatchObject({ r1: 4, c1: 2, r2: 19, rule: { list: { source: '文本,图像' } }, errorAlert: { style: 'Warning' } });
  expect([s.cell(0, 0)!.fill, s.cell(1, 1)!.fill, s.cell(2, 1)!.fill]).toEqual(['#FFC7CE', '#FFC7CE', '#FFC7CE']);
  expect(s.notes.get('3,3')).toBe('原填 2TB');
});

test('a batch while the user edits a cell fails, unless run with delayForCellEdit', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('S');
  fake.beginCellEdit();
  await expect(fake.run({}, async () => 1)).rejects.toThrow(/CellEditMode/);
  const waiting = fake.run({ delayForCellEdit: true }, async () => 2);
  fake.endCellEdit();
  await expect(waiting).resolves.toBe(2);
});

test('Excel 2019 (ExcelApi 1.8) has no RangeAreas and no notes', async () => {
  const fake = new FakeWorkbook('1.8');
  fake.addSheet('S');
  expect(fake.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  await expect(run(fake, async (ctx) => ctx.workbook.worksheets.getItemOrNullObject('S').getRanges('A1'))).rejects.toThrow(/1\.9/);
});

test("worksheets.load('items/name') gives every sheet's name after one sync", async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('甲');
  fake.addSheet('乙');
  await run(fake, async (ctx) => {
    const ws = ctx.workbook.worksheets;
    ws.load('items/name');
    expect(() => ws.items).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(ws.items.map((s) => s.name)).toEqual(['甲', '乙']);
  });
});
