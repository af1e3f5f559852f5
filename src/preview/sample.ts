/** A received 青海 sheet as the preview opens with: title lines, renamed headers, TB values, another
 *  bureau's vocabulary, a missing phone number — the kind of sheet a clerk gets. */
export const SAMPLE_SHEET = '来件-海西州';
export const SAMPLE_ROWS: (string | number)[][] = [
  ['附件2'],
  ['青海省行业高质量数据集汇总表'],
  ['推荐单位：（盖章）', '', '', '', '', '', '', '年　月　日'],
  [
    '序号',
    '数据集名称',
    '所属行业领域',
    '模态',
    '数据量(TB)',
    '已服务支撑人工智能大模型名称',
    '申报单位',
    '联系人',
    '联系电话',
  ],
  [1, '牦牛养殖数据集', '医疗卫生', '图片、文字', 2, '/', '青海牧业公司', '张三', '13800000000'],
  [2, '盐湖化工数据集', '工业', '视频', 1, '盐湖大模型', '盐湖股份', '李四', '0971-6145250'],
  [3, '三江源生态数据集', '绿色低碳', '遥感影像', 1.5, '无', '三江源研究院', '王五', ''],
];
