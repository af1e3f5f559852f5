/** Reading forms as the clerk who retypes them: checkbox lists in the shapes the notices use. */
import { checkedValues, parseForm } from '../src/core/form';
import { getProfile } from '../src/core/profiles';

describe('checkedValues', () => {
  test.each([
    [
      'box after the option (武汉 申报方向)',
      '高质量数据集建设应用☑ 高质量数据集模型验证□\n高质量数据集技术创新☑（可多选）',
      ['高质量数据集建设应用', '高质量数据集技术创新'],
    ],
    [
      'an option with a space inside stays whole',
      '☑方向 2: 高质量数据集工具链平台建设',
      ['方向 2: 高质量数据集工具链平台建设'],
    ],
    [
      'the next group’s heading is not part of an option',
      '重点领域：□科学研究 ☑城市治理 创新领域：□低空经济',
      ['城市治理'],
    ],
    ['blanks after 其它 are dropped', '□文本 ☑其它_____', ['其它']],
    ['a filled-in 其它 blank', '□文本 ☑其它：海洋数据', ['其它（海洋数据）']],
    ['a filled-in 其他 blank with underscores', '☑其他__时序数据__', ['其他（时序数据）']],
    ['options on several lines', '☑文本\n□音频\n☑视频', ['文本', '视频']],
    [
      '是 with its note',
      '☑是（请注明模型类型/项目名称：水文大模型） □否',
      ['是（请注明模型类型/项目名称：水文大模型）'],
    ],
  ])('%s', (_n, text, want) => expect(checkedValues(text)).toEqual(want));
});

describe('parseForm', () => {
  const sx = getProfile('shanxi')!;
  test('山西: 数据规模与模态 split into scale and modality, each with the cell it came from', () => {
    const rows = [
      ['数据集名称', '矿山数据集'],
      ['所属领域', '☑工业制造'],
      ['数据规模与模态', '规模：500万条记录 模态：☑结构化表格 □文本'],
    ];
    const f = parseForm(sx, rows)!;
    const col = (k: string) => sx.columns.findIndex((c) => c.key === k);
    expect(f.table.rows[0][col('scale')]).toBe('500万条记录');
    expect(f.table.rows[0][col('modality')]).toBe('结构化表格');
    expect(f.cells[0][col('modality')]).toEqual({ row: 2, col: 1 });
    expect(f.cells[0][col('name')]).toEqual({ row: 0, col: 1 });
  });
  test('山西: 是 without a model name stays empty (never guessed), 否 is 无', () => {
    const col = sx.columns.findIndex((c) => c.key === 'models');
    const read = (v: string) =>
      parseForm(sx, [
        ['数据集名称', 'a'],
        ['所属领域', '☑工业制造'],
        ['是否已用于AI训练', v],
      ])!.table.rows[0][col];
    expect(read('☑是（请注明模型类型/项目名称：_____） □否')).toBe('');
    expect(read('□是（请注明模型类型/项目名称：_____） ☑否')).toBe('无');
    expect(read('☑是（请注明模型类型/项目名称：矿山大模型） □否')).toBe('矿山大模型');
  });
  test('the template’s help text left in a value cell is not a value', () => {
    const col = (k: string) => sx.columns.findIndex((c) => c.key === k);
    const f = parseForm(sx, [
      ['数据集名称', '填写数据集完整、规范的名称，如“高速公路视频车流检测数据集”。'],
      ['所属领域', '☑工业制造'],
      ['数据规模与模态', '规模：如“100TB”、“500 万条记录”等。 模态：☑文本'],
      ['建设/牵头单位', '填写单位全称'],
    ])!;
    expect(f.table.rows[0][col('name')]).toBe('');
    expect(f.table.rows[0][col('scale')]).toBe('');
    expect(f.table.rows[0][col('modality')]).toBe('文本');
    expect(f.table.rows[0][col('builder')]).toBe('填写单位全称'); // no example in it: kept, a person reads it
  });

  test('label and value in one cell (「单位名称：…」) are read, and the cell is where the value is', () => {
    const qh = getProfile('qinghai')!;
    const col = (k: string) => qh.columns.findIndex((c) => c.key === k);
    const f = parseForm(qh, [
      ['单位名称：青海牧业科技有限公司', '负责人及联系方式：张三 13800000000'],
      ['数据集名称', '牦牛数据集', '数据集规模（单位：TB）', '2'],
      ['所属行业领域', '☑现代农业'],
    ])!;
    expect(f.table.rows[0][col('applicant')]).toBe('青海牧业科技有限公司');
    expect(f.table.rows[0][col('contact')]).toBe('张三 13800000000');
    expect(f.cells[0][col('contact')]).toEqual({ row: 0, col: 1 });
    expect(f.table.rows[0][col('name')]).toBe('牦牛数据集');
  });

  test('a label merged over two rows: its two value rows are one answer', () => {
    const sh = getProfile('shanghai')!;
    const rows = [
      ['项目名称', 'p'],
      ['申报单位名称', 'u'],
      ['申报方向', '□方向1：行业领域高质量数据集建设'],
      ['申报方向', '☑方向2：高质量数据集工具链平台建设'],
    ];
    const f = parseForm(sh, rows)!;
    const col = sh.columns.findIndex((c) => c.key === 'direction');
    expect(f.table.rows).toHaveLength(1);
    expect(f.table.rows[0][col]).toBe('方向2：高质量数据集工具链平台建设');
    expect(f.cells[0][col]).toEqual({ row: 3, col: 1 });
  });
});
