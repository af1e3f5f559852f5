/**
 * Writes a WorkbookPlan to .xlsx with ExcelJS: styles, merges, notes, list dropdowns, frozen
 * header, A4 landscape fit to one page wide with the header repeated on every printed page.
 * Values are always written as values: a string beginning with = + - @ stays a string.
 */
import ExcelJS from 'exceljs';
import { a1 } from '../core/address';
import { deflateZip } from './zip';
import type { CellStyle, SheetPlan, WorkbookPlan } from '../core/plan';

/** One ExcelJS style object per plan style. Cells share it: ExcelJS looks styles up by object
 *  identity (a WeakMap) and otherwise serialises every cell's style to XML to deduplicate it, which
 *  made a 10,000-row summary take seconds. */
function excelStyle(st: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (st.font) out.font = { name: st.font.name, size: st.font.size, bold: st.font.bold, color: st.font.color ? { argb: st.font.color } : undefined };
  if (st.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: st.fill } };
  if (st.align) out.alignment = { horizontal: st.align.h, vertical: st.align.v, wrapText: st.align.wrap };
  if (st.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (st.numFmt) out.numFmt = st.numFmt;
  return out;
}


function writeSheet(wb: ExcelJS.Workbook, sp: SheetPlan, shared: Map<string, Partial<ExcelJS.Style>>): void {
  const ws = wb.addWorksheet(sp.name, {
    state: sp.hidden ? 'hidden' : 'visible',
    views: sp.freeze ? [{ state: 'frozen', ySplit: sp.freeze.rows, xSplit: sp.freeze.cols }] : undefined,
    pageSetup: sp.print
      ? { paperSize: 9, orientation: sp.print.landscape ? 'landscape' : 'portrait', fitToPage: sp.print.fitToWidth, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } }
      : undefined,
  });
  if (sp.print?.titleRows) ws.pageSetup.printTitlesRow = `${sp.print.titleRows[0] + 1}:${sp.print.titleRows[1] + 1}`;
  sp.colWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const [r, h] of Object.entries(sp.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  for (const pc of sp.cells) {
    const cell = ws.getCell(pc.r + 1, pc.c + 1);
    const st = shared.get(pc.style);
    if (st) cell.style = st;
    // A plain string is a string in the file whatever it begins with; ExcelJS writes formulas only from {formula}.
    cell.value = pc.v === null ? null : pc.v;
    if (pc.note) cell.note = pc.note;
  }
  for (const m of sp.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
  for (const v of sp.validations) {
    const formula = v.list ? `"${v.list.join(',')}"` : v.source!;
    // ExcelJS 4.4 supports range validations (merged into one sqref) but its typings omit them.
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${a1(v.r1, v.c1)}:${a1(v.r2, v.c2)}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: v.title,
      error: v.strict ? '请从下拉列表中选择。' : '不在下拉列表中：若确属其他或为多选，请点「是」保留，助手会再检查。',
      showInputMessage: true,
      promptTitle: v.title.slice(0, 32),
      prompt: v.prompt.slice(0, 255),
    });
  }
}

export async function writeWorkbook(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hqds 高质量数据集汇总助手';
  wb.created = new Date();
  const shared = new Map(Object.entries(plan.styles).map(([k, v]) => [k, excelStyle(v)]));
  for (const sp of plan.sheets) writeSheet(wb, sp, shared);
  // Stored by JSZip, deflated by native zlib (src/io/zip.ts): the same file, a third faster.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  return deflateZip(Buffer.from(stored as ArrayBuffer));
}
