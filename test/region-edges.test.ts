/**
 * The table's region on a sheet, which every write is clamped to: where the data starts (after a
 * units line), where the notes start, which rows are entries, and which rows a write may touch.
 */
import { HeaderIndex } from '../src/core/header';
import { getProfile, PROFILES } from '../src/core/profiles';
import { clampToTable, findRegion, isNoteRow, isRowNumberHeader, isTemplateRow } from '../src/core/region';

const qh = getProfile('qinghai')!;
const index = new HeaderIndex(
  qh,
  PROFILES.filter((p) => p.id !== qh.id),
);
const H = qh.columns.map((c) => c.label);
const ROW = [1, '牦牛数据集', '现代农业', '文本', 2048, '无', '青海某公司', '张三 13800000000', ''];

describe('isNoteRow', () => {
  it.each([
    [['注：x'], true],
    [['注：x', '注：x'], true], // a merged note hands its text over once per cell
    [['附件2'], true],
    [['注 2 说明'], true],
    [['填表 1：x'], true],
    [['数据量按 1TB=1024GB 换算'], true],
    [['注：x', '别的'], false],
    [['牦牛'], false],
    [[5], false],
    [[], false],
  ])('%j → %s', (row, note) => expect(isNoteRow(row)).toBe(note));

  it('is false for a missing row', () => expect(isNoteRow(undefined)).toBe(false));

  it('knows the profile’s own footnote', () => {
    const wh = getProfile('wuhan')!;
    expect(isNoteRow([` ${wh.sheet.footnote!} `], wh)).toBe(true);
  });
});

describe('findRegion', () => {
  it('runs from below the header to the row before the first note; blank rows are no entries', () => {
    expect(findRegion(index, [['标题'], H, ROW, [2], [], ['注：x'], ['y']])).toEqual({
      headerRow: 1,
      firstDataRow: 2,
      labelRows: H.map(() => 1),
      lastDataRow: 4,
      notesFrom: 5,
      entryRows: [2],
      table: { header: H, rows: [ROW] },
    });
  });

  it('starts the data below a units line', () => {
    const r = findRegion(index, [H, ['', '', '', '', '（TB）'], ROW])!;
    expect([r.headerRow, r.firstDataRow, r.entryRows]).toEqual([0, 2, [2]]);
  });

  it('is empty below a header with no rows yet, and null with no header', () => {
    expect(findRegion(index, [H])).toMatchObject({
      headerRow: 0,
      firstDataRow: 1,
      lastDataRow: 0,
      entryRows: [],
    });
    expect(findRegion(index, [['x']])).toBeNull();
  });
});

describe('clampToTable', () => {
  const region = { firstDataRow: 2, lastDataRow: 5, notesFrom: 6 };
  it('keeps a write inside the data rows, above the notes', () => {
    expect(clampToTable(region, 0, 10)).toEqual([2, 5]);
    expect(clampToTable(region, 5, 5)).toEqual([5, 5]);
    expect(clampToTable(region, 2, 2)).toEqual([2, 2]);
  });
  it('refuses a write wholly in the notes or above the data', () => {
    expect(clampToTable(region, 6, 8)).toBeNull();
    expect(clampToTable(region, 0, 1)).toBeNull();
  });
  it('lets rows below a table without notes be written (rows typed under it)', () => {
    expect(clampToTable({ ...region, notesFrom: null }, 0, 10)).toEqual([2, 10]);
  });
});

describe('row-number headers and template rows', () => {
  it.each([
    ['序号', true],
    ['序 号', true],
    ['序', true],
    ['No.', true],
    ['no', true],
    ['编号', true],
    ['编号x', false],
    ['内部编号', false],
  ])('%s numbers rows: %s', (h, yes) => expect(isRowNumberHeader(h)).toBe(yes));

  it('takes no header as no row-number header', () => expect(isRowNumberHeader(undefined)).toBe(false));

  it('calls a row holding only 序号, or nothing, a template row', () => {
    expect(isTemplateRow([3, '', null], new Set([0]))).toBe(true);
    expect(isTemplateRow(['', ' '], new Set())).toBe(true);
    expect(isTemplateRow([3, 'x'], new Set([0]))).toBe(false);
    expect(isTemplateRow(['', 'x'], new Set([0]))).toBe(false);
  });
});
