/**
 * Sheet names at Excel's limits: exactly 31 characters, each forbidden character, apostrophes at
 * either end only, control characters, a suffix that is all forbidden, and the name list left alone
 * when it is not a Set.
 */
import {
  cleanSheetName,
  cutUnits,
  isLegalSheetName,
  MAX_SHEET_NAME,
  uniqueSheetName,
} from '../src/core/sheet-name';

describe('isLegalSheetName', () => {
  it('takes 1 to 31 characters without : \\ / ? * [ ] and without an apostrophe at either end', () => {
    expect(MAX_SHEET_NAME).toBe(31);
    expect(isLegalSheetName('a')).toBe(true);
    expect(isLegalSheetName('x'.repeat(31))).toBe(true);
    expect(isLegalSheetName("张三's 表")).toBe(true);
  });
  it.each(['', 'x'.repeat(32), 'a:b', 'a\\b', 'a/b', 'a?b', 'a*b', 'a[b', 'a]b', "'ab", "ab'"])(
    '%j is refused',
    (name) => expect(isLegalSheetName(name)).toBe(false),
  );
});

describe('cleanSheetName and cutUnits', () => {
  it('removes forbidden and control characters and every apostrophe at either end', () => {
    expect(cleanSheetName("''汇总:表\u0001\u001f''")).toBe('汇总表');
    expect(cleanSheetName(" '张三's' ")).toBe("'张三's'");
    expect(cleanSheetName("'张三's'")).toBe("张三's");
  });
  it('cuts to the limit, keeping a text that fits whole and never half a character', () => {
    expect(cutUnits('abc', 3)).toBe('abc');
    expect(cutUnits('abcd', 3)).toBe('abc');
    expect(cutUnits('a𠀀b', 2)).toBe('a');
    expect(cutUnits('a𠀀b', 3)).toBe('a𠀀');
    expect(cutUnits('a\udbffb', 2)).toBe('a');
    expect(cutUnits('a\ud7ffb', 2)).toBe('a\ud7ff');
    expect(cutUnits('a\udc00b', 2)).toBe('a\udc00');
  });
});

describe('uniqueSheetName', () => {
  it('fills exactly 31 characters with base, counter and suffix', () => {
    const taken = new Set<string>();
    const first = uniqueSheetName('x'.repeat(40), taken, ' 备份');
    expect(first).toBe(`${'x'.repeat(28)} 备份`);
    const second = uniqueSheetName('x'.repeat(40), taken, ' 备份');
    expect(second).toBe(`${'x'.repeat(26)}-2 备份`);
    expect(second).toHaveLength(31);
  });

  it('drops a suffix made only of forbidden characters, and cleans one that has some', () => {
    expect(uniqueSheetName('表', new Set(), '[]')).toBe('表');
    expect(uniqueSheetName('表', new Set(), ' 备:份')).toBe('表 备份');
  });

  it('trims apostrophes left at the ends by a cut', () => {
    expect(uniqueSheetName(`${'x'.repeat(30)}'y`)).toBe('x'.repeat(30));
  });

  it('reads names from any list, adding the new one only to a Set', () => {
    const list = ['汇总表'];
    expect(uniqueSheetName('汇总表', list)).toBe('汇总表-2');
    expect(list).toEqual(['汇总表']);
    const set = new Set(['汇总表']);
    expect(uniqueSheetName('汇总表', set)).toBe('汇总表-2');
    expect([...set]).toEqual(['汇总表', '汇总表-2']);
  });

  it('uses the fallback for a name with nothing left', () => {
    expect(uniqueSheetName("''", new Set(), '', '项目')).toBe('项目');
  });
});
