/**
 * The built-in profiles. Each is a JSON file beside this one, checked with zod on load; another
 * bureau is another file here (or `hqds --profile-file`), with no new code paths.
 */
import { parseProfile, type Profile } from '../profile';
import qinghai from './qinghai.json';
import wuhan from './wuhan.json';
import shanxi from './shanxi.json';
import shanghai from './shanghai.json';

export const PROFILES: readonly Profile[] = [qinghai, wuhan, shanxi, shanghai].map(parseProfile);

export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export function profileIds(): string[] {
  return PROFILES.map((p) => p.id);
}
