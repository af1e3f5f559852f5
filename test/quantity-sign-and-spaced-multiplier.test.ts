import { parseQuantity } from '../src/core/quantity';

describe('a figure written with a space before its count unit, or with a plus sign', () => {
  test('「10k 条」 and 「10w 条」 are one figure, as 「10k条」 is', () => {
    for (const [text, value] of [
      ['10k 条', 10000],
      ['10K 条记录', 10000],
      ['3w 条', 30000],
    ] as const) {
      const p = parseQuantity(text);
      expect(p).toMatchObject({ ok: true, form: 'single', quantity: { kind: 'records', value } });
    }
  });

  test('two figures separated by a space are still two (each needs its modality)', () => {
    expect(parseQuantity('100GB 160GB')).toMatchObject({ ok: false, code: 'quantity-multiple' });
    expect(parseQuantity('图片 100GB 音频 160GB')).toMatchObject({ ok: true, form: 'pairs' });
  });

  test('「+5GB」 is 5 GB with no modality: the plus is a sign', () => {
    for (const text of ['+5GB', '＋5GB', '+ 5GB']) {
      const p = parseQuantity(text);
      expect(p).toEqual({
        ok: true,
        form: 'single',
        quantity: { kind: 'size', value: 5, approximate: false },
      });
    }
  });

  test('a trailing plus still marks an approximate figure, and a minus is still refused', () => {
    expect(parseQuantity('5GB+')).toMatchObject({ ok: true, quantity: { value: 5, approximate: true } });
    expect(parseQuantity('-5GB')).toMatchObject({ ok: false, code: 'quantity-unreadable' });
  });
});

describe('the joining stays within one piece, and a plus after a modality is a sign', () => {
  test('「10k，条」: a comma keeps the bare unit apart, and it is refused as a figure of its own', () => {
    expect(parseQuantity('10k，条')).toMatchObject({ ok: false, code: 'quantity-unreadable' });
  });
  test('「图片+5GB」 is 图片 5 GB', () => {
    expect(parseQuantity('图片+5GB')).toEqual({
      ok: true,
      form: 'single',
      modality: '图片',
      quantity: { kind: 'size', value: 5, approximate: false },
    });
  });
});
