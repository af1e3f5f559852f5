/** A line above the header wider than the table wraps within the table and its row grows: merged
 *  across the table and unwrapped, it would print clipped at the table's right edge. */
import { getProfile } from '../src/core/profiles';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import type { Profile } from '../src/core/profile';

const base = getProfile('qinghai')!;
const long =
  '填报说明：本表由推荐单位统一填写，数据集名称须与申报书一致，数据量以 GB 为单位并保留两位小数，联系人须为申报单位在职人员，所有栏目均须填写完整，不得空缺，逾期不予受理。';

function planWith(linesAbove: Profile['sheet']['linesAbove']) {
  const profile: Profile = { ...base, sheet: { ...base.sheet, linesAbove } };
  return planWorkbook(profile, mergeSheets(profile, []), { date: new Date(2026, 0, 2) });
}

test('a long one-segment line wraps, and its row is tall enough for its lines', () => {
  const plan = planWith([[long], ['推荐单位：（盖章）', '年　月　日']]);
  const sheet = plan.sheets[0];
  const cell = sheet.cells.find((c) => c.r === 2 && c.c === 0)!;
  expect(cell.v).toBe(long);
  expect(cell.style).toBe('metaLine');
  expect(plan.styles.metaLine.align).toMatchObject({ h: 'left', wrap: true });
  const width = sheet.colWidths.reduce((a, w) => a + w, 0);
  // 12-pt text in the table's width: at least two lines, each ≈ 12 × 1.35 pt.
  const lines = Math.ceil(((long.length * 2) / (width - 1)) * (12 / 11));
  expect(lines).toBeGreaterThanOrEqual(2);
  expect(sheet.rowHeights[2]).toBe(Math.ceil(lines * 12 * 1.35 + 6));
  // The two-segment line below is left as it was.
  expect(sheet.cells.find((c) => c.r === 3 && c.c === 0)!.style).toBe('meta');
  expect(sheet.rowHeights[3]).toBe(24);
});

test('a short line keeps its one-line height and unwrapped style', () => {
  const sheet = planWith([['推荐单位：（盖章）']]).sheets[0];
  expect(sheet.cells.find((c) => c.r === 2 && c.c === 0)!.style).toBe('meta');
  expect(sheet.rowHeights[2]).toBe(24);
});
