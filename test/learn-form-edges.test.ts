/**
 * learn-form.ts at its edges (issue 12, written against the survivors of its mutation run): blank
 * rows, a title merged wider than the form, a two-column form, options over the form's last rows,
 * a measure block closing the form, and the review's one-line descriptions of each kind of row.
 */
import { formCrosswalk, formSheet } from './helpers/form-crosswalk';
import { describeFormRow, formTitlePlain, isFormSheet, learnForm } from '../src/core/learn-form';
import type { Column, Profile } from '../src/core/profile';

const cw = formCrosswalk({
  项目名称: { key: 'projectName', how: 'exact' },
  电话: { key: 'phone', how: 'exact' },
  邮箱: { key: 'email', how: 'exact' },
});
const sheet = formSheet;
const BASE = [
  ['项目名称', null, null],
  ['电话', null, null],
  ['邮箱', null, null],
  ['地址', null, null],
];

test('blank rows above, inside and below the form are skipped; text below after a blank row is one paragraph', () => {
  const rows = [[], ['基本信息表'], [null, null], ...BASE, [], ['负责人', null, null], [], ['盖章处']];
  const f = learnForm(sheet(rows), cw);
  expect(f.form.title).toBe('基本信息表');
  expect(f.form.rows.map((r) => ('label' in r ? r.label : ''))).toEqual([
    '项目名称',
    '电话',
    '邮箱',
    '地址',
    '负责人',
  ]);
  expect(f.below).toEqual(['盖章处']);
  expect(f.missing).toContain(
    '表单下方还有 1 段文字（「盖章处」…）：只学了表单本身和字数要求，其余不作为格式的一部分。',
  );
});

test('known labels are passed on as known, unknown ones and the yearly measures as the crosswalk needs them', () => {
  const f = learnForm(sheet([...BASE, ['近两年', '2023年', '2024年'], ['收入', null, null]]), cw);
  expect(f.columns.map((c) => [c.key, c.required])).toEqual([
    ['projectName', true],
    ['phone', true],
    ['email', true],
    ['地址', false],
    ['收入2023', true],
    ['收入2024', true],
  ]);
});

test('a title merged wider than the form does not widen it; a form from column B keeps its merges', () => {
  const wideTitle = learnForm(sheet([['标题'], ...BASE], [{ r1: 0, c1: 0, r2: 0, c2: 5 }]), cw);
  expect(wideTitle.form.colWidths).toEqual([22, 14, 14]);
  const moved = sheet(
    [[null, '标题'], ...BASE.map((r) => [null, ...r])],
    [{ r1: 0, c1: 1, r2: 0, c2: 3 }, ...BASE.map((_, i) => ({ r1: i + 1, c1: 2, r2: i + 1, c2: 3 }))],
  );
  const f = learnForm(moved, cw);
  expect(f.form.title).toBe('标题');
  expect(f.form.colWidths).toEqual([22, 14, 14]);
  expect(f.form.rows[0]).toEqual({ label: '项目名称', key: 'projectName' });
});

test('a two-column form (label | value) is a form', () => {
  expect(isFormSheet(sheet(BASE.map((r) => [r[0], null]).concat([['负责人', null]])), cw)).toBe(true);
});

test('a ☐ list merged down over the last rows of the form takes every row; a printed value over two rows keeps both', () => {
  const rows = [
    ...BASE,
    ['项目周期', '2025年12月', null],
    [null, '至2027年11月', null],
    ['性质', '□  企业  ', null],
    [null, '□　高校　　□其他', null],
  ];
  const merges = [
    { r1: 4, c1: 0, r2: 5, c2: 0 },
    { r1: 6, c1: 0, r2: 7, c2: 0 },
  ];
  const f = learnForm(sheet(rows, merges), cw);
  expect(f.vocabularies['性质'].items.map((i) => i.label)).toEqual(['企业', '高校', '其他']);
  expect(f.columns.find((c) => c.key === '项目周期')).toMatchObject({
    type: 'fixed',
    fixedValue: '2025年12月\n至2027年11月',
  });
});

test('a ☐ list without an other-option is said without one', () => {
  const f = learnForm(sheet([...BASE, ['性质', '□企业 □高校', null]]), cw);
  expect(f.inferred).toContain('「性质」是勾选项：企业、高校（单选）。');
});

test('a form closed by a block of years whose measure rows are plain cells learns every measure', () => {
  const rows = [...BASE, ['近两年', '2023年', '2024年'], ['收入'], ['利润']];
  const f = learnForm(sheet(rows), cw);
  expect(f.form.rows[4]).toEqual({
    label: '近两年',
    years: ['2023', '2024'],
    measures: [
      { label: '收入', key: '收入' },
      { label: '利润', key: '利润' },
    ],
  });
});

test('a note merged across the whole form inside it is said as a heading, not learned', () => {
  const rows = [...BASE.slice(0, 2), ['以下由推荐单位填写', null, null], ...BASE.slice(2)];
  const f = learnForm(sheet(rows, [{ r1: 2, c1: 0, r2: 2, c2: 2 }]), cw);
  expect(f.form.rows).toHaveLength(4);
  expect(f.missing).toContain('表单第 3 行「以下由推荐单位填写」像是小标题，不是一项，没有学：请核对。');
});

test('rows that are not one item: five cells across, a year beside a word, a label of 31 characters', () => {
  const long = '甲'.repeat(31);
  const rows = [
    ...BASE,
    ['甲', '乙', '丙', '丁', '戊'],
    ['指标', '2022年', '说明'],
    ['甲'.repeat(30), null, null],
    [long, null, null],
    ['负责人', null, null],
  ];
  const f = learnForm(sheet(rows), cw);
  expect(f.missing).toContain(
    '表单第 5 行（「甲」「乙」「丙」「丁」「戊」）读不出是哪一项，没有学：请核对。',
  );
  expect(f.missing).toContain(`表单第 8 行（「${long}」）读不出是哪一项，没有学：请核对。`);
  expect(f.form.rows.some((r) => 'years' in r)).toBe(false);
  expect(f.form.rows.map((r) => ('label' in r ? r.label : ''))).toContain('甲'.repeat(30));
});

test('above the form: a row that is not one text is not read; a title with a colon inside and 40 characters is one', () => {
  const title = `表一：${'项'.repeat(37)}`;
  expect(title).toHaveLength(40);
  const f = learnForm(sheet([[null, '（盖章）'], [title], ...BASE]), cw);
  expect(f.above).toEqual([title]);
  expect(f.form.title).toBe(title);
});

test('an unknown label keeps a bracket inside it; one that is only a bracket keeps it all', () => {
  const f = learnForm(sheet([...BASE, ['数据（条）来源', null, null], ['（备注）', null, null]]), cw);
  expect(f.columns.slice(4).map((c) => c.key)).toEqual(['数据(条)来源', '(备注)']);
});

test('describeFormRow: years × measures, ☐ options from the vocabulary, a fixed value only of its own column', () => {
  const p = {
    columns: [
      { key: 'period', label: '项目周期', type: 'text' },
      { key: 'other', label: '其他', type: 'fixed', fixedValue: '固定' },
    ] as Column[],
    vocabularies: {
      nature: { items: [{ label: '企业' }, { label: '高校' }], otherBracketed: true },
    } as unknown as Profile['vocabularies'],
  };
  expect(
    describeFormRow(p, {
      label: '近两年',
      years: ['2023', '2024'],
      measures: [
        { label: '收入', key: 'income' },
        { label: '利润', key: 'profit' },
      ],
    }),
  ).toBe('近两年\u30002023、2024 年 × 收入、利润');
  expect(describeFormRow(p, { label: '性质', key: 'nature', ticks: 'nature', otherTick: '其他' })).toBe(
    '性质\u3000勾选：□企业 □高校 □其他',
  );
  expect(describeFormRow(p, { label: '性质', key: 'nature', ticks: 'nature' })).toBe(
    '性质\u3000勾选：□企业 □高校',
  );
  expect(describeFormRow(p, { label: '项目周期', key: 'period' })).toBe('项目周期\u3000［填写］');
});

test('formTitlePlain: a two-character numeral, a space before its mark', () => {
  expect(formTitlePlain('十一、情况表')).toBe('情况表');
  expect(formTitlePlain('二 、情况表')).toBe('情况表');
});
