/**
 * Builds the messy received files the bureau staff actually get: extra title lines, renamed and
 * reordered headers, split contact columns, blank and total rows, merged cells, formulas, other
 * bureaus' vocabulary, legacy .xls, GBK .csv, UTF-16 text, and a 附件1 form with checkboxes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';
import { validCode } from './credit';

export function tmpDir(prefix = 'hqds-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** 青海 summary as a city bureau sent it: everything wrong that usually is. */
export async function qinghaiMessyXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  ws.addRow(['附件2']);
  ws.addRow(['青海省行业高质量数据集汇总表']);
  ws.mergeCells('A2:J2');
  ws.addRow(['推荐单位：（盖章）', '', '', '', '', '', '', '年 月 日']);
  ws.addRow([
    '序号',
    '数据集\n名称',
    '所属行业领域',
    '模态',
    '数据量(TB)',
    '已服务支撑人工智能大模型名称',
    '申报单位',
    '联系人',
    '联系电话',
    '备注',
    '内部编号',
  ]);
  ws.addRow([
    1,
    '牦牛养殖数据集',
    '医疗卫生',
    '图片、文字',
    2,
    '/',
    '青海牧业公司',
    '张三',
    '13800000000',
    '=SUM(A1:A3)',
    'X-1',
  ]);
  ws.addRow([]);
  ws.addRow([
    2,
    '盐湖化工数据集',
    '工业',
    '视频',
    { formula: 'E5*0.5', result: 1 },
    '盐湖大模型',
    '盐湖股份',
    '李四',
    '0971-6145250',
    '+86 备用',
    'X-2',
  ]);
  ws.addRow([
    3,
    '盐湖矿产数据集',
    '其他（矿产）',
    '文本',
    0.5,
    '无',
    '盐湖股份',
    '',
    '0971-6145250',
    '@内部',
    'X-3',
  ]);
  ws.addRow([
    4,
    '三江源生态数据集',
    '绿色低碳',
    '遥感影像、点云',
    '１．５ＴＢ',
    '无',
    '三江源研究院',
    '王五',
    'wang@sjy.cn',
    '-',
    'X-4',
  ]);
  ws.mergeCells('G7:G8'); // the same applicant, merged over two datasets
  ws.addRow(['合计', '', '', '', 5]);
  ws.addRow(['注：数据量单位为 TB。']);
  await wb.xlsx.writeFile(file);
}

/** 青海 附件1 基本信息表 with two datasets and checkbox lists. */
export async function qinghaiFormXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基本信息表');
  const rows: (string | number | null)[][] = [
    ['附件1'],
    ['青海省行业高质量数据集基本信息表'],
    ['申报单位信息', '单位名称', '海西数据科技有限公司'],
    [null, '统一社会信用代码', '91632800MA7XXXXX00'],
    [null, '单位地址', '德令哈市某路1号'],
    [null, '负责人及联系方式', '赵六 13912345678'],
    ['数据集简要信息', '数据集名称', '光伏电站运维数据集', '数据集规模（单位：TB）', 3],
    [null, '所属行业领域', '□工业制造 □现代农业 ☑绿色低碳 □通用 □其它_____'],
    [null, '数据集模态', '☑文本 ☑图形图像 □音频 □视频 □其它_____'],
    [null, '本数据集是否为国内首次公开发布', '☑是 □否'],
    [null, '已服务支撑算法模型', '光伏预测模型'],
    [null, '数据集名称', '风电功率数据集', '数据集规模（单位：TB）', 0.8],
    [null, '所属行业领域', '☑绿色低碳 □其它_____'],
    [null, '数据集模态', '□文本 □图形图像 □音频 □视频 ☑其它（时序数据）'],
    [null, '已服务支撑算法模型', '（填写算法、大模型名称及数量，若没有，填“无”）'],
  ];
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

const WUHAN_HEADER = [
  '序号',
  '数据集案例名称',
  '数据集类别',
  '行业领域',
  '申报方向',
  '结构化数据规模',
  '非结构化数据规模',
  '已服务支撑人工智能算法模型',
  '产生社会经济效益',
  '申报单位名称',
  '申报单位联系人及联系方式',
];

/** 武汉 summary saved as legacy .xls (BIFF8), with an instructions sheet before it. */
export function wuhanXls(file: string): void {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填表说明'], ['请按通知要求填写。']]), '说明');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['附件3'],
      ['武汉市行业高质量数据集应用典型案例征集汇总表'],
      ['推荐单位：（盖章）', '', '联系人及联系方式：', '', '', '', '年 月 日'],
      WUHAN_HEADER,
      [
        1,
        '车路协同数据集赋能智能网联',
        '行业专识',
        '智慧驾驶',
        '技术创新、模型验证',
        '10万条',
        '图片 1TB，视频 200GB',
        '无',
        '带动投资增加3000万元',
        '武汉车联科技',
        '周七 027-87654321',
      ],
      [
        2,
        '汉江水质数据集',
        '行业通识数据集',
        '绿色低碳',
        '高质量数据集建设应用',
        '',
        '',
        '水质模型',
        '效益明显',
        '武汉水务',
        '吴八',
      ],
    ]),
    '汇总表',
  );
  XLSX.writeFile(wb, file, { bookType: 'biff8' });
}

/** 山西 summary as Excel writes 「CSV」 in a Chinese locale: GBK, CRLF, quoted fields. */
export function shanxiGbkCsv(file: string): string {
  const text = [
    '序号,数据集名称,所属领域,建设单位,数据集规模,数据集模态,服务模型名称,应用场景名称,联系人,联系电话,邮箱',
    '1,汾河水文数据集,智慧能源,山西水利研究院,120TB,"文本、图像/视频",无,水文预测,王五,0351-1234567,wang@sx.cn',
    '2,煤矿安全数据集,应急管理,晋能控股,500GB,"图片,时间序列",安全大模型,瓦斯预警,赵六,13512345678,',
    '3,"晋商文化""老字号""数据集",文化旅游,山西文旅集团,800万条记录,文本,无,文旅问答,钱七,0351-7654321,qian@sx.cn',
  ].join('\r\n');
  fs.writeFileSync(file, iconv.encode(text, 'gbk'));
  return text;
}

/** The same 山西 rows as Excel's 「Unicode 文本」: UTF-16LE with BOM, tab-separated. */
export function shanxiUtf16(file: string): void {
  const text =
    '序号\t数据集名称\t所属领域\t建设单位\t数据集规模\t数据集模态\t服务模型名称\t应用场景名称\t联系人及联系方式\r\n1\t太行山林数据集\t绿色低碳\t山西林业局\t2TB\t图像/视频\t无\t林火监测\t孙九 0351-2223333 sun@sx.cn\r\n';
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

export function shanghaiRowsXlsx(file: string, rows: (string | number)[][], header: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return wb.xlsx.writeFile(file);
}

/** One complete 上海 project, column by column in the profile's order (a valid credit code). */
export function shanghaiProjectRow(): (string | number)[] {
  return [
    '智能制造数据集',
    '上海某科技有限公司',
    '方向1',
    '2025年12月至2027年11月',
    500,
    120,
    '赵六',
    '总监',
    '13912345678',
    'zhao@sh.cn',
    '某路1号',
    '浦东',
    '钱七',
    validCode('91310115MA1K4XXX1'),
    '民营企业',
    1000,
    45.2,
    800,
    10,
    1200,
    40,
    900,
    11,
    1500,
    38,
    1100,
    12,
  ];
}
