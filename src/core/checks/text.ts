/** Checks of free text: length, single unit, person names, benefits, fixed values, model lists. */
import { cellIssue } from '../issues';
import type { Column } from '../profile';
import { charCount, toHalfWidth } from '../text';
import { finish, ok, type CellResult } from './types';

/** Words clerks write for 「none」 in the models column (the notice asks for 「无」). */
const NONE_WORDS = new Set([
  '无', '没有', '暂无', '尚无', '/', '-', '—', '--', '——', '无。', 'N/A', 'n/a', 'NA', '否',
]);
const ANY_NUMERAL = /[\d零〇一二两三四五六七八九十百千万亿]/;

export function checkText(col: Column, text: string): CellResult {
  const issues: CellResult['issues'] = [];
  if (col.maxChars && charCount(text) > col.maxChars) {
    issues.push(cellIssue('too-long', { label: col.label, max: col.maxChars, count: charCount(text) }));
  }
  if (col.singleUnit && /[、，,;；]|联合/.test(text)) {
    issues.push(cellIssue('joint-application', { label: col.label }));
  }
  return { out: text, issues };
}

/** A person's name: text, and a warning when it holds digits (a phone typed into the name). */
export function checkPerson(col: Column, text: string): CellResult {
  const result = checkText(col, text);
  if (/\d/.test(text)) result.issues.push(cellIssue('person-has-digits', { label: col.label, text }));
  return result;
}

/** 上海's 预期效益: text that should carry at least one figure. */
export function checkBenefit(col: Column, text: string): CellResult {
  const result = checkText(col, text);
  if (!ANY_NUMERAL.test(text)) result.issues.push(cellIssue('benefit-no-figure', { label: col.label }));
  return result;
}

/** A column the notice fixes to one value (上海 项目周期): anything else is rewritten to it. */
export function checkFixed(col: Column, text: string): CellResult {
  const want = col.fixedValue ?? '';
  if (text === want) return ok(text);
  const issue = cellIssue('fixed-value', { label: col.label, want, text }, { fix: want, value: text });
  return { out: want, issues: [issue] };
}

/** Supporting models: 「无」 as the notice writes it, or names joined with 「、」. */
export function checkModels(col: Column, text: string): CellResult {
  const none = col.noneWord ?? '无';
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === none) return ok(text);
  if (NONE_WORDS.has(trimmed)) {
    const issue = cellIssue('value-normalised', { how: 'none-word', none, text }, { value: text, fix: none });
    return { out: none, issues: [issue] };
  }
  const names = text
    .split(/[、,，;；/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out = names.join('、');
  const checked = checkText(col, out);
  return finish(text, out, checked.issues, 'value-normalised', { how: 'models', text, out });
}
