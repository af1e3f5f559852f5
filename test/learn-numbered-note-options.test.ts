/**
 * Options spelt out in a template's numbered note (「填表说明：1.行业领域：A、B、C。2.申报类型：…」,
 * 「注：1.所属领域：…」), and in an item that says it is multi-choice (「3.数据来源可多选：A、B」), are read
 * for their columns as a sentence of their own is: the first item after the heading is not lost to
 * the heading, and 「可多选」 is not part of the column's name.
 */
import { vocabSentences } from '../src/core/learn';

const NOTE =
  '填表说明：1.行业领域：工业制造、现代农业、医疗健康、其他。2.申报类型：新建、存量提升。3.数据来源可多选：政务数据、企业数据、互联网公开数据。';

test('each numbered item of a 填表说明 or 注 line is its own options sentence', () => {
  expect(vocabSentences([NOTE]).map((s) => [s.label, s.items, s.multi])).toEqual([
    ['行业领域', ['工业制造', '现代农业', '医疗健康', '其他'], false],
    ['申报类型', ['新建', '存量提升'], false],
    ['数据来源', ['政务数据', '企业数据', '互联网公开数据'], true],
  ]);
  expect(vocabSentences(['注：1.所属领域：科学研究、工业制造。']).map((s) => s.label)).toEqual(['所属领域']);
});

test('a plain sentence is read as before', () => {
  expect(vocabSentences(['所属领域：科学研究、工业制造、医疗卫生。']).map((s) => [s.label, s.items])).toEqual(
    [['所属领域', ['科学研究', '工业制造', '医疗卫生']]],
  );
  expect(vocabSentences(['数据集模态（可多选）：文本、图像。'])[0]).toMatchObject({
    label: '数据集模态',
    multi: true,
  });
});
