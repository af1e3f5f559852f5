/**
 * The text helpers every comparison rests on: a header or a vocabulary label written with other
 * widths, spaces or brackets must compare equal; fuzzy scores must rank as a person would; a quoted
 * cell must not flood a message; a character XML forbids must never reach a written .xlsx.
 */
import {
  charCount,
  gramSimilarity,
  grams,
  hasXmlForbidden,
  labelKey,
  quote,
  similarity,
  toHalfWidth,
  xmlSafe,
} from '../src/core/text';

describe('labelKey', () => {
  it('gives one key for a label written with other widths, spaces, line breaks or case', () => {
    const key = labelKey('数据集数据量（GB）');
    expect(key).toBe('数据集数据量(gb)');
    expect(labelKey('数据集 数据量\n(gb)')).toBe(key);
    expect(labelKey('数据集\u3000数据量（ＧＢ）')).toBe(key);
  });

  it('folds every kind of square bracket to [ and ]', () => {
    expect(labelKey('【备注】')).toBe('[备注]');
    expect(labelKey('〔备注〕')).toBe('[备注]');
    expect(labelKey('［备注］')).toBe('[备注]');
    expect(labelKey('{备注}')).toBe('[备注]');
  });

  it('drops one trailing colon only', () => {
    expect(labelKey('联系人：')).toBe('联系人');
    expect(labelKey('联系人:')).toBe('联系人');
    expect(labelKey('单位:名称')).toBe('单位:名称');
  });
});

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and punctuation half-width and keeps Chinese', () => {
    expect(toHalfWidth('１．５ＴＢ，图片')).toBe('1.5TB,图片');
  });
});

describe('charCount', () => {
  it('counts a character outside the BMP once and a CRLF as one line break', () => {
    expect(charCount('𠀀a')).toBe(2);
    expect(charCount('a\r\nb')).toBe(3);
    expect(charCount('')).toBe(0);
  });
});

describe('grams and similarity', () => {
  it('are the single characters and the bigrams', () => {
    expect([...grams('数据集')].sort()).toEqual(['据', '据集', '数', '数据', '集'].sort());
    expect([...grams('a')]).toEqual(['a']);
    expect(grams('').size).toBe(0);
  });

  it('score 1 for the same text, 0 for nothing shared or an empty side, Dice in between', () => {
    expect(similarity('行业领域', '行业领域')).toBe(1);
    expect(similarity('行业', '模态')).toBe(0);
    expect(similarity('', '行业')).toBe(0);
    expect(similarity('行业', '')).toBe(0);
    // 行业 {行, 业, 行业} and 行业领域 {行, 业, 领, 域, 行业, 业领, 领域}: 2·3 / (3 + 7).
    expect(similarity('行业', '行业领域')).toBeCloseTo(0.6, 12);
    expect(gramSimilarity(grams('ab'), grams('bc'))).toBeCloseTo((2 * 1) / 6, 12);
  });
});

describe('quote', () => {
  it('puts a value in 「」 and cuts it after 40 characters', () => {
    expect(quote('牦牛')).toBe('「牦牛」');
    expect(quote('x'.repeat(40))).toBe(`「${'x'.repeat(40)}」`);
    expect(quote('x'.repeat(41))).toBe(`「${'x'.repeat(40)}…」`);
  });
});

describe('characters XML forbids', () => {
  it.each([
    ['\u0000', true],
    ['\u0008', true],
    ['\u000b', true],
    ['\u000c', true],
    ['\u000e', true],
    ['\u001f', true],
    ['\ufffe', true],
    ['\uffff', true],
    ['a\ud800', true],
    ['\udc00b', true],
    ['\t\n\r 表', false],
    ['\ud840\udc00', false],
    ['\ue000\ufffd', false],
  ])('%j forbidden: %s', (s, forbidden) => {
    expect(hasXmlForbidden(s)).toBe(forbidden);
    expect(hasXmlForbidden(s)).toBe(forbidden); // the shared pattern keeps no state between calls
  });

  it('are each replaced by U+FFFD, the rest kept', () => {
    expect(xmlSafe('a\u0001b\u0002')).toBe('a\ufffdb\ufffd');
    expect(xmlSafe('x\ud800y')).toBe('x\ufffdy');
    const clean = '正常文本\t';
    expect(xmlSafe(clean)).toBe(clean);
    expect(xmlSafe('\u0001')).toBe('\ufffd');
    expect(xmlSafe('\u0001')).toBe('\ufffd');
  });
});
