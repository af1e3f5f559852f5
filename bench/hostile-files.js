// Hostile input files for hqds, small on disk and made at run time: shared by the hostile-file
// benchmark (bench/case-hostile.js) and the regression tests (test/integrity-*.test.ts).
// ExcelJS materialises every cell of a merge, so merges and far cells are patched into the sheet XML
// of a small workbook instead of being made through ExcelJS.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const QH_HEADER = [
  '序号',
  '数据集名称',
  '所属行业领域',
  '数据集模态',
  '数据集数据量（GB）',
  '已服务支撑人工智能大模型名称',
  '申报单位',
  '申报单位联系人及联系方式',
  '备注',
];
const qhRow = (i, name = `数据集${i}`) => [
  i,
  name,
  '医疗健康',
  '文本',
  100,
  '无',
  '青海某公司',
  '张三 13800000000',
  '',
];

async function smallWorkbook(rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites xl/worksheets/sheet1.xml of a workbook. */
async function patchSheet(bytes, patch) {
  const zip = await JSZip.loadAsync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name).async('string');
  zip.file(name, patch(xml));
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A 2 KB workbook with a merged region over A10:XFD2000 (issue 7: 66 s, 1 GB, 1,991 datasets). */
async function hugeMerge() {
  const base = await smallWorkbook([QH_HEADER, qhRow(1), qhRow(2)]);
  return patchSheet(base, (xml) => {
    const cell = '<row r="10"><c r="A10" t="inlineStr"><is><t>注：以下空白</t></is></c></row>';
    let x = xml.replace('</sheetData>', `${cell}</sheetData>`);
    const merge = '<mergeCells count="1"><mergeCell ref="A10:XFD2000"/></mergeCells>';
    x = /<mergeCells/.test(x)
      ? x.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="A10:XFD2000"/>`)
      : x.replace('</sheetData>', `</sheetData>${merge}`);
    return x;
  });
}

/** Two data rows and one more value in the very last row Excel has, 1,048,576. */
async function strayLastRow() {
  const base = await smallWorkbook([QH_HEADER, qhRow(1), qhRow(2)]);
  return patchSheet(base, (xml) =>
    xml
      .replace(
        '</sheetData>',
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末行</t></is></c></row></sheetData>',
      )
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
  );
}

/** A row past Excel's last (1,048,576): no program writes it; the reader refuses the file. */
async function rowPastGrid() {
  const base = await smallWorkbook([QH_HEADER, qhRow(1), qhRow(2)]);
  return patchSheet(base, (xml) =>
    xml.replace('</sheetData>', '<row r="9999999"><c r="A9999999"><v>1</v></c></row></sheetData>'),
  );
}

/** Every column of every row a 32,767-character cell (Excel's limit), in patterns that made the old
 *  regular expressions backtrack: spaces, 「万」, digits and separators, quotes, the other-option. */
function longCells(columns, rows = 6) {
  const n = 32767;
  const fill = (unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const patterns = [
    ' '.repeat(n - 1) + 'x',
    '其它' + ' '.repeat(n - 4) + '\n',
    '其它（' + ' '.repeat(n - 4) + 'x',
    fill('万'),
    fill('1-'),
    fill('1 '),
    fill('、其他（'),
    fill('"a,'),
    fill('1.'),
    fill('图片1GB，'),
    fill('约'),
    fill('13800000000 '),
    fill('a@b.'),
  ];
  const out = [];
  for (let r = 0; r < rows; r++) out.push(columns.map((_, c) => patterns[(r + c) % patterns.length]));
  return out;
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A zip from parts given as {name, data (already deflated or stored), method, size (declared), crc}. */
function rawZip(parts) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(0x0800),
      u16(p.method),
      u16(0),
      u16(0),
      u32(p.crc),
      u32(p.data.length),
      u32(p.size),
      u16(name.length),
      u16(0),
      name,
    ]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(0x0800),
        u16(p.method),
        u16(0),
        u16(0),
        u32(p.crc),
        u32(p.data.length),
        u32(p.size),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local, p.data);
    offset += local.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(parts.length),
    u16(parts.length),
    u32(cd.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, cd, end]);
}

/** A deflate stream of `total` bytes of spaces, made in chunks (never the whole buffer in memory). */
function deflatedSpaces(total) {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const parts = [];
  const d = zlib.createDeflateRaw({ level: 9 });
  d.on('data', (c) => parts.push(c));
  return new Promise((resolve) => {
    d.on('end', () => resolve(Buffer.concat(parts)));
    let left = total;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!d.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return d.once('drain', pump);
      }
      d.end();
    };
    pump();
  });
}

/** A workbook whose sheet XML inflates to `gb` GB of spaces. `lie`: the directory declares 1 KB. */
async function zipBomb(gb = 1, lie = false) {
  const base = await JSZip.loadAsync(await smallWorkbook([QH_HEADER, qhRow(1)]));
  const parts = [];
  for (const name of Object.keys(base.files)) {
    const f = base.files[name];
    if (f.dir) continue;
    const data = await f.async('nodebuffer');
    parts.push({
      name,
      data: zlib.deflateRawSync(data),
      method: 8,
      size: data.length,
      crc: zlib.crc32(data),
    });
  }
  const size = gb * 1024 * 1024 * 1024;
  const bomb = await deflatedSpaces(size);
  const i = parts.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
  parts[i] = {
    name: parts[i].name,
    data: bomb,
    method: 8,
    size: lie ? 1024 : Math.min(size, 0xffffffff),
    crc: 0,
  };
  return rawZip(parts);
}

/** A zip with more parts than any workbook has. */
function manyEntries(n = 20000) {
  const parts = [];
  for (let i = 0; i < n; i++)
    parts.push({
      name: `xl/p${i}.xml`,
      data: Buffer.from('x'),
      method: 0,
      size: 1,
      crc: zlib.crc32(Buffer.from('x')),
    });
  return rawZip(parts);
}

module.exports = {
  QH_HEADER,
  qhRow,
  smallWorkbook,
  patchSheet,
  hugeMerge,
  strayLastRow,
  rowPastGrid,
  longCells,
  zipBomb,
  manyEntries,
  rawZip,
};

if (require.main === module) {
  // node bench/hostile-files.js DIR: writes the files for trying by hand.
  const dir = process.argv[2] || '.';
  (async () => {
    fs.writeFileSync(`${dir}/huge-merge.xlsx`, await hugeMerge());
    fs.writeFileSync(`${dir}/stray-last-row.xlsx`, await strayLastRow());
    fs.writeFileSync(`${dir}/zip-bomb.xlsx`, await zipBomb(1));
    fs.writeFileSync(`${dir}/zip-bomb-lying.xlsx`, await zipBomb(1, true));
  })();
}
