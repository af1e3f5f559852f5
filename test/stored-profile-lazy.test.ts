/**
 * A format stored in the workbook is checked with zod, which the pane loads on demand
 * (src/core/profile-store.ts → profile-store-decode.ts): only when something is stored, and a
 * checker that cannot load is a Chinese reason, not a pane that stops reading its settings.
 */
import { getProfile } from '../src/core/profiles';

afterEach(() => {
  jest.resetModules();
  jest.dontMock('../src/core/profile-store-decode');
});

test('nothing stored: the checker is never loaded; a checker that fails to load: a reason in Chinese', async () => {
  jest.doMock('../src/core/profile-store-decode', () => {
    throw new Error('Loading chunk 809 failed.');
  });
  const { readStoredProfile } = await import('../src/core/profile-store');
  expect(await readStoredProfile(null)).toBeNull();
  expect(await readStoredProfile(undefined)).toBeNull();
  expect(await readStoredProfile('')).toBeNull();
  expect(await readStoredProfile('{"hqdsProfile":1,"profile":{}}')).toEqual({
    error: expect.stringContaining('请关闭再打开任务窗格后重试'),
  });
});

test('something stored: checked as decodeStoredProfile checks it, good or broken', async () => {
  const { readStoredProfile } = await import('../src/core/profile-store');
  const { decodeStoredProfile } = await import('../src/core/profile-store-decode');
  const p = { ...getProfile('qinghai')!, id: 'qinghai-2' };
  const good = JSON.stringify({ hqdsProfile: 1, profile: p });
  expect(await readStoredProfile(good)).toEqual({ profile: p });
  for (const v of [good, '{"x":1}', '{"hqdsProfile":1,"profile":{"id":"x"}}', 'not json'])
    expect(await readStoredProfile(v)).toEqual(decodeStoredProfile(v));
  expect(await readStoredProfile('not json')).toEqual({ error: expect.stringContaining('重新学得') });
});
