/**
 * Possible duplicates in a merged list: flagged on both rows and kept (a person decides), and
 * removed only when a person confirms (the pane's 「删去重复」), with every removal accounted for.
 */
import type { CellOut } from './issues';
import { placedIssue } from './issues';
import type { Entry } from './engine';
import type { MergedIssue, MergeResult, SourceRef } from './merge';
import type { Profile } from './profile';
import { labelKey } from './text';

/** The column naming the dataset (or 上海's project) and the one naming who applies, if the profile has them. */
function duplicateColumns(profile: Profile): { nameKey?: string; ownerKey?: string } {
  const has = (k: string) => profile.columns.some((c) => c.key === k);
  return { nameKey: ['name', 'projectName'].find(has), ownerKey: ['applicant', 'builder'].find(has) };
}

/** The duplicate check's two key parts of an entry, name and applicant after normalisation (null
 *  when it names no dataset), and the name column's label; null when the profile has no name column. */
export function duplicateKeys(
  profile: Profile,
): { label: string; parts(entry: Entry): [string, string] | null } | null {
  const { nameKey, ownerKey } = duplicateColumns(profile);
  if (!nameKey) return null;
  const label = profile.columns.find((c) => c.key === nameKey)!.label;
  const text = (v: CellOut) => labelKey(String(v ?? ''));
  return {
    label,
    parts(entry) {
      const name = text(entry.get(nameKey));
      if (!name) return null;
      return [name, ownerKey ? text(entry.get(ownerKey)) : ''];
    },
  };
}

/**
 * The first earlier entry with the same name and applicant. Entries are added in order, each once.
 * Keyed by the name alone, with each entry's applicant kept as the shared string it is; only a name
 * under a second applicant is keyed by both (hqds check's 100,000 entries would otherwise make
 * 100,000 key strings, about 8 MB). Used by flagDuplicates and by hqds check (merge-check.ts).
 */
export class TwinFinder {
  private readonly byName = new Map<string, number>();
  private readonly byBoth = new Map<string, number>();
  private readonly applicants: string[] = [];

  /** Entry `i` (the next in order) with its key parts: its first twin, or null. */
  add(i: number, parts: [string, string] | null): number | null {
    this.applicants[i] = parts ? parts[1] : '';
    if (!parts) return null;
    const [name, applicant] = parts;
    const first = this.byName.get(name);
    if (first === undefined) {
      this.byName.set(name, i);
      return null;
    }
    if (this.applicants[first] === applicant) return first;
    const both = `${name}\u0001${applicant}`;
    const twin = this.byBoth.get(both);
    if (twin === undefined) this.byBoth.set(both, i);
    return twin ?? null;
  }
}

/** Same dataset and applicant after normalisation: flag both rows, keep both. */
export function flagDuplicates(profile: Profile, res: MergeResult): void {
  const keys = duplicateKeys(profile);
  if (!keys) return;
  const twins = new TwinFinder();
  const at = (k: number) => ({ row: res.entries[k].entry.row, source: res.entries[k].source });
  res.entries.forEach((merged, i) => {
    const first = twins.add(i, keys.parts(merged.entry));
    if (first === null) return;
    res.issues.push(duplicateIssue(at, i, first, keys.label), duplicateIssue(at, first, i, keys.label));
  });
}

/** The issue on entry `at` pointing to its twin `other` (1-based in the message, as the summary numbers them). */
export function duplicateIssue(
  entryAt: (k: number) => { row: number; source: SourceRef },
  at: number,
  other: number,
  label: string,
): MergedIssue {
  const { file, sheet, row, column } = entryAt(other).source;
  // A Word entry has no sheet row; its place is 「表1 第5行」.
  const params = {
    entry: other + 1,
    file,
    sheet: row === null && column ? `${sheet} ${column}` : sheet,
    row,
    label,
  };
  const here = entryAt(at);
  const issue = placedIssue('possible-duplicate', params, { row: here.row, col: null, field: label });
  return { ...issue, entry: at, source: here.source };
}

/**
 * Remove entries a person confirmed as duplicates: renumber 序号, re-point issues and changes to the
 * entries that remain, account for each removed row in leftOut, and flag duplicates afresh among
 * what remains.
 */
export function dropEntries(profile: Profile, merged: MergeResult, drop: ReadonlySet<number>): void {
  const seqIndex = profile.columns.findIndex((c) => c.type === 'seq');
  const newIndex = new Map<number, number>();
  const kept: MergeResult['entries'] = [];
  merged.entries.forEach((m, i) => {
    if (!drop.has(i)) {
      newIndex.set(i, kept.length);
      kept.push(m);
      return;
    }
    const { file, sheet, row } = m.source;
    merged.leftOut.push({ file, sheet, row: row ?? 0, reason: '确认为重复，已删去' });
  });
  if (seqIndex >= 0) kept.forEach((m, i) => (m.entry.cells[seqIndex] = i + 1));
  merged.entries = kept;
  const stillThere = (entry: number | null) => entry === null || newIndex.has(entry);
  const repoint = (entry: number | null) => (entry === null ? null : newIndex.get(entry)!);
  merged.issues = merged.issues
    .filter((issue) => issue.code !== 'possible-duplicate' && stillThere(issue.entry))
    .map((issue) => ({ ...issue, entry: repoint(issue.entry) }));
  // Changes point at entries too: a dropped entry's changes go with it, the rest follow their entry.
  merged.changes = merged.changes
    .filter((change) => stillThere(change.entry))
    .map((change) => ({ ...change, entry: repoint(change.entry) }));
  merged.rowsWritten = kept.length;
  flagDuplicates(profile, merged);
}
