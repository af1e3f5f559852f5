/** ExcelJS cells as plain text for assertions: a note may be a string or rich text, a value a string,
 *  a number or rich text. */
import type ExcelJS from 'exceljs';

type Rich = { richText?: { text: string }[]; texts?: { text: string }[] };

function richToText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  const rich = v as Rich;
  const runs = rich.richText ?? rich.texts;
  return runs ? runs.map((t) => t.text).join('') : JSON.stringify(v);
}

export function noteText(cell: ExcelJS.Cell): string {
  return richToText(cell.note);
}

export function cellString(cell: ExcelJS.Cell): string {
  return richToText(cell.value);
}
