import { getProfile, PROFILES } from '../src/core/profiles';
import { parseProfile, profileTitle } from '../src/core/profile';
import { proseList, quoted, section, summaryColumns } from './helpers/formats';

const vocabLabels = (id: string, name: string) => {
  const v = getProfile(id)!.vocabularies[name];
  return v.items.map((i) => i.label);
};
/** FORMATS writes the other-option as 「其它（…）」 or 「其他（…）」 or bare 「其他」. */
const withoutOther = (list: string[]) => list.filter((x) => !/^其[它他]/.test(x));
const otherOf = (list: string[]) => list.find((x) => /^其[它他]/.test(x))?.slice(0, 2);

describe('each profile is FORMATS.md, character for character', () => {
  test.each([
    ['qinghai', 2],
    ['wuhan', 3],
    ['shanxi', 4],
  ])('%s summary columns equal §%i', (id, n) => {
    const cols = summaryColumns(n);
    expect(cols.length).toBeGreaterThan(5);
    expect(getProfile(id)!.columns.map((c) => c.label)).toEqual(cols);
  });

  test('上海: the 项目基本信息情况表 fields, in order, then the three years', () => {
    const s = section(5);
    const fieldsText = s.slice(
      s.indexOf('Fields, in order:') + 'Fields, in order:'.length,
      s.indexOf('then 近三年'),
    );
    const fields = fieldsText
      .replace(/\s*\((?:[^()]|\([^)]*\))*\)/g, '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const labels = getProfile('shanghai')!.columns.map((c) => c.label);
    expect(labels.slice(0, fields.length)).toEqual(fields);
    const yearly = ['资产总额（万元）', '资产负债率（%）', '主营业务收入（万元）', '利润率（%）'];
    for (const f of yearly) expect(s).toContain(f);
    expect(labels.slice(fields.length)).toEqual(
      ['2022', '2023', '2024'].flatMap((y) => yearly.map((f) => `${y}年${f}`)),
    );
    expect(getProfile('shanghai')!.region.districts).toHaveLength(16);
    expect(getProfile('shanghai')!.columns.find((c) => c.key === 'period')!.fixedValue).toBe(
      '2025年12月至2027年11月',
    );
    expect(quoted(5)).toEqual(expect.arrayContaining(vocabLabels('shanghai', 'direction')));
  });

  test.each([
    ['qinghai', 2, /\*\*Domains \(14\):\*\*/, 'domain', '其它'],
    ['qinghai', 2, /\*\*Modalities \(5\):\*\*/, 'modality', '其它'],
    ['wuhan', 3, /\*\*Domains \(16 legible\):\*\*/, 'domain', '其他'],
    ['wuhan', 3, /\*\*Directions \(6, multiple allowed\):\*\*/, 'direction', '其他'],
    ['wuhan', 3, /\*\*Categories \(3\):\*\*/, 'category', undefined],
    ['shanxi', 4, /\*\*Domains \(20 \+ other\):\*\*/, 'domain', '其他'],
    ['shanxi', 4, /\*\*Modalities \(6\):\*\*/, 'modality', '其他'],
  ])('%s §%i %s vocabulary', (id, n, heading, name, other) => {
    const list = proseList(n, heading);
    expect(vocabLabels(id, name)).toEqual(withoutOther(list));
    expect(getProfile(id)!.vocabularies[name].other).toBe(other);
    expect(otherOf(list)).toBe(other);
  });

  test('武汉 modalities: 文本, 图片 (图像 accepted), 音频, 视频, 其他', () => {
    const v = getProfile('wuhan')!.vocabularies.modality;
    expect(v.items.map((i) => i.label)).toEqual(['文本', '图片', '音频', '视频']);
    expect(v.items[1].accept).toEqual(['图像']);
    expect(v.other).toBe('其他');
  });

  test.each(PROFILES.filter((p) => p.layout === 'summary').map((p) => [p.id]))(
    '%s title, lines above and footnote are quoted in FORMATS.md',
    (id) => {
      const p = getProfile(id)!;
      const n = { qinghai: 2, wuhan: 3, shanxi: 4 }[id]!;
      const q = quoted(n);
      expect(q).toContain(p.sheet.title.replace('{prefix}', 'XXX'));
      for (const seg of p.sheet.linesAbove.flat()) expect(q).toContain(seg);
      if (p.sheet.footnote) expect(q).toContain(p.sheet.footnote);
      expect(section(n)).toContain(p.sheet.attachment);
    },
  );

  test('山西 title takes the recommender prefix', () => {
    expect(profileTitle(getProfile('shanxi')!, '教育')).toBe('教育行业高质量数据集汇总表');
    expect(profileTitle(getProfile('shanxi')!)).toBe('XXX行业高质量数据集汇总表');
  });

  test.each([
    ['qinghai', '63'],
    ['wuhan', '4201'],
    ['shanxi', '14'],
    ['shanghai', '31'],
  ])('%s applicants registered in region %s', (id, code) => {
    expect(getProfile(id)!.region.creditRegion).toBe(code);
  });

  test('character limits on the forms', () => {
    const lim = (id: string, label: string) =>
      getProfile(id)!.form!.fields.find((f) => f.label === label)!.maxChars;
    expect(lim('wuhan', '数据集概况')).toBe(200);
    expect(lim('wuhan', '应用场景介绍')).toBe(500);
    expect(lim('shanghai', '申报单位基本情况')).toBe(1000);
    expect(lim('shanghai', '已开展工作')).toBe(1000);
  });

  test('a malformed profile is refused with a readable message', () => {
    expect(() => parseProfile({ id: 'x' })).toThrow(/格式文件不合规/);
    const p = JSON.parse(JSON.stringify(getProfile('qinghai')));
    p.columns[2].vocab = 'nope';
    expect(() => parseProfile(p)).toThrow(/不存在的词表/);
  });

  test('a new bureau is a new data file', () => {
    const p = JSON.parse(JSON.stringify(getProfile('qinghai')));
    p.id = 'beijing-test';
    p.sheet.title = '北京市测试汇总表';
    expect(parseProfile(p).sheet.title).toBe('北京市测试汇总表');
  });
});
