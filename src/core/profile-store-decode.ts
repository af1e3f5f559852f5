/**
 * Checks a format stored in the workbook (profile-store.ts) with zod before it is used. Apart from
 * profile-store.ts so the pane loads zod only when a workbook holds a stored format.
 */
import { parseProfile } from './profile';
import type { StoredProfile } from './profile-store';

/** The stored format, null when there is none, or the reason it cannot be used (in Chinese). */
export function decodeStoredProfile(value: unknown): StoredProfile {
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
