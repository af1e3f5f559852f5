/**
 * A heading inside a per-project form (「二、单位信息」 between two groups of rows) is no field, also
 * where it is not merged across the form: in a sheet of the open workbook (the pane reads text only,
 * no merges) or a template that left it unmerged. Learned as a field it was made required, and every
 * received form was then told that 「二、单位信息」 is missing.
 */
import { learnTemplate } from '../src/core/learn';

const LABELS = ['项目名称', '申报单位名称', '电话', '二、单位信息', '邮箱', '单位地址', '法定代表人'];
const HEADING_ROW = 1 + LABELS.indexOf('二、单位信息');

function learnRows(rows: (string | null)[][], merges: { r1: number; c1: number; r2: number; c2: number }[]) {
  const r = learnTemplate({
    file: '表单.xlsx',
    kind: 'xlsx',
    sheets: [{ name: '表单', hidden: false, rows, merges, validations: [] }],
  });
  return {
    labels: r.profile.projectForm!.rows.map((x) => ('label' in x ? x.label : '')),
    columns: r.profile.columns.map((c) => c.label),
    missing: r.missing.join('\n'),
  };
}

const expectHeadingSaid = (got: ReturnType<typeof learnRows>) => {
  const fields = LABELS.filter((l) => l !== '二、单位信息');
  expect(got.labels).toEqual(fields);
  expect(got.columns).toEqual(fields);
  expect(got.missing).toContain(
    `表单第 ${HEADING_ROW + 1} 行「二、单位信息」像是小标题，不是一项，没有学：请核对。`,
  );
  expect(got.missing).not.toContain('「二、单位信息」设为必填');
};

test('read from the open workbook (rows padded to the used range, no merges): the heading is said, not learned', () => {
  const pad = (label: string) => [label, '', '', ''];
  expectHeadingSaid(learnRows([['一、项目基本信息表'], ...LABELS.map(pad)], []));
});

test('a template whose heading row is not merged across the form: the heading is said, not learned', () => {
  const merges = LABELS.flatMap((l, i) =>
    l.startsWith('二、') ? [] : [{ r1: i + 1, c1: 1, r2: i + 1, c2: 3 }],
  );
  expectHeadingSaid(learnRows([['一、项目基本信息表'], ...LABELS.map((l) => [l])], merges));
});
