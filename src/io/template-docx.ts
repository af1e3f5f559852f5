/**
 * A Word template (.docx) for hqds learn, through the Word reader (src/io/docx.ts): the body's
 * paragraphs and tables in document order become one neutral sheet (a paragraph is a one-cell row,
 * a table's rows sit on its grid with their merges), and every paragraph is also handed over as the
 * notice's text, where a Word template spells out its vocabularies (「所属领域：A、B、C。」).
 * Page size and orientation come from the last section (w:sectPr/w:pgSz, ECMA-376 Part 1 §17.6.13).
 */
import type { CellValue } from '../core/cell';
import type { TemplateDoc, TemplateRange, TemplateSheet } from '../core/learn';
import { DocxError, findBody, openDocx, readDocx } from './docx';
import { ReadError } from './read';

const twips = (a: number, b: number) => Math.abs(a - b) <= 60;

export async function readDocxTemplate(file: string, bytes: Uint8Array): Promise<TemplateDoc> {
  let doc;
  let opened;
  try {
    doc = await readDocx(bytes);
    opened = await openDocx(bytes);
  } catch (e) {
    throw new ReadError(file, `读不了「${file}」：${e instanceof DocxError ? e.message : String(e)}。请用 Word 打开后另存为 .docx 再试。`);
  }
  const rows: CellValue[][] = [];
  const merges: TemplateRange[] = [];
  const text: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      text.push(b.text);
      rows.push(b.text.replace(/[\s\u3000]/g, '') ? [b.text] : []);
      continue;
    }
    const t = doc.tables[b.table - 1];
    const top = rows.length;
    const open = new Map<number, TemplateRange>();
    t.rows.forEach((cells, r) => {
      const row: CellValue[] = new Array(t.columns).fill(null);
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
  const sheet: TemplateSheet = { name: file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').slice(0, 31) || '汇总表', hidden: false, rows, merges: merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1), validations: [] };
  const page = pageOf(findBody(opened.doc));
  if (page) sheet.page = page;
  return {
    file,
    kind: 'docx',
    sheets: [sheet],
    text,
    limits: ['Word 模板没有下拉列表：选项只能从正文（如「所属领域：A、B、C。」）读出；字体未读取，按默认。'],
  };
}

function attr(el: Element, name: string): string | null {
  for (const a of Array.from(el.attributes)) if (a.localName === name) return a.value;
  return null;
}

function pageOf(body: Element): TemplateSheet['page'] | undefined {
  let sect: Element | undefined;
  for (let n = body.lastChild; n; n = n.previousSibling) if (n.nodeType === 1 && (n as Element).localName === 'sectPr') { sect = n as Element; break; }
  let pg: Element | undefined;
  for (let n = sect?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === 'pgSz') pg = n as Element;
  if (!pg) return undefined;
  const w = Number(attr(pg, 'w'));
  const h = Number(attr(pg, 'h'));
  const landscape = attr(pg, 'orient') === 'landscape' || w > h;
  const [s, l] = [Math.min(w, h), Math.max(w, h)];
  // A4 is 210 × 297 mm = 11906 × 16838 twips; A3 is 297 × 420 mm.
  const paperSize = twips(s, 11906) && twips(l, 16838) ? 9 : twips(s, 16838) && twips(l, 23811) ? 8 : undefined;
  return { landscape, paperSize };
}
