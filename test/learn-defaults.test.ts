/**
 * hqds learn on a template that sets no fonts and no page (tester, 2026-11-25: such a template gave a
 * Calibri 22 title on a portrait page). Excel's own defaults (Calibri 11, an orientation of portrait
 * with no paper size) are no choice of the bureau: the summary keeps the national conventions our
 * built-in formats use, and the review says what it found and what it will use.
 */
import ExcelJS from 'exceljs';
import { learnTemplate, type LearnResult } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { readTemplate } from '../src/io/template';

const HEADER = ['序号', '数据集名称', '所属领域', '申报单位'];

async function template(dress: (ws: ExcelJS.Worksheet) => void = () => {}): Promise<LearnResult> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  ws.addRow(['附件2']);
  ws.addRow(['北京市行业高质量数据集汇总表']);
  ws.addRow(HEADER);
  ws.getColumn(2).numFmt = '@';
  dress(ws);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return learnTemplate(await readTemplate('bj.xlsx', bytes), { id: 'beijing' });
}

const plan = (r: LearnResult) => planWorkbook(r.profile, mergeSheets(r.profile, []));

describe('a template with neither fonts nor page setup (ExcelJS writes Calibri 11 and portrait)', () => {
  let r: LearnResult;
  beforeAll(async () => (r = await template()));
  test('the summary keeps 方正小标宋简体 for the title, 仿宋_GB2312 for the table, A4 landscape', () => {
    expect(r.profile.sheet.fonts).toBeUndefined();
    expect(r.profile.sheet.page).toBeUndefined();
    const p = plan(r);
    expect(p.styles.title.font).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(p.styles.text.font).toMatchObject({ name: '仿宋_GB2312', size: 10.5 });
    expect(p.sheets[0].print?.landscape).toBe(true);
  });
  test('the review says plainly what was found and what will be used', () => {
    const all = [...r.inferred, ...r.missing].join('\n');
    expect(all).not.toContain('纸张未设');
    expect(all).not.toContain('Calibri');
    expect(r.missing.join('\n')).toMatch(
      /只有 Excel 的默认字体.*标题用方正小标宋简体 22pt，表格用仿宋_GB2312 10\.5pt/,
    );
    expect(r.missing.join('\n')).toMatch(/只写了纵向，没有纸张大小.*汇总表按 A4 横向/);
  });
});

test('fonts and a page the template does set are kept, and said as such', async () => {
  const r = await template((ws) => {
    ws.getCell('A2').font = { name: '黑体', size: 18 };
    for (let c = 1; c <= HEADER.length; c++)
      ws.getCell(3, c).font = { name: '仿宋_GB2312', size: 12, bold: true };
    ws.pageSetup.paperSize = 9;
    ws.pageSetup.orientation = 'portrait';
  });
  expect(r.profile.sheet.fonts).toMatchObject({
    title: { name: '黑体', size: 18 },
    header: { name: '仿宋_GB2312', size: 12, bold: true },
  });
  expect(r.profile.sheet.page).toMatchObject({ paperSize: 9, landscape: false });
  expect(plan(r).sheets[0].print?.landscape).toBe(false);
  expect(plan(r).styles.title.font).toMatchObject({ name: '黑体' });
  expect(r.inferred.join('\n')).toMatch(/页面：模板设为A4纵向；汇总表按 A4纵向、一页宽打印/);
});
