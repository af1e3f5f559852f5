/**
 * The rule of issue 7 as a property over generated messy sheets: every non-empty row ends up in
 * exactly one place (an entry or a leftOut line, the header aside), so every dataset name appears
 * exactly once, in the output or among the left-out rows. Seeded: a failure names its seed.
 */
import ExcelJS from 'exceljs';
import { cellText, type CellValue } from '../src/core/cell';
import { mergeSheets, rowsLeftOut, type InputSheet, type MergeResult } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';
import { readWorkbook } from '../src/io/read';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const qh = getProfile('qinghai')!;
const HEADERS: Record<string, string[]> = {
  seq: ['序号', '编号'],
  name: ['数据集名称', '数据集\n名称', '名称'],
  domain: ['所属行业领域', '行业领域', '所属领域'],
  modality: ['数据集模态', '模态'],
  size: ['数据集数据量（GB）', '数据量(TB)', '数据量（GB）'],
  models: ['已服务支撑人工智能大模型名称', '支撑模型'],
  applicant: ['申报单位', '申报单位名称'],
  contact: ['申报单位联系人及联系方式', '联系人及联系方式'],
  note: ['备注'],
};
const KEYS = Object.keys(HEADERS);

interface Generated {
  rows: CellValue[][];
  /** Dataset names and the 0-based sheet row each was put in. */
  names: { name: string; row: number }[];
  /** Rows of the header (one or two). */
  headerRows: number[];
  /** Whether the footnote should be merged across the table (xlsx). */
  footRow: number | null;
}

function generate(seed: number): Generated {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const order = [...KEYS].sort(() => r() - 0.5);
  const extra = r() < 0.3; // an unmapped column
  const rows: CellValue[][] = [];
  if (r() < 0.7)
    rows.push(
      ['附件2'],
      ['青海省行业高质量数据集汇总表'],
      ['推荐单位：（盖章）', '', '', '', '', '年 月 日'],
    );
  const skip = Math.floor(r() * 40); // sometimes the header is far down
  if (r() < 0.2) for (let i = 0; i < skip; i++) rows.push([`说明 ${i + 1}：请按通知要求填写。`]);
  const header = order.map((k) => pick(HEADERS[k]));
  if (extra) header.push('内部编号');
  const headerRows = [rows.length];
  rows.push(header);
  const names: Generated['names'] = [];
  const col = (k: string) => order.indexOf(k);
  const n = 5 + Math.floor(r() * 25);
  let seq = 1;
  for (let i = 0; i < n; i++) {
    const kind = r();
    const row: CellValue[] = new Array(header.length).fill('');
    const name = r() < 0.1 ? `${(1 + Math.floor(r() * 9)) / 2}亿条数据集${seed}-${i}` : `数据集${seed}-${i}`;
    if (kind < 0.55) {
      row[col('seq')] = seq++;
      row[col('name')] = name;
      row[col('domain')] = pick(['医疗健康', '工业制造', '其它（海洋）', '不存在的领域', '']);
      row[col('modality')] = pick(['文本', '图片、文字', '视频', '']);
      row[col('size')] = pick([100, '1.5TB', '两千万条', '约3TB', '1-2TB', '', '万万']);
      row[col('models')] = pick(['无', 'A模型', '']);
      row[col('applicant')] = pick(['青海某公司', '']);
      row[col('contact')] = pick(['张三 13800000000', '张三', '']);
      row[col('note')] = pick(['', '总数', '合计', '注：另附']);
      if (extra) row[header.length - 1] = pick(['X-1', '']);
      names.push({ name, row: rows.length });
    } else if (kind < 0.65) {
      row[col('name')] = name; // only a name: an incomplete dataset
      names.push({ name, row: rows.length });
    } else if (kind < 0.75) {
      // blank row
    } else if (kind < 0.8) {
      row[col('seq')] = '合计';
      row[col('size')] = 999;
    } else if (kind < 0.88) {
      row[0] = pick([
        '1. 数据量以 GB 计。',
        '备注：请盖章',
        '附件3',
        '（2）联系人写全。',
        '注：以上数据截至年底。',
      ]);
    } else if (extra) {
      row[header.length - 1] = 'X-only'; // content only in an unmapped column
    }
    rows.push(row);
  }
  let footRow: number | null = null;
  if (r() < 0.5) {
    footRow = rows.length;
    rows.push(['注：1.本表数据量以 GB 为单位；2.模态可多选。']);
    if (r() < 0.5) rows.push(['填表人：', '', '审核人：']);
  }
  return { rows, names, headerRows, footRow };
}

/** Which sheet rows (1-based) each place covers; every non-empty row must be covered exactly once. */
function coverage(m: MergeResult): Map<number, number> {
  const seen = new Map<number, number>();
  const add = (row: number) => seen.set(row, (seen.get(row) ?? 0) + 1);
  for (const e of m.entries) add(e.source.row!);
  for (const l of m.leftOut) for (let row = l.row; row <= (l.toRow ?? l.row); row++) add(row);
  return seen;
}

function check(g: Generated, m: MergeResult, rowsAsRead: readonly (readonly CellValue[])[]) {
  const nameKey = 'name';
  const cov = coverage(m);
  const headerRow = m.inputs[0]?.headerRow;
  expect(headerRow).toBeDefined();
  rowsAsRead.forEach((row, i) => {
    const filled = row.some((c) => cellText(c).trim() !== '');
    if (i + 1 === headerRow) return;
    if (filled) expect([i + 1, cov.get(i + 1) ?? 0]).toEqual([i + 1, 1]);
    else expect(cov.get(i + 1) ?? 0).toBeLessThanOrEqual(1);
  });
  for (const { name, row } of g.names) {
    const inOutput = m.entries.filter((e) => e.entry.get(nameKey) === name).length;
    const leftOut = m.leftOut.filter((l) => l.row <= row + 1 && row + 1 <= (l.toRow ?? l.row)).length;
    expect([name, inOutput + leftOut]).toEqual([name, 1]);
    // A dataset row is never a note.
    expect([name, inOutput]).toEqual([name, 1]);
  }
  expect(m.rowsRead).toBe(m.rowsWritten + rowsLeftOut(m));
}

describe('every dataset name appears exactly once, in the output or in leftOut', () => {
  test.each(Array.from({ length: 100 }, (_, i) => [1000 + i]))('cells as handed over, seed %d', (seed) => {
    const g = generate(seed);
    const sheet: InputSheet = { file: `s${seed}.xlsx`, sheet: '汇总', rows: g.rows };
    check(g, mergeSheets(qh, [sheet]), g.rows);
  });

  test.each(Array.from({ length: 10 }, (_, i) => [2000 + i]))('through a CSV file, seed %d', (seed) => {
    const g = generate(seed);
    const quoteCell = (v: CellValue) => {
      const t = cellText(v);
      return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    };
    const text = g.rows.map((row) => row.map(quoteCell).join(',')).join('\r\n');
    const wb = readWorkbook(`s${seed}.csv`, Buffer.from(text, 'utf8'));
    const rows = wb.sheets[0].rows;
    check(g, mergeSheets(qh, [{ file: wb.file, sheet: wb.sheets[0].name, rows }]), rows);
  });

  test.each(Array.from({ length: 6 }, (_, i) => [3000 + i]))(
    'through a .xlsx with a merged footnote, seed %d',
    async (seed) => {
      const g = generate(seed);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('汇总');
      g.rows.forEach((row, i) => {
        const values = row.map((v) => (v === '' ? null : v));
        ws.getRow(i + 1).values = values as ExcelJS.CellValue[];
      });
      const width = Math.max(...g.rows.map((row) => row.length));
      if (g.footRow !== null) ws.mergeCells(g.footRow + 1, 1, g.footRow + 1, width);
      const raw = readWorkbook(`s${seed}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
      const rows = raw.sheets[0].rows;
      check(g, mergeSheets(qh, [{ file: raw.file, sheet: raw.sheets[0].name, rows }]), rows);
    },
  );
});
