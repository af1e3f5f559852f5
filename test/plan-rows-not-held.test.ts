/** The summary's data rows, the issues list and the change log are generated from the merge result
 *  when read (plan.ts lazyCells), not held as one PlanCell object per cell (3.8 million objects,
 *  about 290 MB, at 100,000 rows: BENCHMARKS.md 「Memory of a build」). The file writer must walk
 *  them without building any sheet's cell array, and write exactly what the built array gives. */
import { mergeSheets } from '../src/core/merge';
import { planCells, planWorkbook, type PlanCell, type SheetPlan } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import { writeWorkbook } from '../src/io/xlsx-writer';

const ROWS = 2000;

function received(): (string | number)[][] {
  const header = [
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据量(TB)',
    '已服务支撑人工智能大模型名称',
    '申报单位名称',
    '联系人及联系方式',
  ];
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < ROWS; i++)
    rows.push([
      i + 1,
      `数据集${i}`,
      ['医疗卫生', '工业制造', '不存在的领域'][i % 3],
      ['文本', '图片、文字', '视频'][i % 3],
      [2, '1.5', '约3'][i % 3],
      i % 5 ? '无' : 'A模型',
      `单位${i}`,
      i % 4 ? '张三 13800000000' : '=SUM(A1)',
    ]);
  return rows;
}

/** The plan of the received rows; holdRowsUpTo 0 keeps every generated sheet generated, as a
 *  large build's are (by default a build this small holds them). */
function planOf(holdRowsUpTo = 0) {
  const qh = getProfile('qinghai')!;
  const merged = mergeSheets(qh, [{ file: '来件.xlsx', sheet: 'Sheet1', rows: received() }], { tb: 1024 });
  return { merged, plan: planWorkbook(qh, merged, { date: new Date(2026, 0, 2), holdRowsUpTo }) };
}

/** Counts reads of sheet.cells from now on (the array a read would build). */
function countCellsReads(sheet: SheetPlan): { reads: number } {
  const counter = { reads: 0 };
  const d = Object.getOwnPropertyDescriptor(sheet, 'cells')!;
  Object.defineProperty(sheet, 'cells', {
    ...d,
    ...(d.get
      ? {
          get() {
            counter.reads++;
            return d.get!.call(sheet);
          },
        }
      : {}),
  });
  return counter;
}

test('the writer builds no sheet cell array of a 2,000-row build, and writes what the arrays give byte for byte', async () => {
  const { merged, plan } = planOf();
  // The rows really are large and flagged: issues, changes and notes all in play.
  expect(merged.entries).toHaveLength(ROWS);
  expect(merged.issues.length).toBeGreaterThan(ROWS / 2);
  expect(merged.changes.length).toBeGreaterThan(ROWS / 2);
  const generated = plan.sheets.filter((s) => Object.getOwnPropertyDescriptor(s, 'cells')?.get !== undefined);
  expect(generated.map((s) => s.role)).toEqual(['summary', 'issues', 'changes']);
  const counters = plan.sheets.map(countCellsReads);
  const now = new Date(Date.UTC(2026, 0, 2));
  const streamed = await writeWorkbook(plan, { now });
  expect(counters.map((c) => c.reads)).toEqual(plan.sheets.map(() => 0));

  // The same plan with every sheet's cells as a plain array, as the add-in's adapter reads them.
  const held = {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, cells: [...s.cells] })),
  };
  expect(held.sheets[0].cells.length).toBeGreaterThan(ROWS * 8);
  expect(Buffer.compare(await writeWorkbook(held, { now }), streamed)).toBe(0);
});

test('reading cells gives the generated cells once, as a stable array that can be changed', () => {
  const { plan } = planOf();
  const summary = plan.sheets[0];
  const walked: PlanCell[] = [...planCells(summary)];
  const cells = summary.cells;
  expect(cells).toEqual(walked);
  // Built once: the same array on every read, and from then on planCells walks that array.
  expect(summary.cells).toBe(cells);
  cells.push({ r: 99999, c: 0, v: '追加', style: 'text' });
  expect([...planCells(summary)].at(-1)?.v).toBe('追加');
  // Through JSON (as a plan is stored or compared), the cells are there like any other field.
  const json = JSON.parse(JSON.stringify(summary)) as SheetPlan;
  expect(json.cells).toHaveLength(cells.length);
  expect(Object.keys(json).indexOf('cells')).toBe(2);
});

test('a small build makes its generated rows once and keeps them; the file is the same byte for byte', async () => {
  const { merged, plan: generated } = planOf();
  const items = merged.entries.length + merged.issues.length + merged.changes.length;
  const now = new Date(Date.UTC(2026, 0, 2));
  for (const limit of [items, 20000]) {
    const { plan } = planOf(limit);
    // Held: every sheet walks an array now; none generates its rows again.
    expect(plan.sheets.map((s) => Array.isArray(planCells(s)))).toEqual(plan.sheets.map(() => true));
    expect(JSON.stringify(plan)).toBe(JSON.stringify(generated));
    expect(Buffer.compare(await writeWorkbook(plan, { now }), await writeWorkbook(generated, { now }))).toBe(
      0,
    );
  }
  // One item more than the limit: generated.
  const { plan } = planOf(items - 1);
  expect(plan.sheets.map((s) => Array.isArray(planCells(s)))).toEqual([false, false, false, true]);
});
