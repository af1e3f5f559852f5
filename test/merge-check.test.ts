/** hqds check's compact merge (merge-check.ts) reports exactly what mergeSheets with asTheyStand
 *  does: the same issues, field for field and in the same order, the same inputs, skipped sheets,
 *  left-out rows and counts, for tables, forms, Word tables, reader notes, control characters and
 *  duplicates across files, in every built-in format. */
import { checkResultOf, checkSheets, IssueList } from '../src/core/merge-check';
import { mergeSheets, type InputSheet } from '../src/core/merge';
import { getProfile, PROFILES } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';

/** A table under a title in the profile's own labels, with one row of each kind of trouble. */
function table(p: Profile, file: string, names: string[], applicant = '同一单位'): InputSheet {
  const labels = p.columns.map((c) => c.label);
  const filled = (name: string, k: number) =>
    p.columns.map((c, j) => {
      if (c.type === 'seq') return k % 3 === 0 ? k + 5 : k + 1;
      if (c.key === 'name' || c.key === 'projectName') return name;
      if (c.key === 'applicant' || c.key === 'builder') return applicant;
      // Every other column: a value that is right, one that needs a fix, blank, or wrong.
      return [c.label, '约3', '', '=SUM(A1)', '医疗卫生', '2TB', 'x\u0001y', '13800000000'][(k + j) % 8];
    });
  return {
    file,
    sheet: '汇总表',
    rows: [
      ['附件2'],
      [`${p.id} 汇总表`],
      [...labels, '', '多出的列'],
      ...names.map((n, k) => [...filled(n, k), k % 4 === 0 ? '无表头的值' : null, k % 2 ? '多' : null]),
      labels.map((_, j) => (j === 0 ? '合计' : null)),
      [],
      ['注：以上数据由申报单位填写'],
    ],
    notes: [
      { row: 4, code: 'row-hidden', message: '第 4 行是隐藏行：请确认。' },
      { row: null, code: 'column-hidden', message: '有隐藏列。' },
    ],
  };
}

const form: (readonly (string | null)[])[] = [
  ['单位名称', '甲'],
  ['统一社会信用代码', '9163'],
  ['负责人及联系方式', '李四'],
  ['数据集名称', 'a\u0001'],
  ['所属行业领域', '医疗卫生'],
  ['数据集模态', '☑文本'],
  ['数据集规模（单位：TB）', '2'],
  ['已服务支撑算法模型', '/'],
];

function inputs(p: Profile): InputSheet[] {
  return [
    table(p, 'a.xlsx', ['甲', '乙', '丙', '丁', '甲', '戊', '己']),
    { file: 'a.xlsx', sheet: '说明', rows: [['填表说明：请按通知填写。']] },
    { file: 'a.xlsx', sheet: '空', rows: [] },
    table(p, 'b.xlsx', ['乙', '庚', '甲']),
    // The same names under another applicant: duplicates only among themselves.
    table(p, 'c.xlsx', ['甲', '辛', '甲', '乙'], '另一单位'),
    { file: 'f.xlsx', sheet: '附件1', rows: form },
    {
      file: 'f.docx',
      sheet: '表1',
      rows: form,
      origins: form.map((r, i) => r.map((_, j) => ({ table: 1, row: i + 1, cell: j + 1 }))),
    },
  ];
}

/** The issues as JSON text: key order aside, every field and every undefined alike. */
const text = (issues: Iterable<unknown>) =>
  [...issues].map((i) => JSON.stringify(i, Object.keys(i as object).sort()));

test.each(PROFILES.map((p) => p.id))('%s: the compact merge reports what mergeSheets reports', (id) => {
  const p = getProfile(id)!;
  for (const tb of [1024, 1000] as const) {
    const full = mergeSheets(p, inputs(p), { tb, asTheyStand: true });
    const check = checkSheets(p, inputs(p), { tb });
    expect(check.issues.length).toBe(full.issues.length);
    expect([...check.issues]).toStrictEqual(full.issues);
    expect(text(check.issues)).toEqual(text(full.issues));
    expect(check.issues.errors).toBe(full.issues.filter((i) => i.severity === 'error').length);
    // Shaped one at a time, in the same order, as often as asked.
    const shaped = check.issues.mapped((i) => `${i.code}@${i.source.row}`);
    const want = full.issues.map((i) => `${i.code}@${i.source.row}`);
    expect([...shaped]).toEqual(want);
    expect([...shaped]).toEqual(want);
    const { inputs: ins, skipped, leftOut, rowsRead, rowsWritten } = full;
    expect({ ...check, issues: null }).toStrictEqual({
      inputs: ins,
      skipped,
      leftOut,
      rowsRead,
      rowsWritten,
      issues: null,
    });
  }
});

test('the inputs hold what the comparison is about', () => {
  const p = getProfile('qinghai')!;
  const codes = new Set([...checkSheets(p, inputs(p)).issues].map((i) => i.code));
  for (const c of [
    'possible-duplicate',
    'control-char',
    'row-hidden',
    'column-hidden',
    'column-no-header',
    'total-row',
    'seq-renumbered',
    'credit-code-length',
    'quantity-approximate',
    'value-normalised',
    'required',
  ])
    expect(codes).toContain(c);
});

test('sheets handed over one at a time are let go: the check keeps none of their cells', () => {
  const p = getProfile('qinghai')!;
  const sheets = inputs(p);
  const seen: InputSheet[] = [];
  const one = function* () {
    while (sheets.length) {
      const s = sheets.shift()!;
      seen.push(s);
      yield s;
    }
  };
  const r = checkSheets(p, one());
  expect(seen).toHaveLength(7);
  expect(sheets).toHaveLength(0);
  // The places are made when read, from what the check kept, not from the sheets.
  for (const s of seen) Object.assign(s, { rows: [] });
  expect(text(r.issues)).toEqual(text(mergeSheets(p, inputs(p), { asTheyStand: true }).issues));
});

test('a whole merge reported as a check (--annotate) is the same list', () => {
  const p = getProfile('wuhan')!;
  const full = mergeSheets(p, inputs(p), { asTheyStand: true });
  const r = checkResultOf(full);
  expect([...r.issues]).toEqual(full.issues);
  expect(r.issues.errors).toBe(full.issues.filter((i) => i.severity === 'error').length);
  expect([...IssueList.of([])]).toEqual([]);
});
