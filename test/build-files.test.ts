/** hqds build and check on real files of every messy kind, checked cell by cell. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from './helpers/cli';
import {
  qinghaiFormXlsx,
  qinghaiMessyXlsx,
  shanghaiProjectRow,
  shanghaiRowsXlsx,
  shanxiGbkCsv,
  shanxiUtf16,
  tmpDir,
  wuhanXls,
} from './helpers/messy';
import { getProfile } from '../src/core/profiles';
import { cellString, noteText } from './helpers/exceljs-text';

async function load(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const dir = tmpDir();
const f = (n: string) => path.join(dir, n);

beforeAll(async () => {
  await qinghaiMessyXlsx(f('qh-messy.xlsx'));
  await qinghaiFormXlsx(f('qh-form.xlsx'));
  wuhanXls(f('wh.xls'));
  shanxiGbkCsv(f('sx-gbk.csv'));
  shanxiUtf16(f('sx-utf16.txt'));
});

describe('青海: a messy summary and a 附件1 form into one sheet', () => {
  let wb: ExcelJS.Workbook;
  let report: any;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run([
      'build',
      '--profile',
      'qinghai',
      '--out',
      f('qh-out.xlsx'),
      '--report',
      f('qh-report.json'),
      '--recommender',
      '海西州数据局',
      f('qh-messy.xlsx'),
      f('qh-form.xlsx'),
    ]);
    wb = await load(f('qh-out.xlsx'));
    report = JSON.parse(fs.readFileSync(f('qh-report.json'), 'utf8'));
  });

  test('exit 1 (errors found) and the sheet is still written', () => {
    expect(result.code).toBe(1);
    expect(result.out).toContain('6 条');
  });

  test('title, 推荐单位 line, exact header', () => {
    const ws = wb.getWorksheet('汇总表')!;
    expect(ws.getCell('A1').value).toBe('附件2');
    expect(ws.getCell('A2').value).toBe('青海省行业高质量数据集汇总表');
    expect(ws.getCell('A3').value).toBe('推荐单位：海西州数据局（盖章）');
    const lastMeta = (ws.getRow(3).values as unknown[]).filter(Boolean);
    expect(lastMeta[lastMeta.length - 1]).toBe('年　月　日');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(
      getProfile('qinghai')!.columns.map((c) => c.label),
    );
  });

  test('rows cell by cell: renumbered, converted, crosswalked, contact joined, formulas as literal text', () => {
    const ws = wb.getWorksheet('汇总表')!;
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1, 10);
    expect(row(5)).toEqual([
      1,
      '牦牛养殖数据集',
      '医疗健康',
      '图形图像、文本',
      2048,
      '无',
      '青海牧业公司',
      '张三 13800000000',
      '=SUM(A1:A3)',
    ]);
    expect(row(6)).toEqual([
      2,
      '盐湖化工数据集',
      '工业制造',
      '视频',
      1024,
      '盐湖大模型',
      '盐湖股份',
      '李四 0971-6145250',
      '+86 备用',
    ]);
    expect(row(7).slice(0, 8)).toEqual([
      3,
      '盐湖矿产数据集',
      '其它（矿产）',
      '文本',
      512,
      '无',
      '盐湖股份',
      '0971-6145250',
    ]);
    expect(row(7)[8]).toBe('@内部');
    expect(row(8).slice(0, 5)).toEqual([4, '三江源生态数据集', '绿色低碳', '图形图像、其它（点云）', 1536]);
    expect(row(9).slice(0, 7)).toEqual([
      5,
      '光伏电站运维数据集',
      '绿色低碳',
      '文本、图形图像',
      3072,
      '光伏预测模型',
      '海西数据科技有限公司',
    ]);
    expect(row(10).slice(0, 5)).toEqual([6, '风电功率数据集', '绿色低碳', '其它（时序数据）', 819.2]);
    // Values that look like formulas are strings, never formulas.
    expect(ws.getCell('I5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('I5').formula).toBeUndefined();
  });

  test('flagged cells are marked and explained in a note; the issues sheet lists every problem', () => {
    const ws = wb.getWorksheet('汇总表')!;
    const contact = ws.getCell('H7');
    expect((contact.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(noteText(contact)).toContain('联系人姓名');
    const modality = ws.getCell('D8');
    expect((modality.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    const issues = wb.getWorksheet('问题清单')!;
    const needy = report.issues.filter((i: any) => i.severity === 'error' || !i.applied);
    expect(issues.rowCount - 2).toBe(needy.length);
    expect(cellString(issues.getCell('A1'))).toMatch(/另有 \d+ 处已自动规范/);
    expect(issues.getCell('B3').value).toBe('错误');
  });

  test('dropdowns on vocabulary columns; multi-value and other-option lists do not block', () => {
    const ws = wb.getWorksheet('汇总表')! as any;
    const dv = ws.dataValidations.model; // ExcelJS expands the range per cell when reading
    expect(dv['C204']).toEqual(dv['C5']);
    const domain = dv['C5'];
    expect(domain.type).toBe('list');
    expect(domain.formulae[0]).toBe(
      '"工业制造,现代农业,商贸流通,交通运输,金融服务,科技创新,文化旅游,医疗健康,应急管理,气象服务,城市治理,绿色低碳,通用,其它"',
    );
    expect(domain.errorStyle).toBe('warning');
    expect(dv['D5'].errorStyle).toBe('warning');
  });

  test('A4 landscape, one page wide, header repeated, header frozen; hidden lists sheet', () => {
    const ws = wb.getWorksheet('汇总表')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(wb.getWorksheet('hqds选项')!.state).toBe('hidden');
    expect(ws.getCell('A2').font.size).toBe(22);
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16 });
    expect(ws.getCell('B5').font).toMatchObject({ name: '仿宋_GB2312' });
    expect(ws.getCell('B5').border.top?.style).toBe('thin');
  });

  test('table text is 五号 (10.5 pt) in the file itself (ExcelJS rounds sizes when it reads them back)', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(f('qh-out.xlsx')));
    const stylesXml = await zip.file('xl/styles.xml')!.async('string');
    expect(stylesXml).toContain('<sz val="10.5"/>');
    expect(stylesXml).toContain('<name val="仿宋_GB2312"/>');
  });

  test('the report: mapping, counts that reconcile, left-out rows with reasons, changes original → new', () => {
    expect(report.profile).toBe('qinghai');
    expect(report.inputs[0]).toMatchObject({
      file: 'qh-messy.xlsx',
      sheet: '汇总',
      kind: 'table',
      headerRow: 4,
    });
    expect(report.inputs[0].mapping.find((m: any) => m.header === '数据量(TB)').target).toBe(
      '数据集数据量（GB）',
    );
    expect(report.inputs[0].mapping.find((m: any) => m.header === '内部编号').target).toBeNull();
    expect(report.issues.find((i: any) => i.code === 'unmapped-column').message).toContain('内部编号');
    expect(report.rowsRead).toBe(report.rowsWritten + report.rowsLeftOut);
    expect(report.rowsLeftOut).toBe(report.leftOut.length);
    // Every non-empty row is somewhere: the title lines above the header and the 「注：」 line below
    // the table are left out with their reasons, not dropped.
    expect(report.leftOut).toEqual([
      { file: 'qh-messy.xlsx', sheet: '汇总', row: 1, reason: '表头以上的标题或说明行' },
      { file: 'qh-messy.xlsx', sheet: '汇总', row: 2, reason: '表头以上的标题或说明行' },
      { file: 'qh-messy.xlsx', sheet: '汇总', row: 3, reason: '表头以上的标题或说明行' },
      { file: 'qh-messy.xlsx', sheet: '汇总', row: 6, reason: '空行' },
      { file: 'qh-messy.xlsx', sheet: '汇总', row: 10, reason: '合计行' },
      {
        file: 'qh-messy.xlsx',
        sheet: '汇总',
        row: 11,
        reason: '表尾说明或注释（「注：数据量单位为 TB。」）',
      },
    ]);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: '数据集数据量（GB）', from: '2', to: 2048, outputRow: 5 }),
      ]),
    );
    const missing = report.issues.find((i: any) => i.code === 'contact-incomplete');
    expect(missing).toMatchObject({
      severity: 'error',
      column: '申报单位联系人及联系方式',
      outputRow: 7,
      source: { file: 'qh-messy.xlsx', sheet: '汇总', row: 8 },
    });
  });
});

test('武汉 from legacy .xls: the instructions sheet is skipped with a notice, the footnote is there', async () => {
  const r = await run([
    'build',
    '--profile',
    'wuhan',
    '--out',
    f('wh-out.xlsx'),
    '--report',
    f('wh-report.json'),
    f('wh.xls'),
  ]);
  expect(r.code).toBe(1);
  const rep = JSON.parse(fs.readFileSync(f('wh-report.json'), 'utf8'));
  expect(rep.skipped).toEqual([expect.objectContaining({ sheet: '说明' })]);
  const ws = (await load(f('wh-out.xlsx'))).getWorksheet('汇总表')!;
  expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual([
    1,
    '车路协同数据集赋能智能网联',
    '行业专识数据集',
    '智能驾驶',
    '高质量数据集技术创新、高质量数据集模型验证',
    '100000条',
    '图片1024GB，视频200GB',
    '无',
    '带动投资增加3000万元',
    '武汉车联科技',
    '周七 027-87654321',
  ]);
  expect(ws.getCell('A7').value).toBe(
    '结构化数据以行/条为单位，非结构化数据需列明数据模态，并以 GB 为单位。',
  );
  expect(rep.issues.map((i: any) => i.code)).toEqual(
    expect.arrayContaining(['required-one-of', 'benefit-no-figure', 'contact-incomplete']),
  );
});

test('山西 from GBK .csv and UTF-16 text, with the title prefix and split contact columns', async () => {
  const r = await run([
    'build',
    '--profile',
    'shanxi',
    '--title-prefix',
    '能源',
    '--out',
    f('sx-out.xlsx'),
    f('sx-gbk.csv'),
    f('sx-utf16.txt'),
  ]);
  expect(r.err).not.toContain('读不了');
  const ws = (await load(f('sx-out.xlsx'))).getWorksheet('汇总表')!;
  expect(ws.getCell('A2').value).toBe('能源行业高质量数据集汇总表');
  const rows = [5, 6, 7, 8].map((n) => (ws.getRow(n).values as unknown[]).slice(1, 10));
  expect(rows[0]).toEqual([
    1,
    '汾河水文数据集',
    '智慧能源',
    '山西水利研究院',
    '120TB',
    '文本、图像/视频',
    '无',
    '水文预测',
    '王五 0351-1234567 wang@sx.cn',
  ]);
  expect(rows[1].slice(0, 6)).toEqual([
    2,
    '煤矿安全数据集',
    '应急管理',
    '晋能控股',
    '500GB',
    '图像/视频、时序数据',
  ]);
  expect(rows[2][1]).toBe('晋商文化"老字号"数据集');
  expect(rows[2][4]).toBe('800万条记录');
  expect(rows[3].slice(0, 5)).toEqual([4, '太行山林数据集', '绿色低碳', '山西林业局', '2TB']);
  expect(r.code).toBe(1); // 500GB below 1 TB is a warning; the missing e-mail is an error
});

test('上海: one 项目基本信息情况表 per project and our labelled working list', async () => {
  const p = getProfile('shanghai')!;
  const row = shanghaiProjectRow();
  await shanghaiRowsXlsx(
    f('sh.xlsx'),
    [row, [...row.slice(0, 1).map(() => '工具链平台'), ...row.slice(1)]],
    p.columns.map((c) => c.label),
  );
  const r = await run(['build', '--profile', 'shanghai', '--out', f('sh-out.xlsx'), f('sh.xlsx')]);
  expect(r.code).toBe(0);
  const wb = await load(f('sh-out.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '工作清单',
    '项目1-智能制造数据集',
    '项目2-工具链平台',
    '问题清单',
    '修改记录',
    'hqds选项',
  ]);
  const list = wb.getWorksheet('工作清单')!;
  expect(cellString(list.getCell('A2'))).toContain('不是通知所附官方模板');
  expect(list.getCell('D4').value).toBe('方向1：行业领域高质量数据集建设');
  const one = wb.getWorksheet('项目1-智能制造数据集')!;
  expect(one.getCell('A3').value).toBe('项目名称');
  expect(one.getCell('B3').value).toBe('智能制造数据集');
  expect(cellString(one.getCell('B5'))).toBe(
    '☑方向1：行业领域高质量数据集建设  □方向2：高质量数据集工具链平台建设',
  );
  expect(cellString(one.getCell('B16'))).toContain('☑民营企业');
});

describe('exit codes and never losing OUT', () => {
  test('an unreadable input: exit 2, the message names the file, OUT is not created', async () => {
    fs.writeFileSync(f('broken.xlsx'), Buffer.from('PK\u0003\u0004 this is not a zip'));
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--out',
      f('never.xlsx'),
      f('qh-messy.xlsx'),
      f('broken.xlsx'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('broken.xlsx');
    expect(fs.existsSync(f('never.xlsx'))).toBe(false);
  });
  test('an unreadable input does not overwrite an existing OUT', async () => {
    fs.writeFileSync(f('keep.xlsx'), 'old');
    const r = await run(['build', '--profile', 'qinghai', '--out', f('keep.xlsx'), f('missing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.xlsx');
    expect(fs.readFileSync(f('keep.xlsx'), 'utf8')).toBe('old');
  });
  test('a successful build over an existing OUT keeps the old one as a backup', async () => {
    fs.writeFileSync(f('again.xlsx'), 'old');
    const r = await run(['build', '--profile', 'shanxi', '--out', f('again.xlsx'), f('sx-utf16.txt')]);
    expect(r.code).toBe(0);
    const backups = fs.readdirSync(dir).filter((n) => n.startsWith('again.备份-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0]), 'utf8')).toBe('old');
  });
  test('misuse: exit 2', async () => {
    expect((await run(['build', '--profile', 'nope', '--out', f('x.xlsx'), f('sx-utf16.txt')])).code).toBe(2);
    expect((await run(['build', '--profile', 'qinghai', f('sx-utf16.txt')])).code).toBe(2);
    expect((await run(['check', '--profile', 'qinghai'])).code).toBe(2);
  });
});

describe('hqds check: as the applicant sees it', () => {
  test("--json lists issues with source rows, keeps the sheet's own 序号", async () => {
    const r = await run(['check', '--profile', 'qinghai', '--json', f('qh-messy.xlsx')]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.rowsChecked).toBe(4);
    expect(j.issues.find((i: any) => i.code === 'contact-incomplete').source).toEqual({
      file: 'qh-messy.xlsx',
      sheet: '汇总',
      row: 8,
      column: 'H列「联系人」',
    });
  });
  test('--annotate writes a copy with each problem cell marked and explained', async () => {
    const r = await run([
      'check',
      '--profile',
      'qinghai',
      '--annotate',
      f('qh-annotated.xlsx'),
      f('qh-messy.xlsx'),
    ]);
    expect(r.code).toBe(1);
    const wb = await load(f('qh-annotated.xlsx'));
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('B5').value).toBe('牦牛养殖数据集');
    const flagged = ws.getCell('H8');
    expect((flagged.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(noteText(flagged)).toContain('联系人');
    expect(wb.getWorksheet('问题清单')).toBeDefined();
  });
  test('a clean sheet exits 0', async () => {
    const r = await run(['check', '--profile', 'shanxi', f('sx-utf16.txt')]);
    expect(r.code).toBe(0);
  });
});
