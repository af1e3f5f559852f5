/** The edges of the number rules, where an off-by-one would pass the everyday tests unnoticed. */
import { validateTable } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';
import { convert } from '../src/core/quantity';

const sh = getProfile('shanghai')!;
const SH_HEADER = sh.columns.map((c) => c.label);

/** One 上海 row with `value` in the column `key`, checked; the issues of that column. */
function shanghaiCell(key: string, value: unknown) {
  const row = sh.columns.map((c) => (c.key === key ? value : null));
  const res = validateTable(sh, { header: SH_HEADER, rows: [row as never] });
  const label = sh.columns.find((c) => c.key === key)!.label;
  return { out: res.entries[0].get(key), issues: res.issues.filter((i) => i.field === label) };
}

describe('percent columns (资产负债率（%）)', () => {
  it('take 1 and above as a percent already, with no question', () => {
    expect(shanghaiCell('debtRatio2022', 1)).toEqual({ out: 1, issues: [] });
    expect(shanghaiCell('debtRatio2022', 35.5)).toEqual({ out: 35.5, issues: [] });
    expect(shanghaiCell('debtRatio2022', 0).issues).toEqual([]);
  });

  it('ask about a fraction below 1 (a cell in percent format?), suggesting ×100 without applying it', () => {
    const { out, issues } = shanghaiCell('debtRatio2022', 0.99);
    expect(out).toBe(0.99);
    expect(issues).toMatchObject([{ code: 'percent-fraction', severity: 'warning', fix: 99, safe: false }]);
    expect(shanghaiCell('debtRatio2022', -0.5).issues.map((i) => i.code)).toEqual(['percent-fraction']);
  });
});

describe('money columns (万元)', () => {
  it('refuse any negative amount, however small', () => {
    for (const v of [-0.5, -1, '-0.5', '-3万元']) {
      expect(shanghaiCell('plannedFunds', v).issues.map((i) => i.code)).toEqual(['number-negative']);
    }
  });

  it('take zero and positive amounts', () => {
    expect(shanghaiCell('plannedFunds', 0)).toEqual({ out: 0, issues: [] });
    expect(shanghaiCell('plannedFunds', '500万元')).toMatchObject({ out: 500, issues: [{ code: 'value-normalised' }] });
  });
});

describe('convert (hqds convert)', () => {
  it('refuses a bare 0 and a zero size', () => {
    expect(convert('0', 'GB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
    expect(convert('0', 'TB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
    expect(convert('0TB', 'GB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
  });

  it('takes the smallest positive bare number in the target unit', () => {
    expect(convert('0.01', 'GB')).toMatchObject({ ok: true, value: 0.01, unit: 'GB', message: '未写单位，按 GB 计' });
  });
});
