/** The table's region: notes and titles are the sheet's own text, template rows are no entries. */
import { findRegion, isNoteRow, clampToTable } from '../src/core/region';
import { validatorFor } from '../src/core/engine';
import { planWorkbook } from '../src/core/plan';
import { getProfile, PROFILES } from '../src/core/profiles';
import type { CellValue } from '../src/core/cell';
import { emptyMergeResult, mergeSheets } from '../src/core/merge';

const empty = emptyMergeResult();

/** The values a fresh 新建汇总表 sheet holds, as Excel hands them over (merged cells once). */
function freshSheet(id: string): CellValue[][] {
  const p = getProfile(id)!;
  const sp = planWorkbook(p, empty, { annotate: false }).sheets[0];
  const rows: CellValue[][] = [];
  for (const c of sp.cells) {
    while (rows.length <= c.r) rows.push([]);
    rows[c.r][c.c] = c.v ?? '';
  }
  return rows.map((r) => Array.from({ length: Math.max(r.length, 1) }, (_, i) => r[i] ?? ''));
}

describe('notes under the table', () => {
  test('武汉: the format footnote has no 「注：」 and is still a note', () => {
    expect(
      isNoteRow(
        ['结构化数据以行/条为单位，非结构化数据需列明数据模态，并以 GB 为单位。'],
        getProfile('wuhan'),
      ),
    ).toBe(true);
    expect(isNoteRow(['注：数据量按 1TB=1024GB 换算。'])).toBe(true);
    expect(isNoteRow(['注：', '其它说明'])).toBe(false);
    expect(isNoteRow([1, '数据集', '工业制造'])).toBe(false);
  });

  test.each(PROFILES.filter((p) => p.layout !== 'project').map((p) => p.id))(
    '%s: a fresh summary has no entries, its notes stop the table',
    (id) => {
      const rows = freshSheet(id);
      const v = validatorFor(getProfile(id)!);
      const region = findRegion(v.index, rows)!;
      expect(region).not.toBeNull();
      expect(region.entryRows).toEqual([]);
      // 山西's summary has no notes; 青海 (conversion note) and 武汉 (footnote, conversion note) have.
      if (id !== 'shanxi') {
        expect(region.notesFrom).not.toBeNull();
        expect(region.lastDataRow).toBe(region.notesFrom! - 1);
      }
      const result = v.validate(region.table);
      expect(result.issues.filter((i) => i.row >= 0)).toEqual([]);
    },
  );

  test('rows typed above the notes are entries; the notes and anything below them are not', () => {
    const rows = freshSheet('qinghai');
    const v = validatorFor(getProfile('qinghai')!);
    const before = findRegion(v.index, rows)!;
    rows[before.firstDataRow] = [
      1,
      '数据集',
      '工业制造',
      '文本',
      2048,
      '无',
      '某公司',
      '张三 13800000000',
      '',
    ];
    rows.push([99, '注：以下为另表', '', '', '', '', '', '', '']);
    const after = findRegion(v.index, rows)!;
    expect(after.entryRows).toEqual([before.firstDataRow]);
    expect(after.notesFrom).toBe(before.notesFrom);
  });

  test('a template row holding only 序号 is no entry', () => {
    const rows: CellValue[][] = [
      ['序号', '数据集名称', '行业领域', '数据集模态', '数据集数据量（GB）'],
      [1, '', '', '', ''],
      [2, 'a', '工业制造', '文本', 5],
    ];
    const region = findRegion(validatorFor(getProfile('qinghai')!).index, rows)!;
    expect(region.entryRows).toEqual([2]);
  });

  test('writes are clamped to the table', () => {
    expect(clampToTable({ firstDataRow: 4, lastDataRow: 13, notesFrom: 14 }, 0, 5000)).toEqual([4, 13]);
    expect(clampToTable({ firstDataRow: 4, lastDataRow: 13, notesFrom: 14 }, 14, 14)).toBeNull();
  });
});

test('importing a fresh 武汉 sheet adds no entry for its footnote', () => {
  const merged = mergeSheets(
    getProfile('wuhan')!,
    [{ file: '本工作簿', sheet: '汇总表', rows: freshSheet('wuhan') }],
    { tb: 1024 },
  );
  expect(merged.rowsWritten).toBe(0);
});

describe('the table runs to its last row', () => {
  const index = validatorFor(getProfile('qinghai')!).index;
  const header = ['序号', '数据集名称', '数据集数据量（GB）', '申报单位'];

  test('blank rows after the last entry stay in the table when no note follows (a repaint clears their marks)', () => {
    const r = findRegion(index, [header, [1, '甲', 5, '某单位'], ['', '', '', ''], [3, '', '', '']])!;
    expect(r.entryRows).toEqual([1]);
    expect(r.lastDataRow).toBe(3);
    expect(r.notesFrom).toBeNull();
  });

  test('a note ends the table on the row before it', () => {
    const r = findRegion(index, [
      header,
      [1, '甲', 5, '某单位'],
      ['', '', '', ''],
      ['注：数据量以 GB 计。'],
    ])!;
    expect(r.lastDataRow).toBe(2);
    expect(r.notesFrom).toBe(3);
  });
});
