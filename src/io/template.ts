/**
 * Reading a bureau's blank template for hqds learn: cell values and merges, and what SheetJS's
 * community edition leaves out: data validations (dropdown lists, inline or on other and hidden
 * sheets, and whether an error alert is set), defined names, page setup, column widths and fonts.
 * Those are read from the package's XML with JSZip and @xmldom/xmldom (ECMA-376 Part 1: §18.3.1.32
 * dataValidation, §18.3.1.63 pageSetup, §18.8.22 font, §18.8.10 cellXfs); Excel 2010+ writes lists
 * that point at another sheet in the x14 extension (MS-XLSX §2.6.12 x14:dataValidation), read too.
 * Legacy .xls goes through SheetJS without validations, and says so; .docx goes to template-docx.ts.
 * Works on bytes (Node and browser).
 */
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { DOMParser, type Element, type Node as XNode } from '@xmldom/xmldom';
import { columnIndex } from '../core/address';
import type { CellValue } from '../core/cell';
import type { TemplateDoc, TemplateRange, TemplateSheet, TemplateValidation } from '../core/learn';
import type { ProfileFont } from '../core/profile';
import { checkedZip, ReadError } from './read';
import { readDocxTemplate } from './template-docx';

/** Rows whose fonts are kept: a template's title, header and first data rows are near the top. */
const FONT_ROWS = 60;
/** Largest sheet XML whose validations, widths and fonts we read (characters). */
const MAX_SHEET_XML = 32 << 20;

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

function cellValue(c: XLSX.CellObject | undefined): CellValue {
  if (!c || c.t === 'z') return null;
  if (c.t === 'e') return { error: c.w ?? '#N/A' };
  if (c.t === 'n' || c.t === 'b') return c.v;
  if (c.t === 'd') return c.v instanceof Date ? c.v : null;
  return c.v === undefined || c.v === null ? null : String(c.v);
}

/** Values as stored: unlike read.ts, a merged region's value is not copied across it. */
function valuesOf(ws: DenseSheet): CellValue[][] {
  const data = ws['!data'] ?? [];
  return data.map((src) => {
    const row: CellValue[] = [];
    if (src) for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c]);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    return row;
  });
}

/** Read a template's bytes. Throws ReadError with a Chinese message naming the file. */
export async function readTemplate(file: string, bytes: Uint8Array): Promise<TemplateDoc> {
  if (bytes.length === 0) throw new ReadError(file, `「${file}」是空文件：请确认文件已保存完整。`);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  // The same limits as any received file, before SheetJS or JSZip inflate anything.
  if (zip)
    checkedZip(
      file,
      bytes,
      '请重新获取模板，或用 Excel、Word 或 WPS 打开后另存再试。',
      '这不像通知所附的空白模板：请确认文件来源。',
    );
  if (/\.docx$/i.test(file)) return readDocxTemplate(file, bytes);
  if (/\.(doc|wps)$/i.test(file))
    throw new ReadError(file, `「${file}」是旧版 Word 文件：请用 Word 或 WPS 另存为 .docx 再学。`);
  if (!zip && !ole) throw new ReadError(file, `读不了「${file}」：模板需要是 .xlsx、.xls 或 .docx 文件。`);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellDates: true,
      cellStyles: false,
      dense: true,
    });
  } catch {
    throw new ReadError(
      file,
      `读不了「${file}」：文件可能已损坏或有密码保护，请用 Excel 打开后另存为 .xlsx 再试。`,
    );
  }
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: TemplateSheet[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as DenseSheet;
    return {
      name,
      hidden: !!meta[i]?.Hidden,
      rows: valuesOf(ws),
      merges: (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c })),
      validations: [],
    };
  });
  if (!sheets.length) throw new ReadError(file, `「${file}」里没有工作表。`);
  if (!zip) {
    return {
      file,
      kind: 'xls',
      sheets,
      limits: [
        '.xls（旧版 Excel）文件的下拉列表、字体和页面设置读不出：请在 Excel 中另存为 .xlsx 再学，或在结果中补上选项。',
      ],
    };
  }
  const doc: TemplateDoc = { file, kind: 'xlsx', sheets, names: {} };
  try {
    await readPackage(bytes, doc);
  } catch (e) {
    doc.limits = [
      `「${file}」的下拉列表和页面设置读不出（${(e as Error).message}）：只学了表格文字，请核对选项。`,
    ];
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// The package's XML.

const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

function kids(el: Element | null | undefined, name: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n: XNode | null = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}
const kid = (el: Element | null | undefined, name: string) => kids(el, name)[0];

/** Every descendant with this local name, in document order (any namespace: main, x14, xm). */
function all(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (let c: XNode | null = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if ((c as Element).localName === name) out.push(c as Element);
      walk(c as Element);
    }
  };
  walk(el);
  return out;
}

const textOf = (el: Element | undefined) => (el ? (el.textContent ?? '') : '');
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** "B3" → {r: 2, c: 1}. */
function cellRef(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

/** "A3:A200 C3:D9" → ranges. */
function sqrefRanges(sqref: string): TemplateRange[] {
  const out: TemplateRange[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    const [a, b] = part.split(':');
    const p = cellRef(a);
    const q = b ? cellRef(b) : p;
    if (p && q)
      out.push({
        r1: Math.min(p.r, q.r),
        c1: Math.min(p.c, q.c),
        r2: Math.max(p.r, q.r),
        c2: Math.max(p.c, q.c),
      });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

interface Styles {
  fonts: ProfileFont[];
  xfFont: number[];
}

/** The default font of a new workbook: Calibri 11 (Excel 2007–2021), Aptos Narrow 11 (Microsoft 365
 *  since 2023), 等线 11 (Chinese Excel 2016+), 宋体 11 (Chinese Excel 2007–2013, WPS). */
function isFactoryFont(f: ProfileFont): boolean {
  return f.size === 11 && /^(calibri|aptos narrow|aptos|等线|dengxian|宋体|simsun)$/i.test(f.name ?? '');
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { fonts: [], xfFont: [] };
  const root = parseXml(xml).documentElement!;
  const fonts = kids(kid(root, 'fonts'), 'font').map((f) => {
    const sz = kid(f, 'sz')?.getAttribute('val');
    const name = kid(f, 'name')?.getAttribute('val');
    const b = kid(f, 'b');
    const font: ProfileFont = {};
    if (name) font.name = name;
    if (sz) font.size = Number(sz);
    if (b && b.getAttribute('val') !== '0' && b.getAttribute('val') !== 'false') font.bold = true;
    return font;
  });
  const xfFont = kids(kid(root, 'cellXfs'), 'xf').map((x) => Number(x.getAttribute('fontId') ?? 0));
  // Font 0 is the Normal style's, which every unstyled cell shows. When it is what a new workbook
  // starts with, a cell in it chose nothing: its name and size are left out, so learn keeps the
  // national conventions instead (tester, 2026-11-25: Calibri 11 made a Calibri title).
  const d = fonts[0];
  if (d && isFactoryFont(d))
    for (const f of fonts)
      if (f.name === d.name && f.size === d.size) [f.name, f.size] = [undefined, undefined];
  for (const f of fonts) for (const k of ['name', 'size'] as const) if (f[k] === undefined) delete f[k];
  return { fonts, xfFont };
}

const ERROR_STYLES = new Set(['stop', 'warning', 'information']);

function validationOf(el: Element, sqref: string, formula: string, formula2 = ''): TemplateValidation {
  const style = el.getAttribute('errorStyle') ?? 'stop';
  const flag = (a: string) => el.getAttribute(a) === '1' || el.getAttribute(a) === 'true';
  return {
    ranges: sqrefRanges(sqref),
    type: el.getAttribute('type') ?? 'none',
    formula,
    errorAlert: flag('showErrorMessage'),
    errorStyle: (ERROR_STYLES.has(style) ? style : 'stop') as TemplateValidation['errorStyle'],
    operator: el.getAttribute('operator') ?? undefined,
    formula2: formula2 || undefined,
    promptTitle: el.getAttribute('promptTitle') ?? undefined,
    prompt: el.getAttribute('prompt') ?? undefined,
  };
}

async function readPackage(bytes: Uint8Array, doc: TemplateDoc): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (p: string) => zip.file(p)?.async('string');
  const wbXml = await read('xl/workbook.xml');
  if (!wbXml) throw new Error('缺少 xl/workbook.xml');
  const wbRoot = parseXml(wbXml).documentElement!;
  const rels = parseXml((await read('xl/_rels/workbook.xml.rels')) ?? '<Relationships/>').documentElement!;
  const target = new Map(
    kids(rels, 'Relationship').map((r) => [r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '']),
  );
  for (const dn of kids(kid(wbRoot, 'definedNames'), 'definedName')) {
    const n = dn.getAttribute('name');
    if (n && !n.startsWith('_xlnm.')) doc.names![n] = textOf(dn);
  }
  const styles = readStyles(await read('xl/styles.xml'));
  for (const s of kids(kid(wbRoot, 'sheets'), 'sheet')) {
    const sheet = doc.sheets.find((x) => x.name === s.getAttribute('name'));
    const rid = s.getAttributeNS(REL_NS, 'id') ?? s.getAttribute('r:id');
    if (!sheet || !rid || !target.get(rid)) continue;
    const state = s.getAttribute('state');
    if (state === 'hidden' || state === 'veryHidden') sheet.hidden = true;
    const xml = await read(resolvePath('xl/workbook.xml', target.get(rid)!));
    // A blank template's sheet is small; a huge one is a filled workbook, whose DOM we do not build.
    if (xml && xml.length > MAX_SHEET_XML) {
      (doc.limits ??= []).push(
        `工作表「${sheet.name}」很大（${Math.round(xml.length / 1048576)} MB），像是已填写的表而不是空白模板：其下拉列表和字体未读取。`,
      );
    } else if (xml) readSheetXml(xml, sheet, styles);
  }
}

function readSheetXml(xml: string, sheet: TemplateSheet, styles: Styles): void {
  const root = parseXml(xml).documentElement!;
  for (const dv of kids(kid(root, 'dataValidations'), 'dataValidation')) {
    sheet.validations.push(
      validationOf(
        dv,
        dv.getAttribute('sqref') ?? '',
        textOf(kid(dv, 'formula1')),
        textOf(kid(dv, 'formula2')),
      ),
    );
  }
  for (const dv of all(root, 'dataValidation')) {
    if (dv.parentNode === kid(root, 'dataValidations')) continue;
    // x14: <x14:formula1><xm:f>Sheet2!$A$1:$A$9</xm:f></x14:formula1><xm:sqref>A3:A200</xm:sqref>
    const [f1, f2] = [kid(dv, 'formula1'), kid(dv, 'formula2')];
    sheet.validations.push(
      validationOf(
        dv,
        textOf(kid(dv, 'sqref')),
        textOf(kid(f1, 'f')) || textOf(f1),
        textOf(kid(f2, 'f')) || textOf(f2),
      ),
    );
  }
  const ps = kid(root, 'pageSetup');
  const fit = kid(kid(root, 'sheetPr'), 'pageSetUpPr')?.getAttribute('fitToPage');
  if (ps || fit) {
    const paper = ps?.getAttribute('paperSize');
    const orient = ps?.getAttribute('orientation');
    sheet.page = {
      paperSize: paper ? Number(paper) : undefined,
      landscape: orient === 'landscape' ? true : orient === 'portrait' ? false : undefined,
      fitToWidth: fit === '1' || fit === 'true' ? ps?.getAttribute('fitToWidth') !== '0' : undefined,
    };
  }
  const widths: (number | undefined)[] = [];
  for (const col of kids(kid(root, 'cols'), 'col')) {
    const w = Number(col.getAttribute('width'));
    const min = Number(col.getAttribute('min'));
    const max = Math.min(Number(col.getAttribute('max')), min + 200);
    if (!w || !min) continue;
    for (let c = min; c <= max; c++) widths[c - 1] = w;
  }
  if (widths.length) sheet.colWidths = widths;
  const fonts: Record<string, ProfileFont> = {};
  for (const row of kids(kid(root, 'sheetData'), 'row')) {
    if (Number(row.getAttribute('r')) > FONT_ROWS) break;
    for (const c of kids(row, 'c')) {
      const ref = cellRef(c.getAttribute('r') ?? '');
      const s = c.getAttribute('s');
      if (!ref || s === null) continue;
      const font = styles.fonts[styles.xfFont[Number(s)] ?? -1];
      if (font && (font.name || font.size)) fonts[`${ref.r},${ref.c}`] = font;
    }
  }
  sheet.fonts = fonts;
}
