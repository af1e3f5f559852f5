/**
 * hqds learn, per-project forms (issue 13): 上海's 项目基本信息情况表 is one label | value sheet per
 * project (seeds/003, FORMATS.md §5). Written blank by our own plan and writer, or as a Word table
 * with the notice's rows, it learns back to shanghai.json's projectForm character for character,
 * and the learned format draws project sheets like the built-in one. A label the crosswalk does
 * not know is kept and said; a summary template is never taken for a form.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { learnTemplate, type TemplateSheet } from '../src/core/learn';
import { describeFormRow, isFormSheet } from '../src/core/learn-form';
import { emptyMergeResult, mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import type { Profile } from '../src/core/profile';
import { getProfile } from '../src/core/profiles';
import { readFile } from '../src/io/read';
import { readTemplate } from '../src/io/template';
import { writeWorkbook } from '../src/io/xlsx-writer';
import { run } from './helpers/cli';
import { docx, options, p, para, symBox, table, type Cell } from './helpers/docx';
import { shanghaiForm } from './helpers/docx-forms';
import { shanghaiProjectRow } from './helpers/messy';
import { beijingTemplate } from './helpers/templates';

const built = getProfile('shanghai')!;

/** 上海's blank template as hqds writes it: the working list and one blank 项目基本信息情况表, with
 *  the value the notice prints on every form (项目周期 「2025年12月至2027年11月」) already in place. */
async function shanghaiBlankXlsx(): Promise<Uint8Array> {
  const header = built.columns.map((c) => c.label);
  const blank = built.columns.map((c) => (c.type === 'fixed' ? c.fixedValue! : ''));
  const merged = mergeSheets(built, [{ file: '空白.xlsx', sheet: '清单', rows: [header, blank] }]);
  return new Uint8Array(await writeWorkbook(planWorkbook(built, merged, { annotate: false })));
}

const box = (xml: string, span: number): Cell => ({ xml: p(xml), span });
const cont: Cell = { vmerge: 'continue' };
const free = (label: string): Cell[] => [label, { text: '', span: 4 }];

/** The notice's 申报书 in Word: its cover, the form as seeds/003 prints it (options one per line under a
 *  label merged down, Wingdings boxes), and the sections below with their word limits. */
function shanghaiBlankDocx(extraRows: Cell[][] = [], grid = true): Promise<Buffer> {
  const rows: Cell[][] = [
    free('项目名称'),
    free('申报单位名称'),
    [
      { text: '申报方向', vmerge: 'restart' },
      box(options([[false, '方向1：行业领域高质量数据集建设']], symBox), 4),
    ],
    [cont, box(options([[false, '方向2：高质量数据集工具链平台建设']], symBox), 4)],
    ['项目周期', { text: '2025年12月至2027年11月', span: 4 }],
    free('拟投入资金（万元）'),
    free('已投入资金（万元）'),
    ['项目联系人', '', '职务', { text: '', span: 2 }],
    ...['电话', '邮箱', '单位地址', '所在区（注册区县）', '法定代表人', '统一社会信用代码'].map(free),
    [
      { text: '单位性质', vmerge: 'restart' },
      box(
        options(
          ['国有企业', '事业单位', '民营企业', '外资企业', '合资企业'].map((o): [boolean, string] => [
            false,
            o,
          ]),
          symBox,
        ),
        4,
      ),
    ],
    [cont, box(options([[false, '其他（请注明）']], symBox), 4)],
    ...extraRows,
    ['近三年企业发展情况', '2022年', '2023年', '2024年', ''],
    ...['资产总额（万元）', '资产负债率（%）', '主营业务收入（万元）', '利润率（%）'].map((m) => [
      m,
      '',
      '',
      '',
      '',
    ]),
  ];
  return docx(
    para('附件') +
      para('上海市高质量数据集建设先行先试申报书') +
      para('申报须知') +
      para('1.申报材料要求盖章处，须加盖公章，复印无效。') +
      para('一、项目基本信息情况表') +
      (grid ? table(rows, 5) : table(rows, 5).replace(/<w:tblGrid>.*?<\/w:tblGrid>/, '')) +
      para('二、发展基础') +
      para('（一）申报单位基本情况（不超过1000字）') +
      para('介绍申报单位主营业务等基本概况。') +
      para('（二）已开展工作（不超过1000字）'),
  );
}

const formOf = (p: Profile) => p.projectForm!;
const vocabShape = (p: Profile, name: string) => ({
  labels: p.vocabularies[name].items.map((i) => i.label),
  other: p.vocabularies[name].other,
});
const columnShape = (p: Profile) =>
  p.columns.map((c) => ({ key: c.key, label: c.label, type: c.type, multi: c.multi, fixed: c.fixedValue }));

describe('上海 blank template written by hqds (working list + project sheet) → learn → the same format', () => {
  let learned: Profile;
  let inferred: string;
  let missing: string;
  beforeAll(async () => {
    const r = learnTemplate(await readTemplate('上海空白.xlsx', await shanghaiBlankXlsx()), {
      id: 'shanghai-learned',
    });
    learned = r.profile;
    inferred = r.inferred.join('\n');
    missing = r.missing.join('\n');
  });

  test('projectForm equals shanghai.json: title, rows, labels, keys, ticks, otherTick, items, years, measures, widths', () => {
    expect(learned.layout).toBe('project');
    expect(formOf(learned)).toEqual(formOf(built));
  });

  test('the ticked vocabularies: 申报方向 and 单位性质 with 其他, as the notice writes them', () => {
    expect(vocabShape(learned, 'direction')).toEqual(vocabShape(built, 'direction'));
    expect(vocabShape(learned, 'nature')).toEqual(vocabShape(built, 'nature'));
    expect(vocabShape(learned, 'district')).toEqual(vocabShape(built, 'district'));
  });

  test("both are learned: the working list's columns, completed by the form (项目周期 is the printed fixed value)", () => {
    expect(columnShape(learned)).toEqual(columnShape(built));
    expect(learned.sheet).toMatchObject({
      sheetName: built.sheet.sheetName,
      title: built.sheet.title,
      attachment: built.sheet.attachment,
      workingListTitle: built.sheet.workingListTitle,
      workingListNote: built.sheet.workingListNote,
      linesAbove: [],
    });
    expect(learned.region).toEqual({ name: '上海', creditRegion: '31' });
  });

  test('the review says what was inferred from the form, and no longer misses the 附件 label the form has', () => {
    expect(inferred).toContain('是每个项目填一份的表单');
    expect(inferred).toContain('「项目周期」模板里已印好「2025年12月至2027年11月」');
    expect(inferred).toContain('「单位性质」是勾选项');
    expect(inferred).toContain('「近三年企业发展情况」是逐年指标：2022、2023、2024 年');
    expect(inferred).toContain('汇总表的「序号」不作为列');
    expect(missing).not.toContain('附件N');
    expect(missing).not.toContain('与表单的勾选项');
  });

  test('a learned 上海-like profile builds its project sheets like the built-in (the plans are equal)', () => {
    const header = built.columns.map((c) => c.label);
    const other = shanghaiProjectRow();
    other[0] = '工具链项目';
    other[2] = '方向2';
    other[14] = '其他（社会团体）';
    const input = [{ file: '收到.xlsx', sheet: '清单', rows: [header, shanghaiProjectRow(), other] }];
    const plan = (p: Profile) =>
      planWorkbook(p, mergeSheets(p, input), { date: null }).sheets.filter((s) => s.role === 'project');
    const ours = plan(learned);
    expect(ours).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(plan(built))));
    const texts = ours[1].cells.map((c) => c.v);
    expect(texts).toContain('□方向1：行业领域高质量数据集建设  ☑方向2：高质量数据集工具链平台建设');
  });
});

describe('上海 申报书 as a Word table → learn → the same form', () => {
  let learned: Profile;
  let inferred: string;
  let missing: string;
  beforeAll(async () => {
    const r = learnTemplate(await readTemplate('上海申报书.docx', await shanghaiBlankDocx()), {
      id: 'shanghai-word',
    });
    learned = r.profile;
    inferred = r.inferred.join('\n');
    missing = r.missing.join('\n');
  });

  test('title, rows, labels, keys, ticks (options over two rows), otherTick, items, years and measures', () => {
    const { colWidths: _w, ...form } = formOf(learned);
    const { colWidths: _b, ...want } = formOf(built);
    expect(form).toEqual(want);
    expect(vocabShape(learned, 'direction')).toEqual(vocabShape(built, 'direction'));
    expect(vocabShape(learned, 'nature')).toEqual(vocabShape(built, 'nature'));
  });

  test('the form alone makes a project layout: a column per field, in the built-in order and kinds', () => {
    expect(learned.layout).toBe('project');
    // 所在区 has no ☐ list on the form: a free field here, a vocabulary in the built-in.
    const shape = (p: Profile) =>
      columnShape(p).map((c) => (c.key === 'district' ? { ...c, type: 'text' } : c));
    expect(shape(learned)).toEqual(shape(built));
    expect(learned.sheet).toMatchObject({ attachment: '附件', title: '项目基本信息情况表' });
    expect(learned.form?.fields.map((f) => [f.label, f.maxChars])).toEqual(
      built.form!.fields.map((f) => [f.label, f.maxChars]),
    );
    expect(learned.region).toEqual({ name: '上海', creditRegion: '31' });
  });

  test("column widths from the Word table's grid (1500 twips = 13.5 characters); the text below the form is said", () => {
    expect(formOf(learned).colWidths).toEqual([13.5, 13.5, 13.5, 13.5, 13.5]);
    expect(inferred).toContain('表单列宽（字符）：13.5、13.5、13.5、13.5、13.5');
    expect(missing).toContain('表单下方还有');
    expect(inferred).toContain('表单下方「申报单位基本情况」限 1000 字');
  });

  test('a table without a grid: a label column and value columns, and it says so', async () => {
    const r = learnTemplate(await readTemplate('无网格.docx', await shanghaiBlankDocx([], false)), {
      id: 'no-grid',
    });
    expect(formOf(r.profile).colWidths).toEqual([22, 14, 14, 14, 14]);
    expect(r.missing.join('\n')).toContain('模板没有设置表单的列宽');
  });
});

test('a label the crosswalk does not know is kept with a key from its label, and said', async () => {
  const extra: Cell[][] = [free('所属园区'), ['牵头部门', { text: '', span: 4 }]];
  const r = learnTemplate(await readTemplate('新表单.docx', await shanghaiBlankDocx(extra)), {
    id: 'new-form',
  });
  const rows = formOf(r.profile).rows;
  expect(rows).toContainEqual({ label: '所属园区', key: '所属园区' });
  expect(rows).toContainEqual({ label: '牵头部门', key: '牵头部门' });
  expect(r.profile.columns.find((c) => c.key === '所属园区')).toMatchObject({
    label: '所属园区',
    type: 'text',
  });
  expect(r.inferred).toContain(
    '表单项「所属园区」不是已知的项，键记作「所属园区」，按自由文本检查：请确认。',
  );
});

test('a filled-in form is learned for its fields, and its answers are not taken for fixed values', async () => {
  const r = learnTemplate(await readTemplate('填好的.docx', await shanghaiForm()), { id: 'filled' });
  expect(r.profile.columns.filter((c) => c.type === 'fixed')).toEqual([]);
  expect(r.missing.join('\n')).toContain('像是一份填好的申报表');
  expect(formOf(r.profile).rows.map((x) => ('key' in x ? x.key : 'items' in x ? 'items' : 'years'))).toEqual(
    formOf(built).rows.map((x) => ('key' in x ? x.key : 'items' in x ? 'items' : 'years')),
  );
});

describe('a summary template is not taken for a form', () => {
  const blankSummary = async (id: string) =>
    new Uint8Array(
      await writeWorkbook(planWorkbook(getProfile(id)!, emptyMergeResult(), { annotate: false })),
    );
  test.each(['qinghai', 'wuhan', 'shanxi'])(
    '%s: every sheet of its blank summary is no form, and it learns as a summary',
    async (id) => {
      const doc = await readTemplate(`${id}.xlsx`, await blankSummary(id));
      const keyOf = () => ({ key: 'x', how: 'exact' as const });
      expect(doc.sheets.filter((s: TemplateSheet) => isFormSheet(s, { keyOf }))).toEqual([]);
      const r = learnTemplate(doc, { id: `${id}-2` });
      expect(r.profile.layout).toBe('summary');
      expect(r.profile.projectForm).toBeUndefined();
    },
  );
  test('a new bureau with 12 columns and a hidden list sheet', async () => {
    const r = learnTemplate(await readTemplate('北京.xlsx', new Uint8Array(await beijingTemplate())), {
      id: 'beijing',
    });
    expect(r.profile.layout).toBe('summary');
    expect(r.profile.projectForm).toBeUndefined();
  });
  test("上海's blank working list alone stays a summary", async () => {
    const r = learnTemplate(await readTemplate('清单.xlsx', await blankSummary('shanghai')), { id: 'list' });
    expect(r.profile.layout).toBe('summary');
  });
});

test('hqds learn prints the learned form row by row', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-form-'));
  try {
    const file = path.join(dir, '上海申报书.docx');
    fs.writeFileSync(file, await shanghaiBlankDocx());
    const out = path.join(dir, '上海.json');
    const res = await run(['learn', file, '--out', out, '--id', 'shanghai-2025']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('项目周期\u3000固定值「2025年12月至2027年11月」\u3000必填');
    expect(res.out).toContain('表单「一、项目基本信息情况表」（每个项目一张）：');
    expect(res.out).toContain(
      '申报方向\u3000勾选：□方向1：行业领域高质量数据集建设 □方向2：高质量数据集工具链平台建设',
    );
    expect(res.out).toContain('项目联系人 | ［填写］ | 职务 | ［填写，占 2 格］');
    expect(res.out).toContain(
      '近三年企业发展情况\u30002022、2023、2024 年 × 资产总额（万元）、资产负债率（%）',
    );
    const saved = JSON.parse(fs.readFileSync(out, 'utf8')) as Profile;
    expect(saved.projectForm?.rows).toEqual(JSON.parse(JSON.stringify(formOf(built).rows)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('describeFormRow: one line per row, labels as printed', () => {
  const lines = formOf(built).rows.map((r) => describeFormRow(built, r));
  expect(lines[0]).toBe('项目名称\u3000［填写］');
  expect(lines[3]).toBe('项目周期\u3000印好「2025年12月至2027年11月」');
  expect(lines[13]).toBe(
    '单位性质\u3000勾选：□国有企业 □事业单位 □民营企业 □外资企业 □合资企业 □其他（请注明）',
  );
});

test('from a sheet of the open workbook (the pane reads text only: no merges, rows padded to the used range)', async () => {
  const doc = await readTemplate('上海空白.xlsx', await shanghaiBlankXlsx());
  const form = doc.sheets.find((s) => s.name.startsWith('项目1'))!;
  const rows = Array.from(form.rows, (r) => Array.from({ length: 5 }, (_, c) => r?.[c] ?? ''));
  const r = learnTemplate({
    file: form.name,
    kind: 'other',
    sheets: [{ name: form.name, hidden: false, rows, merges: [], validations: [] }],
  });
  const { colWidths: _w, ...learned } = formOf(r.profile);
  const { colWidths: _b, ...want } = formOf(built);
  expect(learned).toEqual(want);
  expect(r.profile.sheet.attachment).toBe('附件');
});

test('a format learned from the Word 申报书 reads a filled-in Word form and draws it as the built-in does', async () => {
  const learned = learnTemplate(await readTemplate('上海申报书.docx', await shanghaiBlankDocx()), {
    id: 'shanghai-word',
  }).profile;
  const wb = await readFile('上海情况表.docx', await shanghaiForm());
  const sheets = wb.sheets.map((x) => ({
    file: '上海情况表.docx',
    sheet: x.name,
    rows: x.rows,
    origins: x.origins,
  }));
  const read = (p: Profile) => mergeSheets(p, sheets, { asTheyStand: true });
  const ours = read(learned);
  const theirs = read(built);
  expect(ours.inputs[0].kind).toBe('form');
  const values = (m: typeof ours) => m.entries.map((e) => built.columns.map((c) => e.entry.get(c.key)));
  expect(values(ours)).toEqual(values(theirs));
  expect(values(ours)[0]).toContain('长三角航运高质量数据集');
  const draw = (p: Profile, m: typeof ours) =>
    planWorkbook(p, m, { date: null })
      .sheets.filter((x) => x.role === 'project')
      .map((x) => ({ name: x.name, cells: x.cells, merges: x.merges }));
  expect(JSON.parse(JSON.stringify(draw(learned, ours)))).toEqual(
    JSON.parse(JSON.stringify(draw(built, theirs))),
  );
});

test("a bureau's own summary beside a one-item-a-row 附件1: the summary stays the format, the form's items become its 附件1 fields", () => {
  const summary: TemplateSheet = {
    name: '附件2',
    hidden: false,
    rows: [
      ['附件2'],
      ['某省行业高质量数据集汇总表'],
      ['序号', '数据集名称', '所属领域', '申报单位名称', '统一社会信用代码', '联系人及联系方式', '备注'],
      [1],
    ],
    merges: [{ r1: 1, c1: 0, r2: 1, c2: 6 }],
    validations: [],
  };
  const form: TemplateSheet = {
    name: '附件1',
    hidden: false,
    rows: [
      ['附件1'],
      ['某省行业高质量数据集基本信息表'],
      ['数据集名称', null],
      ['申报单位名称', null],
      ['统一社会信用代码', null],
      ['单位地址', null],
      ['联系人及联系方式', null],
      ['数据集概况（不超过200字）', null],
    ],
    merges: [],
    validations: [],
  };
  const r = learnTemplate({ file: '某省通知.xlsx', kind: 'xlsx', sheets: [form, summary] }, { id: 'some' });
  expect(r.profile.layout).toBe('summary');
  expect(r.profile.projectForm).toBeUndefined();
  expect(r.profile.sheet.title).toBe('某省行业高质量数据集汇总表');
  expect(r.profile.columns.map((c) => c.label)).toEqual(summary.rows[2]);
  expect(r.profile.form?.title).toBe('某省行业高质量数据集基本信息表');
  expect(r.profile.form?.fields.map((f) => [f.label, f.key])).toEqual([
    ['数据集名称', 'name'],
    ['申报单位名称', 'applicant'],
    ['统一社会信用代码', 'creditCode'],
    ['单位地址', undefined],
    ['联系人及联系方式', 'contact'],
    ['数据集概况（不超过200字）', undefined],
  ]);
  expect(r.profile.form?.fields[5].maxChars).toBe(200);
  expect(r.inferred.join('\n')).toContain('模板另有每个单位填写一份的表单「某省行业高质量数据集基本信息表」');
});

test('a sheet the clerk chose in the pane is learned alone: the project sheet as the form, the working list as a table', async () => {
  const doc = await readTemplate('上海空白.xlsx', await shanghaiBlankXlsx());
  const formSheet = doc.sheets.find((s) => s.name.startsWith('项目1'))!.name;
  const asForm = learnTemplate({ ...doc, main: formSheet }).profile;
  expect(asForm.layout).toBe('project');
  expect(formOf(asForm)).toEqual(formOf(built));
  expect(asForm.columns.map((c) => c.key)).toEqual(built.columns.map((c) => c.key));
  const asList = learnTemplate({ ...doc, main: '工作清单' }).profile;
  expect(asList.layout).toBe('summary');
  expect(asList.projectForm).toBeUndefined();
});

test('hqds learn on a notice workbook with 附件1 (one item a row) and 附件2 (the summary) prints both', async () => {
  const wb = new ExcelJS.Workbook();
  const form = wb.addWorksheet('附件1');
  [
    ['附件1'],
    ['某省行业高质量数据集基本信息表'],
    ['数据集名称'],
    ['申报单位名称'],
    ['单位地址'],
    ['统一社会信用代码'],
    ['联系人及联系方式'],
  ].forEach((r) => form.addRow(r));
  for (let r = 3; r <= 7; r++) form.mergeCells(r, 2, r, 4);
  const sum = wb.addWorksheet('附件2');
  sum.addRow(['附件2']);
  sum.addRow(['某省行业高质量数据集汇总表']);
  sum.addRow(['序号', '数据集名称', '所属领域', '申报单位名称', '统一社会信用代码', '联系人及联系方式']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-form-'));
  try {
    const file = path.join(dir, '某省通知.xlsx');
    await wb.xlsx.writeFile(file);
    const res = await run(['learn', file, '--out', path.join(dir, 'some.json'), '--id', 'some']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('表单「某省行业高质量数据集基本信息表」（每个单位填一份，读入汇总表）：');
    expect(res.out).toContain('  2. 申报单位名称\u3000→ 汇总表「申报单位名称」');
    expect(res.out).toContain('  3. 单位地址\u3000（只在表单上）');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the other-option is recorded as the form draws it, so a chosen 「其他（…）」 is printed', () => {
  test('「其他 (请注明)」 in a filled Word form (half-width brackets) becomes 「其他（请注明）」, and it is said', async () => {
    const r = learnTemplate(await readTemplate('填好的.docx', await shanghaiForm()), { id: 'filled' });
    const row = formOf(r.profile).rows.find((x) => 'key' in x && x.key === 'nature');
    expect(row).toMatchObject({ ticks: 'nature', otherTick: '其他（请注明）' });
    expect(r.inferred).toContain(
      '勾选项「其他 (请注明)」记作「其他（请注明）」：画表时勾选它并写出所填内容（如「其他（…）」）。',
    );
    const header = r.profile.columns.map((c) => c.label);
    const values = r.profile.columns.map((c) =>
      c.key === 'nature' ? '其他（社会团体）' : c.key === 'projectName' ? '甲项目' : '',
    );
    const plan = planWorkbook(
      r.profile,
      mergeSheets(r.profile, [{ file: 'x.xlsx', sheet: 'x', rows: [header, values] }]),
    );
    const texts = plan.sheets.find((s) => s.role === 'project')!.cells.map((c) => c.v);
    expect(texts.find((t) => typeof t === 'string' && t.includes('国有企业'))).toMatch(/☑其他（社会团体）$/);
  });
  test('「其他：____」 becomes a bare 「其他」; 「（可多选）」 on the label makes the ticks multi-choice', () => {
    const rows = [
      ['一、基本信息表'],
      ['项目名称', null, null],
      ['申报单位名称', null, null],
      ['应用领域（可多选）', '□工业制造 □交通运输 □其他：____', null],
      ['联系人', null, null],
      ['电话', null, null],
      ['填报日期', '　　年　　月　　日', null],
    ];
    const r = learnTemplate({
      file: 'x.xlsx',
      kind: 'xlsx',
      sheets: [{ name: '表', hidden: false, rows, merges: [], validations: [] }],
    });
    const row = formOf(r.profile).rows[2];
    expect(row).toEqual({ label: '应用领域（可多选）', key: 'domain', ticks: 'domain', otherTick: '其他' });
    expect(r.profile.columns.find((c) => c.key === 'domain')).toMatchObject({ type: 'vocab', multi: true });
    expect(r.profile.vocabularies.domain.items.map((i) => i.label)).toEqual(['工业制造', '交通运输']);
    expect(r.profile.vocabularies.domain.other).toBe('其他');
    // A date line to fill in is a hint, not a value every project shares.
    expect(r.profile.columns.find((c) => c.label === '填报日期')).toMatchObject({
      type: 'text',
      hint: '年　　月　　日',
    });
  });
});

test('the learned Word 申报书 works as --profile-file: hqds build draws each received form as a project sheet', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-form-'));
  try {
    const tpl = path.join(dir, '上海申报书.docx');
    fs.writeFileSync(tpl, await shanghaiBlankDocx());
    const json = path.join(dir, '上海.json');
    expect((await run(['learn', tpl, '--out', json, '--id', 'shanghai-2025'])).code).toBe(0);
    const received = path.join(dir, '上海情况表.docx');
    fs.writeFileSync(received, await shanghaiForm());
    const out = path.join(dir, '汇总.xlsx');
    const res = await run(['build', '--profile-file', json, '--out', out, received]);
    expect(res.err).not.toMatch(/无法使用|读不了/);
    expect([0, 1]).toContain(res.code);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets.find((w) => w.name.startsWith('项目1'))!;
    expect(sheet.name).toBe('项目1-长三角航运高质量数据集');
    expect(sheet.getCell('A2').value).toBe('一、项目基本信息情况表');
    expect(sheet.getCell('B3').value).toBe('长三角航运高质量数据集');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a form drawn from column B (column A a blank margin) learns the same rows and widths', async () => {
  const doc = await readTemplate('上海空白.xlsx', await shanghaiBlankXlsx());
  const form = doc.sheets.find((s) => s.name.startsWith('项目1'))!;
  const moved: TemplateSheet = {
    ...form,
    rows: Array.from(form.rows, (r) => [null, ...(r ?? [])]),
    merges: form.merges.map((m) => ({ ...m, c1: m.c1 + 1, c2: m.c2 + 1 })),
    colWidths: [3, ...form.colWidths!],
  };
  const r = learnTemplate({ file: 'b.xlsx', kind: 'xlsx', sheets: [moved] });
  expect(formOf(r.profile)).toEqual(formOf(built));
});

describe('isFormSheet: what makes a sheet a label | value form', () => {
  const KNOWN = new Set(['项目名称', '申报单位名称', '电话', '邮箱', '单位地址']);
  const cw = { keyOf: (l: string) => (KNOWN.has(l) ? { key: l, how: 'exact' as const } : null) };
  const sheet = (rows: (string | null)[][], merges: TemplateSheet['merges'] = []): TemplateSheet => ({
    name: '表',
    hidden: false,
    rows,
    merges,
    validations: [],
  });
  const labelled = (labels: string[]) => labels.map((l) => [l, null, null]);
  test('five labels with room beside them, two the crosswalk knows: a form', () => {
    expect(isFormSheet(sheet(labelled(['项目名称', '申报单位名称', '甲', '乙', '丙'])), cw)).toBe(true);
  });
  test('four labels are too few; five unknown labels without ☐ or years are not enough', () => {
    expect(isFormSheet(sheet(labelled(['项目名称', '申报单位名称', '甲', '乙'])), cw)).toBe(false);
    expect(isFormSheet(sheet(labelled(['甲', '乙', '丙', '丁', '戊'])), cw)).toBe(false);
    expect(isFormSheet(sheet(labelled(['项目名称', '甲', '乙', '丙', '丁'])), cw)).toBe(false);
  });
  test('unknown labels with a ☐ list, or with a block of years, are a form', () => {
    const rows = labelled(['甲', '乙', '丙', '丁']);
    expect(isFormSheet(sheet([...rows, ['性质', '□国有 □民营', null]]), cw)).toBe(true);
    expect(isFormSheet(sheet([...rows, ['近三年', '2022年', '2023年'], ['收入', null, null]]), cw)).toBe(
      true,
    );
  });
  test('a single column of text (paragraphs) is no form', () => {
    expect(
      isFormSheet(sheet(['项目名称', '申报单位名称', '电话', '邮箱', '单位地址'].map((l) => [l])), cw),
    ).toBe(false);
  });
  test('a header of five or more columns with a data row under it, among five labels: a table', () => {
    const rows = labelled(['项目名称', '申报单位名称', '电话', '邮箱', '单位地址']);
    rows.splice(2, 0, ['序号', '名称', '单位', '电话', '邮箱'], ['1', 'a', 'b', 'c', 'd']);
    expect(isFormSheet(sheet(rows), cw)).toBe(false);
  });
  test('a 附件1 with a section label merged down its left column is not a project form', () => {
    const rows = [
      ['申报单位信息', '项目名称', null, null],
      [null, '申报单位名称', null, null],
      [null, '电话', null, null],
      ['联系人信息', '邮箱', null, null],
      [null, '单位地址', null, null],
      [null, '甲', null, null],
      ['其他', '乙', null, null],
      [null, '丙', null, null],
    ];
    const merges = [
      { r1: 0, c1: 0, r2: 2, c2: 0 },
      { r1: 3, c1: 0, r2: 5, c2: 0 },
      { r1: 6, c1: 0, r2: 7, c2: 0 },
    ];
    expect(isFormSheet(sheet(rows, merges), cw)).toBe(false);
  });
  test('rows filled across (a sheet of option lists) are a table, not a form', () => {
    const rows = [['项目名称', '申报单位名称'], ...['甲', '乙', '丙', '丁', '戊', '己'].map((x) => [x, x])];
    expect(isFormSheet(sheet(rows), cw)).toBe(false);
  });
});

test('a workbook hqds built for 上海 (filled project sheets) still learns the same form, and says it used the first', async () => {
  const header = built.columns.map((c) => c.label);
  const second = shanghaiProjectRow();
  second[0] = '第二个项目';
  const merged = mergeSheets(built, [
    { file: 'x.xlsx', sheet: '清单', rows: [header, shanghaiProjectRow(), second] },
  ]);
  const bytes = new Uint8Array(await writeWorkbook(planWorkbook(built, merged, { date: null })));
  const r = learnTemplate(await readTemplate('汇总.xlsx', bytes), { id: 'rebuilt' });
  expect(formOf(r.profile)).toEqual(formOf(built));
  expect(r.inferred[r.inferred.findIndex((m) => m.startsWith('有 2 张同样的表单'))]).toContain(
    '按第一张学得',
  );
  expect(r.missing.join('\n')).toContain('像是一份填好的申报表');
});
