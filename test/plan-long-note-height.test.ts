/**
 * A learned template's long footnote (a 填表说明 with every option spelt out) is one cell merged
 * across the table: its row must be tall enough for the wrapped text, or the printout cuts it off at
 * the table's right edge (neither Excel nor LibreOffice grows a row for wrapped text in a file it opens).
 */
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';

const LONG =
  '填表说明：1.行业领域：工业制造、现代农业、商贸流通、交通运输、金融服务、科技创新、文化旅游、医疗健康、其他。2.申报类型：新建、存量提升。3.数据来源可多选：政务数据、企业数据、互联网公开数据。4.联系人请写明姓名和手机号码，并加盖单位公章后报送。';

function noteRow(p: Profile, text: string) {
  const s = planWorkbook(p, mergeSheets(p, [])).sheets[0];
  const cell = s.cells.find((c) => c.v === text)!;
  const width = s.merges
    .filter((m) => m.r1 === cell.r && m.c1 === cell.c)
    .map((m) => Array.from({ length: m.c2 - m.c1 + 1 }, (_, i) => s.colWidths[m.c1 + i] ?? 8.43))
    .flat()
    .reduce((a, b) => a + b, 0);
  return { height: s.rowHeights[cell.r], width };
}

test('a footnote longer than the table is wide gets a row tall enough for its lines', () => {
  const qh = getProfile('qinghai')!;
  const p: Profile = { ...qh, sheet: { ...qh.sheet, footnote: LONG } };
  const { height, width } = noteRow(p, LONG);
  // At 10.5 pt about (width - 1) × 11 / 10.5 half-width places a line, two per Chinese character.
  const lines = Math.ceil((LONG.length * 2) / ((width - 1) * (11 / 10.5)));
  expect(lines).toBeGreaterThan(1);
  expect(height).toBeGreaterThanOrEqual(Math.floor(lines * 10.5 * 1.35));
});

test('a short footnote keeps the default height', () => {
  const qh = getProfile('qinghai')!;
  const p: Profile = { ...qh, sheet: { ...qh.sheet, footnote: '注：请加盖公章。' } };
  expect(noteRow(p, '注：请加盖公章。').height).toBeUndefined();
});
