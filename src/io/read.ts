/**
 * Reading received files into sheets of cell values. Spreadsheets (.xlsx, .xls, .ods) go through
 * SheetJS, which reads both the OOXML and the legacy BIFF8 formats and gives each formula cell's
 * cached value; text files (.csv, .tsv, .txt) go through our own decoder so GBK and UTF-16 are never
 * garbled. Works on bytes, so the add-in (browser) and hqds (Node) share it.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../core/cell';
import { decodeText, parseDelimited, type Encoding } from './text';
import { docxSheet, DocxError, readDocx, type DocxOrigin } from './docx';

export interface RawSheet {
  name: string;
  rows: CellValue[][];
  /** Merged regions, 0-based inclusive; their value has been copied into every cell they cover. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  /** Word documents: the table cell behind each sheet cell (表N 第R行 第C列). */
  origins?: (DocxOrigin | null)[][];
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
const DOCX_EXT = /\.(docx|docm|dotx|dotm)$/i;
/** Word 97–2003 and WPS Writer binaries: only hqds can convert them (through LibreOffice). */
export const LEGACY_WORD_EXT = /\.(doc|dot|wps|wpt)$/i;
export const LEGACY_WORD_MESSAGE = '这是旧版 Word 文件，请用 Word 或 WPS 另存为 .docx 后再导入';

/**
 * Read one file's bytes, Word documents included (unzipping is asynchronous). The pane and hqds
 * both call this; readWorkbook stays for spreadsheets and text.
 */
export async function readFile(file: string, bytes: Uint8Array): Promise<RawWorkbook> {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (DOCX_EXT.test(file)) return readWord(file, bytes);
  try {
    return readWorkbook(file, bytes);
  } catch (e) {
    // A Word document saved under a spreadsheet's name is still read, not called damaged.
    if (zip && e instanceof ReadError) {
      const word = await readWord(file, bytes).catch(() => null);
      if (word) return word;
    }
    throw e;
  }
}

async function readWord(file: string, bytes: Uint8Array): Promise<RawWorkbook> {
  let doc;
  try {
    doc = await readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) throw new ReadError(file, `读不了「${file}」：${e.message}。请用 Word 或 WPS 打开后另存为 .docx 再试。`);
    throw e;
  }
  const sheet = docxSheet(doc);
  if (!sheet.rows.length) throw new ReadError(file, `「${file}」里没有表格：基本信息表或汇总表应当是 Word 表格。`);
  return { file, sheets: [{ name: 'Word 表格', rows: sheet.rows, merges: sheet.merges, origins: sheet.origins }] };
}

/** Word 97–2003 binary: an OLE compound file with a 「WordDocument」 stream (MS-DOC §2.1.1). */
export function isLegacyWord(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0xd0 || bytes[1] !== 0xcf) return false;
  const name = Array.from('WordDocument').flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}
const SHEET_EXT = /\.(xlsx|xlsm|xls|ods|et)$/i;

/** Read one file's bytes. Throws ReadError with a Chinese message naming the file. */
export function readWorkbook(file: string, bytes: Uint8Array): RawWorkbook {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  if (TEXT_EXT.test(file)) return readText(file, bytes);
  if (LEGACY_WORD_EXT.test(file) || DOCX_EXT.test(file)) throw new ReadError(file, `「${file}」：${DOCX_EXT.test(file) ? '这是 Word 文档，请用 readFile 读取' : LEGACY_WORD_MESSAGE}。`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (!SHEET_EXT.test(file) && !zip && !ole) return readText(file, bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellNF: false, cellDates: true, cellStyles: false, dense: true });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    const hint = isLegacyWord(bytes)
      ? `${LEGACY_WORD_MESSAGE}。`
      : /password|encrypt/i.test(msg)
        ? '文件有密码保护：请去掉密码后另存再试。'
        : '文件可能已损坏或不是 Excel 文件：请用 Excel 打开后另存为 .xlsx 再试。';
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
