/**
 * Many received sheets into one list of entries in the target format: each sheet located (table
 * or form), validated and normalised, then appended and renumbered. Possible duplicates are
 * flagged and kept. The counts reconcile: rows read = rows written + rows left out.
 */
import { columnLetter } from './address';
import { cellText, isBlank, type CellValue } from './cell';
import { flagDuplicates } from './duplicates';
import { validatorFor, type Change, type Entry, type Issue, type Table, type Validator } from './engine';
import type { ColumnMatch, HeaderIndex } from './header';
import { formOnlyIssues, type FormOnlyValue } from './form';
import { placedIssue } from './issues';
import { locate, type Located, type LocatedForm } from './locate';
import type { Profile } from './profile';
import type { TbBase } from './quantity';
import { hasXmlForbidden, xmlSafe } from './text';

export { dropEntries, flagDuplicates } from './duplicates';

export interface InputSheet {
  file: string;
  sheet: string;
  rows: readonly (readonly CellValue[])[];
  /** What the reader noticed (hidden rows, undecodable lines, stray quotes): 1-based sheet row or
   *  null for the sheet; each becomes a warning at that row. */
  notes?: readonly { row: number | null; code: string; message: string }[];
  /** Word documents: the table cell behind each sheet cell, so a report says 「表1 第3行 第2列」. */
  origins?: readonly (readonly (CellOrigin | null)[])[];
}

/** A cell of a Word table, 1-based: table number in the document, row in the table, cell in the row. */
export interface CellOrigin {
  table: number;
  row: number;
  cell: number;
}

export const originText = (o: CellOrigin) => `表${o.table} 第${o.row}行 第${o.cell}列`;

export interface SourceRef {
  file: string;
  sheet: string;
  /** 1-based row in the received sheet; null for the sheet as a whole. */
  row: number | null;
  /** The received column's letter and header, when the issue is a cell's; for Word, 「表1 第3行 第2列」. */
  column: string | null;
  /** The sheet cell the value was read from (0-based), for writers that annotate a copy. */
  cell?: { row: number; col: number };
  /** Word documents: the table cell of `cell`. */
  origin?: CellOrigin;
}

/** 「第 3 行 B列「数据集名称」」 or 「表1 第3行 第2列」: where a person finds the value. */
export function placeText(s: SourceRef): string {
  return `${s.row ? `第 ${s.row} 行` : ''}${s.column ? `${s.row ? ' ' : ''}${s.column}` : ''}`;
}

export interface MergedIssue extends Issue {
  /** Index of the entry in the merged list (0-based), or null when the issue is not a row's. */
  entry: number | null;
  source: SourceRef;
}

/** Where issues go: a MergeResult's list, or a check's compact store. */
export interface IssueSink {
  push(issue: MergedIssue): unknown;
}

export interface MergedChange extends Change {
  entry: number | null;
  source: SourceRef;
}

export interface MergedEntry {
  entry: Entry;
  source: SourceRef;
}

export interface InputReport {
  file: string;
  sheet: string;
  kind: 'table' | 'form';
  /** 1-based header row in the sheet (null for forms). */
  headerRow: number | null;
  mapping: { column: string; header: string; target: string | null; how: string | null }[];
}

export interface MergeResult {
  inputs: InputReport[];
  entries: MergedEntry[];
  issues: MergedIssue[];
  changes: MergedChange[];
  /** Rows not written, each with its reason; a run of blank rows is one entry from row to toRow. */
  leftOut: { file: string; sheet: string; row: number; toRow?: number; reason: string }[];
  /** Sheets with nothing that looks like a table or a form (instructions, blank sheets). */
  skipped: { file: string; sheet: string; reason: string }[];
  rowsRead: number;
  rowsWritten: number;
}

export interface MergeOptions {
  tb?: TbBase;
  /** Column overrides per input, keyed `${file}\u0001${sheet}`: received column → target key. */
  mappings?: Record<string, Record<number, string | null>>;
  /** Check sheets as they stand (hqds check): keep each sheet's own 序号 and report it, no renumbering. */
  asTheyStand?: boolean;
  /** Value overrides chosen by a person: target key → original text → replacement. */
  valueMap?: Record<string, Record<string, string>>;
}

/** A merge of nothing: what a new, empty summary is planned from. */
export function emptyMergeResult(): MergeResult {
  return {
    inputs: [],
    entries: [],
    issues: [],
    changes: [],
    leftOut: [],
    skipped: [],
    rowsRead: 0,
    rowsWritten: 0,
  };
}

export function mergeSheets(
  profile: Profile,
  sheets: readonly InputSheet[],
  opts: MergeOptions = {},
): MergeResult {
  const validator = validatorFor(profile, opts.tb ?? 1024);
  const res = emptyMergeResult();
  for (const sheet of sheets) {
    const found = locate(validator.index, sheet.rows);
    if (found.kind === 'none') {
      res.skipped.push(skippedSheet(sheet, found.reason));
      continue;
    }
    mergeSheet(validator, sheet, found, opts, res);
  }
  cleanForXml(
    res,
    profile.columns.map((c) => c.label),
  );
  res.rowsWritten = res.entries.length;
  flagDuplicates(profile, res);
  return res;
}

/** A sheet with no table or form: locate's reason, or 「空工作表」 when it holds nothing. */
export function skippedSheet(sheet: InputSheet, reason: string): MergeResult['skipped'][number] {
  const hasContent = sheet.rows.some((r) => r.some((c) => !isBlank(c)));
  return { file: sheet.file, sheet: sheet.sheet, reason: hasContent ? reason : '空工作表' };
}

/** One located sheet validated and appended: its entries renumbered, its issues and changes pointed at them. */
function mergeSheet(
  validator: Validator,
  sheet: InputSheet,
  found: Exclude<Located, { kind: 'none' }>,
  opts: MergeOptions,
  res: MergeResult,
): void {
  const profile = validator.profile;
  const seqIndex = profile.columns.findIndex((c) => c.type === 'seq');
  const override = opts.mappings?.[`${sheet.file}\u0001${sheet.sheet}`];
  const mappingOverride = found.kind === 'form' ? { ...found.mapping, ...override } : override;
  const table = opts.valueMap
    ? applyValueMap(validator.index, found.table, opts.valueMap, mappingOverride)
    : found.table;
  const notCarried = found.kind === 'form' ? found.notCarried : undefined;
  const r = validator.validate(table, { tb: opts.tb, mapping: mappingOverride, notCarried });
  const headerRow = found.kind === 'table' ? found.headerRow + 1 : null;
  res.inputs.push(inputOf(sheet, found.kind, headerRow, r.mapping.columns));
  const base = res.entries.length;
  const entryOfRow = new Map<number, number>();
  r.entries.forEach((e, i) => entryOfRow.set(e.row, base + i));
  const { at, source, change } = sources(sheet, found, r.mapping.columns, headerRow);
  res.rowsRead += table.rows.length;
  const headerless = headerlessColumns(table, r.mapping.columns.length);
  for (const issue of headerless)
    res.issues.push({ ...issue, entry: null, source: at(-1, `${columnLetter(issue.col!)}列`) });
  for (const e of r.entries) {
    if (seqIndex >= 0 && !opts.asTheyStand) e.cells[seqIndex] = res.entries.length + 1;
    res.entries.push({ entry: e, source: sheet.origins ? source(e.row, null) : at(e.row, null) });
  }
  const renumbered = mergeIssues(r.issues, source, entryOfRow, opts, res);
  if (found.kind === 'form')
    formOnlyChecks(
      validator.profile,
      sheet,
      found.formOnly,
      (row) => entryOfRow.get(row) ?? null,
      res.issues,
    );
  if (found.kind === 'form' && !opts.asTheyStand) notCarriedWarnings(profile, found.notCarried, base, res);
  for (const { row, field, from, to, reason } of r.changes) {
    const entry = entryOfRow.get(row) ?? null;
    res.changes.push({ row, field, from, to, reason, entry, source: change(row, field) });
  }
  if (!opts.asTheyStand && (renumbered || (seqIndex >= 0 && base > 0))) {
    res.changes.push({
      row: -1,
      field: profile.columns[seqIndex]?.label ?? '序号',
      from: '原序号',
      to: `${base + 1}–${res.entries.length}`,
      reason: '合并后序号从 1 起连续重排',
      entry: null,
      source: { file: sheet.file, sheet: sheet.sheet, row: null, column: null },
    });
  }
  const where = (row: number) => (sheet.origins ? source(row, null).column : null);
  recordLeftOut(sheet, found, r.leftOut, at, where, res);
  if (sheet.notes?.length) readerNotes(sheet, entryAtRow(res.entries, base), res.issues);
}

/** What the report says of one input sheet: its kind, header row and how its columns were mapped. */
export function inputOf(
  sheet: InputSheet,
  kind: 'table' | 'form',
  headerRow: number | null,
  columns: readonly ColumnMatch[],
): MergeResult['inputs'][number] {
  const mapping = columns
    .filter((c) => c.header)
    .map((c) => ({ column: columnLetter(c.source), header: c.header, target: c.label, how: c.how }));
  return { file: sheet.file, sheet: sheet.sheet, kind, headerRow, mapping };
}

/** Building a summary from 附件1 forms: a required summary column the form never asks for (武汉's
 *  产生社会经济效益) is left empty, and the clerk is told so on each entry. Checking a form as it
 *  stands (the applicant's self-check) says nothing: the applicant was never asked for it. */
function notCarriedWarnings(
  profile: Profile,
  notCarried: readonly string[],
  base: number,
  res: MergeResult,
): void {
  const cols = profile.columns.filter((c) => c.required && c.type !== 'seq' && notCarried.includes(c.key));
  for (let i = base; i < res.entries.length; i++) {
    for (const col of cols) {
      const issue = placedIssue(
        'form-not-carried',
        { label: col.label },
        { row: -1, col: null, field: col.label },
      );
      res.issues.push({ ...issue, row: res.entries[i].entry.row, entry: i, source: res.entries[i].source });
    }
  }
}

/** The rows the engine left out and the lines around the table that locate set aside, in sheet order. */
export function recordLeftOut(
  sheet: InputSheet,
  found: Exclude<Located, { kind: 'none' }>,
  engineLeftOut: readonly { row: number; reason: string }[],
  at: (row: number, column: string | null) => SourceRef,
  where: (row: number) => string | null,
  res: Pick<MergeResult, 'leftOut' | 'rowsRead'>,
): void {
  const left = engineLeftOut.map((l) => {
    const cell = where(l.row);
    return { row: at(l.row, null).row ?? 0, reason: cell ? `${cell}：${l.reason}` : l.reason };
  });
  if (found.kind === 'table') {
    for (const l of found.leftOut) left.push({ row: l.row + 1, reason: l.reason });
    res.rowsRead += found.leftOut.length;
  }
  left.sort((a, b) => a.row - b.row);
  pushLeftOut(res, sheet.file, sheet.sheet, left);
}

/** The entry at each sheet row (1-based) among a sheet's entries, from `base` on. */
function entryAtRow(entries: readonly MergedEntry[], base: number): (row: number) => number | null {
  const entryAt = new Map<number, number>();
  for (let i = base; i < entries.length; i++) {
    const row = entries[i].source.row;
    if (row !== null) entryAt.set(row, i);
  }
  return (row) => entryAt.get(row) ?? null;
}

/** The reader's notes (hidden rows, undecodable lines…) as warnings at their rows. */
export function readerNotes(
  sheet: InputSheet,
  entryAt: (row: number) => number | null,
  issues: IssueSink,
): void {
  for (const n of sheet.notes ?? []) {
    issues.push({
      severity: 'warning',
      code: n.code as Issue['code'],
      message: n.message,
      row: -1,
      col: null,
      field: null,
      entry: n.row === null ? null : entryAt(n.row),
      source: { file: sheet.file, sheet: sheet.sheet, row: n.row, column: null },
    });
  }
}

/** Rows left out, a run of blank rows counted by its length (「略过 N 行」). */
export function rowsLeftOut(m: Pick<MergeResult, 'leftOut'>): number {
  return m.leftOut.reduce((a, l) => a + (l.toRow !== undefined ? l.toRow - l.row + 1 : 1), 0);
}

/** Left-out rows in sheet order; a run of consecutive blank rows becomes one entry (a stray cell at
 *  row 1,048,576 gives one range, not a million lines). */
function pushLeftOut(
  res: Pick<MergeResult, 'leftOut'>,
  file: string,
  sheet: string,
  left: { row: number; reason: string }[],
): void {
  for (let i = 0; i < left.length; i++) {
    const l = left[i];
    let j = i;
    if (l.reason === '空行')
      while (j + 1 < left.length && left[j + 1].reason === '空行' && left[j + 1].row === left[j].row + 1) j++;
    if (j > i) {
      res.leftOut.push({ file, sheet, row: l.row, toRow: left[j].row, reason: '空行' });
      i = j;
    } else res.leftOut.push({ file, sheet, row: l.row, reason: l.reason });
  }
}

/** Columns that hold values but have no header (blank, or past the header's last cell): reported,
 *  since nothing maps them and their values would otherwise vanish without a word. */
export function headerlessColumns(table: Table, mapped: number): Issue[] {
  const out: Issue[] = [];
  const counts = new Map<number, { n: number; first: string }>();
  const width = Math.max(mapped, table.header.length);
  for (const row of table.rows) {
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (c < width && !isBlank(table.header[c])) continue;
      const e = counts.get(c);
      if (e) e.n++;
      else counts.set(c, { n: 1, first: cellText(row[c]) });
    }
  }
  for (const [c, { n, first }] of [...counts].sort((a, b) => a[0] - b[0])) {
    const params = { column: columnLetter(c), count: n, first };
    out.push(placedIssue('column-no-header', params, { row: -1, col: c, field: null }));
  }
  return out;
}

/** Characters XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone
 *  surrogates) make a workbook Excel refuses to open. Replaced here, before any writer sees them:
 *  in values with a recorded change, in messages and names silently (they quote the same values). */
function cleanForXml(res: MergeResult, labels: readonly string[]): void {
  for (let i = 0; i < res.entries.length; i++)
    controlChars(res.entries[i], i, labels, res.issues, res.changes);
  for (const issue of res.issues) cleanIssue(issue);
  for (const change of res.changes) {
    if (typeof change.to === 'string') change.to = xmlSafe(change.to);
    // A reason quotes the value (「按通知写作…」) and is written to the change log sheet.
    change.reason = xmlSafe(change.reason);
  }
  for (const l of res.leftOut) l.reason = xmlSafe(l.reason);
}

/** One entry's values with forbidden characters replaced, each with its change (when changes are
 *  kept) and its issue. */
export function controlChars(
  m: MergedEntry,
  i: number,
  labels: readonly string[],
  issues: IssueSink,
  changes: MergedChange[] | null,
): void {
  const cells = m.entry.cells;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== 'string' || !hasXmlForbidden(v)) continue;
    const clean = xmlSafe(v);
    cells[c] = clean;
    const field = labels[c] ?? '';
    changes?.push({
      row: m.entry.row,
      field,
      from: v,
      to: clean,
      reason: '含有 Excel 文件不能保存的控制字符，已替换为「\ufffd」',
      entry: i,
      source: m.source,
    });
    const issue = placedIssue('control-char', { field }, { row: m.entry.row, col: null, field });
    issues.push({ ...issue, entry: i, source: m.source });
  }
}

/** An issue's texts with the characters XML forbids replaced (they quote the values). */
export function cleanIssue(issue: MergedIssue): MergedIssue {
  issue.message = xmlSafe(issue.message);
  if (issue.value !== undefined) issue.value = xmlSafe(issue.value);
  if (typeof issue.fix === 'string') issue.fix = xmlSafe(issue.fix);
  if (issue.field) issue.field = xmlSafe(issue.field);
  return issue;
}

/** What the places of a sheet's rows need, and no more: a check keeps it after the sheet's cells are gone. */
interface Place {
  file: string;
  sheet: string;
  origins: InputSheet['origins'];
  kind: 'table' | 'form';
  sheetRows: readonly number[];
  /** A form's value cells (LocatedForm.cells); null for a table. */
  cells: LocatedForm['cells'] | null;
}

/** The places of a sheet's rows, issues and changes (see sourceOf). */
export function sources(
  sheet: InputSheet,
  found: Exclude<Located, { kind: 'none' }>,
  columns: ColumnMatch[],
  headerRow: number | null,
) {
  const p: Place = {
    file: sheet.file,
    sheet: sheet.sheet,
    origins: sheet.origins,
    kind: found.kind,
    sheetRows: found.sheetRows,
    cells: found.kind === 'form' ? found.cells : null,
  };
  const at = (row: number, column: string | null): SourceRef => ({
    file: p.file,
    sheet: p.sheet,
    row: row < 0 ? headerRow : p.sheetRows[row] + 1,
    column,
  });
  const source = sourceOf(p, columns, at);
  // A form's or a Word document's change points at the value's own cell; a table row is enough for a sheet.
  const change = (row: number, field: string) => {
    const col = columns.findIndex((m) => m.label === field);
    return p.origins || p.kind === 'form' ? source(row, col >= 0 ? col : null) : at(row, null);
  };
  return { at, source, change };
}

/**
 * Where a person finds a value: a sheet table keeps the sheet's row and column; a form points at
 * the value's own cell (not its label); a Word document says 「表1 第3行 第2列」.
 */
function sourceOf(
  p: Place,
  columns: ColumnMatch[],
  at: (row: number, column: string | null) => SourceRef,
): (row: number, col: number | null) => SourceRef {
  const label = (col: number | null) => (col === null ? null : (columns[col]?.label ?? null));
  const named = (col: number | null) => (label(col) ? `「${label(col)}」` : '');
  // A table column's name (「C列「数据量」」) made once per column, not once per issue.
  const refs = new Map<number | null, string | null>();
  const ref = (c: number | null) => {
    let r = refs.get(c);
    if (r === undefined) refs.set(c, (r = columnRef(p.kind, columns, c)));
    return r;
  };
  return (row, col) => {
    const cell =
      row < 0 || col === null
        ? undefined
        : p.cells
          ? (p.cells[row]?.[col] ?? undefined)
          : { row: p.sheetRows[row], col };
    const base = { file: p.file, sheet: p.sheet };
    const origin = cell && p.origins?.[cell.row]?.[cell.col];
    if (origin)
      return {
        ...base,
        row: null,
        column: `${originText(origin)}${p.kind === 'form' ? named(col) : ''}`,
        cell,
        origin,
      };
    if (p.origins) {
      // A Word entry as a whole: the table row where it begins.
      const first = row >= 0 ? (p.origins[p.sheetRows[row]]?.find((o) => o) ?? undefined) : undefined;
      return {
        ...base,
        row: null,
        column: first ? `表${first.table} 第${first.row}行${named(col)}` : label(col),
        ...(first ? { origin: first } : {}),
      };
    }
    if (cell && p.kind === 'form')
      return { ...base, row: cell.row + 1, column: `${columnLetter(cell.col)}列${named(col)}`, cell };
    return at(row, ref(col));
  };
}

/** How an issue's column is named: 「C列「数据量」」 in a table, the field's label in a form. */
function columnRef(kind: 'table' | 'form', columns: ColumnMatch[], c: number | null): string | null {
  if (c === null) return null;
  const m: ColumnMatch | undefined = columns[c];
  return kind === 'form' ? (m?.label ?? null) : `${columnLetter(c)}列${m?.header ? `「${m.header}」` : ''}`;
}

/**
 * A sheet's issues pointed at the merged entries. Unless the sheets are checked as they stand, a
 * sheet's own 序号 does not matter once merged: its seq-renumbered issues are dropped, and the
 * return value says whether there were any (the merge records one change for them).
 */
function mergeIssues(
  issues: readonly Issue[],
  source: (row: number, col: number | null) => SourceRef,
  entryOfRow: ReadonlyMap<number, number>,
  opts: MergeOptions,
  res: MergeResult,
): boolean {
  let renumbered = false;
  for (const issue of issues) {
    if (issue.code === 'seq-renumbered' && !opts.asTheyStand) {
      renumbered = true;
      continue;
    }
    const { severity, code, message, row, col, field, value, fix, safe } = issue;
    res.issues.push({
      severity,
      code,
      message,
      row,
      col,
      field,
      value,
      fix,
      safe,
      entry: row >= 0 ? (entryOfRow.get(row) ?? null) : null,
      source: source(row, col),
    });
  }
  return renumbered;
}

/** Fields only a form has (统一社会信用代码, 数据集概况) are checked where they stand, at their own cell. */
export function formOnlyChecks(
  profile: Profile,
  sheet: InputSheet,
  values: readonly FormOnlyValue[],
  entryOf: (row: number) => number | null,
  issues: IssueSink,
): void {
  for (const v of values) {
    for (const issue of formOnlyIssues(profile, v)) {
      const origin = sheet.origins?.[v.at.row]?.[v.at.col] ?? undefined;
      const source: SourceRef = origin
        ? {
            file: sheet.file,
            sheet: sheet.sheet,
            row: null,
            column: `${originText(origin)}「${v.label}」`,
            cell: v.at,
            origin,
          }
        : {
            file: sheet.file,
            sheet: sheet.sheet,
            row: v.at.row + 1,
            column: `${columnLetter(v.at.col)}列「${v.label}」`,
            cell: v.at,
          };
      const { severity, code, message, value, fix, safe } = issue;
      issues.push({
        severity,
        code,
        message,
        row: v.row,
        col: null,
        field: v.label,
        value,
        fix,
        safe,
        entry: entryOf(v.row),
        source,
      });
    }
  }
}

/** A person's choices for unknown values, keyed by target column; the engine then checks them as usual. */
function applyValueMap(
  index: HeaderIndex,
  table: Table,
  valueMap: Record<string, Record<string, string>>,
  override?: Record<number, string | null>,
): Table {
  const header = table.header;
  const colKeys = header.map((h, i) =>
    override && i in override ? override[i] : index.match(cellText(h)).key,
  );
  return {
    header,
    rows: table.rows.map((row) =>
      row.map((cell, c) => {
        const key = colKeys[c];
        const m = key ? valueMap[key] : undefined;
        if (!m || typeof cell !== 'string') return cell;
        return m[cell.trim()] ?? cell;
      }),
    ),
  };
}
