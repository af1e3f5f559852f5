/** A date in a scale cell (「100GB（截至2024-1-2）」) is said to be a date, with where to put it, not
 *  called a range or left as an unreadable figure; figures that only look like years stay figures. */
import { parseQuantity } from '../src/core/quantity';

const dated = (cell: string, date: string) => ({
  ok: false,
  code: 'quantity-unreadable',
  message: `「${cell}」里有日期「${date}」：这一栏只填数字加单位（如「1.5TB」「100000条」），日期请写到备注。`,
});

test.each([
  ['100GB（截至2024-1-2）', '2024-1-2'],
  ['100GB（2024-01）', '2024-01'],
  ['2024/6', '2024/6'],
  ['2024/6/30 共 3TB', '2024/6/30'],
  ['2024.1.2共5GB', '2024.1.2'],
  ['截至2024年1月2日共100GB', '2024年1月2日'],
  ['100GB(2024年)', '2024年'],
  ['100GB，截至2024年底', '2024年底'],
  ['1999年初约3TB', '1999年初'],
])('「%s」: the date 「%s」 is named', (cell, date) => {
  expect(parseQuantity(cell)).toEqual(dated(cell, date));
});

test.each([
  ['1999.5GB', { kind: 'size', value: 1999.5 }],
  ['2024GB', { kind: 'size', value: 2024 }],
  ['2020万条', { kind: 'records', value: 20200000 }],
])('「%s」 looks like a year but is a figure', (cell, quantity) => {
  expect(parseQuantity(cell)).toMatchObject({ ok: true, form: 'single', quantity });
});

test.each([
  // No month: a range of figures, as before.
  ['1000-2000条', 'quantity-range'],
  ['2000-3000GB', 'quantity-range'],
  // Month 13 is no month; a decimal before a dash is a figure.
  ['2024-13', 'quantity-range'],
  ['2020.5-3TB', 'quantity-range'],
  ['2089-0GB', 'quantity-range'],
])('「%s」 is no date: %s', (cell, code) => {
  expect(parseQuantity(cell)).toMatchObject({ ok: false, code });
});
