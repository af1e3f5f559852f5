/** 全部修正 on the fake Excel: applying the safe fixes twice is applying them once; notes, titles and
 *  approximations are kept; every change lands in 修改记录. */
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook, type SheetIssue } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';
import { getProfile, PROFILES } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';
import { fixValue, planFixes, pendingTense } from '../src/core/fixes';
import { SAMPLE_ROWS, SAMPLE_SHEET } from '../src/preview/sample';

const snapshot = (fake: FakeWorkbook, name: string) => {
  const s = fake.sheet(name);
  const e = s.extent();
  return Array.from({ length: e.rows }, (_, r) =>
    Array.from({ length: e.cols }, (_, c) => fake.display(name, r, c)),
  );
};

async function fixAll(wb: OfficeWorkbook, sheet: string, p: Profile): Promise<SheetIssue[]> {
  const r = await wb.checkSheet(sheet, p, 1024);
  await wb.applyFixes(r.issues.filter((i) => i.safe && fixValue(i) !== null));
  return (await wb.checkSheet(sheet, p, 1024)).issues;
}

/** A row a clerk might type for any format: units to convert, synonyms, a 序号 out of step. */
function messyRow(p: Profile, i: number): (string | number)[] {
  return p.columns.map((c) => {
    switch (c.type) {
      case 'seq':
        return i + 7;
      case 'vocab':
        return c.multi
          ? `${p.vocabularies[c.vocab!].items[0].label},${p.vocabularies[c.vocab!].items[1].label}`
          : p.vocabularies[c.vocab!].items[0].label;
      case 'quantity':
        return c.quantity!.kind === 'records'
          ? '3万条'
          : c.quantity!.kind === 'pairs'
            ? '图片1TB'
            : i === 0
              ? '约2TB'
              : '1.5TB';
      case 'contact':
        return '张三 13800000000 zhangsan@example.com';
      case 'models':
        return '/';
      default:
        return `值${i}`;
    }
  });
}

describe('全部修正 twice = 全部修正 once', () => {
  test.each(PROFILES.filter((p) => p.layout !== 'project').map((p) => p.id))('%s', async (id) => {
    const p = getProfile(id)!;
    const fake = new FakeWorkbook('1.18');
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(p, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: id }));
    const name = p.sheet.sheetName;
    const first = (await wb.checkSheet(name, p, 1024)).firstDataRow;
    [0, 1].forEach((i) =>
      messyRow(p, i).forEach((v, c) => fake.assign(fake.sheet(name).ensure(first + i, c), v)),
    );
    const before = snapshot(fake, name);
    await fixAll(wb, name, p);
    const once = snapshot(fake, name);
    expect(once).not.toEqual(before);
    await fixAll(wb, name, p);
    expect(snapshot(fake, name)).toEqual(once);
    // The notes under the table are untouched.
    const notes = before.map((r) => r[0]).filter((t) => /^注：|结构化数据以行/.test(t));
    for (const n of notes) expect(once.map((r) => r[0])).toContain(n);
  });

  test('the sample sheet: 数据量(TB) is converted once and its header becomes the format label', async () => {
    const fake = new FakeWorkbook('1.18');
    fake.load(SAMPLE_SHEET, SAMPLE_ROWS);
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    const qh = getProfile('qinghai')!;
    const r = await wb.checkSheet(SAMPLE_SHEET, qh, 1024);
    // One fix clicked alone converts the whole column with the header: never 2 → 2048 under 「TB」.
    await wb.applyFixes([r.issues.find((i) => i.address === 'E5' && i.code === 'quantity-converted')!]);
    expect(fake.display(SAMPLE_SHEET, 3, 4)).toBe('数据集数据量（GB）');
    expect([4, 5, 6].map((row) => fake.display(SAMPLE_SHEET, row, 4))).toEqual(['2048', '1024', '1536']);
    const once = snapshot(fake, SAMPLE_SHEET);
    await fixAll(wb, SAMPLE_SHEET, qh);
    const twice = snapshot(fake, SAMPLE_SHEET);
    await fixAll(wb, SAMPLE_SHEET, qh);
    expect(snapshot(fake, SAMPLE_SHEET)).toEqual(twice);
    expect(twice.map((row) => row[4])).toEqual(once.map((row) => row[4]));
    // Every change is in 修改记录: the header and the three cells, original → new.
    const log = snapshot(fake, '修改记录');
    expect(log[0]).toEqual(['序号', '工作表', '单元格', '列', '原值', '新值', '规则', '来源']);
    expect(log.find((row) => row[2] === 'E4')).toEqual(
      expect.arrayContaining(['数据量(TB)', '数据集数据量（GB）']),
    );
    expect(log.find((row) => row[2] === 'E5')).toEqual(expect.arrayContaining(['2', '2048']));
  });

  test('约2TB → 2048: the number is written, the approximate warning and the original stay', async () => {
    const fake = new FakeWorkbook('1.18');
    fake.load('来件', [
      [
        '序号',
        '数据集名称',
        '行业领域',
        '数据集模态',
        '数据集数据量（GB）',
        '已服务支撑人工智能大模型名称',
        '申报单位名称',
        '申报单位联系人及联系方式',
      ],
      [1, 'a', '工业制造', '文本', '约2TB', '无', '某公司', '张三 13800000000'],
    ]);
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    const qh = getProfile('qinghai')!;
    const after = await fixAll(wb, '来件', qh);
    // A number, as hqds build writes it: the GB column sums.
    expect(fake.sheet('来件').cell(1, 4)?.value).toBe(2048);
    expect(fake.sheet('来件').notes.get('1,4')).toContain('原填');
    expect(fake.sheet('来件').notes.get('1,4')).toContain('约2TB');
    expect(
      after.some(
        (i) => i.code === 'quantity-approximate' && i.address === 'E2' && i.message.includes('约2TB'),
      ),
    ).toBe(true);
    expect(after.filter((i) => i.safe && fixValue(i) !== null)).toEqual([]);
    const log = snapshot(fake, '修改记录');
    expect(log.find((row) => row[2] === 'E2')).toEqual(expect.arrayContaining(['约2TB', '2048']));
    // An edit elsewhere in the row keeps the warning; a new value in the cell ends it.
    fake.assign(fake.sheet('来件').ensure(1, 1), 'b');
    expect(
      (await wb.recheck('来件', 'B2'))!.some((i) => i.code === 'quantity-approximate' && i.address === 'E2'),
    ).toBe(true);
    fake.assign(fake.sheet('来件').ensure(1, 4), 3000);
    expect((await wb.recheck('来件', 'E2'))!.some((i) => i.code === 'quantity-approximate')).toBe(false);
    expect(
      (await wb.checkSheet('来件', qh, 1024)).issues.some((i) => i.code === 'quantity-approximate'),
    ).toBe(false);
  });

  test('换算整列 never touches the title, header or the notes', async () => {
    const p = getProfile('qinghai')!;
    const fake = new FakeWorkbook('1.18');
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(p, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
    const before = snapshot(fake, '汇总表');
    fake.assign(fake.sheet('汇总表').ensure(4, 4), '2TB');
    await wb.checkSheet('汇总表', p, 1024);
    await wb.convertCells('汇总表', 0, 5000, 4);
    const after = snapshot(fake, '汇总表');
    expect(after[4][4]).toBe('2048');
    expect(after.filter((_, r) => r !== 4)).toEqual(before.filter((_, r) => r !== 4));
  });
});

describe('fixes, pure', () => {
  test('one write per cell, and the tense of a pending fix', () => {
    const is = {
      sheet: 's',
      sheetRow: 4,
      sheetCol: 2,
      code: 'value-normalised',
      message: '「医疗卫生」…，本表写作「医疗健康」。',
      field: '行业领域',
      value: '医疗卫生',
      fix: '医疗健康',
    };
    const { writes, changes } = planFixes([is, { ...is, fix: '别的' }]);
    expect(writes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ cell: 'C5', from: '医疗卫生', to: '医疗健康' });
    expect(pendingTense('原填 「2」，已换算为 2048（GB）。')).toBe('原填 「2」，将换算为 2048（GB）。');
  });
});

describe('live rechecks respect the region', () => {
  /** Excel's 「插入行」: everything from row r down moves n rows, and onChanged fires for the new rows. */
  function insertRows(fake: FakeWorkbook, name: string, r: number, n: number) {
    const s = fake.sheet(name);
    const moved = new Map<string, typeof s.cells extends Map<string, infer V> ? V : never>();
    for (const [k, v] of s.cells) {
      const [row, c] = k.split(',').map(Number);
      moved.set(`${row >= r ? row + n : row},${c}`, v);
    }
    s.cells = moved;
    return fake.fire([
      { sheet: name, address: `A${r + 1}:I${r + n}`, source: 'Local', changeType: 'RowInserted' },
    ]);
  }

  test('typing into a note is not checked; rows inserted above the notes extend the table', async () => {
    const p = getProfile('qinghai')!;
    const fake = new FakeWorkbook('1.18');
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(p, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
    const r = await wb.checkSheet('汇总表', p, 1024);
    expect(r.issues).toEqual([]);
    await wb.watch('汇总表');
    const seen: SheetIssue[][] = [];
    wb.onRecheck((x) => seen.push(x.issues));
    const noteRow = snapshot(fake, '汇总表').findIndex((row) => row[0].startsWith('注：'));
    // The note row edited (a clerk clicks into it and presses Enter): not a dataset, no issues.
    await fake.userEdit('汇总表', noteRow, 0, [[fake.display('汇总表', noteRow, 0)]]);
    expect(seen.flat()).toEqual([]);
    // Two rows inserted just above the notes, then a row typed into one of them: checked as an entry.
    await insertRows(fake, '汇总表', noteRow, 2);
    await fake.userEdit('汇总表', noteRow + 1, 1, [['新数据集']]);
    expect(seen.flat().some((i) => i.sheetRow === noteRow + 1 && i.code === 'required')).toBe(true);
    // The note, now two rows lower, is still left alone.
    seen.length = 0;
    await fake.userEdit('汇总表', noteRow + 2, 0, [[fake.display('汇总表', noteRow + 2, 0)]]);
    expect(seen.flat()).toEqual([]);
    expect(fake.display('汇总表', noteRow + 2, 0)).toMatch(/^注：/);
  });

  test('a template row with only 序号 is no entry when rechecked', async () => {
    const p = getProfile('qinghai')!;
    const fake = new FakeWorkbook('1.18');
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(p, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
    await wb.checkSheet('汇总表', p, 1024);
    const issues = await wb.recheck('汇总表', 'A5');
    expect(issues).toEqual([]);
    fake.assign(fake.sheet('汇总表').ensure(5, 0), 2);
    expect(await wb.recheck('汇总表', 'A6')).toEqual([]);
  });
});

test('the picker never fills a note: a selection below the table has no column', async () => {
  const p = getProfile('qinghai')!;
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(p, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
  await wb.checkSheet('汇总表', p, 1024);
  const noteRow = snapshot(fake, '汇总表').findIndex((row) => row[0].startsWith('注：'));
  fake.selection = { sheet: '汇总表', r: noteRow, c: 2, rows: 1, cols: 1 };
  expect(await wb.selection()).toMatchObject({ key: null, outside: true });
  fake.selection = { sheet: '汇总表', r: 4, c: 2, rows: 1, cols: 1 };
  expect(await wb.selection()).toMatchObject({ key: 'domain', outside: false });
});
