/** A merged 附件1 form (sheet or Word table) points every issue and change at the value's own cell,
 *  not at its label, so a note or a report lands where the clerk must look. */
import { mergeSheets } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const rows = [
  ['单位名称', '甲'],
  ['统一社会信用代码', '9163'],
  ['负责人及联系方式', '李四'],
  ['数据集名称', 'a\u0001'],
  ['所属行业领域', '医疗卫生'],
  ['数据集模态', '☑文本'],
  ['数据集规模（单位：TB）', '2'],
  ['已服务支撑算法模型', '/'],
];
const where = (m: ReturnType<typeof mergeSheets>, code: string) =>
  m.issues.find((i) => i.code === code)!.source;

test('a sheet form: issues, form-only checks and changes at the value cell, by letter and field', () => {
  const m = mergeSheets(qh, [{ file: 'f.xlsx', sheet: '附件1', rows }]);
  expect(m.entries[0].source).toEqual({ file: 'f.xlsx', sheet: '附件1', row: 4, column: null });
  expect(where(m, 'contact-incomplete')).toEqual({
    file: 'f.xlsx',
    sheet: '附件1',
    row: 3,
    column: 'B列「申报单位联系人及联系方式」',
    cell: { row: 2, col: 1 },
  });
  expect(where(m, 'credit-code-length')).toEqual({
    file: 'f.xlsx',
    sheet: '附件1',
    row: 2,
    column: 'B列「统一社会信用代码」',
    cell: { row: 1, col: 1 },
  });
  expect(m.issues.find((i) => i.code === 'credit-code-length')!.entry).toBe(0);
  expect(m.changes.find((c) => c.field === '数据集数据量（GB）')).toMatchObject({
    from: '2TB',
    to: 2048,
    entry: 0,
    source: { row: 7, column: 'B列「数据集数据量（GB）」', cell: { row: 6, col: 1 } },
  });
  // One form is one entry: nothing renumbered, nothing recorded for 序号.
  expect(m.changes.filter((c) => c.field === '序号')).toEqual([]);
});

test('a Word form: every place is the table cell, 「表1 第3行 第2列」, the entry is where it begins', () => {
  const origins = rows.map((r, i) => r.map((_, j) => ({ table: 1, row: i + 1, cell: j + 1 })));
  const m = mergeSheets(qh, [{ file: 'f.docx', sheet: '表1', rows, origins }]);
  expect(m.entries[0].source).toEqual({
    file: 'f.docx',
    sheet: '表1',
    row: null,
    column: '表1 第4行',
    origin: { table: 1, row: 4, cell: 1 },
  });
  expect(where(m, 'contact-incomplete')).toEqual({
    file: 'f.docx',
    sheet: '表1',
    row: null,
    column: '表1 第3行 第2列「申报单位联系人及联系方式」',
    cell: { row: 2, col: 1 },
    origin: { table: 1, row: 3, cell: 2 },
  });
  expect(where(m, 'credit-code-length').column).toBe('表1 第2行 第2列「统一社会信用代码」');
  expect(m.changes.find((c) => c.field === '行业领域')!.source.column).toBe('表1 第5行 第2列「行业领域」');
});

test('a required summary column the form never asks for is flagged on each entry when building, not when checking', () => {
  const wh = getProfile('wuhan')!;
  const form = [
    ['单位名称', '武汉甲公司'],
    ['负责人、职务及联系方式', '张三 经理 13800000000'],
    ['数据集案例名称', '案例一'],
    ['数据集名称及类别', '基础数据集'],
    ['数据集案例名称', '案例二'],
    ['数据集名称及类别', '基础数据集'],
  ];
  const built = mergeSheets(wh, [{ file: 'f', sheet: 's', rows: form }]);
  const flagged = built.issues.filter((i) => i.code === 'form-not-carried');
  expect(flagged.map((i) => [i.entry, i.field, i.severity])).toEqual([
    [0, '产生社会经济效益', 'warning'],
    [1, '产生社会经济效益', 'warning'],
  ]);
  expect(flagged[0].row).toBe(built.entries[0].entry.row);
  expect(flagged[0].message).toContain('产生社会经济效益');
  const checked = mergeSheets(wh, [{ file: 'f', sheet: 's', rows: form }], { asTheyStand: true });
  expect(checked.issues.filter((i) => i.code === 'form-not-carried')).toEqual([]);
});
