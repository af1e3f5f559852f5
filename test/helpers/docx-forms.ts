/**
 * The notices' Word forms, filled in as an applicant would, with the labels of the notices
 * (seeds/000 青海 附件1, 001 武汉 附件1, 002 山西 申报书 基本信息表, 003 上海 项目基本信息情况表) and
 * their layout: a section label merged down the left, values merged across, checkbox lists.
 */
import { docx, legacyBox, options, p, para, runs, sdtBox, symBox, table, type Cell } from './docx';

const cont: Cell = { vmerge: 'continue' };
const box = (xml: string, span?: number): Cell => ({ xml: p(xml), span });

/** 青海 附件1 (seeds/000): one applicant, the dataset section once per dataset; checkboxes as typed characters. */
export function qinghaiForm(
  datasets: { name: string; tb: string; domain: string; modality: string; models: string }[],
) {
  const rows: Cell[][] = [
    [{ text: '申报单位\n信息', vmerge: 'restart' }, '单位名称', { text: '青海牧业科技有限公司', span: 3 }],
    [cont, '统一社会\n信用代码', { text: '91630100MA752XXX1Q', span: 3 }],
    [cont, '单位地址', { text: '西宁市城西区', span: 3 }],
    [cont, '负责人及联系\n方式', { text: '张三 13800000000', span: 3 }],
  ];
  for (const d of datasets) {
    rows.push(
      [
        { text: '数据集简要信息（如有多个，视情况复制此部分，并自行添加序号）', vmerge: 'restart' },
        '数据集\n名称',
        d.name,
        '数据集规模（单位：TB）',
        d.tb,
      ],
      [cont, '所属行业领域', { text: d.domain, span: 3 }],
      [cont, '数据集\n模态', { text: d.modality, span: 3 }],
      [cont, '本数据集是否为国内首次公开发布', { text: '☑是 □否', span: 3 }],
      [cont, '已服务支撑\n算法模型', { text: d.models, span: 3 }],
      [cont, '数据集\n概况', { text: '牦牛养殖全周期数据。', span: 3 }],
      [cont, '应用场景\n介绍', { text: '用于疫病预警。', span: 3 }],
    );
  }
  rows.push([
    '申报声明',
    { text: '1.我单位对本次申报的数据集合法性、真实性、完整性和有效性负责。', span: 4 },
  ]);
  return docx(
    para('附件1') +
      para('青海省行业高质量数据集基本信息表') +
      para('申报单位名称：（盖章）') +
      para('申报日期： 年 月 日') +
      table(rows, 5),
  );
}

/** 武汉 附件1 (seeds/001): content-control checkboxes; 申报方向 with the box after each option. */
export function wuhanForm(opts: { unstructured?: string; modalities?: [boolean, string][] } = {}) {
  const rows: Cell[][] = [
    [
      { text: '申报单位信息', vmerge: 'restart' },
      '单位名称（盖章）',
      { text: '武汉光谷数据有限公司', span: 3 },
    ],
    [cont, '统一社会信用代码', { text: '91420100MA4KXXXX2B', span: 3 }],
    [cont, '单位地址', { text: '武汉市东湖高新区', span: 3 }],
    [cont, '负责人、职务及联系方式', { text: '李四 总经理 027-87654321', span: 3 }],
    [
      { text: '“案例1”简要信息', vmerge: 'restart' },
      '数据集案例名称',
      { text: '城市交通数据集赋能信号优化', span: 3 },
    ],
    [
      cont,
      '数据集名称及类别',
      box(
        options(
          [
            [false, '通识数据集'],
            [true, '行业通识数据集'],
            [false, '行业专识数据集'],
          ],
          sdtBox,
        ),
        3,
      ),
    ],
    [
      cont,
      '结构化数据集规模\n（单位：行/条）',
      '100000',
      '非结构化数据集规模\n（单位：GB）',
      opts.unstructured ?? '图片100GB，音频160GB',
    ],
    [
      cont,
      '申报方向',
      box(
        runs('高质量数据集建设应用') +
          sdtBox(true) +
          runs(' 高质量数据集模型验证') +
          sdtBox(false) +
          `<w:r><w:br/></w:r>` +
          runs('高质量数据集流通交易') +
          sdtBox(false) +
          runs(' 高质量数据集技术创新') +
          sdtBox(true) +
          runs('（可多选）'),
        3,
      ),
    ],
    [
      cont,
      '案例涉及行业/领域',
      box(
        options(
          [
            [false, '科学研究'],
            [true, '交通运输'],
            [false, '城市治理'],
          ],
          sdtBox,
        ),
        3,
      ),
    ],
    [
      cont,
      '数据集模态及规模',
      box(
        options(
          opts.modalities ?? [
            [true, '图像'],
            [true, '音频'],
          ],
          sdtBox,
        ),
        3,
      ),
    ],
    [cont, '已支撑算法模型', { text: '交通大模型、信号优化模型', span: 3 }],
    [cont, '数据集概况\n（不超过200字）', { text: '覆盖全市主干道路口的车流数据。', span: 3 }],
    [cont, '应用场景介绍\n（不超过500字）', { text: '信号配时优化，通行效率提升12%。', span: 3 }],
  ];
  return docx(para('附件1') + para('武汉市行业高质量数据集应用典型案例基本信息征集表') + table(rows, 5));
}

/** 山西 申报书 (seeds/002): a cover page, then 基本信息表 over two tables (a page break repeats the
 *  header); legacy form-field checkboxes; 「数据规模与模态」 holds both. */
export function shanxiForm(opts: { models?: 'yes' | 'no' } = {}) {
  const cover =
    para('附件1') +
    para('山西省高质量数据集申报书', 'Title') +
    para('（模板）') +
    para('数据集名称：汾河流域水文数据集') +
    para('申报单位（盖章）：山西水文科技有限公司') +
    para('申报日期：2026年3月10日') +
    `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
    para('基本信息表', 'Heading1') +
    para('申报单位：（盖章）');
  const head: Cell[] = ['板块', '字段', '填写说明与示例'];
  const t1: Cell[][] = [
    head,
    [{ text: '1. 基础信息', vmerge: 'restart' }, '数据集名称', '汾河流域水文数据集'],
    [
      cont,
      '所属领域',
      box(
        runs('重点领域：') +
          options(
            [
              [false, '科学研究'],
              [true, '智慧能源'],
              [false, '城市治理'],
            ],
            legacyBox,
          ) +
          runs(' 创新领域：') +
          options([[false, '低空经济']], legacyBox),
      ),
    ],
    [cont, '建设/牵头单位', '山西水文科技有限公司'],
    [
      cont,
      '当前状态',
      box(
        options(
          [
            [true, '已建成'],
            [false, '在建（预计完成时间：_____）'],
          ],
          legacyBox,
        ),
      ),
    ],
    [{ text: '2. 数据内容', vmerge: 'restart' }, '核心数据描述', '汾河流域 2015-2025 年水位、流量监测数据。'],
    [
      cont,
      '数据规模与模态',
      box(
        runs('规模：120TB') +
          '<w:r><w:br/></w:r>' +
          runs('模态：') +
          options(
            [
              [false, '文本'],
              [true, '时序数据'],
              [true, '结构化表格'],
            ],
            (c) => legacyBox(c, 'default'),
          ),
      ),
    ],
    [
      cont,
      '数据来源与更新频率',
      box(
        runs('来源：') +
          options([[true, '公共数据']], legacyBox) +
          runs(' 更新频率：') +
          options([[true, '每日']], legacyBox),
      ),
    ],
  ];
  const models =
    opts.models === 'no'
      ? options(
          [
            [false, '是（请注明模型类型/项目名称：_____）'],
            [true, '否'],
          ],
          legacyBox,
        )
      : options(
          [
            [true, '是（请注明模型类型/项目名称：水文预测大模型）'],
            [false, '否'],
          ],
          legacyBox,
        );
  const t2: Cell[][] = [
    head,
    [{ text: '3. 质量水平', vmerge: 'restart' }, '加工处理情况', '已清洗、标注。'],
    [cont, '遵循的标准规范', '暂无'],
    [{ text: '4. 应用情况', vmerge: 'restart' }, '主要应用场景', '洪水预报'],
    [cont, '是否已用于 AI 训练', box(models)],
    [cont, '已产生的成效或价值', '预报准确率提升 15%。'],
    ['5. 合规与安全', '合规安全说明', '不含个人信息。'],
    ['6. 联系信息', '负责人及联系方式', '姓名：王五 电话：13912345678 邮箱：wangwu@example.cn'],
  ];
  return docx(
    cover + table(t1) + para('') + table(t2) + para('申报材料正文', 'Heading1') + para('一、建设背景'),
  );
}

/** 上海 项目基本信息情况表 (seeds/003): Wingdings checkboxes; a label merged down two rows; the 近三年 grid. */
export function shanghaiForm(opts: { debt2024?: string } = {}) {
  const v = (text: string): Cell => ({ text, span: 3 });
  const rows: Cell[][] = [
    ['项目名称', v('长三角航运高质量数据集')],
    ['申报单位名称', v('上海港航数据有限公司')],
    [
      { text: '申报方向', vmerge: 'restart' },
      box(options([[true, '方向1：行业领域高质量数据集建设']], symBox), 3),
    ],
    [cont, box(options([[false, '方向 2：高质量数据集工具链平台建设']], symBox), 3)],
    ['项目周期', v('2025年12月至2027年11月')],
    ['拟投入资金 (万元)', v('800')],
    ['已投入资金 (万元)', v('200')],
    ['项目联系人', '赵六', '职务', '总监'],
    ['电话', v('13700000000')],
    ['邮箱', v('zhaoliu@example.com')],
    ['单位地址', v('上海市浦东新区世纪大道 1 号')],
    ['所在区 (注册区县)', v('浦东新区')],
    ['法定代表人', v('钱七')],
    ['统一社会信用代码', v('91310115MA1HXXXX3C')],
    [
      { text: '单位性质', vmerge: 'restart' },
      box(
        options(
          [
            [false, '国有企业'],
            [false, '事业单位'],
            [true, '民营企业'],
          ],
          symBox,
        ),
        3,
      ),
    ],
    [cont, box(options([[false, '其他 (请注明)']], symBox), 3)],
    ['近三年企业发展情况', '2022 年', '2023 年', '2024年'],
    ['资产总额 (万元)', '5000', '6000', '7000'],
    ['资产负债率(%)', '40', '38', opts.debt2024 ?? '35'],
    ['主营业务收入 (万元)', '3000', '3500', '4200'],
    ['利润率 (%)', '8', '9', '10'],
  ];
  return docx(
    para('一、项目基本信息情况表', 'Heading1') +
      table(rows, 4) +
      para('二、发展基础') +
      para('（一）申报单位基本情况（不超过1000字）'),
  );
}

/** A 青海 汇总表 (附件2) that a recommender filled in Word: title and 推荐单位 lines are paragraphs. */
export function qinghaiSummaryDocx() {
  const rows: Cell[][] = [
    [
      '序号',
      '数据集名称',
      '行业领域',
      '数据集\n模态',
      '数据集\n数据量\n（GB）',
      '已服务支撑人工智能大模型名称',
      '申报单位\n名称',
      '申报单位联系人及联系方式',
      '备注',
    ],
    [
      '1',
      '牦牛养殖数据集',
      '医疗健康',
      '图形图像、文本',
      '2TB',
      '无',
      '青海牧业公司',
      '张三 13800000000',
      '',
    ],
    ['2', '盐湖化工数据集', '工业制造', '文本', '500', '盐湖大模型', '青海盐湖公司', '李四', ''],
    ['', '', '', '', '', '', '', '', ''],
  ];
  return docx(
    para('附件2') +
      para('青海省行业高质量数据集汇总表') +
      para('推荐单位：海西州数据局（盖章）') +
      para('年　月　日') +
      table(rows),
  );
}
