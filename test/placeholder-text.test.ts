/**
 * The notice's own sample text left in a cell (「XX模型、XX模型」, 「如：增加就业岗位XX个…」) is not
 * content: a warning that asks for the real content. Identifiers with X in them are not samples.
 */
import { validatorFor } from '../src/core/engine';
import { formOnlyIssues } from '../src/core/form';
import { getProfile } from '../src/core/profiles';

function codes(id: string, key: string, value: string): string[] {
  const p = getProfile(id)!;
  return validatorFor(p)
    .checkCell(
      p.columns.find((c) => c.key === key)!,
      value,
    )
    .issues.map((i) => i.code);
}

describe('placeholder text from the notice', () => {
  test.each([
    ['qinghai', 'models', 'XX模型、XX模型'],
    ['qinghai', 'name', 'XX行业数据集'],
    ['wuhan', 'benefit', '如：增加就业岗位XX个、带动投资增加XX万元'],
    ['wuhan', 'benefit', '增加就业岗位ＸＸ个'],
    ['qinghai', 'applicant', '如：青海某公司'],
  ])('%s %s 「%s」 is flagged', (id, key, value) => {
    expect(codes(id, key, value)).toEqual(['placeholder-text']);
  });
  test('the message says to replace it with the real content', () => {
    const p = getProfile('qinghai')!;
    const r = validatorFor(p).checkCell(
      p.columns.find((c) => c.key === 'models')!,
      'XX模型、XX模型',
    );
    expect(r.issues[0]).toMatchObject({ severity: 'warning' });
    expect(r.issues[0].message).toContain('XX模型、XX模型');
    expect(r.issues[0].message).toContain('请替换为实际内容');
  });
  test.each([
    ['qinghai', 'name', 'XXL码服装图像数据集'],
    ['qinghai', 'name', '牦牛养殖数据集'],
    ['qinghai', 'contact', '张三 13800000000 zhang@x.cn'],
    ['wuhan', 'benefit', '增加就业岗位20个，如期完成'],
  ])('%s %s 「%s」 is not', (id, key, value) => {
    expect(codes(id, key, value)).not.toContain('placeholder-text');
  });
});

test('a field only the form has is checked for sample text too', () => {
  const p = getProfile('wuhan')!;
  const f = { row: 0, label: '应用场景介绍', value: '如：XX场景', at: { row: 3, col: 1 } };
  expect(formOnlyIssues(p, f).map((i) => i.code)).toEqual(['placeholder-text']);
});
