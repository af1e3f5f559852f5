/**
 * What `hqds learn` makes of a summary template's columns and sheet, and what it tells the clerk in
 * review (issue 12 item 7, the mutation run over learn.ts lines 703–1427): word limits from a data
 * validation, input hints, widths, 必填 by mark or by guess, quantity pairs answered in either column,
 * the region, fonts, the page, the sheet name and the format's ID. Every review line is asserted as
 * the clerk reads it.
 */
import {
  learnTemplate,
  LearnError,
  type LearnResult,
  type TemplateDoc,
  type TemplateSheet,
  type TemplateValidation,
} from '../src/core/learn';

type Sheet = Partial<TemplateSheet>;
/** A template of one sheet 「汇总表」: its rows, what else the sheet carries, the file's name. */
const doc = (
  rows: TemplateSheet['rows'],
  sheet: Sheet = {},
  file = 't.xlsx',
  more: Partial<TemplateDoc> = {},
): TemplateDoc => ({
  file,
  kind: 'xlsx',
  sheets: [{ name: '汇总表', hidden: false, rows, merges: [], validations: [], ...sheet }],
  ...more,
});
/** A rule over one column from row 3 down (the first data row under a header on row 2). */
const rule = (
  c: number,
  type: string,
  formula: string,
  x: Partial<TemplateValidation> = {},
): TemplateValidation => ({
  ranges: [{ r1: 2, c1: c, r2: 50, c2: c }],
  type,
  formula,
  errorAlert: true,
  errorStyle: 'stop',
  ...x,
});
const learn = (d: TemplateDoc, id = 't') => learnTemplate(d, { id });
const col = (r: LearnResult, label: string) => r.profile.columns.find((c) => c.label === label)!;
const TITLE = ['杭州市行业高质量数据集汇总表'];

describe('columns: word limits, hints, widths, free text, models, lists written with full-width commas', () => {
  // Learned inside each test, not in beforeAll: the mutation run attributes code run in a hook to
  // no test, so a mutant reached only there would be run against the wrong tests.
  const learned = () =>
    learn(
      doc(
        [
          TITLE,
          [
            '序号',
            '数据集名称',
            '摘要',
            '描述',
            '简介',
            '说明文字',
            '已服务模型',
            '更新频率',
            '数据集模态',
            '用途（限80字）',
          ],
        ],
        {
          colWidths: [3.2, 20.6],
          validations: [
            rule(2, 'textLength', '100', { operator: 'lessThan', prompt: ' 简要介绍 ' }),
            rule(3, 'textLength', '10', { operator: 'greaterThan' }),
            rule(4, 'textLength', '0', { formula2: '200' }),
            rule(5, 'whole', '1', { prompt: '请填写整数' }),
            rule(7, 'list', '"每日，每周，每月"'),
            // Below the first data row: not the column's rule.
            rule(9, 'textLength', '0', {
              operator: 'between',
              formula2: '5',
              ranges: [{ r1: 10, c1: 9, r2: 50, c2: 9 }],
            }),
          ],
        },
        'tpl.xlsx',
      ),
    );

  test('a text-length rule gives the word limit (less than 100: 99; between, by default: its upper bound); a lower bound gives none', () => {
    const r = learned();
    expect(col(r, '摘要').maxChars).toBe(99);
    expect(col(r, '简介').maxChars).toBe(200);
    expect(col(r, '描述').maxChars).toBeUndefined();
    expect(col(r, '用途（限80字）').maxChars).toBe(80);
    expect(r.inferred).toContain('「摘要」的数据验证限 99 字。');
    expect(r.inferred).toContain('「简介」的数据验证限 200 字。');
    expect(r.inferred).toContain('「用途（限80字）」限 80 字。');
    expect(r.inferred.join('\n')).not.toMatch(/「描述」的数据验证限|「用途（限80字）」的数据验证限/);
  });

  test("a rule's input message, trimmed, is the column's hint, whatever the rule", () => {
    const r = learned();
    expect(col(r, '摘要').hint).toBe('简要介绍');
    expect(col(r, '说明文字').hint).toBe('请填写整数');
    expect(col(r, '描述').hint).toBeUndefined();
    expect(r.inferred).toContain('「摘要」的输入提示：「简要介绍」。');
    expect(r.inferred).toContain('「说明文字」的输入提示：「请填写整数」。');
  });

  test("widths: the template's, rounded, never under 4; else the built-in column's; else 12", () => {
    const r = learned();
    expect(r.profile.columns.map((c) => c.width)).toEqual([4, 21, 12, 12, 12, 12, 20, 12, 14, 12]);
  });

  test('unknown columns are free text, and said so; the models column says what it holds', () => {
    const r = learned();
    expect(col(r, '描述').type).toBe('text');
    expect(r.inferred).toContain('「描述」按自由文本检查。');
    expect(r.inferred.join('\n')).not.toContain('「数据集名称」按自由文本检查');
    expect(col(r, '已服务模型').type).toBe('models');
    expect(r.inferred).toContain('「已服务模型」是已服务的模型名称，没有时填「无」。');
  });

  test('a list written 「每日，每周，每月」 is one option to Excel: split, kept single-choice, and said twice', () => {
    const r = learned();
    expect(col(r, '更新频率')).toMatchObject({
      type: 'vocab',
      vocab: '更新频率',
      multi: false,
      joiner: '、',
    });
    expect(r.profile.vocabularies['更新频率'].items.map((i) => i.label)).toEqual(['每日', '每周', '每月']);
    expect(r.missing).toContain(
      '「更新频率」的下拉列表只有一项「每日，每周，每月」（用了全角逗号或顿号，Excel 不会分开）：已按标点分成 3 项，请核对，并提醒通知方改用半角逗号。',
    );
    expect(r.inferred).toContain('「更新频率」的选项来自下拉列表：每日、每周、每月（单选）。');
  });

  test('a column that usually has options (数据集模态) and finds none is free text, and the clerk is asked for them', () => {
    const r = learned();
    expect(col(r, '数据集模态').type).toBe('text');
    expect(r.missing).toContain(
      '「数据集模态」通常有固定选项，但模板里既没有下拉列表，也没有「数据集模态：A、B、C」这样的说明：按自由文本检查，请补上选项。',
    );
    expect(r.missing.filter((m) => m.includes('通常有固定选项'))).toHaveLength(1);
  });

  test('nothing marked: every column but 序号, 备注 and 说明 is required, listed for the clerk to check', () => {
    const r = learned();
    expect(r.profile.columns.filter((c) => c.required).map((c) => c.label)).toEqual([
      '数据集名称',
      '摘要',
      '描述',
      '简介',
      '已服务模型',
      '更新频率',
      '数据集模态',
      '用途（限80字）',
    ]);
    expect(r.missing).toContain(
      '模板没有标明必填项：已把「数据集名称」「摘要」「描述」「简介」「已服务模型」「更新频率」「数据集模态」「用途（限80字）」设为必填，其余选填，请核对。',
    );
    expect(r.profile.requireOneOf).toEqual([]);
  });

  test('a city the tool has no code for: the region is the city, and the review says the credit code is not checked', () => {
    const r = learned();
    expect(r.profile.region).toEqual({ name: '杭州' });
    expect(r.missing).toContain(
      '没有认出地区（标题写「杭州市」，本工具只认省级代码）：检查时不核对统一社会信用代码是否本地登记，非本地单位请自行留意（格式文件中为 region.creditRegion，可填行政区划代码前几位）。',
    );
  });
});

describe('必填 and 至少填一项', () => {
  test('marked columns (*, 必填) are the required ones, and only they', () => {
    const r = learn(
      doc([
        TITLE,
        ['序号', '*数据集名称', '所属领域（必填）', '数据量（GB）', '备注（非必填）', '联系人及联系方式'],
      ]),
    );
    expect(r.profile.columns.map((c) => [c.label, c.required])).toEqual([
      ['序号', false],
      ['*数据集名称', true],
      ['所属领域（必填）', true],
      ['数据量（GB）', false],
      ['备注（非必填）', false],
      ['联系人及联系方式', false],
    ]);
    expect(r.inferred).toContain('标有 * 或「必填」的列为必填：*数据集名称、所属领域（必填）。');
    expect(r.missing.join('\n')).not.toContain('模板没有标明必填项');
    expect(r.inferred).toContain(
      '联系方式列按「姓名加电话或邮箱」检查（模板未写明时的默认）：通知要求姓名、电话、邮箱三项齐全时，请逐行核对三项都已填写（格式文件中为 contactNeeds）。',
    );
  });

  test('no contact column: no word about contactNeeds', () => {
    const r = learn(doc([TITLE, ['序号', '数据集名称', '申报单位']]));
    expect([...r.inferred, ...r.missing].join('\n')).not.toContain('contactNeeds');
  });

  test('two quantities under one upper header are one question: neither required, one of them must be filled', () => {
    const r = learn(
      doc(
        [
          TITLE,
          ['序号', '数据集名称', '数据规模', null, '单位信息', null],
          [null, null, '结构化（条）', '非结构化（GB）', '单位名称', '单位地址'],
        ],
        {
          merges: [
            { r1: 1, c1: 2, r2: 1, c2: 3 },
            { r1: 1, c1: 4, r2: 1, c2: 5 },
            { r1: 1, c1: 0, r2: 2, c2: 0 },
            { r1: 1, c1: 1, r2: 2, c2: 1 },
          ],
        },
      ),
    );
    const byLabel = Object.fromEntries(
      r.profile.columns.map((c) => [c.label, [c.group, c.type, c.required]]),
    );
    expect(byLabel).toMatchObject({
      '结构化（条）': ['数据规模', 'quantity', false],
      '非结构化（GB）': ['数据规模', 'quantity', false],
      单位名称: ['单位信息', 'text', true],
      单位地址: ['单位信息', 'text', true],
    });
    const [pair] = r.profile.requireOneOf;
    expect(r.profile.requireOneOf).toHaveLength(1);
    expect(pair.message).toBe('「数据规模」下的「结构化（条）」「非结构化（GB）」至少填一项。');
    expect(pair.keys).toEqual(
      ['结构化（条）', '非结构化（GB）'].map((l) => r.profile.columns.find((c) => c.label === l)!.key),
    );
    expect(r.inferred).toContain(
      '「数据规模」下的「结构化（条）」「非结构化（GB）」至少填一项（不是每项必填）：如通知要求都填，请改为必填。',
    );
    expect(r.missing).toContain(
      '模板没有标明必填项：已把「数据集名称」「单位名称」「单位地址」设为必填，其余选填，请核对。',
    );
  });
});

describe('the region', () => {
  test('a province in the title gives its credit-code digits', () => {
    const r = learn(doc([['浙江省行业高质量数据集汇总表'], ['序号', '数据集名称']]));
    expect(r.profile.region).toEqual({ name: '浙江', creditRegion: '33' });
    expect(r.inferred).toContain('地区：浙江（统一社会信用代码第 3-4 位应为 33，用于提示非本地登记）。');
    expect(r.missing.join('\n')).not.toContain('没有认出地区');
  });
  test("a province only in the file's name counts too", () => {
    const r = learn(doc([['行业高质量数据集汇总表'], ['序号', '数据集名称']], {}, '福建汇总表.xlsx'));
    expect(r.profile.region).toEqual({ name: '福建', creditRegion: '35' });
  });
  test('no place at all: an empty region, and the review says so without naming a city', () => {
    const r = learn(doc([['行业高质量数据集汇总表'], ['序号', '数据集名称']]));
    expect(r.profile.region).toEqual({ name: '' });
    expect(r.missing).toContain(
      '没有认出地区：检查时不核对统一社会信用代码是否本地登记，非本地单位请自行留意（格式文件中为 region.creditRegion，可填行政区划代码前几位）。',
    );
  });
});

describe('fonts', () => {
  const rows = [
    ['附件3'],
    TITLE,
    ['填报单位：', null, '填报日期：'],
    ['序号', '数据集名称', '申报单位'],
    [null, null, null],
  ];
  test('each role takes the font of its own cell; what the template leaves unset is said with its default', () => {
    const r = learn(
      doc(rows, {
        fonts: {
          '0,0': { name: '黑体', size: 16 },
          '1,0': { name: '方正小标宋简体', size: 20, bold: true },
          '2,0': { size: 12 },
          '3,0': { name: '黑体', size: 11, bold: true },
          '4,1': { bold: true },
        },
      }),
    );
    expect(r.profile.sheet.fonts).toEqual({
      attachment: { name: '黑体', size: 16 },
      title: { name: '方正小标宋简体', size: 20, bold: true },
      meta: { size: 12 },
      header: { name: '黑体', size: 11, bold: true },
    });
    expect(r.inferred).toContain(
      '字体：模板设为附件标签 黑体 16pt，标题 方正小标宋简体 20pt 加粗，表头上方 12pt，表头 黑体 11pt 加粗；模板没设的按默认：表格用仿宋_GB2312 10.5pt。',
    );
    expect(r.missing.join('\n')).not.toContain('模板没有设置字体');
  });
  test('title and table set: nothing said about defaults', () => {
    const r = learn(
      doc(rows, { fonts: { '1,0': { name: '黑体', size: 18 }, '4,1': { name: '仿宋', size: 10 } } }),
    );
    expect(r.profile.sheet.fonts).toEqual({
      title: { name: '黑体', size: 18 },
      table: { name: '仿宋', size: 10 },
    });
    expect(r.inferred).toContain('字体：模板设为标题 黑体 18pt，表格 仿宋 10pt。');
  });
  test('a Word template has no fonts to read, and no complaint is made', () => {
    const r = learn({ ...doc(rows), kind: 'docx', file: 't.docx' });
    expect(r.profile.sheet.fonts).toBeUndefined();
    expect([...r.inferred, ...r.missing].join('\n')).not.toContain('字体');
  });
});

describe('the page', () => {
  const page = (p: TemplateSheet['page']) => learn(doc([TITLE, ['序号', '数据集名称']], { page: p }));
  test.each([
    [
      { paperSize: 8, landscape: true, fitToWidth: true },
      '页面：模板设为A3横向、一页宽；汇总表按 A4横向、一页宽打印。',
    ],
    [{ paperSize: 11, landscape: false }, '页面：模板设为A5纵向；汇总表按 A4纵向、一页宽打印。'],
    [{ paperSize: 1 }, '页面：模板设为Letter方向未设；汇总表按 A4横向、一页宽打印。'],
    [{ paperSize: 5, landscape: true }, '页面：模板设为纸张代码 5、横向；汇总表按 A4横向、一页宽打印。'],
    [{ fitToWidth: true }, '页面：模板设为纸张未设、方向未设、一页宽；汇总表按 A4横向、一页宽打印。'],
    [{ landscape: true }, '页面：模板设为纸张未设、横向；汇总表按 A4横向、一页宽打印。'],
  ] as [TemplateSheet['page'], string][])('%o is kept: 「%s」', (p, line) => {
    const r = page(p);
    expect(r.profile.sheet.page).toEqual(p);
    expect(r.inferred).toContain(line);
  });
  test('no page, or one with nothing set: A4 landscape, said', () => {
    for (const p of [undefined, { landscape: undefined }]) {
      const r = page(p);
      expect(r.profile.sheet.page).toBeUndefined();
      expect(r.missing).toContain('模板没有页面设置：汇总表按 A4 横向、一页宽打印。');
    }
  });
  test("portrait with no paper and no fit is a new sheet's default, not a choice", () => {
    const r = page({ landscape: false });
    expect(r.profile.sheet.page).toBeUndefined();
    expect(r.missing.join('\n')).toContain('模板的页面设置只写了纵向，没有纸张大小');
    expect(r.inferred.join('\n')).not.toContain('页面：');
  });
});

describe('the sheet name, the name and the ID', () => {
  const named = (name: string, kind: TemplateDoc['kind'] = 'xlsx') =>
    learn({
      ...doc([TITLE, ['序号', '数据集名称']]),
      kind,
      sheets: [{ ...doc([]).sheets[0], name, rows: [TITLE, ['序号', '数据集名称']] }],
    });
  test.each([
    ['Sheet1', '汇总表', '汇总表的工作表名用「汇总表」（模板的工作表叫「Sheet1」）。'],
    ['sheet 2', '汇总表', '汇总表的工作表名用「汇总表」（模板的工作表叫「sheet 2」）。'],
    ['工作表1', '汇总表', '汇总表的工作表名用「汇总表」（模板的工作表叫「工作表1」）。'],
    ['附件2 数据集清单', '附件2 数据集清单', null],
  ])('sheet 「%s」 → 「%s」', (name, sheetName, line) => {
    const r = named(name);
    expect(r.profile.sheet.sheetName).toBe(sheetName);
    if (line) expect(r.inferred).toContain(line);
    else expect(r.inferred.join('\n')).not.toContain('工作表名用');
  });
  test('a Word table is named 汇总表, and said', () => {
    const r = named('表格1', 'docx');
    expect(r.profile.sheet.sheetName).toBe('汇总表');
    expect(r.inferred).toContain('汇总表的工作表名用「汇总表」（模板是 Word 文件）。');
  });
  test('the name: the given one trimmed, else the title without 汇总表, else the file name', () => {
    const d = doc([TITLE, ['序号', '数据集名称']]);
    expect(learnTemplate(d, { id: 't', name: '  某格式 ' }).profile.name).toBe('某格式');
    expect(learnTemplate(d, { id: 't', name: '   ' }).profile.name).toBe('杭州市行业高质量数据集');
    expect(learn(doc([['杭州市数据集清单表'], ['序号', '数据集名称']])).profile.name).toBe(
      '杭州市数据集清单',
    );
    expect(learn(doc([['汇总表'], ['序号', '数据集名称']])).profile.name).toBe('汇总表');
    expect(learn(doc([['序号', '数据集名称']], {}, '某市模板.v2.xlsx')).profile.name).toBe('某市模板.v2');
    expect(learn(doc([['XXX行业数据集汇总表'], ['序号', '数据集名称']])).profile.name).toBe('行业数据集');
  });
  test('the source names the template', () => {
    expect(learn(doc([TITLE, ['序号', '数据集名称']], {}, 'a.xlsx')).profile.source).toBe(
      '由模板「a.xlsx」学得（hqds learn），请核对后使用',
    );
  });
  test("the ID: trimmed, 「learned」 when none is given; refused in Chinese when malformed or a built-in's", () => {
    const d = doc([TITLE, ['序号', '数据集名称']]);
    expect(learnTemplate(d, { id: ' my-2 ' }).profile.id).toBe('my-2');
    expect(learnTemplate(d).profile.id).toBe('learned');
    expect(learnTemplate(d, { id: '  ' }).profile.id).toBe('learned');
    expect(() => learnTemplate(d, { id: 'My' })).toThrow(
      new LearnError('格式 ID「My」只能用小写字母、数字和连字符，并以字母开头。'),
    );
    expect(() => learnTemplate(d, { id: '2x' })).toThrow(LearnError);
    expect(() => learnTemplate(d, { id: 'a_b' })).toThrow(LearnError);
    expect(() => learnTemplate(d, { id: 'shanxi' })).toThrow(
      new LearnError('格式 ID「shanxi」是内置格式的 ID：请另起一个，如「shanxi-2」。'),
    );
  });
});

describe('which sheet, which row', () => {
  test('several visible sheets: the one with the header, said; the header row said 1-based', () => {
    const d: TemplateDoc = {
      file: 't.xlsx',
      kind: 'xlsx',
      sheets: [
        { name: '说明', hidden: false, rows: [['填表说明'], ['请按要求填写']], merges: [], validations: [] },
        {
          name: '数据集',
          hidden: false,
          rows: [['附件1'], TITLE, [], ['序号', '数据集名称', '申报单位']],
          merges: [],
          validations: [],
        },
      ],
    };
    const r = learn(d);
    expect(r.inferred.slice(0, 2)).toEqual(['按表头选用了工作表「数据集」。', '表头在第 4 行。']);
  });
  test('one visible sheet: no word on the choice', () => {
    const r = learn(doc([TITLE, ['序号', '数据集名称']]));
    expect(r.inferred[0]).toBe('表头在第 2 行。');
  });
});

/** Every review line is Chinese for the clerk: no 「undefined」 slipped into a message. */
const clean = (r: LearnResult) => {
  for (const line of [...r.inferred, ...r.missing]) {
    expect(line).not.toMatch(/undefined|NaN|Stryker/);
    expect(line).toMatch(/[\u4e00-\u9fa5]/);
  }
};

describe('options: from a dropdown, and where a notice spells them out', () => {
  test("a multi-choice list with its joiner in the prompt; other-options, duplicates, slashes and the built-ins' spellings", () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '数据集模态', '数据集类别', '单位性质']], {
        validations: [
          rule(2, 'list', '"文本,图像 / 视频,图片,文本,其他（请注明）"', {
            prompt: '可多选，多个用「；」分隔',
          }),
          rule(3, 'list', '"行业专识数据集,新类别"'),
          rule(4, 'list', '"国有企业,民营企业"', { prompt: '请选择' }),
        ],
      }),
    );
    clean(r);
    expect(col(r, '数据集模态')).toMatchObject({
      type: 'vocab',
      vocab: 'modality',
      multi: true,
      joiner: '；',
    });
    const m = r.profile.vocabularies.modality;
    expect(m.other).toBe('其他');
    expect(m.otherBracketed).toBe(true);
    expect(m.items.map((i) => [i.label, i.concepts])).toEqual([
      ['文本', ['text']],
      ['图像 / 视频', ['image', 'video']],
      ['图片', ['image']],
    ]);
    // 图片 is 武汉's label: its accepted spelling comes with it; a new label brings none.
    expect(m.items[2].accept).toEqual(['图像']);
    expect(m.items[0]).toMatchObject({ synonyms: [], accept: [] });
    expect(r.inferred).toContain('「数据集模态」有其他选项「其他」：列表外的值写成「其他（原值）」。');
    expect(r.inferred).toContain(
      '「数据集模态」的 3 个选项中 3 个对应到已知类别，其他格式的同类取值会改写为本表写法。',
    );
    expect(r.inferred).toContain(
      '「数据集模态」的选项来自下拉列表，提示写明可多选：文本、图像 / 视频、图片、文本、其他（请注明）（可多选）。',
    );
    const cat = r.profile.vocabularies.category;
    expect(cat.items.map((i) => [i.label, i.synonyms])).toEqual([
      ['行业专识数据集', ['行业专识', '专识数据集', '专识']],
      ['新类别', []],
    ]);
    expect(cat).not.toHaveProperty('other');
    // Only domain and modality are linked to concepts: nothing said of the others.
    expect(r.inferred.join('\n')).not.toMatch(/「数据集类别」的 2 个选项中|「单位性质」的 2 个选项中/);
    // A list's input message is no hint: hints come from rules that are no list.
    expect(col(r, '单位性质').hint).toBeUndefined();
  });

  test('domains: those a built-in spells, and those no format knows, said by name', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '所属领域']], {
        validations: [rule(2, 'list', '"农业农村,科研,火星探索,深海探测,工业制造/深海"')],
      }),
    );
    clean(r);
    // Strict: an unknown option links to no concept, not to [undefined].
    expect(r.profile.vocabularies.domain.items.map((i) => i.concepts)).toStrictEqual([
      ['agriculture'],
      ['science'],
      [],
      [],
      [],
    ]);
    expect(r.inferred).toContain(
      '「所属领域」的 5 个选项中 2 个对应到已知类别，其他格式的同类取值会改写为本表写法；「火星探索」「深海探测」「工业制造/深海」没有对应类别，只接受原文。',
    );
  });

  test('a list of only 「其他」 keeps it as the one option', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '更新频率']], { validations: [rule(2, 'list', '"其它"')] }),
    );
    const v = r.profile.vocabularies['更新频率'];
    expect(v.items).toStrictEqual([{ label: '其它', concepts: [], synonyms: [], accept: [] }]);
    expect(v.other).toBe('其它');
  });

  test('two domain columns: the second (domain2) without options is asked for too', () => {
    const r = learn(doc([TITLE, ['序号', '数据集名称', '所属领域', '行业领域']]));
    expect(r.profile.columns.map((c) => c.key)).toEqual(['seq', 'name', 'domain', 'domain2']);
    expect(r.missing.filter((m) => m.includes('通常有固定选项'))).toHaveLength(2);
    expect(r.missing).toContain(
      '「行业领域」通常有固定选项，但模板里既没有下拉列表，也没有「行业领域：A、B、C」这样的说明：按自由文本检查，请补上选项。',
    );
  });

  const spelled = (where: string) => `${where}更新频率：每日、每周、每月。`;
  test.each([
    ['the notice text of a Word file', (line: string): Partial<TemplateDoc> => ({ text: [line] })],
    [
      'another visible sheet',
      (line: string): Partial<TemplateDoc> => ({
        sheets: [
          {
            name: '汇总表',
            hidden: false,
            rows: [TITLE, ['序号', '数据集名称', '更新频率']],
            merges: [],
            validations: [],
          },
          // The sentence split over two cells of the other sheet is read as one line.
          {
            name: '填表说明',
            hidden: false,
            rows: [['填表说明'], [line.slice(0, 5), line.slice(5)]],
            merges: [],
            validations: [],
          },
        ],
      }),
    ],
  ])('options spelt out in %s', (_where, more) => {
    const r = learn({ ...doc([TITLE, ['序号', '数据集名称', '更新频率']]), ...more(spelled('')) });
    expect(r.profile.vocabularies['更新频率'].items.map((i) => i.label)).toEqual(['每日', '每周', '每月']);
    expect(r.inferred).toContain(
      '「更新频率」的选项来自通知正文「更新频率：每日、每周、每月」：每日、每周、每月（单选）。',
    );
  });

  test('options in a note below the table, a line above it, or a cell right of it', () => {
    const below = learn(doc([TITLE, ['序号', '数据集名称', '更新频率'], [], [spelled('注：1.')]]));
    expect(below.profile.columns[2].type).toBe('vocab');
    expect(below.profile.sheet.footnote).toBe('注：1.更新频率：每日、每周、每月。');
    const above = learn(
      doc([TITLE, ['填报单位：', '更新频率：每日、每周、每月'], ['序号', '数据集名称', '更新频率']]),
    );
    expect(above.profile.columns[2].type).toBe('vocab');
    const right = learn(
      doc([TITLE, ['序号', '数据集名称', '更新频率'], [null, null, null, null, spelled('')]]),
    );
    expect(right.profile.columns[2].type).toBe('vocab');
    expect(right.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '更新频率']);
  });

  test('a hidden sheet, or text in the table itself, spells out nothing', () => {
    const hidden = learn({
      ...doc([]),
      sheets: [
        {
          name: '汇总表',
          hidden: false,
          rows: [TITLE, ['序号', '数据集名称', '更新频率']],
          merges: [],
          validations: [],
        },
        { name: '旧', hidden: true, rows: [[spelled('')]], merges: [], validations: [] },
      ],
    });
    expect(hidden.profile.columns[2].type).toBe('text');
    const inTable = learn(
      doc([TITLE, ['序号', '数据集名称', '更新频率', '备注'], [null, null, null, '更新频率：每日、每周']]),
    );
    expect(inTable.profile.columns[2].type).toBe('text');
  });

  test('an example row below the header is said cell by cell, across the whole table', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '所属领域', '申报单位'], ['1', '示例数据集', '工业制造', '某公司']]),
    );
    expect(r.inferred).toContain(
      '第 3 行像是填写示例：「1」 「示例数据集」 「工业制造」 「某公司」（不作为格式的一部分）。',
    );
  });
});

describe('more of the rules, the page and the sheet', () => {
  test('text-length rules: ≤ its bound; a bound of 0 or a number rule gives no limit', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '摘要', '描述', '金额说明']], {
        validations: [
          rule(2, 'textLength', '60', { operator: 'lessThanOrEqual' }),
          rule(3, 'textLength', '0', { operator: 'lessThanOrEqual' }),
          rule(4, 'decimal', '0', { operator: 'between', formula2: '100' }),
        ],
      }),
    );
    clean(r);
    expect(col(r, '摘要').maxChars).toBe(60);
    expect(col(r, '描述').maxChars).toBeUndefined();
    expect(col(r, '金额说明').maxChars).toBeUndefined();
  });

  test('unknown columns of another kind than text are not said to be free text', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '容量（GB）', '更新频率']], {
        validations: [rule(3, 'list', '"每日,每周"')],
      }),
    );
    expect(r.inferred.join('\n')).not.toMatch(/「容量（GB）」按自由文本检查|「更新频率」按自由文本检查/);
    expect(r.inferred.filter((l) => l.includes('是已服务的模型名称'))).toEqual([]);
  });

  test('备 注 spaced is still the remark column, not required', () => {
    const r = learn(doc([TITLE, ['序号', '数据集名称', '备 注']]));
    expect(r.profile.columns[2]).toMatchObject({ key: 'remark', required: false });
  });

  test('an upper header over a quantity and a text asks nothing of 至少填一项', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称', '数据情况', null], [null, null, '记录数（条）', '数据来源']], {
        merges: [
          { r1: 1, c1: 0, r2: 2, c2: 0 },
          { r1: 1, c1: 1, r2: 2, c2: 1 },
          { r1: 1, c1: 2, r2: 1, c2: 3 },
        ],
      }),
    );
    expect(r.profile.columns.map((c) => [c.label, c.group])).toEqual([
      ['序号', undefined],
      ['数据集名称', undefined],
      ['记录数（条）', '数据情况'],
      ['数据来源', '数据情况'],
    ]);
    expect(r.profile.requireOneOf).toEqual([]);
    expect(r.inferred.join('\n')).not.toContain('至少填一项');
    expect(r.inferred).toContain('表头有两层（第 2、3 行）：下层为列名，上层记作列组。');
  });

  test('fonts: only the header set, both defaults said; none set in a workbook, said as missing', () => {
    const rows = [TITLE, ['序号', '数据集名称', '申报单位']];
    const r = learn(doc(rows, { fonts: { '1,0': { name: '黑体', size: 11 } } }));
    expect(r.inferred).toContain(
      '字体：模板设为表头 黑体 11pt；模板没设的按默认：标题用方正小标宋简体 22pt，表格用仿宋_GB2312 10.5pt。',
    );
    expect(learn(doc(rows)).missing).toContain(
      '模板没有设置字体（只有 Excel 的默认字体，或读不出）：汇总表标题用方正小标宋简体 22pt，表格用仿宋_GB2312 10.5pt。',
    );
  });

  test('a page with a paper size and an orientation read as unset is kept', () => {
    const p = { paperSize: 9, landscape: undefined, fitToWidth: true };
    const r = learn(doc([TITLE, ['序号', '数据集名称']], { page: p }));
    expect(r.profile.sheet.page).toMatchObject({ paperSize: 9, fitToWidth: true });
    expect(r.inferred).toContain('页面：模板设为A4方向未设、一页宽；汇总表按 A4横向、一页宽打印。');
  });

  test.each([
    [' Sheet1 ', '汇总表'],
    ['Sheet12', '汇总表'],
    ['MySheet1', 'MySheet1'],
    ['Sheet1 数据', 'Sheet1 数据'],
    [
      '某某市行业高质量数据集申报汇总表（2025年第一批第二批第三批）清单',
      '某某市行业高质量数据集申报汇总表（2025年第一批第二批第三批',
    ],
  ])('sheet 「%s」 becomes 「%s」', (name, sheetName) => {
    const r = learn({
      ...doc([]),
      sheets: [{ ...doc([]).sheets[0], name, rows: [TITLE, ['序号', '数据集名称']] }],
    });
    expect(r.profile.sheet.sheetName).toBe(sheetName);
  });

  test('names from titles: 汇总表 or 表 only at the end is dropped', () => {
    const name = (title: string) => learn(doc([[title], ['序号', '数据集名称']])).profile.name;
    expect(name('某市数据集汇总表（2025年）')).toBe('某市数据集汇总表（2025年）');
    expect(name('某市表彰数据集清单')).toBe('某市表彰数据集清单');
  });

  test("a title with XXX keeps the recommender's prefix; a plain one has none", () => {
    const x = learn(doc([['XXX行业数据集汇总表'], ['序号', '数据集名称']]));
    expect(x.profile.sheet).toMatchObject({
      title: '{prefix}行业数据集汇总表',
      titlePrefixLabel: '标题中的XXX',
    });
    expect(learn(doc([TITLE, ['序号', '数据集名称']])).profile.sheet).not.toHaveProperty('titlePrefixLabel');
    expect(learn(doc([TITLE, ['序号', '数据集名称']])).profile.sheet).not.toHaveProperty('footnote');
  });

  test('an ID with an underscore is refused by the ID rule itself', () => {
    expect(() => learn(doc([TITLE, ['序号', '数据集名称']]), 'a_b')).toThrow(
      new LearnError('格式 ID「a_b」只能用小写字母、数字和连字符，并以字母开头。'),
    );
  });

  test("what the reader could not read comes first in the summary's review; nothing else is added", () => {
    const r = learn({ ...doc([TITLE, ['序号', '数据集名称']]), limits: ['.xls 文件的数据验证读不出。'] });
    expect(r.missing[0]).toBe('.xls 文件的数据验证读不出。');
    clean(learn(doc([TITLE, ['序号', '数据集名称']])));
  });

  test('a chosen sheet among several, or one visible beside a hidden one: no word on the choice', () => {
    const two = {
      ...doc([]),
      sheets: [
        { name: '甲', hidden: false, rows: [TITLE, ['序号', '数据集名称']], merges: [], validations: [] },
        {
          name: '乙',
          hidden: false,
          rows: [TITLE, ['序号', '数据集名称', '申报单位']],
          merges: [],
          validations: [],
        },
      ],
    } as TemplateDoc;
    expect(learn({ ...two, main: '甲' }).inferred.join('\n')).not.toContain('按表头选用了');
    const hidden = { ...two, sheets: [two.sheets[0], { ...two.sheets[1], hidden: true }] };
    expect(learn(hidden).inferred.join('\n')).not.toContain('按表头选用了');
  });
});

describe('what the summary learner says only when it applies', () => {
  test('one header row: no word of two levels; two notes make a footnote of two lines', () => {
    const r = learn(
      doc([TITLE, ['序号', '数据集名称'], [], ['注：1.数据量按实际填写。'], ['注：2.请勿改动表头。']]),
    );
    expect(r.inferred.join('\n')).not.toContain('表头有两层');
    expect(r.profile.sheet.footnote).toBe('注：1.数据量按实际填写。\n注：2.请勿改动表头。');
  });

  test('a template with neither a title nor a file name to name it is refused in Chinese', () => {
    expect(() => learn(doc([['序号', '数据集名称', '申报单位']], {}, '.xlsx'))).toThrow(
      /^学得的格式不完整：/,
    );
  });
});

test('an option of two spellings of one concept (「图片/图像」) is linked to it, not left unlinked', () => {
  const r = learn(
    doc([TITLE, ['序号', '数据集名称', '数据集模态']], {
      validations: [rule(2, 'list', '"文本,图片/图像"')],
    }),
  );
  expect(r.profile.vocabularies.modality.items.map((i) => i.concepts)).toStrictEqual([['text'], ['image']]);
  expect(r.inferred).toContain(
    '「数据集模态」的 2 个选项中 2 个对应到已知类别，其他格式的同类取值会改写为本表写法。',
  );
});
