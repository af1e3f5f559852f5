/** A cell or row placed past Excel's grid (1,048,576 rows, 16,384 columns) is no file a spreadsheet
 *  program wrote: a 2 KB file with <row r="9999999"> made hqds build ten million empty rows (6.7 s,
 *  2.4 GB). The reader refuses it, names the sheet and the place, and says what to do; the grid's
 *  last cell itself still reads. */
import * as zlib from 'zlib';
import { readFile, readWorkbook, ReadError } from '../src/io/read';
import { oneSheetXlsx as pack } from './helpers/one-sheet-xlsx';

const inflateRaw = (b: Uint8Array) => zlib.inflateRawSync(b);
/** As hqds streams a large sheet (src/cli/commands.ts). */
function inflateRawStream(data: Uint8Array): AsyncIterable<Uint8Array> {
  const z = zlib.createInflateRaw({ chunkSize: 64 << 10 });
  z.end(data);
  return z;
}

const first = '<row r="1"><c r="A1" t="str"><v>序号</v></c></row>';

test.each([
  [
    'a row number past the last row',
    `${first}<row r="9999999"><c r="A9999999"><v>1</v></c></row>`,
    '第 9999999 行',
  ],
  [
    'a cell past the last row, in a row without r',
    `${first}<row><c r="B1048577"><v>1</v></c></row>`,
    '第 1048577 行',
  ],
  ['a column past XFD', `${first}<row r="2"><c r="XFE2"><v>1</v></c></row>`, '第 16385 列'],
  [
    'the long way (attributes in another order)',
    `${first}<row r="2"><c t="str" r="A2000000"><v>x</v></c></row>`,
    '第 2000000 行',
  ],
  [
    'a row the long way (hidden)',
    `${first}<row r="1048577" hidden="1"><c r="A3"><v>1</v></c></row>`,
    '第 1048577 行',
  ],
])('%s: refused with the sheet and the place, both readers', async (_, data, where) => {
  const bytes = await pack(data);
  const message = `读不了「来件.xlsx」：工作表「汇总表」的${where}超出了 Excel 的范围（最多 1,048,576 行、16,384 列），不是 Excel 或 WPS 存出的样子，文件可能已损坏或被改动过。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`;
  expect(() => readWorkbook('来件.xlsx', bytes, { inflateRaw })).toThrow(new ReadError('来件.xlsx', message));
  await expect(readFile('来件.xlsx', bytes, { inflateRaw, inflateRawStream })).rejects.toThrow(message);
});

test('the grid’s last cell, XFD1048576, still reads', async () => {
  const bytes = await pack(`${first}<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>`);
  const wb = readWorkbook('来件.xlsx', bytes, { inflateRaw });
  const rows = wb.sheets[0].rows;
  expect(rows[0][0]).toBe('序号');
  expect(rows[1048575][16383]).toBe(7);
});
