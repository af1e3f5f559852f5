/**
 * What the clerk reads and corrects when reviewing a learned format (issue 12 item 7, the mutation
 * run over learn.ts lines 703–1427): the one-line description of each column that the pane and
 * `hqds learn` print, the kind a column shows in the 「类型」 picker, and what a correction in review
 * makes of the column. Each line is asserted exactly: it is what the clerk checks the draft against.
 */
import {
  applyLearnEdits,
  describeColumn,
  editableKindOf,
  learnTemplate,
  LearnError,
  type TemplateDoc,
  type TemplateValidation,
} from '../src/core/learn';
import { parseProfile, type Column, type Profile } from '../src/core/profile';

/** A learned-shaped profile with the columns given, checked like any profile file. */
const profileWith = (columns: Partial<Column>[], vocabularies: Record<string, unknown> = {}): Profile =>
  parseProfile({
    id: 'review',
    name: '复核',
    region: { name: '' },
    source: 'test',
    layout: 'summary',
    sheet: { sheetName: '汇总表', attachment: '附件1', title: '某市汇总表', linesAbove: [] },
    vocabularies,
    columns,
  });

const VOCABS = {
  domain: {
    items: [
      { label: '工业制造', concepts: [], synonyms: [], accept: [] },
      { label: '医疗健康', concepts: [], synonyms: [], accept: [] },
    ],
    other: '其他',
    otherBracketed: true,
  },
  freq: {
    items: [
      { label: '每日', concepts: [], synonyms: [], accept: [] },
      { label: '每月', concepts: [], synonyms: [], accept: [] },
    ],
    otherBracketed: true,
  },
};

describe('describeColumn: one review line per column, parts set apart by U+3000', () => {
  const p = profileWith(
    [
      { key: 'seq', label: '序号', type: 'seq' },
      { key: 'name', label: '数据集名称', type: 'text', required: true, maxChars: 50 },
      { key: 'domain', label: '所属领域', type: 'vocab', vocab: 'domain', multi: false, required: true },
      { key: 'freq', label: '更新频率', type: 'vocab', vocab: 'freq', multi: true },
      { key: 'sizeGB', label: '容量', type: 'quantity', quantity: { kind: 'size', unit: 'GB' } },
      { key: 'sizeTB', label: '数据量（TB）', type: 'quantity', quantity: { kind: 'size', unit: 'TB' } },
      { key: 'records', label: '条数', type: 'quantity', quantity: { kind: 'records', unit: '条' } },
      { key: 'pairs', label: '规模', type: 'quantity', quantity: { kind: 'pairs' } },
      { key: 'scale', label: '数据规模', type: 'quantity', quantity: { kind: 'scale' }, group: '数据情况' },
      { key: 'models', label: '已服务模型', type: 'models' },
      { key: 'contact', label: '联系人', type: 'contact' },
      { key: 'person', label: '负责人', type: 'person' },
      { key: 'phone', label: '电话', type: 'phone' },
      { key: 'email', label: '邮箱', type: 'email' },
      { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode' },
      { key: 'money', label: '投入', type: 'money' },
      { key: 'percent', label: '占比', type: 'percent' },
      { key: 'fixed', label: '申报方向', type: 'fixed', fixedValue: '行业' },
      { key: 'fixed2', label: '方向', type: 'fixed' },
      { key: 'benefit', label: '效益', type: 'benefit' },
    ],
    VOCABS,
  );
  const line = (key: string) =>
    describeColumn(
      p,
      p.columns.find((c) => c.key === key)!,
    );

  test.each([
    ['seq', '序号\u3000序号'],
    ['name', '数据集名称\u3000文本\u3000必填\u3000≤50字'],
    ['domain', '所属领域\u3000单选：工业制造、医疗健康、其他\u3000必填'],
    ['freq', '更新频率\u3000多选：每日、每月'],
    ['sizeGB', '容量\u3000数据量（大小，GB）'],
    ['sizeTB', '数据量（TB）\u3000数据量（大小，TB）'],
    ['records', '条数\u3000数据量（条数）'],
    ['pairs', '规模\u3000数据量（模态+GB）'],
    ['scale', '数据情况 / 数据规模\u3000数据量（大小或条数，照写）'],
    ['models', '已服务模型\u3000模型名称（没有填「无」）'],
    ['contact', '联系人\u3000联系人及联系方式'],
    ['person', '负责人\u3000姓名'],
    ['phone', '电话\u3000电话'],
    ['email', '邮箱\u3000邮箱'],
    ['creditCode', '统一社会信用代码\u3000统一社会信用代码'],
    ['money', '投入\u3000金额'],
    ['percent', '占比\u3000百分数'],
    ['fixed', '申报方向\u3000固定值「行业」'],
    ['fixed2', '方向\u3000固定值'],
    ['benefit', '效益\u3000效益（含数字）'],
  ])('%s → 「%s」', (key, expected) => {
    expect(line(key)).toBe(expected);
  });
});

describe('editableKindOf: the kind the 「类型」 picker shows', () => {
  const c = (x: Partial<Column>) => ({ key: 'k', label: 'l', required: false, ...x }) as Column;
  test.each([
    [{ type: 'text' }, 'text'],
    [{ type: 'creditCode' }, 'creditCode'],
    [{ type: 'phone' }, 'phone'],
    [{ type: 'email' }, 'email'],
    [{ type: 'person' }, 'person'],
    [{ type: 'money' }, 'money'],
    [{ type: 'percent' }, 'percent'],
    [{ type: 'quantity', quantity: { kind: 'size', unit: 'GB' } }, 'sizeGB'],
    [{ type: 'quantity', quantity: { kind: 'size', unit: 'TB' } }, 'sizeTB'],
    [{ type: 'quantity', quantity: { kind: 'size' } }, 'sizeGB'],
    [{ type: 'quantity', quantity: { kind: 'records', unit: '条' } }, 'records'],
    [{ type: 'quantity', quantity: { kind: 'scale' } }, 'scale'],
    [{ type: 'quantity', quantity: { kind: 'pairs' } }, null],
    [{ type: 'quantity' }, null],
    [{ type: 'seq' }, null],
    [{ type: 'vocab', vocab: 'domain' }, null],
    [{ type: 'contact' }, null],
    [{ type: 'models' }, null],
    [{ type: 'fixed', fixedValue: '行业' }, null],
  ] as [Partial<Column>, string | null][])('%o → %s', (col, kind) => {
    expect(editableKindOf(c(col))).toBe(kind);
  });
});

describe('applyLearnEdits: a correction in review', () => {
  const base = () =>
    profileWith(
      [
        { key: 'seq', label: '序号', type: 'seq' },
        { key: 'name', label: '数据集名称', type: 'text', required: true, hint: '全称', group: '基本' },
        { key: 'domain', label: '所属领域', type: 'vocab', vocab: 'domain', required: true },
        { key: 'contact', label: '联系人', type: 'contact', contactNeeds: ['name', 'phone'] },
        { key: 'models', label: '已服务模型', type: 'models', noneWord: '无' },
        { key: 'scale', label: '规模', type: 'quantity', quantity: { kind: 'size', unit: 'GB' } },
        { key: 'fixed', label: '方向', type: 'fixed', fixedValue: '行业' },
        { key: 'note', label: '备注', type: 'text' },
      ],
      {
        domain: {
          items: [
            {
              label: '工业制造',
              concepts: ['manufacturing'],
              synonyms: ['制造业'],
              accept: ['工业'],
            },
            { label: '医疗健康', concepts: [], synonyms: [], accept: [] },
          ],
          other: '其他',
          otherBracketed: false,
        },
      },
    );
  const col = (p: Profile, key: string) => p.columns.find((c) => c.key === key)!;

  test('a new kind drops what belonged to the old one and keeps label, key, width, hint and group', () => {
    const p = base();
    const out = applyLearnEdits(p, {
      columns: {
        name: { kind: 'sizeTB' },
        contact: { kind: 'phone' },
        models: { kind: 'text' },
        scale: { kind: 'records' },
        fixed: { kind: 'email' },
        domain: { kind: 'text', required: false },
      },
    });
    expect(col(out, 'name')).toEqual({
      ...col(p, 'name'),
      type: 'quantity',
      quantity: { kind: 'size', unit: 'TB' },
      multi: false,
    });
    expect(col(out, 'contact')).not.toHaveProperty('contactNeeds');
    expect(col(out, 'contact').type).toBe('phone');
    expect(col(out, 'models')).not.toHaveProperty('noneWord');
    expect(col(out, 'scale').quantity).toEqual({ kind: 'records', unit: '条' });
    expect(col(out, 'fixed')).not.toHaveProperty('fixedValue');
    expect(col(out, 'domain')).toMatchObject({ type: 'text', required: false, multi: false });
    expect(col(out, 'domain')).not.toHaveProperty('vocab');
  });

  test('a kind chosen again that the column already has changes nothing but 必填', () => {
    const p = base();
    const out = applyLearnEdits(p, { columns: { scale: { kind: 'sizeGB', required: true } } });
    expect(col(out, 'scale')).toEqual({ ...col(p, 'scale'), required: true });
  });

  test('a new kind keeps the 必填 the clerk set with it, or the column had', () => {
    const p = base();
    expect(col(applyLearnEdits(p, { columns: { name: { kind: 'phone' } } }), 'name').required).toBe(true);
    expect(
      col(applyLearnEdits(p, { columns: { name: { kind: 'phone', required: false } } }), 'name').required,
    ).toBe(false);
  });

  test('多选 is set only on a column with options; 必填 on any', () => {
    const p = base();
    const out = applyLearnEdits(p, {
      columns: { domain: { multi: true }, note: { multi: true, required: true }, name: { required: false } },
    });
    expect(col(out, 'domain').multi).toBe(true);
    expect(col(out, 'note')).toMatchObject({ type: 'text', multi: false, required: true });
    expect(col(out, 'name').required).toBe(false);
    expect(col(out, 'domain').required).toBe(true);
    // Columns without an edit are the same objects' values.
    expect(col(out, 'seq')).toEqual(col(p, 'seq'));
  });

  test('options edited: kept ones keep their spellings, new ones are bare, the other-option and its brackets stay', () => {
    const p = base();
    const out = applyLearnEdits(p, {
      columns: { domain: { options: [' 工业制造 ', '', '交通运输', '其他'] } },
    });
    const v = out.vocabularies.domain;
    expect(v.items.map((i) => i.label)).toEqual(['工业制造', '交通运输']);
    expect(v.items[0]).toEqual({
      label: '工业制造',
      concepts: ['manufacturing'],
      synonyms: ['制造业'],
      accept: ['工业'],
    });
    expect(v.other).toBe('其他');
    expect(v.otherBracketed).toBe(false);
    // The column keeps its vocabulary name and choice.
    expect(col(out, 'domain')).toMatchObject({ type: 'vocab', vocab: 'domain', multi: false });
    // The draft is not changed in place.
    expect(p.vocabularies.domain.items.map((i) => i.label)).toEqual(['工业制造', '医疗健康']);
  });

  test('options only of blanks on a column with options are refused in Chinese', () => {
    expect(() => applyLearnEdits(base(), { columns: { domain: { options: ['', '  '] } } })).toThrow(
      new LearnError('「所属领域」至少要有一个选项。'),
    );
  });

  test('options typed for a free-text column make it a dropdown under its own key, or key2 when taken', () => {
    const p = profileWith(
      [
        { key: 'freq', label: '更新频率', type: 'text' },
        { key: 'freq2', label: '更新频率二', type: 'vocab', vocab: 'freq' },
      ],
      { freq: VOCABS.freq },
    );
    const out = applyLearnEdits(p, { columns: { freq: { options: ['实时', '每日'], multi: true } } });
    const c = col(out, 'freq');
    expect(c).toMatchObject({ type: 'vocab', vocab: 'freq2', multi: true });
    expect(out.vocabularies.freq2.items.map((i) => i.label)).toEqual(['实时', '每日']);
    expect(out.vocabularies.freq).toEqual(p.vocabularies.freq);
    const single = applyLearnEdits(p, { columns: { freq: { options: ['实时'] } } });
    expect(col(single, 'freq').multi).toBe(false);
  });

  test('options typed for a column of another kind (a size) leave it as it is', () => {
    const p = base();
    const out = applyLearnEdits(p, { columns: { scale: { options: ['1GB', '2GB'] } } });
    expect(col(out, 'scale')).toEqual(col(p, 'scale'));
    expect(Object.keys(out.vocabularies)).toEqual(['domain']);
  });

  test('id and name are trimmed; a bad id is refused with the ID rule in Chinese', () => {
    const out = applyLearnEdits(base(), { id: '  my-format ', name: ' 某市格式 ' });
    expect(out.id).toBe('my-format');
    expect(out.name).toBe('某市格式');
    let message = '';
    try {
      applyLearnEdits(base(), { id: 'Bad Id' });
    } catch (e) {
      expect(e).toBeInstanceOf(LearnError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/ID 只能用小写字母、数字和连字符，并以字母开头。$/);
    expect(message).not.toMatch(/id: /);
  });

  test('the title: XXX becomes the recommender prefix; a label already set is kept; none without a blank', () => {
    const p = base();
    const x = applyLearnEdits(p, { title: 'XXX行业高质量数据集汇总表' });
    expect(x.sheet.title).toBe('{prefix}行业高质量数据集汇总表');
    expect(x.sheet.titlePrefixLabel).toBe('标题中的XXX');
    const kept = applyLearnEdits(
      { ...x, sheet: { ...x.sheet, titlePrefixLabel: '推荐单位名称' } },
      {
        title: '____汇总表',
      },
    );
    expect(kept.sheet.title).toBe('{prefix}汇总表');
    expect(kept.sheet.titlePrefixLabel).toBe('推荐单位名称');
    const plain = applyLearnEdits(x, { title: '某市汇总表' });
    expect(plain.sheet.title).toBe('某市汇总表');
    expect(plain.sheet).not.toHaveProperty('titlePrefixLabel');
    // No title edit: the sheet as it was.
    expect(applyLearnEdits(x, {}).sheet).toEqual(x.sheet);
    expect(p.sheet.title).toBe('某市汇总表');
  });
});

/** A one-sheet template: the title, the header, one blank data row. */
const doc = (
  header: string[],
  validations: TemplateValidation[] = [],
  title = '某市行业高质量数据集汇总表',
): TemplateDoc => ({
  file: 't.xlsx',
  kind: 'xlsx',
  sheets: [{ name: '汇总表', hidden: false, rows: [[title], header], merges: [], validations }],
});

test('a learned draft, corrected, describes the corrected columns', () => {
  const r = learnTemplate(doc(['序号', '数据集名称', '容量', '备注']), { id: 't' });
  const key = r.profile.columns[2].key;
  const p = applyLearnEdits(r.profile, { columns: { [key]: { kind: 'sizeGB', required: true } } });
  expect(describeColumn(p, p.columns[2])).toBe('容量\u3000数据量（大小，GB）\u3000必填');
});

describe('more of a correction in review', () => {
  const vocab = (labels: string[]) => ({
    items: labels.map((label) => ({ label, concepts: [], synonyms: [], accept: [] })),
    otherBracketed: true,
  });
  const col = (p: Profile, key: string) => p.columns.find((c) => c.key === key)!;

  test('an unknown kind is refused with a LearnError naming the column and the kind', () => {
    const p = profileWith([{ key: 'name', label: '数据集名称', type: 'text' }]);
    expect(() => applyLearnEdits(p, { columns: { name: { kind: 'nonsense' as never } } })).toThrow(
      new LearnError('「数据集名称」的类型「nonsense」无法识别：请从列表中选择。'),
    );
  });

  test('the same kind chosen again keeps what the column had for it (a TB threshold)', () => {
    const p = profileWith([
      {
        key: 'scale',
        label: '数据量',
        type: 'quantity',
        quantity: { kind: 'size', unit: 'TB', warnBelowTB: 1, warnBelowMessage: '原则上应达到TB级' },
      },
    ]);
    expect(col(applyLearnEdits(p, { columns: { scale: { kind: 'sizeTB' } } }), 'scale')).toEqual(
      col(p, 'scale'),
    );
  });

  test('多选 kept when only 必填 is edited', () => {
    const p = profileWith([{ key: 'freq', label: '更新频率', type: 'vocab', vocab: 'freq', multi: true }], {
      freq: vocab(['每日', '每月']),
    });
    expect(col(applyLearnEdits(p, { columns: { freq: { required: true } } }), 'freq')).toMatchObject({
      multi: true,
      required: true,
    });
  });

  test('options typed for a free-text column are trimmed, blanks dropped; the next free name is key3 when key2 is taken', () => {
    const p = profileWith([{ key: 'freq', label: '更新频率', type: 'text' }], {
      freq: vocab(['甲']),
      freq2: vocab(['乙']),
    });
    const out = applyLearnEdits(p, { columns: { freq: { options: [' 实时 ', '', '  ', '每日'] } } });
    expect(col(out, 'freq').vocab).toBe('freq3');
    expect(out.vocabularies.freq3.items.map((i) => i.label)).toEqual(['实时', '每日']);
  });

  test.each([
    [{ type: 'text', fixedValue: '行业' }, '文本'],
    [{ type: 'text', vocab: 'freq' }, '文本'],
    [{ type: 'text', quantity: { kind: 'size', unit: 'GB' } }, '文本'],
    [{ type: 'vocab' }, '选项'],
    [{ type: 'quantity' }, '数据量'],
  ] as [Partial<Column>, string][])('a column %o is described by its type: 「%s」', (c, kind) => {
    const p = { vocabularies: { freq: vocab(['每日']) } } as unknown as Profile;
    expect(describeColumn(p, { key: 'k', label: '列', required: false, ...c } as Column)).toBe(
      `列\u3000${kind}`,
    );
  });
});
