/**
 * `hqds learn` on templates with a per-project form (issue 12 item 7, the mutation run over learn.ts
 * lines 703–1427): a form alone (a 申报书), several copies of one form, a form the clerk chose, a
 * form beside our own working list (上海's layout) and a form beside a bureau's own summary (its
 * 附件1). What the format becomes and every review line the clerk reads are asserted exactly.
 * Templates are built as the reader gives them (TemplateDoc), and learned inside each test.
 */
import { learnTemplate, type LearnResult, type TemplateDoc, type TemplateSheet } from '../src/core/learn';
import { PROFILES } from '../src/core/profiles';

const sheet = (name: string, rows: TemplateSheet['rows'], x: Partial<TemplateSheet> = {}): TemplateSheet => ({
  name,
  hidden: false,
  rows,
  merges: [],
  validations: [],
  ...x,
});
const workbook = (sheets: TemplateSheet[], x: Partial<TemplateDoc> = {}): TemplateDoc => ({
  file: 'f.xlsx',
  kind: 'xlsx',
  sheets,
  ...x,
});
const list = (r: number, c: number, formula: string): TemplateSheet['validations'][number] => ({
  ranges: [{ r1: r, c1: c, r2: 50, c2: c }],
  type: 'list',
  formula,
  errorAlert: true,
  errorStyle: 'stop',
});
const byKey = (r: LearnResult) => Object.fromEntries(r.profile.columns.map((c) => [c.key, c]));
const labels = (r: LearnResult, vocab: string) => {
  const v = r.profile.vocabularies[vocab];
  return [...v.items.map((i) => i.label), ...(v.other ? [v.other] : [])];
};

/** A 申报书: one item a row, options of 所属领域 in a sentence below, one more paragraph of notes. */
const FORM = [
  ['附件1'],
  ['浙江省高质量数据集项目申报书'],
  ['项目名称', null, null],
  ['申报单位名称', null, null],
  ['所属领域', null, null],
  ['数据集模态', null, null],
  ['单位性质', '□国有企业 □民营企业 □其他', null],
  ['联系人', null, null],
  ['电话', null, null],
  ['所属领域：工业制造、医疗健康、火星探索、其他。'],
  ['注：请如实填写各项内容，不得虚报，所填内容须与证明材料一致。'],
];

describe('a form alone (a 申报书): a project layout', () => {
  test('the format: layout, name, source, region, the sheet, one column per item', () => {
    const r = learnTemplate(workbook([sheet('申报书', FORM)]), { id: 'zj' });
    const p = r.profile;
    expect(p.layout).toBe('project');
    expect(p.name).toBe('浙江省高质量数据集项目申报书');
    expect(p.source).toBe('由模板「f.xlsx」的表单学得（hqds learn），请核对后使用');
    expect(p.region).toEqual({ name: '浙江', creditRegion: '33' });
    expect(p.sheet).toEqual({
      sheetName: '浙江省高质量数据集项目申报书',
      attachment: '附件1',
      title: '浙江省高质量数据集项目申报书',
      linesAbove: [],
    });
    expect(p.columns.map((c) => [c.key, c.type, c.required])).toEqual([
      ['projectName', 'text', true],
      ['applicant', 'text', true],
      ['domain', 'vocab', true],
      ['modality', 'text', true],
      ['nature', 'vocab', true],
      ['contactName', 'person', true],
      ['contactPhone', 'phone', true],
    ]);
    expect(p.projectForm?.title).toBe('浙江省高质量数据集项目申报书');
  });

  test('所属领域 takes its options from the sentence below, linked where the crosswalk knows them; the review says so', () => {
    const r = learnTemplate(workbook([sheet('申报书', FORM)]), { id: 'zj' });
    expect(byKey(r).domain).toMatchObject({ type: 'vocab', vocab: 'domain', multi: false });
    expect(labels(r, 'domain')).toEqual(['工业制造', '医疗健康', '火星探索', '其他']);
    expect(r.profile.vocabularies.domain.items.map((i) => i.concepts)).toEqual([
      ['industry'],
      ['health'],
      [],
    ]);
    expect(r.inferred).toContain(
      '「所属领域」的选项来自通知正文「所属领域：工业制造、医疗健康、火星探索、其他」：工业制造、医疗健康、火星探索、其他（单选）。',
    );
    expect(r.inferred).toContain('「所属领域」有其他选项「其他」：列表外的值写成「其他（原值）」。');
    expect(r.inferred).toContain(
      '「所属领域」的 3 个选项中 2 个对应到已知类别，其他格式的同类取值会改写为本表写法；「火星探索」没有对应类别，只接受原文。',
    );
  });

  test('the review: the field without options is asked for, the note below is said left out, the working list explained last', () => {
    const r = learnTemplate(workbook([sheet('申报书', FORM)], { limits: ['读不出数据验证。'] }), {
      id: 'zj',
    });
    expect(r.missing[0]).toBe('读不出数据验证。');
    expect(r.missing).toContain(
      '「数据集模态」通常有固定选项，但模板里既没有勾选项，也没有「数据集模态：A、B、C」这样的说明：按自由文本检查，请补上选项。',
    );
    expect(r.missing.filter((m) => m.startsWith('表单下方还有'))).toEqual([
      '表单下方还有 1 段文字（「注：请如实填写各项内容，不得虚报，所填内」…）：只学了表单本身、字数要求和选项，其余不作为格式的一部分。',
    ]);
    expect(r.missing).toContain(
      '模板没有标明必填项：已把「项目名称」「申报单位名称」「所属领域」「数据集模态」「单位性质」「联系人」「电话」设为必填，其余选填，请核对。',
    );
    expect(r.inferred[r.inferred.length - 1]).toBe(
      '每个项目画一张表单；汇总时另有一张工作清单（每个项目一行，表单各项为列），不是通知的模板。',
    );
    expect(r.inferred.join('\n')).not.toContain('张同样的表单');
  });

  test('the sentence read as options, and nothing else below: nothing is said left out', () => {
    const r = learnTemplate(workbook([sheet('申报书', FORM.slice(0, 10))]), { id: 'zj' });
    expect(labels(r, 'domain')).toEqual(['工业制造', '医疗健康', '火星探索', '其他']);
    expect([...r.inferred, ...r.missing].join('\n')).not.toContain('表单下方还有');
  });

  test('no sentence gives options: what was below is still said left out, and 所属领域 is asked for', () => {
    const rows = [...FORM.slice(0, 9), FORM[10]];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(byKey(r).domain.type).toBe('text');
    expect(r.missing.join('\n')).toContain('表单下方还有');
    expect(r.missing).toContain(
      '「所属领域」通常有固定选项，但模板里既没有勾选项，也没有「所属领域：A、B、C」这样的说明：按自由文本检查，请补上选项。',
    );
  });

  test('the name: the notice line above the form, or the one given, trimmed', () => {
    const rows = [['关于开展数据集申报工作的通知'], ...FORM];
    expect(learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' }).profile.name).toBe(
      '关于开展数据集申报工作的通知',
    );
    expect(
      learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj', name: ' 浙江申报书 ' }).profile.name,
    ).toBe('浙江申报书');
  });

  test('no province in the title or above: an empty region, said', () => {
    const rows = FORM.map((r) =>
      r[0] === '浙江省高质量数据集项目申报书' ? ['某市高质量数据集项目申报书'] : r,
    );
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'x' });
    expect(r.profile.region).toEqual({ name: '' });
    expect(r.missing.join('\n')).toContain('没有认出地区');
  });

  test('several copies of the form: the first is learned, and said first; a chosen one is learned without that word', () => {
    const two = workbook([sheet('表A', FORM), sheet('表B', FORM)]);
    const r = learnTemplate(two, { id: 'zj' });
    expect(r.inferred[0]).toBe('有 2 张同样的表单（「表A」「表B」），按第一张学得。');
    expect(r.inferred[1]).toMatch(/^「表A」是每个项目填一份的表单/);
    const chosen = learnTemplate({ ...two, main: '表B' }, { id: 'zj' });
    expect(chosen.inferred[0]).toMatch(/^「表B」是每个项目填一份的表单/);
    expect(chosen.inferred.join('\n')).not.toContain('张同样的表单');
    expect(chosen.profile.layout).toBe('project');
  });
});

/** Our own working list (its title says 工作清单, the line above says it is not the notice's). */
const LIST = [
  ['某市高质量数据集项目工作清单'],
  ['本表由工具生成，不是通知的官方模板'],
  ['序号', '项目名称', '申报单位名称', '所属领域', '项目周期', '单位性质', '备注'],
  [null],
];
const FORM2 = [
  ['附件1'],
  ['某市项目基本信息情况表'],
  ['项目名称', null, null],
  ['申报单位名称', null, null],
  ['所属领域', '□工业制造 □交通运输 □其他', null],
  ['单位性质', '□国有企业 □民营企业', null],
  ['项目周期', '2025年-2026年', null],
  ['联系人', null, null],
  ['电话', null, null],
];
const listSheet = (rows: TemplateSheet['rows'] = LIST, lists = true) =>
  sheet('工作清单', rows, {
    validations: lists ? [list(3, 3, '"工业制造,医疗健康,其他"'), list(3, 5, '"国有企业,民营企业"')] : [],
  });

describe("a form beside our working list (上海's layout): the list completed by the form", () => {
  test("columns: 序号 dropped, the form's printed value fixed, its new items added, the list's own kept", () => {
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2)]), { id: 'wl' });
    const p = r.profile;
    expect(p.layout).toBe('project');
    expect(p.columns.map((c) => [c.key, c.type])).toEqual([
      ['projectName', 'text'],
      ['applicant', 'text'],
      ['domain', 'vocab'],
      ['period', 'fixed'],
      ['nature', 'vocab'],
      ['remark', 'text'],
      ['contactName', 'person'],
      ['contactPhone', 'phone'],
    ]);
    expect(byKey(r).period.fixedValue).toBe('2025年-2026年');
    expect(p.sheet).toEqual({
      sheetName: '某市项目基本信息情况表',
      attachment: '附件1',
      title: '某市项目基本信息情况表',
      linesAbove: [],
      workingListTitle: '某市高质量数据集项目工作清单',
      workingListNote: '本表由工具生成，不是通知的官方模板',
    });
    expect(p.projectForm?.title).toBe('某市项目基本信息情况表');
  });

  test('the review, line by line', () => {
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2)]), { id: 'wl' });
    const tail = r.inferred.slice(r.inferred.indexOf('汇总表的「序号」不作为列：工作清单自己编序号。'));
    expect(tail).toEqual([
      '汇总表的「序号」不作为列：工作清单自己编序号。',
      '表单上的「联系人」汇总表里没有，已加为列。',
      '表单上的「电话」汇总表里没有，已加为列。',
      '汇总表的「备注」不在表单上：只在工作清单中。',
      '汇总表「某市高质量数据集项目工作清单」作为工作清单，表头上方的文字作为清单说明。',
    ]);
    // The table had no 附件 label; the form has one, so that is not missing.
    expect(r.missing.join('\n')).not.toContain('模板没有「附件N」标签');
  });

  test("the list's dropdown and the form's ticks differ: the dropdown is kept, and said; the same ones are not said", () => {
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(labels(r, 'domain')).toEqual(['工业制造', '医疗健康', '其他']);
    expect(labels(r, 'nature')).toEqual(['国有企业', '民营企业']);
    expect(r.missing.filter((m) => m.includes('与表单的勾选项'))).toEqual([
      '「所属领域」汇总表的下拉列表（工业制造、医疗健康、其他）与表单的勾选项（工业制造、交通运输、其他）不同：按下拉列表，请核对。',
    ]);
  });

  test("a list column without a dropdown takes the form's ticks", () => {
    const r = learnTemplate(workbook([listSheet(LIST, false), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(byKey(r).domain).toMatchObject({ type: 'vocab', vocab: 'domain' });
    expect(labels(r, 'domain')).toEqual(['工业制造', '交通运输', '其他']);
    expect(byKey(r).nature).toMatchObject({ type: 'vocab', vocab: 'nature', multi: false });
    expect(labels(r, 'nature')).toEqual(['国有企业', '民营企业']);
    expect(r.missing.join('\n')).not.toContain('与表单的勾选项');
  });

  test('a working list with nothing above its header but the title: no list note', () => {
    const rows = [LIST[0], ...LIST.slice(2)];
    const r = learnTemplate(workbook([listSheet(rows), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.sheet).not.toHaveProperty('workingListNote');
    expect(r.inferred).toContain('汇总表「某市高质量数据集项目工作清单」作为工作清单。');
  });

  test('a list known by its line above alone (不是…官方模板) is a working list too', () => {
    const rows = [['某市项目清单'], ...LIST.slice(1)];
    const r = learnTemplate(workbook([listSheet(rows), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.layout).toBe('project');
    expect(r.profile.sheet.workingListTitle).toBe('某市项目清单');
  });

  test('a hidden sheet with a header beside the form is no table: the form alone', () => {
    const hidden = { ...listSheet(), hidden: true };
    const r = learnTemplate(workbook([hidden, sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.layout).toBe('project');
    expect(r.profile.sheet).not.toHaveProperty('workingListTitle');
    expect(r.profile.source).toBe('由模板「f.xlsx」的表单学得（hqds learn），请核对后使用');
  });
});

describe("a form beside a bureau's own summary: the summary stays the format, the form's items its 附件1 fields", () => {
  const SUMMARY = [
    ['某市高质量数据集汇总表'],
    ['序号', '项目名称', '申报单位名称', '单位性质', '备注'],
    [null],
  ];
  test('fields tied to the summary columns by key, word limits kept, and the review says how many', () => {
    const form = [...FORM2, ['项目简介（不超过 300 字）', null, null]];
    const r = learnTemplate(workbook([sheet('汇总', SUMMARY), sheet('项目1', form)]), { id: 'sf' });
    const p = r.profile;
    expect(p.layout).toBe('summary');
    expect(p.projectForm).toBeUndefined();
    expect(p.columns.map((c) => c.label)).toEqual(SUMMARY[1]);
    expect(p.form?.title).toBe('某市项目基本信息情况表');
    expect(p.form?.fields.map((f) => [f.label, f.key, f.maxChars])).toEqual([
      ['项目名称', 'projectName', undefined],
      ['申报单位名称', 'applicant', undefined],
      ['所属领域', undefined, undefined],
      ['单位性质', 'nature', undefined],
      ['项目周期', undefined, undefined],
      ['联系人', undefined, undefined],
      ['电话', undefined, undefined],
      ['项目简介（不超过 300 字）', undefined, 300],
    ]);
    expect(p.form?.fields.every((f) => f.perDataset === false && f.synonyms.length === 0)).toBe(true);
    expect(r.inferred[r.inferred.length - 1]).toBe(
      '模板另有每个单位填写一份的表单「某市项目基本信息情况表」：记下它的 8 项（3 项对应汇总表的列），用于读取收到的表单；汇总仍按汇总表「某市高质量数据集汇总表」。',
    );
  });
});

const clean = (r: LearnResult) => {
  for (const line of [...r.inferred, ...r.missing]) {
    expect(line).not.toMatch(/undefined|NaN|Stryker/);
    expect(line).toMatch(/[\u4e00-\u9fa5]/);
  }
};

describe('a form alone: more of what it says', () => {
  test('word limits on form labels, widths of known items, no 附件1 fields when there are none', () => {
    const rows = [...FORM.slice(0, 9), ['项目简介（不超过300字）', null, null]];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    clean(r);
    expect(byKey(r)['项目简介'] ?? r.profile.columns[r.profile.columns.length - 1]).toMatchObject({
      label: '项目简介（不超过300字）',
      maxChars: 300,
    });
    expect(r.inferred).toContain('「项目简介（不超过300字）」限 300 字。');
    expect(r.profile.columns.filter((c) => c.maxChars).map((c) => c.label)).toEqual([
      '项目简介（不超过300字）',
    ]);
    expect(r.profile.form).toBeUndefined();
  });

  test('sections with a word limit below the form become its 附件1 fields', () => {
    const rows = [...FORM.slice(0, 9), ['一、项目概述（不超过500字）']];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(r.profile.form).toEqual({
      title: '浙江省高质量数据集项目申报书',
      fields: [
        { label: expect.stringContaining('项目概述'), maxChars: 500, synonyms: [], perDataset: false },
      ],
    });
  });

  test('a long title is cut to 31 characters for the sheet name; a notice line above is trimmed for the name', () => {
    const long = '浙江省行业高质量数据集建设项目申报书（2025年度第一批次，请各单位认真填写）';
    const rows = [['  关于开展申报工作的通知  '], ...FORM.map((r) => (r[0] === FORM[1][0] ? [long] : r))];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(r.profile.sheet.title).toBe(long);
    expect(r.profile.sheet.sheetName).toBe(long.slice(0, 31));
    expect(r.profile.name).toBe('关于开展申报工作的通知');
  });

  test("a form field's ticks stay, even when a sentence below lists other options for it", () => {
    const rows = [...FORM.slice(0, 9), ['单位性质：国有企业、集体企业、外资企业。']];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(labels(r, 'nature')).toEqual(['国有企业', '民营企业', '其他']);
  });

  test('a sentence naming the field by another known spelling (行业领域 for 所属领域) gives its options; 可多选 is said', () => {
    const rows = [...FORM.slice(0, 9), ['行业领域（可多选）：工业制造、医疗健康、农业农村。']];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    clean(r);
    expect(byKey(r).domain).toMatchObject({ type: 'vocab', multi: true });
    expect(labels(r, 'domain')).toEqual(['工业制造', '医疗健康', '农业农村']);
    expect(r.inferred).toContain(
      '「所属领域」的 3 个选项中 3 个对应到已知类别，其他格式的同类取值会改写为本表写法。',
    );
    expect(r.inferred.join('\n')).toMatch(
      /「所属领域」的选项来自通知正文「[^」]*」，写明可多选：工业制造、医疗健康、农业农村（可多选）。/,
    );
  });

  test('only fields that usually have options are asked for; two sentences used, the rest counted', () => {
    const rows = [
      ...FORM.slice(0, 9),
      ['所属领域：工业制造、医疗健康。'],
      ['数据集模态：文本、图像。'],
      ['注：请如实填写。'],
      ['申报单位（盖章）：'],
    ];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(r.missing.filter((m) => m.includes('通常有固定选项'))).toEqual([]);
    expect(labels(r, 'modality')).toEqual(['文本', '图像']);
    expect(r.missing.filter((m) => m.startsWith('表单下方还有'))).toEqual([
      '表单下方还有 2 段文字（「注：请如实填写。」…）：只学了表单本身、字数要求和选项，其余不作为格式的一部分。',
    ]);
  });

  test("no sentence used: the form reader's own line about the text below stands", () => {
    const rows = [...FORM.slice(0, 9), FORM[10]];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    expect(r.missing.filter((m) => m.startsWith('表单下方还有'))).toEqual([
      '表单下方还有 1 段文字（「注：请如实填写各项内容，不得虚报，所填内」…）：只学了表单本身和字数要求，其余不作为格式的一部分。',
    ]);
  });

  test('a form the clerk chose is learned alone, even beside a working list', () => {
    const r = learnTemplate(
      { ...workbook([listSheet(), sheet('项目1', FORM2)]), main: '项目1' },
      { id: 'wl' },
    );
    expect(r.profile.layout).toBe('project');
    expect(r.profile.sheet).not.toHaveProperty('workingListTitle');
  });

  test('a visible sheet of instructions beside the form is no table: the form alone', () => {
    const notes = sheet('填表说明', [['填表说明'], ['1. 请如实填写。'], ['2. 按时报送。']]);
    const r = learnTemplate(workbook([sheet('申报书', FORM), notes]), { id: 'zj' });
    expect(r.profile.layout).toBe('project');
    expect(r.profile.source).toBe('由模板「f.xlsx」的表单学得（hqds learn），请核对后使用');
  });
});

describe('our working list beside the form: more of what it says', () => {
  test("the table's own review stays: its header row, its region and 必填 lines; no word on choosing among sheets", () => {
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2)]), { id: 'wl' });
    clean(r);
    expect(r.inferred[0]).toBe('表头在第 3 行。');
    expect(r.inferred.join('\n')).not.toContain('按表头选用了');
    expect(r.missing).toContain(
      '没有认出地区：检查时不核对统一社会信用代码是否本地登记，非本地单位请自行留意（格式文件中为 region.creditRegion，可填行政区划代码前几位）。',
    );
    expect(r.missing.join('\n')).toContain('模板没有标明必填项');
    // Items only the form has are added optional: the working list did not ask for them.
    expect([byKey(r).contactName.required, byKey(r).contactPhone.required]).toEqual([false, false]);
  });

  test('neither the table nor the form has a 附件 label: that is still said', () => {
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2.slice(1))]), { id: 'wl' });
    expect(r.profile.sheet.attachment).toBe('');
    expect(r.missing.join('\n')).toContain('模板没有「附件N」标签');
  });

  test('a list without 序号 keeps its first column', () => {
    const rows = [LIST[0], LIST[1], LIST[2].slice(1), [null]];
    const r = learnTemplate(workbook([listSheet(rows, false), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.columns[0].key).toBe('projectName');
    expect(r.inferred.join('\n')).not.toContain('不作为列');
  });

  test('ticks only the form has become a column with their options; list columns all on the form: nothing said of them', () => {
    const rows = [LIST[0], LIST[1], ['序号', '项目名称', '申报单位名称', '单位性质'], [null]];
    const form = [...FORM2, ['数据集模态', '□文本 □图像 □音频', null]];
    const r = learnTemplate(workbook([listSheet(rows, false), sheet('项目1', form)]), { id: 'wl' });
    expect(byKey(r).modality).toMatchObject({ type: 'vocab', vocab: 'modality' });
    expect(labels(r, 'modality')).toEqual(['文本', '图像', '音频']);
    expect(r.inferred).toContain('表单上的「数据集模态」汇总表里没有，已加为列。');
    expect(r.inferred.join('\n')).not.toContain('不在表单上');
  });

  test('two list columns off the form are named together; two lines above make the list note', () => {
    const rows = [
      LIST[0],
      ['本表由工具生成，', '不是通知的官方模板'],
      ['报送日期：'],
      [...LIST[2], '数据来源'],
      [null],
    ];
    const r = learnTemplate(workbook([listSheet(rows, false), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.layout).toBe('project');
    expect(r.inferred).toContain('汇总表的「备注」「数据来源」不在表单上：只在工作清单中。');
    expect(r.profile.sheet.workingListNote).toBe('本表由工具生成，不是通知的官方模板\n报送日期：');
  });

  test("a list dropdown and the form's ticks differ where one has no other-option: both lists said as they are", () => {
    const form = FORM2.map((r) =>
      r[0] === '单位性质' ? ['单位性质', '□国有企业 □民营企业 □外资企业', null] : r,
    );
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', form)]), { id: 'wl' });
    expect(r.missing).toContain(
      '「单位性质」汇总表的下拉列表（国有企业、民营企业）与表单的勾选项（国有企业、民营企业、外资企业）不同：按下拉列表，请核对。',
    );
  });

  test("the list's dropdown stays when the form prints one value or ticks several", () => {
    const rows = [LIST[0], LIST[1], LIST[2], [null]];
    const lists = [list(3, 3, '"工业制造,交通运输,其他"'), list(3, 4, '"2025年-2026年,2026年-2027年"')];
    const form = FORM2.map((r) => (r[0] === '所属领域' ? ['所属领域（可多选）', r[1], null] : r));
    const r = learnTemplate(
      workbook([sheet('工作清单', rows, { validations: lists }), sheet('项目1', form)]),
      { id: 'wl' },
    );
    expect(byKey(r).domain).toMatchObject({ type: 'vocab', vocab: 'domain', multi: false });
    expect(byKey(r).period).toMatchObject({ type: 'vocab', vocab: 'period' });
    expect(byKey(r).period).not.toHaveProperty('fixedValue');
  });
});

describe("a bureau's summary beside a form: fields", () => {
  test('yearly figures of the form are no 附件1 fields unless the summary has their column; a limit without spaces counts', () => {
    const SUMMARY = [['某市高质量数据集汇总表'], ['序号', '项目名称', '申报单位名称', '备注'], [null]];
    const form = [
      ...FORM2.slice(0, 4),
      ['项目简介（不超过300字）', null, null],
      ['近三年情况', '2023年', '2024年'],
      ['营业收入（万元）', null, null],
    ];
    const r = learnTemplate(workbook([sheet('汇总', SUMMARY), sheet('项目1', form)]), { id: 'sf' });
    const fields = r.profile.form!.fields;
    expect(fields.map((f) => f.label)).toEqual(['项目名称', '申报单位名称', '项目简介（不超过300字）']);
    expect(fields[2].maxChars).toBe(300);
    // The yearly columns are the form's own (营业收入2023 …), kept off the summary's fields.
    expect(r.inferred.join('\n')).toContain('记下它的 3 项（2 项对应汇总表的列）');
  });
});

describe('forms: the last details', () => {
  test("a form's ticks are linked through every built-in's spellings (农业农村 is 武汉's and 山西's)", () => {
    const form = [...FORM2.slice(0, 4), ['所属领域', '□农业农村 □工业制造', null], ...FORM2.slice(5)];
    const r = learnTemplate(workbook([sheet('项目1', form)]), { id: 'x' });
    expect(r.inferred).toContain(
      '「所属领域」的 2 个选项中 2 个对应到已知类别，其他格式的同类取值会改写为本表写法。',
    );
  });

  test("a form's columns take the built-in column's width, 12 for one no format has", () => {
    const rows = [...FORM.slice(0, 9), ['项目简介（不超过300字）', null, null]];
    const r = learnTemplate(workbook([sheet('申报书', rows)]), { id: 'zj' });
    const builtIn = (key: string) => PROFILES.flatMap((p) => p.columns).find((c) => c.key === key)!.width;
    expect(builtIn('applicant')).not.toBe(12);
    expect(byKey(r).applicant.width).toBe(builtIn('applicant'));
    expect(r.profile.columns[r.profile.columns.length - 1].width).toBe(12);
  });

  test('a summary whose header is its first row, beside a form, is still a table', () => {
    const SUMMARY = [['序号', '项目名称', '申报单位名称', '备注'], [null]];
    const r = learnTemplate(workbook([sheet('汇总', SUMMARY), sheet('项目1', FORM2)]), { id: 'sf' });
    expect(r.profile.layout).toBe('summary');
    expect(r.profile.form?.title).toBe('某市项目基本信息情况表');
  });

  test('a working list known by 「不是…官方模板」 split over two cells', () => {
    const rows = [['某市项目清单'], ['本表不是', '官方模板'], ...LIST.slice(2)];
    const r = learnTemplate(workbook([listSheet(rows), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(r.profile.layout).toBe('project');
  });

  test('beside the working list: a long form title is cut for the sheet name; sections below become the form fields', () => {
    const long = '某市行业高质量数据集建设项目基本信息情况表2025年度第一批次申报专用';
    const form = [FORM2[0], [long], ...FORM2.slice(2), ['一、项目概述（不超过500字）']];
    const r = learnTemplate(workbook([listSheet(), sheet('项目1', form)]), { id: 'wl' });
    expect(r.profile.sheet.title).toBe(long);
    expect(r.profile.sheet.sheetName).toBe(long.slice(0, 31));
    expect(r.profile.form).toMatchObject({ title: long, fields: [{ maxChars: 500 }] });
    const plain = learnTemplate(workbook([listSheet(), sheet('项目1', FORM2)]), { id: 'wl' });
    expect(plain.profile.form).toBeUndefined();
  });
});

test('a form with two domain items (所属领域, 行业领域 → domain2): both asked for options, both kept as 附件1 fields', () => {
  const form = [
    ...FORM2.slice(0, 4),
    ['所属领域', null, null],
    ['行业领域', null, null],
    ['联系人', null, null],
  ];
  const alone = learnTemplate(workbook([sheet('项目1', form)]), { id: 'x' });
  expect(alone.profile.columns.map((c) => c.key)).toEqual([
    'projectName',
    'applicant',
    'domain',
    'domain2',
    'contactName',
  ]);
  expect(alone.missing).toContain(
    '「行业领域」通常有固定选项，但模板里既没有勾选项，也没有「行业领域：A、B、C」这样的说明：按自由文本检查，请补上选项。',
  );
  const SUMMARY = [['某市汇总表'], ['序号', '项目名称', '申报单位名称', '备注'], [null]];
  const beside = learnTemplate(workbook([sheet('汇总', SUMMARY), sheet('项目1', form)]), { id: 'x' });
  expect(beside.profile.form?.fields.map((f) => f.label)).toEqual([
    '项目名称',
    '申报单位名称',
    '所属领域',
    '行业领域',
    '联系人',
  ]);
});
