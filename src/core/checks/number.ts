/** Checks of numbers (上海's money in 万元 and percentages) and of unified social credit codes. */
import type { CellValue } from '../cell';
import { cellIssue } from '../issues';
import type { Column, Profile } from '../profile';
import { roundNumber } from '../quantity';
import { toHalfWidth } from '../text';
import { checkCreditCode as readCreditCode } from '../validators';
import { fail, finish, type CellResult } from './types';

const MONEY = /^(-?\d+(?:\.\d+)?)(万元|万)?$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)%?$/;

/**
 * Money (万元) or a percentage. A number cell is taken as it is; text is read as a number and the
 * reading recorded as a safe fix. A fraction below 1 in a percent column is probably a cell in
 * percent format (0.355 shown as 35.5%): suggested ×100, never applied (README 设计说明).
 */
export function checkNumber(
  col: Column,
  value: CellValue,
  text: string,
  kind: 'money' | 'percent',
): CellResult {
  let n: number;
  let fromText = false;
  if (typeof value === 'number') n = value;
  else {
    const match = (kind === 'money' ? MONEY : PERCENT).exec(toHalfWidth(text).replace(/[,\s]/g, ''));
    if (!match) return fail(text, 'number-invalid', { label: col.label, text, kind });
    n = Number(match[1]);
    fromText = true;
  }
  if (n < 0 && kind === 'money') {
    return { out: n, issues: [cellIssue('number-negative', { label: col.label, text }, { value: text })] };
  }
  const issues: CellResult['issues'] = [];
  // Typed as text (「0.355」) it is the same slip; 「0.5%」 says it is a percent and is not questioned.
  const fraction = typeof value === 'number' || !/%\s*$/.test(toHalfWidth(text));
  if (kind === 'percent' && fraction && n !== 0 && Math.abs(n) < 1) {
    const fix = roundNumber(n * 100);
    issues.push(cellIssue('percent-fraction', { label: col.label, n }, { value: text, fix }));
  }
  // 「800」 or 「800万元」 in a 万元 column is the number 800 as written: not worth a message. Full-width
  // digits and thousands separators are a reading, and say so.
  // The number must print as typed: 「251553.710」 or digits past double precision are a reading.
  const asWritten = new RegExp(`^(-?\\d+(?:\\.\\d+)?)\\s*(?:${kind === 'money' ? '万元|万' : '%'})?$`).exec(
    text,
  );
  if (fromText && asWritten?.[1] !== String(n)) {
    return finish(text, n, issues, 'value-normalised', { how: 'number', text, out: n }, true);
  }
  return { out: n, issues };
}

/** GB 32100 credit code: length and characters are errors; check digit and region are warnings. */
export function checkCreditCodeCell(profile: Profile, text: string): CellResult {
  const read = readCreditCode(text);
  if (!read.ok)
    return fail(text, read.reason === 'length' ? 'credit-code-length' : 'credit-code-char', {
      said: read.message,
    });
  const issues: CellResult['issues'] = [];
  if (!read.checkOk) {
    issues.push(
      cellIssue('credit-code-check', { code: read.code, expected: read.expected }, { value: text }),
    );
  }
  const want = profile.region.creditRegion;
  // A learned format may not know its region (its template did not say): then no region check.
  if (want && !read.region.startsWith(want)) {
    const params = { region: read.region, regionName: profile.region.name, want };
    issues.push(cellIssue('credit-code-region', params, { value: text }));
  }
  return finish(text, read.code, issues, 'value-normalised', { how: 'credit-code', text, out: read.code });
}
