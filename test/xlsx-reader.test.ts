/** The fast .xlsx path gives exactly what SheetJS gives (same rows, values, merges) on every kind of
 *  received file we make, and hands to SheetJS what it does not handle (dates). */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../src/io/read';
import { readXlsxFast } from '../src/io/xlsx-reader';
import { writeWorkbook } from '../src/io/xlsx-writer';
import { styles, DEFAULT_SETTINGS, type PlanCell } from '../src/core/plan';
import { qinghaiFormXlsx, qinghaiMessyXlsx, shanghaiRowsXlsx, tmpDir } from './helpers/messy';
import { which } from './helpers/tools';

const dir = tmpDir();
const f = (n: string) => path.join(dir, n);
const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));
const inflateRaw = (b: Uint8Array) => zlib.inflateRawSync(b);

/** Both readers on one file: the fast path must answer, and answer as SheetJS does. */
function same(file: string) {
  const fast = readXlsxFast(path.basename(file), bytes(file), inflateRaw);
  const sheetjs = readWorkbook(path.basename(file), bytes(file));
  expect(fast).not.toBeNull();
  expect(fast).toEqual(sheetjs);
  return fast!;
}

test('messy received summaries and 附件1 forms (ExcelJS-written): the same as SheetJS', async () => {
  await qinghaiMessyXlsx(f('qh.xlsx'));
  await qinghaiFormXlsx(f('form.xlsx'));
  await shanghaiRowsXlsx(
    f('sh.xlsx'),
    [
      ['项目', 1, '=A1'],
      ['', 2.5, '@x'],
    ],
    ['项目名称', '拟投入资金（万元）', '备注'],
  );
  const qh = same(f('qh.xlsx'));
  // merged G7:G8 copied down; the formula's cached result kept
  expect(qh.sheets[0].rows[7][6]).toBe(qh.sheets[0].rows[6][6]);
  same(f('form.xlsx'));
  same(f('sh.xlsx'));
});

test('what ExcelJS can put in a cell: rich text, booleans, errors, formulas with and without results, sparse rows, hidden sheets', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.getCell('A1').value = {
    richText: [{ text: '粗体', font: { bold: true } }, { text: '与普通 & <符号>' }],
  };
  ws.getCell('B1').value = true;
  ws.getCell('C1').value = false;
  ws.getCell('D1').value = { error: '#DIV/0!' };
  ws.getCell('E1').value = { formula: 'A1&"x"', result: '粗体x' };
  ws.getCell('F1').value = { formula: '1/0', result: { error: '#N/A' } };
  ws.getCell('G1').value = { formula: 'SUM(1,2)' };
  ws.getCell('H1').value = '';
  ws.getCell('A4').value = -0.000123;
  ws.getCell('C4').value = 1e21;
  ws.getCell('B7').value = '  前后空格\n第二行  ';
  ws.getCell('Z9').value = '_x0041_ 字面';
  ws.mergeCells('A10:C11');
  ws.getCell('A10').value = '合并';
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('A1').value = 1;
  wb.addWorksheet('空表');
  await wb.xlsx.writeFile(f('kinds.xlsx'));
  const r = same(f('kinds.xlsx'));
  expect(r.sheets.map((s) => s.name)).toEqual(['数据', '隐藏', '空表']);
  expect(r.sheets[0].rows[0][0]).toBe('粗体与普通 & <符号>');
});

test("our own writer's output (shared strings, control characters, notes) reads back the same both ways", async () => {
  const cells: PlanCell[] = [
    { r: 0, c: 0, v: '=SUM(A1)', style: 'text' },
    { r: 0, c: 1, v: 'a\u0001b', style: 'text', note: '提示：x' },
    { r: 0, c: 2, v: '_x0041_', style: 'text' },
    { r: 2, c: 1, v: 3.25, style: 'number' },
  ];
  fs.writeFileSync(
    f('ours.xlsx'),
    await writeWorkbook({
      styles: styles(DEFAULT_SETTINGS),
      sheets: [
        {
          name: '汇总表',
          role: 'summary',
          cells,
          merges: [],
          colWidths: [],
          rowHeights: {},
          validations: [],
          textColumns: [],
        },
      ],
    }),
  );
  const r = same(f('ours.xlsx'));
  expect(r.sheets[0].rows[0]).toEqual(['=SUM(A1)', 'a\u0001b', '_x0041_']);
});

const PYTHON = which('python3');
const OPENPYXL = !!PYTHON && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
(OPENPYXL ? test : test.skip)(
  'an openpyxl-written workbook (inline-free, its own namespaces and styles) reads the same',
  () => {
    const script = `
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "来件"
ws.append(["序号", "数据集名称", "数据量"]); ws.append([1, "牦牛", 2.5]); ws.append([2, "=A1", None]); ws["E9"] = "远处"
ws.merge_cells("A5:B6"); ws["A5"] = "合并"
wb.save(sys.argv[1])`;
    const r = spawnSync(PYTHON!, ['-c', script, f('opx.xlsx')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    same(f('opx.xlsx'));
  },
);

test('dates and what it does not know go to SheetJS (null), and readWorkbook still reads them', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日期');
  ws.getCell('A1').value = '申报日期';
  ws.getCell('A2').value = new Date(Date.UTC(2025, 10, 1));
  await wb.xlsx.writeFile(f('date.xlsx'));
  expect(readXlsxFast('date.xlsx', bytes(f('date.xlsx')), inflateRaw)).toBeNull();
  const r = readWorkbook('date.xlsx', bytes(f('date.xlsx')));
  expect(r.sheets[0].rows[1][0]).toBeInstanceOf(Date);
  expect(
    readXlsxFast('junk.xlsx', new Uint8Array(Buffer.from('PK\u0003\u0004 not a zip')), inflateRaw),
  ).toBeNull();
});

test('hand-written sheet XML: prefixed tags, quotes and spaces in attributes, tags that begin like <c, hidden columns and merges around the cells: the same as SheetJS', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:sheets><x:sheet name="表 &amp; 一" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0"?><x:sst xmlns:x="${ns}"><x:si><x:t>序号</x:t></x:si><x:si><x:t>名称 &lt;甲&gt;</x:t></x:si><x:si><x:t xml:space="preserve"> 合并 </x:t></x:si></x:sst>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:cols><x:col min="2" max="2" hidden="1" width="3"/></x:cols><x:sheetData>` +
      `<x:row r = '1' spans="1:3"><x:c r='A1' t = "s"><x:v>0</x:v></x:c><x:c r="B1" t="s" s="0"><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="2" hidden="true"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3"/></x:row>` +
      `<x:row><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:v>2.5</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells>` +
      `<x:conditionalFormatting sqref="A1"><x:cfRule type="colorScale" priority="1"><x:colorScale><x:cfvo type="min"/><x:cfvo type="max"/><x:color rgb="FF000000"/><x:color rgb="FFFFFFFF"/></x:colorScale></x:cfRule></x:conditionalFormatting></x:worksheet>`,
  );
  fs.writeFileSync(f('hand.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const wb = same(f('hand.xlsx'));
  expect(wb.sheets[0].rows[2].slice(0, 3)).toEqual([' 合并 ', ' 合并 ', true]);
});
