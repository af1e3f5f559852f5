/** The pane's reducers and helpers as pure functions: no React, no Office. */
import {
  checkReducer,
  counts,
  initialCheck,
  statusLine,
  safeFixes,
  pickerReducer,
  pickerValue,
  initialPicker,
  importReducer,
  initialImport,
  toggleDrop,
  isLastCopy,
} from '../src/taskpane/state';
import { parsePaste, pastedRows, unresolved } from '../src/taskpane/paste';
import { chineseError } from '../src/taskpane/errors';
import { previewImport, duplicateGroups, summarySheetName } from '../src/core/import';
import { mergeSheets } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';
import type { SheetIssue } from '../src/excel/adapter';

const issue = (row: number, severity: 'error' | 'warning', extra: Partial<SheetIssue> = {}): SheetIssue => ({
  severity,
  code: 'value-normalised',
  message: 'm',
  row,
  col: 1,
  field: 'f',
  sheet: 'S',
  sheetRow: row,
  sheetCol: 1,
  address: `B${row + 1}`,
  ...extra,
});

describe('check state', () => {
  test('the status line follows the list: no stale 错误 0 above listed errors', () => {
    let s = checkReducer(initialCheck('S'), { type: 'checked', sheet: 'S', rows: 3, issues: [] });
    expect(statusLine(s)!.text).toContain('没有发现问题');
    s = checkReducer(s, {
      type: 'rechecked',
      sheet: 'S',
      rows: [4, 4],
      issues: [issue(4, 'error'), issue(4, 'error')],
    });
    expect(counts(s)).toEqual({ all: 2, errors: 2, warnings: 0 });
    expect(statusLine(s)!.text).toContain('错误 2 个');
    s = checkReducer(s, { type: 'rechecked', sheet: 'S', rows: [4, 4], issues: [] });
    expect(statusLine(s)!.text).toContain('没有发现问题');
  });

  test('全部修正 offers only fixes that write something', () => {
    const s = checkReducer(initialCheck('S'), {
      type: 'checked',
      sheet: 'S',
      rows: 1,
      issues: [
        issue(4, 'warning', { code: 'quantity-converted', safe: true, fix: 2048, value: '2048' }),
        issue(5, 'warning', { code: 'quantity-converted', safe: true, fix: 2048, value: '2TB' }),
      ],
    });
    expect(safeFixes(s).map((i) => i.sheetRow)).toEqual([5]);
  });
});

describe('value picker', () => {
  const qh = getProfile('qinghai')!;
  const modality = qh.vocabularies.modality;
  test("multi-choice: the clicked values, in the notice's order, 其它 with its detail", () => {
    let s = pickerReducer(initialPicker, { type: 'toggle', value: '图形图像', multi: true });
    expect(s.picked).toEqual(['图形图像']);
    s = pickerReducer(s, { type: 'toggle', value: '文本', multi: true });
    expect(pickerValue(s, modality, '、')).toBe('文本、图形图像');
    s = pickerReducer(s, { type: 'toggle', value: '其它', multi: true });
    expect(pickerValue(s, modality, '、')).toBeNull(); // 其它 waits for its detail
    s = pickerReducer(s, { type: 'detail', text: '时序数据' });
    expect(pickerValue(s, modality, '、')).toBe('文本、图形图像、其它（时序数据）');
  });
  test('single-choice keeps one value; a cell is read back into the picker', () => {
    let s = pickerReducer(initialPicker, { type: 'toggle', value: '工业制造', multi: false });
    s = pickerReducer(s, { type: 'toggle', value: '现代农业', multi: false });
    expect(s.picked).toEqual(['现代农业']);
    s = pickerReducer(s, { type: 'load', text: '文本、其它（点云）', vocab: modality, multi: true });
    expect(s).toEqual({ picked: ['文本', '其它'], otherDetail: '点云' });
    const wuhan = getProfile('wuhan')!;
    const direction = wuhan.vocabularies.direction;
    expect(
      pickerValue(
        pickerReducer(initialPicker, { type: 'toggle', value: '其他', multi: false }),
        direction,
        '、',
      ),
    ).toBe('其他');
  });
});

describe('paste', () => {
  test('a WeChat message with 「，」 keeps its fields; the row with an extra 「，」 is held for review', () => {
    const p = parsePaste(
      '序号，数据集名称，行业领域，数据集模态，数据集数据量（GB），联系人\n1，草场数据集，现代农业，文本，100，张三\n2，影像数据集，现代农业，图形图像，图片100GB，音频160GB，李四',
    );
    expect(p.delimiter).toBe('，');
    expect(p.header).toHaveLength(6);
    expect(p.rows[0].cells).toEqual(['1', '草场数据集', '现代农业', '文本', '100', '张三']);
    expect(p.mismatched.map((r) => r.line)).toEqual([2]);
    expect(unresolved(p, {})).toHaveLength(1);
    const fixed = { 2: ['2', '影像数据集', '现代农业', '图形图像', '图片100GB，音频160GB', '李四'] };
    expect(unresolved(p, fixed)).toHaveLength(0);
    expect(pastedRows(p, fixed)[2][5]).toBe('李四');
    expect(pastedRows(p, { 2: 'skip' })).toHaveLength(2);
  });
  test("Excel's tabs win; a paste with nothing to import says why", () => {
    expect(parsePaste('a\tb，c\n1\t2，3').delimiter).toBe('\t');
    expect(parsePaste('').empty).toContain('空');
    expect(parsePaste('序号\t名称').empty).toContain('只读到表头');
    expect(parsePaste('随便一句话').empty).toContain('表头');
  });
});

describe('import state and preview', () => {
  const qh = getProfile('qinghai')!;
  const rows = [
    ['序号', '数据集名称', '行业领域', '数据集模态', '数据集数据量（GB）', '申报单位名称'],
    [1, 'a', '草业', '文本', 5, 'u'],
    [2, 'b', '草业', '文本', 6, 'v'],
  ];
  test('one merge gives the mapping, the unknown values and what would be written; a choice stays listed', () => {
    let s = importReducer(initialImport, { type: 'read', inputs: [{ file: 'f', sheet: 's', rows }] });
    let p = previewImport(qh, s.inputs, 1024, s.choices);
    expect(p.unknowns).toEqual([{ field: '行业领域', key: 'domain', value: '草业' }]);
    expect(p.merged.rowsWritten).toBe(2);
    s = importReducer(s, { type: 'value', key: 'domain', value: '草业', choice: '现代农业' });
    p = previewImport(qh, s.inputs, 1024, s.choices);
    expect(p.unknowns).toHaveLength(1);
    expect(p.merged.entries.map((e) => e.entry.get('domain'))).toEqual(['现代农业', '现代农业']);
  });
  test('上海 builds and checks its working list', () => {
    expect(summarySheetName(getProfile('shanghai')!)).toBe('工作清单');
    expect(summarySheetName(qh)).toBe('汇总表');
  });
});

describe('duplicates', () => {
  const qh = getProfile('qinghai')!;
  const row = (n: number, name: string) => [
    n,
    name,
    '工业制造',
    '文本',
    5,
    '无',
    '某公司',
    '张三 13800000000',
  ];
  const merged = mergeSheets(
    qh,
    [
      {
        file: 'f',
        sheet: 's',
        rows: [
          [
            '序号',
            '数据集名称',
            '行业领域',
            '数据集模态',
            '数据集数据量（GB）',
            '已服务支撑人工智能大模型名称',
            '申报单位名称',
            '申报单位联系人及联系方式',
          ],
          row(1, 'a'),
          row(2, 'b'),
          row(3, 'a'),
          row(4, 'a'),
        ],
      },
    ],
    { tb: 1024 },
  );
  test('each group listed once; the last copy can never be ticked', () => {
    const groups = duplicateGroups(qh, merged);
    expect(groups).toEqual([[0, 2, 3]]);
    let s = { groups, drop: [] as number[] };
    s = toggleDrop(s, 0);
    s = toggleDrop(s, 2);
    expect(isLastCopy(s, 3)).toBe(true);
    s = toggleDrop(s, 3);
    expect(s.drop).toEqual([0, 2]);
    s = toggleDrop(s, 0);
    expect(s.drop).toEqual([2]);
  });
});

test('Office errors become Chinese messages that say what to do', () => {
  const e = Object.assign(new Error('ItemNotFound: the worksheet does not exist.'), { code: 'ItemNotFound' });
  expect(chineseError(e)).toMatch(/^找不到.*请/);
  expect(chineseError(new Error('InvalidOperationInCellEditMode: Excel is in cell-editing mode.'))).toContain(
    '结束编辑',
  );
  expect(chineseError(new Error('请先选择格式。'))).toBe('请先选择格式。');
  expect(chineseError(new Error('Something odd'))).toMatch(/^操作没有完成/);
});
