import { checkedValues, locate } from '../src/core/locate';
import { HeaderIndex } from '../src/core/header';
import { getProfile, PROFILES } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const index = new HeaderIndex(
  qh,
  PROFILES.filter((p) => p !== qh),
);

describe('checkbox lists in 附件1 forms', () => {
  test.each([
    ['☑工业制造 □现代农业 ☑通用', ['工业制造', '通用']],
    ['■文本 □图形图像 ■视频', ['文本', '视频']],
    ['√文本 □音频', ['文本']],
    ['✓文本 ✔音频 □视频', ['文本', '音频']],
    ['[x]文本 [ ]音频 [X]视频', ['文本', '视频']],
    ['□文本 ☑其它（时序数据）', ['其它（时序数据）']],
    ['□工业制造 □现代农业', []],
  ])('%s', (text, want) => expect(checkedValues(text)).toEqual(want));
  test('text without checkboxes is not a list', () => expect(checkedValues('光伏预测模型')).toBeNull());
});

describe('finding the table', () => {
  test('skips title and meta lines and finds the header', () => {
    const rows = [
      ['附件2'],
      ['青海省行业高质量数据集汇总表'],
      ['推荐单位：（盖章）', '', '年 月 日'],
      ['序号', '数据集名称', '行业领域', '数据集模态'],
      [1, 'a', '通用', '文本'],
      ['注：单位为GB'],
    ];
    const r = locate(index, rows);
    expect(r.kind).toBe('table');
    if (r.kind !== 'table') return;
    expect(r.headerRow).toBe(3);
    expect(r.table.rows).toEqual([[1, 'a', '通用', '文本']]); // the note row under the table is not a dataset
    expect(r.sheetRows).toEqual([4]);
  });
  test('a unit line under the header is folded into it', () => {
    const rows = [
      ['序号', '数据集名称', '行业领域', '数据量'],
      ['', '', '', '（TB）'],
      [1, 'a', '通用', 2],
    ];
    const r = locate(index, rows);
    expect(r.kind === 'table' && r.table.header[3]).toBe('数据量（TB）');
  });
  test('nothing recognisable: a reason in Chinese', () => {
    const r = locate(index, [['会议纪要'], ['一、……']]);
    expect(r).toMatchObject({ kind: 'none' });
  });
});
