/** The reader's one-match forms (xlsx-reader.ts FAST) give what the tag scanner and SheetJS give,
 *  mixed in one sheet with every form that must go the long way, and hand to SheetJS what the
 *  scanner hands it. */
import * as zlib from 'zlib';
import { readWorkbook } from '../src/io/read';
import { readXlsxFast } from '../src/io/xlsx-reader';
import { oneSheetXlsx } from './helpers/one-sheet-xlsx';

const inflateRaw = (b: Uint8Array) => zlib.inflateRawSync(b);
/** One sheet with these cells, these shared strings and styles of these numFmtIds. */
const pack = (sheetData: string, strings: string[], numFmts: number[] = [0]) =>
  oneSheetXlsx(sheetData, { strings, numFmts });

test('one-match cells mixed with every form the scanner reads: the same rows as SheetJS', async () => {
  const data =
    // The forms read in one match: r, s and t in order; shared, number, str, boolean; self-closed; no <v>.
    '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
    '<c r="C1" s="0"><v>12.5</v></c><c r="D1" t="n"><v>-3</v></c><c r="E1" t="str"><v>a &amp; b</v></c><c r="F1" t="b"><v>0</v></c></row>' +
    '<row r="2"><c r="A2" s="1"/><c r="B2" s="1"></c><c r="C2"><v></v></c><c r="D2" t="str"><v></v></c><c r="E2" t="b"><v>1</v></c></row>' +
    // The long way: a hidden row, a formula, an inline string, an error, a $ reference,
    // a <v> with an attribute, attributes in another order, a cell without r after one-match cells.
    '<row r="3" hidden="1"><c r="A3" t="s"><v>2</v></c></row>' +
    '<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="inlineStr"><is><t>内联</t></is></c><c r="C4" t="e"><v>#DIV/0!</v></c>' +
    '<c r="$E$4"><v>8</v></c><c r="F4"><v xml:space="preserve">9</v></c><c t="s" r="G4"><v>0</v></c><c><v>10</v></c></row>' +
    // A row without r, then one with spaces around =, then a one-match row again.
    '<row><c r="A5" t="s"><v>1</v></c></row><row r = "6"><c r="A6"><v>6</v></c></row>' +
    '<row r="7"><c r="A7" s="1" t="s"><v>2</v></c><c r="C7"><v>1E3</v></c></row>';
  const bytes = await pack(data, ['序号', '数据集名称', '隐藏行'], [0, 49]);
  const fast = readXlsxFast('手写.xlsx', bytes, inflateRaw);
  expect(fast).not.toBeNull();
  expect(fast).toEqual(readWorkbook('手写.xlsx', bytes));
  const rows = fast!.sheets[0].rows;
  expect(rows[0]).toEqual(['序号', '数据集名称', 12.5, -3, 'a & b', false]);
  expect(rows[1]).toEqual([null, null, null, '', true]);
  expect(rows[6]).toEqual(['隐藏行', null, 1000]);
  expect(fast!.notes?.map((n) => n.row)).toEqual([3]);
});

test('what the scanner sends to SheetJS, the one-match forms send too: a missing shared string, a date, a number that is not one', async () => {
  // Style 1 is a date format (numFmtId 14): its numbers become dates, SheetJS's way.
  for (const cell of [
    '<c r="A1" t="s"><v>5</v></c>',
    '<c r="A1" s="1"><v>45000</v></c>',
    '<c r="A1"><v>abc</v></c>',
  ]) {
    const bytes = await pack(`<row r="1">${cell}</row>`, ['甲'], [0, 14]);
    expect(readXlsxFast('来件.xlsx', bytes, inflateRaw)).toBeNull();
  }
  // The same cells the long way (attributes in another order) are sent to SheetJS as well.
  for (const cell of ['<c t="s" r="A1"><v>5</v></c>', '<c s="1" r="A1"><v>45000</v></c>']) {
    const bytes = await pack(`<row r="1">${cell}</row>`, ['甲'], [0, 14]);
    expect(readXlsxFast('来件.xlsx', bytes, inflateRaw)).toBeNull();
  }
});
