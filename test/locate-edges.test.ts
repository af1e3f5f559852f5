/**
 * Locating the table on a received sheet: title lines above the header and every kind of note
 * below it are left out with their reason (never dropped unsaid), a units line and a two-level
 * header are folded into one header, and a sheet with no header says what it saw.
 */
import { HeaderIndex, mapHeader } from '../src/core/header';
import { locate } from '../src/core/locate';
import { getProfile, PROFILES } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const wh = getProfile('wuhan')!;
const indexOf = (p: typeof qh) =>
  new HeaderIndex(
    p,
    PROFILES.filter((x) => x.id !== p.id),
  );
const QH = indexOf(qh);
const H = qh.columns.map((c) => c.label);
const ROW = [1, '牦牛数据集', '现代农业', '文本', 2048, '无', '青海某公司', '张三 13800000000', ''];
const table = (rows: unknown[][], index = QH) => {
  const r = locate(index, rows as never);
  if (r.kind !== 'table') throw new Error(JSON.stringify(r));
  return r;
};

describe('rows around the table', () => {
  it('leave out titles above and each kind of note below, each with its reason; a row with only a name stays', () => {
    const r = table([
      ['青海省汇总表'],
      ['推荐单位：X'],
      [],
      H,
      ROW,
      ['', '仅名称'],
      ['注：数据量按GB填写'],
      ['续行说明文字'],
      ['1. 第一条说明'],
      ['填表人：', '审核人：', '日期：'],
      [],
      [],
    ]);
    expect(r.headerRow).toBe(3);
    expect(r.sheetRows).toEqual([4, 5]);
    expect(r.table.rows).toEqual([ROW, ['', '仅名称']]);
    expect(r.leftOut).toEqual([
      { row: 0, reason: '表头以上的标题或说明行' },
      { row: 1, reason: '表头以上的标题或说明行' },
      { row: 6, reason: '表尾说明或注释（「注：数据量按GB填写」）' },
      { row: 7, reason: '表尾说明的续行（「续行说明文字」）' },
      { row: 8, reason: '表尾的编号说明（「1. 第一条说明」）' },
      { row: 9, reason: '表尾签署行（「填表人：」…）' },
    ]);
  });

  it('take a numbered sentence as a note even in the name column, but a figure there as a name', () => {
    expect(table([H, ROW, ['', '1. 第一条说明，很长；有分号']]).leftOut).toEqual([
      { row: 2, reason: '表尾的编号说明（「1. 第一条说明，很长；有分号」）' },
    ]);
    expect(table([H, ROW, ['', '1.5万条数据集']]).sheetRows).toEqual([1, 2]);
    expect(table([H, ROW, ['', '2. 第二期']]).sheetRows).toEqual([1, 2]);
  });

  it('take a data row after a note as data again, and two different texts as no note', () => {
    const r = table([H, ROW, ['注：见附件'], [2, '第二个', '现代农业'], ['说明：甲', '乙']]);
    expect(r.sheetRows).toEqual([1, 3, 4]);
    expect(r.leftOut).toEqual([{ row: 2, reason: '表尾说明或注释（「注：见附件」）' }]);
  });

  it('take 武汉’s own footnote, which has no 注 in front, as a note', () => {
    const W = wh.columns.map((c) => c.label);
    const r = table([W, [1, '案例'], [wh.sheet.footnote!]], indexOf(wh));
    expect(r.sheetRows).toEqual([1]);
    expect(r.leftOut.map((x) => x.reason)).toEqual([expect.stringMatching(/^表尾说明或注释（「/)]);
  });
});

describe('the header', () => {
  it('folds a units line in, without writing a unit the header already has twice', () => {
    const units = ['', '', '', '', '（GB）', '', '', '', ''];
    const r = table([H, units, ROW]);
    expect(r.table.header).toEqual(H);
    expect(r.sheetRows).toEqual([2]);
    const tb = table([
      H.map((h) => (h === '数据集数据量（GB）' ? '数据量' : h)),
      units.map((u) => (u ? '（TB）' : u)),
      ROW,
    ]);
    expect(tb.table.header[4]).toBe('数据量（TB）');
    const again = table([
      H.map((h) => (h === '数据集数据量（GB）' ? '数据量（TB）' : h)),
      units.map((u) => (u ? '（TB）' : u)),
      ROW,
    ]);
    expect(again.table.header[4]).toBe('数据量（TB）');
    expect(mapHeader(QH, again.table.header).columns[4]).toMatchObject({ key: 'scale', unit: 'TB' });
  });

  it('reads a two-level header as one, whichever of its rows scores best, titles above left out', () => {
    const W = wh.columns.map((c) => c.label);
    const grouped = (l: string) => l === '结构化数据规模' || l === '非结构化数据规模';
    const top = W.map((l) => (grouped(l) ? '数据规模' : l));
    const bottom = W.map((l) =>
      l === '结构化数据规模' ? '结构化' : l === '非结构化数据规模' ? '非结构化' : '',
    );
    const want = W.map((l) =>
      l === '结构化数据规模' ? '数据规模结构化' : l === '非结构化数据规模' ? '数据规模非结构化' : l,
    );
    const a = table([top, bottom, [1, '案例']], indexOf(wh));
    expect([a.headerRow, a.table.header, a.sheetRows]).toEqual([0, want, [2]]);
    const b = table([['标题'], top, bottom, [1, '案例']], indexOf(wh));
    expect([b.headerRow, b.table.header, b.sheetRows, b.leftOut]).toEqual([
      1,
      want,
      [3],
      [{ row: 0, reason: '表头以上的标题或说明行' }],
    ]);
  });

  it('is looked for further down when the first rows hold none', () => {
    const rows: unknown[][] = Array.from({ length: 40 }, (_, i) => [`说明第${i}行`]);
    const r = table([...rows, H, ROW]);
    expect([r.headerRow, r.sheetRows, r.leftOut.length]).toEqual([40, [41], 40]);
  });
});

describe('no header', () => {
  it('says how many rows were searched and what the first row holds', () => {
    expect(locate(QH, [[], ['说明', ' ', '另一格'], ['a', 'b']])).toEqual({
      kind: 'none',
      reason:
        '找不到表头：前 3 行中没有一行能对应到本表的两列以上，也不像基本信息表。第 2 行是「说明 | 另一格」。请确认格式（--profile）是否选对，或把表头改为通知中的列名。',
    });
    expect(locate(QH, [])).toEqual({
      kind: 'none',
      reason:
        '找不到表头：前 0 行中没有一行能对应到本表的两列以上，也不像基本信息表。请确认格式（--profile）是否选对，或把表头改为通知中的列名。',
    });
  });

  it('needs three columns, or two on a sheet that is no form', () => {
    expect(
      table([
        ['数据集名称', '行业领域'],
        ['牦牛', '现代农业'],
      ]).headerRow,
    ).toBe(0);
  });
});
