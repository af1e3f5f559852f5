/**
 * Reviewing a learned format, the clerk can give options to a column the template left as free text
 * (「更新频率」 in a Word template with no 「更新频率：A、B。」 sentence; a 所属领域 the review says
 * 「请补上选项」 for): the column becomes a dropdown column, checked and normalised as a learned one.
 */
import { applyLearnEdits, learnTemplate, type LearnResult } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { readTemplate } from '../src/io/template';
import { docx, para, table } from './helpers/docx';

async function template(): Promise<Buffer> {
  return docx(
    para('附件2') +
      para('某市行业高质量数据集汇总表') +
      table([
        ['序号', '数据集名称', '所属领域', '更新频率', '申报单位'],
        [null, null, null, null, null],
      ]),
  );
}

describe('options given in review to a free-text column', () => {
  let r: LearnResult;
  beforeAll(async () => {
    r = learnTemplate(await readTemplate('t.docx', new Uint8Array(await template())), { id: 't' });
  });
  const col = (p: LearnResult['profile'], label: string) => p.columns.find((c) => c.label === label)!;

  test('the draft has them as free text (nothing in the template says otherwise)', () => {
    expect(col(r.profile, '更新频率').type).toBe('text');
    expect(col(r.profile, '所属领域').type).toBe('text');
  });

  test('with options the column is a vocabulary column, its options linked to the concepts', () => {
    const key = col(r.profile, '所属领域').key;
    const freq = col(r.profile, '更新频率').key;
    const p = applyLearnEdits(r.profile, {
      columns: {
        [key]: { options: ['工业制造', '医疗卫生', '其他'] },
        [freq]: { options: ['实时', '每日', '每月'], multi: false },
      },
    });
    expect(col(p, '所属领域')).toMatchObject({ type: 'vocab', multi: false });
    const v = p.vocabularies[col(p, '所属领域').vocab!];
    expect(v.items.map((i) => i.label)).toEqual(['工业制造', '医疗卫生']);
    expect(v.other).toBe('其他');
    expect(v.items[1].concepts).toEqual(['health']);
    const rows = [
      ['序号', '数据集名称', '所属领域', '更新频率', '申报单位'],
      [1, '病历集', '医疗', '每日', '某医院'],
      [2, '气象集', '气象', '每周', '某局'],
    ];
    const m = mergeSheets(p, [{ file: 'r.xlsx', sheet: 'S', rows }]);
    expect(m.issues.filter((i) => i.field !== undefined).map((i) => [i.field, i.code, i.entry])).toEqual([
      ['所属领域', 'value-normalised', 0],
      ['所属领域', 'value-other', 1],
      ['更新频率', 'value-not-allowed', 1],
    ]);
  });

  test('emptied options leave the column free text, not an error', () => {
    const key = col(r.profile, '更新频率').key;
    const p = applyLearnEdits(r.profile, { columns: { [key]: { options: ['  '] } } });
    expect(col(p, '更新频率').type).toBe('text');
  });
});
