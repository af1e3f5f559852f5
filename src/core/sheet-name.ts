/**
 * The one place a worksheet name is made. Excel refuses a name (InvalidArgument, partway through a
 * batch, with the earlier commands already applied) that is longer than 31 characters, holds any of
 * : \ / ? * [ ], begins or ends with an apostrophe, or equals another sheet's name ignoring case.
 * Both writers (the .xlsx file and the Office.js adapter) name every sheet through this module.
 * Rules: https://support.microsoft.com/office/rename-a-worksheet (limits quoted in office-js docs).
 */

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  // A high surrogate as the last kept unit would leave half a character.
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** The name with forbidden characters removed and no apostrophe at either end. */
export function cleanSheetName(name: string): string {
  return (
    name
      .replace(FORBIDDEN, '')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/^'+|'+$/g, '')
      .trim()
  );
}

function tidyEnds(name: string): string {
  return name.replace(/^'+|'+$/g, '').trim();
}

/**
 * A legal, unused sheet name: `base` (cleaned, shortened as needed) followed by `suffix`, which is
 * kept whole (a backup tag such as 「 备份1125-1830」 must survive the cut). When the name is taken
 * (ignoring case), 「-2」, 「-3」… are added before the suffix. The result is added to `taken`.
 */
export function uniqueSheetName(
  base: string,
  taken: Set<string> | Iterable<string> = new Set(),
  suffix = '',
  fallback = '工作表',
): string {
  const seen = takenKeys(taken);
  const cleanSuffix = cleanSheetName(suffix) === '' ? '' : suffix.replace(FORBIDDEN, '');
  const stem = cleanSheetName(base) || fallback;
  for (let i = 1; ; i++) {
    const counter = i === 1 ? '' : `-${i}`;
    const room = MAX_SHEET_NAME - cleanSuffix.length - counter.length;
    const name = tidyEnds(`${tidyEnds(cutUnits(stem, Math.max(room, 1)))}${counter}${cleanSuffix}`);
    if (name !== '' && !seen.has(name.toLowerCase())) {
      if (taken instanceof Set) taken.add(name);
      return name;
    }
  }
}

/** Whether Excel accepts `name` as a sheet name (ignoring uniqueness). */
export function isLegalSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

function takenKeys(taken: Set<string> | Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const name of taken) keys.add(name.toLowerCase());
  return keys;
}
