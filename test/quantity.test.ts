import { chineseToNumber, convert, formatCount, formatNumber, parseQuantity } from '../src/core/quantity';

type Row = [input: string | number, kind: string, value: number, approximate?: boolean];

describe('§8 quantities: every form a clerk writes', () => {
  const sizes: Row[] = [
    ['1.5TB', 'size', 1536],
    ['1.5 TB', 'size', 1536],
    ['1.5tb', 'size', 1536],
    ['2048GB', 'size', 2048],
    ['512MB', 'size', 0.5],
    ['1PB', 'size', 1048576],
    ['1T', 'size', 1024],
    ['10G', 'size', 10],
    ['100M', 'size', 100 / 1024],
    ['1K', 'size', 1 / 1024 / 1024],
    ['1千兆', 'size', 1],
    ['1024兆', 'size', 1],
    ['1TiB', 'size', 1024],
    ['1GiB', 'size', 1],
    ['1073741824B', 'size', 1],
    ['1073741824字节', 'size', 1],
    ['１．５ＴＢ', 'size', 1536],
    ['２０ＧＢ', 'size', 20],
    ['.5TB', 'size', 512],
    ['1,024GB', 'size', 1024],
    ['约2TB', 'size', 2048, true],
    ['近1TB', 'size', 1024, true],
    ['超过100TB', 'size', 102400, true],
    ['5TB以上', 'size', 5120, true],
    ['100余TB', 'size', 102400, true],
    ['100多GB', 'size', 100, true],
    ['3TB＋', 'size', 3072, true],
    ['大约 3 GB', 'size', 3, true],
    ['10TB左右', 'size', 10240, true],
    ['共计2TB', 'size', 2048],
  ];
  const counts: Row[] = [
    ['100000条', 'records', 100000],
    ['1,234,567条', 'records', 1234567],
    ['500万条记录', 'records', 5e6],
    ['3.5亿行', 'records', 3.5e8],
    ['十万条', 'records', 1e5],
    ['三百万条', 'records', 3e6],
    ['两千万条', 'records', 2e7],
    ['1千万条', 'records', 1e7],
    ['2百万行', 'records', 2e6],
    ['1万亿条', 'records', 1e12],
    ['10w条', 'records', 1e5],
    ['10W条', 'records', 1e5],
    ['10k条', 'records', 1e4],
    ['5K行', 'records', 5e3],
    ['100多万条', 'records', 1e6, true],
    ['１０万条', 'records', 1e5],
    ['12000条数据', 'records', 12000],
    ['8000笔', 'records', 8000],
    ['10万张', 'items', 1e5],
    ['3000段', 'items', 3000],
    ['200篇', 'items', 200],
    ['50份', 'items', 50],
    ['12件', 'items', 12],
    ['500个', 'items', 500],
    ['10万张图片', 'items', 1e5],
    ['500小时', 'duration', 500],
    ['90分钟', 'duration', 1.5],
    ['2.5h', 'duration', 2.5],
    ['10w', 'bare', 1e5],
    ['2048', 'bare', 2048],
    [2048, 'bare', 2048],
    ['3万', 'bare', 3e4],
    ['一百二十', 'bare', 120],
  ];
  test.each([...sizes, ...counts])('%s → %s %d', (input, kind, value, approximate = false) => {
    const p = parseQuantity(input);
    expect(p.ok).toBe(true);
    if (!p.ok || p.form !== 'single') throw new Error(JSON.stringify(p));
    expect(p.quantity.kind).toBe(kind);
    expect(p.quantity.value).toBeCloseTo(value, 9);
    expect(p.quantity.approximate).toBe(approximate);
  });

  test.each([
    ['1-2TB', 'quantity-range'],
    ['1～2TB', 'quantity-range'],
    ['1~2TB', 'quantity-range'],
    ['1TB-2TB', 'quantity-range'],
    ['1至2TB', 'quantity-range'],
    ['十万到百万条', 'quantity-range'],
    ['100GB 200GB', 'quantity-multiple'],
    ['100GB，200GB', 'quantity-multiple'],
    ['图片100GB，200GB', 'quantity-pair-missing-modality'],
    ['很大', 'quantity-unreadable'],
    ['TB', 'quantity-unreadable'],
    ['5TB数据集xx', 'quantity-unreadable'],
    ['-5GB', 'quantity-unreadable'],
  ])('%s is refused as %s', (input, code) => {
    const p = parseQuantity(input);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.code).toBe(code);
    expect(p.message).toContain(input.slice(0, 3));
  });

  test('modality + size lists', () => {
    const p = parseQuantity('图片100GB，音频160GB');
    expect(p).toMatchObject({
      ok: true,
      form: 'pairs',
      pairs: [
        { modality: '图片', quantity: { value: 100 } },
        { modality: '音频', quantity: { value: 160 } },
      ],
    });
    const q = parseQuantity('图片 100GB; 视频 1TB、文本 20 GB');
    expect(q.ok && q.form === 'pairs' && q.pairs.map((x) => [x.modality, x.quantity.value])).toEqual([
      ['图片', 100],
      ['视频', 1024],
      ['文本', 20],
    ]);
    const single = parseQuantity('图片100GB');
    expect(single).toMatchObject({ ok: true, form: 'single', modality: '图片', quantity: { value: 100 } });
  });

  test('a unit in the header applies to bare numbers', () => {
    expect(parseQuantity(2, { headerUnit: 'TB' })).toMatchObject({
      form: 'single',
      quantity: { kind: 'size', value: 2048 },
    });
    expect(parseQuantity('3', { headerUnit: '万条' })).toMatchObject({
      form: 'single',
      quantity: { kind: 'records', value: 30000 },
    });
    expect(parseQuantity('3', { headerUnit: '行/条' })).toMatchObject({
      form: 'single',
      quantity: { kind: 'records', value: 3 },
    });
    // A unit written in the cell wins over the header's.
    expect(parseQuantity('500GB', { headerUnit: 'TB' })).toMatchObject({
      form: 'single',
      quantity: { value: 500 },
    });
  });

  test('1 TB is 1024 or 1000 GB, by setting; binary units are always binary', () => {
    expect(parseQuantity('1TB', { tb: 1000 })).toMatchObject({ quantity: { value: 1000 } });
    expect(parseQuantity('1PB', { tb: 1000 })).toMatchObject({ quantity: { value: 1e6 } });
    const gib = parseQuantity('1GiB', { tb: 1000 });
    expect(gib.ok && gib.form === 'single' && gib.quantity.value).toBeCloseTo(1.073741824, 9);
  });

  test('Chinese numerals', () => {
    expect(chineseToNumber('三百万')).toBe(3e6);
    expect(chineseToNumber('两千万')).toBe(2e7);
    expect(chineseToNumber('一万二千')).toBe(12000);
    expect(chineseToNumber('一百零五')).toBe(105);
    expect(chineseToNumber('一亿二千万')).toBe(1.2e8);
    expect(chineseToNumber('十')).toBe(10);
    expect(chineseToNumber('二三')).toBeNaN();
  });

  test('output: two decimals and no trailing zeros where they keep the value; counts with 条', () => {
    expect(formatNumber(1536)).toBe('1536');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(102.4)).toBe('102.4');
    expect(formatNumber(1536.123456)).toBe('1536.12');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatCount(100000)).toBe('100000条');
  });

  test('output: where two decimals would move the value by more than 0.05 %, four significant digits (500GB is 0.4883 TB, not 0.49)', () => {
    expect(formatNumber(500 / 1024)).toBe('0.4883');
    expect(formatNumber(1.005 + 1e-9)).toBe('1.005');
    expect(formatNumber(0.0009765625)).toBe('0.0009766');
    expect(formatNumber(10 / 1024)).toBe('0.009766');
    expect(convert('500GB', 'TB')).toMatchObject({ ok: true, value: 0.4883, unit: 'TB' });
    expect(convert('500GB', 'TB', 1000)).toMatchObject({ ok: true, value: 0.5, unit: 'TB' });
    // The bound holds for every size a clerk may write: never more than 0.05 % from the exact value.
    for (let gb = 1; gb < 5000; gb += 7) {
      const tb = gb / 1024;
      expect(Math.abs(Number(formatNumber(tb)) - tb) / tb).toBeLessThanOrEqual(0.0005);
    }
  });

  test('never converts one kind into another', () => {
    expect(convert('10万张', 'GB')).toMatchObject({ ok: false, value: null });
    expect(convert('10万张', 'GB').message).toContain('不是存储大小');
    expect(convert('500小时', 'TB').ok).toBe(false);
    expect(convert('2TB', '条').ok).toBe(false);
    expect(convert('500万条', 'GB').ok).toBe(false);
  });

  test('convert to GB, TB and 条', () => {
    expect(convert('1.5TB', 'GB')).toEqual({
      input: '1.5TB',
      ok: true,
      value: 1536,
      unit: 'GB',
      approximate: false,
      message: '',
    });
    expect(convert('1536GB', 'TB')).toMatchObject({ ok: true, value: 1.5, unit: 'TB' });
    expect(convert('1500GB', 'TB', 1000)).toMatchObject({ ok: true, value: 1.5 });
    expect(convert('约2TB', 'GB')).toMatchObject({ ok: true, value: 2048, approximate: true });
    expect(convert('三百万条', '条')).toMatchObject({ ok: true, value: 3e6, unit: '条' });
    expect(convert('1.23456万条', '条')).toMatchObject({ ok: true, value: 12346 });
    expect(convert('2048', 'GB').message).toContain('未写单位');
    expect(convert('图片100GB，音频160GB', 'GB')).toMatchObject({ ok: true, value: 260 });
    expect(convert('', 'GB').ok).toBe(false);
  });

  test('never throws on odd input', () => {
    for (const v of [
      null,
      undefined,
      NaN,
      Infinity,
      {},
      [],
      true,
      Symbol('x') as unknown,
      '#N/A',
      '∞',
      '\u0000',
      '1e309TB',
    ]) {
      expect(() => parseQuantity(v)).not.toThrow();
    }
  });
});
