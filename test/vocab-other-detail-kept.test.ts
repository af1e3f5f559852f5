/**
 * 武汉's 申报方向 offers a plain 「其他」. A received 「其他（海洋）」 must not lose 「海洋」 through a safe
 * fix that 全部修正 would apply: the change is offered for the clerk to accept, and says what is dropped.
 */
import { validateTable } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';

const wuhan = getProfile('wuhan')!;
const header = wuhan.columns.map((c) => c.label);
const col = header.indexOf('申报方向');

function directionIssues(value: string) {
  const row = wuhan.columns.map((c) => (c.key === 'direction' ? value : ''));
  return validateTable(wuhan, { header, rows: [row] }).issues.filter((i) => i.col === col);
}

test.each(['其他（海洋）', '其他(海洋)', '其它（海洋）'])(
  '「%s」: 「其他」 offered, not applied, and 「海洋」 named',
  (v) => {
    const [issue] = directionIssues(v);
    expect(issue).toMatchObject({ code: 'value-other', fix: '其他', safe: false });
    expect(issue.message).toBe(
      '本表的申报方向按通知只写「其他」，不带说明：可改为「其他」，原填的「海洋」请另行说明。',
    );
  },
);

test('a bare 「其他」 stays as it is', () => {
  expect(directionIssues('其他')).toEqual([]);
});
