/**
 * Reading Word documents (.docx, Office Open XML WordprocessingML) into tables of cell text, with
 * each cell's place in the document (表N 第R行 第C列) so an entry can be traced back to the form.
 *
 * Browser-safe (the pane imports the same code): JSZip unpacks the package and @xmldom/xmldom parses
 * the XML into a DOM that we walk by namespace and local name. No regular expression ever looks at
 * XML: attributes may come in any order, prefixes are the author's choice, and text may be split
 * over any number of runs (ECMA-376 Part 1 §17.3.3).
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

/** WordprocessingML, transitional and strict (ECMA-376 Part 1 §17, Part 1 Strict). */
const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** Word 2010 extensions: the content-control checkbox (w14:checkbox, [MS-DOCX] §2.6.1.1). */
const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const REL_NS = new Set(['http://schemas.openxmlformats.org/package/2006/relationships']);
const OFFICE_DOC_REL = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
]);

/** Largest document.xml we parse; a real form is a few hundred KB (the same order as the spreadsheet limits). */
export const MAX_DOCX_XML = 64 << 20;

export type CheckboxKind = 'char' | 'sdt' | 'legacy' | 'symbol';

export interface DocxCheckbox {
  checked: boolean;
  kind: CheckboxKind;
}

export interface DocxCell {
  /** The cell's text as a reader sees it: paragraphs and line breaks as \n, every checkbox as ☑ or ☐,
   *  a nested table's rows as lines. Placeholder text of empty content controls is not included. */
  text: string;
  /** 0-based position of this cell among the cells of its row (what a reader counts). */
  index: number;
  /** 0-based grid column where the cell starts, and how many grid columns it covers (w:gridSpan). */
  gridCol: number;
  gridSpan: number;
  /** w:vMerge: 'restart' begins a vertical merge, 'continue' is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
  checkboxes: DocxCheckbox[];
  /** 1-based numbers of tables nested in this cell. */
  nested: number[];
}

export interface DocxTable {
  /** 1-based, in document order (an outer table before the tables nested in it). */
  number: number;
  /** The cell this table is nested in, or null for a table in the body. */
  parent: { table: number; row: number; cell: number } | null;
  rows: DocxCell[][];
  /** Grid columns: the widest row (w:tblGrid may disagree with what the rows say). */
  columns: number;
}

export type DocxBlock =
  { kind: 'paragraph'; text: string; style: string | null } | { kind: 'table'; table: number };

export interface DocxDocument {
  /** Body paragraphs and top-level tables in document order (cover page, headings, notes between tables). */
  blocks: DocxBlock[];
  /** Every table, nested ones included, numbered in document order. */
  tables: DocxTable[];
}

export class DocxError extends Error {}

type El = Element;

const isW = (n: Node, name: string) =>
  n.nodeType === 1 && W_NS.has((n as El).namespaceURI ?? '') && (n as El).localName === name;
const children = (n: Node): El[] => {
  const out: El[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
};
const wChild = (n: Node, name: string): El | undefined => children(n).find((c) => isW(c, name));
/** w:val and friends: the attribute in the WordprocessingML namespace, whatever its prefix. */
function wAttr(el: El | undefined, name: string): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.localName === name && (W_NS.has(a.namespaceURI ?? '') || W14_NS === a.namespaceURI)) return a.value;
  }
  return null;
}
/** ST_OnOff (§17.17.4): absent value means on. */
const onOff = (v: string | null) => v === null || v === '1' || v === 'true' || v === 'on';

/** Parse XML without ever resolving external entities (xmldom has no such feature); a syntax error is a DocxError. */
export function parseXml(xml: string, what: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (errors.length || !doc.documentElement)
    throw new DocxError(`${what} 不是有效的 XML：${errors[0] ?? '没有根元素'}`);
  return doc;
}

/** The package's main document part (word/document.xml in every file we have seen, but the package relationships say). */
export async function mainPart(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    const doc = parseXml(await rels.async('string'), '_rels/.rels');
    for (const r of Array.from(doc.getElementsByTagNameNS('*', 'Relationship'))) {
      if (!REL_NS.has(r.namespaceURI ?? '') && r.namespaceURI) continue;
      if (OFFICE_DOC_REL.has(r.getAttribute('Type') ?? ''))
        return (r.getAttribute('Target') ?? '').replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

export async function openDocx(
  bytes: Uint8Array,
  limit = MAX_DOCX_XML,
): Promise<{ zip: JSZip; part: string; doc: Document }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxError('不是有效的 .docx 文件（无法解压）');
  }
  const part = await mainPart(zip);
  const f = zip.file(part);
  if (!f) throw new DocxError('不是 Word 文档（缺少 word/document.xml）');
  return { zip, part, doc: parseXml(await inflateLimited(f, limit), part) };
}

interface StreamHelper {
  on(event: 'data', f: (d: Uint8Array) => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** A part's text, stopped as soon as it passes `limit` bytes: a small .docx can unpack to gigabytes. */
function inflateLimited(f: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    // ZipObject#internalStream (JSZip 3 API docs, api_zipobject/internal_stream): works in the browser
    // too, unlike nodeStream; the bundled typings leave it out.
    const stream = (f as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (d: Uint8Array) => {
        size += d.length;
        if (size > limit) {
          stream.pause();
          reject(new DocxError(`文档正文过大（解压后超过 ${limit >> 20} MB）`));
        } else chunks.push(d);
      })
      .on('error', (e: Error) => reject(new DocxError(`无法解压文档正文：${e.message}`)))
      .on('end', () => {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve(new TextDecoder('utf-8').decode(all));
      })
      .resume();
  });
}

/** Read a .docx. Throws DocxError (a Chinese reason) when the bytes are not a Word document. */
export async function readDocx(
  bytes: Uint8Array,
  opts: { maxXmlBytes?: number } = {},
): Promise<DocxDocument> {
  const { doc } = await openDocx(bytes, opts.maxXmlBytes);
  const body = findBody(doc);
  return new Reader().document(body);
}

export function findBody(doc: Document): El {
  const body = children(doc.documentElement).find((c) => isW(c, 'body'));
  if (!body) throw new DocxError('不是 Word 文档（没有 w:body）');
  return body;
}

/** The w:tbl elements in the same order as DocxDocument.tables (outer before nested), for writers. */
export function tableElements(body: El): El[] {
  const out: El[] = [];
  // Only where the reader looks: not into text boxes or drawings, so the numbers agree.
  const walk = (n: El) => {
    for (const c of children(n)) {
      if (isW(c, 'tbl')) out.push(c);
      if (['tbl', 'tr', 'tc', 'sdt', 'sdtContent', 'customXml'].some((name) => isW(c, name))) walk(c);
    }
  };
  walk(body);
  return out;
}

/** The w:tc elements of a w:tr, through row-level content controls and custom XML. */
export function rowCells(tr: El): El[] {
  const out: El[] = [];
  const walk = (n: El) => {
    for (const c of children(n)) {
      if (isW(c, 'tc')) out.push(c);
      else if (isW(c, 'sdt')) {
        const content = wChild(c, 'sdtContent');
        if (content) walk(content);
      } else if (isW(c, 'customXml')) walk(c);
    }
  };
  walk(tr);
  return out;
}

/** The w:tr elements of a w:tbl, through table-level content controls and custom XML. */
export function tableRows(tbl: El): El[] {
  const out: El[] = [];
  const walk = (n: El) => {
    for (const c of children(n)) {
      if (isW(c, 'tr')) out.push(c);
      else if (isW(c, 'sdt')) {
        const content = wChild(c, 'sdtContent');
        if (content) walk(content);
      } else if (isW(c, 'customXml')) walk(c);
    }
  };
  walk(tbl);
  return out;
}

/**
 * Box glyphs in symbol fonts, by character code (w:sym/@w:char or a character in a run set in that
 * font). Read from the Wingdings and Wingdings 2 code charts: Wingdings 0xA8 □, 0x6F □, 0xFE ☑, 0xFD ☒,
 * 0xFC ✓; Wingdings 2 0xA3 □, 0x52 ☑, 0x54 ☒, 0x50 ✓; Symbol 0xD6 √.
 */
const SYMBOL_BOXES: Record<string, Record<number, boolean>> = {
  wingdings: { 0xa8: false, 0x6f: false, 0xfe: true, 0xfd: true, 0xfc: true },
  'wingdings 2': { 0xa3: false, 0x52: true, 0x54: true, 0x50: true },
  symbol: { 0xd6: true },
};
function symbolBox(font: string | null, code: number): boolean | undefined {
  const table = SYMBOL_BOXES[(font ?? '').trim().toLowerCase()];
  if (!table) return undefined;
  return table[code >= 0xf000 ? code - 0xf000 : code];
}

const CHECKED_CHARS = new Set(['☑', '☒', '■', '√', '✓', '✔']);
const UNCHECKED_CHARS = new Set(['☐', '□']);

class Reader {
  tables: DocxTable[] = [];

  document(body: El): DocxDocument {
    const blocks: DocxBlock[] = [];
    const walk = (n: El) => {
      for (const c of children(n)) {
        if (isW(c, 'p')) {
          const t = this.paragraph(c);
          blocks.push({
            kind: 'paragraph',
            text: t.text,
            style: wAttr(wChild(wChild(c, 'pPr') ?? c, 'pStyle'), 'val'),
          });
        } else if (isW(c, 'tbl')) blocks.push({ kind: 'table', table: this.table(c, null).number });
        else if (isW(c, 'sdt')) {
          const content = wChild(c, 'sdtContent');
          if (content) walk(content);
        } else if (isW(c, 'customXml')) walk(c);
      }
    };
    walk(body);
    this.tables.sort((a, b) => a.number - b.number);
    return { blocks, tables: this.tables };
  }

  private nextNumber = 1;

  table(tbl: El, parent: DocxTable['parent']): DocxTable {
    const t: DocxTable = { number: this.nextNumber++, parent, rows: [], columns: 0 };
    this.tables.push(t);
    tableRows(tbl).forEach((tr, r) => {
      const trPr = wChild(tr, 'trPr');
      let col = Number(wAttr(trPr && wChild(trPr, 'gridBefore'), 'val') ?? 0) || 0;
      const row: DocxCell[] = [];
      for (const tc of rowCells(tr)) {
        const tcPr = wChild(tc, 'tcPr');
        const span = Math.max(1, Number(wAttr(tcPr && wChild(tcPr, 'gridSpan'), 'val') ?? 1) || 1);
        const vm = tcPr && wChild(tcPr, 'vMerge');
        const hm = tcPr && wChild(tcPr, 'hMerge');
        // Legacy horizontal merge (§17.4.22): a continuing cell widens the one before it.
        if (hm && wAttr(hm, 'val') !== 'restart' && row.length) {
          row[row.length - 1].gridSpan += span;
          col += span;
          continue;
        }
        const cell: DocxCell = {
          text: '',
          index: row.length,
          gridCol: col,
          gridSpan: span,
          vMerge: vm ? (wAttr(vm, 'val') === 'restart' ? 'restart' : 'continue') : null,
          checkboxes: [],
          nested: [],
        };
        const lines: string[] = [];
        for (const c of children(tc))
          this.block(c, lines, cell, { table: t.number, row: r, cell: row.length });
        while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
        cell.text = lines.join('\n');
        row.push(cell);
        col += span;
      }
      t.columns = Math.max(t.columns, col);
      t.rows.push(row);
    });
    return t;
  }

  /** Block-level content of a cell: paragraphs, nested tables, content controls. */
  private block(
    n: El,
    lines: string[],
    cell: DocxCell,
    at: { table: number; row: number; cell: number },
  ): void {
    if (isW(n, 'p')) {
      const p = this.paragraph(n);
      cell.checkboxes.push(...p.boxes);
      lines.push(p.text);
    } else if (isW(n, 'tbl')) {
      const nested = this.table(n, at);
      cell.nested.push(nested.number);
      for (const row of nested.rows) {
        lines.push(
          row
            .filter((c) => c.vMerge !== 'continue')
            .map((c) => c.text.replace(/\n/g, ' '))
            .filter(Boolean)
            .join(' '),
        );
        for (const c of row) cell.checkboxes.push(...c.checkboxes);
      }
    } else if (isW(n, 'sdt')) {
      if (placeholder(n)) return;
      const content = wChild(n, 'sdtContent');
      if (content) for (const c of children(content)) this.block(c, lines, cell, at);
    } else if (isW(n, 'customXml')) for (const c of children(n)) this.block(c, lines, cell, at);
  }

  paragraph(p: El): { text: string; boxes: DocxCheckbox[] } {
    const out = { text: '', boxes: [] as DocxCheckbox[] };
    this.inline(p, out, null);
    return out;
  }

  /** Runs and what wraps them, in order. `font` is the enclosing run's symbol font, if any. */
  private inline(n: El, out: { text: string; boxes: DocxCheckbox[] }, font: string | null): void {
    for (const c of children(n)) {
      const ns = c.namespaceURI ?? '';
      if (ns === MC_NS) {
        // Markup compatibility: read the first choice only, never both it and the fallback.
        if (c.localName === 'AlternateContent') {
          const choice = children(c).find((x) => x.localName === 'Choice');
          if (choice) this.inline(choice, out, font);
        }
        continue;
      }
      if (!W_NS.has(ns)) continue;
      switch (c.localName) {
        case 'r': {
          const rPr = wChild(c, 'rPr');
          // Hidden text (w:vanish) is not what the clerk sees on the page.
          if (rPr && wChild(rPr, 'vanish') && onOff(wAttr(wChild(rPr, 'vanish'), 'val'))) continue;
          const fonts = rPr && wChild(rPr, 'rFonts');
          this.inline(c, out, wAttr(fonts, 'ascii') ?? wAttr(fonts, 'hAnsi') ?? wAttr(fonts, 'eastAsia'));
          break;
        }
        case 't':
          for (const ch of c.textContent ?? '') {
            const sym = symbolBox(font, ch.codePointAt(0)!);
            if (sym !== undefined) this.box(out, sym, 'symbol');
            else {
              if (CHECKED_CHARS.has(ch)) out.boxes.push({ checked: true, kind: 'char' });
              else if (UNCHECKED_CHARS.has(ch)) out.boxes.push({ checked: false, kind: 'char' });
              out.text += ch;
            }
          }
          break;
        case 'sym': {
          const code = parseInt(wAttr(c, 'char') ?? '', 16);
          const sym = Number.isFinite(code) ? symbolBox(wAttr(c, 'font'), code) : undefined;
          if (sym !== undefined) this.box(out, sym, 'symbol');
          break;
        }
        case 'tab':
        case 'ptab':
          out.text += ' ';
          break;
        case 'br':
        case 'cr':
          out.text += '\n';
          break;
        case 'noBreakHyphen':
          out.text += '-';
          break;
        case 'fldChar': {
          // A legacy form field checkbox (FORMCHECKBOX, §17.16.7): w:checked wins over w:default.
          const ff = wChild(c, 'ffData');
          const cb = ff && wChild(ff, 'checkBox');
          if (cb) {
            const checked = wChild(cb, 'checked');
            const def = wChild(cb, 'default');
            this.box(
              out,
              checked ? onOff(wAttr(checked, 'val')) : def ? onOff(wAttr(def, 'val')) : false,
              'legacy',
            );
          }
          break;
        }
        case 'sdt': {
          const pr = wChild(c, 'sdtPr');
          const cb = pr && children(pr).find((x) => x.namespaceURI === W14_NS && x.localName === 'checkbox');
          if (cb) {
            // The content holds the glyph Word draws (☒/☐ in MS Gothic); the state is w14:checked.
            const checked = children(cb).find((x) => x.namespaceURI === W14_NS && x.localName === 'checked');
            this.box(out, !!checked && onOff(wAttr(checked, 'val')), 'sdt');
            break;
          }
          if (placeholder(c)) break;
          const content = wChild(c, 'sdtContent');
          if (content) this.inline(content, out, font);
          break;
        }
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'ins':
        case 'moveTo':
        case 'dir':
        case 'bdo':
          this.inline(c, out, font);
          break;
        default:
          // w:del, w:moveFrom, w:instrText, w:delText, w:drawing, w:pict, properties: not text on the page.
          break;
      }
    }
  }

  private box(out: { text: string; boxes: DocxCheckbox[] }, checked: boolean, kind: CheckboxKind): void {
    out.boxes.push({ checked, kind });
    out.text += checked ? '☑' : '☐';
  }
}

/** A content control still showing its placeholder (「单击或点击此处输入文字」) holds no value. */
function placeholder(sdt: El): boolean {
  const pr = wChild(sdt, 'sdtPr');
  const ph = pr && wChild(pr, 'showingPlcHdr');
  return !!ph && onOff(wAttr(ph, 'val'));
}

/** Where a value was read in a Word document: table number, row and cell, all 1-based. */
export interface DocxOrigin {
  table: number;
  row: number;
  cell: number;
}

export interface DocxSheet {
  /** The body's tables stacked in document order, one sheet row per table row, on the tables' grid. */
  rows: (string | null)[][];
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  /** The Word cell behind each sheet cell (merged cells point at the cell that holds the value). */
  origins: (DocxOrigin | null)[][];
}

/**
 * The document as one sheet for the engine: the tables of the body stacked (a form often runs over
 * two tables across a page break, and a second dataset is often a copied table), cover page and
 * headings left out. Merged cells carry their value into every grid cell they cover, as the
 * spreadsheet reader does; nested tables are read into the cell that holds them.
 */
export function docxSheet(doc: DocxDocument): DocxSheet {
  const out: DocxSheet = { rows: [], merges: [], origins: [] };
  let previous: DocxTable | null = null;
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const t = doc.tables[b.table - 1];
    // A table continued after a page break often repeats its header row: it is not data.
    const skipFirst = !!previous && sameRow(previous.rows[0], t.rows[0]);
    previous = t;
    const top = out.rows.length - (skipFirst ? 1 : 0);
    /** Open vertical merges by grid column: the merge's index in out.merges. */
    const open = new Map<number, number>();
    t.rows.forEach((cells, r) => {
      if (r === 0 && skipFirst) return;
      const row = new Array<string | null>(t.columns).fill(null);
      const origin = new Array<DocxOrigin | null>(t.columns).fill(null);
      const continued = new Set<number>();
      for (const c of cells) {
        let value: string | null = c.text.trim() ? c.text : null;
        let from: DocxOrigin = { table: t.number, row: r + 1, cell: c.index + 1 };
        const m = c.vMerge === 'continue' ? open.get(c.gridCol) : undefined;
        if (m !== undefined) {
          const merge = out.merges[m];
          value = out.rows[merge.r1][merge.c1];
          from = out.origins[merge.r1][merge.c1]!;
          merge.r2 = top + r;
          continued.add(c.gridCol);
        } else if (c.vMerge === 'restart' || c.gridSpan > 1) {
          out.merges.push({ r1: top + r, c1: c.gridCol, r2: top + r, c2: c.gridCol + c.gridSpan - 1 });
          if (c.vMerge === 'restart') {
            open.set(c.gridCol, out.merges.length - 1);
            continued.add(c.gridCol);
          }
        }
        for (let k = c.gridCol; k < c.gridCol + c.gridSpan && k < t.columns; k++) {
          row[k] = value;
          origin[k] = from;
        }
      }
      for (const col of [...open.keys()]) if (!continued.has(col)) open.delete(col);
      out.rows.push(row);
      out.origins.push(origin);
    });
  }
  // A merge that covers one cell only (a vMerge restart with nothing below) is no merge.
  out.merges = out.merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1);
  return out;
}

function sameRow(a: DocxCell[] | undefined, b: DocxCell[] | undefined): boolean {
  const key = (row: DocxCell[]) => row.map((c) => c.text.replace(/\s+/g, '')).join('\u0001');
  return !!a && !!b && a.length === b.length && a.some((c) => c.text.trim()) && key(a) === key(b);
}

export function originText(o: DocxOrigin): string {
  return `表${o.table} 第${o.row}行 第${o.cell}列`;
}
