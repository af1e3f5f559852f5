/**
 * The part of the Excel JavaScript API the adapter uses, as interfaces. The real API satisfies
 * them (checked at compile time below, against @types/office-js), and so does the in-memory fake
 * (src/excel/fake.ts) that tests and the preview run on. The adapter can call nothing else.
 */

/* eslint-disable @typescript-eslint/no-explicit-any --
   These members mirror Office.js's, which are typed `any` (values, numberFormat, settings); the
   assertions at the end check the real API against them, so they must not be narrower. */

export type XlValue = string | number | boolean;

export interface XlLoadable {
  load(propertyNames?: string | string[]): unknown;
}

export interface XlFill {
  color: string;
  clear(): void;
}

export interface XlFont {
  /** Reading fonts back (learning a template): name, size, bold. */
  load(propertyNames?: string | string[]): unknown;
  name: string;
  size: number;
  bold: boolean;
  color: string;
}

export interface XlBorder {
  style: Excel.RangeBorder['style'];
  color: string;
}

export interface XlRangeFormat extends XlLoadable {
  fill: XlFill;
  font: XlFont;
  wrapText: boolean;
  horizontalAlignment: Excel.RangeFormat['horizontalAlignment'];
  verticalAlignment: Excel.RangeFormat['verticalAlignment'];
  rowHeight: number;
  columnWidth: number;
  borders: {
    getItem(
      index: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal',
    ): XlBorder;
  };
}

export interface XlDataValidation {
  /** ExcelApi 1.8: read back as Excel holds it ('Inconsistent' over cells with different rules). */
  load(propertyNames?: string | string[]): unknown;
  readonly type: string;
  clear(): void;
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt;
}

export interface XlRange extends XlLoadable {
  values: any[][];
  numberFormat: any[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  merge(across?: boolean): void;
  select(): void;
  getCell(row: number, column: number): XlRange;
  /** ExcelApi 1.13: the merged areas in the range, as one RangeAreas ("Sheet1!A1:C1, Sheet1!A2:A3"). */
  getMergedAreasOrNullObject(): {
    load(propertyNames?: string | string[]): unknown;
    readonly address: string;
    readonly isNullObject: boolean;
  };
  /** ExcelApi 1.4: null object when the ranges do not overlap. */
  getIntersectionOrNullObject(anotherRange: XlRange | string): XlRange & { readonly isNullObject: boolean };
}

/** ExcelApi 1.9: several ranges formatted by one command. */
export interface XlRangeAreas {
  readonly format: Omit<XlRangeFormat, 'rowHeight' | 'columnWidth' | 'load'>;
}

export interface XlWorksheetChangedEvent {
  address: string;
  worksheetId: string;
  changeType: Excel.DataChangeType | string;
  source: Excel.EventSource | string;
}

/** What onChanged.add returns: removing the handler must go through `context`, the request context
 *  it was added in (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler). */
export interface XlHandlerResult {
  remove(): void;
  readonly context: object;
}

export interface XlWorksheet extends XlLoadable {
  readonly id: string;
  /** ExcelApi 1.7: the default column width in characters of the Normal style's digit. */
  readonly standardWidth: number;
  name: string;
  readonly isNullObject: boolean;
  visibility: Excel.Worksheet['visibility'];
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange & { readonly isNullObject: boolean };
  /** The used range, or A1 on a blank sheet (never a null object). */
  getUsedRange(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.9 */
  getRanges(address?: string): XlRangeAreas;
  /** ExcelApi 1.4: the names scoped to this sheet. */
  readonly names: XlNamedItems;
  readonly onChanged: {
    add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<any>): XlHandlerResult;
  };
  readonly freezePanes: { freezeRows(count?: number): void };
  /** ExcelApi 1.9 */
  readonly pageLayout: {
    load(propertyNames?: string | string[]): unknown;
    orientation: Excel.PageLayout['orientation'];
    paperSize: Excel.PageLayout['paperSize'];
    zoom: Excel.PageLayoutZoomOptions;
    centerHorizontally: boolean;
    setPrintTitleRows(rows: XlRange | string): void;
  };
  /** ExcelApi 1.18, and only in an Office.js library new enough to have it: the npm package
   *  @microsoft/office-js 1.1.110 (2022) has no Worksheet.notes, whatever the host supports. */
  readonly notes?: { add(cellAddress: XlRange | string, content: any): unknown };
  /** ExcelApi 1.7 */
  copy(positionType?: Parameters<Excel.Worksheet['copy']>[0], relativeTo?: XlWorksheet): XlWorksheet;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlSetting {
  readonly isNullObject: boolean;
  value: any;
  load(propertyNames?: string | string[]): unknown;
}

/** A defined name (ExcelApi 1.1; formula 1.7): "=Sheet2!$A$1:$A$9", always with the leading "=". */
export interface XlNamedItem {
  readonly name: string;
  formula: any;
  readonly type: string;
  visible: boolean;
}

export interface XlNamedItems {
  load(propertyNames?: string | string[]): unknown;
  readonly items: XlNamedItem[];
}

export interface XlWorkbook {
  /** The file's name (ExcelApi 1.7), e.g. 「附件2汇总表.xlsx」. */
  readonly name: string;
  load(propertyNames?: string | string[]): unknown;
  readonly worksheets: XlWorksheetCollection;
  /** Workbook-scoped defined names. */
  readonly names: XlNamedItems;
  readonly settings: { add(key: string, value: any): unknown; getItemOrNullObject(key: string): XlSetting };
  getSelectedRange(): XlRange;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

/** Excel.run(options, batch) or Excel.run(context, batch) (to reuse the context a handler was added
 *  in), or the fake's. The adapter passes delayForCellEdit, so on hosts that honour it a batch waits
 *  while the user is typing in a cell instead of failing. */
export type XlRun = <T>(
  options: { delayForCellEdit?: boolean } | object,
  batch: (context: XlContext) => Promise<T>,
) => Promise<T>;

/** Which requirement sets the host supports (Office.context.requirements, or the fake's). */
export interface XlRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

// Compile-time proof that the real API satisfies these interfaces: if @types/office-js and these
// disagree (a renamed member, another signature), the build fails here, not in a clerk's Excel.
type Assert<T extends true> = T;
export type RealContextFits = Assert<Excel.RequestContext extends XlContext ? true : false>;
export type RealRangeFits = Assert<Excel.Range extends XlRange ? true : false>;
export type RealSheetFits = Assert<Excel.Worksheet extends XlWorksheet ? true : false>;
