/**
 * Quantities as clerks write them (FORMATS.md §8): sizes, record counts, item counts, durations and
 * 「modality + size」 lists. Parsing never converts one kind into another: 「10万张」 is never GB.
 */
import { quote, toHalfWidth } from './text';

export type TbBase = 1024 | 1000;
export type QuantityKind = 'size' | 'records' | 'items' | 'duration' | 'bare';

export interface Quantity {
  kind: QuantityKind;
  /** size: GB (under the base in force); records/items/bare: a count; duration: hours. */
  value: number;
  /** The unit word as written for items (张, 段 …); the unit for bare numbers once a header gives one. */
  unitWord?: string;
  approximate: boolean;
}

export interface Pair {
  modality: string;
  quantity: Quantity;
}

export type QuantityError =
  'quantity-unreadable' | 'quantity-range' | 'quantity-multiple' | 'quantity-pair-missing-modality';

export type Parsed =
  | { ok: true; form: 'empty' }
  | { ok: true; form: 'single'; quantity: Quantity; modality?: string }
  | { ok: true; form: 'pairs'; pairs: Pair[] }
  | { ok: false; code: QuantityError; message: string };

export interface ParseOptions {
  /** A unit from the header (「数据量（TB）」) or the column, for bare numbers. */
  headerUnit?: string;
  tb?: TbBase;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** 「三百万」 → 3000000, 「两千万」 → 20000000, 「十万」 → 100000, 「一万二千」 → 12000, 「三点五万」 →
 *  35000. NaN if malformed: two digits in a row (「二三」), a unit not smaller than the one before it
 *  in its section (「十十」, 「百千」), or 万 twice with nothing between (「万万」) — never a guess. */
export function chineseToNumber(s: string): number {
  if (!s) return NaN;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const whole = dot === 0 ? 0 : chineseToNumber(s.slice(0, dot));
    let i = dot + 1;
    let frac = '';
    while (i < s.length && s[i] in CN_DIGITS) frac += String(CN_DIGITS[s[i++]]);
    let mult = 1;
    let last = Infinity;
    for (; i < s.length; i++) {
      const m = CN_SMALL[s[i]] ?? CN_BIG[s[i]];
      if (!m || m >= last) return NaN;
      mult *= m;
      last = m;
    }
    if (!frac || !Number.isFinite(whole)) return NaN;
    return Number(`${whole}.${frac}`) * mult;
  }
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 part within the current 亿 section
  let small = 0; // current part below 万
  let digit = -1;
  let lastSmall = Infinity; // the last of 十 百 千 in this part, which the next must be smaller than
  let empty = true; // nothing since the last 万 or 亿
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit >= 0 && digit !== 0 && CN_DIGITS[ch] !== 0) return NaN; // 「二三」: two digits in a row
      digit = CN_DIGITS[ch];
      empty = false;
    } else if (ch in CN_SMALL) {
      if (CN_SMALL[ch] >= lastSmall) return NaN;
      lastSmall = CN_SMALL[ch];
      small += (digit < 0 ? 1 : digit) * CN_SMALL[ch];
      digit = -1;
      empty = false;
    } else if (ch === '万') {
      if (empty && section + total > 0) return NaN; // 「万万」
      section += (small + Math.max(digit, 0)) * 1e4;
      if (section === 0) section = 1e4;
      small = 0;
      digit = -1;
      lastSmall = Infinity;
      empty = true;
    } else if (ch === '亿') {
      if (empty && total > 0 && section === 0) return NaN; // 「亿亿」
      total = (total + section + small + Math.max(digit, 0)) * 1e8;
      if (total === 0) total = 1e8;
      section = 0;
      small = 0;
      digit = -1;
      lastSmall = Infinity;
      empty = true;
    } else return NaN;
  }
  return total + section + small + Math.max(digit, 0);
}

/** True when the text writes a figure in Chinese numerals (「两千万条」), which §8 wants written as digits. */
export function hasChineseDigits(text: string): boolean {
  return /[零〇一二两三四五六七八九]/.test(text);
}

type Unit = {
  kind: Exclude<QuantityKind, 'bare'>;
  exp?: number;
  binary?: boolean;
  hours?: number;
  word?: string;
};

const SIZE_UNITS: Record<string, Unit> = {};
for (const [names, exp] of [
  [['b', 'byte', 'bytes', '字节'], 0],
  [['k', 'kb', '千字节'], 1],
  [['m', 'mb', '兆', '兆字节', 'mbyte'], 2],
  [['g', 'gb', '千兆', '吉', '吉字节', 'gbyte'], 3],
  [['t', 'tb', '太', '太字节', 'tbyte'], 4],
  [['p', 'pb', '拍', '拍字节', 'pbyte'], 5],
  [['e', 'eb', '艾字节'], 6],
] as [string[], number][]) {
  for (const n of names) SIZE_UNITS[n] = { kind: 'size', exp };
}
for (const [n, exp] of [
  ['kib', 1],
  ['mib', 2],
  ['gib', 3],
  ['tib', 4],
  ['pib', 5],
  ['eib', 6],
] as [string, number][]) {
  SIZE_UNITS[n] = { kind: 'size', exp, binary: true };
}
const RECORD_WORDS = ['条记录', '行记录', '条数据', '行数据', '记录', '条', '行', '笔'];
const ITEM_WORDS = ['张', '个', '段', '篇', '份', '件', '幅', '帧', '页', '部', '首', '本', '套', '例', '册'];
const DURATION_WORDS: [string, number][] = [
  ['小时', 1],
  ['个小时', 1],
  ['hours', 1],
  ['hour', 1],
  ['hrs', 1],
  ['hr', 1],
  ['h', 1],
  ['时', 1],
  ['分钟', 1 / 60],
  ['minutes', 1 / 60],
  ['mins', 1 / 60],
  ['min', 1 / 60],
  ['分', 1 / 60],
  ['秒', 1 / 3600],
  ['天', 24],
];

/** Words a clerk puts around a figure that say nothing about it. */
const FILLER_PREFIX = /^(共计|共|合计|总计|总量|总规模|规模|大小|数据量|约合)[:：]?/;
const APPROX_PREFIX = /(大约|约|接近|近|超过|超|逾|不少于|不低于|≈|~|>|≥)$/;
const APPROX_SUFFIX_START = /^(余|多|\+)/;
const APPROX_SUFFIX_END = /(以上|左右|余|多|\+|有余)$/;

/** Reads a unit word (after any multipliers). Returns null when the text is not a unit. */
function readUnit(raw: string): { unit: Unit | null; rest: string } | null {
  const u = raw.trim();
  if (u === '') return { unit: null, rest: '' };
  const lower = u.toLowerCase();
  const sizeKey = lower.replace(/(数据|的数据|存储)$/, '');
  if (SIZE_UNITS[sizeKey]) return { unit: SIZE_UNITS[sizeKey], rest: '' };
  for (const w of RECORD_WORDS)
    if (u.startsWith(w)) return { unit: { kind: 'records', word: '条' }, rest: u.slice(w.length) };
  for (const [w, h] of DURATION_WORDS)
    if (lower.startsWith(w)) return { unit: { kind: 'duration', hours: h }, rest: u.slice(w.length) };
  for (const w of ITEM_WORDS)
    if (u.startsWith(w)) return { unit: { kind: 'items', word: w }, rest: u.slice(w.length) };
  return null;
}

function isCountUnit(s: string): boolean {
  const r = readUnit(s);
  return !!r && !!r.unit && (r.unit.kind === 'records' || r.unit.kind === 'items');
}

/** Header unit (「TB」, 「条」, 「万条」) as a unit for bare numbers. */
function headerUnitOf(h: string | undefined): { unit: Unit; mult: number } | null {
  if (!h) return null;
  let s = toHalfWidth(h)
    .replace(/\s+/g, '')
    .replace(/^单位[:：]/, '');
  let mult = 1;
  const m = /^([十百千万亿]+)(.*)$/.exec(s);
  if (m) {
    mult = [...m[1]].reduce((a, c) => a * (CN_SMALL[c] ?? CN_BIG[c]), 1);
    s = m[2];
  }
  if (s === '行/条' || s === '条/行') s = '条';
  const r = readUnit(s);
  if (!r || !r.unit || r.rest) return null;
  return { unit: r.unit, mult };
}

type One =
  { ok: true; modality: string; quantity: Quantity } | { ok: false; code: QuantityError; message: string };

function unreadable(text: string, what?: string): One {
  return {
    ok: false,
    code: 'quantity-unreadable',
    message: `无法识别${what ?? '数量'}${quote(text)}：请写成数字加单位，如「1.5TB」「2048GB」「100000条」。`,
  };
}

function toQuantity(n: number, unit: Unit | null, approximate: boolean, tb: TbBase, mult = 1): Quantity {
  const v = n * mult;
  if (!unit) return { kind: 'bare', value: v, approximate };
  switch (unit.kind) {
    case 'size': {
      const exp = unit.exp ?? 3;
      const gb = unit.binary ? (v * Math.pow(1024, exp)) / Math.pow(tb, 3) : v * Math.pow(tb, exp - 3);
      return { kind: 'size', value: gb, approximate };
    }
    case 'records':
      return { kind: 'records', value: v, unitWord: '条', approximate };
    case 'items':
      return { kind: 'items', value: v, unitWord: unit.word, approximate };
    case 'duration':
      return { kind: 'duration', value: v * (unit.hours ?? 1), approximate };
  }
}

/** One figure, with an optional modality before it: 「图片 100GB」, 「约1.5TB」, 「三百万条」, 「10w」. */
function parseOne(part: string, opts: ParseOptions): One {
  const tb = opts.tb ?? 1024;
  const s = part.trim();
  if (!s) return unreadable(part);
  let approximate = false;
  let prefix = '';
  let numText = '';
  let after = '';
  const arabic = /^(.*?)(\d[\d,]*(?:\.\d+)?|\.\d+)(.*)$/.exec(s);
  if (arabic) {
    [, prefix, numText, after] = arabic;
  } else {
    // The last run of numeral characters (点 inside it for decimals); what precedes it may be a
    // modality but holds no other figure: 「万…万条」 is unreadable, not 10000.
    let e = s.length - 1;
    while (e >= 0 && !CN_NUMERAL_CHARS.includes(s[e])) e--;
    if (e < 0) return unreadable(part);
    let b = e;
    while (
      b > 0 &&
      (CN_NUMERAL_CHARS.includes(s[b - 1]) ||
        (s[b - 1] === '点' && b > 1 && CN_NUMERAL_CHARS.includes(s[b - 2])))
    )
      b--;
    prefix = s.slice(0, b);
    numText = s.slice(b, e + 1);
    after = s.slice(e + 1);
    if (/[\d零〇一二两三四五六七八九十百千万亿]/.test(prefix)) return unreadable(part);
  }
  // Approximation words around the figure, and filler words before it.
  prefix = prefix.trim();
  for (let guard = 0; guard < 3; guard++) {
    const before = prefix;
    const m = APPROX_PREFIX.exec(prefix);
    if (m) {
      approximate = true;
      prefix = prefix.slice(0, m.index).trim();
    }
    prefix = prefix.replace(FILLER_PREFIX, '').trim();
    if (prefix === before) break;
  }
  // A plus between the modality and the figure is the figure's sign: 「图片+5GB」 is 图片 5GB.
  prefix = prefix.replace(/\+$/, '').trim();
  after = after.trim();
  if (APPROX_SUFFIX_START.test(after)) {
    approximate = true;
    after = after.replace(APPROX_SUFFIX_START, '');
  }
  // Multipliers: 万 亿 十万 百万 千万 万亿, informal w/W; k/K only before a count unit (「10k条」), since
  // a K alone is a size (KB).
  let mult = 1;
  let value: number;
  if (/^\d|^\./.test(numText)) {
    value = Number(numText.replace(/,/g, ''));
    const mm = /^([十百千万亿]+(?!兆)|[wW](?![a-zA-Z])|[kK](?=\s*[^\sa-zA-Z]))/.exec(after);
    if (mm) {
      const word = mm[1];
      const rest = after.slice(word.length);
      if (/^[kK]$/.test(word) && !isCountUnit(rest.replace(APPROX_SUFFIX_START, ''))) {
        // 「10K」 followed by something that is not a count unit: leave K to the unit reader.
      } else {
        const units = [...word].map((c) => CN_SMALL[c] ?? CN_BIG[c]);
        // 十万, 千万, 万亿 grow left to right; 「万万」 or 「亿万」 is no multiplier anyone writes.
        if (units.some((u, k) => k > 0 && u <= units[k - 1])) return unreadable(part);
        mult = /^[wW]$/.test(word) ? 1e4 : /^[kK]$/.test(word) ? 1e3 : units.reduce((a, u) => a * u, 1);
        after = rest;
      }
    }
  } else {
    value = chineseToNumber(numText);
  }
  if (!Number.isFinite(value)) return unreadable(part);
  after = after.trim();
  if (APPROX_SUFFIX_START.test(after)) {
    approximate = true;
    after = after.replace(APPROX_SUFFIX_START, '').trim();
  }
  for (let guard = 0; guard < 2 && APPROX_SUFFIX_END.test(after); guard++) {
    approximate = true;
    after = after.replace(APPROX_SUFFIX_END, '').trim();
  }
  const u = readUnit(after);
  if (!u) return unreadable(part, prefix ? `「${prefix}」后的数量` : undefined);
  // A count may name what it counts after the unit (「10万张图片」); a size may not carry more text.
  if (u.rest && u.unit?.kind === 'size') return unreadable(part);
  let unit = u.unit;
  if (!unit && opts.headerUnit) {
    const hu = headerUnitOf(opts.headerUnit);
    if (hu) {
      unit = hu.unit;
      mult *= hu.mult;
    }
  }
  const trailing = u.rest.trim();
  return { ok: true, modality: prefix || trailing, quantity: toQuantity(value, unit, approximate, tb, mult) };
}

const RANGE_START = /[\d零〇一二两三四五六七八九十百千万亿]/;
const RANGE_UNIT = /[a-zA-Z万亿条张]/;
const RANGE_SEP = /[-~—–至到]/;
const RANGE_END = /[\d.零〇一二两三四五六七八九十百千万亿]/;

/** A figure, an optional unit, a range sign and another figure (「1-2TB」, 「1～2TB」, 「一至两万条」).
 *  A hand-written scan, linear in the text: the regular expression it replaces backtracked over runs
 *  of unit letters and spaces (quadratic on a long cell of 「万」). Starts inside one run of unit
 *  letters all end at the same place, so each run is walked once. */
function hasRange(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!RANGE_START.test(s[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && RANGE_UNIT.test(s[j])) j++;
    const afterUnit = j;
    while (j < n && /\s/.test(s[j])) j++;
    if (j < n && RANGE_SEP.test(s[j])) {
      j++;
      while (j < n && /\s/.test(s[j])) j++;
      if (j < n && RANGE_END.test(s[j])) return true;
    }
    i = Math.max(i + 1, afterUnit);
  }
  return false;
}

/** A date written in a scale cell (「100GB（截至2024-1-2）」, 「2024年底共100GB」): its text, or null.
 *  A year from 1990 to 2099 with a month (1–12) after - / . or 年, or a year followed by 年: said as a
 *  date rather than called a range (2024-1) or left unread. 「1000-2000条」 is no date (no month). */
// 2024-1, 2024/1/2; with dots only the whole 2024.1.2 (2020.5 is a figure); 2024年, 2024年1月2日, 2024年底.
const DATE_IN =
  /(?<!\d)(?:199\d|20\d\d)(?:([-/])(\d{1,2})(?:\1\d{1,2})?(?![\d.])|\.(\d{1,2})\.\d{1,2}(?![\d.])|年(?:\d{1,2}月(?:\d{1,2}日)?|[底初中末])?)/;

function dateIn(s: string): string | null {
  const m = DATE_IN.exec(s);
  if (!m) return null;
  const month = m[2] ?? m[3];
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  return m[0];
}

/** The text split at separators: one quantity, or one per modality (「图片100GB，音频160GB」). */
function parseParts(input: string, s: string, opts: ParseOptions): Parsed {
  const parts: string[] = [];
  for (const piece of s.split(/[,;、\n]|，|；/)) {
    const first = parts.length;
    for (const bit of piece.split(/\s{2,}|(?<=[a-zA-Z条张段篇份件])\s+(?=\S)/)) {
      const t = bit.trim();
      if (!t) continue;
      // A bare unit after a space belongs to the figure before it (「10k 条」), not a second figure;
      // never across a comma (「10k，条」 stays two pieces, and is refused).
      if (parts.length > first && isCountUnit(t) && /[kKwW]$/.test(parts[parts.length - 1]))
        parts[parts.length - 1] += ` ${t}`;
      else parts.push(t);
    }
  }
  if (parts.length <= 1) {
    const one = parseOne(parts[0] ?? s, opts);
    if (!one.ok) return one;
    return { ok: true, form: 'single', quantity: one.quantity, modality: one.modality || undefined };
  }
  const ones: { modality: string; quantity: Quantity }[] = [];
  for (const p of parts) {
    const one = parseOne(p, opts);
    if (!one.ok) return one;
    ones.push(one);
  }
  const withModality = ones.filter((o) => o.modality).length;
  if (withModality === 0) {
    return {
      ok: false,
      code: 'quantity-multiple',
      message: `${quote(input)}里有 ${ones.length} 个数而没有写明各是什么：请只填一个数，或写成「图片100GB，音频160GB」这样每个数前写明模态。`,
    };
  }
  if (withModality < ones.length) {
    return {
      ok: false,
      code: 'quantity-pair-missing-modality',
      message: `${quote(input)}中有的数前没有写模态：请写成「图片100GB，音频160GB」，每个数前写明模态。`,
    };
  }
  return { ok: true, form: 'pairs', pairs: ones };
}

/** Parse a scale cell. Never throws. */
export function parseQuantity(input: unknown, opts: ParseOptions = {}): Parsed {
  try {
    if (input === null || input === undefined) return { ok: true, form: 'empty' };
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) return unreadable(String(input)) as Parsed;
      const one = parseOne(String(input), opts);
      return one.ok ? { ok: true, form: 'single', quantity: one.quantity } : one;
    }
    if (typeof input !== 'string') return unreadable(JSON.stringify(input) ?? '') as Parsed;
    const text = toHalfWidth(input)
      .replace(/[\u200b\ufeff]/g, '')
      .trim();
    if (!text) return { ok: true, form: 'empty' };
    // Thousands separators: a comma between a digit and exactly three digits.
    // A leading plus is the figure's sign, not a modality (「+5GB」 is 5GB).
    const s = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').replace(/^\+\s*(?=[\d.])/, '');
    const date = dateIn(s);
    if (date) {
      return {
        ok: false,
        code: 'quantity-unreadable',
        message: `${quote(String(input))}里有日期「${date}」：这一栏只填数字加单位（如「1.5TB」「100000条」），日期请写到备注。`,
      };
    }
    if (hasRange(s.replace(/^[-+]/, '')) && !/^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) {
      return {
        ok: false,
        code: 'quantity-range',
        message: `${quote(String(input))}是一个范围，不是一个确定的数：请填写一个数（如取实际规模），不要写范围。`,
      };
    }
    if (/^-\s*\d/.test(s)) {
      return {
        ok: false,
        code: 'quantity-unreadable',
        message: `${quote(String(input))}是负数：数据量应大于 0。`,
      };
    }
    return parseParts(String(input), s, opts);
  } catch {
    return unreadable(String(input)) as Parsed;
  }
}

/** GB and TB figures with no trailing zeros (1536, 0.5, 102.4): two decimals where they stay within
 *  0.05 % of the value, else four significant digits (500GB = 0.4883 TB, not 0.49 = 501.76 GB; tester,
 *  2026-11-25). Four significant digits are never more than 0.05 % off, so no rounding needs a flag. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const r = Math.round(n * 100) / 100;
  if (n !== 0 && Math.abs(r - n) > Math.abs(n) * 0.0005) return String(Number(n.toPrecision(4)));
  return String(r);
}

export function roundNumber(n: number): number {
  return Number(formatNumber(n));
}

/** 「100000条」: counts as integers with the format's unit word. */
export function formatCount(n: number, word = '条'): string {
  return `${Math.round(n)}${word}`;
}

const KIND_NAMES: Record<QuantityKind, string> = {
  size: '存储大小',
  records: '记录条数',
  items: '计件数量（张、段、篇等）',
  duration: '时长',
  bare: '不带单位的数',
};

export function kindName(k: QuantityKind): string {
  return KIND_NAMES[k];
}

export type Target = 'GB' | 'TB' | '条';

export interface Converted {
  input: string;
  ok: boolean;
  value: number | null;
  unit: Target | null;
  approximate: boolean;
  message: string;
}

/** Sizes given per modality, added up into one; a message when they cannot be one figure. */
function pairsTotal(input: string, pairs: readonly { quantity: Quantity }[], to: Target): Quantity | string {
  if (to === '条' || pairs.some((x) => x.quantity.kind !== 'size')) {
    return `${quote(input)}是按模态分列的多个数，不能合成一个${to === '条' ? '条数' : '数据量'}：请分别换算。`;
  }
  const total = pairs.reduce((a, x) => a + x.quantity.value, 0);
  return { kind: 'size', value: total, approximate: pairs.some((x) => x.quantity.approximate) };
}

/** Convert one value to GB, TB or 条, as `hqds convert` does. Bare numbers are taken in the target
 *  unit and say so; any other kind is refused with a reason. */
export function convert(input: string, to: Target, tb: TbBase = 1024): Converted {
  const base: Converted = { input, ok: false, value: null, unit: null, approximate: false, message: '' };
  const p = parseQuantity(input, { tb });
  if (!p.ok) return { ...base, message: p.message };
  if (p.form === 'empty') return { ...base, message: '空值：请填写数据量。' };
  const q = p.form === 'pairs' ? pairsTotal(input, p.pairs, to) : p.quantity;
  if (typeof q === 'string') return { ...base, message: q };
  const notes: string[] = [];
  if (q.approximate) notes.push('原值是约数，已保留数字，请核实');
  if (to === '条') {
    if (q.kind !== 'records' && q.kind !== 'bare') {
      return {
        ...base,
        message: `${quote(String(input))}是${kindName(q.kind)}，不能换算成条数：结构化数据请填写记录条数，如「100000条」。`,
      };
    }
    if (q.kind === 'bare') notes.push('未写单位，按条计');
    if (!Number.isInteger(q.value)) notes.push(`条数 ${q.value} 不是整数，已四舍五入`);
    return {
      ...base,
      ok: true,
      value: Math.round(q.value),
      unit: '条',
      approximate: q.approximate,
      message: notes.join('；'),
    };
  }
  if (q.kind === 'bare') {
    notes.push(`未写单位，按 ${to} 计`);
    return {
      ...base,
      ok: q.value > 0,
      value: roundNumber(q.value),
      unit: to,
      approximate: q.approximate,
      message: q.value > 0 ? notes.join('；') : '数据量应大于 0。',
    };
  }
  if (q.kind !== 'size') {
    return {
      ...base,
      message: `${quote(String(input))}是${kindName(q.kind)}，不是存储大小，不能换算成 ${to}：请填写数据集占用的存储空间，如「1.5TB」。`,
    };
  }
  const v = to === 'GB' ? q.value : q.value / tb;
  if (!(v > 0)) return { ...base, message: '数据量应大于 0。' };
  return {
    ...base,
    ok: true,
    value: roundNumber(v),
    unit: to,
    approximate: q.approximate,
    message: notes.join('；'),
  };
}
