/**
 * 上海's 项目基本信息情况表 is drawn from shanghai.json's projectForm by one generic function: the
 * sheets must equal, cell for cell, what the hand-written layout drew before (the fixture was written
 * by that code from this same input).
 */
import * as fs from 'fs';
import * as path from 'path';
import { mergeSheets } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { parseProfile } from '../src/core/profile';
import { getProfile } from '../src/core/profiles';
import shanghaiJson from '../src/core/profiles/shanghai.json';

const sh = getProfile('shanghai')!;

function input() {
  const header = sh.columns.map((c) => c.label);
  const base = [
    '数据平台建设项目',
    '上海甲公司',
    '方向2',
    '2025年12月至2027年11月',
    500,
    120,
    '赵六',
    '总监',
    '13912345678',
    'zhao@sh.cn',
    '某路1号',
    '浦东新区',
    '钱七',
    '91310115MA1K4XXX10',
    '民营企业',
    1000,
    45.2,
    800,
    10,
    1200,
    40,
    900,
    11,
    1500,
    38,
    1100,
    12,
  ];
  const other = [...base];
  other[0] = '工具链项目';
  other[2] = '方向1';
  other[14] = '其他（社会团体）';
  other[16] = '35%';
  const blank = header.map(() => '');
  blank[0] = '空白项目';
  blank[1] = '上海乙公司';
  return { file: 'sh.xlsx', sheet: '清单', rows: [header, base, other, blank] };
}

describe('上海 project form', () => {
  it('draws the same cells, merges, widths and names as the hand-written layout did', () => {
    const plan = planWorkbook(sh, mergeSheets(sh, [input()]), { date: null });
    const projects = plan.sheets.filter((s) => s.role === 'project');
    const fixture = path.join(__dirname, 'fixtures', 'shanghai-project-sheets.json');
    expect(JSON.parse(JSON.stringify(projects))).toEqual(JSON.parse(fs.readFileSync(fixture, 'utf8')));
  });

  it('ticks the chosen direction and writes out an other-option', () => {
    const plan = planWorkbook(sh, mergeSheets(sh, [input()]), { date: null });
    const second = plan.sheets.filter((s) => s.role === 'project')[1];
    const texts = second.cells.map((c) => c.v).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('☑方向1：行业领域高质量数据集建设  □方向2：高质量数据集工具链平台建设');
    expect(texts.find((t) => t.includes('国有企业'))).toMatch(/☑其他（社会团体）$/);
  });

  it('keeps 上海 out of plan.ts: no keys, labels or years of the form in the code', () => {
    const code = fs.readFileSync(path.join(__dirname, '..', 'src', 'core', 'plan.ts'), 'utf8');
    for (const word of [
      'projectName',
      'jobTitle',
      'assets',
      '2022',
      '2024',
      '项目联系人',
      '单位性质',
      'direction',
    ]) {
      expect(code).not.toContain(word);
    }
  });

  it('refuses a project profile without its form, or a form naming a column or vocabulary that does not exist', () => {
    const { projectForm, ...withoutForm } = shanghaiJson;
    expect(() => parseProfile(withoutForm)).toThrow('layout 为 project 时须有 projectForm');
    const badKey = { ...shanghaiJson, projectForm: { ...projectForm, nameKey: 'nope' } };
    expect(() => parseProfile(badKey)).toThrow('projectForm 引用了不存在的列 nope');
    const badYear = structuredClone(shanghaiJson);
    (badYear.projectForm.rows.at(-1) as { years: string[] }).years.push('2025');
    expect(() => parseProfile(badYear)).toThrow('projectForm 引用了不存在的列 assets2025');
    const badTicks = structuredClone(shanghaiJson);
    (badTicks.projectForm.rows[2] as { ticks: string }).ticks = 'colours';
    expect(() => parseProfile(badTicks)).toThrow('不存在的词表 colours');
  });
});
