/**
 * The validation engine: a profile and a table (a header and rows of cell values as Excel hands them
 * over) in; entries (rows normalised into the profile), issues, changes and left-out rows out.
 * It never throws, whatever a cell holds: a rule that fails unexpectedly becomes an issue.
 */
import { cellErrorCode, cellText, isBlank, type CellValue } from './cell';
import { compileCheck, type CellCheck, type CellResult, type CheckContext } from './checks';
import { CONTACT_PARTS, HeaderIndex, mapHeader, type HeaderMapping } from './header';
import { cellIssue, placedIssue, type CellIssue, type CellOut, type Issue } from './issues';
import type { Column, Profile } from './profile';
import { PROFILES } from './profiles';
import type { TbBase } from './quantity';
import { isRowNumberHeader } from './region';
import {
  isTotalRow,
  joinContact,
  lostDigits,
  lostDigitsIssue,
  overlongIssue,
  placeholderIssue,
} from './validators';
import { ConceptIndex, VocabMatcher } from './vocab';

export type { CellOut, Issue, IssueCode, Severity } from './issues';

export interface Change {
  row: number;
  field: string;
  from: string;
  to: CellOut;
  reason: string;
}

/** One row normalised into the profile: cells in the profile's column order, normalised where a
 *  safe fix exists and as found otherwise. */
export class Entry {
  constructor(
    /** 0-based row in the received table. */
    readonly row: number,
    readonly cells: CellOut[],
    private readonly keys: ReadonlyMap<string, number>,
  ) {}

  get(key: string): CellOut {
    const i = this.keys.get(key);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  /** Values by column key. */
  get values(): Record<string, CellOut> {
    const o: Record<string, CellOut> = {};
    for (const [k, i] of this.keys) o[k] = this.cells[i] ?? null;
    return o;
  }

  toJSON(): { row: number; values: Record<string, CellOut> } {
    return { row: this.row, values: this.values };
  }
}

export interface LeftOut {
  row: number;
  reason: string;
}

export interface Table {
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
}

export interface ValidateOptions {
  tb?: TbBase;
  /** Header overrides: received column index → column key (or null to ignore it). */
  mapping?: Record<number, string | null>;
  /** Expected 序号 of the first row (for checking a slice of a sheet). */
  firstSeq?: number;
  /** Column keys the input cannot hold (a form without such a field): not reported missing. */
  notCarried?: readonly string[];
}

export interface Result {
  mapping: HeaderMapping;
  entries: Entry[];
  issues: Issue[];
  changes: Change[];
  leftOut: LeftOut[];
}

/** Where validateRows puts what it finds, as it finds it: a Result's arrays, or a check's compact
 *  store (merge.ts), which keeps no entry and no issue object (a check of 100,000 rows finds 250,000
 *  issues). `changes: null`: none recorded (a check reports none). */
export interface ResultSink {
  entries: { push(entry: Entry): unknown };
  issues: { push(...issues: Issue[]): unknown };
  changes: { push(change: Change): unknown } | null;
  leftOut: { push(left: LeftOut): unknown };
}

/**
 * A column headed 序号/编号 that holds nothing but row numbers, where the format has no 序号 (上海's
 * working list numbers its rows): nothing in it is lost by not importing it, so hqds and the pane
 * both stay quiet about it. Any other value (a project code under 编号) keeps the warning.
 */
function rowNumbersOnly(header: string, rows: Table['rows'], col: number): boolean {
  if (!isRowNumberHeader(header)) return false;
  return rows.every((r) => isBlank(r[col]) || /^\d{1,7}$/.test(cellText(r[col]).trim()));
}

/** Column types of free text, where the notice's sample text (XX, 「如：」) may be left in place. */
const PROSE_TYPES = new Set(['text', 'models', 'benefit', 'contact', 'person']);

/** Column types that hold identifiers, where a number of 16+ digits means digits were lost. */
const ID_TYPES = new Set(['text', 'creditCode', 'phone', 'contact', 'person', 'email']);

/** An issue placed at its row and column. One fixed shape: object spread here was the engine's hot spot. */
function placed(issue: CellIssue, row: number, col: number | null, field: string): Issue {
  return {
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    row,
    col,
    field,
    value: issue.value,
    fix: issue.fix,
    safe: issue.safe,
  };
}

let conceptIndex: ConceptIndex | null = null;
function concepts(): ConceptIndex {
  conceptIndex ??= new ConceptIndex([...PROFILES]);
  return conceptIndex;
}

/** How one profile column is read from the received table, worked out once per mapping. */
interface ColumnPlan {
  col: Column;
  /** The received column, or undefined when the table lacks it. */
  source: number | undefined;
  /** Whether this is the contact column filled by joining split 联系人 | 联系电话 | 邮箱 columns. */
  joined: boolean;
  unit: string | undefined;
  memo: Memo;
}

interface RowPlan {
  columns: ColumnPlan[];
  /** Every received column mapped to a profile column: a row with none of them filled is not data. */
  sources: number[];
  /** Received columns of 联系人, 联系电话, 邮箱 when they are split. */
  contactSources: (number | undefined)[];
  oneOf: { message: string; indexes: number[] }[];
  /** Where a total row's label would be: the name columns; 序号, or a first column mapped to nothing, while the name is empty. */
  nameColumns: number[];
  labelColumns: number[];
}

/** What a row is before it is checked. */
type RowKind =
  { kind: 'data' } | { kind: 'blank' } | { kind: 'total' } | { kind: 'unmapped-only'; stray: number };

const DATA_ROW: RowKind = { kind: 'data' };
const BLANK_ROW: RowKind = { kind: 'blank' };
const TOTAL_ROW_KIND: RowKind = { kind: 'total' };

function classifyRow(
  row: readonly CellValue[],
  sources: readonly number[],
  nameColumns: readonly number[],
  labelColumns: readonly number[],
): RowKind {
  let any = false;
  for (let k = 0; k < sources.length && !any; k++) if (!isBlank(row[sources[k]])) any = true;
  if (!any) {
    const stray = row.findIndex((c) => !isBlank(c));
    return stray >= 0 ? { kind: 'unmapped-only', stray } : BLANK_ROW;
  }
  return isTotalRow(row, nameColumns, labelColumns) ? TOTAL_ROW_KIND : DATA_ROW;
}

/**
 * A cell's result with the change it makes, worked out once per distinct value (the memo keeps it):
 * the text as found, and the reason to record when the value written differs from it (the first
 * warning that carries a fix), or null.
 */
interface Checked extends CellResult {
  from: string;
  changeReason: string | null;
}

/**
 * One column's results by cell value, up to 20,000. A column whose values hardly repeat (dataset
 * names; a contact joined from 联系人 | 联系电话 on every row) stops filling it once 1,000 values
 * are in and fewer than one look-up in ten was answered: keeping unique values only costs (a
 * 10,000-row check, about 8 % of its CPU; BENCHMARKS.md). Results are the same either way.
 */
class Memo {
  private readonly map = new Map<string | number, Checked>();
  private lookups = 0;
  private hits = 0;
  private open = true;

  get(value: string | number): Checked | undefined {
    this.lookups++;
    const r = this.map.get(value);
    if (r) this.hits++;
    return r;
  }

  set(value: string | number, r: Checked): void {
    if (!this.open || this.map.size >= 20000) return;
    this.map.set(value, r);
    if (this.map.size === 1000 && this.hits * 10 < this.lookups) this.open = false;
  }
}

function withChange(res: CellResult, value: CellValue): Checked {
  let why: string | null = null;
  for (const issue of res.issues) {
    if (issue.fix !== undefined && issue.severity === 'warning') {
      why = issue.message;
      break;
    }
  }
  const from = cellText(value);
  const changed = why !== null && res.out !== null && String(res.out) !== from;
  return { out: res.out, issues: res.issues, from, changeReason: changed ? why : null };
}

/** A row that is not data is left out with its reason, and with an issue where a person should look. */
function leaveOut(row: readonly CellValue[], r: number, kind: RowKind, result: ResultSink): void {
  if (kind.kind === 'blank') result.leftOut.push({ row: r, reason: '空行' });
  else if (kind.kind === 'total') {
    result.leftOut.push({ row: r, reason: '合计行' });
    result.issues.push(placedIssue('total-row', {}, { row: r, col: null, field: null }));
  } else if (kind.kind === 'unmapped-only') {
    const stray = kind.stray;
    result.leftOut.push({ row: r, reason: `只有未对应列（第 ${stray + 1} 列）有内容，已略过` });
    const text = cellText(row[stray]);
    result.issues.push(placedIssue('row-unmapped-only', { text }, { row: r, col: stray, field: null }));
  }
}

/** A compiled profile: one check function per column, built once and reused for every row. */
export class Validator implements CheckContext {
  readonly index: HeaderIndex;
  readonly matchers = new Map<string, VocabMatcher>();
  private readonly checks = new Map<string, CellCheck>();
  /** Results by column and cell text: received sheets repeat the same values thousands of times. */
  private readonly memo = new Map<string, Memo>();
  readonly keyIndex: ReadonlyMap<string, number>;

  constructor(
    readonly profile: Profile,
    readonly tb: TbBase = 1024,
  ) {
    this.index = new HeaderIndex(
      profile,
      PROFILES.filter((p) => p.id !== profile.id),
    );
    for (const [name, vocab] of Object.entries(profile.vocabularies)) {
      const col = profile.columns.find((c) => c.vocab === name);
      this.matchers.set(name, new VocabMatcher(name, vocab, concepts(), col ? col.label : name));
    }
    for (const c of profile.columns) this.checks.set(c.key, compileCheck(c, this));
    this.keyIndex = new Map(profile.columns.map((c, i) => [c.key, i]));
  }

  /** Check one cell against one column: the normalised value and what is wrong with it. */
  checkCell(col: Column, value: CellValue, headerUnit?: string): CellResult {
    return this.checkMemo(col, value, headerUnit, this.memoFor(col, headerUnit));
  }

  private memoFor(col: Column, unit: string | undefined): Memo {
    const k = `${col.key}\u0001${unit ?? ''}`;
    let m = this.memo.get(k);
    if (!m) this.memo.set(k, (m = new Memo()));
    return m;
  }

  private checkMemo(col: Column, value: CellValue, unit: string | undefined, memo: Memo): Checked {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return withChange(this.checkCellUncached(col, value, unit), value);
    }
    let r = memo.get(value);
    if (!r) {
      r = withChange(this.checkCellUncached(col, value, unit), value);
      memo.set(value, r);
    }
    return r;
  }

  private checkCellUncached(col: Column, value: CellValue, headerUnit?: string): CellResult {
    try {
      const code = cellErrorCode(value);
      if (code) return { out: null, issues: [cellIssue('cell-error', { code }, { value: code })] };
      if (ID_TYPES.has(col.type) && lostDigits(value)) return lostDigitsIssue(col.label, value as number);
      const text = cellText(value).trim();
      const tooLong = overlongIssue(col.type, col.label, text);
      if (tooLong) return { out: text, issues: [tooLong] };
      if (!text) {
        if (col.required && col.type !== 'seq')
          return { out: null, issues: [cellIssue('required', { label: col.label })] };
        return { out: null, issues: [] };
      }
      const res = this.checks.get(col.key)!(value, text, headerUnit);
      const sample = PROSE_TYPES.has(col.type) ? placeholderIssue(col.label, text) : null;
      // One message for the cell: the sample text is what to replace, not a benefit without figures.
      if (sample)
        return {
          out: res.out,
          issues: [sample, ...res.issues.filter((i) => i.code !== 'benefit-no-figure')],
        };
      return res;
    } catch (e) {
      const issue = cellIssue('internal', { scope: 'cell', label: col.label, error: String(e) });
      return { out: cellText(value), issues: [issue] };
    }
  }

  /** Validate a whole table. Blank rows and total rows are left out, each with its reason. */
  validate(table: Table, opts: ValidateOptions = {}): Result {
    const result: Result = {
      mapping: { columns: [], missing: [] },
      entries: [],
      issues: [],
      changes: [],
      leftOut: [],
    };
    result.mapping = this.validateInto(table, opts, result);
    return result;
  }

  /** validate, with what is found handed to a sink as it is found; returns the header's mapping. */
  validateInto(table: Table, opts: ValidateOptions, sink: ResultSink): HeaderMapping {
    let mapping: HeaderMapping = { columns: [], missing: [] };
    try {
      mapping = mapHeader(this.index, table.header ?? [], opts.mapping);
      sink.issues.push(...this.headerIssues(mapping, table.rows ?? [], opts.notCarried ?? []));
      this.validateRows(table.rows ?? [], mapping, opts, sink);
    } catch (e) {
      sink.issues.push(
        placedIssue('internal', { scope: 'table', error: String(e) }, { row: -1, col: null, field: null }),
      );
    }
    return mapping;
  }

  /** Columns not mapped, mapped by likeness, carrying a unit, or missing. */
  private headerIssues(mapping: HeaderMapping, rows: Table['rows'], notCarried: readonly string[]): Issue[] {
    const issues: Issue[] = [];
    for (const c of mapping.columns) {
      const at = { row: -1, col: c.source, field: c.label, value: c.header };
      if (!c.key && c.header && rowNumbersOnly(c.header, rows, c.source)) continue;
      if (!c.key && c.header)
        issues.push(placedIssue('unmapped-column', { said: c.note! }, { ...at, field: null }));
      else if (c.key && c.how === 'fuzzy') {
        issues.push(placedIssue('column-fuzzy', { header: c.header, label: c.label! }, at));
      }
      if (c.unit)
        issues.push(placedIssue('header-unit', { header: c.header, unit: c.unit, label: c.label! }, at));
    }
    for (const key of mapping.missing) {
      const col = this.profile.columns.find((c) => c.key === key)!;
      if (col.required && !notCarried.includes(key)) {
        issues.push(
          placedIssue('missing-column', { label: col.label }, { row: -1, col: null, field: col.label }),
        );
      }
    }
    return issues;
  }

  /** How each profile column is read under this mapping, worked out once rather than per row. */
  private rowPlan(mapping: HeaderMapping): RowPlan {
    const cols = this.profile.columns;
    const byKey = new Map<string, number>();
    const units = new Map<string, string | undefined>();
    for (const c of mapping.columns) {
      if (!c.key) continue;
      byKey.set(c.key, c.source);
      units.set(c.key, c.unit);
    }
    const contact = this.index.contactTarget;
    const joinParts = contact !== null && !byKey.has(contact) && CONTACT_PARTS.some((k) => byKey.has(k));
    const contactSources = CONTACT_PARTS.map((k) => byKey.get(k));
    const columns = cols.map((col): ColumnPlan => {
      const joined = col.key === contact && joinParts;
      const source = joined ? contactSources.find((x) => x !== undefined) : byKey.get(col.key);
      const unit = units.get(col.key);
      return { col, source, joined, unit, memo: this.memoFor(col, unit) };
    });
    const oneOf = this.profile.requireOneOf.map((g) => ({
      message: g.message,
      indexes: g.keys.map((k) => cols.findIndex((c) => c.key === k)),
    }));
    const nameColumns: number[] = [];
    const labelColumns: number[] = [];
    for (const p of columns) {
      if (p.source === undefined) continue;
      if (p.col.key === 'name' || p.col.key === 'projectName') nameColumns.push(p.source);
      else if (p.col.type === 'seq') labelColumns.push(p.source);
    }
    const sources = [...byKey.values()];
    // The first column counts only when it is no other column's: 合计 in a 备注 there marks no total.
    if (!sources.includes(0)) labelColumns.push(0);
    return { columns, sources, contactSources, oneOf, nameColumns, labelColumns };
  }

  /** Validate rows against a mapping already made (the add-in rechecks a few rows at a time). */
  validateRows(
    rows: readonly (readonly CellValue[])[],
    mapping: HeaderMapping,
    opts: ValidateOptions,
    result: ResultSink,
    rowOffset = 0,
  ): void {
    const plan = this.rowPlan(mapping);
    const seqIndex = plan.columns.findIndex((p) => p.col.type === 'seq');
    let seq = opts.firstSeq ?? 1;
    for (let i = 0; i < rows.length; i++) {
      const r = i + rowOffset;
      const row = rows[i] ?? [];
      try {
        const kind = classifyRow(row, plan.sources, plan.nameColumns, plan.labelColumns);
        if (kind.kind !== 'data') {
          leaveOut(row, r, kind, result);
          continue;
        }
        const cells = new Array<CellOut>(plan.columns.length);
        // 序号 first: it is the first column wherever a format has one, so issues read left to right.
        if (seqIndex >= 0) numberRow(plan.columns[seqIndex], row, r, seq, cells, seqIndex, result);
        this.checkRow(plan, row, r, cells, result);
        requireOneOf(plan, cells, r, result);
        result.entries.push(new Entry(r, cells, this.keyIndex));
        if (seqIndex >= 0) seq++;
      } catch (e) {
        result.issues.push(
          placedIssue('internal', { scope: 'row', error: String(e) }, { row: r, col: null, field: null }),
        );
        result.entries.push(
          new Entry(
            r,
            this.profile.columns.map(() => null),
            this.keyIndex,
          ),
        );
      }
    }
  }

  /** Every column but 序号: the normalised cells, their issues, and the changes made. */
  private checkRow(
    plan: RowPlan,
    row: readonly CellValue[],
    r: number,
    cells: CellOut[],
    result: ResultSink,
  ): void {
    for (let c = 0; c < plan.columns.length; c++) {
      const { col, source, joined, unit, memo } = plan.columns[c];
      if (col.type === 'seq') continue;
      let cell: CellValue = source === undefined ? undefined : row[source];
      if (joined) cell = joinContactCells(plan, row, r, col.label, result);
      if (source === undefined) {
        cells[c] = null;
        continue;
      }
      const res = this.checkMemo(col, cell, unit, memo);
      cells[c] = res.out;
      if (!res.issues.length) continue;
      for (const issue of res.issues) result.issues.push(placed(issue, r, source, col.label));
      if (res.changeReason !== null && result.changes) {
        result.changes.push({
          row: r,
          field: col.label,
          from: res.from,
          to: res.out,
          reason: res.changeReason,
        });
      }
    }
  }
}

/** 联系人 | 联系电话 | 邮箱 in separate columns: joined into the one contact cell, recorded as a change. */
function joinContactCells(
  plan: RowPlan,
  row: readonly CellValue[],
  r: number,
  label: string,
  result: ResultSink,
): string {
  const parts = plan.contactSources.map((x) => (x === undefined ? '' : cellText(row[x])));
  const cell = joinContact(...parts);
  if (cell && result.changes) {
    const from = parts.filter(Boolean).join(' | ');
    result.changes.push({ row: r, field: label, from, to: cell, reason: '联系人与联系方式分列，已合并' });
  }
  return cell;
}

/** 序号 counts the rows kept; a received number that differs is flagged with the right one as a safe fix. */
function numberRow(
  plan: ColumnPlan,
  row: readonly CellValue[],
  r: number,
  seq: number,
  cells: CellOut[],
  index: number,
  result: ResultSink,
): void {
  cells[index] = seq;
  if (plan.source === undefined) return;
  const found = cellText(row[plan.source]).trim();
  if (found === String(seq)) return;
  const at = { row: r, col: plan.source, field: plan.col.label, value: found, fix: seq };
  result.issues.push(placedIssue('seq-renumbered', { seq, found }, at));
}

/** A profile's 「at least one of these」 rule (武汉: structured or unstructured scale). */
function requireOneOf(plan: RowPlan, cells: readonly CellOut[], r: number, result: ResultSink): void {
  for (const { message, indexes } of plan.oneOf) {
    if (!indexes.every((k) => cells[k] === null || cells[k] === '')) continue;
    const first = plan.columns[indexes[0]];
    const at = { row: r, col: first.source ?? null, field: first.col.label };
    result.issues.push(placedIssue('required-one-of', { said: message }, at));
  }
}

const validators = new WeakMap<Profile, Map<TbBase, Validator>>();

/** A cached validator per profile object and TB setting. */
export function validatorFor(profile: Profile, tb: TbBase = 1024): Validator {
  let byTb = validators.get(profile);
  if (!byTb) validators.set(profile, (byTb = new Map<TbBase, Validator>()));
  let v = byTb.get(tb);
  if (!v) byTb.set(tb, (v = new Validator(profile, tb)));
  return v;
}

/** Validate a table against a profile: the engine's one entry point. Never throws. */
export function validateTable(profile: Profile, table: Table, opts: ValidateOptions = {}): Result {
  return validatorFor(profile, opts.tb ?? 1024).validate(table, opts);
}
