/** Issue 7, hqds: safe output paths, strict usage, clear messages. Files are made here at test time. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from './helpers/cli';
import { tmpDir } from './helpers/messy';
import { backupExclusively, errnoMessage, writeAllOrNothing, OutputError } from '../src/cli/safe-write';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require('../bench/hostile-files');

const dir = tmpDir('hqds-integrity-');
const f = (n: string) => path.join(dir, n);
const QH = hostile.QH_HEADER as string[];
const csv = (rows: unknown[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

beforeAll(() => {
  fs.writeFileSync(f('data.csv'), csv([QH, hostile.qhRow(1), hostile.qhRow(2)]));
});

const build = (...extra: string[]) => run(['build', '--profile', 'qinghai', ...extra]);
const noTemps = (d = dir) => expect(fs.readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);

describe('--report, --out and --annotate are checked before anything is written', () => {
  test('--report naming the input is refused and the input is untouched', async () => {
    const before = fs.readFileSync(f('data.csv'));
    const r = await build('--out', f('o1.xlsx'), '--report', f('data.csv'), f('data.csv'));
    expect(r.code).toBe(2);
    expect(fs.readFileSync(f('data.csv'))).toEqual(before);
    expect(fs.existsSync(f('o1.xlsx'))).toBe(false);
  });
  test('--report naming a .json input by another spelling (a symbolic link) is refused', async () => {
    fs.writeFileSync(f('in.json.csv'), fs.readFileSync(f('data.csv')));
    fs.symlinkSync(f('in.json.csv'), f('link.json'));
    const r = await build('--out', f('o1b.xlsx'), '--report', f('link.json'), f('in.json.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('要读取的文件');
  });
  test('--report equal to OUT is refused', async () => {
    const r = await build('--out', f('same.xlsx'), '--report', f('same.xlsx'), f('data.csv'));
    expect(r.code).toBe(2);
    expect(fs.existsSync(f('same.xlsx'))).toBe(false);
  });
  test('--report in a folder that does not exist is refused before OUT is written', async () => {
    const r = await build('--out', f('o2.xlsx'), '--report', f('nowhere/r.json'), f('data.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件夹.*不存在/);
    expect(fs.existsSync(f('o2.xlsx'))).toBe(false);
  });
  test('OUT that is a folder is a usage error', async () => {
    fs.mkdirSync(f('outdir.xlsx'));
    const r = await build('--out', f('outdir.xlsx'), f('data.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/用法有误.*文件夹/);
  });
  test('OUT equal to an input is refused', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRows([QH, hostile.qhRow(1)]);
    await wb.xlsx.writeFile(f('in.xlsx'));
    const before = fs.readFileSync(f('in.xlsx'));
    const r = await build('--out', f('in.xlsx'), f('in.xlsx'));
    expect(r.code).toBe(2);
    expect(fs.readFileSync(f('in.xlsx'))).toEqual(before);
  });
  test('--annotate naming its input is refused', async () => {
    const r = await run(['check', '--profile', 'qinghai', '--annotate', f('in.xlsx'), f('in.xlsx')]);
    expect(r.code).toBe(2);
  });
});

describe('writing', () => {
  test('OUT and report are written together; an existing OUT is backed up', async () => {
    fs.writeFileSync(f('both.xlsx'), 'old summary');
    const r = await build('--out', f('both.xlsx'), '--report', f('both.json'), f('data.csv'));
    expect(r.code).toBe(0);
    const backups = fs.readdirSync(dir).filter((n) => n.startsWith('both.备份-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, backups[0]), 'utf8')).toBe('old summary');
    expect(JSON.parse(fs.readFileSync(f('both.json'), 'utf8')).rowsWritten).toBe(2);
    noTemps();
  });
  test('two backups in the same second never overwrite each other', () => {
    const d = tmpDir();
    const out = path.join(d, 'x.xlsx');
    const now = new Date(2025, 2, 31, 18, 30, 12);
    fs.writeFileSync(out, 'v1');
    const a = backupExclusively(out, now);
    fs.writeFileSync(out, 'v2');
    const b = backupExclusively(out, now);
    expect(a).not.toBe(b);
    expect(path.basename(a)).toBe('x.备份-20250331-183012.xlsx');
    expect(path.basename(b)).toBe('x.备份-20250331-183012-2.xlsx');
    expect([fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')]).toEqual(['v1', 'v2']);
  });
  test('if one output cannot be written, neither replaces anything and no temporary file is left', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'keep.xlsx'), 'keep');
    expect(() =>
      writeAllOrNothing([
        { file: path.join(d, 'keep.xlsx'), data: 'new', backup: true },
        { file: path.join(d, 'missing', 'r.json'), data: '{}', backup: false },
      ]),
    ).toThrow(OutputError);
    expect(fs.readFileSync(path.join(d, 'keep.xlsx'), 'utf8')).toBe('keep');
    expect(fs.readdirSync(d).sort()).toEqual(
      ['keep.xlsx', 'missing'].filter((n) => fs.existsSync(path.join(d, n))),
    );
    noTemps(d);
  });
  test('XML-forbidden characters are replaced with a recorded change; the workbook opens', async () => {
    fs.writeFileSync(f('ctl.csv'), csv([QH, hostile.qhRow(1, '牦牛\u0001数据\u000b集\ufffe')]));
    const r = await build('--out', f('ctl.xlsx'), '--report', f('ctl.json'), f('ctl.csv'));
    expect(r.code).toBe(0);
    const rep = JSON.parse(fs.readFileSync(f('ctl.json'), 'utf8'));
    expect(rep.changes).toContainEqual(
      expect.objectContaining({
        field: '数据集名称',
        from: '牦牛\u0001数据\u000b集\ufffe',
        to: '牦牛\ufffd数据\ufffd集\ufffd',
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('ctl.xlsx'));
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(f('ctl.xlsx')))
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    // eslint-disable-next-line no-control-regex -- the very characters XML forbids
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });
});

describe('messages, never stack traces', () => {
  test('a missing input', async () => {
    const r = await build('--out', f('m.xlsx'), f('nope.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.csv.*不存在/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
  test('a folder given as input', async () => {
    const r = await build('--out', f('m.xlsx'), dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('文件夹');
  });
  test('a symbolic-link loop', async () => {
    fs.symlinkSync(f('loop-b.csv'), f('loop-a.csv'));
    fs.symlinkSync(f('loop-a.csv'), f('loop-b.csv'));
    const r = await build('--out', f('m.xlsx'), f('loop-a.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('循环');
  });
  test('a zip bomb is named as such, and OUT is not created', async () => {
    fs.writeFileSync(f('bomb.xlsx'), await hostile.zipBomb(0.5, true));
    const r = await build('--out', f('bomb-out.xlsx'), f('bomb.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/压缩炸弹/);
    expect(fs.existsSync(f('bomb-out.xlsx'))).toBe(false);
  });
  test('a file with no table in it is exit 2 naming what was seen, not 0 rows and exit 0', async () => {
    fs.writeFileSync(f('letter.csv'), '关于征集数据集的通知\n各有关单位：\n');
    const r = await build('--out', f('letter.xlsx'), f('letter.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/letter\.csv.*第 1 行是「关于征集数据集的通知」/);
    expect(fs.existsSync(f('letter.xlsx'))).toBe(false);
  });
});

describe('usage', () => {
  test.each([
    [['--dryrun'], /没有「--dryrun」这个选项/],
    [['--Out', 'x.xlsx'], /是不是 --out/],
    [['--tb', '1024', '--tb', '1000'], /给了两次/],
    [['--date', '2024-02-30'], /不是实际存在的日期/],
    [['--date', 'tomorrow'], /YYYY-MM-DD/],
    [['--json'], /没有「--json」这个选项/],
    [['-o', 'x.xlsx'], /以 -- 开头/],
  ])('%j is an error and nothing is built', async (extra, msg) => {
    const out = f(`u-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await build('--out', out, ...extra, f('data.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg);
    expect(fs.existsSync(out)).toBe(false);
  });
  test('--date 2024-02-29 is written as that day', async () => {
    const r = await build('--out', f('d.xlsx'), '--date', '2024-02-29', f('data.csv'));
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('d.xlsx'));
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts.join(' ')).toContain('2024年2月29日');
    expect(texts.join(' ')).not.toContain('NaN');
  });
});

describe('check --annotate never crashes on a file check accepted', () => {
  test('a CSV saved under a .xlsx name: a fresh annotated copy from the cells as read', async () => {
    fs.writeFileSync(
      f('fake.xlsx'),
      csv([
        QH,
        hostile.qhRow(1, '牦牛数据集'),
        [...hostile.qhRow(2), ''].map((v, i) => (i === 2 ? '不存在的领域' : v)),
      ]),
    );
    const checked = await run(['check', '--profile', 'qinghai', f('fake.xlsx')]);
    expect(checked.code).toBe(1);
    const r = await run([
      'check',
      '--profile',
      'qinghai',
      '--annotate',
      f('fake-annotated.xlsx'),
      f('fake.xlsx'),
    ]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('fake-annotated.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['fake', '问题清单']);
    expect(wb.worksheets[0].getCell('C3').note).toBeTruthy();
  });
});

describe('a file with content but no table stops the build, even among good ones', () => {
  test('named on stderr, exit 2, OUT not written', async () => {
    fs.writeFileSync(f('notice.csv'), '关于征集的通知\n请各单位按时报送。\n');
    const r = await build('--out', f('mixed.xlsx'), f('data.csv'), f('notice.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/「notice\.csv」中没有读到表格/);
    expect(fs.existsSync(f('mixed.xlsx'))).toBe(false);
  });
});

describe('sheet names', () => {
  test('a 上海 project name ending in an apostrophe does not stop the build', async () => {
    const sh = (await import('../src/core/profiles')).getProfile('shanghai')!;
    const rows = [
      sh.columns.map((c) => c.label),
      sh.columns.map((c) => (c.key === 'projectName' ? "浦东新区数据港'" : '')),
    ];
    fs.writeFileSync(
      f('sh.csv'),
      rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n'),
    );
    const r = await run(['build', '--profile', 'shanghai', '--out', f('sh.xlsx'), f('sh.csv')]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f('sh.xlsx'));
    for (const w of wb.worksheets) expect(w.name.endsWith("'")).toBe(false);
  });
});

describe('file-system errors in words', () => {
  test.each([
    ['ENOENT', '不存在'],
    ['EACCES', '没有权限'],
    ['ENOSPC', '磁盘空间已满'],
    ['ELOOP', '循环'],
    ['EISDIR', '文件夹'],
    ['EBUSY', '占用'],
  ])('%s', (code, words) => {
    const e = Object.assign(new Error(`${code}: x`), { code });
    const msg = errnoMessage(e, '/data/汇总表.xlsx', '写出');
    expect(msg).toContain('「/data/汇总表.xlsx」');
    expect(msg).toContain(words);
    expect(msg).not.toContain(code);
  });
  test('an unexpected failure inside hqds is one line in Chinese, exit 2', async () => {
    const r = await run([
      'build',
      '--profile',
      'qinghai',
      '--out',
      f('w.xlsx'),
      '--report',
      '/dev/null/r.json',
      f('data.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('instruction sheets', () => {
  test('a 填表说明 sheet is skipped, listed with its reason on stderr and in the report', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRows([['填表说明'], ['1. 请按通知要求填写。']]);
    wb.addWorksheet('汇总').addRows([QH, hostile.qhRow(1)]);
    await wb.xlsx.writeFile(f('with-notes.xlsx'));
    const c = await run(['check', '--profile', 'qinghai', f('with-notes.xlsx')]);
    expect(c.err).toMatch(/with-notes\.xlsx「填表说明」：略过（找不到表头/);
    const b = await build('--out', f('wn.xlsx'), '--report', f('wn.json'), f('with-notes.xlsx'));
    expect(b.code).toBe(0);
    expect(b.err).toContain('略过 with-notes.xlsx「填表说明」');
    expect(JSON.parse(fs.readFileSync(f('wn.json'), 'utf8')).skipped).toEqual([
      expect.objectContaining({ sheet: '填表说明' }),
    ]);
  });
});
