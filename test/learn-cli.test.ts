/**
 * hqds learn, then the profile file used like a built-in format: profiles, check and build
 * --profile-file (issue 13). In process, through the same main() as the command.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { learnTemplate } from '../src/core/learn';
import { readTemplate } from '../src/io/template';
import { run } from './helpers/cli';
import { validCode } from './helpers/credit';
import { tmpDir } from './helpers/messy';
import { BEIJING_DOMAINS, BEIJING_LINE, beijingTemplate } from './helpers/templates';

let dir: string;
let template: string;
let profileFile: string;
beforeAll(async () => {
  dir = tmpDir('hqds-learn-');
  template = path.join(dir, '附件2 汇总表.xlsx');
  fs.writeFileSync(template, await beijingTemplate());
  profileFile = path.join(dir, 'beijing.json');
});

test('learn writes the profile and prints what it inferred and what it could not', async () => {
  const r = await run([
    'learn',
    template,
    '--out',
    profileFile,
    '--id',
    'beijing',
    '--name',
    '北京市行业高质量数据集',
  ]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('已学得格式「北京市行业高质量数据集」（ID beijing）');
  expect(r.out).toContain('所属领域　单选：工业制造、现代农业');
  expect(r.out).toContain('数据量（TB）　数据量（大小，TB）');
  expect(r.out).toMatch(/推断（请核对）：[\s\S]*隐藏工作表「选项」/);
  expect(r.out).toMatch(/未能从模板得知（请补充或确认）：[\s\S]*没有标明必填项/);
  const saved = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  expect(saved).toMatchObject({
    id: 'beijing',
    name: '北京市行业高质量数据集',
    sheet: { linesAbove: [[BEIJING_LINE]] },
  });
});

test('profiles --json --profile-file lists it beside the built-ins, in the same shape', async () => {
  const r = await run(['profiles', '--json', '--profile-file', profileFile]);
  expect(r.code).toBe(0);
  const list = JSON.parse(r.out);
  expect(list.map((p: { id: string }) => p.id)).toEqual([
    'qinghai',
    'wuhan',
    'shanxi',
    'shanghai',
    'beijing',
  ]);
  expect(Object.keys(list[4]).sort()).toEqual(Object.keys(list[0]).sort());
  expect(list[4].vocabularies.domain).toEqual(BEIJING_DOMAINS);
  expect(list[4].columns[5]).toBe('数据量（TB）');
});

test('check and build --profile-file work as with a built-in format; the built summary learns back to the same format', async () => {
  const received = path.join(dir, '收到.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([
    '序号',
    '数据集名称',
    '领域',
    '申报类型',
    '模态',
    '数据量',
    '更新频率',
    '数据来源',
    '申报单位',
    '统一社会信用代码',
    '联系人',
    '电话',
    '备注',
  ]);
  ws.addRow([
    1,
    '门诊病历数据集',
    '医疗',
    '新建',
    '文本',
    '2048GB',
    '每月',
    'HIS',
    '某医院',
    validCode('91110108MA01ABCD0'),
    '张三',
    '13800000000',
    '=1+1',
  ]);
  ws.addRow([
    2,
    '公交客流数据集',
    '交通运输',
    '存量提升',
    '视频',
    '3TB',
    '实时',
    '公交卡',
    '公交集团',
    validCode('91110000MA01XYTW1'),
    '李四',
    '13900000000',
    '',
  ]);
  await wb.xlsx.writeFile(received);
  const check = await run(['check', '--profile-file', profileFile, '--json', received]);
  const checked = JSON.parse(check.out);
  expect(checked.issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
  expect(check.code).toBe(0);
  expect(checked.profile).toBe('beijing');
  const out = path.join(dir, '汇总表.xlsx');
  const build = await run(['build', '--profile-file', profileFile, '--out', out, received]);
  expect(build.code).toBe(0);
  expect(build.out).toContain('2 条');
  const again = learnTemplate(await readTemplate('汇总表.xlsx', new Uint8Array(fs.readFileSync(out))), {
    id: 'beijing',
  });
  const saved = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  expect(again.profile.columns.map((c) => c.label)).toEqual(
    saved.columns.map((c: { label: string }) => c.label),
  );
  expect(again.profile.sheet.linesAbove).toEqual(saved.sheet.linesAbove);
  expect(again.profile.vocabularies.domain.items.map((i) => i.label)).toEqual(BEIJING_DOMAINS);
});

test('misuse and unreadable templates exit 2 with a Chinese message; an existing profile is backed up', async () => {
  expect((await run(['learn', template])).err).toContain('--out');
  expect((await run(['learn', template, '--out', path.join(dir, 'x.json'), '--id', 'Bad Id'])).code).toBe(2);
  const taken = await run(['learn', template, '--out', path.join(dir, 'x.json'), '--id', 'qinghai']);
  expect(taken.code).toBe(2);
  expect(taken.err).toContain('是内置格式的 ID');
  const missing = await run(['learn', path.join(dir, '没有.xlsx'), '--out', path.join(dir, 'y.json')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('文件不存在');
  const junk = path.join(dir, 'junk.xlsx');
  fs.writeFileSync(junk, 'not a workbook');
  expect((await run(['learn', junk, '--out', path.join(dir, 'z.json')])).code).toBe(2);
  expect(fs.existsSync(path.join(dir, 'z.json'))).toBe(false);
  const second = await run(['learn', template, '--out', profileFile, '--id', 'beijing']);
  expect(second.code).toBe(0);
  expect(second.err).toContain('已备份为');
  expect(fs.readdirSync(dir).some((f) => /^beijing\.备份-\d+\.json$/.test(f))).toBe(true);
  const nowhere = await run(['learn', template, '--out', path.join(dir, '没有的文件夹', 'x.json')]);
  expect(nowhere.code).toBe(2);
  expect(nowhere.err).toContain('所在文件夹不存在');
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{"id":"x"}');
  const r = await run(['profiles', '--json', '--profile-file', bad]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('格式文件');
});

test('.xls: learnt without dropdowns, and it says so', async () => {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['附件2'],
      ['某省行业高质量数据集汇总表'],
      ['序号', '数据集名称', '行业领域', '数据集数据量（GB）', '申报单位名称'],
    ]),
    '汇总表',
  );
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer;
  const r = learnTemplate(await readTemplate('old.xls', new Uint8Array(bytes)));
  expect(r.profile.columns.map((c) => c.key)).toEqual(['seq', 'name', 'domain', 'scale', 'applicant']);
  expect(r.missing.join('\n')).toContain('.xls（旧版 Excel）文件的下拉列表');
  expect(r.missing.join('\n')).toContain('「行业领域」通常有固定选项');
});

describe('a template gets the same zip limits as any received file', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hostile = require('../bench/hostile-files');
  test.each(['bomb.xlsx', 'bomb.docx'])('%s: refused before anything is inflated', async (name) => {
    const { readTemplate } = await import('../src/io/template');
    const bytes: Uint8Array = await hostile.zipBomb(0.5);
    await expect(readTemplate(name, bytes)).rejects.toThrow(/压缩炸弹|超过上限/);
  });
});
