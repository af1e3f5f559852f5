/**
 * Text inputs: pasted cells (tab-separated as Excel and WPS copy them), .csv and .tsv files in
 * UTF-8 (with or without BOM), GBK/GB18030 (Excel's 「CSV」 in a Chinese locale) and UTF-16
 * (Excel's 「Unicode 文本」). Runs in the browser too: TextDecoder only, no Node APIs.
 */
import type { CellValue } from '../core/cell';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Detects the encoding: a BOM first; then UTF-16 by its zero bytes; then strict UTF-8; else GB18030
 *  (a superset of GBK and GB2312). Never garbles: GB18030 decodes any byte sequence. */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(bytes.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  if (n >= 4 && zeroOdd > n / 8 && zeroEven < n / 64) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && zeroEven > n / 8 && zeroOdd < n / 64) return { encoding: 'utf-16be', bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

/** Something the reader noticed in a text file, by its 1-based line. */
export interface TextNote {
  line: number;
  message: string;
}

export interface Decoded {
  text: string;
  encoding: Encoding | 'mixed';
  /** Lines that could not be decoded cleanly, and lines decoded as GBK in an otherwise UTF-8 file. */
  notes: TextNote[];
}

/** Decodes a text file. A file that is not valid UTF-8 is decoded as GB18030 only when no line of
 *  it is valid UTF-8 with Chinese in it; otherwise line by line (files pieced together from UTF-8
 *  and GBK parts, or UTF-8 with a stray byte), and each such line is reported, never guessed at. */
export function decodeText(bytes: Uint8Array): Decoded {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom);
  if (encoding !== 'gb18030') return { text: new TextDecoder(encoding).decode(body), encoding, notes: [] };
  const lines = splitLines(body);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  // Any line that is valid UTF-8 and has non-ASCII text in it means the file is not plain GBK.
  let utf8Lines = 0;
  for (const l of lines) {
    if (!hasHighByte(l)) continue;
    try {
      utf8.decode(l);
      utf8Lines++;
    } catch {
      /* not UTF-8 */
    }
  }
  if (utf8Lines === 0)
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030', notes: [] };
  const lossy = new TextDecoder('utf-8');
  const gbk = new TextDecoder('gb18030', { fatal: true });
  const notes: TextNote[] = [];
  const parts: string[] = [];
  lines.forEach((l, i) => {
    try {
      parts.push(utf8.decode(l));
      return;
    } catch {
      /* below */
    }
    const asUtf8 = lossy.decode(l);
    const bad = countChar(asUtf8, '\ufffd');
    const good = countNonAscii(asUtf8) - bad;
    // Mostly well-formed UTF-8 with a byte or two wrong: keep it as UTF-8 and say where.
    if (good > 0 && bad <= Math.max(2, good / 4)) {
      parts.push(asUtf8);
      notes.push({
        line: i + 1,
        message: `第 ${i + 1} 行有 ${bad} 处字节不是有效的 UTF-8，已显示为「\ufffd」：请对照原件核实这一行。`,
      });
      return;
    }
    try {
      parts.push(gbk.decode(l));
      notes.push({
        line: i + 1,
        message: `第 ${i + 1} 行是 GBK 编码（文件其余部分是 UTF-8），已按 GBK 读取：请核实这一行的文字。`,
      });
    } catch {
      parts.push(asUtf8);
      notes.push({
        line: i + 1,
        message: `第 ${i + 1} 行既不是有效的 UTF-8 也不是 GBK，无法识别的字节已显示为「\ufffd」：请对照原件核实这一行。`,
      });
    }
  });
  return { text: parts.join(''), encoding: 'mixed', notes };
}

/** Lines with their line breaks, split at LF bytes: 0x0A is never part of a multi-byte character in
 *  UTF-8 or GB18030 (its trail bytes are 0x30–0x39 and 0x40–0xFE), so no character is cut. */
function splitLines(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) {
      out.push(b.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < b.length) out.push(b.subarray(start));
  return out;
}

function hasHighByte(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) n++;
  return n;
}

const CANDIDATES = ['\t', ',', '，', ';', '|'];

/** The delimiter of a delimited text, chosen by which candidate splits the first records (parsed
 *  with quoting) into the same number of fields most often, the larger count breaking ties. A
 *  character merely appearing decides nothing: online systems export CSV whose values begin with a
 *  tab (to stop Excel reading them as formulas), and such a file is comma-separated. */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 65536);
  let best = { d: ',', support: 0, fields: 1 };
  for (const d of CANDIDATES) {
    const { rows } = parseRecords(head, d, 50);
    const freq = new Map<number, number>();
    for (const r of rows) if (r.length > 1) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    for (const [fields, support] of freq) {
      if (support > best.support || (support === best.support && fields > best.fields))
        best = { d, support, fields };
    }
  }
  return best.d;
}

/** RFC 4180 parsing with quoted fields (embedded delimiters, quotes and line breaks). Every value
 *  stays a string: 「=SUM(A1)」, 「+1」, 「-」 and 「@x」 are data, never formulas. */
export function parseDelimited(text: string, delimiter = sniffDelimiter(text)): string[][] {
  return parseRecords(text, delimiter, Infinity, modalFields(text, delimiter)).rows;
}

/** The same, with what was noticed on the way (unbalanced quotes) by line. */
export function parseDelimitedWithNotes(
  text: string,
  delimiter = sniffDelimiter(text),
): { rows: string[][]; notes: TextNote[]; lines: number[] } {
  return parseRecords(text, delimiter, Infinity, modalFields(text, delimiter));
}

/** The field count most of the first records have (with quoting), or 0 when there is none. */
function modalFields(text: string, delimiter: string): number {
  const { rows } = parseRecords(text.slice(0, 65536), delimiter, 50);
  const freq = new Map<number, number>();
  for (const r of rows) if (r.length > 1) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
  let best = 0;
  let support = 0;
  for (const [f, n] of freq) if (n > support || (n === support && f > best)) [best, support] = [f, n];
  return best;
}

/** Whether a quoted field's content holds what looks like whole rows: a line inside it with as many
 *  delimiters as a row has. Then its opening quote was a stray one that paired with a quote rows
 *  later, and the field would swallow those rows. */
function swallowsRows(content: string, delimiter: string, fields: number): boolean {
  if (fields < 3 || !content.includes('\n')) return false;
  const need = fields - 1;
  let count = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\n') {
      if (count >= need) return true;
      count = 0;
    } else if (ch === delimiter) count++;
  }
  return false;
}

/**
 * One pass over the text. A quoted field ends at a quote followed by the delimiter, a line break or
 * the end; a quote followed by anything else, or no closing quote at all, means the opening quote was
 * not a field quote (「"特级" 数据」, a stray 「"」): that field is read again with the quote as an
 * ordinary character and the line is reported, so one stray quote never swallows the rows after it.
 * So is a quoted field that closes rows later with a whole row's worth of delimiters on a line inside
 * it (the stray quote paired with a quote at the end of a later value). Each character is scanned at
 * most a few times, so the time is linear.
 */
function parseRecords(
  text: string,
  delimiter: string,
  maxRows = Infinity,
  fields = 0,
): { rows: string[][]; notes: TextNote[]; lines: number[] } {
  const rows: string[][] = [];
  /** The 1-based line each row starts on. */
  const lines: number[] = [];
  const notes: TextNote[] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const isEnd = (ch: string | undefined) =>
    ch === undefined || ch === delimiter || ch === '\n' || ch === '\r';
  while (i < n && rows.length < maxRows) {
    if (!row.length) lines.push(line);
    let field = '';
    if (text[i] === '"') {
      // Try it as a quoted field.
      let j = i + 1;
      let buf = '';
      let lines = 0;
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          j = n;
          break;
        }
        buf += text.slice(j, q);
        if (text[q + 1] === '"') {
          buf += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = isEnd(text[j]);
        break;
      }
      if (closed && swallowsRows(buf, delimiter, fields)) closed = false;
      if (closed) {
        for (let k = 0; k < buf.length; k++)
          if (buf[k] === '\n' || (buf[k] === '\r' && buf[k + 1] !== '\n')) lines++;
        field = buf;
        i = j;
        line += lines;
      } else {
        notes.push({
          line,
          message: `第 ${line} 行有不配对的引号：已把引号当作普通字符读取，之后的行照常读取，请核实这一行。`,
        });
        let k = i + 1;
        while (k < n && !isEnd(text[k])) k++;
        field = text.slice(i, k);
        i = k;
      }
    } else {
      let k = i;
      while (k < n && !isEnd(text[k])) k++;
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    const ch = text[i];
    if (ch === delimiter) {
      i++;
      if (i >= n) {
        row.push('');
        rows.push(row);
        row = [];
      }
    } else {
      rows.push(row);
      row = [];
      if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
    }
  }
  return { rows, notes, lines };
}

/** Pasted text from Excel or WPS (tab-separated) or a CSV snippet, as rows of cells. */
export function parsePasted(text: string): CellValue[][] {
  return parseDelimited(text.replace(/^\ufeff/, ''));
}
