/** Display width (plan.ts displayWidth) counts a surrogate pair as one narrow character only when
 *  a high surrogate (D800–DBFF) is followed by a low one (DC00–DFFF), at both ends of both ranges;
 *  a lone surrogate, or a character that merely sits before a low surrogate, counts for itself,
 *  and the character after a lone high surrogate keeps its own width. */
import { displayWidth } from '../src/core/plan';

test('a pair at the edges of the surrogate ranges is one character of width one', () => {
  expect(displayWidth('\ud800\udc00')).toBe(1);
  expect(displayWidth('\udbff\udfff')).toBe(1);
  expect(displayWidth('\udbff\udc00')).toBe(1);
  expect(displayWidth('\ud800\udfff')).toBe(1);
  expect(displayWidth('数\ud800\udfff数')).toBe(5);
});

test('a character before a low surrogate, or two low surrogates, are two characters', () => {
  expect(displayWidth('a\udc00')).toBe(2);
  expect(displayWidth('数\udfff')).toBe(3);
  expect(displayWidth('\udc00\udc00')).toBe(2);
  expect(displayWidth('\udfff\udfff')).toBe(2);
  expect(displayWidth('\ue000\udc00')).toBe(2);
});

test('after a lone high surrogate a wide character above the surrogates still counts two', () => {
  expect(displayWidth('\ud800\uff21')).toBe(3);
  expect(displayWidth('\udbff\uffe0')).toBe(3);
  expect(displayWidth('\ud800\ue000')).toBe(2);
});
