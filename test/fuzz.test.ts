/**
 * Random cell values of every type Excel and the readers hand over. Not only 「did not throw」: every
 * result must be well formed, account for every row, change nothing silently, and read the planted
 * values of known meaning right, so an engine or parser that gives up on everything fails here.
 * Seeded, so a failure can be replayed.
 */
import { cellText, type CellValue } from '../src/core/cell';
import { validateTable, type Result } from '../src/core/engine';
import { CATALOGUE, type CellOut } from '../src/core/issues';
import type { Profile } from '../src/core/profile';
import { PROFILES } from '../src/core/profiles';
import { parseQuantity, roundNumber } from '../src/core/quantity';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'TB',
  'GB',
  '万',
  '条',
  '约',
  '-',
  '～',
  '、',
  '，',
  '其它（',
  '）',
  '图片',
  '医疗',
  '#N/A',
  '=SUM(A1)',
  '+1',
  '@x',
  '\t',
  '\n',
  ' ',
  '１',
  '０',
  '.',
  '亿',
  '张',
  'w',
  'k',
  '多',
  '三百',
  '13800000000',
  '@',
  '.cn',
  '合计',
  '\u0000',
  '😀',
  '兆',
  '千兆',
  '/',
  '(',
  'GiB',
];

function randomCell(r: () => number): CellValue {
  const k = Math.floor(r() * 10);
  switch (k) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return (r() - 0.3) * 10 ** Math.floor(r() * 12);
    case 3:
      return r() < 0.5;
    case 4:
      return { error: ['#N/A', '#VALUE!', '#REF!'][Math.floor(r() * 3)] };
    case 5:
      return new Date(r() * 4e12);
    case 6:
      return [NaN, Infinity, -0, Number.MAX_VALUE][Math.floor(r() * 4)];
    default: {
      let s = '';
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++)
        s += r() < 0.5 ? PIECES[Math.floor(r() * PIECES.length)] : String(Math.floor(r() * 1000));
      return s;
    }
  }
}

/** A cell whose right reading is known: a quantity or amount written as clerks write them. */
interface Planted {
  key: string;
  cell: string;
  expected: string | number;
}

/** The profile's first quantity column (or 上海's planned funds) with a value of known reading. */
function plant(profile: Profile, r: () => number): Planted | null {
  const n = 1 + Math.floor(r() * 999);
  const col =
    profile.columns.find((c) => c.type === 'quantity') ?? profile.columns.find((c) => c.type === 'money');
  if (!col) return null;
  if (col.type === 'money') return { key: col.key, cell: `${n}万元`, expected: n };
  const spec = col.quantity!;
  const tb = r() < 0.5;
  switch (spec.kind) {
    case 'size': {
      const gb = tb ? n * 1024 : n;
      return {
        key: col.key,
        cell: `${n}${tb ? 'TB' : 'GB'}`,
        expected: spec.unit === 'TB' ? roundNumber(gb / 1024) : gb,
      };
    }
    case 'records':
      return { key: col.key, cell: `${n}万条`, expected: `${n * 10000}条` };
    case 'pairs':
      return { key: col.key, cell: `图片${n}${tb ? 'TB' : 'GB'}`, expected: `图片${tb ? n * 1024 : n}GB` };
    case 'scale':
      return { key: col.key, cell: ` ${n} TB`, expected: `${n}TB` };
  }
}

/** What every result holds, whatever the input. */
function expectWellFormed(profile: Profile, rows: readonly (readonly CellValue[])[], res: Result): void {
  const accounted = [...res.entries.map((e) => e.row), ...res.leftOut.map((l) => l.row)].sort(
    (a, b) => a - b,
  );
  expect(accounted).toEqual(rows.map((_, i) => i));
  const labels = new Set(profile.columns.map((c) => c.label));
  // Collected, then compared once: one expect per issue is slow over tens of thousands of issues.
  const malformed = res.issues.filter(
    (issue) =>
      issue.severity !== CATALOGUE[issue.code].severity ||
      issue.code === 'internal' ||
      !/[\u4e00-\u9fa5]/.test(issue.message) ||
      issue.row < -1 ||
      issue.row >= rows.length ||
      (issue.field !== null && !labels.has(issue.field)) ||
      (issue.safe && (issue.severity !== 'warning' || issue.fix === undefined)),
  );
  expect(malformed).toEqual([]);
  const seq = profile.columns.findIndex((c) => c.type === 'seq');
  if (seq >= 0) expect(res.entries.map((e) => e.cells[seq])).toEqual(res.entries.map((_, i) => i + 1));
  for (const e of res.entries) expect(e.cells).toHaveLength(profile.columns.length);
}

const sameText = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

function ownUnit(col: Profile['columns'][number]): RegExp {
  if (col.type === 'money') return /\s*(万元|万)$/;
  if (col.type === 'percent') return /\s*%$/;
  if (col.quantity?.kind === 'size') return new RegExp(`\\s*${col.quantity.unit ?? 'GB'}$`, 'i');
  return /$^/;
}

/** No value changed silently: a cell written otherwise than found carries an issue or a change. */
function expectNoSilentChange(profile: Profile, rows: readonly (readonly CellValue[])[], res: Result): void {
  const noted = new Set([...res.issues, ...res.changes].map((x) => `${x.row}\u0001${x.field}`));
  const silent: [number, string, string, CellOut][] = [];
  for (const e of res.entries) {
    profile.columns.forEach((col, c) => {
      const out = e.cells[c];
      if (col.type === 'seq' || out === null) return;
      const found = cellText(rows[e.row][c] ?? null);
      // Width and spacing are normalised without a note (１３８ 0000 → 1380000): not a change of value.
      if (sameText(String(out), found) || noted.has(`${e.row}\u0001${col.label}`)) return;
      // Nor is the column's own unit after the same number (「500GB」 in GB, 「800万元」 in 万元, 「8%」 in %).
      if (typeof out === 'number' && sameText(String(out), found.trim().replace(ownUnit(col), ''))) return;
      silent.push([e.row, col.label, found, out]);
    });
  }
  expect(silent).toEqual([]);
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('fuzz %s', (_id, profile) => {
  test('2000 random rows: well-formed issues, every row accounted for, nothing changed silently, known values read right', () => {
    const r = rng(profile.id.length * 7919);
    const labels = profile.columns.map((c) => c.label);
    const rows: CellValue[][] = [];
    const planted = new Map<number, Planted>();
    for (let i = 0; i < 2000; i++) {
      const row = labels.map(() => randomCell(r));
      const p = i % 4 === 0 ? plant(profile, r) : null;
      if (p) {
        // Not a total row (a random 「合计」 would leave it out).
        row.forEach((cell, c) => typeof cell === 'string' && /[计数]/.test(cell) && (row[c] = null));
        row[profile.columns.findIndex((c) => c.key === p.key)] = p.cell;
        row[1] = `数据集${i}`; // a filled row, never blank or a total row
        planted.set(i, p);
      }
      rows.push(row);
    }
    const res = validateTable(profile, { header: labels, rows });
    expectWellFormed(profile, rows, res);
    expectNoSilentChange(profile, rows, res);
    expect(planted.size).toBeGreaterThan(400);
    const byRow = new Map(res.entries.map((e) => [e.row, e]));
    for (const [row, p] of planted) {
      expect([p.cell, byRow.get(row)?.get(p.key)]).toEqual([p.cell, p.expected]);
      const label = profile.columns.find((c) => c.key === p.key)!.label;
      const errors = res.issues.filter((i) => i.row === row && i.field === label && i.severity === 'error');
      expect(errors).toEqual([]);
    }
  });
  test('random headers and ragged rows: every column reported, every row accounted for', () => {
    const r = rng(profile.id.length * 31);
    const required = profile.columns.filter((c) => c.required).length;
    let readBack = 0;
    for (let t = 0; t < 50; t++) {
      const header = Array.from({ length: Math.floor(r() * 15) }, () => randomCell(r));
      const rows = Array.from({ length: 20 }, () =>
        Array.from({ length: Math.floor(r() * 20) }, () => randomCell(r)),
      );
      // The quantity (or amount) column under its own label somewhere among the random ones.
      const p = plant(profile, r)!;
      const at = Math.floor(r() * (header.length + 1));
      header.splice(at, 0, profile.columns.find((c) => c.key === p.key)!.label);
      for (const row of rows) row.splice(at, 0, p.cell);
      const res = validateTable(profile, { header, rows });
      if (res.mapping.columns[at].key === p.key) {
        const read = res.entries.map((e) => e.get(p.key));
        expect([p.cell, read]).toEqual([p.cell, read.map(() => p.expected)]);
        readBack++;
      }
      expect(res.mapping.columns).toHaveLength(header.length);
      expect(res.entries.length + res.leftOut.length).toBe(rows.length);
      expect(res.issues.filter((i) => i.code === 'internal')).toEqual([]);
      const missing = res.issues.filter((i) => i.code === 'missing-column').map((i) => i.field);
      const requiredMissing = profile.columns.filter(
        (c) => c.required && res.mapping.missing.includes(c.key),
      );
      expect(missing).toEqual(requiredMissing.map((c) => c.label));
    }
    expect(readBack).toBeGreaterThan(40);
    const empty = validateTable(profile, { header: undefined as never, rows: undefined as never });
    expect(empty.entries).toEqual([]);
    expect(empty.issues.map((i) => i.code)).toEqual(Array(required).fill('missing-column'));
  });
});

/** Quantities of known reading: number × unit → kind and value (GB for sizes). */
const UNITS: [string, 'size' | 'records' | 'items', number][] = [
  ['GB', 'size', 1],
  ['TB', 'size', 1024],
  ['MB', 'size', 1 / 1024],
  ['条', 'records', 1],
  ['万条', 'records', 1e4],
  ['张', 'items', 1],
  ['万张', 'items', 1e4],
];

test('the quantity parser reads known quantities exactly and answers random text with a reading or a reason', () => {
  const r = rng(42);
  const errorCodes = [
    'quantity-unreadable',
    'quantity-range',
    'quantity-multiple',
    'quantity-pair-missing-modality',
  ];
  for (let i = 0; i < 20000; i++) {
    const p = parseQuantity(randomCell(r));
    if (!p.ok) {
      expect(errorCodes).toContain(p.code);
      expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
    } else if (p.form === 'single') {
      expect(Number.isFinite(p.quantity.value) && p.quantity.value >= 0).toBe(true);
    } else if (p.form === 'pairs') {
      expect(p.pairs.length).toBeGreaterThan(1);
      for (const x of p.pairs) expect(x.modality).not.toBe('');
    }
  }
  for (let i = 0; i < 2000; i++) {
    const n = 1 + Math.floor(r() * 100000);
    const [unit, kind, factor] = UNITS[i % UNITS.length];
    const p = parseQuantity(`${n}${unit}`);
    expect([`${n}${unit}`, p]).toEqual([
      `${n}${unit}`,
      {
        ok: true,
        form: 'single',
        quantity: expect.objectContaining({ kind, value: n * factor, approximate: false }),
      },
    ]);
  }
});
