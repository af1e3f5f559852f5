/**
 * Cell values as Excel and the file readers hand them over. Office.js gives error values as the
 * strings "#N/A", "#VALUE!" …; SheetJS gives them as error cells. Both become {error}.
 */
export type CellError = { error: string };
export type CellValue = string | number | boolean | Date | null | undefined | CellError;

const EXCEL_ERRORS = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

export function isCellError(v: unknown): v is CellError {
  return (
    typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string'
  );
}

/** The error code a cell holds, or null. Accepts both the object form and Office.js's string form. */
export function cellErrorCode(v: CellValue): string | null {
  if (isCellError(v)) return v.error;
  if (typeof v === 'string' && EXCEL_ERRORS.has(v.trim())) return v.trim();
  return null;
}

/** True for cells a person would call empty. */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

/** The text of a cell as a clerk sees it. Numbers keep full precision; dates as yyyy-mm-dd. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (isCellError(v)) return v.error;
  try {
    return String(v);
  } catch {
    return '';
  }
}
