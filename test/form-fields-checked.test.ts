/**
 * Checking a 附件1 form checks what the form holds: fields only the form has (统一社会信用代码,
 * 数据集概况 with its 200-character limit) are checked, and summary columns the form does not carry
 * (武汉's 产生社会经济效益, every 序号) are neither required nor reported missing.
 */
import { mergeSheets } from '../src/core/merge';
import { getProfile } from '../src/core/profiles';

const wh = getProfile('wuhan')!;
const qh = getProfile('qinghai')!;

function whForm(overview: string, code: string | number = '91420100MA4KXXXX1X'): (string | number)[][] {
  return [
    ['武汉市行业高质量数据集应用典型案例基本信息征集表'],
    ['单位名称', '武汉某科技有限公司'],
    ['统一社会信用代码', code],
    ['负责人、职务及联系方式', '张三 总监 13800000000'],
    ['数据集案例名称', '长江水文数据集'],
    ['数据集名称及类别', '☑行业通识数据集 □行业专识数据集'],
    ['结构化数据集规模（单位：行/条）', '10000'],
    ['申报方向', '高质量数据集建设应用☑'],
    ['案例涉及行业/领域', '☑城市治理'],
    ['已支撑算法模型', '水文大模型'],
    ['数据集概况', overview],
  ];
}

const check = (p: typeof wh, rows: (string | number)[][]) =>
  mergeSheets(p, [{ file: 'f.xlsx', sheet: '附件1', rows }], { asTheyStand: true });

describe('a correct form gives no false alarms', () => {
  test('武汉: 产生社会经济效益 is not on the form, so it is not required; 序号 is not reported', () => {
    const r = check(wh, whForm('长江干流水文监测数据。'));
    expect(r.entries).toHaveLength(1);
    expect(r.issues.filter((i) => i.field === '产生社会经济效益' || /序号/.test(i.message))).toEqual([]);
    expect(r.issues.map((i) => i.code)).not.toContain('missing-column');
    expect(r.issues.map((i) => i.code)).not.toContain('unmapped-column');
  });
  test('building a summary from the form flags the empty 产生社会经济效益 once per entry, checking does not', () => {
    const built = mergeSheets(wh, [{ file: 'f.xlsx', sheet: '附件1', rows: whForm('概况。') }]);
    const flagged = built.issues.filter((i) => i.code === 'form-not-carried');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ field: '产生社会经济效益', entry: 0, severity: 'warning' });
    expect(flagged[0].message).toContain('请向申报单位了解后补填');
    const checked = check(wh, whForm('概况。'));
    expect(checked.issues.map((i) => i.code)).not.toContain('form-not-carried');
  });
  test('a table still requires 产生社会经济效益', () => {
    const header = wh.columns.map((c) => c.label);
    const row = header.map((h) => (h === '产生社会经济效益' ? '' : 'x'));
    const r = mergeSheets(wh, [{ file: 't.xlsx', sheet: 's', rows: [header, row] }]);
    expect(r.issues.some((i) => i.code === 'required' && i.field === '产生社会经济效益')).toBe(true);
  });
});

describe('fields only the form has are checked', () => {
  test('武汉 数据集概况 over its 200 characters is reported at its cell', () => {
    const r = check(wh, whForm('长'.repeat(280)));
    const long = r.issues.find((i) => i.code === 'too-long');
    expect(long?.message).toContain('数据集概况');
    expect(long?.source.cell).toEqual({ row: 10, col: 1 });
  });
  test('a credit code registered outside 武汉 is a warning', () => {
    const r = check(wh, whForm('概况。', '91630100MA752XXXXX'));
    expect(r.issues.map((i) => i.code)).toContain('credit-code-region');
  });
  test('青海: a credit code stored as a number has lost digits: an error', () => {
    const rows: (string | number)[][] = [
      ['单位名称', '青海某公司'],
      // What Excel keeps of 916325007109012345 typed into a number cell.
      ['统一社会信用代码', Number('916325007109012345')],
      ['负责人及联系方式', '李四 13800000001'],
      ['数据集名称', '牦牛数据集'],
      ['数据集规模（单位：TB）', '1.2'],
      ['所属行业领域', '☑现代农业'],
      ['数据集模态', '☑文本'],
      ['已服务支撑算法模型', '无'],
    ];
    const r = check(qh, rows);
    const lost = r.issues.find((i) => i.code === 'number-lost-digits');
    expect(lost?.severity).toBe('error');
    expect(lost?.source.cell).toEqual({ row: 1, col: 1 });
  });
});

describe('a value reads the same from a form as from a table', () => {
  const formRows = (domain: string): (string | number)[][] => [
    ['单位名称', '青海某公司'],
    ['负责人及联系方式', '李四 13800000001'],
    ['数据集名称', '湿地数据集'],
    ['数据集规模（单位：TB）', '1'],
    ['所属行业领域', domain],
    ['数据集模态', '☑文本'],
    ['已服务支撑算法模型', '无'],
  ];
  const domainOf = (r: ReturnType<typeof check>) => ({
    value: r.entries[0].entry.get('domain'),
    codes: r.issues.filter((i) => i.field === '行业领域').map((i) => i.code),
  });
  test('☑其它：生态环境 on the form is 绿色低碳, as 生态环境 in a table is', () => {
    const header = qh.columns.map((c) => c.label);
    const row = header.map((h) =>
      h === '行业领域' ? '生态环境' : h === '数据集数据量（GB）' ? 1024 : h === '数据集模态' ? '文本' : 'x',
    );
    const table = domainOf(mergeSheets(qh, [{ file: 't.xlsx', sheet: 's', rows: [header, row] }]));
    expect(table).toEqual({ value: '绿色低碳', codes: ['value-normalised'] });
    expect(domainOf(check(qh, formRows('□工业制造 ☑其它：生态环境')))).toEqual(table);
  });
  test('an 其它 the vocabulary does not know stays 其它（…）', () => {
    expect(domainOf(check(qh, formRows('□工业制造 ☑其它：海洋数据'))).value).toBe('其它（海洋数据）');
  });
});
