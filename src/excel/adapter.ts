/**
 * The Office gateway: the one module that talks to Excel. The task pane calls these methods; each
 * is one Excel.run through one queue, so the pane's batches never overlap. Batches name their
 * request context `context` and call `context.sync()` themselves, as few times as the job allows
 * (budgets are tested: a full check ≤ 3, one edit event ≤ 2, a build ⌈rows / ROWS_PER_SYNC⌉ + 2),
 * and a request never carries more than ROWS_PER_SYNC rows or COMMANDS_PER_SYNC commands, under
 * the 5 MB limit of Excel on the web.
 *
 * Excel facts this rests on (each pinned by a test on the fake, src/excel/fake.ts):
 * - runtime.enableEvents is add-in-wide and stays as the last batch left it, so the pane's value
 *   writes switch it off and a `finally` switches it back on in its own Excel.run; fills and other
 *   formats do not fire onChanged, so checking never switches it off.
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance#turn-off-events
 * - A failed sync leaves the commands before the failure applied: sheet names are made legal
 *   before they are sent (src/core/sheet-name.ts).
 * - The used range starts at its first used cell (rowIndex/columnIndex), not at A1.
 * - delayForCellEdit is honoured only by hosts with the DelayForCellEdit requirement set; on the
 *   others a batch fails with InvalidOperationInCellEditMode and is retried with a short backoff.
 * - Worksheet.notes needs ExcelApi 1.18 in the host and a library that has the proxy; without
 *   them no note is written, and the original stays in the 「修改记录」 sheet, which lists every
 *   change the pane makes.
 */
import { cellText, type CellValue } from '../core/cell';
import { validatorFor, type Issue, type Result } from '../core/engine';
import { mapHeader, type HeaderMapping } from '../core/header';
import { detectProfile } from '../core/detect';
import { dropEntries } from '../core/duplicates';
import {
  emptyMergeResult,
  mergeSheets,
  type InputSheet,
  type MergeOptions,
  type MergeResult,
} from '../core/merge';
import {
  planWorkbook,
  type PlanSettings,
  type SheetPlan,
  type PlanCell,
  type WorkbookPlan,
  type CellStyle,
} from '../core/plan';
import type { Profile, ProfileFont } from '../core/profile';
import type {
  locateTemplateHeader,
  TemplateDoc,
  TemplateRange,
  TemplateSheet,
  TemplateValidation,
} from '../core/learn';
import { convert, type TbBase, type Target } from '../core/quantity';
import { a1, parseAddress } from '../core/address';
import { uniqueSheetName } from '../core/sheet-name';
import { findRegion, isNoteRow, isTemplateRow } from '../core/region';
import { planFixes, fixValue, isApproximate, type ChangeRecord, type CellWrite } from '../core/fixes';
import { CHANGE_LOG_SHEET, changeLogHeader, changeLogRow } from '../core/plan';
import {
  encodeStoredProfile,
  readStoredProfile,
  STORED_PROFILE_KEY,
  type StoredProfile,
} from '../core/profile-store';
import type {
  XlContext,
  XlHandlerResult,
  XlRange,
  XlRangeAreas,
  XlRequirements,
  XlRun,
  XlWorksheet,
  XlWorksheetChangedEvent,
} from './xl';

/** What the plan needs to draw a summary; the pane's own settings (src/taskpane/settings.ts) map
 *  onto it with settingsToPlan. The `never` fields refuse the pane's settings object itself, whose
 *  fillDate would otherwise be dropped without a word. */
export type BuildSettings = Partial<PlanSettings> & { fillDate?: never; profileId?: never };

/** How far below the last known note row a recheck looks for the notes after rows were inserted. */
const NOTE_PROBE = 50;

const ERROR_FILL = '#FFC7CE';
const WARNING_FILL = '#FFEB9C';
/** RangeAreas addresses are split so no single call carries a very long address string. */
const ADDRESS_CHUNK = 2000;
/** Rows of values (with their number formats) per request. A flagged 3,000-row rebuild sent as one
 *  request came to about 5.6 MB by the fake's estimate (issue 9 estimated 8 MB); with 500 rows its
 *  largest request is about 1 MB, well under the 5 MB limit of Excel on the web
 *  (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins). */
export const ROWS_PER_SYNC = 500;
/** Other commands (formats, notes, validations) per request: at about 200 bytes each, 2 MB at most. */
export const COMMANDS_PER_SYNC = 10000;
/** Cells of a wide sheet per request, so 500 rows of a very wide sheet are split too. */
const CELLS_PER_SYNC = 20000;
/** Cells read per request: responses count towards the same 5 MB limit, and 50,000 cells of
 *  short text come to about 1.5 MB. A 3,000-row summary is read in one request. */
export const READ_CELLS_PER_SYNC = 50000;
/** At most this many rows are rechecked after one edit; a full check sees the rest. */
const RECHECK_ROWS = 5000;
/** Waits before retrying a batch refused because the user is editing a cell (hosts without
 *  DelayForCellEdit): about 8 s in all, then the user is asked to finish the edit. */
export const CELL_EDIT_BACKOFF_MS = [100, 250, 500, 1000, 2000, 4000];
const LAST_ROW = 1048575;
/** Changes that move cells: the table must be located and mapped again. */
const STRUCTURAL = new Set([
  'RowInserted',
  'RowDeleted',
  'ColumnInserted',
  'ColumnDeleted',
  'CellInserted',
  'CellDeleted',
]);

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

export interface Recheck {
  sheet: string;
  rows: [number, number];
  issues: SheetIssue[];
  /** Entries on the sheet after this recheck (the status line's 「共 N 条」 follows the edits). */
  entries: number;
}

export interface Selection {
  sheet: string;
  /** The top-left cell of the selected cells that hold data (the selection itself when empty). */
  r: number;
  c: number;
  values: CellValue[][];
  key: string | null;
  /** The selection was whole columns or rows, cut to the used range. */
  cut: boolean;
  /** Above the table or in the notes below it: never filled, so no column. */
  outside?: boolean;
}

/** Where the table sits on a sheet, learned by the last full check (or the build that drew it) and
 *  reused for edit events. Keyed by worksheet id: a renamed sheet keeps its id, a rebuilt one
 *  gets a new one. */
interface SheetModel {
  id: string;
  sheet: string;
  profile: Profile;
  tb: TbBase;
  headerRow: number;
  /** Each column's label row: a two-level header's sub-labels sit below headerRow. */
  labelRows: number[];
  width: number;
  mapping: HeaderMapping;
  firstDataRow: number;
  lastDataRow: number;
  /** Fills the add-in has put on data cells ('r,c' → colour), or null when unknown. */
  painted: Map<string, string> | null;
  /** The first note under the table (format footnote, conversion note, 「注：」), or null. */
  notesFrom: number | null;
  /** Received columns holding 序号: a row with only these filled is an empty template row. */
  seqCols: Set<number>;
  /** Sheet rows that are entries, kept up to date by rechecks. */
  entryRows: Set<number>;
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

/** Values of a used range placed at their sheet coordinates: the used range starts at its first
 *  used cell, so rows above and columns to the left are filled with blanks. */
export function atSheetOrigin(values: CellValue[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const lead = Array<CellValue>(columnIndex).fill('');
  const rows: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) rows.push(columnIndex ? [...lead, ...row] : row);
  return rows;
}

/**
 * A sheet's id, name and used values at their sheet coordinates (null when blank): one request for where the
 * used range is, then one per block of at most READ_CELLS_PER_SYNC cells, so no response nears
 * the 5 MB limit. `maxRows` reads only the top of the sheet.
 */
async function readUsed(
  context: XlContext,
  sheet: XlWorksheet,
  maxRows = Infinity,
): Promise<{ id: string; name: string; rows: CellValue[][] | null }> {
  sheet.load(['id', 'name']);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  await context.sync();
  if (used.isNullObject) return { id: sheet.id, name: sheet.name, rows: null };
  const rows = Math.min(used.rowCount, maxRows);
  const perBlock = Math.max(1, Math.floor(READ_CELLS_PER_SYNC / used.columnCount));
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r += perBlock) {
    const block = sheet.getRangeByIndexes(
      used.rowIndex + r,
      used.columnIndex,
      Math.min(perBlock, rows - r),
      used.columnCount,
    );
    block.load('values');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one response per block, bounded by the sheet's size
    await context.sync();
    for (const row of block.values as CellValue[][]) values.push(row);
  }
  return { id: sheet.id, name: sheet.name, rows: atSheetOrigin(values, used.rowIndex, used.columnIndex) };
}

/** Row spans an event address touches ('A1:B2, D7' or 'C:C'), from the first data row, merged. */
export function touchedRows(address: string, firstDataRow: number, lastDataRow: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const part of address.split(',')) {
    if (!part.trim()) continue;
    const p = parseAddress(part);
    if (p.r2 < firstDataRow) continue; // the title or header: a full check will see it
    const r1 = Math.max(p.r1, firstDataRow);
    // A whole column reaches row 1,048,576: only the table's rows (and one below) matter.
    const end = p.r2 >= LAST_ROW ? Math.max(lastDataRow + 1, r1) : p.r2;
    spans.push([r1, Math.min(end, r1 + RECHECK_ROWS - 1)]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

function errorCode(e: unknown): string | undefined {
  return (e as { code?: string } | null)?.code;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one request under the payload limit: the writer asks for room before queueing rows or
 * commands, and the request is sent (context.sync) when it is full. This is the only sync in a
 * loop, bounded by the size of the job: ⌈rows / ROWS_PER_SYNC⌉ (+1 per COMMANDS_PER_SYNC).
 */
export class Pacer {
  private rows = 0;
  private cells = 0;
  private commands = 0;
  /** Requests sent through the pacer. */
  sent = 0;

  constructor(private readonly context: XlContext) {}

  /** How many of `want` rows of `cols` columns fit in this request (at least one), sending the
   *  request first when it is full. */
  async takeRows(want: number, cols: number): Promise<number> {
    const perRow = Math.max(cols, 1);
    let fit = Math.min(want, ROWS_PER_SYNC - this.rows, Math.floor((CELLS_PER_SYNC - this.cells) / perRow));
    if (fit <= 0) {
      await this.flush();
      fit = Math.max(1, Math.min(want, ROWS_PER_SYNC, Math.floor(CELLS_PER_SYNC / perRow)));
    }
    this.rows += fit;
    this.cells += fit * perRow;
    return fit;
  }

  /** Room for `n` more commands in this request. */
  async take(n = 1): Promise<void> {
    if (this.commands + n > COMMANDS_PER_SYNC && this.commands + this.rows > 0) await this.flush();
    this.commands += n;
  }

  /** Send what is queued. */
  async flush(): Promise<void> {
    this.rows = 0;
    this.cells = 0;
    this.commands = 0;
    this.sent++;
    await this.context.sync();
  }
}

export class OfficeWorkbook {
  private models = new Map<string, SheetModel>();
  /** Approximate figures a fix turned into numbers (约2TB → 2048), by sheet id then 'r,c': the
   *  number alone no longer says 约, so the warning is kept while the cell holds that number. */
  private approx = new Map<string, Map<string, { text: string; value: number }>>();
  private listeners = new Set<(r: Recheck) => void>();
  private errorListeners = new Set<(message: string) => void>();
  /** Handlers by worksheet id, with the context each was added in (needed to remove it). */
  private watched = new Map<string, XlHandlerResult>();
  /** The tail of the pane's queue of batches. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Requests the adapter sent (context.sync), for the pane's diagnostics and the tests' budgets. */
  syncs = 0;
  /** Whether the last write could put notes (host and library both have them): the pane says
   *  where the originals are accordingly. Null before the first write. */
  notesAvailable: boolean | null = null;

  constructor(
    private readonly run: XlRun,
    private readonly req: XlRequirements,
    private readonly backoff: readonly number[] = CELL_EDIT_BACKOFF_MS,
  ) {}

  /** Which newer APIs the host has; the adapter's baseline is ExcelApi 1.8 (Excel 2019). Notes
   *  also need the library's proxy: see notesOf. */
  get api() {
    const has = (v: string) => this.req.isSetSupported('ExcelApi', v);
    return {
      base: has('1.8'),
      rangeAreas: has('1.9'),
      pageLayout: has('1.9'),
      copy: has('1.7'),
      notes: has('1.18'),
    };
  }

  /** The sheet's notes when both the host (ExcelApi 1.18) and the Office.js library (a Worksheet
   *  proxy with `notes`) have them. isSetSupported asks the host only: a current Microsoft 365
   *  says yes to 1.18 while an old library has no `notes` at all. */
  private notesOf(sheet: XlWorksheet): NonNullable<XlWorksheet['notes']> | null {
    if (!this.api.notes) return null;
    return sheet.notes ?? null;
  }

  /**
   * Run one batch after the ones before it. `quiet` batches write values, so events are switched
   * off for them and switched back on in a `finally` with their own Excel.run: a batch that fails
   * halfway must not leave the user's edits undelivered.
   */
  private batch<T>(job: (context: XlContext) => Promise<T>, opts: { quiet?: boolean } = {}): Promise<T> {
    const next = this.tail.then(async () => {
      try {
        return await this.attempt(async (context) => {
          if (opts.quiet) context.runtime.enableEvents = false;
          return job(context);
        });
      } finally {
        if (opts.quiet) {
          await this.attempt(async (context) => {
            context.runtime.enableEvents = true;
            await context.sync();
          });
        }
      }
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Excel.run with delayForCellEdit, retried with a short backoff where the host ignores the
   *  option and refuses the batch while a cell is being edited. Only a batch refused before any of
   *  its requests went through is retried, so nothing is applied twice. */
  private async attempt<T>(job: (context: XlContext) => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      let sent = false;
      try {
        return await this.run({ delayForCellEdit: true }, async (real) => {
          const count = () => this.syncs++;
          const context: XlContext = {
            get workbook() {
              return real.workbook;
            },
            get runtime() {
              return real.runtime;
            },
            sync: async () => {
              count();
              await real.sync();
              sent = true;
            },
          };
          return job(context);
        });
      } catch (e) {
        if (errorCode(e) !== 'InvalidOperationInCellEditMode' || sent) throw e;
        if (i >= this.backoff.length)
          throw new Error('Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑，再点一次。');
        await sleep(this.backoff[i]);
      }
    }
  }

  private modelByName(name: string): SheetModel | undefined {
    for (const m of this.models.values()) if (m.sheet === name) return m;
    return undefined;
  }

  // ---------------------------------------------------------------- settings

  /** A value kept in the workbook (workbook settings travel with the file), or null. One sync. */
  async readSetting(key: string): Promise<unknown> {
    return this.batch(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await context.sync();
      return item.isNullObject ? null : (item.value as unknown);
    });
  }

  async writeSetting(key: string, value: string): Promise<void> {
    await this.batch(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /** The learned format stored in the workbook (hqds learn / 「新格式」), or why it cannot be used. One sync. */
  async loadStoredProfile(): Promise<StoredProfile> {
    return readStoredProfile(await this.readSetting(STORED_PROFILE_KEY));
  }

  /** Stores a learned format in the workbook, so it travels with the file. One sync. */
  async saveStoredProfile(p: Profile): Promise<void> {
    await this.writeSetting(STORED_PROFILE_KEY, encodeStoredProfile(p));
  }

  // ---------------------------------------------------------------- reading

  /** The sheets of the workbook and the active one. One sync. */
  async sheets(): Promise<{ names: string[]; active: string }> {
    return this.batch(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load('items/name');
      const active = ws.getActiveWorksheet();
      active.load('name');
      await context.sync();
      return { names: ws.items.map((s) => s.name), active: active.name };
    });
  }

  /** Recognise the bureau from the active sheet's title and header (its first 30 rows). Two syncs. */
  async detectProfile(): Promise<{ profileId: string; sheet: string } | null> {
    return this.batch(async (context) => {
      const read = await readUsed(context, context.workbook.worksheets.getActiveWorksheet(), 30);
      return read.rows ? detectProfile(read.name, read.rows.slice(0, 30)) : null;
    });
  }

  /** Read whole sheets (for import from a staging sheet), at their sheet coordinates: one sync to
   *  find them, then two per sheet (more for sheets over READ_CELLS_PER_SYNC cells). A missing
   *  sheet reads as empty. */
  async readSheets(names: string[]): Promise<InputSheet[]> {
    return this.batch(async (context) => {
      const sheets = names.map((n) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(n);
        sheet.load('name');
        return sheet;
      });
      await context.sync();
      const out: InputSheet[] = [];
      for (const [i, sheet] of sheets.entries()) {
        const rows = sheet.isNullObject ? null : (await readUsed(context, sheet)).rows;
        out.push({ file: '本工作簿', sheet: names[i], rows: rows ?? [] });
      }
      return out;
    });
  }

  /** 「新格式」 from this workbook: the chosen sheet as hqds learn reads a template file (values,
   *  merges, dropdown lists with their sources on other, hidden sheets or names, widths, fonts,
   *  page setup), for the same learner. At most 3 syncs whatever the sheet's size (4 over 512
   *  merged areas): see readCurrentTemplate. What the host cannot give is said in `limits`. The caller passes the
   *  learner's header finder, so the learner stays in 「新格式」's lazy chunk, out of the first load. */
  async readTemplate(sheetName: string, locate: typeof locateTemplateHeader): Promise<CurrentTemplate> {
    return this.batch((context) =>
      readCurrentTemplate(context, sheetName, (v) => this.req.isSetSupported('ExcelApi', v), locate),
    );
  }

  // ---------------------------------------------------------------- checking

  /** Check a whole sheet: read it (2 syncs up to READ_CELLS_PER_SYNC cells), validate, colour the
   *  cells whose fill changes (1 sync, none when nothing changes). */
  async checkSheet(sheetName: string, profile: Profile, tb: TbBase): Promise<CheckResult> {
    return this.batch(async (context) => {
      // By name, or by id (Excel's getItem takes either): live checking finds a renamed sheet.
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      let read: Awaited<ReturnType<typeof readUsed>>;
      try {
        read = await readUsed(context, sheet);
      } catch (e) {
        // The used range of a missing sheet fails the request (a method on a null object).
        if (errorCode(e) === 'ItemNotFound')
          throw new Error(`找不到工作表「${sheetName}」：它可能已改名或删除，请在「汇总」中重新选择。`);
        throw e;
      }
      if (!read.rows) throw new Error(`工作表「${sheetName}」是空的：请先新建汇总表或粘贴数据。`);
      const values = read.rows;
      const validator = validatorFor(profile, tb);
      // Only the table's region is checked: the title above and the notes below are the sheet's own text.
      const region = findRegion(validator.index, values);
      if (!region)
        throw new Error(
          `在「${sheetName}」中找不到${profile.name}的表头：请确认选择的格式，或先「新建汇总表」。`,
        );
      const width = Math.max(region.table.header.length, ...values.map((r) => r.length));
      // No rows yet: the last header row (both rows of a two-level header are header).
      const lastDataRow = Math.max(region.lastDataRow, region.firstDataRow - 1);
      const result = validator.validate(region.table, { tb });
      const seqCols = new Set(
        result.mapping.columns
          .filter((c) => c.key !== null && profile.columns.find((x) => x.key === c.key)?.type === 'seq')
          .map((c) => c.source),
      );
      // 序号 where the format has none (上海's working list) is no unmapped column: the engine says so, as in hqds.
      const before = this.models.get(read.id);
      // Fills already known (same table, same place) are diffed; otherwise the table is cleared once.
      const same =
        before &&
        before.profile === profile &&
        before.headerRow === region.headerRow &&
        before.width === width;
      const model: SheetModel = {
        id: read.id,
        sheet: read.name,
        profile,
        tb,
        headerRow: region.headerRow,
        labelRows: region.labelRows,
        width,
        mapping: result.mapping,
        firstDataRow: region.firstDataRow,
        lastDataRow,
        painted: same ? before.painted : null,
        notesFrom: region.notesFrom,
        seqCols,
        entryRows: new Set(result.entries.map((e) => region.entryRows[e.row])),
      };
      this.models.set(model.id, model);
      const issues = placeIssues(read.name, result, region.entryRows, region.headerRow);
      issues.push(
        ...this.keptApproximations(model, model.firstDataRow, lastDataRow, (r, c) => values[r]?.[c], issues),
      );
      if (this.paint(sheet, model, model.firstDataRow, Math.max(lastDataRow, model.firstDataRow), issues))
        await context.sync();
      return {
        sheet: read.name,
        profileId: profile.id,
        headerRow: region.headerRow,
        firstDataRow: model.firstDataRow,
        lastDataRow,
        issues,
        rows: result.entries.length,
      };
    });
  }

  /**
   * Colour the problem cells of rows [r1, r2], queued. Only cells whose fill changes are written:
   * every API write clears Excel's undo stack (before ExcelApi 1.19), so typing a correct value
   * leaves Ctrl+Z working. With no record of the fills (first check), the rows are cleared first.
   * Returns whether anything was queued.
   */
  private paint(
    sheet: XlWorksheet,
    model: SheetModel,
    r1: number,
    r2: number,
    issues: SheetIssue[],
  ): boolean {
    const want = wantedFills(issues, r1, r2);
    if (!model.painted) {
      sheet.getRangeByIndexes(r1, 0, r2 - r1 + 1, model.width).format.fill.clear();
      model.painted = new Map();
      for (const [k, color] of want) model.painted.set(k, color);
      this.fillCells(sheet, want);
      return true;
    }
    const clear: { r: number; c: number }[] = [];
    const set = new Map<string, string>();
    for (const k of model.painted.keys()) {
      const [r, c] = k.split(',').map(Number);
      if (r < r1 || r > r2) continue;
      if (!want.has(k)) {
        clear.push({ r, c });
        model.painted.delete(k);
      }
    }
    for (const [k, color] of want) {
      if (model.painted.get(k) === color) continue;
      set.set(k, color);
      model.painted.set(k, color);
    }
    for (const chunk of this.api.rangeAreas ? chunkAddresses(cellRuns(clear)) : cellRuns(clear)) {
      if (this.api.rangeAreas) sheet.getRanges(chunk).format.fill.clear();
      else sheet.getRange(chunk).format.fill.clear();
    }
    this.fillCells(sheet, set);
    return clear.length > 0 || set.size > 0;
  }

  private fillCells(sheet: XlWorksheet, fills: Map<string, string>): void {
    const byColor = new Map<string, { r: number; c: number }[]>();
    for (const [k, color] of fills) {
      const [r, c] = k.split(',').map(Number);
      let l = byColor.get(color);
      if (!l) byColor.set(color, (l = []));
      l.push({ r, c });
    }
    for (const [color, cells] of byColor) this.fill(sheet, cellRuns(cells), color);
  }

  /** Colour many scattered cells: RangeAreas in chunks where the host has them, else range by range. */
  private fill(sheet: XlWorksheet, addresses: string[], color: string): void {
    if (!addresses.length) return;
    if (this.api.rangeAreas)
      for (const chunk of chunkAddresses(addresses)) sheet.getRanges(chunk).format.fill.color = color;
    else for (const a of addresses) sheet.getRange(a).format.fill.color = color;
  }

  /** Subscribe to the problems of rows rechecked after an edit. */
  onRecheck(f: (r: Recheck) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Subscribe to errors in live checking (an edit handler that failed), in Chinese. */
  onError(f: (message: string) => void): () => void {
    this.errorListeners.add(f);
    return () => this.errorListeners.delete(f);
  }

  /** Listen to edits, pastes and row inserts on a checked sheet. One sync to register; a sheet
   *  already watched (by worksheet id, which survives renaming) is not registered twice. */
  async watch(sheetName: string): Promise<void> {
    await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('id');
      const handler = sheet.onChanged.add((e) => this.onChanged(e));
      await context.sync();
      if (sheet.isNullObject) return;
      if (this.watched.has(sheet.id)) {
        handler.remove();
        await context.sync();
        return;
      }
      this.watched.set(sheet.id, handler);
    });
  }

  /** Stop listening to sheets, each through the context its handler was added in. */
  private async unwatch(ids: string[]): Promise<void> {
    for (const id of ids) {
      const handler = this.watched.get(id);
      if (!handler) continue;
      this.watched.delete(id);
      // The handler's own context: removing it through another one does nothing.
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
      try {
        await this.run(handler.context, async (context) => {
          handler.remove();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per handler: each must go through its own context
          await context.sync();
        });
      } catch {
        // The sheet's model is gone, so a handler left behind only returns; the build succeeded.
      }
    }
  }

  /** One onChanged event: never throws (Excel would swallow it); errors go to the pane. */
  private async onChanged(e: XlWorksheetChangedEvent): Promise<void> {
    try {
      // A co-author's edit: their Excel shows it, and repainting here would write (and clear our
      // user's undo) for every keystroke of everyone in the file.
      if (e.source === 'Remote') return;
      const model = this.models.get(e.worksheetId);
      if (!model) return;
      if (STRUCTURAL.has(String(e.changeType))) {
        // Rows or columns moved: find the header again and check the whole table.
        model.painted = null;
        const r = await this.checkSheet(model.id, model.profile, model.tb);
        for (const l of this.listeners)
          l({ sheet: r.sheet, rows: [0, LAST_ROW], issues: r.issues, entries: r.rows });
        return;
      }
      await this.recheckModel(model, e.address);
    } catch (err) {
      // Our own errors are Chinese; Office's are named by their code, for whoever supports the clerk.
      const message = (err as Error)?.message || String(err);
      const why = /[\u4e00-\u9fff]/.test(message)
        ? message
        : `Excel 报告 ${errorCode(err) ?? message.slice(0, 80)}`;
      const text = `即时检查出错（${why}）：请点「全面检查」重新检查本表。`;
      for (const l of this.errorListeners) l(text);
    }
  }

  /** Recheck only the rows an edit touched (comma-separated areas too): read them (1 sync),
   *  validate, repaint what changed (1 sync, skipped when no fill changes). */
  async recheck(sheetName: string, address: string): Promise<SheetIssue[] | null> {
    const model = this.modelByName(sheetName);
    return model ? this.recheckModel(model, address) : null;
  }

  /** The sheet is found by id, so a sheet the user renamed is still rechecked. */
  private async recheckModel(model: SheetModel, address: string): Promise<SheetIssue[] | null> {
    const spans = touchedRows(address, model.firstDataRow, model.lastDataRow);
    if (!spans.length) return null;
    const found = await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(model.id);
      const ranges = spans.map(([r1, r2]) => {
        const rng = sheet.getRangeByIndexes(r1, 0, r2 - r1 + 1, model.width);
        rng.load('values');
        return rng;
      });
      // Rows inserted above the notes push them down: look for them again in the same round trip.
      const first = spans[0][0];
      const last = spans[spans.length - 1][1];
      const probeFrom = model.notesFrom ?? model.lastDataRow + 1;
      const probeStart = Math.min(probeFrom, first);
      const probe = sheet.getRangeByIndexes(
        probeStart,
        0,
        Math.max(probeFrom, last) - probeStart + NOTE_PROBE,
        model.width,
      );
      probe.load('values');
      await context.sync();
      const probeRows = probe.values as CellValue[][];
      const noteAt = probeRows.findIndex(
        (row, i) => probeStart + i >= model.firstDataRow && isNoteRow(row, model.profile),
      );
      model.notesFrom =
        noteAt >= 0
          ? probeStart + noteAt
          : model.notesFrom === null
            ? null
            : Math.max(model.notesFrom, last + 1);
      const validator = validatorFor(model.profile, model.tb);
      const out: Recheck[] = [];
      let queued = false;
      spans.forEach(([r1, r2Asked], i) => {
        // A note is never validated: the span stops above the notes.
        const r2 = model.notesFrom === null ? r2Asked : Math.min(r2Asked, model.notesFrom - 1);
        if (r2 < r1) return;
        // An empty template row (only 序号) is no entry: hand it to the engine as blank.
        const rows = (ranges[i].values as CellValue[][])
          .slice(0, r2 - r1 + 1)
          .map((row) => (isTemplateRow(row, model.seqCols) ? [] : row));
        const res: Result = { mapping: model.mapping, entries: [], issues: [], changes: [], leftOut: [] };
        // 序号 continues from the rows above (blank rows above the edit would shift it; a full check corrects that).
        validator.validateRows(rows, model.mapping, { firstSeq: r1 - model.firstDataRow + 1 }, res);
        const issues = placeIssues(
          model.sheet,
          res,
          rows.map((_, k) => r1 + k),
          model.headerRow,
        );
        issues.push(...this.keptApproximations(model, r1, r2, (r, c) => rows[r - r1]?.[c], issues));
        if (r2 > model.lastDataRow) model.lastDataRow = r2;
        for (let r = r1; r <= r2; r++) model.entryRows.delete(r);
        for (const e of res.entries) model.entryRows.add(r1 + e.row);
        if (this.paint(sheet, model, r1, r2, issues)) queued = true;
        out.push({ sheet: model.sheet, rows: [r1, r2], issues, entries: model.entryRows.size });
      });
      if (queued) await context.sync();
      return out;
    });
    if (!found.length) return null;
    for (const r of found) for (const l of this.listeners) l(r);
    return found.flatMap((r) => r.issues);
  }

  // ---------------------------------------------------------------- writing

  /** Write values into cells: the number format first (text for strings, so =, +, - and @ never
   *  become formulas), then the values, and a note keeping the original where both the host and
   *  the library have notes (the 「修改记录」 sheet keeps it in every case: logChanges). Events are
   *  off while writing. Returns whether notes were written. */
  async writeCells(
    sheetName: string,
    cells: { r: number; c: number; value: string | number; note?: string }[],
  ): Promise<boolean> {
    if (!cells.length) return false;
    return this.batch(
      async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        const notes = this.notesOf(sheet);
        this.notesAvailable = !!notes;
        const pacer = new Pacer(context);
        for (const cell of cells) {
          await pacer.take(cell.note && notes ? 3 : 2);
          const rng = sheet.getRangeByIndexes(cell.r, cell.c, 1, 1);
          rng.numberFormat = [[typeof cell.value === 'number' ? 'General' : '@']];
          rng.values = [[cell.value]];
          if (cell.note && notes) notes.add(a1(cell.r, cell.c), cell.note);
        }
        await context.sync();
        return !!notes && cells.some((c) => c.note);
      },
      { quiet: true },
    );
  }

  /** Apply the fixes of these issues, then recheck the rows they were in. A conversion in a column
   *  whose header gives another unit (「数据量(TB)」) converts the whole column and gives the header
   *  the format's label in the same write, so the same conversion is never offered twice. Every
   *  change is listed in the 修改记录 sheet. */
  async applyFixes(issues: SheetIssue[]): Promise<SheetIssue[] | null> {
    const fixable = issues.filter((i) => i.sheetCol !== null && fixValue(i) !== null);
    if (!fixable.length) return null;
    const sheet = fixable[0].sheet;
    const model = this.modelByName(sheet);
    const unitCols = new Set(
      fixable
        .filter(
          (i) =>
            i.code === 'quantity-converted' &&
            model?.mapping.columns.find((m) => m.source === i.sheetCol)?.unit,
        )
        .map((i) => i.sheetCol!),
    );
    const column =
      model && unitCols.size ? await this.columnFixes(model, unitCols) : { issues: [], header: [] };
    const inColumn = (i: SheetIssue) => unitCols.has(i.sheetCol!) && i.code === 'quantity-converted';
    const { writes, changes } = planFixes([...column.issues, ...fixable.filter((i) => !inColumn(i))]);
    if (model) this.rememberApproximations(model, writes, changes);
    await this.writeCells(sheet, [...column.header, ...writes]);
    if (model) for (const m of model.mapping.columns) if (unitCols.has(m.source)) m.unit = undefined;
    const headerChanges: ChangeRecord[] = column.header.map((h) => ({
      sheet,
      cell: a1(h.r, h.c),
      field: String(h.value),
      from: h.from,
      to: String(h.value),
      rule: `表头改为格式的列名「${h.value}」：本列已换算为 ${h.unit}，不再按「${h.from}」的单位换算。`,
    }));
    await this.logChanges([...headerChanges, ...changes]);
    const rows = [...writes, ...column.header].map((c) => c.r);
    if (!rows.length) return null;
    return this.recheck(
      sheet,
      `${a1(Math.max(Math.min(...rows), model?.firstDataRow ?? 0), 0)}:${a1(Math.max(...rows), 0)}`,
    );
  }

  /** planFixes pushes a write and its change record together: the same index is the same cell. */
  private rememberApproximations(model: SheetModel, writes: CellWrite[], changes: ChangeRecord[]): void {
    writes.forEach((w, i) => {
      if (typeof w.value !== 'number' || !isApproximate(changes[i].from)) return;
      let m = this.approx.get(model.id);
      if (!m) this.approx.set(model.id, (m = new Map<string, { text: string; value: number }>()));
      m.set(`${w.r},${w.c}`, { text: changes[i].from, value: w.value });
    });
  }

  /** The approximate warning of cells in rows [r1, r2] that still hold the number a fix wrote for
   *  an approximate figure; a cell changed since is forgotten. */
  private keptApproximations(
    model: SheetModel,
    r1: number,
    r2: number,
    valueAt: (r: number, c: number) => CellValue | undefined,
    found: SheetIssue[],
  ): SheetIssue[] {
    const m = this.approx.get(model.id);
    if (!m?.size) return [];
    const validator = validatorFor(model.profile, model.tb);
    const out: SheetIssue[] = [];
    for (const [k, kept] of m) {
      const [r, c] = k.split(',').map(Number);
      if (r < r1 || r > r2) continue;
      if (valueAt(r, c) !== kept.value) {
        m.delete(k);
        continue;
      }
      if (found.some((i) => i.sheetRow === r && i.sheetCol === c && i.code === 'quantity-approximate'))
        continue;
      const key = model.mapping.columns.find((x) => x.source === c)?.key;
      const col = model.profile.columns.find((x) => x.key === key);
      const warning =
        col && validator.checkCell(col, kept.text).issues.find((x) => x.code === 'quantity-approximate');
      if (!warning) continue;
      out.push({
        ...warning,
        row: r - model.firstDataRow,
        col: c,
        field: col.label,
        sheet: model.sheet,
        sheetRow: r,
        sheetCol: c,
        address: a1(r, c),
      });
    }
    return out;
  }

  /** Every conversion of the columns whose header carries a unit, and their new headers. One sync. */
  private async columnFixes(
    model: SheetModel,
    cols: Set<number>,
  ): Promise<{ issues: SheetIssue[]; header: (CellWrite & { from: string; unit: string })[] }> {
    const validator = validatorFor(model.profile, model.tb);
    const last =
      model.notesFrom === null ? model.lastDataRow : Math.min(model.lastDataRow, model.notesFrom - 1);
    const n = last - model.firstDataRow + 1;
    const ranges = await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(model.id);
      const out = [...cols].map((c) => {
        const r = sheet.getRangeByIndexes(model.firstDataRow, c, Math.max(n, 1), 1);
        r.load('values');
        return { c, r };
      });
      await context.sync();
      return out.map(({ c, r }) => ({
        c,
        values: n > 0 ? (r.values as CellValue[][]).map((x) => x[0]) : [],
      }));
    });
    const issues: SheetIssue[] = [];
    const header: (CellWrite & { from: string; unit: string })[] = [];
    for (const { c, values } of ranges) {
      const m = model.mapping.columns.find((x) => x.source === c)!;
      const col = model.profile.columns.find((x) => x.key === m.key)!;
      values.forEach((cell, i) => {
        const res = validator.checkCell(col, cell, m.unit);
        const conversion = res.issues.find((x) => x.code === 'quantity-converted' && x.fix !== undefined);
        if (conversion) {
          const sheetRow = model.firstDataRow + i;
          issues.push({
            ...conversion,
            row: i,
            col: c,
            field: col.label,
            sheet: model.sheet,
            sheetRow,
            sheetCol: c,
            address: a1(sheetRow, c),
          });
        }
      });
      header.push({
        r: model.labelRows[c] ?? model.headerRow,
        c,
        value: col.label,
        from: m.header,
        unit: col.quantity?.unit ?? 'GB',
      });
    }
    return { issues, header };
  }

  /** Append changes to the 「修改记录」 sheet (created with its header the first time), so the
   *  original of every value the pane changed stays in the workbook, notes or no notes. The
   *  layout is the one hqds build writes (changeLogHeader/changeLogRow in src/core/plan.ts). */
  async logChanges(records: ChangeRecord[]): Promise<void> {
    if (!records.length) return;
    const stamp = new Date().toLocaleString('zh-CN', { hour12: false });
    await this.appendChangeLog((next) =>
      records.map((r, i) => changeLogRow(next + i, r, `任务窗格 ${stamp}`)),
    );
  }

  /** Append rows to 「修改记录」, made once the next free row (their 序号) is known. */
  private async appendChangeLog(make: (next: number) => (string | number)[][]): Promise<void> {
    await this.batch(
      async (context) => {
        const log = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
        log.load('name');
        await context.sync();
        let next = 0;
        let sheet = log;
        if (log.isNullObject) {
          sheet = context.workbook.worksheets.add(CHANGE_LOG_SHEET);
          const header = changeLogHeader();
          const h = sheet.getRangeByIndexes(0, 0, 1, header.length);
          h.numberFormat = [header.map(() => '@')];
          h.values = [header];
          h.format.font.bold = true;
          next = 1;
        } else {
          // The used range of a missing sheet would fail the request: asked for only when it exists.
          const used = log.getUsedRangeOrNullObject(true);
          used.load(['rowIndex', 'rowCount']);
          await context.sync();
          next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
        }
        const rows = make(next);
        if (!rows.length) return;
        const rng = sheet.getRangeByIndexes(next, 0, rows.length, rows[0].length);
        // Text format before the values: an original 「=SUM(…)」 stays literal.
        rng.numberFormat = rows.map((row) => row.map((x) => (typeof x === 'number' ? 'General' : '@')));
        rng.values = rows;
        await context.sync();
      },
      { quiet: true },
    );
  }

  async select(sheetName: string, r: number, c: number | null): Promise<void> {
    await this.batch(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.activate();
      sheet.getRangeByIndexes(r, c ?? 0, 1, 1).select();
      await context.sync();
    });
  }

  /**
   * The selected cells that hold data and which column of the table they are in. One sync. Whole
   * columns or rows load null values in Excel, so the selection is cut to the used range; several
   * areas (Ctrl+click) cannot be read as one range and are explained instead.
   */
  async selection(): Promise<Selection | null> {
    try {
      return await this.batch(async (context) => {
        const rng = context.workbook.getSelectedRange();
        rng.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        // The selection is on the active sheet. getUsedRange (not …OrNullObject) gives A1 on a blank
        // sheet, so the intersection never takes a null object, which would fail the request.
        const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
        const part = rng.getIntersectionOrNullObject(used);
        part.load(['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        await context.sync();
        const address: string = rng.address;
        const sheet = parseAddress(address).sheet ?? '';
        const cut =
          !part.isNullObject && (part.rowCount < rng.rowCount || part.columnCount < rng.columnCount);
        const r = part.isNullObject ? rng.rowIndex : part.rowIndex;
        const c = part.isNullObject ? rng.columnIndex : part.columnIndex;
        // Nothing typed there yet: blanks of the selection's shape, a screenful at most.
        const values = part.isNullObject
          ? Array.from({ length: Math.min(rng.rowCount, 1000) }, () =>
              Array<CellValue>(Math.min(rng.columnCount, 50)).fill(''),
            )
          : (part.values as CellValue[][]);
        const model = this.modelByName(sheet);
        // The title above and the notes below the table are never filled: no column there.
        // A selection reaching into the table (a whole column) keeps its column; writes are clamped to the table.
        const last = r + values.length - 1;
        const outside =
          !!model && (last < model.firstDataRow || (model.notesFrom !== null && r >= model.notesFrom));
        const key = outside ? null : (model?.mapping.columns.find((m) => m.source === c)?.key ?? null);
        return { sheet, r, c, values, key, cut, outside };
      });
    } catch (e) {
      if (errorCode(e) === 'InvalidSelection')
        throw new Error('选中了多个区域：请只选一个连续的区域（如一列中相连的单元格），再操作。');
      throw e;
    }
  }

  /** Convert the selected cells (or a whole column) to the column's unit: the original is kept in
   *  the 「修改记录」 sheet, and in a note where the host and library have notes. Only the table's
   *  rows: never the title, the header or the notes below. Returns what could not be converted. */
  async convertCells(
    sheetName: string,
    r1: number,
    r2: number,
    c: number,
  ): Promise<{
    converted: number;
    failed: { r: number; value: string; message: string }[];
    keptIn: 'notes' | 'change-log';
  }> {
    const model = this.modelByName(sheetName);
    if (!model) throw new Error('请先「检查本表」，助手才知道各列的单位。');
    const key = model.mapping.columns.find((m) => m.source === c)?.key;
    const col = model.profile.columns.find((x) => x.key === key);
    if (!col || col.type !== 'quantity' || !col.quantity?.unit)
      throw new Error('所选列没有固定单位（如 GB、条），无需换算。');
    const to: Target = col.quantity.unit;
    const from = Math.max(r1, model.firstDataRow);
    const last =
      model.notesFrom === null
        ? Math.max(model.lastDataRow, r2 === r1 ? r2 : model.lastDataRow)
        : model.notesFrom - 1;
    const until = Math.min(r2, last);
    if (until < from) return { converted: 0, failed: [], keptIn: 'change-log' };
    const values = await this.batch(async (context) => {
      const rng = context.workbook.worksheets
        .getItemOrNullObject(model.id)
        .getRangeByIndexes(from, c, until - from + 1, 1);
      rng.load('values');
      await context.sync();
      return rng.values as CellValue[][];
    });
    const cells: { r: number; c: number; value: string | number; note: string }[] = [];
    const failed: { r: number; value: string; message: string }[] = [];
    const changes: ChangeRecord[] = [];
    values.forEach((row, i) => {
      const text = cellText(row[0]).trim();
      if (!text || typeof row[0] === 'number') return;
      const r = convert(text, to, model.tb);
      if (!r.ok || r.value === null) {
        failed.push({ r: from + i, value: text, message: r.message });
        return;
      }
      const converted = to === '条' ? `${r.value}条` : r.value;
      const value = fixValue({ code: 'quantity-converted', value: text, fix: converted }) ?? text;
      const rule = `按 1TB=${model.tb}GB 换算为 ${value}${to === '条' ? '' : to}。`;
      if (String(value) !== text) {
        cells.push({ r: from + i, c, value, note: `原填「${text}」，${rule}` });
        changes.push({
          sheet: sheetName,
          cell: a1(from + i, c),
          field: col.label,
          from: text,
          to: String(value),
          rule: `换算：${rule}`,
        });
      }
    });
    const noted = await this.writeCells(sheetName, cells);
    await this.logChanges(changes);
    if (cells.length) await this.recheck(sheetName, `${a1(from, 0)}:${a1(until, 0)}`);
    return { converted: cells.length, failed, keptIn: noted ? 'notes' : 'change-log' };
  }

  // ---------------------------------------------------------------- building

  /**
   * Write a planned workbook. An existing sheet of the same name is first kept as a renamed copy
   * (the way back) and the new one takes its name. Sheet names are made legal and unique before
   * they are sent. Syncs: one to read, ⌈rows / ROWS_PER_SYNC⌉ to write, one to switch events back
   * on. Sheets that were watched are watched again under their new id, their old handlers removed.
   * Returns the backups and any print setting Excel did not take.
   */
  async writePlan(
    plan: WorkbookPlan,
    model?: { profile: Profile; tb: TbBase },
  ): Promise<{ backups: string[]; warnings: string[]; sheet: string }> {
    const replaced: string[] = [];
    // 修改记录 holds every change the clerk has made so far: a build's changes are appended to it
    // after the rest is written, never by backing it up and starting over.
    const logPlan = plan.sheets.find((x) => x.role === 'changes');
    let appendLog = false;
    const result = await this.batch(
      async (context) => {
        const existing = plan.sheets.map((sheetPlan) => {
          const s = context.workbook.worksheets.getItemOrNullObject(sheetPlan.name);
          s.load(['name', 'id']);
          return s;
        });
        const all = context.workbook.worksheets;
        all.load('items/name');
        // Column widths are in points: measure the default font's digit from an untouched column.
        const active = all.getActiveWorksheet();
        active.load('standardWidth');
        const probe = active.getRangeByIndexes(0, 16383, 1, 1);
        probe.load('format/columnWidth');
        await context.sync();
        const digit = digitPixels(active.standardWidth, probe.format.columnWidth);
        const taken = new Set(all.items.map((s) => s.name));
        const backups: string[] = [];
        const stamp = new Date();
        const p2 = (n: number) => String(n).padStart(2, '0');
        const tag = `${p2(stamp.getMonth() + 1)}${p2(stamp.getDate())}-${p2(stamp.getHours())}${p2(stamp.getMinutes())}`;
        plan.sheets.forEach((sheetPlan, i) => {
          const old = existing[i];
          if (old.isNullObject) return;
          if (sheetPlan === logPlan) {
            appendLog = true;
            return;
          }
          replaced.push(old.id);
          taken.delete(old.name);
          if (sheetPlan.role === 'lists' || sheetPlan.role === 'issues') {
            old.delete(); // ours, regenerated every time
            return;
          }
          // A unique, legal name: two rebuilds in the same minute must not collide.
          const name = uniqueSheetName(sheetPlan.name, taken, ` 备份${tag}`);
          old.name = name;
          backups.push(name);
        });
        const pacer = new Pacer(context);
        const written: { sheetPlan: SheetPlan; sheet: XlWorksheet; zoom: boolean }[] = [];
        let main: XlWorksheet | null = null;
        let handlers: (XlHandlerResult | null)[];
        try {
          for (const sheetPlan of plan.sheets) {
            if (appendLog && sheetPlan === logPlan) continue;
            const sheet = context.workbook.worksheets.add(uniqueSheetName(sheetPlan.name, taken));
            sheet.load(['id', 'name']);
            const zoom = await writeSheetPlan(
              sheet,
              sheetPlan,
              plan.styles,
              { ...this.api, notes: !!this.notesOf(sheet), digit },
              pacer,
            );
            written.push({ sheetPlan, sheet, zoom });
            if (sheetPlan.role === 'summary' || sheetPlan.role === 'working-list') main = sheet;
          }
          main?.activate();
          // Live checking follows the sheet: the new summary is watched in this same request.
          handlers = written.map((w) =>
            w.sheetPlan.table && model ? w.sheet.onChanged.add((e) => this.onChanged(e)) : null,
          );
          await pacer.flush();
        } catch (e) {
          // Requests before the failure stay applied (Excel does not roll back): the originals were
          // renamed first, so say where they are.
          if (!backups.length) throw e;
          const why = errorCode(e) ?? ((e as Error)?.message || String(e)).slice(0, 80);
          throw Object.assign(
            new Error(
              `生成到一半出错（Excel 报告 ${why}）：原表已备份为「${backups.join('、')}」，新表可能不完整，请删去新表后从备份恢复或重试。`,
            ),
            { code: errorCode(e) },
          );
        }
        const warnings = written
          .filter((w) => w.zoom && w.sheet.pageLayout.zoom.horizontalFitToPages !== 1)
          .map(
            (w) =>
              `「${w.sheet.name}」的打印「调整为 1 页宽」没有生效：请在「页面布局 → 宽度」中选「1 页」。`,
          );
        return { backups, warnings, written, handlers };
      },
      { quiet: true },
    );
    for (const id of replaced) this.models.delete(id);
    await this.unwatch(replaced.filter((id) => this.watched.has(id)));
    result.written.forEach((w, i) => {
      const handler = result.handlers[i];
      if (!handler || !model || !w.sheetPlan.table) return;
      this.watched.set(w.sheet.id, handler);
      this.models.set(
        w.sheet.id,
        modelFromPlan(w.sheet.id, w.sheet.name, w.sheetPlan, plan.styles, model.profile, model.tb),
      );
    });
    if (appendLog && logPlan) {
      const rows = new Map<number, (string | number)[]>();
      for (const cell of logPlan.cells) {
        if (cell.r === 0) continue; // its header: the sheet has one
        let row = rows.get(cell.r);
        if (!row) rows.set(cell.r, (row = changeLogHeader().map(() => '')));
        row[cell.c] = cell.v as string | number;
      }
      const ordered = [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!);
      await this.appendChangeLog((next) => ordered.map((row, i) => [next + i, ...row.slice(1)]));
    }
    // The sheet the clerk works in: the summary, or 上海's working list.
    return {
      backups: result.backups,
      warnings: result.warnings,
      sheet: result.written[0]?.sheet.name ?? plan.sheets[0].name,
    };
  }

  /** 新建汇总表: the formatted, empty summary sheet of a profile. */
  async createSummary(
    profile: Profile,
    settings: BuildSettings,
  ): Promise<{ backups: string[]; warnings: string[]; sheet: string }> {
    return this.writePlan(planWorkbook(profile, emptyMergeResult(), { ...settings, annotate: false }), {
      profile,
      tb: settings.tb ?? 1024,
    });
  }

  /** Rebuild the formatted summary from the rows in the workbook (and imported sheets), exactly as
   *  hqds build would; `dropEntries` are duplicates the user confirmed for removal. */
  async rebuild(
    profile: Profile,
    settings: BuildSettings,
    inputs: InputSheet[],
    opts: MergeOptions & { dropEntries?: number[] } = {},
  ): Promise<{ merged: MergeResult; backups: string[]; warnings: string[]; sheet: string }> {
    const tb = settings.tb ?? 1024;
    const merged = mergeSheets(profile, inputs, { ...opts, tb });
    if (opts.dropEntries?.length) dropEntries(profile, merged, new Set(opts.dropEntries));
    const { backups, warnings, sheet } = await this.writePlan(planWorkbook(profile, merged, settings), {
      profile,
      tb,
    });
    return { merged, backups, warnings, sheet };
  }
}

/** The fills issues call for in rows [r1, r2]: red for errors, yellow for warnings, red winning. */
function wantedFills(issues: SheetIssue[], r1: number, r2: number): Map<string, string> {
  const want = new Map<string, string>();
  for (const issue of issues) {
    if (issue.sheetCol === null || issue.sheetRow < r1 || issue.sheetRow > r2) continue;
    const k = `${issue.sheetRow},${issue.sheetCol}`;
    if (issue.severity === 'error') want.set(k, ERROR_FILL);
    else if (issue.severity === 'warning' && !want.has(k)) want.set(k, WARNING_FILL);
  }
  return want;
}

/** What a freshly drawn summary looks like to live checking: its header, its data rows, and the
 *  fills the plan put on its cells. */
function modelFromPlan(
  id: string,
  name: string,
  sheetPlan: SheetPlan,
  styles: Record<string, CellStyle>,
  profile: Profile,
  tb: TbBase,
): SheetModel {
  const t = sheetPlan.table!;
  const header = Array<CellValue>(t.columns).fill('');
  // A two-level header: the group above, the sub-label below (blank under a label merged over both).
  const upper = Array<string>(t.columns).fill('');
  const labelRows = Array<number>(t.columns).fill(t.headerRow);
  const painted = new Map<string, string>();
  const lower: PlanCell[] = [];
  for (const cell of sheetPlan.cells) {
    const v = cell.v === null ? '' : String(cell.v);
    if (cell.r === t.headerRow && cell.c < t.columns) header[cell.c] = upper[cell.c] = v;
    else if (cell.r > t.headerRow && cell.r < t.firstDataRow && cell.c < t.columns && v) lower.push(cell);
    const fill = styles[cell.style]?.fill;
    if (fill && cell.r >= t.firstDataRow && cell.r <= t.lastDataRow)
      painted.set(`${cell.r},${cell.c}`, `#${fill.slice(2)}`);
  }
  for (const cell of lower) {
    const g = sheetPlan.merges.find((m) => m.r1 === t.headerRow && m.c1 <= cell.c && cell.c <= m.c2);
    const group = upper[g ? g.c1 : cell.c];
    // learn names a sub-label repeated under two groups by both (see subLabel in plan.ts).
    const both = `${group}${String(cell.v)}`;
    header[cell.c] = profile.columns.some((x) => x.label === both && x.group === group)
      ? both
      : String(cell.v);
    labelRows[cell.c] = cell.r;
  }
  const mapping = mapHeader(validatorFor(profile, tb).index, header);
  const seqCols = new Set(
    mapping.columns
      .filter((c) => c.key !== null && profile.columns.find((x) => x.key === c.key)?.type === 'seq')
      .map((c) => c.source),
  );
  // The plan's data rows with more than 序号 are its entries (blank template rows are not).
  const entryRows = new Set<number>();
  for (const cell of sheetPlan.cells) {
    const data = cell.r >= t.firstDataRow && cell.r <= t.lastDataRow && !seqCols.has(cell.c);
    if (data && cell.v !== null && cell.v !== '') entryRows.add(cell.r);
  }
  // Notes under the table are found by the first recheck's probe.
  return {
    id,
    sheet: name,
    profile,
    tb,
    headerRow: t.headerRow,
    labelRows,
    width: t.columns,
    mapping,
    firstDataRow: t.firstDataRow,
    lastDataRow: t.lastDataRow,
    painted,
    notesFrom: null,
    seqCols,
    entryRows,
  };
}

function placeIssues(sheet: string, res: Result, sheetRows: number[], headerRow: number): SheetIssue[] {
  return res.issues.map((is) => {
    const sheetRow = is.row < 0 ? headerRow : (sheetRows[is.row] ?? headerRow);
    return {
      ...is,
      sheet,
      sheetRow,
      sheetCol: is.col,
      address: is.col === null ? null : a1(sheetRow, is.col),
    };
  });
}

/** Points for a column width given in Excel's character units (the default font's 「0」 is ~7 px). */

/** The pixel width of the default font's digit, from the sheet's standardWidth (characters) and
 *  the width in points of a column left at that width. Excel's column width in characters w is
 *  w × digit + 5 pixels of padding; 96 pixels make 72 points. Calibri 11 gives 7 pixels; a CJK
 *  default font is wider. Anything implausible falls back to 7.
 *  https://learn.microsoft.com/office/troubleshoot/excel/determine-column-widths */
export function digitPixels(standardWidth: number, columnPoints: number): number {
  const digit = (columnPoints / 0.75 - 5) / standardWidth;
  return Number.isFinite(digit) && digit >= 4 && digit <= 20 ? digit : 7;
}

/** Points for a column width given in Excel's character units. */
export const widthPoints = (chars: number, digit: number) =>
  Math.round((chars * digit + 5) * 0.75 * 100) / 100;

type PlanApi = OfficeWorkbook['api'] & { digit: number };

/**
 * Carry out one sheet of the plan through Office.js: values, styles, validations, page setup, in
 * requests kept under the payload limit by the pacer. Returns whether fit-to-width was set (the
 * caller reads it back after the last sync to verify it).
 */
export async function writeSheetPlan(
  sheet: XlWorksheet,
  sheetPlan: SheetPlan,
  styles: Record<string, CellStyle>,
  api: PlanApi,
  pacer: Pacer,
): Promise<boolean> {
  if (sheetPlan.hidden) sheet.visibility = 'Hidden';
  await writeValues(sheet, sheetPlan, styles, pacer);
  await writeStyles(sheet, sheetPlan, styles, api, pacer);
  await writeValidations(sheet, sheetPlan, pacer);
  return writePageSetup(sheet, sheetPlan, api, pacer);
}

/** Values with their number formats, in row blocks. Text cells are formatted as text before their
 *  values land, so =, +, - and @ from a received sheet stay literal text, never formulas. */
export async function writeValues(
  sheet: XlWorksheet,
  sheetPlan: SheetPlan,
  styles: Record<string, CellStyle>,
  pacer: Pacer,
): Promise<void> {
  const rows = Math.max(0, ...sheetPlan.cells.map((c) => c.r + 1));
  const cols = Math.max(sheetPlan.colWidths.length, ...sheetPlan.cells.map((c) => c.c + 1));
  if (!rows || !cols) return;
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    Array<string | number>(cols).fill(''),
  );
  const textCols = new Set(sheetPlan.textColumns);
  const inTable = (r: number) =>
    !!sheetPlan.table && r >= sheetPlan.table.firstDataRow && r <= sheetPlan.table.lastDataRow;
  const formats: string[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (inTable(r) && textCols.has(c) ? '@' : 'General')),
  );
  for (const cell of sheetPlan.cells) {
    values[cell.r][cell.c] = cell.v === null ? '' : cell.v;
    if (typeof cell.v === 'string' || (cell.v === null && styles[cell.style]?.numFmt === '@'))
      formats[cell.r][cell.c] = '@';
    else if (typeof cell.v === 'number') formats[cell.r][cell.c] = 'General';
  }
  for (let r = 0; r < rows;) {
    const n = await pacer.takeRows(rows - r, cols);
    const block = sheet.getRangeByIndexes(r, 0, n, cols);
    block.numberFormat = formats.slice(r, r + n);
    block.values = values.slice(r, r + n);
    r += n;
  }
  // The empty rows below, where clerks will type, are text in text columns too.
  if (sheetPlan.table) {
    const blank = 200;
    await pacer.take(sheetPlan.textColumns.length);
    for (const c of sheetPlan.textColumns)
      sheet.getRangeByIndexes(sheetPlan.table.lastDataRow + 1, c, blank, 1).numberFormat = Array.from(
        { length: blank },
        () => ['@'],
      );
  }
}

/** Cells as rectangles: runs down each column, then runs of the same rows side by side merged
 *  (A5:A99, B5:B99, C5:C99 → A5:C99), so a uniform table is one range. */
export function cellBlocks(cells: { r: number; c: number }[]): string[] {
  const runs: { c: number; r1: number; r2: number }[] = [];
  for (const a of cellRuns(cells)) {
    const p = parseAddress(a);
    runs.push({ c: p.c1, r1: p.r1, r2: p.r2 });
  }
  const byRows = new Map<string, number[]>();
  for (const run of runs) {
    const k = `${run.r1}:${run.r2}`;
    let l = byRows.get(k);
    if (!l) byRows.set(k, (l = []));
    l.push(run.c);
  }
  const out: string[] = [];
  for (const [k, cols] of byRows) {
    const [r1, r2] = k.split(':').map(Number);
    cols.sort((x, y) => x - y);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (cols[i] === cols[i - 1] + 1) continue;
      const c2 = cols[i - 1];
      out.push(r1 === r2 && start === c2 ? a1(r1, start) : `${a1(r1, start)}:${a1(r2, c2)}`);
      start = cols[i];
    }
  }
  return out;
}

type Format = XlRangeAreas['format'];

/** One format property of a style: its value, and how to set it. */
const STYLE_PROPS: {
  key: (s: CellStyle) => string | number | boolean | undefined;
  set: (f: Format, v: string | number | boolean) => void;
}[] = [
  { key: (s) => s.font?.name, set: (f, v) => (f.font.name = v as string) },
  { key: (s) => s.font?.size, set: (f, v) => (f.font.size = v as number) },
  { key: (s) => s.font?.bold, set: (f, v) => (f.font.bold = v as boolean) },
  { key: (s) => s.align?.wrap, set: (f, v) => (f.wrapText = v as boolean) },
  {
    key: (s) =>
      s.align?.h ? (s.align.h === 'left' ? 'Left' : s.align.h === 'right' ? 'Right' : 'Center') : undefined,
    set: (f, v) => (f.horizontalAlignment = v as 'Left'),
  },
  {
    key: (s) => s.border || undefined,
    set: (f) => {
      for (const e of [
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideVertical',
        'InsideHorizontal',
      ] as const)
        f.borders.getItem(e).style = 'Continuous';
    },
  },
  { key: (s) => (s.fill ? `#${s.fill.slice(2)}` : undefined), set: (f, v) => (f.fill.color = v as string) },
];

/** Fonts, fills, alignment, borders, merges, widths and heights. Cells are grouped by the value of
 *  each format property, whatever style they came from, and each group is set over its
 *  rectangles at once (through RangeAreas where the host has them): a handful of commands per
 *  property for a whole table, however many rows are flagged. */
export async function writeStyles(
  sheet: XlWorksheet,
  sheetPlan: SheetPlan,
  styles: Record<string, CellStyle>,
  api: PlanApi,
  pacer: Pacer,
): Promise<void> {
  for (const prop of STYLE_PROPS) {
    const byValue = new Map<string | number | boolean, { r: number; c: number }[]>();
    for (const cell of sheetPlan.cells) {
      const style = styles[cell.style];
      const v = style ? prop.key(style) : undefined;
      if (v === undefined) continue;
      let l = byValue.get(v);
      if (!l) byValue.set(v, (l = []));
      l.push({ r: cell.r, c: cell.c });
    }
    for (const [value, cells] of byValue) {
      const blocks = cellBlocks(cells);
      for (const a of api.rangeAreas ? chunkAddresses(blocks) : blocks) {
        await pacer.take(6);
        prop.set(api.rangeAreas ? sheet.getRanges(a).format : sheet.getRange(a).format, value);
      }
    }
  }
  await pacer.take(
    sheetPlan.merges.length + sheetPlan.colWidths.length + Object.keys(sheetPlan.rowHeights).length,
  );
  for (const m of sheetPlan.merges)
    sheet.getRangeByIndexes(m.r1, m.c1, m.r2 - m.r1 + 1, m.c2 - m.c1 + 1).merge(false);
  sheetPlan.colWidths.forEach(
    (w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w, api.digit)),
  );
  for (const [r, h] of Object.entries(sheetPlan.rowHeights))
    sheet.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;
  if (api.notes && sheet.notes) {
    for (const cell of sheetPlan.cells) {
      if (!cell.note) continue;
      await pacer.take();
      sheet.notes.add(a1(cell.r, cell.c), cell.note);
    }
  }
}

/** Dropdown lists with their error alerts and prompts. */
export async function writeValidations(
  sheet: XlWorksheet,
  sheetPlan: SheetPlan,
  pacer: Pacer,
): Promise<void> {
  for (const v of sheetPlan.validations) {
    await pacer.take(4);
    const rng = sheet.getRangeByIndexes(v.r1, v.c1, v.r2 - v.r1 + 1, v.c2 - v.c1 + 1);
    rng.dataValidation.clear();
    rng.dataValidation.rule = {
      list: { inCellDropDown: true, source: v.list ? v.list.join(',') : `=${v.source}` },
    };
    rng.dataValidation.errorAlert = {
      showAlert: true,
      style: v.strict ? 'Stop' : 'Warning',
      title: v.title,
      message: v.strict
        ? '请从下拉列表中选择。'
        : '不在下拉列表中：若确属其他或为多选，请点「是」保留，助手会再检查。',
    };
    rng.dataValidation.prompt = {
      showPrompt: true,
      title: v.title.slice(0, 32),
      message: v.prompt.slice(0, 255),
    };
  }
}

/**
 * Frozen header and print setup, set while the sheet is active: freezing panes of an inactive
 * sheet makes Excel activate it behind the user's back (activation events), and on Windows
 * fit-to-width is not applied in some states (office-js #1860,
 * https://github.com/OfficeDev/office-js/issues/1860), so the caller reads it back to verify.
 * Returns whether fit-to-width was asked for.
 */
export async function writePageSetup(
  sheet: XlWorksheet,
  sheetPlan: SheetPlan,
  api: PlanApi,
  pacer: Pacer,
): Promise<boolean> {
  const print = sheetPlan.print && api.pageLayout ? sheetPlan.print : null;
  if (!sheetPlan.freeze && !print) return false;
  await pacer.take(8);
  sheet.activate();
  if (sheetPlan.freeze) sheet.freezePanes.freezeRows(sheetPlan.freeze.rows);
  if (!print) return false;
  sheet.pageLayout.orientation = print.landscape ? 'Landscape' : 'Portrait';
  sheet.pageLayout.paperSize = 'A4';
  sheet.pageLayout.centerHorizontally = true;
  if (print.titleRows)
    sheet.pageLayout.setPrintTitleRows(`$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`);
  if (!print.fitToWidth) return false;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.load('zoom');
  return true;
}

// ---------------------------------------------------------------- learning a template in place

/** A template read from the open workbook, with what was read (Chinese, for the pane). */
export type CurrentTemplate = TemplateDoc & { read: string[] };

/** The top of the chosen sheet that is read (a blank template is far smaller; a bigger sheet is a
 *  filled one, and its top is where the title and header are): 500 × 100 = READ_CELLS_PER_SYNC. */
export const TEMPLATE_ROWS = 500;
export const TEMPLATE_COLS = 100;
const TOO_MANY_MERGES = (sheet: string) =>
  `工作表「${sheet}」的合并单元格太多（Excel 一次最多给出 512 处，像是已填写的表），没有读取：两层表头和跨列的注释可能认不出，请核对，或选择模板文件。`;
/** Columns of each other sheet read with the second request (lists, a 填表说明 sheet). */
const OTHER_COLS = 50;
/** A list source is read at most this long (the learner reads no more). */
const LIST_ROWS = 2000;

/** DataValidationType (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype)
 *  → the file's ST_DataValidationType, which TemplateValidation speaks. 'None', 'Inconsistent' and
 *  'MixedCriteria' have no rule to learn. */
const DV_TYPES: Record<string, string> = {
  List: 'list',
  WholeNumber: 'whole',
  Decimal: 'decimal',
  TextLength: 'textLength',
  Date: 'date',
  Time: 'time',
  Custom: 'custom',
};
/** DataValidationOperator → ST_DataValidationOperator (ECMA-376 §18.18.22). */
const DV_OPERATORS: Record<string, string> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};
/** Excel.PaperType → the file's paperSize code (ECMA-376 §18.3.1.63). */
const PAPER_CODES: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11, B4: 12, B5: 13 };

/** The default font of a new workbook (as src/io/template.ts): a cell in it chose nothing. */
const FACTORY_FONT = /^(calibri|aptos narrow|aptos|等线|dengxian|宋体|simsun)$/i;

/** Values as the learner takes them: at sheet coordinates, blanks as null (as the file reader). */
function templateRows(values: unknown[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const rows: CellValue[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const out: CellValue[] = Array<CellValue>(columnIndex).fill(null);
    for (const v of row) out.push(v === '' || v === undefined ? null : (v as CellValue));
    rows.push(out);
  }
  return rows;
}

/** "Sheet1!A1:C1, Sheet1!A2:A3" (a RangeAreas address) → 0-based ranges. */
function mergedRanges(address: string): TemplateRange[] {
  const out: TemplateRange[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g)) {
    const b = parseAddress(m[1]);
    out.push({ r1: b.r1, c1: b.c1, r2: b.r2, c2: b.c2 });
  }
  return out;
}

/** A formula as the file holds it: without the leading = that Office.js gives. */
const fileFormula = (f: unknown) =>
  typeof f === 'string' || typeof f === 'number' || typeof f === 'boolean' ? String(f).replace(/^=/, '') : '';

/** One cell's validation, as Office.js reads it, in the file's terms (what src/io/template.ts gives). */
export function templateValidation(
  dv: {
    type: string;
    rule: Excel.DataValidationRule;
    errorAlert: Excel.DataValidationErrorAlert | null;
    prompt: Excel.DataValidationPrompt | null;
  },
  r: number,
  c: number,
): TemplateValidation | null {
  const type = DV_TYPES[dv.type];
  if (!type || !dv.rule) return null;
  const v: TemplateValidation = {
    ranges: [{ r1: r, c1: c, r2: r, c2: c }],
    type,
    formula: '',
    errorAlert: dv.errorAlert?.showAlert !== false,
    errorStyle:
      dv.errorAlert?.style === 'Warning'
        ? 'warning'
        : dv.errorAlert?.style === 'Information'
          ? 'information'
          : 'stop',
  };
  if (type === 'list') {
    // An inline list comes back as typed, without quotes ('yes,no,maybe', office-js-docs #1314);
    // a range or a name as a formula with its leading =. The file writes the list in quotes.
    const src = dv.rule.list?.source;
    const text = typeof src === 'string' ? src : '';
    v.formula = text.startsWith('=') ? text.slice(1) : `"${text.replace(/"/g, '""')}"`;
  } else if (type === 'custom') v.formula = fileFormula(dv.rule.custom?.formula);
  else {
    const b = dv.rule.wholeNumber ?? dv.rule.decimal ?? dv.rule.textLength ?? dv.rule.date ?? dv.rule.time;
    v.formula = fileFormula(b?.formula1);
    if (b?.formula2 !== undefined && b.formula2 !== '') v.formula2 = fileFormula(b.formula2);
    if (b?.operator) v.operator = DV_OPERATORS[b.operator] ?? String(b.operator);
  }
  if (dv.prompt?.title) v.promptTitle = dv.prompt.title;
  if (dv.prompt?.message) v.prompt = dv.prompt.message;
  return v;
}

/** Where a list's options live (a name resolved, at most 3 deep): sheet and 0-based bounds. */
function listTarget(
  formula: string,
  names: Record<string, string>,
  here: string,
  depth = 0,
): { sheet: string; r1: number; c1: number; r2: number; c2: number } | null {
  const f = formula.trim().replace(/^=/, '');
  if (!f || f.startsWith('"')) return null;
  const named = Object.entries(names).find(([k]) => k.toLowerCase() === f.toLowerCase())?.[1];
  if (named !== undefined) return depth < 3 ? listTarget(named, names, here, depth + 1) : null;
  try {
    const b = parseAddress(f);
    if (b.r1 < 0 || b.c1 < 0) return null;
    return { sheet: b.sheet ?? here, r1: b.r1, c1: b.c1, r2: Math.min(b.r2, b.r1 + LIST_ROWS - 1), c2: b.c2 };
  } catch {
    return null; // a formula (INDIRECT …): the learner says it cannot read it
  }
}

/**
 * The chosen sheet and what its lists need, in at most 3 requests whatever the sheet's size:
 * 1. every sheet's name and visibility, the defined names, the file name, the top of the chosen
 *    sheet (values, merged areas), its page layout and the width of an untouched column;
 * 2. under each header column found by the learner's own rule (locateTemplateHeader), one cell's
 *    data validation (a single cell: a range whose cells differ reads 'Inconsistent'), the column
 *    widths, the fonts of the title, the lines above, the header and the first row, and the top of
 *    every other sheet (lists, notes), the cells shared between them under READ_CELLS_PER_SYNC;
 * 3. only when a list points past what request 2 read: just those ranges.
 * (Over 512 merged areas request 1 fails as a whole and is sent again without them: one more.)
 * Values are read as values, never formulas. Data validation needs ExcelApi 1.8, page layout 1.9,
 * merged areas 1.13; without them the rest is read and `limits` says what was not.
 */
async function readCurrentTemplate(
  context: XlContext,
  sheetName: string,
  has: (version: string) => boolean,
  locate: typeof locateTemplateHeader,
): Promise<CurrentTemplate> {
  const can = { dv: has('1.8'), page: has('1.9'), merges: has('1.13'), file: has('1.7') };
  let first: Awaited<ReturnType<typeof readTop>>;
  try {
    first = await readTop(context, sheetName, can);
  } catch (e) {
    // Over 512 merged areas getMergedAreasOrNullObject fails, and the whole request with it (a
    // filled sheet, not a blank template): read once more without them, and say so.
    if (!can.merges || !errorCode(e)) throw e;
    first = await readTop(context, sheetName, { ...can, merges: false }, TOO_MANY_MERGES(sheetName));
  }
  const { main, sheet, all, names, limits, read } = first;
  const loc = locate(main);
  const others = all.items.filter((s) => s.name !== main.name);
  // Request 2: under the header, widths, fonts; the other sheets' tops (lists, notes).
  const rowsEach = Math.max(20, Math.floor(READ_CELLS_PER_SYNC / OTHER_COLS / Math.max(1, others.length)));
  const otherReads = new Map(
    others.map((s) => {
      const w = s
        .getUsedRange(true)
        .getIntersectionOrNullObject(s.getRangeByIndexes(0, 0, rowsEach, OTHER_COLS));
      w.load(['values', 'rowIndex', 'columnIndex']);
      return [s, w] as const;
    }),
  );
  // The first three data rows of each column, as the file reader looks (a template may leave its
  // first row as an example without a list): the first rule found is the column's.
  const dvs = (loc && can.dv ? loc.columns : []).flatMap((c) =>
    [0, 1, 2].map((k) => {
      const dv = sheet.getRangeByIndexes(loc!.firstDataRow + k, c, 1, 1).dataValidation;
      dv.load(['type', 'rule', 'errorAlert', 'prompt']);
      return { r: loc!.firstDataRow + k, c, dv };
    }),
  );
  const widths = (loc?.columns ?? []).map((c) => {
    const f = sheet.getRangeByIndexes(0, c, 1, 1).format;
    f.load('columnWidth');
    return { c, f };
  });
  const fonts = fontCells(main, loc).map(({ r, c }) => {
    const f = sheet.getRangeByIndexes(r, c, 1, 1).format.font;
    f.load(['name', 'size', 'bold']);
    return { r, c, f };
  });
  await context.sync();
  const sheets = all.items.map((s): TemplateSheet => {
    if (s.name === main.name) return main;
    const w = otherReads.get(s)!;
    const rows = w.isNullObject ? [] : templateRows(w.values, w.rowIndex, w.columnIndex);
    return { name: s.name, hidden: s.visibility !== 'Visible', rows, merges: [], validations: [] };
  });
  const ruled = new Set<number>();
  for (const { r, c, dv } of dvs) {
    const v = ruled.has(c) ? null : templateValidation(dv, r, c);
    if (v) main.validations.push(v);
    if (v) ruled.add(c);
  }
  if (can.dv) read.push('下拉列表');
  else
    limits.push(
      '这个版本的 Excel 读不出数据验证（需要 ExcelApi 1.8）：下拉列表没有读取，请在结果中补上选项，或选择模板文件。',
    );
  if (widths.length) {
    main.colWidths = [];
    const standard = first.probe.format.columnWidth;
    const digit = digitPixels(sheet.standardWidth, standard);
    // A column left at the standard width was not set by the template (the file reader leaves it out too).
    for (const { c, f } of widths)
      if (Math.abs(f.columnWidth - standard) > 0.01)
        main.colWidths[c] = Math.round(((f.columnWidth / 0.75 - 5) / digit) * 100) / 100;
    read.push('列宽');
  }
  main.fonts = {};
  for (const { r, c, f } of fonts) {
    const font = templateFont(f);
    if (font) main.fonts[`${r},${c}`] = font;
  }
  if (fonts.length) read.push('字体');
  if (can.page) read.push('页面设置');
  else limits.push('这个版本的 Excel 读不出页面设置（需要 ExcelApi 1.9）：汇总表按 A4 横向、一页宽打印。');
  await readListSources(context, main, sheets, names, all.items, rowsEach);
  return {
    file: (can.file && first.file) || main.name,
    kind: 'other',
    sheets,
    names,
    main: main.name,
    ...(limits.length && { limits }),
    read,
  };
}

/** Request 1: the sheets, the names, the file name, and the chosen sheet's top, merges and page. */
async function readTop(
  context: XlContext,
  sheetName: string,
  can: { page: boolean; merges: boolean; file: boolean },
  noMerges = '这个版本的 Excel 读不出合并单元格（需要 ExcelApi 1.13：Excel 2021、Microsoft 365 或网页版）：两层表头和跨列的注释可能认不出，请核对，或选择模板文件。',
) {
  const book = context.workbook;
  if (can.file) book.load('name');
  const all = book.worksheets;
  all.load('items/name,items/visibility');
  book.names.load('items/name,items/formula,items/type');
  const sheet = all.getItemOrNullObject(sheetName);
  sheet.load(['name', 'standardWidth', 'visibility']);
  sheet.names.load('items/name,items/formula,items/type');
  const used = sheet.getUsedRange(true);
  used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const top = sheet.getRangeByIndexes(0, 0, TEMPLATE_ROWS, TEMPLATE_COLS);
  const win = used.getIntersectionOrNullObject(top);
  win.load(['values', 'rowIndex', 'columnIndex']);
  const merged = can.merges ? top.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  if (can.page) sheet.pageLayout.load(['orientation', 'paperSize', 'zoom']);
  // The width of an untouched column: the standard width in points, for the widths in characters.
  const probe = sheet.getRangeByIndexes(0, 16383, 1, 1);
  probe.format.load('columnWidth');
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) === 'ItemNotFound')
      throw new Error(`找不到工作表「${sheetName}」：它可能已被删除或改名，请重新选择。`);
    throw e;
  }
  const names: Record<string, string> = {};
  // A name scoped to the sheet wins over the workbook's of the same name, as in Excel.
  for (const n of [...book.names.items, ...sheet.names.items])
    if (typeof n.formula === 'string') names[n.name] = fileFormula(n.formula);
  const main: TemplateSheet = {
    name: sheet.name,
    hidden: sheet.visibility !== 'Visible',
    rows: win.isNullObject ? [] : templateRows(win.values, win.rowIndex, win.columnIndex),
    merges: merged && !merged.isNullObject ? mergedRanges(merged.address) : [],
    validations: [],
    ...(can.page && { page: pageOf(sheet.pageLayout) }),
  };
  const limits: string[] = [];
  const read = ['文字'];
  const [rows, cols] = [used.rowIndex + used.rowCount, used.columnIndex + used.columnCount];
  if (rows > TEMPLATE_ROWS || cols > TEMPLATE_COLS)
    limits.push(
      `工作表「${main.name}」有 ${rows} 行、${cols} 列，只读了前 ${TEMPLATE_ROWS} 行、${TEMPLATE_COLS} 列（空白模板不会这么大，像是已填写的表）：更下面或更右边的注释没有读到。`,
    );
  if (can.merges) read.push('合并单元格');
  else limits.push(noMerges);
  return { main, sheet, all, names, limits, read, probe, file: can.file ? book.name : '' };
}

/** Cells whose fonts stand for the roles the learner names: the first two texts of each row above
 *  the header (附件 label, title, lines), the header's first cell, the first row's second column. */
function fontCells(
  sh: TemplateSheet,
  loc: ReturnType<typeof locateTemplateHeader>,
): { r: number; c: number }[] {
  if (!loc) return [];
  const out: { r: number; c: number }[] = [];
  for (let r = 0; r <= loc.row; r++) {
    const texts = (sh.rows[r] ?? [])
      .map((v, c) => ({ c, t: v === null || v === undefined ? '' : cellText(v) }))
      .filter((x) => x.t.replace(/[\s\u3000]/g, ''));
    for (const x of texts.slice(0, 2)) out.push({ r, c: x.c });
  }
  out.push({ r: loc.firstDataRow, c: loc.columns[Math.min(1, loc.columns.length - 1)] });
  return out;
}

/** A font the template chose: Excel's default font (any cell left alone shows it) says nothing. */
function templateFont(f: { name: string; size: number; bold: boolean }): ProfileFont | null {
  const font: ProfileFont = {};
  const factory = f.size === 11 && FACTORY_FONT.test(f.name ?? '');
  if (f.name && !factory) font.name = f.name;
  if (f.size && !factory) font.size = f.size;
  if (f.bold) font.bold = true;
  return font.name || font.size ? font : null;
}

/** The page as Office.js reports it. Every sheet has an orientation and a paper size, so portrait
 *  without fit-to-width is taken as a new sheet's default (as a file without pageSetup). */
function pageOf(layout: XlWorksheet['pageLayout']): TemplateSheet['page'] {
  const landscape = layout.orientation === 'Landscape';
  const fitToWidth = layout.zoom?.horizontalFitToPages === 1 ? true : undefined;
  if (!landscape && !fitToWidth) return { landscape: false };
  return { paperSize: PAPER_CODES[String(layout.paperSize)], landscape, fitToWidth };
}

/** Request 3, only when a list points past what was read: just the ranges its options are in. */
async function readListSources(
  context: XlContext,
  main: TemplateSheet,
  sheets: TemplateSheet[],
  names: Record<string, string>,
  proxies: XlWorksheet[],
  rowsEach: number,
): Promise<void> {
  const loaded = (s: TemplateSheet) =>
    s === main ? { rows: TEMPLATE_ROWS, cols: TEMPLATE_COLS } : { rows: rowsEach, cols: OTHER_COLS };
  const wanted: { sh: TemplateSheet; r1: number; c1: number; range: XlRange }[] = [];
  for (const v of main.validations) {
    if (v.type !== 'list') continue;
    const t = listTarget(v.formula, names, main.name);
    const sh = t && sheets.find((s) => s.name === t.sheet);
    if (!t || !sh) continue;
    const have = loaded(sh);
    if (t.r2 < have.rows && t.c2 < have.cols) continue;
    const proxy = proxies.find((p) => p.name === sh.name)!;
    const range = proxy.getRangeByIndexes(t.r1, t.c1, t.r2 - t.r1 + 1, t.c2 - t.c1 + 1);
    range.load('values');
    wanted.push({ sh, r1: t.r1, c1: t.c1, range });
  }
  if (!wanted.length) return;
  await context.sync();
  for (const { sh, r1, c1, range } of wanted)
    (range.values as unknown[][]).forEach((row, i) => {
      const r = (sh.rows[r1 + i] ??= []);
      row.forEach((v, j) => (r[c1 + j] = v === '' ? null : (v as CellValue)));
    });
  for (const sh of sheets) for (let r = 0; r < sh.rows.length; r++) sh.rows[r] ??= [];
}
