/**
 * A learned format kept in the workbook's settings: written with a version mark, refused when it
 * would clash with a built-in or outgrow the room allowed, and read back with a Chinese reason
 * whenever it cannot be used.
 */
import {
  encodeStoredProfile,
  MAX_STORED_CHARS,
  readStoredProfile,
  resolveProfile,
} from '../src/core/profile-store';
import { decodeStoredProfile } from '../src/core/profile-store-decode';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';

const mine: Profile = { ...getProfile('qinghai')!, id: 'mine', name: '我的格式' };

describe('encodeStoredProfile', () => {
  it('writes the profile with the version mark and when it was saved', () => {
    const data = JSON.parse(encodeStoredProfile(mine)) as Record<string, unknown>;
    expect(data.hqdsProfile).toBe(1);
    expect(Number.isNaN(Date.parse(data.savedAt as string))).toBe(false);
    expect(data.profile).toEqual(JSON.parse(JSON.stringify(mine)));
  });

  it('refuses an ID a built-in format has, suggesting another', () => {
    expect(() => encodeStoredProfile({ ...mine, id: 'wuhan' })).toThrow(
      '格式 ID「wuhan」与内置格式重名：请改一个 ID，如「wuhan-2」。',
    );
  });

  it('refuses a format too large for the workbook, saying how large, and takes one just inside', () => {
    const base = encodeStoredProfile({ ...mine, name: '' }).length;
    const fits = { ...mine, name: 'x'.repeat(MAX_STORED_CHARS - base) };
    expect(encodeStoredProfile(fits).length).toBe(MAX_STORED_CHARS);
    const big = { ...mine, name: 'x'.repeat(MAX_STORED_CHARS - base + 1) };
    expect(() => encodeStoredProfile(big)).toThrow(
      '这个格式太大（256 KB），无法存进工作簿：请删减选项后再存，或导出为格式文件。',
    );
  });
});

describe('decodeStoredProfile', () => {
  it('reads back what was written, as text or as the object the settings hold', () => {
    const text = encodeStoredProfile(mine);
    expect(decodeStoredProfile(text)).toEqual({ profile: JSON.parse(JSON.stringify(mine)) });
    expect(decodeStoredProfile(JSON.parse(text))).toEqual({ profile: JSON.parse(JSON.stringify(mine)) });
  });

  it('is null when nothing is stored', () => {
    expect(decodeStoredProfile(null)).toBeNull();
    expect(decodeStoredProfile(undefined)).toBeNull();
    expect(decodeStoredProfile('')).toBeNull();
  });

  it('refuses what this add-in did not write', () => {
    const notOurs = { error: '工作簿里保存的格式不是本助手写的，未使用。' };
    expect(decodeStoredProfile('5')).toEqual(notOurs);
    expect(decodeStoredProfile('null')).toEqual(notOurs);
    expect(decodeStoredProfile('{"hqdsProfile":2,"profile":{}}')).toEqual(notOurs);
  });

  it('says why a stored format cannot be used, and what to do', () => {
    expect(decodeStoredProfile('{')).toEqual({
      error: expect.stringMatching(/^工作簿里保存的格式无法使用：.+。请在「新格式」中重新学得并保存。$/),
    });
  });
});

describe('resolveProfile', () => {
  it('finds a built-in first, then the stored format only under its own ID', () => {
    expect(resolveProfile('qinghai', { ...mine, id: 'qinghai' })).toBe(getProfile('qinghai'));
    expect(resolveProfile('mine', mine)).toBe(mine);
    expect(resolveProfile('other', mine)).toBeNull();
    expect(resolveProfile('', mine)).toBeNull();
  });
});

describe('readStoredProfile', () => {
  it('loads the checker only for a stored value, and answers as decodeStoredProfile does', async () => {
    for (const none of [null, undefined, '']) await expect(readStoredProfile(none)).resolves.toBeNull();
    await expect(readStoredProfile(encodeStoredProfile(mine))).resolves.toEqual({
      profile: JSON.parse(JSON.stringify(mine)),
    });
    await expect(readStoredProfile('5')).resolves.toEqual({
      error: '工作簿里保存的格式不是本助手写的，未使用。',
    });
  });
});

describe('readStoredProfile when its checker cannot load', () => {
  it('says to reopen the pane instead of failing', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../src/core/profile-store-decode', () => {
        throw new Error('chunk load failed');
      });
      const { readStoredProfile: read } = await import('../src/core/profile-store');
      await expect(read('{"hqdsProfile":1}')).resolves.toEqual({
        error: '工作簿里保存的格式暂时无法读取：请关闭再打开任务窗格后重试。',
      });
    });
    jest.dontMock('../src/core/profile-store-decode');
  });
});
