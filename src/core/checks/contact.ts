/** Checks of contact details: a contact cell (name + phone or e-mail), a phone, an e-mail. */
import { cellIssue } from '../issues';
import type { Column } from '../profile';
import { toHalfWidth } from '../text';
import type { CellValue } from '../cell';
import { isEmail, isPhone, parseContact, phoneLostZero, phoneLostZeroIssue } from '../validators';
import { ok, type CellResult } from './types';

/** 「张三 13800000000」: what the column needs (山西 wants name, phone and e-mail) must be there. */
export function checkContact(col: Column, text: string): CellResult {
  const parts = parseContact(text);
  const needs = col.contactNeeds ?? ['name', 'phoneOrEmail'];
  const issues: CellResult['issues'] = [];
  const missing: string[] = [];
  if (needs.includes('name') && !parts.names.length) missing.push('联系人姓名');
  if (needs.includes('phone') && !parts.phones.length) missing.push('电话');
  if (needs.includes('email') && !parts.emails.length) missing.push('邮箱');
  // A malformed phone or e-mail is reported already: one message per cell, not a second 「缺少」.
  const malformed = parts.badPhones.length + parts.badEmails.length > 0;
  if (needs.includes('phoneOrEmail') && !parts.phones.length && !parts.emails.length && !malformed) {
    missing.push('电话或邮箱');
  }
  // At most five of each: a long pasted cell must not flood the list with one issue per fragment.
  for (const bad of parts.badPhones.slice(0, 5)) {
    issues.push(cellIssue('phone-invalid', { text: bad, inContact: true }, { value: text }));
  }
  for (const bad of parts.badEmails.slice(0, 5)) {
    issues.push(cellIssue('email-invalid', { text: bad, inContact: true }, { value: text }));
  }
  if (missing.length) {
    const withEmail = needs.includes('email');
    issues.push(cellIssue('contact-incomplete', { label: col.label, missing, withEmail }, { value: text }));
  }
  return { out: text, issues };
}

export function checkPhone(text: string, value?: CellValue): CellResult {
  if (isPhone(text)) return ok(toHalfWidth(text).replace(/\s+/g, ''));
  // A landline stored as a number has lost its leading 0: say so rather than call it malformed.
  const withZero = phoneLostZero(value);
  if (withZero !== null) return { out: text, issues: [phoneLostZeroIssue(value as number, withZero)] };
  return { out: text, issues: [cellIssue('phone-invalid', { text })] };
}

export function checkEmail(text: string): CellResult {
  if (isEmail(text)) return ok(toHalfWidth(text).trim());
  return { out: text, issues: [cellIssue('email-invalid', { text })] };
}

