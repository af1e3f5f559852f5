/**
 * A format file is checked when loaded (hqds --profile-file, a learned format): a schema error
 * names the first fields at fault, and every cross-reference (column keys, vocabularies,
 * require-one-of groups, the project form) is checked with a message naming what is wrong.
 */
import { parseProfile, profileTitle, type Profile } from '../src/core/profile';
import { getProfile } from '../src/core/profiles';

const sx = getProfile('shanxi')!;
const sh = getProfile('shanghai')!;
const wh = getProfile('wuhan')!;
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const refused = (p: unknown) => {
  try {
    parseProfile(p);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('parseProfile', () => {
  it('accepts every built-in format as it is', () => {
    for (const p of [sx, sh, wh]) expect(parseProfile(copy(p))).toEqual(p);
  });

  it('names at most five fields a schema error is about', () => {
    const msg = refused({});
    expect(msg.startsWith('格式文件不合规：id: ')).toBe(true);
    expect(msg.split('; ').map((s) => s.split(':')[0].replace('格式文件不合规：', ''))).toEqual([
      'id',
      'name',
      'region',
      'source',
      'layout',
    ]);
    expect(refused({ ...copy(sx), id: 'Bad' })).toMatch(/^格式文件不合规：id: /);
    expect(refused({ ...copy(sx), columns: [{ ...sx.columns[0], label: '' }] })).toMatch(
      /^格式文件不合规：columns\.0\.label: /,
    );
  });

  it('refuses a column key used twice', () => {
    const p = copy(sx);
    p.columns.push({ ...p.columns[1] });
    expect(refused(p)).toBe('格式文件不合规：列键 name 重复');
  });

  it('refuses a vocabulary column without its vocabulary', () => {
    const p = copy(sx);
    const domain = p.columns.find((c) => c.key === 'domain')!;
    domain.vocab = 'nowhere';
    expect(refused(p)).toBe('格式文件不合规：列「所属领域」引用了不存在的词表 nowhere');
    delete domain.vocab;
    expect(refused(p)).toBe('格式文件不合规：列「所属领域」引用了不存在的词表 undefined');
  });

  it('refuses a quantity column without its quantity spec', () => {
    const p = copy(sx);
    delete p.columns.find((c) => c.key === 'scale')!.quantity;
    expect(refused(p)).toBe('格式文件不合规：列「数据集规模」缺少 quantity');
  });

  it('refuses a require-one-of group naming a column the format lacks', () => {
    const p = copy(wh);
    p.requireOneOf[0].keys = ['structuredScale', 'nowhere'];
    expect(refused(p)).toBe('格式文件不合规：requireOneOf 引用了不存在的列 nowhere');
  });
});

describe('the project form (上海)', () => {
  const form = () => {
    const p = copy(sh);
    return { p, rows: p.projectForm!.rows as Record<string, unknown>[] };
  };

  it('is required by the project layout', () => {
    const p: Partial<Profile> = copy(sh);
    delete p.projectForm;
    expect(refused(p)).toBe('格式文件不合规：layout 为 project 时须有 projectForm');
  });

  it('may name only columns that exist: its name column, a labelled row, a cell, a yearly measure', () => {
    let { p, rows } = form();
    p.projectForm!.nameKey = 'nowhere';
    expect(refused(p)).toBe('格式文件不合规：projectForm 引用了不存在的列 nowhere');

    ({ p, rows } = form());
    rows[0].key = 'nowhere';
    expect(refused(p)).toBe('格式文件不合规：projectForm 引用了不存在的列 nowhere');

    ({ p, rows } = form());
    const cells = rows.find((r) => 'items' in r)!.items as { key?: string }[];
    cells.find((i) => i.key)!.key = 'nowhere';
    expect(refused(p)).toBe('格式文件不合规：projectForm 引用了不存在的列 nowhere');

    ({ p, rows } = form());
    const block = rows.find((r) => 'years' in r)! as { years: string[] };
    block.years = [...block.years, '2099'];
    expect(refused(p)).toMatch(/^格式文件不合规：projectForm 引用了不存在的列 [a-zA-Z]+2099$/);
  });

  it('may tick only vocabularies that exist', () => {
    const { p, rows } = form();
    rows.find((r) => 'ticks' in r)!.ticks = 'nowhere';
    expect(refused(p)).toBe('格式文件不合规：projectForm 引用了不存在的词表 nowhere');
  });
});

describe('profileTitle', () => {
  it('fills the recommender’s prefix, trimmed, or XXX when none is given', () => {
    expect(profileTitle(sx, ' 太原市 ')).toBe('太原市行业高质量数据集汇总表');
    expect(profileTitle(sx, '  ')).toBe('XXX行业高质量数据集汇总表');
    expect(profileTitle(sx)).toBe('XXX行业高质量数据集汇总表');
  });
});
