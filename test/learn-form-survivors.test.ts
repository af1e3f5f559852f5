/**
 * learn-form.ts read row by row (issue 12, mutation testing): what a clerk confirms after 「学习模板」
 * on a per-project form is the learned form itself — its title and 附件 label, each row's label and
 * key, the ☐ options and the other-option, multi-item rows, the years × measures block — and the
 * Chinese review lines that say each inference. These tests hand learnForm small sheets, with a
 * crosswalk that knows a few labels, and assert those exactly.
 */
import type { TemplateRange } from '../src/core/learn';
import { formCrosswalk, formSheet } from './helpers/form-crosswalk';
import { describeFormRow, formTitlePlain, isFormSheet, learnForm } from '../src/core/learn-form';
import type { Column, Profile, ProjectRow } from '../src/core/profile';

const KNOWN: Record<string, { key: string; how: 'exact' | 'fuzzy' }> = {
  项目名称: { key: 'projectName', how: 'exact' },
  数据集名称: { key: 'name', how: 'exact' },
  申报单位: { key: 'applicant', how: 'fuzzy' },
  电话: { key: 'phone', how: 'exact' },
  手机: { key: 'phone', how: 'exact' },
  座机: { key: 'phone', how: 'exact' },
  邮箱: { key: 'email', how: 'exact' },
  '2023年资产总额（万元）': { key: 'assets2023', how: 'exact' },
};

/** A crosswalk as learn.ts lends it, reduced to what these tests look at. */
const cw = formCrosswalk(KNOWN);
const sheet = formSheet;
/** A value area merged from column B to the form's last column D. */
const value = (r: number): TemplateRange => ({ r1: r, c1: 1, r2: r, c2: 3 });
const columnsOf = (cols: Column[]) =>
  cols.map((c) => [c.key, c.label, c.type, c.vocab ?? c.hint ?? c.fixedValue ?? '', c.multi]);

describe('an Excel form with merged value areas: every kind of row', () => {
  // 附件 label and title above; free fields; one fuzzy and two repeated keys; a hint; ☐ options
  // with 「其它（请注明）」; a block of years (full-width, 「年度」); a word-limited section and a seal below.
  const rows = [
    ['附件 2'],
    ['二、项目情况表'],
    ['项目名称', null, null, null],
    ['申报单位', null, null, null],
    ['电话', null, '手机', null],
    ['座机', '请填写区号', null, null],
    ['单位类型', '☐企业　☐高校 ☐其它（请注明）', null, null],
    ['近两年', '2023 年', '２０２４年度', null],
    ['资产总额（万元）', null, null, null],
    ['人数', null, null, null],
    ['（一）简介（不超过500字）'],
    ['单位盖章'],
  ];
  // Learned inside each test, not once for the block: the mutation run switches a mutant on as the
  // test starts, and credits a test only with the code it runs itself.
  const learned = () => learnForm(sheet(rows, [value(2), value(3), value(5), value(6)]), cw);

  test('title, 附件 label, name key, default widths and rows, as the template prints them', () => {
    const f = learned();
    expect(f.sheet).toBe('表');
    expect(f.attachment).toBe('附件 2');
    expect(f.above).toEqual(['附件 2', '二、项目情况表']);
    expect(f.form).toEqual({
      title: '二、项目情况表',
      nameKey: 'projectName',
      colWidths: [22, 14, 14, 14],
      rows: [
        { label: '项目名称', key: 'projectName' },
        { label: '申报单位', key: 'applicant' },
        {
          items: [
            { label: '电话', span: 1 },
            { key: 'phone', span: 1 },
            { label: '手机', span: 1 },
            { key: 'phone2', span: 1 },
          ],
        },
        { label: '座机', key: 'phone3' },
        { label: '单位类型', key: '单位类型', ticks: '单位类型', otherTick: '其它（请注明）' },
        {
          label: '近两年',
          years: ['2023', '2024'],
          measures: [
            { label: '资产总额（万元）', key: 'assets' },
            { label: '人数', key: '人数' },
          ],
        },
      ],
    });
  });

  test('a column per field: the hint kept, the ☐ list a single-choice vocabulary, a column per year and measure', () => {
    const f = learned();
    expect(columnsOf(f.columns)).toEqual([
      ['projectName', '项目名称', 'text', '', false],
      ['applicant', '申报单位', 'text', '', false],
      ['phone', '电话', 'text', '', false],
      ['phone2', '手机', 'text', '', false],
      ['phone3', '座机', 'text', '请填写区号', false],
      ['单位类型', '单位类型', 'vocab', '单位类型', false],
      ['assets2023', '2023年资产总额（万元）', 'text', '', false],
      ['人数2023', '2023年人数', 'text', '', false],
      ['assets2024', '2024年资产总额（万元）', 'text', '', false],
      ['人数2024', '2024年人数', 'text', '', false],
    ]);
    expect(f.vocabularies['单位类型'].items.map((i) => i.label)).toEqual(['企业', '高校', '其它（请注明）']);
  });

  test('the section with its word limit becomes a field; the seal line is said, not learned', () => {
    const f = learned();
    expect(f.fields).toEqual([{ label: '简介', maxChars: 500, synonyms: [], perDataset: false }]);
    expect(f.below).toEqual(['单位盖章']);
  });

  test('the review says each inference in Chinese, in order', () => {
    const f = learned();
    expect(f.inferred).toEqual([
      '「表」是每个项目填一份的表单（左列项目名、右边填写），共 8 行。',
      '表单标题：「二、项目情况表」。',
      '附件标签：「附件 2」。',
      '表单项「申报单位」按相似度认作已知项「applicant」：请确认。',
      '「手机」与前面的项同属「phone」，记作「phone2」：请确认。',
      '一行多项：电话 | ［phone］ | 手机 | ［phone2］。',
      '「座机」与前面的项同属「phone」，记作「phone3」：请确认。',
      '「座机」的取值格里是填写说明「请填写区号」，作为提示。',
      '表单项「单位类型」不是已知的项，键记作「单位类型」，按自由文本检查：请确认。',
      '「单位类型」是勾选项：企业、高校、其它（请注明）（单选）；「其它（请注明）」勾选时写明内容。',
      '指标「人数」不是已知的项，键记作「人数」（各年为「人数2023」等）：请确认。',
      '「近两年」是逐年指标：2023、2024 年 × 「资产总额（万元）」「人数」，汇总为「2023年资产总额（万元）」这样的列。',
      '表单下方「简介」限 500 字。',
      '每个项目的工作表按「项目名称」命名（如「项目1-名称」）。',
    ]);
    expect(f.missing).toEqual([
      '表单下方还有 1 段文字（「单位盖章」…）：只学了表单本身和字数要求，其余不作为格式的一部分。',
      '模板没有设置表单的列宽：按第 1 列 22、其余各 14 个字符。',
    ]);
  });

  test('the same form is a form sheet', () => {
    expect(isFormSheet(sheet(rows, [value(2), value(3), value(5), value(6)]), cw)).toBe(true);
  });
});

describe('a form read as text only (no merges, every row padded to the used range)', () => {
  const pad = (cells: (string | null)[]) => Array.from({ length: 5 }, (_, c) => cells[c] ?? null);
  const rows = [
    ['附件1'],
    ['某市数据集申报书'],
    ['填表说明：'],
    pad(['类型（可多选）', '□数据 □工具 □其他：____']),
    pad(['负责人']),
    pad(['项目周期', '2025年1月至2026年12月']),
    pad(['联系人', null, '职务']),
    pad(['填报日期', '　　年　　月　　日']),
    pad(['邮箱']),
  ];
  const learned = () => learnForm(sheet(rows), cw);

  test('the title is the last short line above that does not end in a colon', () => {
    const f = learned();
    expect(f.form.title).toBe('某市数据集申报书');
    expect(f.attachment).toBe('附件1');
    expect(f.above).toEqual(['附件1', '某市数据集申报书', '填表说明：']);
  });

  test('「（可多选）」 on the label: multi-choice; 「其他：____」 is recorded as a bare 「其他」, and said', () => {
    const f = learned();
    expect(f.form.rows[0]).toEqual({
      label: '类型（可多选）',
      key: '类型',
      ticks: '类型',
      otherTick: '其他',
    });
    expect(f.columns[0]).toMatchObject({ type: 'vocab', vocab: '类型', multi: true });
    expect(f.vocabularies['类型'].items.map((i) => i.label)).toEqual(['数据', '工具', '其他']);
    expect(f.inferred).toContain(
      '勾选项「其他：____」记作「其他」：画表时勾选它并写出所填内容（如「其他（…）」）。',
    );
    expect(f.inferred).toContain(
      '「类型（可多选）」是勾选项：数据、工具、其他（可多选）；「其他」勾选时写明内容。',
    );
  });

  test('a printed value is the fixed value; a date line to fill in is a hint', () => {
    const f = learned();
    expect(f.columns.find((c) => c.label === '项目周期')).toMatchObject({
      type: 'fixed',
      fixedValue: '2025年1月至2026年12月',
    });
    expect(f.inferred).toContain(
      '「项目周期」模板里已印好「2025年1月至2026年12月」：作为固定值，填了别的会提示。',
    );
    expect(f.columns.find((c) => c.label === '填报日期')).toMatchObject({
      type: 'text',
      hint: '年　　月　　日',
    });
  });

  test('a multi-item row without merges: a value spans the blank cells up to the next label or the edge', () => {
    const f = learned();
    expect(f.form.rows[3]).toEqual({
      items: [
        { label: '联系人', span: 1 },
        { key: '联系人', span: 1 },
        { label: '职务', span: 1 },
        { key: '职务', span: 2 },
      ],
    });
    expect(f.inferred).toContain('一行多项：联系人 | ［联系人］ | 职务 | ［职务 占 2 格］。');
  });

  test('without a name field the sheet is named by the first free field, not by a ☐ list', () => {
    const f = learned();
    expect(f.form.nameKey).toBe('负责人');
    expect(f.inferred).toContain('每个项目的工作表按「负责人」命名（如「项目1-名称」）。');
  });

  test('nothing below the form: no fields and no note about text below', () => {
    const f = learned();
    expect(f.fields).toEqual([]);
    expect(f.below).toEqual([]);
    expect(f.missing.join('\n')).not.toContain('表单下方');
  });
});

describe('the name of each project sheet', () => {
  test('数据集名称 (name) is chosen though it is not the first free field', () => {
    const rows = [
      ['负责人', null],
      ['电话', null],
      ['数据集名称', null],
      ['邮箱', null],
      ['地址', null],
    ];
    const f = learnForm(sheet(rows), cw);
    expect(f.form.nameKey).toBe('name');
    expect(f.inferred).toContain('每个项目的工作表按「数据集名称」命名（如「项目1-名称」）。');
  });
  test('with only ☐ lists and multi-item rows, the first column names it', () => {
    const rows = [
      ['甲', '□a □b', null, null],
      ['乙', '□c □d', null, null],
      ['电话', null, '邮箱', null],
      ['丙', '□e □f', null, null],
      ['丁', '□g □h', null, null],
    ];
    const f = learnForm(sheet(rows), cw);
    expect(f.form.nameKey).toBe('甲');
    expect(f.inferred).toContain('每个项目的工作表按「甲」命名（如「项目1-名称」）。');
  });
});

describe('the other-option among ☐ options', () => {
  const learnOther = (printed: string) => {
    const rows = [
      ['项目名称', null],
      ['电话', null],
      ['邮箱', null],
      ['地址', null],
      ['性质', `□企业 □${printed}`],
    ];
    const f = learnForm(sheet(rows), cw);
    const said = f.inferred.filter((t) => t.startsWith('勾选项'));
    return { row: f.form.rows[4], options: f.vocabularies['性质'].items.map((i) => i.label), said };
  };
  test('「其他（请注明）」 and a bare 「其他」 are kept as printed, without a note', () => {
    expect(learnOther('其他（请注明）')).toEqual({
      row: { label: '性质', key: '性质', ticks: '性质', otherTick: '其他（请注明）' },
      options: ['企业', '其他（请注明）'],
      said: [],
    });
    expect(learnOther('其他')).toMatchObject({ row: { otherTick: '其他' }, said: [] });
  });
  test('「其它(请说明)」 (half-width brackets, other words) is ticked as 「其它（请注明）」, and said', () => {
    expect(learnOther('其它(请说明)')).toEqual({
      row: { label: '性质', key: '性质', ticks: '性质', otherTick: '其它（请注明）' },
      options: ['企业', '其它（请注明）'],
      said: ['勾选项「其它(请说明)」记作「其它（请注明）」：画表时勾选它并写出所填内容（如「其它（…）」）。'],
    });
  });
  test('an option that only starts with 其他 is an ordinary option', () => {
    expect(learnOther('其他企业')).toEqual({
      row: { label: '性质', key: '性质', ticks: '性质' },
      options: ['企业', '其他企业'],
      said: [],
    });
  });
});

describe('rows the form reader cannot learn are said, with their row numbers', () => {
  test('years with no measure row under them, a heading inside the form, a row starting in column B', () => {
    const rows = [
      ['项目名称', null, null, null, null],
      ['电话', null, null, null, null],
      ['近三年', '2022年', '2023年', '2024年', null],
      ['邮箱', null, null, null, null],
      ['二、单位信息', null, null, null, null],
      [null, '说明', '另一段', null, null],
      ['地址', null, null, null, null],
    ];
    const wide = (r: number): TemplateRange => ({ r1: r, c1: 1, r2: r, c2: 4 });
    const merges = [wide(0), wide(1), wide(3), { r1: 4, c1: 0, r2: 4, c2: 4 }, wide(6)];
    const f = learnForm(sheet(rows, merges), cw);
    expect(f.missing).toEqual([
      '表单上方没有标题：请在 projectForm.title 填写（如「一、项目基本信息情况表」）。',
      '「近三年」下面没有指标行：逐年指标没有学。',
      '表单第 5 行「二、单位信息」像是小标题，不是一项，没有学：请核对。',
      '表单第 6 行（「说明」「另一段」）读不出是哪一项，没有学：请核对。',
      '模板没有设置表单的列宽：按第 1 列 22、其余各 14 个字符。',
    ]);
    // 邮箱's value is merged past the year columns: a labelled row after the block, not a measure.
    expect(f.form.rows).toEqual([
      { label: '项目名称', key: 'projectName' },
      { label: '电话', key: 'phone' },
      { label: '邮箱', key: 'email' },
      { label: '地址', key: '地址' },
    ]);
  });
  test('a form with nothing above it asks for a title', () => {
    const f = learnForm(
      sheet([
        ['项目名称', null],
        ['电话', null],
        ['邮箱', null],
        ['地址', null],
        ['负责人', null],
      ]),
      cw,
    );
    expect(f.form.title).toBe('');
    expect(f.attachment).toBe('');
    expect(f.missing).toContain(
      '表单上方没有标题：请在 projectForm.title 填写（如「一、项目基本信息情况表」）。',
    );
    expect(f.inferred.some((t) => t.startsWith('表单标题') || t.startsWith('附件标签'))).toBe(false);
  });
  test('a long line above the form is not its title; text below is summed up by its first 20 characters', () => {
    const long =
      '本表由申报单位如实填写，所填内容须与证明材料一致，如有虚假，一经查实即取消申报资格并通报批评。';
    expect(long.length).toBeGreaterThan(40);
    const rows = [
      ['基本信息表'],
      [long],
      ['项目名称', null],
      ['电话', null],
      ['邮箱', null],
      ['地址', null],
      ['负责人', null],
      [long],
      [null, '（盖章）'],
    ];
    const f = learnForm(sheet(rows), cw);
    expect(f.form.title).toBe('基本信息表');
    expect(f.below).toEqual([long, '「（盖章）」']);
    expect(f.missing).toContain(
      `表单下方还有 2 段文字（「${long.slice(0, 20)}」…）：只学了表单本身和字数要求，其余不作为格式的一部分。`,
    );
  });
});

describe('column widths', () => {
  const rows = [
    ['项目名称', null, null],
    ['电话', null, null],
    ['邮箱', null, null],
    ['地址', null, null],
    ['负责人', null, null],
  ];
  test('widths the file sets for every column of the form are kept, and said', () => {
    const f = learnForm(sheet(rows, [], [20, 10, 12, 30]), cw);
    expect(f.form.colWidths).toEqual([20, 10, 12]);
    expect(f.inferred).toContain('表单列宽（字符）：20、10、12。');
  });
  test('a width missing or zero for one column: the default widths, and it is said', () => {
    for (const set of [
      [20, undefined, 12],
      [20, 0, 12],
      [20, 10],
    ]) {
      const f = learnForm(sheet(rows, [], set), cw);
      expect(f.form.colWidths).toEqual([22, 14, 14]);
      expect(f.missing).toContain('模板没有设置表单的列宽：按第 1 列 22、其余各 14 个字符。');
    }
  });
});

describe('a filled form: more than a third of the labelled rows (and at least three) hold a value', () => {
  const labels = ['项目名称', '电话', '邮箱', '地址', '负责人', '职务', '部门', '传真', '网址'];
  const form = (valued: number, count: number) =>
    sheet(labels.slice(0, count).map((l, i) => [l, i < valued ? `值${i}` : null]));
  test('3 values among 8 rows: filled, its values are no fixed values', () => {
    const f = learnForm(form(3, 8), cw);
    expect(f.missing[0]).toContain('像是一份填好的申报表');
    expect(f.columns.filter((c) => c.type === 'fixed')).toEqual([]);
  });
  test('3 values among 9 rows, or 2 among 5: a template whose values are printed (fixed)', () => {
    for (const [valued, count] of [
      [3, 9],
      [2, 5],
    ]) {
      const f = learnForm(form(valued, count), cw);
      expect(f.missing.join('\n')).not.toContain('像是一份填好的申报表');
      expect(f.columns.filter((c) => c.type === 'fixed').map((c) => c.fixedValue)).toEqual(
        labels.slice(0, valued).map((_, i) => `值${i}`),
      );
    }
  });
  test('a filled row of two label | value pairs whose third cell the crosswalk knows is a multi-item row', () => {
    const rows = [
      ['项目名称', '甲项目', null, null],
      ['负责人', '王五', '电话', '13800000000'],
      ['邮箱', 'a@b.cn', null, null],
      ['地址', '某路1号', null, null],
      ['部门', null, null, null],
    ];
    const f = learnForm(sheet(rows, [value(0), value(2), value(3), value(4)]), cw);
    expect(f.form.rows[1]).toEqual({
      items: [
        { label: '负责人', span: 1 },
        { key: '负责人', span: 1 },
        { label: '电话', span: 1 },
        { key: 'phone', span: 1 },
      ],
    });
  });
});

describe('isFormSheet at its thresholds', () => {
  const KNOWN2 = new Set(['项目名称', '电话']);
  const keyOf = (l: string) => (KNOWN2.has(l) ? { key: l, how: 'exact' as const } : null);
  const labelled = (n: number) =>
    ['项目名称', '电话', '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛']
      .slice(0, n)
      .map((l) => [l, null, null]);
  const other = [null, '说明', null];
  test('rows it cannot read: two among eight labels is a form, two among seven is not', () => {
    expect(isFormSheet(sheet([...labelled(4), other, other, ...labelled(8).slice(4)]), { keyOf })).toBe(true);
    expect(isFormSheet(sheet([...labelled(4), other, other, ...labelled(7).slice(4)]), { keyOf })).toBe(
      false,
    );
  });
  test('rows continuing a label merged down: three among six labels is a form, three among five is not', () => {
    const withConts = (n: number) => {
      const rows: (string | null)[][] = [
        ['性质', '□a', null],
        [null, '□b', null],
        [null, '□c', null],
        [null, '□d', null],
      ];
      rows.push(...labelled(n - 1));
      return sheet(rows, [{ r1: 0, c1: 0, r2: 3, c2: 0 }]);
    };
    expect(isFormSheet(withConts(6), { keyOf })).toBe(true);
    expect(isFormSheet(withConts(5), { keyOf })).toBe(false);
  });
  test('rows filled across: two among five labels is a form, three is a table', () => {
    const rows = (full: number) => labelled(5).map((r, i) => (i >= 5 - full ? [r[0], `值${i}`, null] : r));
    expect(isFormSheet(sheet(rows(2)), { keyOf })).toBe(true);
    expect(isFormSheet(sheet(rows(3)), { keyOf })).toBe(false);
  });
  test('a label over 30 characters, or one with a ☐ in it, is no label', () => {
    const long = '这是一个很长很长的标签，超过了三十个字，像是一段说明文字而不是表单里的一项内容';
    expect(isFormSheet(sheet([...labelled(4), [long, null, null]]), { keyOf })).toBe(false);
    expect(isFormSheet(sheet([...labelled(4), ['□甲', null, null]]), { keyOf })).toBe(false);
    expect(isFormSheet(sheet([...labelled(4), ['壬', null, null]]), { keyOf })).toBe(true);
  });
  test('a form drawn from column B with its own widths is read as from column A', () => {
    const rows = labelled(5).map((r) => [null, ...r]);
    const f = learnForm(sheet(rows, [], [3, 20, 10, 10]), cw);
    expect(f.form.colWidths).toEqual([20, 10, 10]);
    expect(f.form.rows[0]).toEqual({ label: '项目名称', key: 'projectName' });
    // A merge reaching into the margin keeps the sheet as it is: column A is then part of the form.
    expect(isFormSheet(sheet(rows, [{ r1: 0, c1: 0, r2: 0, c2: 1 }]), { keyOf })).toBe(false);
  });
});

describe('describeFormRow and formTitlePlain', () => {
  const p = {
    columns: [{ key: 'period', label: '项目周期', type: 'fixed', fixedValue: '2025年' }] as Column[],
    vocabularies: {} as Profile['vocabularies'],
  };
  test('items with their spans; a fixed value; ticks whose vocabulary is missing', () => {
    const items: ProjectRow = {
      items: [
        { label: '联系人', span: 1 },
        { key: 'c', span: 1 },
        { key: 'd', span: 3 },
      ],
    };
    expect(describeFormRow(p, items)).toBe('联系人 | ［填写］ | ［填写，占 3 格］');
    expect(describeFormRow(p, { label: '项目周期', key: 'period' })).toBe('项目周期\u3000印好「2025年」');
    expect(describeFormRow(p, { label: '性质', key: 'n', ticks: 'n', otherTick: '其他' })).toBe(
      '性质\u3000勾选： □其他',
    );
  });
  test('the outline number goes from a title: 「一、」「三. 」「十．」', () => {
    expect(formTitlePlain(' 一、项目基本信息情况表 ')).toBe('项目基本信息情况表');
    expect(formTitlePlain('三. 申报表')).toBe('申报表');
    expect(formTitlePlain('十．情况表')).toBe('情况表');
    expect(formTitlePlain('项目一、情况表')).toBe('项目一、情况表');
  });
});
