// hqds build end to end (read → locate → validate → merge → plan → write .xlsx), in-process:
//   50 received .xlsx files of 200 rows each into one summary, and one sheet of 50,000 rows.
// Generating the inputs is not timed. Each scenario runs in its own process (see run.js) for memory.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { PassThrough } = require('stream');
const { main } = require('../lib/cli/main');

const scenario = process.env.HQDS_BENCH_SCENARIO;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-bench-'));

async function makeFile(file, rows, seed) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总表');
  ws.addRow(['附件2']);
  ws.addRow(['青海省行业高质量数据集汇总表']);
  ws.addRow(['推荐单位：（盖章）']);
  ws.addRow(['序号', '数据集名称', '所属行业领域', '模态', '数据量(TB)', '已服务支撑人工智能大模型名称', '申报单位', '联系人', '联系电话', '备注']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([i + 1, `数据集${seed}-${i}`, ['医疗卫生', '工业制造', '教育教学', '绿色低碳'][i % 4], ['图片、文字', '视频', '文本'][i % 3], [2, '1.5', '约3'][i % 3], i % 5 ? '无' : 'A模型', `单位${seed}`, '张三', `1380000${String(i % 10000).padStart(4, '0')}`, '']);
  }
  await wb.xlsx.writeFile(file);
}

function sink() {
  const s = new PassThrough();
  s.resume();
  return s;
}

async function timeBuild(name, what, files, rows) {
  const out = path.join(dir, `${name}.xlsx`);
  const t = process.hrtime.bigint();
  const code = await main(['build', '--profile', 'qinghai', '--out', out, ...files], sink(), sink());
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (code === 2) throw new Error('build failed');
  console.log(JSON.stringify({ name, what, seconds, rowsPerSecond: rows / seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
}

(async () => {
  if (!scenario) {
    // Run each scenario in a child of its own so peak memory is the scenario's.
    const { spawnSync } = require('child_process');
    for (const s of ['files50', 'rows50k']) {
      const r = spawnSync(process.execPath, [__filename], { env: { ...process.env, HQDS_BENCH_SCENARIO: s }, encoding: 'utf8' });
      if (r.status !== 0) {
        process.stderr.write(r.stderr);
        process.exit(1);
      }
      process.stdout.write(r.stdout);
    }
    return;
  }
  if (scenario === 'files50') {
    const files = [];
    for (let k = 0; k < 50; k++) {
      const f = path.join(dir, `来件${k}.xlsx`);
      await makeFile(f, 200, k);
      files.push(f);
    }
    await timeBuild('build-50-files', 'build 50 received .xlsx × 200 rows into one summary', files, 10000);
  } else {
    const f = path.join(dir, 'big.xlsx');
    await makeFile(f, 50000, 0);
    await timeBuild('build-50k-rows', 'build one received sheet of 50,000 rows', [f], 50000);
  }
  fs.rmSync(dir, { recursive: true, force: true });
})();
