import { checkCreditCode, isEmail, isPhone, joinContact, parseContact } from '../src/core/validators';
import { charCount } from '../src/core/text';

import { validCode } from './helpers/credit';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test.each(['91110108551385082Q', '91440300708461136T', '91350100M000100Y43'])(
    'published code %s passes the check',
    (c) => {
      expect(checkCreditCode(c)).toMatchObject({ ok: true, checkOk: true });
    },
  );
  test('the early pilot code fails the check: a warning-level result, not a malformed code', () => {
    expect(checkCreditCode('91350100M0001TGQXM')).toMatchObject({ ok: true, checkOk: false, expected: '1' });
  });
  test.each([
    ['9111010855138508', 'length'],
    ['91110108551385082QQ', 'length'],
    ['91110108551385O82Q', 'char'],
    ['9111010855138508IQ', 'char'],
    ['91110108551385S82Q', 'char'],
  ])('%s is malformed (%s)', (c, reason) => {
    expect(checkCreditCode(c)).toMatchObject({ ok: false, reason });
  });
  test('full-width, spaces and lower case are read', () => {
    expect(checkCreditCode('９１１１０１０８５５１３８５０８２ｑ')).toMatchObject({
      ok: true,
      checkOk: true,
      code: '91110108551385082Q',
    });
    expect(checkCreditCode('9111 0108 5513 8508 2q')).toMatchObject({ ok: true, checkOk: true });
  });
  test('region code is characters 3-8', () => {
    expect(checkCreditCode(validCode('91630100MA752A1B1'))).toMatchObject({
      region: '630100',
      checkOk: true,
    });
  });
});

describe('phones and e-mails', () => {
  test.each([
    '13800000000',
    '19912345678',
    '+8613800000000',
    '0971-6145250',
    '09716145250',
    '010-12345678',
    '0971-6145250转123',
    '6145250',
    '(0971)6145250',
  ])('%s is a phone', (p) => {
    expect(isPhone(p)).toBe(true);
  });
  test.each(['12800000000', '1380000000', '138000000001', '0971-61452', 'abc', '123456'])(
    '%s is not a phone',
    (p) => {
      expect(isPhone(p)).toBe(false);
    },
  );
  test.each(['a@b.cn', 'qhssjjsjzyc@163.com', 'first.last+x@sub.example.org'])('%s is an e-mail', (e) =>
    expect(isEmail(e)).toBe(true),
  );
  test.each(['a@b', '@b.cn', 'a b@c.cn', 'a@@b.cn'])('%s is not an e-mail', (e) =>
    expect(isEmail(e)).toBe(false),
  );
});

describe('contact cells', () => {
  test('name and phone', () => {
    expect(parseContact('张三 13800000000')).toMatchObject({
      names: ['张三'],
      phones: ['13800000000'],
      emails: [],
    });
  });
  test('name, landline with extension, e-mail, labels and separators', () => {
    const c = parseContact('联系人：李四；电话：0971-6145250转12；邮箱：li@qh.gov.cn');
    expect(c.names).toEqual(['李四']);
    expect(c.phones).toEqual(['0971-6145250转12']);
    expect(c.emails).toEqual(['li@qh.gov.cn']);
  });
  test('a bad number is caught', () => {
    expect(parseContact('王五 1380000000').badPhones).toEqual(['1380000000']);
  });
  test('joining split columns', () => {
    expect(joinContact('张三', '13800000000', '')).toBe('张三 13800000000');
  });
  test('a number the name cell already holds is written once', () => {
    expect(joinContact('李四 13800000001', '13800000001')).toBe('李四 13800000001');
    expect(joinContact('张三13800000000', '138 0000 0000')).toBe('张三13800000000');
    const c = parseContact(joinContact('李四 13800000001', '13800000001'));
    expect(c.phones).toEqual(['13800000001']);
    expect(c.badPhones).toEqual([]);
  });
  test('two different numbers are kept apart and both accepted', () => {
    const c = parseContact(joinContact('李四 13900000000', '0971-6145250'));
    expect(c.phones).toEqual(['13900000000', '0971-6145250']);
    expect(c.badPhones).toEqual([]);
    expect(c.names).toEqual(['李四']);
  });
});

describe('character limits count as a reader does', () => {
  test.each([
    ['数据集', 3],
    ['AI数据集2025', 9],
    ['😀表情', 3],
    ['a\r\nb', 3],
  ])('%s has %i characters', (s, n) => expect(charCount(s)).toBe(n));
});
