/** Merging received sheets: every row accounted for (written, or left out with its reason), every
 *  entry renumbered and traceable to its file, sheet and row, nothing Excel cannot save. */
import { mergeSheets, placeText, rowsLeftOut, type InputSheet } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

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
const row = (n: number, name: string, domain = '通用') => [
  n,
  name,
  domain,
  '文本',
  5,
  '无',
  'u',
  '张三 13800000000',
];
const first: InputSheet = {
  file: 'a.xlsx',
  sheet: 'S',
  rows: [
    ['说明'],
    H,
    row(7, '甲'),
    [],
    [],
    [],
    row(9, '乙\u0001'),
    ['合计'],
    [null, null, null, null, null, null, null, null, '多的'],
  ],
  notes: [
    { row: 3, code: 'hidden-row', message: '第 3 行是隐藏行' },
    { row: null, code: 'hidden-row', message: '整表有隐藏列' },
  ],
};
const second: InputSheet = { file: 'b.xlsx', sheet: 'T', rows: [H, row(1, '丙'), row(2, '丁')] };
const merged = () =>
  mergeSheets(qh, [
    first,
    second,
    { file: 'c.xlsx', sheet: '空', rows: [[], ['']] },
    { file: 'c.xlsx', sheet: '说明', rows: [['填表说明：请认真填写'], ['一、']] },
  ]);

describe('every row accounted for', () => {
  test('rows read = rows written + rows left out, with a run of blank rows as one range', () => {
    const m = merged();
    expect(m.rowsWritten).toBe(4);
    expect(m.rowsRead).toBe(10);
    expect(rowsLeftOut(m)).toBe(6);
    expect(m.leftOut).toEqual([
      { file: 'a.xlsx', sheet: 'S', row: 1, reason: '表头以上的标题或说明行' },
      { file: 'a.xlsx', sheet: 'S', row: 4, toRow: 6, reason: '空行' },
      { file: 'a.xlsx', sheet: 'S', row: 8, reason: '合计行' },
      { file: 'a.xlsx', sheet: 'S', row: 9, reason: '只有未对应列（第 9 列）有内容，已略过' },
    ]);
  });

  test('a blank sheet and a sheet of instructions are skipped, each with its reason', () => {
    const m = merged();
    expect(m.skipped[0]).toEqual({ file: 'c.xlsx', sheet: '空', reason: '空工作表' });
    expect(m.skipped[1].sheet).toBe('说明');
    expect(m.skipped[1].reason).toMatch(/^找不到表头/);
    expect(m.inputs.map((i) => i.sheet)).toEqual(['S', 'T']);
  });

  test('two blank rows apart are two ranges; a single blank row has no range', () => {
    const m = mergeSheets(qh, [
      { file: 'f', sheet: 's', rows: [H, row(1, '甲'), [], row(2, '乙'), [], [], row(3, '丙')] },
    ]);
    expect(m.leftOut.map((l) => [l.row, l.toRow])).toEqual([
      [3, undefined],
      [5, 6],
    ]);
    expect(rowsLeftOut(m)).toBe(3);
  });

  test('values in a column without a header are reported once for the column, with a sample', () => {
    const m = merged();
    const i = m.issues.find((x) => x.code === 'column-no-header')!;
    expect(i).toMatchObject({
      severity: 'warning',
      entry: null,
      message:
        '第 I 列没有表头，但有 1 行填了内容（如「多的」）：这些内容不会写入汇总表，请补上表头或在映射中指定。',
      source: { file: 'a.xlsx', sheet: 'S', row: 2, column: 'I列' },
    });
  });

  test('a column past the header counts every row that has a value in it', () => {
    const rows = [H, [...row(1, '甲'), null, '一'], [...row(2, '乙'), null, '二'], row(3, '丙')];
    const m = mergeSheets(qh, [{ file: 'f', sheet: 's', rows }]);
    const found = m.issues.filter((x) => x.code === 'column-no-header');
    expect(found.map((x) => x.message)).toEqual([
      '第 J 列没有表头，但有 2 行填了内容（如「一」）：这些内容不会写入汇总表，请补上表头或在映射中指定。',
    ]);
  });
});

describe('renumbered and traceable', () => {
  test('序号 runs 1…n across sheets, and each sheet’s renumbering is one recorded change', () => {
    const m = merged();
    expect(m.entries.map((e) => e.entry.cells[0])).toEqual([1, 2, 3, 4]);
    expect(m.entries.map((e) => [e.source.file, e.source.row])).toEqual([
      ['a.xlsx', 3],
      ['a.xlsx', 7],
      ['b.xlsx', 2],
      ['b.xlsx', 3],
    ]);
    const renumber = m.changes.filter((c) => c.reason === '合并后序号从 1 起连续重排');
    expect(renumber).toEqual([
      {
        row: -1,
        field: '序号',
        from: '原序号',
        to: '1–2',
        reason: '合并后序号从 1 起连续重排',
        entry: null,
        source: { file: 'a.xlsx', sheet: 'S', row: null, column: null },
      },
      expect.objectContaining({ to: '3–4', source: { file: 'b.xlsx', sheet: 'T', row: null, column: null } }),
    ]);
    // The per-row 序号 complaints are replaced by that change.
    expect(m.issues.filter((i) => i.code === 'seq-renumbered')).toEqual([]);
  });

  test('a second sheet numbered right from 1 still records that it was moved on', () => {
    const m = mergeSheets(qh, [{ ...second, file: 'x' }, second]);
    expect(m.changes.filter((c) => c.field === '序号').map((c) => c.to)).toEqual(['3–4']);
  });

  test('checked as they stand, each wrong 序号 is reported and nothing is renumbered', () => {
    const m = mergeSheets(qh, [{ file: 'a.xlsx', sheet: 'S', rows: [H, row(7, '甲'), row(7, '乙')] }], {
      asTheyStand: true,
    });
    expect(m.issues.filter((i) => i.code === 'seq-renumbered').map((i) => [i.entry, i.message])).toEqual([
      [0, '序号应为 1，现为 「7」：请改为 1（生成汇总表时会自动从 1 起重排）。'],
      [1, '序号应为 2，现为 「7」：请改为 2（生成汇总表时会自动从 1 起重排）。'],
    ]);
    expect(m.changes).toEqual([]);
  });

  test('an issue points at its entry and at the received cell by letter and header', () => {
    const m = mergeSheets(qh, [second, { file: 'c.xlsx', sheet: 'U', rows: [H, row(1, '戊', '火星')] }]);
    const i = m.issues.find((x) => x.code === 'value-not-allowed')!;
    expect(i.entry).toBe(2);
    expect(i.source).toEqual({ file: 'c.xlsx', sheet: 'U', row: 2, column: 'C列「行业领域」' });
    expect(placeText(i.source)).toBe('第 2 行 C列「行业领域」');
  });

  test('placeText: row and column, either alone, or nothing', () => {
    const base = { file: 'f', sheet: 's' };
    expect(placeText({ ...base, row: 3, column: 'B列' })).toBe('第 3 行 B列');
    expect(placeText({ ...base, row: 3, column: null })).toBe('第 3 行');
    expect(placeText({ ...base, row: null, column: '表1 第3行 第2列' })).toBe('表1 第3行 第2列');
    expect(placeText({ ...base, row: null, column: null })).toBe('');
  });

  test('the reader’s notes become warnings at the entry of their row, or at the sheet', () => {
    const m = merged();
    const notes = m.issues.filter((i) => i.code === ('hidden-row' as never));
    expect(notes.map((n) => [n.severity, n.message, n.entry, n.source.row])).toEqual([
      ['warning', '第 3 行是隐藏行', 0, 3],
      ['warning', '整表有隐藏列', null, null],
    ]);
  });

  test('each input reports its header row (1-based) and how each received column was mapped', () => {
    const m = merged();
    expect(m.inputs[0]).toMatchObject({ file: 'a.xlsx', sheet: 'S', kind: 'table', headerRow: 2 });
    expect(m.inputs[0].mapping[4]).toEqual({
      column: 'E',
      header: '数据量(GB)',
      target: '数据集数据量（GB）',
      how: 'synonym',
    });
    expect(m.inputs[1].headerRow).toBe(1);
  });
});

describe('what Excel cannot save', () => {
  test('a control character is replaced, the change recorded and the clerk told to check the original', () => {
    const m = merged();
    expect(m.entries[1].entry.cells[1]).toBe('乙\ufffd');
    expect(m.changes.find((c) => c.from === '乙\u0001')).toEqual({
      row: 4,
      field: '数据集名称',
      from: '乙\u0001',
      to: '乙\ufffd',
      reason: '含有 Excel 文件不能保存的控制字符，已替换为「\ufffd」',
      entry: 1,
      source: { file: 'a.xlsx', sheet: 'S', row: 7, column: null },
    });
    expect(m.issues.find((i) => i.code === 'control-char')).toMatchObject({
      severity: 'warning',
      field: '数据集名称',
      entry: 1,
      message: '「数据集名称」含有不可见的控制字符，已替换为「\ufffd」：请核对原文。',
    });
  });

  test('messages and values quoting such a character are cleaned too', () => {
    const m = mergeSheets(qh, [{ file: 'f', sheet: 's', rows: [H, row(1, '甲', '火\u0002星')] }]);
    const i = m.issues.find((x) => x.code === 'value-not-allowed')!;
    expect(i.value).toBe('火\ufffd星');
    expect(i.message).toContain('「火\ufffd星」');
    expect(i.message).not.toContain('\u0002');
  });
});

describe('choices made in the import review', () => {
  test('a value chosen for an unknown value replaces it before the check', () => {
    const rows = [H, row(1, '甲', '火星'), row(2, '乙', ' 火星 ')];
    const m = mergeSheets(qh, [{ file: 'f', sheet: 's', rows }], { valueMap: { domain: { 火星: '通用' } } });
    expect(m.entries.map((e) => e.entry.cells[2])).toEqual(['通用', '通用']);
    expect(m.issues.filter((i) => i.code === 'value-not-allowed')).toEqual([]);
  });

  test('the value map follows the column mapping chosen by the clerk, not the header', () => {
    const rows = [
      [...H.slice(0, 7), '联系人', '领域（旧）'],
      [...row(1, '甲', '通用').slice(0, 8), '火星'],
    ];
    const mappings = { 'f\u0001s': { 2: null, 8: 'domain' } };
    const m = mergeSheets(qh, [{ file: 'f', sheet: 's', rows }], {
      mappings,
      valueMap: { domain: { 火星: '现代农业' } },
    });
    expect(m.entries[0].entry.cells[2]).toBe('现代农业');
  });
});
