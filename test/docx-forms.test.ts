/** The four notices' Word forms and a Word 汇总表 through hqds: entries as the clerk would retype
 *  them, and every issue traced to 表N 第R行 第C列. */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { run } from './helpers/cli';
import { tmpDir } from './helpers/messy';
import { qinghaiForm, qinghaiSummaryDocx, shanghaiForm, shanxiForm, wuhanForm } from './helpers/docx-forms';
import { readFile } from '../src/io/read';
import { mergeSheets } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';
import { docx, para, table, type Cell } from './helpers/docx';

const dir = tmpDir();

async function merged(profileId: string, name: string, bytes: Buffer) {
  const wb = await readFile(name, bytes);
  return mergeSheets(
    getProfile(profileId)!,
    wb.sheets.map((s) => ({ file: name, sheet: s.name, rows: s.rows, origins: s.origins })),
    { asTheyStand: true },
  );
}
const entryValues = (m: Awaited<ReturnType<typeof merged>>, keys: string[]) =>
  m.entries.map((e) => Object.fromEntries(keys.map((k) => [k, e.entry.get(k)])));

describe('Word forms become entries', () => {
  test('青海 附件1 with two datasets: two entries, unit fields on both, TB converted to GB', async () => {
    const m = await merged(
      'qinghai',
      '青海附件1.docx',
      await qinghaiForm([
        {
          name: '牦牛养殖数据集',
          tb: '2',
          domain: '☑现代农业 □医疗健康',
          modality: '√文本 □音频 √视频',
          models: '无',
        },
        {
          name: '盐湖化工数据集',
          tb: '0.5',
          domain: '□现代农业 ■工业制造',
          modality: '☑文本',
          models: '盐湖大模型',
        },
      ]),
    );
    expect(m.inputs[0].kind).toBe('form');
    expect(entryValues(m, ['name', 'domain', 'modality', 'scale', 'models', 'applicant', 'contact'])).toEqual(
      [
        {
          name: '牦牛养殖数据集',
          domain: '现代农业',
          modality: '文本、视频',
          scale: 2048,
          models: '无',
          applicant: '青海牧业科技有限公司',
          contact: '张三 13800000000',
        },
        {
          name: '盐湖化工数据集',
          domain: '工业制造',
          modality: '文本',
          scale: 512,
          models: '盐湖大模型',
          applicant: '青海牧业科技有限公司',
          contact: '张三 13800000000',
        },
      ],
    );
    // Each entry says where it begins in the document.
    expect(m.entries.map((e) => e.source.column)).toEqual(['表1 第5行', '表1 第12行']);
    expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('a second dataset in a copied table (表2) is a second entry with the unit fields of 表1', async () => {
    const one = (name: string): Cell[][] => [
      [{ text: '数据集简要信息', vmerge: 'restart' }, '数据集名称', name, '数据集规模（单位：TB）', '1'],
      [{ vmerge: 'continue' }, '所属行业领域', { text: '☑通用', span: 3 }],
      [{ vmerge: 'continue' }, '数据集模态', { text: '☑文本', span: 3 }],
      [{ vmerge: 'continue' }, '已服务支撑算法模型', { text: '无', span: 3 }],
    ];
    const unit: Cell[][] = [
      ['申报单位信息', '单位名称', { text: '青海牧业科技有限公司', span: 3 }],
      ['', '负责人及联系方式', { text: '张三 13800000000', span: 3 }],
    ];
    const m = await merged(
      'qinghai',
      'two.docx',
      await docx(table([...unit, ...one('甲数据集')], 5) + para('（续）') + table(one('乙数据集'), 5)),
    );
    expect(entryValues(m, ['name', 'applicant'])).toEqual([
      { name: '甲数据集', applicant: '青海牧业科技有限公司' },
      { name: '乙数据集', applicant: '青海牧业科技有限公司' },
    ]);
    expect(m.entries.map((e) => e.source.column)).toEqual(['表1 第3行', '表2 第1行']);
  });

  test('an unticked list is an empty required value, traced to its Word cell', async () => {
    const m = await merged(
      'qinghai',
      'q.docx',
      await qinghaiForm([
        { name: '牦牛养殖数据集', tb: '2', domain: '□现代农业 □医疗健康', modality: '☑文本', models: '无' },
      ]),
    );
    const req = m.issues.find((i) => i.code === 'required');
    expect(req).toMatchObject({
      field: '行业领域',
      source: {
        file: 'q.docx',
        row: null,
        column: '表1 第6行 第3列「行业领域」',
        origin: { table: 1, row: 6, cell: 3 },
      },
    });
  });

  test('武汉 附件1: content-control checkboxes, boxes after the 申报方向 options, scale with its unit', async () => {
    const m = await merged('wuhan', '武汉附件1.docx', await wuhanForm());
    expect(
      entryValues(m, [
        'name',
        'category',
        'direction',
        'domain',
        'structuredScale',
        'unstructuredScale',
        'models',
        'applicant',
      ]),
    ).toEqual([
      {
        name: '城市交通数据集赋能信号优化',
        category: '行业通识数据集',
        direction: '高质量数据集建设应用、高质量数据集技术创新',
        domain: '交通运输',
        structuredScale: '100000条',
        unstructuredScale: '图片100GB，音频160GB',
        models: '交通大模型、信号优化模型',
        applicant: '武汉光谷数据有限公司',
      },
    ]);
  });

  test('武汉: the ticked modality and the GB figure make the 「modality + GB」 pair; sizes beside the modalities are the pairs', async () => {
    const one = await merged(
      'wuhan',
      'w1.docx',
      await wuhanForm({
        unstructured: '260',
        modalities: [
          [true, '图像'],
          [false, '音频'],
        ],
      }),
    );
    expect(one.entries[0].entry.get('unstructuredScale')).toBe('图像260GB');
    const two = await merged(
      'wuhan',
      'w2.docx',
      await wuhanForm({
        unstructured: '',
        modalities: [
          [true, '图像 100GB'],
          [true, '音频 160GB'],
        ],
      }),
    );
    expect(two.entries[0].entry.get('unstructuredScale')).toBe('图像100GB，音频160GB');
    // Two modalities and one figure: not split by guesswork; the check asks for the modality.
    const both = await merged(
      'wuhan',
      'w3.docx',
      await wuhanForm({
        unstructured: '260',
        modalities: [
          [true, '图像'],
          [true, '音频'],
        ],
      }),
    );
    expect(both.issues.map((i) => i.code)).toContain('quantity-pair-missing-modality');
  });

  test('山西 申报书: cover page skipped, the table over two pages read as one form, 「数据规模与模态」 split', async () => {
    const m = await merged('shanxi', '山西申报书.docx', await shanxiForm());
    expect(m.inputs).toHaveLength(1);
    expect(
      entryValues(m, ['name', 'domain', 'builder', 'scale', 'modality', 'models', 'scenario', 'contact']),
    ).toEqual([
      {
        name: '汾河流域水文数据集',
        domain: '智慧能源',
        builder: '山西水文科技有限公司',
        scale: '120TB',
        modality: '时序数据、结构化表格',
        models: '水文预测大模型',
        scenario: '洪水预报',
        contact: '姓名：王五 电话：13912345678 邮箱：wangwu@example.cn',
      },
    ]);
    expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const no = await merged('shanxi', 's.docx', await shanxiForm({ models: 'no' }));
    expect(no.entries[0].entry.get('models')).toBe('无');
  });

  test('上海 项目基本信息情况表 is a form (not a table of empty rows): every field, the 近三年 grid by year', async () => {
    const m = await merged('shanghai', '上海情况表.docx', await shanghaiForm());
    expect(m.inputs[0].kind).toBe('form');
    expect(m.entries).toHaveLength(1);
    expect(
      entryValues(m, [
        'projectName',
        'direction',
        'period',
        'plannedFunds',
        'contactName',
        'jobTitle',
        'district',
        'nature',
        'assets2022',
        'debtRatio2023',
        'profitRate2024',
      ]),
    ).toEqual([
      {
        projectName: '长三角航运高质量数据集',
        direction: '方向1：行业领域高质量数据集建设',
        period: '2025年12月至2027年11月',
        plannedFunds: 800,
        contactName: '赵六',
        jobTitle: '总监',
        district: '浦东新区',
        nature: '民营企业',
        assets2022: 5000,
        debtRatio2023: 38,
        profitRate2024: 10,
      },
    ]);
    expect(m.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([]);
    const bad = await merged('shanghai', 's.docx', await shanghaiForm({ debt2024: '三成' }));
    const is = bad.issues.find((i) => i.field === '2024年资产负债率（%）')!;
    expect(is.source.column).toBe('表1 第19行 第4列「2024年资产负债率（%）」');
  });

  test('a 汇总表 filled as a Word table is read as a table', async () => {
    const m = await merged('qinghai', '汇总表.docx', await qinghaiSummaryDocx());
    expect(m.inputs[0].kind).toBe('table');
    expect(entryValues(m, ['name', 'scale', 'applicant'])).toEqual([
      { name: '牦牛养殖数据集', scale: 2048, applicant: '青海牧业公司' },
      { name: '盐湖化工数据集', scale: 500, applicant: '青海盐湖公司' },
    ]);
    const contact = m.issues.find((i) => i.code === 'contact-incomplete')!;
    expect(contact.source.column).toBe('表1 第3行 第8列');
  });
});

test('the same dataset in two Word forms: both kept, each pointing at the other’s table row', async () => {
  const d = [{ name: '牦牛养殖数据集', tb: '2', domain: '☑现代农业', modality: '☑文本', models: '无' }];
  const read = async (name: string) =>
    (await readFile(name, await qinghaiForm(d))).sheets.map((s) => ({
      file: name,
      sheet: s.name,
      rows: s.rows,
      origins: s.origins,
    }));
  const m = mergeSheets(getProfile('qinghai')!, [...(await read('a.docx')), ...(await read('b.docx'))]);
  const dup = m.issues.filter((i) => i.code === 'possible-duplicate');
  expect(dup.map((i) => i.message)).toEqual([
    expect.stringContaining('（a.docx Word 表格 表1 第5行）'),
    expect.stringContaining('（b.docx Word 表格 表1 第5行）'),
  ]);
});

test('a Word 汇总表 continued after a page break repeats its header: the repeat is not a row', async () => {
  const head: Cell[] = [
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据集数据量（GB）',
    '已服务支撑人工智能大模型名称',
    '申报单位名称',
    '申报单位联系人及联系方式',
    '备注',
  ];
  const row = (n: number, name: string): Cell[] => [
    String(n),
    name,
    '通用',
    '文本',
    '10',
    '无',
    '某公司',
    '张三 13800000000',
    '',
  ];
  const m = await merged(
    'qinghai',
    'split.docx',
    await docx(
      table([head, row(1, '甲'), row(2, '乙')]) +
        `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
        table([head, row(3, '丙')]),
    ),
  );
  expect(entryValues(m, ['name'])).toEqual([{ name: '甲' }, { name: '乙' }, { name: '丙' }]);
  expect(m.entries[2].source.column).toBe('表2 第2行');
  expect(m.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

describe('hqds with Word files', () => {
  test('build from Word forms and a Word 汇总表 together; the report traces each entry to its table cell', async () => {
    const files: [string, Promise<Buffer>][] = [
      [
        'a.docx',
        qinghaiForm([
          { name: '牦牛养殖数据集', tb: '2', domain: '☑现代农业', modality: '☑文本', models: '无' },
        ]),
      ],
      ['b.docx', qinghaiSummaryDocx()],
    ];
    for (const [n, b] of files) fs.writeFileSync(path.join(dir, n), await b);
    const out = path.join(dir, 'sum.xlsx');
    const rep = path.join(dir, 'rep.json');
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--out',
      out,
      '--report',
      rep,
      ...files.map(([n]) => path.join(dir, n)),
    ]);
    expect(r.err).not.toMatch(/损坏/);
    expect(r.out).toMatch(/已写出.*3 条/);
    const report = JSON.parse(fs.readFileSync(rep, 'utf8'));
    expect(report.inputs.map((i: { file: string; kind: string }) => [i.file, i.kind])).toEqual([
      ['a.docx', 'form'],
      ['b.docx', 'table'],
    ]);
    expect(report.issues.find((i: { code: string }) => i.code === 'contact-incomplete').source).toMatchObject(
      { file: 'b.docx', column: '表1 第3行 第8列' },
    );
    expect(
      report.entries.map(
        (e: { source: { file: string; column: string } }) => `${e.source.file} ${e.source.column}`,
      ),
    ).toEqual(['a.docx 表1 第5行', 'b.docx 表1 第2行', 'b.docx 表1 第3行']);
    // The summary's issues sheet says the same place.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const issues = wb.getWorksheet('问题清单')!;
    const places: string[] = [];
    issues.eachRow((row) => places.push(`${row.getCell(8).text} ${row.getCell(11).text}`));
    expect(places).toContain('b.docx 表1 第3行 第8列');
  });

  test('check lists a Word form’s issues with their table cells', async () => {
    const f = path.join(dir, '上海.docx');
    fs.writeFileSync(f, await shanghaiForm({ debt2024: '三成' }));
    const r = await run(['check', '--profile', 'shanghai', f]);
    expect(r.out).toMatch(/上海\.docx「Word 表格」表1 第19行 第4列「2024年资产负债率（%）」：错误/);
    expect(r.code).toBe(1);
  });
});
