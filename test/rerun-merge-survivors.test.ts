/** What mergeSheets tells a clerk after the check-memory refactor shared its helpers with hqds check:
 *  a sheet with text but no table keeps locate's reason, a sheet checked as it stands keeps its own
 *  序号, and a Word table's places name the table cell. Each test merges inside itself (Stryker's
 *  per-test coverage credits no code run at describe level). */
import { mergeSheets, type InputSheet } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

const qh = () => getProfile('qinghai')!;
const H = [
  '序号',
  '数据集名称',
  '行业领域',
  '数据量(GB)',
  '数据集模态',
  '已服务支撑人工智能大模型名称',
  '申报单位名称',
  '联系人及联系方式',
];
const row = (n: number, name: string, domain = '通用') => [
  n,
  name,
  domain,
  5,
  '文本',
  '无',
  'u',
  '张三 13800000000',
];

test('a sheet with text and blank rows but no table is skipped with locate’s reason, not as empty', () => {
  const m = mergeSheets(qh(), [{ file: 'b.xlsx', sheet: 'X', rows: [['随便写的'], [], ['另一行']] }]);
  expect(m.skipped).toEqual([
    {
      file: 'b.xlsx',
      sheet: 'X',
      reason:
        '找不到表头：前 3 行中没有一行能对应到本表的两列以上，也不像基本信息表。第 1 行是「随便写的」。请确认格式（--profile）是否选对，或把表头改为通知中的列名。',
    },
  ]);
  const blank = mergeSheets(qh(), [{ file: 'b.xlsx', sheet: 'Y', rows: [[], [null, '']] }]);
  expect(blank.skipped).toEqual([{ file: 'b.xlsx', sheet: 'Y', reason: '空工作表' }]);
});

test('checked as it stands, each sheet keeps the engine’s 序号 (not renumbered across sheets) and records no renumbering', () => {
  const sheets: InputSheet[] = [
    { file: 'a.xlsx', sheet: 'S', rows: [H, row(7, '甲'), row(9, '乙')] },
    { file: 'b.xlsx', sheet: 'T', rows: [H, row(1, '丙')] },
  ];
  const kept = mergeSheets(qh(), sheets, { asTheyStand: true });
  expect(kept.entries.map((e) => e.entry.cells[0])).toEqual([1, 2, 1]);
  expect(kept.changes.filter((c) => c.field === '序号')).toEqual([]);
  const built = mergeSheets(qh(), sheets);
  expect(built.entries.map((e) => e.entry.cells[0])).toEqual([1, 2, 3]);
  expect(built.changes.filter((c) => c.field === '序号').length).toBeGreaterThan(0);
});

test('a Word table (not a form): a cell’s issue names the table cell without a label, the entry its first cell', () => {
  const rows = [H, row(1, '甲', '火星')];
  const origins = rows.map((r, i) => r.map((_, j) => ({ table: 2, row: i + 1, cell: j + 1 })));
  const m = mergeSheets(qh(), [{ file: 'w.docx', sheet: '表2', rows, origins }]);
  expect(m.entries[0].source).toEqual({
    file: 'w.docx',
    sheet: '表2',
    row: null,
    column: '表2 第2行',
    origin: { table: 2, row: 2, cell: 1 },
  });
  const domain = m.issues.find((i) => i.code === 'value-not-allowed')!;
  expect(domain.source).toEqual({
    file: 'w.docx',
    sheet: '表2',
    row: null,
    column: '表2 第2行 第3列',
    cell: { row: 1, col: 2 },
    origin: { table: 2, row: 2, cell: 3 },
  });
});

test('a control character inside a value the engine rewrites: the fix, the changed value and its reason are all cleaned', () => {
  const m = mergeSheets(qh(), [{ file: 'a.xlsx', sheet: 'S', rows: [H, row(1, '甲', '其他(火星\u0007)')] }]);
  const issue = m.issues.find((i) => i.code === 'value-normalised')!;
  expect(issue.message).toBe('按通知写作「其它（火星\ufffd）」（本表写「其它」，用全角括号）。');
  expect(issue.value).toBe('其他(火星\ufffd)');
  expect(issue.fix).toBe('其它（火星\ufffd）');
  const change = m.changes.find(
    (c) => c.field === '行业领域' && c.from === '其他(火星\u0007)' && c.to !== '其他(火星\ufffd)',
  )!;
  expect(change.to).toBe('其它（火星\ufffd）');
  // The reason quotes the value and is written to the change log sheet: it must be cleaned too.
  expect(change.reason).toBe('按通知写作「其它（火星\ufffd）」（本表写「其它」，用全角括号）。');
  expect(m.entries[0].entry.cells[2]).toBe('其它（火星\ufffd）');
});
