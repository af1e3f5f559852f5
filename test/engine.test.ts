import { validateTable, type Issue } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';
import { validCode } from './helpers/credit';

const qh = getProfile('qinghai')!;
const wh = getProfile('wuhan')!;
const sx = getProfile('shanxi')!;
const sh = getProfile('shanghai')!;
const header = (id: string) => getProfile(id)!.columns.map((c) => c.label);
const codes = (issues: Issue[]) => issues.map((i) => i.code);
const at = (issues: Issue[], row: number, field: string) =>
  issues.filter((i) => i.row === row && i.field === field);

const QH_OK = [
  1,
  '青海牦牛养殖数据集',
  '现代农业',
  '文本、图形图像',
  2048,
  '无',
  '青海某牧业公司',
  '张三 13800000000',
  '',
];

describe('青海', () => {
  test('a correct row has no issues', () => {
    const r = validateTable(qh, { header: header('qinghai'), rows: [QH_OK] });
    expect(r.issues).toEqual([]);
    expect(r.entries[0].values).toMatchObject({ seq: 1, scale: 2048, domain: '现代农业' });
  });
  test('every required column', () => {
    const r = validateTable(qh, {
      header: header('qinghai'),
      rows: [[1, '名称', '', '', '', '', '', '', '备注']],
    });
    const req = r.issues.filter((i) => i.code === 'required').map((i) => i.field);
    expect(req).toEqual([
      '行业领域',
      '数据集模态',
      '数据集数据量（GB）',
      '已服务支撑人工智能大模型名称',
      '申报单位名称',
      '申报单位联系人及联系方式',
    ]);
    expect(r.issues.every((i) => i.row === 0 && i.col !== null && i.severity === 'error')).toBe(true);
  });
  test('TB in the scale column is converted to GB, as a safe fix, with the 1024/1000 setting', () => {
    const row = [...QH_OK];
    row[4] = '1.5TB';
    const r = validateTable(qh, { header: header('qinghai'), rows: [row] });
    const i = at(r.issues, 0, '数据集数据量（GB）');
    expect(i).toMatchObject([
      { code: 'quantity-converted', severity: 'warning', fix: 1536, safe: true, value: '1.5TB' },
    ]);
    expect(r.changes).toMatchObject([{ field: '数据集数据量（GB）', from: '1.5TB', to: 1536 }]);
    expect(
      validateTable(qh, { header: header('qinghai'), rows: [row] }, { tb: 1000 }).entries[0].values.scale,
    ).toBe(1500);
  });
  test('a count in the GB column is an error that says why', () => {
    const row = [...QH_OK];
    row[4] = '10万张';
    const i = at(
      validateTable(qh, { header: header('qinghai'), rows: [row] }).issues,
      0,
      '数据集数据量（GB）',
    );
    expect(i[0]).toMatchObject({ code: 'quantity-wrong-kind', severity: 'error' });
    expect(i[0].message).toContain('10万张');
    expect(i[0].fix).toBeUndefined();
  });
  test.each([
    ['0', 'quantity-not-positive'],
    ['1-2TB', 'quantity-range'],
    ['约2TB', 'quantity-approximate'],
    ['大', 'quantity-unreadable'],
  ])('scale %s → %s', (v, code) => {
    const row = [...QH_OK];
    row[4] = v;
    expect(codes(validateTable(qh, { header: header('qinghai'), rows: [row] }).issues)).toContain(code);
  });
  test("vocabulary: other regions' labels, other-option, unknowns, multiple domains", () => {
    const rows = [
      [1, 'a', '医疗卫生', '图片', 1, '无', 'u', '张三 13800000000'],
      [2, 'b', '教育教学', '时序数据', 1, '无', 'u', '张三 13800000000'],
      [3, 'c', '火星', '多模态', 1, '无', 'u', '张三 13800000000'],
      [4, 'd', '工业制造、交通运输', '文本，视频', 1, '无', 'u', '张三 13800000000'],
    ];
    const r = validateTable(qh, { header: header('qinghai').slice(0, 8), rows });
    expect(r.entries.map((e) => [e.values.domain, e.values.modality])).toEqual([
      ['医疗健康', '图形图像'],
      ['其它（教育教学）', '其它（时序数据）'],
      ['火星', '多模态'],
      ['工业制造、交通运输', '文本、视频'],
    ]);
    expect(codes(at(r.issues, 1, '行业领域'))).toEqual(['value-other']);
    expect(at(r.issues, 2, '行业领域')[0]).toMatchObject({ code: 'value-not-allowed', severity: 'error' });
    expect(at(r.issues, 2, '数据集模态')[0]).toMatchObject({ code: 'value-ambiguous', severity: 'error' });
    expect(at(r.issues, 3, '行业领域')[0]).toMatchObject({ code: 'value-multiple', severity: 'error' });
  });
  test('models: none spelled otherwise becomes 无; names joined with 、', () => {
    const rows = [
      [1, 'a', '通用', '文本', 1, '暂无', 'u', '张三 13800000000'],
      [2, 'a', '通用', '文本', 1, 'GPT,文心', 'u', '张三 13800000000'],
    ];
    const r = validateTable(qh, { header: header('qinghai').slice(0, 8), rows });
    expect(r.entries.map((e) => e.values.models)).toEqual(['无', 'GPT、文心']);
  });
  test('contact: a name and a phone or e-mail', () => {
    const rows = ['张三', '13800000000', '张三 1380000000', '张三 a@b.cn'].map((c, i) => [
      i + 1,
      'a',
      '通用',
      '文本',
      1,
      '无',
      'u',
      c,
    ]);
    const r = validateTable(qh, { header: header('qinghai').slice(0, 8), rows });
    expect(codes(at(r.issues, 0, '申报单位联系人及联系方式'))).toEqual(['contact-incomplete']);
    expect(codes(at(r.issues, 1, '申报单位联系人及联系方式'))).toEqual(['contact-incomplete']);
    expect(codes(at(r.issues, 2, '申报单位联系人及联系方式'))).toEqual(['phone-invalid']); // one message per cell (issue 8)
    expect(at(r.issues, 3, '申报单位联系人及联系方式')).toEqual([]);
  });
  test('序号 is renumbered; blank and total rows are left out with reasons', () => {
    const r = validateTable(qh, {
      header: header('qinghai'),
      rows: [
        QH_OK,
        [],
        ['', '', '', '', '', '', '', '', ''],
        ['合计', '', '', '', 2048],
        [7, ...QH_OK.slice(1)],
      ],
    });
    expect(r.entries.map((e) => [e.row, e.values.seq])).toEqual([
      [0, 1],
      [4, 2],
    ]);
    expect(r.leftOut).toEqual([
      { row: 1, reason: '空行' },
      { row: 2, reason: '空行' },
      { row: 3, reason: '合计行' },
    ]);
    expect(at(r.issues, 4, '序号')[0]).toMatchObject({ code: 'seq-renumbered', fix: 2, safe: true });
  });
  test('missing and unknown columns are reported at the header', () => {
    const r = validateTable(qh, { header: ['数据集名称', '奇怪的列'], rows: [['a', 'b']] });
    expect(r.issues.filter((i) => i.row === -1).map((i) => i.code)).toEqual([
      'unmapped-column',
      ...Array(6).fill('missing-column'),
    ]);
  });
  test('cell errors such as #N/A, in both forms', () => {
    const row = [...QH_OK];
    row[1] = '#N/A';
    (row as unknown[])[6] = { error: '#REF!' };
    const r = validateTable(qh, { header: header('qinghai'), rows: [row] });
    expect(codes(r.issues)).toEqual(['cell-error', 'cell-error']);
  });
});

describe('武汉', () => {
  const ok = [
    1,
    'XX数据集赋能XX',
    '行业通识数据集',
    '工业制造',
    '高质量数据集技术创新',
    '100000条',
    '图片100GB，音频160GB',
    'XX模型、XX模型',
    '增加就业岗位20个、带动投资增加300万元',
    '武汉某公司',
    '李四 027-87654321',
  ];
  test("the notice's own example row passes every rule but one: its XX samples are asked to be replaced", () => {
    const issues = validateTable(wh, { header: header('wuhan'), rows: [ok] }).issues;
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['placeholder-text', '数据集案例名称'],
      ['placeholder-text', '已服务支撑人工智能算法模型'],
    ]);
    const filled = [...ok];
    filled[1] = '工业质检数据集赋能智能制造';
    filled[7] = '质检大模型';
    expect(validateTable(wh, { header: header('wuhan'), rows: [filled] }).issues).toEqual([]);
  });
  test('short forms, counts in 万, pairs with TB and other spellings', () => {
    const row = [
      1,
      'a',
      '行业专识',
      '医疗健康',
      '技术创新、模型验证',
      '10万',
      '照片 1TB；语音 20GB',
      '无',
      '带动产值1亿元',
      'u',
      '李四 13800000000',
    ];
    const r = validateTable(wh, { header: header('wuhan'), rows: [row] });
    expect(r.entries[0].values).toMatchObject({
      category: '行业专识数据集',
      domain: '医疗卫生',
      direction: '高质量数据集技术创新、高质量数据集模型验证',
      structuredScale: '100000条',
      unstructuredScale: '图片1024GB，音频20GB',
    });
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
  test('structured or unstructured scale required; each pair needs a modality; benefit needs a figure', () => {
    const row = [1, 'a', '通识数据集', '工业制造', '其他', '', '', '无', '效益显著', 'u', '李四 13800000000'];
    const r = validateTable(wh, {
      header: header('wuhan'),
      rows: [row, [...row.slice(0, 5), '', '100GB', ...row.slice(7)]],
    });
    expect(codes(r.issues)).toEqual(
      expect.arrayContaining(['required-one-of', 'benefit-no-figure', 'quantity-pair-missing-modality']),
    );
    expect(at(r.issues, 0, '结构化数据规模')[0]).toMatchObject({
      code: 'required-one-of',
      severity: 'error',
    });
    expect(at(r.issues, 1, '非结构化数据规模')[0]).toMatchObject({ code: 'quantity-pair-missing-modality' });
  });
  test('a size in the structured column is refused', () => {
    const row = [...ok];
    row[5] = '5TB';
    expect(
      at(validateTable(wh, { header: header('wuhan'), rows: [row] }).issues, 0, '结构化数据规模')[0],
    ).toMatchObject({ code: 'quantity-wrong-kind' });
  });
});

describe('山西', () => {
  const ok = [
    1,
    '汾河水文数据集',
    '智慧能源',
    '山西某研究院',
    '120TB',
    '文本、图像/视频',
    '无',
    '水文预测',
    '王五 0351-1234567 wang@sx.cn',
    '',
  ];
  test('clean row; 图像/视频 stays whole; image and video fold into it', () => {
    expect(validateTable(sx, { header: header('shanxi'), rows: [ok] }).issues).toEqual([]);
    const row = [...ok];
    row[5] = '图片、视频、时间序列';
    expect(validateTable(sx, { header: header('shanxi'), rows: [row] }).entries[0].values.modality).toBe(
      '图像/视频、时序数据',
    );
  });
  test('below 1 TB warns (原则上应达到TB级); counts are fine; bare numbers need a unit', () => {
    const rows = ['500GB', '500万条记录', '800'].map((s) => {
      const r = [...ok];
      r[4] = s;
      return r;
    });
    const r = validateTable(sx, { header: header('shanxi'), rows });
    expect(codes(at(r.issues, 0, '数据集规模'))).toEqual(['quantity-below-minimum']);
    expect(at(r.issues, 1, '数据集规模')).toEqual([]);
    expect(codes(at(r.issues, 2, '数据集规模'))).toEqual(['quantity-no-unit']);
    // 1000 GB is 1 TB when 1 TB = 1000 GB.
    const k = [...ok];
    k[4] = '1000GB';
    expect(validateTable(sx, { header: header('shanxi'), rows: [k] }, { tb: 1000 }).issues).toEqual([]);
  });
  test('contact needs name, phone and e-mail', () => {
    const row = [...ok];
    row[8] = '王五 0351-1234567';
    expect(
      at(validateTable(sx, { header: header('shanxi'), rows: [row] }).issues, 0, '联系人及联系方式')[0]
        .message,
    ).toContain('邮箱');
  });
});

describe('上海', () => {
  const code = validCode('91310115MA1K4XXX1');
  const ok = [
    '智能制造数据集',
    '上海某科技有限公司',
    '方向1：行业领域高质量数据集建设',
    '2025年12月至2027年11月',
    500,
    120,
    '赵六',
    '总监',
    '13912345678',
    'zhao@sh.cn',
    '上海市浦东新区某路1号',
    '浦东新区',
    '钱七',
    code,
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
  test('clean row', () => {
    expect(validateTable(sh, { header: header('shanghai'), rows: [ok] }).issues).toEqual([]);
  });
  test('region, joint applications, fixed period, money, percent, district', () => {
    const row = [...ok];
    row[1] = '甲公司、乙公司';
    row[3] = '2025.12-2027.11';
    row[4] = -5;
    row[5] = '1,000万元';
    row[11] = '苏州工业园区';
    row[13] = validCode('91320500MA1K4XXX1');
    row[16] = 0.452;
    row[14] = '其他';
    const r = validateTable(sh, { header: header('shanghai'), rows: [row] });
    const byField = Object.fromEntries(r.issues.map((i) => [i.field, i.code]));
    expect(byField).toMatchObject({
      申报单位名称: 'joint-application',
      项目周期: 'fixed-value',
      '拟投入资金（万元）': 'number-negative',
      '已投入资金（万元）': 'value-normalised',
      '所在区（注册区县）': 'value-not-allowed',
      统一社会信用代码: 'credit-code-region',
      '2022年资产负债率（%）': 'percent-fraction',
      单位性质: 'other-unspecified',
    });
    expect(r.entries[0].values).toMatchObject({ period: '2025年12月至2027年11月', investedFunds: 1000 });
  });
  test('credit code: wrong length is an error, a failed check a warning', () => {
    const a = [...ok];
    a[13] = '9131011';
    const b = [...ok];
    b[13] = '91350100M0001TGQXM';
    const r = validateTable(sh, { header: header('shanghai'), rows: [a, b] });
    expect(at(r.issues, 0, '统一社会信用代码')[0]).toMatchObject({
      code: 'credit-code-length',
      severity: 'error',
    });
    expect(at(r.issues, 1, '统一社会信用代码').map((i) => [i.code, i.severity])).toEqual([
      ['credit-code-check', 'warning'],
      ['credit-code-region', 'warning'],
    ]);
  });
});

test('every issue has severity, code, a Chinese message, row and field', () => {
  const r = validateTable(wh, {
    header: header('wuhan'),
    rows: [[1, '', 'x', 'y', 'z', '1-2', '100', '', '', '', 'bad']],
  });
  expect(r.issues.length).toBeGreaterThan(5);
  for (const i of r.issues) {
    expect(['error', 'warning']).toContain(i.severity);
    expect(i.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(i.message).toMatch(/[：:]|请/);
    expect(typeof i.row).toBe('number');
    expect(i.field).toBeTruthy();
  }
});
