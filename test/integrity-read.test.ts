/** Issue 7, reading: no row lost or misread. Every file is made here, small, at test time. */
import * as iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { decodeText, parseDelimitedWithNotes, sniffDelimiter } from '../src/io/text';
import * as zlib from 'zlib';
import { readFile, readWorkbook, ReadError, type RawWorkbook } from '../src/io/read';
import { mergeSheets, type InputSheet } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require('../bench/hostile-files');

const qh = getProfile('qinghai')!;
const wh = getProfile('wuhan')!;
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
const qhRow = (i: number, name = `数据集${i}`) => [
  String(i),
  name,
  '医疗健康',
  '文本',
  '100',
  '无',
  '青海某公司',
  '张三 13800000000',
  '',
];

function sheetsOf(wb: RawWorkbook): InputSheet[] {
  return wb.sheets.map((s) => ({
    file: wb.file,
    sheet: s.name,
    rows: s.rows,
    notes: wb.notes?.filter((n) => n.sheet === s.name),
  }));
}
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

describe('delimited text', () => {
  test('values that begin with a tab (how online systems defuse formulas) do not make the file tab-separated', () => {
    const rows = [
      QH_HEADER,
      ...[1, 2, 3].map((i) => qhRow(i).map((v, c) => (c === 1 || c === 7 ? `\t${v}` : v))),
    ];
    const text = csv(rows);
    expect(sniffDelimiter(text)).toBe(',');
    const m = mergeSheets(qh, sheetsOf(readWorkbook('export.csv', Buffer.from(text, 'utf8'))));
    expect(m.rowsWritten).toBe(3);
    expect(m.entries.map((e) => e.entry.get('name'))).toEqual(['数据集1', '数据集2', '数据集3']);
  });

  test('Excel clipboard text with commas inside values stays tab-separated', () => {
    expect(sniffDelimiter('序号\t名称\t模态\n1\t甲\t文本, 图片\n2\t乙\t视频')).toBe('\t');
  });

  test('an unbalanced quote is reported at its line and the rows after it are still read', () => {
    const lines = [
      QH_HEADER,
      qhRow(1),
      qhRow(2, '"特级牦牛数据集'),
      qhRow(3),
      qhRow(4, '带"引号"的名称'),
      qhRow(5),
    ];
    const { rows, notes } = parseDelimitedWithNotes(csv(lines), ',');
    expect(rows).toHaveLength(6);
    expect(rows[2][1]).toBe('"特级牦牛数据集');
    expect(rows[3][1]).toBe('数据集3');
    expect(notes.map((n) => n.line)).toEqual([3]);
    const wb = readWorkbook('q.csv', Buffer.from(csv(lines), 'utf8'));
    const m = mergeSheets(qh, sheetsOf(wb));
    expect(m.rowsWritten).toBe(5);
    expect(m.issues.find((i) => i.code === 'quote-unbalanced')).toMatchObject({
      severity: 'warning',
      source: { row: 3 },
      entry: 1,
    });
  });

  test('a stray quote that pairs with a quote at the end of a value rows later does not swallow them', () => {
    const lines = [
      QH_HEADER,
      qhRow(1, '"牦牛数据集'),
      qhRow(2),
      qhRow(3),
      qhRow(4, '结尾带引号的名称"'),
      qhRow(5),
    ];
    const { rows, notes } = parseDelimitedWithNotes(csv(lines));
    expect(rows.map((r) => r[1])).toEqual([
      '数据集名称',
      '"牦牛数据集',
      '数据集2',
      '数据集3',
      '结尾带引号的名称"',
      '数据集5',
    ]);
    expect(notes.map((n) => n.line)).toEqual([2]);
  });

  test('a quoted cell over several lines is still one cell, and the row numbers after it stay right', () => {
    const text = `${QH_HEADER.join(',')}\n1,"两行\n名称",医疗健康\n2,"未闭合,医疗健康\n3,第三,医疗健康\n`;
    const { rows, notes, lines } = parseDelimitedWithNotes(text, ',');
    expect(rows.map((r) => r[1])).toEqual(['数据集名称', '两行\n名称', '"未闭合', '第三']);
    expect(lines).toEqual([1, 2, 4, 5]);
    expect(notes).toEqual([expect.objectContaining({ line: 4 })]);
  });

  test('a UTF-8 file with one bad byte stays UTF-8; the bad line is reported', () => {
    const good = Buffer.from(csv([QH_HEADER, qhRow(1, '牦牛数据集'), qhRow(2, '盐湖数据集')]), 'utf8');
    const bad = Buffer.from(good);
    const at = bad.indexOf(Buffer.from('盐湖', 'utf8'));
    bad[at + 1] = 0x41; // break the middle of 盐
    const d = decodeText(bad);
    expect(d.encoding).toBe('mixed');
    expect(d.text).toContain('牦牛数据集');
    expect(d.text).toContain('湖数据集');
    expect(d.notes).toEqual([expect.objectContaining({ line: 3 })]);
    const wb = readWorkbook('bad.csv', bad);
    expect(wb.notes).toEqual([expect.objectContaining({ row: 3, code: 'text-decoding' })]);
  });

  test('a file pieced together from UTF-8 and GBK lines decodes each line right', () => {
    const bytes = Buffer.concat([
      Buffer.from(csv([QH_HEADER, qhRow(1, '牦牛数据集')]), 'utf8'),
      iconv.encode(csv([qhRow(2, '盐湖化工数据集')]), 'gbk'),
    ]);
    const d = decodeText(bytes);
    expect(d.text).toContain('牦牛数据集');
    expect(d.text).toContain('盐湖化工数据集');
    expect(d.notes).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('GBK') })]);
  });

  test('plain GBK is still decoded whole', () => {
    const d = decodeText(iconv.encode(csv([QH_HEADER, qhRow(1, '牦牛数据集')]), 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030', notes: [] });
    expect(d.text).toContain('牦牛数据集');
  });
});

describe('text and HTML saved as .xls', () => {
  test('tab-separated GBK text named .xls', () => {
    const tsv = [QH_HEADER, qhRow(1, '牦牛数据集')].map((r) => r.join('\t')).join('\r\n');
    const wb = readWorkbook('导出.xls', iconv.encode(tsv, 'gbk'));
    expect(wb.sheets[0].rows[1][1]).toBe('牦牛数据集');
    expect(mergeSheets(qh, sheetsOf(wb)).rowsWritten).toBe(1);
  });
  test('an HTML table in GBK named .xls', () => {
    const cells = (r: string[]) => `<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`;
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><table>${cells(QH_HEADER)}${cells(qhRow(1, '牦牛数据集'))}</table></body></html>`;
    const wb = readWorkbook('网页.xls', iconv.encode(html, 'gbk'));
    const m = mergeSheets(qh, sheetsOf(wb));
    expect(m.entries.map((e) => e.entry.get('name'))).toEqual(['牦牛数据集']);
  });
});

describe('files named for what they are', () => {
  test.each([
    ['PDF', Buffer.from('%PDF-1.7\n1 0 obj\n'), 'PDF'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), '图片'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), '图片'],
  ])('%s named .xlsx', (_n, bytes, word) => {
    expect(() => readWorkbook('表.xlsx', bytes)).toThrow(new RegExp(word));
  });
  test('a Word document named .xlsx', async () => {
    const JSZip = (await import('jszip')).default;
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('word/document.xml', '<w:document/>');
    const bytes = await z.generateAsync({ type: 'uint8array' });
    expect(() => readWorkbook('表.xlsx', bytes)).toThrow(/Word 文档/);
  });
  test('a truncated .xlsx is called damaged, not password-protected', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(QH_HEADER);
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    for (const bytes of [
      full.subarray(0, Math.floor(full.length / 2)),
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
    ]) {
      let msg = '';
      try {
        readWorkbook('t.xlsx', bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(ReadError);
        msg = (e as Error).message;
      }
      expect(msg).toMatch(/损坏|不完整/);
      expect(msg).not.toMatch(/密码/);
    }
  });
});

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('汇总'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('finding the table and accounting for every row', () => {
  test('the header is found below row 30', () => {
    const rows: string[][] = Array.from({ length: 40 }, (_, i) => [`说明第 ${i + 1} 行：请按通知填写。`]);
    rows.push(QH_HEADER, qhRow(1), qhRow(2));
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows }]);
    expect(m.inputs[0].headerRow).toBe(41);
    expect(m.rowsWritten).toBe(2);
    expect(m.leftOut).toHaveLength(40);
  });

  test('no header anywhere: the reason says what was seen', () => {
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows: [['会议通知'], ['各有关单位：']] }]);
    expect(m.skipped[0].reason).toMatch(/找不到表头.*第 1 行是「会议通知」/);
  });

  test('notes under the table are left out with reasons; a name-only row is an incomplete dataset', () => {
    const rows = [
      QH_HEADER,
      qhRow(1),
      ['', '只填了名称的数据集'],
      ['1. 数据量以 GB 计。'],
      ['备注：请盖章'],
      ['附件2'],
      qhRow(2),
      ['（2）联系人请写全。'],
    ];
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows }]);
    expect(m.entries.map((e) => e.entry.get('name'))).toEqual(['数据集1', '只填了名称的数据集', '数据集2']);
    expect(m.leftOut.map((l) => [l.row, l.reason.slice(0, 4)])).toEqual([
      [4, '表尾的编'],
      [5, '表尾说明'],
      [6, '表尾说明'],
      [8, '表尾的编'],
    ]);
    expect(m.issues.filter((i) => i.source.row === 3 && i.code === 'required').length).toBeGreaterThan(3);
    expect(m.rowsRead).toBe(m.rowsWritten + m.leftOut.length);
  });

  test('a name that starts with a figure is a dataset, not a numbered note', () => {
    const rows = [QH_HEADER, qhRow(1), ['', '1.5亿条交通流量数据集']];
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows }]);
    expect(m.entries.map((e) => e.entry.get('name'))).toEqual(['数据集1', '1.5亿条交通流量数据集']);
  });

  test('the notice footnote merged across the table is a note, not a dataset with nine errors', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(QH_HEADER);
      ws.addRow(qhRow(1));
      ws.addRow(['注：1.数据量以 GB 为单位；2.模态可多选。']);
      ws.mergeCells('A3:I3');
      ws.addRow(['填表人：', '', '', '审核人：']);
    });
    const m = mergeSheets(qh, sheetsOf(readWorkbook('f.xlsx', bytes)));
    expect(m.rowsWritten).toBe(1);
    expect(m.leftOut.map((l) => l.row)).toEqual([3, 4]);
    expect(m.issues.filter((i) => i.code === 'required')).toEqual([]);
  });

  test('a column with values but no header is reported', () => {
    const rows = [
      [...QH_HEADER, ''],
      [...qhRow(1), '内部备忘'],
      [...qhRow(2), ''],
      [...qhRow(3), '', '更远的一列'],
    ];
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows }]);
    const found = m.issues.filter((i) => i.code === 'column-no-header');
    expect(found.map((i) => i.source.column)).toEqual(['J列', 'K列']);
    expect(found[0].message).toContain('内部备忘');
  });

  test('a total row is one labelled where a name would be; 总数 in 备注 does not make a dataset a total', () => {
    const r1 = qhRow(1);
    r1[8] = '总数';
    const rows = [QH_HEADER, r1, ['合计', '', '', '', '100'], ['', '小计', '', '', '100']];
    const m = mergeSheets(qh, [{ file: 'a.csv', sheet: 'a', rows }]);
    expect(m.entries.map((e) => e.entry.get('name'))).toEqual(['数据集1']);
    expect(m.leftOut.map((l) => l.reason)).toEqual(['合计行', '合计行']);
  });

  test('two-level header: a merged 数据量 over 结构化（条） and 非结构化（GB） is read as the two sub-columns', async () => {
    const H1 = [
      '序号',
      '数据集案例名称',
      '数据集类别',
      '行业领域',
      '申报方向',
      '数据量',
      '',
      '已服务支撑人工智能算法模型',
      '产生社会经济效益',
      '申报单位名称',
      '申报单位联系人及联系方式',
    ];
    const H2 = ['', '', '', '', '', '结构化（条）', '非结构化（GB）'];
    const row = [
      1,
      '车路协同数据集',
      '行业专识数据集',
      '智能驾驶',
      '高质量数据集技术创新',
      100000,
      '图片1024GB',
      '无',
      '带动投资增加3000万元',
      '武汉车联科技',
      '周七 027-87654321',
    ];
    const bytes = await xlsx((ws) => {
      ws.addRow(H1);
      ws.addRow(H2);
      ws.addRow(row);
      ws.mergeCells('F1:G1');
      for (const c of ['A', 'B', 'C', 'D', 'E', 'H', 'I', 'J', 'K']) ws.mergeCells(`${c}1:${c}2`);
    });
    const m = mergeSheets(wh, sheetsOf(readWorkbook('w.xlsx', bytes)));
    expect(m.rowsWritten).toBe(1);
    expect(m.entries[0].entry.get('structuredScale')).toBe('100000条');
    expect(m.entries[0].entry.get('unstructuredScale')).toBe('图片1024GB');
    expect(m.issues.filter((i) => i.code === 'missing-column')).toEqual([]);
  });

  test('hidden rows and columns are read, each with a warning', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(QH_HEADER);
      ws.addRow(qhRow(1));
      ws.addRow(qhRow(2));
      ws.getRow(3).hidden = true;
      ws.getColumn(9).hidden = true;
      ws.getCell('I2').value = '隐藏列里的备注';
    });
    const m = mergeSheets(qh, sheetsOf(readWorkbook('h.xlsx', bytes)));
    expect(m.rowsWritten).toBe(2);
    expect(m.issues.find((i) => i.code === 'row-hidden')).toMatchObject({ entry: 1, source: { row: 3 } });
    expect(m.issues.find((i) => i.code === 'column-hidden')?.message).toContain('I');
  });

  test('struck-through rows are read, each with a warning', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(QH_HEADER);
      ws.addRow(qhRow(1));
      ws.addRow(qhRow(2));
      ws.getRow(3).eachCell((c) => (c.font = { strike: true }));
    });
    // Both readers: SheetJS, and the fast .xlsx reader hqds uses.
    for (const wb of [
      readWorkbook('s.xlsx', bytes),
      await readFile('s.xlsx', bytes, { inflateRaw: zlib.inflateRawSync }),
    ]) {
      const m = mergeSheets(qh, sheetsOf(wb));
      expect(m.rowsWritten).toBe(2);
      expect(m.issues.filter((i) => i.code === 'row-struck')).toEqual([
        expect.objectContaining({ entry: 1, source: expect.objectContaining({ row: 3 }) }),
      ]);
    }
  });
});

describe('bounded reading', () => {
  test('a merge over A10:XFD2000 is expanded only within the data area', async () => {
    const raw = readWorkbook('m.xlsx', await hostile.hugeMerge());
    const rows = raw.sheets[0].rows;
    expect(rows.length).toBe(10);
    expect(Math.max(...rows.map((r) => r.length))).toBe(QH_HEADER.length);
    const m = mergeSheets(qh, sheetsOf(raw));
    expect(m.rowsWritten).toBe(2);
    expect(m.leftOut).toEqual([
      { file: 'm.xlsx', sheet: '汇总', row: 4, toRow: 9, reason: '空行' },
      expect.objectContaining({ row: 10, reason: expect.stringContaining('注：以下空白') }),
    ]);
  });

  test('a stray cell in row 1,048,576 gives one blank range, not a million entries', async () => {
    const m = mergeSheets(qh, sheetsOf(readWorkbook('s.xlsx', await hostile.strayLastRow())));
    expect(m.rowsWritten).toBe(2);
    expect(m.rowsRead).toBe(1048576 - 1);
    expect(m.leftOut).toEqual([
      { file: 's.xlsx', sheet: '汇总', row: 4, toRow: 1048575, reason: '空行' },
      { file: 's.xlsx', sheet: '汇总', row: 1048576, reason: expect.stringContaining('未对应列') },
    ]);
    expect(m.issues.find((i) => i.code === 'column-no-header')?.source.column).toBe('XFD列');
  });

  test('zip bombs are refused before inflating, with a message that says so', async () => {
    for (const bytes of [await hostile.zipBomb(0.5), hostile.manyEntries()]) {
      let msg = '';
      try {
        readWorkbook('b.xlsx', bytes);
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg).toMatch(/压缩炸弹|超过上限/);
      expect(msg).not.toMatch(/没有工作表|密码/);
    }
  });
});
