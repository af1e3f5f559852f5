/**
 * A Word template (.docx) for hqds learn, through the Word reader (src/io/docx.ts): each body table
 * becomes a neutral sheet with the paragraphs around it (a paragraph is a one-cell row, a table's rows
 * sit on its grid with their merges), and every paragraph is also handed over as the notice's text,
 * where a Word template spells out its vocabularies (「所属领域：A、B、C。」).
 * Page size and orientation come from the last section (w:sectPr/w:pgSz, ECMA-376 Part 1 §17.6.13).
 */
import type { CellValue } from '../core/cell';
import type { TemplateDoc, TemplateRange, TemplateSheet } from '../core/learn';
import {
  DocxError,
  findBody,
  openDocx,
  readDocx,
  tableElements,
  type DocxDocument,
  type DocxTable,
} from './docx';
import { ReadError } from './read';

const twips = (a: number, b: number) => Math.abs(a - b) <= 60;

export async function readDocxTemplate(file: string, bytes: Uint8Array): Promise<TemplateDoc> {
  let doc;
  let opened;
  try {
    doc = await readDocx(bytes);
    opened = await openDocx(bytes);
  } catch (e) {
    throw new ReadError(
      file,
      `读不了「${file}」：${e instanceof DocxError ? e.message : String(e)}。请用 Word 打开后另存为 .docx 再试。`,
    );
  }
  const text = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const sheets = tableSheets(doc);
  if (!sheets.length)
    throw new ReadError(
      file,
      `「${file}」里没有表格：请选择通知所附的空白汇总表（Word 表格或 Excel 文件）。`,
    );
  const body = findBody(opened.doc);
  const page = pageOf(body);
  for (const sheet of sheets) if (page) sheet.page = page;
  const grids = tableElements(body);
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const sheet = sheets.find((x) => x.name === `表${b.table}`);
    const widths = gridWidths(grids[b.table - 1]);
    if (sheet && widths) sheet.colWidths = widths;
  }
  return {
    file,
    kind: 'docx',
    sheets,
    text,
    limits: ['Word 模板没有下拉列表：选项只能从正文（如「所属领域：A、B、C。」）读出；字体未读取，按默认。'],
  };
}

const ATTACHMENT = /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*/;
const blankText = (t: string) => !t.replace(/[\s\u3000]/g, '');

/**
 * One sheet per body table, with the paragraphs that belong to it: before it, those since the last
 * 「附件N」 (a whole notice has its text, then each attachment with its label and title); after it,
 * those up to the next 「附件N」 (its notes). The learner takes the table whose header it knows best.
 */
function tableSheets(doc: DocxDocument): TemplateSheet[] {
  const sheets: TemplateSheet[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    let start = i;
    while (start > 0 && doc.blocks[start - 1].kind === 'paragraph') start--;
    const before = doc.blocks.slice(start, i).map((x) => (x.kind === 'paragraph' ? x.text : ''));
    const from = before.map((t) => ATTACHMENT.test(t)).lastIndexOf(true);
    const after: string[] = [];
    for (let k = i + 1; k < doc.blocks.length; k++) {
      const x = doc.blocks[k];
      if (x.kind !== 'paragraph' || ATTACHMENT.test(x.text)) break;
      after.push(x.text);
    }
    const rows: CellValue[][] = before.slice(Math.max(0, from)).map((t) => (blankText(t) ? [] : [t]));
    const merges: TemplateRange[] = [];
    tableRows(doc.tables[b.table - 1], rows, merges);
    for (const t of after) rows.push(blankText(t) ? [] : [t]);
    sheets.push({
      name: `表${b.table}`,
      hidden: false,
      rows,
      merges: merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1),
      validations: [],
    });
  });
  return sheets;
}

/** A table's rows on its grid: a merged cell's text in its first cell only, the merge recorded. */
function tableRows(t: DocxTable, rows: CellValue[][], merges: TemplateRange[]): void {
  const top = rows.length;
  const open = new Map<number, TemplateRange>();
  t.rows.forEach((cells, r) => {
    const row: CellValue[] = Array.from({ length: t.columns }, () => null);
    const seen = new Set<number>();
    for (const c of cells) {
      if (c.vMerge === 'continue' && open.has(c.gridCol)) {
        open.get(c.gridCol)!.r2 = top + r;
        seen.add(c.gridCol);
        continue;
      }
      row[c.gridCol] = c.text.trim() ? c.text.trim() : null;
      if (c.gridSpan > 1 || c.vMerge === 'restart') {
        const m = { r1: top + r, c1: c.gridCol, r2: top + r, c2: c.gridCol + c.gridSpan - 1 };
        merges.push(m);
        if (c.vMerge === 'restart') {
          open.set(c.gridCol, m);
          seen.add(c.gridCol);
        }
      }
    }
    for (const k of [...open.keys()]) if (!seen.has(k)) open.delete(k);
    rows.push(row);
  });
}

function attr(el: Element, name: string): string | null {
  for (const a of Array.from(el.attributes)) if (a.localName === name) return a.value;
  return null;
}

function pageOf(body: Element): TemplateSheet['page'] | undefined {
  let sect: Element | undefined;
  for (let n = body.lastChild; n; n = n.previousSibling)
    if (n.nodeType === 1 && (n as Element).localName === 'sectPr') {
      sect = n as Element;
      break;
    }
  let pg: Element | undefined;
  for (let n = sect?.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === 'pgSz') pg = n as Element;
  if (!pg) return undefined;
  const w = Number(attr(pg, 'w'));
  const h = Number(attr(pg, 'h'));
  const landscape = attr(pg, 'orient') === 'landscape' || w > h;
  const [s, l] = [Math.min(w, h), Math.max(w, h)];
  // A4 is 210 × 297 mm = 11906 × 16838 twips; A3 is 297 × 420 mm.
  const paperSize =
    twips(s, 11906) && twips(l, 16838) ? 9 : twips(s, 16838) && twips(l, 23811) ? 8 : undefined;
  return { landscape, paperSize };
}

/**
 * A table's column widths from its grid (w:tblGrid/w:gridCol/@w:w in twips, ECMA-376 Part 1
 * §17.4.16), in Excel's character units: a column of w characters is 7w + 5 pixels wide for the
 * default font's 7-pixel digit (§18.3.1.13), and 15 twips make a pixel at 96 dpi. Half characters.
 */
function gridWidths(tbl: Element | undefined): number[] | undefined {
  let grid: Element | undefined;
  for (let n = tbl?.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === 'tblGrid') grid = n as Element;
  const out: number[] = [];
  for (let n = grid?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1 || (n as Element).localName !== 'gridCol') continue;
    const twips = Number(attr(n as Element, 'w'));
    if (!(twips > 0)) return undefined;
    out.push(Math.max(1, Math.round(((twips / 15 - 5) / 7) * 2) / 2));
  }
  return out.length ? out : undefined;
}
