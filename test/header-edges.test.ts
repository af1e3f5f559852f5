/**
 * Mapping received headers: units in brackets, duplicate columns (the best kept, the other named
 * with what to do), a person's overrides, split contact columns, and finding the header row among
 * a sheet's first rows.
 */
import { findHeaderRow, HeaderIndex, mapHeader, scoreHeaderRows, splitHeaderUnit } from '../src/core/header';
import { getProfile, PROFILES } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
/** Built inside each test, so a change to how the index is built is seen by the tests (a module-level
 *  index would be built before any mutant is switched on). */
const indexFor = (p: typeof qh) =>
  new HeaderIndex(
    p,
    PROFILES.filter((x) => x.id !== p.id),
  );

describe('a unit in a header', () => {
  it.each([
    ['数据量（TB）', { base: '数据量', unit: 'TB' }],
    ['数据量（GB）', { base: '数据量', unit: 'GB' }],
    ['数据量(G)', { base: '数据量', unit: 'GB' }],
    ['规模 ( T )', { base: '规模', unit: 'TB' }],
    ['数据量（单位：万条）', { base: '数据量', unit: '万条' }],
    ['数据量（行/条）', { base: '数据量', unit: '行/条' }],
    ['数据量（亿条）', { base: '数据量', unit: '亿条' }],
    ['数据量（kb）', { base: '数据量', unit: 'KB' }],
    ['数据集 名称', { base: '数据集名称' }],
    ['数据量（TB）说明', { base: '数据量(TB)说明' }],
  ])('%s → %j', (h, want) => expect(splitHeaderUnit(h)).toEqual(want));

  it('is kept for a quantity column whose own unit differs, and dropped otherwise', () => {
    const m = mapHeader(indexFor(qh), ['数据量（TB）', '备注（TB）', '数据集数据量（GB）']).columns;
    expect(m.map((c) => [c.key, c.unit])).toEqual([
      ['scale', 'TB'],
      ['remark', undefined],
      [null, undefined],
    ]);
    const own = mapHeader(indexFor(qh), ['数据集数据量（GB）']).columns[0];
    expect([own.key, own.how, own.unit]).toEqual(['scale', 'exact', undefined]);
    const gb = mapHeader(indexFor(qh), ['数据量（gb）']).columns[0];
    expect([gb.key, gb.unit]).toEqual(['scale', undefined]);
  });
});

describe('two columns for one field', () => {
  it('keep the better match and name the other with the label it duplicates', () => {
    const m = mapHeader(indexFor(qh), ['数据集的名称', '数据集名称', '序号']);
    expect(m.columns[0]).toEqual({
      source: 0,
      header: '数据集的名称',
      key: null,
      label: null,
      how: null,
      score: 0.8,
      note: '「数据集的名称」与第 2 列「数据集名称」对应同一列「数据集名称」，未采用：请删去重复列或在映射中指定。',
    });
    expect(m.columns[1]).toMatchObject({ key: 'name', how: 'exact', label: '数据集名称' });
  });

  it('keep the leftmost of two equal matches', () => {
    const m = mapHeader(indexFor(qh), ['数据集名称', '数据集名称']).columns;
    expect(m.map((c) => c.key)).toEqual(['name', null]);
    expect(m[1].note).toBe(
      '「数据集名称」与第 1 列「数据集名称」对应同一列「数据集名称」，未采用：请删去重复列或在映射中指定。',
    );
  });
});

describe('a person’s overrides', () => {
  it('win over the match, keep the header’s unit, and can leave a column out', () => {
    const m = mapHeader(indexFor(qh), ['数据量（TB）', '名称（TB）', '数据集名称'], {
      0: 'scale',
      1: 'remark',
      2: null,
    });
    expect(m.columns.map((c) => [c.key, c.label, c.how, c.score])).toEqual([
      ['scale', '数据集数据量（GB）', 'manual', 1],
      ['remark', '备注', 'manual', 1],
      [null, null, null, 0],
    ]);
    expect(m.columns[0].unit).toBe('TB');
    expect(m.columns[2].note).toBe(
      '「数据集名称」对应不到本表的任何一列：其内容不会写入汇总表，请在映射中指定或确认可以舍去。',
    );
    expect(m.missing).toContain('name');
  });
});

describe('what is missing', () => {
  it('never 序号, and not the contact column when its parts are there, labelled as the contact column', () => {
    const m = mapHeader(indexFor(qh), ['联系人', '联系电话', '邮箱']);
    expect(m.columns.map((c) => [c.key, c.label])).toEqual([
      ['contactName', '申报单位联系人及联系方式'],
      ['contactPhone', '申报单位联系人及联系方式'],
      ['contactEmail', '申报单位联系人及联系方式'],
    ]);
    expect(m.missing).toEqual(['name', 'domain', 'modality', 'scale', 'models', 'applicant', 'remark']);
  });

  it('gives no note for an empty header cell, and a note for any other', () => {
    const m = mapHeader(indexFor(qh), [null, '  ', 5]).columns;
    expect(m.map((c) => [c.header, c.note])).toEqual([
      ['', undefined],
      ['', undefined],
      ['5', '「5」对应不到本表的任何一列：其内容不会写入汇总表，请在映射中指定或确认可以舍去。'],
    ]);
  });
});

describe('the header row', () => {
  it('is the row mapping the most columns, each column once', () => {
    const rows = [['标题'], ['序号', '数据集名称'], ['数据集名称', '数据集名称', '行业领域']];
    expect(scoreHeaderRows(indexFor(qh), rows)).toEqual({ row: 1, score: 2 });
    expect(findHeaderRow(indexFor(qh), [[], ['数据集名称', '行业领域']])).toBe(1);
  });

  it('stops at a row mapping every key the index knows: no row below can score more, and none is read', () => {
    const index = indexFor(qh);
    // 青海's columns, with the contact also as its parts (a two-row header's second row): 12 keys.
    const every = [...qh.columns.map((c) => c.label), '联系人', '联系电话', '电子邮箱'];
    expect(index.keyCount).toBe(every.length);
    const rows = [
      ['标题'],
      every,
      [...every, '多余'],
      ...Array.from({ length: 20 }, (_, i) => [`数据集${i}`, '医疗健康']),
    ];
    const seen: string[] = [];
    const match = index.match.bind(index);
    index.match = (t: string) => {
      seen.push(t);
      return match(t);
    };
    expect(scoreHeaderRows(index, rows)).toEqual({ row: 1, score: every.length });
    expect(seen).toEqual(['标题', ...every]);
    // Every column but not the contact's parts: a row below with the parts scores more, and wins.
    seen.length = 0;
    const columns = qh.columns.map((c) => c.label);
    const parts = [...columns.filter((l) => !l.includes('联系')), '联系人', '联系电话', '电子邮箱'];
    expect(scoreHeaderRows(index, [columns, parts])).toEqual({ row: 1, score: parts.length });
    // One column short: every scanned row is read, and the best is still the first of the highest.
    seen.length = 0;
    const short = columns.slice(1);
    expect(scoreHeaderRows(index, [short, ...rows.slice(3), short])).toEqual({ row: 0, score: short.length });
    expect(seen.length).toBeGreaterThan(short.length + 20);
  });

  it('needs more than one mapped cell, a fuzzy one counting half', () => {
    expect(scoreHeaderRows(indexFor(qh), [['数据集名称']])).toEqual({ row: -1, score: 0 });
    expect(scoreHeaderRows(indexFor(qh), [['数据集的名称', '行业的领域']])).toEqual({ row: -1, score: 0 });
    expect(scoreHeaderRows(indexFor(qh), [['数据集的名称', '行业的领域', '数据集模态']])).toEqual({
      row: 0,
      score: 2,
    });
  });

  it('is looked for only in the rows scanned, and a long cell is no header', () => {
    expect(scoreHeaderRows(indexFor(qh), [['数据集名称', '行业领域', '数据集模态']], 0)).toEqual({
      row: -1,
      score: 0,
    });
    expect(findHeaderRow(indexFor(qh), [[], [], ['数据集名称', '行业领域']], 2)).toBe(-1);
    const long = `数据集名称${'（说明）'.repeat(10)}`;
    expect(scoreHeaderRows(indexFor(qh), [[long, '行业领域', '数据集模态']])).toEqual({ row: 0, score: 2 });
  });
});

describe('HeaderIndex.match', () => {
  it('answers nothing for an empty header and keeps the best score of a header it cannot map', () => {
    expect(indexFor(qh).match('  ')).toEqual({ key: null, how: null, score: 0 });
    expect(indexFor(qh).match('数据集的名称')).toEqual({
      key: 'name',
      how: 'fuzzy',
      score: 0.8,
      unit: undefined,
    });
    const none = indexFor(qh).match('完全无关');
    expect(none.key).toBeNull();
    expect(none.score).toBeLessThan(0.66);
  });
});

describe('how a header is matched', () => {
  it('says whether it matched after folding spaces, or by a synonym', () => {
    const m = (h: string) => mapHeader(indexFor(qh), [h]).columns[0];
    expect([m('数据集 名称').key, m('数据集 名称').how]).toEqual(['name', 'normalized']);
    expect([m('名称').key, m('名称').how, m('名称').score]).toEqual(['name', 'synonym', 1]);
    expect(m('数据集\n名称').header).toBe('数据集 名称');
    expect(m('建设单位').key).not.toBe('builder'); // 山西's column, which 青海 has not
  });

  it('keeps the best score of a header it cannot map', () => {
    expect(indexFor(qh).match('名称之外')).toEqual({ key: null, how: null, score: 0.6 });
  });

  it('takes contact parts only in a format with a contact column', () => {
    const noContact = { ...qh, columns: qh.columns.filter((c) => c.key !== 'contact') };
    expect(mapHeader(indexFor(noContact), ['联系电话']).columns[0].key).toBeNull();
    expect(mapHeader(indexFor(qh), ['联系电话']).columns[0].key).toBe('contactPhone');
  });

  it('drops a unit on a contact part, and the quantity spec’s own unit (武汉 条, GB)', () => {
    expect(mapHeader(indexFor(qh), ['联系人（个）']).columns.map((c) => [c.key, c.unit])).toEqual([
      ['contactName', undefined],
    ]);
    const wh = getProfile('wuhan')!;
    const m = mapHeader(indexFor(wh), [
      '结构化数据规模（条）',
      '非结构化数据规模（GB）',
      '结构化数据规模（万条）',
    ]);
    expect(m.columns.map((c) => [c.key, c.unit])).toEqual([
      ['structuredScale', undefined],
      ['unstructuredScale', undefined],
      [null, '万条'],
    ]);
  });

  it('does not ask for the contact column when any one of its parts is there', () => {
    for (const part of ['联系人', '联系电话', '邮箱']) {
      expect(mapHeader(indexFor(qh), [part]).missing).not.toContain('contact');
    }
    expect(mapHeader(indexFor(qh), ['数据集名称']).missing).toContain('contact');
  });

  it('names a duplicated contact part by the contact column', () => {
    expect(mapHeader(indexFor(qh), ['联系人', '联系人']).columns[1].note).toBe(
      '「联系人」与第 1 列「联系人」对应同一列「申报单位联系人及联系方式」，未采用：请删去重复列或在映射中指定。',
    );
  });
});
