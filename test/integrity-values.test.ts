/** Issue 7: values are never invented, and every parser is linear in the length of a cell. */
import { validateTable } from '../src/core/engine';
import { mergeSheets } from '../src/core/merge';
import { getProfile, PROFILES } from '../src/core/profiles';
import { chineseToNumber, convert, parseQuantity } from '../src/core/quantity';
import { excelNumberText, parseContact } from '../src/core/validators';
import { otherMatch } from '../src/core/vocab';
import { decodeText, parseDelimitedWithNotes } from '../src/io/text';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require('../bench/hostile-files');

const sh = getProfile('shanghai')!;
const wh = getProfile('wuhan')!;
const sx = getProfile('shanxi')!;
const qh = getProfile('qinghai')!;
const labels = (p: typeof qh) => p.columns.map((c) => c.label);
const rowWith = (p: typeof qh, values: Record<string, unknown>) =>
  p.columns.map((c) => (c.key in values ? values[c.key] : '')) as never[];

describe('identifiers stored as numbers', () => {
  test('a credit code that lost its digits past the 15th is an error; the invented zeros are never written', () => {
    const code = 913101157989563000; // what Excel keeps of 91310115798956307X typed into a number cell
    const key = sh.columns.find((c) => c.type === 'creditCode')!.key;
    const r = validateTable(sh, { header: labels(sh), rows: [rowWith(sh, { [key]: code })] });
    const is = r.issues.filter((i) => i.field === sh.columns.find((c) => c.key === key)!.label);
    expect(is.map((i) => i.code)).toEqual(['number-lost-digits']);
    expect(is[0].severity).toBe('error');
    expect(is[0].message).toContain('9.13101157989563E+17');
    expect(r.entries[0].get(key)).toBe('9.13101157989563E+17');
    expect(String(r.entries[0].get(key))).not.toContain('913101157989563000');
  });
  test('Excel display of long numbers', () => {
    expect(excelNumberText(913101157989563000)).toBe('9.13101157989563E+17');
    expect(excelNumberText(1234567890123456)).toBe('1.23456789012346E+15');
  });
  test('a landline stored as a number that lost its leading 0 gets a warning with the likely number', () => {
    const contact = qh.columns.find((c) => c.type === 'phone');
    const p = contact ? qh : PROFILES.find((x) => x.columns.some((c) => c.type === 'phone'))!;
    const col = p.columns.find((c) => c.type === 'phone')!;
    const r = validateTable(p, {
      header: labels(p),
      rows: [rowWith(p, { [col.key]: 9716145250 }), rowWith(p, { [col.key]: 13800000000 })],
    });
    const mine = r.issues.filter((i) => i.field === col.label);
    expect(mine.filter((i) => i.row === 0).map((i) => [i.code, i.severity, i.fix])).toEqual([
      ['phone-leading-zero', 'warning', '09716145250'],
    ]);
    expect(mine.filter((i) => i.row === 1)).toEqual([]);
  });
});

describe('Chinese numerals', () => {
  test.each([
    ['两千万', 2e7],
    ['三百万', 3e6],
    ['一万二千', 12000],
    ['三点五万', 35000],
    ['一千零五十', 1050],
    ['两亿', 2e8],
    ['万亿', 1e12],
  ])('%s = %d', (t, n) => expect(chineseToNumber(t)).toBe(n));
  test.each(['万万', '十十', '二三', '亿亿', '百千'])('%s is no number', (t) =>
    expect(chineseToNumber(t)).toBeNaN(),
  );
  test('「万…万」 and 「1万万条」 are unreadable, never 10000', () => {
    for (const t of ['万…万条', '1万万条', '万万条']) expect(parseQuantity(t)).toMatchObject({ ok: false });
  });
  test('「两千万条」 is written as 20000000条 in every format that takes counts', () => {
    expect(convert('两千万条', '条').value).toBe(20000000);
    const w = validateTable(wh, { header: labels(wh), rows: [rowWith(wh, { structuredScale: '两千万条' })] });
    expect(w.entries[0].get('structuredScale')).toBe('20000000条');
    const scaleKey = sx.columns.find((c) => c.type === 'quantity')!.key;
    const s = validateTable(sx, { header: labels(sx), rows: [rowWith(sx, { [scaleKey]: '约两千万条' })] });
    expect(s.entries[0].get(scaleKey)).toBe('20000000条');
    expect(s.issues.map((i) => i.code)).toContain('quantity-approximate');
  });
});

describe('the rewritten scanners give the old answers', () => {
  test('other-option', () => {
    expect(otherMatch('其它（海洋）')).toEqual({ inner: '海洋' });
    expect(otherMatch('其他 ( 海洋 )')).toEqual({ inner: '海洋' });
    expect(otherMatch('其它：海洋')).toEqual({ inner: '海洋' });
    expect(otherMatch('其它')).toEqual({ inner: '' });
    expect(otherMatch('其它（海洋')).toBeNull();
    expect(otherMatch('其它海洋')).toBeNull();
    expect(otherMatch('工业')).toBeNull();
  });
  test('e-mail addresses inside a contact cell', () => {
    expect(parseContact('张三 zs@a.cn 13800000000')).toMatchObject({
      names: ['张三'],
      emails: ['zs@a.cn'],
      phones: ['13800000000'],
    });
    expect(parseContact('a@%b@c.cn').emails).toEqual(['%b@c.cn']);
    expect(parseContact('a@b@c').badEmails).toEqual(['a@b']);
  });
  test('ranges', () => {
    for (const t of ['1-2TB', '1～2TB', '一至两万条', '10万 - 20万条'])
      expect(parseQuantity(t)).toMatchObject({ ok: false, code: 'quantity-range' });
    for (const t of ['2024-01-05', '100GB'])
      expect(parseQuantity(t)).not.toMatchObject({ code: 'quantity-range' });
  });
});

describe('every parser is linear: 32,767-character cells in every column', () => {
  // Before: one 8 KB cell took minutes (cubic other-option, quadratic range, e-mail and numeral scans).
  // No timing is asserted (speed is measured in bench/case-hostile.js); the test's own timeout fails
  // a quadratic scanner, which needs minutes here.
  test.each(PROFILES.map((p) => [p.id, p]))('%s', (_id, p) => {
    const rows = hostile.longCells(labels(p), 13);
    const m = mergeSheets(p, [{ file: 'long.csv', sheet: 'long', rows: [labels(p), ...rows] }]);
    expect(m.rowsWritten + m.leftOut.length).toBe(rows.length);
  });
  test('the text reader and the quantity parser', () => {
    for (const cell of hostile.longCells(['x'], 13).map((r: string[]) => r[0])) {
      parseQuantity(cell);
      const { rows } = parseDelimitedWithNotes(`${cell}\n${cell},${cell}\n`);
      expect(rows.length).toBeGreaterThan(0);
      decodeText(Buffer.from(cell + '\n', 'utf8'));
    }
  });
});
