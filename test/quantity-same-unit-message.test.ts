/**
 * 「约2TB」 in a TB column is written as 2 without any conversion: the message must say it was written
 * as 2, not 「已换算为 2（TB，1TB=1024GB）」, which tells the clerk a conversion happened that did not.
 */
import { validateTable } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';

// A learned format whose size column is in TB (「数据量（TB）」), as hqds learn drafts one.
const base = getProfile('qinghai')!;
const tbFormat: Profile = {
  ...base,
  columns: base.columns.map((c) =>
    c.type === 'quantity' ? { ...c, label: '数据量（TB）', quantity: { kind: 'size', unit: 'TB' } } : c,
  ),
};

function scaleIssues(p: Profile, text: string) {
  const col = p.columns.find((c) => c.type === 'quantity')!;
  const header = p.columns.map((c) => c.label);
  const row = p.columns.map((c) => (c.type === 'quantity' ? text : ''));
  const r = validateTable(p, { header, rows: [row] });
  const at = header.indexOf(col.label);
  return r.issues.filter((i) => i.col === at);
}

test('约 in the column’s own unit: written as the number, no conversion claimed', () => {
  const issues = scaleIssues(tbFormat, '约2TB');
  const codes = issues.map((i) => i.code);
  expect(codes).toContain('quantity-approximate');
  const written = issues.find((i) => i.code === 'quantity-converted');
  expect(written?.message).toBe('原填 「约2TB」，已写作 「2」。');
  expect(written?.fix).toBe(2);
});

test('a real conversion keeps saying what it converted and on which base', () => {
  const issues = scaleIssues(tbFormat, '约2048GB');
  const converted = issues.find((i) => i.code === 'quantity-converted');
  expect(converted?.message).toMatch(/已换算为 2（TB，1TB=1024GB）/);
});
