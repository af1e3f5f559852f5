/**
 * An in-memory Excel that behaves like Excel where it matters to the adapter:
 * - reading a property that was not loaded and synced throws, as Office.js does;
 * - a values matrix of the wrong shape fails the batch at sync;
 * - a string beginning with = (or + / - before a digit) written to a General cell becomes a formula;
 *   with the text format (@) it stays text;
 * - onChanged fires after edits and after API writes (unless runtime.enableEvents is false), with
 *   the changed address;
 * - list validations, fills, fonts, notes, merges, frozen rows and page layout are kept;
 * - a batch started while the user is editing a cell fails unless run with delayForCellEdit, which
 *   waits for the edit to end;
 * - every context.sync is counted.
 * Used by the tests (sync budgets) and by the preview (npm start without Excel).
 */
import { a1, columnLetter, parseAddress } from '../core/address';
import type { XlContext, XlRange, XlRangeAreas, XlRequirements, XlRun, XlWorksheet, XlWorksheetCollection, XlSetting, XlWorkbook } from './xl';

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fill?: string;
  font?: { name?: string; size?: number; bold?: boolean; color?: string };
  wrap?: boolean;
  hAlign?: string;
  border?: boolean;
}

export interface FakeValidation {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface FakeChange {
  sheet: string;
  address: string;
  source: 'Local' | 'Remote';
  changeType: string;
}

export class FakeSheet {
  readonly id: string;
  cells = new Map<string, FakeCell>();
  merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  validations: FakeValidation[] = [];
  notes = new Map<string, string>();
  frozenRows = 0;
  visibility: string = 'Visible';
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  page = { orientation: 'Portrait', paperSize: 'Letter', fitToWidth: 0 as number | undefined, printTitleRows: '' as string, center: false };
  handlers: ((e: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];

  constructor(public name: string, id: number) {
    this.id = `{sheet-${id}}`;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  ensure(r: number, c: number): FakeCell {
    const k = `${r},${c}`;
    let x = this.cells.get(k);
    if (!x) this.cells.set(k, (x = { value: '', numberFormat: 'General' }));
    return x;
  }

  /** The used range (rows × columns from A1), as Excel's getUsedRange(valuesOnly) sees it. */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, v] of this.cells) {
      if (v.value === '' && !v.formula) continue;
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return { rows, cols };
  }

  valueAt(r: number, c: number): string | number | boolean {
    return this.cell(r, c)?.value ?? '';
  }
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = 'RichApi.Error';
  }
}

/** Load/sync bookkeeping shared by every proxy object of one request context. */
class Tracker {
  private pending: (() => void)[] = [];
  private errors: Error[] = [];
  readonly events: FakeChange[] = [];

  queueLoad(f: () => void) {
    this.pending.push(f);
  }

  fail(e: Error) {
    this.errors.push(e);
  }

  flush(): Error | null {
    const e = this.errors.shift() ?? null;
    this.errors = [];
    const p = this.pending;
    this.pending = [];
    if (!e) for (const f of p) f();
    return e;
  }
}

function propsOf(names?: string | string[]): string[] {
  if (!names) return ['*'];
  return (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim());
}

class FakeRangeImpl implements XlRange {
  private loaded = new Map<string, unknown>();
  constructor(private readonly book: FakeWorkbook, private readonly ctx: FakeContext, readonly sheet: FakeSheet, readonly r1: number, readonly c1: number, readonly r2: number, readonly c2: number) {}

  private get rows() {
    return this.r2 - this.r1 + 1;
  }

  private get cols() {
    return this.c2 - this.c1 + 1;
  }

  private read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  load(names?: string | string[]): this {
    const props = propsOf(names);
    this.ctx.tracker.queueLoad(() => {
      for (const p of props) {
        const all = p === '*';
        if (all || p === 'values') this.loaded.set('values', this.matrix((c) => c?.value ?? ''));
        if (all || p === 'numberFormat') this.loaded.set('numberFormat', this.matrix((c) => c?.numberFormat ?? 'General'));
        if (all || p === 'formulas') this.loaded.set('formulas', this.matrix((c) => c?.formula ?? c?.value ?? ''));
        if (all || p === 'address') this.loaded.set('address', this.address_());
        if (all || p === 'rowIndex') this.loaded.set('rowIndex', this.r1);
        if (all || p === 'columnIndex') this.loaded.set('columnIndex', this.c1);
        if (all || p === 'rowCount') this.loaded.set('rowCount', this.rows);
        if (all || p === 'columnCount') this.loaded.set('columnCount', this.cols);
      }
    });
    return this;
  }

  private matrix<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: T[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(f(this.sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  private address_(): string {
    const q = /^[A-Za-z0-9_]+$/.test(this.sheet.name) ? this.sheet.name : `'${this.sheet.name.replace(/'/g, "''")}'`;
    const tl = a1(this.r1, this.c1);
    return `${q}!${tl}${this.rows > 1 || this.cols > 1 ? `:${a1(this.r2, this.c2)}` : ''}`;
  }

  get values(): any[][] {
    return this.read('values');
  }

  set values(v: any[][]) {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      this.ctx.tracker.fail(new Error(`InvalidArgument: The number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.rows}×${this.cols}).`));
      return;
    }
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        const cell = this.sheet.ensure(this.r1 + i, this.c1 + j);
        this.book.assign(cell, v[i][j]);
      }
    }
    this.loaded.set('values', v.map((r) => [...r]));
    this.ctx.changed(this.sheet, this.address_().split('!')[1]);
  }

  get numberFormat(): any[][] {
    return this.read('numberFormat');
  }

  set numberFormat(v: any[][]) {
    if (v.length !== this.rows || v.some((row) => row.length !== this.cols)) {
      this.ctx.tracker.fail(new Error('InvalidArgument: numberFormat dimensions do not match the range.'));
      return;
    }
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) this.sheet.ensure(this.r1 + i, this.c1 + j).numberFormat = String(v[i][j]);
  }

  get address(): string {
    return this.read('address');
  }

  get rowIndex(): number {
    return this.read('rowIndex');
  }

  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get rowCount(): number {
    return this.read('rowCount');
  }

  get columnCount(): number {
    return this.read('columnCount');
  }

  each(f: (c: FakeCell, r: number, col: number) => void) {
    for (let r = this.r1; r <= Math.min(this.r2, this.r1 + 100000); r++) for (let c = this.c1; c <= Math.min(this.c2, this.c1 + 200); c++) f(this.sheet.ensure(r, c), r, c);
  }

  get format(): XlRange['format'] {
    const self = this;
    const fill = {
      set color(v: string) {
        self.each((c) => (c.fill = v));
      },
      get color(): string {
        throw new NotLoaded('color');
      },
      clear() {
        self.each((c) => delete c.fill);
      },
    };
    const font = {} as XlRange['format']['font'];
    for (const k of ['name', 'size', 'bold', 'color'] as const) {
      Object.defineProperty(font, k, {
        set(v) {
          self.each((c) => (c.font = { ...c.font, [k]: v }));
        },
        get() {
          throw new NotLoaded(k);
        },
      });
    }
    const border = { style: 'Continuous', color: '#000000' };
    return {
      fill,
      font,
      set wrapText(v: boolean) {
        self.each((c) => (c.wrap = v));
      },
      get wrapText(): boolean {
        throw new NotLoaded('wrapText');
      },
      set horizontalAlignment(v: string) {
        self.each((c) => (c.hAlign = v));
      },
      get horizontalAlignment(): any {
        throw new NotLoaded('horizontalAlignment');
      },
      verticalAlignment: 'Center',
      set rowHeight(v: number) {
        for (let r = self.r1; r <= self.r2; r++) self.sheet.rowHeights.set(r, v);
      },
      get rowHeight(): number {
        throw new NotLoaded('rowHeight');
      },
      set columnWidth(v: number) {
        for (let c = self.c1; c <= self.c2; c++) self.sheet.colWidths.set(c, v);
      },
      get columnWidth(): number {
        throw new NotLoaded('columnWidth');
      },
      borders: {
        getItem: () => ({
          set style(v: string) {
            border.style = v;
            self.each((c) => (c.border = v !== 'None'));
          },
          get style(): any {
            return border.style;
          },
          color: '#000000',
        }),
      },
    } as XlRange['format'];
  }

  get dataValidation(): XlRange['dataValidation'] {
    const self = this;
    const current = { errorAlert: undefined as Excel.DataValidationErrorAlert | undefined, prompt: undefined as Excel.DataValidationPrompt | undefined };
    return {
      clear() {
        self.sheet.validations = self.sheet.validations.filter((v) => v.r2 < self.r1 || v.r1 > self.r2 || v.c2 < self.c1 || v.c1 > self.c2);
      },
      set rule(rule: Excel.DataValidationRule) {
        self.sheet.validations.push({ r1: self.r1, c1: self.c1, r2: self.r2, c2: self.c2, rule, errorAlert: current.errorAlert, prompt: current.prompt });
      },
      get rule(): Excel.DataValidationRule {
        throw new NotLoaded('rule');
      },
      set errorAlert(a: Excel.DataValidationErrorAlert) {
        current.errorAlert = a;
        const last = self.sheet.validations.find((v) => v.r1 === self.r1 && v.c1 === self.c1);
        if (last) last.errorAlert = a;
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        throw new NotLoaded('errorAlert');
      },
      set prompt(p: Excel.DataValidationPrompt) {
        current.prompt = p;
        const last = self.sheet.validations.find((v) => v.r1 === self.r1 && v.c1 === self.c1);
        if (last) last.prompt = p;
      },
      get prompt(): Excel.DataValidationPrompt {
        throw new NotLoaded('prompt');
      },
    };
  }

  merge(across?: boolean): void {
    if (across) for (let r = this.r1; r <= this.r2; r++) this.sheet.merges.push({ r1: r, c1: this.c1, r2: r, c2: this.c2 });
    else this.sheet.merges.push({ r1: this.r1, c1: this.c1, r2: this.r2, c2: this.c2 });
  }

  select(): void {
    this.book.selection = { sheet: this.sheet.name, r: this.r1, c: this.c1, rows: this.rows, cols: this.cols };
    this.book.active = this.sheet.name;
  }

  getCell(row: number, column: number): XlRange {
    return new FakeRangeImpl(this.book, this.ctx, this.sheet, this.r1 + row, this.c1 + column, this.r1 + row, this.c1 + column);
  }
}

class FakeUsedRange extends FakeRangeImpl {
  constructor(book: FakeWorkbook, ctx: FakeContext, sheet: FakeSheet, r2: number, c2: number, readonly isNullObject: boolean) {
    super(book, ctx, sheet, 0, 0, Math.max(r2, 0), Math.max(c2, 0));
  }
}

class FakeWorksheetImpl implements XlWorksheet {
  private loaded = new Set<string>();
  constructor(private readonly book: FakeWorkbook, private readonly ctx: FakeContext, private readonly model: FakeSheet | null) {}

  markLoaded(props: string[]): this {
    for (const p of props) this.loaded.add(p);
    return this;
  }

  private get m(): FakeSheet {
    if (!this.model) throw new Error('ItemNotFound: the worksheet does not exist.');
    return this.model;
  }

  get isNullObject(): boolean {
    if (!this.loaded.has('isNullObject')) throw new NotLoaded('isNullObject');
    return this.model === null;
  }

  load(names?: string | string[]): this {
    const props = propsOf(names);
    this.ctx.tracker.queueLoad(() => {
      for (const p of props) this.loaded.add(p === '*' ? 'name' : p);
      this.loaded.add('isNullObject');
    });
    return this;
  }

  get id(): string {
    if (!this.loaded.has('id') && !this.loaded.has('name')) throw new NotLoaded('id');
    return this.m.id;
  }

  get name(): string {
    if (!this.loaded.has('name')) throw new NotLoaded('name');
    return this.m.name;
  }

  set name(v: string) {
    if (this.book.sheets.some((s) => s !== this.m && s.name === v)) {
      this.ctx.tracker.fail(new Error(`InvalidArgument: a worksheet named ${v} already exists.`));
      return;
    }
    this.m.name = v;
  }

  get visibility(): any {
    if (!this.loaded.has('visibility')) throw new NotLoaded('visibility');
    return this.m.visibility;
  }

  set visibility(v: any) {
    this.m.visibility = v;
  }

  getRange(address?: string): XlRange {
    const p = parseAddress(address ?? 'A1:XFD1048576');
    return new FakeRangeImpl(this.book, this.ctx, this.m, p.r1, p.c1, p.r2, p.c2);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    return new FakeRangeImpl(this.book, this.ctx, this.m, startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
  }

  getUsedRangeOrNullObject(): XlRange & { readonly isNullObject: boolean } {
    const e = this.m.extent();
    const r = new FakeUsedRange(this.book, this.ctx, this.m, e.rows - 1, e.cols - 1, e.rows === 0);
    return r;
  }

  getRanges(address?: string): XlRangeAreas {
    if (!this.book.supports('1.9')) throw new Error('ApiNotFound: getRanges needs ExcelApi 1.9.');
    const parts = (address ?? '').split(',').filter((x) => x.trim());
    if (parts.length > 0 && address!.length > 8192) this.ctx.tracker.fail(new Error('InvalidArgument: the address is too long.'));
    const ranges = parts.map((p) => this.getRange(p) as FakeRangeImpl);
    this.book.rangeAreasCalls++;
    return {
      format: {
        fill: {
          set color(v: string) {
            for (const r of ranges) r.format.fill.color = v;
          },
          get color(): string {
            throw new NotLoaded('color');
          },
          clear() {
            for (const r of ranges) r.format.fill.clear();
          },
        },
      },
    };
  }

  get onChanged() {
    return { add: (h: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => this.m.handlers.push(h) };
  }

  get freezePanes() {
    return { freezeRows: (n?: number) => (this.m.frozenRows = n ?? 0) };
  }

  get pageLayout(): XlWorksheet['pageLayout'] {
    const m = this.m;
    return {
      set orientation(v: any) {
        m.page.orientation = v;
      },
      get orientation(): any {
        throw new NotLoaded('orientation');
      },
      set paperSize(v: any) {
        m.page.paperSize = v;
      },
      get paperSize(): any {
        throw new NotLoaded('paperSize');
      },
      set zoom(z: Excel.PageLayoutZoomOptions) {
        m.page.fitToWidth = z.horizontalFitToPages;
      },
      get zoom(): Excel.PageLayoutZoomOptions {
        throw new NotLoaded('zoom');
      },
      set centerHorizontally(v: boolean) {
        m.page.center = v;
      },
      get centerHorizontally(): boolean {
        throw new NotLoaded('centerHorizontally');
      },
      setPrintTitleRows: (rows: XlRange | string) => {
        m.page.printTitleRows = typeof rows === 'string' ? rows : '';
      },
    };
  }

  get notes() {
    if (!this.book.supports('1.18')) throw new Error('ApiNotFound: notes need ExcelApi 1.18.');
    return {
      add: (cell: XlRange | string, content: any) => {
        const p = parseAddress(typeof cell === 'string' ? cell : 'A1');
        this.m.notes.set(`${p.r1},${p.c1}`, String(content));
      },
    };
  }

  copy(): XlWorksheet {
    const src = this.m;
    const copy = this.book.addSheet(this.book.uniqueName(`${src.name} (2)`));
    for (const [k, v] of src.cells) copy.cells.set(k, { ...v, font: v.font ? { ...v.font } : undefined });
    copy.merges = src.merges.map((x) => ({ ...x }));
    copy.validations = src.validations.map((x) => ({ ...x }));
    copy.notes = new Map(src.notes);
    copy.frozenRows = src.frozenRows;
    copy.page = { ...src.page };
    return new FakeWorksheetImpl(this.book, this.ctx, copy);
  }

  activate(): void {
    this.book.active = this.m.name;
  }

  delete(): void {
    this.book.sheets = this.book.sheets.filter((s) => s !== this.m);
  }
}

class FakeContext implements XlContext {
  readonly tracker = new Tracker();
  readonly runtime = { enableEvents: true };
  private readonly touched: FakeChange[] = [];

  constructor(private readonly book: FakeWorkbook) {}

  changed(sheet: FakeSheet, address: string) {
    if (this.runtime.enableEvents) this.touched.push({ sheet: sheet.name, address, source: 'Local', changeType: 'RangeEdited' });
  }

  get workbook(): XlWorkbook {
    const book = this.book;
    const ctx = this;
    const sheets: XlWorksheetCollection = {
      get items(): XlWorksheet[] {
        if (!sheetsLoaded.done) throw new NotLoaded('items');
        return sheetsLoaded.list;
      },
      load() {
        ctx.tracker.queueLoad(() => {
          sheetsLoaded.done = true;
          // 'items/name' loads each item's name in the same round trip.
          sheetsLoaded.list = book.sheets.map((s) => new FakeWorksheetImpl(book, ctx, s).markLoaded(['name', 'isNullObject']));
        });
        return sheets;
      },
      getItemOrNullObject: (key: string) => new FakeWorksheetImpl(book, ctx, book.sheets.find((s) => s.name === key) ?? null),
      getActiveWorksheet: () => new FakeWorksheetImpl(book, ctx, book.sheets.find((s) => s.name === book.active) ?? book.sheets[0]),
      add: (name?: string) => {
        const n = name ?? book.uniqueName('Sheet1');
        if (book.sheets.some((s) => s.name === n)) {
          ctx.tracker.fail(new Error(`ItemAlreadyExists: a worksheet named ${n} already exists.`));
          return new FakeWorksheetImpl(book, ctx, null);
        }
        return new FakeWorksheetImpl(book, ctx, book.addSheet(n));
      },
    };
    const sheetsLoaded = { done: false, list: [] as XlWorksheet[] };
    return {
      worksheets: sheets,
      settings: {
        add: (key: string, value: unknown) => book.settings.set(key, JSON.parse(JSON.stringify(value))),
        getItemOrNullObject: (key: string): XlSetting => {
          let loaded = false;
          return {
            get isNullObject() {
              if (!loaded) throw new NotLoaded('isNullObject');
              return !book.settings.has(key);
            },
            get value() {
              if (!loaded) throw new NotLoaded('value');
              return book.settings.get(key);
            },
            set value(v) {
              book.settings.set(key, v);
            },
            load() {
              ctx.tracker.queueLoad(() => (loaded = true));
              return this;
            },
          };
        },
      },
      getSelectedRange: () => {
        const s = book.selection;
        const sheet = book.sheets.find((x) => x.name === s.sheet) ?? book.sheets[0];
        return new FakeRangeImpl(book, ctx, sheet, s.r, s.c, s.r + s.rows - 1, s.c + s.cols - 1);
      },
    };
  }

  async sync(): Promise<void> {
    this.book.syncCount++;
    const e = this.tracker.flush();
    if (e) throw e;
    const events = this.touched.splice(0);
    if (events.length) this.book.fire(events);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  active = '';
  selection = { sheet: '', r: 0, c: 0, rows: 1, cols: 1 };
  syncCount = 0;
  rangeAreasCalls = 0;
  /** The user is typing in a cell (or composing with an IME). */
  editing = false;
  private editWaiters: (() => void)[] = [];
  private nextId = 1;
  /** Listeners for the preview grid: something changed, redraw. */
  readonly listeners = new Set<() => void>();

  constructor(public apiVersion = '1.18') {}

  supports(v: string): boolean {
    const [a, b] = v.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return x > a || (x === a && y >= b);
  }

  readonly requirements: XlRequirements = {
    isSetSupported: (name: string, min?: string) => name === 'ExcelApi' && this.supports(min ?? '1.1'),
  };

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, this.nextId++);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  uniqueName(base: string): string {
    let n = base;
    for (let i = 2; this.sheets.some((s) => s.name === n); i++) n = base.replace(/( \(\d+\))?$/, ` (${i})`);
    return n;
  }

  /** What Excel does with a value written through the API or typed by a user. */
  assign(cell: FakeCell, v: unknown): void {
    delete cell.formula;
    if (typeof v === 'string' && cell.numberFormat !== '@' && (/^=/.test(v) || /^[+-]\s*[\d(=]/.test(v))) {
      cell.formula = v.startsWith('=') ? v : `=${v}`;
      const simple = /^=?[+-]?\s*\d+(\.\d+)?$/.test(v.replace(/^=/, ''));
      cell.value = simple ? Number(v.replace(/^=/, '').replace(/\s+/g, '')) : '#NAME?';
      return;
    }
    if (typeof v === 'string' && cell.numberFormat !== '@' && /^-?\d+(\.\d+)?$/.test(v.trim())) {
      cell.value = Number(v);
      return;
    }
    cell.value = v === null || v === undefined ? '' : (v as string | number | boolean);
  }

  run: XlRun = async <T,>(options: { delayForCellEdit?: boolean }, batch: (ctx: XlContext) => Promise<T>): Promise<T> => {
    if (this.editing) {
      if (!options.delayForCellEdit) throw new Error('InvalidOperationInCellEditMode: Excel is in cell-editing mode.');
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    const ctx = new FakeContext(this);
    const r = await batch(ctx);
    this.notify();
    return r;
  };

  beginCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  /** A user typing or pasting values into the grid: values land as Excel would put them, and
   *  onChanged fires with the address. */
  userEdit(sheetName: string, r: number, c: number, values: unknown[][]): Promise<void> {
    const s = this.sheet(sheetName);
    values.forEach((row, i) => row.forEach((v, j) => this.assign(s.ensure(r + i, c + j), v)));
    const rows = values.length;
    const cols = Math.max(...values.map((x) => x.length));
    const address = rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`;
    this.notify();
    return this.fire([{ sheet: sheetName, address, source: 'Local', changeType: 'RangeEdited' }]);
  }

  /** Handlers run after the sync that made the change, as Excel delivers events asynchronously. */
  fire(events: FakeChange[]): Promise<void> {
    const runs: Promise<unknown>[] = [];
    for (const e of events) {
      const s = this.sheets.find((x) => x.name === e.sheet);
      if (!s) continue;
      for (const h of s.handlers) {
        runs.push(
          Promise.resolve().then(() => h({ address: e.address, worksheetId: s.id, changeType: e.changeType, source: e.source, type: 'WorksheetChanged' } as unknown as Excel.WorksheetChangedEventArgs)),
        );
      }
    }
    return Promise.all(runs).then(() => undefined);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  /** Text of a cell as the grid shows it. */
  display(sheet: string, r: number, c: number): string {
    const v = this.sheets.find((s) => s.name === sheet)?.cell(r, c)?.value;
    return v === undefined ? '' : String(v);
  }

  /** Fill rows of cells from a matrix (for loading a sample sheet), with no events. */
  load(sheetName: string, rows: unknown[][]): FakeSheet {
    const s = this.sheets.find((x) => x.name === sheetName) ?? this.addSheet(sheetName);
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') {
        const cell = s.ensure(r, c);
        cell.numberFormat = typeof v === 'string' ? '@' : 'General';
        this.assign(cell, v);
      }
    }));
    return s;
  }
}

export { a1, columnLetter, parseAddress };
