/**
 * The quantity parser and `convert` at their edges: Chinese numerals with 点 and malformed ones,
 * durations, units given by the header, number cells that are not numbers, and each message
 * `hqds convert` and the scale checks give, word for word.
 */
import {
  chineseToNumber,
  convert,
  formatCount,
  formatNumber,
  hasChineseDigits,
  kindName,
  parseQuantity,
  roundNumber,
} from '../src/core/quantity';

const single = (input: unknown, opts = {}) => {
  const p = parseQuantity(input, opts);
  if (!p.ok || p.form !== 'single') throw new Error(JSON.stringify(p));
  return p;
};
const UNREADABLE = (s: string) =>
  `无法识别数量「${s}」：请写成数字加单位，如「1.5TB」「2048GB」「100000条」。`;

describe('Chinese numerals', () => {
  it.each([
    ['三点五万', 35000],
    ['点五', 0.5],
    ['一点五', 1.5],
    ['三点五十', 35],
    ['亿', 1e8],
    ['万', 1e4],
    ['二十万', 2e5],
    ['零', 0],
    ['一千零一十', 1010],
    ['两亿三千万', 2.3e8],
    ['一亿零五万', 100050000],
    ['三万五', 30005], // read digit by digit, never as 3.5万: no guess
  ])('%s is %d', (s, n) => expect(chineseToNumber(s)).toBe(n));

  it.each(['', '三点', '三点五万万', '三点五百万', '一亿亿', '万万', '十十', '百千', '一万万', '三x'])(
    '%j is not a number (NaN), never a guess',
    (s) => expect(chineseToNumber(s)).toBeNaN(),
  );

  it('are noticed in a figure (「两千万条」 should be written in digits) but not in a bare 十万', () => {
    expect(hasChineseDigits('两千万条')).toBe(true);
    expect(hasChineseDigits('〇')).toBe(true);
    expect(hasChineseDigits('十万条')).toBe(false);
    expect(hasChineseDigits('100万条')).toBe(false);
  });
});

describe('durations and counts', () => {
  it.each([
    ['90分钟', 1.5],
    ['30秒', 30 / 3600],
    ['2天', 48],
    ['3个小时', 3],
    ['1.5hours', 1.5],
    ['10 mins', 10 / 60],
    ['45min', 0.75],
    ['2hr', 2],
    ['4时', 4],
  ])('%s is %d hours', (s, h) => {
    const p = single(s);
    expect(p.quantity.kind).toBe('duration');
    expect(p.quantity.value).toBeCloseTo(h, 12);
  });

  it('name what a count counts, before or after, and keep 多 as approximate', () => {
    expect(single('100多万张图片')).toEqual({
      ok: true,
      form: 'single',
      quantity: { kind: 'items', value: 1e6, unitWord: '张', approximate: true },
      modality: '图片',
    });
    expect(single('图片三百万条')).toMatchObject({
      modality: '图片',
      quantity: { kind: 'records', value: 3e6 },
    });
    expect(single('三百万条文本')).toMatchObject({
      modality: '文本',
      quantity: { kind: 'records', value: 3e6 },
    });
    expect(single('十万多条').quantity).toEqual({
      kind: 'records',
      value: 1e5,
      unitWord: '条',
      approximate: true,
    });
  });

  it('read k as thousand only before a count unit, else as kilobytes', () => {
    expect(single('5 k条').quantity).toMatchObject({ kind: 'records', value: 5000 });
    expect(single('10K').quantity).toEqual({ kind: 'size', value: 10 / 1024 / 1024, approximate: false });
    expect(single('10KB').quantity.value).toBe(10 / 1024 / 1024);
  });

  it('read the size units by every spelling, decimal and binary', () => {
    expect(single('1EB').quantity.value).toBe(1024 ** 3);
    expect(single('1艾字节').quantity.value).toBe(1024 ** 3);
    expect(single('1拍').quantity.value).toBe(1024 ** 2);
    expect(single('1太字节').quantity.value).toBe(1024);
    expect(single('2吉').quantity.value).toBe(2);
    expect(single('1024MiB').quantity.value).toBe(1);
    expect(single('1EiB', { tb: 1000 }).quantity.value).toBeCloseTo(1024 ** 6 / 1e9, 3);
    expect(single('1TB数据').quantity.value).toBe(1024);
    expect(single('1TB存储').quantity.value).toBe(1024);
  });
});

describe('a unit from the header', () => {
  it('applies to bare numbers with its multiplier, after 单位： and spaces', () => {
    expect(single(5, { headerUnit: '单位：万条' }).quantity).toEqual({
      kind: 'records',
      value: 50000,
      unitWord: '条',
      approximate: false,
    });
    expect(single('5', { headerUnit: ' 十万 张' }).quantity).toMatchObject({ kind: 'items', value: 5e5 });
    expect(single('5', { headerUnit: '条/行' }).quantity).toMatchObject({ kind: 'records', value: 5 });
  });

  it('is ignored when it is not a unit: the number stays bare', () => {
    expect(single('5', { headerUnit: 'TBx' }).quantity).toEqual({
      kind: 'bare',
      value: 5,
      approximate: false,
    });
    expect(single('5', { headerUnit: '说明' }).quantity.kind).toBe('bare');
  });
});

describe('refused, with the reason', () => {
  it('a negative number, with or without a space after the sign', () => {
    expect(parseQuantity('- 5GB')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: '「- 5GB」是负数：数据量应大于 0。',
    });
  });

  it('a range, spaces around the sign included', () => {
    expect(parseQuantity('1 - 2 TB')).toEqual({
      ok: false,
      code: 'quantity-range',
      message: '「1 - 2 TB」是一个范围，不是一个确定的数：请填写一个数（如取实际规模），不要写范围。',
    });
    expect(parseQuantity('1TB~ 2TB')).toMatchObject({ code: 'quantity-range' });
    expect(parseQuantity('1至')).toMatchObject({ code: 'quantity-unreadable' });
  });

  it('a date is no range and no quantity: it is said to be a date', () => {
    expect(parseQuantity('2024-01-05')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message:
        '「2024-01-05」里有日期「2024-01-05」：这一栏只填数字加单位（如「1.5TB」「100000条」），日期请写到备注。',
    });
    // Outside 1990–2099 it is not taken for a date, and stays unread as before.
    expect(parseQuantity('1980-01-05')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('1980-01-05'),
    });
  });

  it('multipliers in the wrong order, and an exponent', () => {
    expect(parseQuantity('3万万条')).toMatchObject({ code: 'quantity-unreadable' });
    expect(parseQuantity('3亿万条')).toMatchObject({ code: 'quantity-unreadable' });
    expect(parseQuantity('1e3GB')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('1e3GB'),
    });
  });

  it('numbers that are not numbers, and values that are not text', () => {
    expect(parseQuantity(NaN)).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('NaN'),
    });
    expect(parseQuantity({ a: 1 })).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('{"a":1}'),
    });
    expect(parseQuantity(Symbol('x'))).toMatchObject({ ok: false, code: 'quantity-unreadable' });
  });

  it('a figure with a word before it that has no unit, naming the word', () => {
    expect(parseQuantity('图片100斤')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('图片100斤').replace('数量', '「图片」后的数量'),
    });
  });

  it('several figures without saying what each is, or with only some saying it', () => {
    expect(parseQuantity('1,00条')).toEqual({
      ok: false,
      code: 'quantity-multiple',
      message:
        '「1,00条」里有 2 个数而没有写明各是什么：请只填一个数，或写成「图片100GB，音频160GB」这样每个数前写明模态。',
    });
    expect(parseQuantity('图片100GB，200GB')).toEqual({
      ok: false,
      code: 'quantity-pair-missing-modality',
      message: '「图片100GB，200GB」中有的数前没有写模态：请写成「图片100GB，音频160GB」，每个数前写明模态。',
    });
  });
});

describe('read as written', () => {
  it('thousands separators, invisible characters and white space', () => {
    expect(single('1,000,000条').quantity.value).toBe(1e6);
    expect(single('\ufeff1\u200bTB ').quantity.value).toBe(1024);
    expect(single('约 5 TB').quantity).toEqual({ kind: 'size', value: 5120, approximate: true });
    expect(parseQuantity('  ')).toEqual({ ok: true, form: 'empty' });
    expect(parseQuantity(null)).toEqual({ ok: true, form: 'empty' });
  });

  it('a number cell as a bare number, with no modality', () => {
    expect(parseQuantity(12.5)).toEqual({
      ok: true,
      form: 'single',
      quantity: { kind: 'bare', value: 12.5, approximate: false },
    });
  });
});

describe('convert (hqds convert): every answer and its note', () => {
  const refused = (input: string, message: string) => ({
    input,
    ok: false,
    value: null,
    unit: null,
    approximate: false,
    message,
  });

  it('to 条: records and bare numbers, rounded with a note, approximate kept', () => {
    expect(convert('100万条', '条')).toEqual({
      input: '100万条',
      ok: true,
      value: 1e6,
      unit: '条',
      approximate: false,
      message: '',
    });
    expect(convert('1.5条', '条')).toMatchObject({
      ok: true,
      value: 2,
      message: '条数 1.5 不是整数，已四舍五入',
    });
    expect(convert('约100条', '条')).toMatchObject({
      ok: true,
      value: 100,
      approximate: true,
      message: '原值是约数，已保留数字，请核实',
    });
    expect(convert('300', '条')).toMatchObject({ ok: true, value: 300, message: '未写单位，按条计' });
  });

  it('to 条: refuses a size, and per-modality figures', () => {
    expect(convert('2TB', '条')).toEqual(
      refused('2TB', '「2TB」是存储大小，不能换算成条数：结构化数据请填写记录条数，如「100000条」。'),
    );
    expect(convert('图片1GB，音频1TB', '条')).toEqual(
      refused('图片1GB，音频1TB', '「图片1GB，音频1TB」是按模态分列的多个数，不能合成一个条数：请分别换算。'),
    );
  });

  it('to GB or TB: adds sizes per modality, approximate if any is, refuses a mix of kinds', () => {
    expect(convert('图片约1GB，音频1TB', 'TB')).toEqual({
      input: '图片约1GB，音频1TB',
      ok: true,
      value: 1.001,
      unit: 'TB',
      approximate: true,
      message: '原值是约数，已保留数字，请核实',
    });
    expect(convert('图片1GB，音频10张', 'GB')).toEqual(
      refused(
        '图片1GB，音频10张',
        '「图片1GB，音频10张」是按模态分列的多个数，不能合成一个数据量：请分别换算。',
      ),
    );
  });

  it('to GB or TB: a bare number in the target unit, both notes joined', () => {
    expect(convert('约0.5', 'TB')).toEqual({
      input: '约0.5',
      ok: true,
      value: 0.5,
      unit: 'TB',
      approximate: true,
      message: '原值是约数，已保留数字，请核实；未写单位，按 TB 计',
    });
  });

  it('refuses a duration, a negative, an empty value and a range, each saying why', () => {
    expect(convert('10小时', 'GB')).toEqual(
      refused(
        '10小时',
        '「10小时」是时长，不是存储大小，不能换算成 GB：请填写数据集占用的存储空间，如「1.5TB」。',
      ),
    );
    expect(convert('-1', 'GB')).toEqual(refused('-1', '「-1」是负数：数据量应大于 0。'));
    expect(convert('', '条')).toEqual(refused('', '空值：请填写数据量。'));
    expect(convert('1-2TB', 'GB').message).toBe(
      '「1-2TB」是一个范围，不是一个确定的数：请填写一个数（如取实际规模），不要写范围。',
    );
  });
});

describe('output', () => {
  it('formats zero, nothing for non-finite, small negatives to four digits; rounds; counts with a word', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
    expect(formatNumber(-0.001)).toBe('-0.001');
    expect(formatNumber(1234.5678)).toBe('1234.57');
    expect(roundNumber(1.234567)).toBe(1.235);
    expect(formatCount(3.6, '张')).toBe('4张');
    expect(formatCount(2.4)).toBe('2条');
  });

  it('names each kind of quantity in Chinese', () => {
    expect(['size', 'records', 'items', 'duration', 'bare'].map((k) => kindName(k as never))).toEqual([
      '存储大小',
      '记录条数',
      '计件数量（张、段、篇等）',
      '时长',
      '不带单位的数',
    ]);
  });
});

describe('more forms, each read exactly', () => {
  it('Chinese numerals: 亿 after a 万 part, and 万 straight after 亿 refused', () => {
    expect(chineseToNumber('一万二千亿')).toBe(1.2e12);
    expect(chineseToNumber('一万亿')).toBe(1e12);
    expect(chineseToNumber('一亿万')).toBeNaN();
    expect(single('三点五万条').quantity).toEqual({
      kind: 'records',
      value: 35000,
      unitWord: '条',
      approximate: false,
    });
    expect(parseQuantity('十十条')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('十十条'),
    });
    expect(parseQuantity('一万条又三万条')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('一万条又三万条'),
    });
  });

  it('a decimal with no leading digit, filler before the figure, 多 after a multiplier', () => {
    expect(single('.55TB').quantity.value).toBeCloseTo(563.2, 9);
    expect(single('共计2TB')).toEqual({
      ok: true,
      form: 'single',
      quantity: { kind: 'size', value: 2048, approximate: false },
      modality: undefined,
    });
    expect(single('100万多条').quantity).toEqual({
      kind: 'records',
      value: 1e6,
      unitWord: '条',
      approximate: true,
    });
  });

  it('k before a count unit is a thousand; K+ alone is kilobytes, approximate', () => {
    expect(single('10k张').quantity).toEqual({
      kind: 'items',
      value: 1e4,
      unitWord: '张',
      approximate: false,
    });
    expect(single('10K+').quantity).toEqual({ kind: 'size', value: 10 / 1024 / 1024, approximate: true });
  });

  it('a duration names no modality', () => {
    for (const s of ['3个小时', '90分钟', '2天']) expect(single(s).modality).toBeUndefined();
  });

  it('a header unit with a multiplier and a record word after it', () => {
    expect(single('3', { headerUnit: '万条记录' }).quantity).toEqual({
      kind: 'records',
      value: 30000,
      unitWord: '条',
      approximate: false,
    });
  });

  it('a per-modality list with an empty piece, and one with an unreadable piece named', () => {
    const p = parseQuantity('图片100GB，，音频160GB');
    expect(p.ok && p.form === 'pairs' && p.pairs.map((x) => [x.modality, x.quantity.value])).toEqual([
      ['图片', 100],
      ['音频', 160],
    ]);
    expect(parseQuantity('图片100GB，很大')).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: UNREADABLE('很大'),
    });
  });

  it('an empty cell from a reader (undefined) is empty, not unreadable', () => {
    expect(parseQuantity(undefined)).toEqual({ ok: true, form: 'empty' });
  });

  it('convert: 1 TB is 1000 GB under that setting; two notes are joined with ；', () => {
    expect(convert('1TB', 'GB', 1000)).toMatchObject({ ok: true, value: 1000 });
    expect(convert('约1.5条', '条')).toEqual({
      input: '约1.5条',
      ok: true,
      value: 2,
      unit: '条',
      approximate: true,
      message: '原值是约数，已保留数字，请核实；条数 1.5 不是整数，已四舍五入',
    });
  });
});
