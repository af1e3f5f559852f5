/** What hqds check's compact merge (merge-check.ts) must report beyond test/merge-check.test.ts's
 *  mixed inputs, each written against a mutant that survived it (TESTING.md): a sheet with more
 *  issues and entries than one storage block holds, control characters in the issues placed before
 *  the engine's, a Word table's left-out rows and duplicates, a reader's note on a later sheet, a
 *  format without a name column, a contact split over two columns, and a table the engine fails on.
 *  Each case is checked against mergeSheets (asTheyStand) and against the exact text a clerk reads. */
import * as header from '../src/core/header';
import { validatorFor } from '../src/core/engine';
import { checkSheets } from '../src/core/merge-check';
import { mergeSheets, type InputSheet, type MergedIssue } from '../src/core/merge';
import type { Profile } from '../src/core/profile';
import { getProfile } from '../src/core/profiles';
import { hasXmlForbidden } from '../src/core/text';

const qh = getProfile('qinghai')!;
const HEADER = [
  '序号',
  '数据集名称',
  '行业领域',
  '数据集模态',
  '数据集数据量（GB）',
  '已服务支撑人工智能大模型名称',
  '申报单位名称',
  '申报单位联系人及联系方式',
  '备注',
];
/** A qinghai row with one thing to say: 「医疗卫生」 is written 「医疗健康」 in this format. */
const row = (seq: number, name: string, owner = '单位A') => [
  String(seq),
  name,
  '医疗卫生',
  '文本',
  '2',
  '无',
  owner,
  '李四 13800000000',
  '',
];

/** The check's result and mergeSheets's, side by side. */
function both(p: Profile, sheets: InputSheet[]) {
  const full = mergeSheets(p, sheets, { asTheyStand: true });
  const check = checkSheets(p, sheets);
  return { full, check, issues: [...check.issues] };
}

/** Everything the check reports equals what mergeSheets reports. */
function expectSame({ full, check, issues }: ReturnType<typeof both>) {
  expect(issues).toStrictEqual(full.issues);
  expect(check.issues.errors).toBe(full.issues.filter((i) => i.severity === 'error').length);
  expect(check.leftOut).toStrictEqual(full.leftOut);
  expect(check.inputs).toStrictEqual(full.inputs);
  expect([check.rowsRead, check.rowsWritten]).toEqual([full.rowsRead, full.rowsWritten]);
}

const word = (rows: (string | null)[][]): InputSheet => ({
  file: 'w.docx',
  sheet: 'Word 表格',
  rows,
  origins: rows.map((r, i) => r.map((_, j) => ({ table: 1, row: i + 1, cell: j + 1 }))),
});

test('a sheet of 8,300 entries (more than a storage block of 8,192): every issue at its row and entry', () => {
  const n = 8300;
  const rows = [HEADER, ...Array.from({ length: n }, (_, k) => row(k + 1, `数据集${k}`))];
  // The last row repeats the first: its twin is found across the blocks.
  rows.push(row(n + 1, '数据集0'));
  const r = both(qh, [{ file: 'big.xlsx', sheet: '汇总表', rows }]);
  expectSame(r);
  expect(r.check.rowsWritten).toBe(n + 1);
  const normalised = r.issues.filter((i) => i.code === 'value-normalised');
  expect(normalised).toHaveLength(n + 1);
  // The 8,200th entry's issue: sheet row 8,201 (header at row 1), its own entry, column C.
  expect(normalised[8199]).toMatchObject({
    row: 8199,
    entry: 8199,
    message: '「医疗卫生」是其他地区或其他写法的同一类别，本表写作「医疗健康」。',
    source: { file: 'big.xlsx', sheet: '汇总表', row: 8201, column: 'C列「行业领域」' },
  });
  const dupes = r.issues.filter((i) => i.code === 'possible-duplicate');
  expect(dupes.map((i) => [i.entry, i.source.row, i.message])).toEqual([
    [
      n,
      n + 2,
      '可能与汇总第 1 条（big.xlsx 汇总表 第 2 行）重复：数据集名称和单位都相同。两条都已保留，请核实后删去多余的一条。',
    ],
    [
      0,
      2,
      `可能与汇总第 ${n + 1} 条（big.xlsx 汇总表 第 ${n + 2} 行）重复：数据集名称和单位都相同。两条都已保留，请核实后删去多余的一条。`,
    ],
  ]);
});

test('control characters in a headerless column, a reader note and a form value are replaced in the report', () => {
  const table: InputSheet = {
    file: 'a.xlsx',
    sheet: '汇总表',
    rows: [
      [...HEADER, ''],
      [...row(1, '甲'), 'x\u0001y'],
    ],
    notes: [{ row: 2, code: 'row-hidden', message: '第 2 行是隐藏行（\u0002）：请确认。' }],
  };
  const form: InputSheet = {
    file: 'f.xlsx',
    sheet: '附件1',
    rows: [
      ['单位名称', '乙'],
      ['统一社会信用代码', '91\u00036'],
      ['负责人及联系方式', '李四 13800000000'],
      ['数据集名称', '丙'],
      ['所属行业领域', '医疗健康'],
      ['数据集模态', '☑文本'],
      ['数据集规模（单位：TB）', '2'],
      ['已服务支撑算法模型', '无'],
    ],
  };
  const r = both(qh, [table, form]);
  expectSame(r);
  // A character XML forbids would make the report's workbook one Excel refuses to open.
  for (const i of r.issues)
    expect(hasXmlForbidden(`${i.message}${i.value ?? ''}${typeof i.fix === 'string' ? i.fix : ''}`)).toBe(
      false,
    );
  expect(r.issues.find((i) => i.code === 'column-no-header')).toMatchObject({
    message:
      '第 J 列没有表头，但有 1 行填了内容（如「x\ufffdy」）：这些内容不会写入汇总表，请补上表头或在映射中指定。',
    entry: null,
    source: { file: 'a.xlsx', sheet: '汇总表', row: 1, column: 'J列' },
  });
  expect(r.issues.find((i) => i.code === 'row-hidden')).toMatchObject({
    message: '第 2 行是隐藏行（\ufffd）：请确认。',
    entry: 0,
  });
  const credit = r.issues.find((i) => i.code.startsWith('credit-code'))!;
  expect(credit.value).toBe('91\ufffd6');
  expect(credit.source).toMatchObject({ file: 'f.xlsx', row: 2, column: 'B列「统一社会信用代码」' });
});

test('a Word table: a total row left out names its table row; a twin in Word is named by its table row', () => {
  const w = word([HEADER, row(1, '甲'), [], ['合计', null, null, null, '2'], row(2, '乙')]);
  const x: InputSheet = { file: 'x.xlsx', sheet: 'S', rows: [HEADER, row(1, '乙')] };
  const r = both(qh, [w, x]);
  expectSame(r);
  expect(r.check.leftOut).toEqual([
    { file: 'w.docx', sheet: 'Word 表格', row: 3, reason: '空行' },
    { file: 'w.docx', sheet: 'Word 表格', row: 4, reason: '表1 第4行：合计行' },
  ]);
  const dupes = r.issues.filter((i) => i.code === 'possible-duplicate');
  expect(dupes.map((i) => [i.entry, i.message])).toEqual([
    [
      2,
      '可能与汇总第 2 条（w.docx Word 表格 表1 第5行）重复：数据集名称和单位都相同。两条都已保留，请核实后删去多余的一条。',
    ],
    [
      1,
      '可能与汇总第 3 条（x.xlsx S 第 2 行）重复：数据集名称和单位都相同。两条都已保留，请核实后删去多余的一条。',
    ],
  ]);
  expect(dupes[1].source).toMatchObject({ file: 'w.docx', row: null, column: '表1 第5行' });
});

test("a reader's note on a later sheet points at that sheet's own entry", () => {
  const a: InputSheet = { file: 'a.xlsx', sheet: '汇总表', rows: [HEADER, row(1, '甲'), row(2, '乙')] };
  const b: InputSheet = {
    file: 'b.xlsx',
    sheet: '汇总表',
    rows: [HEADER, row(1, '丙'), row(2, '丁'), row(3, '戊')],
    notes: [{ row: 4, code: 'row-hidden', message: '第 4 行是隐藏行：请确认。' }],
  };
  const r = both(qh, [a, b]);
  expectSame(r);
  // a.xlsx holds entries 0 and 1; b.xlsx's sheet row 4 is its third entry, 戊: entry 4.
  expect(r.issues.find((i) => i.code === 'row-hidden')).toMatchObject({
    entry: 4,
    source: { file: 'b.xlsx', sheet: '汇总表', row: 4, column: null },
  });
});

test('a format without a name column (a learned one) is checked, with no duplicate flagged', () => {
  const noName: Profile = {
    ...qh,
    id: 'qinghai-no-name',
    columns: qh.columns.filter((c) => c.key !== 'name'),
  };
  const rows = [
    HEADER.filter((h) => h !== '数据集名称'),
    ...[1, 2].map((k) => row(k, '').filter((_, j) => j !== 1)),
  ];
  const r = both(noName, [{ file: 'a.xlsx', sheet: '汇总表', rows }]);
  expectSame(r);
  expect(r.check.rowsWritten).toBe(2);
  expect(r.issues.map((i) => i.code)).not.toContain('possible-duplicate');
  expect(r.issues.map((i) => i.code)).toContain('value-normalised');
});

test('rows with no dataset name are never flagged as duplicates of each other, only as missing the name', () => {
  const rows = [HEADER, row(1, ''), row(2, ''), row(3, '甲')];
  const r = both(qh, [{ file: 'a.xlsx', sheet: '汇总表', rows }]);
  expectSame(r);
  expect(r.issues.map((i) => i.code)).not.toContain('possible-duplicate');
  expect(
    r.issues.filter((i) => i.code === 'required' && i.field === '数据集名称').map((i) => i.entry),
  ).toEqual([0, 1]);
});

test('a contact split over 联系人 and 联系电话 is checked as one, with no change recorded for a blank pair', () => {
  const split = [...HEADER.filter((h) => h !== '申报单位联系人及联系方式'), '联系人', '联系电话'];
  const line = (seq: number, name: string, who: string, phone: string) => [
    ...row(seq, name).filter((_, j) => j !== 7),
    who,
    phone,
  ];
  const rows = [split, line(1, '甲', '李四', '13800000000'), line(2, '乙', '', '')];
  const r = both(qh, [{ file: 'a.xlsx', sheet: '汇总表', rows }]);
  expectSame(r);
  expect(r.issues.map((i) => i.code)).not.toContain('internal');
  // Only the row with a contact records the join; the blank pair is a missing value, not a change.
  expect(r.full.changes.filter((c) => c.reason === '联系人与联系方式分列，已合并')).toMatchObject([
    { row: 0, from: '李四 | 13800000000', field: '申报单位联系人及联系方式' },
  ]);
  expect(r.issues.find((i) => i.code === 'required' && i.entry === 1)).toMatchObject({
    field: '申报单位联系人及联系方式',
  });
});

test('a table the engine fails on is reported as an internal error, and the next sheet is still checked', () => {
  const a: InputSheet = { file: 'a.xlsx', sheet: '汇总表', rows: [HEADER, row(1, '甲')] };
  const b: InputSheet = { file: 'b.xlsx', sheet: '汇总表', rows: [HEADER, row(1, '乙')] };
  const real = header.mapHeader;
  const spy = jest.spyOn(header, 'mapHeader').mockImplementationOnce(() => {
    throw new Error('坏表头');
  });
  let r: ReturnType<typeof both>;
  try {
    const check = checkSheets(qh, [a, b]);
    spy.mockImplementationOnce(() => {
      throw new Error('坏表头');
    });
    const full = mergeSheets(qh, [a, b], { asTheyStand: true });
    r = { full, check, issues: [...check.issues] };
  } finally {
    spy.mockRestore();
  }
  expect(header.mapHeader).toBe(real);
  expectSame(r);
  const internal: Partial<MergedIssue> = {
    severity: 'error',
    code: 'internal',
    message: '检查中断（Error: 坏表头）：请把此表反馈给维护人员。',
    row: -1,
    col: null,
    field: null,
    entry: null,
    source: { file: 'a.xlsx', sheet: '汇总表', row: 1, column: null },
  };
  expect(r.issues[0]).toEqual(internal);
  // The failed sheet maps no column; the next sheet is checked in full.
  expect(r.check.inputs.map((i) => i.mapping.length)).toEqual([0, 9]);
  expect(r.check.rowsWritten).toBe(1);
  expect(r.issues.filter((i) => i.code === 'value-normalised').map((i) => i.source.file)).toEqual(['b.xlsx']);
});

test('validate on a table the engine fails on: the mapping is empty, not half made', () => {
  const spy = jest.spyOn(header, 'mapHeader').mockImplementationOnce(() => {
    throw new Error('坏表头');
  });
  try {
    const r = validatorFor(qh, 1024).validate({ header: HEADER, rows: [row(1, '甲')] });
    expect(r.mapping).toStrictEqual({ columns: [], missing: [] });
    expect(r.entries).toEqual([]);
    expect(r.issues.map((i) => i.message)).toEqual(['检查中断（Error: 坏表头）：请把此表反馈给维护人员。']);
  } finally {
    spy.mockRestore();
  }
});

test('the issue codes are mapped when the module is first loaded inside a check', () => {
  // CODE_INDEX is built when merge-check.ts loads: loaded afresh here, a wrong table would give
  // every issue the catalogue's first code.
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fresh = require('../src/core/merge-check') as typeof import('../src/core/merge-check');
    const sheet: InputSheet = {
      file: 'a.xlsx',
      sheet: '汇总表',
      rows: [HEADER, row(1, '甲'), ['x', '', '', '', '约3']],
    };
    const codes = [...fresh.checkSheets(qh, [sheet]).issues].map((i) => i.code);
    expect(codes).toEqual(mergeSheets(qh, [sheet], { asTheyStand: true }).issues.map((i) => i.code));
    expect(new Set(codes).size).toBeGreaterThan(2);
  });
});
