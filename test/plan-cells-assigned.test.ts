/** A generated sheet's cells (plan.ts lazyCells) can be replaced by assignment, as a plain sheet's
 *  can: reading them and walking them (planCells, the file writer's way) both give the new array. */
import { mergeSheets } from '../src/core/merge';
import { planCells, planWorkbook, type PlanCell } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';

test('cells assigned to a generated sheet replace the generated rows for every reader', () => {
  const qh = getProfile('qinghai')!;
  const labels = qh.columns.map((c) => c.label);
  const rows = [labels, labels.map((l, i) => (i === 0 ? 1 : `${l}值`))];
  const merged = mergeSheets(qh, [{ file: 'a.xlsx', sheet: '汇总表', rows }]);
  // holdRowsUpTo 0: the rows stay generated, as a large build's do.
  const plan = planWorkbook(qh, merged, { date: new Date(2026, 0, 2), holdRowsUpTo: 0 });
  const summary = plan.sheets[0];
  const mine: PlanCell[] = [{ r: 0, c: 0, v: '只此一格', style: 'text' }];
  summary.cells = mine;
  expect(summary.cells).toBe(mine);
  expect([...planCells(summary)]).toEqual(mine);
});
