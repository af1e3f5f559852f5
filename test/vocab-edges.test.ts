/**
 * Each outcome of matching a cell against a vocabulary, with the exact Chinese message a clerk
 * reads: kept, rewritten (and why), turned into the other-option, asked about, or refused with at
 * most a suggestion. Also the dropdown's options and the splitting of multi-value cells.
 */
import { getProfile, PROFILES } from '../src/core/profiles';
import { ConceptIndex, otherMatch, splitMulti, VocabMatcher } from '../src/core/vocab';

const concepts = new ConceptIndex([...PROFILES]);
const matcher = (id: string, kind: string, what: string) =>
  new VocabMatcher(kind, getProfile(id)!.vocabularies[kind], concepts, what);
const qhModality = matcher('qinghai', 'modality', '数据集模态');
const whDirection = matcher('wuhan', 'direction', '申报方向');
const shDirection = matcher('shanghai', 'direction', '申报方向');

describe('the other-option written in brackets (青海 「其它（…）」)', () => {
  it('asks what 「其它」 alone or with empty brackets stands for', () => {
    const asked = {
      status: 'other-unspecified',
      value: '其它',
      message: '选了「其它」但没有注明是什么：请写成「其它（具体内容）」。',
    };
    expect(qhModality.match('其它')).toEqual(asked);
    expect(qhModality.match('其它（）')).toEqual(asked);
    expect(matcher('wuhan', 'modality', '数据集模态').match('其它')).toEqual({
      ...asked,
      value: '其他',
      message: '选了「其他」但没有注明是什么：请写成「其他（具体内容）」。',
    });
  });

  it('writes one of the table’s own labels as itself', () => {
    expect(qhModality.match('其它（文本）')).toEqual({
      status: 'fixed',
      value: '文本',
      message: '「文本」是本表的选项，不必写作「其它（…）」：已写作「文本」。',
    });
  });

  it('keeps the other-option for a synonym inside it, suggesting the label it may mean', () => {
    expect(qhModality.match('其它（文字）')).toEqual({
      status: 'other',
      value: '其它（文字）',
      suggestion: '文本',
      message: '已按通知写作「其它（文字）」；「文字」也可能属于本表的「文本」，如是请改选「文本」。',
    });
  });

  it('respells 其他 and half-width brackets as the notice does, and keeps the notice’s own spelling', () => {
    expect(qhModality.match('其他（海洋）')).toEqual({
      status: 'fixed',
      value: '其它（海洋）',
      message: '按通知写作「其它（海洋）」（本表写「其它」，用全角括号）。',
    });
    expect(qhModality.match('其它（海洋）')).toEqual({ status: 'ok', value: '其它（海洋）' });
  });
});

describe('the other-option without brackets (武汉 申报方向 「其他」)', () => {
  it('respells 其它 as 其他, and keeps 其他', () => {
    expect(whDirection.match('其它')).toEqual({
      status: 'fixed',
      value: '其他',
      message: '按通知写作「其他」。',
    });
    expect(whDirection.match('其他')).toEqual({ status: 'ok', value: '其他' });
  });

  it('offers 其他 last in the dropdown and as the other-option for anything', () => {
    expect(whDirection.options()).toEqual([
      '高质量数据集建设应用',
      '高质量数据集模型验证',
      '高质量数据集流通交易',
      '高质量数据集技术创新',
      '高质量数据集生态培育',
      '其他',
    ]);
    expect(whDirection.otherOf('海洋')).toBe('其他');
  });

  it('suggests the label a short form inside 其他 may mean', () => {
    expect(whDirection.match('其他：建设应用')).toEqual({
      status: 'other',
      value: '其他',
      suggestion: '高质量数据集建设应用',
      message:
        '已按通知写作「其他」；「建设应用」也可能属于本表的「高质量数据集建设应用」，如是请改选「高质量数据集建设应用」。',
    });
  });
});

describe('a vocabulary without an other-option (上海 申报方向)', () => {
  it('refuses 其他, listing the labels to choose from', () => {
    expect(shDirection.match('其他')).toEqual({
      status: 'unknown',
      value: '其他',
      message:
        '本表的申报方向没有「其他」选项：请从 方向1：行业领域高质量数据集建设、方向2：高质量数据集工具链平台建设 中选择。',
    });
  });

  it('offers only its labels, and gives no other-option hint for an unknown value', () => {
    expect(shDirection.options()).toEqual(
      getProfile('shanghai')!.vocabularies.direction.items.map((i) => i.label),
    );
    expect(shDirection.match('xyz')).toEqual({
      status: 'unknown',
      value: 'xyz',
      message: '「xyz」不是本表的申报方向选项：请从下拉列表中选择。',
    });
  });
});

describe('values that are not labels', () => {
  it('ask which modalities 多模态 means', () => {
    expect(qhModality.match('多模态')).toEqual({
      status: 'ambiguous',
      value: '多模态',
      message: '「多模态」没有说明是哪几种模态：请拆开写明，如「文本、图像」。',
    });
  });

  it('rewrite a label written with spaces, a short form and another region’s label, each saying why', () => {
    expect(matcher('qinghai', 'domain', '行业领域').match('现代 农业')).toEqual({
      status: 'fixed',
      value: '现代农业',
      message: '「现代 农业」写法与通知不一致（空格、括号或全半角），本表写作「现代农业」。',
    });
    expect(whDirection.match('建设应用')).toEqual({
      status: 'fixed',
      value: '高质量数据集建设应用',
      message: '「建设应用」是简称或别称，本表写作「高质量数据集建设应用」。',
    });
    expect(matcher('qinghai', 'domain', '行业领域').match('商务领域')).toEqual({
      status: 'fixed',
      value: '商贸流通',
      message: '「商务领域」是其他地区或其他写法的同一类别，本表写作「商贸流通」。',
    });
  });

  it('turn a known concept the table lacks into the other-option, asking to confirm', () => {
    expect(qhModality.match('点云')).toEqual({
      status: 'other',
      value: '其它（点云）',
      message: '本表的数据集模态没有「点云」这一项，已按通知写作「其它（点云）」：请确认。',
    });
  });

  it('refuse an unknown value, suggesting a label only when it is close', () => {
    expect(qhModality.match('视频资料')).toEqual({
      status: 'unknown',
      value: '视频资料',
      suggestion: '视频',
      message:
        '「视频资料」不是本表的数据集模态选项：请从下拉列表中选择（是否为「视频」？）；确属其他的，写「其它（视频资料）」。',
    });
    expect(qhModality.match('xyz')).toEqual({
      status: 'unknown',
      value: 'xyz',
      suggestion: undefined,
      message: '「xyz」不是本表的数据集模态选项：请从下拉列表中选择；确属其他的，写「其它（xyz）」。',
    });
  });

  it('answer the same for the same text asked twice, spaces trimmed', () => {
    expect(qhModality.match(' 文本 ')).toEqual({ status: 'ok', value: '文本' });
    expect(qhModality.match(' 文本 ')).toEqual({ status: 'ok', value: '文本' });
  });
});

describe('otherMatch', () => {
  it('reads what follows 其它 after any separator clerks type', () => {
    expect(otherMatch('其它_海洋')).toEqual({ inner: '海洋' });
    expect(otherMatch('其它——海洋')).toEqual({ inner: '海洋' });
    expect(otherMatch('其它：\n海洋')).toEqual({ inner: '海洋' });
    expect(otherMatch('其它( 海洋 )')).toEqual({ inner: '海洋' });
    expect(otherMatch('其他 ')).toEqual({ inner: '' });
  });

  it('refuses text on two lines: it is no other-option but a note', () => {
    expect(otherMatch('其它（海\n洋）')).toBeNull();
    expect(otherMatch('其它：海\r洋')).toBeNull();
  });
});

describe('splitMulti', () => {
  it('splits on every separator, keeping a known value with a slash and the other-option whole', () => {
    expect(splitMulti('文本、图像/视频 音频|其它（a/b）', (s) => s === '图像/视频')).toEqual([
      '文本',
      '图像/视频',
      '音频',
      '其它（a/b）',
    ]);
    expect(splitMulti('图片和视频；文本,,', () => false)).toEqual(['图片', '视频', '文本']);
    expect(splitMulti('图片/视频', () => false)).toEqual(['图片', '视频']);
  });
});
