/** A sheet whose XML is larger than one piece (xlsx-reader.ts decodes a sheet's text a piece of
 *  whole rows at a time) reads exactly as SheetJS reads it: no row, cell, merge or hidden column
 *  lost or doubled at a cut, with a namespace prefix on the tags too, and the inflater is told the
 *  part's size. */
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { readWorkbook } from '../src/io/read';
import { readXlsxFast, readXlsxFastStreamed } from '../src/io/xlsx-reader';
import { writeWorkbook } from '../src/io/xlsx-writer';
import type { PlanCell } from '../src/core/plan';

const ROWS = 12000; // about 2.4 MB of sheet XML (the strings apart): three pieces

async function big(rows = ROWS): Promise<Uint8Array> {
  const cells: PlanCell[] = [];
  for (let r = 0; r < rows; r++) {
    const values = [
      r + 1,
      `数据集${r}：含中文与 & < > 符号`,
      r % 3 ? 1.5 : '约3',
      '张三 13800000000',
      'x'.repeat(r % 40),
    ];
    values.forEach((v, c) => cells.push({ r, c, v, style: 'plain' }));
  }
  const plan = {
    styles: { plain: {} },
    sheets: [
      {
        name: '汇总表',
        role: 'summary' as const,
        cells,
        merges: [{ r1: rows - 2, c1: 4, r2: rows - 1, c2: 4 }],
        colWidths: [],
        rowHeights: {},
        validations: [],
        textColumns: [],
      },
    ],
  };
  return new Uint8Array(await writeWorkbook(plan));
}

/** The same package with every tag of the sheet prefixed (x:row, x:c, x:v …), as some writers do. */
async function prefixed(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const out = xml
    .replace(
      /<worksheet\b/,
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    )
    .replace(/<\/worksheet>/, '</x:worksheet>')
    .replace(/<(\/?)(?!x:|\?)([A-Za-z]+)/g, (_, slash: string, tag: string) =>
      tag === 'worksheet' ? `<${slash}${tag}` : `<${slash}x:${tag}`,
    );
  zip.file('xl/worksheets/sheet1.xml', out);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

test('a sheet of several pieces: the same rows, values and merges as SheetJS', async () => {
  const bytes = await big();
  const sizes: (number | undefined)[] = [];
  const inflate = (b: Uint8Array, o?: { chunkSize?: number }) => {
    sizes.push(o?.chunkSize);
    return zlib.inflateRawSync(b, o);
  };
  const fast = readXlsxFast('big.xlsx', bytes, inflate);
  const sheetjs = readWorkbook('big.xlsx', bytes);
  expect(fast).not.toBeNull();
  expect(fast!.sheets[0].rows).toHaveLength(ROWS);
  expect(fast).toEqual(sheetjs);
  // Each part inflated into one buffer of its declared size, plus one.
  expect(Math.max(...sizes.map(Number))).toBeGreaterThan(2 << 20);
});

test('prefixed tags (x:row) are cut at their rows as well', async () => {
  const bytes = await prefixed(await big());
  const fast = readXlsxFast('p.xlsx', bytes, (b, o) => zlib.inflateRawSync(b, o));
  expect(fast).not.toBeNull();
  expect(fast!.sheets[0].rows).toHaveLength(ROWS);
  expect(fast).toEqual(readWorkbook('p.xlsx', bytes));
});

test('a sheet inflated as a stream (over 4 MB) reads as the same sheet inflated at once', async () => {
  const bytes = await big(30000);
  const inflate = (b: Uint8Array, o?: { chunkSize?: number }) => zlib.inflateRawSync(b, o);
  let chunks = 0;
  const stream = (b: Uint8Array) => {
    const z = zlib.createInflateRaw({ chunkSize: 16 << 10 });
    z.on('data', () => chunks++);
    z.end(b);
    return z;
  };
  const streamed = await readXlsxFastStreamed('s.xlsx', bytes, inflate, stream);
  expect(chunks).toBeGreaterThan(256); // over 4 MB, in 16 KB chunks
  expect(streamed).not.toBeNull();
  expect(streamed!.sheets[0].rows).toHaveLength(30000);
  expect(streamed).toEqual(readXlsxFast('s.xlsx', bytes, inflate));
  // A small sheet does not start a stream.
  chunks = 0;
  expect(await readXlsxFastStreamed('b.xlsx', await big(100), inflate, stream)).toEqual(
    readXlsxFast('b.xlsx', await big(100), inflate),
  );
  expect(chunks).toBe(0);
});
