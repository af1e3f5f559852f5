/**
 * The summary workbook as data: cells, merges, styles, column widths, dropdowns, notes and page
 * setup (FORMATS.md §10). The file writer (src/io) and the Office.js adapter (src/excel) both just
 * carry out this plan, so hqds and the add-in write the very same sheet.
 */
import { columnLetter } from './address';
import { uniqueSheetName } from './sheet-name';
import type { CellOut } from './engine';
import type { MergeResult, MergedIssue } from './merge';
import { WORKING_LIST_SHEET } from './import';
import type { Column, Profile, ProjectRow } from './profile';
import { profileTitle } from './profile-title';
import type { TbBase } from './quantity';

export interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; color?: string };
  /** ARGB fill, e.g. FFFFC7CE. */
  fill?: string;
  align?: { h?: 'left' | 'center' | 'right'; v?: 'top' | 'middle' | 'bottom'; wrap?: boolean };
  border?: boolean;
  /** '@' for text: values beginning with = + - @ stay text. */
  numFmt?: string;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface PlanCell {
  r: number;
  c: number;
  v: CellOut;
  style: string;
  /** A note (comment) explaining a flagged cell. */
  note?: string;
}

export interface Validation extends Range {
  /** Inline list (joined length ≤ 255 characters). */
  list?: string[];
  /** Or a reference to a hidden range, e.g. 'hqds选项'!$A$2:$A$30. */
  source?: string;
  /** Reject other values (closed single-choice lists) or only warn (multi-value and other-options). */
  strict: boolean;
  title: string;
  prompt: string;
}

export interface SheetPlan {
  name: string;
  hidden?: boolean;
  /** What the sheet is, for the add-in: the summary, an issues list, lists, a project form, the working list. */
  role: 'summary' | 'issues' | 'lists' | 'project' | 'working-list' | 'changes';
  cells: PlanCell[];
  merges: Range[];
  colWidths: number[];
  rowHeights: Record<number, number>;
  validations: Validation[];
  freeze?: { rows: number; cols: number };
  print?: { landscape: boolean; fitToWidth: boolean; titleRows?: [number, number] };
  /** Columns formatted as text before values are written. */
  textColumns: number[];
  /** Where the header and the data sit (0-based), for summary and working-list sheets. */
  table?: { headerRow: number; firstDataRow: number; lastDataRow: number; columns: number };
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  styles: Record<string, CellStyle>;
}

/** A sheet whose bulk rows (the summary's data, the issues list, the change log) are generated
 *  from the merge result when read, rather than held as one PlanCell object per cell: 100,000 rows
 *  made 3.8 million such objects, about 290 MB of a build's heap (BENCHMARKS.md, 「Memory」). */
interface LazyCells {
  head: readonly PlanCell[];
  /** How many generated rows there are, and the cells of each (made anew on every call). */
  count: number;
  row: (i: number) => readonly PlanCell[];
  tail: readonly PlanCell[];
}
const lazySheets = new WeakMap<SheetPlan, LazyCells>();

/** Gives `sheet.cells` as head, row(0) … row(count − 1), tail. Reading `cells` (the add-in's
 *  adapter, tests, JSON) builds the array once, as it was before, and from then on the array is the
 *  sheet's; the file writer walks planCells() instead and never builds it. */
function lazyCells(
  sheet: SheetPlan,
  head: PlanCell[],
  count: number,
  row: (i: number) => readonly PlanCell[],
  tail: PlanCell[],
): SheetPlan {
  let cells: PlanCell[] | undefined;
  lazySheets.set(sheet, { head, count, row, tail });
  // Redefining the existing key keeps its place in the object's key order (JSON, toEqual).
  Object.defineProperty(sheet, 'cells', {
    enumerable: true,
    configurable: true,
    get(): PlanCell[] {
      if (!cells) {
        cells = [...head];
        for (let i = 0; i < count; i++) {
          const one = row(i);
          for (let k = 0; k < one.length; k++) cells.push(one[k]);
        }
        cells.push(...tail);
        lazySheets.delete(sheet);
      }
      return cells;
    },
    set(v: PlanCell[]) {
      cells = v;
      lazySheets.delete(sheet);
    },
  });
  return sheet;
}

/** Makes a generated sheet's cells once and keeps them (its `cells` array from now on). */
function holdCells(sheet: SheetPlan): void {
  if (lazySheets.has(sheet)) void sheet.cells;
}

/** A sheet's cells in plan order, without building the array where the sheet generates its rows:
 *  each row's PlanCells are made as they are reached and can be dropped once used. A plain
 *  iterator over the rows, not generators: a cold build spent more resuming generators, one per
 *  cell, than making the cells (BENCHMARKS.md). */
export function planCells(sheet: SheetPlan): Iterable<PlanCell> {
  const lazy = lazySheets.get(sheet);
  if (!lazy) return sheet.cells;
  return {
    [Symbol.iterator](): Iterator<PlanCell> {
      // part −1 is the head, 0 … count − 1 the generated rows, count the tail.
      let part = -1;
      let cur = lazy.head;
      let k = 0;
      return {
        next(): IteratorResult<PlanCell> {
          while (k >= cur.length) {
            if (part >= lazy.count) return { value: undefined, done: true };
            part++;
            cur = part < lazy.count ? lazy.row(part) : lazy.tail;
            k = 0;
          }
          return { value: cur[k++], done: false };
        },
      };
    },
  };
}

export interface PlanSettings {
  tb: TbBase;
  recommender?: string;
  titlePrefix?: string;
  /** Fill today's date into 「年　月　日」, or leave the blanks for the stamp. */
  date?: Date | null;
  titleFont: string;
  tableFont: string;
  /** 五号 10.5 or 小四 12. */
  tableSize: number;
  /** Include the issues sheet and cell notes. */
  annotate: boolean;
  /** Up to this many entries, issues and changes together, the generated rows (lazyCells) are made
   *  once and kept: row heights and the file writer's two passes each generated them again, which
   *  cost a small build more than holding them (BENCHMARKS.md). Larger builds keep generating. */
  holdRowsUpTo: number;
}

export const DEFAULT_SETTINGS: PlanSettings = {
  tb: 1024,
  titleFont: '方正小标宋简体',
  tableFont: '仿宋_GB2312',
  tableSize: 10.5,
  annotate: true,
  holdRowsUpTo: 20000,
  date: null,
};

export const ISSUES_SHEET = '问题清单';
export const LISTS_SHEET = 'hqds选项';
const ERROR_FILL = 'FFFFC7CE';
const WARNING_FILL = 'FFFFEB9C';
const HEADER_FILL = 'FFF2F2F2';

export function styles(s: PlanSettings): Record<string, CellStyle> {
  const t = { name: s.tableFont, size: s.tableSize };
  const cell: CellStyle = { font: t, border: true, align: { v: 'middle', wrap: true } };
  return {
    attachment: { font: { name: '黑体', size: 16 }, align: { h: 'left', v: 'middle' } },
    title: {
      font: { name: s.titleFont, size: 22, bold: s.titleFont === '宋体' },
      align: { h: 'center', v: 'middle', wrap: true },
    },
    meta: { font: { name: s.tableFont, size: 12 }, align: { h: 'left', v: 'middle' } },
    metaLine: { font: { name: s.tableFont, size: 12 }, align: { h: 'left', v: 'middle', wrap: true } },
    metaCenter: { font: { name: s.tableFont, size: 12 }, align: { h: 'center', v: 'middle' } },
    metaRight: { font: { name: s.tableFont, size: 12 }, align: { h: 'right', v: 'middle' } },
    header: {
      font: { ...t, bold: true },
      border: true,
      fill: HEADER_FILL,
      align: { h: 'center', v: 'middle', wrap: true },
    },
    text: { ...cell, numFmt: '@' },
    number: { ...cell, align: { h: 'right', v: 'middle', wrap: true }, numFmt: 'General' },
    seq: { ...cell, align: { h: 'center', v: 'middle' }, numFmt: 'General' },
    textError: { ...cell, numFmt: '@', fill: ERROR_FILL },
    textWarning: { ...cell, numFmt: '@', fill: WARNING_FILL },
    numberError: { ...cell, fill: ERROR_FILL, align: { h: 'right', v: 'middle', wrap: true } },
    numberWarning: { ...cell, fill: WARNING_FILL, align: { h: 'right', v: 'middle', wrap: true } },
    note: { font: { name: s.tableFont, size: s.tableSize }, align: { h: 'left', v: 'top', wrap: true } },
    label: { font: { ...t, bold: true }, border: true, align: { h: 'center', v: 'middle', wrap: true } },
    plain: { font: t },
  };
}

/** Display width of text in Excel's character units: CJK and full-width count two. A loop over
 *  code units, not a regular expression per character: this runs on every wrapped cell of a
 *  build (2.3 million characters at 1,000 rows, a tenth of its time, BENCHMARKS.md). */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // A surrogate pair is one character, and none is wide.
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += isWide(u) ? 2 : 1;
  }
  return w;
}

/** Hangul Jamo, CJK (radicals to Yi), Hangul syllables, compatibility ideographs, CJK forms, full-width forms. */
function isWide(u: number): boolean {
  if (u < 0x1100) return false;
  return (
    u <= 0x115f ||
    (u >= 0x2e80 && u <= 0xa4cf) ||
    (u >= 0xac00 && u <= 0xd7a3) ||
    (u >= 0xf900 && u <= 0xfaff) ||
    (u >= 0xfe30 && u <= 0xfe4f) ||
    (u >= 0xff00 && u <= 0xff60) ||
    (u >= 0xffe0 && u <= 0xffe6)
  );
}

const isNumberColumn = (c: Column) =>
  c.type === 'seq' ||
  c.type === 'money' ||
  c.type === 'percent' ||
  (c.type === 'quantity' && c.quantity?.kind === 'size');

/** 「年　月　日」 with today's date, or as printed. 「推荐单位：（盖章）」 with the recommender's name. */
function metaSegment(seg: string, s: PlanSettings): string {
  if (seg === '年　月　日' && s.date)
    return `${s.date.getFullYear()}年${s.date.getMonth() + 1}月${s.date.getDate()}日`;
  if (seg === '推荐单位：（盖章）' && s.recommender?.trim())
    return `推荐单位：${s.recommender.trim()}（盖章）`;
  return seg;
}

/** Vocabulary options for each vocab column (profile order), for dropdowns. */
export function dropdownOptions(profile: Profile): Map<number, { options: string[]; strict: boolean }> {
  const out = new Map<number, { options: string[]; strict: boolean }>();
  profile.columns.forEach((col, i) => {
    if (col.type !== 'vocab' || !col.vocab) return;
    const v = profile.vocabularies[col.vocab];
    const options = [...v.items.map((it) => it.label), ...(v.other ? [v.other] : [])];
    out.set(i, { options, strict: !col.multi && !v.other });
  });
  return out;
}

interface Marks {
  severity: 'error' | 'warning';
  notes: string[];
}

/** Issues by entry and target column label, for marking cells. Only what a person must act on is
 *  marked: a fix already applied (a conversion, a synonym) is listed in the issues sheet, not painted. */
function marksOf(issues: readonly MergedIssue[]): Map<string, Marks> {
  const m = new Map<string, Marks>();
  for (const issue of issues) {
    if (issue.entry === null || !issue.field || !needsAttention(issue)) continue;
    const k = `${issue.entry}\u0001${issue.field}`;
    const cur = m.get(k) ?? { severity: 'warning' as const, notes: [] };
    if (issue.severity === 'error') cur.severity = 'error';
    cur.notes.push(`${issue.severity === 'error' ? '错误' : '提示'}：${issue.message}`);
    m.set(k, cur);
  }
  return m;
}

/** The summary workbook for a merge result: the summary sheet (or, for 上海, one 项目基本信息情况表 per
 *  project and our working list), the hidden lists sheet and the issues sheet. */
export function planWorkbook(
  profile: Profile,
  merged: MergeResult,
  settings: Partial<PlanSettings> = {},
): WorkbookPlan {
  // A learned format's own fonts (hqds learn read them from its template) before the defaults; settings win.
  const f = profile.sheet.fonts;
  const own: Partial<PlanSettings> = {
    ...(f?.title?.name && { titleFont: f.title.name }),
    ...(f?.table?.name && { tableFont: f.table.name }),
    ...(f?.table?.size && { tableSize: f.table.size }),
  };
  const s: PlanSettings = { ...DEFAULT_SETTINGS, ...own, ...settings };
  const sheets: SheetPlan[] = [];
  const lists = listsSheet(profile);
  if (profile.layout === 'project') {
    sheets.push(workingList(profile, merged, s, lists.refs));
    const taken = new Set<string>([sheets[0].name, ISSUES_SHEET, LISTS_SHEET]);
    merged.entries.forEach((m, i) => sheets.push(projectSheet(profile, m.entry.cells, i, taken)));
  } else {
    sheets.push(summarySheet(profile, merged, s, lists.refs));
  }
  if (s.annotate) sheets.push(issuesSheet(merged, sheets[0]));
  if (s.annotate && merged.changes.length) sheets.push(changeLogSheet(profile, merged, sheets[0]));
  sheets.push(lists.sheet);
  const styleSet = styles(s);
  const small = merged.entries.length + merged.issues.length + merged.changes.length <= s.holdRowsUpTo;
  for (const sheet of sheets) {
    if (small) holdCells(sheet);
    fitRowHeights(sheet, styleSet);
  }
  return { sheets, styles: styleSet };
}

/** Row heights for wrapped text, estimated from display width and column width: neither Excel nor
 *  LibreOffice grows a row for wrapped text in a file it opens, so a clipped header would print. */
export function fitRowHeights(sheet: SheetPlan, styleSet: Record<string, CellStyle>): void {
  // Cells by number (row × 16,384 + column, Excel's column count): string keys made three strings
  // for every cell of every sheet.
  const key = (r: number, c: number) => r * 16384 + c;
  const merged = new Set<number>();
  // A label merged down one column (an ungrouped label over a two-level header's rows) shares its height among them.
  const down = new Map<number, Range>();
  // A note merged across the table (a learned template's long 填表说明) wraps within all its columns;
  // other merged cells are left alone.
  const across = new Map<number, Range>();
  for (const m of sheet.merges) {
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) merged.add(key(r, c));
    if (m.r2 > m.r1 && m.c1 === m.c2) down.set(key(m.r1, m.c1), m);
    if (m.r2 === m.r1 && m.c2 > m.c1) across.set(key(m.r1, m.c1), m);
  }
  const need = new Map<number, number>();
  // Generated sheets (the issues list, the change log) have no merges: nothing to look up.
  const anyMerged = merged.size > 0;
  for (const cell of planCells(sheet)) {
    if (cell.v === null || cell.v === '') continue;
    const style = styleSet[cell.style];
    if (!style?.align?.wrap) continue;
    const at = anyMerged ? key(cell.r, cell.c) : -1;
    const span = anyMerged ? down.get(at) : undefined;
    const wide = anyMerged && cell.style === 'note' ? across.get(at) : undefined;
    if (anyMerged && merged.has(at) && !span && !wide) continue;
    const size = style.font?.size ?? 11;
    let width = 0;
    for (let c = cell.c; c <= (wide?.c2 ?? cell.c); c++) width += sheet.colWidths[c] ?? 8.43;
    const lines = wrappedLines(String(cell.v), width, size);
    // (A one-line note keeps the default height, as before.)
    if (wide && lines < 2) continue;
    const h = linesHeight(lines, size);
    const rows = span ? span.r2 - span.r1 + 1 : 1;
    for (let r = cell.r; r < cell.r + rows; r++) {
      if (sheet.rowHeights[r] !== undefined) continue;
      const each = Math.ceil(h / rows);
      if (each > (need.get(r) ?? 0)) need.set(r, each);
    }
  }
  for (const [r, h] of need) if (h > 15) sheet.rowHeights[r] = h;
}

/** How many lines text of `size` pt takes in `width` (Excel's column units), line breaks kept. Column
 *  width is in widths of the default font's 「0」 (11 pt); a character of `size` pt takes size/11 of that. */
function wrappedLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, (width - 1) * (11 / size));
  // Most cells are short: one line even if every character were wide, without measuring them.
  if (text.length * 2 <= perLine && text.indexOf('\n') < 0) return 1;
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / perLine));
  return lines;
}

/** A row's height in points for `lines` lines of `size` pt (Excel's limit is 409). */
const linesHeight = (lines: number, size: number) => Math.min(409, Math.ceil(lines * size * 1.35 + 6));

/** A hidden sheet holding every vocabulary, for dropdowns longer than Excel's 255-character inline limit. */
function listsSheet(profile: Profile): { sheet: SheetPlan; refs: Map<number, string> } {
  const cells: PlanCell[] = [];
  const refs = new Map<number, string>();
  let c = 0;
  for (const [col, d] of dropdownOptions(profile)) {
    cells.push({ r: 0, c, v: profile.columns[col].label, style: 'plain' });
    d.options.forEach((o, i) => cells.push({ r: i + 1, c, v: o, style: 'plain' }));
    const letter = columnLetter(c);
    refs.set(col, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${d.options.length + 1}`);
    c++;
  }
  return {
    sheet: {
      name: LISTS_SHEET,
      hidden: true,
      role: 'lists',
      cells,
      merges: [],
      colWidths: [],
      rowHeights: {},
      validations: [],
      textColumns: [],
    },
    refs,
  };
}

/** Where the header and the data go (0-based): on the summary sheet, or on 上海's working list
 *  (its title, its note, then the header). */
export function summaryLayout(profile: Profile): { headerRow: number; firstDataRow: number } {
  const headerRow = profile.layout === 'project' ? 2 : 2 + profile.sheet.linesAbove.length;
  return { headerRow, firstDataRow: headerRow + headerHeight(profile) };
}

/** Header rows: two when a learned template had a two-level header (a column with a group), else one. */
export function headerHeight(profile: Profile): 1 | 2 {
  return profile.columns.some((c) => c.group) ? 2 : 1;
}

/** The label printed under a column's group. hqds learn names a sub-label that repeats under two
 *  groups by group and sub-label together (「样本数」「文本」 → 「样本数文本」, learn.ts draftColumns):
 *  the template printed the bare sub-label, so that is what goes back under the group. */
export function subLabel(
  cols: readonly { label: string; group?: string }[],
  col: { label: string; group?: string },
): string {
  const g = col.group;
  if (!g || col.label === g || !col.label.startsWith(g)) return col.label;
  const bare = col.label.slice(g.length);
  return cols.some((x) => x !== col && x.label === bare) ? bare : col.label;
}

/**
 * The header from headerRow down. One row: each label in its cell. Two rows (FORMATS.md has none;
 * learned templates such as 「数据规模」 over 「结构化（条）」「非结构化（GB）」 do): a group's label merged
 * across its consecutive sub-columns above their sub-labels, and each ungrouped label merged over
 * both rows. Covered cells are drawn blank in the header style so the merged block keeps its
 * borders and fill in every writer.
 */
function drawHeader(
  cols: readonly { label: string; group?: string }[],
  headerRow: number,
  height: 1 | 2,
  cells: PlanCell[],
  merges: Range[],
  colOffset = 0,
): void {
  const put = (r: number, c: number, v: string | null) =>
    cells.push({ r, c: c + colOffset, v, style: 'header' });
  if (height === 1) {
    cols.forEach((col, c) => put(headerRow, c, col.label));
    return;
  }
  for (let c = 0; c < cols.length;) {
    const g = cols[c].group;
    if (!g) {
      put(headerRow, c, cols[c].label);
      put(headerRow + 1, c, null);
      merges.push({ r1: headerRow, c1: c + colOffset, r2: headerRow + 1, c2: c + colOffset });
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < cols.length && cols[end + 1].group === g) end++;
    put(headerRow, c, g);
    for (let k = c + 1; k <= end; k++) put(headerRow, k, null);
    if (end > c) merges.push({ r1: headerRow, c1: c + colOffset, r2: headerRow, c2: end + colOffset });
    for (let k = c; k <= end; k++) put(headerRow + 1, k, subLabel(cols, cols[k]));
    c = end + 1;
  }
}

function validationsFor(
  profile: Profile,
  first: number,
  last: number,
  refs: Map<number, string>,
  colOffset = 0,
): Validation[] {
  const out: Validation[] = [];
  for (const [col, d] of dropdownOptions(profile)) {
    const column = profile.columns[col];
    const joined = d.options.join(',');
    const inline = joined.length <= 255 && !d.options.some((o) => o.includes(','));
    out.push({
      r1: first,
      r2: Math.max(last, first + 199),
      c1: col + colOffset,
      c2: col + colOffset,
      ...(inline ? { list: d.options } : { source: refs.get(col)! }),
      strict: d.strict,
      title: column.label,
      prompt: column.multi
        ? `可多选，用「${column.joiner}」分隔；在任务窗格中可勾选多项。`
        : d.strict
          ? '请从列表中选择。'
          : `请从列表中选择；确属其他的，写「${profileOther(profile, column)}（具体内容）」。`,
    });
  }
  return out;
}

function profileOther(profile: Profile, col: Column): string {
  return (col.vocab && profile.vocabularies[col.vocab]?.other) || '其他';
}

function dataCells(
  columns: readonly Column[],
  values: readonly CellOut[],
  r: number,
  marks: Map<string, Marks>,
  entryIndex: number,
  colOffset = 0,
): PlanCell[] {
  return columns.map((col, c) => {
    const mark = marks.get(`${entryIndex}\u0001${col.label}`);
    const num = isNumberColumn(col) && (typeof values[c] === 'number' || values[c] === null);
    const base = col.type === 'seq' ? 'seq' : num ? 'number' : 'text';
    const style = mark
      ? `${base === 'seq' ? 'number' : base}${mark.severity === 'error' ? 'Error' : 'Warning'}`
      : base;
    return {
      r,
      c: c + colOffset,
      v: values[c] ?? null,
      style,
      note: mark ? mark.notes.join('\n') : undefined,
    };
  });
}

function columnWidths(columns: readonly Column[], rows: readonly (readonly CellOut[])[]): number[] {
  return columns.map((col, c) => {
    let w = Math.max(col.width, Math.min(displayWidth(col.label) / 2 + 2, 14));
    for (const row of rows) {
      const t = row[c];
      if (t === null || t === undefined) continue;
      w = Math.max(w, Math.min(displayWidth(String(t)) + 2, 40));
    }
    return Math.min(w, 40);
  });
}

/** The notice's footnote and our conversion note under the table, each across the table's width. */
function notesBelow(
  profile: Profile,
  s: PlanSettings,
  first: number,
  cells: PlanCell[],
  merges: Range[],
): void {
  const cols = profile.columns;
  const n = cols.length;
  let r = first;
  if (profile.sheet.footnote) {
    cells.push({ r, c: 0, v: profile.sheet.footnote, style: 'note' });
    merges.push({ r1: r, c1: 0, r2: r, c2: n - 1 });
    r++;
  }
  const sized = cols.some(
    (c) => c.type === 'quantity' && (c.quantity?.kind === 'size' || c.quantity?.kind === 'pairs'),
  );
  // A learned template's footnote may state the base itself (「数据量按 1TB=1024GB 折算」): once is enough.
  const stated = new RegExp(`1\\s*TB\\s*[=＝]\\s*${s.tb}\\s*GB`, 'i').test(profile.sheet.footnote ?? '');
  if (sized && !stated) {
    cells.push({ r, c: 0, v: `注：数据量按 1TB=${s.tb}GB 换算。`, style: 'note' });
    merges.push({ r1: r, c1: 0, r2: r, c2: n - 1 });
  }
}

/** The attachment line, the title and the lines above the table (推荐单位, date). */
function summaryTop(
  profile: Profile,
  s: PlanSettings,
): { cells: PlanCell[]; merges: Range[]; rowHeights: Record<number, number> } {
  const n = profile.columns.length;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const rowHeights: Record<number, number> = { 1: 40 };
  cells.push({ r: 0, c: 0, v: profile.sheet.attachment, style: 'attachment' });
  cells.push({ r: 1, c: 0, v: profileTitle(profile, s.titlePrefix), style: 'title' });
  merges.push({ r1: 1, c1: 0, r2: 1, c2: n - 1 });
  profile.sheet.linesAbove.forEach((segs, i) => {
    const r = 2 + i;
    rowHeights[r] = 24;
    layoutSegments(
      segs.map((x) => metaSegment(x, s)),
      r,
      n,
      cells,
      merges,
    );
  });
  return { cells, merges, rowHeights };
}

function summarySheet(
  profile: Profile,
  merged: MergeResult,
  s: PlanSettings,
  refs: Map<number, string>,
): SheetPlan {
  const cols = profile.columns;
  const n = cols.length;
  const { cells, merges, rowHeights } = summaryTop(profile, s);
  const { headerRow, firstDataRow } = summaryLayout(profile);
  drawHeader(cols, headerRow, headerHeight(profile), cells, merges);
  const marks = marksOf(merged.issues);
  const entries = merged.entries;
  // A new, empty summary gets bordered blank rows to type into, above the notes.
  const blankRows = entries.length ? 0 : 10;
  const blank = cols.map(() => null);
  for (let i = 0; i < blankRows; i++) cells.push(...dataCells(cols, blank, firstDataRow + i, marks, -1));
  const lastDataRow = firstDataRow + Math.max(entries.length, blankRows, 1) - 1;
  const tail: PlanCell[] = [];
  notesBelow(profile, s, lastDataRow + 1, tail, merges);
  const colWidths = columnWidths(
    cols,
    entries.map((m) => m.entry.cells),
  );
  wrapLongLines(cells, merges, headerRow, colWidths, rowHeights);
  // The entries' rows are generated when read (lazyCells): values are the entries' own.
  const row = (i: number) => dataCells(cols, entries[i].entry.cells, firstDataRow + i, marks, i);
  return lazyCells(
    {
      name: profile.sheet.sheetName,
      role: 'summary',
      cells,
      merges,
      colWidths,
      rowHeights,
      validations: validationsFor(profile, firstDataRow, lastDataRow, refs),
      freeze: { rows: firstDataRow, cols: 0 },
      print: {
        landscape: profile.sheet.page?.landscape ?? true,
        fitToWidth: true,
        titleRows: [headerRow, firstDataRow - 1],
      },
      textColumns: cols.map((c, i) => (isNumberColumn(c) ? -1 : i)).filter((i) => i >= 0),
      table: { headerRow, firstDataRow, lastDataRow, columns: n },
    },
    cells,
    entries.length,
    row,
    tail,
  );
}

/** A line above the header wider than the table (a learned template's long 填报说明) wraps within the
 *  table's width and its row grows to hold it: merged across, it would otherwise print clipped. */
function wrapLongLines(
  cells: PlanCell[],
  merges: readonly Range[],
  headerRow: number,
  colWidths: readonly number[],
  rowHeights: Record<number, number>,
): void {
  const size = 12;
  const width = colWidths.reduce((a, w) => a + w, 0);
  for (const cell of cells) {
    if (cell.r >= headerRow || cell.style !== 'meta' || typeof cell.v !== 'string') continue;
    // Only a line that has the row to itself (one segment, merged across the table) can wrap in place.
    const m = merges.find((x) => x.r1 === cell.r && x.c1 === cell.c && x.r2 === cell.r);
    if (!m || m.c2 < colWidths.length - 1) continue;
    const lines = wrappedLines(cell.v, width, size);
    if (lines < 2) continue;
    cell.style = 'metaLine';
    rowHeights[cell.r] = Math.max(rowHeights[cell.r] ?? 0, linesHeight(lines, size));
  }
}

/** Lay the segments of a meta line across the row: first left, last right, any middle centred. */
function layoutSegments(segs: string[], r: number, n: number, cells: PlanCell[], merges: Range[]): void {
  if (segs.length === 1) {
    cells.push({ r, c: 0, v: segs[0], style: 'meta' });
    merges.push({ r1: r, c1: 0, r2: r, c2: n - 1 });
    return;
  }
  const part = Math.floor(n / segs.length);
  segs.forEach((seg, i) => {
    const c1 = i * part;
    const c2 = i === segs.length - 1 ? n - 1 : c1 + part - 1;
    const style = i === 0 ? 'meta' : i === segs.length - 1 ? 'metaRight' : 'metaCenter';
    cells.push({ r, c: c1, v: seg, style });
    if (c2 > c1) merges.push({ r1: r, c1, r2: r, c2 });
  });
}

/** Whether an issue needs a person: errors, and warnings whose fix was not applied on its own. */
export const needsAttention = (issue: { severity: string; safe?: boolean }) =>
  issue.severity === 'error' || !issue.safe;

const ISSUES_HEADER = [
  '序号',
  '级别',
  '代码',
  '汇总表行',
  '列',
  '原值',
  '说明',
  '来源文件',
  '来源工作表',
  '来源行',
  '来源列',
];

/** The problems a person must work through, errors first. Fixes already applied (conversions,
 *  synonyms) are not repeated here: they are counted in the first line and listed in the report. */
function issuesSheet(merged: MergeResult, target: SheetPlan): SheetPlan {
  const applied = merged.issues.filter((i) => !needsAttention(i)).length;
  const cells: PlanCell[] = [
    {
      r: 0,
      c: 0,
      v: `以下是需要人工处理的问题。另有 ${applied} 处已自动规范（单位换算、别称改写、序号重排等），明细见「修改记录」工作表（hqds 另可用 --report 输出报告）。`,
      style: 'meta',
    },
  ];
  ISSUES_HEADER.forEach((h, c) => cells.push({ r: 1, c, v: h, style: 'header' }));
  const first = target.table?.firstDataRow ?? 0;
  const sorted = merged.issues
    .filter(needsAttention)
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.entry ?? -1) - (b.entry ?? -1),
    );
  // One row per issue, generated when read (lazyCells).
  const row = (i: number): PlanCell[] => {
    const issue = sorted[i];
    const r = i + 2;
    const values: CellOut[] = [
      i + 1,
      issue.severity === 'error' ? '错误' : '提示',
      issue.code,
      issue.entry === null ? null : first + issue.entry + 1,
      issue.field,
      issue.value ?? null,
      issue.message,
      issue.source.file,
      issue.source.sheet,
      issue.source.row,
      issue.source.column,
    ];
    return values.map((v, c) => ({ r, c, v, style: c === 0 || c === 3 || c === 9 ? 'number' : 'text' }));
  };
  return lazyCells(
    {
      name: ISSUES_SHEET,
      role: 'issues',
      cells,
      merges: [],
      colWidths: [6, 6, 22, 9, 18, 18, 60, 24, 14, 8, 18],
      rowHeights: {},
      validations: [],
      freeze: { rows: 2, cols: 0 },
      print: { landscape: true, fitToWidth: true, titleRows: [1, 1] },
      textColumns: [1, 2, 4, 5, 6, 7, 8, 10],
    },
    cells,
    sorted.length,
    row,
    [],
  );
}

function workingList(
  profile: Profile,
  merged: MergeResult,
  s: PlanSettings,
  refs: Map<number, string>,
): SheetPlan {
  const cols = profile.columns;
  const n = cols.length + 1;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  cells.push({
    r: 0,
    c: 0,
    v: profile.sheet.workingListTitle ?? `${profile.name}汇总（工作清单）`,
    style: 'title',
  });
  merges.push({ r1: 0, c1: 0, r2: 0, c2: n - 1 });
  cells.push({
    r: 1,
    c: 0,
    v: profile.sheet.workingListNote ?? '本清单为汇总助手生成的工作表，不是官方模板。',
    style: 'meta',
  });
  merges.push({ r1: 1, c1: 0, r2: 1, c2: n - 1 });
  const { headerRow, firstDataRow } = summaryLayout(profile);
  drawHeader([{ label: '序号' }, ...cols], headerRow, headerHeight(profile), cells, merges);
  const marks = marksOf(merged.issues);
  merged.entries.forEach((m, i) => {
    cells.push({ r: firstDataRow + i, c: 0, v: i + 1, style: 'seq' });
    cells.push(...dataCells(cols, m.entry.cells, firstDataRow + i, marks, i, 1));
  });
  const lastDataRow = firstDataRow - 1 + Math.max(merged.entries.length, 1);
  return {
    name: WORKING_LIST_SHEET,
    role: 'working-list',
    cells,
    merges,
    colWidths: [
      6,
      ...columnWidths(
        cols,
        merged.entries.map((m) => m.entry.cells),
      ),
    ],
    rowHeights: { 0: 36 },
    validations: validationsFor(profile, firstDataRow, lastDataRow, refs, 1),
    freeze: { rows: firstDataRow, cols: 2 },
    print: { landscape: true, fitToWidth: true, titleRows: [headerRow, firstDataRow - 1] },
    textColumns: cols.map((c, i) => (isNumberColumn(c) ? -1 : i + 1)).filter((i) => i >= 0),
    table: { headerRow, firstDataRow, lastDataRow, columns: n },
  };
}

/** A project form being drawn: its cells and merges, and the form's last column. */
interface FormDraw {
  cells: PlanCell[];
  merges: Range[];
  lastCol: number;
  get: (key: string) => CellOut;
}

const valueStyle = (v: CellOut) => (typeof v === 'number' ? 'number' : 'text');

/** A value from column c to c2, merged across (the blank cells carry the border). */
function drawValue(d: FormDraw, r: number, c: number, v: CellOut, c2: number): void {
  d.cells.push({ r, c, v, style: valueStyle(v) });
  for (let k = c + 1; k <= c2; k++) d.cells.push({ r, c: k, v: null, style: 'text' });
  if (c2 > c) d.merges.push({ r1: r, c1: c, r2: r, c2 });
}

/** 「☑方向1：…  □方向2：…」: the vocabulary's options, the chosen one ticked (by its start: 「其他（请注明）」 matches 「其他（…）」). */
function tickedOptions(options: string[], chosen: CellOut): string {
  const text = String(chosen ?? '');
  return options.map((o) => `${text.startsWith(o.replace(/（请注明）$/, '')) ? '☑' : '□'}${o}`).join('  ');
}

/** One row of the form (see ProjectRow in profile.ts); returns the next free row. */
function drawFormRow(profile: Profile, d: FormDraw, row: ProjectRow, r: number): number {
  const label = (rr: number, c: number, v: string) => d.cells.push({ r: rr, c, v, style: 'label' });
  if ('years' in row) {
    label(r, 0, row.label);
    row.years.forEach((y, k) => label(r, k + 1, `${y}年`));
    for (const [m, measure] of row.measures.entries()) {
      label(r + 1 + m, 0, measure.label);
      row.years.forEach((y, k) => {
        const v = d.get(`${measure.key}${y}`);
        d.cells.push({ r: r + 1 + m, c: k + 1, v, style: valueStyle(v) });
      });
    }
    return r + 1 + row.measures.length;
  }
  if ('items' in row) {
    let c = 0;
    for (const item of row.items) {
      if (item.key !== undefined) drawValue(d, r, c, d.get(item.key), c + item.span - 1);
      else label(r, c, item.label ?? '');
      c += item.span;
    }
    return r + 1;
  }
  label(r, 0, row.label);
  drawValue(d, r, 1, formValue(profile, row, d.get(row.key)), d.lastCol);
  return r + 1;
}

/** A labelled value as printed: as it is, or as ticked options with the other-option written out. */
function formValue(profile: Profile, row: Extract<ProjectRow, { key: string }>, v: CellOut): CellOut {
  if (!row.ticks) return v;
  const ticked = tickedOptions(
    profile.vocabularies[row.ticks].items.map((x) => x.label),
    v,
  );
  if (!row.otherTick) return ticked;
  const other = String(v ?? '').startsWith(row.otherTick.replace(/（请注明）$/, ''))
    ? `☑${v}`
    : `□${row.otherTick}`;
  return `${ticked}  ${other}`;
}

/** One project form (上海's 项目基本信息情况表) for one project, drawn from the profile's projectForm. */
function projectSheet(
  profile: Profile,
  values: readonly CellOut[],
  i: number,
  taken: Set<string>,
): SheetPlan {
  const form = profile.projectForm!;
  const d: FormDraw = {
    cells: [],
    merges: [],
    lastCol: form.colWidths.length - 1,
    get: (key) => values[profile.columns.findIndex((c) => c.key === key)] ?? null,
  };
  d.cells.push({ r: 0, c: 0, v: profile.sheet.attachment, style: 'attachment' });
  d.cells.push({ r: 1, c: 0, v: form.title, style: 'title' });
  d.merges.push({ r1: 1, c1: 0, r2: 1, c2: d.lastCol });
  let r = 2;
  for (const row of form.rows) r = drawFormRow(profile, d, row, r);
  return {
    name: uniqueSheetName(`项目${i + 1}-${String(d.get(form.nameKey) ?? '')}`, taken),
    role: 'project',
    cells: d.cells,
    merges: d.merges,
    colWidths: [...form.colWidths],
    rowHeights: { 1: 32 },
    validations: [],
    print: { landscape: false, fitToWidth: true },
    textColumns: [],
  };
}

/** The sheet listing every automatic change (修改记录): what the issues sheet points to. */
export const CHANGE_LOG_SHEET = '修改记录';

/** Its columns, shared by the writers and by the add-in, which appends its own fixes. */
export function changeLogHeader(): string[] {
  return ['序号', '工作表', '单元格', '列', '原值', '新值', '规则', '来源'];
}

/** One row of the change log (0-based sheet row r; the header is row 0). */
export function changeLogRow(
  r: number,
  c: { sheet: string; cell: string; field: string | null; from: string; to: string; rule: string },
  source: string,
): (string | number)[] {
  return [r, c.sheet, c.cell, c.field ?? '', c.from, c.to, c.rule, source];
}

/** 修改记录 for a build: each change of the merge at its cell in the summary, with its source. */
export function changeLogSheet(profile: Profile, merged: MergeResult, target: SheetPlan): SheetPlan {
  const header = changeLogHeader();
  const cells: PlanCell[] = header.map((h, c) => ({ r: 0, c, v: h, style: 'header' }));
  const first = target.table?.firstDataRow ?? 0;
  // The working list (上海) has 序号 in its first column, so its fields sit one column to the right.
  const shift = target.role === 'working-list' ? 1 : 0;
  // One row per change, generated when read (lazyCells): 283,000 changes made 2.3 million cells at 100,000 rows.
  const colOf = new Map<string | null, number>();
  profile.columns.forEach((c, i) => {
    if (!colOf.has(c.label)) colOf.set(c.label, i);
  });
  const row = (i: number): PlanCell[] => {
    const ch = merged.changes[i];
    const col = colOf.get(ch.field) ?? -1;
    const cell = ch.entry === null || col < 0 ? '' : `${columnLetter(col + shift)}${first + ch.entry + 1}`;
    const src = `${ch.source.file}「${ch.source.sheet}」${ch.source.row === null ? '' : `第 ${ch.source.row} 行`}${ch.source.column ? ` ${ch.source.column}` : ''}`;
    const values = changeLogRow(
      i + 1,
      {
        sheet: target.name,
        cell,
        field: ch.field,
        from: ch.from,
        to: ch.to === null ? '' : String(ch.to),
        rule: ch.reason,
      },
      src,
    );
    return values.map((v, c) => ({ r: i + 1, c, v, style: c === 0 ? 'number' : 'text' }));
  };
  return lazyCells(
    {
      name: CHANGE_LOG_SHEET,
      role: 'changes',
      cells,
      merges: [],
      colWidths: [6, 14, 8, 18, 24, 24, 50, 36],
      rowHeights: {},
      validations: [],
      freeze: { rows: 1, cols: 0 },
      print: { landscape: true, fitToWidth: true, titleRows: [0, 0] },
      textColumns: [1, 2, 3, 4, 5, 6, 7],
    },
    cells,
    merged.changes.length,
    row,
    [],
  );
}
