/** The change log points at the cell of a change in the format's first column too (上海's 项目名称,
 *  column B of the working list, where 序号 takes column A), as it does for every other column.
 *  Written against a mutant that survived the 2026-11-26 run over plan.ts (TESTING.md). */
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import { shanghaiProjectRow } from './helpers/messy';

test('a control character cleaned out of 上海’s 项目名称 is logged at the working list’s cell B4', () => {
  const sh = getProfile('shanghai')!;
  const row = shanghaiProjectRow();
  row[0] = '智能制造\u0001数据集';
  const merged = mergeSheets(sh, [
    { file: 'a.xlsx', sheet: '清单', rows: [sh.columns.map((c) => c.label), row] },
  ]);
  expect(sh.columns[0].label).toBe('项目名称');
  const plan = planWorkbook(sh, merged, { date: new Date(2026, 0, 2) });
  const log = plan.sheets.find((s) => s.role === 'changes')!;
  const rows = new Map<number, unknown[]>();
  for (const c of log.cells) (rows.get(c.r) ?? rows.set(c.r, []).get(c.r)!)[c.c] = c.v;
  const named = [...rows.values()].filter((r) => r[3] === '项目名称');
  expect(named).toHaveLength(1);
  expect(named[0].slice(1, 5)).toEqual(['工作清单', 'B4', '项目名称', '智能制造\u0001数据集']);
});
