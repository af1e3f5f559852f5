/**
 * Finding what a received sheet holds: a summary table below title and meta lines, or a
 * basic-information form (附件1) laid out as label | value with checkbox lists.
 */
import { cellText, isBlank, type CellValue } from './cell';
import { scoreHeaderRows, splitHeaderUnit, type HeaderIndex } from './header';
import type { Table } from './engine';
import { labelKey, quote, toHalfWidth } from './text';
import { PROFILES } from './profiles';

let footnoteKeys: Set<string> | null = null;
/** Every format's own footnote: 武汉's 「结构化数据以行/条为单位…」 opens with no 「注：」. */
function isFootnote(text: string): boolean {
  footnoteKeys ??= new Set(PROFILES.flatMap((p) => (p.sheet.footnote ? [labelKey(p.sheet.footnote)] : [])));
  return footnoteKeys.has(labelKey(text));
}
import { parseForm, type FormCell, type FormOnlyValue } from './form';

export { checkedValues, parseForm, type FormCell } from './form';

export interface LocatedTable {
  kind: 'table';
  /** 0-based row of the header in the sheet (the upper row of a two-level header). */
  headerRow: number;
  /** 0-based row below the header: below both rows of a two-level header, or below a units line. */
  bodyRow: number;
  /** For each header column, the 0-based sheet row its label is in: the lower row for a two-level
   *  header's sub-columns, else headerRow. Where a fix renames a header, it writes there. */
  labelRows: number[];
  table: Table;
  /** 0-based sheet row of each table row. */
  sheetRows: number[];
  /** Rows with content that are not table rows (title lines above the header, notes and footnotes
   *  below it), 0-based sheet rows, each with its reason: counted, never dropped. */
  leftOut: { row: number; reason: string }[];
}

export interface LocatedForm {
  kind: 'form';
  table: Table;
  /** 0-based sheet row where each dataset (entry) begins. */
  sheetRows: number[];
  /** Per-row column overrides for the engine: header index → column key. */
  mapping: Record<number, string | null>;
  /** For each entry and profile column, the sheet cell (0-based) its value was read from. */
  cells: (FormCell | null)[][];
  /** Summary columns the form has no field for (序号, 武汉's 产生社会经济效益): not required of it. */
  notCarried: string[];
  /** Values of fields only the form has, for their own checks. */
  formOnly: FormOnlyValue[];
}

export type Located = LocatedTable | LocatedForm | { kind: 'none'; reason: string };

/** A note by its opening word: 「注：…」, 「说明：」, 「填表人：」, 「附件2」. */
const NOTE_WORD =
  /^(注|说明|备注|填表说明|填报说明|填表人?|填报人?|审核人?|联系人|负责人|制表人?|单位负责人|日期|盖章|单位盖章)\s*([：:\s]|$)|^注\s*\d|^(附件|附表)\s*\d/;
/** A numbered note: 「1. …」, 「（2）…」, 「3、…」; a figure such as 「1.5万条」 is not one. */
const NUMBERED = /^[(（]?\d{1,2}\s*[)）.、．]\s*[^\d\s]/;

/** The header is looked for in the first rows, and further down only when none is found there. */
const HEADER_SCAN = 30;
const HEADER_SCAN_MAX = 2000;

export function locate(index: HeaderIndex, rows: readonly (readonly CellValue[])[]): Located {
  let best = scoreHeaderRows(index, rows, HEADER_SCAN);
  // No clear header in the first rows: look further down (a long instruction block above the table).
  if (best.score < 3 && rows.length > HEADER_SCAN) {
    const further = scoreHeaderRows(index, rows, HEADER_SCAN_MAX);
    if (further.score > best.score) best = further;
  }
  // A header mapping three columns is a table whatever else the sheet holds: the form reader, which
  // tries every cell as a label, is not run (6 % of a 100,000-row check, BENCHMARKS.md).
  const form = best.score >= 3 ? null : parseForm(index.profile, rows);
  // A form's label row can look like a two-column header (「数据集名称 | … | 数据集规模」); a real
  // header maps at least three columns, or two when the sheet is no form at all.
  const h = best.score >= 3 || (best.score >= 2 && !form) ? best.row : -1;
  if (h >= 0) {
    const { top, header, start, labelRows } = headerAt(index, rows, h);
    const leftOut: LocatedTable['leftOut'] = [];
    for (let r = 0; r < top; r++)
      if (hasContent(rows[r])) leftOut.push({ row: r, reason: '表头以上的标题或说明行' });
    const nameCols = header
      .map((x, c) => ({ c, key: index.match(cellText(x).trim()).key }))
      .filter((x) => x.key === 'name' || x.key === 'projectName')
      .map((x) => x.c);
    const { body, sheetRows } = tableBody(rows, start, nameCols, leftOut);
    return {
      kind: 'table',
      headerRow: top,
      bodyRow: start,
      labelRows,
      table: { header, rows: body },
      sheetRows,
      leftOut,
    };
  }
  if (form) return form;
  const first = rows.findIndex(hasContent);
  const seen =
    first < 0
      ? ''
      : `第 ${first + 1} 行是${quote(
          rows[first]
            .map((c) => cellText(c).trim())
            .filter(Boolean)
            .join(' | '),
        )}。`;
  return {
    kind: 'none',
    reason: `找不到表头：前 ${Math.min(rows.length, HEADER_SCAN_MAX)} 行中没有一行能对应到本表的两列以上，也不像基本信息表。${seen}请确认格式（--profile）是否选对，或把表头改为通知中的列名。`,
  };
}

/** The header around the best-scoring row h: its top row, its labels (a two-level header's or a
 *  units line's folded in), the row the data starts in and each label's own row. */
function headerAt(
  index: HeaderIndex,
  rows: readonly (readonly CellValue[])[],
  h: number,
): { top: number; header: CellValue[]; start: number; labelRows: number[] } {
  let header = [...rows[h]];
  let start = h + 1;
  let top = h;
  const next = rows[h + 1];
  // Two-level headers: a merged group heading over sub-columns (数据量 over 结构化（条） and
  // 非结构化（GB）), found with either row as the best-scoring one.
  const below = next ? twoLevel(index, rows[h], next) : null;
  const above = !below && h > 0 ? twoLevel(index, rows[h - 1], rows[h]) : null;
  const lower = below ? next : above ? rows[h] : null;
  if (below) {
    header = below;
    start = h + 2;
  } else if (above) {
    header = above;
    top = h - 1;
  } else if (next && isSubHeader(next)) {
    foldSubHeader(header, next);
    start = h + 2;
  }
  const labelRows = header.map((_, c) => {
    const sub = lower ? cellText(lower[c]).trim() : '';
    return sub && sub !== cellText(rows[top][c]).trim() ? top + 1 : top;
  });
  return { top, header, start, labelRows };
}

/** The rows below the header, without trailing blank rows; notes and footnotes go to leftOut. */
function tableBody(
  rows: readonly (readonly CellValue[])[],
  start: number,
  nameCols: readonly number[],
  leftOut: LocatedTable['leftOut'],
): { body: (readonly CellValue[])[]; sheetRows: number[] } {
  // Rows after the last one with content are not read: trailing blank rows hold nothing to report.
  let end = rows.length;
  while (end > start && !hasContent(rows[end - 1])) end--;
  const body: (readonly CellValue[])[] = [];
  const sheetRows: number[] = [];
  let inNotes = false;
  for (let r = start; r < end; r++) {
    const row = rows[r] ?? [];
    const note = noteReason(row, nameCols, inNotes);
    if (note) {
      inNotes = note.startsNotes || inNotes;
      leftOut.push({ row: r, reason: note.reason });
      continue;
    }
    if (hasContent(row)) inNotes = false;
    // The sheet's own row, not a copy: nothing writes to a table's rows (a copy was 13 MB at
    // 100,000 rows, held beside the sheet for the whole merge).
    body.push(row);
    sheetRows.push(r);
  }
  return { body, sheetRows };
}

function hasContent(row: readonly CellValue[] | undefined): boolean {
  return !!row && row.some((c) => !isBlank(c));
}

/**
 * Whether a row below the header is a note rather than a dataset, and why. A note holds one text
 * (a merged footnote repeats it across the cells it covers): it opens with 注/说明/附件, or is
 * numbered (「1. …」) — unless that one text sits in the name column and reads like a name, since a
 * row with only a dataset name is an incomplete dataset, to be reported, not hidden. Once a 「注：」
 * line is seen, the one-text rows that follow are the note's continuation.
 */
function noteReason(
  row: readonly CellValue[],
  nameCols: readonly number[],
  inNotes: boolean,
): { reason: string; startsNotes: boolean } | null {
  let text: string | null = null;
  const cols: number[] = [];
  let signatures = true;
  let many = false;
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    const t = cellText(row[c]).trim();
    if (!NOTE_WORD.test(t)) signatures = false;
    if (text === null) text = t;
    else if (t !== text) many = true;
    cols.push(c);
  }
  if (text === null) return null;
  // 「填表人： | 审核人： | 日期：」: a signature line, every text of it a label.
  if (many) return signatures ? { reason: `表尾签署行（${quote(text)}…）`, startsNotes: true } : null;
  const inName = cols.length === 1 && nameCols.includes(cols[0]);
  if (NOTE_WORD.test(text) || isFootnote(text))
    return { reason: `表尾说明或注释（${quote(text)}）`, startsNotes: true };
  const sentence = /[。；;]|，.*，/.test(text) || text.length > 40;
  if (NUMBERED.test(text) && (!inName || sentence))
    return { reason: `表尾的编号说明（${quote(text)}）`, startsNotes: true };
  if (inNotes && !inName && cols.length >= 1)
    return { reason: `表尾说明的续行（${quote(text)}）`, startsNotes: false };
  return null;
}

/** 「数据量 | 数据量」 over 「结构化（条） | 非结构化（GB）」: each grouped column is named by the label
 *  that the header index knows best — the sub-label, or group and sub-label together. Null when the
 *  rows are not such a pair: no group spans two columns with different labels under it. */
function twoLevel(
  index: HeaderIndex,
  top: readonly CellValue[],
  bottom: readonly CellValue[],
): CellValue[] | null {
  const n = Math.max(top.length, bottom.length);
  const b = (c: number) => cellText(bottom[c]).trim();
  // A title merged across the whole table repeats one text everywhere: that is no group row.
  if (new Set(top.map((x) => cellText(x).trim()).filter(Boolean)).size < 2) return null;
  // Excel (Office.js) gives a merged group heading in its first cell only, the rest blank, where
  // our file readers copy it into every cell. A blank upper cell right of a heading that has a
  // different label under it, over a text label of its own, continues that heading. Such a sheet
  // shows the ungrouped labels merged over both rows as blanks below them; without one, the upper
  // row is a line above the table (「推荐单位：（盖章）| | 年 月 日」), not a group row.
  const upper: string[] = [];
  let filled = false;
  let spansBoth = false;
  for (let c = 0; c < n; c++) {
    const own = cellText(top[c]).trim();
    const prev = upper[c - 1];
    const carry =
      !own && !!prev && typeof bottom[c] === 'string' && !!b(c) && !!b(c - 1) && b(c - 1) !== prev;
    filled ||= carry;
    spansBoth ||= !!own && !b(c);
    upper.push(carry ? prev : own);
  }
  if (filled && !spansBoth) return null;
  const t = (c: number) => upper[c] ?? '';
  let groups = 0;
  const out: CellValue[] = [];
  for (let c = 0; c < n; c++) {
    const parent = t(c);
    const sub = b(c);
    const grouped = parent !== '' && (t(c - 1) === parent || t(c + 1) === parent);
    if (grouped && sub && sub !== parent) {
      groups++;
      const both = `${parent}${sub}`;
      const a = index.match(sub);
      const j = index.match(both);
      const score = (m: { key: string | null; how: string | null; score: number }) =>
        m.key ? (m.how === 'fuzzy' ? m.score : 2) : 0;
      // Both known exactly: the longer name is the more specific one (hqds learn names a sub-label
      // that repeats under two groups 「样本数文本」, while 「文本」 is the first group's column).
      out.push(score(j) > score(a) || (score(j) === 2 && score(a) === 2) ? both : sub);
    } else if (!sub || sub === parent) out.push(top[c] ?? null);
    else if (!parent) out.push(bottom[c] ?? null);
    else return null; // a different label under an ungrouped heading: the second row is data
  }
  return groups >= 2 ? out : null;
}

/** A second header line with units or sub-labels is folded into the first. */
function foldSubHeader(header: CellValue[], next: readonly CellValue[]): void {
  for (let c = 0; c < next.length; c++) {
    const t = cellText(next[c]).trim();
    if (t && t !== cellText(header[c]).trim() && !sameUnit(cellText(header[c]), t))
      header[c] = `${cellText(header[c])}${t}`;
  }
}

/** 「（GB）」 under 「数据量（GB）」 says the unit again: folded in it would read 「数据量（GB）（GB）」,
 *  which maps to no column (or only by likeness). */
function sameUnit(header: string, units: string): boolean {
  const own = splitHeaderUnit(header).unit;
  return own !== undefined && own === splitHeaderUnit(units).unit;
}

function isSubHeader(row: readonly CellValue[]): boolean {
  const texts = row.map((c) => cellText(c).trim()).filter(Boolean);
  if (!texts.length) return false;
  // Units alone, such as （GB） or 单位：TB, under the labels.
  return texts.every((t) =>
    /^[(（]?\s*(单位[:：])?\s*(GB|TB|MB|PB|条|行|万条|个|%|万元)\s*[)）]?$/i.test(toHalfWidth(t)),
  );
}
