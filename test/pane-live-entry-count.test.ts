/**
 * The check tab's status line counts entries as the sheet is now: a clerk typing the first rows into
 * a new summary saw 「「汇总表」共 0 条：错误 5 个」, the count frozen at the last full check while the
 * issues followed each edit. A live recheck reports the sheet's entry count and the status line uses it.
 */
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook, type Recheck } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';
import { getProfile } from '../src/core/profiles';
import { checkReducer, initialCheck, statusLine } from '../src/taskpane/state';

const qh = getProfile('qinghai')!;

test('typing rows into a new summary counts them; clearing a row takes it off again', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(qh, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
  const first = await wb.checkSheet('汇总表', qh, 1024);
  expect(first.rows).toBe(0);
  await wb.watch('汇总表');
  let s = checkReducer(initialCheck('汇总表'), {
    type: 'checked',
    sheet: '汇总表',
    rows: first.rows,
    issues: first.issues,
  });
  const heard: Recheck[] = [];
  wb.onRecheck((r) => {
    heard.push(r);
    s = checkReducer(s, { type: 'rechecked', ...r });
  });
  await fake.userEdit('汇总表', 4, 1, [['门诊病历数据集', '医疗']]);
  await fake.userEdit('汇总表', 5, 1, [['气象观测数据集']]);
  expect(heard.map((r) => r.entries)).toEqual([1, 2]);
  expect(statusLine(s)!.text).toMatch(/^「汇总表」共 2 条：错误 \d+ 个/);
  await fake.userEdit('汇总表', 5, 1, [['']]);
  expect(statusLine(s)!.text).toMatch(/^「汇总表」共 1 条/);
});

test('a summary just built (no full check yet) counts the entries it was built with', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  await wb.createSummary(qh, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
  await wb.watch('汇总表');
  const heard: number[] = [];
  wb.onRecheck((r) => heard.push(r.entries));
  // Ten blank template rows, only 序号: none is an entry until something is typed.
  await fake.userEdit('汇总表', 6, 1, [['气象观测数据集']]);
  expect(heard).toEqual([1]);
});
