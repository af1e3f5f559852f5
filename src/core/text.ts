/**
 * Text helpers shared by every part of the engine. Received sheets mix full-width and half-width
 * forms, stray spaces and line breaks inside headers; these make such variants compare equal.
 */

/** Characters NFKC leaves as they are and never composes with a neighbour (none is a combining
 *  mark or the second half of a canonical decomposition): tab, line breaks, printable ASCII, the CJK
 *  ideographs, 、。 and the CJK brackets. test/text-fast-path.test.ts proves it for each one. */
export const NFKC_STABLE = /^[\t\n\r\x20-\x7e\u3001\u3002\u3008-\u3011\u3014\u3015\u4e00-\u9fff]*$/;
/** The part of those that labelKey also leaves as they are: no white space, colon, upper case, or
 *  bracket it folds. */
export const LABEL_PLAIN = /^[!-9;-@[-z|~\u3001\u3002\u4e00-\u9fff]*$/;

/** Full-width digits, letters and punctuation to half-width (NFKC), keeping the CJK text as is. */
export function toHalfWidth(s: string): string {
  // Most cells are plain: a test is a third of the cost of ICU's normaliser, called on every cell.
  return NFKC_STABLE.test(s) ? s : s.normalize('NFKC');
}

/**
 * A key for comparing labels: half-width, no white space of any kind, brackets of either width
 * folded to one form, lower case. 「数据集数据量（GB）」 and 「数据集 数据量\n(gb)」 give the same key.
 */
export function labelKey(s: string): string {
  // Called for every cell a form reader or the duplicate check looks at (16 % of checking 100,000 rows).
  if (LABEL_PLAIN.test(s)) return s;
  return toHalfWidth(s)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【〔［{]/g, '[')
    .replace(/[】〕］}]/g, ']')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** Characters as a reader counts them: a Chinese character, a letter and a digit are one each. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s.replace(/\r\n/g, '\n')) n++;
  return n;
}

/** Character bigrams (with the single characters for short strings) for fuzzy matching of Chinese labels. */
export function grams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(s);
  for (const c of chars) out.add(c);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Dice coefficient over character n-grams: 1 for the same string, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return gramSimilarity(grams(a), grams(b));
}

/** The same, on gram sets worked out beforehand (header candidates are compared thousands of times). */
export function gramSimilarity(ga: ReadonlySet<string>, gb: ReadonlySet<string>): number {
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** Quote a value for a message, shortened so one wild cell does not flood the report. */
export function quote(v: string): string {
  const t = v.length > 40 ? v.slice(0, 40) + '…' : v;
  return `「${t}」`;
}

/** XML 1.0 (§2.2 Char) allows tab, CR, LF and U+0020–U+D7FF, U+E000–U+FFFD and the supplementary
 *  planes as proper surrogate pairs; anything else makes the .xlsx unreadable. */
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- the characters XML forbids are what this finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every character XML_FORBIDDEN can match, surrogates paired or not: one character class, with
 *  no look-around to try at each position, so a clean cell (nearly all) is passed over quickly. */
// eslint-disable-next-line no-control-regex -- the characters XML forbids are what this finds
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function hasXmlForbidden(s: string): boolean {
  if (!MAYBE_FORBIDDEN.test(s)) return false;
  XML_FORBIDDEN.lastIndex = 0;
  return XML_FORBIDDEN.test(s);
}

/** The text with every character XML forbids replaced by U+FFFD (the replacement character). */
export function xmlSafe(s: string): string {
  if (!MAYBE_FORBIDDEN.test(s)) return s;
  XML_FORBIDDEN.lastIndex = 0;
  return XML_FORBIDDEN.test(s) ? s.replace(XML_FORBIDDEN, '\ufffd') : s;
}
