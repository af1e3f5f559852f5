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
    expect(shanghaiCell('plannedFunds', '500万元')).toEqual({ out: 500, issues: [] });
    expect(shanghaiCell('plannedFunds', '1,500万元')).toMatchObject({
      out: 1500,
      issues: [{ code: 'value-normalised' }],
    });
  });
});

describe('quantity columns', () => {
  const qh = getProfile('qinghai')!;
  const header = qh.columns.map((c) => c.label);
  const scale = (v: unknown) => {
    const row = [1, '名称', '现代农业', '文本', v, '无', '单位', '张三 13800000000', ''];
    const res = validateTable(qh, { header, rows: [row as never] });
    return { out: res.entries[0].get('scale'), codes: res.issues.map((i) => i.code), issues: res.issues };
  };

  it('refuse a negative number cell instead of reading its digits (−1 is not 1 GB)', () => {
    expect(scale(-1)).toMatchObject({ out: '-1', codes: ['quantity-not-positive'] });
    expect(scale(-0.5).codes).toEqual(['quantity-not-positive']);
    expect(scale(0).codes).toEqual(['quantity-not-positive']);
  });

  it('do not read a name or a word before a bare number as a quantity (张三 is not 3 GB)', () => {
    const { out, codes, issues } = scale('张三');
    expect(out).toBe('张三');
    expect(codes).toEqual(['quantity-unreadable']);
    expect(issues[0].message).toBe(
      '「张三」 中「张」后的数没有单位，不能当作数据量：请写成数加单位，如「100GB」或「100000条」。',
    );
    expect(scale('图片100').codes).toEqual(['quantity-unreadable']);
  });

  it('still read a modality before a number with its unit, and a bare number in the column unit', () => {
    expect(scale('图片100GB')).toMatchObject({ out: 100, codes: ['quantity-converted'] });
    expect(scale(2048)).toMatchObject({ out: 2048, codes: [] });
    expect(scale('三')).toMatchObject({ out: 3, codes: ['quantity-converted'] });
  });
});

describe('convert (hqds convert)', () => {
  it('refuses a bare 0 and a zero size', () => {
    expect(convert('0', 'GB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
    expect(convert('0', 'TB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
    expect(convert('0TB', 'GB')).toMatchObject({ ok: false, message: '数据量应大于 0。' });
  });

  it('takes the smallest positive bare number in the target unit', () => {
    expect(convert('0.01', 'GB')).toMatchObject({
      ok: true,
      value: 0.01,
      unit: 'GB',
      message: '未写单位，按 GB 计',
    });
  });
});
