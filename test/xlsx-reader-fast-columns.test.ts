/** The reader's one-match cells (xlsx-reader.ts FAST) past column Z, in a row that starts after
 *  column A, and a boolean written as 「true」: the same rows as SheetJS. Written against the
 *  mutants that survived the 2026-11-26 run over the fast branch (TESTING.md). */
import * as zlib from 'zlib';
import { readWorkbook } from '../src/io/read';
import { readXlsxFast } from '../src/io/xlsx-reader';
import { oneSheetXlsx as pack } from './helpers/one-sheet-xlsx';

test('cells in columns AA and AB, and a row that starts in column B: the same as SheetJS', async () => {
  const bytes = await pack(
    '<row r="1"><c r="A1"><v>1</v></c><c r="AA1"><v>27</v></c><c r="AB1"><v>28</v></c></row>' +
      '<row r="2"><c r="B2"><v>2</v></c></row>',
  );
  const fast = readXlsxFast('宽表.xlsx', bytes, (b) => zlib.inflateRawSync(b));
  expect(fast).not.toBeNull();
  expect(fast).toEqual(readWorkbook('宽表.xlsx', bytes));
  const rows = fast!.sheets[0].rows;
  expect(rows[0][26]).toBe(27);
  expect(rows[0][27]).toBe(28);
  expect(rows[1][0] ?? null).toBeNull();
  expect(rows[1][1]).toBe(2);
});

test('a boolean written as 「true」 reads as true, as SheetJS reads it', async () => {
  const bytes = await pack('<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>1</v></c></row>');
  const fast = readXlsxFast('是否.xlsx', bytes, (b) => zlib.inflateRawSync(b));
  expect(fast).toEqual(readWorkbook('是否.xlsx', bytes));
  expect(fast!.sheets[0].rows[0]).toEqual([true, true]);
});

test('a one-match row start resets the column: its cells without r begin at A, one after another', async () => {
  // Row 1's one-match cells leave the column at C; row 2 starts in one match and its cells carry no r.
  const bytes = await pack(
    '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>' +
      '<row r="2"><c><v>5</v></c><c><v>6</v></c></row>' +
      '<row r="4"><c><v>8</v></c></row>',
  );
  const fast = readXlsxFast('无位置.xlsx', bytes, (b) => zlib.inflateRawSync(b));
  expect(fast).not.toBeNull();
  expect(fast).toEqual(readWorkbook('无位置.xlsx', bytes));
  const rows = fast!.sheets[0].rows;
  expect(rows[1].slice(0, 2)).toEqual([5, 6]);
  expect(rows[3][0]).toBe(8);
});

test('an empty one-match cell (<c r="B1"></c>, <v></v>) is null, as SheetJS gives it', async () => {
  const bytes = await pack(
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1"></c><c r="C1"><v></v></c><c r="D1"><v>4</v></c></row>',
  );
  const fast = readXlsxFast('空格.xlsx', bytes, (b) => zlib.inflateRawSync(b));
  expect(fast).toEqual(readWorkbook('空格.xlsx', bytes));
  const row = fast!.sheets[0].rows[0];
  expect(row).toHaveLength(4);
  expect(row[1]).toBeNull();
  expect(row[2]).toBeNull();
});
