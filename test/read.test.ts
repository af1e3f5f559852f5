import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { decodeText, detectEncoding, parseDelimited, parsePasted, sniffDelimiter } from '../src/io/text';
import { readWorkbook, ReadError } from '../src/io/read';
import { tmpDir } from './helpers/messy';

const SAMPLE = '序号,数据集名称,行业领域\r\n1,牦牛数据集,医疗健康\r\n';

describe('text encodings are detected and never garbled', () => {
  test.each([
    ['UTF-8', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]),
      'utf-8',
    ],
    ['GBK', iconv.encode(SAMPLE, 'gbk'), 'gb18030'],
    ['GB18030 (with a rare character)', iconv.encode(SAMPLE + '2,𠀀数据,通用\r\n', 'gb18030'), 'gb18030'],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16LE without BOM', Buffer.from(SAMPLE, 'utf16le'), 'utf-16le'],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]),
      'utf-16be',
    ],
  ])('%s', (_name, bytes, enc) => {
    expect(detectEncoding(bytes).encoding).toBe(enc);
    expect(decodeText(bytes).text.startsWith('序号,数据集名称,行业领域')).toBe(true);
  });
});

describe('pasted text and delimited files', () => {
  test('Excel / WPS clipboard: tab-separated, quoted cells with line breaks and quotes', () => {
    const clip = '序号\t数据集名称\t备注\r\n1\t"多行\n名称"\t"他说""好"""\r\n2\t=SUM(A1)\t+1\r\n';
    expect(parsePasted(clip)).toEqual([
      ['序号', '数据集名称', '备注'],
      ['1', '多行\n名称', '他说"好"'],
      ['2', '=SUM(A1)', '+1'],
    ]);
  });
  test('delimiter sniffing', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(sniffDelimiter('"a,b";c;d\n1;2;3')).toBe(';');
  });
  test('values beginning with = + - @ stay text', () => {
    expect(parseDelimited('=1+1,+2,-3,@x\n', ',')).toEqual([['=1+1', '+2', '-3', '@x']]);
  });
});

describe('spreadsheets', () => {
  const dir = tmpDir();
  test('merged cells are honoured (value copied into the cells they cover); formulas give their cached value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['申报单位', '数据集名称', '数据量']);
    ws.addRow(['甲公司', 'A', { formula: '1+1', result: 2 }]);
    ws.addRow([null, 'B', { formula: 'C2*2', result: 4 }]);
    ws.mergeCells('A2:A3');
    ws.addRow(['#N/A', 'C', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    const f = path.join(dir, 'm.xlsx');
    await wb.xlsx.writeFile(f);
    const raw = readWorkbook('m.xlsx', fs.readFileSync(f));
    expect(raw.sheets[0].rows.slice(1)).toEqual([
      ['甲公司', 'A', 2],
      ['甲公司', 'B', 4],
      ['#N/A', 'C', { error: '#DIV/0!' }],
    ]);
    expect(raw.sheets[0].merges).toEqual([{ r1: 1, c1: 0, r2: 2, c2: 0 }]);
  });
  test('legacy .xls (BIFF8) and every sheet of a workbook', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['甲', 1]]), '一');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['乙', 2]]), '二');
    const f = path.join(dir, 'old.xls');
    XLSX.writeFile(wb, f, { bookType: 'biff8' });
    const raw = readWorkbook('old.xls', fs.readFileSync(f));
    expect(raw.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['一', [['甲', 1]]],
      ['二', [['乙', 2]]],
    ]);
  });
  test('unreadable files throw ReadError naming the file', () => {
    expect(() => readWorkbook('bad.xlsx', Buffer.from('PK\u0003\u0004garbage'))).toThrow(ReadError);
    expect(() => readWorkbook('empty.csv', Buffer.alloc(0))).toThrow(/empty\.csv/);
  });
});
