/**
 * A learned format stored in the workbook itself, so it travels with the file to colleagues
 * (issue 13). Pure: the add-in's adapter puts the text in the workbook's settings and hands it back.
 * Settings rather than a custom XML part: a profile is a few kilobytes of JSON, well inside what
 * document settings hold, and the adapter already keeps the pane's settings there.
 */
import { parseProfile, type Profile } from './profile';
import { getProfile } from './profiles';

export const STORED_PROFILE_KEY = 'hqds.profile';
/** Room we allow one stored format: document settings are meant for small data (Office caps them at 2 MB in all). */
export const MAX_STORED_CHARS = 256 * 1024;

export function encodeStoredProfile(p: Profile): string {
  if (getProfile(p.id)) throw new Error(`格式 ID「${p.id}」与内置格式重名：请改一个 ID，如「${p.id}-2」。`);
  const text = JSON.stringify({ hqdsProfile: 1, savedAt: new Date().toISOString(), profile: p });
  if (text.length > MAX_STORED_CHARS)
    throw new Error(
      `这个格式太大（${Math.round(text.length / 1024)} KB），无法存进工作簿：请删减选项后再存，或导出为格式文件。`,
    );
  return text;
}

/** The stored format, null when there is none, or the reason it cannot be used (in Chinese). */
export function decodeStoredProfile(value: unknown): { profile: Profile } | { error: string } | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const data: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    if (!data || typeof data !== 'object' || (data as { hqdsProfile?: unknown }).hqdsProfile !== 1)
      return { error: '工作簿里保存的格式不是本助手写的，未使用。' };
    return { profile: parseProfile((data as { profile: unknown }).profile) };
  } catch (e) {
    return { error: `工作簿里保存的格式无法使用：${(e as Error).message}。请在「新格式」中重新学得并保存。` };
  }
}

/** A format by ID: built-in first, then the one stored in the workbook. */
export function resolveProfile(id: string | null, stored: Profile | null): Profile | null {
  if (!id) return null;
  return getProfile(id) ?? (stored && stored.id === id ? stored : null);
}
