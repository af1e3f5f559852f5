/** The direct SpreadsheetML writer: every part well-formed (xmllint), the workbook loads in openpyxl
 *  with what the plan asked for, and the edge cases a received sheet brings (formula-like text,
 *  control characters, thousands of notes, cells out of order) come out as data. */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { PassThrough } from 'stream';
import { writeWorkbook } from '../src/io/xlsx-writer';
import { xmlText } from '../src/io/xlsx-parts';
import { ZipWriter } from '../src/io/zip';
import { styles, DEFAULT_SETTINGS, type PlanCell, type WorkbookPlan } from '../src/core/plan';
import { qinghaiMessyXlsx, shanghaiProjectRow, shanghaiRowsXlsx, tmpDir } from './helpers/messy';
import { which } from './helpers/tools';
import { getProfile } from '../src/core/profiles';
import { noteText } from './helpers/exceljs-text';

const dir = tmpDir();
const quiet = () => new PassThrough();
const XMLLINT = which('xmllint');
const PYTHON = which('python3');
const OPENPYXL = !!PYTHON && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/** test, or test.skip with the reason printed; in CI (CI=true) a missing tool fails the run. */
function needs(ok: boolean, name: string, install: string): jest.It {
  if (ok) return test;
  if (process.env.CI === 'true') throw new Error(`CI 上缺少 ${name}：.ci/run 应该已安装它（${install}）。`);

  console.warn(`跳过需要 ${name} 的测试：本机没有安装（${install}）。`);
  return test.skip;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

const built = {
  qinghai: path.join(dir, '青海汇总.xlsx'),
  shanghai: path.join(dir, '上海汇总.xlsx'),
  edge: path.join(dir, 'edge.xlsx'),
};

/** A plan with the awkward cases: out of order and duplicated cells, characters XML cannot hold,
 *  a literal _x0041_, formula-like text, blanks at the ends, 1,500 notes, a sheet name with an apostrophe. */
function edgePlan(): WorkbookPlan {
  const cells: PlanCell[] = [];
  for (let r = 1500; r >= 1; r--)
    cells.push({ r, c: 1, v: `行${r}`, style: 'textWarning', note: `提示：第 ${r} 行\n请确认` });
  cells.push({ r: 0, c: 0, v: '=SUM(A1:A3)', style: 'text' });
  cells.push({ r: 0, c: 1, v: '+86 备用', style: 'text' });
  cells.push({ r: 0, c: 2, v: '-', style: 'text' });
  cells.push({ r: 0, c: 3, v: '@内部', style: 'text' });
  cells.push({ r: 0, c: 4, v: 'a\u0001b\u001fc', style: 'text' });
  cells.push({ r: 0, c: 5, v: '_x0041_ & <b> "q"', style: 'text' });
  cells.push({ r: 0, c: 6, v: '  两端空格  ', style: 'text' });
  cells.push({ r: 0, c: 7, v: 1536.25, style: 'number' });
  cells.push({ r: 0, c: 7, v: 2048, style: 'number' }); // a later write of the same cell wins
  cells.push({ r: 0, c: 8, v: null, style: 'text' });
  cells.push({ r: 0, c: 9, v: Number.NaN, style: 'number' });
  return {
    styles: styles(DEFAULT_SETTINGS),
    sheets: [
      {
        name: "张三's 表",
        role: 'summary',
        cells,
        merges: [{ r1: 1501, c1: 0, r2: 1501, c2: 3 }],
        colWidths: [10, 10, 20, 20],
        rowHeights: { 0: 30, 1600: 40 },
        validations: [
          {
            r1: 1,
            c1: 2,
            r2: 200,
            c2: 2,
            list: ['甲', '乙"丙'],
            strict: true,
            title: '一个很长很长很长很长很长很长很长很长很长很长很长很长的标题',
            prompt: '请选择',
          },
        ],
        freeze: { rows: 1, cols: 1 },
        print: { landscape: true, fitToWidth: true, titleRows: [0, 0] },
        textColumns: [0, 1],
      },
    ],
  };
}

beforeAll(async () => {
  await qinghaiMessyXlsx(path.join(dir, 'qh.xlsx'));
  await main(
    [
      'build',
      '--profile',
      'qinghai',
      '--recommender',
      '海西州数据局',
      '--out',
      built.qinghai,
      path.join(dir, 'qh.xlsx'),
    ],
    quiet(),
    quiet(),
  );
  const p = getProfile('shanghai')!;
  const row = shanghaiProjectRow();
  await shanghaiRowsXlsx(
    path.join(dir, 'sh.xlsx'),
    [row],
    p.columns.map((c) => c.label),
  );
  await main(
    ['build', '--profile', 'shanghai', '--out', built.shanghai, path.join(dir, 'sh.xlsx')],
    quiet(),
    quiet(),
  );
  fs.writeFileSync(built.edge, await writeWorkbook(edgePlan()));
});

needs(
  !!XMLLINT,
  'xmllint',
  'apt-get install libxml2-utils',
)('every XML part of every built workbook is well-formed (xmllint --noout)', async () => {
  for (const file of Object.values(built)) {
    const all = await parts(file);
    expect([...all.keys()]).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    for (const [name, text] of all) {
      const r = spawnSync(XMLLINT!, ['--noout', '-'], { input: text, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${path.basename(file)} ${name}: ${r.stderr}`);
    }
  }
});

needs(
  OPENPYXL,
  'openpyxl',
  'pip install openpyxl',
)('openpyxl loads each workbook and finds what the plan asked for', () => {
  const script = `
import json, sys, warnings
warnings.simplefilter("error")
import openpyxl
out = {}
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f)
    sheets = []
    for ws in wb.worksheets:
        notes = [c.coordinate for row in ws.iter_rows() for c in row if c.comment]
        sheets.append({"name": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes, "titles": ws.print_title_rows,
            "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize, "fitW": ws.page_setup.fitToWidth,
            "fitH": ws.page_setup.fitToHeight, "fit": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "merges": sorted(str(m) for m in ws.merged_cells.ranges), "notes": len(notes), "firstNote": notes[0] if notes else None,
            "dv": [[d.type, d.errorStyle, str(d.sqref), d.formula1] for d in ws.data_validations.dataValidation],
            "A1": ws["A1"].value, "types": [ws.cell(1, c).data_type for c in range(1, 11)], "values": [ws.cell(1, c).value for c in range(1, 11)]})
    out[f] = sheets
print(json.dumps(out, ensure_ascii=False))
`;
  const r = spawnSync(PYTHON!, ['-c', script, built.qinghai, built.shanghai, built.edge], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const got = JSON.parse(r.stdout);
  const qh = got[built.qinghai];
  expect(qh.map((s: any) => [s.name, s.state])).toEqual([
    ['汇总表', 'visible'],
    ['问题清单', 'visible'],
    ['修改记录', 'visible'],
    ['hqds选项', 'hidden'],
  ]);
  expect(qh[0]).toMatchObject({
    freeze: 'A5',
    titles: '$4:$4',
    orientation: 'landscape',
    paper: 9,
    fitW: 1,
    fitH: 0,
    fit: true,
    A1: '附件2',
  });
  expect(qh[0].merges).toContain('A2:I2');
  expect(qh[0].notes).toBeGreaterThan(0);
  expect(qh[0].dv[0]).toEqual([
    'list',
    'warning',
    'C5:C204',
    '"工业制造,现代农业,商贸流通,交通运输,金融服务,科技创新,文化旅游,医疗健康,应急管理,气象服务,城市治理,绿色低碳,通用,其它"',
  ]);
  const sh = got[built.shanghai];
  expect(sh.map((s: any) => s.name)).toEqual([
    '工作清单',
    '项目1-智能制造数据集',
    '问题清单',
    '修改记录',
    'hqds选项',
  ]);
  expect(sh[0].freeze).toBe('C4');
  expect(sh[1]).toMatchObject({ orientation: 'portrait', fit: true, titles: null });
  const [edge] = got[built.edge];
  expect(edge).toMatchObject({
    name: "张三's 表",
    freeze: 'B2',
    titles: '$1:$1',
    notes: 1500,
    firstNote: 'B2',
  });
  // openpyxl leaves a control character spelled _xHHHH_ (Excel decodes it); nothing is dropped either way.
  expect(edge.values).toEqual([
    '=SUM(A1:A3)',
    '+86 备用',
    '-',
    '@内部',
    'a_x0001_b_x001F_c',
    '_x0041_ & <b> "q"',
    '  两端空格  ',
    2048,
    null,
    'NaN',
  ]);
  // Every formula-like text is a string cell ('s'), never a formula ('f').
  expect(edge.types.slice(0, 4)).toEqual(['s', 's', 's', 's']);
  expect(edge.dv[0]).toEqual(['list', null, 'C2:C201', '"甲,乙""丙"']);
});

test('ExcelJS reads the edge cases back as the same text, and the 1,500 notes with their cells', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built.edge);
  const ws = wb.worksheets[0];
  expect(ws.getCell('A1').value).toBe('=SUM(A1:A3)');
  expect(ws.getCell('A1').formula).toBeUndefined();
  expect(ws.getCell('E1').value).toBe('a\u0001b\u001fc');
  expect(ws.getCell('F1').value).toBe('_x0041_ & <b> "q"');
  expect(ws.getCell('G1').value).toBe('  两端空格  ');
  expect(ws.getCell('H1').value).toBe(2048);
  expect(noteText(ws.getCell('B1500'))).toBe('提示：第 1499 行\n请确认');
  expect(ws.getRow(1602 - 1).height).toBe(40); // a height for a row without cells still lands
});

test('the sheet XML itself: rows ascending, no formula element anywhere, 1,500 notes in two VML id blocks', async () => {
  const all = await parts(built.edge);
  const sheet = all.get('xl/worksheets/sheet1.xml')!;
  expect(sheet).not.toContain('<f>');
  const rows = [...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
  expect(new Set(rows).size).toBe(rows.length);
  expect(sheet.match(/<c r="H1"/g)).toHaveLength(1);
  const vml = all.get('xl/drawings/vmlDrawing1.vml')!;
  expect(vml).toContain('<o:idmap v:ext="edit" data="1,2"/>');
  const ids = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  expect(new Set(ids).size).toBe(1500);
  expect(Math.max(...ids)).toBeLessThan(3 * 1024);
  // Excel's limit on a validation title is 32 characters.
  expect(/errorTitle="([^"]*)"/.exec(sheet)![1].length).toBeLessThanOrEqual(32);
});

test('the XML escaping: & < > escaped, unrepresentable characters and literal _xHHHH_ spelled out', () => {
  expect(xmlText('a & b <c>')).toBe('a &amp; b &lt;c&gt;');
  expect(xmlText('x\u0001y')).toBe('x_x0001_y');
  expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
  expect(xmlText('纯文本')).toBe('纯文本');
});

test('the zip writer: entries keep the order of add() while they deflate, and finish() waits for done()', async () => {
  const z = new ZipWriter(6, new Date(2026, 10, 25, 12, 0, 0));
  // The large part is still deflating when the small ones are added after it.
  await z.add('big.xml', ['<a>', 'x'.repeat(3 << 20), '</a>']);
  expect(() => z.finish()).toThrow(/done/);
  await z.add('small.xml', ['<s/>']);
  await z.done();
  const back = await JSZip.loadAsync(z.finish(), { checkCRC32: true });
  expect(Object.keys(back.files)).toEqual(['big.xml', 'small.xml']);
  expect((await back.file('big.xml')!.async('string')).length).toBe(7 + (3 << 20));
});

test('the zip writer: entries named first lead, CRCs and contents check out in another reader', async () => {
  const z = new ZipWriter(6, new Date(2026, 10, 25, 12, 0, 0));
  await z.add('b.xml', ['<b>', '共享'.repeat(50000), '</b>']);
  await z.add('[Content_Types].xml', ['<Types/>']);
  await z.done();
  const buf = z.finish(['[Content_Types].xml']);
  expect(buf.readUInt32LE(0)).toBe(0x04034b50);
  expect(buf.toString('utf8', 30, 30 + '[Content_Types].xml'.length)).toBe('[Content_Types].xml');
  const back = await JSZip.loadAsync(buf, { checkCRC32: true });
  expect(await back.file('b.xml')!.async('string')).toBe(`<b>${'共享'.repeat(50000)}</b>`);
  expect(back.file('b.xml')!.date.getFullYear()).toBe(2026);
  // unzip -t checks every CRC too, where it is installed.
  const unzip = which('unzip');
  if (unzip) {
    const f = path.join(dir, 't.zip');
    fs.writeFileSync(f, buf);
    expect(execFileSync(unzip, ['-t', f], { encoding: 'utf8' })).toContain('No errors detected');
  }
});
