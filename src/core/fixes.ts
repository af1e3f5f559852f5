/**
 * Turning issues' fixes into cell writes, for the add-in's 「修正」 and 「全部修正」. Pure: the adapter
 * reads and writes the cells. Two promises: applying the fixes twice changes nothing more than
 * applying them once, and every write is recorded (cell, original → new, rule) for 修改记录.
 */
import { a1 } from './address';
import type { CellOut } from './engine';
import { parseQuantity } from './quantity';

/** The parts of an issue placed on a sheet that a fix needs. */
export interface FixableIssue {
  sheet: string;
  sheetRow: number;
  sheetCol: number | null;
  code: string;
  message: string;
  field: string | null;
  value?: string;
  fix?: CellOut;
}

export interface CellWrite {
  r: number;
  c: number;
  value: string | number;
  note?: string;
}

/** One automatic change, as the 修改记录 sheet lists it. */
export interface ChangeRecord {
  sheet: string;
  cell: string;
  field: string | null;
  from: string;
  to: string;
  rule: string;
}

/** Whether a cell's text is an approximate figure (「约2TB」「2TB左右」). */
export function isApproximate(text: string): boolean {
  const p = parseQuantity(text, {});
  if (!p.ok) return false;
  if (p.form === 'single') return p.quantity.approximate;
  if (p.form === 'pairs') return p.pairs.some((x) => x.quantity.approximate);
  return false;
}

/** The value a fix writes, or null when it would write what the cell holds. An approximate figure
 *  is written as the number hqds build writes (约2TB → 2048): the GB column must sum; the 约 stays
 *  in the note 原填「约2TB」, in 修改记录 and in the warning the adapter keeps for that cell. */
export function fixValue(issue: Pick<FixableIssue, 'code' | 'value' | 'fix'>): string | number | null {
  if (issue.fix === undefined || issue.fix === null) return null;
  return String(issue.fix) === (issue.value ?? '').trim() ? null : issue.fix;
}

/** Rewrites a message about a fix not yet applied into the future tense, and back. */
export function pendingTense(message: string): string {
  return message.replace(/已(换算为|改为|写作|去掉|按|合并|重排|规范)/g, '将$1');
}

/** Writes for the fixes of these issues: one per cell (the first fix of a cell wins), skipping
 *  fixes that change nothing; each with a note of the original value and a change record. */
export function planFixes(issues: readonly FixableIssue[]): { writes: CellWrite[]; changes: ChangeRecord[] } {
  const writes: CellWrite[] = [];
  const changes: ChangeRecord[] = [];
  const done = new Set<string>();
  for (const issue of issues) {
    if (issue.sheetCol === null) continue;
    const value = fixValue(issue);
    if (value === null) continue;
    const cellKey = `${issue.sheetRow},${issue.sheetCol}`;
    if (done.has(cellKey)) continue;
    done.add(cellKey);
    const from = issue.value ?? '';
    if (String(value) === from) continue;
    const rule = issue.message.replace(/^将/, '已');
    const note = !from || rule.startsWith('原填') ? rule : `原填「${from}」。${rule}`;
    writes.push({ r: issue.sheetRow, c: issue.sheetCol, value, note });
    changes.push({
      sheet: issue.sheet,
      cell: a1(issue.sheetRow, issue.sheetCol),
      field: issue.field,
      from,
      to: String(value),
      rule,
    });
  }
  return { writes, changes };
}
