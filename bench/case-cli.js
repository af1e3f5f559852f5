// hqds as a user runs it (whole process, start-up included) beside the plain tools, in turn:
//   build  vs  openpyxl read + styled write (bench/openpyxl_build.py)
//   check  vs  openpyxl read-only (bench/openpyxl_read.py)
//   build of 50 files  vs  LibreOffice headless converting the same 50 files to CSV
//   profiles / convert start-up  vs  node -e 0
// Sizes: BENCH_SIZES=1000,10000 to run fewer (default 1000,10000,50000,100000 and 50 files × 200).
// Prints one JSON line per comparison for bench/run.js.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pair } = require('./pair');
const { writeWorkbook } = require('../lib/io/xlsx-writer');

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-bench-'));
const hqds = [process.execPath, path.join(root, 'bin', 'hqds.js')];
const py = spawnSync('python3', ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
const OPENPYXL = py.status === 0 ? py.stdout.trim() : null;
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((p) =>
  fs.existsSync(p),
);
const sizes = (process.env.BENCH_SIZES || '1000,10000,50000,100000,files50').split(',');
const emit = (o) => console.log(JSON.stringify({ kind: 'pair', ...o }));

/** A received 青海 summary as the bench input: title lines, other names for the columns, TB values,
 *  another bureau's vocabulary, approximate values, text that looks like a formula. */
async function makeFile(file, rows, seed) {
  const cells = [];
  const put = (r, values) => values.forEach((v, c) => cells.push({ r, c, v, style: 'plain' }));
  put(0, ['附件2']);
  put(1, ['青海省行业高质量数据集汇总表']);
  put(2, ['推荐单位：（盖章）']);
  put(3, [
    '序号',
    '数据集名称',
    '所属行业领域',
    '模态',
    '数据量(TB)',
    '已服务支撑人工智能大模型名称',
    '申报单位',
    '联系人',
    '联系电话',
    '备注',
  ]);
  for (let i = 0; i < rows; i++) {
    put(4 + i, [
      i + 1,
      `数据集${seed}-${i}`,
      ['医疗卫生', '工业制造', '教育教学', '绿色低碳'][i % 4],
      ['图片、文字', '视频', '文本'][i % 3],
      [2, '1.5', '约3'][i % 3],
      i % 5 ? '无' : 'A模型',
      `单位${seed}`,
      '张三',
      `1380000${String(i % 10000).padStart(4, '0')}`,
      i % 7 ? '' : '=SUM(A1)',
    ]);
  }
  const plan = {
    styles: { plain: {} },
    sheets: [
      {
        name: '汇总表',
        role: 'summary',
        cells,
        merges: [],
        colWidths: [],
        rowHeights: {},
        validations: [],
        textColumns: [],
      },
    ],
  };
  fs.writeFileSync(file, await writeWorkbook(plan));
}

function builds(label, files, rows, timeout) {
  const out = path.join(dir, `${label}-hqds.xlsx`);
  const base = {
    name: `build-${label}`,
    what: `build ${label === 'files50' ? '50 received .xlsx × 200 rows' : `${Number(rows).toLocaleString('en-US')} rows`}`,
    rows,
  };
  if (OPENPYXL)
    emit({
      ...base,
      a: 'hqds build',
      b: `openpyxl ${OPENPYXL} read + styled write`,
      result: pair(
        [...hqds, 'build', '--profile', 'qinghai', '--out', out, ...files],
        ['python3', path.join(__dirname, 'openpyxl_build.py'), path.join(dir, `${label}-opx.xlsx`), ...files],
        { timeout },
      ),
    });
  else
    emit({
      ...base,
      a: 'hqds build',
      b: null,
      result: pair([...hqds, 'build', '--profile', 'qinghai', '--out', out, ...files], null, { timeout }),
    });
  const cbase = {
    name: `check-${label}`,
    what: `check ${label === 'files50' ? '50 files × 200 rows' : `${Number(rows).toLocaleString('en-US')} rows`} (--json)`,
    rows,
  };
  const check = [...hqds, 'check', '--profile', 'qinghai', '--json', ...files];
  emit({
    ...cbase,
    a: 'hqds check',
    b: OPENPYXL ? `openpyxl ${OPENPYXL} read-only` : null,
    result: pair(check, OPENPYXL ? ['python3', path.join(__dirname, 'openpyxl_read.py'), ...files] : null, {
      timeout,
    }),
  });
}

(async () => {
  for (const s of sizes) {
    if (s === 'files50') {
      const files = [];
      for (let k = 0; k < 50; k++) {
        const f = path.join(dir, `来件${k}.xlsx`);
        await makeFile(f, 200, k);
        files.push(f);
      }
      builds('files50', files, 10000, 900);
      if (SOFFICE) {
        const profile = path.join(dir, 'lo-profile');
        const lo = [
          SOFFICE,
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'csv',
          '--outdir',
          path.join(dir, 'csv'),
          ...files,
        ];
        emit({
          name: 'build-files50-lo',
          what: 'build 50 received .xlsx × 200 rows',
          rows: 10000,
          a: 'hqds build',
          b: 'LibreOffice --convert-to csv (bare conversion, one process)',
          result: pair(
            [...hqds, 'build', '--profile', 'qinghai', '--out', path.join(dir, 'lo-hqds.xlsx'), ...files],
            lo,
            { timeout: 900 },
          ),
        });
      }
    } else {
      const n = Number(s);
      const f = path.join(dir, `rows${n}.xlsx`);
      await makeFile(f, n, 0);
      builds(String(n), [f], n, 1800);
    }
  }
  emit({
    name: 'start-profiles',
    what: 'start-up: hqds profiles --json',
    a: 'hqds profiles --json',
    b: 'node -e 0',
    result: pair([...hqds, 'profiles', '--json'], [process.execPath, '-e', '0'], { n: 10 }),
  });
  emit({
    name: 'start-convert',
    what: 'start-up: hqds convert --to GB -- 1.5TB',
    a: 'hqds convert',
    b: 'node -e 0',
    result: pair([...hqds, 'convert', '--to', 'GB', '--', '1.5TB'], [process.execPath, '-e', '0'], { n: 10 }),
  });
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
