/**
 * A1 addresses as Excel writes them: the column letters the merge report and the hidden-column
 * message name, and the bounds the fake workbook reads from an address Office.js would hand it.
 */
import { a1, columnIndex, columnLetter, parseAddress } from '../src/core/address';

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'], // Excel's last column
  ])('column %i is %s, and back', (c, letters) => {
    expect(columnLetter(c)).toBe(letters);
    expect(columnIndex(letters)).toBe(c);
  });

  it('name a cell by letters and a 1-based row', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(2, 1)).toBe('B3');
    expect(a1(99, 27)).toBe('AB100');
  });
});

describe('parseAddress', () => {
  it('reads one cell and a range, with or without $', () => {
    expect(parseAddress('B3')).toEqual({ sheet: undefined, r1: 2, c1: 1, r2: 2, c2: 1 });
    expect(parseAddress(' $B$3:$D$9 ')).toEqual({ sheet: undefined, r1: 2, c1: 1, r2: 8, c2: 3 });
    expect(parseAddress('aa10')).toEqual({ sheet: undefined, r1: 9, c1: 26, r2: 9, c2: 26 });
  });

  it('takes the sheet name before the last !, unquoting it and its doubled quotes', () => {
    expect(parseAddress('Sheet1!B3:D9')).toMatchObject({ sheet: 'Sheet1', r1: 2, c1: 1, r2: 8, c2: 3 });
    expect(parseAddress("'汇总表'!B3")).toMatchObject({ sheet: '汇总表', r1: 2, c1: 1 });
    expect(parseAddress("'张三''s 表!'!A1")).toMatchObject({ sheet: "张三's 表!", r1: 0, c1: 0 });
  });

  it('runs whole columns and whole rows to the sheet’s limits', () => {
    expect(parseAddress('A:A')).toEqual({ sheet: undefined, r1: 0, c1: 0, r2: 1048575, c2: 0 });
    expect(parseAddress('C:E')).toEqual({ sheet: undefined, r1: 0, c1: 2, r2: 1048575, c2: 4 });
    expect(parseAddress('2:5')).toEqual({ sheet: undefined, r1: 1, c1: 0, r2: 4, c2: 16383 });
  });

  it('refuses anything that is not an address, naming it', () => {
    expect(() => parseAddress('B3x')).toThrow('InvalidArgument: bad address B3x');
    expect(() => parseAddress('Sheet1!3B')).toThrow('InvalidArgument: bad address Sheet1!3B');
    expect(() => parseAddress('A1:B2x')).toThrow(/bad address/);
  });
});
