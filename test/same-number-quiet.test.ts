/**
 * A number written as text that becomes the same number (「100」, 「500GB」 in a GB column, 「800」
 * in 万元) is written without a message; a real conversion or reading still has one. A fraction typed
 * as text in a percent column is questioned as a number cell's is.
 */
import { validatorFor } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';

function codes(
  id: string,
  key: string,
  value: string | number,
  unit?: string,
): { out: unknown; codes: string[] } {
  const p = getProfile(id)!;
  const r = validatorFor(p).checkCell(
    p.columns.find((c) => c.key === key)!,
    value,
    unit,
  );
  return { out: r.out, codes: r.issues.map((i) => i.code) };
}

describe('the same number, no message', () => {
  test.each([
    ['qinghai', 'scale', '100', 100],
    ['qinghai', 'scale', '500GB', 500],
    ['qinghai', 'scale', '500 gb', 500],
    ['qinghai', 'scale', '12.5', 12.5],
    ['shanghai', 'plannedFunds', '800', 800],
    ['shanghai', 'plannedFunds', '800万元', 800],
    ['shanghai', 'profitRate2022', '8', 8],
    ['shanghai', 'debtRatio2022', '35.5%', 35.5],
  ])('%s %s 「%s」 → %s', (id, key, value, out) => {
    expect(codes(id, key, value)).toEqual({ out, codes: [] });
  });
});

describe('a real change keeps its message', () => {
  test.each([
    ['qinghai', 'scale', '1TB', 1024, 'quantity-converted'],
    ['qinghai', 'scale', '1,000', 1000, 'quantity-converted'],
    ['shanghai', 'plannedFunds', '1,000', 1000, 'value-normalised'],
    ['shanghai', 'plannedFunds', '８００', 800, 'value-normalised'],
  ])('%s %s 「%s」 → %s', (id, key, value, out, code) => {
    expect(codes(id, key, value)).toEqual({ out, codes: [code] });
  });
  test('a bare number under a (TB) header is converted, and says so', () => {
    expect(codes('qinghai', 'scale', '3', 'TB')).toEqual({ out: 3072, codes: ['quantity-converted'] });
  });
});

describe('percent-fraction', () => {
  test('「0.355」 typed as text in 资产负债率 is questioned, as the number 0.355 is', () => {
    expect(codes('shanghai', 'debtRatio2024', 0.355).codes).toEqual(['percent-fraction']);
    expect(codes('shanghai', 'debtRatio2024', '0.355').codes).toEqual(['percent-fraction']);
  });
  test('「0.5%」 says it is a percent: no question', () => {
    expect(codes('shanghai', 'debtRatio2024', '0.5%').codes).toEqual([]);
  });
});
