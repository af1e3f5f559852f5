/**
 * Finding what a received sheet holds: a summary table below title and meta lines, or a
 * basic-information form (附件1) laid out as label | value with checkbox lists.
 */
import { cellText, isBlank, type CellValue } from './cell';
import { scoreHeaderRows, type HeaderIndex } from './header';
import type { Profile } from './profile';
import type { Table } from './engine';
import { toHalfWidth } from './text';
import { parseForm, type FormCell } from './form';

export { checkedValues, parseForm, type FormCell } from './form';

export interface LocatedTable {
  kind: 'table';
  /** 0-based row of the header in the sheet. */
  headerRow: number;
  table: Table;
  /** 0-based sheet row of each table row. */
  sheetRows: number[];
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
}

export type Located = LocatedTable | LocatedForm | { kind: 'none'; reason: string };

/** 「附件2」「注：…」「填表人：」 and the like, after a table: not datasets. */
const NOTE_ROW = /^(注|说明|备注|填表|填报|审核|联系人|负责人|制表)[：:\s]|^附件\s*\d|^\d+\.\s*\S/;

export function locate(index: HeaderIndex, rows: readonly (readonly CellValue[])[]): Located {
  const best = scoreHeaderRows(index, rows);
  const profile = index.profile;
  const form = parseForm(profile, rows);
  // A form's label row can look like a two-column header (「数据集名称 | … | 数据集规模」); a real
  // header maps at least three columns, or two when the sheet is no form at all.
  const h = best.score >= 3 || (best.score >= 2 && !form) ? best.row : -1;
  if (h >= 0) {
    // A two-row header (the second line carries units or sub-labels) is folded into the first.
    const header = [...rows[h]];
    const next = rows[h + 1];
    if (next && isSubHeader(index, next)) {
      for (let c = 0; c < next.length; c++) {
        const t = cellText(next[c]).trim();
        if (t && t !== cellText(header[c]).trim()) header[c] = `${cellText(header[c])}${t}`;
      }
    }
    const start = next && isSubHeader(index, next) ? h + 2 : h + 1;
    const body: CellValue[][] = [];
    const sheetRows: number[] = [];
    for (let r = start; r < rows.length; r++) {
      const row = rows[r] ?? [];
      const filled = row.filter((c) => !isBlank(c));
      // A lone note under the table (「注：…」) is not a dataset; it is left out by the engine as
      // a row whose cells map to nothing only if it sits in an unmapped column, so drop it here.
      if (filled.length === 1 && NOTE_ROW.test(cellText(filled[0]).trim())) continue;
      body.push([...row]);
      sheetRows.push(r);
    }
    return { kind: 'table', headerRow: h, table: { header, rows: body }, sheetRows };
  }
  if (form) return form;
  return { kind: 'none', reason: '找不到表头：前 30 行中没有一行能对应到本表的两列以上，也不像基本信息表。' };
}

function isSubHeader(index: HeaderIndex, row: readonly CellValue[]): boolean {
  const texts = row.map((c) => cellText(c).trim()).filter(Boolean);
  if (!texts.length) return false;
  // Units alone, such as （GB） or 单位：TB, under the labels.
  return texts.every((t) => /^[(（]?\s*(单位[:：])?\s*(GB|TB|MB|PB|条|行|万条|个|%|万元)\s*[)）]?$/i.test(toHalfWidth(t)));
}
