/**
 * locate.ts where its mutation run found tests missing (issue 12, item 7): the two-level header as
 * Office.js gives it (a group heading in its first cell only) and the rows that only look like one,
 * each column's label row, the deeper header scan's thresholds, and the note-continuation rules that
 * decide whether a row below the table is a dataset or part of a note. What a clerk depends on: no
 * dataset is taken for a note, no note for a dataset, and a fix renames the label in its own row.
 */
import { HeaderIndex } from '../src/core/header';
import { locate, type LocatedTable } from '../src/core/locate';
import { getProfile, PROFILES } from '../src/core/profiles';

const indexOf = (id: string) => {
  const p = getProfile(id)!;
  return new HeaderIndex(
    p,
    PROFILES.filter((x) => x.id !== p.id),
  );
};
const QH = indexOf('qinghai');
const WH = indexOf('wuhan');
const H = getProfile('qinghai')!.columns.map((c) => c.label);
const W = getProfile('wuhan')!.columns.map((c) => c.label);
const ROW = [1, '牦牛数据集', '现代农业', '文本', 2048, '无', '青海某公司', '张三 13800000000', ''];
const table = (rows: unknown[][], index = QH): LocatedTable => {
  const r = locate(index, rows as never);
  if (r.kind !== 'table') throw new Error(JSON.stringify(r));
  return r;
};

describe('a two-level header', () => {
  const isGrouped = (l: string) => l === '结构化数据规模' || l === '非结构化数据规模';
  const bottom = W.map((l) =>
    l === '结构化数据规模' ? '结构化' : l === '非结构化数据规模' ? '非结构化' : '',
  );
  const want = W.map((l) => (isGrouped(l) ? `数据规模${l.replace('数据规模', '')}` : l));
  const subColumns = W.map((l) => isGrouped(l));

  test('as Office.js reads it (the group heading in its first cell only): the blank beside it continues the group', () => {
    const top = W.map((l) => (l === '结构化数据规模' ? '数据规模' : l === '非结构化数据规模' ? '' : l));
    const r = table([top, bottom, [1, '案例']], WH);
    expect(r.table.header).toEqual(want);
    expect([r.headerRow, r.bodyRow, r.sheetRows]).toEqual([0, 2, [2]]);
    // The sub-labels are in the lower row, where a fix renaming one writes; the rest in the upper.
    expect(r.labelRows).toEqual(subColumns.map((s) => (s ? 1 : 0)));
  });

  test('as a file reader gives it (labels merged over both rows copied into both): each label in its upper row', () => {
    const top = W.map((l) => (isGrouped(l) ? '数据规模' : l));
    const lower = W.map((l, c) => (isGrouped(l) ? bottom[c] : l));
    const r = table([['标题'], top, lower, [1, '案例']], WH);
    expect(r.table.header).toEqual(want);
    expect([r.headerRow, r.bodyRow]).toEqual([1, 3]);
    expect(r.labelRows).toEqual(subColumns.map((s) => (s ? 2 : 1)));
  });

  test('a line above the header with blanks between its texts is no group row (「推荐单位：（盖章）| … | 年 月 日」)', () => {
    const line = ['推荐单位：（盖章）', '', '', '', '', '', '', '', '年 月 日'];
    const r = table([line, H, ROW]);
    expect(r.table.header).toEqual(H);
    expect([r.headerRow, r.bodyRow, r.labelRows]).toEqual([1, 2, H.map(() => 1)]);
    expect(r.leftOut).toEqual([{ row: 0, reason: '表头以上的标题或说明行' }]);
  });

  test('a title merged across the table (one text in every cell) is no group row', () => {
    const r = table([H.map(() => '青海省汇总表'), H, ROW]);
    expect(r.table.header).toEqual(H);
    expect([r.headerRow, r.bodyRow]).toEqual([1, 2]);
  });

  test('a label under a heading that spans one column only: no group, the row under it is data', () => {
    const top = W.map((l) => (l === '结构化数据规模' ? '数据规模' : l));
    const lower = W.map((l) => (l === '结构化数据规模' ? '结构化' : ''));
    const r = table([top, lower, [1, '案例']], WH);
    expect(r.table.header).toEqual(top);
    expect(r.bodyRow).toBe(1);
  });
});

describe('a units line under the header', () => {
  test('「单位：TB」 and 「(万条)」 are folded into the label above them; 「%」 too', () => {
    const h = H.map((x) => (x === '数据集数据量（GB）' ? '数据量' : x));
    const r = table([h, ['', '', '', '', '单位：TB', '', '', '', '%'], ROW]);
    expect(r.table.header[4]).toBe('数据量单位：TB');
    expect(r.table.header[8]).toBe('备注%');
    expect([r.bodyRow, r.sheetRows]).toEqual([2, [2]]);
    expect(table([h, ['', '', '', '', '(万条)'], ROW]).table.header[4]).toBe('数据量(万条)');
  });
  test('a line with a unit and a word is data, not units', () => {
    const r = table([H, ['', '', '', '', 'GB 以上'], ROW]);
    expect(r.table.header).toEqual(H);
    expect(r.sheetRows).toEqual([1, 2]);
  });
});

describe('where the header is looked for', () => {
  const lines = Array.from({ length: 35 }, (_, i) => [`说明第${i}行`]);
  test('two known labels in the first rows are no clear header: the better one further down is taken', () => {
    const r = table([['数据集名称', '行业领域'], ...lines, H, ROW]);
    expect([r.headerRow, r.sheetRows]).toEqual([36, [37]]);
    expect(r.leftOut).toHaveLength(36);
  });
  test('three known labels in the first rows are a header: the rows further down are not searched', () => {
    const r = table([['数据集名称', '行业领域', '数据集模态'], ...lines, H, ROW]);
    expect(r.headerRow).toBe(0);
    expect(r.table.header).toEqual(['数据集名称', '行业领域', '数据集模态']);
    expect(r.sheetRows).toHaveLength(37);
  });
});

describe('rows below the table: notes, their continuation, and datasets', () => {
  test('every one-text row after a 「注：」 continues it, until a dataset; a name alone stays a dataset', () => {
    const r = table([
      H,
      ROW,
      ['注：x'],
      ['续一'],
      ['续二', '续二'], // a merged continuation line, its text in every cell
      ['', '仅名称'],
      ROW,
      ['孤行'],
    ]);
    expect(r.sheetRows).toEqual([1, 5, 6, 7]);
    expect(r.leftOut).toEqual([
      { row: 2, reason: '表尾说明或注释（「注：x」）' },
      { row: 3, reason: '表尾说明的续行（「续一」）' },
      { row: 4, reason: '表尾说明的续行（「续二」）' },
    ]);
  });

  test('a numbered line in the name column is a note when it reads as a sentence (two commas, or over 40 characters)', () => {
    const long = `4. ${'甲乙丙丁戊己庚辛壬癸'.repeat(4)}`;
    const r = table([H, ROW, ['', '3. 甲，乙，丙'], ['', '5. 甲，乙'], ['', long]]);
    expect(r.sheetRows).toEqual([1, 3]);
    expect(r.leftOut.map((x) => x.row)).toEqual([2, 4]);
    expect(r.leftOut[0].reason).toBe('表尾的编号说明（「3. 甲，乙，丙」）');
  });

  test('a numbered line outside the name column is a note, however short', () => {
    const r = table([H, ROW, ['2. 第二期']]);
    expect(r.sheetRows).toEqual([1]);
    expect(r.leftOut).toEqual([{ row: 2, reason: '表尾的编号说明（「2. 第二期」）' }]);
  });

  test("上海's working list: a project name alone after a note is a project (its name column is projectName)", () => {
    const S = getProfile('shanghai')!.columns.map((c) => c.label);
    const r = table(
      [S, ['甲项目', '某公司', '方向1'], ['注：x'], ['乙项目'], ['其他说明']],
      indexOf('shanghai'),
    );
    expect(r.sheetRows).toEqual([1, 3, 4]);
    expect(r.leftOut).toEqual([{ row: 2, reason: '表尾说明或注释（「注：x」）' }]);
  });

  test('trailing blank rows are not read; a blank row inside the table is kept as a row', () => {
    const r = table([H, ROW, [], ROW, [], ['', null], []]);
    expect(r.sheetRows).toEqual([1, 2, 3]);
    expect(r.leftOut).toEqual([]);
  });
});
