/**
 * Which bureau's format a sheet is in, from its header and title: the pane suggests the profile when
 * a workbook is opened. A guess only, so the clerk confirms it; nothing is chosen on weak evidence.
 */
import { cellText, type CellValue } from './cell';
import { validatorFor } from './engine';
import { mapHeader } from './header';
import { locate } from './locate';
import type { Profile } from './profile';
import { PROFILES } from './profiles';

/**
 * The least score that names a profile: three header labels matched exactly (2 each), or the
 * notice's title alone (10). Below it the sheet is something else: instructions, a blank template.
 */
export const DETECT_MIN_SCORE = 6;

/** How strongly the rows look like the profile's sheet: exact header labels, mapped columns, title, region. */
export function detectScore(profile: Profile, rows: readonly (readonly CellValue[])[]): number {
  const index = validatorFor(profile).index;
  const found = locate(index, rows);
  let score = 0;
  if (found.kind === 'table') {
    const mapped = mapHeader(index, found.table.header).columns;
    score = mapped.filter((c) => c.how === 'exact').length * 2 + mapped.filter((c) => c.key).length;
  }
  const text = rows
    .slice(0, 5)
    .flat()
    .map((c) => cellText(c))
    .join(' ');
  if (text.includes(profile.sheet.title.replace('{prefix}', ''))) score += 10;
  if (profile.region.name && text.includes(profile.region.name)) score += 3;
  return score;
}

/** The profile whose header the rows match best (titles count too), or null when none is convincing. */
export function detectProfile(
  sheet: string,
  rows: readonly (readonly CellValue[])[],
  profiles: readonly Profile[] = PROFILES,
): { profileId: string; sheet: string } | null {
  let best: { id: string; score: number } | null = null;
  for (const profile of profiles) {
    const score = detectScore(profile, rows);
    if (!best || score > best.score) best = { id: profile.id, score };
  }
  return best && best.score >= DETECT_MIN_SCORE ? { profileId: best.id, sheet } : null;
}
