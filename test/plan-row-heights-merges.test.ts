/** Row heights around merged cells (plan.ts fitRowHeights): a label merged down shares its height
 *  among its rows, a block merged over rows and columns is left alone (its width and height are
 *  not estimated), text hidden under a merge raises nothing, a merge elsewhere in a row does not
 *  stop the row's own wrapped cells from raising it, and a short text that starts with a line
 *  break still takes two lines. Written against the mutants that survived the 2026-11-26 run
 *  over this session's plan.ts changes (TESTING.md). */
import { DEFAULT_SETTINGS, fitRowHeights, styles, type PlanCell, type SheetPlan } from '../src/core/plan';

// 20 CJK characters are 40 units wide: in a column of 11 at 10.5 pt ((11 − 1) × 11 / 10.5 ≈ 10.5
// units a line) they take 4 lines.
const LONG = '数'.repeat(20);
const height = (lines: number) => Math.ceil(lines * 10.5 * 1.35 + 6);

function sheetOf(cells: PlanCell[], merges: SheetPlan['merges']): SheetPlan {
  return {
    name: 'x',
    role: 'summary',
    cells,
    merges,
    colWidths: [11, 11, 11, 11],
    rowHeights: {},
    validations: [],
    textColumns: [],
  };
}

test('a label merged down two rows shares its four lines between them', () => {
  const sheet = sheetOf(
    [
      { r: 1, c: 0, v: LONG, style: 'header' },
      { r: 2, c: 1, v: '短', style: 'header' },
    ],
    [{ r1: 1, c1: 0, r2: 2, c2: 0 }],
  );
  fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
  const each = Math.ceil(height(4) / 2);
  expect(each).toBeGreaterThan(height(1));
  expect(sheet.rowHeights).toEqual({ 1: each, 2: each });
});

test('a block merged over two rows and two columns is left alone, a note as well as a value', () => {
  for (const style of ['text', 'note']) {
    const sheet = sheetOf([{ r: 0, c: 0, v: LONG, style }], [{ r1: 0, c1: 0, r2: 1, c2: 1 }]);
    fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
    expect(sheet.rowHeights).toEqual({});
  }
});

test('a merge at the start of a row does not keep the row’s own wrapped cell from raising it', () => {
  const sheet = sheetOf(
    [
      { r: 0, c: 0, v: '标题', style: 'text' },
      { r: 0, c: 3, v: LONG, style: 'text' },
    ],
    [{ r1: 0, c1: 0, r2: 0, c2: 1 }],
  );
  fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
  expect(sheet.rowHeights).toEqual({ 0: height(4) });
});

test('a data row past row 16,384 is not taken for a cell of the title merged above it', () => {
  // The title merged across row 1; the long value sits in column A of sheet row 16,386.
  const sheet = sheetOf(
    [
      { r: 1, c: 0, v: '标题', style: 'text' },
      { r: 16385, c: 0, v: LONG, style: 'text' },
    ],
    [{ r1: 1, c1: 0, r2: 1, c2: 3 }],
  );
  fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
  expect(sheet.rowHeights).toEqual({ 16385: height(4) });
});

test('text under the last cell of a merge (hidden by Excel) raises no row', () => {
  const sheet = sheetOf(
    [
      { r: 0, c: 0, v: '短', style: 'text' },
      { r: 0, c: 1, v: LONG, style: 'text' },
      { r: 1, c: 2, v: LONG, style: 'text' },
    ],
    [
      { r1: 0, c1: 0, r2: 0, c2: 1 },
      { r1: 1, c1: 1, r2: 1, c2: 2 },
    ],
  );
  fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
  expect(sheet.rowHeights).toEqual({});
});

test('a short text that starts with a line break takes two lines', () => {
  const sheet = sheetOf(
    [
      { r: 0, c: 0, v: '\n短', style: 'text' },
      { r: 1, c: 0, v: '短\n', style: 'text' },
      { r: 2, c: 0, v: '短', style: 'text' },
    ],
    [],
  );
  fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
  expect(sheet.rowHeights).toEqual({ 0: height(2), 1: height(2), 2: height(1) });
});
