/**
 * hqds learn, round trip: each built-in format's blank summary, written by our own writer, learns
 * back to the same columns, vocabularies, title, lines above the header and footnote, character for
 * character (issue 13).
 */
import { learnTemplate } from '../src/core/learn';
import { emptyMergeResult } from '../src/core/merge';
import { planWorkbook } from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';
import { readTemplate } from '../src/io/template';
import { writeWorkbook } from '../src/io/xlsx-writer';

const EMPTY = emptyMergeResult();

export async function blankTemplate(p: Profile): Promise<Uint8Array> {
  return new Uint8Array(await writeWorkbook(planWorkbook(p, EMPTY, { annotate: false })));
}

const vocabOf = (p: Profile, key: string) => {
  const c = p.columns.find((x) => x.key === key)!;
  const v = p.vocabularies[c.vocab!];
  return { labels: v.items.map((i) => i.label), other: v.other };
};

describe.each(['qinghai', 'wuhan', 'shanxi'])('%s: blank summary → learn → the same format', (id) => {
  const built = getProfile(id)!;
  let learned: Profile;
  let inferred: string[];
  beforeAll(async () => {
    const r = learnTemplate(await readTemplate(`${id}.xlsx`, await blankTemplate(built)), {
      id: `${id}-learned`,
    });
    learned = r.profile;
    inferred = r.inferred;
  });
  test('attachment, title, lines above and footnote, character for character', () => {
    expect(learned.sheet.attachment).toBe(built.sheet.attachment);
    expect(learned.sheet.title).toBe(built.sheet.title);
    expect(learned.sheet.titlePrefixLabel !== undefined).toBe(built.sheet.titlePrefixLabel !== undefined);
    expect(learned.sheet.linesAbove).toEqual(built.sheet.linesAbove);
    expect(learned.sheet.footnote).toBe(built.sheet.footnote);
    expect(learned.sheet.sheetName).toBe(built.sheet.sheetName);
  });
  test('columns: labels, concept keys, kinds, units, multi-choice', () => {
    const shape = (p: Profile) =>
      p.columns.map((c) => ({
        key: c.key,
        label: c.label,
        type: c.type,
        multi: c.multi,
        joiner: c.joiner,
        quantity: c.quantity && { kind: c.quantity.kind, unit: c.quantity.unit },
      }));
    expect(shape(learned)).toEqual(shape(built));
  });
  test('vocabularies: every option and the other-option as the notice writes them', () => {
    for (const c of built.columns.filter((x) => x.type === 'vocab')) {
      expect(vocabOf(learned, c.key)).toEqual(vocabOf(built, c.key));
    }
  });
  test('domain and modality options link to the same concepts', () => {
    for (const key of ['domain', 'modality'].filter((k) => built.columns.some((c) => c.vocab === k))) {
      const b = built.vocabularies[key];
      const l = learned.vocabularies[key];
      expect(l.items.map((i) => i.concepts)).toEqual(b.items.map((i) => i.concepts));
    }
  });
  test('page setup and fonts are read back', () => {
    expect(learned.sheet.page).toEqual({ paperSize: 9, landscape: true, fitToWidth: true });
    expect(learned.sheet.fonts?.attachment).toMatchObject({ name: '黑体', size: 16 });
    expect(learned.sheet.fonts?.title).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(learned.sheet.fonts?.header).toMatchObject({ name: '仿宋_GB2312', size: 10.5, bold: true });
    expect(learned.sheet.fonts?.table).toMatchObject({ name: '仿宋_GB2312', size: 10.5 });
    expect(inferred.join('\n')).toContain('A4横向');
  });
});

describe('shanghai: the blank working list learns back to the same columns and vocabularies', () => {
  // 上海's official form is one 项目基本信息情况表 per project (label | value); with no project in
  // it, the blank workbook is our working list alone, and that is what goes round here. The form
  // itself goes round in learn-project-form.test.ts.
  const built = getProfile('shanghai')!;
  let learned: Profile;
  let inferred: string[];
  beforeAll(async () => {
    const r = learnTemplate(await readTemplate('shanghai.xlsx', await blankTemplate(built)), {
      id: 'shanghai-learned',
    });
    learned = r.profile;
    inferred = r.inferred;
  });
  test("the working list's title and note, character for character", () => {
    expect(learned.sheet.title).toBe(built.sheet.workingListTitle);
    expect(learned.sheet.linesAbove).toEqual([[built.sheet.workingListNote]]);
    expect(learned.region).toEqual({ name: '上海', creditRegion: '31' });
  });
  test('columns after our 序号: labels, concept keys and kinds (项目周期, a fixed value, comes back as text)', () => {
    expect(learned.columns[0]).toMatchObject({ key: 'seq', type: 'seq' });
    const shape = (cols: Profile['columns']) =>
      cols.map((c) => ({
        key: c.key,
        label: c.label,
        type: c.type === 'fixed' ? 'text' : c.type,
        multi: c.multi,
      }));
    expect(shape(learned.columns.slice(1))).toEqual(shape(built.columns));
    expect(inferred.join('\n')).not.toContain('不是已知的列');
  });
  test('vocabularies: 申报方向, 单位性质 with its 其他, the 16 districts', () => {
    for (const c of built.columns.filter((x) => x.type === 'vocab'))
      expect(vocabOf(learned, c.key)).toEqual(vocabOf(built, c.key));
  });
});
