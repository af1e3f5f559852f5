/**
 * The summary workbook as data: cells, merges, styles, column widths, dropdowns, notes and page
 * setup (FORMATS.md §10). The file writer (src/io) and the Office.js adapter (src/excel) both just
 * carry out this plan, so hqds and the add-in write the very same sheet.
 */
import { columnLetter } from './address';
import { uniqueSheetName } from './sheet-name';
import type { CellOut } from './engine';
import type { MergeResult, MergedIssue } from './merge';
import { profileTitle, type Column, type Profile } from './profile';
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
}

export const DEFAULT_SETTINGS: PlanSettings = {
  tb: 1024,
  titleFont: '方正小标宋简体',
  tableFont: '仿宋_GB2312',
  tableSize: 10.5,
  annotate: true,
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
    title: { font: { name: s.titleFont, size: 22, bold: s.titleFont === '宋体' }, align: { h: 'center', v: 'middle', wrap: true } },
    meta: { font: { name: s.tableFont, size: 12 }, align: { h: 'left', v: 'middle' } },
    metaCenter: { font: { name: s.tableFont, size: 12 }, align: { h: 'center', v: 'middle' } },
    metaRight: { font: { name: s.tableFont, size: 12 }, align: { h: 'right', v: 'middle' } },
    header: { font: { ...t, bold: true }, border: true, fill: HEADER_FILL, align: { h: 'center', v: 'middle', wrap: true } },
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

/** Display width of text in Excel's character units: CJK and full-width count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const isNumberColumn = (c: Column) => c.type === 'seq' || c.type === 'money' || c.type === 'percent' || (c.type === 'quantity' && c.quantity?.kind === 'size');

/** 「年　月　日」 with today's date, or as printed. 「推荐单位：（盖章）」 with the recommender's name. */
function metaSegment(seg: string, s: PlanSettings): string {
  if (seg === '年　月　日' && s.date) return `${s.date.getFullYear()}年${s.date.getMonth() + 1}月${s.date.getDate()}日`;
  if (seg === '推荐单位：（盖章）' && s.recommender?.trim()) return `推荐单位：${s.recommender.trim()}（盖章）`;
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
  for (const is of issues) {
    if (is.entry === null || !is.field || !needsAttention(is)) continue;
    const k = `${is.entry}\u0001${is.field}`;
    const cur = m.get(k) ?? { severity: 'warning' as const, notes: [] };
    if (is.severity === 'error') cur.severity = 'error';
    cur.notes.push(`${is.severity === 'error' ? '错误' : '提示'}：${is.message}`);
    m.set(k, cur);
  }
  return m;
}

/** The summary workbook for a merge result: the summary sheet (or, for 上海, one 项目基本信息情况表 per
 *  project and our working list), the hidden lists sheet and the issues sheet. */
export function planWorkbook(profile: Profile, merged: MergeResult, settings: Partial<PlanSettings> = {}): WorkbookPlan {
  // A learned format's own fonts (hqds learn read them from its template) before the defaults; settings win.
  const f = profile.sheet.fonts;
  const own: Partial<PlanSettings> = { ...(f?.title?.name && { titleFont: f.title.name }), ...(f?.table?.name && { tableFont: f.table.name }), ...(f?.table?.size && { tableSize: f.table.size }) };
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
  const st = styles(s);
  for (const sp of sheets) fitRowHeights(sp, st);
  return { sheets, styles: st };
}

/** Row heights for wrapped text, estimated from display width and column width: neither Excel nor
 *  LibreOffice grows a row for wrapped text in a file it opens, so a clipped header would print. */
export function fitRowHeights(sp: SheetPlan, st: Record<string, CellStyle>): void {
  const merged = new Set<string>();
  for (const m of sp.merges) for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) merged.add(`${r},${c}`);
  const need = new Map<number, number>();
  for (const pc of sp.cells) {
    if (pc.v === null || pc.v === '' || merged.has(`${pc.r},${pc.c}`) || sp.rowHeights[pc.r] !== undefined) continue;
    const style = st[pc.style];
    if (!style?.align?.wrap) continue;
    const size = style.font?.size ?? 11;
    // Column width is in widths of the default font's 「0」 (11 pt); a character of `size` pt takes size/11 of that.
    const perLine = Math.max(1, ((sp.colWidths[pc.c] ?? 8.43) - 1) * (11 / size));
    let lines = 0;
    for (const part of String(pc.v).split('\n')) lines += Math.max(1, Math.ceil(displayWidth(part) / perLine));
    const h = Math.min(409, Math.ceil(lines * size * 1.35 + 6));
    if (h > (need.get(pc.r) ?? 0)) need.set(pc.r, h);
  }
  for (const [r, h] of need) if (h > 15) sp.rowHeights[r] = h;
}

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
  return { sheet: { name: LISTS_SHEET, hidden: true, role: 'lists', cells, merges: [], colWidths: [], rowHeights: {}, validations: [], textColumns: [] }, refs };
}

/** Where the header and the data go (0-based): on the summary sheet, or on 上海's working list
 *  (its title, its note, then the header). */
export function summaryLayout(profile: Profile): { headerRow: number; firstDataRow: number } {
  const headerRow = profile.layout === 'project' ? 2 : 2 + profile.sheet.linesAbove.length;
  return { headerRow, firstDataRow: headerRow + 1 };
}

function validationsFor(profile: Profile, first: number, last: number, refs: Map<number, string>, colOffset = 0): Validation[] {
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
      prompt: column.multi ? `可多选，用「${column.joiner}」分隔；在任务窗格中可勾选多项。` : d.strict ? '请从列表中选择。' : `请从列表中选择；确属其他的，写「${profileOther(profile, column)}（具体内容）」。`,
    });
  }
  return out;
}

function profileOther(profile: Profile, col: Column): string {
  return (col.vocab && profile.vocabularies[col.vocab]?.other) || '其他';
}

function dataCells(columns: readonly Column[], values: readonly CellOut[], r: number, marks: Map<string, Marks>, entryIndex: number, colOffset = 0): PlanCell[] {
  return columns.map((col, c) => {
    const mark = marks.get(`${entryIndex}\u0001${col.label}`);
    const num = isNumberColumn(col) && (typeof values[c] === 'number' || values[c] === null);
    const base = col.type === 'seq' ? 'seq' : num ? 'number' : 'text';
    const style = mark ? `${base === 'seq' ? 'number' : base}${mark.severity === 'error' ? 'Error' : 'Warning'}` : base;
    return { r, c: c + colOffset, v: values[c] ?? null, style, note: mark ? mark.notes.join('\n') : undefined };
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

function summarySheet(profile: Profile, merged: MergeResult, s: PlanSettings, refs: Map<number, string>): SheetPlan {
  const cols = profile.columns;
  const n = cols.length;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const rowHeights: Record<number, number> = { 1: 40 };
  cells.push({ r: 0, c: 0, v: profile.sheet.attachment, style: 'attachment' });
  cells.push({ r: 1, c: 0, v: profileTitle(profile, s.titlePrefix), style: 'title' });
  merges.push({ r1: 1, c1: 0, r2: 1, c2: n - 1 });
  profile.sheet.linesAbove.forEach((segs, i) => {
    const r = 2 + i;
    rowHeights[r] = 24;
    layoutSegments(segs.map((x) => metaSegment(x, s)), r, n, cells, merges);
  });
  const { headerRow, firstDataRow } = summaryLayout(profile);
  cols.forEach((col, c) => cells.push({ r: headerRow, c, v: col.label, style: 'header' }));
  const marks = marksOf(merged.issues);
  merged.entries.forEach((m, i) => cells.push(...dataCells(cols, m.entry.cells, firstDataRow + i, marks, i)));
  // A new, empty summary gets bordered blank rows to type into, above the notes.
  const blankRows = merged.entries.length ? 0 : 10;
  for (let i = 0; i < blankRows; i++) cells.push(...dataCells(cols, cols.map(() => null), firstDataRow + i, marks, -1));
  const lastDataRow = firstDataRow + Math.max(merged.entries.length, blankRows, 1) - 1;
  let r = lastDataRow + 1;
  if (profile.sheet.footnote) {
    cells.push({ r, c: 0, v: profile.sheet.footnote, style: 'note' });
    merges.push({ r1: r, c1: 0, r2: r, c2: n - 1 });
    r++;
  }
  if (cols.some((c) => c.type === 'quantity' && (c.quantity?.kind === 'size' || c.quantity?.kind === 'pairs'))) {
    cells.push({ r, c: 0, v: `注：数据量按 1TB=${s.tb}GB 换算。`, style: 'note' });
    merges.push({ r1: r, c1: 0, r2: r, c2: n - 1 });
  }
  return {
    name: profile.sheet.sheetName,
    role: 'summary',
    cells,
    merges,
    colWidths: columnWidths(cols, merged.entries.map((m) => m.entry.cells)),
    rowHeights,
    validations: validationsFor(profile, firstDataRow, lastDataRow, refs),
    freeze: { rows: firstDataRow, cols: 0 },
    print: { landscape: profile.sheet.page?.landscape ?? true, fitToWidth: true, titleRows: [headerRow, headerRow] },
    textColumns: cols.map((c, i) => (isNumberColumn(c) ? -1 : i)).filter((i) => i >= 0),
    table: { headerRow, firstDataRow, lastDataRow, columns: n },
  };
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
export const needsAttention = (is: { severity: string; safe?: boolean }) => is.severity === 'error' || !is.safe;

/** The problems a person must work through, errors first. Fixes already applied (conversions,
 *  synonyms) are not repeated here: they are counted in the first line and listed in the report. */
function issuesSheet(merged: MergeResult, target: SheetPlan): SheetPlan {
  const header = ['序号', '级别', '代码', '汇总表行', '列', '原值', '说明', '来源文件', '来源工作表', '来源行', '来源列'];
  const applied = merged.issues.filter((i) => !needsAttention(i)).length;
  const cells: PlanCell[] = [{ r: 0, c: 0, v: `以下是需要人工处理的问题。另有 ${applied} 处已自动规范（单位换算、别称改写、序号重排等），明细见「修改记录」工作表（hqds 另可用 --report 输出报告）。`, style: 'meta' }];
  header.forEach((h, c) => cells.push({ r: 1, c, v: h, style: 'header' }));
  const first = target.table?.firstDataRow ?? 0;
  const sorted = merged.issues.filter(needsAttention).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.entry ?? -1) - (b.entry ?? -1));
  sorted.forEach((is, i) => {
    const r = i + 2;
    const values: CellOut[] = [
      i + 1,
      is.severity === 'error' ? '错误' : '提示',
      is.code,
      is.entry === null ? null : first + is.entry + 1,
      is.field,
      is.value ?? null,
      is.message,
      is.source.file,
      is.source.sheet,
      is.source.row,
      is.source.column,
    ];
    values.forEach((v, c) => cells.push({ r, c, v, style: c === 0 || c === 3 || c === 9 ? 'number' : 'text' }));
  });
  return {
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
  };
}

function workingList(profile: Profile, merged: MergeResult, s: PlanSettings, refs: Map<number, string>): SheetPlan {
  const cols = profile.columns;
  const n = cols.length + 1;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  cells.push({ r: 0, c: 0, v: profile.sheet.workingListTitle ?? `${profile.name}汇总（工作清单）`, style: 'title' });
  merges.push({ r1: 0, c1: 0, r2: 0, c2: n - 1 });
  cells.push({ r: 1, c: 0, v: profile.sheet.workingListNote ?? '本清单为汇总助手生成的工作表，不是官方模板。', style: 'meta' });
  merges.push({ r1: 1, c1: 0, r2: 1, c2: n - 1 });
  const { headerRow } = summaryLayout(profile);
  cells.push({ r: headerRow, c: 0, v: '序号', style: 'header' });
  cols.forEach((col, c) => cells.push({ r: headerRow, c: c + 1, v: col.label, style: 'header' }));
  const marks = marksOf(merged.issues);
  merged.entries.forEach((m, i) => {
    cells.push({ r: headerRow + 1 + i, c: 0, v: i + 1, style: 'seq' });
    cells.push(...dataCells(cols, m.entry.cells, headerRow + 1 + i, marks, i, 1));
  });
  const lastDataRow = headerRow + Math.max(merged.entries.length, 1);
  return {
    name: '工作清单',
    role: 'working-list',
    cells,
    merges,
    colWidths: [6, ...columnWidths(cols, merged.entries.map((m) => m.entry.cells))],
    rowHeights: { 0: 36 },
    validations: validationsFor(profile, headerRow + 1, lastDataRow, refs, 1),
    freeze: { rows: headerRow + 1, cols: 2 },
    print: { landscape: true, fitToWidth: true, titleRows: [headerRow, headerRow] },
    textColumns: cols.map((c, i) => (isNumberColumn(c) ? -1 : i + 1)).filter((i) => i >= 0),
    table: { headerRow, firstDataRow: headerRow + 1, lastDataRow, columns: n },
  };
}

/** One 项目基本信息情况表 for one project, laid out as the notice prints it. */
function projectSheet(profile: Profile, values: readonly CellOut[], i: number, taken: Set<string>): SheetPlan {
  const get = (key: string) => values[profile.columns.findIndex((c) => c.key === key)] ?? null;
  const cells: PlanCell[] = [];
  const merges: Range[] = [];
  const label = (r: number, c: number, v: string) => cells.push({ r, c, v, style: 'label' });
  const value = (r: number, c: number, v: CellOut, c2 = 4) => {
    cells.push({ r, c, v, style: typeof v === 'number' ? 'number' : 'text' });
    for (let k = c + 1; k <= c2; k++) cells.push({ r, c: k, v: null, style: 'text' });
    if (c2 > c) merges.push({ r1: r, c1: c, r2: r, c2 });
  };
  cells.push({ r: 0, c: 0, v: profile.sheet.attachment, style: 'attachment' });
  cells.push({ r: 1, c: 0, v: '一、项目基本信息情况表', style: 'title' });
  merges.push({ r1: 1, c1: 0, r2: 1, c2: 4 });
  let r = 2;
  const tick = (options: string[], chosen: CellOut) => options.map((o) => `${String(chosen ?? '').startsWith(o.replace(/（请注明）$/, '')) ? '☑' : '□'}${o}`).join('  ');
  const row = (l: string, v: CellOut) => {
    label(r, 0, l);
    value(r, 1, v);
    r++;
  };
  row('项目名称', get('projectName'));
  row('申报单位名称', get('applicant'));
  row('申报方向', tick(profile.vocabularies.direction.items.map((x) => x.label), get('direction')));
  row('项目周期', get('period'));
  row('拟投入资金（万元）', get('plannedFunds'));
  row('已投入资金（万元）', get('investedFunds'));
  label(r, 0, '项目联系人');
  value(r, 1, get('contactName'), 1);
  label(r, 2, '职务');
  value(r, 3, get('jobTitle'), 4);
  r++;
  row('电话', get('contactPhone'));
  row('邮箱', get('contactEmail'));
  row('单位地址', get('address'));
  row('所在区（注册区县）', get('district'));
  row('法定代表人', get('legalRep'));
  row('统一社会信用代码', get('creditCode'));
  const nature = profile.vocabularies.nature;
  const chosenNature = get('nature');
  const natureText = `${tick(nature.items.map((x) => x.label), chosenNature)}  ${String(chosenNature ?? '').startsWith('其他') ? `☑${chosenNature}` : '□其他（请注明）'}`;
  row('单位性质', natureText);
  label(r, 0, '近三年企业发展情况');
  ['2022年', '2023年', '2024年'].forEach((y, k) => label(r, k + 1, y));
  r++;
  for (const [name, key] of [['资产总额（万元）', 'assets'], ['资产负债率（%）', 'debtRatio'], ['主营业务收入（万元）', 'revenue'], ['利润率（%）', 'profitRate']]) {
    label(r, 0, name);
    ['2022', '2023', '2024'].forEach((y, k) => {
      const v = get(`${key}${y}`);
      cells.push({ r, c: k + 1, v, style: typeof v === 'number' ? 'number' : 'text' });
    });
    r++;
  }
  const name = uniqueSheetName(`项目${i + 1}-${String(get('projectName') ?? '')}`, taken);
  return {
    name,
    role: 'project',
    cells,
    merges,
    colWidths: [22, 18, 14, 14, 14],
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
export function changeLogRow(r: number, c: { sheet: string; cell: string; field: string | null; from: string; to: string; rule: string }, source: string): (string | number)[] {
  return [r, c.sheet, c.cell, c.field ?? '', c.from, c.to, c.rule, source];
}

/** 修改记录 for a build: each change of the merge at its cell in the summary, with its source. */
export function changeLogSheet(profile: Profile, merged: MergeResult, target: SheetPlan): SheetPlan {
  const header = changeLogHeader();
  const cells: PlanCell[] = header.map((h, c) => ({ r: 0, c, v: h, style: 'header' }));
  const first = target.table?.firstDataRow ?? 0;
  // The working list (上海) has 序号 in its first column, so its fields sit one column to the right.
  const shift = target.role === 'working-list' ? 1 : 0;
  merged.changes.forEach((ch, i) => {
    const col = profile.columns.findIndex((c) => c.label === ch.field);
    const cell = ch.entry === null || col < 0 ? '' : `${columnLetter(col + shift)}${first + ch.entry + 1}`;
    const src = `${ch.source.file}「${ch.source.sheet}」${ch.source.row === null ? '' : `第 ${ch.source.row} 行`}${ch.source.column ? ` ${ch.source.column}` : ''}`;
    const row = changeLogRow(i + 1, { sheet: target.name, cell, field: ch.field, from: ch.from, to: ch.to === null ? '' : String(ch.to), rule: ch.reason }, src);
    row.forEach((v, c) => cells.push({ r: i + 1, c, v, style: c === 0 ? 'number' : 'text' }));
  });
  return {
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
  };
}
