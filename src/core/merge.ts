/**
 * Many received sheets into one list of entries in the target format: each sheet located (table
 * or form), validated and normalised, then appended and renumbered. Possible duplicates are
 * flagged and kept. The counts reconcile: rows read = rows written + rows left out.
 */
import { columnLetter } from './address';
import type { CellValue } from './cell';
import { flagDuplicates } from './duplicates';
import { validatorFor, type Change, type Entry, type Issue, type Table, type Validator } from './engine';
import type { ColumnMatch, HeaderIndex } from './header';
import { locate, type Located } from './locate';
import type { Profile } from './profile';
import type { TbBase } from './quantity';

export { dropEntries, flagDuplicates } from './duplicates';

export interface InputSheet {
  file: string;
  sheet: string;
  rows: readonly (readonly CellValue[])[];
}

export interface SourceRef {
  file: string;
  sheet: string;
  /** 1-based row in the received sheet; null for the sheet as a whole. */
  row: number | null;
  /** The received column's letter and header, when the issue is a cell's. */
  column: string | null;
}

export interface MergedIssue extends Issue {
  /** Index of the entry in the merged list (0-based), or null when the issue is not a row's. */
  entry: number | null;
  source: SourceRef;
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
  leftOut: { file: string; sheet: string; row: number; reason: string }[];
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


export function mergeSheets(profile: Profile, sheets: readonly InputSheet[], opts: MergeOptions = {}): MergeResult {
  const validator = validatorFor(profile, opts.tb ?? 1024);
  const res: MergeResult = {
    inputs: [], entries: [], issues: [], changes: [], leftOut: [], skipped: [], rowsRead: 0, rowsWritten: 0,
  };
  for (const sheet of sheets) {
    const found = locate(validator.index, sheet.rows);
    if (found.kind === 'none') {
      const hasContent = sheet.rows.some((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
      res.skipped.push({ file: sheet.file, sheet: sheet.sheet, reason: hasContent ? found.reason : '空工作表' });
      continue;
    }
    mergeSheet(validator, sheet, found, opts, res);
  }
  res.rowsWritten = res.entries.length;
  flagDuplicates(profile, res);
  return res;
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
  const r = validator.validate(table, { tb: opts.tb, mapping: mappingOverride });
  const headerRow = found.kind === 'table' ? found.headerRow + 1 : null;
  res.inputs.push({
    file: sheet.file,
    sheet: sheet.sheet,
    kind: found.kind,
    headerRow,
    mapping: r.mapping.columns
      .filter((c) => c.header)
      .map((c) => ({ column: columnLetter(c.source), header: c.header, target: c.label, how: c.how })),
  });
  const base = res.entries.length;
  const entryOfRow = new Map<number, number>();
  r.entries.forEach((e, i) => entryOfRow.set(e.row, base + i));
  const at = (row: number, column: string | null): SourceRef => ({
    file: sheet.file,
    sheet: sheet.sheet,
    row: row < 0 ? headerRow : found.sheetRows[row] + 1,
    column,
  });
  res.rowsRead += table.rows.length;
  for (const e of r.entries) {
    if (seqIndex >= 0 && !opts.asTheyStand) e.cells[seqIndex] = res.entries.length + 1;
    res.entries.push({ entry: e, source: at(e.row, null) });
  }
  const renumbered = mergeIssues(r.issues, (c) => columnRef(found, r.mapping.columns, c), entryOfRow, at, opts, res);
  for (const c of r.changes) {
    const { row, field, from, to, reason } = c;
    res.changes.push({ row, field, from, to, reason, entry: entryOfRow.get(c.row) ?? null, source: at(c.row, null) });
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
  for (const l of r.leftOut) {
    res.leftOut.push({ file: sheet.file, sheet: sheet.sheet, row: at(l.row, null).row ?? 0, reason: l.reason });
  }
}

/** How an issue's column is named: 「C列「数据量」」 in a table, the field's label in a form. */
function columnRef(found: Exclude<Located, { kind: 'none' }>, columns: ColumnMatch[], c: number | null): string | null {
  if (c === null) return null;
  const m: ColumnMatch | undefined = columns[c];
  return found.kind === 'form' ? m?.label ?? null : `${columnLetter(c)}列${m?.header ? `「${m.header}」` : ''}`;
}

/**
 * A sheet's issues pointed at the merged entries. Unless the sheets are checked as they stand, a
 * sheet's own 序号 does not matter once merged: its seq-renumbered issues are dropped, and the
 * return value says whether there were any (the merge records one change for them).
 */
function mergeIssues(
  issues: readonly Issue[],
  column: (c: number | null) => string | null,
  entryOfRow: ReadonlyMap<number, number>,
  at: (row: number, column: string | null) => SourceRef,
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
      severity, code, message, row, col, field, value, fix, safe,
      entry: row >= 0 ? entryOfRow.get(row) ?? null : null,
      source: at(row, column(col)),
    });
  }
  return renumbered;
}

/** A person's choices for unknown values, keyed by target column; the engine then checks them as usual. */
function applyValueMap(index: HeaderIndex, table: Table, valueMap: Record<string, Record<string, string>>, override?: Record<number, string | null>): Table {
  const header = table.header;
  const colKeys = header.map((h, i) => (override && i in override ? override[i] : index.match(String(h ?? '')).key));
  return {
    header,
    rows: table.rows.map((row) => row.map((cell, c) => {
      const key = colKeys[c];
      const m = key ? valueMap[key] : undefined;
      if (!m || typeof cell !== 'string') return cell;
      return m[cell.trim()] ?? cell;
    })),
  };
}
