/**
 * Pasted text as rows, with the separator that keeps the fields consistent. Excel and WPS copy
 * tab-separated cells; a WeChat message uses 「，」 or 「,」 between fields and often inside one
 * (「图片100GB，音频160GB」). Rows whose field count differs from the header's are returned for the
 * clerk to resolve one by one: nothing is shifted, joined or guessed silently.
 */
import { parseDelimited } from '../io/text';
import type { CellValue } from '../core/cell';

export interface PastedRow {
  /** 0-based line among the non-empty lines (the header is line 0). */
  line: number;
  text: string;
  cells: string[];
}

export interface Pasted {
  delimiter: string;
  header: string[];
  rows: PastedRow[];
  /** Rows with more or fewer fields than the header: to be resolved before anything is written. */
  mismatched: PastedRow[];
  /** Why there is nothing to import, in Chinese; null when there are rows. */
  empty: string | null;
}

const CANDIDATES = ['\t', '，', ',', '；', ';', '|'];

/** How many lines split into exactly as many fields as the header does. */
function consistency(lines: string[], d: string): { width: number; agree: number } {
  const width = parseDelimited(lines[0], d)[0]?.length ?? 1;
  const agree = lines.slice(1).filter((l) => (parseDelimited(l, d)[0]?.length ?? 1) === width).length;
  return { width, agree };
}

/** The separator under which the most lines have the header's number of fields (tab wins ties). */
export function pasteDelimiter(lines: string[]): string {
  let best = { d: '\t', agree: -1, width: 1 };
  for (const d of CANDIDATES) {
    if (!lines[0].includes(d)) continue;
    const c = consistency(lines, d);
    if (c.width > 1 && (c.agree > best.agree || (c.agree === best.agree && c.width > best.width)))
      best = { d, ...c };
  }
  return best.d;
}

export function parsePaste(text: string): Pasted {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '');
  if (!lines.length)
    return {
      delimiter: '\t',
      header: [],
      rows: [],
      mismatched: [],
      empty: '粘贴内容是空的：请从 Excel、WPS 或微信复制含表头的几行再粘贴。',
    };
  const delimiter = pasteDelimiter(lines);
  const header = parseDelimited(lines[0], delimiter)[0].map((s) => s.trim());
  if (header.length < 2) {
    return {
      delimiter,
      header,
      rows: [],
      mismatched: [],
      empty: '没有读出表头的各列：第一行应是表头，列之间用 Tab（从 Excel 复制即是）或「，」分隔。',
    };
  }
  const rows = lines
    .slice(1)
    .map((l, i) => ({ line: i + 1, text: l, cells: parseDelimited(l, delimiter)[0].map((s) => s.trim()) }));
  if (!rows.length)
    return {
      delimiter,
      header,
      rows,
      mismatched: [],
      empty: '只读到表头，没有数据行：请连同数据行一起复制。',
    };
  const mismatched = rows.filter((r) => r.cells.length !== header.length);
  return { delimiter, header, rows, mismatched, empty: null };
}

/** Re-split one row the clerk edited, with the paste's separator. */
export function resplit(text: string, delimiter: string): string[] {
  return (parseDelimited(text, delimiter)[0] ?? []).map((s) => s.trim());
}

/** The rows to import: the header and every row (edited ones as edited; skipped ones left out). */
export function pastedRows(p: Pasted, edits: Record<number, string[] | 'skip'>): CellValue[][] {
  const out: CellValue[][] = [p.header];
  for (const r of p.rows) {
    const e = edits[r.line];
    if (e === 'skip') continue;
    out.push(e ?? r.cells);
  }
  return out;
}

/** Mismatched rows still waiting for the clerk. */
export function unresolved(p: Pasted, edits: Record<number, string[] | 'skip'>): PastedRow[] {
  return p.mismatched.filter((r) => {
    const e = edits[r.line];
    return e === undefined || (e !== 'skip' && e.length !== p.header.length);
  });
}
