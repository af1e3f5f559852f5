/**
 * A fast path for the common received file: a plain .xlsx of text and numbers. It reads the zip's
 * central directory, inflates only the parts it needs (with the caller's inflater: Node's zlib in
 * hqds) and scans the sheet XML once, keeping each cell's cached value: the same rows, merges and
 * values SheetJS gives with the options read.ts uses (test/xlsx-reader.test.ts compares the two).
 * It returns null for anything it does not handle as SheetJS would (date-formatted numbers, t="d",
 * strict OOXML, zip64, chartsheets, macro sheets): the caller then reads the file with SheetJS.
 * Pure TypeScript: no Node or DOM API beyond TextDecoder.
 */
import { columnIndex } from '../core/address';
import type { CellValue } from '../core/cell';
import type { RawWorkbook, ReadNote } from './read';
import { finishSheet, type SheetGrid } from './sheet-grid';
import { struckFormats, struckNote, struckRowsIn } from './strike';

/** A raw-deflate inflater, such as Node's zlib.inflateRawSync. `chunkSize` (zlib's option) is one
 *  more than the part's inflated size as the zip declares it: zlib then inflates into one buffer,
 *  where by default it fills 16 KB pieces and copies them into one, twice the sheet at once (80 MB
 *  for 100,000 rows). A wrong size costs only more pieces (the zip's sizes were checked against the
 *  real ones before, zip-inflate-check.ts, and this one is capped). */
export type InflateRaw = (data: Uint8Array, opts?: { chunkSize?: number }) => Uint8Array;

interface ZipEntry {
  method: number;
  offset: number;
  csize: number;
  usize: number;
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

function directory(b: Uint8Array): Map<string, ZipEntry> | null {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return null; // zip64
  const names = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    const name = names.decode(b.subarray(p + 46, p + 46 + nameLen));
    out.set(name.replace(/\\/g, '/').toLowerCase(), {
      method: u16(b, p + 10),
      csize: u32(b, p + 20),
      usize: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

const UTF8 = new TextDecoder('utf-8');

function part(b: Uint8Array, dir: Map<string, ZipEntry>, name: string, inflate: InflateRaw): string | null {
  const bytes = partBytes(b, dir, name, inflate);
  return bytes ? UTF8.decode(bytes) : null;
}

function partBytes(
  b: Uint8Array,
  dir: Map<string, ZipEntry>,
  name: string,
  inflate: InflateRaw,
): Uint8Array | null {
  const e = dir.get(name.replace(/^\//, '').toLowerCase());
  if (!e) return null;
  if (u32(b, e.offset) !== 0x04034b50) return null;
  const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const raw = b.subarray(start, start + e.csize);
  if (e.method === 0) return raw;
  if (e.method === 8) return inflate(raw, { chunkSize: Math.min(Math.max(e.usize + 1, 64), 1 << 28) });
  return null;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XESC = /_x([0-9a-fA-F]{4})_/g;

/** XML entities and OOXML's _xHHHH_ escapes (ST_Xstring), as SheetJS decodes them. */
function unescape(s: string): string {
  if (s.indexOf('&') >= 0)
    s = s.replace(ENTITY, (_, n: string, d: string, h: string) =>
      n ? NAMED[n] : String.fromCodePoint(d ? Number(d) : parseInt(h, 16)),
    );
  if (s.indexOf('_x') >= 0) s = s.replace(XESC, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

const ATTR = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The text of a string item (<si> or <is>): every <t>, phonetic runs (<rPh>) left out. */
function richText(xml: string): string {
  if (xml.indexOf('<rPh') >= 0) xml = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m; (m = re.exec(xml));) if (m[1] !== undefined) out += m[1];
  return unescape(out);
}

/** Relationship id → target part name, resolved against the part's folder. */
function rels(xml: string | null, base: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    const type = attr(m[1], 'Type') ?? '';
    if (!id || target === undefined || attr(m[1], 'TargetMode') === 'External') continue;
    const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
    const norm: string[] = [];
    for (const p of parts) {
      if (p === '..') norm.pop();
      else if (p !== '.') norm.push(p);
    }
    out.set(id, { target: norm.join('/'), type });
  }
  return out;
}

/** Built-in number formats that are dates or times (Part 1 §18.8.30, with the CJK ids 27–36, 50–58). */
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!(h|m|s)+\])[^\]]*\]/gi, '');
  return /[dmyhse]/i.test(bare.replace(/General/gi, '').replace(/E\+|E-/g, ''));
}

/** Style index → whether numbers in it are dates. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g))
    custom.set(Number(attr(m[1], 'numFmtId')), unescape(attr(m[1], 'formatCode') ?? ''));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    out.push(DATE_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
  }
  return out;
}

function decodeRef(ref: string): [number, number] {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  let r = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 48 && ch <= 57) r = r * 10 + ch - 48;
  }
  return [r - 1, c - 1];
}

/** The tags sheet() acts on; any other is stepped over. */
const TAGS = new Set(['row', 'c', 'v', 'is', 'f', 'sheetData']);

function isWord(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95;
}

/** The r, t, s and hidden attributes of a <row> or <c>, read in one pass over the attribute text
 *  (the same values as attr(): a name preceded by white space, then =, then a quoted value); four
 *  regular-expression searches per cell were a third of the time spent reading. */
interface CellAttrs {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  hidden: string | undefined;
}
function cellAttrs(attrs: string, out: CellAttrs): CellAttrs {
  out.r = out.t = out.s = out.hidden = undefined;
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    // A name: from after white space (or the start) to the first white space or =.
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const from = i;
    while (i < n && attrs.charCodeAt(i) !== 61 && !isSpace(attrs.charCodeAt(i))) i++;
    const name = attrs.slice(from, i);
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 61) continue; // no = : not an attribute, go on from here
    i++;
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const q = attrs.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    const end = attrs.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    const value = attrs.slice(i + 1, end);
    i = end + 1;
    // The first occurrence wins, as with attr().
    if (name === 'r') out.r ??= value;
    else if (name === 't') out.t ??= value;
    else if (name === 's') out.s ??= value;
    else if (name === 'hidden') out.hidden ??= value;
  }
  return out;
}
function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** What a scan of a sheet's cells carries from one piece of its XML to the next. */
interface Scan {
  rows: CellValue[][];
  hiddenRows: number[];
  /** The current row and column. */
  r: number;
  col: number;
  /** Where </sheetData> ends in the piece that holds it; -1 before. */
  dataEnd: number;
}

/**
 * One worksheet's cells, merges and hidden rows and columns, or null when it holds something for
 * SheetJS. Its XML comes in pieces of whole rows (Pieces): the text of a large sheet (40 MB at
 * 100,000 rows) is never held whole beside its cells.
 */
class SheetReader {
  private readonly st: Scan = { rows: [], hiddenRows: [], r: -1, col: -1, dataEnd: -1 };
  private head = '';
  private start = -1;
  private text = '';
  private from = 0;
  failed = false;

  constructor(
    private readonly name: string,
    private readonly sst: string[],
    private readonly dates: boolean[],
  ) {}

  /** Whether more text is wanted: not after </sheetData>, nor once the sheet is for SheetJS. */
  get wants(): boolean {
    return !this.failed && this.st.dataEnd < 0;
  }

  feed(piece: string): void {
    this.text = piece;
    this.from = 0;
    if (this.start < 0) {
      // <sheetData> is in the first piece: a piece ends after a </row>, which only sheetData holds.
      this.start = piece.search(/<(?:\w+:)?sheetData\b/);
      if (this.start < 0) {
        this.failed = true;
        return;
      }
      this.head = piece.slice(0, this.start);
      this.from = this.start;
    }
    try {
      if (!scanCells(piece, this.from, this.st, this.sst, this.dates)) this.failed = true;
    } catch (e) {
      throw e instanceof OutsideGrid ? new OutsideGrid(this.name, e.where) : e;
    }
  }

  finish(): SheetGrid | null {
    const { st, text } = this;
    if (this.failed || this.start < 0) return null;
    const merges: SheetGrid['merges'] = [];
    // <mergeCells> follows <sheetData> and <cols> precedes it (Part 1 §18.3.1.99, CT_Worksheet's
    // sequence): neither is looked for through the cells, which are most of the text.
    const mergeRe = /<(?:\w+:)?mergeCell\b([^>]*)\/?>/g;
    mergeRe.lastIndex = st.dataEnd >= 0 ? st.dataEnd : this.from; // no </sheetData>: from the cells' start
    for (let m; (m = mergeRe.exec(text));) {
      const ref = attr(m[1], 'ref');
      if (!ref) continue;
      const [a, b = a] = ref.split(':');
      const [r1, c1] = decodeRef(a);
      const [r2, c2] = decodeRef(b);
      merges.push({ r1, c1, r2, c2 });
    }
    const hiddenCols: number[] = [];
    for (const m of this.head.matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/g)) {
      if (!/^(1|true)$/.test(attr(m[1], 'hidden') ?? '')) continue;
      const min = Number(attr(m[1], 'min') ?? 0);
      const max = Math.min(Number(attr(m[1], 'max') ?? min), min + 16384);
      for (let c = min; c <= max && c > 0; c++) hiddenCols.push(c - 1);
    }
    return { name: this.name, grid: st.rows, merges, hiddenRows: st.hiddenRows, hiddenCols };
  }
}

/** A sheet from its whole text, or from its bytes decoded a piece at a time. */
function sheet(name: string, xml: string | Uint8Array, sst: string[], dates: boolean[]): SheetGrid | null {
  const reader = new SheetReader(name, sst, dates);
  if (typeof xml === 'string') reader.feed(xml);
  else {
    const pieces = new Pieces();
    for (let at = 0; at < xml.length && reader.wants; at += PIECE) {
      const piece = pieces.push(xml.subarray(at, at + PIECE));
      if (piece !== null) reader.feed(piece);
    }
    if (reader.wants) reader.feed(pieces.end());
  }
  return reader.finish();
}

/** Bytes of sheet XML decoded at a time: a piece of text under V8's large-object size (128 KB) dies
 *  young; 1 MB pieces went to the large-object space and stayed there until a full collection,
 *  about 40 MB at 100,000 rows (BENCHMARKS.md). */
const PIECE = 64 << 10;

/**
 * Sheet XML bytes, as they come, made into text in pieces that end just after a </row> (or a
 * prefixed </x:row>): no tag, value or UTF-8 sequence is cut. The last piece (end) holds everything
 * after the last cut: </sheetData> and the merges.
 */
class Pieces {
  private parts: Uint8Array[] = [];
  private size = 0;

  /** A piece of about PIECE bytes once there is one, else null. */
  push(bytes: Uint8Array): string | null {
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size < PIECE) return null;
    const all = this.joined();
    const cut = lastRowEnd(all);
    if (cut < 0) return null;
    this.parts = [all.subarray(cut)];
    this.size = all.length - cut;
    return UTF8.decode(all.subarray(0, cut));
  }

  end(): string {
    const text = UTF8.decode(this.joined());
    this.parts = [];
    this.size = 0;
    return text;
  }

  private joined(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0];
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      all.set(p, at);
      at += p.length;
    }
    this.parts = [all];
    return all;
  }
}

/** Where the last "</row>" or "</x:row>" in the bytes ends, or -1. */
function lastRowEnd(b: Uint8Array): number {
  for (let i = b.length - 4; i > 1; i--) {
    // "row>" after "</" or "</prefix:"
    if (b[i] !== 0x72 || b[i + 1] !== 0x6f || b[i + 2] !== 0x77 || b[i + 3] !== 0x3e) continue;
    let j = i - 1;
    if (b[j] === 0x3a) for (j--; j > 0 && isWord(b[j]);) j--;
    if (b[j] === 0x2f && b[j - 1] === 0x3c) return i + 4;
  }
  return -1;
}

/**
 * The common forms, read in one native match each instead of tag by tag: a cold run (a check of
 * 1,000 rows) spent 20 of its 23 ms of reading in the tag scanner (BENCHMARKS.md). A whole cell
 * `<c r="B5" s="1" t="s"><v>12</v></c>` (r, s and t in that order, s and t optional, t one of
 * s n str b; self-closed or without <v> too); a row's start `<row r="5" …>` (not hidden: those go
 * the long way, which notes them); a row's end. Anything else (a formula, an inline string, a date
 * type, a prefix, other spacing) is read by the scanner below it, with the same result.
 */
const FAST =
  /<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,5})")?(?: t="(s|n|str|b)")?(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)|<\/row>|<row r="([1-9][0-9]{0,6})"((?: [\w:]+="[^"]*")*)>/y;

/** Excel's grid: 1,048,576 rows and 16,384 columns (XFD). */
const MAX_ROWS = 1 << 20;
const MAX_COLS = 1 << 14;

/** A cell or row placed outside Excel's grid: no spreadsheet program wrote it, and reading it
 *  would make a sheet of millions of empty rows (a 2 KB file took 6.7 s and 2.4 GB). The reader
 *  refuses the file (read.ts says so in Chinese) rather than hand it to SheetJS. */
export class OutsideGrid extends Error {
  constructor(
    readonly sheet: string,
    readonly where: string,
  ) {
    super(`${sheet}: ${where} is outside the grid`);
  }
}

/** Throws OutsideGrid for a row or column past Excel's last (the sheet's name is added by SheetReader). */
function inGrid(r: number, c: number): void {
  if (r >= MAX_ROWS) throw new OutsideGrid('', `第 ${r + 1} 行`);
  if (c >= MAX_COLS) throw new OutsideGrid('', `第 ${c + 1} 列`);
}

/** FAST cannot read the cell: the sheet goes to SheetJS, as the scanner would send it. */
const FAIL = Symbol('fail');

/** A <v>'s value as the scanner reads it for type t and style s. */
function fastValue(
  t: string | undefined,
  s: string | undefined,
  text: string,
  sst: string[],
  dates: boolean[],
): CellValue | undefined | typeof FAIL {
  if (t === 's') return sst[Number(text)] ?? FAIL;
  if (t === 'str') return unescape(text);
  if (t === 'b') return text === '1' || text === 'true';
  if (text === '') return undefined;
  if (dates[Number(s ?? 0)]) return FAIL; // a date: SheetJS turns it into a Date its own way
  const n = Number(text);
  return Number.isFinite(n) ? n : FAIL;
}

/** The cells of one piece of sheet XML from `pos` on, into st; false when the sheet holds
 *  something for SheetJS. Stops at the piece's end or at </sheetData> (st.dataEnd). */
function scanCells(xml: string, pos: number, st: Scan, sst: string[], dates: boolean[]): boolean {
  const { rows, hiddenRows } = st;
  const a: CellAttrs = { r: undefined, t: undefined, s: undefined, hidden: undefined };
  let r = st.r;
  let col = st.col;
  // The open cell (inCell), kept in locals rather than an object per cell; a piece ends after a
  // </row>, so no cell is open across pieces.
  let inCell = false;
  let cellR = 0;
  let cellC = 0;
  let cellT = 'n';
  let cellS = 0;
  let value: CellValue | undefined;
  // A scan from < to < rather than a regular expression: the tags matched by
  // <(\/?)(?:\w+:)?(row|c|v|is|f|sheetData)\b([^>]*?)(\/?)> , without a match array and four
  // strings for every tag (half the time of reading, and most of its garbage).
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    if (!inCell) {
      // A whole cell, a row's start or its end as Excel, openpyxl and hqds write them, in one match.
      FAST.lastIndex = lt;
      const m = FAST.exec(xml);
      if (m !== null && (m[6] === undefined || m[7].indexOf('hidden') < 0)) {
        pos = FAST.lastIndex;
        if (m[1] !== undefined) {
          const cr = Number(m[2]) - 1;
          const cc = columnIndex(m[1]);
          inGrid(cr, cc);
          col = cc;
          if (xml.charCodeAt(pos - 2) === 47) (rows[cr] ??= [])[cc] ??= null;
          else {
            const v = m[5] === undefined ? undefined : fastValue(m[4], m[3], m[5], sst, dates);
            if (v === FAIL) return false;
            (rows[cr] ??= [])[cc] = v === undefined ? null : v;
          }
        } else if (m[6] !== undefined) {
          r = Number(m[6]) - 1;
          inGrid(r, 0);
          col = -1;
        } else {
          const done = rows[r];
          if (done) rows[r] = done.slice();
        }
        continue;
      }
    }
    let i = lt + 1;
    const close = xml.charCodeAt(i) === 47;
    if (close) i++;
    let from = i;
    while (isWord(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) === 58 && i > from) {
      from = ++i; // a namespace prefix
      while (isWord(xml.charCodeAt(i))) i++;
    }
    const tag = xml.slice(from, i);
    if (!TAGS.has(tag)) {
      pos = lt + 1;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) break;
    pos = gt + 1;
    const self = xml.charCodeAt(gt - 1) === 47 && gt - 1 >= i;
    const attrs = tag === 'row' || tag === 'c' ? xml.slice(i, self ? gt - 1 : gt) : '';
    if (tag === 'sheetData') {
      if (close || self) {
        st.dataEnd = pos;
        break;
      }
      continue;
    }
    if (tag === 'row') {
      if (close) {
        // A row grown cell by cell has room for 17 cells whatever it holds; a copy has its own
        // length (5.6 MB less at 100,000 rows of 10 cells, held for the whole check).
        const done = rows[r];
        if (done && !inCell) rows[r] = done.slice();
        continue;
      }
      cellAttrs(attrs, a);
      r = a.r ? Number(a.r) - 1 : r + 1;
      inGrid(r, 0);
      col = -1;
      if (a.hidden === '1' || a.hidden === 'true') hiddenRows.push(r);
      continue;
    }
    if (tag === 'c') {
      if (close) {
        // An empty cell that exists (styled) is null, as SheetJS gives it with cellStyles on.
        if (inCell) (rows[cellR] ??= [])[cellC] = value === undefined ? null : value;
        inCell = false;
        continue;
      }
      cellAttrs(attrs, a);
      let cr = r;
      let cc = col + 1;
      if (a.r) [cr, cc] = decodeRef(a.r);
      if (cr < 0) cr = Math.max(r, 0);
      inGrid(cr, cc);
      col = cc;
      cellR = cr;
      cellC = cc;
      cellT = a.t ?? 'n';
      cellS = Number(a.s ?? 0);
      inCell = true;
      value = undefined;
      if (cellT === 'd') return false;
      if (self) {
        (rows[cr] ??= [])[cc] ??= null;
        inCell = false;
      }
      continue;
    }
    if (!inCell || close) continue;
    if (tag === 'f') {
      if (!self) {
        const end = xml.indexOf('</', pos);
        if (end < 0) return false;
        pos = xml.indexOf('>', end) + 1;
        if (pos === 0) return false;
      }
      continue;
    }
    if (tag === 'v') {
      if (self) continue;
      const end = xml.indexOf('</', pos);
      if (end < 0) return false;
      const text = xml.slice(pos, end);
      pos = xml.indexOf('>', end) + 1;
      if (pos === 0) return false;
      switch (cellT) {
        case 's': {
          const s = sst[Number(text)];
          if (s === undefined) return false;
          value = s;
          break;
        }
        case 'str':
          value = unescape(text);
          break;
        case 'b':
          value = text === '1' || text === 'true';
          break;
        case 'e':
          value = { error: unescape(text) };
          break;
        case 'n': {
          if (text === '') break;
          if (dates[cellS]) return false; // a date: SheetJS turns it into a Date its own way
          const n = Number(text);
          if (!Number.isFinite(n)) return false;
          value = n;
          break;
        }
        default:
          return false;
      }
      continue;
    }
    if (tag === 'is') {
      if (self) continue;
      const end = xml.indexOf('</is>', pos) >= 0 ? xml.indexOf('</is>', pos) : xml.search(/<\/\w+:is>/);
      if (end < 0) return false;
      if (cellT === 'inlineStr') value = richText(xml.slice(pos, end));
      pos = end;
    }
  }
  st.r = r;
  st.col = col;
  return true;
}

/** What every sheet of a workbook is read with. */
interface Book {
  dir: Map<string, ZipEntry>;
  wbXml: string;
  wbRels: ReturnType<typeof rels>;
  sst: string[];
  dates: boolean[];
  struck: Set<number>;
}

/** The workbook's parts other than its sheets, or null when SheetJS should read it. */
function book(bytes: Uint8Array, inflate: InflateRaw): Book | null {
  const dir = directory(bytes);
  if (!dir) return null;
  const root = rels(part(bytes, dir, '_rels/.rels', inflate), '');
  const office = [...root.values()].find((x) => x.type.endsWith('/officeDocument'));
  if (!office || office.type.startsWith('http://purl.oclc.org')) return null; // strict OOXML
  const wbName = office.target;
  const base = wbName.includes('/') ? wbName.slice(0, wbName.lastIndexOf('/') + 1) : '';
  const wbXml = part(bytes, dir, wbName, inflate);
  if (!wbXml) return null;
  const wbRels = rels(part(bytes, dir, `${base}_rels/${wbName.slice(base.length)}.rels`, inflate), base);
  if (/\bdate1904\s*=\s*["'](1|true)["']/.test(wbXml)) return null;
  let sst: string[] = [];
  let stylesXml: string | null = null;
  for (const rel of wbRels.values()) {
    if (rel.type.endsWith('/sharedStrings')) {
      const x = part(bytes, dir, rel.target, inflate);
      if (x) sst = sharedStrings(x);
    } else if (rel.type.endsWith('/styles')) stylesXml = part(bytes, dir, rel.target, inflate);
  }
  const dates = dateStyles(stylesXml);
  const struck = stylesXml ? struckFormats(stylesXml) : new Set<number>(); // struck-through rows are noted (src/io/strike.ts)
  return { dir, wbXml, wbRels, sst, dates, struck };
}

/** The shared strings. Each is made a string of its own: a slice of the part's text (V8 makes one
 *  for 13 characters or more) would keep the whole part alive as long as the cells (6 MB at
 *  100,000 rows). */
function sharedStrings(x: string): string[] {
  const out: string[] = [];
  // One match at a time: a list of every match first (100,000 arrays) outlived young collections.
  for (const m of x.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g))
    out.push(m[1] === undefined ? '' : own(richText(m[1])));
  return out;
}

/** A copy of the text (joined from its characters, lone surrogates included). */
const own = (s: string) => (s.length < 13 ? s : Array.from(s).join(''));

/** Each sheet's name and part, in the workbook's order, or null when one is not a worksheet. */
function sheetParts(b: Book): { name: string; target: string }[] | null {
  const out: { name: string; target: string }[] = [];
  for (const m of b.wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = unescape(attr(m[1], 'name') ?? '');
    const id = attr(m[1], 'r:id') ?? /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(m[1])?.[1];
    const rel = id ? b.wbRels.get(id) : undefined;
    if (!rel || !rel.type.endsWith('/worksheet')) return null;
    out.push({ name, target: rel.target });
  }
  return out;
}

/** The workbook's sheets, or null when SheetJS should read it. */
export function readXlsxFast(file: string, bytes: Uint8Array, inflate: InflateRaw): RawWorkbook | null {
  try {
    const b = book(bytes, inflate);
    const parts = b && sheetParts(b);
    if (!b || !parts) return null;
    const sheets: RawWorkbook['sheets'] = [];
    const notes: ReadNote[] = [];
    for (const { name, target } of parts) {
      // Struck-through rows are looked for in the whole text; otherwise the text is read in pieces.
      const xml = b.struck.size
        ? part(bytes, b.dir, target, inflate)
        : partBytes(bytes, b.dir, target, inflate);
      if (!xml) return null;
      const grid = sheet(name, xml, b.sst, b.dates);
      if (!grid) return null;
      sheets.push(finishSheet(grid, notes));
      if (typeof xml === 'string')
        for (const r of struckRowsIn(b.struck, xml)) notes.push(struckNote(name, r));
    }
    return sheets.length ? { file, sheets, notes } : null;
  } catch (e) {
    if (e instanceof OutsideGrid) throw e;
    return null;
  }
}

/** Raw deflate in, the inflated bytes out as they come (Node: zlib.createInflateRaw()). */
export type InflateRawStream = (data: Uint8Array) => AsyncIterable<Uint8Array>;

/** readXlsxFast with each sheet's XML inflated as a stream and read a piece at a time: neither its
 *  bytes nor its text are ever held whole (80 MB together at 100,000 rows). */
export async function readXlsxFastStreamed(
  file: string,
  bytes: Uint8Array,
  inflate: InflateRaw,
  stream: InflateRawStream,
): Promise<RawWorkbook | null> {
  try {
    const b = book(bytes, inflate);
    if (b?.struck.size) return readXlsxFast(file, bytes, inflate);
    const parts = b && sheetParts(b);
    if (!b || !parts) return null;
    const sheets: RawWorkbook['sheets'] = [];
    const notes: ReadNote[] = [];
    for (const { name, target } of parts) {
      const grid = await streamedSheet(name, bytes, b, target, inflate, stream);
      if (!grid) return null;
      sheets.push(finishSheet(grid, notes));
    }
    return sheets.length ? { file, sheets, notes } : null;
  } catch (e) {
    if (e instanceof OutsideGrid) throw e;
    return null;
  }
}

/** Sheets declaring more inflated bytes than this are streamed. */
const STREAM_MIN = 4 << 20;

async function streamedSheet(
  name: string,
  bytes: Uint8Array,
  b: Book,
  target: string,
  inflate: InflateRaw,
  stream: InflateRawStream,
): Promise<SheetGrid | null> {
  const e = b.dir.get(target.replace(/^\//, '').toLowerCase());
  if (!e || u32(bytes, e.offset) !== 0x04034b50 || (e.method !== 0 && e.method !== 8)) return null;
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  const raw = bytes.subarray(start, start + e.csize);
  // A small sheet is inflated at once: a stream's set-up cost more than the sheet (50 files of 200
  // rows: 60 ms of 420, BENCHMARKS.md), and its bytes are nothing to hold.
  if (e.method === 0 || e.usize <= STREAM_MIN) {
    const whole = partBytes(bytes, b.dir, target, inflate);
    return whole && sheet(name, whole, b.sst, b.dates);
  }
  const reader = new SheetReader(name, b.sst, b.dates);
  const pieces = new Pieces();
  for await (const chunk of stream(raw)) {
    const piece = pieces.push(chunk);
    if (piece !== null) reader.feed(piece);
    if (!reader.wants) break;
  }
  if (reader.wants) reader.feed(pieces.end());
  return reader.finish();
}
