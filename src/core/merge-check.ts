/**
 * hqds check's merge: mergeSheets with asTheyStand, the same engine and the same merge steps
 * (merge.ts's helpers, duplicates.ts's key), keeping only what a check reports. No entry and no
 * change is kept, and each issue the engine finds goes into a few parallel arrays instead of two
 * objects; its entry and its place are worked out when it is read. A check of 100,000 rows finds
 * 250,000 issues: as objects, with the entries and changes, they were 94 MiB of heap (BENCHMARKS.md).
 * test/merge-check.test.ts requires the same issues, in the same order, as mergeSheets.
 */
import type { Entry, Issue, LeftOut, Table } from './engine';
import { validatorFor, type Validator } from './engine';
import { duplicateIssue, duplicateKeys, TwinFinder } from './duplicates';
import { ISSUE_CODES, type CellOut, type IssueCode } from './issues';
import { columnLetter } from './address';
import { locate, type Located } from './locate';
import {
  cleanIssue,
  controlChars,
  formOnlyChecks,
  headerlessColumns,
  inputOf,
  readerNotes,
  recordLeftOut,
  skippedSheet,
  sources,
  type InputSheet,
  type MergedIssue,
  type MergeResult,
  type SourceRef,
} from './merge';
import type { Profile } from './profile';
import type { TbBase } from './quantity';
import { hasXmlForbidden, xmlSafe } from './text';

/** What hqds check reports of a merge: MergeResult without entries and changes. */
export interface CheckResult extends Pick<
  MergeResult,
  'inputs' | 'leftOut' | 'skipped' | 'rowsRead' | 'rowsWritten'
> {
  issues: IssueList;
}

/** Values in fixed blocks of 8,192 (2^13): a list that grows by copying leaves every smaller copy
 *  behind in the old generation until a full collection (18 MB for 250,000 issues, BENCHMARKS.md). */
const SHIFT = 13;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/** Numbers in fixed blocks of Int32Array: four bytes each. */
class Ints {
  private readonly blocks: Int32Array[] = [];
  n = 0;
  push(v: number): void {
    if ((this.n & MASK) === 0) this.blocks.push(new Int32Array(BLOCK));
    this.blocks[this.n >>> SHIFT][this.n & MASK] = v;
    this.n++;
  }
  at(k: number): number {
    return this.blocks[k >>> SHIFT][k & MASK];
  }
}

/** A block of issues, one field to an array: an issue is read from one block with one index (a
 *  cold run spent 4 ms of a 1,000-row check in six lookups per issue, BENCHMARKS.md). */
class IssueBlock {
  readonly meta = new Int32Array(BLOCK);
  readonly rows = new Int32Array(BLOCK);
  readonly cols = new Int32Array(BLOCK);
  readonly messages: string[] = [];
  readonly values: (string | undefined)[] = [];
  readonly fixes: (CellOut | undefined)[] = [];
}

const CODE_INDEX = new Map<IssueCode, number>(ISSUE_CODES.map((c, i) => [c, i]));
const SAFE = [undefined, false, true] as const;

/**
 * One sheet's issues from the engine, in order, kept compactly: code, severity, whether its fix is
 * safe and its field packed in one number; row and column in two more; message, value and fix as
 * found (the engine's messages are shared by every cell of the same value). Its entries' rows are
 * kept to find an issue's entry.
 */
class SheetIssues {
  private readonly blocks: IssueBlock[] = [];
  private n = 0;
  /** The sheet row (0-based, of the table) of each of its entries, ascending. */
  readonly entryRows = new Ints();
  /** How many of the issues are errors, counted as they come. */
  errors = 0;
  /** The entry found last: issues come in row order, so most look up the same entry or the next. */
  private hint = 0;
  /** Where an entry is (its table row); no column needed, so known before the header is mapped. */
  entrySource: (row: number) => SourceRef = () => {
    throw new Error('SheetIssues: read before the sheet was placed');
  };
  /** Where an issue is, known once the sheet's header is mapped. */
  source: (row: number, col: number | null) => SourceRef = () => {
    throw new Error('SheetIssues: read before the sheet was placed');
  };

  constructor(
    /** The merged index of the sheet's first entry. */
    readonly base: number,
    private readonly fields: Interned,
  ) {}

  get length(): number {
    return this.n;
  }

  push(...issues: Issue[]): void {
    for (const issue of issues) this.add(issue);
  }

  private add(issue: Issue): void {
    const safe = issue.safe === undefined ? 0 : issue.safe ? 2 : 1;
    const sev = issue.severity === 'error' ? 1 : 0;
    this.errors += sev;
    const o = this.n & MASK;
    if (o === 0) this.blocks.push(new IssueBlock());
    const b = this.blocks[this.n >>> SHIFT];
    b.meta[o] = CODE_INDEX.get(issue.code)! | (sev << 8) | (safe << 9) | (this.fields.of(issue.field) << 11);
    b.rows[o] = issue.row;
    b.cols[o] = issue.col ?? -1;
    b.messages.push(issue.message);
    b.values.push(issue.value);
    b.fixes.push(issue.fix);
    this.n++;
  }

  /** The merged index of the entry of table row `row`, or null (the engine's entries come in row order). */
  entryOf(row: number): number | null {
    const rows = this.entryRows;
    const h = this.hint;
    if (h < rows.n && rows.at(h) === row) return this.base + h;
    if (h + 1 < rows.n && rows.at(h + 1) === row) return this.base + (this.hint = h + 1);
    let lo = 0;
    let hi = rows.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = rows.at(mid);
      if (at === row) return this.base + (this.hint = mid);
      if (at < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** The k-th issue as mergeSheets gives it: placed, pointed at its entry, cleaned for XML. */
  at(k: number): MergedIssue {
    const b = this.blocks[k >>> SHIFT];
    const o = k & MASK;
    const m = b.meta[o];
    const row = b.rows[o];
    const c = b.cols[o];
    const col = c < 0 ? null : c;
    return cleanIssue({
      severity: (m >> 8) & 1 ? 'error' : 'warning',
      code: ISSUE_CODES[m & 0xff],
      message: b.messages[o],
      row,
      col,
      field: this.fields.at(m >>> 11),
      value: b.values[o],
      fix: b.fixes[o],
      safe: SAFE[(m >> 9) & 3],
      entry: row >= 0 ? this.entryOf(row) : null,
      source: this.source(row, col),
    });
  }
}

/** Field labels by number (a profile has a few dozen). */
class Interned {
  private readonly index = new Map<string | null, number>();
  private readonly list: (string | null)[] = [];
  of(s: string | null): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  at(i: number): string | null {
    return this.list[i];
  }
}

/** A check's issues in merge order: runs of a sheet's engine issues between lists of issue objects. */
export class IssueList implements Iterable<MergedIssue> {
  private readonly parts: (MergedIssue[] | SheetIssues)[] = [];
  /** Issue objects pushed from here on are not cleaned for XML (as mergeSheets: duplicates come after). */
  private tail: MergedIssue[] | null = null;
  readonly fields = new Interned();

  get length(): number {
    let n = 0;
    for (const p of this.parts) n += p.length;
    return n;
  }

  get errors(): number {
    let n = 0;
    for (const p of this.parts) {
      if (Array.isArray(p)) for (const i of p) n += i.severity === 'error' ? 1 : 0;
      else n += p.errors;
    }
    return n;
  }

  /** A new run for one sheet's engine issues, after any issue objects pushed so far. */
  run(sheet: SheetIssues): SheetIssues {
    this.parts.push(sheet);
    return sheet;
  }

  /** A list of issue objects, in order after what is there now (filled later or at once). */
  list(): MergedIssue[] {
    const l: MergedIssue[] = [];
    this.parts.push(l);
    return l;
  }

  /** mergeSheets's cleanForXml on the issues so far: objects now, runs as they are read. */
  cleanSoFar(): void {
    for (const p of this.parts) if (Array.isArray(p)) p.forEach(cleanIssue);
  }

  [Symbol.iterator](): Iterator<MergedIssue> {
    return this.mapped((i) => i)[Symbol.iterator]();
  }

  /** The issues in order, each as `shape` makes it. A plain iterator, not generators: a generator
   *  over a generator cost a cold 1,000-row check 5 ms for its 2,500 issues (BENCHMARKS.md). */
  mapped<T>(shape: (issue: MergedIssue) => T): Iterable<T> {
    const parts = this.parts;
    return {
      [Symbol.iterator](): Iterator<T> {
        let p = 0;
        let k = 0;
        return {
          next(): IteratorResult<T> {
            for (; p < parts.length; p++, k = 0) {
              const part = parts[p];
              if (k < part.length) {
                const issue = Array.isArray(part) ? part[k++] : part.at(k++);
                return { value: shape(issue), done: false };
              }
            }
            return { value: undefined, done: true };
          },
        };
      },
    };
  }

  /** The issues as mergeSheets would have kept them (a check with --annotate uses mergeSheets itself). */
  static of(issues: readonly MergedIssue[]): IssueList {
    const l = new IssueList();
    l.parts.push([...issues]);
    return l;
  }

  /** Issue objects after everything else (the duplicates). */
  end(): MergedIssue[] {
    this.tail ??= this.list();
    return this.tail;
  }
}

/** A MergeResult as a CheckResult: --annotate needs the whole merge, and reports it the same way. */
export function checkResultOf(m: MergeResult): CheckResult {
  const { inputs, leftOut, skipped, rowsRead, rowsWritten } = m;
  return { inputs, leftOut, skipped, rowsRead, rowsWritten, issues: IssueList.of(m.issues) };
}

/** What a check carries from sheet to sheet. */
interface CheckState {
  validator: Validator;
  tb: TbBase | undefined;
  labels: string[];
  res: CheckResult;
  runs: SheetIssues[];
  /** Merged entries so far. */
  entries: number;
  dup: ReturnType<typeof duplicateKeys>;
  twins: TwinFinder;
  /** Duplicates found: entry, its first twin, entry, its first twin… */
  pairs: number[];
  /** control-char issues, which mergeSheets lists after every sheet's. */
  control: MergedIssue[];
}

/**
 * mergeSheets(profile, sheets, { tb, asTheyStand: true }) as hqds check reports it: the same
 * inputs, skipped sheets, left-out rows, counts and issues in the same order, without entries and
 * changes. Each sheet is let go once checked: a caller that hands them over one at a time (a
 * generator) keeps one sheet's cells at a time.
 */
export function checkSheets(
  profile: Profile,
  sheets: Iterable<InputSheet>,
  opts: { tb?: TbBase } = {},
): CheckResult {
  const validator = validatorFor(profile, opts.tb ?? 1024);
  const res: CheckResult = {
    inputs: [],
    leftOut: [],
    skipped: [],
    rowsRead: 0,
    rowsWritten: 0,
    issues: new IssueList(),
  };
  const st: CheckState = {
    validator,
    tb: opts.tb,
    labels: profile.columns.map((c) => c.label),
    res,
    runs: [],
    entries: 0,
    dup: duplicateKeys(profile),
    twins: new TwinFinder(),
    pairs: [],
    control: [],
  };
  for (const sheet of sheets) {
    const found = locate(validator.index, sheet.rows);
    if (found.kind === 'none') res.skipped.push(skippedSheet(sheet, found.reason));
    else checkSheet(st, sheet, found);
  }
  // As mergeSheets's cleanForXml, then flagDuplicates.
  res.issues.list().push(...st.control);
  res.issues.cleanSoFar();
  for (const l of res.leftOut) l.reason = xmlSafe(l.reason);
  res.rowsWritten = st.entries;
  const entryAt = (k: number) => {
    const run = st.runs.find((r) => k >= r.base && k < r.base + r.entryRows.n)!;
    const row = run.entryRows.at(k - run.base);
    return { row, source: run.entrySource(row) };
  };
  const dupes = res.issues.end();
  for (let p = 0; p < st.pairs.length; p += 2) {
    const [i, first] = [st.pairs[p], st.pairs[p + 1]];
    dupes.push(
      duplicateIssue(entryAt, i, first, st.dup!.label),
      duplicateIssue(entryAt, first, i, st.dup!.label),
    );
  }
  return res;
}

/** One located sheet checked: mergeSheet's steps for a sheet checked as it stands. */
function checkSheet(st: CheckState, sheet: InputSheet, found: Exclude<Located, { kind: 'none' }>): void {
  const { res } = st;
  const headerRow = found.kind === 'table' ? found.headerRow + 1 : null;
  const head = res.issues.list();
  const run = res.issues.run(new SheetIssues(st.entries, res.issues.fields));
  st.runs.push(run);
  run.entrySource = entrySources(sheet, found, headerRow);
  const leftOut: LeftOut[] = [];
  const sink = {
    entries: { push: (e: Entry) => addEntry(st, run, e) },
    issues: run,
    changes: null,
    leftOut,
  };
  const table: Table = found.table;
  const columns = st.validator.validateInto(
    table,
    {
      tb: st.tb,
      mapping: found.kind === 'form' ? { ...found.mapping } : undefined,
      notCarried: found.kind === 'form' ? found.notCarried : undefined,
    },
    sink,
  ).columns;
  res.inputs.push(inputOf(sheet, found.kind, headerRow, columns));
  const { at, source } = sources(sheet, found, columns, headerRow);
  run.source = source;
  res.rowsRead += table.rows.length;
  for (const issue of headerlessColumns(table, columns.length))
    head.push({ ...issue, entry: null, source: at(-1, `${columnLetter(issue.col!)}列`) });
  const after = res.issues.list();
  if (found.kind === 'form')
    formOnlyChecks(st.validator.profile, sheet, found.formOnly, (row) => run.entryOf(row), after);
  const where = (row: number) => (sheet.origins ? source(row, null).column : null);
  recordLeftOut(sheet, found, leftOut, at, where, res);
  if (sheet.notes?.length) readerNotes(sheet, entryAtRow(run), after);
}

/** Where each entry of a sheet is (as mergeSheet places it). Its place names no column, so it is
 *  known before the header is mapped. Made apart from checkSheet so that it keeps no sheet cells. */
function entrySources(
  sheet: InputSheet,
  found: Exclude<Located, { kind: 'none' }>,
  headerRow: number | null,
): (row: number) => SourceRef {
  const { at, source } = sources(sheet, found, [], headerRow);
  return sheet.origins ? (row) => source(row, null) : (row) => at(row, null);
}

/** An entry as the engine hands it over: counted, its row kept, its control characters and its
 *  duplicate key looked at (as mergeSheets's cleanForXml and flagDuplicates), then let go. */
function addEntry(st: CheckState, run: SheetIssues, e: Entry): void {
  const i = st.entries++;
  run.entryRows.push(e.row);
  if (e.cells.some((v) => typeof v === 'string' && hasXmlForbidden(v)))
    controlChars({ entry: e, source: run.entrySource(e.row) }, i, st.labels, st.control, null);
  const first = st.twins.add(i, st.dup?.parts(e) ?? null);
  if (first === null) return;
  st.pairs.push(i, first);
}

/** The entry at each sheet row (1-based) of a sheet, the last one where two share a row (as mergeSheet's). */
function entryAtRow(run: SheetIssues): (row: number) => number | null {
  const at = new Map<number, number>();
  for (let k = 0; k < run.entryRows.n; k++) {
    const row = run.entrySource(run.entryRows.at(k)).row;
    if (row !== null) at.set(row, run.base + k);
  }
  return (row) => at.get(row) ?? null;
}
