/**
 * Learning a per-project form from its blank template (issue 13): 上海's 项目基本信息情况表 is one
 * label | value sheet per project (seeds/003, FORMATS.md §5), not a table with a header row. This
 * recognises such a sheet (short labels with room to fill in beside them, ☐ option lists, a block
 * with years across) and drafts the profile's `projectForm` from it, with a column per field so the
 * same format also checks the working list. Pure: the sheet arrives in the neutral shape
 * src/io/template*.ts make; the crosswalk (concept keys, column kinds, vocabularies) is handed in by
 * learn.ts, so the two modules share one crosswalk without importing each other.
 *
 * Labels are kept character for character; only what the template shows is inferred, and each
 * inference is said in Chinese for the clerk to confirm.
 */
import { cellText, type CellValue } from './cell';
import type { Column, FormField, Profile, ProjectForm, ProjectRow, Vocabulary } from './profile';
import type { TemplateRange, TemplateSheet } from './learn';
import { toHalfWidth } from './text';

/** What learn.ts lends: its header crosswalk, its column kinds and its vocabulary builder. */
export interface FormCrosswalk {
  keyOf(label: string): { key: string; how: 'exact' | 'fuzzy' } | null;
  column(label: string, key: string, known: boolean, inferred: string[]): Column;
  vocabulary(name: string, options: string[], what: string, inferred: string[]): Vocabulary;
}

export interface LearnedForm {
  sheet: string;
  attachment: string;
  /** The text above the form (a 申报书's cover and 须知): where the region may be named. */
  above: string[];
  form: ProjectForm;
  columns: Column[];
  vocabularies: Record<string, Vocabulary>;
  /** Sections below the form with a word limit (「（一）申报单位基本情况（不超过1000字）」). */
  fields: FormField[];
  /** The other text below the form (「所属领域：A、B、C。」, a seal line), for learn.ts to read options from. */
  below: string[];
  inferred: string[];
  missing: string[];
}

// ---------------------------------------------------------------------------------------------
// The grid.

const BOX = /[□☐☑☒■✓✔]/;
const BOXES = /[□☐☑☒■✓✔]/g;
const YEAR = /^((?:19|20)\d{2})\s*年?度?$/;
const ATTACHMENT = /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*$/;
/** A 附件 label or a heading (「一、项目基本信息情况表」), never a field, even in a grid read without merges. */
const HEADING =
  /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*$|^\s*[一二三四五六七八九十]+\s*[、.．]|.{3,}[^代报]表\s*$/;
/** The other-option among ☐ options: 「其他（请注明）」, 「其它」, 「其他：____」. */
const OTHER_LIKE = /^(其它|其他)(?:\s*[（(][^）)]*[）)]|\s*[：:]?[\s_＿]*)$/;
const MULTI_MARK = /[（(]\s*(?:可多选|多选)\s*[）)]/;
/** Instructions left in a value cell (「填写…，如“…”」): a hint, not a value every project shares. */
const INSTRUCTION = /填写|请|如[:：“"]|例如|示例|XX|××|盖章|签字|签名|(?<!\d\s*)年[\s\u3000]*月[\s\u3000]*日/;
/** 「（一）申报单位基本情况（不超过1000字）」 under the form: a section with its word limit. */
const SECTION_LIMIT =
  /^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*(.+?)\s*[（(]\s*不超过\s*(\d+)\s*字\s*[)）]\s*$/;

const str = (v: CellValue): string => (v === null || v === undefined ? '' : cellText(v));
/** A label as printed: a line break typed to wrap a narrow cell is layout, not text. */
const oneLine = (t: string) => t.trim().replace(/[ \t]*\r?\n[ \t]*/g, '');
const isBlank = (t: string) => t.replace(/[\s\u3000]/g, '') === '';

interface Grid {
  sh: TemplateSheet;
  /** The form's width in columns. */
  width: number;
}

const at = (g: Grid, r: number, c: number) => oneLine(str(g.sh.rows[r]?.[c]));

function mergeAt(g: Grid, r: number, c: number): TemplateRange | undefined {
  return g.sh.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/**
 * The sheet as if the form began in column A: an Excel template often leaves column A as a narrow
 * margin and draws the form from B. Rows, merges and widths move left together.
 */
function fromColumnA(sh: TemplateSheet): TemplateSheet {
  let left = Infinity;
  for (let r = 0; r < Math.min(sh.rows.length, FORM_ROWS); r++) {
    const c = (sh.rows[r] ?? []).findIndex((v) => !isBlank(str(v)));
    if (c >= 0) left = Math.min(left, c);
  }
  if (!(left > 0 && left < Infinity) || sh.merges.some((m) => m.c1 < left)) return sh;
  return {
    ...sh,
    rows: Array.from(sh.rows, (row) => (row ?? []).slice(left)),
    merges: sh.merges.map((m) => ({ ...m, c1: m.c1 - left, c2: m.c2 - left })),
    ...(sh.colWidths && { colWidths: sh.colWidths.slice(left) }),
  };
}

/** The width: the widest table row or merge (a Word table's rows carry every grid cell). */
function widthOf(sh: TemplateSheet): number {
  let w = 0;
  for (const row of sh.rows) if (row && row.length > 1) w = Math.max(w, row.length);
  for (const m of sh.merges) if (m.c1 > 0 || m.r2 > m.r1) w = Math.max(w, m.c2 + 1);
  return w;
}

type RowKind =
  | { kind: 'blank' }
  | { kind: 'text'; t: string; wide: boolean }
  | { kind: 'years'; label: string; years: string[] }
  | { kind: 'cont'; texts: string[] }
  | { kind: 'label'; texts: { c: number; t: string }[]; room: boolean }
  | { kind: 'other' };

/** What one row of the sheet is, as a form reader sees it. */
function classify(g: Grid, r: number): RowKind {
  const texts: { c: number; t: string }[] = [];
  for (let c = 0; c < Math.max(g.width, g.sh.rows[r]?.length ?? 0); c++) {
    const t = at(g, r, c);
    if (!isBlank(t)) texts.push({ c, t });
  }
  if (!texts.length) return { kind: 'blank' };
  const first = texts[0];
  const m0 = mergeAt(g, r, 0);
  if (first.c > 0)
    // A label merged down over several rows (申报方向 over its two options): this row continues it.
    return m0 && m0.r1 < r && m0.c2 === 0
      ? { kind: 'cont', texts: texts.map((x) => x.t) }
      : { kind: 'other' };
  const wide = (mergeAt(g, r, 0)?.c2 ?? 0) >= g.width - 1;
  // A text merged across the whole form has no room beside it, whatever cells the reader padded.
  if (texts.length === 1 && (!hasRoom(g, r) || wide || HEADING.test(first.t)))
    return { kind: 'text', t: first.t, wide };
  const years = texts.slice(1).map((x) => YEAR.exec(toHalfWidth(x.t).trim())?.[1]);
  if (texts.length >= 3 && years.every(Boolean))
    return { kind: 'years', label: first.t, years: years as string[] };
  if (first.t.length > 30 || BOX.test(first.t) || texts.length >= 5) return { kind: 'other' };
  return { kind: 'label', texts, room: hasRoom(g, r) };
}

/** Forms are short (上海's has 21 rows): rows further down are not read, so a large sheet costs little. */
const FORM_ROWS = 300;

function classifyRows(g: Grid): RowKind[] {
  return Array.from({ length: Math.min(g.sh.rows.length, FORM_ROWS) }, (_, r) => classify(g, r));
}

/** Whether the row shows room to fill in: a merged value area, or the cells of a Word table row. */
function hasRoom(g: Grid, r: number): boolean {
  return (g.sh.rows[r]?.length ?? 0) > 1 || g.sh.merges.some((m) => m.r1 === r && m.c1 > 0);
}

/** The form's rows: from the first labelled row with room beside it to the last one. */
function formBlock(g: Grid, kinds: RowKind[]): { from: number; to: number } | null {
  const anchor = (k: RowKind) => k.kind === 'years' || (k.kind === 'label' && k.room);
  const from = kinds.findIndex(anchor);
  if (from < 0) return null;
  let to = from;
  kinds.forEach((k, r) => {
    if (anchor(k) || (r > to && k.kind === 'cont')) to = r;
  });
  // Measure rows under a closing block of years need no merged value area (our own writer draws
  // them as plain cells), so they follow the years even without room beside them.
  if (kinds[to].kind === 'years') while (to + 1 < kinds.length && measureLike(kinds[to + 1])) to++;
  return { from, to };
}

/** A short label alone in its row, not a heading (merged across the form, or 「二、单位信息」 unmerged). */
const measureLike = (k: RowKind) =>
  (k.kind === 'text' && !k.wide && k.t.length <= 30 && !BOX.test(k.t) && !HEADING.test(k.t)) ||
  (k.kind === 'label' && k.texts.slice(1).every((x) => FIGURE.test(toHalfWidth(x.t))));
/** A yearly figure already filled in (a filled form): 5000, 35.5, 35%, -120. */
const FIGURE = /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/;

/**
 * Whether a sheet is a label | value form rather than a table: most rows a short label with room
 * beside it, no header row of five or more columns, and something only forms have (labels the
 * crosswalk knows, ☐ options, a block of years).
 */
export function isFormSheet(sheet: TemplateSheet, cw: Pick<FormCrosswalk, 'keyOf'>): boolean {
  const sh = fromColumnA(sheet);
  const g: Grid = { sh, width: widthOf(sh) };
  if (g.width < 2) return false;
  const kinds = classifyRows(g);
  const block = formBlock(g, kinds);
  if (!block) return false;
  const inside = kinds.slice(block.from, block.to + 1);
  const labels = inside.filter((k) => k.kind === 'label' || k.kind === 'years' || measureLike(k));
  const others = inside.filter((k) => k.kind === 'other').length;
  const conts = inside.filter((k) => k.kind === 'cont').length;
  // A 附件1 with a section label merged down its left column has most rows continuing it: not ours.
  if (labels.length < 5 || others * 4 > labels.length || conts > labels.length / 2) return false;
  const known = labels.filter((k) => k.kind === 'label' && cw.keyOf(k.texts[0].t)).length;
  // Rows filled across with no room left (a sheet of option lists) are a table's, unless boxes or years say form.
  const full = inside.filter(
    (k) => k.kind === 'label' && k.texts.length >= 2 && k.texts[1].c === k.texts[0].c + 1,
  );
  const boxes = inside.some(
    (k) =>
      (k.kind === 'label' && k.texts.some((x) => BOX.test(x.t))) ||
      (k.kind === 'cont' && k.texts.some((t) => BOX.test(t))),
  );
  const years = labels.some((k) => k.kind === 'years');
  if (!boxes && !years && full.length * 2 > labels.length) return false;
  return known >= 2 || boxes || years;
}

// ---------------------------------------------------------------------------------------------
// Drafting the form.

interface Draft {
  g: Grid;
  cw: FormCrosswalk;
  rows: ProjectRow[];
  columns: Column[];
  vocabularies: Record<string, Vocabulary>;
  used: Set<string>;
  /** Most values already filled in: a filled form, whose values are one project's, not the template's. */
  filled: boolean;
  inferred: string[];
  missing: string[];
}

/** A key a label the crosswalk does not know is given: the label itself without its unit. */
function derivedKey(label: string): string {
  const base = toHalfWidth(label)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '');
  return base || toHalfWidth(label).replace(/[\s\u3000]+/g, '') || 'field';
}

/** A field's concept key through the crosswalk, or one derived from its label; each said for review. */
function keyFor(d: Draft, label: string): { key: string; known: boolean } {
  const k = d.cw.keyOf(label);
  let key = k?.key ?? derivedKey(label);
  if (d.used.has(key)) {
    let n = 2;
    while (d.used.has(`${key}${n}`)) n++;
    d.inferred.push(`「${label}」与前面的项同属「${key}」，记作「${key}${n}」：请确认。`);
    key = `${key}${n}`;
  }
  d.used.add(key);
  if (!k) d.inferred.push(`表单项「${label}」不是已知的项，键记作「${key}」，按自由文本检查：请确认。`);
  else if (k.how === 'fuzzy') d.inferred.push(`表单项「${label}」按相似度认作已知项「${key}」：请确认。`);
  return { key, known: !!k };
}

/** 「□方向1：…  □方向2：…」 → the options as printed, and whether several may be ticked. */
function tickOptions(texts: string[]): { options: string[]; multi: boolean } {
  const all = texts.join(' ');
  const multi = MULTI_MARK.test(all);
  const options = all
    .replace(MULTI_MARK, ' ')
    .split(BOXES)
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  return { options, multi };
}

/**
 * The other-option as the form draws it: plan.ts ticks 「其他（请注明）」 or a bare 「其他」 and writes
 * the applicant's text after it; any other spelling (「其他 (请注明)」, 「其他：____」) is recorded in
 * that form, and said, so a chosen 「其他（社会团体）」 is never printed as an empty box.
 */
function otherTickOf(d: Draft, printed: string): string {
  const word = printed.slice(0, 2);
  if (printed === word || printed === `${word}（请注明）`) return printed;
  const tick = /[（(]/.test(printed) ? `${word}（请注明）` : word;
  d.inferred.push(`勾选项「${printed}」记作「${tick}」：画表时勾选它并写出所填内容（如「${word}（…）」）。`);
  return tick;
}

/** A labelled value: free, ticked options, or a value the template already prints (项目周期). */
function labelRow(d: Draft, label: string, values: string[]): void {
  const { key, known } = keyFor(d, label);
  let col = d.cw.column(label, key, known, d.inferred);
  const row: ProjectRow = { label, key };
  if (values.some((v) => BOX.test(v))) {
    const ticked = tickOptions(values);
    const multi = ticked.multi || MULTI_MARK.test(label);
    const printed = ticked.options.find((o) => OTHER_LIKE.test(o));
    const other = printed && otherTickOf(d, printed);
    const options = ticked.options.map((o) => (o === printed ? other! : o));
    d.vocabularies[key] = d.cw.vocabulary(key, options, label, d.inferred);
    col = { ...col, type: 'vocab', vocab: key, multi };
    Object.assign(row, { ticks: key }, other ? { otherTick: other } : {});
    d.inferred.push(
      `「${label}」是勾选项：${options.join('、')}${multi ? '（可多选）' : '（单选）'}${other ? `；「${other}」勾选时写明内容` : ''}。`,
    );
  } else if (values.length && !d.filled) {
    // (In a filled form a value is one applicant's answer: the field is learned, the value is not.)
    const v = values.join('\n');
    if (INSTRUCTION.test(v)) {
      col = { ...col, hint: v };
      d.inferred.push(`「${label}」的取值格里是填写说明「${v}」，作为提示。`);
    } else {
      col = { ...col, type: 'fixed', fixedValue: v };
      d.inferred.push(`「${label}」模板里已印好「${v}」：作为固定值，填了别的会提示。`);
    }
  }
  d.rows.push(row);
  d.columns.push(col);
}

/** 「项目联系人 | … | 职务 | …」: labels and values side by side; a value spans its merge or its blank cells. */
function itemsRow(d: Draft, r: number): void {
  const items: { label?: string; key?: string; span: number }[] = [];
  let last = '';
  for (let c = 0; c < d.g.width;) {
    const t = at(d.g, r, c);
    const m = mergeAt(d.g, r, c);
    let span = m && m.c1 === c ? m.c2 - m.c1 + 1 : 1;
    // Label and value alternate; a value is blank in a blank template, one applicant's in a filled one.
    if (!isBlank(t) && !last) {
      items.push({ label: t, span });
      last = t;
    } else {
      if (!m && isBlank(t))
        while (c + span < d.g.width && isBlank(at(d.g, r, c + span)) && !mergeAt(d.g, r, c + span)) span++;
      if (last) {
        const { key, known } = keyFor(d, last);
        items.push({ key, span });
        d.columns.push(d.cw.column(last, key, known, d.inferred));
        last = '';
      }
    }
    c += span;
  }
  d.rows.push({ items });
  d.inferred.push(
    `一行多项：${items.map((i) => i.label ?? `［${i.key}${i.span > 1 ? ` 占 ${i.span} 格` : ''}］`).join(' | ')}。`,
  );
}

/** A block of yearly figures: measures down, years across; columns 「2022年资产总额（万元）」 as the working list names them. */
function yearsBlock(d: Draft, label: string, years: string[], measureRows: number[]): void {
  const measures = measureRows.map((r) => {
    const m = at(d.g, r, 0);
    const hit = d.cw.keyOf(`${years[0]}年${m}`);
    const key = hit && hit.key.endsWith(years[0]) ? hit.key.slice(0, -years[0].length) : derivedKey(m);
    if (!hit || !hit.key.endsWith(years[0]))
      d.inferred.push(
        `指标「${m}」不是已知的项，键记作「${key}」（各年为「${key}${years[0]}」等）：请确认。`,
      );
    return { label: m, key };
  });
  for (const y of years)
    for (const m of measures) {
      const key = `${m.key}${y}`;
      d.used.add(key);
      d.columns.push(d.cw.column(`${y}年${m.label}`, key, true, d.inferred));
    }
  d.rows.push({ label, years, measures });
  d.inferred.push(
    `「${label}」是逐年指标：${years.join('、')} 年 × ${measures.map((m) => `「${m.label}」`).join('')}，汇总为「${years[0]}年${measures[0].label}」这样的列。`,
  );
}

/** Walks the form's rows top to bottom and drafts each. */
function draftRows(d: Draft, kinds: RowKind[], from: number, to: number): void {
  for (let r = from; r <= to; r++) {
    const k = kinds[r];
    if (k.kind === 'years') {
      const measures: number[] = [];
      while (r + 1 <= to && measureLike(kinds[r + 1]) && !valueMerged(d.g, r + 1, k.years.length))
        measures.push(++r);
      if (measures.length) yearsBlock(d, k.label, k.years, measures);
      else d.missing.push(`「${k.label}」下面没有指标行：逐年指标没有学。`);
    } else if (k.kind === 'text' && measureLike(k)) labelRow(d, k.t, []);
    else if (k.kind === 'label') {
      if (hasGap(d.g, r, k.texts) || (k.texts.length >= 4 && d.cw.keyOf(k.texts[2].t))) itemsRow(d, r);
      else {
        const values = k.texts.slice(1).map((x) => x.t);
        while (r + 1 <= to && kinds[r + 1].kind === 'cont')
          values.push(...(kinds[++r] as { texts: string[] }).texts);
        labelRow(d, k.texts[0].t, values);
      }
    } else if (k.kind === 'text')
      d.missing.push(`表单第 ${r + 1} 行「${k.t}」像是小标题，不是一项，没有学：请核对。`);
    else if (k.kind === 'other')
      d.missing.push(`表单第 ${r + 1} 行（${rowWords(d.g, r)}）读不出是哪一项，没有学：请核对。`);
  }
}

const rowWords = (g: Grid, r: number) =>
  (g.sh.rows[r] ?? [])
    .map((v) => oneLine(str(v)))
    .filter((t) => !isBlank(t))
    .map((t) => `「${t}」`)
    .join('')
    .slice(0, 60);

/** A row whose value is merged across the year columns is a labelled row after the block, not a measure. */
const valueMerged = (g: Grid, r: number, years: number) =>
  g.sh.merges.some((m) => m.r1 === r && m.c1 === 1 && m.c2 > years);

/** Several labels with a blank cell after the first: 「项目联系人 |  | 职务 | 」, not 「项目周期 | 2025年…」. */
function hasGap(g: Grid, r: number, texts: { c: number; t: string }[]): boolean {
  const first = texts[0];
  const next = (mergeAt(g, r, first.c)?.c2 ?? first.c) + 1;
  return texts.length >= 2 && next < texts[1].c && isBlank(at(g, r, next));
}

/** Whether more than a third of the labelled rows (and at least three) already hold a value that is no ☐ list. */
function looksFilled(g: Grid, kinds: RowKind[], block: { from: number; to: number }): boolean {
  let labelled = 0;
  let valued = 0;
  for (let r = block.from; r <= block.to; r++) {
    const k = kinds[r];
    if (k.kind !== 'label') continue;
    labelled++;
    if (k.texts.length === 2 && !BOX.test(k.texts[1].t) && !hasGap(g, r, k.texts)) valued++;
  }
  return valued >= 3 && valued * 3 > labelled;
}

/** Above the form: the 附件 label, the title (「一、项目基本信息情况表」), the cover text. */
function readAboveForm(
  d: Draft,
  kinds: RowKind[],
  from: number,
): { attachment: string; title: string; above: string[] } {
  const above: string[] = [];
  let attachment = '';
  for (let r = 0; r < from; r++) {
    const k = kinds[r];
    if (k.kind !== 'text') continue;
    if (ATTACHMENT.test(k.t)) attachment = k.t.trim();
    above.push(k.t);
  }
  const title =
    [...above]
      .reverse()
      .find((t) => !ATTACHMENT.test(t) && t.length <= 40 && !/[：:]\s*$/.test(t))
      ?.trim() ?? '';
  if (title) d.inferred.push(`表单标题：「${title}」。`);
  else d.missing.push('表单上方没有标题：请在 projectForm.title 填写（如「一、项目基本信息情况表」）。');
  if (attachment) d.inferred.push(`附件标签：「${attachment}」。`);
  return { attachment, title, above };
}

/** Below the form: sections with a word limit become the form's fields; the rest is said, not learned. */
function readBelowForm(d: Draft, kinds: RowKind[], to: number): { fields: FormField[]; rest: string[] } {
  const fields: FormField[] = [];
  const rest: string[] = [];
  for (let r = to + 1; r < kinds.length; r++) {
    const k = kinds[r];
    if (k.kind === 'blank') continue;
    const t = k.kind === 'text' ? k.t : rowWords(d.g, r);
    const m = SECTION_LIMIT.exec(t);
    if (m) fields.push({ label: m[1], maxChars: Number(m[2]), synonyms: [], perDataset: false });
    else rest.push(t);
  }
  for (const f of fields) d.inferred.push(`表单下方「${f.label}」限 ${f.maxChars} 字。`);
  if (rest.length)
    d.missing.push(
      `表单下方还有 ${rest.length} 段文字（「${rest[0].slice(0, 20)}」…）：只学了表单本身和字数要求，其余不作为格式的一部分。`,
    );
  return { fields, rest };
}

/** Column widths where the file sets them; otherwise a label column and value columns, said so. */
function widthsOf(d: Draft): number[] {
  const set = d.g.sh.colWidths?.slice(0, d.g.width);
  if (set && set.length === d.g.width && set.every((w) => w !== undefined && w > 0)) {
    d.inferred.push(`表单列宽（字符）：${set.join('、')}。`);
    return set as number[];
  }
  d.missing.push(`模板没有设置表单的列宽：按第 1 列 22、其余各 14 个字符。`);
  return Array.from({ length: d.g.width }, (_, i) => (i === 0 ? 22 : 14));
}

/** The name of each project's sheet: the project's name where the form asks for one. */
function nameKeyOf(d: Draft): string {
  const plain = d.rows.filter(
    (r): r is Extract<ProjectRow, { key: string }> => 'key' in r && !('items' in r),
  );
  const named = plain.find((r) => /^(projectName|name)$/.test(r.key)) ?? plain.find((r) => !r.ticks);
  const key = named?.key ?? d.columns[0].key;
  d.inferred.push(`每个项目的工作表按「${named?.label ?? key}」命名（如「项目1-名称」）。`);
  return key;
}

/** Drafts `projectForm` and its columns from a sheet isFormSheet accepted. */
export function learnForm(sheet: TemplateSheet, cw: FormCrosswalk): LearnedForm {
  const sh = fromColumnA(sheet);
  const g: Grid = { sh, width: widthOf(sh) };
  const kinds = classifyRows(g);
  const block = formBlock(g, kinds)!;
  const d: Draft = {
    g,
    cw,
    rows: [],
    columns: [],
    vocabularies: {},
    used: new Set(),
    filled: looksFilled(g, kinds, block),
    inferred: [],
    missing: [],
  };
  if (d.filled)
    d.missing.push(
      '表单里大多数项已经填好，像是一份填好的申报表而不是空白模板：填写的内容没有作为格式的一部分（如固定值），请尽量用通知所附的空白模板。',
    );
  d.inferred.push(
    `「${sh.name}」是每个项目填一份的表单（左列项目名、右边填写），共 ${block.to - block.from + 1} 行。`,
  );
  const top = readAboveForm(d, kinds, block.from);
  draftRows(d, kinds, block.from, block.to);
  const { fields, rest: below } = readBelowForm(d, kinds, block.to);
  const form: ProjectForm = { title: top.title, nameKey: nameKeyOf(d), colWidths: widthsOf(d), rows: d.rows };
  return {
    sheet: sh.name,
    attachment: top.attachment,
    above: top.above,
    form,
    columns: d.columns,
    vocabularies: d.vocabularies,
    fields,
    below,
    inferred: d.inferred,
    missing: d.missing,
  };
}

/** The title without its outline number: 「一、项目基本信息情况表」 → 「项目基本信息情况表」. */
export function formTitlePlain(title: string): string {
  return title.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*/, '').trim();
}

/** One line per form row for review (CLI and pane), labels as printed. */
export function describeFormRow(p: Pick<Profile, 'vocabularies' | 'columns'>, row: ProjectRow): string {
  const sp = '\u3000';
  if ('years' in row)
    return `${row.label}${sp}${row.years.join('、')} 年 × ${row.measures.map((m) => m.label).join('、')}`;
  if ('items' in row)
    return row.items.map((i) => i.label ?? `［填写${i.span > 1 ? `，占 ${i.span} 格` : ''}］`).join(' | ');
  const fixed = p.columns.find((c) => c.key === row.key && c.type === 'fixed')?.fixedValue;
  if (!row.ticks) return `${row.label}${sp}${fixed ? `印好「${fixed}」` : '［填写］'}`;
  const v = p.vocabularies[row.ticks];
  const options = v ? v.items.map((i) => `□${i.label}`).join(' ') : '';
  return `${row.label}${sp}勾选：${options}${row.otherTick ? ` □${row.otherTick}` : ''}`;
}
