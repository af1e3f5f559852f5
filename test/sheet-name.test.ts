import { cutUnits, isLegalSheetName, uniqueSheetName } from '../src/core/sheet-name';

describe('every sheet name is one Excel accepts', () => {
  test('a long base keeps the whole backup suffix within 31 characters', () => {
    const name = uniqueSheetName(
      '青海省行业高质量数据集汇总表（第二批次推荐）附件二',
      new Set(),
      ' 备份1125-1830',
    );
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' 备份1125-1830')).toBe(true);
    expect(isLegalSheetName(name)).toBe(true);
  });

  test('forbidden characters and apostrophes at either end are removed', () => {
    expect(uniqueSheetName("'项目1-智慧[交通]/数据:集?*'")).toBe('项目1-智慧交通数据集');
    expect(uniqueSheetName("项目2-张三's'")).toBe("项目2-张三's");
    expect(isLegalSheetName(uniqueSheetName("'''"))).toBe(true);
  });

  test('names are unique ignoring case, counters go before the suffix', () => {
    const taken = new Set(['Sheet1', '汇总表 备份']);
    expect(uniqueSheetName('sheet1', taken)).toBe('sheet1-2');
    expect(uniqueSheetName('汇总表', taken, ' 备份')).toBe('汇总表-2 备份');
    expect(taken.has('汇总表-2 备份')).toBe(true);
    expect(uniqueSheetName('汇总表', taken, ' 备份')).toBe('汇总表-3 备份');
  });

  test('a cut never splits a surrogate pair', () => {
    const base = 'a'.repeat(30) + '𠀀𠀀';
    const name = uniqueSheetName(base);
    expect(name).toBe('a'.repeat(30));
    expect(cutUnits('ab𠀀', 3)).toBe('ab');
  });

  test('an empty name falls back to a readable default', () => {
    expect(uniqueSheetName('[]:')).toBe('工作表');
  });
});
