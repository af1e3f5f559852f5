/**
 * Cell values as Excel and the file readers hand them over: error values in both forms, what a
 * person calls empty, and the text a clerk sees (numbers in full, dates as yyyy-mm-dd).
 */
import { cellErrorCode, cellText, isBlank, isCellError } from '../src/core/cell';

describe('error values', () => {
  it('are read from the object form and from Office.js strings, trimmed', () => {
    expect(cellErrorCode({ error: '#REF!' })).toBe('#REF!');
    expect(cellErrorCode(' #N/A ')).toBe('#N/A');
    expect(cellErrorCode('#DIV/0!')).toBe('#DIV/0!');
    expect(cellErrorCode('#BUSY!')).toBe('#BUSY!');
  });

  it('are not made of text that only looks alike, nor of other values', () => {
    expect(cellErrorCode('#N/A 说明')).toBeNull();
    expect(cellErrorCode('N/A')).toBeNull();
    expect(cellErrorCode(0)).toBeNull();
    expect(cellErrorCode(null)).toBeNull();
    expect(isCellError(new Date(0))).toBe(false);
    expect(isCellError({ error: 7 })).toBe(false);
    expect(isCellError(null)).toBe(false);
    expect(isCellError('#N/A')).toBe(false);
  });
});

describe('isBlank', () => {
  it('is true for nothing, empty and white space only', () => {
    for (const v of [null, undefined, '', '  ', '\n\t']) expect(isBlank(v)).toBe(true);
  });
  it('is false for anything a person would read', () => {
    for (const v of [0, false, 'x', ' 0 ', new Date(0), { error: '#N/A' }]) expect(isBlank(v)).toBe(false);
  });
});

describe('cellText', () => {
  it('gives numbers in full and nothing for non-finite numbers', () => {
    expect(cellText(1234567.891)).toBe('1234567.891');
    expect(cellText(NaN)).toBe('');
    expect(cellText(Infinity)).toBe('');
  });

  it('gives booleans as Excel shows them and text as is', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(' 原样 ')).toBe(' 原样 ');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });

  it('gives dates as yyyy-mm-dd with two-digit month and day, and nothing for an invalid date', () => {
    expect(cellText(new Date(2024, 0, 5))).toBe('2024-01-05');
    expect(cellText(new Date(2024, 11, 25))).toBe('2024-12-25');
    expect(cellText(new Date(NaN))).toBe('');
  });

  it('gives an error value by its code, and never throws on an object that cannot print', () => {
    expect(cellText({ error: '#VALUE!' })).toBe('#VALUE!');
    const odd = {
      toString: () => {
        throw new Error('x');
      },
    } as never;
    expect(cellText(odd)).toBe('');
    expect(cellText({ a: 1 } as never)).toBe('[object Object]');
  });
});
