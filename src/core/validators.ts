/**
 * Field rules every format shares (FORMATS.md §9): credit codes, phones, e-mails, contact cells.
 */
import { cellIssue, type CellIssue } from './issues';
import { toHalfWidth } from './text';

const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult =
  | { ok: true; code: string; region: string; checkOk: boolean; expected: string }
  | { ok: false; reason: 'length' | 'char'; message: string };

/** GB 32100-2015: 18 characters, check character 31 − (Σ value×weight mod 31), 31 meaning 0. */
export function checkCreditCode(raw: string): CreditCodeResult {
  const code = toHalfWidth(raw).replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18) {
    return {
      ok: false,
      reason: 'length',
      message: `统一社会信用代码应为 18 位，「${raw}」是 ${code.length} 位：请核对。`,
    };
  }
  for (const ch of code) {
    if (!CC_CHARS.includes(ch)) {
      const hint = 'IOSVZ'.includes(ch)
        ? `（代码中不使用 I、O、S、V、Z，「${ch}」可能是 ${ch === 'O' ? '0' : ch === 'I' ? '1' : ch === 'S' ? '5' : ch === 'Z' ? '2' : '其他字符'} 的误写）`
        : '';
      return {
        ok: false,
        reason: 'char',
        message: `统一社会信用代码含有不允许的字符「${ch}」${hint}：请核对。`,
      };
    }
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CC_CHARS.indexOf(code[i]) * CC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  const expected = CC_CHARS[c === 31 ? 0 : c];
  return { ok: true, code, region: code.slice(2, 8), checkOk: expected === code[17], expected };
}

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86)?0\d{2,3}-?\d{7,8}(?:(?:转|-|ext\.?|#)\d{1,6})?$/i;
const LOCAL = /^\d{7,8}(?:(?:转|-)\d{1,6})?$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function isPhone(raw: string): boolean {
  const s = toHalfWidth(raw).replace(/[\s()（）]/g, '');
  return MOBILE.test(s) || LANDLINE.test(s) || LOCAL.test(s);
}

export function isEmail(raw: string): boolean {
  return EMAIL.test(toHalfWidth(raw).trim());
}

export interface ContactParts {
  names: string[];
  phones: string[];
  emails: string[];
  /** Digit runs that look like an attempt at a phone number but are not one. */
  badPhones: string[];
  badEmails: string[];
}

/** The commonest contact cell, 「张三 13800000000」 (as joined from 联系人 and 联系电话). */
const NAME_MOBILE = /^([\u4e00-\u9fa5]{2,4}) (1[3-9]\d{9})$/;
const CONTACT_WORDS = /联系人|联系方式|联系电话|电话|手机|邮箱|电子邮件|负责人|姓名|职务/;

/** Takes a contact cell apart: 「张三 13800000000」, 「李四/0971-6145250转123/li@x.cn」. */
export function parseContact(raw: string): ContactParts {
  // What readContact gives such a cell, without its five passes over the text (a 10,000-row check
  // spent 10 % of its time here; test/contact-quick-path.test.ts holds the two readings equal).
  const quick = NAME_MOBILE.exec(raw);
  if (quick && !CONTACT_WORDS.test(quick[1]))
    return { names: [quick[1]], phones: [quick[2]], emails: [], badPhones: [], badEmails: [] };
  return readContact(raw);
}

/** parseContact's full reading, for any text. */
export function readContact(raw: string): ContactParts {
  const s = toHalfWidth(raw);
  const parts: ContactParts = { names: [], phones: [], emails: [], badPhones: [], badEmails: [] };
  let rest = replaceEmails(s, (m) => {
    (isEmail(m) ? parts.emails : parts.badEmails).push(m);
    return ' ';
  });
  rest = rest.replace(
    /(?:\+?86[-\s]?)?(?:\(?0\d{2,3}\)?[-\s]?)?\d[\d\s-]{5,}\d(?:(?:转|ext\.?|#)\d{1,6})?/gi,
    (m) => {
      const compact = m.replace(/[\s]/g, '');
      (isPhone(compact) ? parts.phones : parts.badPhones).push(compact);
      return ' ';
    },
  );
  const nameText = rest
    .replace(/(联系人|联系方式|联系电话|电话|手机|邮箱|电子邮件|e-?mail|tel|负责人|姓名|职务)[:：]?/gi, ' ')
    .replace(/[,，;；、/|:：()（）[\]【】\s]+/g, ' ')
    .trim();
  for (const n of nameText.split(' ')) {
    if (/[\u4e00-\u9fa5]{2,}|[A-Za-z]{2,}/.test(n)) parts.names.push(n);
  }
  return parts;
}

/**
 * What s.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g, f) does, in linear time: that expression
 * retried its local part from every start in a long run of such characters (「1.1.1.…」, 32,767
 * characters, took seconds). Runs of address characters are taken whole, and addresses found in each.
 */
function replaceEmails(s: string, f: (m: string) => string): string {
  const domainAt = /[A-Za-z0-9.-]+/y;
  return s.replace(/[A-Za-z0-9._%+\-@]+/g, (run) => {
    if (!run.includes('@')) return run;
    let out = '';
    let pos = 0; // text before pos has been written out
    let start = 0; // where the next local part may begin: a local part never holds an @
    for (let at = run.indexOf('@'); at >= 0; at = run.indexOf('@', at + 1)) {
      domainAt.lastIndex = at + 1;
      const domain = at > start ? domainAt.exec(run)?.[0] : undefined;
      if (!domain) {
        start = at + 1;
        continue;
      }
      out += run.slice(pos, start) + f(run.slice(start, at) + '@' + domain);
      pos = start = at + 1 + domain.length;
      at = pos - 1;
    }
    return out + run.slice(pos);
  });
}

/** Joins split contact columns (联系人 | 联系电话 | 邮箱) as 「张三 13800000000」. */
export function joinContact(...values: string[]): string {
  let out = '';
  for (const v of values.map((x) => x.trim()).filter(Boolean)) {
    // Clerks often type the phone into the name cell as well: the same number is written once.
    if (out && compactContact(out).includes(compactContact(v))) continue;
    // A space between two numbers would read as one number (the phone pattern spans spaces): 、 keeps them apart.
    const sep = !out ? '' : /\d$/.test(out) && /^[\d+(（]/.test(v) ? '、' : ' ';
    out += sep + v;
  }
  return out;
}

function compactContact(s: string): string {
  return toHalfWidth(s).replace(/[\s-]/g, '').toLowerCase();
}

/** Excel keeps 15 significant digits: a whole number of 16 digits or more typed into a number cell
 *  has had every digit past the 15th replaced by 0 (Microsoft, 「Excel specifications and limits」:
 *  number precision 15 digits). Such a number cannot be an identifier any more. */
export function lostDigits(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && Number.isInteger(v) && Math.abs(v) >= 1e15;
}

/** The number as Excel shows it in a General cell (「9.13101157989563E+17」): what the source really holds. */
export function excelNumberText(v: number): string {
  if (Math.abs(v) < 1e11) return String(v);
  const [m, e] = v.toExponential(14).split('e');
  const mant = m.replace(/\.?0+$/, '');
  return `${mant}E${e.startsWith('-') ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/** A long identifier (credit code, ID, account) stored as a number: the digits past the 15th are
 *  gone. An error naming what happened; the value written is what the source holds, never the
 *  invented zeros of its decimal expansion. */
export function lostDigitsIssue(label: string, v: number): { out: string; issues: CellIssue[] } {
  const shown = excelNumberText(v);
  return { out: shown, issues: [cellIssue('number-lost-digits', { label, shown }, { value: shown })] };
}

/** A landline stored as a number loses its leading 0 (0971… → 971…). */
export function phoneLostZero(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return null;
  const s = String(v);
  if (MOBILE.test(s)) return null;
  const withZero = `0${s}`;
  return LANDLINE.test(withZero) ? withZero : null;
}

export function phoneLostZeroIssue(v: number, fixed: string): CellIssue {
  return cellIssue('phone-leading-zero', { number: v, fixed }, { value: String(v), fix: fixed });
}

const TOTAL_LABEL = /^(合计|总计|小计|共计|总数)[:：]?$/;

/** A total row is labelled 合计/总计/小计 where a dataset's name would be: in the name column, or in
 *  the 序号 column (or an unmapped first column) while the name column is empty. 「总数」 in a 备注
 *  cell, or 合计 beside a real dataset name, does not make a dataset a total. */
export function isTotalRow(
  row: readonly unknown[],
  nameColumns: readonly number[],
  labelColumns: readonly number[],
): boolean {
  const isLabel = (v: unknown) =>
    typeof v === 'string' && v.length <= 12 && TOTAL_LABEL.test(v.replace(/[\s\u3000]+/g, ''));
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  if (nameColumns.some((c) => isLabel(row[c]))) return true;
  if (!nameColumns.every((c) => blank(row[c]))) return false;
  return labelColumns.some((c) => isLabel(row[c]));
}

/** Columns that hold a short value: a code, a choice, a figure, a contact. */
const SHORT_TYPES = new Set([
  'vocab',
  'quantity',
  'phone',
  'email',
  'creditCode',
  'contact',
  'money',
  'percent',
  'seq',
  'fixed',
]);
/** Longer than any real value of those columns; a cell this long is pasted out of place. One error,
 *  not one per piece: a 32,767-character cell split at 、 made tens of thousands of issues. */
export const SHORT_MAX_CHARS = 1000;

/**
 * The notice's sample text copied into a cell: its XX blanks (「XX模型、XX模型」, 「增加就业岗位XX个」)
 * or its 「如：」 example. XX counts only standing apart from other letters and digits, so a size
 * (XXL) or an identifier with X in it is not a sample.
 */
export function placeholderIssue(label: string, text: string): CellIssue | null {
  const t = toHalfWidth(text);
  if (!/(?<![A-Za-z0-9])[Xx]{2,4}(?![A-Za-z0-9])/.test(t) && !/^(例)?如[:：]/.test(t.trim())) return null;
  return cellIssue('placeholder-text', { label, text }, { value: text });
}

export function overlongIssue(type: string, label: string, text: string): CellIssue | null {
  if (!SHORT_TYPES.has(type) || text.length <= SHORT_MAX_CHARS) return null;
  return cellIssue(
    'value-too-long',
    { label, length: text.length, start: text.slice(0, 20) },
    { value: text.slice(0, 200) },
  );
}
