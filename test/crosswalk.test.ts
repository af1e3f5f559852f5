import { CONCEPTS, ConceptIndex, VocabMatcher, splitMulti } from '../src/core/vocab';
import { getProfile, PROFILES } from '../src/core/profiles';
import { section, tableRows } from './helpers/formats';

const index = new ConceptIndex([...PROFILES]);
const matcher = (id: string, vocab: string) =>
  new VocabMatcher(vocab, getProfile(id)!.vocabularies[vocab], index, vocab);
const REGIONS = ['qinghai', 'wuhan', 'shanxi'] as const;

/** §7's two tables: concept rows with the label each region uses ('–' for none). */
function crosswalk(which: 'domain' | 'modality') {
  const rows = tableRows(section(7));
  const start = rows.findIndex((r) => r[0] === (which === 'domain' ? 'concept' : 'modality concept'));
  const out: string[][] = [];
  for (let i = start + 2; i < rows.length && !/^(concept|modality concept|---)/.test(rows[i][0]); i++)
    out.push(rows[i]);
  return out;
}

describe('§7 domains: every label moves to every region as the table says', () => {
  const rows = crosswalk('domain').filter((r) => r[0] !== 'other');
  expect(rows.length).toBe(24);
  const cases: [string, string, string, string][] = [];
  for (const r of rows) {
    const labels = r.slice(1, 5).filter((x) => x !== '–');
    for (const from of labels) REGIONS.forEach((id, i) => cases.push([r[0], from, id, r[i + 1]]));
  }
  test.each(cases)('%s: 「%s」 into %s is 「%s」', (_concept, from, id, want) => {
    const m = matcher(id, 'domain');
    const r = m.match(from);
    if (want === '–') {
      const other = getProfile(id)!.vocabularies.domain.other;
      expect(r.status).toBe('other');
      expect(r.value).toBe(`${other}（${from}）`);
    } else {
      expect(r.value).toBe(want);
      expect(['ok', 'fixed']).toContain(r.status);
    }
  });
});

describe('§7 modalities, and the spellings seen in received sheets', () => {
  const rows = crosswalk('modality').filter((r) => r[0] !== 'other');
  const cases: [string, string, string][] = [];
  for (const r of rows) {
    const spellings = r[4]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of spellings) REGIONS.forEach((id, i) => cases.push([s, id, r[i + 1]]));
  }
  test.each(cases)('「%s」 into %s → %s', (spelling, id, cell) => {
    const r = matcher(id, 'modality').match(spelling);
    if (cell.startsWith('(')) {
      // 武汉 tabular: no modality label; the value goes to its other-option.
      expect(r.value).toBe(`其他（${spelling}）`);
    } else if (/^其[它他]（/.test(cell)) {
      expect(r.status).toBe('other');
      expect(r.value).toBe(`${cell.slice(0, 2)}（${spelling}）`);
    } else {
      const allowed = cell.split(' / ').map((s) => s.trim());
      expect(allowed).toContain(r.value);
    }
  });
  test('多模态 is ambiguous: ask which', () => {
    for (const id of REGIONS) expect(matcher(id, 'modality').match('多模态').status).toBe('ambiguous');
  });
  test.each(['点云', '三维'])('「%s」 becomes the other-option with a warning', (s) => {
    expect(matcher('qinghai', 'modality').match(s)).toMatchObject({ status: 'other', value: `其它（${s}）` });
    expect(matcher('shanxi', 'modality').match(s)).toMatchObject({ status: 'other', value: `其他（${s}）` });
  });
  test('武汉 keeps 图像 as written and writes 图片 for other spellings', () => {
    expect(matcher('wuhan', 'modality').match('图像')).toMatchObject({ status: 'ok', value: '图像' });
    expect(matcher('wuhan', 'modality').match('照片')).toMatchObject({ status: 'fixed', value: '图片' });
  });
});

describe('every synonym in concepts.json reaches its concept', () => {
  const cases: [string, string, string][] = [];
  for (const kind of ['domain', 'modality'] as const) {
    for (const [id, c] of Object.entries(CONCEPTS[kind]))
      for (const s of c.synonyms) cases.push([kind, s, id]);
  }
  test.each(cases)('%s 「%s」 → %s', (kind, s, id) => {
    expect(index.concept(kind, s)).toBe(id === 'image' && s === '图形图像' ? 'image' : id);
  });
});

describe('short forms and other spellings of the other vocabularies', () => {
  test.each([
    ['wuhan', 'category', '行业专识', '行业专识数据集'],
    ['wuhan', 'category', '通识', '通识数据集'],
    ['wuhan', 'category', '行业通识', '行业通识数据集'],
    ['wuhan', 'direction', '技术创新', '高质量数据集技术创新'],
    ['wuhan', 'direction', '建设应用', '高质量数据集建设应用'],
    ['wuhan', 'direction', '模型验证', '高质量数据集模型验证'],
    ['wuhan', 'direction', '流通交易', '高质量数据集流通交易'],
    ['wuhan', 'direction', '生态培育', '高质量数据集生态培育'],
    ['shanghai', 'direction', '方向1', '方向1：行业领域高质量数据集建设'],
    ['shanghai', 'direction', '方向二', '方向2：高质量数据集工具链平台建设'],
    ['shanghai', 'district', '浦东', '浦东新区'],
    ['shanghai', 'nature', '国企', '国有企业'],
    ['qinghai', 'domain', '医疗卫生', '医疗健康'],
    ['qinghai', 'domain', '医 疗 健 康', '医疗健康'],
    ['qinghai', 'modality', '图片', '图形图像'],
    ['shanxi', 'domain', '商贸流通', '商务领域'],
    ['shanxi', 'domain', '智能驾驶', '智慧驾驶'],
    ['wuhan', 'domain', '智慧驾驶', '智能驾驶'],
  ])('%s %s: 「%s」 → 「%s」', (id, vocab, from, to) => {
    expect(matcher(id, vocab).match(from)).toMatchObject({ status: 'fixed', value: to });
  });

  test('the other-option: spelled as the target spells it, and asked for its content', () => {
    expect(matcher('qinghai', 'domain').match('其他（海洋）')).toMatchObject({
      status: 'fixed',
      value: '其它（海洋）',
    });
    expect(matcher('shanxi', 'domain').match('其它(海洋)')).toMatchObject({
      status: 'fixed',
      value: '其他（海洋）',
    });
    expect(matcher('qinghai', 'domain').match('其它（海洋）')).toMatchObject({ status: 'ok' });
    expect(matcher('qinghai', 'domain').match('其它')).toMatchObject({ status: 'other-unspecified' });
    expect(matcher('qinghai', 'domain').match('其它（医疗）')).toMatchObject({
      status: 'other',
      suggestion: '医疗健康',
    });
    expect(matcher('wuhan', 'direction').match('其他')).toMatchObject({ status: 'ok' });
  });

  test('an unknown value is an error with, at most, a suggestion', () => {
    const r = matcher('qinghai', 'domain').match('工业制');
    expect(r.status).toBe('unknown');
    expect(r.suggestion).toBe('工业制造');
    expect(r.message).toContain('其它（工业制）');
    expect(matcher('qinghai', 'domain').match('哈哈哈').suggestion).toBeUndefined();
  });

  test('multi-value cells split on every separator clerks use, keeping 图像/视频 whole', () => {
    const known = (s: string) => ['图像/视频', '文本'].includes(s);
    expect(splitMulti('文本、图像/视频', known)).toEqual(['文本', '图像/视频']);
    expect(splitMulti('文本,图片；音频 视频', known)).toEqual(['文本', '图片', '音频', '视频']);
    expect(splitMulti('文本和图片', known)).toEqual(['文本', '图片']);
    expect(splitMulti('图片/视频', () => false)).toEqual(['图片', '视频']);
  });
});
