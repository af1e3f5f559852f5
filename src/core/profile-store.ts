/**
 * A learned format stored in the workbook itself, so it travels with the file to colleagues
 * (issue 13). Pure: the add-in's adapter puts the text in the workbook's settings and hands it back.
 * Settings rather than a custom XML part: a profile is a few kilobytes of JSON, well inside what
 * document settings hold, and the adapter already keeps the pane's settings there.
 *
 * Reading one back checks it with zod (profile-store-decode.ts), loaded here on demand: zod is not
 * in the pane's first chunk, and a workbook without a stored format never loads it.
 */
import type { Profile } from './profile';
import { getProfile } from './profiles';

export { resolveProfile } from './profiles';

export const STORED_PROFILE_KEY = 'hqds.profile';
/** Room we allow one stored format: document settings are meant for small data (Office caps them at 2 MB in all). */
export const MAX_STORED_CHARS = 256 * 1024;

/** The stored format, null when there is none, or the reason it cannot be used (in Chinese). */
export type StoredProfile = { profile: Profile } | { error: string } | null;

export function encodeStoredProfile(p: Profile): string {
  if (getProfile(p.id)) throw new Error(`格式 ID「${p.id}」与内置格式重名：请改一个 ID，如「${p.id}-2」。`);
  const text = JSON.stringify({ hqdsProfile: 1, savedAt: new Date().toISOString(), profile: p });
  if (text.length > MAX_STORED_CHARS)
    throw new Error(
      `这个格式太大（${Math.round(text.length / 1024)} KB），无法存进工作簿：请删减选项后再存，或导出为格式文件。`,
    );
  return text;
}

/** decodeStoredProfile with its checker loaded on demand; nothing is loaded when nothing is stored. */
export async function readStoredProfile(value: unknown): Promise<StoredProfile> {
  if (value === null || value === undefined || value === '') return null;
  let decode: (v: unknown) => StoredProfile;
  try {
    ({ decodeStoredProfile: decode } = await import('./profile-store-decode'));
  } catch {
    // The pane's own chunk did not load (server gone, add-in updated meanwhile): say so, go on without it.
    return { error: '工作簿里保存的格式暂时无法读取：请关闭再打开任务窗格后重试。' };
  }
  return decode(value);
}
