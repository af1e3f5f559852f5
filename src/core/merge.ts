/**
 * Many received sheets into one list of entries in the target format: each sheet located (table
 * or form), validated and normalised, then appended and renumbered. Possible duplicates are
 * flagged and kept. The counts reconcile: rows read = rows written + rows left out.
 */
import { columnLetter } from './address';
import { cellText, isBlank, type CellValue } from './cell';
import { validatorFor, type Change, type Entry, type Issue, type CellOut, type Table } from './engine';
import type { ColumnMatch, HeaderIndex } from './header';
import { locate } from './locate';
import type { Profile } from './profile';
import type { TbBase } from './quantity';
import { hasXmlForbidden, labelKey, quote, xmlSafe } from './text';

export interface InputSheet {
  file: string;
  sheet: string;
  rows: readonly (readonly CellValue[])[];
  /** What the reader noticed (hidden rows, undecodable lines, stray quotes): 1-based sheet row or
   *  null for the sheet; each becomes a warning at that row. */
  notes?: readonly { row: number | null; code: string; message: string }[];
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
    res.rowsRead += table.rows.length;
    for (const is of headerlessColumns(table, r.mapping.columns.length)) {
      res.issues.push({ ...is, entry: null, source: { file: s.file, sheet: s.sheet, row: headerRow, column: `${columnLetter(is.col!)}列` } });
    }
    for (const e of r.entries) {
      if (seqIdx >= 0 && !opts.asTheyStand) e.cells[seqIdx] = res.entries.length + 1;
      res.entries.push({ entry: e, source: { file: s.file, sheet: s.sheet, row: sheetRow(e.row), column: null } });
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
        source: { file: s.file, sheet: s.sheet, row: sheetRow(is.row), column: colRef(is.col) },
      });
    }
    for (const c of r.changes) {
      res.changes.push({ row: c.row, field: c.field, from: c.from, to: c.to, reason: c.reason, entry: entryOfRow.get(c.row) ?? null, source: { file: s.file, sheet: s.sheet, row: sheetRow(c.row), column: null } });
    }
    if (!opts.asTheyStand && (renumbered || (seqIdx >= 0 && base > 0))) {
      res.changes.push({ row: -1, field: profile.columns[seqIdx]?.label ?? '序号', from: '原序号', to: `${base + 1}–${res.entries.length}`, reason: '合并后序号从 1 起连续重排', entry: null, source: { file: s.file, sheet: s.sheet, row: null, column: null } });
    }
    const left: { row: number; reason: string }[] = r.leftOut.map((l) => ({ row: sheetRow(l.row) ?? 0, reason: l.reason }));
    if (found.kind === 'table') {
      for (const l of found.leftOut) left.push({ row: l.row + 1, reason: l.reason });
      res.rowsRead += found.leftOut.length;
    }
    left.sort((a, b) => a.row - b.row);
    pushLeftOut(res, s.file, s.sheet, left);
    if (s.notes?.length) {
      const entryAt = new Map<number, number>();
      for (let i = base; i < res.entries.length; i++) if (res.entries[i].source.row !== null) entryAt.set(res.entries[i].source.row!, i);
      for (const n of s.notes) {
        res.issues.push({ severity: 'warning', code: n.code, message: n.message, row: -1, col: null, field: null, entry: n.row === null ? null : entryAt.get(n.row) ?? null, source: { file: s.file, sheet: s.sheet, row: n.row, column: null } });
      }
    }
  }
  cleanForXml(res, profile.columns.map((c) => c.label));
  res.rowsWritten = res.entries.length;
  flagDuplicates(profile, res);
  return res;
}

/** Left-out rows in sheet order; a run of consecutive blank rows becomes one entry (a stray cell at
 *  row 1,048,576 gives one range, not a million lines). */
function pushLeftOut(res: MergeResult, file: string, sheet: string, left: { row: number; reason: string }[]): void {
  for (let i = 0; i < left.length; i++) {
    const l = left[i];
    let j = i;
    if (l.reason === '空行') while (j + 1 < left.length && left[j + 1].reason === '空行' && left[j + 1].row === left[j].row + 1) j++;
    if (j > i) {
      res.leftOut.push({ file, sheet, row: l.row, toRow: left[j].row, reason: '空行' });
      res.rowsRead -= j - i; // a run of blank rows counts once, as the one entry it is
      i = j;
    } else res.leftOut.push({ file, sheet, row: l.row, reason: l.reason });
  }
}

/** Columns that hold values but have no header (blank, or past the header's last cell): reported,
 *  since nothing maps them and their values would otherwise vanish without a word. */
function headerlessColumns(table: Table, mapped: number): Issue[] {
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
    out.push({
      severity: 'warning',
      code: 'column-no-header',
      message: `第 ${columnLetter(c)} 列没有表头，但有 ${n} 行填了内容（如${quote(first)}）：这些内容不会写入汇总表，请补上表头或在映射中指定。`,
      row: -1,
      col: c,
      field: null,
    });
  }
  return out;
}

/** Characters XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone
 *  surrogates) make a workbook Excel refuses to open. Replaced here, before any writer sees them:
 *  in values with a recorded change, in messages and names silently (they quote the same values). */
function cleanForXml(res: MergeResult, labels: readonly string[]): void {
  for (let i = 0; i < res.entries.length; i++) {
    const m = res.entries[i];
    const cells = m.entry.cells;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'string' || !hasXmlForbidden(v)) continue;
      const clean = xmlSafe(v);
      cells[c] = clean;
      const field = labels[c] ?? '';
      res.changes.push({ row: m.entry.row, field, from: v, to: clean, reason: '含有 Excel 文件不能保存的控制字符，已替换为「\ufffd」', entry: i, source: m.source });
      res.issues.push({ severity: 'warning', code: 'control-char', message: `「${field}」含有不可见的控制字符，已替换为「\ufffd」：请核对原文。`, row: m.entry.row, col: null, field, entry: i, source: m.source });
    }
  }
  for (const is of res.issues) {
    is.message = xmlSafe(is.message);
    if (is.value !== undefined) is.value = xmlSafe(is.value);
    if (typeof is.fix === 'string') is.fix = xmlSafe(is.fix);
    if (is.field) is.field = xmlSafe(is.field);
  }
  for (const ch of res.changes) if (typeof ch.to === 'string') ch.to = xmlSafe(ch.to);
  for (const l of res.leftOut) l.reason = xmlSafe(l.reason);
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
        message: `可能与汇总第 ${b + 1} 条（${other.source.file} ${other.source.sheet} 第 ${other.source.row} 行）重复：${label}和单位都相同。两条都已保留，请核实后删去多余的一条。`,
        row: res.entries[a].entry.row,
        col: null,
        field: label,
        entry: a,
        source: res.entries[a].source,
      });
    }
  });
}
