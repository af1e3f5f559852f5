/** 上海 in the add-in: 新建汇总表, check, 重新生成 and 确认导入 work end to end on the fake Excel, and
 *  a sheet that is not there reads as empty instead of failing with ItemNotFound. */
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';
import { getProfile } from '../src/core/profiles';
import { summarySheetName } from '../src/core/import';
import { validCode } from './helpers/credit';

const sh = getProfile('shanghai')!;
const settings = settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'shanghai' });

test('新建汇总表 → check the working list → type a project → 重新生成 → import another', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  const created = await wb.createSummary(sh, settings);
  expect(created.sheet).toBe(summarySheetName(sh));
  const first = await wb.checkSheet(created.sheet, sh, 1024);
  expect(first.rows).toBe(0);
  expect(first.issues).toEqual([]); // our own 序号 column is no unmapped column
  const project = [
    '方向1：行业领域高质量数据集建设',
    '2025年7月至2026年12月',
    500,
    100,
    '王五',
    '经理',
    '13800000000',
    'w@example.com',
    '上海市徐汇区',
    '徐汇区',
    '赵六',
    validCode('91310104'),
    '民营企业',
  ];
  const labels = [
    '项目名称',
    '申报单位名称',
    '申报方向',
    '项目周期',
    '拟投入资金（万元）',
    '已投入资金（万元）',
    '项目联系人',
    '职务',
    '电话',
    '邮箱',
    '单位地址',
    '所在区（注册区县）',
    '法定代表人',
    '统一社会信用代码',
    '单位性质',
  ];
  const header = sh.columns.map((c) => c.label);
  const row = header.map((l) => {
    const i = labels.indexOf(l);
    if (i === 0) return '智能制造数据集';
    if (i === 1) return '某科技公司';
    return i > 1 ? project[i - 2] : '';
  });
  const s = fake.sheet(created.sheet);
  row.forEach((v, c) => fake.assign(s.ensure(first.firstDataRow, c + 1), v));
  const checked = await wb.checkSheet(created.sheet, sh, 1024);
  expect(checked.rows).toBe(1);
  const inputs = await wb.readSheets([summarySheetName(sh)]);
  const rebuilt = await wb.rebuild(sh, settings, inputs);
  expect(rebuilt.merged.rowsWritten).toBe(1);
  expect(rebuilt.sheet).toBe('工作清单');
  expect(fake.sheets.map((x) => x.name).some((n) => n.startsWith('项目1'))).toBe(true);
  // 确认导入: the existing list plus pasted rows, before or after a summary exists.
  const again = await wb.readSheets([summarySheetName(sh), '没有这张表']);
  expect(again[1].rows).toEqual([]);
  const imported = await wb.rebuild(sh, settings, [
    ...again.filter((x) => x.rows.length),
    {
      file: '粘贴',
      sheet: '粘贴',
      rows: [
        ['序号', ...header],
        [1, ...row.map((v, i) => (i === 0 ? '工具链平台' : v))],
      ],
    },
  ]);
  expect(imported.merged.rowsWritten).toBe(2);
});

test('a typo in the sheet name is a Chinese message, not ItemNotFound', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await expect(wb.checkSheet('汇总表x', getProfile('qinghai')!, 1024)).rejects.toThrow(
    /找不到工作表「汇总表x」/,
  );
});
