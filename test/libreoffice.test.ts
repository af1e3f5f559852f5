/** The built .xlsx opened by another spreadsheet program (LibreOffice, headless): it reads the same
 *  values, and prints the page (PDF → PNG) so a person can look at it (test-output/). */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { main } from '../src/cli/main';
import { PassThrough } from 'stream';
import { qinghaiMessyXlsx, tmpDir, wuhanXls } from './helpers/messy';
import { convert, needs, PDFTOPPM, SOFFICE } from './helpers/tools';
import { parseDelimited } from '../src/io/text';

const dir = tmpDir();
const shots = path.resolve(__dirname, '..', 'test-output');
const quiet = () => new PassThrough();

beforeAll(async () => {
  await qinghaiMessyXlsx(path.join(dir, 'qh.xlsx'));
  wuhanXls(path.join(dir, 'wh.xls'));
  await main(
    [
      'build',
      '--profile',
      'qinghai',
      '--recommender',
      '海西州数据局',
      '--out',
      path.join(dir, '青海汇总.xlsx'),
      path.join(dir, 'qh.xlsx'),
    ],
    quiet(),
    quiet(),
  );
  await main(
    ['build', '--profile', 'wuhan', '--out', path.join(dir, '武汉汇总.xlsx'), path.join(dir, 'wh.xls')],
    quiet(),
    quiet(),
  );
});

needs(SOFFICE, 'LibreOffice')('LibreOffice reads the summary: same title, header and values', () => {
  const csv = convert(path.join(dir, '青海汇总.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1', dir);
  const rows = parseDelimited(fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, ''), ',');
  expect(rows[1][0]).toBe('青海省行业高质量数据集汇总表');
  expect(rows[3].slice(0, 9)).toEqual([
    '序号',
    '数据集名称',
    '行业领域',
    '数据集模态',
    '数据集数据量（GB）',
    '已服务支撑人工智能大模型名称',
    '申报单位名称',
    '申报单位联系人及联系方式',
    '备注',
  ]);
  expect(rows[4].slice(0, 9)).toEqual([
    '1',
    '牦牛养殖数据集',
    '医疗健康',
    '图形图像、文本',
    '2048',
    '无',
    '青海牧业公司',
    '张三 13800000000',
    '=SUM(A1:A3)',
  ]);
});

needs(SOFFICE && PDFTOPPM, 'LibreOffice and pdftoppm')(
  'the printed pages render: one page wide, landscape',
  () => {
    fs.mkdirSync(shots, { recursive: true });
    for (const name of ['青海汇总', '武汉汇总']) {
      const pdf = convert(path.join(dir, `${name}.xlsx`), 'pdf', dir);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(w).toBeGreaterThan(h); // landscape
      expect(Math.round(w)).toBe(842); // A4: 842 × 595 pt
      const prefix = path.join(shots, name);
      execFileSync(PDFTOPPM!, ['-r', '80', '-png', '-f', '1', '-l', '1', pdf, prefix]);
      const png = fs.readdirSync(shots).find((f) => f.startsWith(name) && f.endsWith('.png'));
      expect(png).toBeDefined();
      expect(fs.statSync(path.join(shots, png!)).size).toBeGreaterThan(5000);
    }
  },
);
