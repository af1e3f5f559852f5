/** Merging: duplicates flagged and kept, removed only when confirmed; a person's value choices applied. */
import { dropEntries, flagDuplicates } from '../src/core/duplicates';
import { mergeSheets, type InputSheet } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const sh = getProfile('shanghai')!;
const HEADER = qh.columns.map((c) => c.label);
const row = (name: string, applicant: string, domain = '现代农业') => [
  1, name, domain, '文本', 2048, '无', applicant, '张三 13800000000', '',
];
const sheet = (file: string, rows: unknown[][]): InputSheet => ({
  file,
  sheet: 'Sheet1',
  rows: [HEADER, ...rows] as InputSheet['rows'],
});
const dupIssues = (r: ReturnType<typeof mergeSheets>) => r.issues.filter((i) => i.code === 'possible-duplicate');

describe('flagDuplicates', () => {
  it('flags both rows of the same dataset and applicant, across files, and keeps both', () => {
    const r = mergeSheets(qh, [
      sheet('a.xlsx', [row('牦牛数据集', '甲公司'), row('其他数据集', '甲公司')]),
      sheet('b.xlsx', [row('牦牛 数据集', '甲公司')]),
    ]);
    expect(r.entries).toHaveLength(3);
    const dups = dupIssues(r);
    expect(dups.map((i) => [i.entry, i.source.file, i.source.row, i.severity])).toEqual([
      [2, 'b.xlsx', 2, 'warning'],
      [0, 'a.xlsx', 2, 'warning'],
    ]);
    expect(dups[0].message).toBe(
      '可能与汇总第 1 条（a.xlsx Sheet1 第 2 行）重复：数据集名称和单位都相同。两条都已保留，请核实后删去多余的一条。',
    );
    expect(dups[1].message).toContain('汇总第 3 条（b.xlsx Sheet1 第 2 行）');
  });

  it('does not flag the same name from another applicant, or rows without a name', () => {
    const r = mergeSheets(qh, [sheet('a.xlsx', [row('牦牛数据集', '甲公司'), row('牦牛数据集', '乙公司')])]);
    expect(dupIssues(r)).toEqual([]);
    const unnamed = mergeSheets(qh, [sheet('a.xlsx', [row('', '甲公司'), row('', '甲公司')])]);
    expect(dupIssues(unnamed)).toEqual([]);
  });

  it('uses the project name and the applicant where the profile has no dataset name (上海)', () => {
    const header = sh.columns.map((c) => c.label);
    const project = (name: string, applicant: string) => sh.columns.map((c) => (c.key === 'projectName' ? name : c.key === 'applicant' ? applicant : ''));
    const input: InputSheet = {
      file: 's.xlsx',
      sheet: '清单',
      rows: [header, project('数据平台', '上海甲公司'), project('数据平台', '上海乙公司'), project('数据平台', '上海甲公司')],
    };
    const r = mergeSheets(sh, [input]);
    expect(dupIssues(r).map((i) => [i.entry, i.field])).toEqual([
      [2, '项目名称'],
      [0, '项目名称'],
    ]);
    r.issues = [];
    flagDuplicates(sh, r);
    expect(dupIssues(r)).toHaveLength(2);
  });
});

describe('dropEntries', () => {
  it('removes the confirmed entries, renumbers 序号, re-points issues and changes, and accounts for the rows', () => {
    const r = mergeSheets(qh, [
      sheet('a.xlsx', [row('甲', '甲公司'), row('乙', '甲公司', '医疗卫生'), row('甲', '甲公司')]),
      sheet('b.xlsx', [row('丙', '丙公司', '医疗卫生')]),
    ]);
    expect(dupIssues(r)).toHaveLength(2);
    const before = r.rowsRead;
    const changeOfC = r.changes.find((c) => c.entry === 3)!;
    expect(changeOfC.source.file).toBe('b.xlsx');
    dropEntries(qh, r, new Set([0]));
    expect(r.entries.map((e) => [e.entry.get('seq'), e.entry.get('name')])).toEqual([
      [1, '乙'],
      [2, '甲'],
      [3, '丙'],
    ]);
    expect(dupIssues(r)).toEqual([]);
    expect(r.rowsWritten).toBe(3);
    expect(r.leftOut).toContainEqual({ file: 'a.xlsx', sheet: 'Sheet1', row: 2, reason: '确认为重复，已删去' });
    expect(r.rowsWritten + r.leftOut.length).toBe(before);
    // Every issue and change now points at an entry of the same source row.
    for (const x of [...r.issues, ...r.changes]) {
      if (x.entry === null) continue;
      expect(r.entries[x.entry].source).toEqual({ ...x.source, column: null });
    }
    expect(r.changes.filter((c) => c.entry === 2 && c.field === '行业领域')).toHaveLength(1);
  });

  it('flags afresh among what remains', () => {
    const r = mergeSheets(qh, [sheet('a.xlsx', [row('甲', '甲公司'), row('甲', '甲公司'), row('甲', '甲公司')])]);
    dropEntries(qh, r, new Set([0]));
    expect(dupIssues(r).map((i) => i.entry)).toEqual([1, 0]);
  });
});

describe('value map', () => {
  it('replaces a value a person chose, in the mapped column only, before checking', () => {
    const rows = [row('甲', '甲公司', '养牦牛'), row('养牦牛', '乙公司', '现代农业')];
    const plain = mergeSheets(qh, [sheet('a.xlsx', rows)]);
    expect(plain.issues.find((i) => i.entry === 0 && i.field === '行业领域')?.code).toBe('value-not-allowed');
    const mapped = mergeSheets(qh, [sheet('a.xlsx', rows)], { valueMap: { domain: { 养牦牛: '现代农业' } } });
    expect(mapped.entries.map((e) => [e.entry.get('name'), e.entry.get('domain')])).toEqual([
      ['甲', '现代农业'],
      ['养牦牛', '现代农业'],
    ]);
    expect(mapped.issues.filter((i) => i.field === '行业领域')).toEqual([]);
  });

  it('follows a column override and matches the cell trimmed', () => {
    const header = [...HEADER];
    header[2] = '所属方向';
    const input: InputSheet = { file: 'a.xlsx', sheet: 'S', rows: [header, row('甲', '甲公司', ' 养牦牛 ')] };
    const opts = { valueMap: { domain: { 养牦牛: '现代农业' } }, mappings: { 'a.xlsx\u0001S': { 2: 'domain' } } };
    const r = mergeSheets(qh, [input], opts);
    expect(r.entries[0].entry.get('domain')).toBe('现代农业');
  });
});
