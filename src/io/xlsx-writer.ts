/**
 * Writes a WorkbookPlan to .xlsx directly as SpreadsheetML, streamed part by part into native
 * zlib (src/io/zip.ts): styles, merges, notes, list dropdowns, frozen header, A4 fit to one page
 * wide with the header repeated on every printed page. No object per cell: each sheet's XML is
 * built row by row from the plan's flat cell list and handed to the deflater in 64 KB chunks.
 * Values are always written as values: a string beginning with = + - @ stays a string (no <f>).
 */
import { columnLetter } from '../core/address';
import { planCells, type PlanCell, type SheetPlan, type WorkbookPlan } from '../core/plan';
import { ZipWriter } from './zip';
import {
  appProps,
  commentsPart,
  contentTypes,
  coreProps,
  NS_MAIN,
  NS_R,
  quoteSheet,
  REL,
  relationships,
  rootRels,
  stylesPart,
  tElement,
  vmlPart,
  xmlAttr,
  XML_HEAD,
  type Note,
} from './xlsx-parts';

export interface WriteOptions {
  /** 'shared' (one sharedStrings table, the default: smaller files, what Excel writes) or
   *  'inline' (<is> in each cell). Both measured: see BENCHMARKS.md. */
  strings?: 'shared' | 'inline';
  /** zlib level 1–9; 5 by default: 0.75 % larger than level 6 and 40 % less time deflating
   *  (BENCHMARKS.md). */
  level?: number;
  /** Time stamp for the zip entries and document properties. */
  now?: Date;
}

const CHUNK = 1 << 16;

/** Shared strings: each distinct text once, cells refer to it by index. */
class StringTable {
  readonly index = new Map<string, number>();
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(s, i);
    }
    return i;
  }
  *xml(): Generator<string> {
    yield `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">`;
    let buf = '';
    for (const s of this.index.keys()) {
      buf += `<si>${tElement(s)}</si>`;
      if (buf.length > CHUNK) {
        yield buf;
        buf = '';
      }
    }
    yield `${buf}</sst>`;
  }
}

/** The plan's cells in row-then-column order, the last of any duplicates kept (as a later write
 *  would overwrite), with the used range. Plans are built in order, so usually the cells are walked
 *  as the plan gives them (planCells: generated row by row, no array of the whole sheet); only a
 *  sheet out of order is gathered and sorted. */
function orderedCells(sp: SheetPlan): {
  cells: Iterable<PlanCell>;
  count: number;
  maxR: number;
  maxC: number;
} {
  let sorted = true;
  let count = 0;
  let maxR = 0;
  let maxC = 0;
  let pr = -1;
  let pc = -1;
  for (const b of planCells(sp)) {
    if (b.r < pr || (b.r === pr && b.c <= pc)) sorted = false;
    pr = b.r;
    pc = b.c;
    if (b.c > maxC) maxC = b.c;
    if (b.r > maxR) maxR = b.r;
    count++;
  }
  if (sorted) return { cells: planCells(sp), count, maxR, maxC };
  const cells = sp.cells;
  const idx = cells
    .map((_, i) => i)
    .sort((x, y) => cells[x].r - cells[y].r || cells[x].c - cells[y].c || x - y);
  const out: PlanCell[] = [];
  for (let k = 0; k < idx.length; k++) {
    const c = cells[idx[k]];
    const next = k + 1 < idx.length ? cells[idx[k + 1]] : undefined;
    if (next && next.r === c.r && next.c === c.c) continue;
    out.push(c);
  }
  return { cells: out, count: out.length, maxR, maxC };
}

interface SheetOut {
  notes: Note[];
}

function colsXml(widths: readonly number[]): string {
  let out = '';
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    if (!(typeof w === 'number' && w > 0)) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    out += `<col min="${c + 1}" max="${end + 1}" width="${w}" customWidth="1"/>`;
    c = end + 1;
  }
  return out ? `<cols>${out}</cols>` : '';
}

function paneXml(rows: number, cols: number): string {
  if (rows <= 0 && cols <= 0) return '';
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const cell = `${columnLetter(Math.max(cols, 0))}${Math.max(rows, 0) + 1}`;
  return `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${cell}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${cell}" sqref="${cell}"/>`;
}

/** One worksheet's XML, yielded in chunks. Notes found on the way are collected into `out`. */
function* sheetXml(
  sp: SheetPlan,
  first: boolean,
  styleIndex: Map<string, number>,
  sst: StringTable | null,
  out: SheetOut,
): Generator<string> {
  const { cells, count, maxR, maxC } = orderedCells(sp);
  const letters: string[] = [];
  for (let c = 0; c <= maxC; c++) letters.push(columnLetter(c));
  const fit = !!sp.print?.fitToWidth;
  let head = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
  if (fit) head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  head += `<dimension ref="${count ? `A1:${letters[maxC]}${maxR + 1}` : 'A1'}"/>`;
  head += `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(sp.freeze?.rows ?? 0, sp.freeze?.cols ?? 0)}</sheetView></sheetViews>`;
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  head += colsXml(sp.colWidths);
  head += '<sheetData>';
  yield head;

  const heights = Object.keys(sp.rowHeights)
    .map(Number)
    .filter((r) => Number.isInteger(r) && r >= 0 && sp.rowHeights[r] > 0)
    .sort((a, b) => a - b);
  let h = 0;
  let buf = '';
  const rowOpen = (r: number) => {
    const ht = sp.rowHeights[r];
    return ht > 0 ? `<row r="${r + 1}" ht="${ht}" customHeight="1">` : `<row r="${r + 1}">`;
  };
  // The cells are walked once, one ahead: `next` is the first cell not yet written.
  const it = cells[Symbol.iterator]();
  let step = it.next();
  while (!step.done || h < heights.length) {
    const next = step.done ? undefined : step.value;
    const r = next ? (h < heights.length ? Math.min(next.r, heights[h]) : next.r) : heights[h];
    while (h < heights.length && heights[h] <= r) h++;
    let row = rowOpen(r);
    const rn = r + 1;
    for (; !step.done && step.value.r === r; step = it.next()) {
      const pc = step.value;
      const s = styleIndex.get(pc.style) ?? 0;
      const sa = s ? ` s="${s}"` : '';
      const ref = letters[pc.c] + rn;
      const v = pc.v;
      if (v === null || v === undefined || (typeof v === 'string' && v === '')) {
        if (s) row += `<c r="${ref}"${sa}/>`;
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        row += `<c r="${ref}"${sa}><v>${v}</v></c>`;
      } else {
        const text = String(v);
        row += sst
          ? `<c r="${ref}"${sa} t="s"><v>${sst.id(text)}</v></c>`
          : `<c r="${ref}"${sa} t="inlineStr"><is>${tElement(text)}</is></c>`;
      }
      if (pc.note) out.notes.push({ r: pc.r, c: pc.c, ref, text: pc.note });
    }
    buf += `${row}</row>`;
    if (buf.length > CHUNK) {
      yield buf;
      buf = '';
    }
  }
  let tail = `${buf}</sheetData>`;
  const merges = sp.merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1);
  if (merges.length)
    tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.c1)}${m.r1 + 1}:${columnLetter(m.c2)}${m.r2 + 1}"/>`).join('')}</mergeCells>`;
  if (sp.validations.length) {
    tail += `<dataValidations count="${sp.validations.length}">`;
    for (const v of sp.validations) {
      // A list literal is "a,b,c" with any quote doubled; a range reference goes as it is, without =.
      const formula = v.list ? `"${v.list.join(',').replace(/"/g, '""')}"` : v.source!.replace(/^=/, '');
      const error = v.strict
        ? '请从下拉列表中选择。'
        : '不在下拉列表中：若确属其他或为多选，请点「是」保留，助手会再检查。';
      // Excel's limits (repairs the file otherwise): titles 32 characters, prompt 255, error 225.
      tail +=
        `<dataValidation type="list"${v.strict ? '' : ' errorStyle="warning"'} allowBlank="1" showInputMessage="1" showErrorMessage="1"` +
        ` errorTitle="${xmlAttr(v.title.slice(0, 32))}" error="${xmlAttr(error.slice(0, 225))}" promptTitle="${xmlAttr(v.title.slice(0, 32))}" prompt="${xmlAttr(v.prompt.slice(0, 255))}"` +
        ` sqref="${columnLetter(v.c1)}${v.r1 + 1}:${columnLetter(v.c2)}${v.r2 + 1}"><formula1>${xmlAttr(formula)}</formula1></dataValidation>`;
    }
    tail += '</dataValidations>';
  }
  if (sp.print) {
    tail +=
      '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    tail += `<pageSetup paperSize="9" orientation="${sp.print.landscape ? 'landscape' : 'portrait'}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  } else {
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  if (out.notes.length) tail += '<legacyDrawing r:id="rId1"/>';
  yield `${tail}</worksheet>`;
}

function workbookXml(plan: WorkbookPlan): string {
  const active = Math.max(
    0,
    plan.sheets.findIndex((s) => !s.hidden),
  );
  const sheets = plan.sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const names = plan.sheets
    .map((s, i) =>
      s.print?.titleRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlAttr(`${quoteSheet(s.name)}!$${s.print.titleRows[0] + 1}:$${s.print.titleRows[1] + 1}`)}</definedName>`
        : '',
    )
    .join('');
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}</workbook>`;
}

export async function writeWorkbook(plan: WorkbookPlan, opts: WriteOptions = {}): Promise<Buffer> {
  return Buffer.concat(await writeWorkbookPieces(plan, opts));
}

/** The .xlsx as writeWorkbook gives it, in pieces to write one after another (hqds build), so the
 *  file is never joined into one more buffer. */
export async function writeWorkbookPieces(plan: WorkbookPlan, opts: WriteOptions = {}): Promise<Buffer[]> {
  const now = opts.now ?? new Date();
  const zip = new ZipWriter(opts.level ?? 5, now);
  const sst = opts.strings === 'inline' ? null : new StringTable();
  const { xml: styles, index } = stylesPart(plan.styles);
  const first = Math.max(
    0,
    plan.sheets.findIndex((s) => !s.hidden),
  );
  const withNotes: number[] = [];
  let vmlBlock = 1;
  // Sheets first: the shared strings are known only once every sheet has been written.
  for (let k = 0; k < plan.sheets.length; k++) {
    const out: SheetOut = { notes: [] };
    await zip.add(`xl/worksheets/sheet${k + 1}.xml`, sheetXml(plan.sheets[k], k === first, index, sst, out));
    if (!out.notes.length) continue;
    const n = k + 1;
    withNotes.push(n);
    await zip.add(`xl/worksheets/_rels/sheet${n}.xml.rels`, [
      relationships([
        { id: 'rId1', type: `${REL}/vmlDrawing`, target: `../drawings/vmlDrawing${n}.vml` },
        { id: 'rId2', type: `${REL}/comments`, target: `../comments${n}.xml` },
      ]),
    ]);
    await zip.add(`xl/comments${n}.xml`, commentsPart(out.notes));
    await zip.add(`xl/drawings/vmlDrawing${n}.vml`, vmlPart(out.notes, vmlBlock));
    vmlBlock += Math.floor(out.notes.length / 1024) + 1;
  }
  if (sst) await zip.add('xl/sharedStrings.xml', sst.xml());
  await zip.add('xl/styles.xml', [styles]);
  await zip.add('xl/workbook.xml', [workbookXml(plan)]);
  await zip.add('xl/_rels/workbook.xml.rels', [
    relationships([
      ...plan.sheets.map((_, i) => ({
        id: `rId${i + 1}`,
        type: `${REL}/worksheet`,
        target: `worksheets/sheet${i + 1}.xml`,
      })),
      { id: `rId${plan.sheets.length + 1}`, type: `${REL}/styles`, target: 'styles.xml' },
      ...(sst
        ? [{ id: `rId${plan.sheets.length + 2}`, type: `${REL}/sharedStrings`, target: 'sharedStrings.xml' }]
        : []),
    ]),
  ]);
  await zip.add('docProps/core.xml', [coreProps('hqds 高质量数据集汇总助手', now)]);
  await zip.add('docProps/app.xml', [appProps()]);
  await zip.add('_rels/.rels', [rootRels()]);
  await zip.add('[Content_Types].xml', [contentTypes(plan.sheets.length, withNotes, !!sst)]);
  await zip.done();
  // [Content_Types].xml first, as Excel writes it: some tools sniff the first entry.
  return zip.finishPieces(['[Content_Types].xml', '_rels/.rels']);
}
