/** Which lines above the header wrap, and how tall their rows grow (plan.ts wrapLongLines): only a
 *  meta line that has its row to itself, merged across the table, and needs two lines or more.
 *  Written against the survivors of the 2026-11-26 mutation re-run; every plan is built in the test. */
import { getProfile } from '../src/core/profiles';
import { mergeSheets } from '../src/core/merge';
import { displayWidth, planWorkbook } from '../src/core/plan';
import type { Profile } from '../src/core/profile';

const base = getProfile('qinghai')!;

function sheetWith(sheet: Partial<Profile['sheet']>) {
  const profile: Profile = { ...base, sheet: { ...base.sheet, ...sheet } };
  return planWorkbook(profile, mergeSheets(profile, []), { date: new Date(2026, 0, 2) }).sheets[0];
}

/** The display width one printed line of 12-pt text holds across the table. */
function perLine(colWidths: readonly number[]): number {
  return (colWidths.reduce((a, w) => a + w, 0) - 1) * (11 / 12);
}

test('a line just wider than two printed lines gets three lines of height', () => {
  const probe = sheetWith({ linesAbove: [['填报说明']] });
  const one = perLine(probe.colWidths);
  // The fewest 「字」 (two columns each) that no longer fit on two lines.
  const text = '字'.repeat(Math.floor((2 * one) / 2) + 1);
  expect(displayWidth(text)).toBeGreaterThan(2 * one);
  expect(displayWidth(text)).toBeLessThanOrEqual(2 * one + 2);
  const sheet = sheetWith({ linesAbove: [[text]] });
  expect(sheet.colWidths).toEqual(probe.colWidths);
  expect(sheet.cells.find((c) => c.r === 2 && c.c === 0)!.style).toBe('metaLine');
  expect(sheet.rowHeights[2]).toBe(Math.ceil(3 * 12 * 1.35 + 6));
});

test('a line that fits two printed lines exactly gets two lines of height', () => {
  const one = perLine(sheetWith({ linesAbove: [['填报说明']] }).colWidths);
  const text = '字'.repeat(Math.floor((2 * one) / 2));
  const sheet = sheetWith({ linesAbove: [[text]] });
  expect(sheet.cells.find((c) => c.r === 2 && c.c === 0)!.style).toBe('metaLine');
  expect(sheet.rowHeights[2]).toBe(Math.ceil(2 * 12 * 1.35 + 6));
});

test('a long first segment of a two-segment line is left as laid out (it shares its row)', () => {
  const long = '推荐单位：' + '某某市某某区某某行业主管部门数据资源管理中心'.repeat(30);
  const sheet = sheetWith({ linesAbove: [[long, '年　月　日']] });
  // Long enough to wrap, were it alone on its row.
  expect(displayWidth(long)).toBeGreaterThan(3 * perLine(sheet.colWidths));
  const first = sheet.cells.find((c) => c.r === 2 && c.c === 0)!;
  expect(first.v).toBe(long);
  expect(first.style).toBe('meta');
  expect(sheet.cells.find((c) => c.r === 2 && c.c > 0)!.style).toBe('metaRight');
  expect(sheet.rowHeights[2]).toBe(24);
});

test('a long title keeps its own style and height: only the lines above the header wrap', () => {
  const title = '关于组织开展' + '某某行业高质量数据集'.repeat(40) + '汇总表';
  const sheet = sheetWith({ title, linesAbove: [['推荐单位：（盖章）']] });
  expect(displayWidth(title)).toBeGreaterThan(3 * perLine(sheet.colWidths));
  const cell = sheet.cells.find((c) => c.r === 1 && c.c === 0)!;
  expect(cell.v).toContain('某某行业高质量数据集某某行业高质量数据集');
  expect(cell.style).toBe('title');
  expect(sheet.rowHeights[1]).toBe(40);
  expect(sheet.cells.find((c) => c.r === 2 && c.c === 0)!.style).toBe('meta');
  expect(sheet.rowHeights[2]).toBe(24);
});
