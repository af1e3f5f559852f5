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
}

export type Located = LocatedTable | LocatedForm | { kind: 'none'; reason: string };

/** 「附件2」「注：…」「填表人：」 and the like, after a table: not datasets. */
const NOTE_ROW = /^(注|说明|备注|填表|填报|审核|联系人|负责人|制表)[：:\s]|^附件\s*\d|^\d+\.\s*\S/;

/** A note line: 「注：…」 and the like, or the format's own footnote (武汉's has no 「注：」). */
const isNote = (profile: Profile, t: string) => NOTE_ROW.test(t) || (!!profile.sheet.footnote && labelKey(t) === labelKey(profile.sheet.footnote));

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
      if (filled.length === 1 && isNote(profile, cellText(filled[0]).trim())) continue;
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

const CHECKED = /(☑|■|√|✓|✔|☒|\[[xX√]\]|【[xX√]】|\([xX√]\))\s*([^\s☐□☑■√✓✔☒\[【(（]+(?:[（(][^)）]*[)）])?)/g;
const UNCHECKED_MARK = /[☐□]/;

/** The values ticked in a checkbox list: 「☑工业制造 □现代农业 ☑其它（海洋）」 → 工业制造、其它（海洋）. */
export function checkedValues(text: string): string[] | null {
  if (!UNCHECKED_MARK.test(text) && !/[☑■√✓✔☒]|\[[xX]\]/.test(text)) return null;
  const out: string[] = [];
  for (const m of text.matchAll(CHECKED)) {
    const v = m[2].replace(/[_＿]+$/, '').trim();
    if (v) out.push(v);
  }
  return out;
}

interface FieldHit {
  key: string;
  label: string;
  perDataset: boolean;
}

/** A basic-information form: label cells with values to their right. Each repeat of the first
 *  per-dataset field starts a new dataset; unit-level fields (单位名称, 联系方式) apply to all. */
export function parseForm(profile: Profile, rows: readonly (readonly CellValue[])[]): LocatedForm | null {
  const fields = profile.form?.fields.filter((f) => f.key) ?? [];
  if (!fields.length) return null;
  const lookup = new Map<string, FieldHit>();
  for (const f of fields) {
    for (const l of [f.label, ...f.synonyms]) lookup.set(labelKey(l), { key: f.key!, label: f.label, perDataset: f.perDataset });
  }
  const matchLabel = (t: string): FieldHit | undefined => {
    const k = labelKey(t).replace(/[（(].*?[)）]$/, '');
    return lookup.get(labelKey(t)) ?? lookup.get(k);
  };
  const unit: Record<string, string> = {};
  const datasets: { row: number; values: Record<string, string> }[] = [];
  let current: { row: number; values: Record<string, string> } | null = null;
  let hits = 0;
  const firstPer = fields.find((f) => f.perDataset)?.key;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).trim();
      if (!t || t.length > 30) continue;
      const hit = matchLabel(t);
      if (!hit) continue;
      // The value: the next non-empty cell to the right that is not itself a label or a repeat of this one (merged cells).
      let value = '';
      for (let k = c + 1; k < row.length; k++) {
        const v = cellText(row[k]).trim();
        if (!v || v === t) continue;
        if (matchLabel(v)) break;
        value = v;
        break;
      }
      hits++;
      const ticked = checkedValues(value);
      if (ticked) value = ticked.join('、');
      if (/^[(（].*[)）]$/.test(value) && /填写|若没有|含|对数据集/.test(value)) value = ''; // the form's own instructions
      const unitMatch = /单位[:：]\s*([A-Za-z条行/]+)/.exec(toHalfWidth(hit.label));
      if (unitMatch && value && /^[\d.,\s]+$/.test(value)) value = `${value}${unitMatch[1].replace('行/条', '条')}`;
      if (hit.perDataset) {
        if (!current || (hit.key === firstPer && current.values[firstPer] !== undefined)) {
          current = { row: r, values: {} };
          datasets.push(current);
        }
        if (current.values[hit.key] === undefined) current.values[hit.key] = value;
      } else if (unit[hit.key] === undefined) unit[hit.key] = value;
      c++; // skip the value cell
    }
  }
  if (hits < 3) return null;
  if (!datasets.length) datasets.push({ row: 0, values: {} });
  const keys = profile.columns.map((c) => c.key);
  const header = profile.columns.map((c) => c.label);
  const mapping: Record<number, string | null> = {};
  keys.forEach((k, i) => (mapping[i] = profile.columns[i].type === 'seq' ? null : k));
  const body = datasets.map((d) => keys.map((k) => d.values[k] ?? unit[k] ?? null));
  // 序号 is generated; the form has none.
  return { kind: 'form', table: { header, rows: body }, sheetRows: datasets.map((d) => d.row), mapping };
}
