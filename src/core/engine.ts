/**
 * The validation engine: a profile and a table (a header and rows of cell values as Excel hands them
 * over) in; entries (rows normalised into the profile), issues, changes and left-out rows out.
 * It never throws, whatever a cell holds: a rule that fails unexpectedly becomes an issue.
 */
import { cellErrorCode, cellText, isBlank, type CellValue } from './cell';
import { CONTACT_PARTS, HeaderIndex, mapHeader, type HeaderMapping } from './header';
import type { Column, Profile } from './profile';
import { PROFILES } from './profiles';
import {
  formatCount, formatNumber, hasChineseDigits, kindName, parseQuantity, roundNumber, type Quantity, type TbBase,
} from './quantity';
import { charCount, quote, toHalfWidth } from './text';
import { checkCreditCode, isEmail, isPhone, isTotalRow, joinContact, lostDigits, lostDigitsIssue, overlongIssue, parseContact, phoneLostZero, phoneLostZeroIssue } from './validators';
import { ConceptIndex, VocabMatcher, splitMulti } from './vocab';

export type Severity = 'error' | 'warning';
export type CellOut = string | number | null;

export interface Issue {
  severity: Severity;
  /** Stable code, kebab-case (see README: 问题代码). */
  code: string;
  /** What is wrong and what to do, in Chinese. */
  message: string;
  /** 0-based index into the table's rows; -1 for the header or the table as a whole. */
  row: number;
  /** 0-based column in the received table; null when the column is missing or the issue is the row's. */
  col: number | null;
  /** The target column's label. */
  field: string | null;
  /** The cell as found. */
  value?: string;
  /** The normalised value: applied already when `safe`, a suggestion otherwise. */
  fix?: CellOut;
  /** Whether the fix is safe to apply without asking (「全部修正」 applies these). */
  safe?: boolean;
}

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
    return i === undefined ? null : this.cells[i] ?? null;
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
}

export interface Result {
  mapping: HeaderMapping;
  entries: Entry[];
  issues: Issue[];
  changes: Change[];
  leftOut: LeftOut[];
}

/** Column types that hold identifiers, where a number of 16+ digits means digits were lost. */
const ID_TYPES = new Set(['text', 'creditCode', 'phone', 'contact', 'person', 'email']);
const NONE_WORDS = new Set(['无', '没有', '暂无', '尚无', '/', '-', '—', '--', '——', '无。', 'N/A', 'n/a', 'NA', '否']);

/** What one cell check reports back. */
interface CellResult {
  out: CellOut;
  issues: Omit<Issue, 'row' | 'col' | 'field'>[];
}

type CellCheck = (v: CellValue, text: string, headerUnit?: string) => CellResult;

/** An issue placed at its row and column. One fixed shape: object spread here was the engine's hot spot. */
function placed(is: CellResult['issues'][number], row: number, col: number | null, field: string): Issue {
  return { severity: is.severity, code: is.code, message: is.message, row, col, field, value: is.value, fix: is.fix, safe: is.safe };
}

let conceptIndex: ConceptIndex | null = null;
function concepts(): ConceptIndex {
  conceptIndex ??= new ConceptIndex([...PROFILES]);
  return conceptIndex;
}

const ok = (out: CellOut): CellResult => ({ out, issues: [] });
const err = (code: string, message: string, extra: Partial<Issue> = {}) => ({ severity: 'error' as const, code, message, ...extra });
const warn = (code: string, message: string, extra: Partial<Issue> = {}) => ({ severity: 'warning' as const, code, message, ...extra });

/** A compiled profile: one check function per column, built once and reused for every row. */
export class Validator {
  readonly index: HeaderIndex;
  readonly matchers = new Map<string, VocabMatcher>();
  private readonly checks = new Map<string, CellCheck>();
  /** Results by column and cell text: received sheets repeat the same values thousands of times. */
  private readonly memo = new Map<string, Map<string | number, CellResult>>();
  readonly keyIndex: ReadonlyMap<string, number>;

  constructor(readonly profile: Profile, readonly tb: TbBase = 1024) {
    this.index = new HeaderIndex(profile, PROFILES.filter((p) => p.id !== profile.id));
    for (const [name, v] of Object.entries(profile.vocabularies)) {
      const col = profile.columns.find((c) => c.vocab === name);
      this.matchers.set(name, new VocabMatcher(name, v, concepts(), col ? col.label : name));
    }
    for (const c of profile.columns) this.checks.set(c.key, this.compile(c));
    this.keyIndex = new Map(profile.columns.map((c, i) => [c.key, i]));
  }

  /** Check one cell against one column: the normalised value and what is wrong with it. */
  checkCell(col: Column, v: CellValue, headerUnit?: string): CellResult {
    return this.checkMemo(col, v, headerUnit, this.memoFor(col, headerUnit));
  }

  private memoFor(col: Column, unit: string | undefined): Map<string | number, CellResult> {
    const k = `${col.key}\u0001${unit ?? ''}`;
    let m = this.memo.get(k);
    if (!m) this.memo.set(k, (m = new Map()));
    return m;
  }

  private checkMemo(col: Column, v: CellValue, unit: string | undefined, memo: Map<string | number, CellResult>): CellResult {
    if (typeof v !== 'string' && typeof v !== 'number') return this.checkCellUncached(col, v, unit);
    let r = memo.get(v);
    if (!r) {
      r = this.checkCellUncached(col, v, unit);
      if (memo.size < 20000) memo.set(v, r);
    }
    return r;
  }

  private checkCellUncached(col: Column, v: CellValue, headerUnit?: string): CellResult {
    try {
      const code = cellErrorCode(v);
      if (code) return { out: null, issues: [err('cell-error', `单元格是错误值 ${code}：请改为实际内容（公式出错时请检查公式或粘贴为数值）。`, { value: code })] };
      if (lostDigits(v) && ID_TYPES.has(col.type)) return lostDigitsIssue(col.label, v as number);
      const text = cellText(v).trim();
      const tooLong = overlongIssue(col.type, col.label, text);
      if (tooLong) return { out: text, issues: [tooLong] };
      if (!text) {
        if (col.required && col.type !== 'seq') return { out: null, issues: [err('required', `「${col.label}」不能为空：请填写。`)] };
        return ok(null);
      }
      return this.checks.get(col.key)!(v, text, headerUnit);
    } catch (e) {
      return { out: cellText(v), issues: [err('internal', `检查「${col.label}」时出错（${String(e)}）：请把此单元格内容反馈给维护人员。`)] };
    }
  }

  private compile(col: Column): CellCheck {
    switch (col.type) {
      case 'seq':
        return (_v, text) => ok(text);
      case 'text':
        return (_v, text) => this.checkText(col, text);
      case 'person':
        return (_v, text) => {
          const r = this.checkText(col, text);
          if (/\d/.test(text)) r.issues.push(warn('person-has-digits', `「${col.label}」应只填姓名，${quote(text)} 含有数字：电话请填在对应列。`));
          return r;
        };
      case 'vocab':
        return (_v, text) => this.checkVocab(col, text);
      case 'quantity':
        return (v, text, unit) => this.checkQuantity(col, v, text, unit);
      case 'models':
        return (_v, text) => this.checkModels(col, text);
      case 'contact':
        return (_v, text) => this.checkContact(col, text);
      case 'phone':
        return (v, text) => {
          if (isPhone(text)) return ok(toHalfWidth(text).replace(/\s+/g, ''));
          const zero = phoneLostZero(v);
          if (zero) return { out: text, issues: [phoneLostZeroIssue(v as number, zero)] };
          return { out: text, issues: [err('phone-invalid', `电话 ${quote(text)} 格式不对：手机为 11 位（1 开头），固话带区号，如「0971-6145250」。`)] };
        };
      case 'email':
        return (_v, text) =>
          isEmail(text) ? ok(toHalfWidth(text).trim()) : { out: text, issues: [err('email-invalid', `邮箱 ${quote(text)} 格式不对：应形如「name@example.com」。`)] };
      case 'creditCode':
        return (_v, text) => this.checkCreditCode(text);
      case 'money':
        return (v, text) => this.checkNumber(col, v, text, 'money');
      case 'percent':
        return (v, text) => this.checkNumber(col, v, text, 'percent');
      case 'fixed':
        return (_v, text) => {
          const want = col.fixedValue ?? '';
          if (text === want) return ok(text);
          return { out: want, issues: [warn('fixed-value', `「${col.label}」按通知固定为「${want}」，原填 ${quote(text)}：已改为通知的写法。`, { fix: want, safe: true, value: text })] };
        };
      case 'benefit':
        return (_v, text) => {
          const r = this.checkText(col, text);
          if (!/[\d零〇一二两三四五六七八九十百千万亿]/.test(text)) {
            r.issues.push(warn('benefit-no-figure', `「${col.label}」没有量化数字：请写明效益的数字，如「增加就业岗位XX个、带动投资增加XX万元」。`));
          }
          return r;
        };
    }
  }

  private checkText(col: Column, text: string): CellResult {
    const issues: CellResult['issues'] = [];
    if (col.maxChars && charCount(text) > col.maxChars) {
      issues.push(err('too-long', `「${col.label}」不超过 ${col.maxChars} 字，现为 ${charCount(text)} 字：请精简。`));
    }
    if (col.singleUnit && /[、，,;；]|联合/.test(text)) {
      issues.push(warn('joint-application', `「${col.label}」似乎填了多家单位：本项目不接受联合申报，只填一家申报单位。`));
    }
    return { out: text, issues };
  }

  private checkVocab(col: Column, text: string): CellResult {
    const m = this.matchers.get(col.vocab!)!;
    const tokens = col.multi ? splitMulti(text, (s) => m.match(s).status === 'ok') : [text];
    const outs: string[] = [];
    const issues: CellResult['issues'] = [];
    let unsafe = false;
    for (const t of tokens) {
      const r = m.match(t);
      switch (r.status) {
        case 'ok':
          outs.push(r.value);
          break;
        case 'fixed':
          outs.push(r.value);
          issues.push(warn('value-normalised', r.message!, { value: t }));
          break;
        case 'other':
          outs.push(r.value);
          issues.push(warn('value-other', r.message!, { value: t }));
          break;
        case 'other-unspecified':
          outs.push(r.value);
          issues.push(warn('other-unspecified', r.message!, { value: t }));
          break;
        case 'ambiguous':
          outs.push(t);
          unsafe = true;
          issues.push(err('value-ambiguous', r.message!, { value: t }));
          break;
        case 'unknown':
          outs.push(r.suggestion ?? t);
          unsafe = true;
          issues.push(err('value-not-allowed', r.message!, { value: t, fix: r.suggestion, safe: false }));
          break;
      }
    }
    if (!col.multi) {
      const parts = splitMulti(text, (s) => m.match(s).status === 'ok');
      if (parts.length > 1 && parts.every((p) => m.match(p).status === 'ok' || m.match(p).status === 'fixed')) {
        return { out: text, issues: [err('value-multiple', `「${col.label}」只能选一项，${quote(text)} 填了 ${parts.length} 项：请只保留最主要的一项。`, { value: text })] };
      }
    }
    const uniq = [...new Set(outs)];
    const joined = uniq.join(col.joiner);
    if (joined === text) return { out: text, issues };
    if (unsafe) {
      // Suggest the whole cell only as a suggestion: part of it needs a person.
      return { out: text, issues: issues.map((i) => ({ ...i, fix: i.severity === 'error' ? i.fix : undefined })) };
    }
    if (!issues.length) issues.push(warn('value-normalised', `多个选项之间用「${col.joiner}」分隔：已改为 ${quote(joined)}。`, { value: text }));
    // Rewriting a synonym is safe; turning a value into the other-option is applied but wants a person's look.
    return { out: joined, issues: issues.map((i) => ({ ...i, fix: joined, safe: i.code === 'value-normalised', value: text })) };
  }

  private checkQuantity(col: Column, v: CellValue, text: string, headerUnit?: string): CellResult {
    const spec = col.quantity!;
    const unitForBare = headerUnit ?? spec.unit;
    const p = parseQuantity(typeof v === 'number' ? v : text, { headerUnit: unitForBare, tb: this.tb });
    if (!p.ok) return { out: text, issues: [err(p.code, p.message, { value: text })] };
    if (p.form === 'empty') return ok(null);
    const issues: CellResult['issues'] = [];
    const approxNote = (q: Quantity) => {
      if (q.approximate) issues.push(warn('quantity-approximate', `${quote(text)} 是约数：已保留数字，请填写确切的数。`, { value: text }));
    };
    if (spec.kind === 'pairs') {
      const pairs = p.form === 'pairs' ? p.pairs : p.form === 'single' && p.modality ? [{ modality: p.modality, quantity: p.quantity }] : null;
      if (!pairs) {
        return { out: text, issues: [err('quantity-pair-missing-modality', `「${col.label}」需列明数据模态：请写成「图片100GB，音频160GB」。原填 ${quote(text)}。`, { value: text })] };
      }
      const m = this.matchers.get('modality');
      const outParts: string[] = [];
      for (const pr of pairs) {
        const q = pr.quantity;
        if (q.kind !== 'size' && q.kind !== 'bare') {
          return { out: text, issues: [err('quantity-wrong-kind', `「${pr.modality}」后的数是${kindName(q.kind)}，本列以 GB 为单位：请填写存储大小，如「${pr.modality}100GB」。`, { value: text })] };
        }
        if (q.kind === 'bare') issues.push(warn('quantity-unit-assumed', `「${pr.modality}」后的数没有单位：已按 GB 计，请确认。`, { value: text }));
        approxNote(q);
        let mod = pr.modality;
        if (m) {
          const r = m.match(mod);
          if (r.status === 'unknown' || r.status === 'ambiguous') {
            return { out: text, issues: [err('value-not-allowed', r.message!, { value: pr.modality })] };
          }
          if (r.status !== 'ok') issues.push(warn(r.status === 'fixed' ? 'value-normalised' : 'value-other', r.message!, { value: pr.modality }));
          mod = r.value;
        }
        outParts.push(`${mod}${formatNumber(q.value)}GB`);
      }
      const out = outParts.join('，');
      return this.finish(text, out, issues, 'quantity-normalised', `已按「模态+GB」的格式写作 ${quote(out)}。`);
    }
    let q: Quantity;
    let summed = false;
    if (p.form === 'pairs') {
      if (p.pairs.every((x) => x.quantity.kind === 'size')) {
        q = { kind: 'size', value: p.pairs.reduce((a, x) => a + x.quantity.value, 0), approximate: p.pairs.some((x) => x.quantity.approximate) };
        summed = true;
      } else {
        return { out: text, issues: [err('quantity-multiple', `${quote(text)} 按模态列了多个数：本列只填一个数，请填写合计。`, { value: text })] };
      }
    } else q = p.quantity;
    approxNote(q);
    if (spec.kind === 'size') {
      if (q.kind === 'bare') q = { ...q, kind: 'size' }; // the column's own unit (GB) applies to bare numbers
      if (q.kind !== 'size') {
        return { out: text, issues: [err('quantity-wrong-kind', `${quote(text)} 是${kindName(q.kind)}，不是存储大小：「${col.label}」要以 ${spec.unit ?? 'GB'} 为单位填写数据集占用的存储空间，不能由${kindName(q.kind)}换算。`, { value: text })] };
      }
      const value = spec.unit === 'TB' ? q.value / this.tb : q.value;
      if (!(value > 0)) return { out: text, issues: [err('quantity-not-positive', `「${col.label}」应大于 0，原填 ${quote(text)}。`, { value: text })] };
      const out = roundNumber(value);
      if (summed) issues.push(warn('quantity-summed', `${quote(text)} 按模态分列：本列填合计 ${out}（${spec.unit ?? 'GB'}），请确认。`, { value: text }));
      const converted = typeof v !== 'number' || v !== out;
      const why = headerUnit && typeof v === 'number' ? `表头单位是 ${headerUnit}，` : '';
      return this.finish(text, out, issues, 'quantity-converted', `${why}已换算为 ${formatNumber(out)}（${spec.unit ?? 'GB'}，1TB=${this.tb}GB）。`, converted);
    }
    if (spec.kind === 'records') {
      if (q.kind === 'bare') q = { ...q, kind: 'records' };
      if (q.kind !== 'records') {
        return { out: text, issues: [err('quantity-wrong-kind', `${quote(text)} 是${kindName(q.kind)}，「${col.label}」要填记录条数（行/条），如「100000条」：非结构化数据请填在非结构化数据规模一列。`, { value: text })] };
      }
      if (!(q.value > 0)) return { out: text, issues: [err('quantity-not-positive', `「${col.label}」应大于 0，原填 ${quote(text)}。`, { value: text })] };
      const out = formatCount(q.value);
      return this.finish(text, out, issues, 'quantity-converted', `已写作 ${quote(out)}。`);
    }
    // scale: a size or a count, kept as written; bare numbers cannot be read.
    if (q.kind === 'bare') {
      return { out: text, issues: [...issues, err('quantity-no-unit', `${quote(text)} 没有单位：请写明是存储大小（如「100TB」）还是记录条数（如「500万条记录」）。`, { value: text })] };
    }
    if (!(q.value > 0)) return { out: text, issues: [err('quantity-not-positive', `「${col.label}」应大于 0，原填 ${quote(text)}。`, { value: text })] };
    if (q.kind === 'size' && spec.warnBelowTB && q.value < spec.warnBelowTB * this.tb) {
      issues.push(warn('quantity-below-minimum', `${spec.warnBelowMessage ?? '数据量偏小'}，${quote(text)} 不足 ${spec.warnBelowTB}TB：请核实。`, { value: text }));
    }
    // A count in Chinese numerals (「两千万条」) is written in digits with the unit word (FORMATS.md §8).
    const out = (q.kind === 'records' || q.kind === 'items') && hasChineseDigits(text) ? formatCount(q.value, q.unitWord ?? '条') : toHalfWidth(text).replace(/\s+/g, '');
    return this.finish(text, out, issues, 'quantity-normalised', `已写作 ${quote(out)}。`);
  }

  /** Record a normalisation as a safe fix when the value changed. */
  private finish(text: string, out: CellOut, issues: CellResult['issues'], code: string, message: string, changed = String(out) !== text): CellResult {
    if (!changed) return { out, issues };
    return { out, issues: [...issues, warn(code, `原填 ${quote(text)}，${message}`, { value: text, fix: out, safe: true })] };
  }

  private checkModels(col: Column, text: string): CellResult {
    const none = col.noneWord ?? '无';
    const t = toHalfWidth(text).trim();
    if (t === none) return ok(text);
    if (NONE_WORDS.has(t)) {
      return { out: none, issues: [warn('value-normalised', `没有支撑模型时按通知填「${none}」，原填 ${quote(text)}。`, { value: text, fix: none, safe: true })] };
    }
    const names = text.split(/[、,，;；\/\n]+/).map((s) => s.trim()).filter(Boolean);
    const out = names.join('、');
    const r = this.checkText(col, out);
    return this.finish(text, out, r.issues, 'value-normalised', `模型名称之间用「、」分隔：已写作 ${quote(out)}。`);
  }

  private checkContact(col: Column, text: string): CellResult {
    const c = parseContact(text);
    const needs = col.contactNeeds ?? ['name', 'phoneOrEmail'];
    const issues: CellResult['issues'] = [];
    const missing: string[] = [];
    if (needs.includes('name') && !c.names.length) missing.push('联系人姓名');
    if (needs.includes('phone') && !c.phones.length) missing.push('电话');
    if (needs.includes('email') && !c.emails.length) missing.push('邮箱');
    if (needs.includes('phoneOrEmail') && !c.phones.length && !c.emails.length) missing.push('电话或邮箱');
    for (const b of c.badPhones.slice(0, 5)) issues.push(err('phone-invalid', `${quote(b)} 不是有效的电话号码：手机为 11 位（1 开头），固话带区号，如「0971-6145250」。`, { value: text }));
    for (const b of c.badEmails.slice(0, 5)) issues.push(err('email-invalid', `${quote(b)} 不是有效的邮箱地址。`, { value: text }));
    if (missing.length) {
      issues.push(err('contact-incomplete', `「${col.label}」缺少${missing.join('、')}：请写成「张三 13800000000${needs.includes('email') ? ' zhangsan@example.com' : ''}」。`, { value: text }));
    }
    return { out: text, issues };
  }

  private checkCreditCode(text: string): CellResult {
    const r = checkCreditCode(text);
    if (!r.ok) return { out: text, issues: [err(r.reason === 'length' ? 'credit-code-length' : 'credit-code-char', r.message, { value: text })] };
    const issues: CellResult['issues'] = [];
    if (!r.checkOk) {
      issues.push(warn('credit-code-check', `统一社会信用代码 ${quote(r.code)} 校验位不符（按 GB 32100 应为「${r.expected}」）：请核对；早期试点代码可能如此，核实无误可忽略。`, { value: text }));
    }
    const want = this.profile.region.creditRegion;
    if (!r.region.startsWith(want)) {
      issues.push(warn('credit-code-region', `统一社会信用代码的登记管理机关代码是 ${r.region}，不是${this.profile.region.name}（${want}开头）：通知要求申报单位在${this.profile.region.name}注册，请核实。`, { value: text }));
    }
    return this.finish(text, r.code, issues, 'value-normalised', `已去掉空格并改为大写：${quote(r.code)}。`);
  }

  private checkNumber(col: Column, v: CellValue, text: string, kind: 'money' | 'percent'): CellResult {
    let n: number;
    let fromText = false;
    if (typeof v === 'number') n = v;
    else {
      const t = toHalfWidth(text).replace(/[,\s]/g, '');
      const m = kind === 'money' ? /^(-?\d+(?:\.\d+)?)(万元|万)?$/.exec(t) : /^(-?\d+(?:\.\d+)?)%?$/.exec(t);
      if (!m) {
        const what = kind === 'money' ? '以万元为单位的数字，如「500」' : '百分数的数字，如「35.5」（表示 35.5%）';
        return { out: text, issues: [err('number-invalid', `「${col.label}」应填${what}，原填 ${quote(text)}。`, { value: text })] };
      }
      n = Number(m[1]);
      fromText = true;
    }
    if (n < 0 && kind === 'money') return { out: n, issues: [err('number-negative', `「${col.label}」不能为负数，原填 ${quote(text)}。`, { value: text })] };
    const issues: CellResult['issues'] = [];
    if (kind === 'percent' && typeof v === 'number' && n !== 0 && Math.abs(n) < 1) {
      issues.push(warn('percent-fraction', `「${col.label}」填的是 ${n}：若单元格是百分比格式（${formatNumber(n * 100)}%），请填 ${formatNumber(n * 100)}；本列填百分数的数字。`, { value: text, fix: roundNumber(n * 100), safe: false }));
    }
    if (fromText) return this.finish(text, n, issues, 'value-normalised', `已写作数字 ${n}。`, true);
    return { out: n, issues };
  }

  /** Validate a whole table. Blank rows and total rows are left out, each with its reason. */
  validate(table: Table, opts: ValidateOptions = {}): Result {
    const result: Result = { mapping: { columns: [], missing: [] }, entries: [], issues: [], changes: [], leftOut: [] };
    try {
      const mapping = mapHeader(this.index, table.header ?? [], opts.mapping);
      result.mapping = mapping;
      for (const c of mapping.columns) {
        if (!c.key && c.header) result.issues.push({ severity: 'warning', code: 'unmapped-column', message: c.note!, row: -1, col: c.source, field: null, value: c.header });
        else if (c.key && c.how === 'fuzzy') {
          result.issues.push({ severity: 'warning', code: 'column-fuzzy', message: `表头「${c.header}」按相近程度对应为「${c.label}」：请确认。`, row: -1, col: c.source, field: c.label, value: c.header });
        }
        if (c.unit) result.issues.push({ severity: 'warning', code: 'header-unit', message: `表头「${c.header}」写明单位 ${c.unit}：本列不带单位的数按 ${c.unit} 计，再换算为「${c.label}」的单位。`, row: -1, col: c.source, field: c.label, value: c.header });
      }
      for (const key of mapping.missing) {
        const col = this.profile.columns.find((c) => c.key === key)!;
        if (col.required) result.issues.push({ severity: 'error', code: 'missing-column', message: `表中没有「${col.label}」这一列：请补上该列，或在映射中指定对应的列。`, row: -1, col: null, field: col.label });
      }
      this.validateRows(table.rows ?? [], mapping, opts, result);
    } catch (e) {
      result.issues.push({ severity: 'error', code: 'internal', message: `检查中断（${String(e)}）：请把此表反馈给维护人员。`, row: -1, col: null, field: null });
    }
    return result;
  }

  /** Validate rows against a mapping already made (the add-in rechecks a few rows at a time). */
  validateRows(rows: readonly (readonly CellValue[])[], mapping: HeaderMapping, opts: ValidateOptions, result: Result, rowOffset = 0): void {
    const cols = this.profile.columns;
    const byKey = new Map<string, number>();
    const units = new Map<string, string | undefined>();
    for (const c of mapping.columns) {
      if (c.key) {
        byKey.set(c.key, c.source);
        units.set(c.key, c.unit);
      }
    }
    const contact = this.index.contactTarget;
    const joinParts = contact !== null && !byKey.has(contact) && CONTACT_PARTS.some((k) => byKey.has(k));
    const partSources = CONTACT_PARTS.map((k) => byKey.get(k));
    // The plan for each profile column, worked out once rather than per row.
    const plan = cols.map((col) => {
      const joined = col.key === contact && joinParts;
      const src = joined ? partSources.find((x) => x !== undefined) : byKey.get(col.key);
      const unit = units.get(col.key);
      return { col, src, joined, unit, memo: this.memoFor(col, unit) };
    });
    const sources = [...byKey.values()];
    const oneOf = this.profile.requireOneOf.map((g) => ({ g, idx: g.keys.map((k) => cols.findIndex((c) => c.key === k)) }));
    const keyIndex = this.keyIndex;
    const seqCol = cols.some((c) => c.type === 'seq');
    // Where a total row's label would be: the name column; the 序号 column, or a first column mapped to nothing.
    const nameCols = plan.filter((p) => p.src !== undefined && (p.col.key === 'name' || p.col.key === 'projectName')).map((p) => p.src!);
    const labelCols = plan.filter((p) => p.src !== undefined && p.col.type === 'seq').map((p) => p.src!);
    if (!sources.includes(0)) labelCols.push(0);
    let seq = opts.firstSeq ?? 1;
    for (let i = 0; i < rows.length; i++) {
      const r = i + rowOffset;
      const row = rows[i] ?? [];
      try {
        let any = false;
        for (let k = 0; k < sources.length && !any; k++) if (!isBlank(row[sources[k]])) any = true;
        if (!any) {
          const stray = row.findIndex((c) => !isBlank(c));
          if (stray >= 0) {
            result.leftOut.push({ row: r, reason: `只有未对应列（第 ${stray + 1} 列）有内容，已略过` });
            result.issues.push({ severity: 'warning', code: 'row-unmapped-only', message: `此行只有未对应到本表的列有内容（${quote(cellText(row[stray]))}），未写入：请检查表头映射。`, row: r, col: stray, field: null });
          } else result.leftOut.push({ row: r, reason: '空行' });
          continue;
        }
        if (isTotalRow(row, nameCols, labelCols)) {
          result.leftOut.push({ row: r, reason: '合计行' });
          result.issues.push({ severity: 'warning', code: 'total-row', message: '合计/小计行不是数据集，已略过。', row: r, col: null, field: null });
          continue;
        }
        const cells: CellOut[] = new Array(plan.length);
        for (let c = 0; c < plan.length; c++) {
          const { col, src, joined, unit, memo } = plan[c];
          let cell: CellValue = src === undefined ? undefined : row[src];
          if (joined) {
            const parts = partSources.map((x) => (x === undefined ? '' : cellText(row[x])));
            cell = joinContact(...parts);
            if (cell) result.changes.push({ row: r, field: col.label, from: parts.filter(Boolean).join(' | '), to: cell, reason: '联系人与联系方式分列，已合并' });
          }
          if (col.type === 'seq') {
            cells[c] = seq;
            const found = cellText(cell).trim();
            if (src !== undefined && found !== String(seq)) {
              result.issues.push({ severity: 'warning', code: 'seq-renumbered', message: `序号应为 ${seq}，现为${found ? ` ${quote(found)}` : '空'}：请改为 ${seq}（生成汇总表时会自动从 1 起重排）。`, row: r, col: src, field: col.label, value: found, fix: seq, safe: true });
            }
            continue;
          }
          if (src === undefined) {
            cells[c] = null;
            continue;
          }
          const res = this.checkMemo(col, cell, unit, memo);
          cells[c] = res.out;
          if (!res.issues.length) continue;
          let why: string | null = null;
          for (const is of res.issues) {
            result.issues.push(placed(is, r, src, col.label));
            if (why === null && is.fix !== undefined && is.severity === 'warning') why = is.message;
          }
          const from = cellText(cell);
          if (why !== null && res.out !== null && String(res.out) !== from) result.changes.push({ row: r, field: col.label, from, to: res.out, reason: why });
        }
        for (const { g, idx } of oneOf) {
          if (idx.every((k) => cells[k] === null || cells[k] === '')) {
            result.issues.push({ severity: 'error', code: 'required-one-of', message: g.message, row: r, col: plan[idx[0]].src ?? null, field: cols[idx[0]].label });
          }
        }
        result.entries.push(new Entry(r, cells, keyIndex));
        if (seqCol) seq++;
      } catch (e) {
        result.issues.push({ severity: 'error', code: 'internal', message: `检查此行时出错（${String(e)}）：请把此行反馈给维护人员。`, row: r, col: null, field: null });
        result.entries.push(new Entry(r, cols.map(() => null), keyIndex));
      }
    }
  }
}

const validators = new WeakMap<Profile, Map<TbBase, Validator>>();

/** A cached validator per profile object and TB setting. */
export function validatorFor(profile: Profile, tb: TbBase = 1024): Validator {
  let byTb = validators.get(profile);
  if (!byTb) validators.set(profile, (byTb = new Map()));
  let v = byTb.get(tb);
  if (!v) byTb.set(tb, (v = new Validator(profile, tb)));
  return v;
}

/** Validate a table against a profile: the engine's one entry point. Never throws. */
export function validateTable(profile: Profile, table: Table, opts: ValidateOptions = {}): Result {
  return validatorFor(profile, opts.tb ?? 1024).validate(table, opts);
}
