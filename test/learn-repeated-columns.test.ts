/** A column name or concept that appears twice in a learned header: each column keeps its kind, and
 *  the review says what was seen without calling a one-row header two-level. */
import { learnTemplate, type TemplateDoc } from '../src/core/learn';

const doc = (header: string[]): TemplateDoc => ({
  file: 't.xlsx',
  kind: 'xlsx',
  sheets: [
    {
      name: '汇总表',
      hidden: false,
      rows: [['某市行业高质量数据集汇总表'], header, header.map(() => '')],
      merges: [],
      validations: [],
    },
  ],
});

test('a second scale column (「数据规模」 after 「数据量（TB）」) is still a quantity, keyed scale2', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '数据量（TB）', '数据规模', '申报单位']), { id: 'x' });
  const scale2 = r.profile.columns.find((c) => c.label === '数据规模')!;
  expect(scale2.key).toBe('scale2');
  expect(scale2.type).toBe('quantity');
  expect(scale2.quantity).toEqual({ kind: 'scale' });
  expect(r.profile.columns.find((c) => c.label === '数据量（TB）')!.quantity).toEqual({
    kind: 'size',
    unit: 'TB',
  });
});

test('a second 序号 column (「原序号」) is not made one the tool renumbers', () => {
  const r = learnTemplate(doc(['序号', '原序号', '数据集名称', '申报单位']), { id: 'x' });
  const cols = r.profile.columns;
  expect(cols.filter((c) => c.type === 'seq').map((c) => c.label)).toEqual(['序号']);
});

test('a name repeated in a one-row header: both columns kept, and the review does not call it two-level', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '备注', '申报单位', '备注']), { id: 'x' });
  expect(r.profile.columns.filter((c) => c.label === '备注')).toHaveLength(2);
  const lines = r.inferred.join('\n');
  expect(lines).not.toContain('两层表头');
  expect(lines).toContain('表头中有两列都叫「备注」：两列照样保留，请确认第二列（键「remark2」）是否多余。');
});

describe('a sentence in the header row past a blank column', () => {
  const header = ['序号', '数据集名称', '更新频率', '申报单位', '', '更新频率：每日、每周、每月。'];

  test('is no column; its options go to the column it names, and the review says so', () => {
    const r = learnTemplate(doc(header), { id: 'x' });
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '更新频率', '申报单位']);
    const freq = r.profile.columns.find((c) => c.label === '更新频率')!;
    expect(r.profile.vocabularies[freq.vocab!].items.map((i) => i.label)).toEqual(['每日', '每周', '每月']);
    expect(r.inferred).toContain(
      '表头行右侧的「更新频率：每日、每周、每月。」像说明文字，没有作为列（其中列出的选项仍会用于同名列）：请确认。',
    );
  });

  test('a short label past a blank column is still a column', () => {
    const r = learnTemplate(doc(['序号', '数据集名称', '', '备注']), { id: 'x' });
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '备注']);
  });
});
