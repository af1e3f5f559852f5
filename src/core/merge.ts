/**
 * Many received sheets into one list of entries in the target format: each sheet located (table
 * or form), validated and normalised, then appended and renumbered. Possible duplicates are
 * flagged and kept. The counts reconcile: rows read = rows written + rows left out.
 */
import { columnLetter } from './address';
import type { CellValue } from './cell';
import { validatorFor, type Change, type Entry, type Issue, type CellOut, type Table } from './engine';
import type { ColumnMatch, HeaderIndex } from './header';
import { locate } from './locate';
import type { Profile } from './profile';
import type { TbBase } from './quantity';
import { labelKey } from './text';

export interface InputSheet {
  file: string;
  sheet: string;
  rows: readonly (readonly CellValue[])[];
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
  const v = validatorFor(profile, opts.tb ?? 1024);
  const res: MergeResult = { inputs: [], entries: [], issues: [], changes: [], leftOut: [], skipped: [], rowsRead: 0, rowsWritten: 0 };
  const seqIdx = profile.columns.findIndex((c) => c.type === 'seq');
  for (const s of sheets) {
    const found = locate(v.index, s.rows);
    if (found.kind === 'none') {
      const hasContent = s.rows.some((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
      res.skipped.push({ file: s.file, sheet: s.sheet, reason: hasContent ? found.reason : '空工作表' });
      continue;
    }
    const override = opts.mappings?.[`${s.file}\u0001${s.sheet}`];
    const mappingOverride = found.kind === 'form' ? { ...found.mapping, ...override } : override;
    const table = opts.valueMap ? applyValueMap(v.index, found.table, opts.valueMap, mappingOverride) : found.table;
    const r = v.validate(table, { tb: opts.tb, mapping: mappingOverride });
    const headerRow = found.kind === 'table' ? found.headerRow + 1 : null;
    const colRef = (c: number | null): string | null => {
      if (c === null) return null;
      const m: ColumnMatch | undefined = r.mapping.columns[c];
      return found.kind === 'form' ? m?.label ?? null : `${columnLetter(c)}列${m?.header ? `「${m.header}」` : ''}`;
    };
    res.inputs.push({
      file: s.file,
      sheet: s.sheet,
      kind: found.kind,
      headerRow,
      mapping: r.mapping.columns.filter((c) => c.header).map((c) => ({ column: columnLetter(c.source), header: c.header, target: c.label, how: c.how })),
    });
    const base = res.entries.length;
    const entryOfRow = new Map<number, number>();
    r.entries.forEach((e, i) => entryOfRow.set(e.row, base + i));
    const sheetRow = (row: number) => (row < 0 ? (headerRow ?? null) : found.sheetRows[row] + 1);
    // The received cell behind a table row and column: forms record it per value; tables keep the sheet's columns.
    const cellOf = (row: number, col: number | null): { row: number; col: number } | undefined => {
      if (row < 0 || col === null) return undefined;
      if (found.kind === 'form') return found.cells[row]?.[col] ?? undefined;
      return { row: found.sheetRows[row], col };
    };
    const label = (col: number | null) => (col === null ? null : r.mapping.columns[col]?.label ?? null);
    const sourceOf = (row: number, col: number | null): SourceRef => {
      const cell = cellOf(row, col);
      const origin = cell && s.origins?.[cell.row]?.[cell.col];
      if (origin) return { file: s.file, sheet: s.sheet, row: null, column: `${originText(origin)}${found.kind === 'form' && label(col) ? `「${label(col)}」` : ''}`, cell, origin };
      if (s.origins) {
        // A Word entry as a whole: the table row where it begins.
        const first = row >= 0 ? s.origins[found.sheetRows[row]]?.find((o) => o) : undefined;
        return { file: s.file, sheet: s.sheet, row: null, column: first ? `表${first.table} 第${first.row}行${label(col) ? `「${label(col)}」` : ''}` : label(col), origin: first ?? undefined };
      }
      if (cell && found.kind === 'form') return { file: s.file, sheet: s.sheet, row: cell.row + 1, column: `${columnLetter(cell.col)}列${label(col) ? `「${label(col)}」` : ''}`, cell };
      // A spreadsheet table: row and column are the sheet's own (cell adds nothing).
      return { file: s.file, sheet: s.sheet, row: sheetRow(row), column: colRef(col) };
    };
    res.rowsRead += table.rows.length;
    for (const e of r.entries) {
      if (seqIdx >= 0 && !opts.asTheyStand) e.cells[seqIdx] = res.entries.length + 1;
      res.entries.push({ entry: e, source: s.origins ? sourceOf(e.row, null) : { file: s.file, sheet: s.sheet, row: sheetRow(e.row), column: null } });
    }
    let renumbered = false;
    for (const is of r.issues) {
      if (is.code === 'seq-renumbered' && !opts.asTheyStand) {
        renumbered = true;
        continue;
      }
      res.issues.push({
        severity: is.severity, code: is.code, message: is.message, row: is.row, col: is.col, field: is.field, value: is.value, fix: is.fix, safe: is.safe,
        entry: is.row >= 0 ? entryOfRow.get(is.row) ?? null : null,
        source: sourceOf(is.row, is.col),
      });
    }
    for (const c of r.changes) {
      const col = r.mapping.columns.findIndex((m) => m.label === c.field);
      res.changes.push({ row: c.row, field: c.field, from: c.from, to: c.to, reason: c.reason, entry: entryOfRow.get(c.row) ?? null, source: s.origins || found.kind === 'form' ? sourceOf(c.row, col >= 0 ? col : null) : { file: s.file, sheet: s.sheet, row: sheetRow(c.row), column: null } });
    }
    if (!opts.asTheyStand && (renumbered || (seqIdx >= 0 && base > 0))) {
      res.changes.push({ row: -1, field: profile.columns[seqIdx]?.label ?? '序号', from: '原序号', to: `${base + 1}–${res.entries.length}`, reason: '合并后序号从 1 起连续重排', entry: null, source: { file: s.file, sheet: s.sheet, row: null, column: null } });
    }
    for (const l of r.leftOut) {
      const where = s.origins ? sourceOf(l.row, null).column : null;
      res.leftOut.push({ file: s.file, sheet: s.sheet, row: sheetRow(l.row) ?? 0, reason: where ? `${where}：${l.reason}` : l.reason });
    }
  }
  res.rowsWritten = res.entries.length;
  flagDuplicates(profile, res);
  return res;
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

/** Same dataset and applicant after normalisation: flag both rows, keep both. */
export function flagDuplicates(profile: Profile, res: MergeResult): void {
  const nameKey = ['name', 'projectName'].find((k) => profile.columns.some((c) => c.key === k));
  const ownerKey = ['applicant', 'builder'].find((k) => profile.columns.some((c) => c.key === k));
  if (!nameKey) return;
  const seen = new Map<string, number>();
  const text = (v: CellOut) => labelKey(String(v ?? ''));
  res.entries.forEach((m, i) => {
    const name = text(m.entry.get(nameKey));
    if (!name) return;
    const key = `${name}\u0001${ownerKey ? text(m.entry.get(ownerKey)) : ''}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    const label = profile.columns.find((c) => c.key === nameKey)!.label;
    for (const [a, b] of [[i, first], [first, i]] as const) {
      const other = res.entries[b];
      res.issues.push({
        severity: 'warning',
        code: 'possible-duplicate',
        message: `可能与汇总第 ${b + 1} 条（${other.source.file} ${other.source.sheet} ${placeText(other.source)}）重复：${label}和单位都相同。两条都已保留，请核实后删去多余的一条。`,
        row: res.entries[a].entry.row,
        col: null,
        field: label,
        entry: a,
        source: res.entries[a].source,
      });
    }
  });
}
