/**
 * A Word 附件1 (one label | value table per dataset) whose options are in the notice's text beside it,
 * 「所属领域：A、B、C。」, as a summary template's are (issue 13): the form's 所属领域 gets those
 * options, and a 「（不超过300字）」 on a form label is its word limit, as on a summary header.
 */
import { learnTemplate, type LearnResult } from '../src/core/learn';
import { mergeSheets } from '../src/core/merge';
import { readTemplate } from '../src/io/template';
import { docx, para, table } from './helpers/docx';

const DOMAINS = '所属领域：工业制造、现代农业、商贸流通、交通运输、医疗健康、低空经济、其他。';

async function formTemplate(): Promise<Buffer> {
  return docx(
    para('附件1') +
      para('某市行业高质量数据集申报基本信息表') +
      table([
        ['数据集名称', { text: '', span: 3 }],
        ['申报单位', null, '统一社会信用代码', null],
        ['所属领域', { text: '', span: 3 }],
        ['数据规模（GB）', null, '更新频率', null],
        ['联系人', null, '联系电话', null],
        ['数据集简介（不超过300字）', { text: '', span: 3 }],
      ]) +
      para(DOMAINS) +
      para('申报单位（盖章）：　　　　　　　　年　　月　　日'),
  );
}

describe('a Word 附件1 form with 「所属领域：A、B、C。」 below it', () => {
  let r: LearnResult;
  beforeAll(async () => {
    r = learnTemplate(await readTemplate('附件1.docx', new Uint8Array(await formTemplate())), { id: 'f' });
  });
  const col = (label: string) => r.profile.columns.find((c) => c.label === label)!;

  test('所属领域 takes the options from the text, linked to the concepts, and the review says where from', () => {
    const c = col('所属领域');
    expect(c).toMatchObject({ type: 'vocab', multi: false });
    const v = r.profile.vocabularies[c.vocab!];
    expect([...v.items.map((i) => i.label), v.other]).toEqual([
      '工业制造',
      '现代农业',
      '商贸流通',
      '交通运输',
      '医疗健康',
      '低空经济',
      '其他',
    ]);
    expect(r.inferred.join('\n')).toContain('「所属领域」的选项来自通知正文');
    // The sentence was learned, so it is not among the text said to be left out.
    expect(r.missing.join('\n')).not.toContain('所属领域：工业制造');
  });

  test('a word limit in a form label is the column’s limit', () => {
    expect(col('数据集简介（不超过300字）').maxChars).toBe(300);
  });

  test('a received row with 「医疗」 normalises to 医疗健康, an unknown domain is an error', () => {
    const keys = r.profile.columns.map((c) => c.label);
    const row = (domain: string) =>
      keys.map((k) =>
        k === '所属领域'
          ? domain
          : k === '数据集名称'
            ? `集-${domain}`
            : k === '联系电话'
              ? '13800000000'
              : 'x',
      );
    const m = mergeSheets(r.profile, [
      { file: '收到.xlsx', sheet: 'Sheet1', rows: [keys, row('医疗'), row('火星')] },
    ]);
    const domainIssues = m.issues.filter((i) => i.field === '所属领域').map((i) => [i.code, i.entry]);
    expect(domainIssues).toEqual([
      ['value-normalised', 0],
      ['value-not-allowed', 1],
    ]);
  });
});
