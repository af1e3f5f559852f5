/** Reading 附件1 forms the way the clerk who retypes them does: every box style the templates use,
 *  one dataset per repeated section, units taken from the label, help text left in a cell not taken
 *  for a value, and the form-only fields (credit code, 数据集概况) checked where they stand. */
import { checkedValues, formOnlyIssues, parseForm } from '../src/core/form';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';
import type { CellValue } from '../src/core/cell';

/** A credit code Excel stored as a number: past 15 digits the last ones are already lost, as in Excel. */
const LOST_DIGITS = Number('916325007109012345');

const wh = getProfile('wuhan')!;
const qh = getProfile('qinghai')!;
const sh = getProfile('shanghai')!;

/** The values read, as 「dataset:key」 → value, leaving out what was not read. */
function read(p: Profile, rows: CellValue[][]) {
  const f = parseForm(p, rows);
  if (!f) return null;
  const out: Record<string, unknown> = {};
  f.table.rows.forEach((r, d) =>
    p.columns.forEach((c, i) => {
      if (r[i] !== null) out[`${d}:${c.key}`] = r[i];
    }),
  );
  return { values: out, form: f };
}

describe('checkbox lists', () => {
  test.each([
    ['square brackets and 【】, ticked and empty', '[x]文本 [ ]音频 【√】视频 【 】其它', ['文本', '视频']],
    [
      'every ticked mark the templates use',
      '(x)甲 （√）乙 ☒丙 ■丁 √戊 ✓己 ✔庚',
      ['甲', '乙', '丙', '丁', '戊', '己', '庚'],
    ],
    ['nothing ticked: an empty answer, not the options', '□文本 □音频', []],
    ['the choice note is not an option', '☑文本（可多选）', ['文本']],
    ['其它 with its content after a space', '☑其它 海洋', ['其它（海洋）']],
    ['其他 after a colon, half-width', '□文本 ☑其他:时序', ['其他（时序）']],
  ])('%s', (_n, text, want) => expect(checkedValues(text)).toEqual(want));

  test('text without any box is not a checkbox list', () => {
    expect(checkedValues('工业制造')).toBeNull();
  });
});

describe('a form with several datasets (武汉)', () => {
  const rows: CellValue[][] = [
    ['单位名称', '武汉甲公司'],
    ['统一社会信用代码', '91420100MA4K0000XX'],
    ['负责人、职务及联系方式', '张三 经理 13800000000'],
    ['数据集案例名称', '案例一'],
    ['结构化数据集规模（单位：行/条）', '12000'],
    ['非结构化数据集规模（单位：GB）', '100'],
    ['数据集模态及规模', '☑图片 □音频'],
    ['数据集概况', '概'.repeat(201)],
    ['数据集案例名称', '案例二'],
    ['数据集模态及规模', '☑图片100GB ☑音频160GB'],
    ['已支撑算法模型', '（填写算法、大模型名称及数量，若没有，填“无”）'],
  ];

  test('each repeat of the first dataset field starts a dataset; unit fields apply to all', () => {
    const { values, form } = read(wh, rows)!;
    expect(form.sheetRows).toEqual([3, 8]);
    expect(values['0:name']).toBe('案例一');
    expect(values['1:name']).toBe('案例二');
    expect(values['0:applicant']).toBe('武汉甲公司');
    expect(values['1:applicant']).toBe('武汉甲公司');
    expect(values['1:contact']).toBe('张三 经理 13800000000');
    expect(form.cells[1][wh.columns.findIndex((c) => c.key === 'applicant')]).toEqual({ row: 0, col: 1 });
  });

  test('a bare number takes the label’s unit: 行/条 is 条', () => {
    expect(read(wh, rows)!.values['0:structuredScale']).toBe('12000条');
  });

  test('one ticked modality and one size make a pair; sizes written by the boxes are the pairs', () => {
    const { values } = read(wh, rows)!;
    expect(values['0:unstructuredScale']).toBe('图片100GB');
    expect(values['1:unstructuredScale']).toBe('图片100GB，音频160GB');
  });

  test('the template’s help text left in a value cell reads as empty, so required says so', () => {
    expect(read(wh, rows)!.values['1:models']).toBe('');
  });

  test('a summary column the form does not ask for is neither read nor required', () => {
    expect(read(wh, rows)!.form.notCarried).toEqual(['seq', 'benefit']);
    expect(read(wh, rows)!.form.table.header[wh.columns.findIndex((c) => c.key === 'benefit')]).toBe('');
  });

  test('form-only fields are kept with their cell: a unit field once, with the first dataset', () => {
    const { form } = read(wh, rows)!;
    expect(form.formOnly.map((f) => [f.row, f.label, f.at, f.maxChars])).toEqual([
      [0, '统一社会信用代码', { row: 1, col: 1 }, undefined],
      [0, '数据集概况', { row: 7, col: 1 }, 200],
    ]);
  });

  test('two modalities ticked and one size: left as written for the check to question', () => {
    const r = read(wh, [
      ['单位名称', '甲'],
      ['数据集案例名称', '案例'],
      ['非结构化数据集规模（单位：GB）', '100GB'],
      ['数据集模态及规模', '☑图片 ☑音频'],
    ])!;
    expect(r.values['0:unstructuredScale']).toBe('100GB');
  });
});

describe('labels and values (青海)', () => {
  test('fewer than three labels found: not a form', () => {
    expect(
      parseForm(qh, [
        ['单位名称', '甲'],
        ['数据集名称', 'a'],
      ]),
    ).toBeNull();
  });

  test('label and value in one cell; a value merged across repeats once; a number takes the TB of its label', () => {
    const { values, form } = read(qh, [
      ['单位名称：青海甲公司'],
      ['数据集名称', 'a', 'a', '所属行业领域', '☑工业制造'],
      ['数据集规模（单位：TB）', 12],
      ['已服务支撑算法模型', '请填写模型名称，例如“某某大模型”'],
    ])!;
    expect(values['0:applicant']).toBe('青海甲公司');
    expect(values['0:name']).toBe('a');
    expect(values['0:domain']).toBe('工业制造');
    expect(values['0:scale']).toBe('12TB');
    expect(values['0:models']).toBe('');
    const col = (k: string) => qh.columns.findIndex((c) => c.key === k);
    expect(form.cells[0][col('domain')]).toEqual({ row: 1, col: 4 });
    expect(form.cells[0][col('applicant')]).toEqual({ row: 0, col: 0 });
  });

  test('a label with nothing after it reads as empty at the cell beside it', () => {
    const { values, form } = read(qh, [
      ['单位名称', '甲'],
      ['数据集名称', ''],
      ['所属行业领域', '☑通用'],
    ])!;
    expect(values['0:name']).toBe('');
    expect(form.cells[0][qh.columns.findIndex((c) => c.key === 'name')]).toEqual({ row: 1, col: 1 });
  });

  test('a number cell keeps its number, so digits lost to it are noticed', () => {
    const { form } = read(qh, [
      ['单位名称', '甲'],
      ['统一社会信用代码', LOST_DIGITS],
      ['数据集名称', 'a'],
    ])!;
    expect(form.formOnly[0].value).toBe(LOST_DIGITS);
  });
});

describe('上海 project form: the 近三年 grid', () => {
  test('years across, measures down: each value goes to its year’s column', () => {
    const { values, form } = read(sh, [
      ['近三年企业发展情况', '2022 年', '2023年', '2024年度'],
      ['资产总额（万元）', 100, 200, 300],
      ['项目名称', 'P'],
    ])!;
    expect(values['0:assets2022']).toBe('100');
    expect(values['0:assets2023']).toBe('200');
    expect(values['0:assets2024']).toBe('300');
    expect(values['0:projectName']).toBe('P');
    expect(form.cells[0][sh.columns.findIndex((c) => c.key === 'assets2023')]).toEqual({ row: 1, col: 2 });
  });
});

describe('form-only fields checked', () => {
  test('over the notice’s length: an error with both counts', () => {
    expect(
      formOnlyIssues(wh, {
        row: 0,
        label: '数据集概况',
        value: '概'.repeat(201),
        at: { row: 1, col: 1 },
        maxChars: 200,
      }),
    ).toEqual([
      { severity: 'error', code: 'too-long', message: '「数据集概况」不超过 200 字，现为 201 字：请精简。' },
    ]);
    expect(
      formOnlyIssues(wh, {
        row: 0,
        label: '数据集概况',
        value: '概'.repeat(200),
        at: { row: 1, col: 1 },
        maxChars: 200,
      }),
    ).toEqual([]);
  });

  test('a credit code stored as a number has lost digits: that error alone', () => {
    const issues = formOnlyIssues(qh, {
      row: 0,
      label: '统一社会信用代码',
      value: LOST_DIGITS,
      at: { row: 1, col: 1 },
    });
    expect(issues.map((i) => i.code)).toEqual(['number-lost-digits']);
    expect(issues[0].message).toMatch(/^「统一社会信用代码」在原表中存成了数字/);
  });

  test('a credit code of the wrong length is questioned; a plain address is not', () => {
    const bad = formOnlyIssues(qh, {
      row: 0,
      label: '统一社会信用代码',
      value: '9163',
      at: { row: 1, col: 1 },
    });
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((i) => i.code !== 'value-normalised')).toBe(true);
    expect(
      formOnlyIssues(qh, { row: 0, label: '单位地址', value: '西宁市城西区', at: { row: 1, col: 1 } }),
    ).toEqual([]);
  });
});

describe('more shapes from the received forms', () => {
  const sx = getProfile('shanxi')!;
  const col = (p: Profile, k: string) => p.columns.findIndex((c) => c.key === k);

  test('山西: 数据规模与模态 without 「规模：」 and with the modality written out fills both columns', () => {
    const f = parseForm(sx, [
      ['数据集名称', 'a'],
      ['所属领域', '☑工业制造'],
      ['数据规模与模态', '100TB，模态：文本、图像'],
    ])!;
    expect(f.table.rows[0][col(sx, 'scale')]).toBe('100TB');
    expect(f.table.rows[0][col(sx, 'modality')]).toBe('文本、图像');
    // The modality is read from that field, so it is carried and required like any other.
    expect(f.notCarried).toEqual(['seq', 'remark']);
  });

  test('only the scale field is split at 「模态：」; a name that says it stays whole', () => {
    const f = parseForm(qh, [
      ['单位名称', '甲'],
      ['数据集名称', 'a 模态：文本'],
      ['数据集规模（单位：TB）', '1TB'],
    ])!;
    expect(f.table.rows[0][col(qh, 'name')]).toBe('a 模态：文本');
    expect(f.table.rows[0][col(qh, 'modality')]).toBeNull();
  });

  test('a dataset section that begins with another field than the name is still one dataset', () => {
    const f = parseForm(qh, [
      ['单位名称', '甲'],
      ['所属行业领域', '☑通用'],
      ['数据集名称', 'a'],
      ['数据集规模（单位：TB）', '1TB'],
    ])!;
    expect(f.sheetRows).toEqual([1]);
    expect(f.table.rows).toHaveLength(1);
  });

  test.each([
    ['☑是 矿山大模型 □否', '矿山大模型'],
    ['☑是（请注明模型类型/项目名称：__矿山大模型__） □否', '矿山大模型'],
    ['☑是（水文大模型）□否', '水文大模型'],
    ['☑待定', '待定'],
  ])('山西 是否已用于AI训练 %s → %s', (answer, want) => {
    const f = parseForm(sx, [
      ['数据集名称', 'a'],
      ['所属领域', '☑工业制造'],
      ['是否已用于AI训练', answer],
    ])!;
    expect(f.table.rows[0][col(sx, 'models')]).toBe(want);
  });

  test.each([
    ['box after the option, with the choice note at the end', '甲☑ 乙□（可多选）', ['甲']],
    ['blanks after an option', '☑文本___ □音频', ['文本']],
    ['a tick with no option beside it', '☑ □文本', []],
    ['an unfilled 其它：', '☑其它：', ['其它']],
    ['其它 with a spaced content', '☑其它  海 洋', ['其它（海 洋）']],
    ['the next heading after two spaces', '☑城市治理  创新领域：', ['城市治理']],
  ])('checkedValues: %s', (_n, text, want) => expect(checkedValues(text)).toEqual(want));

  const wuhanSize = (mods: string, size: string) =>
    parseForm(wh, [
      ['单位名称', '甲'],
      ['数据集案例名称', 'x'],
      ['非结构化数据集规模（单位：GB）', size],
      ['数据集模态及规模', mods],
    ])!.table.rows[0][col(wh, 'unstructuredScale')];

  test('武汉 pairs: a size written on the form wins; a modality without a size is not guessed', () => {
    expect(wuhanSize('☑图片100GB ☑音频', '')).toBe('');
    expect(wuhanSize('☑图片100GB ☑音频160GB', '260')).toBe('260GB');
    expect(wuhanSize('☑图片', '100 GB')).toBe('图片100 GB');
    expect(wuhanSize('☑图片', '约100GB')).toBe('约100GB');
  });

  test.each([
    ['如“100TB”、“500 万条记录”等。', ''],
    ['例如：“某某”', ''],
    ['请填写名称，如“某某”', ''],
    ['（含说明）', ''],
    ['规模较大，如“城市”', '规模较大，如“城市”'],
    ['（填写名称）附加', '（填写名称）附加'],
  ])('help text %s reads as %s', (v, want) => {
    const f = parseForm(qh, [
      ['单位名称', '甲'],
      ['数据集名称', v],
      ['所属行业领域', '☑通用'],
    ])!;
    expect(f.table.rows[0][col(qh, 'name')]).toBe(want);
  });
});

describe('the last shapes: two ticked modalities, spaced scale, a two-year grid', () => {
  const sx = getProfile('shanxi')!;
  const col = (p: Profile, k: string) => p.columns.findIndex((c) => c.key === k);

  test('山西: 「规模： 100TB ，模态：☑文本 ☑图像」 gives 100TB and 文本、图像', () => {
    const f = parseForm(sx, [
      ['数据集名称', 'a'],
      ['所属领域', '☑工业制造'],
      ['数据规模与模态', '规模： 100TB ，模态：☑文本 ☑图像'],
    ])!;
    expect(f.table.rows[0][col(sx, 'scale')]).toBe('100TB');
    expect(f.table.rows[0][col(sx, 'modality')]).toBe('文本、图像');
  });

  test('上海: a grid of two years and two measures fills each year’s columns', () => {
    const f = parseForm(sh, [
      ['近三年企业发展情况', '2023年', '2024年'],
      ['资产总额（万元）', 200, 300],
      ['主营业务收入（万元）', 20, 30],
      ['项目名称', 'P'],
    ])!;
    const row = f.table.rows[0];
    expect([row[col(sh, 'assets2023')], row[col(sh, 'assets2024')]]).toEqual(['200', '300']);
    expect([row[col(sh, 'revenue2023')], row[col(sh, 'revenue2024')]]).toEqual(['20', '30']);
    expect(row[col(sh, 'assets2022')]).toBeNull();
  });
});
