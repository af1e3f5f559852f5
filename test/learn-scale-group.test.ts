/**
 * A two-level 「数据规模」 over 「结构化（条）| 非结构化（GB）」 is one question answered in either
 * column (FORMATS.md: 武汉's 结构化/非结构化数据规模, 至少填一项). Learned from a template that marks
 * nothing as required, the pair must not make every received row that fills only one of them an error.
 */
import { learnTemplate, type LearnResult } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { readTemplate } from '../src/io/template';
import { twoLevelTemplate } from './helpers/templates';

describe('a size group of two quantity columns learned from a template without required marks', () => {
  let r: LearnResult;
  beforeAll(async () => {
    r = learnTemplate(await readTemplate('two.xlsx', new Uint8Array(await twoLevelTemplate())), {
      id: 'two',
    });
  });

  test('asks for at least one of the pair, and says so for review', () => {
    const pair = r.profile.columns.filter((c) => c.group === '数据规模');
    expect(pair.map((c) => [c.label, c.required])).toEqual([
      ['结构化（条）', false],
      ['非结构化（GB）', false],
    ]);
    expect(r.profile.requireOneOf).toEqual([
      { keys: pair.map((c) => c.key), message: expect.stringContaining('至少填一项') },
    ]);
    expect(r.inferred.join('\n')).toContain('「结构化（条）」「非结构化（GB）」至少填一项');
  });

  test('a received row with only the records, or only the size, is not an error; with neither it is', () => {
    const head = ['序号', '数据集名称', '数据规模', '数据规模', '更新频率', '申报单位', '联系人及联系方式'];
    const sub = [
      '序号',
      '数据集名称',
      '结构化（条）',
      '非结构化（GB）',
      '更新频率',
      '申报单位',
      '联系人及联系方式',
    ];
    const rows = [
      head,
      sub,
      [1, '客流数据集', '300万条', '', '每日', '公交集团', '张三 13800000000'],
      [2, '质检图像集', '', '约2TB', '每月', '某电子公司', '李四 13900000000'],
      [3, '空的规模', '', '', '每年', '某公司', '王五 13700000000'],
    ];
    const m = mergeSheets(r.profile, [{ file: '收到.xlsx', sheet: 'Sheet1', rows }]);
    const errors = m.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.entry])).toEqual([['required-one-of', 2]]);
    expect(m.entries).toHaveLength(3);
  });
});
