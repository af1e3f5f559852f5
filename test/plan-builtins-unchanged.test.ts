/** Two-level headers must not change the one-row formats: the plan of every built-in format, empty and
 *  with rows (flagged and clean), is compared with the plan taken before two-level headers were drawn
 *  (test/fixtures/builtin-plans.json). Regenerate only on purpose:
 *  HQDS_WRITE_PLAN_FIXTURE=1 npx jest test/plan-builtins-unchanged.test.ts */
import * as fs from 'fs';
import * as path from 'path';
import { PROFILES } from '../src/core/profiles';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook, type WorkbookPlan } from '../src/core/plan';
import type { Column, Profile } from '../src/core/profile';
import type { CellValue } from '../src/core/cell';

const FIXTURE = path.join(__dirname, 'fixtures', 'builtin-plans.json');

function sample(profile: Profile, col: Column, i: number): CellValue {
  if (col.type === 'seq') return i + 1;
  if (col.type === 'vocab' && col.vocab) return profile.vocabularies[col.vocab].items[i % 2]?.label ?? '';
  if (col.type === 'quantity') return col.quantity?.kind === 'records' ? '300万条' : i ? '2TB' : '=1+1';
  if (col.type === 'contact') return i ? '张三 13800000000' : '张三';
  if (col.type === 'money' || col.type === 'percent') return i ? 12.5 : 'abc';
  return `${col.label}${i}`;
}

function plans(): Record<string, WorkbookPlan[]> {
  const out: Record<string, WorkbookPlan[]> = {};
  const settings = { date: new Date(2026, 0, 2), recommender: '某单位' };
  for (const p of PROFILES) {
    const rows = [
      p.columns.map((c) => c.label),
      ...[0, 1, 2].map((i) => p.columns.map((c) => sample(p, c, i))),
    ];
    out[p.id] = [
      planWorkbook(p, mergeSheets(p, []), settings),
      planWorkbook(p, mergeSheets(p, [{ file: '收到.xlsx', sheet: 'Sheet1', rows }]), settings),
    ];
  }
  // Through JSON, as stored: undefined fields drop out on both sides.
  return JSON.parse(JSON.stringify(out)) as Record<string, WorkbookPlan[]>;
}

test('the four built-in formats plan exactly as before two-level headers (empty and with rows)', () => {
  const now = plans();
  if (process.env.HQDS_WRITE_PLAN_FIXTURE === '1') fs.writeFileSync(FIXTURE, JSON.stringify(now));
  const before = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, WorkbookPlan[]>;
  expect(Object.keys(before).sort()).toEqual(['qinghai', 'shanghai', 'shanxi', 'wuhan']);
  for (const id of Object.keys(before)) expect(now[id]).toEqual(before[id]);
  // The rows really went in: flagged cells and data beyond the blank template.
  expect(before.qinghai[1].sheets[0].cells.some((c) => c.note)).toBe(true);
});
