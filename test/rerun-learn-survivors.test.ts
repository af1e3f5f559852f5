/** What the header row's reader takes as a column and what as a note beside the table (learn.ts
 *  readHeader, readHeaderSaying, isSentence). Written against the survivors of the 2026-11-26
 *  mutation re-run; every template is built and learned inside its test (Stryker's per-test coverage
 *  does not see code run in beforeAll). */
import { learnTemplate, type TemplateDoc, type TemplateRange } from '../src/core/learn';

const TITLE = '某市行业高质量数据集汇总表';

function doc(
  header: string[],
  below: string[] = header.map(() => ''),
  merges: TemplateRange[] = [],
): TemplateDoc {
  return {
    file: 't.xlsx',
    kind: 'xlsx',
    sheets: [
      {
        name: '汇总表',
        hidden: false,
        rows: [[TITLE], header, below, header.map(() => '')],
        merges,
        validations: [],
      },
    ],
  };
}

const asideLine = (t: string) =>
  `表头行右侧的「${t}」像说明文字，没有作为列（其中列出的选项仍会用于同名列）：请确认。`;
const headerLines = (inferred: string[]) => inferred.filter((l) => l.startsWith('表头'));

test('a plain one-row header under a merged title: no note beside it, not two-level', () => {
  const header = ['序号', '数据集名称', '申报单位', '备注'];
  const r = learnTemplate(doc(header, undefined, [{ r1: 0, c1: 0, r2: 0, c2: 3 }]), { id: 'x' });
  expect(r.profile.columns.map((c) => c.label)).toEqual(header);
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。']);
});

test('a sentence without a full stop past a blank column is a note: only it is said, the columns are not', () => {
  const note = '更新频率：每日、每周、每月';
  const r = learnTemplate(doc(['序号', '数据集名称', '更新频率', '申报单位', '', note]), { id: 'x' });
  expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '更新频率', '申报单位']);
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。', asideLine(note)]);
});

test('a sentence that only ends with a full stop (and a trailing space) is a note too', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '申报单位', '', '以上各栏均须填写。 ']), { id: 'x' });
  expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位']);
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。', asideLine('以上各栏均须填写。')]);
});

test('a note written 「注：…、…」 past a blank column is a note, however short its name', () => {
  const note = '注：每日、每周、每月';
  const r = learnTemplate(doc(['序号', '数据集名称', '申报单位', '', note]), { id: 'x' });
  expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位']);
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。', asideLine(note)]);
});

test('a sentence right beside the last column (no blank column between) stays a column', () => {
  const header = ['序号', '数据集名称', '申报单位', '更新频率：每日、每周、每月。'];
  const r = learnTemplate(doc(header), { id: 'x' });
  expect(r.profile.columns.map((c) => c.label)).toEqual(header);
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。']);
});

test('labels past a blank column that name a column are columns, not notes', () => {
  for (const label of ['备注（选填；限200字）', '联系人、联系电话', '备注：选填']) {
    const r = learnTemplate(doc(['序号', '数据集名称', '申报单位', '', label]), { id: 'x' });
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位', label]);
    expect(r.inferred.join('\n')).not.toContain('表头行右侧');
  }
});

test('a two-level header with notes beside it on both rows: the group ends the table, the notes are no columns', () => {
  const header = ['序号', '数据集名称', '申报单位', '数据规模', '', '', '更新频率：每日、每周、每月。'];
  const below = ['', '', '', '结构化（条）', '非结构化（GB）', '', '共享方式：有条件共享、无条件共享。'];
  const merges = [
    { r1: 0, c1: 0, r2: 0, c2: 4 },
    { r1: 1, c1: 3, r2: 1, c2: 4 },
  ];
  const r = learnTemplate(doc(header, below, merges), { id: 'x' });
  expect(r.profile.columns.map((c) => [c.label, c.group])).toEqual([
    ['序号', undefined],
    ['数据集名称', undefined],
    ['申报单位', undefined],
    ['结构化（条）', '数据规模'],
    ['非结构化（GB）', '数据规模'],
  ]);
  expect(headerLines(r.inferred)).toEqual([
    '表头在第 2 行。',
    asideLine('更新频率：每日、每周、每月。'),
    '表头有两层（第 2、3 行）：下层为列名，上层记作列组。',
  ]);
});

test('an example row under a one-row header, with the title merged across, is no lower header', () => {
  const header = ['序号', '数据集名称', '申报单位', '备注'];
  const example = ['1', '示例：某市气象观测数据集', '某某单位', '无'];
  const r = learnTemplate(doc(header, example, [{ r1: 0, c1: 0, r2: 0, c2: 3 }]), { id: 'x' });
  expect(r.profile.columns.map((c) => [c.label, c.group])).toEqual(header.map((h) => [h, undefined]));
  expect(headerLines(r.inferred)).toEqual(['表头在第 2 行。']);
});
