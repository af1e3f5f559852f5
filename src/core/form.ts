/**
 * Reading a basic-information form (附件1, 山西's 申报书 基本信息表, 上海's 项目基本信息情况表) the way
 * the clerk who retypes it does: label cells with their values to the right, checkbox lists, a
 * label merged over several rows, a section copied for each dataset. Every value keeps the sheet
 * cell it came from, so a note or a report lands on the value, not on its label.
 */
import { cellText, type CellValue } from './cell';
import { checkCreditCodeCell } from './checks/number';
import { validatorFor } from './engine';
import { cellIssue, type CellIssue } from './issues';
import type { LocatedForm } from './locate';
import type { Profile } from './profile';
import { charCount, labelKey, toHalfWidth } from './text';
import { lostDigits, lostDigitsIssue, placeholderIssue } from './validators';

/** Where a form value was read: 0-based sheet row and column. */
export interface FormCell {
  row: number;
  col: number;
}

/** Checkbox marks: ticked (☑ ■ √ ✓ ✔ ☒ [x] 【√】 (x)) or empty (☐ □ [ ]). */
const MARK_SRC = '[☑■√✓✔☒☐□]|\\[[xX√ ]?\\]|【[xX√ ]?】|[(（][xX√][)）]';
const MARK = new RegExp(MARK_SRC, 'g');
const STARTS_WITH_MARK = new RegExp(`^\\s*(?:${MARK_SRC})`);
const ENDS_WITH_MARK = new RegExp(`(?:${MARK_SRC})\\s*$`);
const EMPTY_MARK = /^([☐□]|\[ ?\]|【 ?】)$/;
const CHOICE_NOTE = /[（(](可多选|多选|单选)[)）]/g;

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
  const body = text.replace(CHOICE_NOTE, '').trim();
  const after = !STARTS_WITH_MARK.test(body) && ENDS_WITH_MARK.test(body);
  const out: string[] = [];
  marks.forEach((m, i) => {
    if (EMPTY_MARK.test(m[0])) return;
    const prevEnd = i ? marks[i - 1].index + marks[i - 1][0].length : 0;
    const nextStart = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const lines = (after ? text.slice(prevEnd, m.index) : text.slice(m.index + m[0].length, nextStart)).split(
      '\n',
    );
    let seg = (after ? lines[lines.length - 1] : lines[0]).replace(CHOICE_NOTE, '');
    if (!after) seg = seg.replace(/\s+[^\s：:]+[：:]\s*$/, ''); // the next group's heading
    seg = seg
      .replace(/[_＿]+/g, ' ')
      .trim()
      .replace(/[：:]$/, '')
      .trim();
    // 「其它_____」 filled in: 「其它：海洋数据」 is written the way the summaries write it, 「其它（海洋数据）」.
    seg = seg.replace(/^(其它|其他)\s*(?:[:：]\s*|\s+)(\S[\s\S]*)$/, '$1（$2）');
    if (seg) out.push(seg);
  });
  return out;
}

interface Field {
  key: string;
  label: string;
  perDataset: boolean;
  maxChars?: number;
}

interface Found {
  value: string;
  at: FormCell;
  /** The cell as read when it is a number and the value is that number: a lost-digits check needs it. */
  raw?: number;
}

/** A value of a field only the form has (统一社会信用代码, 数据集概况): checked, never written to the summary. */
export interface FormOnlyValue {
  /** The dataset (entry) it belongs to; a unit-level field is reported once, with the first. */
  row: number;
  label: string;
  value: CellValue;
  at: FormCell;
  maxChars?: number;
}

/** Keys of fields only the form has, kept apart from the summary's column keys. */
const FORM_ONLY = '\u0001';

type Values = Record<string, Found>;
type Rows = readonly (readonly CellValue[])[];

/** Where a modality list without a column of its own is kept while the form is read. */
const MODALITIES = '\u0000modalities';

const YEAR_HEAD = /^(\d{4})\s*年(度)?$/;

/**
 * A basic-information form: label cells with values to their right. Each repeat of the first
 * per-dataset field starts a new dataset; unit-level fields (单位名称, 联系方式) apply to all.
 * A project form (上海's 项目基本信息情况表) uses the summary columns as its labels, and its 近三年
 * grid (years across, 资产总额 … down) fills the year columns.
 */
export function parseForm(profile: Profile, rows: Rows): LocatedForm | null {
  const reader = new FormReader(profile);
  if (!reader.fields.length) return null;
  for (let r = 0; r < rows.length; r++) reader.row(rows, r);
  return reader.result();
}

class FormReader {
  readonly fields: (Field & { synonyms: string[] })[];
  private readonly lookup = new Map<string, Field>();
  private readonly unit: Values = {};
  private readonly datasets: { row: number; values: Values }[] = [];
  private current: { row: number; values: Values } | null = null;
  private hits = 0;
  private years: Map<number, string> | null = null;
  private readonly firstPer: string | undefined;

  constructor(private readonly profile: Profile) {
    // A modality list with no column of its own (武汉 「数据集模态及规模」) is read too: it completes 「modality + GB」.
    const hasPairs = profile.columns.some((c) => c.quantity?.kind === 'pairs');
    // Fields only the form has are read too, to be checked (their limits, a credit code's digits).
    this.fields = (profile.form?.fields ?? []).map((f) => ({
      label: f.label,
      key: f.key ?? (hasPairs && f.label.includes('模态') ? MODALITIES : FORM_ONLY + f.label),
      perDataset: f.perDataset,
      synonyms: f.synonyms,
      maxChars: f.maxChars,
    }));
    if (profile.layout === 'project') {
      for (const c of profile.columns)
        if (!this.fields.some((f) => f.key === c.key))
          this.fields.push({ label: c.label, key: c.key, perDataset: false, synonyms: [] });
    }
    for (const f of this.fields) {
      for (const l of [f.label, ...f.synonyms])
        if (!this.lookup.has(labelKey(l))) this.lookup.set(labelKey(l), f);
    }
    this.firstPer = this.fields.find((f) => f.perDataset)?.key;
  }

  match(t: string): Field | undefined {
    return this.lookup.get(labelKey(t)) ?? this.lookup.get(labelKey(t).replace(/[（(].*?[)）]$/, ''));
  }

  row(rows: Rows, r: number): void {
    const row = rows[r] ?? [];
    const yearCols = new Map<number, string>();
    row.forEach((v, c) => {
      const m = YEAR_HEAD.exec(toHalfWidth(cellText(v)).trim());
      if (m) yearCols.set(c, m[1]);
    });
    if (yearCols.size >= 2) {
      this.years = yearCols;
      return;
    }
    if (this.yearRow(row, r)) return;
    this.years = null;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).trim();
      if (!t) continue;
      const hit = t.length <= 30 ? this.match(t) : undefined;
      if (hit) {
        c = this.labelled(rows, r, c, t, hit);
        continue;
      }
      // Label and value in one cell, as Word forms often have them: 「单位名称：青海牧业科技有限公司」.
      const inline = /^([^：:\n]{2,30})[：:]\s*([\s\S]+)$/.exec(t);
      const inlineHit = inline ? this.match(inline[1]) : undefined;
      if (inline && inlineHit)
        this.file(inlineHit, { value: inline[2].trim(), at: { row: r, col: c } }, r, false);
    }
  }

  /** 近三年企业发展情况: 「资产总额（万元）」 under 「2022 年」 is the column 「2022年资产总额（万元）」. */
  private yearRow(row: readonly CellValue[], r: number): boolean {
    if (!this.years) return false;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).trim();
      if (!t) continue;
      let any = false;
      for (const [yc, year] of this.years) {
        const hit = yc > c ? this.match(`${year}年${t}`) : undefined;
        if (!hit) continue;
        any = true;
        this.hits++;
        this.store(hit, hit.key, { value: cellText(row[yc]).trim(), at: { row: r, col: yc } }, false);
      }
      return any;
    }
    return false;
  }

  /** A label at (r, c): read its value, file it under its dataset; returns the column to go on from. */
  private labelled(rows: Rows, r: number, c: number, t: string, hit: Field): number {
    const row = rows[r];
    let found: Found = { value: '', at: { row: r, col: Math.min(c + 1, row.length - 1) } };
    // The value: the next non-empty cell to the right that is not itself a label or a repeat of this one (merged cells).
    for (let k = c + 1; k < row.length; k++) {
      const v = cellText(row[k]).trim();
      if (!v || v === t) continue;
      if (!this.match(v))
        found = {
          value: v,
          at: { row: r, col: k },
          raw: typeof row[k] === 'number' ? (row[k] as number) : undefined,
        };
      break;
    }
    // The same label in the row above, same column: one label cell merged over rows (申报方向, 单位性质).
    const continued = r > 0 && cellText(rows[r - 1]?.[c]).trim() === t;
    this.file(hit, found, r, continued);
    return Math.max(c + 1, found.at.col);
  }

  /** A value read for a label: under its dataset (a repeat of the first per-dataset label starts the next one). */
  private file(hit: Field, found: Found, r: number, continued: boolean): void {
    this.hits++;
    const { value, modality } = this.value(hit, found.value);
    if (
      hit.perDataset &&
      !continued &&
      (!this.current || (hit.key === this.firstPer && this.current.values[hit.key] !== undefined))
    )
      this.startDataset(r);
    if (hit.perDataset && !this.current) this.startDataset(r);
    // A number cell read as it is keeps its number: 916325007109012345 has lost digits, its text hides it.
    const raw = found.raw !== undefined && value === found.value ? found.raw : undefined;
    this.store(hit, hit.key, { value, at: found.at, raw }, continued);
    if (modality !== null) this.store(hit, 'modality', { value: modality, at: found.at }, continued);
  }

  private startDataset(r: number): void {
    this.current = { row: r, values: {} };
    this.datasets.push(this.current);
  }

  /** The value as the summary wants it: ticked options, 山西's combined scale and modality, units from the label. */
  private value(hit: Field, raw: string): { value: string; modality: string | null } {
    let value = raw;
    let modality: string | null = null;
    if (hit.key === 'scale' && this.profile.columns.some((c) => c.key === 'modality')) {
      // 山西 「数据规模与模态」: 「规模：100TB 模态：☑文本 □音频」 fills two columns.
      const m = /^(?:规模\s*[:：])?([\s\S]*?)[\s，,；;。]*模态\s*[:：]([\s\S]*)$/.exec(value);
      if (m) {
        value = m[1].trim();
        modality = checkedValues(m[2])?.join('、') ?? m[2].trim();
      }
    }
    const ticked = checkedValues(value);
    if (ticked) value = ticked.map((v) => this.knownOther(hit.key, v)).join('、');
    if (isInstruction(value)) value = ''; // the template's own instructions, left in place: not a value (required then says so)
    const col = this.profile.columns.find((c) => c.key === hit.key);
    if (col?.type === 'models' && ticked) value = modelsAnswer(value, col.noneWord ?? '无');
    const unitMatch = /单位[:：]\s*([A-Za-z条行/]+)/.exec(toHalfWidth(hit.label));
    if (unitMatch && value && /^[\d.,\s]+$/.test(value))
      value = `${value}${unitMatch[1].replace('行/条', '条')}`;
    return { value, modality };
  }

  /**
   * 「☑其它：生态环境」: the form has no box for it, but the blank holds what a table would hold, so it
   * is read as a table's 「生态环境」 is (→ 绿色低碳, with its hint). Only what the column's vocabulary
   * knows (a label, synonym or concept it maps) is unwrapped; anything else stays 「其它（…）」.
   */
  private knownOther(key: string, v: string): string {
    const m = /^(?:其它|其他)（([\s\S]+)）$/.exec(v);
    const vocab = m && this.profile.columns.find((c) => c.key === key)?.vocab;
    if (!m || !vocab) return v;
    const status = validatorFor(this.profile).matchers.get(vocab)?.match(m[1]).status;
    return status === 'ok' || status === 'fixed' ? m[1] : v;
  }

  private store(hit: Field, key: string, found: Found, continued: boolean): void {
    const target = hit.perDataset && this.current ? this.current.values : this.unit;
    const had = target[key];
    if (had === undefined) target[key] = found;
    else if (continued && found.value)
      target[key] = had.value ? { value: `${had.value}、${found.value}`, at: had.at } : found;
  }

  /**
   * 武汉's 「非结构化数据规模」 wants 「图片100GB，音频160GB」; the form asks for the size and, in another
   * row, ticks the modalities. Sizes written beside the ticked modalities are the pairs; one ticked
   * modality and one size make one pair. Anything else is left as written, for the check to question.
   */
  private completePairs(values: Values): void {
    const col = this.profile.columns.find((c) => c.quantity?.kind === 'pairs');
    const mods = values[MODALITIES];
    if (!col || !mods?.value) return;
    const items = mods.value
      .split('、')
      .map((x) => x.trim())
      .filter(Boolean);
    const size = values[col.key];
    if (!size?.value && items.every((x) => /\d/.test(x)))
      values[col.key] = { value: items.join('，'), at: mods.at };
    else if (
      size?.value &&
      items.length === 1 &&
      !/\d/.test(items[0]) &&
      /^[\d.,\s]+\s*GB$/i.test(toHalfWidth(size.value))
    ) {
      values[col.key] = { value: `${items[0]}${size.value}`, at: size.at };
    }
  }

  result(): LocatedForm | null {
    if (this.hits < 3) return null;
    const datasets = this.datasets.length ? this.datasets : [{ row: 0, values: {} as Values }];
    const keys = this.profile.columns.map((c) => c.key);
    // The summary columns this form has a field for: 序号 is generated, and a column the form does not
    // ask for (武汉's 产生社会经济效益) is neither read, required nor reported missing.
    const carried = new Set(this.fields.map((f) => f.key));
    if (carried.has('scale') && keys.includes('modality')) carried.add('modality'); // 山西 「数据规模与模态」
    const notCarried = this.profile.columns
      .filter((c) => c.type === 'seq' || !carried.has(c.key))
      .map((c) => c.key);
    const header = this.profile.columns.map((c) => (notCarried.includes(c.key) ? '' : c.label));
    const mapping: Record<number, string | null> = {};
    keys.forEach((k, i) => (mapping[i] = notCarried.includes(k) ? null : k));
    for (const d of datasets) this.completePairs(d.values);
    const pick = (d: { values: Values }, k: string) => d.values[k] ?? this.unit[k];
    const body = datasets.map((d) =>
      keys.map((k) => {
        const f = pick(d, k);
        return f ? (f.raw ?? f.value) : null;
      }),
    );
    const cells = datasets.map((d) => keys.map((k) => pick(d, k)?.at ?? null));
    const formOnly: FormOnlyValue[] = [];
    for (const f of this.fields) {
      if (!f.key.startsWith(FORM_ONLY)) continue;
      datasets.forEach((d, row) => {
        const v = f.perDataset ? d.values[f.key] : row === 0 ? this.unit[f.key] : undefined;
        if (v?.value)
          formOnly.push({ row, label: f.label, value: v.raw ?? v.value, at: v.at, maxChars: f.maxChars });
      });
    }
    return {
      kind: 'form',
      table: { header, rows: body },
      sheetRows: datasets.map((d) => d.row),
      mapping,
      cells,
      notCarried,
      formOnly,
    };
  }
}

/**
 * What is wrong with a field only the form has. Nothing of it is written, so only what a person must
 * correct on the form: digits lost to a number cell, a length over the notice's limit, a credit code.
 */
export function formOnlyIssues(profile: Profile, f: FormOnlyValue): CellIssue[] {
  if (lostDigits(f.value)) return lostDigitsIssue(f.label, f.value as number).issues;
  const text = cellText(f.value).trim();
  const issues: CellIssue[] = [];
  const count = charCount(text);
  if (f.maxChars && count > f.maxChars)
    issues.push(cellIssue('too-long', { label: f.label, max: f.maxChars, count }));
  if (/统一社会信用代码/.test(f.label)) {
    issues.push(...checkCreditCodeCell(profile, text).issues.filter((i) => i.code !== 'value-normalised'));
  } else {
    const sample = placeholderIssue(f.label, text);
    if (sample) issues.push(sample);
  }
  return issues;
}

/**
 * The template's own help text left in a value cell: 「（填写算法、大模型名称及数量，若没有，填“无”）」,
 * 山西's 「填写数据集完整、规范的名称，如“高速公路视频车流检测数据集”。」 and 「如“100TB”、“500 万条记录”等。」.
 */
function isInstruction(v: string): boolean {
  if (/^[(（].*[)）]$/.test(v) && /填写|若没有|含|对数据集/.test(v)) return true;
  return (/^(请|可)?填写/.test(v) && /如[“"「]|例如|示例/.test(v)) || /^(例)?如[：:]?\s*[“"「]/.test(v);
}

/** 山西 「是否已用于AI训练」: 「是（请注明模型类型/项目名称：X）」 → X; 「否」 → 无. A 是 without a name stays empty (required). */
function modelsAnswer(value: string, noneWord: string): string {
  const v = value.trim();
  if (v === '否') return noneWord;
  const m = /^是\s*(?:[（(]([\s\S]*?)[)）])?\s*([\s\S]*)$/.exec(v);
  if (!m) return value;
  const inner = (m[1] ?? '')
    .replace(/^[^：:]*[：:]/, '')
    .replace(/[_＿]+/g, '')
    .trim();
  return inner || m[2].replace(/[_＿]+/g, '').trim();
}
