// Validates 100,000 rows of each profile: a realistic mix of clean rows, other regions' labels,
// TB values to convert, bad phones and blanks. Best of 3 runs.
'use strict';
const { PROFILES } = require('../lib/core/profiles');
const { validateTable } = require('../lib/core/engine');

const N = 100000;
const SAMPLES = {
  qinghai: (i) => [
    i + 1,
    `数据集${i}`,
    ['医疗健康', '医疗卫生', '工业制造', '教育教学'][i % 4],
    ['文本、图形图像', '图片', '视频，音频'][i % 3],
    [2048, '1.5TB', '约3TB', '500 GB'][i % 4],
    i % 5 ? '无' : 'XX模型、YY模型',
    `单位${i % 300}`,
    i % 7 ? `张三 1380000${String(i % 10000).padStart(4, '0')}` : '李四',
    '',
  ],
  wuhan: (i) => [
    i + 1,
    `案例${i}`,
    ['行业通识数据集', '行业专识'][i % 2],
    ['工业制造', '医疗健康'][i % 2],
    ['高质量数据集技术创新', '技术创新、模型验证'][i % 2],
    ['100000条', '10万条', ''][i % 3],
    ['图片100GB，音频160GB', '照片1TB', ''][i % 3],
    '无',
    `增加就业岗位${i % 50}个`,
    `单位${i % 300}`,
    '李四 027-87654321',
  ],
  shanxi: (i) => [
    i + 1,
    `数据集${i}`,
    ['智慧能源', '医疗健康'][i % 2],
    `单位${i % 200}`,
    ['120TB', '500GB', '500万条记录'][i % 3],
    ['文本、图像/视频', '图片、视频'][i % 2],
    '无',
    '场景',
    '王五 0351-1234567 wang@sx.cn',
    '',
  ],
  shanghai: (i) => [
    '项目' + i,
    '上海某公司',
    ['方向1', '方向2：高质量数据集工具链平台建设'][i % 2],
    '2025年12月至2027年11月',
    500,
    120,
    '赵六',
    '总监',
    '13912345678',
    'zhao@sh.cn',
    '某路1号',
    ['浦东新区', '徐汇'][i % 2],
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
  ],
};
for (const p of PROFILES) {
  const header = p.columns.map((c) => c.label);
  const rows = Array.from({ length: N }, (_, i) => SAMPLES[p.id](i));
  let best = Infinity;
  let issues = 0;
  for (let run = 0; run < 3; run++) {
    if (global.gc) global.gc();
    const t = process.hrtime.bigint();
    const r = validateTable(p, { header, rows });
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    issues = r.issues.length;
    best = Math.min(best, s);
  }
  console.log(
    JSON.stringify({
      name: `validate-${p.id}`,
      what: `validate ${N.toLocaleString('en-US')} rows (${issues.toLocaleString('en-US')} issues found)`,
      seconds: best,
      rowsPerSecond: N / best,
      peakMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
}
