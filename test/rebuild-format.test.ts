/** Rebuilding a sheet in another format keeps every field it maps; correct input stays quiet. */
import { mergeSheets } from '../src/core/merge';
import { validateTable } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';
import { splitMulti } from '../src/core/vocab';

const qinghaiSheet = [
  ['青海省行业高质量数据集汇总表'],
  [
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据集数据量（GB）',
    '已服务支撑人工智能大模型名称',
    '申报单位名称',
    '申报单位联系人及联系方式',
  ],
  [
    1,
    '盐湖监测数据集',
    '工业制造',
    '其它（时序数据）',
    1536,
    '无',
    '盐湖股份',
    '张三 13800000000 zs@example.com',
  ],
  [2, '草场数据集', '现代农业', '其它（点云）', 2048, '无', '农牧局', '李四 13900000000 ls@example.com'],
];

describe('青海 → 山西', () => {
  const sx = getProfile('shanxi')!;
  const merged = mergeSheets(sx, [{ file: '青海.xlsx', sheet: '汇总表', rows: qinghaiSheet }], { tb: 1024 });
  const e = merged.entries.map((m) => m.entry.values);

  test('建设单位 comes from 申报单位名称', () => {
    expect(e.map((x) => x.builder)).toEqual(['盐湖股份', '农牧局']);
    expect(merged.issues.filter((i) => i.code === 'missing-column').map((i) => i.field)).not.toContain(
      '建设单位',
    );
  });

  test('GB numbers carry the unit 山西 requires', () => {
    expect(e.map((x) => x.scale)).toEqual(['1536GB', '2048GB']);
  });

  test("the target's own label wins: 时序数据 stays 时序数据; other content stays the other-option", () => {
    expect(e.map((x) => x.modality)).toEqual(['时序数据', '其他（点云）']);
  });

  test('a hint and its fix agree', () => {
    for (const i of merged.issues) {
      if (i.fix === undefined || i.fix === null || typeof i.fix !== 'string') continue;
      expect(i.message).toContain(i.fix);
    }
  });
});

test("青海: 「其它（时序数据）」, the notice's own form, gets no warning", () => {
  const qh = getProfile('qinghai')!;
  const r = validateTable(qh, { header: qinghaiSheet[1], rows: [qinghaiSheet[2]] });
  expect(r.issues.filter((i) => i.field === '数据集模态')).toEqual([]);
  expect(r.entries[0].values.modality).toBe('其它（时序数据）');
});

test("splitting a multi-value cell keeps each value's own characters", () => {
  expect(splitMulti('文本，其它（时序数据）', () => false)).toEqual(['文本', '其它（时序数据）']);
  expect(splitMulti('图片／视频', () => false)).toEqual(['图片', '视频']);
});

test('one message per cell where two rules overlap (赵六 zhao@qh)', () => {
  const qh = getProfile('qinghai')!;
  const r = validateTable(qh, {
    header: qinghaiSheet[1],
    rows: [[1, 'a', '工业制造', '文本', 1, '无', 'u', '赵六 zhao@qh']],
  });
  expect(r.issues.filter((i) => i.field === '申报单位联系人及联系方式').map((i) => i.code)).toEqual([
    'email-invalid',
  ]);
});
