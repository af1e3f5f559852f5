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
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? zeroOdd++ : zeroEven++);
  if (n >= 4 && zeroOdd > n / 8 && zeroEven < n / 64) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && zeroEven > n / 8 && zeroOdd < n / 64) return { encoding: 'utf-16be', bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bom } = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bom)), encoding };
}

/** The delimiter of a delimited text: tab when present on the first lines (Excel's clipboard),
 *  otherwise the most frequent of , ; | outside quotes. */
export function sniffDelimiter(text: string): string {
  const head = text.slice(0, 8192).split(/\r\n|\n|\r/).slice(0, 20);
  const count = (d: string) => head.reduce((a, l) => a + (l.split('"').filter((_, i) => i % 2 === 0).join('').split(d).length - 1), 0);
  if (count('\t') > 0) return '\t';
  const best = [',', '，', ';', '|'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

/** RFC 4180 parsing with quoted fields (embedded delimiters, quotes and line breaks). Every value
 *  stays a string: 「=SUM(A1)」, 「+1」, 「-」 and 「@x」 are data, never formulas. */
export function parseDelimited(text: string, delimiter = sniffDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Pasted text from Excel or WPS (tab-separated) or a CSV snippet, as rows of cells. */
export function parsePasted(text: string): CellValue[][] {
  return parseDelimited(text.replace(/^\ufeff/, ''));
}
