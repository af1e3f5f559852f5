/**
 * Finding the header row and mapping received headers onto a profile's columns. Headers arrive
 * renamed, reordered, wrapped over lines, with units in brackets (「数据量(TB)」) and split contact
 * columns. Matching goes exact → same after folding width/spaces → known synonym → character-bigram
 * similarity; a header that maps to nothing is reported, never dropped.
 */
import headerData from './headers.json';
import { cellText, type CellValue } from './cell';
import type { Profile } from './profile';
import { gramSimilarity, grams, labelKey, toHalfWidth } from './text';

export type MatchHow = 'exact' | 'normalized' | 'synonym' | 'fuzzy' | 'manual';

export interface ColumnMatch {
  /** 0-based column in the received table. */
  source: number;
  header: string;
  /** The profile column key, or a contact part (contactName, contactPhone, contactEmail) to be joined. */
  key: string | null;
  /** The target label (for contact parts, the contact column's label). */
  label: string | null;
  how: MatchHow | null;
  score: number;
  /** Unit given in the header for bare numbers (「TB」), when it differs from the target's. */
  unit?: string;
  /** Why it maps to nothing, in Chinese. */
  note?: string;
}

export interface HeaderMapping {
  columns: ColumnMatch[];
  /** Profile column keys that no received column fills. */
  missing: string[];
}

const HEADER_SYNONYMS = headerData as unknown as Record<string, string[]>;
export const CONTACT_PARTS = ['contactName', 'contactPhone', 'contactEmail'] as const;
const UNIT_IN_HEADER =
  /[(（]\s*(?:单位\s*[:：]\s*)?((?:[十百千万亿])?(?:GB|TB|MB|PB|KB|G|T|条|行|行\/条|条\/行|万条|亿条|个|张))\s*[)）]\s*$/i;
/** Character-bigram Dice score a fuzzy header match needs: 「内部编号」 vs 「编号」 scores 0.6 and must not match. */
const FUZZY_MIN = 0.66;

/** 「数据量（TB）」 → {base: 数据量, unit: TB}. */
export function splitHeaderUnit(h: string): { base: string; unit?: string } {
  const t = toHalfWidth(h).replace(/\s+/g, '');
  const m = UNIT_IN_HEADER.exec(t);
  if (!m) return { base: t };
  return { base: t.slice(0, m.index), unit: m[1].toUpperCase().replace(/^G$/, 'GB').replace(/^T$/, 'TB') };
}

interface Candidate {
  key: string;
  spelling: string;
  how: 'exact' | 'synonym';
}

/** All spellings a profile's columns answer to, built once per profile (and the other profiles). */
export class HeaderIndex {
  private readonly byKey = new Map<string, Candidate>();
  private readonly fuzzy: { key: string; g: Set<string> }[] = [];
  /** For each gram, the fuzzy candidates holding it, in order: a text compared only with those it
   *  shares a gram with (the rest score 0). Header scoring matches every cell of a sheet's first
   *  rows, and dataset names differ from file to file: 130 of 420 ms of checking 50 files. */
  private readonly byGram = new Map<string, number[]>();
  /** Results by header text: header detection asks about every cell of a sheet's first rows. */
  private readonly memo = new Map<
    string,
    { key: string | null; how: MatchHow | null; score: number; unit?: string }
  >();
  readonly contactTarget: string | null;
  /** How many distinct keys a match can give: the most a header row can score. */
  readonly keyCount: number;

  constructor(
    readonly profile: Profile,
    others: readonly Profile[] = [],
  ) {
    const keys = new Set(profile.columns.map((c) => c.key));
    const contact = profile.columns.find((c) => c.type === 'contact');
    this.contactTarget = contact ? contact.key : null;
    const add = (key: string, spelling: string, how: Candidate['how']) => {
      const k = labelKey(splitHeaderUnit(spelling).base);
      if (!k || this.byKey.has(k)) return;
      this.byKey.set(k, { key, spelling, how });
      const g = grams(k);
      for (const x of g) {
        const list = this.byGram.get(x);
        if (list) list.push(this.fuzzy.length);
        else this.byGram.set(x, [this.fuzzy.length]);
      }
      this.fuzzy.push({ key, g });
    };
    for (const c of profile.columns) add(c.key, c.label, 'exact');
    const accepts = (key: string) =>
      keys.has(key) || (this.contactTarget !== null && (CONTACT_PARTS as readonly string[]).includes(key));
    for (const p of others) for (const c of p.columns) if (accepts(c.key)) add(c.key, c.label, 'synonym');
    for (const [key, list] of Object.entries(HEADER_SYNONYMS)) {
      if (!Array.isArray(list) || !accepts(key)) continue;
      for (const s of list) add(key, s, 'synonym');
    }
    this.keyCount = new Set(this.fuzzy.map((f) => f.key)).size;
  }

  /** The best column key for one header cell. */
  match(header: string): { key: string | null; how: MatchHow | null; score: number; unit?: string } {
    let r = this.memo.get(header);
    if (!r) {
      r = this.matchUncached(header);
      if (this.memo.size < 10000) this.memo.set(header, r);
    }
    return r;
  }

  private matchUncached(header: string): {
    key: string | null;
    how: MatchHow | null;
    score: number;
    unit?: string;
  } {
    const raw = header.trim();
    if (!raw) return { key: null, how: null, score: 0 };
    const exact = this.profile.columns.find((c) => c.label === raw);
    if (exact) return { key: exact.key, how: 'exact', score: 1 };
    const { base, unit } = splitHeaderUnit(raw);
    const k = labelKey(base);
    const hit = this.byKey.get(k);
    if (hit) {
      const how: MatchHow = hit.how === 'exact' ? 'normalized' : 'synonym';
      return { key: hit.key, how, score: 1, unit };
    }
    let best: { key: string; score: number } | null = null;
    const g = grams(k);
    // Only the candidates sharing a gram, in the index's order: the others score 0, so the first
    // best is the same as over every candidate (and none sharing gives score 0, key null).
    const sharing = new Set<number>();
    for (const x of g) for (const i of this.byGram.get(x) ?? []) sharing.add(i);
    for (const i of [...sharing].sort((a, b) => a - b)) {
      const f = this.fuzzy[i];
      const s = gramSimilarity(g, f.g);
      if (!best || s > best.score) best = { key: f.key, score: s };
    }
    if (best && best.score >= FUZZY_MIN) return { key: best.key, how: 'fuzzy', score: best.score, unit };
    return { key: null, how: null, score: best?.score ?? 0 };
  }
}

/** One received column matched: a person's choice wins, otherwise the index's best match. */
function matchColumn(
  index: HeaderIndex,
  h: CellValue,
  i: number,
  overrides?: Record<number, string | null>,
): ColumnMatch {
  const text = cellText(h).replace(/\s+/g, ' ').trim();
  if (overrides && i in overrides) {
    const key = overrides[i];
    const col = key ? index.profile.columns.find((c) => c.key === key) : undefined;
    return {
      source: i,
      header: text,
      key: key ?? null,
      label: col?.label ?? null,
      how: key ? 'manual' : null,
      score: key ? 1 : 0,
      unit: key ? splitHeaderUnit(text).unit : undefined,
    };
  }
  const m = index.match(text);
  return { source: i, header: text, key: m.key, label: null, how: m.how, score: m.score, unit: m.unit };
}

/** Map a header row. Each target column takes one source column: the best-scoring, then the leftmost. */
export function mapHeader(
  index: HeaderIndex,
  header: readonly CellValue[],
  overrides?: Record<number, string | null>,
): HeaderMapping {
  const p = index.profile;
  const cols = header.map((h, i) => matchColumn(index, h, i, overrides));
  // One source per key: keep the best, then the leftmost; the rest are reported as duplicates.
  const taken = new Map<string, ColumnMatch>();
  const contactLabel = p.columns.find((x) => x.key === index.contactTarget)?.label ?? null;
  // Labels are filled in below, after this loop: the note names the column by its label, never its key.
  const labelOf = (key: string) => p.columns.find((x) => x.key === key)?.label ?? contactLabel ?? key;
  for (const c of [...cols].sort((a, b) => b.score - a.score || a.source - b.source)) {
    if (!c.key) continue;
    const prev = taken.get(c.key);
    if (prev) {
      c.note = `「${c.header}」与第 ${prev.source + 1} 列「${prev.header}」对应同一列「${labelOf(prev.key!)}」，未采用：请删去重复列或在映射中指定。`;
      c.key = null;
      c.how = null;
      continue;
    }
    taken.set(c.key, c);
  }
  for (const c of cols) {
    if (!c.key) {
      if (!c.note && c.header)
        c.note = `「${c.header}」对应不到本表的任何一列：其内容不会写入汇总表，请在映射中指定或确认可以舍去。`;
      continue;
    }
    const col = p.columns.find((x) => x.key === c.key);
    c.label = col ? col.label : contactLabel;
    // A unit in the header matters only when it is not the target column's own.
    if (c.unit && col) {
      const own = splitHeaderUnit(col.label).unit ?? col.quantity?.unit;
      if (own && own.toUpperCase() === c.unit.toUpperCase()) c.unit = undefined;
    }
    if (c.unit && col?.type !== 'quantity') c.unit = undefined;
  }
  const have = new Set(cols.map((c) => c.key).filter(Boolean) as string[]);
  const contactFromParts =
    index.contactTarget !== null &&
    (have.has('contactName') || have.has('contactPhone') || have.has('contactEmail'));
  const missing = p.columns
    .filter(
      (c) => c.type !== 'seq' && !have.has(c.key) && !(c.key === index.contactTarget && contactFromParts),
    )
    .map((c) => c.key);
  return { columns: cols, missing };
}

/** The header row among the first rows of a sheet: the one whose cells map to the most columns.
 *  Needs at least two mapped cells; -1 when nothing looks like a header. */
export function findHeaderRow(
  index: HeaderIndex,
  rows: readonly (readonly CellValue[])[],
  scan = 30,
): number {
  return scoreHeaderRows(index, rows, scan).row;
}

/** The best header row and its score (mapped cells, fuzzy ones counting half). */
export function scoreHeaderRows(
  index: HeaderIndex,
  rows: readonly (readonly CellValue[])[],
  scan = 30,
): { row: number; score: number } {
  let best = -1;
  let bestScore = 1;
  const n = Math.min(rows.length, scan);
  // A row that maps every key the index knows cannot be beaten (a later row must score more): the
  // rows below it are not looked at. The keys are the profile's columns and, where it has a contact
  // column, the contact's parts (联系人 | 电话 | 邮箱 in a two-row header's second row).
  const most = index.keyCount;
  for (let r = 0; r < n && bestScore < most; r++) {
    const row = rows[r] ?? [];
    const seen = new Set<string>();
    let score = 0;
    for (const cell of row) {
      const t = cellText(cell).trim();
      if (!t || t.length > 40) continue;
      const m = index.match(t);
      if (m.key && !seen.has(m.key)) {
        seen.add(m.key);
        score += m.how === 'fuzzy' ? 0.5 : 1;
      }
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return { row: best, score: best < 0 ? 0 : bestScore };
}
