/**
 * The built-in profiles skip zod when they load (src/core/profiles/index.ts), so the pane's first
 * chunk carries no zod. This is where they are checked instead: each file must pass parseProfile,
 * and what the pane and hqds use must be exactly what parseProfile makes of it.
 */
import { parseProfile } from '../src/core/profile';
import { BUILT_IN_FILES, builtIn, PROFILES } from '../src/core/profiles';

const json = (x: unknown) => JSON.stringify(x, null, 1);

test.each(BUILT_IN_FILES.map((f) => [(f as { id: string }).id, f]))(
  'built-in %s: valid by the zod schema, and loaded as parseProfile loads it (defaults, key order, nothing extra)',
  (_id, file) => {
    const i = BUILT_IN_FILES.indexOf(file);
    expect(json(PROFILES[i])).toBe(json(parseProfile(file)));
  },
);

test('every schema field builtIn knows is filled and ordered as parseProfile does, on a profile using them all', () => {
  const base = structuredClone(BUILT_IN_FILES.find((f) => (f as { id: string }).id === 'shanghai')) as Record<
    string,
    any
  >;
  const wuhan = BUILT_IN_FILES.find((f) => (f as { id: string }).id === 'wuhan') as Record<string, any>;
  // Keys in an order unlike the schema's, fields no built-in uses, and keys zod strips.
  const rich = {
    $comment: 'not in the schema: stripped',
    deadline: '2026年1月1日',
    ...base,
    id: 'everything',
    requireOneOf: undefined,
    form: structuredClone(wuhan.form),
    sheet: {
      fonts: {
        table: { bold: false, size: 10, name: '宋体' },
        title: { size: 16, name: '方正小标宋简体' },
        extra: { name: 'x' },
      },
      page: { fitToWidth: true, paperSize: 9, landscape: true, margin: 1 },
      ...base.sheet,
      titlePrefixLabel: '行业名称',
      footnote: '注：',
    },
    columns: [
      ...base.columns,
      {
        group: '数据规模',
        hint: '提示',
        singleUnit: true,
        width: 20,
        contactNeeds: ['name', 'phoneOrEmail'],
        noneWord: '无',
        fixedValue: '是',
        quantity: { warnBelowMessage: '原则上应达到TB级', warnBelowTB: 1, unit: 'TB', kind: 'size', x: 1 },
        maxChars: 200,
        joiner: '；',
        multi: true,
        vocab: 'direction',
        required: true,
        type: 'quantity',
        label: '数据量',
        key: 'scaleRich',
        unknown: 'stripped',
      },
    ],
    vocabularies: {
      ...base.vocabularies,
      extra: {
        otherBracketed: false,
        other: '其他',
        items: [{ accept: ['x'], synonyms: ['y'], concepts: ['z'], label: '甲', q: 1 }],
      },
    },
  };
  rich.form.fields[0].maxChars = 10;
  expect(json(builtIn(rich))).toBe(json(parseProfile(rich)));
});

test('a field left out of builtIn shows: the comparison is not vacuous', () => {
  const file = BUILT_IN_FILES[0] as Record<string, any>;
  const broken = { ...builtIn(file), columns: builtIn(file).columns.map(({ width: _w, ...c }) => c) };
  expect(json(broken)).not.toBe(json(parseProfile(file)));
});
