/**
 * The built-in profiles. Each is a JSON file beside this one; another bureau is another file here
 * (or `hqds --profile-file`), with no new code paths.
 *
 * Built-ins are not run through zod when this module loads: zod's runtime was 24 KB of the pane's
 * 205 KB first-load gzip (BENCHMARKS.md, 「The pane bundle」), and these files are ours. Instead
 * `builtIn` below fills zod's defaults in the schema's key order, and test/profiles-builtin.test.ts
 * requires its result to be exactly what parseProfile makes of each file (same JSON text: same
 * defaults, same key order, nothing extra) and parseProfile's cross-reference checks to pass. A
 * profile from outside (hqds --profile-file, a format stored in the workbook, 「新格式」) still goes
 * through parseProfile (src/core/profile.ts).
 */
import type { Profile } from '../profile';
import qinghai from './qinghai.json';
import wuhan from './wuhan.json';
import shanxi from './shanxi.json';
import shanghai from './shanghai.json';

type Obj = Record<string, unknown>;
type Reshape = (v: Obj) => Obj;

/**
 * `o`'s fields in the schema's order (zod's output order), an absent one taking its default from
 * `defaults` (a fresh copy for arrays) and staying absent when it has none, nested objects reshaped
 * by `nested`. Keys the schema does not name are left out, as zod's z.object strips them.
 */
function shaped(
  o: Obj,
  keys: readonly string[],
  defaults: Obj = {},
  nested: Record<string, Reshape> = {},
): Obj {
  const out: Obj = {};
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined) out[k] = nested[k] ? nested[k](v as Obj) : v;
    else if (k in defaults)
      out[k] = Array.isArray(defaults[k]) ? [...(defaults[k] as unknown[])] : defaults[k];
  }
  return out;
}
const each =
  (f: Reshape): Reshape =>
  (list) =>
    (list as unknown as Obj[]).map(f) as unknown as Obj;
const byKey =
  (f: Reshape): Reshape =>
  (record) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v as Obj)]));

// One function per object of ProfileSchema (src/core/profile.ts), its keys in the schema's order.
const vocabItem: Reshape = (o) =>
  shaped(o, ['label', 'concepts', 'synonyms', 'accept'], { concepts: [], synonyms: [], accept: [] });
const vocabulary: Reshape = (o) =>
  shaped(o, ['items', 'other', 'otherBracketed'], { otherBracketed: true }, { items: each(vocabItem) });
const quantity: Reshape = (o) => shaped(o, ['kind', 'unit', 'warnBelowTB', 'warnBelowMessage']);
const column: Reshape = (o) =>
  shaped(
    o,
    [
      'key',
      'label',
      'type',
      'required',
      'vocab',
      'multi',
      'joiner',
      'maxChars',
      'quantity',
      'fixedValue',
      'noneWord',
      'contactNeeds',
      'width',
      'singleUnit',
      'hint',
      'group',
    ],
    { required: false, multi: false, joiner: '、', width: 12, singleUnit: false },
    { quantity },
  );
const formField: Reshape = (o) =>
  shaped(o, ['label', 'key', 'synonyms', 'maxChars', 'perDataset'], { synonyms: [], perDataset: false });
const font: Reshape = (o) => shaped(o, ['name', 'size', 'bold']);
// zod's union takes the first option that fits: yearly figures, then cells, then a labelled value.
const projectRow: Reshape = (o) =>
  'years' in o
    ? shaped(o, ['label', 'years', 'measures'], {}, { measures: each((m) => shaped(m, ['label', 'key'])) })
    : 'items' in o
      ? shaped(o, ['items'], {}, { items: each((i) => shaped(i, ['label', 'key', 'span'], { span: 1 })) })
      : shaped(o, ['label', 'key', 'ticks', 'otherTick']);
const sheet: Reshape = (o) =>
  shaped(
    o,
    [
      'sheetName',
      'attachment',
      'title',
      'titlePrefixLabel',
      'linesAbove',
      'footnote',
      'workingListTitle',
      'workingListNote',
      'page',
      'fonts',
    ],
    {},
    {
      page: (p) => shaped(p, ['landscape', 'paperSize', 'fitToWidth']),
      fonts: (f) =>
        shaped(
          f,
          ['attachment', 'title', 'meta', 'header', 'table'],
          {},
          {
            attachment: font,
            title: font,
            meta: font,
            header: font,
            table: font,
          },
        ),
    },
  );

/** A built-in profile file as parseProfile returns it (proved per file by test/profiles-builtin.test.ts). */
export function builtIn(data: unknown): Profile {
  return shaped(
    data as Obj,
    [
      'id',
      'name',
      'region',
      'source',
      'layout',
      'sheet',
      'vocabularies',
      'columns',
      'requireOneOf',
      'form',
      'projectForm',
      'deadline',
    ],
    { requireOneOf: [] },
    {
      region: (r) => shaped(r, ['name', 'creditRegion', 'districts']),
      sheet,
      vocabularies: byKey(vocabulary),
      columns: each(column),
      requireOneOf: each((g) => shaped(g, ['keys', 'message'])),
      form: (f) => shaped(f, ['title', 'fields'], {}, { fields: each(formField) }),
      projectForm: (f) =>
        shaped(f, ['title', 'nameKey', 'colWidths', 'rows'], {}, { rows: each(projectRow) }),
    },
  ) as unknown as Profile;
}

/** The files themselves, for the test that compares builtIn with parseProfile. */
export const BUILT_IN_FILES: readonly unknown[] = [qinghai, wuhan, shanxi, shanghai];

export const PROFILES: readonly Profile[] = BUILT_IN_FILES.map(builtIn);

export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export function profileIds(): string[] {
  return PROFILES.map((p) => p.id);
}

/** A format by ID: built-in first, then the one stored in the workbook. */
export function resolveProfile(id: string | null, stored: Profile | null): Profile | null {
  if (!id) return null;
  return getProfile(id) ?? (stored && stored.id === id ? stored : null);
}
