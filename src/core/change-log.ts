/**
 * The 「修改记录」 sheet: one row per value the tool changed, so the original survives in the
 * workbook itself (not only in the pane) where a cell note cannot hold it: an Office.js library or
 * host without notes (ExcelApi 1.18), or changes made in bulk. Both writers lay the sheet out
 * through this one function: the Office.js adapter appends rows to it, and the pane's 全部修正 and
 * hqds build write it from plan and merge changes.
 */
import { cellText, type CellValue } from './cell';

export const CHANGE_LOG_SHEET = '修改记录';
export const CHANGE_LOG_HEADER = ['时间', '工作表', '单元格', '原值', '新值', '说明'] as const;
/** Column widths in characters, in the header's order. */
export const CHANGE_LOG_WIDTHS = [17, 16, 8, 28, 28, 48] as const;

export interface ChangeLogEntry {
  time: Date;
  sheet: string;
  /** A1 address of the changed cell, 「E8」. */
  address: string;
  before: CellValue;
  after: CellValue;
  /** Why, in Chinese: 「按 1TB=1024GB 换算」. */
  reason: string;
}

/** 「2026-11-25 18:30」 in local time: the clerk's clock, as Excel shows it. */
export function changeLogTime(t: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

/**
 * The rows to write: the header first when the sheet is new, then one row per change. Every cell is
 * text, so an original value such as 「=1+1」 or 「+86…」 stays literal: write them with the text
 * number format (@).
 */
export function changeLogRows(entries: ChangeLogEntry[], withHeader: boolean): string[][] {
  const rows: string[][] = withHeader ? [[...CHANGE_LOG_HEADER]] : [];
  for (const e of entries) {
    rows.push([changeLogTime(e.time), e.sheet, e.address, cellText(e.before), cellText(e.after), e.reason]);
  }
  return rows;
}
