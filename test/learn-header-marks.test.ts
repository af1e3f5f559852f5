/**
 * hqds learn on headers that carry a fill-in annotation (tester, 2026-11-25: 「数据集模态（可多选）」
 * was not linked to the modality concept, so 「图片」 was refused instead of normalised to 图像).
 * The annotation is not part of the column's name; it says multi-choice, single-choice or required.
 */
import { learnTemplate, type TemplateDoc, type TemplateValidation } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';

const list = (c: number, formula: string, errorAlert = true): TemplateValidation => ({
  ranges: [{ r1: 2, c1: c, r2: 50, c2: c }],
  type: 'list',
  formula,
  errorAlert,
  errorStyle: 'stop',
});
const doc = (header: string[], validations: TemplateValidation[] = []): TemplateDoc => ({
  file: 't.xlsx',
  kind: 'xlsx',
  sheets: [
    {
      name: '汇总表',
      hidden: false,
      rows: [['北京市行业高质量数据集汇总表'], header],
      merges: [],
      validations,
    },
  ],
});

test('「数据集模态（可多选）」 is the modality column, multi-choice, its label kept as written; 「图片」 normalises to 图像', () => {
  const r = learnTemplate(
    doc(['序号', '数据集名称', '数据集模态（可多选）', '申报单位'], [list(2, '"文本,图像,音频,视频,其他"')]),
  );
  const c = r.profile.columns[2];
  expect(c).toMatchObject({ key: 'modality', label: '数据集模态（可多选）', type: 'vocab', multi: true });
  expect(r.inferred.join('\n')).not.toMatch(/「数据集模态（可多选）」不是已知的列/);
  expect(r.inferred.join('\n')).toContain('「数据集模态（可多选）」的选项来自下拉列表，表头写明可多选');
  const m = mergeSheets(r.profile, [
    {
      file: 'x.xlsx',
      sheet: 's',
      rows: [
        ['序号', '数据集名称', '数据集模态（可多选）', '申报单位'],
        [1, 'a', '图片', 'x'],
        [2, 'b', '文本、图片', 'x'],
      ],
    },
  ]);
  expect(m.entries.map((e) => e.entry.cells[2])).toEqual(['图像', '文本、图像']);
  expect(m.issues.filter((i) => i.code === 'value-not-allowed')).toEqual([]);
});

test.each([
  ['数据集模态(可多选)', 'modality', true],
  ['数据集模态（多选）', 'modality', true],
  ['所属领域（单选）', 'domain', false],
  ['*所属领域', 'domain', false],
  ['所属领域（必填）', 'domain', false],
  ['＊数据集模态（可多选）', 'modality', true],
])('「%s」 is the %s column (multi %s), the annotation left out of the match', (label, key, multi) => {
  // No error alert would make a list multi-choice on its own; here only the annotation may decide.
  const r = learnTemplate(doc(['序号', '数据集名称', label], [list(2, '"文本,图像,工业制造,医疗健康"')]));
  expect(r.profile.columns[2]).toMatchObject({ key, label, multi });
});

test('「（必填）」 and * mark required columns; 「（选填）」 and 「（非必填）」 do not', () => {
  const r = learnTemplate(
    doc(['序号', '数据集名称（必填）', '*申报单位', '数据集简介（选填）', '备注（非必填）']),
  );
  expect(r.profile.columns.map((c) => [c.label, c.required])).toEqual([
    ['序号', false],
    ['数据集名称（必填）', true],
    ['*申报单位', true],
    ['数据集简介（选填）', false],
    ['备注（非必填）', false],
  ]);
  expect(r.profile.columns.slice(0, 3).map((c) => c.key)).toEqual(['seq', 'name', 'applicant']);
});

test('a unit before an annotation is still the column unit: 「数据规模（TB）（必填）」', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '数据规模（TB）（必填）']));
  expect(r.profile.columns[2]).toMatchObject({
    type: 'quantity',
    quantity: { kind: 'size', unit: 'TB' },
    required: true,
  });
});

test('a learned TB column keeps the value: 「500GB」 is 0.4883 TB, and the message says that figure', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '数据规模（TB）']));
  const m = mergeSheets(r.profile, [
    {
      file: 'x.xlsx',
      sheet: 's',
      rows: [
        ['序号', '数据集名称', '数据规模（TB）'],
        [1, 'a', '500GB'],
        [2, 'b', '1.5TB'],
        [3, 'c', 3],
      ],
    },
  ]);
  expect(m.entries.map((e) => e.entry.cells[2])).toEqual([0.4883, 1.5, 3]);
  expect(m.issues.find((i) => i.code === 'quantity-converted' && i.value === '500GB')?.message).toContain(
    '已换算为 0.4883（TB',
  );
});

test('a received sheet headed without the annotation (「数据集模态」) still lands in 「数据集模态（可多选）」', () => {
  const r = learnTemplate(
    doc(['序号', '数据集名称', '数据集模态（可多选）', '申报单位'], [list(2, '"文本,图像,音频,视频,其他"')]),
  );
  const m = mergeSheets(r.profile, [
    {
      file: 'x.xlsx',
      sheet: 's',
      rows: [
        ['序号', '数据集名称', '数据集模态', '申报单位'],
        [1, 'a', '图片', 'x'],
      ],
    },
  ]);
  expect(m.entries[0].entry.cells[2]).toBe('图像');
  expect(m.issues.filter((i) => i.code === 'unmapped-column' || i.code === 'value-not-allowed')).toEqual([]);
});

test('「（单选）」 in the header makes a list single-choice even without an error alert', () => {
  const r = learnTemplate(
    doc(['序号', '数据集名称', '所属领域（单选）'], [list(2, '"工业制造,医疗健康"', false)]),
  );
  expect(r.profile.columns[2]).toMatchObject({ key: 'domain', multi: false });
  expect(r.inferred.join('\n')).toContain('「所属领域（单选）」的选项来自下拉列表，表头写明单选');
});
