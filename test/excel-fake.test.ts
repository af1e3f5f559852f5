/** The fake behaves like Excel where it matters: tests built on it must fail where Excel would. */
import { FakeWorkbook } from '../src/excel/fake';
import type { XlContext } from '../src/excel/xl';

const run = (fake: FakeWorkbook, f: (ctx: XlContext) => Promise<unknown>) =>
  fake.run({ delayForCellEdit: true }, f);

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
  await expect(
    run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('S').getRange('A1:B2').values = [[1, 2, 3]];
      await ctx.sync();
    }),
  ).rejects.toThrow(/InvalidArgument/);
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
    ctx.workbook.worksheets.getItemOrNullObject('S').onChanged.add((e) => {
      seen.push(e.address);
      return Promise.resolve();
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
    sheet.notes!.add('D4', '原填 2TB');
    await ctx.sync();
  });
  expect(fake.syncCount - before).toBe(1);
  expect(s.validations[0]).toMatchObject({
    r1: 4,
    c1: 2,
    r2: 19,
    rule: { list: { source: '文本,图像' } },
    errorAlert: { style: 'Warning' },
  });
  expect([s.cell(0, 0)!.fill, s.cell(1, 1)!.fill, s.cell(2, 1)!.fill]).toEqual([
    '#FFC7CE',
    '#FFC7CE',
    '#FFC7CE',
  ]);
  expect(s.notes.get('3,3')).toBe('原填 2TB');
});

test('a batch while the user edits a cell fails, unless run with delayForCellEdit', async () => {
  const fake = new FakeWorkbook();
  fake.addSheet('S');
  fake.beginCellEdit();
  await expect(fake.run({}, () => Promise.resolve(1))).rejects.toThrow(/CellEditMode/);
  const waiting = fake.run({ delayForCellEdit: true }, () => Promise.resolve(2));
  fake.endCellEdit();
  await expect(waiting).resolves.toBe(2);
});

test('Excel 2019 (ExcelApi 1.8) has no RangeAreas and no notes', async () => {
  const fake = new FakeWorkbook('1.8');
  fake.addSheet('S');
  expect(fake.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  await expect(
    run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('S').getRanges('A1').format.fill.color = '#FFC7CE';
      await ctx.sync();
    }),
  ).rejects.toThrow(/1\.9/);
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

describe('the fake follows Excel where it used to diverge', () => {
  test('commands run in order up to the first failure: those before it stay applied, the rest are dropped', async () => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet('S');
    await expect(
      run(fake, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject('S');
        sheet.getRange('A1').values = [['before']];
        sheet.getRange('A2:B2').values = [['wrong shape']];
        sheet.getRange('A3').values = [['after']];
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    expect(s.cell(0, 0)!.value).toBe('before');
    expect(s.cell(2, 0)).toBeUndefined();
  });

  test('methods on a null object fail at sync, not at once', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('S');
    let queued = false;
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject('missing').getRange('A1').values = [['x']];
        queued = true;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(queued).toBe(true);
  });

  test('the used range starts at the first used cell', async () => {
    const fake = new FakeWorkbook();
    fake.load(
      'S',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      { r: 2, c: 1 },
    );
    await run(fake, async (ctx) => {
      const used = ctx.workbook.worksheets.getItemOrNullObject('S').getUsedRangeOrNullObject(true);
      used.load(['values', 'rowIndex', 'columnIndex', 'address']);
      await ctx.sync();
      expect([used.rowIndex, used.columnIndex, used.address]).toEqual([2, 1, 'S!B3:C4']);
      expect(used.values).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
    });
  });

  test.each([
    ['a'.repeat(32), /31/],
    ['A:B', /: \\/],
    ["'引号", /apostrophe/],
    ['sheet1', /already exists/],
  ])('sheet name %s is refused at sync', async (name, why) => {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    ).rejects.toThrow(why);
    fake.addSheet('Other');
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject('Other').name = name;
        await ctx.sync();
      }),
    ).rejects.toThrow(why);
  });

  test('runtime.enableEvents belongs to the add-in: it outlives the batch, and user edits are lost while it is off', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('S');
    const seen: string[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('S').onChanged.add((e) => {
        seen.push(e.address);
        return Promise.resolve();
      });
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    expect(fake.enableEvents).toBe(false);
    await fake.userEdit('S', 0, 0, [['typed']]);
    expect(seen).toEqual([]);
  });

  test('an Office.js library without notes has no notes proxy, whatever the host supports', async () => {
    const fake = new FakeWorkbook('1.18', { notesInLibrary: false });
    fake.addSheet('S');
    expect(fake.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    await run(fake, (ctx) => {
      expect(ctx.workbook.worksheets.getItemOrNullObject('S').notes).toBeUndefined();
      return Promise.resolve();
    });
  });

  test('whole-column ranges load null values; several selected areas make getSelectedRange fail', async () => {
    const fake = new FakeWorkbook();
    fake.load('S', [['a']]);
    fake.selection = { sheet: 'S', r: 0, c: 0, rows: 1048576, cols: 1 };
    await run(fake, async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
    fake.selection = { sheet: 'S', r: 0, c: 0, rows: 1, cols: 1, areas: 2 };
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.getSelectedRange().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidSelection' });
  });

  test('row and column inserts, and co-authors’ edits, arrive with their changeType and source', async () => {
    const fake = new FakeWorkbook();
    fake.load('S', [['a']]);
    const seen: string[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('S').onChanged.add((e) => {
        seen.push(`${e.changeType} ${e.source} ${e.address}`);
        return Promise.resolve();
      });
      await ctx.sync();
    });
    await fake.insertRows('S', 0, 2);
    await fake.insertColumns('S', 0);
    await fake.remoteEdit('S', 0, 0, [['x']]);
    expect(seen).toEqual(['RowInserted Local 1:2', 'ColumnInserted Local A:A', 'RangeEdited Remote A1']);
    expect(fake.display('S', 2, 1)).toBe('a');
  });

  test('a request over the payload limit is refused whole', async () => {
    const fake = new FakeWorkbook('1.18', { payloadLimit: 10000 });
    const s = fake.addSheet('S');
    await expect(
      run(fake, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject('S');
        for (let r = 0; r < 100; r++) sheet.getRangeByIndexes(r, 0, 1, 1).values = [['x'.repeat(20)]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(s.cells.size).toBe(0);
  });

  test('a host without DelayForCellEdit ignores the option and refuses the batch while a cell is edited', async () => {
    const fake = new FakeWorkbook('1.18', { delayForCellEdit: false });
    fake.addSheet('S');
    fake.beginCellEdit();
    await expect(fake.run({ delayForCellEdit: true }, () => Promise.resolve(1))).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    expect(fake.cellEditRefusals).toBe(1);
  });

  test('a handler is removed only through the context it was added in', async () => {
    const fake = new FakeWorkbook();
    const s = fake.addSheet('S');
    const added = await fake.run({ delayForCellEdit: true }, async (ctx) => {
      const h = ctx.workbook.worksheets.getItemOrNullObject('S').onChanged.add(() => Promise.resolve());
      await ctx.sync();
      return h;
    });
    added.remove();
    await run(fake, async (ctx) => ctx.sync());
    expect(s.handlers).toHaveLength(1);
    await fake.run(added.context, async (ctx) => ctx.sync());
    expect(s.handlers).toHaveLength(0);
  });

  test('API writes clear the undo stack; user edits add to it', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('S');
    await fake.userEdit('S', 0, 0, [['a']]);
    expect(fake.undoDepth).toBe(1);
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('S').getRange('B1').format.fill.color = '#FFEB9C';
      await ctx.sync();
    });
    expect(fake.undoDepth).toBe(0);
  });
});
