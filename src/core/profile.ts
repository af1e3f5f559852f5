/**
 * A profile is one bureau's format, as data. It is checked with zod, so a new bureau is a new JSON
 * file (src/core/profiles, or `hqds --profile-file`), not new code: a profile from outside when it
 * is loaded, the built-ins by test/profiles-builtin.test.ts (they load without zod, which keeps zod
 * out of the pane's first chunk; src/core/profiles/index.ts).
 */
import { z } from 'zod';

const VocabItem = z.object({
  label: z.string().min(1),
  /** Cross-format concepts (concepts.json); 山西's 「图像/视频」 stands for two. Empty outside the crosswalk. */
  concepts: z.array(z.string()).default([]),
  /** Other spellings taken as this label and rewritten to it (行业专识 → 行业专识数据集). */
  synonyms: z.array(z.string()).default([]),
  /** Spellings that are valid as written and kept (武汉 accepts 图像 beside 图片). */
  accept: z.array(z.string()).default([]),
});
export type VocabItem = z.infer<typeof VocabItem>;

const Vocabulary = z.object({
  items: z.array(VocabItem).min(1),
  /** The other-option: 「其它」 or 「其他」. A value outside the list becomes 「其它（原值）」. */
  other: z.string().optional(),
  /** Whether the other-option wants its text in brackets (「其它（…）」) or stands alone (「其他」). */
  otherBracketed: z.boolean().default(true),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const QuantitySpec = z.object({
  /** size: a size converted to `unit`; records: a count of 条; scale: a size or a count, as written;
   *  pairs: modality + size pairs, in GB. */
  kind: z.enum(['size', 'records', 'scale', 'pairs']),
  unit: z.enum(['GB', 'TB', '条']).optional(),
  /** Warn below this many TB (山西: 「原则上应达到TB级」); TB under the workbook's 1024/1000 setting. */
  warnBelowTB: z.number().optional(),
  warnBelowMessage: z.string().optional(),
});
export type QuantitySpec = z.infer<typeof QuantitySpec>;

const ColumnType = z.enum([
  'seq',
  'text',
  'vocab',
  'quantity',
  'models',
  'contact',
  'person',
  'phone',
  'email',
  'creditCode',
  'money',
  'percent',
  'fixed',
  'benefit',
]);
export type ColumnType = z.infer<typeof ColumnType>;

const Column = z.object({
  /** Concept key shared by all profiles (name, domain, scale …): how a column moves between formats. */
  key: z.string().min(1),
  /** The label exactly as the notice prints it. */
  label: z.string().min(1),
  type: ColumnType,
  required: z.boolean().default(false),
  vocab: z.string().optional(),
  multi: z.boolean().default(false),
  joiner: z.string().default('、'),
  maxChars: z.number().int().positive().optional(),
  quantity: QuantitySpec.optional(),
  /** For type fixed: the only value the notice allows. */
  fixedValue: z.string().optional(),
  /** For models: the word meaning none (「无」). */
  noneWord: z.string().optional(),
  /** For contact: what the cell must hold. */
  contactNeeds: z.array(z.enum(['name', 'phone', 'email', 'phoneOrEmail'])).optional(),
  /** Print width in characters. */
  width: z.number().positive().default(12),
  /** One unit only (上海: 不接受联合申报): warn when the cell names several. */
  singleUnit: z.boolean().default(false),
  /** A short hint shown to the clerk (the notice's own wording where it has one). */
  hint: z.string().optional(),
  /** The upper header of a two-level header (「数据规模」 over 「文本」「图像」), as the template prints it. */
  group: z.string().optional(),
});
export type Column = z.infer<typeof Column>;

const FormField = z.object({
  label: z.string().min(1),
  /** The summary column this field fills, by key; absent for fields only the form has. */
  key: z.string().optional(),
  synonyms: z.array(z.string()).default([]),
  maxChars: z.number().int().positive().optional(),
  perDataset: z.boolean().default(false),
});
export type FormField = z.infer<typeof FormField>;

const TextSegment = z.string();
const Font = z.object({
  name: z.string().optional(),
  size: z.number().positive().optional(),
  bold: z.boolean().optional(),
});
export type ProfileFont = z.infer<typeof Font>;

/** One cell of a project-form row: a printed label, or a column's value spanning `span` columns. */
const ProjectItem = z.object({
  label: z.string().optional(),
  key: z.string().optional(),
  span: z.number().int().positive().default(1),
});

/** A vocabulary printed as ☑/□ options, with the other-option (「其他（请注明）」) ticked with its text. */
const Ticks = {
  ticks: z.string().optional(),
  otherTick: z.string().optional(),
};

/**
 * A row of a project form (上海's 项目基本信息情况表), top to bottom:
 * - a block of yearly figures: the label above the years, then one row per measure, read from the
 *   columns `${key}${year}`;
 * - cells laid out left to right (「项目联系人 | 张三 | 职务 | 总监」);
 * - a label with the value across the rest of the row, optionally as ticked options.
 */
const ProjectRow = z.union([
  z.object({
    label: z.string(),
    years: z.array(z.string()).min(1),
    measures: z.array(z.object({ label: z.string(), key: z.string() })).min(1),
  }),
  z.object({ items: z.array(ProjectItem).min(1) }),
  z.object({ label: z.string(), key: z.string(), ...Ticks }),
]);
export type ProjectRow = z.infer<typeof ProjectRow>;

const ProjectForm = z.object({
  title: z.string(),
  /** The column whose value names the sheet (「项目1-名称」). */
  nameKey: z.string(),
  /** Column widths in Excel's character units; their count is the form's width. */
  colWidths: z.array(z.number().positive()).min(2),
  rows: z.array(ProjectRow).min(1),
});
export type ProjectForm = z.infer<typeof ProjectForm>;

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  region: z.object({
    name: z.string(),
    /** GB/T 2260 prefix of the registering authority inside a credit code (characters 3-8). */
    creditRegion: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    /** Where the notice restricts applicants to the region. */
    districts: z.array(z.string()).optional(),
  }),
  source: z.string(),
  /** summary: a table, one row per dataset. project: one 项目基本信息情况表 per row (上海). */
  layout: z.enum(['summary', 'project']),
  sheet: z.object({
    sheetName: z.string().min(1).max(31),
    attachment: z.string(),
    /** The title; {prefix} is filled by the recommender (山西 「XXX行业高质量数据集汇总表」). */
    title: z.string(),
    titlePrefixLabel: z.string().optional(),
    /** Lines between the title and the header, each a list of segments laid out across the row. */
    linesAbove: z.array(z.array(TextSegment)),
    footnote: z.string().optional(),
    /** For project layouts: the heading of our own working list. */
    workingListTitle: z.string().optional(),
    workingListNote: z.string().optional(),
    /** Page setup read from a bureau's template (hqds learn); the summary falls back to A4 landscape. */
    page: z
      .object({
        landscape: z.boolean().optional(),
        paperSize: z.number().int().optional(),
        fitToWidth: z.boolean().optional(),
      })
      .optional(),
    /** Fonts read from a bureau's template (hqds learn), by role. */
    fonts: z
      .object({
        attachment: Font.optional(),
        title: Font.optional(),
        meta: Font.optional(),
        header: Font.optional(),
        table: Font.optional(),
      })
      .optional(),
  }),
  vocabularies: z.record(z.string(), Vocabulary),
  columns: z.array(Column).min(1),
  /** Groups of column keys of which at least one must be filled (武汉: structured or unstructured scale). */
  requireOneOf: z.array(z.object({ keys: z.array(z.string()).min(2), message: z.string() })).default([]),
  form: z
    .object({
      title: z.string(),
      fields: z.array(FormField),
    })
    .optional(),
  /** For project layouts: the form drawn once per project. */
  projectForm: ProjectForm.optional(),
  deadline: z.string().optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

/** Checks a profile, and that its cross-references hold (vocab names, keys). Throws a readable error. */
export function parseProfile(data: unknown): Profile {
  const r = ProfileSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`格式文件不合规：${first}`);
  }
  const p = r.data;
  const keys = new Set<string>();
  for (const c of p.columns) {
    if (keys.has(c.key)) throw new Error(`格式文件不合规：列键 ${c.key} 重复`);
    keys.add(c.key);
    if (c.type === 'vocab' && (!c.vocab || !p.vocabularies[c.vocab])) {
      throw new Error(`格式文件不合规：列「${c.label}」引用了不存在的词表 ${c.vocab}`);
    }
    if (c.type === 'quantity' && !c.quantity)
      throw new Error(`格式文件不合规：列「${c.label}」缺少 quantity`);
  }
  for (const g of p.requireOneOf)
    for (const k of g.keys) {
      if (!keys.has(k)) throw new Error(`格式文件不合规：requireOneOf 引用了不存在的列 ${k}`);
    }
  checkProjectForm(p, keys);
  return p;
}

/** A project layout needs its form, and the form may only name columns and vocabularies that exist. */
function checkProjectForm(p: Profile, keys: ReadonlySet<string>): void {
  const form = p.projectForm;
  if (p.layout === 'project' && !form)
    throw new Error('格式文件不合规：layout 为 project 时须有 projectForm');
  if (!form) return;
  const named = [form.nameKey];
  for (const row of form.rows) {
    if ('years' in row) for (const m of row.measures) named.push(...row.years.map((y) => `${m.key}${y}`));
    else if ('items' in row) named.push(...row.items.flatMap((item) => (item.key ? [item.key] : [])));
    else {
      named.push(row.key);
      if (row.ticks && !p.vocabularies[row.ticks]) {
        throw new Error(`格式文件不合规：projectForm 引用了不存在的词表 ${row.ticks}`);
      }
    }
  }
  for (const k of named)
    if (!keys.has(k)) throw new Error(`格式文件不合规：projectForm 引用了不存在的列 ${k}`);
}

export { profileTitle } from './profile-title';
