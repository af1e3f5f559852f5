/**
 * Learning a bureau's format from its blank template (issue 13). The input is the template read into
 * a neutral shape (src/io/template.ts for workbooks, src/io/template-docx.ts for Word tables); the
 * output is a draft profile plus, in Chinese, what was inferred and what could not be, for a person
 * to confirm before the format is used. Pure: no file I/O, no Office.js.
 *
 * It infers only what the template shows. Where a choice rests on a guess (a column's kind, which
 * columns are required), the guess is listed in `inferred` so the clerk can correct it.
 */
import headerData from './headers.json';
import { columnIndex } from './address';
import { cellText, type CellValue } from './cell';
import { splitHeaderUnit } from './header';
import { DEFAULT_SETTINGS } from './plan';
import {
  parseProfile,
  type Column,
  type Profile,
  type ProfileFont,
  type QuantitySpec,
  type VocabItem,
  type Vocabulary,
} from './profile';
import { PROFILES } from './profiles';
import { gramSimilarity, grams, labelKey, toHalfWidth } from './text';
import { ConceptIndex } from './vocab';
import { formTitlePlain, isFormSheet, learnForm, type FormCrosswalk, type LearnedForm } from './learn-form';

/** 0-based, inclusive. */
export interface TemplateRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface TemplateValidation {
  ranges: TemplateRange[];
  /** 'list', 'whole', 'decimal', 'date', 'textLength', 'custom' … as the file says. */
  type: string;
  /** formula1 as written: "\"A,B,C\"" (inline), Sheet!$A$1:$A$9, or a defined name. */
  formula: string;
  /** For a text-length or number rule: between, lessThanOrEqual … (ECMA-376 ST_DataValidationOperator), and formula2. */
  operator?: string;
  formula2?: string;
  /** Whether Excel shows an error alert for a value outside the list (showErrorMessage). */
  errorAlert: boolean;
  errorStyle: 'stop' | 'warning' | 'information';
  promptTitle?: string;
  prompt?: string;
}

export interface TemplateSheet {
  name: string;
  hidden: boolean;
  /** Cell values as stored: a merged region's value sits in its top-left cell only. */
  rows: CellValue[][];
  merges: TemplateRange[];
  validations: TemplateValidation[];
  /** Column widths in Excel's character units, where the file sets them. */
  colWidths?: (number | undefined)[];
  page?: { landscape?: boolean; paperSize?: number; fitToWidth?: boolean };
  /** Fonts of cells, keyed "r,c" (0-based), where the file sets them. */
  fonts?: Record<string, ProfileFont>;
}

export interface TemplateDoc {
  file: string;
  kind: 'xlsx' | 'xls' | 'docx' | 'other';
  sheets: TemplateSheet[];
  /** Workbook defined names → their formula (for list validations that name a range). */
  names?: Record<string, string>;
  /** The notice's text beside the table (Word paragraphs), where vocabularies may be spelt out. */
  text?: string[];
  /** What the reader could not read, in Chinese (e.g. .xls data validations). */
  limits?: string[];
  /** The sheet a person chose to learn from (the pane's 「用这张工作表」); otherwise the learner picks. */
  main?: string;
}

export interface LearnOptions {
  id?: string;
  name?: string;
}

export interface LearnResult {
  profile: Profile;
  /** What was read or guessed, for review (Chinese). */
  inferred: string[];
  /** What the template did not show and a person must supply or confirm (Chinese). */
  missing: string[];
}

// ---------------------------------------------------------------------------------------------
// Header crosswalk: every spelling the built-in formats and headers.json know, by column key.

type KeyInfo = { key: string; col?: Column };
let keyIndex: {
  exact: Map<string, KeyInfo>;
  fuzzy: { key: string; g: Set<string> }[];
  byKey: Map<string, Column>;
} | null = null;

function headerKeys() {
  if (keyIndex) return keyIndex;
  const exact = new Map<string, KeyInfo>();
  const fuzzy: { key: string; g: Set<string> }[] = [];
  const byKey = new Map<string, Column>();
  const add = (key: string, spelling: string, col?: Column) => {
    for (const k of new Set([labelKey(spelling), labelKey(splitHeaderUnit(spelling).base)])) {
      if (!k || exact.has(k)) continue;
      exact.set(k, { key, col });
      fuzzy.push({ key, g: grams(k) });
    }
  };
  for (const p of PROFILES)
    for (const c of p.columns) {
      if (!byKey.has(c.key)) byKey.set(c.key, c);
      add(c.key, c.label, c);
    }
  for (const [key, list] of Object.entries(headerData as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    for (const s of list) add(key, String(s), byKey.get(key));
  }
  keyIndex = { exact, fuzzy, byKey };
  return keyIndex;
}

/** A fill-in annotation on a header — 「（可多选）」「(单选)」「（必填）」「*」 — says how to fill the
 *  column, not what it is: matched without it (tester, 2026-11-25: 「数据集模态（可多选）」 was unknown). */
const HEADER_MARK =
  /[（(]\s*(?:可?多选|单选|限选|只能选|必填|选填|非必填|可选填?)[^（()）]*[）)]|^[*＊]+|[*＊]+$/g;

/** A header without its fill-in annotations; the label itself stays as the template writes it. */
export function headerPlain(label: string): string {
  let t = label.trim();
  for (let prev = ''; prev !== t;) [prev, t] = [t, t.replace(HEADER_MARK, '').trim()];
  return t || label.trim();
}

/** Marked required: a leading or trailing * or 「必填」, but not 「非必填」. */
const REQUIRED_MARK = /^[*＊]|[*＊]$|(?<!非)必填/;

/** The concept key of a header: exact spelling first, then character-bigram similarity (≥ 0.66, as header.ts). */
function keyOfHeader(header: string): { key: string; how: 'exact' | 'fuzzy' } | null {
  const ix = headerKeys();
  const label = headerPlain(header);
  const hit = ix.exact.get(labelKey(label)) ?? ix.exact.get(labelKey(splitHeaderUnit(label).base));
  if (hit) return { key: hit.key, how: 'exact' };
  const g = grams(labelKey(splitHeaderUnit(label).base));
  let best: { key: string; s: number } | null = null;
  for (const f of ix.fuzzy) {
    const s = gramSimilarity(g, f.g);
    if (!best || s > best.s) best = { key: f.key, s };
  }
  return best && best.s >= 0.66 ? { key: best.key, how: 'fuzzy' } : null;
}

// ---------------------------------------------------------------------------------------------
// Small helpers over the neutral sheet.

const text = (v: CellValue): string => (v === null || v === undefined ? '' : cellText(v));
const blank = (s: string) => s.replace(/[\s\u3000]/g, '') === '';
const at = (sh: TemplateSheet, r: number, c: number) => text(sh.rows[r]?.[c]);

function mergeAt(sh: TemplateSheet, r: number, c: number): TemplateRange | undefined {
  return sh.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/** The non-empty cells of a row, left to right, exactly as written. */
function rowTexts(sh: TemplateSheet, r: number): { c: number; t: string }[] {
  const out: { c: number; t: string }[] = [];
  (sh.rows[r] ?? []).forEach((v, c) => {
    const t = text(v);
    if (!blank(t)) out.push({ c, t });
  });
  return out;
}

/** GB/T 2260 province-level codes (the first two digits of an administrative division code, which
 *  are characters 3-4 of a unified social credit code, GB 32100-2015). */
const PROVINCES: [string, string][] = [
  ['北京', '11'],
  ['天津', '12'],
  ['河北', '13'],
  ['山西', '14'],
  ['内蒙古', '15'],
  ['辽宁', '21'],
  ['吉林', '22'],
  ['黑龙江', '23'],
  ['上海', '31'],
  ['江苏', '32'],
  ['浙江', '33'],
  ['安徽', '34'],
  ['福建', '35'],
  ['江西', '36'],
  ['山东', '37'],
  ['河南', '41'],
  ['湖北', '42'],
  ['湖南', '43'],
  ['广东', '44'],
  ['广西', '45'],
  ['海南', '46'],
  ['重庆', '50'],
  ['四川', '51'],
  ['贵州', '52'],
  ['云南', '53'],
  ['西藏', '54'],
  ['陕西', '61'],
  ['甘肃', '62'],
  ['青海', '63'],
  ['宁夏', '64'],
  ['新疆', '65'],
];

const ATTACHMENT_RE = /^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?\s*$/;
const ATTACHMENT_AND_TITLE = /^\s*(附\s*件\s*[0-9０-９一二三四五六七八九十]*)\s*[：:\s\u3000]\s*(\S.{3,})$/;
/** Where the recommender fills in the title (山西 「XXX行业高质量数据集汇总表」). */
const TITLE_BLANK = /X{2,}|×{2,}|＿{2,}|_{2,}/;
/** 「推荐单位：（盖章）」, 「年 月 日」（全角空格）: a line above the header, never the title. */
const META_LINE = /[：:]|盖章|年[\s\u3000]*月[\s\u3000]*日/;
/** 「填表人：」「审核人：」 under a table: a line to sign, not an example row. */
const SIGN_CELL = /[：:][\s\u3000]*$|签字|签名|盖章|年[\s\u3000]*月[\s\u3000]*日/;
const OUR_TB_NOTE = /^注：数据量按 1TB=(1024|1000)GB 换算。$/;
const NOTE_START = /^\s*(注|说明|备注|填表说明|填报说明|附注)\s*[0-9０-９]*\s*[：:、.．]/;
/** 「可多选」「（多选）」 — but not 「不可多选」 or 「单选」. */
const MULTI_RE = {
  test: (s: string) => /多选/.test(s) && !/(不|不能|不得|不可|不可以)多选|单选|只能选一|限选一/.test(s),
};
const OTHER_ITEM = /^(其它|其他)(?:\s*[（(][^）)]*[）)])?$/;

// ---------------------------------------------------------------------------------------------

interface HeaderCell {
  c: number;
  label: string;
  group?: string;
}

function findHeader(sh: TemplateSheet): { row: number; score: number } {
  let best = { row: -1, score: 1 };
  const n = Math.min(sh.rows.length, 30);
  for (let r = 0; r < n; r++) {
    const seen = new Set<string>();
    let score = 0;
    for (const { t } of rowTexts(sh, r)) {
      if (t.length > 40) continue;
      const k = keyOfHeader(t.trim());
      if (k && !seen.has(k.key)) {
        seen.add(k.key);
        score += k.how === 'fuzzy' ? 0.5 : 1;
      }
    }
    if (score > best.score) best = { row: r, score };
  }
  if (best.row >= 0) return best;
  // Nothing we know: the first row of at least three short texts side by side.
  for (let r = 0; r < n; r++) {
    const cells = rowTexts(sh, r);
    if (cells.length >= 3 && cells.every((x) => x.t.length <= 30)) return { row: r, score: 0 };
  }
  return { row: -1, score: 0 };
}

/** Where a sheet's table is, as the learner sees it: the header row, the header's columns and the
 *  first row below it (two-level headers included). The pane's reader uses it to ask Excel for the
 *  dropdown and fonts of just those cells. Null when the sheet shows no header. */
export function locateTemplateHeader(
  sh: TemplateSheet,
): { row: number; columns: number[]; firstDataRow: number } | null {
  const { row } = findHeader(sh);
  if (row < 0) return null;
  const { cells, firstDataRow } = readHeader(sh, row);
  return { row, columns: cells.map((h) => h.c), firstDataRow };
}

/** A header label as the notice names it: a line break typed to wrap a narrow cell is layout, not text. */
const oneLine = (t: string) => t.trim().replace(/[ \t]*\r?\n[ \t]*/g, '');

/** The header cells, reading a two-level header (a merged upper cell over several lower ones). */
function readHeader(
  sh: TemplateSheet,
  h: number,
): { cells: HeaderCell[]; firstDataRow: number; twoLevel: boolean; aside: string[] } {
  const all = rowTexts(sh, h);
  // A sentence past a blank column (「更新频率：每日、每周、每月。」) is a note beside the table, not
  // a column: it is read with the text beside the table instead.
  const cut = all.findIndex((x, i) => i > 0 && x.c > all[i - 1].c + 1 && isSentence(x.t));
  const top = cut < 0 ? all : all.slice(0, cut);
  const aside = cut < 0 ? [] : all.slice(cut).map((x) => oneLine(x.t));
  const below = rowTexts(sh, h + 1);
  // A group is a merged upper cell with labels under it; one merged only for width, with nothing
  // under it, is a column of its own (it was dropped beside a real group).
  const groups = sh.merges.filter(
    (m) => m.r1 === h && m.r2 === h && m.c2 > m.c1 && below.some((b) => b.c >= m.c1 && b.c <= m.c2),
  );
  const twoLevel = groups.length > 0 && below.every((b) => b.t.length <= 40);
  if (!twoLevel)
    return {
      cells: top.map(({ c, t }) => ({ c, label: oneLine(t) })),
      firstDataRow: h + 1,
      twoLevel: false,
      aside,
    };
  const cells: HeaderCell[] = [];
  const last = Math.max(
    ...top.map((x) => x.c),
    ...below.filter((x) => cut < 0 || x.c < all[cut].c).map((x) => x.c),
  );
  for (let c = 0; c <= last; c++) {
    const g = groups.find((m) => c >= m.c1 && c <= m.c2);
    const lower = oneLine(at(sh, h + 1, c));
    if (g) {
      if (lower) cells.push({ c, label: lower, group: oneLine(at(sh, h, g.c1)) });
      continue;
    }
    const upper = oneLine(at(sh, h, c));
    if (upper) cells.push({ c, label: upper });
    else if (lower) cells.push({ c, label: lower });
  }
  return { cells, firstDataRow: h + 2, twoLevel: true, aside };
}

/** readHeader on the chosen sheet, with what it saw said in review. */
function readHeaderSaying(L: Learning, row: number): ReturnType<typeof readHeader> {
  const read = readHeader(L.sh, row);
  for (const t of read.aside)
    L.inferred.push(`表头行右侧的「${t}」像说明文字，没有作为列（其中列出的选项仍会用于同名列）：请确认。`);
  if (read.twoLevel)
    L.inferred.push(`表头有两层（第 ${row + 1}、${row + 2} 行）：下层为列名，上层记作列组。`);
  return read;
}

/** Text that reads as a sentence, not a column name: it ends like one, or names something and lists it
 *  (a one-character name too: 「注：每日、每周」 is the commonest note). */
function isSentence(t: string): boolean {
  const s = t.trim();
  return /[。；;]$/.test(s) || /^[^：:]+[：:].*[、，,].+/.test(s);
}

/** A list validation's options: inline, a range (here or on another, maybe hidden, sheet) or a name. */
function listOptions(
  doc: TemplateDoc,
  sh: TemplateSheet,
  formula: string,
  depth = 0,
): string[] | { why: string } {
  const f = formula.trim().replace(/^=/, '');
  if (/^".*"$/s.test(f))
    return f
      .slice(1, -1)
      .replace(/""/g, '"')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const named =
    doc.names?.[f] ?? Object.entries(doc.names ?? {}).find(([k]) => k.toLowerCase() === f.toLowerCase())?.[1];
  if (named && depth < 3) return listOptions(doc, sh, named, depth + 1);
  const m =
    /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(f);
  if (!m) return { why: `下拉列表的来源「${formula}」不是单元格区域（可能是公式或 INDIRECT），读不出选项` };
  const sheetName = (m[1] ?? m[2])?.replace(/''/g, "'");
  const src = sheetName === undefined ? sh : doc.sheets.find((s) => s.name === sheetName);
  if (!src) return { why: `下拉列表引用的工作表「${sheetName}」不在文件中` };
  const col = (l: string) => columnIndex(l.toUpperCase());
  const c1 = col(m[3]);
  const r1 = Number(m[4]) - 1;
  const c2 = m[5] ? col(m[5]) : c1;
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  const out: string[] = [];
  for (let r = r1; r <= Math.min(r2, r1 + 2000); r++)
    for (let c = c1; c <= c2; c++) {
      const t = at(src, r, c).trim();
      if (t) out.push(t);
    }
  return out.length ? out : { why: `下拉列表引用的区域「${formula}」是空的` };
}

function covers(v: TemplateValidation, r: number, c: number): boolean {
  return v.ranges.some((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
}

/** Whether the notes or the notice say of this column that several may be chosen (「数据集模态可多选」). */
function saysMulti(lines: readonly string[], label: string): boolean {
  const base = labelKey(splitHeaderUnit(headerPlain(label)).base);
  if (!base) return false;
  return lines.some((l) =>
    l.split(/[。；;\n，,]/).some((sentence) => MULTI_RE.test(sentence) && labelKey(sentence).includes(base)),
  );
}

/** 「所属领域：A、B、C。」, 「数据集模态（可多选）：□文本 □图像」: label, items and whether several may be chosen. */
export function vocabSentences(
  lines: readonly string[],
): { label: string; items: string[]; multi: boolean; source: string }[] {
  const out: { label: string; items: string[]; multi: boolean; source: string }[] = [];
  for (const line of lines) {
    for (const whole of line.split(/[。；;\n]/)) {
      // 「填表说明：1.行业领域：A、B」: the heading before the first numbered item is not its label.
      const sentence = whole.replace(
        /^\s*(?:注|说明|备注|填表说明|填报说明|附注)\s*[：:]\s*(?=[0-9０-９]+\s*[.．、]|[（(][0-9０-９一二三四五六七八九十]+[)）])/,
        '',
      );
      const m =
        /^\s*(?:[0-9０-９]+\s*[.．、]\s*|[（(][0-9０-９一二三四五六七八九十]+[)）]\s*)?([^：:，,。]{1,20}?)\s*([（(][^）)]*[）)])?\s*[：:]\s*(.+)$/.exec(
          sentence,
        );
      if (!m) continue;
      const rest = m[3];
      const boxes = /[□☐■☑✓✔]/.test(rest);
      const parts = (boxes ? rest.split(/[□☐■☑✓✔]/) : rest.split(/[、，,]/))
        .map((s) =>
          s
            .trim()
            .replace(/[等]+(?:领域|方向|类型)?$/, '')
            .replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''),
        )
        .filter(Boolean);
      if (parts.length < 2 || parts.some((p) => p.length > 24 || /[：:]/.test(p))) continue;
      // 「数据来源可多选：A、B」 names the column 「数据来源」.
      const label = m[1].trim().replace(/\s*(?:可多选|多选|单选)$/, '');
      out.push({ label, items: parts, multi: MULTI_RE.test(sentence), source: sentence.trim() });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface ColumnDraft {
  c: number;
  label: string;
  group?: string;
  key: string;
  known: boolean;
  /** The known column's key before numbering (a second 「数据规模」 is scale2, still a scale). */
  concept?: string;
}

/** A built-in column's kind for a concept key, adjusted to what the header says (its unit). */
function kindFor(
  d: ColumnDraft,
  inferred: string[],
): Omit<Column, 'key' | 'label' | 'required' | 'width'> & { width?: number } {
  const base = headerKeys().byKey.get(d.key);
  const L = toHalfWidth(headerPlain(d.label)).replace(/\s+/g, '');
  const unit = splitHeaderUnit(headerPlain(d.label)).unit;
  const plain = { multi: false, joiner: '、', singleUnit: false } as const;
  const quantityKeys = new Set(['scale', 'structuredScale', 'unstructuredScale']);
  if (/\(%\)$/.test(L)) return { ...plain, type: 'percent' };
  if (/\((?:万元|元|亿元)\)$/.test(L)) return { ...plain, type: 'money' };
  // A repeated scale column keeps its kind; a repeated 序号 (「原序号」) does not become one we renumber.
  const concept = d.concept ?? d.key;
  if (unit || quantityKeys.has(concept)) {
    let q: QuantitySpec;
    if (unit === 'GB' || unit === 'TB') q = { kind: 'size', unit };
    else if (unit && /条|行/.test(unit) && !/[万亿]/.test(unit)) q = { kind: 'records', unit: '条' };
    else if (concept === 'structuredScale') q = { kind: 'records', unit: '条' };
    else if (concept === 'unstructuredScale') q = { kind: 'pairs', unit: 'GB' };
    else q = { kind: 'scale' };
    if (unit && !['GB', 'TB'].includes(unit) && !(/条|行/.test(unit) && !/[万亿]/.test(unit))) {
      inferred.push(
        `「${d.label}」的单位「${unit}」本工具不能作为列单位，按「大小或条数，照写」检查：请确认。`,
      );
    }
    const what =
      q.kind === 'size'
        ? `大小，以 ${q.unit} 计（表头单位）`
        : q.kind === 'records'
          ? '条数'
          : q.kind === 'pairs'
            ? '「模态+GB」'
            : '大小或条数，照写（表头没有单位）';
    inferred.push(`「${d.label}」是数据量：${what}。`);
    return { ...plain, type: 'quantity', quantity: q };
  }
  if (base && base.type !== 'fixed' && base.type !== 'vocab') {
    const { key: _k, label: _l, required: _r, width: _w, hint: _h, group: _g, maxChars: _m, ...rest } = base;
    return rest;
  }
  if (/统一社会信用代码|信用代码/.test(L)) return { ...plain, type: 'creditCode' };
  if (/联系人.*(联系方式|电话)|联系方式/.test(L))
    return {
      ...plain,
      type: 'contact',
      contactNeeds: /邮箱/.test(L) && /电话/.test(L) ? ['name', 'phone', 'email'] : ['name', 'phoneOrEmail'],
    };
  if (/电话|手机/.test(L)) return { ...plain, type: 'phone' };
  if (/邮箱|邮件|e-?mail/i.test(L)) return { ...plain, type: 'email' };
  if (/^序号$|^编号$/.test(L)) return { ...plain, type: 'seq' };
  return { ...plain, type: 'text' };
}

/** What one learning pass carries: the template, its main sheet, and the two lists for review. */
interface Learning {
  doc: TemplateDoc;
  sh: TemplateSheet;
  inferred: string[];
  missing: string[];
}

interface Above {
  attachment: string;
  title: string;
  titlePrefixLabel?: string;
  linesAbove: string[][];
  /** "r,c" of the cells whose fonts stand for the attachment label, the title and the lines. */
  at: { attachment?: string; title?: string; meta?: string };
}

/** The main sheet: the one a person chose, or the visible one whose header the crosswalk knows best. */
function chooseSheet(doc: TemplateDoc): { sh: TemplateSheet; row: number } {
  let best: { sh: TemplateSheet; row: number; score: number } | null = null;
  for (const s of doc.sheets) {
    if (doc.main !== undefined ? s.name !== doc.main : s.hidden) continue;
    const h = findHeader(s);
    if (h.row >= 0 && (!best || h.score > best.score)) best = { sh: s, row: h.row, score: h.score };
  }
  if (!best && doc.sheets.some(looksLikeForm)) {
    throw new LearnError(
      `「${doc.file}」里的表像是每个单位或项目各填一份的表单（左列是「单位名称」等项目，右边填写），不是一行一条的汇总表：请选择通知所附的汇总表模板。左列按部分分组的表单（如附件1 基本信息表）暂不能自动学得；每行一项的项目表单（如上海「项目基本信息情况表」）可以。`,
    );
  }
  if (!best)
    throw new LearnError(
      `在「${doc.file}」里找不到表头：请确认这是通知所附的空白汇总表（表头一行列出序号、名称等各列）。`,
    );
  return best;
}

/** A form (附件1, 上海's 项目基本信息情况表): rows that each hold one known label and room to fill in beside it. */
function looksLikeForm(sh: TemplateSheet): boolean {
  let labels = 0;
  for (let r = 0; r < Math.min(sh.rows.length, 60); r++) {
    const cells = rowTexts(sh, r);
    if (
      cells.length >= 1 &&
      cells.length <= 2 &&
      keyOfHeader(oneLine(cells[0].t)) &&
      blank(at(sh, r, cells[0].c + 1))
    )
      labels++;
  }
  return labels >= 3;
}

/** Above the header: the 附件 label, the title, then the lines kept character for character. */
function readAbove(L: Learning, headerRow: number): Above {
  const a: Above = { attachment: '', title: '', linesAbove: [], at: {} };
  for (let r = 0; r < headerRow; r++) {
    const cells = rowTexts(L.sh, r);
    if (!cells.length) continue;
    if (!a.attachment && !a.title && ATTACHMENT_RE.test(cells[0].t)) {
      a.attachment = cells[0].t.trim();
      a.at.attachment = `${r},${cells[0].c}`;
      cells.shift();
      if (!cells.length) continue;
    }
    // 「附件2：XXX汇总表」 in one cell: the label, then the title.
    const both = !a.attachment && !a.title ? ATTACHMENT_AND_TITLE.exec(cells[0].t) : null;
    if (both) {
      [a.attachment, a.title] = [both[1].trim(), both[2].trim()];
      a.at.title = `${r},${cells[0].c}`;
      L.inferred.push(`附件标签和标题写在同一格「${cells[0].t.trim()}」，已分开。`);
    } else if (
      !a.title &&
      !(
        META_LINE.test(cells.map((x) => x.t).join('')) && !/表|名单|清单/.test(cells.map((x) => x.t).join(''))
      )
    ) {
      a.title = cells.map((x) => x.t.trim()).join('');
      a.at.title = `${r},${cells[0].c}`;
    } else {
      a.linesAbove.push(cells.map((x) => x.t));
      a.at.meta ??= `${r},${cells[0].c}`;
    }
  }
  describeAbove(L, a);
  return a;
}

/** Says what was read above the header; a title with XXX gets the recommender's prefix (山西). */
function describeAbove(L: Learning, a: Above): void {
  if (a.attachment) L.inferred.push(`附件标签：「${a.attachment}」。`);
  else
    L.missing.push(
      '模板没有「附件N」标签：汇总表左上角不写附件标签；通知要求写时，生成后在汇总表左上角补上（格式文件中为 sheet.attachment）。',
    );
  if (a.title && TITLE_BLANK.test(a.title)) {
    a.title = a.title.replace(TITLE_BLANK, '{prefix}');
    a.titlePrefixLabel = '标题中的XXX';
    L.inferred.push(`标题「${a.title.replace('{prefix}', 'XXX')}」中的 XXX 由推荐单位填写。`);
  } else if (a.title) L.inferred.push(`标题：「${a.title}」。`);
  else
    L.missing.push(
      '模板没有标题行：请在「标题（逐字）」框照通知填写汇总表标题（格式文件中为 sheet.title）。',
    );
  a.linesAbove.forEach((l) =>
    L.inferred.push(`表头上方一行（逐字保留）：${l.map((s) => `「${s}」`).join(' ')}。`),
  );
}

/** Below the header: blank rows to fill, an example row, a total row, notes. Notes make the footnote. */
function readBelow(L: Learning, firstDataRow: number, c1: number, c2: number): string[] {
  const notes: string[] = [];
  for (let r = firstDataRow; r < L.sh.rows.length; r++) {
    const cells = rowTexts(L.sh, r).filter((x) => (x.c >= c1 && x.c <= c2) || NOTE_START.test(x.t));
    if (!cells.length || (cells.length === 1 && /^\d+$/.test(cells[0].t.trim()))) continue;
    const one = cells.length === 1 ? cells[0] : null;
    const wide = one ? (mergeAt(L.sh, r, one.c)?.c2 ?? one.c) - one.c >= 1 : false;
    const ours = one ? OUR_TB_NOTE.exec(one.t) : null;
    if (ours) L.inferred.push(`表下「数据量按 1TB=${ours[1]}GB 换算」是本工具写的说明，不作为注释。`);
    else if (one && (wide || NOTE_START.test(one.t) || one.t.length > 15)) notes.push(one.t);
    else if (one && /^(合\s*计|总\s*计|小\s*计)$/.test(one.t.trim()))
      L.inferred.push(`第 ${r + 1} 行是合计行，不作为格式的一部分。`);
    else if (cells.every((x) => SIGN_CELL.test(x.t)))
      L.missing.push(
        `表下第 ${r + 1} 行是签字行（${cells.map((x) => `「${x.t}」`).join('')}）：格式只有一段表尾注，这一行没有写入，如需要请加进 sheet.footnote。`,
      );
    else
      L.inferred.push(
        `第 ${r + 1} 行像是填写示例：${cells.map((x) => `「${x.t}」`).join(' ')}（不作为格式的一部分）。`,
      );
  }
  if (notes.length) L.inferred.push(`表下注释（逐字保留）：「${notes.join('\n')}」。`);
  return notes;
}

/** Each header cell's concept key through the crosswalk; an unknown one is keyed by its label. */
function draftColumns(L: Learning, headCells: HeaderCell[]): ColumnDraft[] {
  const used = new Set<string>();
  const drafts = headCells.map((h, i) => {
    const found = keyOfHeader(h.label);
    // 两层表头下的「文本」「图像」 are not the concepts their words name elsewhere: under a group only
    // an exact spelling is a known column.
    const k = found && !(h.group && found.how === 'fuzzy') ? found : null;
    // A column no format knows is keyed by its own label (without the unit): readable in the file, and
    // the same new column (更新频率) in two learned formats moves between them.
    let key = k ? k.key : splitHeaderUnit(headerPlain(h.label)).base || `c${i + 1}`;
    if (used.has(key)) {
      let n = 2;
      while (used.has(`${key}${n}`)) n++;
      key = `${key}${n}`;
    }
    used.add(key);
    if (!k) L.inferred.push(`「${h.label}」不是已知的列（键「${key}」）。`);
    else if (k.how === 'fuzzy') L.inferred.push(`「${h.label}」按相似度认作已知列「${key}」：请确认。`);
    return { c: h.c, label: h.label, group: h.group, key, known: !!k, concept: k?.key };
  });
  for (const d of drafts.filter((d, i) => drafts.findIndex((x) => x.label === d.label) !== i)) {
    if (!d.group) {
      L.inferred.push(
        `表头中有两列都叫「${d.label}」：两列照样保留，请确认第二列（键「${d.key}」）是否多余。`,
      );
      continue;
    }
    d.label = `${d.group}${d.label}`;
    L.inferred.push(`两层表头下的列名重复，写作「${d.label}」：请确认。`);
  }
  return drafts;
}

interface Options {
  options: string[];
  multi: boolean;
  where: string;
  joiner?: string;
}

/** Options from the dropdown on the column's first data rows, and whether several may be chosen. */
function optionsFromList(
  L: Learning,
  d: ColumnDraft,
  firstDataRow: number,
  textLines: string[],
): Options | null {
  const probe = [firstDataRow, firstDataRow + 1, firstDataRow + 2];
  const v = L.sh.validations.find((x) => x.type === 'list' && probe.some((r) => covers(x, r, d.c)));
  if (!v) return null;
  let o = listOptions(L.doc, L.sh, v.formula);
  if (!Array.isArray(o)) {
    L.missing.push(`「${d.label}」：${o.why}。`);
    return null;
  }
  // Excel separates an inline list by half-width commas only: 「A，B，C」 is one option in its dropdown.
  if (o.length === 1 && /[，、；]/.test(o[0])) {
    L.missing.push(
      `「${d.label}」的下拉列表只有一项「${o[0]}」（用了全角逗号或顿号，Excel 不会分开）：已按标点分成 ${o[0].split(/[，、；]/).filter(Boolean).length} 项，请核对，并提醒通知方改用半角逗号。`,
    );
    o = o[0]
      .split(/[，、；]/)
      .map((x) => x.trim())
      .filter(Boolean);
  }
  const hiddenSrc = L.doc.sheets.find((s) => s.hidden && v.formula.includes(s.name));
  const inline = /^=?"/.test(v.formula.trim());
  let where = `下拉列表${inline ? '' : hiddenSrc ? `（列表在隐藏工作表「${hiddenSrc.name}」）` : `（列表在 ${v.formula}）`}`;
  const says = `${v.promptTitle ?? ''} ${v.prompt ?? ''} ${d.label} ${d.group ?? ''}`;
  if (MULTI_RE.test(says) || saysMulti(textLines, d.label)) {
    where += MULTI_RE.test(d.label)
      ? '，表头写明可多选'
      : MULTI_RE.test(says)
        ? '，提示写明可多选'
        : '，注释或正文写明可多选';
    return { options: o, multi: true, where, joiner: /用\s*「(.{1,2})」\s*分隔/.exec(v.prompt ?? '')?.[1] };
  }
  if (/单选|只能选一|限选一/.test(d.label))
    return { options: o, multi: false, where: `${where}，表头写明单选` };
  if (!v.errorAlert)
    return {
      options: o,
      multi: true,
      where: `${where}，未设出错警告（可填列表外的值），按可多选处理（请确认）`,
    };
  return { options: o, multi: false, where };
}

/** Options spelt out in the notice's text: 「所属领域：A、B、C。」. */
function optionsFromText(
  d: ColumnDraft,
  sentences: ReturnType<typeof vocabSentences>,
  textLines: string[],
): Options | null {
  const own = (label: string) =>
    [d.label, headerPlain(d.label), splitHeaderUnit(headerPlain(d.label)).base].some(
      (x) => labelKey(label) === labelKey(x),
    );
  const s = sentences.find(
    (x) => own(x.label) || (d.known && keyOfHeader(x.label)?.key === d.key.replace(/\d+$/, '')),
  );
  if (!s) return null;
  const multi = s.multi || MULTI_RE.test(d.label) || saysMulti(textLines, d.label);
  return {
    options: s.items,
    multi,
    where: `通知正文「${s.source.slice(0, 40)}」${multi ? '，写明可多选' : ''}`,
  };
}

/** 「（不超过300字）」「300字以内」 in a label: the column's word limit. */
function wordLimitOf(label: string): number | undefined {
  const limit = /(?:不超过|不多于|限)\s*(\d+)\s*字|(\d+)\s*字(?:以内|以下)/.exec(toHalfWidth(label));
  return limit ? Number(limit[1] ?? limit[2]) : undefined;
}

const VOCAB_KEYS = ['domain', 'modality', 'category', 'direction', 'district', 'nature'];

/** One column: its kind, width and word limit, and its options when the template gives them. */
function buildColumn(
  L: Learning,
  d: ColumnDraft,
  ctx: {
    firstDataRow: number;
    textLines: string[];
    sentences: ReturnType<typeof vocabSentences>;
    vocabularies: Record<string, Vocabulary>;
    concepts: ConceptIndex;
  },
): Column {
  const width = Math.max(4, Math.round(L.sh.colWidths?.[d.c] ?? headerKeys().byKey.get(d.key)?.width ?? 12));
  let col = {
    key: d.key,
    label: d.label,
    required: false,
    width,
    ...kindFor(d, L.inferred),
    ...(d.group ? { group: d.group } : {}),
  } as Column;
  const limit = wordLimitOf(d.label);
  if (limit) {
    col.maxChars = limit;
    L.inferred.push(`「${d.label}」限 ${col.maxChars} 字。`);
  }
  ruleHints(L, d, col, ctx.firstDataRow);
  const o =
    optionsFromList(L, d, ctx.firstDataRow, ctx.textLines) ??
    optionsFromText(d, ctx.sentences, ctx.textLines);
  if (o) {
    const vocab = d.key;
    ctx.vocabularies[vocab] = vocabularyOf(vocab, o.options, ctx.concepts, d.label, L.inferred);
    const { quantity: _q, ...rest } = col;
    col = { ...rest, type: 'vocab', vocab, multi: o.multi, joiner: o.joiner ?? col.joiner ?? '、' };
    L.inferred.push(
      `「${d.label}」的选项来自${o.where}：${o.options.join('、')}${o.multi ? '（可多选）' : '（单选）'}。`,
    );
  } else if (VOCAB_KEYS.includes(d.key.replace(/\d+$/, ''))) {
    L.missing.push(
      `「${d.label}」通常有固定选项，但模板里既没有下拉列表，也没有「${d.label}：A、B、C」这样的说明：按自由文本检查，请补上选项。`,
    );
  }
  if (!d.known && col.type === 'text') L.inferred.push(`「${d.label}」按自由文本检查。`);
  if (col.type === 'models') L.inferred.push(`「${d.label}」是已服务的模型名称，没有时填「无」。`);
  return col;
}

/** A text-length rule gives the word limit; the input message of a rule that is no list, the hint. */
function ruleHints(L: Learning, d: ColumnDraft, col: Column, firstDataRow: number): void {
  const v = L.sh.validations.find((x) => x.type !== 'list' && covers(x, firstDataRow, d.c));
  if (!v) return;
  const op = v.operator ?? 'between';
  const max = Number(op === 'between' ? v.formula2 : v.formula);
  if (
    v.type === 'textLength' &&
    ['between', 'lessThanOrEqual', 'lessThan'].includes(op) &&
    Number.isInteger(max) &&
    max > 0
  ) {
    col.maxChars = op === 'lessThan' ? max - 1 : max;
    L.inferred.push(`「${d.label}」的数据验证限 ${col.maxChars} 字。`);
  }
  const hint = `${v.prompt ?? ''}`.trim();
  if (hint) {
    col.hint = hint;
    L.inferred.push(`「${d.label}」的输入提示：「${hint}」。`);
  }
}

/** Required columns: a template shows them only by a mark (*, 必填); otherwise a stated guess. */
function guessRequired(L: Learning, columns: Column[]): Profile['requireOneOf'] {
  const marked = columns.filter((c) => REQUIRED_MARK.test(c.label));
  const oneOf: Profile['requireOneOf'] = [];
  if (marked.length) {
    for (const c of columns) c.required = marked.includes(c);
    L.inferred.push(`标有 * 或「必填」的列为必填：${marked.map((c) => c.label).join('、')}。`);
  } else {
    for (const c of columns)
      c.required = c.type !== 'seq' && c.key !== 'remark' && !/备注|说明/.test(c.label);
    // Quantities grouped under one upper header (数据规模 over 结构化（条）| 非结构化（GB）) are one
    // question answered in either column, as 武汉's 至少填一项 (FORMATS.md): both required would make
    // every row that has only records, or only a size, an error.
    for (const g of new Set(columns.map((c) => c.group).filter(Boolean))) {
      const pair = columns.filter((c) => c.group === g);
      if (pair.length < 2 || !pair.every((c) => c.type === 'quantity')) continue;
      for (const c of pair) c.required = false;
      const names = pair.map((c) => `「${c.label}」`).join('');
      oneOf.push({ keys: pair.map((c) => c.key), message: `「${g}」下的${names}至少填一项。` });
      L.inferred.push(`「${g}」下的${names}至少填一项（不是每项必填）：如通知要求都填，请改为必填。`);
    }
    L.missing.push(
      `模板没有标明必填项：已把${columns
        .filter((c) => c.required)
        .map((c) => `「${c.label}」`)
        .join('')}设为必填，其余选填，请核对。`,
    );
  }
  if (columns.some((c) => c.type === 'contact'))
    L.inferred.push(
      '联系方式列按「姓名加电话或邮箱」检查（模板未写明时的默认）：通知要求姓名、电话、邮箱三项齐全时，请逐行核对三项都已填写（格式文件中为 contactNeeds）。',
    );
  return oneOf;
}

/** The region from the title or the file name; only province-level codes are known. */
function regionOf(L: Learning, title: string): Profile['region'] {
  const prov = PROVINCES.find(([n]) => `${title} ${L.doc.file}`.includes(n));
  const city = /([\u4e00-\u9fa5]{2,4}?)市/.exec(title)?.[1];
  if (prov) {
    L.inferred.push(`地区：${prov[0]}（统一社会信用代码第 3-4 位应为 ${prov[1]}，用于提示非本地登记）。`);
    return { name: prov[0], creditRegion: prov[1] };
  }
  L.missing.push(
    `没有认出地区${city ? `（标题写「${city}市」，本工具只认省级代码）` : ''}：检查时不核对统一社会信用代码是否本地登记，非本地单位请自行留意（格式文件中为 region.creditRegion，可填行政区划代码前几位）。`,
  );
  return { name: city ?? '' };
}

const FONT_WORDS: Record<string, string> = {
  attachment: '附件标签',
  title: '标题',
  meta: '表头上方',
  header: '表头',
  table: '表格',
};

/** Fonts by role, from the cells that carry them, where the template sets them. */
function fontsOf(
  L: Learning,
  at: Above['at'] & { header: string; table: string },
): NonNullable<Profile['sheet']['fonts']> {
  const fonts: NonNullable<Profile['sheet']['fonts']> = {};
  for (const [role, k] of Object.entries(at)) {
    const f = k ? L.sh.fonts?.[k] : undefined;
    if (f && (f.name || f.size)) fonts[role as keyof typeof fonts] = f;
  }
  const d = DEFAULT_SETTINGS;
  const byDefault = [
    !fonts.title?.name && `标题用${d.titleFont} 22pt`,
    !fonts.table?.name && `表格用${d.tableFont} ${d.tableSize}pt`,
  ]
    .filter(Boolean)
    .join('，');
  if (Object.keys(fonts).length) {
    L.inferred.push(
      `字体：模板设为${Object.entries(fonts)
        .map(
          // A font with a size and no name is 「表头上方 12pt」, one space, not two.
          ([k, v]) =>
            [FONT_WORDS[k], v.name, v.size && `${v.size}pt`, v.bold && '加粗'].filter(Boolean).join(' '),
        )
        .join('，')}${byDefault ? `；模板没设的按默认：${byDefault}` : ''}。`,
    );
  } else if (L.doc.kind !== 'docx')
    L.missing.push(`模板没有设置字体（只有 Excel 的默认字体，或读不出）：汇总表${byDefault}。`);
  return fonts;
}

const PAPER: Record<number, string> = { 9: 'A4', 8: 'A3', 11: 'A5', 1: 'Letter' };

/** The page as the template sets it. Portrait with no paper size and no fit is what a new sheet
 *  writes without anyone choosing (ExcelJS always writes it), so then the built-ins' A4 landscape. */
function pageOf(L: Learning): TemplateSheet['page'] | undefined {
  const page = L.sh.page;
  if (!page || Object.values(page).every((x) => x === undefined)) {
    L.missing.push('模板没有页面设置：汇总表按 A4 横向、一页宽打印。');
    return undefined;
  }
  if (page.paperSize === undefined && !page.fitToWidth && page.landscape !== true) {
    L.missing.push(
      '模板的页面设置只写了纵向，没有纸张大小（新建工作表的默认，不像是特意选的）：汇总表按 A4 横向、一页宽打印；确要纵向，生成后在 Excel「页面布局」中改为纵向（格式文件中为 sheet.page.landscape）。',
    );
    return undefined;
  }
  const paper =
    page.paperSize === undefined ? '纸张未设、' : (PAPER[page.paperSize] ?? `纸张代码 ${page.paperSize}、`);
  const orient = page.landscape === undefined ? '方向未设' : page.landscape ? '横向' : '纵向';
  // Our writers always print on A4, one page wide; only the orientation follows the template.
  L.inferred.push(
    `页面：模板设为${paper}${orient}${page.fitToWidth ? '、一页宽' : ''}；汇总表按 A4${page.landscape === false ? '纵向' : '横向'}、一页宽打印。`,
  );
  return page;
}

/** Text where a notice may spell out options: its paragraphs, the notes, lines above, other sheets, cells beside the table. */
function textBeside(L: Learning, notes: string[], above: Above, tableC2: number): string[] {
  const lines = [...(L.doc.text ?? []), ...notes, ...above.linesAbove.flat()];
  for (const s of L.doc.sheets)
    if (s !== L.sh && !s.hidden)
      for (let r = 0; r < s.rows.length; r++)
        lines.push(
          rowTexts(s, r)
            .map((x) => x.t)
            .join(''),
        );
  for (let r = 0; r < L.sh.rows.length; r++)
    for (const x of rowTexts(L.sh, r)) if (x.c > tableC2) lines.push(x.t);
  return lines;
}

/** A Word table has no sheet name, and 「Sheet1」 is no name for a summary: then 「汇总表」. */
function summarySheetName(L: Learning): string {
  const { doc, sh } = L;
  const sheetName =
    doc.kind === 'docx' || /^(sheet|工作表)\s*\d*$/i.test(sh.name.trim()) ? '汇总表' : sh.name.slice(0, 31);
  if (sheetName !== sh.name) {
    const was = doc.kind === 'docx' ? '是 Word 文件' : `的工作表叫「${sh.name}」`;
    L.inferred.push(`汇总表的工作表名用「${sheetName}」（模板${was}）。`);
  }
  return sheetName;
}

/** The format's ID: lower-case letters, digits and hyphens, and never a built-in's. */
function checkedId(given: string | undefined): string {
  const id = given?.trim() || 'learned';
  if (!/^[a-z][a-z0-9-]*$/.test(id))
    throw new LearnError(`格式 ID「${id}」只能用小写字母、数字和连字符，并以字母开头。`);
  if (PROFILES.some((p) => p.id === id))
    throw new LearnError(`格式 ID「${id}」是内置格式的 ID：请另起一个，如「${id}-2」。`);
  return id;
}

/** Learns a draft profile from a template's summary table. What it cannot read it lists; it throws
 *  (LearnError) only when there is no table to learn from or the result is not a usable format. */
function learnSummary(doc: TemplateDoc, opts: LearnOptions = {}): LearnResult {
  const { sh, row } = chooseSheet(doc);
  const L: Learning = { doc, sh, inferred: [], missing: [...(doc.limits ?? [])] };
  if (doc.main === undefined && doc.sheets.filter((s) => !s.hidden).length > 1)
    L.inferred.push(`按表头选用了工作表「${sh.name}」。`);
  L.inferred.push(`表头在第 ${row + 1} 行。`);
  const { cells: headCells, firstDataRow } = readHeaderSaying(L, row);
  const tableC2 = Math.max(...headCells.map((h) => h.c));
  const above = readAbove(L, row);
  const notes = readBelow(L, firstDataRow, Math.min(...headCells.map((h) => h.c)), tableC2);
  const textLines = textBeside(L, notes, above, tableC2);
  const ctx = {
    firstDataRow,
    textLines,
    sentences: vocabSentences(textLines),
    vocabularies: {} as Record<string, Vocabulary>,
    concepts: new ConceptIndex([...PROFILES]),
  };
  const columns = draftColumns(L, headCells).map((d) => buildColumn(L, d, ctx));
  const requireOneOf = guessRequired(L, columns);
  const region = regionOf(L, above.title);
  const fonts = fontsOf(L, {
    ...above.at,
    header: `${row},${headCells[0].c}`,
    table: `${firstDataRow},${headCells[Math.min(1, headCells.length - 1)].c}`,
  });
  const page = pageOf(L);
  const sheetName = summarySheetName(L);
  const { attachment, title, titlePrefixLabel, linesAbove } = above;
  const draft = {
    id: checkedId(opts.id),
    name:
      opts.name?.trim() ||
      (title
        ? title.replace('{prefix}', '').replace(/汇总表$|表$/, '') || title
        : doc.file.replace(/\.[^.]+$/, '')),
    region,
    source: `由模板「${doc.file}」学得（hqds learn），请核对后使用`,
    layout: 'summary',
    sheet: {
      sheetName,
      attachment,
      title,
      ...(titlePrefixLabel && { titlePrefixLabel }),
      linesAbove,
      ...(notes.length && { footnote: notes.join('\n') }),
      ...(page && { page }),
      ...(Object.keys(fonts).length && { fonts }),
    },
    vocabularies: ctx.vocabularies,
    columns,
    ...(requireOneOf.length && { requireOneOf }),
  };
  try {
    return { profile: parseProfile(draft), inferred: L.inferred, missing: L.missing };
  } catch (e) {
    throw new LearnError(`学得的格式不完整：${(e as Error).message}`);
  }
}

export class LearnError extends Error {}

// ---------------------------------------------------------------------------------------------
// A per-project form (上海's 项目基本信息情况表, learn-form.ts), alone or beside a summary table.

/** Learns a draft profile from a template: its summary table, its per-project form, or both (上海's
 *  template has one 项目基本信息情况表 per project beside the working list). */
export function learnTemplate(doc: TemplateDoc, opts: LearnOptions = {}): LearnResult {
  const cw = formCrosswalk();
  // A sheet a person chose (the pane's 「用这张工作表」) is learned alone, as the form or the table it is.
  const chosen = doc.sheets.filter((s) => (doc.main !== undefined ? s.name === doc.main : !s.hidden));
  const forms = chosen.filter((s) => isFormSheet(s, cw));
  if (!forms.length) return learnSummary(doc, opts);
  const form = learnForm(forms[0], cw);
  if (doc.main !== undefined) return fromForm(doc, form, opts);
  if (forms.length > 1)
    form.inferred.unshift(
      `有 ${forms.length} 张同样的表单（${forms.map((s) => `「${s.name}」`).join('')}），按第一张学得。`,
    );
  const rest = { ...doc, sheets: doc.sheets.filter((s) => !forms.includes(s)) };
  const table = rest.sheets.some((s) => !s.hidden && findHeader(s).row >= 0);
  if (!table) return fromForm(doc, form, opts);
  const summary = learnSummary(rest, opts);
  return isWorkingList(summary.profile) ? withForm(summary, form) : withApplicationForm(summary, form);
}

/** The crosswalk lent to learn-form.ts: concept keys, column kinds, vocabularies as for a table. */
function formCrosswalk(): FormCrosswalk {
  const concepts = new ConceptIndex([...PROFILES]);
  return {
    keyOf: (label) => keyOfHeader(label),
    column: (label, key, known, inferred) => {
      const maxChars = wordLimitOf(label);
      if (maxChars) inferred.push(`「${label}」限 ${maxChars} 字。`);
      return {
        key,
        label,
        required: false,
        width: headerKeys().byKey.get(key)?.width ?? 12,
        ...kindFor({ c: 0, label, key, known }, inferred),
        ...(maxChars && { maxChars }),
      };
    },
    vocabulary: (name, options, what, inferred) => vocabularyOf(name, options, concepts, what, inferred),
  };
}

/** A template that is only the form (a Word 申报书): the columns are the form's fields. */
function fromForm(doc: TemplateDoc, f: LearnedForm, opts: LearnOptions): LearnResult {
  const L: Learning = {
    doc,
    sh: doc.sheets.find((s) => s.name === f.sheet) ?? doc.sheets[0],
    inferred: [...f.inferred],
    missing: [...(doc.limits ?? []), ...f.missing],
  };
  formOptionsFromText(L, f);
  guessRequired(L, f.columns);
  const title = formTitlePlain(f.form.title) || f.sheet;
  const region = regionOf(L, [title, ...f.above].join(' '));
  const draft = {
    id: checkedId(opts.id),
    name: opts.name?.trim() || f.above.find((t) => /申报书|通知/.test(t))?.trim() || title,
    region,
    source: `由模板「${doc.file}」的表单学得（hqds learn），请核对后使用`,
    layout: 'project',
    sheet: { sheetName: title.slice(0, 31), attachment: f.attachment, title, linesAbove: [] },
    vocabularies: f.vocabularies,
    columns: f.columns,
    ...(f.fields.length && { form: { title, fields: f.fields } }),
    projectForm: f.form,
  };
  L.inferred.push(
    '每个项目画一张表单；汇总时另有一张工作清单（每个项目一行，表单各项为列），不是通知的模板。',
  );
  return checkedDraft(draft, L);
}

/**
 * A form's fields without ticked options take them from the text around the form, as a summary's
 * columns do (「所属领域：A、B、C。」 below a Word 附件1); a field that usually has options and finds
 * none is said, as for a summary.
 */
function formOptionsFromText(L: Learning, f: LearnedForm): void {
  const lines = [...f.above, ...f.below];
  const sentences = vocabSentences(lines);
  const concepts = new ConceptIndex([...PROFILES]);
  const used = new Set<string>();
  f.columns = f.columns.map((c) => {
    if (c.type !== 'text') return c;
    const d = { c: 0, label: c.label, key: c.key, known: keyOfHeader(c.label) !== null };
    const o = optionsFromText(d, sentences, lines);
    if (!o) {
      if (VOCAB_KEYS.includes(c.key.replace(/\d+$/, '')))
        L.missing.push(
          `「${c.label}」通常有固定选项，但模板里既没有勾选项，也没有「${c.label}：A、B、C」这样的说明：按自由文本检查，请补上选项。`,
        );
      return c;
    }
    for (const x of sentences) if (x.items.join('、') === o.options.join('、')) used.add(x.source);
    f.vocabularies[c.key] = vocabularyOf(c.key, o.options, concepts, c.label, L.inferred);
    L.inferred.push(
      `「${c.label}」的选项来自${o.where}：${o.options.join('、')}${o.multi ? '（可多选）' : '（单选）'}。`,
    );
    return { ...c, type: 'vocab', vocab: c.key, multi: o.multi };
  });
  if (!used.size) return;
  // The sentences read as options are part of the format now; only the rest is left out.
  const rest = f.below.filter((t) => ![...used].some((src) => t.includes(src)));
  L.missing = L.missing.filter((m) => !m.startsWith('表单下方还有'));
  if (rest.length)
    L.missing.push(
      `表单下方还有 ${rest.length} 段文字（「${rest[0].slice(0, 20)}」…）：只学了表单本身、字数要求和选项，其余不作为格式的一部分。`,
    );
}

/** Our own working list (hqds writes 上海's that way): a list of the projects, not a bureau's summary. */
function isWorkingList(p: Profile): boolean {
  return (
    /工作清单/.test(p.sheet.title) || p.sheet.linesAbove.some((l) => /不是.{0,8}官方模板/.test(l.join('')))
  );
}

/**
 * A bureau's own summary beside a form each applicant fills in (a 附件1 laid out one item a row):
 * the summary stays the format's table, and the form's items become its 附件1 fields, each tied to
 * the summary column it fills, so received forms are read into it.
 */
function withApplicationForm(r: LearnResult, f: LearnedForm): LearnResult {
  const p = r.profile;
  const keys = new Set(p.columns.map((c) => c.key));
  const fields = f.columns
    .filter((c) => !/\d{4}$/.test(c.key) || keys.has(c.key))
    .map((c) => {
      const limit = /不超过\s*(\d+)\s*字/.exec(toHalfWidth(c.label));
      const field = { label: c.label, synonyms: [], perDataset: false };
      return {
        ...field,
        ...(keys.has(c.key) && { key: c.key }),
        ...(limit && { maxChars: Number(limit[1]) }),
      };
    });
  const title = formTitlePlain(f.form.title) || f.sheet;
  const tied = fields.filter((x) => x.key).length;
  const inferred = [
    ...r.inferred,
    `模板另有每个单位填写一份的表单「${title}」：记下它的 ${fields.length} 项（${tied} 项对应汇总表的列），用于读取收到的表单；汇总仍按汇总表「${p.sheet.title}」。`,
  ];
  const draft = { ...p, form: { title, fields: [...fields, ...f.fields] } };
  return checkedDraft(draft, { inferred, missing: r.missing });
}

/** A summary table and the form (上海's own template): the table's columns, completed by the form. */
function withForm(r: LearnResult, f: LearnedForm): LearnResult {
  const p = r.profile;
  // The table had no 附件 label, the form has: the form's answers what the table left open.
  const known = (m: string) =>
    !(f.attachment && !p.sheet.attachment && m.startsWith('模板没有「附件N」标签'));
  const L = { inferred: [...r.inferred, ...f.inferred], missing: [...r.missing.filter(known), ...f.missing] };
  let columns = [...p.columns];
  if (columns[0]?.type === 'seq') {
    columns = columns.slice(1);
    L.inferred.push(`汇总表的「${p.columns[0].label}」不作为列：工作清单自己编序号。`);
  }
  const vocabularies = { ...p.vocabularies };
  for (const fc of f.columns) {
    const i = columns.findIndex((c) => c.key === fc.key);
    if (fc.vocab && columns[i]?.vocab === fc.vocab)
      sameOptions(vocabularies[fc.vocab], f.vocabularies[fc.vocab], fc, L);
    else if (fc.vocab) vocabularies[fc.vocab] = f.vocabularies[fc.vocab];
    if (i < 0) {
      columns.push(fc);
      L.inferred.push(`表单上的「${fc.label}」汇总表里没有，已加为列。`);
    } else columns[i] = completedColumn(columns[i], fc, L);
  }
  const onForm = new Set(f.columns.map((c) => c.key));
  const offForm = columns.filter((c) => !onForm.has(c.key));
  if (offForm.length)
    L.inferred.push(`汇总表的${offForm.map((c) => `「${c.label}」`).join('')}不在表单上：只在工作清单中。`);
  const title = formTitlePlain(f.form.title) || p.sheet.title;
  const { linesAbove, footnote: _f, title: listTitle, ...sheet } = p.sheet;
  const note = linesAbove.map((l) => l.join('')).join('\n');
  L.inferred.push(`汇总表「${listTitle}」作为工作清单${note ? '，表头上方的文字作为清单说明' : ''}。`);
  const draft = {
    ...p,
    layout: 'project',
    sheet: {
      ...sheet,
      sheetName: title.slice(0, 31),
      attachment: p.sheet.attachment || f.attachment,
      title,
      linesAbove: [],
      workingListTitle: listTitle,
      ...(note && { workingListNote: note }),
    },
    vocabularies,
    columns,
    ...(f.fields.length && { form: { title, fields: f.fields } }),
    projectForm: f.form,
  };
  return checkedDraft(draft, L);
}

/** The table's dropdown and the form's ☐ options should be one list; where not, the table's is kept, and said. */
function sameOptions(list: Vocabulary, ticks: Vocabulary, fc: Column, L: Pick<Learning, 'missing'>): void {
  const words = (v: Vocabulary) => [...v.items.map((x) => x.label), ...(v.other ? [v.other] : [])].join('、');
  if (words(list) !== words(ticks))
    L.missing.push(
      `「${fc.label}」汇总表的下拉列表（${words(list)}）与表单的勾选项（${words(ticks)}）不同：按下拉列表，请核对。`,
    );
}

/** A table column the form says more about: a value the form prints (fixed), options it ticks. */
function completedColumn(c: Column, fc: Column, L: Pick<Learning, 'inferred' | 'missing'>): Column {
  if (fc.type === 'fixed' && c.type === 'text') return { ...c, type: 'fixed', fixedValue: fc.fixedValue };
  if (fc.type !== 'vocab') return c;
  if (c.type !== 'vocab') return { ...c, type: 'vocab', vocab: fc.vocab, multi: fc.multi };
  if (c.vocab !== fc.vocab)
    L.missing.push(`「${c.label}」的下拉列表与表单的勾选项分属不同词表：请核对 projectForm 的 ticks。`);
  return c;
}

/** The draft checked like any profile file; a draft that does not hold is a LearnError. */
function checkedDraft(draft: unknown, L: Pick<Learning, 'inferred' | 'missing'>): LearnResult {
  try {
    return { profile: parseProfile(draft), inferred: L.inferred, missing: L.missing };
  } catch (e) {
    throw new LearnError(`学得的格式不完整：${(e as Error).message}`);
  }
}

/** A vocabulary from a list of options: the other-option taken out, concepts linked through the crosswalk. */
function vocabularyOf(
  kind: string,
  options: string[],
  concepts: ConceptIndex,
  what: string,
  inferred: string[],
): Vocabulary {
  let other: string | undefined;
  const items: VocabItem[] = [];
  const seen = new Set<string>();
  for (const o of options) {
    if (OTHER_ITEM.test(o) && !other) {
      other = o.slice(0, 2);
      continue;
    }
    if (seen.has(o)) continue;
    seen.add(o);
    items.push({ label: o, concepts: [], synonyms: [], accept: [] });
  }
  if (other) inferred.push(`「${what}」有其他选项「${other}」：列表外的值写成「${other}（原值）」。`);
  const crosswalkKind = kind === 'domain' || kind === 'modality' ? kind : null;
  const unlinked: string[] = [];
  for (const it of items) {
    if (crosswalkKind) {
      // 「图像/视频」 stands for two concepts (山西), as its parts say.
      const parts = it.label.split(/[/／]/).map((x) => concepts.concept(crosswalkKind, x.trim()));
      const c = concepts.concept(crosswalkKind, it.label);
      // Two spellings of one concept (「图片/图像」) link to it when the whole is no known spelling.
      if (parts.length > 1 && parts.every(Boolean) && (new Set(parts).size > 1 || !c))
        it.concepts = [...new Set(parts as string[])];
      else if (c) it.concepts = [c];
      else unlinked.push(it.label);
    }
    // The same option in a built-in format brings its known spellings (行业专识 → 行业专识数据集).
    for (const p of PROFILES) {
      const same = p.vocabularies[kind]?.items.find((x) => x.label === it.label);
      if (same) {
        it.synonyms = [...new Set([...it.synonyms, ...same.synonyms])];
        it.accept = [...new Set([...it.accept, ...same.accept])];
        if (!it.concepts.length) it.concepts = [...same.concepts];
      }
    }
  }
  if (crosswalkKind && items.length) {
    const linked = items.filter((i) => i.concepts.length).length;
    inferred.push(
      `「${what}」的 ${items.length} 个选项中 ${linked} 个对应到已知类别，其他格式的同类取值会改写为本表写法${unlinked.length ? `；${unlinked.map((u) => `「${u}」`).join('')}没有对应类别，只接受原文` : ''}。`,
    );
  }
  if (!items.length) items.push({ label: other ?? '其他', concepts: [], synonyms: [], accept: [] });
  return { items, ...(other ? { other } : {}), otherBracketed: true };
}

/** One line per column for review: its label, its kind in words, its options (CLI and pane). */
export function describeColumn(p: Profile, c: Column): string {
  const kinds: Record<string, string> = {
    seq: '序号',
    text: '文本',
    vocab: '选项',
    quantity: '数据量',
    models: '模型名称（没有填「无」）',
    contact: '联系人及联系方式',
    person: '姓名',
    phone: '电话',
    email: '邮箱',
    creditCode: '统一社会信用代码',
    money: '金额',
    percent: '百分数',
    fixed: '固定值',
    benefit: '效益（含数字）',
  };
  let kind = kinds[c.type] ?? c.type;
  if (c.type === 'quantity' && c.quantity) {
    kind =
      c.quantity.kind === 'size'
        ? `数据量（大小，${c.quantity.unit}）`
        : c.quantity.kind === 'records'
          ? '数据量（条数）'
          : c.quantity.kind === 'pairs'
            ? '数据量（模态+GB）'
            : '数据量（大小或条数，照写）';
  }
  if (c.type === 'fixed' && c.fixedValue) kind = `固定值「${c.fixedValue}」`;
  if (c.type === 'vocab' && c.vocab) {
    const v = p.vocabularies[c.vocab];
    kind = `${c.multi ? '多选' : '单选'}：${v.items.map((i) => i.label).join('、')}${v.other ? `、${v.other}` : ''}`;
  }
  // U+3000 between the parts, as a Chinese list would set them.
  const sp = '\u3000';
  return `${c.group ? `${c.group} / ` : ''}${c.label}${sp}${kind}${c.required ? `${sp}必填` : ''}${c.maxChars ? `${sp}≤${c.maxChars}字` : ''}`;
}

/** What the clerk changed while reviewing a draft (the pane's 「新格式」). */
export interface LearnEdits {
  id?: string;
  name?: string;
  title?: string;
  columns?: Record<string, { required?: boolean; multi?: boolean; options?: string[]; kind?: EditableKind }>;
}

/** The kinds a clerk may give a column in review (「类型」), and what each makes of it. Options are
 *  given through the options box (a column with options is a dropdown), so they are not a kind here. */
export const EDITABLE_KINDS = {
  text: { label: '文本', column: { type: 'text' } },
  sizeGB: {
    label: '数据量（大小，GB）',
    column: { type: 'quantity', quantity: { kind: 'size', unit: 'GB' } },
  },
  sizeTB: {
    label: '数据量（大小，TB）',
    column: { type: 'quantity', quantity: { kind: 'size', unit: 'TB' } },
  },
  records: {
    label: '数据量（条数）',
    column: { type: 'quantity', quantity: { kind: 'records', unit: '条' } },
  },
  scale: { label: '数据量（大小或条数，照填）', column: { type: 'quantity', quantity: { kind: 'scale' } } },
  creditCode: { label: '统一社会信用代码', column: { type: 'creditCode' } },
  phone: { label: '电话', column: { type: 'phone' } },
  email: { label: '邮箱', column: { type: 'email' } },
  person: { label: '姓名', column: { type: 'person' } },
  money: { label: '金额', column: { type: 'money' } },
  percent: { label: '百分数', column: { type: 'percent' } },
} as const satisfies Record<string, { label: string; column: Partial<Column> }>;
export type EditableKind = keyof typeof EDITABLE_KINDS;

/** The editable kind a column has now, or null (序号, options, contact … are kept as learnt). */
export function editableKindOf(c: Column): EditableKind | null {
  if (c.type !== 'quantity') {
    const k = (Object.keys(EDITABLE_KINDS) as EditableKind[]).find(
      (x) => EDITABLE_KINDS[x].column.type === c.type,
    );
    return k ?? null;
  }
  const q = c.quantity;
  if (q?.kind === 'size') return q.unit === 'TB' ? 'sizeTB' : 'sizeGB';
  if (q?.kind === 'records') return 'records';
  return q?.kind === 'scale' ? 'scale' : null;
}

/** The column as the kind the clerk chose: label, key, required, width, hint and group kept. */
function withKind(c: Column, kind: EditableKind): Column {
  const spec: { column: Partial<Column> } | undefined = (
    EDITABLE_KINDS as Record<string, { column: Partial<Column> }>
  )[kind];
  if (!spec) throw new LearnError(`「${c.label}」的类型「${String(kind)}」无法识别：请从列表中选择。`);
  const { vocab: _v, quantity: _q, fixedValue: _f, contactNeeds: _c, noneWord: _n, ...rest } = c;
  return { ...rest, multi: false, ...spec.column };
}

/** The draft with the clerk's corrections, checked again; new options are linked to the concepts as
 *  when learnt. Throws a Chinese message when the result is not a usable format. */
export function applyLearnEdits(p: Profile, e: LearnEdits): Profile {
  const vocabularies = { ...p.vocabularies };
  const columns = p.columns.map((c) => {
    const ed = e.columns?.[c.key];
    if (!ed) return c;
    if (ed.kind && ed.kind !== editableKindOf(c))
      return withKind({ ...c, required: ed.required ?? c.required }, ed.kind);
    let next: Column = {
      ...c,
      ...(ed.required !== undefined && { required: ed.required }),
      ...(ed.multi !== undefined && c.type === 'vocab' && { multi: ed.multi }),
    };
    const given = (ed.options ?? []).map((o) => o.trim()).filter(Boolean);
    if (given.length && !c.vocab && c.type === 'text') {
      // A column the template left as free text (no list, no 「更新频率：A、B」 sentence) gets the
      // options the clerk typed in review, linked to the concepts as learnt ones are.
      let vocab = c.key;
      for (let n = 2; vocabularies[vocab]; n++) vocab = `${c.key}${n}`;
      vocabularies[vocab] = vocabularyOf(vocab, given, new ConceptIndex([...PROFILES]), c.label, []);
      next = { ...next, type: 'vocab', vocab, multi: ed.multi ?? false };
    }
    if (ed.options && c.vocab) {
      const opts = ed.options.map((o) => o.trim()).filter(Boolean);
      if (!opts.length) throw new LearnError(`「${c.label}」至少要有一个选项。`);
      const old = p.vocabularies[c.vocab];
      const fresh = vocabularyOf(c.vocab, opts, new ConceptIndex([...PROFILES]), c.label, []);
      // Options kept from the draft keep what was learnt for them (synonyms, accepted spellings).
      fresh.items = fresh.items.map((it) => old.items.find((o) => o.label === it.label) ?? it);
      fresh.otherBracketed = old.otherBracketed;
      vocabularies[c.vocab] = fresh;
    }
    return next;
  });
  const sheet = { ...p.sheet };
  if (e.title !== undefined) {
    // The clerk sees and types 「XXX」 where the recommender fills the title in (山西).
    sheet.title = e.title.replace(TITLE_BLANK, '{prefix}');
    if (sheet.title.includes('{prefix}')) sheet.titlePrefixLabel ??= '标题中的XXX';
    else delete sheet.titlePrefixLabel;
  }
  const draft = {
    ...p,
    ...(e.id !== undefined && { id: e.id.trim() }),
    ...(e.name !== undefined && { name: e.name.trim() }),
    sheet,
    vocabularies,
    columns,
  };
  try {
    return parseProfile(draft);
  } catch (err) {
    throw new LearnError(
      (err as Error).message.replace(/id: .*$/, 'ID 只能用小写字母、数字和连字符，并以字母开头。'),
    );
  }
}
