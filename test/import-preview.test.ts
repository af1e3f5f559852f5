/** The import review before 确认导入: the mapping proposed for each received sheet, each unknown value
 *  listed once (a choice made stays listed), every row and sheet not imported named with its place,
 *  and possible duplicates grouped. */
import { duplicateGroups, previewImport, workbookInputs, inputKey } from '../src/core/import';
import { getProfile } from '../src/core/profiles';
import { shanghaiProjectRow } from './helpers/messy';

const qh = getProfile('qinghai')!;
const H = [
  '序号',
  '数据集名称',
  '行业领域',
  '数据集模态',
  '数据量(GB)',
  '已服务支撑人工智能大模型名称',
  '申报单位名称',
  '联系人及联系方式',
];
const row = (n: number, name: string, domain = '通用', applicant = 'u') => [
  n,
  name,
  domain,
  '文本',
  5,
  '无',
  applicant,
  '张三 13800000000',
];
const received = () =>
  workbookInputs('来件.xlsx', {
    sheets: [
      {
        name: 'S',
        rows: [
          H,
          row(1, '甲', '火星'),
          [],
          [],
          row(2, '乙', '草业'),
          row(3, '甲'),
          row(4, '乙 ', '通用', 'v'),
          row(5, ' 甲'),
        ],
      },
      { name: '说明', rows: [['说明文字']] },
    ],
    notes: [
      { sheet: 'S', row: null, code: 'col-hidden', message: '有隐藏列' },
      { sheet: '另一张', row: 3, code: 'row-hidden', message: '别处的说明' },
    ],
  });

test('each sheet becomes an input with only its own notes', () => {
  const inputs = received();
  expect(inputs.map((s) => [s.file, s.sheet, s.rows.length])).toEqual([
    ['来件.xlsx', 'S', 8],
    ['来件.xlsx', '说明', 1],
  ]);
  expect(inputs[0].notes).toEqual([{ sheet: 'S', row: null, code: 'col-hidden', message: '有隐藏列' }]);
  expect('notes' in inputs[1]).toBe(false);
  expect('origins' in inputs[0]).toBe(false);
  const origins = [[{ table: 1, row: 1, cell: 1 }]];
  expect(workbookInputs('a.docx', { sheets: [{ name: '表1', rows: [], origins }] })[0].origins).toBe(origins);
});

test('the proposed mapping and the received headers, for each sheet that has a table', () => {
  const p = previewImport(qh, received(), 1024);
  const k = inputKey({ file: '来件.xlsx', sheet: 'S' });
  expect(Object.keys(p.mappings)).toEqual([k]);
  expect(p.mappings[k]).toEqual({
    0: 'seq',
    1: 'name',
    2: 'domain',
    3: 'modality',
    4: 'scale',
    5: 'models',
    6: 'applicant',
    7: 'contact',
  });
  expect(p.headers[k]).toEqual(H);
});

test('a mapping the clerk chose is used as chosen', () => {
  const k = inputKey({ file: '来件.xlsx', sheet: 'S' });
  const chosen = {
    0: 'seq',
    1: 'name',
    2: null,
    3: 'modality',
    4: 'scale',
    5: 'models',
    6: 'applicant',
    7: 'contact',
  };
  const p = previewImport(qh, received(), 1024, { mappings: { [k]: chosen } });
  expect(p.mappings[k]).toBe(chosen);
  expect(p.unknowns).toEqual([]);
});

test('unknown values are listed once each; a value already given a choice stays listed first', () => {
  expect(previewImport(qh, received(), 1024).unknowns).toEqual([
    { field: '行业领域', key: 'domain', value: '火星' },
    { field: '行业领域', key: 'domain', value: '草业' },
  ]);
  const p = previewImport(qh, received(), 1024, {
    valueMap: { domain: { 草业: '现代农业' }, nokey: { a: 'b' } },
  });
  expect(p.unknowns).toEqual([
    { field: '行业领域', key: 'domain', value: '草业' },
    { field: '行业领域', key: 'domain', value: '火星' },
  ]);
  expect(p.merged.entries[1].entry.cells[2]).toBe('现代农业');
});

test('rows and sheets not imported are named with their place; a blank run as 「第 3–4 行」', () => {
  const p = previewImport(qh, received(), 1024);
  expect(p.leftOut).toEqual([{ where: '来件.xlsx「S」 第 3–4 行', text: '空行' }]);
  expect(p.rowsLeftOut).toBe(2);
  expect(p.skippedSheets).toHaveLength(1);
  expect(p.skippedSheets[0].where).toBe('来件.xlsx「说明」');
  expect(p.skippedSheets[0].text).toMatch(/^整张工作表不导入：找不到表头/);
  expect(p.skippedSheets[0].text).toContain('请确认格式（「汇总」页）是否选对');
  expect(p.notes).toEqual([{ where: '来件.xlsx「S」', text: '有隐藏列' }]);
});

test('a single left-out row is named by its row alone', () => {
  const p = previewImport(
    qh,
    [{ file: '来件.xlsx', sheet: 'S', rows: [H, row(1, '甲'), [], row(2, '乙')] }],
    1024,
  );
  expect(p.leftOut).toEqual([{ where: '来件.xlsx「S」 第 3 行', text: '空行' }]);
});

test('possible duplicates grouped by name and applicant, spaces aside, each group once', () => {
  const p = previewImport(qh, received(), 1024);
  // 甲 (entries 0, 2, 4) by u; 乙 by u (1) and 「乙 」 by v (3) are not the same dataset.
  expect(duplicateGroups(qh, p.merged)).toEqual([[0, 2, 4]]);
});

test('a format without a name column has no duplicate groups', () => {
  const p = previewImport(qh, received(), 1024);
  const noName = { ...qh, columns: qh.columns.filter((c) => c.key !== 'name') };
  expect(duplicateGroups(noName, p.merged)).toEqual([]);
});

test('an ambiguous value is listed to decide; an unreadable size or a bad contact is not a value to map', () => {
  const rows = [
    H,
    [1, '甲', '通用', '多模态', 5, '无', 'u', '张三 13800000000'],
    [2, '乙', '通用', '文本', '很多', '无', 'u', '李四'],
  ];
  const p = previewImport(qh, [{ file: 'f', sheet: 's', rows }], 1024);
  expect(p.merged.issues.map((i) => i.code)).toEqual(
    expect.arrayContaining(['quantity-unreadable', 'contact-incomplete']),
  );
  expect(p.unknowns).toEqual([{ field: '数据集模态', key: 'modality', value: '多模态' }]);
});

test('every choice made stays listed, each under its own value', () => {
  const p = previewImport(qh, received(), 1024, { valueMap: { domain: { 草业: '现代农业', 火星: '通用' } } });
  expect(p.unknowns).toEqual([
    { field: '行业领域', key: 'domain', value: '草业' },
    { field: '行业领域', key: 'domain', value: '火星' },
  ]);
});

test('two datasets each sent twice make two groups; the same name from another applicant is not a copy', () => {
  const rows = [
    H,
    row(1, '甲'),
    row(2, '乙'),
    row(3, '甲'),
    row(4, '乙'),
    row(5, '甲', '通用', 'v'),
    row(6, '甲', '通用', 'v'),
  ];
  const p = previewImport(qh, [{ file: 'f', sheet: 's', rows }], 1024);
  expect(duplicateGroups(qh, p.merged)).toEqual([
    [0, 2],
    [1, 3],
    [4, 5],
  ]);
});

test('山西 groups by 建设/牵头单位', () => {
  const sx = getProfile('shanxi')!;
  const header = sx.columns.map((c) => c.label);
  const r = (n: number, builder: string) => [
    n,
    '矿山数据集',
    '工业制造',
    builder,
    '100TB',
    '文本',
    '无',
    '场景',
    '张三 13800000000',
    '',
  ];
  const p = previewImport(
    sx,
    [{ file: 'f', sheet: 's', rows: [header, r(1, '甲'), r(2, '乙'), r(3, '甲'), r(4, '乙')] }],
    1024,
  );
  expect(duplicateGroups(sx, p.merged)).toEqual([
    [0, 2],
    [1, 3],
  ]);
});

test('an entry still flagged after its copy was dropped is no group', () => {
  const rows = [H, row(1, '甲'), row(2, '甲'), row(3, '乙')];
  const p = previewImport(qh, [{ file: 'f', sheet: 's', rows }], 1024);
  const merged = {
    ...p.merged,
    issues: p.merged.issues.filter((i) => !(i.code === 'possible-duplicate' && i.entry === 1)),
  };
  expect(duplicateGroups(qh, merged)).toEqual([]);
});

test('上海 groups projects by 项目名称 and 申报单位', () => {
  const sh = getProfile('shanghai')!;
  const rows = [sh.columns.map((c) => c.label), shanghaiProjectRow(), shanghaiProjectRow()];
  const p = previewImport(sh, [{ file: 'f', sheet: 's', rows }], 1024);
  expect(duplicateGroups(sh, p.merged)).toEqual([[0, 1]]);
});
