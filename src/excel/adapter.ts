/**
 * The one module that talks to Excel. The task pane calls these methods; each is one Excel.run
 * with as few context.sync calls as the job allows (budgets are tested: a full check ≤ 3, one edit
 * event ≤ 2), never a sync inside a loop. Scattered cells are formatted through RangeAreas
 * (ExcelApi 1.9) with long address lists split into chunks; on Excel 2019 (ExcelApi 1.8) the same
 * formats are queued range by range, still in one sync. The pane's own writes run with
 * runtime.enableEvents off, so they do not set off another round of checking.
 */
import { cellText, type CellValue } from '../core/cell';
import { validatorFor, type Issue, type Result } from '../core/engine';
import type { HeaderMapping } from '../core/header';
import { locate } from '../core/locate';
import { detectProfile } from '../core/detect';
import { dropEntries } from '../core/duplicates';
import { mergeSheets, type InputSheet, type MergeOptions, type MergeResult } from '../core/merge';
import { DEFAULT_SETTINGS, planWorkbook, type PlanSettings, type SheetPlan, type WorkbookPlan, type CellStyle } from '../core/plan';
import type { Profile } from '../core/profile';
import { convert, type TbBase, type Target } from '../core/quantity';
import { a1, parseAddress } from '../core/address';
import { uniqueSheetName } from '../core/sheet-name';
import { findRegion, isNoteRow, isRowNumberHeader, isTemplateRow } from '../core/region';
import { planFixes, fixValue, type ChangeRecord, type CellWrite } from '../core/fixes';
import { CHANGE_LOG_SHEET, changeLogHeader, changeLogRow } from '../core/plan';
import type { XlContext, XlRange, XlRequirements, XlRun, XlWorksheet } from './xl';
import { decodeStoredProfile, encodeStoredProfile, STORED_PROFILE_KEY } from '../core/profile-store';

export interface Settings {
  profileId: string | null;
  tb: TbBase;
  recommender: string;
  titlePrefix: string;
  fillDate: boolean;
  titleFont: string;
  tableFont: string;
  tableSize: number;
}

export const DEFAULT_PANE_SETTINGS: Settings = {
  profileId: null,
  tb: 1024,
  recommender: '',
  titlePrefix: '',
  fillDate: false,
  titleFont: DEFAULT_SETTINGS.titleFont,
  tableFont: DEFAULT_SETTINGS.tableFont,
  tableSize: DEFAULT_SETTINGS.tableSize,
};

const SETTINGS_KEY = 'hqds.settings';
const ERROR_FILL = '#FFC7CE';
const WARNING_FILL = '#FFEB9C';
/** RangeAreas addresses are split so no single call carries a very long address string. */
const ADDRESS_CHUNK = 2000;

/** An issue placed on the sheet. */
export interface SheetIssue extends Issue {
  sheet: string;
  /** 0-based sheet row and column; col null for row-level issues. */
  sheetRow: number;
  sheetCol: number | null;
  address: string | null;
}

export interface CheckResult {
  sheet: string;
  profileId: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  issues: SheetIssue[];
  rows: number;
}

/** Where the table sits on a sheet, learned by the last full check and reused for edit events. */
interface SheetModel {
  sheet: string;
  profile: Profile;
  tb: TbBase;
  headerRow: number;
  width: number;
  mapping: HeaderMapping;
  firstDataRow: number;
  lastDataRow: number;
  /** The first note under the table (format footnote, conversion note, 「注：」), or null. */
  notesFrom: number | null;
  /** Received columns holding 序号: a row with only these filled is an empty template row. */
  seqCols: Set<number>;
}

/** How far below the last known note row a recheck looks for the notes after rows were inserted. */
const NOTE_PROBE = 50;

export function settingsToPlan(s: Settings, today = new Date()): Partial<PlanSettings> {
  return {
    tb: s.tb,
    recommender: s.recommender,
    titlePrefix: s.titlePrefix,
    date: s.fillDate ? today : null,
    titleFont: s.titleFont,
    tableFont: s.tableFont,
    tableSize: s.tableSize,
  };
}

/** Groups of addresses into chunks of at most ADDRESS_CHUNK characters. */
export function chunkAddresses(addresses: string[], limit = ADDRESS_CHUNK): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > limit) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Compress single cells of one column into runs (C5,C6,C7 → C5:C7): fewer, shorter addresses. */
export function cellRuns(cells: { r: number; c: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const { r, c } of cells) {
    let l = byCol.get(c);
    if (!l) byCol.set(c, (l = []));
    l.push(r);
  }
  const out: string[] = [];
  for (const [c, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push(start === prev ? a1(start, c) : `${a1(start, c)}:${a1(prev, c)}`);
      start = r;
      prev = r;
    }
  }
  return out;
}

export class OfficeWorkbook {
  private models = new Map<string, SheetModel>();
  private listeners = new Set<(r: { sheet: string; rows: [number, number]; issues: SheetIssue[] }) => void>();
  private watched = new Set<string>();
  /** Syncs made by the adapter, for the pane's diagnostics and the tests' budgets. */
  syncs = 0;

  constructor(private readonly run: XlRun, private readonly req: XlRequirements) {}

  /** Which newer APIs the host has; the adapter's baseline is ExcelApi 1.8 (Excel 2019). */
  get api() {
    const has = (v: string) => this.req.isSetSupported('ExcelApi', v);
    return { base: has('1.8'), rangeAreas: has('1.9'), pageLayout: has('1.9'), copy: has('1.7'), notes: has('1.18') };
  }

  private async batch<T>(f: (ctx: XlContext, sync: () => Promise<void>) => Promise<T>): Promise<T> {
    return this.run({ delayForCellEdit: true }, async (ctx) => {
      const sync = async () => {
        this.syncs++;
        await ctx.sync();
      };
      return f(ctx, sync);
    });
  }

  // ---------------------------------------------------------------- settings

  async loadSettings(): Promise<Settings> {
    return this.batch(async (ctx, sync) => {
      const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load('value');
      await sync();
      if (item.isNullObject) return { ...DEFAULT_PANE_SETTINGS };
      try {
        const v = typeof item.value === 'string' ? JSON.parse(item.value) : item.value;
        return { ...DEFAULT_PANE_SETTINGS, ...v };
      } catch {
        return { ...DEFAULT_PANE_SETTINGS };
      }
    });
  }

  /** Saved in the workbook itself, so the settings travel with the file. */
  async saveSettings(s: Settings): Promise<void> {
    await this.batch(async (ctx, sync) => {
      ctx.workbook.settings.add(SETTINGS_KEY, JSON.stringify(s));
      await sync();
    });
  }

  /** The learned format stored in the workbook (hqds learn / 「新格式」), or why it cannot be used. One sync. */
  async loadStoredProfile(): Promise<ReturnType<typeof decodeStoredProfile>> {
    return this.batch(async (ctx, sync) => {
      const item = ctx.workbook.settings.getItemOrNullObject(STORED_PROFILE_KEY);
      item.load('value');
      await sync();
      return item.isNullObject ? null : decodeStoredProfile(item.value);
    });
  }

  /** Stores a learned format in the workbook, so it travels with the file. One sync. */
  async saveStoredProfile(p: Profile): Promise<void> {
    const text = encodeStoredProfile(p);
    await this.batch(async (ctx, sync) => {
      ctx.workbook.settings.add(STORED_PROFILE_KEY, text);
      await sync();
    });
  }

  // ---------------------------------------------------------------- reading

  /** The sheets of the workbook and the active one. One sync. */
  async sheets(): Promise<{ names: string[]; active: string }> {
    return this.batch(async (ctx, sync) => {
      const ws = ctx.workbook.worksheets;
      ws.load('items/name');
      const active = ws.getActiveWorksheet();
      active.load('name');
      await sync();
      return { names: ws.items.map((s) => s.name), active: active.name };
    });
  }

  /** Recognise the bureau from the active sheet's title and header. One sync. */
  async detectProfile(): Promise<{ profileId: string; sheet: string } | null> {
    return this.batch(async (ctx, sync) => {
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('values');
      await sync();
      if (used.isNullObject) return null;
      return detectProfile(sheet.name, used.values.slice(0, 30));
    });
  }

  /** Read whole sheets (for import from a staging sheet). One sync. */
  async readSheets(names: string[]): Promise<InputSheet[]> {
    return this.batch(async (ctx, sync) => {
      // A sheet that does not exist reads as empty (Office.js fails the whole batch on it otherwise).
      const all = ctx.workbook.worksheets;
      all.load('items/name');
      await sync();
      const present = new Set(all.items.map((s) => s.name));
      const used = names.map((n) => {
        if (!present.has(n)) return null;
        const r = ctx.workbook.worksheets.getItemOrNullObject(n).getUsedRangeOrNullObject(true);
        r.load('values');
        return r;
      });
      if (used.some((u) => u)) await sync();
      return names.map((n, i) => {
        const u = used[i];
        return { file: '本工作簿', sheet: n, rows: !u || u.isNullObject ? [] : (u.values as CellValue[][]) };
      });
    });
  }

  // ---------------------------------------------------------------- checking

  /** Check a whole sheet: read it (1 sync), validate, colour the problem cells (1 sync). */
  async checkSheet(sheetName: string, profile: Profile, tb: TbBase): Promise<CheckResult> {
    return this.batch(async (ctx, sync) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      let used: ReturnType<XlWorksheet['getUsedRangeOrNullObject']>;
      try {
        used = sheet.getUsedRangeOrNullObject(true);
        used.load('values');
        await sync();
      } catch (e) {
        throw notFound(e, sheetName);
      }
      if (used.isNullObject) throw new Error(`工作表「${sheetName}」是空的：请先新建汇总表或粘贴数据。`);
      const values = used.values as CellValue[][];
      const v = validatorFor(profile, tb);
      // Only the table's region is checked: the title above and the notes below are the sheet's own text.
      const region = findRegion(v.index, values);
      if (!region) throw new Error(`在「${sheetName}」中找不到${profile.name}的表头：请确认选择的格式，或先「新建汇总表」。`);
      const width = Math.max(region.table.header.length, ...values.map((r) => r.length));
      const lastDataRow = Math.max(region.lastDataRow, region.headerRow);
      const result = v.validate(region.table, { tb });
      const seqCols = new Set(result.mapping.columns.filter((c) => c.key !== null && profile.columns.find((x) => x.key === c.key)?.type === 'seq').map((c) => c.source));
      const model: SheetModel = { sheet: sheetName, profile, tb, headerRow: region.headerRow, width, mapping: result.mapping, firstDataRow: region.firstDataRow, lastDataRow, notesFrom: region.notesFrom, seqCols };
      this.models.set(sheetName, model);
      // 序号 where the format has none (上海's working list numbers its rows): nothing to map, nothing lost.
      result.issues = result.issues.filter((i) => !(i.code === 'unmapped-column' && isRowNumberHeader(i.value)));
      const issues = placeIssues(sheetName, result, region.entryRows, region.headerRow);
      this.paint(sheet, model, model.firstDataRow, Math.max(lastDataRow, model.firstDataRow), issues);
      ctx.runtime.enableEvents = false;
      await sync();
      ctx.runtime.enableEvents = true;
      return { sheet: sheetName, profileId: profile.id, headerRow: region.headerRow, firstDataRow: model.firstDataRow, lastDataRow, issues, rows: result.entries.length };
    });
  }

  /** Clear the fills of rows [r1, r2] of the table and colour the problem cells, all queued. */
  private paint(sheet: XlWorksheet, model: SheetModel, r1: number, r2: number, issues: SheetIssue[]): void {
    sheet.getRangeByIndexes(r1, 0, r2 - r1 + 1, model.width).format.fill.clear();
    const errors: { r: number; c: number }[] = [];
    const warnings: { r: number; c: number }[] = [];
    const seen = new Set<string>();
    for (const is of issues) {
      if (is.sheetCol === null || is.sheetRow < r1 || is.sheetRow > r2) continue;
      const k = `${is.sheetRow},${is.sheetCol}`;
      if (is.severity === 'error') {
        errors.push({ r: is.sheetRow, c: is.sheetCol });
        seen.add(k);
      }
    }
    for (const is of issues) {
      if (is.sheetCol === null || is.sheetRow < r1 || is.sheetRow > r2 || is.severity !== 'warning') continue;
      const k = `${is.sheetRow},${is.sheetCol}`;
      if (!seen.has(k)) {
        warnings.push({ r: is.sheetRow, c: is.sheetCol });
        seen.add(k);
      }
    }
    this.fill(sheet, cellRuns(warnings), WARNING_FILL);
    this.fill(sheet, cellRuns(errors), ERROR_FILL);
  }

  /** Colour many scattered cells: RangeAreas in chunks where the host has them, else range by range. */
  private fill(sheet: XlWorksheet, addresses: string[], color: string): void {
    if (!addresses.length) return;
    if (this.api.rangeAreas) for (const chunk of chunkAddresses(addresses)) sheet.getRanges(chunk).format.fill.color = color;
    else for (const a of addresses) sheet.getRange(a).format.fill.color = color;
  }

  /** Subscribe to the problems of rows rechecked after an edit. */
  onRecheck(f: (r: { sheet: string; rows: [number, number]; issues: SheetIssue[] }) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Listen to edits, pastes and row inserts on a checked sheet. One sync to register. */
  async watch(sheetName: string): Promise<void> {
    if (this.watched.has(sheetName)) return;
    this.watched.add(sheetName);
    await this.batch(async (ctx, sync) => {
      ctx.workbook.worksheets.getItemOrNullObject(sheetName).onChanged.add(async (e) => {
        await this.recheck(sheetName, e.address);
      });
      await sync();
    });
  }

  /** Recheck only the rows an edit touched: read them (1 sync), validate, repaint (1 sync). */
  async recheck(sheetName: string, address: string): Promise<SheetIssue[] | null> {
    const model = this.models.get(sheetName);
    if (!model) return null;
    const p = parseAddress(address);
    if (p.r2 < model.firstDataRow) return null; // the title or header: a full check will see it
    const r1 = Math.max(p.r1, model.firstDataRow);
    let r2 = Math.min(p.r2, r1 + 5000);
    return this.batch(async (ctx, sync) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      const rng = sheet.getRangeByIndexes(r1, 0, r2 - r1 + 1, model.width);
      rng.load('values');
      // Rows inserted above the notes push them down: look for them again in the same round trip.
      const probeFrom = model.notesFrom ?? model.lastDataRow + 1;
      const probe = sheet.getRangeByIndexes(Math.min(probeFrom, r1), 0, Math.max(probeFrom, r2) - Math.min(probeFrom, r1) + NOTE_PROBE, model.width);
      probe.load('values');
      await sync();
      const probeRows = probe.values as CellValue[][];
      const probeStart = Math.min(probeFrom, r1);
      const noteAt = probeRows.findIndex((row, i) => probeStart + i >= model.firstDataRow && isNoteRow(row, model.profile));
      model.notesFrom = noteAt >= 0 ? probeStart + noteAt : model.notesFrom === null ? null : Math.max(model.notesFrom, r2 + 1);
      if (model.notesFrom !== null) {
        if (r1 >= model.notesFrom) return null; // a note: never validated
        r2 = Math.min(r2, model.notesFrom - 1);
      }
      // An empty template row (only 序号) is no entry: hand it to the engine as blank.
      const rows = (rng.values as CellValue[][]).slice(0, r2 - r1 + 1).map((row) => (isTemplateRow(row, model.seqCols) ? [] : row));
      const v = validatorFor(model.profile, model.tb);
      const res: Result = { mapping: model.mapping, entries: [], issues: [], changes: [], leftOut: [] };
      // 序号 continues from the rows above (blank rows above the edit would shift it; a full check corrects that).
      v.validateRows(rows, model.mapping, { firstSeq: r1 - model.firstDataRow + 1 }, res);
      const sheetRows = rows.map((_, i) => r1 + i);
      const issues = placeIssues(sheetName, res, sheetRows, model.headerRow);
      if (r2 > model.lastDataRow) model.lastDataRow = r2;
      this.paint(sheet, model, r1, r2, issues);
      ctx.runtime.enableEvents = false;
      await sync();
      ctx.runtime.enableEvents = true;
      for (const l of this.listeners) l({ sheet: sheetName, rows: [r1, r2], issues });
      return issues;
    });
  }

  // ---------------------------------------------------------------- writing

  /** Write values into cells: the number format first (text for strings, so =, +, - and @ never
   *  become formulas), then the values. The pane's own write: events off. One sync. */
  async writeCells(sheetName: string, cells: { r: number; c: number; value: string | number; note?: string }[]): Promise<void> {
    if (!cells.length) return;
    await this.batch(async (ctx, sync) => {
      ctx.runtime.enableEvents = false;
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      for (const cell of cells) {
        const rng = sheet.getRangeByIndexes(cell.r, cell.c, 1, 1);
        rng.numberFormat = [[typeof cell.value === 'number' ? 'General' : '@']];
        rng.values = [[cell.value]];
        if (cell.note && this.api.notes) sheet.notes.add(a1(cell.r, cell.c), cell.note);
      }
      await sync();
      ctx.runtime.enableEvents = true;
    });
  }

  /** Apply the fixes of these issues, then recheck the rows they were in. A conversion in a column
   *  whose header gives another unit (「数据量(TB)」) converts the whole column and gives the header
   *  the format's label in the same write, so the same conversion is never offered twice. Every
   *  change is listed in the 修改记录 sheet. */
  async applyFixes(issues: SheetIssue[]): Promise<SheetIssue[] | null> {
    const fixable = issues.filter((i) => i.sheetCol !== null && fixValue(i) !== null);
    if (!fixable.length) return null;
    const sheet = fixable[0].sheet;
    const model = this.models.get(sheet);
    const unitCols = new Set(fixable.filter((i) => i.code === 'quantity-converted' && model?.mapping.columns.find((m) => m.source === i.sheetCol)?.unit).map((i) => i.sheetCol!));
    const column = model && unitCols.size ? await this.columnFixes(model, unitCols) : { issues: [], header: [] };
    const inColumn = (i: SheetIssue) => unitCols.has(i.sheetCol!) && i.code === 'quantity-converted';
    const { writes, changes } = planFixes([...column.issues, ...fixable.filter((i) => !inColumn(i))]);
    await this.writeCells(sheet, [...column.header, ...writes]);
    if (model) for (const m of model.mapping.columns) if (unitCols.has(m.source)) m.unit = undefined;
    const headerChanges: ChangeRecord[] = column.header.map((h) => ({ sheet, cell: a1(h.r, h.c), field: String(h.value), from: h.from, to: String(h.value), rule: `表头改为格式的列名「${h.value}」：本列已换算为 ${h.unit}，不再按「${h.from}」的单位换算。` }));
    await this.logChanges([...headerChanges, ...changes]);
    const rows = [...writes, ...column.header].map((c) => c.r);
    if (!rows.length) return null;
    return this.recheck(sheet, `${a1(Math.max(Math.min(...rows), model?.firstDataRow ?? 0), 0)}:${a1(Math.max(...rows), 0)}`);
  }

  /** Every conversion of the columns whose header carries a unit, and their new headers. One sync. */
  private async columnFixes(model: SheetModel, cols: Set<number>): Promise<{ issues: SheetIssue[]; header: (CellWrite & { from: string; unit: string })[] }> {
    const v = validatorFor(model.profile, model.tb);
    const last = model.notesFrom === null ? model.lastDataRow : Math.min(model.lastDataRow, model.notesFrom - 1);
    const n = last - model.firstDataRow + 1;
    const ranges = await this.batch(async (ctx, sync) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(model.sheet);
      const out = [...cols].map((c) => {
        const r = sheet.getRangeByIndexes(model.firstDataRow, c, Math.max(n, 1), 1);
        r.load('values');
        return { c, r };
      });
      await sync();
      return out.map(({ c, r }) => ({ c, values: n > 0 ? (r.values as CellValue[][]).map((x) => x[0]) : [] }));
    });
    const issues: SheetIssue[] = [];
    const header: (CellWrite & { from: string; unit: string })[] = [];
    for (const { c, values } of ranges) {
      const m = model.mapping.columns.find((x) => x.source === c)!;
      const col = model.profile.columns.find((x) => x.key === m.key)!;
      values.forEach((cell, i) => {
        const res = v.checkCell(col, cell, m.unit);
        const conversion = res.issues.find((x) => x.code === 'quantity-converted' && x.fix !== undefined);
        if (conversion) issues.push({ ...conversion, row: i, col: c, field: col.label, sheet: model.sheet, sheetRow: model.firstDataRow + i, sheetCol: c, address: a1(model.firstDataRow + i, c) });
      });
      header.push({ r: model.headerRow, c, value: col.label, from: m.header, unit: col.quantity?.unit ?? 'GB' });
    }
    return { issues, header };
  }

  /** Append automatic changes to the 修改记录 sheet (created with its header the first time). */
  async logChanges(records: ChangeRecord[]): Promise<void> {
    if (!records.length) return;
    await this.batch(async (ctx, sync) => {
      const log = ctx.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
      log.load('name');
      await sync();
      ctx.runtime.enableEvents = false;
      let next = 0;
      let sheet = log as XlWorksheet;
      if (log.isNullObject) {
        sheet = ctx.workbook.worksheets.add(CHANGE_LOG_SHEET);
        const header = changeLogHeader();
        const h = sheet.getRangeByIndexes(0, 0, 1, header.length);
        h.numberFormat = [header.map(() => '@')];
        h.values = [header];
        h.format.font.bold = true;
        next = 1;
      } else {
        const used = log.getUsedRangeOrNullObject(true);
        used.load('rowCount');
        await sync();
        next = used.isNullObject ? 0 : used.rowCount;
      }
      const stamp = new Date().toLocaleString('zh-CN', { hour12: false });
      const rows = records.map((r, i) => changeLogRow(next + i, r, `任务窗格 ${stamp}`));
      const rng = sheet.getRangeByIndexes(next, 0, rows.length, rows[0].length);
      // Text format before the values: an original 「=SUM(…)」 stays literal.
      rng.numberFormat = rows.map((row) => row.map((x) => (typeof x === 'number' ? 'General' : '@')));
      rng.values = rows;
      await sync();
      ctx.runtime.enableEvents = true;
    });
  }

  async select(sheetName: string, r: number, c: number | null): Promise<void> {
    await this.batch(async (ctx, sync) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.activate();
      sheet.getRangeByIndexes(r, c ?? 0, 1, 1).select();
      await sync();
    });
  }

  /** The selected cells and which column of the table they are in. One sync. */
  async selection(): Promise<{ sheet: string; r: number; c: number; values: CellValue[][]; key: string | null } | null> {
    return this.batch(async (ctx, sync) => {
      const rng = ctx.workbook.getSelectedRange();
      rng.load(['values', 'address', 'rowIndex', 'columnIndex']);
      await sync();
      const sheet = parseAddress(rng.address).sheet ?? '';
      const model = this.models.get(sheet);
      const key = model?.mapping.columns.find((m) => m.source === rng.columnIndex)?.key ?? null;
      return { sheet, r: rng.rowIndex, c: rng.columnIndex, values: rng.values as CellValue[][], key };
    });
  }

  /** Convert the selected cells (or a whole column) to the column's unit, keeping the original in a
   *  note where the host has notes. Returns what could not be converted. */
  async convertCells(sheetName: string, r1In: number, r2In: number, c: number): Promise<{ converted: number; failed: { r: number; value: string; message: string }[] }> {
    const model = this.models.get(sheetName);
    if (!model) throw new Error('请先「检查本表」，助手才知道各列的单位。');
    let r1 = r1In;
    let r2 = r2In;
    const key = model.mapping.columns.find((m) => m.source === c)?.key;
    const col = model.profile.columns.find((x) => x.key === key);
    if (!col || col.type !== 'quantity' || !col.quantity?.unit) throw new Error('所选列没有固定单位（如 GB、条），无需换算。');
    const to = col.quantity.unit as Target;
    // Never the title, the header or the notes: only the table's rows.
    const last = model.notesFrom === null ? Math.max(model.lastDataRow, r2 === r1 ? r2 : model.lastDataRow) : model.notesFrom - 1;
    r1 = Math.max(r1, model.firstDataRow);
    r2 = Math.min(r2, last);
    if (r2 < r1) return { converted: 0, failed: [] };
    const values = await this.batch(async (ctx, sync) => {
      const rng = ctx.workbook.worksheets.getItemOrNullObject(sheetName).getRangeByIndexes(r1, c, r2 - r1 + 1, 1);
      rng.load('values');
      await sync();
      return rng.values as CellValue[][];
    });
    const cells: { r: number; c: number; value: string | number; note?: string }[] = [];
    const failed: { r: number; value: string; message: string }[] = [];
    const changes: ChangeRecord[] = [];
    values.forEach((row, i) => {
      const text = cellText(row[0]).trim();
      if (!text || typeof row[0] === 'number') return;
      const r = convert(text, to, model.tb);
      if (!r.ok || r.value === null) {
        failed.push({ r: r1 + i, value: text, message: r.message });
        return;
      }
      const converted = to === '条' ? `${r.value}条` : r.value;
      const value = fixValue({ code: 'quantity-converted', value: text, fix: converted }) ?? text;
      const rule = `按 1TB=${model.tb}GB 换算为 ${value}${to === '条' ? '' : to}。`;
      if (String(value) !== text) {
        cells.push({ r: r1 + i, c, value, note: `原填「${text}」，${rule}` });
        changes.push({ sheet: sheetName, cell: a1(r1 + i, c), field: col.label, from: text, to: String(value), rule: `换算：${rule}` });
      }
    });
    await this.writeCells(sheetName, cells);
    await this.logChanges(changes);
    if (cells.length) await this.recheck(sheetName, `${a1(r1, 0)}:${a1(r2, 0)}`);
    return { converted: cells.length, failed };
  }

  // ---------------------------------------------------------------- building

  /** Write a planned workbook. An existing sheet of the same name is first kept as a copy (the way
   *  back) and the new one takes its name. Two syncs whatever the size. */
  async writePlan(plan: WorkbookPlan): Promise<{ backups: string[]; sheet: string }> {
    return this.batch(async (ctx, sync) => {
      const existing = plan.sheets.map((sp) => {
        const s = ctx.workbook.worksheets.getItemOrNullObject(sp.name);
        s.load('name');
        return s;
      });
      const all = ctx.workbook.worksheets;
      all.load('items/name');
      await sync();
      const taken = new Set(all.items.map((s) => s.name));
      ctx.runtime.enableEvents = false;
      const backups: string[] = [];
      const stamp = new Date();
      const tag = `${String(stamp.getMonth() + 1).padStart(2, '0')}${String(stamp.getDate()).padStart(2, '0')}-${String(stamp.getHours()).padStart(2, '0')}${String(stamp.getMinutes()).padStart(2, '0')}`;
      plan.sheets.forEach((sp, i) => {
        const old = existing[i];
        if (old.isNullObject) return;
        if (sp.role === 'lists' || sp.role === 'issues') {
          old.delete(); // ours, regenerated every time
          return;
        }
        // A unique name: two rebuilds in the same minute must not collide.
        const name = uniqueSheetName(sp.name, taken, ` 备份${tag}`);
        old.name = name;
        backups.push(name);
      });
      for (const sp of plan.sheets) {
        const sheet = ctx.workbook.worksheets.add(sp.name);
        writeSheetPlan(sheet, sp, plan.styles, this.api);
        if (sp.role === 'summary' || sp.role === 'working-list') sheet.activate();
      }
      await sync();
      ctx.runtime.enableEvents = true;
      this.models.clear();
      // The sheet the clerk works in: the summary, or 上海's working list.
      return { backups, sheet: plan.sheets[0].name };
    });
  }

  /** 新建汇总表: the formatted, empty summary sheet of a profile. */
  async createSummary(profile: Profile, settings: Settings): Promise<{ backups: string[]; sheet: string }> {
    const empty: MergeResult = { inputs: [], entries: [], issues: [], changes: [], leftOut: [], skipped: [], rowsRead: 0, rowsWritten: 0 };
    return this.writePlan(planWorkbook(profile, empty, { ...settingsToPlan(settings), annotate: false }));
  }

  /** Rebuild the formatted summary from the rows in the workbook (and imported sheets), exactly as
   *  hqds build would; `dropEntries` are duplicates the user confirmed for removal. */
  async rebuild(profile: Profile, settings: Settings, inputs: InputSheet[], opts: MergeOptions & { dropEntries?: number[] } = {}): Promise<{ merged: MergeResult; backups: string[]; sheet: string }> {
    const merged = mergeSheets(profile, inputs, { ...opts, tb: settings.tb });
    if (opts.dropEntries?.length) dropEntries(profile, merged, new Set(opts.dropEntries));
    const { backups, sheet } = await this.writePlan(planWorkbook(profile, merged, settingsToPlan(settings)));
    return { merged, backups, sheet };
  }
}

/** Office's 「ItemNotFound」 on a named sheet, said in Chinese with what to do. */
function notFound(e: unknown, sheetName: string): Error {
  const text = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'ItemNotFound' || /ItemNotFound/.test(text)) return new Error(`找不到工作表「${sheetName}」：请从「检查的工作表」列表中选择，或先「新建汇总表」。`);
  return e instanceof Error ? e : new Error(text);
}

function placeIssues(sheet: string, res: Result, sheetRows: number[], headerRow: number): SheetIssue[] {
  return res.issues.map((is) => {
    const sheetRow = is.row < 0 ? headerRow : sheetRows[is.row] ?? headerRow;
    return { ...is, sheet, sheetRow, sheetCol: is.col, address: is.col === null ? null : a1(sheetRow, is.col) };
  });
}

/** Points for a column width given in Excel's character units (the default font's 「0」 is ~7 px). */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** Carry out one sheet of the plan through Office.js: everything queued, nothing synced here. */
export function writeSheetPlan(sheet: XlWorksheet, sp: SheetPlan, styles: Record<string, CellStyle>, api: OfficeWorkbook['api']): void {
  if (sp.hidden) sheet.visibility = 'Hidden';
  const rows = Math.max(0, ...sp.cells.map((c) => c.r + 1));
  const cols = Math.max(sp.colWidths.length, ...sp.cells.map((c) => c.c + 1));
  if (rows && cols) {
    const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
    const textCols = new Set(sp.textColumns);
    const inTable = (r: number) => !!sp.table && r >= sp.table.firstDataRow && r <= sp.table.lastDataRow;
    const formats: string[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (inTable(r) && textCols.has(c) ? '@' : 'General')));
    for (const c of sp.cells) {
      values[c.r][c.c] = c.v === null ? '' : c.v;
      // Text cells are formatted as text before their values land, so =, +, - and @ stay literal.
      if (typeof c.v === 'string' || (c.v === null && styles[c.style]?.numFmt === '@')) formats[c.r][c.c] = '@';
      else if (typeof c.v === 'number') formats[c.r][c.c] = 'General';
    }
    // The empty rows below, where clerks will type, are text in text columns too.
    if (sp.table) {
      const blank = 200;
      for (const c of sp.textColumns) sheet.getRangeByIndexes(sp.table.lastDataRow + 1, c, blank, 1).numberFormat = Array.from({ length: blank }, () => ['@']);
    }
    const all = sheet.getRangeByIndexes(0, 0, rows, cols);
    all.numberFormat = formats;
    all.values = values;
  }
  // Styles: one format call per style and property, over all its cells at once.
  const byStyle = new Map<string, { r: number; c: number }[]>();
  for (const c of sp.cells) {
    let l = byStyle.get(c.style);
    if (!l) byStyle.set(c.style, (l = []));
    l.push({ r: c.r, c: c.c });
  }
  for (const [name, cells] of byStyle) {
    const st = styles[name];
    if (!st) continue;
    // Fills of scattered cells through RangeAreas where the host has them.
    if (st.fill) {
      const color = `#${st.fill.slice(2)}`;
      if (api.rangeAreas) for (const a of chunkAddresses(cellRuns(cells))) sheet.getRanges(a).format.fill.color = color;
      else for (const a of cellRuns(cells)) sheet.getRange(a).format.fill.color = color;
    }
    // Fonts, alignment and borders per run of a column: a handful of ranges per style.
    for (const a of cellRuns(cells)) {
      const f = sheet.getRange(a).format;
      if (st.font?.name) f.font.name = st.font.name;
      if (st.font?.size) f.font.size = st.font.size;
      if (st.font?.bold !== undefined) f.font.bold = st.font.bold;
      if (st.align?.wrap !== undefined) f.wrapText = st.align.wrap;
      if (st.align?.h) f.horizontalAlignment = st.align.h === 'left' ? 'Left' : st.align.h === 'right' ? 'Right' : 'Center';
      if (st.border) for (const e of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) f.borders.getItem(e).style = 'Continuous';
    }
  }
  for (const m of sp.merges) sheet.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false);
  sp.colWidths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w)));
  for (const [r, h] of Object.entries(sp.rowHeights)) sheet.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  for (const v of sp.validations) {
    const rng = sheet.getRangeByIndexes(v.r1, v.c1, v.r2 - v.r1 + 1, v.c2 - v.c1 + 1);
    rng.dataValidation.clear();
    rng.dataValidation.rule = { list: { inCellDropDown: true, source: v.list ? v.list.join(',') : `=${v.source}` } };
    rng.dataValidation.errorAlert = { showAlert: true, style: v.strict ? 'Stop' : 'Warning', title: v.title, message: v.strict ? '请从下拉列表中选择。' : '不在下拉列表中：若确属其他或为多选，请点「是」保留，助手会再检查。' };
    rng.dataValidation.prompt = { showPrompt: true, title: v.title.slice(0, 32), message: v.prompt.slice(0, 255) };
  }
  if (api.notes) for (const c of sp.cells) if (c.note) sheet.notes.add(a1(c.r, c.c), c.note);
  if (sp.freeze) sheet.freezePanes.freezeRows(sp.freeze.rows);
  if (sp.print && api.pageLayout) {
    sheet.pageLayout.orientation = sp.print.landscape ? 'Landscape' : 'Portrait';
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.centerHorizontally = true;
    if (sp.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (sp.print.titleRows) sheet.pageLayout.setPrintTitleRows(`$${sp.print.titleRows[0] + 1}:$${sp.print.titleRows[1] + 1}`);
  }
}

