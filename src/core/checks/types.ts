/**
 * What every column check shares: the context a compiled profile gives it, the result it returns,
 * and the helper that records a normalisation as a safe fix.
 */
import type { CellValue } from '../cell';
import { cellIssue, type CellIssue, type CellOut, type IssueCode, type IssueParams } from '../issues';
import type { Column, Profile } from '../profile';
import type { TbBase } from '../quantity';
import type { VocabMatcher } from '../vocab';

/** What one cell check reports back: the value to write and what is wrong with the cell. */
export interface CellResult {
  out: CellOut;
  issues: CellIssue[];
}

/** A check compiled for one column; `text` is the cell's trimmed text, never empty. */
export type CellCheck = (value: CellValue, text: string, headerUnit?: string) => CellResult;

/** What a check may read besides the cell: the profile, the TB base and the vocabulary matchers. */
export interface CheckContext {
  readonly profile: Profile;
  readonly tb: TbBase;
  readonly matchers: ReadonlyMap<string, VocabMatcher>;
}

export const ok = (out: CellOut): CellResult => ({ out, issues: [] });

/** The cell's value as written and one issue: the check could not normalise it. */
export function fail<C extends IssueCode>(text: string, code: C, params: IssueParams<C>): CellResult {
  return { out: text, issues: [cellIssue(code, params, { value: text })] };
}

/**
 * The normalised value, with a safe-fix issue when it differs from the text as written
 * (`changed` overrides the comparison: a number read from text is a change even when it prints
 * the same).
 */
export function finish<C extends IssueCode>(
  text: string,
  out: CellOut,
  issues: CellIssue[],
  code: C,
  params: IssueParams<C>,
  changed = String(out) !== text,
): CellResult {
  if (!changed) return { out, issues };
  return { out, issues: [...issues, cellIssue(code, params, { value: text, fix: out })] };
}

/** The check for a column's type, given the checks of each kind. */
export type CheckFactory = (col: Column, ctx: CheckContext) => CellCheck;
