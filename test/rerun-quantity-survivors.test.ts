/** Where a bare count unit after a space joins the figure before it, and where it does not; what a
 *  leading plus is. Written against the survivors of the 2026-11-26 mutation re-run of parseParts. */
import { parseQuantity } from '../src/core/quantity';

const multiple = (text: string) =>
  `「${text}」里有 2 个数而没有写明各是什么：请只填一个数，或写成「图片100GB，音频160GB」这样每个数前写明模态。`;

test('two spaced figures with their units are two figures, not one joined', () => {
  for (const text of ['10k 5GB', '10k 条 20k 条'])
    expect(parseQuantity(text)).toEqual({ ok: false, code: 'quantity-multiple', message: multiple(text) });
});

test('a bare count unit joins only a figure ending in k or w (「5GB 条」 and 「10kB 条」 are refused)', () => {
  for (const text of ['5GB 条', '10kB 条'])
    expect(parseQuantity(text)).toEqual({
      ok: false,
      code: 'quantity-unreadable',
      message: '无法识别数量「条」：请写成数字加单位，如「1.5TB」「2048GB」「100000条」。',
    });
});

test('modality pairs with spaced multipliers: each pair keeps its own count', () => {
  expect(parseQuantity('图片 10w 条 文本 3k 条')).toEqual({
    ok: true,
    form: 'pairs',
    pairs: [
      {
        ok: true,
        modality: '图片',
        quantity: { kind: 'records', value: 100000, unitWord: '条', approximate: false },
      },
      {
        ok: true,
        modality: '文本',
        quantity: { kind: 'records', value: 3000, unitWord: '条', approximate: false },
      },
    ],
  });
});

test('one figure with a separator or spaces around it is read from the figure alone', () => {
  for (const [text, quantity] of [
    ['5GB，', { kind: 'size', value: 5, approximate: false }],
    [' 5GB ，', { kind: 'size', value: 5, approximate: false }],
    ['3w  条', { kind: 'records', value: 30000, unitWord: '条', approximate: false }],
  ] as const)
    expect(parseQuantity(text)).toEqual({ ok: true, form: 'single', quantity });
});

test('a plus inside the figure is no sign: 「1+2GB」 is refused, not read as 12 GB', () => {
  expect(parseQuantity('1+2GB')).toEqual({
    ok: false,
    code: 'quantity-unreadable',
    message: '无法识别数量「1+2GB」：请写成数字加单位，如「1.5TB」「2048GB」「100000条」。',
  });
});
