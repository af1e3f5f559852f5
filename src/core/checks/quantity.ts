/**
 * Checks of quantities by the column's kind (FORMATS.md §8): a size converted to GB or TB, a count of
 * records, 山西's scale kept as written, 武汉's 「modality + GB」 pairs. One kind is never converted
 * into another: 「10万张」 is never GB.
 */
import type { CellValue } from '../cell';
import { cellIssue, type CellIssue } from '../issues';
import type { Column, QuantitySpec } from '../profile';
import {
  formatCount,
  formatNumber,
  hasChineseDigits,
  kindName,
  parseQuantity,
  roundNumber,
  type Pair,
  type Parsed,
  type Quantity,
} from '../quantity';
import { toHalfWidth } from '../text';
import { fail, finish, ok, type CellResult, type CheckContext } from './types';

type Readable = Exclude<Parsed, { ok: false } | { form: 'empty' }>;

export function checkQuantity(
  ctx: CheckContext,
  col: Column,
  value: CellValue,
  text: string,
  headerUnit?: string,
): CellResult {
  const spec = col.quantity!;
  const parsed = parseQuantity(typeof value === 'number' ? value : text, {
    headerUnit: headerUnit ?? spec.unit,
    tb: ctx.tb,
  });
  if (!parsed.ok) return fail(text, parsed.code, { said: parsed.message });
  if (parsed.form === 'empty') return ok(null);
  if (spec.kind === 'pairs') return checkPairs(ctx, col, parsed, text);
  // The parser reads a number cell's digits only: a negative number is not a quantity.
  if (typeof value === 'number' && value < 0)
    return fail(text, 'quantity-not-positive', { label: col.label, text });
  // 「张三」 reads as 张 + 3: a word before a number with no unit is not a quantity to guess at.
  if (parsed.form === 'single' && parsed.modality && unitless(text, ctx)) {
    return fail(text, 'quantity-unreadable', { text, word: parsed.modality });
  }
  const issues: CellIssue[] = [];
  let q: Quantity;
  let summed = false;
  if (parsed.form === 'pairs') {
    if (!parsed.pairs.every((x) => x.quantity.kind === 'size'))
      return fail(text, 'quantity-multiple', { text });
    q = sumSizes(parsed.pairs);
    summed = true;
  } else q = parsed.quantity;
  if (q.approximate) issues.push(cellIssue('quantity-approximate', { text }, { value: text }));
  if (spec.kind === 'size') return checkSize(ctx, col, spec, { value, text, headerUnit, q, summed, issues });
  if (spec.kind === 'records') return checkRecords(col, text, q, issues);
  return checkScale(ctx, col, spec, text, q, issues, headerUnit);
}

/** Whether the text's number has no unit of its own (the column's or header's unit aside). */
function unitless(text: string, ctx: CheckContext): boolean {
  const own = parseQuantity(text, { tb: ctx.tb });
  return own.ok && own.form === 'single' && own.quantity.kind === 'bare';
}

/** 「图片100GB，音频160GB」 put in a column that wants one number: their total. */
function sumSizes(pairs: Pair[]): Quantity {
  return {
    kind: 'size',
    value: pairs.reduce((a, x) => a + x.quantity.value, 0),
    approximate: pairs.some((x) => x.quantity.approximate),
  };
}

/** 武汉's 非结构化数据规模: modality + size pairs, written 「图片100GB，音频160GB」. */
function checkPairs(ctx: CheckContext, col: Column, parsed: Readable, text: string): CellResult {
  const pairs = asPairs(parsed);
  if (!pairs) return fail(text, 'quantity-pair-missing-modality', { label: col.label, text });
  const matcher = ctx.matchers.get('modality');
  const issues: CellIssue[] = [];
  const outParts: string[] = [];
  for (const pair of pairs) {
    const q = pair.quantity;
    if (q.kind !== 'size' && q.kind !== 'bare') {
      return fail(text, 'quantity-wrong-kind', {
        want: 'pair-size',
        modality: pair.modality,
        found: kindName(q.kind),
      });
    }
    if (q.kind === 'bare')
      issues.push(cellIssue('quantity-unit-assumed', { modality: pair.modality }, { value: text }));
    if (q.approximate) issues.push(cellIssue('quantity-approximate', { text }, { value: text }));
    let modality = pair.modality;
    if (matcher) {
      const match = matcher.match(modality);
      if (match.status === 'unknown' || match.status === 'ambiguous') {
        const issue = cellIssue('value-not-allowed', { said: match.message! }, { value: pair.modality });
        return { out: text, issues: [issue] };
      }
      if (match.status !== 'ok') {
        const code = match.status === 'fixed' ? 'value-normalised' : 'value-other';
        issues.push(cellIssue(code, { said: match.message! }, { value: pair.modality }));
      }
      modality = match.value;
    }
    outParts.push(`${modality}${formatNumber(q.value)}GB`);
  }
  const out = outParts.join('，');
  return finish(text, out, issues, 'quantity-normalised', { text, out, pairs: true });
}

function asPairs(parsed: Readable): Pair[] | null {
  if (parsed.form === 'pairs') return parsed.pairs;
  if (parsed.modality) return [{ modality: parsed.modality, quantity: parsed.quantity }];
  return null;
}

interface SizeInput {
  value: CellValue;
  text: string;
  headerUnit?: string;
  q: Quantity;
  summed: boolean;
  issues: CellIssue[];
}

/** The two ways a size can stand in its own column's unit, per unit (GB or TB), built once rather than
 *  for every cell: 「500GB」 exactly as written, and the same number among other words (「约2TB」). */
const writtenPatterns = new Map<string, { asWritten: RegExp; sameNumber: RegExp }>();
function numberAsWritten(unit: string): { asWritten: RegExp; sameNumber: RegExp } {
  let p = writtenPatterns.get(unit);
  if (!p) {
    p = {
      asWritten: new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(?:${unit})?$`, 'i'),
      sameNumber: new RegExp(`^\\D*?(\\d+(?:\\.\\d+)?)\\s*(?:${unit})?\\D*$`, 'i'),
    };
    writtenPatterns.set(unit, p);
  }
  return p;
}

/** A size in the column's unit (GB, or TB under the 1024/1000 setting); bare numbers are the column's unit. */
function checkSize(ctx: CheckContext, col: Column, spec: QuantitySpec, input: SizeInput): CellResult {
  const { value, text, headerUnit, issues } = input;
  const q = input.q.kind === 'bare' ? { ...input.q, kind: 'size' as const } : input.q;
  const unit = spec.unit ?? 'GB';
  if (q.kind !== 'size') {
    return fail(text, 'quantity-wrong-kind', {
      want: 'size',
      text,
      found: kindName(q.kind),
      label: col.label,
      unit,
    });
  }
  const size = spec.unit === 'TB' ? q.value / ctx.tb : q.value;
  if (!(size > 0)) return fail(text, 'quantity-not-positive', { label: col.label, text });
  const out = roundNumber(size);
  if (input.summed) issues.push(cellIssue('quantity-summed', { text, out, unit }, { value: text }));
  // 「100」 or 「500GB」 in a GB column is that number as written: written as a number without a message.
  const { asWritten: plain, sameNumber: around } = numberAsWritten(unit);
  const asWritten = plain.exec(text);
  const converted =
    typeof value === 'number' ? value !== out : headerUnit !== undefined || asWritten?.[1] !== String(out);
  const fromHeader = headerUnit && typeof value === 'number' ? headerUnit : undefined;
  // 「约2TB」 in a TB column is rewritten, not converted: saying 「已换算为」 would claim a conversion.
  const sameNumber = around.exec(text);
  const rewritten = typeof value !== 'number' && !headerUnit && sameNumber?.[1] === String(out);
  const params = { text, out, unit, tb: rewritten ? undefined : ctx.tb, headerUnit: fromHeader };
  return finish(text, out, issues, 'quantity-converted', params, converted);
}

/** A count of records (条), written 「100000条」. */
function checkRecords(col: Column, text: string, quantity: Quantity, issues: CellIssue[]): CellResult {
  const q = quantity.kind === 'bare' ? { ...quantity, kind: 'records' as const } : quantity;
  if (q.kind !== 'records') {
    return fail(text, 'quantity-wrong-kind', {
      want: 'records',
      text,
      found: kindName(q.kind),
      label: col.label,
    });
  }
  if (!(q.value > 0)) return fail(text, 'quantity-not-positive', { label: col.label, text });
  const out = formatCount(q.value);
  return finish(text, out, issues, 'quantity-converted', { text, out });
}

/** 山西's 数据集规模: a size or a count, kept as written; a bare number cannot be read. */
function checkScale(
  ctx: CheckContext,
  col: Column,
  spec: QuantitySpec,
  text: string,
  q: Quantity,
  issues: CellIssue[],
  headerUnit?: string,
): CellResult {
  if (q.kind === 'bare') {
    return { out: text, issues: [...issues, cellIssue('quantity-no-unit', { text }, { value: text })] };
  }
  if (!(q.value > 0)) return fail(text, 'quantity-not-positive', { label: col.label, text });
  if (q.kind === 'size' && spec.warnBelowTB && q.value < spec.warnBelowTB * ctx.tb) {
    const params = { text, minTB: spec.warnBelowTB, why: spec.warnBelowMessage };
    issues.push(cellIssue('quantity-below-minimum', params, { value: text }));
  }
  // A count in Chinese numerals (「两千万条」) is written in digits with its unit word (FORMATS.md §8).
  const inWords = (q.kind === 'records' || q.kind === 'items') && hasChineseDigits(text);
  // A bare number under a header with a unit (「数据集数据量（GB）」) carries that unit into this column.
  const bare = headerUnit !== undefined && /^[\d.,\s]+$/.test(toHalfWidth(text));
  const written = bare
    ? `${toHalfWidth(text).replace(/[,\s]/g, '')}${headerUnit}`
    : toHalfWidth(text).replace(/\s+/g, '');
  const out = inWords ? formatCount(q.value, q.unitWord ?? '条') : written;
  return finish(text, out, issues, 'quantity-normalised', { text, out });
}
