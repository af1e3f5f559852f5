/**
 * The SheetJS half of reading: .xls, .ods, .et, XML Spreadsheet, HTML tables, and the .xlsx files
 * the fast reader (xlsx-reader.ts) declines. Its own module so that SheetJS (0.14 s to load in Node
 * with its codepage tables; the pane's `sheetjs` chunk) is loaded only for such a file: read.ts
 * reaches it through sheetjs().
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../core/cell';
import { decodeText } from './text';
import { struckNote, struckRows } from './strike';
import { finishSheet } from './sheet-grid';
import {
  isLegacyWord,
  LEGACY_WORD_MESSAGE,
  ReadError,
  type Kind,
  type RawSheet,
  type RawWorkbook,
  type ReadNote,
} from './read';

/** A workbook through SheetJS; throws ReadError saying what the file seems to be and what to do. */
export function readWithSheetJS(file: string, bytes: Uint8Array, kind: Kind): RawWorkbook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellDates: true,
      cellStyles: true,
      dense: true,
      bookFiles: kind.container === 'zip',
    });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    const hint = isLegacyWord(bytes)
      ? `${LEGACY_WORD_MESSAGE}。`
      : kind.container === 'ole' && (kind.encrypted || /password|encrypt/i.test(msg))
        ? '文件有密码保护：请去掉密码后另存再试。'
        : kind.container === 'zip'
          ? '文件已损坏（压缩数据不完整）：请重新获取原文件，或用 Excel 打开后另存为 .xlsx 再试。'
          : '文件可能已损坏或不是 Excel 文件：请用 Excel 打开后另存为 .xlsx 再试。';
    throw new ReadError(file, `读不了「${file}」：${hint}`);
  }
  const sheets: RawSheet[] = [];
  const notes: ReadNote[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    sheets.push(sheetRows(name, ws, notes));
  }
  if (!sheets.length) throw new ReadError(file, `「${file}」里没有工作表。`);
  if (kind.container === 'zip') {
    for (const [sheet, rows] of struckRows(
      (wb as { files?: Parameters<typeof struckRows>[0] }).files,
      wb.SheetNames,
    )) {
      for (const r of rows) notes.push(struckNote(sheet, r));
    }
  }
  return { file, sheets, notes };
}

/** An HTML table saved as .xls (「另存为网页」, many online systems): decoded by our own decoder (GBK
 *  included), then the table read by SheetJS from the text. */
export function readHtml(file: string, bytes: Uint8Array): RawWorkbook {
  const { text, encoding } = decodeText(bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(text, { type: 'string', cellDates: true, dense: true, raw: true });
  } catch {
    throw new ReadError(
      file,
      `读不了「${file}」：这是网页格式的表格，但无法解析：请用 Excel 打开后另存为 .xlsx 再试。`,
    );
  }
  const notes: ReadNote[] = [];
  const sheets = wb.SheetNames.map((n) => sheetRows(n, wb.Sheets[n] as DenseSheet, notes));
  if (!sheets.length) throw new ReadError(file, `「${file}」里没有表格。`);
  return { file, encoding, sheets, notes };
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
      return c.v;
    default:
      return c.v === undefined || c.v === null ? null : String(c.v);
  }
}

function sheetRows(name: string, ws: DenseSheet, notes: ReadNote[]): RawSheet {
  const data = ws['!data'] ?? [];
  const grid: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: CellValue[] = [];
    if (src) for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c]);
    grid.push(row);
  }
  const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
  const hiddenRows = (ws['!rows'] ?? []).flatMap((p, r) => (p?.hidden ? [r] : []));
  const hiddenCols = (ws['!cols'] ?? []).flatMap((p, c) => (p?.hidden ? [c] : []));
  return finishSheet({ name, grid, merges, hiddenRows, hiddenCols }, notes);
}
