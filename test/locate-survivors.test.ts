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

// First in the file on purpose: the list of formats' own footnotes is built on the first note
// looked at, so this is the test that builds it (and would notice it built empty).
test("武汉's own footnote (no 注 before it) right under the table is a note, not a dataset", () => {
  const footnote = getProfile('wuhan')!.sheet.footnote!;
  const r = table([W, [1, '案例'], [footnote]], WH);
  expect(r.sheetRows).toEqual([1]);
  expect(r.leftOut).toEqual([{ row: 2, reason: `表尾说明或注释（「${footnote}」）` }]);
});

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

describe('more of the two-level header', () => {
  test('a lower row shorter than the upper (a reader drops trailing blanks): every column of the upper row is kept', () => {
    const top = W.map((l) => (l === '结构化数据规模' || l === '非结构化数据规模' ? '数据规模' : l));
    const lower = ['', '', '', '', '', '结构化', '非结构化'];
    const r = table([top, lower, [1, '案例']], WH);
    expect(r.table.header).toHaveLength(W.length);
    expect(r.table.header.slice(5)).toEqual(['数据规模结构化', '数据规模非结构化', ...W.slice(7)]);
  });

  test('two groups side by side as Office.js gives them: the second heading starts its own group', () => {
    const top = W.map((l, c) => (c === 3 ? '基本信息' : c === 4 || c === 6 ? '' : c === 5 ? '数据规模' : l));
    const lower = W.map((l, c) => (c === 5 ? '结构化' : c === 6 ? '非结构化' : c === 3 || c === 4 ? l : ''));
    const r = table([top, lower, [1, '案例']], WH);
    expect(r.table.header.slice(0, 8)).toEqual([
      ...W.slice(0, 5),
      '数据规模结构化',
      '数据规模非结构化',
      W[7],
    ]);
    expect([r.headerRow, r.bodyRow, r.labelRows.slice(0, 8)]).toEqual([0, 2, [0, 0, 0, 1, 1, 1, 1, 0]]);
  });

  test('a sub-label known exactly stays bare when group and sub-label together are only alike; an unknown one stays as printed', () => {
    const top = ['数据集', '数据集', '其他', '其他'];
    const lower = ['数据集名称', '行业领域', '甲', '乙'];
    const r = table([top, lower, ['牦牛', '现代农业', 'x', 'y']]);
    expect(r.table.header).toEqual(['数据集名称', '行业领域', '甲', '乙']);
  });

  test('a header whose upper row has two texts only (every column grouped) is still a two-level header', () => {
    const top = ['数据集', '数据集', '申报单位', '申报单位'];
    const lower = ['数据集名称', '行业领域', '申报单位名称', '联系方式'];
    const r = table([top, lower, ['牦牛', '现代农业', '某公司', '张三 13800000000']]);
    expect([r.headerRow, r.bodyRow]).toEqual([0, 2]);
    expect(r.table.header.slice(0, 3)).toEqual(['数据集名称', '行业领域', '申报单位名称']);
  });

  test('a first column labelled in the lower row only (Office.js: nothing above it) keeps its label', () => {
    const top = ['', '数据集', '', '数据规模', '', '备注'];
    const lower = ['序号', '数据集名称', '行业领域', '结构化', '非结构化', ''];
    const r = table([top, lower, [1, '牦牛', '现代农业', '100', '2', '']]);
    expect([r.headerRow, r.bodyRow]).toEqual([0, 2]);
    expect(r.table.header[0]).toBe('序号');
    expect(r.labelRows).toEqual([1, 1, 1, 1, 1, 0]);
  });

  test('a blank row under the header is neither a second header row nor a units line: it is the first table row', () => {
    const r = table([H, [], ROW]);
    expect(r.table.header).toEqual(H);
    expect([r.bodyRow, r.sheetRows]).toEqual([1, [1, 2]]);
  });
});

describe('more of the units line', () => {
  test('「（GB）」 beside a word is a data row; 「GB以上」 is no unit', () => {
    expect(table([H, ['', '', '', '', '（GB）', '', '', '', '见说明'], ROW]).sheetRows).toEqual([1, 2]);
    const h = H.map((x) => (x === '数据集数据量（GB）' ? '数据量' : x));
    expect(table([h, ['', '', '', '', 'GB以上'], ROW]).sheetRows).toEqual([1, 2]);
  });
  test('a unit the header reader does not split off (「个」) is still folded in', () => {
    const h = H.map((x) => (x === '备注' ? '样本' : x));
    expect(table([h, ['', '', '', '', '', '', '', '', '个'], ROW]).table.header[8]).toBe('样本个');
  });
});

describe('more of the notes below the table', () => {
  test('a blank row inside a note does not end it', () => {
    const r = table([H, ROW, ['注：x'], [], ['续']]);
    expect(r.sheetRows).toEqual([1, 3]);
    expect(r.leftOut.map((x) => x.row)).toEqual([2, 4]);
  });
  test('the line after a signature line or a numbered note continues it', () => {
    const a = table([H, ROW, ['填表人：', '审核人：'], ['（盖章）']]);
    expect(a.leftOut.map((x) => [x.row, x.reason])).toEqual([
      [2, '表尾签署行（「填表人：」…）'],
      [3, '表尾说明的续行（「（盖章）」）'],
    ]);
    const b = table([H, ROW, ['1. 第一条'], ['接着说']]);
    expect(b.leftOut.map((x) => x.row)).toEqual([2, 3]);
  });
  test('a numbered note merged from the name column across the row is a note', () => {
    const r = table([H, ROW, ['', '2. 第二期', '2. 第二期', '2. 第二期']]);
    expect(r.sheetRows).toEqual([1]);
  });
  test('in the name column: two commas apart make a sentence, one comma or 40 characters do not', () => {
    const forty = `6. ${'甲'.repeat(37)}`;
    expect(forty).toHaveLength(40);
    const r = table([H, ROW, ['', '3. 甲，乙乙，丙'], ['', '5. 甲，乙'], ['', forty]]);
    expect(r.sheetRows).toEqual([1, 3, 4]);
  });
});

describe('a 附件1 form and a sheet with no header', () => {
  test('a form whose label row maps two columns is read as the form, not as a two-column table', () => {
    const rows = [
      ['青海省行业高质量数据集基本信息表'],
      ['单位名称', '青海某公司'],
      ['负责人及联系方式', '张三 13800000000'],
      ['数据集名称', '牦牛数据集', '数据集模态', '☑文本 □图片'],
      ['数据集规模（单位：TB）', '2'],
      ['所属行业领域', '☑现代农业'],
    ];
    const r = locate(QH, rows);
    expect(r.kind).toBe('form');
    if (r.kind === 'form') expect(r.sheetRows).toEqual([3]);
  });
  test('when the first row has content, the reason quotes row 1', () => {
    const r = locate(QH, [['会议纪要', '第二格'], ['一、……']]);
    expect(r).toEqual({
      kind: 'none',
      reason:
        '找不到表头：前 2 行中没有一行能对应到本表的两列以上，也不像基本信息表。第 1 行是「会议纪要 | 第二格」。请确认格式（--profile）是否选对，或把表头改为通知中的列名。',
    });
  });
});
