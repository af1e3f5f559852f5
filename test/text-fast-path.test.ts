/** toHalfWidth and labelKey skip the normaliser for plain text: only where it changes nothing. */
import { hasXmlForbidden, LABEL_PLAIN, labelKey, NFKC_STABLE, toHalfWidth, xmlSafe } from '../src/core/text';

/** Every character matched by the fast paths (src/core/text.ts), one by one. */
function matching(re: RegExp): string[] {
  const out: string[] = [];
  for (let cp = 0; cp < 0x10000; cp++) {
    const c = String.fromCharCode(cp);
    if (re.test(c)) out.push(c);
  }
  return out;
}

test('each character the fast path keeps is one NFKC keeps, and none can compose with its neighbour', () => {
  // The characters that can follow another in a canonical decomposition: the only ones a
  // normaliser may join to the character before them.
  const seconds = new Set<string>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const d = Array.from(String.fromCodePoint(cp).normalize('NFD'));
    for (let i = 1; i < d.length; i++) seconds.add(d[i]);
  }
  const stable = matching(NFKC_STABLE);
  expect(stable.length).toBeGreaterThan(20000);
  for (const c of stable) {
    expect(c.normalize('NFKC')).toBe(c);
    expect(seconds.has(c)).toBe(false);
  }
});

test('each character labelKey passes as is is one its slow path leaves unchanged', () => {
  const slow = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s\u3000]+/g, '')
      .replace(/[【〔［{]/g, '[')
      .replace(/[】〕］}]/g, ']')
      .replace(/[:：]$/, '')
      .toLowerCase();
  for (const c of matching(LABEL_PLAIN)) expect(slow(c)).toBe(c);
});

test('the same keys as before for plain and full-width labels', () => {
  expect(labelKey('数据集数据量（GB）')).toBe('数据集数据量(gb)');
  expect(labelKey('数据集 数据量\n(gb)')).toBe('数据集数据量(gb)');
  expect(labelKey('单位名称：')).toBe('单位名称');
  expect(labelKey('【备注】')).toBe('[备注]');
  expect(labelKey('数据集0-12')).toBe('数据集0-12');
  expect(labelKey('Ａ模型')).toBe('a模型');
  expect(toHalfWidth('１２３　ＡＢ')).toBe('123 AB');
  expect(toHalfWidth('医疗卫生、教育')).toBe('医疗卫生、教育');
  // A combining mark after plain text goes through the normaliser and composes.
  expect(toHalfWidth('e\u0301')).toBe('\u00e9');
});

test('hasXmlForbidden and xmlSafe after their quick test: controls and lone surrogates found, pairs kept', () => {
  const cases: [string, boolean, string][] = [
    ['医疗 ok\t\n\r', false, '医疗 ok\t\n\r'],
    ['a\u0001b', true, 'a\ufffdb'],
    ['😀 emoji', false, '😀 emoji'],
    ['lone \ud83d end', true, 'lone \ufffd end'],
    ['\ude00 first', true, '\ufffd first'],
    ['x\uffff', true, 'x\ufffd'],
    ['\ud83d\ude00\ud83d', true, '\ud83d\ude00\ufffd'],
  ];
  for (const [s, bad, safe] of cases) {
    expect(hasXmlForbidden(s)).toBe(bad);
    expect(xmlSafe(s)).toBe(safe);
  }
});
