/**
 * Finding what a received sheet holds: a summary table below title and meta lines, or a
 * basic-information form (附件1) laid out as label | value with checkbox lists.
 */
import { cellText, isBlank, type CellValue } from './cell';
import { scoreHeaderRows, type HeaderIndex } from './header';
import type { Profile } from './profile';
import type { Table } from './engine';
import { labelKey, toHalfWidth } from './text';

export interface LocatedTable {
  kind: 'table';
  /** 0-based row of the header in the sheet. */
  headerRow: number;
  table: Table;
  /** 0-based sheet row of each table row. */
  sheetRows: number[];
}

export interface LocatedForm {
  kind: 'form';
  table: Table;
  /** 0-based sheet row where each dataset (entry) begins. */
  sheetRows: number[];
  /** Per-row column overrides for the engine: header index → column key. */
  mapping: Record<number, string | null>;
  /** For each entry and profile column, the sheet cell (0-based) its value was read from. */
  cells: (FormCell | null)[][];
}

export type Located = LocatedTable | LocatedForm | { kind: 'none'; reason: string };

/** 「附件2」「注：…」「填表人：」 and the like, after a table: not datasets. */
const NOTE_ROW = /^(注|说明|备注|填表|填报|审核|联系人|负责人|制表)[：:\s]|^附件\s*\d|^\d+\.\s*\S/;

export function locate(index: HeaderIndex, rows: readonly (readonly CellValue[])[]): Located {
  const best = scoreHeaderRows(index, rows);
  const profile = index.profile;
  const form = parseForm(profile, rows);
  // A form's label row can look like a two-column header (「数据集名称 | … | 数据集规模」); a real
  // header maps at least three columns, or two when the sheet is no form at all.
  const h = best.score >= 3 || (best.score >= 2 && !form) ? best.row : -1;
  if (h >= 0) {
    // A two-row header (the second line carries units or sub-labels) is folded into the first.
    const header = [...rows[h]];
    const next = rows[h + 1];
    if (next && isSubHeader(index, next)) {
      for (let c = 0; c < next.length; c++) {
        const t = cellText(next[c]).trim();
        if (t && t !== cellText(header[c]).trim()) header[c] = `${cellText(header[c])}${t}`;
      }
    }
    const start = next && isSubHeader(index, next) ? h + 2 : h + 1;
    const body: CellValue[][] = [];
    const sheetRows: number[] = [];
    for (let r = start; r < rows.length; r++) {
      const row = rows[r] ?? [];
      const filled = row.filter((c) => !isBlank(c));
      // A lone note under the table (「注：…」) is not a dataset; it is left out by the engine as
      // a row whose cells map to nothing only if it sits in an unmapped column, so drop it here.
      if (filled.length === 1 && NOTE_ROW.test(cellText(filled[0]).trim())) continue;
      body.push([...row]);
      sheetRows.push(r);
    }
    return { kind: 'table', headerRow: h, table: { header, rows: body }, sheetRows };
  }
  if (form) return form;
  return { kind: 'none', reason: '找不到表头：前 30 行中没有一行能对应到本表的两列以上，也不像基本信息表。' };
}

function isSubHeader(index: HeaderIndex, row: readonly CellValue[]): boolean {
  const texts = row.map((c) => cellText(c).trim()).filter(Boolean);
  if (!texts.length) return false;
  // Units alone, such as （GB） or 单位：TB, under the labels.
  return texts.every((t) => /^[(（]?\s*(单位[:：])?\s*(GB|TB|MB|PB|条|行|万条|个|%|万元)\s*[)）]?$/i.test(toHalfWidth(t)));
}

/** Checkbox marks: ticked (☑ ■ √ ✓ ✔ ☒ [x] 【√】 (x)) or empty (☐ □ [ ]). */
const MARK = /[☑■√✓✔☒☐□]|\[[xX√ ]?\]|【[xX√ ]?】|[(（][xX√][)）]/g;
const EMPTY_MARK = /^([☐□]|\[ ?\]|【 ?】)$/;

/**
 * The values ticked in a checkbox list: 「☑工业制造 □现代农业 ☑其它（海洋）」 → 工业制造、其它（海洋）.
 * The box usually comes before its option; 武汉's 申报方向 puts it after (「高质量数据集建设应用☑」),
 * recognised when the list ends with a box. An option runs to the next box or the end of its line,
 * so 「☑方向 2: 高质量数据集工具链平台建设」 stays whole; a heading before the next group
 * (「☑城市治理 创新领域：」) and blanks (「其他：_____」) are not part of it.
 */
export function checkedValues(text: string): string[] | null {
  const marks = [...text.matchAll(MARK)];
  if (!marks.length) return null;
  const body = text.replace(/[（(](可多选|多选|单选)[)）]/g, '').trim();
  const after = !body.match(/^\s*(?:[☑■√✓✔☒☐□]|\[[xX√ ]?\]|【[xX√ ]?】|[(（][xX√][)）])/) && /(?:[☑■√✓✔☒☐□]|\[[xX√ ]?\]|【[xX√ ]?】|[(（][xX√][)）])\s*$/.test(body);
  const out: string[] = [];
  marks.forEach((m, i) => {
    if (EMPTY_MARK.test(m[0])) return;
    const end = m.index! + m[0].length;
    let seg = after ? text.slice(i ? marks[i - 1].index! + marks[i - 1][0].length : 0, m.index) : text.slice(end, i + 1 < marks.length ? marks[i + 1].index : text.length);
    const lines = seg.split('\n');
    seg = after ? lines[lines.length - 1] : lines[0];
    seg = seg.replace(/[（(](可多选|多选|单选)[)）]/g, '');
    if (!after) seg = seg.replace(/\s+[^\s：:]+[：:]\s*$/, ''); // the next group's heading
    seg = seg.replace(/[_＿]+/g, ' ').trim().replace(/[：:]$/, '').trim();
    if (seg) out.push(seg);
  });
  return out;
}

interface FieldHit {
  key: string;
  label: string;
  perDataset: boolean;
}

/** Where a form value was read: 0-based sheet row and column. */
export interface FormCell {
  row: number;
  col: number;
}

interface Found {
  value: string;
  at: FormCell;
}

const YEAR_HEAD = /^(\d{4})\s*年(度)?$/;

/**
 * A basic-information form: label cells with values to their right. Each repeat of the first
 * per-dataset field starts a new dataset; unit-level fields (单位名称, 联系方式) apply to all.
 * A project form (上海's 项目基本信息情况表) uses the summary columns as its labels, and its 近三年
 * grid (years across, 资产总额 … down) fills the year columns. Every value keeps the sheet cell it
 * came from, so a note lands on the value, not the label.
 */
export function parseForm(profile: Profile, rows: readonly (readonly CellValue[])[]): LocatedForm | null {
  const fields: { label: string; key: string; perDataset: boolean; synonyms: string[] }[] = (profile.form?.fields ?? [])
    .filter((f) => f.key)
    .map((f) => ({ label: f.label, key: f.key!, perDataset: f.perDataset, synonyms: f.synonyms }));
  if (profile.layout === 'project') {
    for (const c of profile.columns) if (!fields.some((f) => f.key === c.key)) fields.push({ label: c.label, key: c.key, perDataset: false, synonyms: [] });
  }
  if (!fields.length) return null;
  const lookup = new Map<string, FieldHit>();
  for (const f of fields) {
    for (const l of [f.label, ...f.synonyms]) if (!lookup.has(labelKey(l))) lookup.set(labelKey(l), { key: f.key, label: f.label, perDataset: f.perDataset });
  }
  const matchLabel = (t: string): FieldHit | undefined => {
    const k = labelKey(t).replace(/[（(].*?[)）]$/, '');
    return lookup.get(labelKey(t)) ?? lookup.get(k);
  };
  const colType = new Map(profile.columns.map((c) => [c.key, c]));
  const hasModality = colType.has('modality');
  const unit: Record<string, Found> = {};
  const datasets: { row: number; values: Record<string, Found> }[] = [];
  let current: { row: number; values: Record<string, Found> } | null = null;
  let hits = 0;
  const firstPer = fields.find((f) => f.perDataset)?.key;
  let years: Map<number, string> | null = null;
  const store = (hit: FieldHit, key: string, found: Found, continued: boolean) => {
    const target = hit.perDataset ? current!.values : unit;
    const had = target[key];
    if (had === undefined) target[key] = found;
    else if (continued && found.value) {
      // A label merged over several rows (申报方向, 单位性质): the rows are one answer.
      target[key] = had.value ? { value: `${had.value}、${found.value}`, at: had.at } : found;
    }
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const yearCols = new Map<number, string>();
    row.forEach((v, c) => {
      const m = YEAR_HEAD.exec(toHalfWidth(cellText(v)).trim());
      if (m) yearCols.set(c, m[1]);
    });
    if (yearCols.size >= 2) {
      years = yearCols;
      continue;
    }
    let yearRow = false;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).trim();
      if (!t || t.length > 30) continue;
      if (years) {
        // 近三年企业发展情况: 「资产总额（万元）」 under 「2022 年」 is the column 「2022年资产总额（万元）」.
        for (const [yc, year] of years) {
          if (yc <= c) continue;
          const hit = matchLabel(`${year}年${t}`);
          if (!hit) continue;
          yearRow = true;
          hits++;
          const v = cellText(row[yc]).trim();
          store(hit, hit.key, { value: v, at: { row: r, col: yc } }, false);
        }
        if (yearRow) break;
      }
      const hit = matchLabel(t);
      if (!hit) continue;
      // The value: the next non-empty cell to the right that is not itself a label or a repeat of this one (merged cells).
      let value = '';
      let at: FormCell = { row: r, col: Math.min(c + 1, row.length - 1) };
      for (let k = c + 1; k < row.length; k++) {
        const v = cellText(row[k]).trim();
        if (v === t) continue;
        if (!v) continue;
        if (matchLabel(v)) break;
        value = v;
        at = { row: r, col: k };
        break;
      }
      if (at.col === c) at = { row: r, col: c };
      hits++;
      // The same label in the row above and in the same column: one label cell merged over rows.
      const continued = r > 0 && cellText(rows[r - 1]?.[c]).trim() === t;
      let modality: string | null = null;
      if (hit.key === 'scale' && hasModality) {
        // 山西 「数据规模与模态」: 「规模：100TB 模态：☑文本 □音频」 fills two columns.
        const m = /^(?:规模\s*[:：])?([\s\S]*?)[\s，,；;。]*模态\s*[:：]([\s\S]*)$/.exec(value);
        if (m) {
          value = m[1].replace(/^规模\s*[:：]/, '').trim();
          const ticked = checkedValues(m[2]);
          modality = ticked ? ticked.join('、') : m[2].trim();
        }
      }
      const ticked = checkedValues(value);
      if (ticked) value = ticked.join('、');
      if (/^[(（].*[)）]$/.test(value) && /填写|若没有|含|对数据集/.test(value)) value = ''; // the form's own instructions
      if (colType.get(hit.key)?.type === 'models' && ticked) value = modelsAnswer(value, colType.get(hit.key)?.noneWord ?? '无');
      const unitMatch = /单位[:：]\s*([A-Za-z条行/]+)/.exec(toHalfWidth(hit.label));
      if (unitMatch && value && /^[\d.,\s]+$/.test(value)) value = `${value}${unitMatch[1].replace('行/条', '条')}`;
      if (hit.perDataset && !continued) {
        if (!current || (hit.key === firstPer && current.values[firstPer] !== undefined)) {
          current = { row: r, values: {} };
          datasets.push(current);
        }
      }
      if (hit.perDataset && !current) {
        current = { row: r, values: {} };
        datasets.push(current);
      }
      store(hit, hit.key, { value, at }, continued);
      if (modality !== null) store({ ...hit, key: 'modality' }, 'modality', { value: modality, at }, continued);
      c = Math.max(c + 1, at.col); // skip the value cell
    }
    if (!yearRow) years = null;
  }
  if (hits < 3) return null;
  if (!datasets.length) datasets.push({ row: 0, values: {} });
  const keys = profile.columns.map((c) => c.key);
  const header = profile.columns.map((c) => c.label);
  const mapping: Record<number, string | null> = {};
  keys.forEach((k, i) => (mapping[i] = profile.columns[i].type === 'seq' ? null : k));
  const pick = (d: { values: Record<string, Found> }, k: string) => d.values[k] ?? unit[k];
  const body = datasets.map((d) => keys.map((k) => pick(d, k)?.value ?? null));
  const cells = datasets.map((d) => keys.map((k) => pick(d, k)?.at ?? null));
  // 序号 is generated; the form has none.
  return { kind: 'form', table: { header, rows: body }, sheetRows: datasets.map((d) => d.row), mapping, cells };
}

/** 山西 「是否已用于AI训练」: 「是（请注明模型类型/项目名称：X）」 → X; 「否」 → 无. A 是 without a name stays empty (required). */
function modelsAnswer(value: string, noneWord: string): string {
  const v = value.trim();
  if (/^否$/.test(v)) return noneWord;
  const m = /^是\s*(?:[（(]([\s\S]*?)[)）])?\s*([\s\S]*)$/.exec(v);
  if (!m) return value;
  const inner = (m[1] ?? '').replace(/^[^：:]*[：:]/, '').replace(/[_＿]+/g, '').trim();
  return inner || m[2].replace(/[_＿]+/g, '').trim();
}
