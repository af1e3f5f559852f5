/** parseContact reads the commonest cell, 「张三 13800000000」, by a quick path: it must give exactly
 *  what the full reading gives, for that shape and for every near miss that must not take it. */
import { parseContact, readContact } from '../src/core/validators';

const cells = [
  '张三 13800000000',
  '欧阳娜娜 13912345678',
  '王五 19900001111',
  // near misses: the full reading decides
  '张三 12800000000',
  '张三  13800000000',
  '张三 138000000001',
  '联系人 13800000000',
  '张电话 13800000000',
  '李职务 13800000000',
  '张 13800000000',
  '司马相如文 13800000000',
  '张三 +8613800000000',
  '张三 138-0000-0000',
  '张三 13800000000 li@x.cn',
  'Tom 13800000000',
  '张三１３８０００００００００',
];

test.each(cells)('「%s」: the same parts as the full reading', (cell) => {
  expect(parseContact(cell)).toEqual(readContact(cell));
});

test('the quick path gives the name and the mobile', () => {
  expect(parseContact('张三 13800000000')).toEqual({
    names: ['张三'],
    phones: ['13800000000'],
    emails: [],
    badPhones: [],
    badEmails: [],
  });
  expect(parseContact('联系人 13800000000').names).toEqual([]);
});
