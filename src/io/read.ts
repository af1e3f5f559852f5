/**
 * Reading received files into sheets of cell values. Spreadsheets (.xlsx, .xls, .ods) go through
 * SheetJS, which reads both the OOXML and the legacy BIFF8 formats and gives each formula cell's
 * cached value; text files (.csv, .tsv, .txt) go through our own decoder so GBK and UTF-16 are never
 * garbled. Works on bytes, so the add-in (browser) and hqds (Node) share it.
 * SheetJS (sheetjs-read.ts) and the Word reader (docx.ts) are loaded when a file needs them: a plain
 * .xlsx read by the fast reader needs neither, and loading both cost hqds 0.18 s (BENCHMARKS.md).
 */
import type { CellValue } from '../core/cell';
import { decodeText, parseDelimitedWithNotes, type Encoding } from './text';
import { scanZip, type ZipScan } from './zip-guard';
import {
  OutsideGrid,
  readXlsxFast,
  readXlsxFastStreamed,
  type InflateRaw,
  type InflateRawStream,
} from './xlsx-reader';
import type { DocxOrigin } from './docx';

type SheetJSReader = typeof import('./sheetjs-read');
let sheetjsReader: SheetJSReader | undefined;
/** The SheetJS half, loaded on first use. A synchronous require because readWorkbook is
 *  synchronous; lib/ (CommonJS) then loads it only here, and webpack still bundles it (into the
 *  `sheetjs` chunk, fetched with the chunk of whatever imports this module). */
function sheetjs(): SheetJSReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sheetjsReader ??= require('./sheetjs-read') as SheetJSReader);
}

export interface RawSheet {
  name: string;
  rows: CellValue[][];
  /** Merged regions, 0-based inclusive, clipped to the data area; their value has been copied into every cell they cover. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  /** Word documents: the table cell behind each sheet cell (表N 第R行 第C列). */
  origins?: (DocxOrigin | null)[][];
}

/** Something noticed while reading that a person should look at (a hidden row, an undecodable
 *  line, a stray quote). The row is the 1-based row of the sheet, null for the sheet as a whole. */
export interface ReadNote {
  sheet: string;
  row: number | null;
  code: string;
  message: string;
}

export interface RawWorkbook {
  file: string;
  sheets: RawSheet[];
  encoding?: Encoding | 'mixed';
  notes?: ReadNote[];
}

export class ReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
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
export async function readFile(
  file: string,
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<RawWorkbook> {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (DOCX_EXT.test(file)) return readWord(file, bytes);
  try {
    if (opts.inflateRaw && opts.inflateRawStream)
      return await readWorkbookStreamed(file, bytes, opts.inflateRaw, opts.inflateRawStream);
    return readWorkbook(file, bytes, opts);
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
  // The same limits as a workbook: sizes and entry counts checked before anything is inflated.
  checkedZip(
    file,
    bytes,
    '请重新获取原文件，或用 Word 打开后另存为 .docx 再试。',
    '这不像收到的申报表：请确认文件来源。',
  );
  // The Word reader (JSZip, xmldom: 0.05 s to load in Node, the pane's word chunk) only for Word files.
  const { docxSheet, DocxError, readDocx } = await import('./docx');
  let doc;
  try {
    doc = await readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError)
      throw new ReadError(
        file,
        `读不了「${file}」：${e.message}。请用 Word 或 WPS 打开后另存为 .docx 再试。`,
      );
    throw e;
  }
  const sheet = docxSheet(doc);
  if (!sheet.rows.length)
    throw new ReadError(file, `「${file}」里没有表格：基本信息表或汇总表应当是 Word 表格。`);
  return {
    file,
    sheets: [{ name: 'Word 表格', rows: sheet.rows, merges: sheet.merges, origins: sheet.origins }],
  };
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
/** The zip's directory checked before anything is inflated (entry count, declared size): every
 *  reader of a zip-based file (workbook, Word form, template) goes through here. Throws ReadError
 *  saying what was found and, for a damaged file or a bomb, what to do. */
export function checkedZip(
  file: string,
  bytes: Uint8Array,
  ifCorrupt: string,
  otherwise: string,
): Extract<ZipScan, { ok: true }> {
  const scan = scanZip(bytes);
  if (scan.ok) return scan;
  const todo = scan.problem === 'corrupt' ? ifCorrupt : otherwise;
  throw new ReadError(file, `读不了「${file}」：${scan.detail}。${todo}`);
}

export interface ReadOptions {
  /** A raw-deflate inflater (Node's zlib.inflateRawSync in hqds): with it, plain .xlsx files take
   *  the fast path (src/io/xlsx-reader.ts) after the same checks as every other workbook. */
  inflateRaw?: InflateRaw;
  /** With inflateRaw, in readFile: each sheet's XML inflated as a stream (Node's zlib in hqds), so
   *  that a large sheet's text is never held whole beside its cells. */
  inflateRawStream?: InflateRawStream;
}

export function readWorkbook(file: string, bytes: Uint8Array, opts: ReadOptions = {}): RawWorkbook {
  const kind = preflight(file, bytes);
  if ('sheets' in kind) return kind;
  if (opts.inflateRaw && fastPath(file, kind)) {
    let fast: RawWorkbook | null;
    try {
      fast = readXlsxFast(file, bytes, opts.inflateRaw);
    } catch (e) {
      throw gridError(file, e);
    }
    if (fast) return fast;
  }
  return sheetjs().readWithSheetJS(file, bytes, kind);
}

/** The fast reader's refusal of a cell past Excel's grid, said in Chinese; any other error as it is. */
function gridError(file: string, e: unknown): unknown {
  if (!(e instanceof OutsideGrid)) return e;
  return new ReadError(
    file,
    `读不了「${file}」：工作表「${e.sheet}」的${e.where}超出了 Excel 的范围（最多 1,048,576 行、16,384 列），不是 Excel 或 WPS 存出的样子，文件可能已损坏或被改动过。请用 Excel 或 WPS 打开后另存为 .xlsx 再试。`,
  );
}

const fastPath = (file: string, kind: Kind) => kind.container === 'zip' && /\.(xlsx|xlsm)$/i.test(file);

/** readWorkbook with the sheets' XML inflated as a stream (hqds: a large sheet is never held whole). */
async function readWorkbookStreamed(
  file: string,
  bytes: Uint8Array,
  inflate: InflateRaw,
  stream: InflateRawStream,
): Promise<RawWorkbook> {
  const kind = preflight(file, bytes);
  if ('sheets' in kind) return kind;
  if (fastPath(file, kind)) {
    let fast: RawWorkbook | null;
    try {
      fast = await readXlsxFastStreamed(file, bytes, inflate, stream);
    } catch (e) {
      throw gridError(file, e);
    }
    if (fast) return fast;
  }
  return sheetjs().readWithSheetJS(file, bytes, kind);
}

/** What every workbook goes through before it is read: the refusals (with their reasons), a text or
 *  HTML table read at once, or the kind of container to read. */
function preflight(file: string, bytes: Uint8Array): Kind | RawWorkbook {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  if (LEGACY_WORD_EXT.test(file) || DOCX_EXT.test(file))
    throw new ReadError(
      file,
      `「${file}」：${DOCX_EXT.test(file) ? '这是 Word 文档，不是表格文件' : LEGACY_WORD_MESSAGE}。`,
    );
  if (isLegacyWord(bytes)) throw new ReadError(file, `「${file}」：${LEGACY_WORD_MESSAGE}。`);
  const kind = sniffKind(bytes);
  if (kind.what) throw new ReadError(file, `读不了「${file}」：它实际是${kind.what}，不是表格。${kind.todo}`);
  if (TEXT_EXT.test(file) && kind.container === null) return readText(file, bytes);
  if (kind.container === 'zip') {
    const scan = checkedZip(
      file,
      bytes,
      '请重新获取原文件，或用 Excel 打开后另存为 .xlsx 再试。',
      '这不像收到的汇总表或申报表：请确认文件来源。',
    );
    const names = scan.entries.map((e) => e.name);
    if (names.some((n) => n.startsWith('word/')))
      throw new ReadError(
        file,
        `读不了「${file}」：它实际是 Word 文档（.docx），不是 Excel 表格。请把扩展名改为 .docx，或另存为 .xlsx 再试。`,
      );
    if (names.some((n) => n.startsWith('ppt/')))
      throw new ReadError(file, `读不了「${file}」：它实际是 PowerPoint 演示文稿，不是表格。`);
    if (scan.entries.some((e) => e.encrypted))
      throw new ReadError(file, `读不了「${file}」：压缩包有密码保护：请去掉密码后另存再试。`);
    if (!names.some((n) => n.startsWith('xl/') || n === 'content.xml')) {
      throw new ReadError(
        file,
        `读不了「${file}」：它是 zip 压缩包，但里面不是 Excel 工作簿：请解压后给出其中的表格文件。`,
      );
    }
  }
  if (kind.container === null) {
    // Not a spreadsheet container: a text or HTML table saved under a spreadsheet name (online
    // systems and WPS do this; a Chinese locale writes it in GBK).
    if (!SHEET_EXT.test(file) || kind.text)
      return kind.html ? sheetjs().readHtml(file, bytes) : readText(file, bytes);
  }
  return kind;
}

export interface Kind {
  container: 'zip' | 'ole' | null;
  /** A Word, PDF or image file, named for what it is. */
  what?: string;
  todo?: string;
  encrypted?: boolean;
  html?: boolean;
  /** Plain text: read by our decoder and CSV parser whatever the file is called. */
  text?: boolean;
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((x, i) => b[at + i] === x);
}

function hasUtf16(b: Uint8Array, word: string): boolean {
  const n = Math.min(b.length, 1 << 20);
  outer: for (let i = 0; i + word.length * 2 <= n; i++) {
    for (let k = 0; k < word.length; k++)
      if (b[i + 2 * k] !== word.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** What the bytes are, by their signature rather than the file's name. */
function sniffKind(b: Uint8Array): Kind {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]))
    return { container: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(b, 'EncryptedPackage')) return { container: 'ole', encrypted: true };
    if (hasUtf16(b, 'WordDocument'))
      return {
        container: 'ole',
        what: ' Word 文档（.doc）',
        todo: '请在 Word 中另存为 .docx 或把表格复制到 Excel 再试。',
      };
    if (hasUtf16(b, 'PowerPoint Document'))
      return { container: 'ole', what: ' PowerPoint 演示文稿', todo: '请把表格复制到 Excel 再试。' };
    return { container: 'ole' };
  }
  const head = String.fromCharCode(...b.subarray(0, 16));
  if (head.startsWith('%PDF'))
    return {
      container: null,
      what: ' PDF 文件',
      todo: '请向报送单位索取 Excel 原件，或把表格复制到 Excel 再试。',
    };
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    head.startsWith('BM') ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP')
  ) {
    return { container: null, what: '图片', todo: '请向报送单位索取 Excel 原件。' };
  }
  if (head.startsWith('{\\rtf'))
    return { container: null, what: ' RTF 文档', todo: '请在 Word 中把表格复制到 Excel 再试。' };
  if (head.startsWith('7z') || startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x1f, 0x8b]))
    return { container: null, what: '压缩包', todo: '请解压后给出其中的表格文件。' };
  const { text } = decodeText(b.subarray(0, 4096));
  const t = text
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (t.startsWith('<')) {
    // An HTML table (「网页」 .xls) is ours to decode; XML Spreadsheet 2003 is SheetJS's.
    if (/<html|<table|<!doctype html/.test(t)) return { container: null, html: true, text: true };
    return { container: null, text: false };
  }
  return { container: null, text: !text.includes('\u0000') };
}

function readText(file: string, bytes: Uint8Array): RawWorkbook {
  const { text, encoding, notes: decodeNotes } = decodeText(bytes);
  if (text.includes('\u0000'))
    throw new ReadError(file, `「${file}」不是文本文件：请另存为 .xlsx 或 CSV 再试。`);
  const delimiter = /\.tsv$/i.test(file) ? '\t' : undefined;
  const { rows, notes: parseNotes, lines } = parseDelimitedWithNotes(text, delimiter);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  // Notes are by line; a quoted cell can span lines, so place each at the row holding its line.
  const rowOfLine = (line: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const notes: ReadNote[] = [
    ...decodeNotes.map((n) => ({ ...n, code: 'text-decoding' })),
    ...parseNotes.map((n) => ({ ...n, code: 'quote-unbalanced' })),
  ].map((n) => ({
    sheet: name,
    row: lines.length ? rowOfLine(n.line) : null,
    code: n.code,
    message: n.message,
  }));
  return { file, encoding, notes, sheets: [{ name, rows, merges: [] }] };
}
