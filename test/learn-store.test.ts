/**
 * A learned format kept in the workbook (「新格式」, issue 13): stored through the adapter in the
 * workbook's settings, read back by a colleague's pane, and then used like a built-in format.
 */
import { learnTemplate } from '../src/core/learn';
import { encodeStoredProfile, resolveProfile, STORED_PROFILE_KEY } from '../src/core/profile-store';
import { decodeStoredProfile } from '../src/core/profile-store-decode';
import { summaryLayout } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import { OfficeWorkbook } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';
import { FakeWorkbook } from '../src/excel/fake';
import { readTemplate } from '../src/io/template';
import { beijingTemplate, BEIJING_DOMAINS } from './helpers/templates';

const learned = async () =>
  learnTemplate(await readTemplate('北京.xlsx', new Uint8Array(await beijingTemplate())), { id: 'beijing' })
    .profile;

test('encode and decode: the same profile; a foreign or broken value is a Chinese reason, not a crash', async () => {
  const p = await learned();
  const back = decodeStoredProfile(encodeStoredProfile(p));
  expect(back).toEqual({ profile: p });
  expect(decodeStoredProfile(null)).toBeNull();
  expect(decodeStoredProfile('{"x":1}')).toEqual({ error: expect.stringContaining('不是本助手写的') });
  expect(decodeStoredProfile('{"hqdsProfile":1,"profile":{"id":"x"}}')).toEqual({
    error: expect.stringContaining('无法使用'),
  });
  expect(decodeStoredProfile('not json')).toEqual({ error: expect.stringContaining('重新学得') });
  expect(() => encodeStoredProfile({ ...p, id: 'qinghai' })).toThrow(/内置格式重名/);
});

test('resolveProfile: built-in first, then the stored one by its ID', async () => {
  const p = await learned();
  expect(resolveProfile('qinghai', p)).toBe(getProfile('qinghai'));
  expect(resolveProfile('beijing', p)).toBe(p);
  expect(resolveProfile('beijing', null)).toBeNull();
  expect(resolveProfile(null, p)).toBeNull();
});

test('saved in the workbook, loaded by another pane, then it works like a built-in: new summary with dropdowns, live check', async () => {
  const fake = new FakeWorkbook('1.18');
  fake.addSheet('Sheet1');
  const mine = new OfficeWorkbook(fake.run, fake.requirements);
  const p = await learned();
  await mine.saveStoredProfile(p);
  expect(typeof fake.settings.get(STORED_PROFILE_KEY)).toBe('string');

  const theirs = new OfficeWorkbook(fake.run, fake.requirements);
  const before = theirs.syncs;
  const loaded = await theirs.loadStoredProfile();
  expect(theirs.syncs - before).toBe(1);
  expect(loaded && 'profile' in loaded && loaded.profile).toEqual(p);
  const profile = resolveProfile('beijing', loaded && 'profile' in loaded ? loaded.profile : null)!;

  await theirs.createSummary(profile, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'beijing' }));
  const s = fake.sheet('汇总表');
  expect(s.validations.some((v) => v.c1 === 2 && JSON.stringify(v.rule).includes(BEIJING_DOMAINS[15]))).toBe(
    true,
  );
  const { firstDataRow } = summaryLayout(profile);
  [
    '1',
    '门诊数据集',
    '医疗',
    '新建',
    '文本',
    '2048GB',
    '每月',
    'HIS',
    '某医院',
    '',
    '张三 13800000000',
    '',
  ].forEach((v, c) => fake.assign(s.ensure(firstDataRow, c), v));
  const r = await theirs.checkSheet('汇总表', profile, 1024);
  expect(r.issues.find((i) => i.code === 'value-normalised' && i.fix === '医疗健康')).toBeDefined();
  expect(r.issues.find((i) => i.code === 'quantity-converted' && i.fix === 2)).toBeDefined();
  expect(r.issues.find((i) => i.code === 'required' && /统一社会信用代码/.test(i.message))).toBeDefined();
});
