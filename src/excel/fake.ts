/**
 * An in-memory Excel that behaves like Excel where it matters to the adapter:
 * - commands are queued and carried out at context.sync, in order, up to the first failure; the
 *   commands before it stay applied (partial state), the rest are dropped, and sync throws;
 * - a request over the payload limit (5 MB in Excel on the web) is refused whole, and a response
 *   over it fails the sync;
 * - reading a property that was not loaded and synced throws, as Office.js does;
 * - methods on a null object (getItemOrNullObject of a missing sheet) fail at sync, not at once;
 * - a values matrix of the wrong shape fails the batch at sync;
 * - a string beginning with = (or + / - before a digit) written to a General cell becomes a formula;
 *   with the text format (@) it stays text;
 * - the used range starts at the first used cell, not at A1;
 * - sheet names follow Excel's rules (31 characters, no : \ / ? * [ ], no apostrophe at either end,
 *   unique ignoring case);
 * - runtime.enableEvents belongs to the add-in, not the request: it stays as the last batch left it,
 *   and while it is off user edits are never delivered;
 * - onChanged fires after edits and API writes with the changed address, changeType (RangeEdited,
 *   RowInserted, ColumnInserted…), source (Local/Remote) and worksheetId; a handler is removed only
 *   through the context it was added in;
 * - whole-column or whole-row ranges load null values; a multi-area selection makes
 *   getSelectedRange fail with InvalidSelection;
 * - the Office.js library may lack newer proxies (Worksheet.notes) whatever the host supports;
 * - a batch started while the user is editing a cell fails with InvalidOperationInCellEditMode,
 *   unless run with delayForCellEdit on a host that honours it (hosts without DelayForCellEdit
 *   ignore the option);
 * - API writes clear the undo stack (before ExcelApi 1.19), user edits add to it;
 * - on some Windows builds fit-to-width is ignored on an inactive sheet (office-js #1860), and
 *   freezing panes of an inactive sheet activates it for a moment (activation events);
 * - data validations read back as Excel holds them: list sources without quotes for an inline list
 *   and with the leading = for a reference or name, 'Inconsistent' or 'MixedCriteria' over cells
 *   whose rules differ; merged areas (ExcelApi 1.13), defined names, sheet visibility, fonts and
 *   page layout read back;
 * - every context.sync is counted.
 * Used by the tests (sync budgets) and by the preview (npm start without Excel).
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-this-alias --
   The fake implements Office.js's own members, several of which are typed `any` (values,
   numberFormat, visibility); its format and page-layout objects are object literals with setters
   that need the proxy they belong to (`self`). */
import { a1, columnLetter, parseAddress } from '../core/address';
import type {
  XlContext,
  XlHandlerResult,
  XlRange,
  XlRangeAreas,
  XlRequirements,
  XlRun,
  XlWorksheet,
  XlWorksheetCollection,
  XlNamedItem,
  XlNamedItems,
  XlSetting,
  XlWorkbook,
} from './xl';

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

/** What kind of Excel the fake plays. */
export interface FakeHost {
  /** The Office.js library has Worksheet.notes (the npm package 1.1.110 does not). */
  notesInLibrary: boolean;
  /** The host honours Excel.run's delayForCellEdit (requirement set DelayForCellEdit). */
  delayForCellEdit: boolean;
  /** Bytes per request (Excel on the web: 5 MB). */
  payloadLimit: number;
  /** Fit-to-width applies only on the active sheet (office-js #1860). */
  fitNeedsActive: boolean;
  /** Fit-to-width is not applied at all (#1860: the Page Layout tab not shown, on some builds). */
  fitIgnored: boolean;
  /** Width in points of a column of standard width (Calibri 11: 8.43 characters = 64 px = 48 pt). */
  standardColumnPoints: number;
  /** The Normal style's font, which every cell without its own shows (Chinese Excel 2016+: 等线 11). */
  defaultFont: { name: string; size: number };
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** What one queued command costs in the request, besides its values (ids, path, method name). */
const COMMAND_BYTES = 160;

export class FakeSheet {
  readonly id: string;
  cells = new Map<string, FakeCell>();
  merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  validations: FakeValidation[] = [];
  notes = new Map<string, string>();
  /** Names scoped to this sheet → formula, with the leading =. */
  names = new Map<string, string>();
  frozenRows = 0;
  visibility: string = 'Visible';
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  standardWidth = 8.43;
  page = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    fitToWidth: 0 as number | undefined,
    printTitleRows: '' as string,
    center: false,
  };
  handlers: ((e: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];

  constructor(
    public name: string,
    id: number,
  ) {
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

  /** The used range as Excel's getUsedRange(valuesOnly) sees it: from the first used row and
   *  column to the last, or null when no cell has a value. */
  usedBounds(): { r1: number; c1: number; r2: number; c2: number } | null {
    let e: { r1: number; c1: number; r2: number; c2: number } | null = null;
    for (const [k, v] of this.cells) {
      if (v.value === '' && !v.formula) continue;
      const [r, c] = k.split(',').map(Number);
      if (!e) e = { r1: r, c1: c, r2: r, c2: c };
      else e = { r1: Math.min(e.r1, r), c1: Math.min(e.c1, c), r2: Math.max(e.r2, r), c2: Math.max(e.c2, c) };
    }
    return e;
  }

  /** Rows and columns from A1 to the last used cell (for drawing the preview grid). */
  extent(): { rows: number; cols: number } {
    const e = this.usedBounds();
    return e ? { rows: e.r2 + 1, cols: e.c2 + 1 } : { rows: 0, cols: 0 };
  }

  valueAt(r: number, c: number): string | number | boolean {
    return this.cell(r, c)?.value ?? '';
  }
}

/** An error as Office.js reports it: `code` is what callers test. */
export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

class NotLoaded extends FakeRichApiError {
  constructor(prop: string) {
    super(
      'PropertyNotLoaded',
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }
}

type Bounds = { r1: number; c1: number; r2: number; c2: number };

function propsOf(names?: string | string[]): string[] {
  if (!names) return ['*'];
  return (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim());
}

/** Bytes a value adds to the request, roughly as JSON. */
function sizeOf(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') return v.length * 2 + 2;
  if (typeof v !== 'object') return 8;
  let n = 2;
  for (const x of Array.isArray(v) ? (v as unknown[]) : Object.values(v)) n += sizeOf(x) + 1;
  return n;
}

/** DataValidationType by the rule's one key. */
const RULE_TYPES: Record<string, string> = {
  list: 'List',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  custom: 'Custom',
};

/** A rule as Excel gives it back: a list source set as a Range comes back as its address with the
 *  leading =; an inline list as the text that was set, without quotes (the Office.js test quoted in
 *  office-js-docs #1314 reads back 'yes,no,maybe'). */
function ruleOut(rule: Excel.DataValidationRule): Excel.DataValidationRule {
  const src = rule.list?.source as unknown;
  if (src instanceof FakeRangeImpl) {
    return { ...rule, list: { ...rule.list!, source: `=${src.absoluteAddress()}` } };
  }
  return rule;
}

/** A collection of defined names, loaded at sync as Office.js does. */
function namedItems(ctx: FakeContext, source: () => Map<string, string>): XlNamedItems {
  let list: XlNamedItem[] | null = null;
  return {
    get items(): XlNamedItem[] {
      if (!list) throw new NotLoaded('items');
      return list;
    },
    load() {
      ctx.queue(() => {
        list = [...source()].map(([name, formula]) => ({
          name,
          formula,
          type: /^=.*\$?[A-Z]+\$?\d+/.test(formula) ? 'Range' : 'String',
          visible: true,
        }));
        ctx.respond(sizeOf(list));
      }, COMMAND_BYTES);
      return this;
    },
  };
}

function sheetNameError(name: string, others: FakeSheet[], self?: FakeSheet): string | null {
  if (!name || name.length > 31) return `the name ${name} is empty or longer than 31 characters`;
  if (/[:\\/?*[\]]/.test(name)) return `the name ${name} holds one of : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `the name ${name} begins or ends with an apostrophe`;
  if (others.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
    return `a worksheet named ${name} already exists`;
  return null;
}

class FakeRangeImpl implements XlRange {
  private loaded = new Map<string, unknown>();
  private resolved: Bounds | null | undefined;
  private formatCache: XlRange['format'] | undefined;
  /** Part of a RangeAreas: its formats travel in the RangeAreas' one command. */
  free = false;

  /** `where` is worked out when the first command on the range runs, as Excel does at sync. */
  constructor(
    protected readonly book: FakeWorkbook,
    protected readonly ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly where: () => Bounds | null,
  ) {}

  get sheet(): FakeSheet {
    return this.sheetOf();
  }

  /** The bounds, or ItemNotFound for a null object (at sync, where the command runs). */
  protected b(): Bounds {
    if (this.resolved === undefined) this.resolved = this.where();
    if (!this.resolved)
      throw new FakeRichApiError('ItemNotFound', 'The requested resource does not exist (a null object).');
    return this.resolved;
  }

  protected isNull(): boolean {
    if (this.resolved === undefined) this.resolved = this.where();
    return this.resolved === null;
  }

  private read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** Queue a write: it runs at sync, clears the undo stack, and counts towards the payload. */
  private write(bytes: number, f: () => void): void {
    this.ctx.queue(
      () => {
        f();
        this.book.undoDepth = 0;
      },
      this.free ? 0 : bytes,
    );
  }

  load(names?: string | string[]): this {
    const props = propsOf(names);
    // A path such as 'format/columnWidth' loads the child object's property.
    if (props.includes('format/columnWidth')) this.format.load('columnWidth');
    this.ctx.queue(() => {
      this.loaded.set('isNullObject', this.isNull());
      if (this.isNull()) return;
      const { r1, c1, r2, c2 } = this.b();
      // Whole columns or rows are too big to return: Excel gives null for their values.
      const whole = r2 - r1 + 1 >= MAX_ROWS || c2 - c1 + 1 >= MAX_COLS;
      for (const p of props) {
        const all = p === '*';
        if (all || p === 'values') {
          const values = whole ? null : this.matrix((c) => c?.value ?? '');
          this.ctx.respond(sizeOf(values));
          this.loaded.set('values', values);
        }
        if (all || p === 'numberFormat')
          this.loaded.set('numberFormat', whole ? null : this.matrix((c) => c?.numberFormat ?? 'General'));
        if (all || p === 'formulas')
          this.loaded.set('formulas', whole ? null : this.matrix((c) => c?.formula ?? c?.value ?? ''));
        if (all || p === 'address') this.loaded.set('address', this.address_());
        if (all || p === 'rowIndex') this.loaded.set('rowIndex', r1);
        if (all || p === 'columnIndex') this.loaded.set('columnIndex', c1);
        if (all || p === 'rowCount') this.loaded.set('rowCount', r2 - r1 + 1);
        if (all || p === 'columnCount') this.loaded.set('columnCount', c2 - c1 + 1);
      }
    });
    return this;
  }

  private matrix<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const { r1, c1, r2, c2 } = this.b();
    const out: T[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: T[] = [];
      for (let c = c1; c <= c2; c++) row.push(f(this.sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  /** The address without the sheet: 「C5」, 「C5:D9」, 「C:C」 or 「5:5」. */
  localAddress(): string {
    const { r1, c1, r2, c2 } = this.b();
    if (r1 === 0 && r2 === MAX_ROWS - 1) return `${columnLetter(c1)}:${columnLetter(c2)}`;
    if (c1 === 0 && c2 === MAX_COLS - 1) return `${r1 + 1}:${r2 + 1}`;
    return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
  }

  /** 'Sheet2'!$A$1:$A$9, as a formula names it. */
  absoluteAddress(): string {
    const { r1, c1, r2, c2 } = this.b();
    const abs = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
    return `${this.address_().replace(/!.*$/, '')}!${abs(r1, c1)}${r1 === r2 && c1 === c2 ? '' : `:${abs(r2, c2)}`}`;
  }

  private address_(): string {
    const name = this.sheet.name;
    const q = /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    return `${q}!${this.localAddress()}`;
  }

  get values(): any[][] {
    return this.read('values');
  }

  set values(v: any[][]) {
    this.write(sizeOf(v) + COMMAND_BYTES, () => {
      const { r1, c1, r2, c2 } = this.b();
      const rows = r2 - r1 + 1;
      const cols = c2 - c1 + 1;
      if (
        !Array.isArray(v) ||
        v.length !== rows ||
        v.some((row) => !Array.isArray(row) || row.length !== cols)
      ) {
        throw new FakeRichApiError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) this.book.assign(this.sheet.ensure(r1 + i, c1 + j), v[i][j]);
      this.ctx.changed(this.sheet, this.localAddress(), 'RangeEdited');
    });
  }

  get numberFormat(): any[][] {
    return this.read('numberFormat');
  }

  set numberFormat(v: any[][]) {
    this.write(sizeOf(v) + COMMAND_BYTES, () => {
      const { r1, c1, r2, c2 } = this.b();
      if (v.length !== r2 - r1 + 1 || v.some((row) => row.length !== c2 - c1 + 1)) {
        throw new FakeRichApiError('InvalidArgument', 'numberFormat dimensions do not match the range.');
      }
      for (let i = r1; i <= r2; i++)
        for (let j = c1; j <= c2; j++) this.sheet.ensure(i, j).numberFormat = String(v[i - r1][j - c1]);
    });
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

  /** Every cell of the range (capped, for whole columns), at sync. */
  each(f: (c: FakeCell, r: number, col: number) => void) {
    const { r1, c1, r2, c2 } = this.b();
    for (let r = r1; r <= Math.min(r2, r1 + 100000); r++)
      for (let c = c1; c <= Math.min(c2, c1 + 200); c++) f(this.sheet.ensure(r, c), r, c);
  }

  /** Every cell of the range (capped), without creating any: undefined where none is stored. */
  eachExisting(f: (c: FakeCell | undefined) => void) {
    const { r1, c1, r2, c2 } = this.b();
    for (let r = r1; r <= Math.min(r2, r1 + 100000); r++)
      for (let c = c1; c <= Math.min(c2, c1 + 200); c++) f(this.sheet.cell(r, c));
  }

  get format(): XlRange['format'] {
    if (!this.formatCache) this.formatCache = this.makeFormat();
    return this.formatCache;
  }

  private makeFormat(): XlRange['format'] {
    const self = this;
    const set = (bytes: number, f: () => void) => self.write(bytes + COMMAND_BYTES, f);
    const loadedFormat = new Map<string, unknown>();
    const fill = {
      set color(v: string) {
        set(sizeOf(v), () => self.each((c) => (c.fill = v)));
      },
      get color(): string {
        throw new NotLoaded('color');
      },
      clear() {
        set(0, () => self.each((c) => delete c.fill));
      },
    };
    const font = {} as XlRange['format']['font'];
    const loadedFont = new Map<string, unknown>();
    for (const k of ['name', 'size', 'bold', 'color'] as const) {
      Object.defineProperty(font, k, {
        set(v) {
          set(sizeOf(v), () => self.each((c) => (c.font = { ...c.font, [k]: v })));
        },
        get() {
          if (!loadedFont.has(k)) throw new NotLoaded(k);
          return loadedFont.get(k);
        },
      });
    }
    // A cell without its own font shows the Normal style's; over cells that differ Excel gives null.
    font.load = (names?: string | string[]) => {
      const props = propsOf(names);
      self.ctx.queue(() => {
        const d = self.book.host.defaultFont;
        for (const k of ['name', 'size', 'bold', 'color'] as const) {
          if (!props.includes(k) && !props.includes('*')) continue;
          const seen = new Set<unknown>();
          self.eachExisting((c) => seen.add(c?.font?.[k] ?? { ...d, bold: false, color: '#000000' }[k]));
          loadedFont.set(k, seen.size === 1 ? [...seen][0] : null);
        }
      });
      return font;
    };
    return {
      load(names?: string | string[]) {
        const props = propsOf(names);
        self.ctx.queue(() => {
          const { c1 } = self.b();
          if (props.includes('columnWidth') || props.includes('*'))
            loadedFormat.set(
              'columnWidth',
              self.sheet.colWidths.get(c1) ?? self.book.host.standardColumnPoints,
            );
        });
        return this;
      },
      fill,
      font,
      set wrapText(v: boolean) {
        set(8, () => self.each((c) => (c.wrap = v)));
      },
      get wrapText(): boolean {
        throw new NotLoaded('wrapText');
      },
      set horizontalAlignment(v: string) {
        set(sizeOf(v), () => self.each((c) => (c.hAlign = v)));
      },
      get horizontalAlignment(): any {
        throw new NotLoaded('horizontalAlignment');
      },
      verticalAlignment: 'Center',
      set rowHeight(v: number) {
        set(8, () => {
          const { r1, r2 } = self.b();
          for (let r = r1; r <= r2; r++) self.sheet.rowHeights.set(r, v);
        });
      },
      get rowHeight(): number {
        throw new NotLoaded('rowHeight');
      },
      set columnWidth(v: number) {
        set(8, () => {
          const { c1, c2 } = self.b();
          for (let c = c1; c <= c2; c++) self.sheet.colWidths.set(c, v);
        });
      },
      get columnWidth(): number {
        if (!loadedFormat.has('columnWidth')) throw new NotLoaded('columnWidth');
        return loadedFormat.get('columnWidth') as number;
      },
      borders: {
        getItem: () => ({
          set style(v: string) {
            set(sizeOf(v), () => self.each((c) => (c.border = v !== 'None')));
          },
          get style(): any {
            throw new NotLoaded('style');
          },
          color: '#000000',
        }),
      },
    } as unknown as XlRange['format'];
  }

  private validationCache: XlRange['dataValidation'] | undefined;

  /** One proxy per range, as Office.js keeps it: what it loaded stays readable. */
  get dataValidation(): XlRange['dataValidation'] {
    if (!this.validationCache) this.validationCache = this.makeValidation();
    return this.validationCache;
  }

  /** The validation as Excel reports it for this range: one rule over every cell, 'None' over none,
   *  'MixedCriteria' over some, 'Inconsistent' where cells differ. */
  private readValidation(): {
    type: string;
    rule: Excel.DataValidationRule;
    errorAlert: Excel.DataValidationErrorAlert | null;
    prompt: Excel.DataValidationPrompt | null;
  } {
    const { r1, c1, r2, c2 } = this.b();
    const key = (v: FakeValidation) => JSON.stringify([ruleOut(v.rule), v.errorAlert, v.prompt]);
    const seen = new Set<string>();
    let first: FakeValidation | null = null;
    let bare = 0;
    for (let r = r1; r <= Math.min(r2, r1 + 100000); r++)
      for (let c = c1; c <= Math.min(c2, c1 + 200); c++) {
        const v = [...this.sheet.validations]
          .reverse()
          .find((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
        if (!v) bare++;
        else {
          first ??= v;
          seen.add(key(v));
        }
      }
    if (!first) return { type: 'None', rule: {}, errorAlert: null, prompt: null };
    if (bare) return { type: 'MixedCriteria', rule: {}, errorAlert: null, prompt: null };
    if (seen.size > 1) return { type: 'Inconsistent', rule: {}, errorAlert: null, prompt: null };
    const rule = ruleOut(first.rule);
    return {
      type: RULE_TYPES[Object.keys(rule)[0]] ?? 'None',
      rule,
      // Excel's defaults where the rule was set without them.
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '', ...first.errorAlert },
      prompt: { showPrompt: false, title: '', message: '', ...first.prompt },
    };
  }

  private makeValidation(): XlRange['dataValidation'] {
    const self = this;
    const loaded = new Map<string, unknown>();
    const got = <T>(k: string): T => {
      if (!loaded.has(k)) throw new NotLoaded(k);
      return loaded.get(k) as T;
    };
    const current = {
      errorAlert: undefined as Excel.DataValidationErrorAlert | undefined,
      prompt: undefined as Excel.DataValidationPrompt | undefined,
    };
    const mine = () => {
      const { r1, c1 } = self.b();
      return self.sheet.validations.find((v) => v.r1 === r1 && v.c1 === c1);
    };
    return {
      load(names?: string | string[]) {
        const props = propsOf(names);
        self.ctx.queue(() => {
          const v = self.readValidation();
          self.ctx.respond(sizeOf(v));
          for (const k of ['type', 'rule', 'errorAlert', 'prompt'] as const)
            if (props.includes(k) || props.includes('*')) loaded.set(k, v[k]);
        });
        return this;
      },
      get type(): string {
        return got('type');
      },
      clear() {
        self.write(COMMAND_BYTES, () => {
          const { r1, c1, r2, c2 } = self.b();
          self.sheet.validations = self.sheet.validations.filter(
            (v) => v.r2 < r1 || v.r1 > r2 || v.c2 < c1 || v.c1 > c2,
          );
        });
      },
      set rule(rule: Excel.DataValidationRule) {
        self.write(sizeOf(rule) + COMMAND_BYTES, () => {
          const { r1, c1, r2, c2 } = self.b();
          self.sheet.validations.push({
            r1,
            c1,
            r2,
            c2,
            rule,
            errorAlert: current.errorAlert,
            prompt: current.prompt,
          });
        });
      },
      get rule(): Excel.DataValidationRule {
        return got('rule');
      },
      set errorAlert(a: Excel.DataValidationErrorAlert) {
        self.write(sizeOf(a) + COMMAND_BYTES, () => {
          current.errorAlert = a;
          const v = mine();
          if (v) v.errorAlert = a;
        });
      },
      get errorAlert(): Excel.DataValidationErrorAlert {
        return got('errorAlert');
      },
      set prompt(p: Excel.DataValidationPrompt) {
        self.write(sizeOf(p) + COMMAND_BYTES, () => {
          current.prompt = p;
          const v = mine();
          if (v) v.prompt = p;
        });
      },
      get prompt(): Excel.DataValidationPrompt {
        return got('prompt');
      },
    };
  }

  /** ExcelApi 1.13: the merged areas inside this range, as one RangeAreas address. */
  getMergedAreasOrNullObject(): ReturnType<XlRange['getMergedAreasOrNullObject']> {
    const self = this;
    const loaded = new Map<string, unknown>();
    const got = <T>(k: string): T => {
      if (!loaded.has(k)) throw new NotLoaded(k);
      return loaded.get(k) as T;
    };
    return {
      load() {
        self.ctx.queue(() => {
          if (!self.book.supports('1.13'))
            throw new FakeRichApiError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
          const { r1, c1, r2, c2 } = self.b();
          const inside = self.sheet.merges.filter(
            (m) => m.r1 >= r1 && m.r2 <= r2 && m.c1 >= c1 && m.c2 <= c2,
          );
          if (inside.length > 512)
            throw new FakeRichApiError('GeneralException', 'more than 512 merged areas.');
          const name = self.address_().replace(/!.*$/, '');
          const address = inside.map((m) => `${name}!${a1(m.r1, m.c1)}:${a1(m.r2, m.c2)}`).join(', ');
          loaded.set('isNullObject', inside.length === 0);
          loaded.set('address', address);
          self.ctx.respond(sizeOf(address));
        });
        return this;
      },
      get address(): string {
        return got('address');
      },
      get isNullObject(): boolean {
        return got('isNullObject');
      },
    };
  }

  merge(across?: boolean): void {
    this.write(COMMAND_BYTES, () => {
      const { r1, c1, r2, c2 } = this.b();
      if (across) for (let r = r1; r <= r2; r++) this.sheet.merges.push({ r1: r, c1, r2: r, c2 });
      else this.sheet.merges.push({ r1, c1, r2, c2 });
    });
  }

  select(): void {
    this.ctx.queue(() => {
      const { r1, c1, r2, c2 } = this.b();
      this.book.selection = {
        sheet: this.sheet.name,
        r: r1,
        c: c1,
        rows: r2 - r1 + 1,
        cols: c2 - c1 + 1,
        areas: 1,
      };
      this.book.active = this.sheet.name;
    }, COMMAND_BYTES);
  }

  getCell(row: number, column: number): XlRange {
    return new FakeRangeImpl(this.book, this.ctx, this.sheetOf, () => {
      const { r1, c1 } = this.b();
      return { r1: r1 + row, c1: c1 + column, r2: r1 + row, c2: c1 + column };
    });
  }

  getIntersectionOrNullObject(other: XlRange | string): XlRange & { readonly isNullObject: boolean } {
    return new FakeRangeImpl(this.book, this.ctx, this.sheetOf, () => {
      const a = this.b();
      // A null object as the argument fails the request (b() throws ItemNotFound).
      const o = typeof other === 'string' ? parseAddress(other) : (other as FakeRangeImpl).b();
      const r = {
        r1: Math.max(a.r1, o.r1),
        c1: Math.max(a.c1, o.c1),
        r2: Math.min(a.r2, o.r2),
        c2: Math.min(a.c2, o.c2),
      };
      return r.r1 > r.r2 || r.c1 > r.c2 ? null : r;
    });
  }
}

class FakeWorksheetImpl implements XlWorksheet {
  private loaded = new Map<string, unknown>();
  private resolved: FakeSheet | null | undefined;

  constructor(
    protected readonly book: FakeWorkbook,
    protected readonly ctx: FakeContext,
    private readonly find: () => FakeSheet | null,
  ) {}

  /** The sheet, looked up when the first command runs; ItemNotFound on a null object, at sync. */
  m(): FakeSheet {
    if (this.resolved === undefined) this.resolved = this.find();
    if (!this.resolved) throw new FakeRichApiError('ItemNotFound', 'The requested worksheet does not exist.');
    return this.resolved;
  }

  private exists(): boolean {
    if (this.resolved === undefined) this.resolved = this.find();
    return this.resolved !== null;
  }

  markLoaded(props: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(props)) this.loaded.set(k, v);
    return this;
  }

  private read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  load(names?: string | string[]): this {
    const props = propsOf(names);
    this.ctx.queue(() => {
      this.loaded.set('isNullObject', !this.exists());
      if (!this.exists()) return;
      const m = this.m();
      for (const p of props) {
        if (p === '*' || p === 'name') this.loaded.set('name', m.name);
        if (p === '*' || p === 'id') this.loaded.set('id', m.id);
        if (p === '*' || p === 'visibility') this.loaded.set('visibility', m.visibility);
        if (p === '*' || p === 'standardWidth') this.loaded.set('standardWidth', m.standardWidth);
      }
    });
    return this;
  }

  private write(f: (m: FakeSheet) => void, bytes = COMMAND_BYTES): void {
    this.ctx.queue(() => {
      f(this.m());
      this.book.undoDepth = 0;
    }, bytes);
  }

  get id(): string {
    return this.read('id');
  }

  get standardWidth(): number {
    return this.read('standardWidth');
  }

  get name(): string {
    return this.read('name');
  }

  set name(v: string) {
    this.write(
      (m) => {
        const bad = sheetNameError(v, this.book.sheets, m);
        if (bad) throw new FakeRichApiError('InvalidArgument', bad);
        m.name = v;
      },
      COMMAND_BYTES + sizeOf(v),
    );
  }

  get visibility(): any {
    return this.read('visibility');
  }

  set visibility(v: any) {
    this.write((m) => (m.visibility = v));
  }

  private range(where: () => Bounds | null): FakeRangeImpl {
    return new FakeRangeImpl(this.book, this.ctx, () => this.m(), where);
  }

  getRange(address?: string): XlRange {
    return this.range(() => parseAddress(address ?? 'A1:XFD1048576'));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    return this.range(() => ({
      r1: startRow,
      c1: startColumn,
      r2: startRow + rowCount - 1,
      c2: startColumn + columnCount - 1,
    }));
  }

  getUsedRangeOrNullObject(): XlRange & { readonly isNullObject: boolean } {
    return this.range(() => this.m().usedBounds());
  }

  getUsedRange(): XlRange {
    return this.range(() => this.m().usedBounds() ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
  }

  getRanges(address?: string): XlRangeAreas {
    const parts = (address ?? '').split(',').filter((x) => x.trim());
    const ranges = parts.map((p) => this.getRange(p) as FakeRangeImpl);
    for (const r of ranges) r.free = true;
    this.book.rangeAreasCalls++;
    const ctx = this.ctx;
    const book = this.book;
    /** One command for all the areas: checked (and paid for) once, carried out on each. */
    const each = (bytes: number, f: (r: FakeRangeImpl) => void) => {
      ctx.queue(
        () => {
          if (!book.supports('1.9'))
            throw new FakeRichApiError('ApiNotFound', 'getRanges needs ExcelApi 1.9.');
          if ((address ?? '').length > 8192)
            throw new FakeRichApiError('InvalidArgument', 'the address is too long.');
        },
        COMMAND_BYTES + sizeOf(address) + bytes,
      );
      for (const r of ranges) f(r);
    };
    const font = {} as XlRangeAreas['format']['font'];
    for (const k of ['name', 'size', 'bold', 'color'] as const) {
      Object.defineProperty(font, k, {
        set(v) {
          each(sizeOf(v), (r) => ((r.format.font as unknown as Record<string, unknown>)[k] = v));
        },
        get() {
          throw new NotLoaded(k);
        },
      });
    }
    return {
      format: {
        fill: {
          set color(v: string) {
            each(sizeOf(v), (r) => (r.format.fill.color = v));
          },
          get color(): string {
            throw new NotLoaded('color');
          },
          clear() {
            each(0, (r) => r.format.fill.clear());
          },
        },
        font,
        set wrapText(v: boolean) {
          each(8, (r) => (r.format.wrapText = v));
        },
        get wrapText(): boolean {
          throw new NotLoaded('wrapText');
        },
        set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
          each(sizeOf(v), (r) => (r.format.horizontalAlignment = v));
        },
        get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
          throw new NotLoaded('horizontalAlignment');
        },
        verticalAlignment: 'Center',
        borders: {
          getItem: (e: Parameters<XlRange['format']['borders']['getItem']>[0]) => ({
            set style(v: Excel.RangeBorder['style']) {
              each(sizeOf(v), (r) => (r.format.borders.getItem(e).style = v));
            },
            get style(): Excel.RangeBorder['style'] {
              throw new NotLoaded('style');
            },
            color: '#000000',
          }),
        },
      },
    };
  }

  private namesCache: XlNamedItems | undefined;

  /** One proxy per worksheet object, as Office.js keeps it: what it loaded stays readable. */
  get names(): XlNamedItems {
    return (this.namesCache ??= namedItems(this.ctx, () => this.m().names));
  }

  get onChanged() {
    return {
      add: (h: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>): XlHandlerResult => {
        const ctx = this.ctx;
        ctx.queue(() => this.m().handlers.push(h), COMMAND_BYTES);
        return {
          context: ctx,
          // Queued on the context the handler was added in: syncing another context leaves it.
          remove: () =>
            ctx.queue(() => {
              const hs = this.m().handlers;
              if (hs.includes(h)) hs.splice(hs.indexOf(h), 1);
            }),
        };
      },
    };
  }

  get freezePanes() {
    return {
      freezeRows: (n?: number) =>
        this.write((m) => {
          // Excel activates the sheet to freeze it, and goes back: activation events fire.
          if (this.book.active !== m.name) this.book.activationEvents++;
          m.frozenRows = n ?? 0;
        }),
    };
  }

  private pageLayoutCache: XlWorksheet['pageLayout'] | undefined;

  /** One proxy per worksheet object, as Office.js keeps it: what it loaded stays readable. */
  get pageLayout(): XlWorksheet['pageLayout'] {
    if (!this.pageLayoutCache) this.pageLayoutCache = this.makePageLayout();
    return this.pageLayoutCache;
  }

  private makePageLayout(): XlWorksheet['pageLayout'] {
    const self = this;
    const w = (f: (m: FakeSheet) => void) => this.write(f);
    const loaded = new Map<string, unknown>();
    return {
      load(names?: string | string[]) {
        const props = propsOf(names);
        self.ctx.queue(() => {
          const m = self.m();
          if (props.includes('zoom') || props.includes('*'))
            loaded.set('zoom', { horizontalFitToPages: m.page.fitToWidth, verticalFitToPages: 0 });
          if (props.includes('orientation') || props.includes('*'))
            loaded.set('orientation', m.page.orientation);
          if (props.includes('paperSize') || props.includes('*')) loaded.set('paperSize', m.page.paperSize);
        });
        return this;
      },
      set orientation(v: any) {
        w((m) => (m.page.orientation = v));
      },
      get orientation(): any {
        if (!loaded.has('orientation')) throw new NotLoaded('orientation');
        return loaded.get('orientation');
      },
      set paperSize(v: any) {
        w((m) => (m.page.paperSize = v));
      },
      get paperSize(): any {
        if (!loaded.has('paperSize')) throw new NotLoaded('paperSize');
        return loaded.get('paperSize');
      },
      set zoom(z: Excel.PageLayoutZoomOptions) {
        w((m) => {
          const host = self.book.host;
          if (
            z.horizontalFitToPages !== undefined &&
            (host.fitIgnored || (host.fitNeedsActive && self.book.active !== m.name))
          )
            return;
          m.page.fitToWidth = z.horizontalFitToPages;
        });
      },
      get zoom(): Excel.PageLayoutZoomOptions {
        if (!loaded.has('zoom')) throw new NotLoaded('zoom');
        return loaded.get('zoom') as Excel.PageLayoutZoomOptions;
      },
      set centerHorizontally(v: boolean) {
        w((m) => (m.page.center = v));
      },
      get centerHorizontally(): boolean {
        throw new NotLoaded('centerHorizontally');
      },
      setPrintTitleRows: (rows: XlRange | string) => {
        w((m) => (m.page.printTitleRows = typeof rows === 'string' ? rows : ''));
      },
    };
  }

  copy(): XlWorksheet {
    let made: FakeSheet | null = null;
    this.write((src) => {
      const copy = (made = this.book.addSheet(this.book.uniqueName(`${src.name} (2)`)));
      for (const [k, v] of src.cells) copy.cells.set(k, { ...v, font: v.font ? { ...v.font } : undefined });
      copy.merges = src.merges.map((x) => ({ ...x }));
      copy.validations = src.validations.map((x) => ({ ...x }));
      copy.notes = new Map(src.notes);
      copy.frozenRows = src.frozenRows;
      copy.page = { ...src.page };
    });
    return new (this.constructor as typeof FakeWorksheetImpl)(this.book, this.ctx, () => made);
  }

  activate(): void {
    this.ctx.queue(() => (this.book.active = this.m().name), COMMAND_BYTES);
  }

  delete(): void {
    this.write((m) => (this.book.sheets = this.book.sheets.filter((s) => s !== m)));
  }
}

/** A worksheet proxy of an Office.js library that has notes (ExcelApi 1.18). */
class FakeWorksheetWithNotes extends FakeWorksheetImpl {
  get notes() {
    return {
      add: (cell: XlRange | string, content: any) => {
        this.ctx.queue(
          () => {
            if (!this.book.supports('1.18'))
              throw new FakeRichApiError('ApiNotFound', 'notes need ExcelApi 1.18.');
            const p =
              typeof cell === 'string'
                ? parseAddress(cell)
                : parseAddress((cell as FakeRangeImpl).localAddress());
            this.m().notes.set(`${p.r1},${p.c1}`, String(content));
            this.book.undoDepth = 0;
          },
          COMMAND_BYTES + sizeOf(content),
        );
      },
    };
  }
}

class FakeContext implements XlContext {
  private ops: { run: () => void; bytes: number }[] = [];
  private events: FakeChange[] = [];

  constructor(private readonly book: FakeWorkbook) {}

  private responseBytes = 0;

  /** What a load adds to the response, which has the same limit as the request. */
  respond(bytes: number): void {
    this.responseBytes += bytes;
  }

  queue(run: () => void, bytes = COMMAND_BYTES): void {
    this.ops.push({ run, bytes });
  }

  changed(sheet: FakeSheet, address: string, changeType: string) {
    if (this.book.enableEvents) this.events.push({ sheet: sheet.name, address, source: 'Local', changeType });
  }

  /** Add-in-wide and persistent: setting it is a command like any other, carried out at sync. */
  get runtime(): { enableEvents: boolean } {
    const ctx = this;
    return {
      get enableEvents(): boolean {
        throw new NotLoaded('enableEvents');
      },
      set enableEvents(v: boolean) {
        ctx.queue(() => (ctx.book.enableEvents = v), COMMAND_BYTES);
      },
    };
  }

  private sheetProxy(find: () => FakeSheet | null): FakeWorksheetImpl {
    return this.book.host.notesInLibrary
      ? new FakeWorksheetWithNotes(this.book, this, find)
      : new FakeWorksheetImpl(this.book, this, find);
  }

  get workbook(): XlWorkbook {
    const book = this.book;
    const ctx = this;
    const sheetsLoaded = { done: false, list: [] as XlWorksheet[] };
    const sheets: XlWorksheetCollection = {
      get items(): XlWorksheet[] {
        if (!sheetsLoaded.done) throw new NotLoaded('items');
        return sheetsLoaded.list;
      },
      load(names?: string | string[]) {
        const props = propsOf(names);
        ctx.queue(() => {
          sheetsLoaded.done = true;
          // 'items/name' loads each item's name (and id) in the same round trip; visibility only
          // when asked for ('items/visibility').
          sheetsLoaded.list = book.sheets.map((s) =>
            ctx
              .sheetProxy(() => s)
              .markLoaded({
                name: s.name,
                id: s.id,
                isNullObject: false,
                ...(props.some((p) => p === 'items/visibility' || p === '*') && { visibility: s.visibility }),
              }),
          );
        }, COMMAND_BYTES);
        return sheets;
      },
      getItemOrNullObject: (key: string) =>
        ctx.sheetProxy(
          () => book.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key) ?? null,
        ),
      getActiveWorksheet: () =>
        ctx.sheetProxy(() => book.sheets.find((s) => s.name === book.active) ?? book.sheets[0]),
      add: (name?: string) => {
        let made: FakeSheet | null = null;
        ctx.queue(
          () => {
            const n = name ?? book.uniqueName('Sheet1');
            const bad = sheetNameError(n, book.sheets);
            if (bad)
              throw new FakeRichApiError(
                /already exists/.test(bad) ? 'ItemAlreadyExists' : 'InvalidArgument',
                bad,
              );
            made = book.addSheet(n);
            book.undoDepth = 0;
          },
          COMMAND_BYTES + sizeOf(name),
        );
        return ctx.sheetProxy(() => made);
      },
    };
    let nameLoaded = false;
    return {
      get name(): string {
        if (!nameLoaded) throw new NotLoaded('name');
        return book.fileName;
      },
      load() {
        ctx.queue(() => {
          if (!book.supports('1.7'))
            throw new FakeRichApiError('ApiNotFound', 'Workbook.name needs ExcelApi 1.7.');
          nameLoaded = true;
        }, COMMAND_BYTES);
        return this;
      },
      names: namedItems(ctx, () => book.names),
      worksheets: sheets,
      settings: {
        add: (key: string, value: unknown) =>
          ctx.queue(
            () => book.settings.set(key, JSON.parse(JSON.stringify(value))),
            COMMAND_BYTES + sizeOf(value),
          ),
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
              ctx.queue(() => book.settings.set(key, v), COMMAND_BYTES);
            },
            load() {
              ctx.queue(() => (loaded = true), COMMAND_BYTES);
              return this;
            },
          };
        },
      },
      getSelectedRange: () => {
        const find = () => book.sheets.find((x) => x.name === book.selection.sheet) ?? book.sheets[0];
        return new FakeRangeImpl(book, ctx, find, () => {
          const s = book.selection;
          // getSelectedRange returns a single range; with several areas selected it fails.
          if ((s.areas ?? 1) > 1)
            throw new FakeRichApiError(
              'InvalidSelection',
              'The current selection is invalid for this operation.',
            );
          return { r1: s.r, c1: s.c, r2: s.r + s.rows - 1, c2: s.c + s.cols - 1 };
        });
      },
    };
  }

  // Async like Office.js's sync: callers await it, and errors arrive as a rejected promise.
  // eslint-disable-next-line @typescript-eslint/require-await
  async sync(): Promise<void> {
    this.book.syncCount++;
    const ops = this.ops.splice(0);
    if (this.book.syncCount === this.book.failSync)
      throw new FakeRichApiError('GeneralException', 'The request could not be completed.');
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.book.largestRequest = Math.max(this.book.largestRequest, bytes);
    if (bytes > this.book.host.payloadLimit) {
      throw new FakeRichApiError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${bytes} bytes) has exceeded the limit.`,
      );
    }
    let failure: Error | null = null;
    for (const op of ops) {
      try {
        op.run();
      } catch (e) {
        failure = e as Error; // the commands before it stay applied; the rest are dropped
        break;
      }
    }
    const events = this.events.splice(0);
    if (events.length) void this.book.fire(events);
    if (failure) throw failure;
    const response = this.responseBytes;
    this.responseBytes = 0;
    this.book.largestResponse = Math.max(this.book.largestResponse, response);
    if (response > this.book.host.payloadLimit) {
      throw new FakeRichApiError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${response} bytes) has exceeded the limit.`,
      );
    }
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  /** The file's name, as Workbook.name gives it. */
  fileName = '工作簿1.xlsx';
  /** Workbook-scoped defined names → formula, with the leading = as Excel gives it. */
  names = new Map<string, string>();
  active = '';
  selection: { sheet: string; r: number; c: number; rows: number; cols: number; areas?: number } = {
    sheet: '',
    r: 0,
    c: 0,
    rows: 1,
    cols: 1,
  };
  syncCount = 0;
  rangeAreasCalls = 0;
  /** Bytes of the largest request and response seen. */
  largestRequest = 0;
  largestResponse = 0;
  /** runtime.enableEvents: add-in-wide, persistent across batches. */
  enableEvents = true;
  /** Steps the user can undo: user edits add one, API writes clear them. */
  undoDepth = 0;
  /** Sheets activated behind the user's back (freezing panes on an inactive sheet). */
  activationEvents = 0;
  /** Batches refused because a cell was being edited. */
  cellEditRefusals = 0;
  /** The sync with this number (syncCount) fails as a lost connection would: nothing of it applied. */
  failSync: number | null = null;
  /** The user is typing in a cell (or composing with an IME). */
  editing = false;
  readonly host: FakeHost;
  private editWaiters: (() => void)[] = [];
  private nextId = 1;
  /** Listeners for the preview grid: something changed, redraw. */
  readonly listeners = new Set<() => void>();

  constructor(
    public apiVersion = '1.18',
    host: Partial<FakeHost> = {},
  ) {
    this.host = {
      notesInLibrary: true,
      delayForCellEdit: true,
      payloadLimit: 5 * 1024 * 1024,
      fitNeedsActive: false,
      fitIgnored: false,
      standardColumnPoints: 48,
      defaultFont: { name: '等线', size: 11 },
      ...host,
    };
  }

  supports(v: string): boolean {
    const [a, b] = v.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return x > a || (x === a && y >= b);
  }

  readonly requirements: XlRequirements = {
    isSetSupported: (name: string, min?: string) =>
      (name === 'ExcelApi' && this.supports(min ?? '1.1')) ||
      (name === 'DelayForCellEdit' && this.host.delayForCellEdit),
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
    for (let i = 2; this.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase()); i++)
      n = base.replace(/( \(\d+\))?$/, ` (${i})`);
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

  run: XlRun = async <T>(
    options: { delayForCellEdit?: boolean } | object,
    batch: (ctx: XlContext) => Promise<T>,
  ): Promise<T> => {
    const reuse = options instanceof FakeContext ? options : null;
    const delay =
      !reuse &&
      (options as { delayForCellEdit?: boolean }).delayForCellEdit === true &&
      this.host.delayForCellEdit;
    if (this.editing) {
      if (!delay) {
        this.cellEditRefusals++;
        throw new FakeRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      }
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    const ctx = reuse ?? new FakeContext(this);
    try {
      return await batch(ctx);
    } finally {
      this.notify();
    }
  };

  beginCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  /** A user typing or pasting values into the grid: values land as Excel would put them, and
   *  onChanged fires with the address, unless the add-in left events off. */
  userEdit(
    sheetName: string,
    r: number,
    c: number,
    values: unknown[][],
    source: 'Local' | 'Remote' = 'Local',
  ): Promise<void> {
    const s = this.sheet(sheetName);
    values.forEach((row, i) => row.forEach((v, j) => this.assign(s.ensure(r + i, c + j), v)));
    const rows = values.length;
    const cols = Math.max(...values.map((x) => x.length));
    const address = rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`;
    if (source === 'Local') this.undoDepth++;
    this.notify();
    return this.change(sheetName, address, 'RangeEdited', source);
  }

  /** A co-author's edit arriving from the server. */
  remoteEdit(sheetName: string, r: number, c: number, values: unknown[][]): Promise<void> {
    return this.userEdit(sheetName, r, c, values, 'Remote');
  }

  /** The user inserts `count` rows before row `at` (0-based): cells below move down. */
  insertRows(sheetName: string, at: number, count = 1): Promise<void> {
    const s = this.sheet(sheetName);
    s.cells = new Map(
      [...s.cells].map(([k, v]) => {
        const [r, c] = k.split(',').map(Number);
        return [`${r >= at ? r + count : r},${c}`, v];
      }),
    );
    s.notes = new Map(
      [...s.notes].map(([k, v]) => {
        const [r, c] = k.split(',').map(Number);
        return [`${r >= at ? r + count : r},${c}`, v];
      }),
    );
    this.notify();
    return this.change(sheetName, `${at + 1}:${at + count}`, 'RowInserted');
  }

  /** The user inserts `count` columns before column `at`: cells to the right move right. */
  insertColumns(sheetName: string, at: number, count = 1): Promise<void> {
    const s = this.sheet(sheetName);
    s.cells = new Map(
      [...s.cells].map(([k, v]) => {
        const [r, c] = k.split(',').map(Number);
        return [`${r},${c >= at ? c + count : c}`, v];
      }),
    );
    this.notify();
    return this.change(sheetName, `${columnLetter(at)}:${columnLetter(at + count - 1)}`, 'ColumnInserted');
  }

  /** Deliver one change event, as Excel would (nothing while events are off). */
  change(
    sheetName: string,
    address: string,
    changeType: string,
    source: 'Local' | 'Remote' = 'Local',
  ): Promise<void> {
    if (!this.enableEvents) return Promise.resolve();
    return this.fire([{ sheet: sheetName, address, source, changeType }]);
  }

  /** Handlers run after the sync that made the change, as Excel delivers events asynchronously. */
  fire(events: FakeChange[]): Promise<void> {
    const runs: Promise<unknown>[] = [];
    for (const e of events) {
      const s = this.sheets.find((x) => x.name === e.sheet);
      if (!s) continue;
      for (const h of [...s.handlers]) {
        const args = {
          address: e.address,
          worksheetId: s.id,
          changeType: e.changeType,
          source: e.source,
          type: 'WorksheetChanged',
        };
        runs.push(Promise.resolve().then(() => h(args as unknown as Excel.WorksheetChangedEventArgs)));
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
  load(sheetName: string, rows: unknown[][], at: { r: number; c: number } = { r: 0, c: 0 }): FakeSheet {
    const s = this.sheets.find((x) => x.name === sheetName) ?? this.addSheet(sheetName);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') {
          const cell = s.ensure(at.r + r, at.c + c);
          cell.numberFormat = typeof v === 'string' ? '@' : 'General';
          this.assign(cell, v);
        }
      }),
    );
    return s;
  }
}

export { a1, columnLetter, parseAddress };
