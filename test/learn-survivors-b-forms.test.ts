/**
 * `hqds learn` on templates with a per-project form (issue 12 item 7, the mutation run over learn.ts
 * lines 703–1427): a form alone (a 申报书), several copies of one form, a form the clerk chose, a
 * form beside our own working list (上海's layout) and a form beside a bureau's own summary (its
 * 附件1). What the format becomes and every review line the clerk reads are asserted exactly.
 * Templates are built as the reader gives them (TemplateDoc), and learned inside each test.
 */
import { learnTemplate, type LearnResult, type TemplateDoc, type TemplateSheet } from '../src/core/learn';

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
const listSheet = (rows = LIST, lists = true) =>
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
