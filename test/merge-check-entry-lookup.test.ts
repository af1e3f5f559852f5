/** hqds check finds each issue's entry from the last one found (merge-check.ts entryOf's hint) and
 *  falls back to a binary search; these inputs reach what the hint skips: a sheet with no entry at
 *  all under its header, issues that jump over clean entries, and a sheet of exactly one storage
 *  block (8,192 entries) with a row below the last entry. Each is checked against mergeSheets
 *  (asTheyStand) and against the entry a clerk is pointed at. Written against the mutants that
 *  survived the 2026-11-26 run over the issue store (TESTING.md). */
import { checkSheets } from '../src/core/merge-check';
import { mergeSheets, type InputSheet } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

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
/** A qinghai row with nothing to say (「医疗健康」 is this format's own word), or with one
 *  normalisation (「医疗卫生」 is another region's word for it). */
const row = (seq: number, name: string, domain = '医疗健康') => [
  String(seq),
  name,
  domain,
  '文本',
  '2',
  '无',
  '单位A',
  '李四 13800000000',
  '',
];
const total = ['合计', null, null, null, '10', null, null, null, null];

function check(sheets: InputSheet[]) {
  const full = mergeSheets(qh, sheets, { asTheyStand: true });
  const res = checkSheets(qh, sheets);
  const issues = [...res.issues];
  expect(issues).toStrictEqual(full.issues);
  return issues;
}

test('a sheet whose only row under the header is a total row: its issue points at no entry', () => {
  const issues = check([
    { file: 'a.xlsx', sheet: '汇总表', rows: [HEADER, row(1, '甲')] },
    { file: 'b.xlsx', sheet: '汇总表', rows: [HEADER, total] },
  ]);
  const totals = issues.filter((i) => i.code === 'total-row');
  expect(totals).toHaveLength(1);
  expect(totals[0]).toMatchObject({ entry: null, source: { file: 'b.xlsx', row: 2 } });
});

test('issues that skip clean entries still point at their own entries', () => {
  // Entries 0…5 of the second file: issues on the 1st, 4th and 6th only; the first file's 3
  // entries come before them in the merge.
  const rows = [
    HEADER,
    row(1, '甲', '医疗卫生'),
    row(2, '乙'),
    row(3, '丙'),
    row(4, '丁', '医疗卫生'),
    row(5, '戊'),
    row(6, '己', '医疗卫生'),
  ];
  const issues = check([
    { file: 'a.xlsx', sheet: '汇总表', rows: [HEADER, row(1, '子'), row(2, '丑'), row(3, '寅')] },
    { file: 'b.xlsx', sheet: '汇总表', rows },
  ]);
  const normalised = issues.filter((i) => i.code === 'value-normalised');
  expect(normalised.map((i) => [i.entry, i.source.file, i.source.row])).toEqual([
    [3, 'b.xlsx', 2],
    [6, 'b.xlsx', 5],
    [8, 'b.xlsx', 7],
  ]);
});

test('a sheet of exactly 8,192 entries (one full storage block) with a total row under them', () => {
  const n = 8192;
  const rows = [HEADER, ...Array.from({ length: n }, (_, k) => row(k + 1, `数据集${k}`)), total];
  const issues = check([{ file: 'big.xlsx', sheet: '汇总表', rows }]);
  const totals = issues.filter((i) => i.code === 'total-row');
  expect(totals).toHaveLength(1);
  expect(totals[0]).toMatchObject({ entry: null, source: { file: 'big.xlsx', row: n + 2 } });
});
