/**
 * The table's region on a sheet: from the header row down to the row before the first note. Lines
 * above the header (title, 推荐单位) and notes below the table (the format's footnote, the
 * conversion note, any 「注：」 line) are the sheet's own text: never validated, imported, filled,
 * converted or overwritten. Empty template rows (only 序号, or only borders) are not entries.
 */
import { cellText, isBlank, type CellValue } from './cell';
import type { HeaderIndex } from './header';
import { mapHeader } from './header';
import { locate } from './locate';
import type { Table } from './engine';
import type { Profile } from './profile';
import { PROFILES } from './profiles';
import { labelKey } from './text';

/** 「注：…」「说明：」「填表人：」「附件2」 and the conversion note 「数据量按 1TB=1024GB 换算」. */
const NOTE_TEXT =
  /^(注|说明|备注|填表|填报|审核|负责人|制表)\s*\d*\s*[：:]|^附件\s*\d|^注\s*\d|数据量按\s*1\s*TB\s*=/;

let footnotes: Set<string> | null = null;
/** Every format's own footnote (武汉's 「结构化数据以行/条为单位…」 has no 「注：」 in front). */
function knownFootnotes(): Set<string> {
  footnotes ??= new Set(
    PROFILES.map((p) => p.sheet.footnote)
      .filter((f): f is string => !!f)
      .map(labelKey),
  );
  return footnotes;
}

/** Whether a row is a note: one text (merged cells hand it over once), a footnote or a 「注：」 line. */
export function isNoteRow(row: readonly CellValue[] | undefined, profile?: Profile): boolean {
  if (!row) return false;
  let text: string | null = null;
  for (const c of row) {
    if (isBlank(c)) continue;
    const t = cellText(c).trim();
    if (text !== null && t !== text) return false; // two different texts: a data row
    text = t;
  }
  if (text === null || typeof text !== 'string') return false;
  if (NOTE_TEXT.test(text)) return true;
  const k = labelKey(text);
  if (profile?.sheet.footnote && labelKey(profile.sheet.footnote) === k) return true;
  return knownFootnotes().has(k);
}

export interface TableRegion {
  /** 0-based sheet rows: the header's (upper) row, and the first row below the whole header. */
  headerRow: number;
  firstDataRow: number;
  /** Each header column's label row (a two-level header's sub-labels are in its lower row). */
  labelRows: number[];
  /** The last row of the table (the row before the first note, or the last used row); below
   *  firstDataRow when the table has no rows yet. */
  lastDataRow: number;
  /** The first note row below the table, or null when there is none. */
  notesFrom: number | null;
  /** Rows of the table that can hold entries: not blank, not a template row holding only 序号. */
  entryRows: number[];
  /** The table to validate: the header and the entry rows. */
  table: Table;
}

/** The region of the table on a sheet whose values start at A1, or null when no header is found. */
export function findRegion(index: HeaderIndex, rows: readonly (readonly CellValue[])[]): TableRegion | null {
  const found = locate(index, rows);
  if (found.kind !== 'table') return null;
  const headerRow = found.headerRow;
  // locate folds a units line, or the lower row of a two-level header, into the header; the data starts after it.
  const firstDataRow = found.sheetRows.length ? Math.min(found.sheetRows[0], found.bodyRow) : found.bodyRow;
  const seqCols = seqColumns(index, found.table.header);
  let notesFrom: number | null = null;
  let lastDataRow = firstDataRow - 1;
  const entryRows: number[] = [];
  for (let r = firstDataRow; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (isNoteRow(row, index.profile)) {
      notesFrom = r;
      break;
    }
    // Blank and 序号-only rows stay in the table (rows to type into, whose old marks a repaint clears).
    lastDataRow = r;
    if (isTemplateRow(row, seqCols)) continue;
    entryRows.push(r);
  }
  return {
    headerRow,
    firstDataRow,
    labelRows: found.labelRows,
    lastDataRow,
    notesFrom,
    entryRows,
    table: { header: found.table.header, rows: entryRows.map((r) => [...(rows[r] ?? [])]) },
  };
}

/** A row with nothing in it but 序号 (or nothing at all): a template row waiting to be filled. */
export function isTemplateRow(row: readonly CellValue[], seqCols: ReadonlySet<number>): boolean {
  for (let c = 0; c < row.length; c++) if (!seqCols.has(c) && !isBlank(row[c])) return false;
  return true;
}

function seqColumns(index: HeaderIndex, header: readonly CellValue[]): Set<number> {
  const m = mapHeader(index, header);
  return new Set(
    m.columns
      .filter((c) => c.key !== null && index.profile.columns.find((x) => x.key === c.key)?.type === 'seq')
      .map((c) => c.source),
  );
}

/** Which rows of [r1, r2] a write may touch: inside the table region, never a note or a title. */
export function clampToTable(
  region: Pick<TableRegion, 'firstDataRow' | 'lastDataRow' | 'notesFrom'>,
  r1: number,
  r2: number,
): [number, number] | null {
  const lo = Math.max(r1, region.firstDataRow);
  const hi = Math.min(r2, region.notesFrom === null ? r2 : region.notesFrom - 1);
  return lo <= hi ? [lo, hi] : null;
}

/** A header that only numbers the rows (序号, 编号, No.): its column carries no data of its own. */
export function isRowNumberHeader(header: string | undefined): boolean {
  return /^(序号|编号|序|no\.?)$/i.test((header ?? '').replace(/\s+/g, ''));
}
