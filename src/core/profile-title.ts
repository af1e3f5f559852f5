/**
 * A profile's printed title. Apart from profile.ts, which holds the zod schema, so the summary's plan
 * (and with it the pane's first chunk) does not load zod; profile.ts re-exports it.
 */
import type { Profile } from './profile';

/** The title with the recommender's prefix filled in (山西), or the XXX placeholder when none was given. */
export function profileTitle(p: Profile, prefix?: string): string {
  return p.sheet.title.replace('{prefix}', prefix && prefix.trim() ? prefix.trim() : 'XXX');
}
