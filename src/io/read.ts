/**
 * Reading received files into sheets of cell values. Spreadsheets (.xlsx, .xls, .ods) go through
 * SheetJS, which reads both the OOXML and the legacy BIFF8 formats and gives each formula cell's
 * cached value; text files (.csv, .tsv, .txt) go through our own decoder so GBK and UTF-16 are never
 * garbled. Works on bytes, so the add-in (browser) and hqds (Node) share it.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../core/cell';
import { decodeText, parseDelimited, type Encoding } from './text';

export interface RawSheet {
  name: string;
  rows: CellValue[][];
  /** Merged regions, 0-based inclusive; their value has been copied into every cell they cover. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
}

export interface RawWorkbook {
  file: string;
  sheets: RawSheet[];
  encoding?: Encoding;
}

export class ReadError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

const TEXT_EXT = /\.(csv|tsv|txt)$/i;
const SHEET_EXT = /\.(xlsx|xlsm|xls|ods|et)$/i;

/** Read one file's bytes. Throws ReadError with a Chinese message naming the file. */
export function readWorkbook(file: string, bytes: Uint8Array): RawWorkbook {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  if (TEXT_EXT.test(file)) return readText(file, bytes);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (!SHEET_EXT.test(file) && !zip && !ole) return readText(file, bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellNF: false, cellDates: true, cellStyles: false, dense: true });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    const hint = /password|encrypt/i.test(msg) ? '文件有密码保护：请去掉密码后另存再试。' : '文件可能已损坏或不是 Excel 文件：请用 Excel 打开后另存为 .xlsx 再试。';
    throw new ReadError(file, `读不了「${file}」：${hint}`);
  }
  const sheets: RawSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    sheets.push(sheetRows(name, ws));
  }
  if (!sheets.length) throw new ReadError(file, `「${file}」里没有工作表。`);
  return { file, sheets };
}

function readText(file: string, bytes: Uint8Array): RawWorkbook {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new ReadError(file, `「${file}」不是文本文件：请另存为 .xlsx 或 CSV 再试。`);
  const delimiter = /\.tsv$/i.test(file) ? '\t' : undefined;
  const rows = parseDelimited(text, delimiter);
  return { file, encoding, sheets: [{ name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), rows, merges: [] }] };
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellValue(c: XLSX.CellObject | undefined): CellValue {
  if (!c) return null;
  switch (c.t) {
    case 'e':
      return { error: c.w ?? '#N/A' };
    case 'z':
      return null;
    case 'd':
      return c.v instanceof Date ? c.v : null;
    case 'n':
    case 'b':
      return c.v as number | boolean;
    default:
      return c.v === undefined || c.v === null ? null : String(c.v);
  }
}

function sheetRows(name: string, ws: DenseSheet): RawSheet {
  const data = ws['!data'] ?? [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: CellValue[] = [];
    if (src) for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c]);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    rows.push(row);
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  for (const m of merges) {
    const v = rows[m.r1]?.[m.c1] ?? null;
    for (let r = m.r1; r <= m.r2; r++) {
      rows[r] ??= [];
      for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) rows[r][c] = v;
    }
  }
  return { name, rows, merges };
}
