/**
 * Blank templates of bureaus we have no profile for, built at test time the way bureaus make them:
 * ExcelJS for an ordinary workbook, hand-written SpreadsheetML for what only Excel itself writes
 * (lists on a hidden sheet in the x14 extension, a defined name), and WordprocessingML for a Word
 * table with its vocabularies spelt out in the notice's text.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { docx, para, table } from './docx';

/** Beijing's 16 domains, as the 004 seed lists them (FORMATS.md §6). */
export const BEIJING_DOMAINS = [
  '工业制造',
  '现代农业',
  '商贸流通',
  '交通运输',
  '金融服务',
  '科技创新',
  '文化旅游',
  '医疗健康',
  '应急管理',
  '气象服务',
  '城市治理',
  '绿色低碳',
  '政务服务',
  '社区服务',
  '教育教学',
  '区域协同',
];
export const BEIJING_LINE = '推荐单位（盖章）：　　　　　　　　　　填报日期：　　年　　月　　日';
export const BEIJING_NOTE = '注：1.数据量以TB为单位；2.数据集模态可多选，用顿号分隔。';

/** A new bureau's summary: new columns (申报类型, 更新频率, 数据来源), the 16 domains on a hidden sheet. */
export async function beijingTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总表');
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  BEIJING_DOMAINS.forEach((d, i) => (lists.getCell(i + 1, 1).value = d));
  const header = [
    '序号',
    '数据集名称',
    '所属领域',
    '申报类型',
    '数据集模态',
    '数据量（TB）',
    '更新频率',
    '数据来源',
    '申报单位',
    '统一社会信用代码',
    '联系人及联系方式',
    '备注',
  ];
  ws.getCell('A1').value = '附件2';
  ws.getCell('A1').font = { name: '黑体', size: 16 };
  ws.getCell('A2').value = '北京市行业高质量数据集汇总表';
  ws.getCell('A2').font = { name: '方正小标宋简体', size: 22 };
  ws.mergeCells(2, 1, 2, header.length);
  ws.getCell('A3').value = BEIJING_LINE;
  ws.mergeCells(3, 1, 3, header.length);
  header.forEach((h, c) => {
    const cell = ws.getCell(4, c + 1);
    cell.value = h;
    cell.font = { name: '仿宋_GB2312', size: 12, bold: true };
  });
  for (let r = 5; r <= 14; r++)
    header.forEach((_, c) => (ws.getCell(r, c + 1).font = { name: '仿宋_GB2312', size: 12 }));
  ws.getCell('A15').value = BEIJING_NOTE;
  ws.mergeCells(15, 1, 15, header.length);
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  dv.add('C5:C14', {
    type: 'list',
    allowBlank: true,
    formulae: ["'选项'!$A$1:$A$16"],
    showErrorMessage: true,
    errorStyle: 'stop',
  });
  dv.add('D5:D14', {
    type: 'list',
    allowBlank: true,
    formulae: ['"新建,存量提升"'],
    showErrorMessage: true,
    errorStyle: 'stop',
  });
  // No error alert: a clerk may type 「文本、图像」, so the list offers single values of a multi-choice column.
  dv.add('E5:E14', {
    type: 'list',
    allowBlank: true,
    formulae: ['"文本,图像,音频,视频,其他"'],
    showErrorMessage: false,
  });
  dv.add('H5:H14', {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [100],
    showInputMessage: true,
    prompt: '写明数据的来源系统或渠道',
  });
  dv.add('G5:G14', {
    type: 'list',
    allowBlank: true,
    formulae: ['"实时,每日,每周,每月,不定期"'],
    showErrorMessage: true,
    errorStyle: 'stop',
  });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (c: number) => String.fromCharCode(65 + c);
const sheetXml = (rows: string[][], extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>${rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => (v ? `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>` : '')).join('')}</row>`,
    )
    .join('')}</sheetData>${extra}</worksheet>`;

/**
 * A workbook as Excel 2010+ saves it when a list points at another sheet: the validation lives in
 * the x14 extension (MS-XLSX §2.6.12), its lists on a sheet with state="hidden"; a second list goes
 * through a defined name; the third is an ordinary inline list without an error alert.
 */
export async function hiddenListsTemplate(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="征集汇总表" sheetId="1" r:id="rId1"/><sheet name="字典" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="方向">字典!$B$1:$B$3</definedName></definedNames></workbook>`,
  );
  const header = [
    '序号',
    '数据集名称',
    '行业领域',
    '申报方向',
    '数据集模态',
    '数据规模（GB）',
    '申报单位名称',
    '联系人及联系方式',
  ];
  const ext = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" promptTitle="行业领域" prompt="请选择"><x14:formula1><xm:f>字典!$A$1:$A$6</xm:f></x14:formula1><xm:sqref>C4:C100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
  const dvs = `<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning" prompt="可多选" sqref="D4:D100"><formula1>方向</formula1></dataValidation><dataValidation type="list" allowBlank="1" sqref="E4:E100"><formula1>"文本,图片,音频,视频"</formula1></dataValidation></dataValidations>`;
  zip.file(
    'xl/worksheets/sheet1.xml',
    sheetXml([['附件3'], ['东莞市行业高质量数据集征集汇总表'], header], dvs + ext),
  );
  zip.file(
    'xl/worksheets/sheet2.xml',
    sheetXml([
      ['医疗', '建设应用'],
      ['交通', '模型验证'],
      ['生态环境', '流通交易'],
      ['智能制造'],
      ['教育'],
      ['其他'],
    ]),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A summary with a two-level header: 数据规模 over 结构化（条） and 非结构化（GB）. */
export async function twoLevelTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '附件1';
  ws.getCell('A2').value = '某省高质量数据集汇总表';
  ws.mergeCells('A2:G2');
  ws.getRow(3).values = ['序号', '数据集名称', '数据规模', null, '更新频率', '申报单位', '联系人及联系方式'];
  ws.getRow(4).values = [null, null, '结构化（条）', '非结构化（GB）', null, null, null];
  for (const c of ['A', 'B', 'E', 'F', 'G']) ws.mergeCells(`${c}3:${c}4`);
  ws.mergeCells('C3:D3');
  ws.getCell('A15').value = '注：结构化数据以条计，非结构化数据以GB计。';
  ws.mergeCells('A15:G15');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const WORD_VOCAB = [
  '所属领域：科学研究、工业制造、医疗卫生、交通运输、绿色低碳、其他。',
  '数据集模态（可多选）：文本、图像、音频、视频。',
];

/** A Word template: the table has no dropdowns, the notice's text below it lists the options. */
export async function wordTemplate(): Promise<Buffer> {
  const body =
    para('附件2') +
    para('某市高质量数据集汇总表') +
    para('推荐单位：（盖章）　　　　　　　　　　年　月　日') +
    table([
      ['序号', '数据集名称', '所属领域', '数据集模态', '数据集规模（TB）', '申报单位', '联系人及联系方式'],
      [null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null],
    ]) +
    para('填表说明：') +
    para(`1.${WORD_VOCAB[0]}`) +
    para(`2.${WORD_VOCAB[1]}`);
  return docx(body);
}

/** A whole notice as one Word file: its text, 附件1 (a label | value form) and 附件2 (the summary). */
export async function wordNotice(): Promise<Buffer> {
  const body =
    para('关于征集某市行业高质量数据集的通知') +
    para('各有关单位：现将有关事项通知如下。') +
    para('所属领域：科学研究、工业制造、医疗卫生、交通运输、其他。') +
    para('附件1') +
    para('某市行业高质量数据集基本信息表') +
    table([
      ['单位名称', null],
      ['数据集名称', null],
      ['所属领域', null],
      ['联系人及联系方式', null],
    ]) +
    para('附件2') +
    para('某市行业高质量数据集汇总表') +
    para('推荐单位（盖章）：　　　　　　　　年　月　日') +
    table([
      ['序号', '数据集名称', '所属领域', '数据集规模（GB）', '申报单位', '联系人及联系方式'],
      [null, null, null, null, null, null],
    ]) +
    para('注：所属领域按通知填写。');
  return docx(body);
}
