/**
 * 「新格式」 from the current workbook (issue 13, item 3): the clerk who opened the notice's blank
 * template in Excel gets the same draft as hqds learn gives for that file: title, lines above,
 * header, footnote, dropdown lists (inline, on a hidden sheet, through a defined name), multi-choice,
 * widths, fonts and page setup; in at most 3 requests whatever the sheet's size.
 */
import { learnTemplate, locateTemplateHeader, type LearnResult } from '../src/core/learn';
import { emptyMergeResult, mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';
import { OfficeWorkbook, TEMPLATE_ROWS } from '../src/excel/adapter';
import { FakeWorkbook } from '../src/excel/fake';
import { readTemplate } from '../src/io/template';
import { writeWorkbook } from '../src/io/xlsx-writer';
import { openInExcel } from './helpers/excel-template';
import { shanghaiProjectRow } from './helpers/messy';
import { beijingTemplate, hiddenListsTemplate, twoLevelTemplate, BEIJING_DOMAINS } from './helpers/templates';

/** The blank summary as hqds build writes it (as test/learn-roundtrip.test.ts makes it). */
const blankTemplate = async (p: Profile) =>
  new Uint8Array(await writeWorkbook(planWorkbook(p, emptyMergeResult(), { annotate: false })));

/** Excel always has an orientation: a file without page setup opens as portrait, as one that says
 *  only portrait. Both notes end the same way (A4 landscape, one page wide), so they compare equal. */
const samePage = (lines: string[]) =>
  lines.map((l) =>
    /页面设置.*汇总表按 A4 横向、一页宽打印/.test(l) ? '（页面设置：按 A4 横向、一页宽）' : l,
  );

/** A profile without the line naming its source (the file's name or the workbook's). */
const comparable = (p: Profile) => ({ ...p, source: '' });

async function learnInExcel(fake: FakeWorkbook, sheet: string): Promise<LearnResult & { syncs: number }> {
  const wb = new OfficeWorkbook(fake.run, fake.requirements);
  const doc = await wb.readTemplate(sheet, locateTemplateHeader);
  return { ...learnTemplate(doc, { id: 'learned' }), syncs: wb.syncs };
}

describe.each(['qinghai', 'wuhan', 'shanxi', 'shanghai'])(
  '%s: the blank summary written by the pane, learnt from the workbook = learnt from the file',
  (id) => {
    const built = getProfile(id)!;
    const plan = planWorkbook(built, emptyMergeResult(), { annotate: false });
    const main = plan.sheets.find((s) => s.role === 'summary' || s.role === 'working-list')!;
    let fromFile: LearnResult;
    let inExcel: LearnResult & { syncs: number };
    beforeAll(async () => {
      fromFile = learnTemplate(await readTemplate(`${id}.xlsx`, await blankTemplate(built)), {
        id: 'learned',
      });
      const fake = new FakeWorkbook();
      fake.addSheet('Sheet1');
      fake.fileName = `${id}.xlsx`;
      await new OfficeWorkbook(fake.run, fake.requirements).writePlan(plan);
      inExcel = await learnInExcel(fake, main.name);
    });
    test('the same profile: title, lines above, columns, vocabularies, footnote, widths, fonts, page', () => {
      expect(comparable(inExcel.profile)).toEqual(comparable(fromFile.profile));
    });
    test('dropdown lists were read, not guessed from the column names', () => {
      for (const c of built.columns.filter((x) => x.type === 'vocab'))
        expect(inExcel.inferred.join('\n')).toContain(`「${c.label}」的选项来自下拉列表`);
    });
    test('what the file could not show, the workbook could not either; nothing more is missing', () => {
      expect(inExcel.missing).toEqual(fromFile.missing);
    });
    test('at most 3 requests', () => expect(inExcel.syncs).toBeLessThanOrEqual(3));
  },
);

describe.each([
  ['北京 (16 domains on a hidden sheet)', '北京.xlsx', beijingTemplate],
  [
    '东莞 (x14 lists on a hidden sheet, a defined name, an inline list without error alert)',
    '东莞.xlsx',
    hiddenListsTemplate,
  ],
  ['a two-level header', 'two.xlsx', twoLevelTemplate],
])('%s: opened in Excel and learnt from the workbook = learnt from the file', (_, file, make) => {
  let fromFile: LearnResult;
  let inExcel: LearnResult;
  beforeAll(async () => {
    const doc = await readTemplate(file, new Uint8Array(await make()));
    fromFile = learnTemplate(doc, { id: 'learned' });
    const main = doc.sheets.find((s) => !s.hidden)!.name;
    inExcel = await learnInExcel(openInExcel(doc), main);
  });
  test('the same profile', () => {
    expect(comparable(inExcel.profile)).toEqual(comparable(fromFile.profile));
  });
  test('the same review notes', () => {
    expect(inExcel.inferred.filter((l) => !/按表头选用了工作表/.test(l))).toEqual(
      fromFile.inferred.filter((l) => !/按表头选用了工作表/.test(l)),
    );
    expect(samePage(inExcel.missing)).toEqual(samePage(fromFile.missing));
  });
});

/** A small template typed into Excel by hand: a title, a header, one blank row, lists set in cells. */
function handMade(api = '1.18'): FakeWorkbook {
  const fake = new FakeWorkbook(api);
  fake.load('模板', [
    ['某市行业高质量数据集汇总表'],
    ['序号', '数据集名称', '所属领域', '数据集模态', '申报方向', '数据量（GB）'],
  ]);
  const lists = fake.load(
    '选项',
    BEIJING_DOMAINS.map((d) => [d]),
  );
  lists.visibility = 'Hidden';
  fake.names.set('方向', '=选项!$C$1:$C$3');
  fake.load('选项', [['建设应用'], ['模型验证'], ['流通交易']], { r: 0, c: 2 });
  const s = fake.sheet('模板');
  const stop = { showAlert: true, style: 'Stop' as const, title: '', message: '' };
  s.validations.push(
    {
      r1: 2,
      c1: 2,
      r2: 200,
      c2: 2,
      rule: { list: { inCellDropDown: true, source: '=选项!$A$1:$A$16' } },
      errorAlert: stop,
    },
    {
      r1: 2,
      c1: 3,
      r2: 200,
      c2: 3,
      rule: { list: { inCellDropDown: true, source: '文本,图像,音频,视频' } },
      errorAlert: { ...stop, showAlert: false },
    },
    {
      r1: 2,
      c1: 4,
      r2: 200,
      c2: 4,
      rule: { list: { inCellDropDown: true, source: '=方向' } },
      errorAlert: stop,
    },
  );
  return fake;
}

describe('lists as Excel holds them', () => {
  let r: LearnResult & { syncs: number };
  beforeAll(async () => (r = await learnInExcel(handMade(), '模板')));
  test('a range on a hidden sheet: its 16 options, said to come from the hidden sheet', () => {
    const v = r.profile.vocabularies[r.profile.columns.find((c) => c.label === '所属领域')!.vocab!];
    expect(v.items.map((i) => i.label)).toEqual(BEIJING_DOMAINS);
    expect(r.inferred.join('\n')).toContain('列表在隐藏工作表「选项」');
  });
  test('a defined name: the options of the range it names', () => {
    const v = r.profile.vocabularies[r.profile.columns.find((c) => c.label === '申报方向')!.vocab!];
    expect(v.items.map((i) => i.label)).toEqual(['建设应用', '模型验证', '流通交易']);
  });
  test('a text-length rule gives the word limit, and its input message the hint', async () => {
    const fake = handMade();
    fake.sheet('模板').validations.push({
      r1: 2,
      c1: 1,
      r2: 200,
      c2: 1,
      rule: { textLength: { formula1: 50, operator: 'LessThanOrEqualTo' } },
      prompt: { showPrompt: true, title: '数据集名称', message: '请填写数据集全称，不超过50字' },
    });
    const t = await learnInExcel(fake, '模板');
    const col = t.profile.columns.find((c) => c.label === '数据集名称')!;
    expect(col.maxChars).toBe(50);
    expect(col.hint).toBe('请填写数据集全称，不超过50字');
  });
  test('a list that starts on the second data row (the first an example) is read, as from the file', async () => {
    const fake = handMade();
    const s = fake.sheet('模板');
    s.validations.splice(0, 1, { ...s.validations[0], r1: 3 });
    const t = await learnInExcel(fake, '模板');
    const v = t.profile.vocabularies[t.profile.columns.find((c) => c.label === '所属领域')!.vocab!];
    expect(v.items.map((i) => i.label)).toEqual(BEIJING_DOMAINS);
    expect(t.syncs).toBeLessThanOrEqual(3);
  });
  test("a name scoped to the template's sheet wins over the workbook's of the same name, as in Excel", async () => {
    const fake = handMade();
    fake.sheet('模板').names.set('方向', '=选项!$C$1:$C$2');
    const scoped = await learnInExcel(fake, '模板');
    const v = scoped.profile.vocabularies[scoped.profile.columns.find((c) => c.label === '申报方向')!.vocab!];
    expect(v.items.map((i) => i.label)).toEqual(['建设应用', '模型验证']);
  });
  test('an inline list: with an error alert single-choice, without one multi-choice (to confirm)', () => {
    const col = (l: string) => r.profile.columns.find((c) => c.label === l)!;
    expect(col('所属领域').multi).toBe(false);
    expect(col('数据集模态').multi).toBe(true);
    expect(r.profile.vocabularies[col('数据集模态').vocab!].items.map((i) => i.label)).toEqual([
      '文本',
      '图像',
      '音频',
      '视频',
    ]);
    expect(r.inferred.join('\n')).toMatch(/「数据集模态」的选项来自下拉列表，未设出错警告.*按可多选处理/);
  });
  test('a sheet chosen by the clerk is the one learnt, even beside a sheet with a better header', async () => {
    const fake = handMade();
    fake.load('另一张', [
      [
        '序号',
        '数据集名称',
        '所属领域',
        '数据集模态',
        '申报方向',
        '数据量（GB）',
        '申报单位',
        '联系人及联系方式',
      ],
    ]);
    const again = await learnInExcel(fake, '模板');
    expect(again.profile.columns.map((c) => c.label)).toEqual(r.profile.columns.map((c) => c.label));
  });
});

describe('the sheet the clerk chose is the one learnt, in a workbook that holds other formats', () => {
  // A working workbook: the template beside 上海's working list and a 项目基本信息情况表 built earlier.
  let fake: FakeWorkbook;
  let project: string;
  beforeAll(async () => {
    fake = handMade();
    const sh = getProfile('shanghai')!;
    const header = sh.columns.map((c) => c.label);
    const merged = mergeSheets(sh, [{ file: 'a.xlsx', sheet: '清单', rows: [header, shanghaiProjectRow()] }]);
    const plan = planWorkbook(sh, merged, { annotate: false });
    await new OfficeWorkbook(fake.run, fake.requirements).writePlan(plan);
    project = plan.sheets.find((x) => x.role === 'project')!.name;
  });
  test('the table: its own columns, no project form taken from another sheet', async () => {
    const alone = await learnInExcel(handMade(), '模板');
    const r = await learnInExcel(fake, '模板');
    expect(r.profile.columns.map((c) => c.label)).toEqual(alone.profile.columns.map((c) => c.label));
    expect(r.profile.sheet.title).toBe('某市行业高质量数据集汇总表');
    expect(r.profile.projectForm).toBeUndefined();
  });
  test('the project form, when that is the sheet chosen', async () => {
    const r = await learnInExcel(fake, project);
    expect(r.profile.projectForm?.title).toBe(getProfile('shanghai')!.projectForm!.title);
  });
});

describe('what an older Excel cannot give is said, and the rest is read', () => {
  test('ExcelApi 1.9 (no merged areas): lists still read; the limit names what is missing', async () => {
    const fake = handMade('1.9');
    const doc = await new OfficeWorkbook(fake.run, fake.requirements).readTemplate(
      '模板',
      locateTemplateHeader,
    );
    expect(doc.limits?.join('\n')).toContain('读不出合并单元格');
    expect(doc.read).toContain('下拉列表');
    expect(doc.read).not.toContain('合并单元格');
    const r = learnTemplate(doc, { id: 'learned' });
    expect(r.missing.join('\n')).toContain('读不出合并单元格');
    expect(r.profile.columns.find((c) => c.label === '所属领域')!.type).toBe('vocab');
  });
  test('a current Excel: nothing is listed as unread', async () => {
    const fake = handMade();
    const doc = await new OfficeWorkbook(fake.run, fake.requirements).readTemplate(
      '模板',
      locateTemplateHeader,
    );
    expect(doc.limits).toBeUndefined();
    expect(doc.read).toEqual(['文字', '合并单元格', '下拉列表', '列宽', '字体', '页面设置']);
  });
  test('over 512 merged areas (a filled sheet): read again without them, said, 4 requests at most', async () => {
    const fake = handMade();
    const s = fake.sheet('模板');
    for (let r = 100; r < 400; r++)
      s.merges.push({ r1: r, c1: 6, r2: r, c2: 7 }, { r1: r, c1: 8, r2: r, c2: 9 });
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    const doc = await wb.readTemplate('模板', locateTemplateHeader);
    expect(doc.limits?.join('\n')).toContain('合并单元格太多');
    expect(doc.read).not.toContain('合并单元格');
    expect(doc.read).toContain('下拉列表');
    expect(wb.syncs).toBeLessThanOrEqual(4);
  });
  test('a sheet deleted meanwhile: a Chinese message, not an Office error', async () => {
    const fake = handMade();
    await expect(
      new OfficeWorkbook(fake.run, fake.requirements).readTemplate('没有这张', locateTemplateHeader),
    ).rejects.toThrow('找不到工作表「没有这张」');
  });
});

describe('sync budget: a 50-column, 2,000-row sheet', () => {
  test('at most 4 requests (3 here, a list past the first read included), each response under 5 MB', async () => {
    const fake = new FakeWorkbook();
    const header = [
      '序号',
      '数据集名称',
      '所属领域',
      ...Array.from({ length: 47 }, (_, i) => `字段${i + 1}`),
    ];
    const rows = Array.from({ length: 1999 }, (_, i) =>
      header.map((h, c) => (c === 0 ? i + 1 : `${h}-${i}`)),
    );
    fake.load('大表', [header, ...rows]);
    // A long list on a hidden sheet, past what the first read of that sheet takes.
    const lists = fake.load(
      '长列表',
      Array.from({ length: 1500 }, (_, i) => [`领域${i + 1}`]),
    );
    lists.visibility = 'Hidden';
    fake.load('说明', [['填表说明：所属领域见下拉列表。']]);
    fake.sheet('大表').validations.push({
      r1: 1,
      c1: 2,
      r2: 1999,
      c2: 2,
      rule: { list: { inCellDropDown: true, source: '=长列表!$A$1:$A$1500' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    });
    const wb = new OfficeWorkbook(fake.run, fake.requirements);
    const doc = await wb.readTemplate('大表', locateTemplateHeader);
    expect(wb.syncs).toBeLessThanOrEqual(4);
    expect(wb.syncs).toBe(3);
    expect(fake.largestResponse).toBeLessThan(5 * 1024 * 1024);
    expect(doc.limits?.join('\n')).toContain(`只读了前 ${TEMPLATE_ROWS} 行`);
    const r = learnTemplate(doc, { id: 'learned' });
    const v = r.profile.vocabularies[r.profile.columns.find((c) => c.label === '所属领域')!.vocab!];
    expect(v.items).toHaveLength(1500);
  });
});

describe('the fake reads data validation back as Excel does', () => {
  const read = async (fake: FakeWorkbook, address: string) => {
    let out: { type: string; rule?: Excel.DataValidationRule } = { type: '' };
    await fake.run({}, async (context) => {
      const dv = context.workbook.worksheets.getItemOrNullObject('模板').getRange(address).dataValidation;
      dv.load(['type', 'rule']);
      await context.sync();
      out = { type: dv.type, rule: dv.rule };
    });
    return out;
  };
  test('one rule over every cell: that rule; its inline source without quotes, a reference with =', async () => {
    const fake = handMade();
    expect(await read(fake, 'C3:C9')).toEqual({
      type: 'List',
      rule: { list: { inCellDropDown: true, source: '=选项!$A$1:$A$16' } },
    });
    expect((await read(fake, 'D3')).rule?.list?.source).toBe('文本,图像,音频,视频');
  });
  test('cells with different rules read Inconsistent; some with none MixedCriteria; none None', async () => {
    const fake = handMade();
    expect((await read(fake, 'C3:D3')).type).toBe('Inconsistent');
    expect((await read(fake, 'B3:C3')).type).toBe('MixedCriteria');
    expect((await read(fake, 'A3:B9')).type).toBe('None');
  });
  test('a rule the adapter wrote (新建汇总表) reads back through the same proxy after sync', async () => {
    const fake = new FakeWorkbook();
    fake.addSheet('Sheet1');
    const plan = planWorkbook(getProfile('qinghai')!, emptyMergeResult(), { annotate: false });
    await new OfficeWorkbook(fake.run, fake.requirements).writePlan(plan);
    const summary = plan.sheets.find((x) => x.role === 'summary')!;
    for (const v of summary.validations) {
      let got: { type: string; alert: Excel.DataValidationErrorAlert | null } | null = null;
      await fake.run({}, async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(summary.name);
        const dv = sheet.getRangeByIndexes(v.r1, v.c1, v.r2 - v.r1 + 1, 1).dataValidation;
        dv.load(['type', 'errorAlert']);
        await context.sync();
        got = { type: dv.type, alert: dv.errorAlert };
      });
      expect(got).toMatchObject({
        type: 'List',
        alert: { showAlert: true, style: v.strict ? 'Stop' : 'Warning' },
      });
    }
  });
  test('reading a rule that was not loaded throws, as Office.js does', async () => {
    const fake = handMade();
    await fake.run({}, async (context) => {
      const dv = context.workbook.worksheets.getItemOrNullObject('模板').getRange('C3').dataValidation;
      expect(() => dv.rule).toThrow(/PropertyNotLoaded/);
      await context.sync();
    });
  });
});
