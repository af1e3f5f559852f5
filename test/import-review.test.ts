/** The pane's import review (previewImport) shows what hqds reports: the reader's notes on each
 *  sheet, and every row left out with its reason, counted as hqds counts them. */
import ExcelJS from 'exceljs';
import { readFile } from '../src/io/read';
import { previewImport, workbookInputs } from '../src/core/import';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const header = [
  '序号',
  '数据集名称',
  '行业领域',
  '数据集模态',
  '数据集数据量（GB）',
  '已服务支撑人工智能大模型名称',
  '申报单位名称',
  '申报单位联系人及联系方式',
];
const row = (n: number, name: string) => [n, name, '工业制造', '文本', 5, '无', '某公司', '张三 13800000000'];

async function received(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('来件');
  ws.addRow(['青海省行业高质量数据集汇总表']);
  ws.addRow(header);
  ws.addRow(row(1, '草场数据集'));
  ws.addRow(row(2, '撤回的数据集'));
  ws.getRow(4).hidden = true;
  ws.addRow([]);
  ws.addRow([]);
  ws.addRow(row(3, '光照数据集'));
  ws.addRow(['注：数据量按 1TB=1024GB 换算。']);
  wb.addWorksheet('说明').addRow(['填表说明：请按通知填写。']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("a file read for the pane keeps the reader's notes per sheet, and the review lists them", async () => {
  const inputs = workbookInputs('来件.xlsx', await readFile('来件.xlsx', await received()));
  expect(inputs.map((s) => s.sheet)).toEqual(['来件', '说明']);
  expect(inputs[0].notes?.map((n) => [n.code, n.row])).toEqual([['row-hidden', 4]]);
  expect(inputs[1].notes).toBeUndefined();
  const p = previewImport(qh, inputs, 1024);
  expect(p.notes).toEqual([{ where: '来件.xlsx「来件」', text: expect.stringContaining('第 4 行是隐藏行') }]);
  // The same note becomes a warning on the entry it concerns, so 确认导入 lists it in 问题清单 as hqds does.
  const hidden = p.merged.issues.find((i) => i.code === 'row-hidden');
  expect(hidden).toMatchObject({ severity: 'warning', entry: 1, source: { row: 4 } });
});

test('every row left out is listed with its reason and counted as hqds counts it', async () => {
  const p = previewImport(
    qh,
    workbookInputs('来件.xlsx', await readFile('来件.xlsx', await received())),
    1024,
  );
  expect(p.merged.rowsWritten).toBe(3);
  expect(p.leftOut).toEqual([
    { where: '来件.xlsx「来件」 第 1 行', text: expect.stringContaining('标题') },
    { where: '来件.xlsx「来件」 第 5–6 行', text: '空行' },
    { where: '来件.xlsx「来件」 第 8 行', text: expect.stringMatching(/注|说明|换算/) },
  ]);
  // Two blank rows are one line of the review but two rows of the count: read = written + left out.
  expect(p.merged.leftOut).toHaveLength(3);
  expect(p.rowsLeftOut).toBe(4);
  expect(p.merged.rowsRead).toBe(p.merged.rowsWritten + p.rowsLeftOut);
  expect(p.merged.skipped.map((s) => s.sheet)).toEqual(['说明']);
  // A sheet not imported at all is listed with its reason too, in the pane's words (no --profile).
  expect(p.skippedSheets).toEqual([
    { where: '来件.xlsx「说明」', text: expect.stringMatching(/^整张工作表不导入：找不到表头.*「汇总」页/) },
  ]);
  expect(p.skippedSheets[0].text).not.toContain('--profile');
});

test('pasted rows are named as the paste, not as a file', () => {
  const p = previewImport(
    qh,
    [{ file: '粘贴', sheet: '粘贴', rows: [header, row(1, 'a'), ['合计', '', '', '', 5]] }],
    1024,
  );
  expect(p.leftOut).toEqual([{ where: '粘贴内容 第 3 行', text: expect.any(String) }]);
  expect(p.rowsLeftOut).toBe(1);
  expect(p.notes).toEqual([]);
});
