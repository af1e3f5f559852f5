/**
 * The pane's state, one reducer per tab, as pure functions (tested without React or Office). The
 * components dispatch what happened; what they show is derived here, so the banner, the counts and
 * the list never disagree.
 */
import type { InputSheet } from '../core/merge';
import type { ImportChoices } from '../core/import';
import type { Vocabulary } from '../core/profile';
import { fixValue } from '../core/fixes';
import type { SheetIssue } from '../excel/adapter';
import type { Pasted } from './paste';

// ---------------------------------------------------------------- check tab

export type Filter = 'all' | 'error' | 'warning';

export interface CheckState {
  /** The sheet to check (chosen from the workbook's sheets). */
  sheet: string;
  issues: SheetIssue[];
  /** The last full check: which sheet and how many entries. */
  checked: { sheet: string; rows: number } | null;
  filter: Filter;
  /** Conversions offered the moment a value is typed in the wrong unit. */
  suggest: SheetIssue[];
}

export type CheckAction =
  | { type: 'sheet'; sheet: string }
  | { type: 'checked'; sheet: string; rows: number; issues: SheetIssue[] }
  | { type: 'rechecked'; sheet: string; rows: [number, number]; issues: SheetIssue[]; entries?: number }
  | { type: 'filter'; filter: Filter }
  | { type: 'dismiss'; issue: SheetIssue };

export const initialCheck = (sheet = ''): CheckState => ({
  sheet,
  issues: [],
  checked: null,
  filter: 'all',
  suggest: [],
});

const byPlace = (a: SheetIssue, b: SheetIssue) =>
  a.sheetRow - b.sheetRow || (a.sheetCol ?? -1) - (b.sheetCol ?? -1);

export function checkReducer(s: CheckState, a: CheckAction): CheckState {
  switch (a.type) {
    case 'sheet':
      return { ...s, sheet: a.sheet };
    case 'checked':
      return {
        ...s,
        sheet: a.sheet,
        checked: { sheet: a.sheet, rows: a.rows },
        issues: [...a.issues].sort(byPlace),
        suggest: [],
      };
    case 'rechecked': {
      if (s.checked && a.sheet !== s.checked.sheet) return s;
      const [r1, r2] = a.rows;
      const outside = (i: SheetIssue) => i.sheet !== a.sheet || i.sheetRow < r1 || i.sheetRow > r2;
      const issues = [...s.issues.filter(outside), ...a.issues].sort(byPlace);
      const suggest = [
        ...s.suggest.filter(outside),
        ...a.issues.filter((i) => i.code === 'quantity-converted' && fixValue(i) !== null),
      ];
      // The entry count follows the edits too, so 「共 N 条」 never lags the list under it.
      const checked =
        s.checked && s.checked.sheet === a.sheet && a.entries !== undefined
          ? { ...s.checked, rows: a.entries }
          : s.checked;
      return { ...s, issues, suggest, checked };
    }
    case 'filter':
      return { ...s, filter: a.filter };
    case 'dismiss':
      return { ...s, suggest: s.suggest.filter((x) => x !== a.issue) };
  }
}

export const counts = (s: CheckState) => {
  const errors = s.issues.filter((i) => i.severity === 'error').length;
  return { all: s.issues.length, errors, warnings: s.issues.length - errors };
};

export const shownIssues = (s: CheckState) =>
  s.issues.filter((i) => s.filter === 'all' || i.severity === s.filter);

/** Fixes 「全部修正」 applies: safe, and writing something. */
export const safeFixes = (s: CheckState) =>
  s.issues.filter((i) => i.safe && i.sheetCol !== null && fixValue(i) !== null);

/** The status line, from the list as it is now (never a stale count). */
export function statusLine(s: CheckState): { intent: 'success' | 'warning'; text: string } | null {
  if (!s.checked) return null;
  const c = counts(s);
  const rows = `「${s.checked.sheet}」共 ${s.checked.rows} 条`;
  if (!c.all) return { intent: 'success', text: `${rows}：没有发现问题。` };
  return {
    intent: c.errors ? 'warning' : 'success',
    text: `${rows}：错误 ${c.errors} 个，提示 ${c.warnings} 个。`,
  };
}

// ---------------------------------------------------------------- enter tab: the value picker

export interface PickerState {
  picked: string[];
  /** What 其它 stands for, written 「其它（…）」 as the notice spells it. */
  otherDetail: string;
}

export type PickerAction =
  | { type: 'load'; text: string; vocab: Vocabulary; multi: boolean }
  | { type: 'toggle'; value: string; multi: boolean }
  | { type: 'detail'; text: string };

export const initialPicker: PickerState = { picked: [], otherDetail: '' };

const OTHER = /^(其它|其他)\s*(?:[（(]\s*(.*?)\s*[)）])?$/;

export function pickerReducer(s: PickerState, a: PickerAction): PickerState {
  switch (a.type) {
    case 'load': {
      const labels = new Set(a.vocab.items.map((i) => i.label));
      const parts = a.multi
        ? a.text
            .split(/[、,，;；\n]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [a.text.trim()].filter(Boolean);
      const picked: string[] = [];
      let otherDetail = '';
      for (const p of parts) {
        const m = OTHER.exec(p);
        if (a.vocab.other && m) {
          picked.push(a.vocab.other);
          otherDetail = m[2] ?? '';
        } else if (labels.has(p)) picked.push(p);
      }
      return { picked: a.multi ? picked : picked.slice(0, 1), otherDetail };
    }
    case 'toggle': {
      if (!a.multi) return { ...s, picked: [a.value] };
      const has = s.picked.includes(a.value);
      return { ...s, picked: has ? s.picked.filter((x) => x !== a.value) : [...s.picked, a.value] };
    }
    case 'detail':
      return { ...s, otherDetail: a.text };
  }
}

/** The value the picker writes, in the vocabulary's order; null while 其它 still needs its detail. */
export function pickerValue(s: PickerState, vocab: Vocabulary, joiner: string): string | null {
  const order = [...vocab.items.map((i) => i.label), ...(vocab.other ? [vocab.other] : [])];
  const values = order.filter((o) => s.picked.includes(o));
  if (!values.length) return null;
  const out: string[] = [];
  for (const v of values) {
    if (v !== vocab.other) out.push(v);
    else if (!vocab.otherBracketed) out.push(v);
    else {
      const d = s.otherDetail.trim();
      if (!d) return null;
      out.push(`${v}（${d}）`);
    }
  }
  return out.join(joiner);
}

// ---------------------------------------------------------------- import tab

export interface ImportState {
  inputs: InputSheet[];
  choices: Required<ImportChoices>;
  /** A paste under review: rows whose field count differs wait for the clerk. */
  paste: Pasted | null;
  /** Per pasted line: the fields as the clerk corrected them, or skipped on purpose. */
  edits: Record<number, string[] | 'skip'>;
}

export type ImportAction =
  | { type: 'read'; inputs: InputSheet[]; paste?: Pasted | null }
  | { type: 'map'; input: string; column: number; key: string | null; current: Record<number, string | null> }
  | { type: 'value'; key: string; value: string; choice: string }
  | { type: 'edit'; line: number; cells: string[] | 'skip' }
  | { type: 'reset' };

export const initialImport: ImportState = {
  inputs: [],
  choices: { mappings: {}, valueMap: {} },
  paste: null,
  edits: {},
};

export function importReducer(s: ImportState, a: ImportAction): ImportState {
  switch (a.type) {
    case 'read':
      return { ...initialImport, inputs: a.inputs, paste: a.paste ?? null };
    case 'map':
      return {
        ...s,
        choices: {
          ...s.choices,
          mappings: { ...s.choices.mappings, [a.input]: { ...a.current, [a.column]: a.key } },
        },
      };
    case 'value':
      return {
        ...s,
        choices: {
          ...s.choices,
          valueMap: {
            ...s.choices.valueMap,
            [a.key]: { ...s.choices.valueMap[a.key], [a.value]: a.choice || a.value },
          },
        },
      };
    case 'edit':
      return { ...s, edits: { ...s.edits, [a.line]: a.cells } };
    case 'reset':
      return initialImport;
  }
}

// ---------------------------------------------------------------- build tab: duplicates

export interface DuplicateState {
  /** Entry indexes, one group per set of possible duplicates. */
  groups: number[][];
  drop: number[];
}

/** Tick or untick an entry for removal; the last kept copy of a group can never be ticked. */
export function toggleDrop(s: DuplicateState, entry: number): DuplicateState {
  if (s.drop.includes(entry)) return { ...s, drop: s.drop.filter((x) => x !== entry) };
  const group = s.groups.find((g) => g.includes(entry));
  if (!group) return s;
  const kept = group.filter((x) => x !== entry && !s.drop.includes(x));
  if (!kept.length) return s;
  return { ...s, drop: [...s.drop, entry].sort((a, b) => a - b) };
}

/** Whether ticking this entry would remove every copy of its group. */
export const isLastCopy = (s: DuplicateState, entry: number) =>
  !s.drop.includes(entry) &&
  (s.groups.find((g) => g.includes(entry)) ?? []).every((x) => x === entry || s.drop.includes(x));
