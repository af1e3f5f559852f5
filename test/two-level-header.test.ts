/**
 * A learned two-level header (「数据规模」 over 「结构化（条）」「非结构化（GB）」) is drawn as two header
 * rows, in the plan, the file writer and the add-in, and read back by hqds check, hqds build and hqds
 * learn as the same columns (issue 13).
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { learnTemplate } from '../src/core/learn';
import { emptyMergeResult, mergeSheets } from '../src/core/merge';
import { planWorkbook, subLabel, summaryLayout } from '../src/core/plan';
import { parseProfile, type Profile } from '../src/core/profile';
import { getProfile } from '../src/core/profiles';
import { readTemplate } from '../src/io/template';
import { readFile } from '../src/io/read';
import { writeWorkbook } from '../src/io/xlsx-writer';
import { FakeWorkbook } from '../src/excel/fake';
import { OfficeWorkbook } from '../src/excel/adapter';
import { DEFAULT_PANE_SETTINGS, settingsToPlan } from '../src/taskpane/settings';
import { run } from './helpers/cli';
import { tmpDir } from './helpers/messy';
import { twoLevelTemplate } from './helpers/templates';
import { convert, needs, PDFTOPPM, SOFFICE } from './helpers/tools';
import { parseDelimited } from '../src/io/text';

/** 青海's format with two groups, as a learned template could give it: 「数据集属性」 over the two
 *  dropdown columns, 「申报单位」 over its name and contact (the 「联系人」 over 「姓名」「电话」 case). */
function groupedQinghai(): Profile {
  const raw = JSON.parse(JSON.stringify(getProfile('qinghai')!)) as Profile;
  raw.id = 'qinghai-two';
  const group: Record<string, string> = {
    行业领域: '数据集属性',
    数据集模态: '数据集属性',
    申报单位名称: '申报单位',
    申报单位联系人及联系方式: '申报单位',
  };
  raw.columns = raw.columns.map((c) => (group[c.label] ? { ...c, group: group[c.label] } : c));
  return parseProfile(raw);
}

const qh2 = groupedQinghai();
const dir = tmpDir('hqds-two-');
let learned: Profile;
let learnedFile: string;

beforeAll(async () => {
  learned = learnTemplate(await readTemplate('two.xlsx', new Uint8Array(await twoLevelTemplate())), {
    id: 'two',
  }).profile;
  learnedFile = path.join(dir, 'two.json');
  fs.writeFileSync(learnedFile, JSON.stringify(learned));
});

const good = (i: number) => [
  i + 1,
  `数据集${i}`,
  '现代农业',
  '文本',
  2048,
  '无',
  `某公司${i}`,
  '张三 13800000000',
  '',
];

describe('the plan of a two-level header', () => {
  const rows = [qh2.columns.map((c) => c.label), good(0), good(1)];
  const plan = planWorkbook(qh2, mergeSheets(qh2, [{ file: 'a.xlsx', sheet: 's', rows }]));
  const sheet = plan.sheets[0];
  const at = (r: number, c: number) => sheet.cells.find((x) => x.r === r && x.c === c);

  test('groups merged across their sub-columns above the sub-labels; ungrouped labels merged over both rows', () => {
    // 附件, title, 推荐单位 line: the header starts on row 4 (index 3) and takes rows 4 and 5.
    expect(summaryLayout(qh2)).toEqual({ headerRow: 3, firstDataRow: 5 });
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((c) => at(3, c)?.v ?? null)).toEqual([
      '序号',
      '数据集名称',
      '数据集属性',
      null,
      '数据集数据量（GB）',
      '已服务支撑人工智能大模型名称',
      '申报单位',
      null,
      '备注',
    ]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((c) => at(4, c)?.v ?? null)).toEqual([
      null,
      null,
      '行业领域',
      '数据集模态',
      null,
      null,
      '申报单位名称',
      '申报单位联系人及联系方式',
      null,
    ]);
    const headerMerges = sheet.merges.filter((m) => m.r1 >= 3 && m.r2 <= 4);
    expect(headerMerges).toEqual(
      expect.arrayContaining([
        { r1: 3, c1: 0, r2: 4, c2: 0 },
        { r1: 3, c1: 1, r2: 4, c2: 1 },
        { r1: 3, c1: 2, r2: 3, c2: 3 },
        { r1: 3, c1: 4, r2: 4, c2: 4 },
        { r1: 3, c1: 5, r2: 4, c2: 5 },
        { r1: 3, c1: 6, r2: 3, c2: 7 },
        { r1: 3, c1: 8, r2: 4, c2: 8 },
      ]),
    );
    expect(headerMerges).toHaveLength(7);
    // Every cell of both rows, covered ones too, in the one-row header's style (bold, borders, fill, wrap).
    for (let c = 0; c < 9; c++) for (const r of [3, 4]) expect(at(r, c)?.style).toBe('header');
  });

  test('data, freeze, print titles, dropdowns and the notes below start under the second row', () => {
    expect(at(5, 1)?.v).toBe('数据集0');
    expect(at(6, 1)?.v).toBe('数据集1');
    expect(sheet.table).toEqual({ headerRow: 3, firstDataRow: 5, lastDataRow: 6, columns: 9 });
    expect(sheet.freeze).toEqual({ rows: 5, cols: 0 });
    expect(sheet.print?.titleRows).toEqual([3, 4]);
    expect(sheet.validations.map((v) => [v.c1, v.r1])).toEqual([
      [2, 5],
      [3, 5],
    ]);
    expect(at(7, 0)?.v).toBe('注：数据量按 1TB=1024GB 换算。');
    // The issues sheet points at summary rows counted from the first data row.
    const changes = plan.sheets.find((s) => s.name === '修改记录');
    if (changes) expect(changes.cells.some((c) => /^[A-Z]+[67]$/.test(String(c.v)))).toBe(true);
  });

  test('a learned sub-label made unique by its group is printed bare under the group', () => {
    const cols = [
      { label: '文本', group: '数据量' },
      { label: '样本数文本', group: '样本数' },
      { label: '数据规模（GB）', group: '数据规模' },
    ];
    expect(cols.map((c) => subLabel(cols, c))).toEqual(['文本', '文本', '数据规模（GB）']);
  });
});

test("上海's working list draws a two-level header the same way, 序号 merged over both rows", () => {
  const raw = JSON.parse(JSON.stringify(getProfile('shanghai')!)) as Profile;
  raw.columns = raw.columns.map((c) =>
    c.label === '电话' || c.label === '邮箱' ? { ...c, group: '联系方式' } : c,
  );
  const p = parseProfile(raw);
  const list = planWorkbook(p, emptyMergeResult()).sheets[0];
  const tel = p.columns.findIndex((c) => c.label === '电话') + 1;
  const at = (r: number, c: number) => list.cells.find((x) => x.r === r && x.c === c)?.v;
  expect([at(2, 0), at(2, tel), at(3, tel), at(3, tel + 1)]).toEqual(['序号', '联系方式', '电话', '邮箱']);
  expect(list.merges).toContainEqual({ r1: 2, c1: 0, r2: 3, c2: 0 });
  expect(list.merges).toContainEqual({ r1: 2, c1: tel, r2: 2, c2: tel + 1 });
  expect(list.table).toMatchObject({ headerRow: 2, firstDataRow: 4 });
  expect(list.freeze).toEqual({ rows: 4, cols: 2 });
  expect(list.print?.titleRows).toEqual([2, 3]);
  expect(list.validations.every((v) => v.r1 === 4)).toBe(true);
});

describe('written to a file and read back', () => {
  let out: string;
  let received: string;
  beforeAll(async () => {
    received = path.join(dir, '收到.xlsx');
    // A received sheet in the learned format's own two-level layout, through our writer.
    const rows = [
      learned.columns.map((c) => c.label),
      [1, '客流数据集', '300万条', '2TB', '每日', '公交集团', '张三 13800000000'],
      [2, '影像数据集', '1.5万条', 512, '每月', '某医院', '李四 13900000000'],
    ];
    fs.writeFileSync(
      received,
      await writeWorkbook(planWorkbook(learned, mergeSheets(learned, [{ file: 'x', sheet: 's', rows }]))),
    );
    out = path.join(dir, '汇总.xlsx');
    const b = await run(['build', '--profile-file', learnedFile, '--out', out, received]);
    expect(b.out).toContain('错误 0 个');
    expect(b.code).toBe(0);
  });

  test('hqds check of our own two-level summary: header found on both rows, every column mapped, clean', async () => {
    const r = await run(['check', '--profile-file', learnedFile, '--json', out]);
    const j = JSON.parse(r.out);
    expect(r.code).toBe(0);
    const summary = j.inputs.find((i: { sheet: string }) => i.sheet === learned.sheet.sheetName);
    // 1-based: 附件 and title on rows 1–2, the header on rows 3–4.
    expect(summary.headerRow).toBe(3);
    expect(summary.mapping.map((m: { target: string | null }) => m.target)).toEqual(
      learned.columns.map((c) => c.label),
    );
    const codes = j.issues.map((i: { code: string }) => i.code);
    expect(codes).not.toContain('unmapped-column');
    expect(codes).not.toContain('missing-column');
    expect(j.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    // Two datasets: the header's lower row is no entry.
    expect(j.rowsChecked).toBe(2);
  });

  test('hqds build from that summary into the same format round-trips the values', async () => {
    const again = path.join(dir, '再汇总.xlsx');
    expect((await run(['build', '--profile-file', learnedFile, '--out', again, out])).code).toBe(0);
    const sheetOf = async (f: string) =>
      (await readFile(f, new Uint8Array(fs.readFileSync(f)))).sheets
        .slice(0, 1)
        .map((s) => ({ file: f, sheet: s.name, rows: s.rows }));
    const first = mergeSheets(learned, await sheetOf(out));
    const second = mergeSheets(learned, await sheetOf(again));
    expect(second.entries.map((e) => e.entry.cells)).toEqual(first.entries.map((e) => e.entry.cells));
    expect(first.entries.map((e) => e.entry.cells.slice(1, 4))).toEqual([
      ['客流数据集', '3000000条', 2048],
      ['影像数据集', '15000条', 512],
    ]);
  });

  needs(SOFFICE, 'LibreOffice')('LibreOffice reads both header rows and the values below them', () => {
    const csv = convert(out, 'csv:Text - txt - csv (StarCalc):44,34,76,1', dir);
    const rows = parseDelimited(fs.readFileSync(csv, 'utf8').replace(/^\ufeff/, ''), ',');
    expect(rows[2].slice(0, 7)).toEqual([
      '序号',
      '数据集名称',
      '数据规模',
      '',
      '更新频率',
      '申报单位',
      '联系人及联系方式',
    ]);
    expect(rows[3].slice(0, 7)).toEqual(['', '', '结构化（条）', '非结构化（GB）', '', '', '']);
    expect(rows[4].slice(0, 4)).toEqual(['1', '客流数据集', '3000000条', '2048']);
  });

  needs(SOFFICE && PDFTOPPM, 'LibreOffice and pdftoppm')(
    'the printed page: A4 landscape, kept as a PNG in test-output/',
    () => {
      const pdf = convert(out, 'pdf', dir);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
      const shots = path.resolve(__dirname, '..', 'test-output');
      fs.mkdirSync(shots, { recursive: true });
      execFileSync(PDFTOPPM!, [
        '-r',
        '80',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        path.join(shots, '两层表头汇总'),
      ]);
      expect(fs.readdirSync(shots).some((f) => f.startsWith('两层表头汇总') && f.endsWith('.png'))).toBe(
        true,
      );
    },
  );
});

/** A sub-label under two groups: learn names the second by group and sub-label (「样本数文本」). */
function repeatedSubLabels(): Profile {
  const raw = JSON.parse(JSON.stringify(learned)) as Profile;
  raw.id = 'repeat';
  const text = (key: string, label: string, group: string) => ({ ...raw.columns[4], key, label, group });
  raw.columns = [
    raw.columns[0],
    raw.columns[1],
    text('t1', '文本', '数据量'),
    text('i1', '图像', '数据量'),
    text('t2', '样本数文本', '样本数'),
    text('i2', '样本数图像', '样本数'),
    ...raw.columns.slice(5),
  ];
  // The learned pair's 至少填一项 names the scale columns replaced above.
  raw.requireOneOf = [];
  return parseProfile(raw);
}

describe('a sub-label repeated under two groups', () => {
  test('printed bare under each group, read back into its own column', async () => {
    const p = repeatedSubLabels();
    const values = [1, '某数据集', 'a', 'b', 'c', 'd', '某单位', '张三 13800000000'];
    const plan = planWorkbook(
      p,
      mergeSheets(p, [{ file: 'x', sheet: 's', rows: [p.columns.map((c) => c.label), values] }]),
    );
    const lower = plan.sheets[0].cells.filter((c) => c.r === 3 && c.c >= 2 && c.c <= 5).map((c) => c.v);
    expect(lower).toEqual(['文本', '图像', '文本', '图像']);
    const file = (await readFile('r.xlsx', new Uint8Array(await writeWorkbook(plan)))).sheets[0];
    const back = mergeSheets(p, [{ file: 'r.xlsx', sheet: file.name, rows: file.rows }]);
    expect(back.entries.map((e) => e.entry.cells.slice(2, 6))).toEqual([['a', 'b', 'c', 'd']]);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('hqds learn on our own blank two-level template gives back the same format', () => {
  const shape = (p: Profile) =>
    p.columns.map((c) => ({
      group: c.group,
      label: c.label,
      vocab: c.vocab ? p.vocabularies[c.vocab].items.map((i) => i.label) : undefined,
      multi: c.multi,
    }));
  test.each([
    ['learned from a template', () => learned],
    ['青海 with two groups', () => qh2],
    ['a sub-label under two groups', repeatedSubLabels],
  ])('%s', async (_, p) => {
    const blank = new Uint8Array(
      await writeWorkbook(planWorkbook(p(), emptyMergeResult(), { annotate: false })),
    );
    const back = learnTemplate(await readTemplate('blank.xlsx', blank), { id: 'back' }).profile;
    expect(shape(back)).toEqual(shape(p()));
    expect(back.sheet.footnote).toBe(p().sheet.footnote);
  });
});

describe('in the add-in (fake Excel)', () => {
  async function built(n: number) {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(qh2, settingsToPlan({ ...DEFAULT_PANE_SETTINGS, profileId: 'qinghai' }));
    const s = fake.sheet('汇总表');
    for (let i = 0; i < n; i++) good(i).forEach((v, c) => fake.assign(s.ensure(5 + i, c), v));
    return { fake, wb, s };
  }

  test('新建汇总表 draws both header rows: merges, frozen rows, print titles, dropdowns from the first data row', async () => {
    const { fake, s } = await built(0);
    expect(fake.display('汇总表', 3, 2)).toBe('数据集属性');
    expect(fake.display('汇总表', 4, 3)).toBe('数据集模态');
    expect(s.merges).toContainEqual({ r1: 3, c1: 2, r2: 3, c2: 3 });
    expect(s.merges).toContainEqual({ r1: 3, c1: 0, r2: 4, c2: 0 });
    expect(s.frozenRows).toBe(5);
    expect(s.page.printTitleRows).toBe('$4:$5');
    expect(s.validations.map((v) => [v.c1, v.r1])).toEqual([
      [2, 5],
      [3, 5],
    ]);
    expect(s.cell(4, 3)!.font).toMatchObject({ bold: true });
  });

  test('live checking right after the build: an edit in the first data row is rechecked, the sub-header row is not data', async () => {
    const { fake, wb, s } = await built(0);
    const heard: number[][] = [];
    wb.onRecheck((r) => heard.push(r.rows));
    await fake.userEdit('汇总表', 5, 2, [['火星']]);
    expect(heard).toEqual([[5, 5]]);
    expect(s.cell(5, 2)!.fill).toBe('#FFC7CE');
    await fake.userEdit('汇总表', 4, 2, [['行业领域']]); // the header's lower row: no data to check
    expect(heard).toEqual([[5, 5]]);
  });

  test('a full check finds the table below both rows; fixes and rebuild keep to it', async () => {
    const { fake, wb, s } = await built(3);
    fake.assign(s.ensure(5, 4), '2TB');
    const r = await wb.checkSheet('汇总表', qh2, 1024);
    expect(r).toMatchObject({ headerRow: 3, firstDataRow: 5, rows: 3 });
    expect(r.issues.filter((i) => i.code === 'missing-column' || i.code === 'unmapped-column')).toEqual([]);
    const conv = r.issues.find((i) => i.code === 'quantity-converted')!;
    expect(conv.address).toBe('E6');
    await wb.watch('汇总表');
    await fake.userEdit('汇总表', 5, 2, [['火星']]);
    expect(s.cell(5, 2)!.fill).toBe('#FFC7CE');
    await wb.applyFixes([conv]);
    expect(s.cell(5, 4)!.value).toBe(2048);
    expect(fake.display('汇总表', 4, 3)).toBe('数据集模态'); // the header untouched
    const inputs = await wb.readSheets(['汇总表']);
    const { merged } = await wb.rebuild(qh2, settingsToPlan(DEFAULT_PANE_SETTINGS), inputs);
    expect(merged.entries.map((e) => e.entry.cells[1])).toEqual(['数据集0', '数据集1', '数据集2']);
    expect(fake.display('汇总表', 5, 1)).toBe('数据集0');
    expect(fake.display('汇总表', 4, 2)).toBe('行业领域');
  });

  test('a sub-column whose header gives another unit: the column is converted and its label, in the lower row, renamed', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    await wb.createSummary(learned, settingsToPlan(DEFAULT_PANE_SETTINGS));
    const s = fake.sheet('汇总表');
    // 附件 and title, then the header on rows 3–4 (indexes 2, 3), data from index 4.
    fake.assign(s.ensure(3, 3), '非结构化（TB）');
    const rows = [
      [1, '客流数据集', '300万条', 2, '每日', '公交集团', '张三 13800000000'],
      [2, '影像数据集', '1.5万条', 0.5, '每月', '某医院', '李四 13900000000'],
    ];
    rows.forEach((row, i) => row.forEach((v, c) => fake.assign(s.ensure(4 + i, c), v)));
    const r = await wb.checkSheet('汇总表', learned, 1024);
    expect(r).toMatchObject({ headerRow: 2, firstDataRow: 4, rows: 2 });
    const conv = r.issues.filter((i) => i.code === 'quantity-converted' && i.sheetCol === 3);
    expect(conv.map((i) => i.address)).toEqual(['D5', 'D6']);
    await wb.applyFixes(conv.slice(0, 1));
    expect([s.cell(4, 3)!.value, s.cell(5, 3)!.value]).toEqual([2048, 512]);
    expect(fake.display('汇总表', 3, 3)).toBe('非结构化（GB）');
    expect(fake.display('汇总表', 2, 2)).toBe('数据规模');
  });
});
