/**
 * hqds learn on templates of bureaus we have no profile for (issue 13): lists on a hidden sheet,
 * a two-level header, a Word template whose options are in the notice's text, and a messy received
 * sheet built into the learned format.
 */
import {
  learnTemplate,
  vocabSentences,
  type LearnResult,
  type TemplateDoc,
  type TemplateSheet,
  type TemplateValidation,
} from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { ConceptIndex, CONCEPTS } from '../src/core/vocab';
import { readTemplate } from '../src/io/template';
import {
  BEIJING_DOMAINS,
  BEIJING_LINE,
  BEIJING_NOTE,
  beijingTemplate,
  hiddenListsTemplate,
  twoLevelTemplate,
  wordNotice,
  wordTemplate,
  WORD_VOCAB,
} from './helpers/templates';

const learn = async (file: string, bytes: Buffer, id = 'learned') =>
  learnTemplate(await readTemplate(file, new Uint8Array(bytes)), { id });
const col = (r: LearnResult, label: string) => r.profile.columns.find((c) => c.label === label)!;
const options = (r: LearnResult, label: string) => {
  const v = r.profile.vocabularies[col(r, label).vocab!];
  return [...v.items.map((i) => i.label), ...(v.other ? [v.other] : [])];
};

describe('a new bureau: 16 domains on a hidden sheet, new columns, lines kept as written', () => {
  let r: LearnResult;
  beforeAll(async () => (r = await learn('北京汇总表.xlsx', await beijingTemplate(), 'beijing')));
  test('title, attachment, the line above with its full-width spaces, the footnote', () => {
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件2',
      title: '北京市行业高质量数据集汇总表',
      linesAbove: [[BEIJING_LINE]],
      footnote: BEIJING_NOTE,
      sheetName: '汇总表',
    });
  });
  test('the 16 domains come from the hidden sheet, each linked to its concept', () => {
    expect(options(r, '所属领域')).toEqual(BEIJING_DOMAINS);
    const items = r.profile.vocabularies.domain.items;
    expect(items.every((i) => i.concepts.length === 1)).toBe(true);
    expect(items.find((i) => i.label === '科技创新')!.concepts).toEqual(['science']);
    expect(r.inferred.join('\n')).toContain('隐藏工作表「选项」');
  });
  test('a closed list is single-choice; 「可多选」 in the footnote makes a multi-choice column, and it says so', () => {
    expect(col(r, '申报类型')).toMatchObject({ type: 'vocab', multi: false });
    expect(options(r, '申报类型')).toEqual(['新建', '存量提升']);
    expect(col(r, '数据集模态')).toMatchObject({ type: 'vocab', multi: true, key: 'modality' });
    expect(r.profile.vocabularies.modality.other).toBe('其他');
    expect(r.inferred.join('\n')).toMatch(/「数据集模态」的选项来自下拉列表，注释或正文写明可多选/);
    expect(options(r, '更新频率')).toEqual(['实时', '每日', '每周', '每月', '不定期']);
  });
  test('kinds through the crosswalk: size with its header unit, credit code, contact, 序号, names, free text', () => {
    const kinds = Object.fromEntries(r.profile.columns.map((c) => [c.label, c.type]));
    expect(kinds).toEqual({
      序号: 'seq',
      数据集名称: 'text',
      所属领域: 'vocab',
      申报类型: 'vocab',
      数据集模态: 'vocab',
      '数据量（TB）': 'quantity',
      更新频率: 'vocab',
      数据来源: 'text',
      申报单位: 'text',
      统一社会信用代码: 'creditCode',
      联系人及联系方式: 'contact',
      备注: 'text',
    });
    expect(col(r, '数据量（TB）').quantity).toEqual({ kind: 'size', unit: 'TB' });
    expect(col(r, '数据集名称').key).toBe('name');
    expect(col(r, '申报单位').key).toBe('applicant');
    expect(r.inferred.join('\n')).toContain('「数据来源」不是已知的列');
    // A text-length rule and its input message: the word limit and the hint.
    expect(col(r, '数据来源')).toMatchObject({
      type: 'text',
      maxChars: 100,
      hint: '写明数据的来源系统或渠道',
    });
  });
  test('region, page and fonts; what it could not know is listed', () => {
    expect(r.profile.region).toEqual({ name: '北京', creditRegion: '11' });
    expect(r.profile.sheet.page).toMatchObject({ paperSize: 9, landscape: true, fitToWidth: true });
    expect(r.profile.sheet.fonts).toMatchObject({
      attachment: { name: '黑体', size: 16 },
      title: { name: '方正小标宋简体', size: 22 },
      header: { name: '仿宋_GB2312', size: 12, bold: true },
      table: { name: '仿宋_GB2312', size: 12 },
    });
    expect(r.missing.join('\n')).toContain('没有标明必填项');
    expect(col(r, '备注').required).toBe(false);
    expect(col(r, '数据集名称').required).toBe(true);
  });
  test("the summary is planned in the template's own fonts", () => {
    const plan = planWorkbook(r.profile, mergeSheets(r.profile, []));
    expect(plan.styles.title.font).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(plan.styles.text.font).toEqual({ name: '仿宋_GB2312', size: 12 });
    expect(
      planWorkbook(r.profile, mergeSheets(r.profile, []), { tableSize: 10.5 }).styles.text.font?.size,
    ).toBe(10.5);
  });
  test("a messy received sheet builds into the learned format: other bureaus' words normalise, TB converts, nothing dropped", () => {
    const rows = [
      ['北京市数据集汇总'],
      [
        '编号',
        '数据集\n名称',
        '行业领域',
        '申报类型',
        '模态',
        '数据量(GB)',
        '更新频率',
        '数据来源',
        '申报单位名称',
        '统一社会信用代码',
        '联系人',
        '联系电话',
        '内部编号',
      ],
      [
        1,
        '门诊病历数据集',
        '医疗',
        '新建',
        '文本、图片',
        '2048',
        '每月',
        '医院信息系统',
        '某医院',
        '91110000MA00000000',
        '张三',
        '13800000000',
        'A-1',
      ],
      [
        2,
        '公交客流数据集',
        '交通',
        '存量',
        '结构化数据',
        '1.5TB',
        '每天',
        '公交卡',
        '公交集团',
        '',
        '李四',
        'li@bus.cn',
        'A-2',
      ],
      [
        3,
        '碳排放监测数据集',
        '生态环境',
        '新建',
        '时序数据',
        '500',
        '每日',
        '监测站',
        '环境中心',
        '',
        '王五',
        '010-12345678',
        'A-3',
      ],
    ];
    const m = mergeSheets(r.profile, [{ file: '收到.xlsx', sheet: 'Sheet1', rows }]);
    expect(m.rowsWritten).toBe(3);
    const get = (i: number, label: string) =>
      m.entries[i].entry.cells[r.profile.columns.findIndex((c) => c.label === label)];
    expect([get(0, '所属领域'), get(1, '所属领域'), get(2, '所属领域')]).toEqual([
      '医疗健康',
      '交通运输',
      '绿色低碳',
    ]);
    expect(get(0, '数据量（TB）')).toBe(2);
    expect(get(1, '数据量（TB）')).toBe(1.5);
    expect(get(0, '数据集模态')).toBe('文本、图像');
    expect(get(0, '联系人及联系方式')).toBe('张三 13800000000');
    // 「存量」 and 「每天」 are not options: flagged for a person, kept as written, never guessed.
    expect(get(1, '申报类型')).toBe('存量');
    expect(m.issues.some((i) => i.code === 'value-not-allowed' && i.value === '存量')).toBe(true);
    expect(m.issues.some((i) => i.code === 'value-not-allowed' && i.value === '每天')).toBe(true);
    expect(m.issues.some((i) => i.code === 'unmapped-column' && /内部编号/.test(i.message))).toBe(true);
  });
});

describe('Excel 2010+ lists on a hidden sheet (x14 extension) and through a defined name', () => {
  let r: LearnResult;
  beforeAll(async () => (r = await learn('东莞.xlsx', await hiddenListsTemplate())));
  test('options are read from the hidden sheet, the other-option taken out', () => {
    expect(options(r, '行业领域')).toEqual(['医疗', '交通', '生态环境', '智能制造', '教育', '其他']);
    expect(r.profile.vocabularies.domain.items.map((i) => i.concepts[0])).toEqual([
      'health',
      'transport',
      'green',
      'industry',
      'education',
    ]);
    expect(options(r, '申报方向')).toEqual(['建设应用', '模型验证', '流通交易']);
  });
  test('「可多选」 in the prompt makes a multi-choice column; a list with no error alert too', () => {
    expect(col(r, '申报方向').multi).toBe(true);
    expect(col(r, '数据集模态').multi).toBe(true);
    expect(col(r, '行业领域').multi).toBe(false);
    expect(r.inferred.join('\n')).toMatch(/「数据集模态」的选项来自下拉列表，未设出错警告.*按可多选处理/);
  });
  test('the header unit gives the size unit; a city it cannot place and no page setup are said', () => {
    expect(col(r, '数据规模（GB）').quantity).toEqual({ kind: 'size', unit: 'GB' });
    // 东莞 is a city: only province codes are known, so the region check is left out and said so.
    expect(r.profile.region).toEqual({ name: '东莞' });
    expect(r.missing.join('\n')).toContain('标题写「东莞市」');
    expect(r.missing.join('\n')).toContain('没有页面设置');
  });
});

describe('a two-level header', () => {
  let r: LearnResult;
  beforeAll(async () => (r = await learn('two.xlsx', await twoLevelTemplate())));
  test('the lower cells are the columns, the upper one their group; single cells span both rows', () => {
    expect(r.profile.columns.map((c) => [c.group ?? '', c.label])).toEqual([
      ['', '序号'],
      ['', '数据集名称'],
      ['数据规模', '结构化（条）'],
      ['数据规模', '非结构化（GB）'],
      ['', '更新频率'],
      ['', '申报单位'],
      ['', '联系人及联系方式'],
    ]);
    expect(col(r, '结构化（条）').quantity).toEqual({ kind: 'records', unit: '条' });
    expect(col(r, '非结构化（GB）').quantity).toEqual({ kind: 'size', unit: 'GB' });
    expect(r.profile.sheet.footnote).toBe('注：结构化数据以条计，非结构化数据以GB计。');
    expect(r.inferred.join('\n')).toContain('表头有两层');
  });
  test('a received sheet with the same two-level header checks into it (the reader fills merged cells)', () => {
    const rows = [
      [
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
        '某省高质量数据集汇总表',
      ],
      ['序号', '数据集名称', '数据规模', '数据规模', '更新频率', '申报单位', '联系人及联系方式'],
      ['序号', '数据集名称', '结构化（条）', '非结构化（GB）', '更新频率', '申报单位', '联系人及联系方式'],
      [1, '客流数据集', '300万条', '2TB', '每日', '公交集团', '张三 13800000000'],
    ];
    const m = mergeSheets(r.profile, [{ file: '收到.xlsx', sheet: 'Sheet1', rows }]);
    expect(m.entries.map((e) => e.entry.cells.slice(1, 4))).toEqual([['客流数据集', '3000000条', 2048]]);
    expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe("a Word template: the vocabularies are in the notice's text", () => {
  let r: LearnResult;
  beforeAll(async () => (r = await learn('某市汇总表.docx', await wordTemplate())));
  test('title, the line above as written, the notes below', () => {
    expect(r.profile.sheet.title).toBe('某市高质量数据集汇总表');
    expect(r.profile.sheet.linesAbove).toEqual([['推荐单位：（盖章）　　　　　　　　　　年　月　日']]);
    expect(r.profile.sheet.footnote).toBe(`填表说明：\n1.${WORD_VOCAB[0]}\n2.${WORD_VOCAB[1]}`);
    expect(r.profile.sheet.page).toEqual({ landscape: false, paperSize: 9 });
    expect(planWorkbook(r.profile, mergeSheets(r.profile, [])).sheets[0].print?.landscape).toBe(false);
  });
  test('options from 「所属领域：…」 and 「数据集模态（可多选）：…」', () => {
    expect(options(r, '所属领域')).toEqual([
      '科学研究',
      '工业制造',
      '医疗卫生',
      '交通运输',
      '绿色低碳',
      '其他',
    ]);
    expect(col(r, '所属领域').multi).toBe(false);
    expect(options(r, '数据集模态')).toEqual(['文本', '图像', '音频', '视频']);
    expect(col(r, '数据集模态').multi).toBe(true);
    expect(r.missing.join('\n')).toContain('Word 模板没有下拉列表');
  });
  test('learned options link to the concepts: 医疗 → 医疗卫生, 交通 → 交通运输, 生态环境 → 绿色低碳', () => {
    const rows = [
      ['序号', '数据集名称', '所属领域', '数据集模态', '数据集规模（TB）', '申报单位', '联系人及联系方式'],
      [1, 'a', '医疗', '文本', 1, 'x', '张三 13800000000'],
      [2, 'b', '交通', '图片', 1, 'x', '张三 13800000000'],
      [3, 'c', '生态环境', '照片', 1, 'x', '张三 13800000000'],
      [4, 'd', '低空经济', '文本', 1, 'x', '张三 13800000000'],
    ];
    const m = mergeSheets(r.profile, [{ file: 'x.xlsx', sheet: 's', rows }]);
    expect(m.entries.map((e) => e.entry.cells[2])).toEqual([
      '医疗卫生',
      '交通运输',
      '绿色低碳',
      '其他（低空经济）',
    ]);
    expect(m.entries.map((e) => e.entry.cells[3])).toEqual(['文本', '图像', '图像', '文本']);
  });
});

test('a whole notice in Word: the summary table is found among the others, with its own label, title, line and note', async () => {
  const r = await learn('通知.docx', await wordNotice());
  expect(r.profile.sheet).toMatchObject({
    attachment: '附件2',
    title: '某市行业高质量数据集汇总表',
    linesAbove: [['推荐单位（盖章）：　　　　　　　　年　月　日']],
    footnote: '注：所属领域按通知填写。',
    sheetName: '汇总表',
  });
  expect(r.profile.columns.map((c) => c.label)).toEqual([
    '序号',
    '数据集名称',
    '所属领域',
    '数据集规模（GB）',
    '申报单位',
    '联系人及联系方式',
  ]);
  expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造', '医疗卫生', '交通运输', '其他']);
});

describe('vocabularies in text', () => {
  test.each([
    [
      '所属领域：A领域、B领域、C领域。',
      { label: '所属领域', items: ['A领域', 'B领域', 'C领域'], multi: false },
    ],
    [
      '（2）数据集模态（可多选）：□文本 □图像 □音频',
      { label: '数据集模态', items: ['文本', '图像', '音频'], multi: true },
    ],
    ['申报方向：建设应用，模型验证等', { label: '申报方向', items: ['建设应用', '模型验证'], multi: false }],
  ])('%s', (line, want) => expect(vocabSentences([line])[0]).toMatchObject(want));
  test('a sentence that is not a list is not a vocabulary', () => {
    expect(
      vocabSentences([
        '联系人：张三',
        '截止时间：2025年10月31日。',
        '结构化数据以行/条为单位，非结构化数据需列明数据模态。',
      ]),
    ).toEqual([]);
  });
});

test("Beijing's 16 domains link through concepts.json alone, without any built-in profile", () => {
  const index = new ConceptIndex([]);
  const want = [
    'industry',
    'agriculture',
    'commerce',
    'transport',
    'finance',
    'science',
    'culture',
    'health',
    'emergency',
    'meteorology',
    'urban',
    'green',
    'gov',
    'community',
    'education',
    'regional',
  ];
  expect(BEIJING_DOMAINS.map((d) => index.concept('domain', d))).toEqual(want);
  expect(Object.keys(CONCEPTS.domain)).toEqual(expect.arrayContaining(want));
});

test('a template with no header says what to do', () => {
  const doc = {
    file: 'x.xlsx',
    kind: 'xlsx' as const,
    sheets: [{ name: 's', hidden: false, rows: [['只有一句话']], merges: [], validations: [] }],
  };
  expect(() => learnTemplate(doc)).toThrow(/找不到表头/);
});

describe('the clerk corrects the draft', () => {
  test('required, multi-choice, options (new ones linked to concepts), ID, name and title', async () => {
    const { applyLearnEdits } = await import('../src/core/learn');
    const r = await learn('北京汇总表.xlsx', await beijingTemplate(), 'beijing');
    const p = applyLearnEdits(r.profile, {
      id: 'beijing-2025',
      name: '北京市（2025）',
      title: '北京市行业高质量数据集汇总表（2025年）',
      columns: {
        数据来源: { required: true },
        modality: { multi: false },
        domain: { options: ['工业制造', '医疗卫生', '低空经济', '其他'] },
      },
    });
    expect(p).toMatchObject({
      id: 'beijing-2025',
      name: '北京市（2025）',
      sheet: { title: '北京市行业高质量数据集汇总表（2025年）', linesAbove: r.profile.sheet.linesAbove },
    });
    expect(p.columns.find((c) => c.key === '数据来源')!.required).toBe(true);
    expect(p.columns.find((c) => c.key === 'modality')!.multi).toBe(false);
    expect(p.vocabularies.domain).toMatchObject({
      other: '其他',
      items: [
        { label: '工业制造', concepts: ['industry'] },
        { label: '医疗卫生', concepts: ['health'] },
        { label: '低空经济', concepts: ['lowalt'] },
      ],
    });
    expect(() => applyLearnEdits(r.profile, { id: 'Bad Id' })).toThrow(/ID/);
    const prefixed = applyLearnEdits(r.profile, { title: 'XXX行业高质量数据集汇总表' });
    expect(prefixed.sheet).toMatchObject({
      title: '{prefix}行业高质量数据集汇总表',
      titlePrefixLabel: '标题中的XXX',
    });
    expect(applyLearnEdits(prefixed, { title: '北京市汇总表' }).sheet.titlePrefixLabel).toBeUndefined();
    expect(() => applyLearnEdits(r.profile, { columns: { domain: { options: [' '] } } })).toThrow(
      /至少要有一个选项/,
    );
  });
});

describe('details a template shows in its own words', () => {
  const sheet = (rows: (string | null)[][], extra: Partial<TemplateSheet> = {}): TemplateDoc => ({
    file: 't.xlsx',
    kind: 'xlsx',
    sheets: [{ name: 'Sheet1', hidden: false, rows, merges: [], validations: [], ...extra }],
  });
  test('「附件2：…汇总表」 in one cell; a word limit in the header; 「Sheet1」 becomes 汇总表', () => {
    const r = learnTemplate(
      sheet([
        ['附件2：某区高质量数据集汇总表'],
        ['序号', '数据集名称', '数据集简介（200字以内）', '申报单位'],
      ]),
    );
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件2',
      title: '某区高质量数据集汇总表',
      sheetName: '汇总表',
    });
    expect(r.profile.columns[2]).toMatchObject({
      label: '数据集简介（200字以内）',
      maxChars: 200,
      type: 'text',
    });
  });
  test('「可多选」 said in the notes makes a list with an error alert multi-choice', () => {
    const v: TemplateValidation = {
      ranges: [{ r1: 2, c1: 2, r2: 50, c2: 2 }],
      type: 'list',
      formula: '"文本,图像,音频"',
      errorAlert: true,
      errorStyle: 'stop',
    };
    const r = learnTemplate(
      sheet(
        [
          ['某市汇总表'],
          ['序号', '数据集名称', '数据集模态', '申报单位'],
          [],
          ['注：数据集模态可多选，用顿号分隔。'],
        ],
        { validations: [v] },
      ),
    );
    expect(r.profile.columns[2]).toMatchObject({ type: 'vocab', multi: true });
    expect(r.profile.sheet.footnote).toBe('注：数据集模态可多选，用顿号分隔。');
  });
  test('a list the learner cannot read (INDIRECT) is said, and the column stays free text', () => {
    const v: TemplateValidation = {
      ranges: [{ r1: 2, c1: 2, r2: 50, c2: 2 }],
      type: 'list',
      formula: 'INDIRECT($B3)',
      errorAlert: true,
      errorStyle: 'stop',
    };
    const r = learnTemplate(
      sheet([['某市汇总表'], ['序号', '数据集名称', '行业领域', '申报单位']], { validations: [v] }),
    );
    expect(r.profile.columns[2].type).toBe('text');
    expect(r.missing.join('\n')).toMatch(/「行业领域」：下拉列表的来源「INDIRECT\(\$B3\)」不是单元格区域/);
  });
  test('kinds from the header words: record count, phone, e-mail, person, money, percent, a model column', () => {
    const r = learnTemplate(
      sheet([
        ['某省汇总表'],
        [
          '编号',
          '数据集名称',
          '数据条数（条）',
          '联系人',
          '联系电话',
          '电子邮箱',
          '投资额（万元）',
          '完成率（%）',
          '已服务支撑算法模型',
        ],
      ]),
    );
    expect(r.profile.columns.map((c) => [c.label, c.type, c.quantity?.kind ?? ''])).toEqual([
      ['编号', 'seq', ''],
      ['数据集名称', 'text', ''],
      ['数据条数（条）', 'quantity', 'records'],
      ['联系人', 'person', ''],
      ['联系电话', 'phone', ''],
      ['电子邮箱', 'email', ''],
      ['投资额（万元）', 'money', ''],
      ['完成率（%）', 'percent', ''],
      ['已服务支撑算法模型', 'models', ''],
    ]);
    expect(r.profile.columns[8].noneWord).toBe('无');
  });
  test('a value in a template is text: = + - @ stay literal in every label', () => {
    const r = learnTemplate(sheet([['=HYPERLINK("x")'], ['序号', '数据集名称', '+备注', '@单位']]));
    expect(r.profile.sheet.title).toBe('=HYPERLINK("x")');
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '+备注', '@单位']);
  });
});

describe('what a real template holds around its table', () => {
  const doc = (rows: (string | null)[][]): TemplateDoc => ({
    file: 't.xlsx',
    kind: 'xlsx',
    sheets: [{ name: '汇总', hidden: false, rows, merges: [], validations: [] }],
  });
  test('a 推荐单位 line with no title row is a line above, not the title; the title is then said to be missing', () => {
    const r = learnTemplate(
      doc([['附件2'], ['推荐单位：（盖章）', null, '年　月　日'], ['序号', '数据集名称', '申报单位']]),
    );
    expect(r.profile.sheet.title).toBe('');
    expect(r.profile.sheet.linesAbove).toEqual([['推荐单位：（盖章）', '年　月　日']]);
    expect(r.missing.join('\n')).toContain('模板没有标题行');
  });
  test('review lines tell the clerk what it means and what to do; JSON field names only in the closing brackets', () => {
    const r = learnTemplate(
      doc([['序号', '数据集名称', '申报单位', '统一社会信用代码', '联系人及联系方式']]),
    );
    const lines = [...r.inferred, ...r.missing];
    const all = lines.join('\n');
    expect(all).toContain('检查时不核对统一社会信用代码是否本地登记');
    expect(all).toContain('请在「标题（逐字）」框照通知填写汇总表标题');
    expect(all).toContain('生成后在汇总表左上角补上');
    expect(all).toContain('请逐行核对三项都已填写');
    // The CLI user edits the JSON: the field is named, after what the clerk reads.
    for (const f of ['region.creditRegion', 'sheet.title', 'sheet.attachment', 'contactNeeds'])
      expect(all).toContain(`（格式文件中为 ${f}`);
    for (const l of lines)
      expect(l.replace(/（格式文件中为 [^）]*）/, '')).not.toMatch(/[a-z]+\.[a-z]|contactNeeds/i);
  });
  test('a header wrapped by hand (「数据集\\n名称」) names the column without the break', () => {
    const r = learnTemplate(doc([['某市汇总表'], ['序号', '数据集\n名称', '申报\r\n单位']]));
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位']);
  });
  test('a line to sign under the table is not taken for an example row, and is said', () => {
    const r = learnTemplate(
      doc([['某市汇总表'], ['序号', '数据集名称', '申报单位'], [], ['填表人：', null, '审核人：']]),
    );
    expect(r.inferred.join('\n')).not.toContain('填写示例');
    expect(r.missing.join('\n')).toMatch(/签字行（「填表人：」「审核人：」）/);
  });
});

test('an inline list typed with full-width commas is one option in Excel: split, and said', () => {
  const v: TemplateValidation = {
    ranges: [{ r1: 2, c1: 2, r2: 50, c2: 2 }],
    type: 'list',
    formula: '"新建，存量提升"',
    errorAlert: true,
    errorStyle: 'stop',
  };
  const r = learnTemplate({
    file: 't.xlsx',
    kind: 'xlsx',
    sheets: [
      {
        name: '汇总表',
        hidden: false,
        rows: [['某市汇总表'], ['序号', '数据集名称', '申报类型']],
        merges: [],
        validations: [v],
      },
    ],
  });
  expect(options(r, '申报类型')).toEqual(['新建', '存量提升']);
  expect(r.missing.join('\n')).toContain('Excel 不会分开');
});

test('「不可多选」 and 「单选」 are single-choice; 「（多选）」 is multi-choice', () => {
  expect(vocabSentences(['所属领域（单选，不可多选）：工业制造、医疗卫生'])[0].multi).toBe(false);
  expect(vocabSentences(['数据集模态（多选）：文本、图像'])[0].multi).toBe(true);
});

test('a form (label | room to fill in) is not taken for a summary: it is learned as a per-project form', () => {
  const rows = [
    ['某市行业高质量数据集基本信息表'],
    ['单位名称', null],
    ['统一社会信用代码', null],
    ['数据集名称', null],
    ['所属领域', null],
    ['联系人及联系方式', null],
  ];
  const r = learnTemplate({
    file: '附件1.xlsx',
    kind: 'xlsx',
    sheets: [{ name: '基本信息表', hidden: false, rows, merges: [], validations: [] }],
  });
  expect(r.profile.layout).toBe('project');
  expect(r.profile.projectForm?.title).toBe('某市行业高质量数据集基本信息表');
  expect(r.profile.projectForm?.rows.map((x) => ('label' in x ? x.label : ''))).toEqual(
    rows.slice(1).map((x) => x[0]),
  );
  expect(r.inferred.join('\n')).toContain('每个项目填一份的表单');
});
