/**
 * Every column check, cell by cell: the value written and each issue's code, value as found, fix,
 * safety and message, exactly. The expectations were reviewed against FORMATS.md and README's design
 * notes; a change to any of them is a change of behaviour and must show here.
 */
import { validatorFor } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';

type Row = [string, string, unknown, string | null];
type Expected = { out: unknown; issues: [string, unknown, unknown, unknown, string][] };

function check([id, key, value, unit]: Row): Expected {
  const profile = getProfile(id)!;
  const col = profile.columns.find((c) => c.key === key)!;
  const r = validatorFor(profile).checkCell(col, value as never, unit ?? undefined);
  return {
    out: r.out,
    issues: r.issues.map((i) => [i.code, i.value ?? null, i.fix ?? null, i.safe ?? null, i.message]),
  };
}

const CASES: [Row, Expected][] = [
  [
    ['qinghai', 'scale', '1.5TB', null],
    {
      out: 1536,
      issues: [
        ['quantity-converted', '1.5TB', 1536, true, '原填 「1.5TB」，已换算为 1536（GB，1TB=1024GB）。'],
      ],
    },
  ],
  [['qinghai', 'scale', 2048, null], { out: 2048, issues: [] }],
  [
    ['qinghai', 'scale', 2, 'TB'],
    {
      out: 2048,
      issues: [
        [
          'quantity-converted',
          '2',
          2048,
          true,
          '原填 「2」，表头单位是 TB，已换算为 2048（GB，1TB=1024GB）。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'scale', '2', 'TB'],
    {
      out: 2048,
      issues: [['quantity-converted', '2', 2048, true, '原填 「2」，已换算为 2048（GB，1TB=1024GB）。']],
    },
  ],
  [
    ['qinghai', 'scale', '图片100GB，音频160GB', null],
    {
      out: 260,
      issues: [
        [
          'quantity-summed',
          '图片100GB，音频160GB',
          null,
          null,
          '「图片100GB，音频160GB」 按模态分列：本列填合计 260（GB），请确认。',
        ],
        [
          'quantity-converted',
          '图片100GB，音频160GB',
          260,
          true,
          '原填 「图片100GB，音频160GB」，已换算为 260（GB，1TB=1024GB）。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'scale', '图片1TB，10万条', null],
    {
      out: '图片1TB，10万条',
      issues: [
        [
          'quantity-pair-missing-modality',
          '图片1TB，10万条',
          null,
          null,
          '「图片1TB，10万条」中有的数前没有写模态：请写成「图片100GB，音频160GB」，每个数前写明模态。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'scale', '约3TB', null],
    {
      out: 3072,
      issues: [
        ['quantity-approximate', '约3TB', null, null, '「约3TB」 是约数：已保留数字，请填写确切的数。'],
        ['quantity-converted', '约3TB', 3072, true, '原填 「约3TB」，已换算为 3072（GB，1TB=1024GB）。'],
      ],
    },
  ],
  [
    ['qinghai', 'scale', '10万张', null],
    {
      out: '10万张',
      issues: [
        [
          'quantity-wrong-kind',
          '10万张',
          null,
          null,
          '「10万张」 是计件数量（张、段、篇等），不是存储大小：「数据集数据量（GB）」要以 GB 为单位填写数据集占用的存储空间，不能由计件数量（张、段、篇等）换算。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'structuredScale', '10万条', null],
    {
      out: '100000条',
      issues: [['quantity-converted', '10万条', '100000条', true, '原填 「10万条」，已写作 「100000条」。']],
    },
  ],
  [
    ['wuhan', 'structuredScale', '5TB', null],
    {
      out: '5TB',
      issues: [
        [
          'quantity-wrong-kind',
          '5TB',
          null,
          null,
          '「5TB」 是存储大小，「结构化数据规模」要填记录条数（行/条），如「100000条」：非结构化数据请填在非结构化数据规模一列。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'structuredScale', '0条', null],
    {
      out: '0条',
      issues: [['quantity-not-positive', '0条', null, null, '「结构化数据规模」应大于 0，原填 「0条」。']],
    },
  ],
  [['wuhan', 'structuredScale', '100000条', null], { out: '100000条', issues: [] }],
  [
    ['wuhan', 'structuredScale', '两千万条', null],
    {
      out: '20000000条',
      issues: [
        ['quantity-converted', '两千万条', '20000000条', true, '原填 「两千万条」，已写作 「20000000条」。'],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '照片1TB', null],
    {
      out: '图片1024GB',
      issues: [
        [
          'value-normalised',
          '照片',
          null,
          null,
          '「照片」是其他地区或其他写法的同一类别，本表写作「图片」。',
        ],
        [
          'quantity-normalised',
          '照片1TB',
          '图片1024GB',
          true,
          '原填 「照片1TB」，已按「模态+GB」的格式写作 「图片1024GB」。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '图片100', null],
    {
      out: '图片100GB',
      issues: [
        [
          'quantity-normalised',
          '图片100',
          '图片100GB',
          true,
          '原填 「图片100」，已按「模态+GB」的格式写作 「图片100GB」。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '100GB', null],
    {
      out: '100GB',
      issues: [
        [
          'quantity-pair-missing-modality',
          '100GB',
          null,
          null,
          '「非结构化数据规模」需列明数据模态：请写成「图片100GB，音频160GB」。原填 「100GB」。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '图片5小时', null],
    {
      out: '图片5小时',
      issues: [
        [
          'quantity-wrong-kind',
          '图片5小时',
          null,
          null,
          '「图片」后的数是时长，本列以 GB 为单位：请填写存储大小，如「图片100GB」。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '多模态100GB', null],
    {
      out: '多模态100GB',
      issues: [
        [
          'value-not-allowed',
          '多模态',
          null,
          null,
          '「多模态」没有说明是哪几种模态：请拆开写明，如「文本、图像」。',
        ],
      ],
    },
  ],
  [
    ['wuhan', 'unstructuredScale', '图片100GB，音频约160GB', null],
    {
      out: '图片100GB，音频160GB',
      issues: [
        [
          'quantity-approximate',
          '图片100GB，音频约160GB',
          null,
          null,
          '「图片100GB，音频约160GB」 是约数：已保留数字，请填写确切的数。',
        ],
        [
          'quantity-normalised',
          '图片100GB，音频约160GB',
          '图片100GB，音频160GB',
          true,
          '原填 「图片100GB，音频约160GB」，已按「模态+GB」的格式写作 「图片100GB，音频160GB」。',
        ],
      ],
    },
  ],
  [
    ['shanxi', 'scale', '500GB', null],
    {
      out: '500GB',
      issues: [
        [
          'quantity-below-minimum',
          '500GB',
          null,
          null,
          '数据集规模原则上应达到TB级，「500GB」 不足 1TB：请核实。',
        ],
      ],
    },
  ],
  [
    ['shanxi', 'scale', '120 TB', null],
    {
      out: '120TB',
      issues: [['quantity-normalised', '120 TB', '120TB', true, '原填 「120 TB」，已写作 「120TB」。']],
    },
  ],
  [
    ['shanxi', 'scale', '2048', null],
    {
      out: '2048',
      issues: [
        [
          'quantity-no-unit',
          '2048',
          null,
          null,
          '「2048」 没有单位：请写明是存储大小（如「100TB」）还是记录条数（如「500万条记录」）。',
        ],
      ],
    },
  ],
  [['shanxi', 'scale', '500万条记录', null], { out: '500万条记录', issues: [] }],
  [
    ['shanxi', 'scale', '0TB', null],
    {
      out: '0TB',
      issues: [['quantity-not-positive', '0TB', null, null, '「数据集规模」应大于 0，原填 「0TB」。']],
    },
  ],
  [
    ['shanxi', 'contact', '王五 0351-1234567', null],
    {
      out: '王五 0351-1234567',
      issues: [
        [
          'contact-incomplete',
          '王五 0351-1234567',
          null,
          null,
          '「联系人及联系方式」缺少邮箱：请写成「张三 13800000000 zhangsan@example.com」。',
        ],
      ],
    },
  ],
  [
    ['shanxi', 'contact', '王五 123 wang@x', null],
    {
      out: '王五 123 wang@x',
      issues: [
        ['email-invalid', '王五 123 wang@x', null, null, '「wang@x」 不是有效的邮箱地址。'],
        [
          'contact-incomplete',
          '王五 123 wang@x',
          null,
          null,
          '「联系人及联系方式」缺少电话、邮箱：请写成「张三 13800000000 zhangsan@example.com」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'contact', '13800000000', null],
    {
      out: '13800000000',
      issues: [
        [
          'contact-incomplete',
          '13800000000',
          null,
          null,
          '「申报单位联系人及联系方式」缺少联系人姓名：请写成「张三 13800000000」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'contact', '张三', null],
    {
      out: '张三',
      issues: [
        [
          'contact-incomplete',
          '张三',
          null,
          null,
          '「申报单位联系人及联系方式」缺少电话或邮箱：请写成「张三 13800000000」。',
        ],
      ],
    },
  ],
  [['shanghai', 'contactPhone', '１３９ 1234 5678', null], { out: '13912345678', issues: [] }],
  [
    ['shanghai', 'contactPhone', '12345', null],
    {
      out: '12345',
      issues: [
        [
          'phone-invalid',
          null,
          null,
          null,
          '电话 「12345」 格式不对：手机为 11 位（1 开头），固话带区号，如「0971-6145250」。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'contactPhone', 3516145250, null],
    {
      out: '3516145250',
      issues: [
        [
          'phone-leading-zero',
          '3516145250',
          '03516145250',
          false,
          '电话在原表中存成了数字 3516145250，开头的 0 可能已丢失：如果是固定电话，应为「03516145250」，请核对后改正（把该列设为文本格式再填写）。',
        ],
      ],
    },
  ],
  [['shanghai', 'contactEmail', ' a@b.cn ', null], { out: 'a@b.cn', issues: [] }],
  [
    ['shanghai', 'contactEmail', 'a@b', null],
    {
      out: 'a@b',
      issues: [['email-invalid', null, null, null, '邮箱 「a@b」 格式不对：应形如「name@example.com」。']],
    },
  ],
  [
    ['shanghai', 'contactName', '赵六13912345678', null],
    {
      out: '赵六13912345678',
      issues: [
        [
          'person-has-digits',
          null,
          null,
          null,
          '「项目联系人」应只填姓名，「赵六13912345678」 含有数字：电话请填在对应列。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'period', '2026年', null],
    {
      out: '2025年12月至2027年11月',
      issues: [
        [
          'fixed-value',
          '2026年',
          '2025年12月至2027年11月',
          true,
          '「项目周期」按通知固定为「2025年12月至2027年11月」，原填 「2026年」：已改为通知的写法。',
        ],
      ],
    },
  ],
  [['shanghai', 'period', '2025年12月至2027年11月', null], { out: '2025年12月至2027年11月', issues: [] }],
  [
    ['wuhan', 'benefit', '带动就业', null],
    {
      out: '带动就业',
      issues: [
        [
          'benefit-no-figure',
          null,
          null,
          null,
          '「产生社会经济效益」没有量化数字：请写明效益的数字，如「增加就业岗位XX个、带动投资增加XX万元」。',
        ],
      ],
    },
  ],
  [['wuhan', 'benefit', '增加就业岗位三个', null], { out: '增加就业岗位三个', issues: [] }],
  [
    ['qinghai', 'models', 'N/A', null],
    {
      out: '无',
      issues: [['value-normalised', 'N/A', '无', true, '没有支撑模型时按通知填「无」，原填 「N/A」。']],
    },
  ],
  [
    ['qinghai', 'models', 'A模型,B模型', null],
    {
      out: 'A模型、B模型',
      issues: [
        [
          'value-normalised',
          'A模型,B模型',
          'A模型、B模型',
          true,
          '原填 「A模型,B模型」，模型名称之间用「、」分隔：已写作 「A模型、B模型」。',
        ],
      ],
    },
  ],
  [['qinghai', 'models', '无', null], { out: '无', issues: [] }],
  [
    ['shanghai', 'applicant', '甲公司、乙公司', null],
    {
      out: '甲公司、乙公司',
      issues: [
        [
          'joint-application',
          null,
          null,
          null,
          '「申报单位名称」似乎填了多家单位：本项目不接受联合申报，只填一家申报单位。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'projectName', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', null],
    { out: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', issues: [] },
  ],
  [
    ['shanghai', 'creditCode', '91310115MA1K4XXX10', null],
    {
      out: '91310115MA1K4XXX10',
      issues: [
        [
          'credit-code-check',
          '91310115MA1K4XXX10',
          null,
          null,
          '统一社会信用代码 「91310115MA1K4XXX10」 校验位不符（按 GB 32100 应为「9」）：请核对；早期试点代码可能如此，核实无误可忽略。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'creditCode', ' 91110108551385082q', null],
    {
      out: '91110108551385082Q',
      issues: [
        [
          'credit-code-region',
          '91110108551385082q',
          null,
          null,
          '统一社会信用代码的登记管理机关代码是 110108，不是上海（31开头）：通知要求申报单位在上海注册，请核实。',
        ],
        [
          'value-normalised',
          '91110108551385082q',
          '91110108551385082Q',
          true,
          '原填 「91110108551385082q」，已去掉空格并改为大写：「91110108551385082Q」。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'creditCode', '123', null],
    {
      out: '123',
      issues: [
        ['credit-code-length', '123', null, null, '统一社会信用代码应为 18 位，「123」是 3 位：请核对。'],
      ],
    },
  ],
  [
    ['shanghai', 'plannedFunds', 'abc', null],
    {
      out: 'abc',
      issues: [
        [
          'number-invalid',
          'abc',
          null,
          null,
          '「拟投入资金（万元）」应填以万元为单位的数字，如「500」，原填 「abc」。',
        ],
      ],
    },
  ],
  [
    ['shanghai', 'debtRatio2022', '35.5%', null],
    // The same number in the column's own unit: written as a number, not worth a message.
    { out: 35.5, issues: [] },
  ],
  [
    ['shanghai', 'debtRatio2022', 'x', null],
    {
      out: 'x',
      issues: [
        [
          'number-invalid',
          'x',
          null,
          null,
          '「2022年资产负债率（%）」应填百分数的数字，如「35.5」（表示 35.5%），原填 「x」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'domain', '医疗卫生', null],
    {
      out: '医疗健康',
      issues: [
        [
          'value-normalised',
          '医疗卫生',
          '医疗健康',
          true,
          '「医疗卫生」是其他地区或其他写法的同一类别，本表写作「医疗健康」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'domain', '医疗健康、工业制造', null],
    {
      out: '医疗健康、工业制造',
      issues: [
        [
          'value-multiple',
          '医疗健康、工业制造',
          null,
          null,
          '「行业领域」只能选一项，「医疗健康、工业制造」 填了 2 项：请只保留最主要的一项。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'modality', '文本，图片', null],
    {
      out: '文本、图形图像',
      issues: [
        [
          'value-normalised',
          '文本，图片',
          '文本、图形图像',
          true,
          '「图片」是其他地区或其他写法的同一类别，本表写作「图形图像」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'modality', '文本、文本', null],
    {
      out: '文本',
      issues: [
        ['value-normalised', '文本、文本', '文本', true, '多个选项之间用「、」分隔：已改为 「文本」。'],
      ],
    },
  ],
  [
    ['qinghai', 'modality', '文本、养牛', null],
    {
      out: '文本、养牛',
      issues: [
        [
          'value-not-allowed',
          '养牛',
          null,
          false,
          '「养牛」不是本表的数据集模态选项：请从下拉列表中选择；确属其他的，写「其它（养牛）」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'domain', '其它', null],
    {
      out: '其它',
      issues: [
        [
          'other-unspecified',
          '其它',
          null,
          null,
          '选了「其它」但没有注明是什么：请写成「其它（具体内容）」。',
        ],
      ],
    },
  ],
  [
    ['qinghai', 'domain', '养牛', null],
    {
      out: '养牛',
      issues: [
        [
          'value-not-allowed',
          '养牛',
          null,
          false,
          '「养牛」不是本表的行业领域选项：请从下拉列表中选择；确属其他的，写「其它（养牛）」。',
        ],
      ],
    },
  ],
];

describe('column checks', () => {
  it.each(CASES.map(([row, expected]) => [row.slice(0, 3).join(' '), row, expected] as const))(
    '%s',
    (_name, row, expected) => {
      expect(check(row)).toEqual(expected);
    },
  );

  it('give a fresh answer under the other TB base', () => {
    const qh = getProfile('qinghai')!;
    const col = qh.columns.find((c) => c.key === 'scale')!;
    expect(validatorFor(qh, 1000).checkCell(col, '1.5TB').out).toBe(1500);
    expect(validatorFor(qh, 1000).checkCell(col, '1.5TB').issues[0].message).toBe(
      '原填 「1.5TB」，已换算为 1500（GB，1TB=1000GB）。',
    );
  });
});
