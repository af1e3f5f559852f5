/**
 * A learned template's own footnote may already state the conversion (「注：数据量按 1TB=1024GB 折算，
 * 保留两位小数。」): the summary then prints it once, not our 「注：数据量按 1TB=1024GB 换算。」 under it
 * as well. When the clerk builds with another base (1TB=1000GB), ours is printed so the sheet says
 * what was used.
 */
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';

const NOTE = '注：数据量按 1TB=1024GB 折算，保留两位小数。';

function notes(p: Profile, tb: 1024 | 1000): string[] {
  const s = planWorkbook(p, mergeSheets(p, []), { tb }).sheets[0];
  return s.cells
    .filter((c) => c.r > s.table!.lastDataRow && typeof c.v === 'string')
    .map((c) => c.v as string);
}

test('a footnote that already states the same base is the only conversion note', () => {
  const qh = getProfile('qinghai')!;
  const p: Profile = { ...qh, sheet: { ...qh.sheet, footnote: NOTE } };
  expect(notes(p, 1024)).toEqual([NOTE]);
});

test('a footnote with another base keeps ours, and a footnote without one keeps ours', () => {
  const qh = getProfile('qinghai')!;
  const p: Profile = { ...qh, sheet: { ...qh.sheet, footnote: NOTE } };
  expect(notes(p, 1000)).toEqual([NOTE, '注：数据量按 1TB=1000GB 换算。']);
  const q: Profile = { ...qh, sheet: { ...qh.sheet, footnote: '注：请加盖公章。' } };
  expect(notes(q, 1024)).toEqual(['注：请加盖公章。', '注：数据量按 1TB=1024GB 换算。']);
});
