/** 修改记录: every automatic change of a build (cell, original → new, rule), drawn by the file writer. */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from './helpers/cli';
import { qinghaiMessyXlsx, tmpDir } from './helpers/messy';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook, CHANGE_LOG_SHEET } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';

test('the plan lists each change at its summary cell, with its source', () => {
  const qh = getProfile('qinghai')!;
  const merged = mergeSheets(
    qh,
    [
      {
        file: '来件.xlsx',
        sheet: 'Sheet1',
        rows: [
          [
            '序号',
            '数据集名称',
            '行业领域',
            '数据集模态',
            '数据量(TB)',
            '已服务支撑人工智能大模型名称',
            '申报单位名称',
            '联系人及联系方式',
          ],
          [1, 'a', '医疗卫生', '文本', 2, '/', 'u', '张三 13800000000'],
        ],
      },
    ],
    { tb: 1024 },
  );
  const plan = planWorkbook(qh, merged);
  const log = plan.sheets.find((s) => s.name === CHANGE_LOG_SHEET)!;
  expect(log.role).toBe('changes');
  const rows = new Map<number, string[]>();
  for (const c of log.cells) {
    if (!rows.has(c.r)) rows.set(c.r, []);
    rows.get(c.r)![c.c] = String(c.v ?? '');
  }
  const body = [...rows.entries()].filter(([r]) => r > 0).map(([, v]) => v);
  expect(body.find((r) => r[2] === 'C5')).toEqual(expect.arrayContaining(['汇总表', '医疗卫生', '医疗健康']));
  expect(body.find((r) => r[2] === 'E5')).toEqual(expect.arrayContaining(['2', '2048']));
  expect(body.find((r) => r[2] === 'E5')![7]).toContain('来件.xlsx「Sheet1」第 2 行');
  // The issues sheet points to it.
  const issues = plan.sheets.find((s) => s.role === 'issues')!;
  expect(String(issues.cells[0].v)).toContain('「修改记录」');
});

test('hqds build writes the 修改记录 sheet', async () => {
  const dir = tmpDir();
  const f = (n: string) => path.join(dir, n);
  await qinghaiMessyXlsx(f('in.xlsx'));
  await run(['build', '--profile', 'qinghai', '--out', f('out.xlsx'), f('in.xlsx')]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f('out.xlsx'));
  const ws = wb.getWorksheet(CHANGE_LOG_SHEET)!;
  expect(ws).toBeDefined();
  expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['序号', '单元格', '原值', '新值', '规则']));
  expect(ws.rowCount).toBeGreaterThan(2);
});
