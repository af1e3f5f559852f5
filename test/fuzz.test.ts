/** Random cell values of every type Excel and the readers hand over: the engine never throws and
 *  every issue it reports is well formed. Seeded, so a failure can be replayed. */
import { validateTable } from '../src/core/engine';
import type { CellValue } from '../src/core/cell';
import { PROFILES } from '../src/core/profiles';
import { parseQuantity } from '../src/core/quantity';

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

const PIECES = ['TB', 'GB', '万', '条', '约', '-', '～', '、', '，', '其它（', '）', '图片', '医疗', '#N/A', '=SUM(A1)', '+1', '@x', '\t', '\n', ' ', '１', '０', '.', '亿', '张', 'w', 'k', '多', '三百', '13800000000', '@', '.cn', '合计', '\u0000', '😀', '兆', '千兆', '/', '(', 'GiB'];

function randomCell(r: () => number): CellValue {
  const k = Math.floor(r() * 10);
  switch (k) {
    case 0: return null;
    case 1: return undefined;
    case 2: return (r() - 0.3) * 10 ** Math.floor(r() * 12);
    case 3: return r() < 0.5;
    case 4: return { error: ['#N/A', '#VALUE!', '#REF!'][Math.floor(r() * 3)] };
    case 5: return new Date(r() * 4e12);
    case 6: return [NaN, Infinity, -0, Number.MAX_VALUE][Math.floor(r() * 4)];
    default: {
      let s = '';
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) s += r() < 0.5 ? PIECES[Math.floor(r() * PIECES.length)] : String(Math.floor(r() * 1000));
      return s;
    }
  }
}

describe.each(PROFILES.map((p) => [p.id, p]))('fuzz %s', (_id, profile) => {
  test('2000 random rows: no exception, well-formed issues, every row accounted for', () => {
    const r = rng(profile.id.length * 7919);
    const labels = profile.columns.map((c) => c.label);
    const rows: CellValue[][] = [];
    for (let i = 0; i < 2000; i++) rows.push(labels.map(() => randomCell(r)));
    const header = r() < 0.5 ? labels : labels.map((l, i) => (i % 3 === 0 ? randomCell(r) : l));
    const res = validateTable(profile, { header, rows });
    expect(res.entries.length + res.leftOut.length).toBe(rows.length);
    for (const i of res.issues) {
      expect(['error', 'warning']).toContain(i.severity);
      expect(i.code).not.toBe('internal');
      expect(typeof i.message).toBe('string');
      expect(i.row).toBeGreaterThanOrEqual(-1);
    }
  });
  test('random headers and ragged rows', () => {
    const r = rng(profile.id.length * 31);
    for (let t = 0; t < 50; t++) {
      const header = Array.from({ length: Math.floor(r() * 15) }, () => randomCell(r));
      const rows = Array.from({ length: 20 }, () => Array.from({ length: Math.floor(r() * 20) }, () => randomCell(r)));
      expect(() => validateTable(profile, { header, rows })).not.toThrow();
    }
    expect(() => validateTable(profile, { header: undefined as never, rows: undefined as never })).not.toThrow();
  });
});

test('the quantity parser never throws on random text', () => {
  const r = rng(42);
  for (let i = 0; i < 20000; i++) expect(() => parseQuantity(randomCell(r))).not.toThrow();
});
