/**
 * The import review as one pure step: received sheets in, the header mapping of each, the values
 * the target does not know, and the merge as it would be written. The pane calls this once per
 * change of mapping or value choice instead of locating, mapping and merging itself.
 */
import { validatorFor } from './engine';
import { mapHeader } from './header';
import { locate } from './locate';
import { mergeSheets, rowsLeftOut, type CellOrigin, type InputSheet, type MergeResult } from './merge';
import type { CellValue } from './cell';
import type { Profile } from './profile';
import type { TbBase } from './quantity';
import type { CellOut } from './engine';
import { labelKey } from './text';

/** The sheet the add-in builds and checks for a format: 上海's projects go to its working list. */
export const WORKING_LIST_SHEET = '工作清单';
export function summarySheetName(profile: Profile): string {
  return profile.layout === 'project' ? WORKING_LIST_SHEET : profile.sheet.sheetName;
}

export const inputKey = (s: Pick<InputSheet, 'file' | 'sheet'>): string => `${s.file}\u0001${s.sheet}`;

export interface ImportChoices {
  /** Per input (inputKey): received column → target key, null for 「不导入」. */
  mappings?: Record<string, Record<number, string | null>>;
  /** Per target key: received value → chosen value. */
  valueMap?: Record<string, Record<string, string>>;
}

export interface UnknownValue {
  field: string;
  key: string;
  value: string;
}

/** A workbook as the readers give it (src/io/read's RawWorkbook, by shape: core imports no I/O). */
export interface ReadWorkbook {
  sheets: readonly {
    name: string;
    rows: readonly (readonly CellValue[])[];
    origins?: readonly (readonly (CellOrigin | null)[])[];
  }[];
  /** What the reader noticed, per sheet (hidden rows, undecodable lines, struck rows…). */
  notes?: readonly { sheet: string; row: number | null; code: string; message: string }[];
}

/** Each sheet of a read file as an import input, with the reader's notes on that sheet, so the
 *  pane warns about hidden rows or undecodable lines exactly as hqds does. */
export function workbookInputs(file: string, wb: ReadWorkbook): InputSheet[] {
  return wb.sheets.map((s) => {
    const notes = wb.notes?.filter((n) => n.sheet === s.name);
    return {
      file,
      sheet: s.name,
      rows: s.rows,
      ...(notes?.length ? { notes } : {}),
      ...(s.origins ? { origins: s.origins } : {}),
    };
  });
}

/** One line of the import review: where (file, sheet, rows) and what happened there. */
export interface ReviewLine {
  where: string;
  text: string;
}

/** Where a row of an input is, for a person: 「来件.xlsx「Sheet1」第 3 行」, 「粘贴内容 第 5–9 行」. */
function inputPlace(file: string, sheet: string, row: number | null, toRow?: number): string {
  const name = file === sheet ? `${file}内容` : `${file}「${sheet}」`;
  if (row === null || row <= 0) return name;
  return `${name} 第 ${toRow !== undefined && toRow !== row ? `${row}–${toRow}` : row} 行`;
}

export interface ImportPreview {
  /** The mapping in force for each input that has a table (the received headers in order). */
  mappings: Record<string, Record<number, string | null>>;
  headers: Record<string, string[]>;
  /** Values to decide once each: still unknown, or already given a choice (which stays listed). */
  unknowns: UnknownValue[];
  merged: MergeResult;
  /** Rows read but not written (a run of blank rows counted by its length), as hqds counts them. */
  rowsLeftOut: number;
  /** Every row left out, with its reason, in input order: shown before 确认导入, never silently. */
  leftOut: ReviewLine[];
  /** Whole sheets not imported (no header found, empty), with the reason. */
  skippedSheets: ReviewLine[];
  /** What the readers noticed (hidden or struck rows, undecodable lines): to be checked by a person. */
  notes: ReviewLine[];
}

/** Map each input's header (unless the clerk already chose), merge once, list the unknown values. */
export function previewImport(
  profile: Profile,
  inputs: readonly InputSheet[],
  tb: TbBase,
  choices: ImportChoices = {},
): ImportPreview {
  const v = validatorFor(profile, tb);
  const mappings: ImportPreview['mappings'] = {};
  const headers: ImportPreview['headers'] = {};
  for (const s of inputs) {
    const found = locate(v.index, s.rows);
    if (found.kind !== 'table') continue;
    const m = mapHeader(v.index, found.table.header);
    const k = inputKey(s);
    headers[k] = m.columns.map((c) => c.header);
    mappings[k] = choices.mappings?.[k] ?? Object.fromEntries(m.columns.map((c) => [c.source, c.key]));
  }
  const valueMap = choices.valueMap ?? {};
  const merged = mergeSheets(profile, [...inputs], { tb, mappings, valueMap });
  const seen = new Map<string, UnknownValue>();
  // Values already given a choice first, so a choice made stays listed and can be changed.
  for (const [key, map] of Object.entries(valueMap)) {
    const col = profile.columns.find((c) => c.key === key);
    if (col)
      for (const value of Object.keys(map))
        seen.set(`${key}\u0001${value}`, { field: col.label, key, value });
  }
  for (const i of merged.issues) {
    if ((i.code !== 'value-not-allowed' && i.code !== 'value-ambiguous') || !i.field || !i.value) continue;
    const col = profile.columns.find((c) => c.label === i.field);
    if (col) seen.set(`${col.key}\u0001${i.value}`, { field: i.field, key: col.key, value: i.value });
  }
  const leftOut = merged.leftOut.map((l) => ({
    where: inputPlace(l.file, l.sheet, l.row, l.toRow),
    text: l.reason,
  }));
  // The notes as given, not from merged.issues: a sheet with no table is skipped, and its notes would vanish.
  const notes = inputs.flatMap((s) =>
    (s.notes ?? []).map((n) => ({ where: inputPlace(s.file, s.sheet, null), text: n.message })),
  );
  // The locate reason names hqds's --profile; in the pane the format is chosen in 「汇总」.
  const skippedSheets = merged.skipped.map((s) => ({
    where: inputPlace(s.file, s.sheet, null),
    text: `整张工作表不导入：${s.reason.replace('（--profile）', '（「汇总」页）')}`,
  }));
  return {
    mappings,
    headers,
    unknowns: [...seen.values()],
    merged,
    rowsLeftOut: rowsLeftOut(merged),
    leftOut,
    skippedSheets,
    notes,
  };
}

/** Possible duplicates as groups of entry indexes (each group listed once, in entry order): the
 *  entries flagged possible-duplicate that share a name and an applicant. */
export function duplicateGroups(profile: Profile, merged: MergeResult): number[][] {
  const nameKey = ['name', 'projectName'].find((k) => profile.columns.some((c) => c.key === k));
  const ownerKey = ['applicant', 'builder'].find((k) => profile.columns.some((c) => c.key === k));
  if (!nameKey) return [];
  const flagged = new Set(
    merged.issues.filter((i) => i.code === 'possible-duplicate' && i.entry !== null).map((i) => i.entry!),
  );
  const text = (v: CellOut) => labelKey(String(v ?? ''));
  const groups = new Map<string, number[]>();
  for (const i of [...flagged].sort((a, b) => a - b)) {
    const e = merged.entries[i].entry;
    const k = `${text(e.get(nameKey))}\u0001${ownerKey ? text(e.get(ownerKey)) : ''}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
