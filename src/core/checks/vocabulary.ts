/** Checks against a vocabulary (行业领域, 数据集模态 …): one value, or several joined. */
import { CATALOGUE, cellIssue, type CellIssue } from '../issues';
import type { Column } from '../profile';
import { splitMulti, type VocabMatch, type VocabMatcher } from '../vocab';
import type { CellResult } from './types';

/** One token matched: the value to write, its issue, and whether it needs a person. */
function tokenResult(token: string, match: VocabMatch): { out: string; issue?: CellIssue; unsafe: boolean } {
  const said = match.message ?? '';
  switch (match.status) {
    case 'ok':
      return { out: match.value, unsafe: false };
    case 'fixed':
      return { out: match.value, issue: cellIssue('value-normalised', { said }, { value: token }), unsafe: false };
    case 'other':
      return { out: match.value, issue: cellIssue('value-other', { said }, { value: token }), unsafe: false };
    case 'other-unspecified':
      return { out: match.value, issue: cellIssue('other-unspecified', { said }, { value: token }), unsafe: false };
    case 'ambiguous':
      return { out: token, issue: cellIssue('value-ambiguous', { said }, { value: token }), unsafe: true };
    case 'unknown': {
      const issue = cellIssue('value-not-allowed', { said }, { value: token, fix: match.suggestion });
      return { out: match.suggestion ?? token, issue, unsafe: true };
    }
  }
}

/** A single-choice column holding several valid items: an error, not a guess at the main one. */
function multipleInSingle(col: Column, matcher: VocabMatcher, text: string): CellResult | null {
  const isOk = (s: string) => matcher.match(s).status === 'ok';
  const parts = splitMulti(text, isOk);
  if (parts.length < 2) return null;
  if (!parts.every((p) => isOk(p) || matcher.match(p).status === 'fixed')) return null;
  const issue = cellIssue('value-multiple', { label: col.label, text, count: parts.length }, { value: text });
  return { out: text, issues: [issue] };
}

export function checkVocab(col: Column, matcher: VocabMatcher, text: string): CellResult {
  const isOk = (s: string) => matcher.match(s).status === 'ok';
  const tokens = col.multi ? splitMulti(text, isOk) : [text];
  const outs: string[] = [];
  const issues: CellIssue[] = [];
  let unsafe = false;
  for (const token of tokens) {
    const r = tokenResult(token, matcher.match(token));
    outs.push(r.out);
    if (r.issue) issues.push(r.issue);
    unsafe ||= r.unsafe;
  }
  if (!col.multi) {
    const multiple = multipleInSingle(col, matcher, text);
    if (multiple) return multiple;
  }
  const joined = [...new Set(outs)].join(col.joiner);
  // Part of the cell needs a person: keep it as found; an unknown value's suggestion stays a suggestion.
  if (joined === text || unsafe) return { out: text, issues };
  if (!issues.length) {
    issues.push(cellIssue('value-normalised', { how: 'joiner', joiner: col.joiner, joined }, { value: text }));
  }
  // Rewriting a synonym is safe; turning a value into the other-option is applied but wants a person's look.
  return { out: joined, issues: issues.map((i) => withWholeFix(i, joined, text)) };
}

/** The same issue carrying the whole cell's fix; its safety is its code's (see the catalogue). */
function withWholeFix(issue: CellIssue, fix: string, text: string): CellIssue {
  return { ...issue, fix, safe: CATALOGUE[issue.code].safe, value: text };
}
