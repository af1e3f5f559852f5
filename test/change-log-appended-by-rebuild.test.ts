/** 修改记录 is the pane's record of every automatic change: an import or rebuild appends its own
 *  changes to it, never backs it up and starts a new one (the tester found 「修改记录 备份…」). */
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook } from '../src/excel/adapter';
import { CHANGE_LOG_SHEET } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';

const qh = getProfile('qinghai')!;
const plan = settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' });
const log = (fake: FakeWorkbook) => {
  const s = fake.sheet(CHANGE_LOG_SHEET);
  return Array.from({ length: s.extent().rows }, (_, r) =>
    Array.from({ length: 8 }, (_, c) => fake.display(CHANGE_LOG_SHEET, r, c)),
  );
};

test('a rebuild appends its changes to the existing 修改记录, numbered on, with no backup of it', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(qh, plan);
  const s = fake.sheet('汇总表');
  [1, '数据集0', '工业制造', '文本', '2TB', '无', '某公司', '张三 13800000000'].forEach((v, c) =>
    fake.assign(s.ensure(4, c), v),
  );
  // The pane's own fix first: 修改记录 now holds the clerk's history.
  const r = await wb.checkSheet('汇总表', qh, 1024);
  await wb.applyFixes(r.issues.filter((i) => i.code === 'quantity-converted'));
  const before = log(fake);
  expect(before).toHaveLength(2);
  expect(before[1]).toEqual(expect.arrayContaining(['E5', '2TB', '2048']));
  // Received rows with changes of their own (农业 → 现代农业, 1TB → 1024) rebuilt into the summary.
  const received = [
    [
      '序号',
      '数据集名称',
      '行业领域',
      '数据集模态',
      '数据集数据量（GB）',
      '已服务支撑人工智能大模型名称',
      '申报单位名称',
      '申报单位联系人及联系方式',
    ],
    [1, '数据集1', '农业', '文本', '1TB', '无', '某农场', '李四 13900000000'],
  ];
  const inputs = [
    ...(await wb.readSheets(['汇总表'])),
    { file: '来件.xlsx', sheet: 'Sheet1', rows: received },
  ];
  const { backups } = await wb.rebuild(qh, plan, inputs);
  expect(backups.some((b) => b.startsWith(CHANGE_LOG_SHEET))).toBe(false);
  expect(fake.sheets.map((x) => x.name).filter((n) => n.startsWith(CHANGE_LOG_SHEET))).toEqual([
    CHANGE_LOG_SHEET,
  ]);
  const after = log(fake);
  expect(after.slice(0, 2)).toEqual(before);
  expect(after.length).toBeGreaterThan(2);
  expect(after.slice(2).map((row) => row[0])).toEqual(after.slice(2).map((_, i) => String(i + 2)));
  expect(after.slice(2).some((row) => row.includes('1TB') && row.includes('1024'))).toBe(true);
  // A second rebuild appends again; nothing written before is lost.
  await wb.rebuild(qh, plan, inputs);
  expect(log(fake).slice(0, after.length)).toEqual(after);
  expect(fake.sheets.filter((x) => x.name.startsWith(CHANGE_LOG_SHEET))).toHaveLength(1);
});
