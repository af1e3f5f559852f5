/**
 * One sheet's cells made into rows, whichever reader found them (SheetJS, or the fast .xlsx path):
 * the data area trimmed, merges expanded only within it and within a budget, hidden rows and
 * columns with content noted. Both readers end here so they cannot drift apart on what is kept.
 */
import { columnLetter } from '../core/address';
import type { CellValue } from '../core/cell';
import type { RawSheet, ReadNote } from './read';

/** A merge copies its value into at most this many cells per sheet in all: a real form has a few
 *  hundred merged cells; a hostile file can declare merges over millions. */
const MERGE_FILL_BUDGET = 2_000_000;

export interface SheetGrid {
  name: string;
  /** Cell values by 0-based row and column; holes are empty cells. */
  grid: (CellValue | undefined)[][];
  /** Merged regions as declared, 0-based inclusive, not yet expanded. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  hiddenRows: readonly number[];
  hiddenCols: readonly number[];
}

const filled = (v: CellValue | undefined) =>
  v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

export function finishSheet(sheet: SheetGrid, notes: ReadNote[]): RawSheet {
  const { name } = sheet;
  const rows: CellValue[][] = [];
  // The data area: the last row and column holding a cell value, before merges are expanded.
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < sheet.grid.length; r++) {
    const row: CellValue[] = sheet.grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) row[c] = null;
      else if (row[c] !== null) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
      }
    }
    rows.push(row);
  }
  // Trailing rows without a value are not read: a formatted but empty range is nothing to report.
  rows.length = lastRow + 1;
  const merges = expandMerges(name, sheet.merges, rows, lastRow, lastCol, notes);
  hiddenNotes(name, sheet, rows, notes);
  return { name, rows, merges };
}

function expandMerges(
  name: string,
  declared: SheetGrid['merges'],
  rows: CellValue[][],
  lastRow: number,
  lastCol: number,
  notes: ReadNote[],
): RawSheet['merges'] {
  const merges: RawSheet['merges'] = [];
  let budget = MERGE_FILL_BUDGET;
  for (const m of declared) {
    const { r1, c1 } = m;
    if (r1 > lastRow || c1 > lastCol || r1 < 0 || c1 < 0) continue; // covers no data: nothing to copy
    // Merges are expanded only within the data area: a merge over A10:XFD2000 in a small file copies
    // its value into the table's columns and rows, not into millions of cells.
    const r2 = Math.min(m.r2, lastRow);
    const c2 = Math.min(m.c2, lastCol);
    const cells = (r2 - r1 + 1) * (c2 - c1 + 1);
    if (cells > budget) {
      const message = `合并单元格过多，从第 ${r1 + 1} 行起的合并区域没有展开：合并区域中只有左上角一格有值，请核对。`;
      notes.push({ sheet: name, row: r1 + 1, code: 'merge-not-expanded', message });
      break;
    }
    budget -= cells;
    merges.push({ r1, c1, r2, c2 });
    const v = rows[r1]?.[c1] ?? null;
    for (let r = r1; r <= r2; r++) {
      const row = (rows[r] ??= []);
      for (let c = row.length; c < c1; c++) row[c] = null;
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) row[c] = v;
    }
  }
  return merges;
}

/** Hidden rows and columns are read like any other; each one with content gets a note so a person
 *  decides whether it belongs in the summary (a withdrawn dataset is often hidden, not deleted). */
function hiddenNotes(name: string, sheet: SheetGrid, rows: CellValue[][], notes: ReadNote[]): void {
  for (const r of sheet.hiddenRows) {
    if (r < rows.length && (rows[r] ?? []).some(filled)) {
      const message = `第 ${r + 1} 行是隐藏行：已照常读取，请确认它是否应当汇总（不需要的请删去）。`;
      notes.push({ sheet: name, row: r + 1, code: 'row-hidden', message });
    }
  }
  for (const c of sheet.hiddenCols) {
    if (!rows.some((row) => filled(row[c]))) continue;
    const message = `第 ${columnLetter(c)} 列是隐藏列：已照常读取，请确认其内容。`;
    notes.push({ sheet: name, row: null, code: 'column-hidden', message });
  }
}
