/**
 * Reviewing a learned format, the clerk can correct a column's kind (「类型」): a column the template
 * left as free text that is really a size in GB, a record count, a credit code or a phone is checked
 * as that kind from then on, keeping its label, key and 必填.
 */
import { applyLearnEdits, editableKindOf, learnTemplate, type LearnResult } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { readTemplate } from '../src/io/template';
import { docx, para, table } from './helpers/docx';

const HEADER = ['序号', '数据集名称', '容量', '记录', '单位代码', '座机', '备注'];

describe('a column kind corrected in review', () => {
  let r: LearnResult;
  beforeAll(async () => {
    const bytes = await docx(para('某市行业高质量数据集汇总表') + table([HEADER, HEADER.map(() => null)]));
    r = learnTemplate(await readTemplate('t.docx', new Uint8Array(bytes)), { id: 't' });
  });
  const col = (p: LearnResult['profile'], label: string) => p.columns.find((c) => c.label === label)!;

  test('the draft takes the unlabelled columns as free text', () => {
    for (const l of ['容量', '记录', '单位代码', '座机'])
      expect(editableKindOf(col(r.profile, l))).toBe('text');
  });

  test('each corrected kind is checked as a built-in column of that kind would be', () => {
    const key = (l: string) => col(r.profile, l).key;
    const p = applyLearnEdits(r.profile, {
      columns: {
        [key('容量')]: { kind: 'sizeGB', required: true },
        [key('记录')]: { kind: 'records' },
        [key('单位代码')]: { kind: 'creditCode' },
        [key('座机')]: { kind: 'phone' },
      },
    });
    expect(col(p, '容量')).toMatchObject({
      type: 'quantity',
      quantity: { kind: 'size', unit: 'GB' },
      required: true,
    });
    expect(col(p, '容量').key).toBe(key('容量'));
    expect(editableKindOf(col(p, '记录'))).toBe('records');
    const m = mergeSheets(p, [
      {
        file: 'r.xlsx',
        sheet: 'S',
        rows: [HEADER, [1, '病历集', '1.5TB', '2万条', '91110000000000000X', '12', '']],
      },
    ]);
    expect(m.entries[0].entry.values).toMatchObject({ [key('容量')]: 1536, [key('记录')]: '20000条' });
    const codes = m.issues.map((i) => [i.field, i.code]);
    expect(codes).toContainEqual(['容量', 'quantity-converted']);
    expect(codes.some(([f, c]) => f === '单位代码' && String(c).startsWith('credit'))).toBe(true);
    expect(codes.some(([f]) => f === '座机')).toBe(true);
  });

  test('back to free text: the column checks nothing but its text', () => {
    const key = col(r.profile, '容量').key;
    const p = applyLearnEdits(applyLearnEdits(r.profile, { columns: { [key]: { kind: 'sizeTB' } } }), {
      columns: { [key]: { kind: 'text' } },
    });
    expect(col(p, '容量')).toMatchObject({ type: 'text' });
    expect(col(p, '容量').quantity).toBeUndefined();
  });

  test('an unknown kind is refused in Chinese', () => {
    const key = col(r.profile, '容量').key;
    expect(() => applyLearnEdits(r.profile, { columns: { [key]: { kind: 'nonsense' as never } } })).toThrow(
      /类型「nonsense」无法识别/,
    );
  });
});
