/**
 * What a clerk reads from a learned format, for the first part of src/core/learn.ts (lines 1–702:
 * header marks, finding the header, two-level headers, dropdown sources, option sentences in the
 * notice, column kinds, the lines above and below the table, column keys and options). Written against
 * the mutants that survived its mutation run (TESTING.md): each test pins the exact labels, keys,
 * kinds, options or Chinese review line the learner gives. The templates are built in memory, and
 * every learn call is inside its test, so each test is what reaches the code it guards.
 */
import {
  headerPlain,
  learnTemplate,
  LearnError,
  locateTemplateHeader,
  vocabSentences,
  type LearnResult,
  type TemplateDoc,
  type TemplateSheet,
  type TemplateValidation,
} from '../src/core/learn';
import type { CellValue } from '../src/core/cell';

const HEADER = ['序号', '数据集名称', '所属领域', '申报单位'];

const sheet = (rows: CellValue[][], extra: Partial<TemplateSheet> = {}): TemplateSheet => ({
  name: '汇总表',
  hidden: false,
  rows,
  merges: [],
  validations: [],
  ...extra,
});
const doc = (sheets: TemplateSheet[], extra: Partial<TemplateDoc> = {}): TemplateDoc => ({
  file: '某市汇总表.xlsx',
  kind: 'xlsx',
  sheets,
  ...extra,
});
/** A list rule on column c from the row below a header at row 1 (0-based). */
const list = (c: number, formula: string, extra: Partial<TemplateValidation> = {}): TemplateValidation => ({
  ranges: [{ r1: 2, c1: c, r2: 200, c2: c }],
  type: 'list',
  formula,
  errorAlert: true,
  errorStyle: 'stop',
  ...extra,
});
/** Title on row 0, header on row 1, then the given rows. */
const table = (header: CellValue[], below: CellValue[][] = [], extra: Partial<TemplateSheet> = {}) =>
  sheet([['某市行业高质量数据集汇总表'], header, ...below], extra);
const learn = (d: TemplateDoc) => learnTemplate(d, { id: 'learned' });
const col = (r: LearnResult, label: string) => {
  const c = r.profile.columns.find((x) => x.label === label);
  if (!c) throw new Error(`no column 「${label}」 in ${r.profile.columns.map((x) => x.label).join('|')}`);
  return c;
};
const options = (r: LearnResult, label: string) => {
  const v = r.profile.vocabularies[col(r, label).vocab!];
  return [...v.items.map((i) => i.label), ...(v.other ? [v.other] : [])];
};
const review = (r: LearnResult) => [...r.inferred, ...r.missing].join('\n');

describe('headerPlain: a header without its fill-in annotations', () => {
  test.each([
    ['数据集模态（可多选）', '数据集模态'],
    ['数据集模态(多选)', '数据集模态'],
    ['所属领域（单选）', '所属领域'],
    ['所属领域（限选一项）', '所属领域'],
    ['所属领域（只能选一个）', '所属领域'],
    ['备注（选填）', '备注'],
    ['备注（非必填）', '备注'],
    ['备注（可选）', '备注'],
    ['备注（可选填）', '备注'],
    ['数据集模态（ 可多选，用顿号分隔 ）', '数据集模态'],
    ['*数据集名称', '数据集名称'],
    ['**数据集名称', '数据集名称'],
    ['数据集名称＊', '数据集名称'],
    ['所属领域（必填）*', '所属领域'],
    ['  数据集名称  ', '数据集名称'],
    ['数据量（TB）', '数据量（TB）'],
    ['数据来源（选填项说明）', '数据来源'],
  ])('「%s」 → 「%s」', (label, plain) => expect(headerPlain(label)).toBe(plain));

  test('a header that is nothing but an annotation is kept as written', () => {
    expect(headerPlain(' （必填） ')).toBe('（必填）');
    expect(headerPlain('*')).toBe('*');
  });
});

describe('locateTemplateHeader: where the table is', () => {
  test('the known header row under a title, its columns and the first row to fill', () => {
    const sh = sheet([['附件1'], ['某市汇总表'], ['', ...HEADER], ['', '1']]);
    expect(locateTemplateHeader(sh)).toEqual({ row: 2, columns: [1, 2, 3, 4], firstDataRow: 3 });
  });

  test('a row with one known label is not a header; the first row of three short texts is', () => {
    const sh = sheet([['数据集名称'], ['甲', '乙', '丙'], ['丁', '戊', '己']]);
    expect(locateTemplateHeader(sh)).toEqual({ row: 1, columns: [0, 1, 2], firstDataRow: 2 });
  });

  test('the same label twice scores once; a known label and a near spelling make a header', () => {
    expect(locateTemplateHeader(sheet([['数据集名称', '数据集名称']]))).toBeNull();
    expect(locateTemplateHeader(sheet([['x'], ['序号', '数据集名']]))).toMatchObject({ row: 1 });
  });

  test('of two header rows the better known one wins, and of two equal ones the first', () => {
    const sh = sheet([['数据集名称', '申报单位'], HEADER, HEADER]);
    expect(locateTemplateHeader(sh)?.row).toBe(1);
  });

  test('no row of known labels and no row of three short texts: no header', () => {
    expect(locateTemplateHeader(sheet([['甲', '乙'], ['一段说明'], []]))).toBeNull();
    const long = 'x'.repeat(31);
    expect(locateTemplateHeader(sheet([['甲', '乙', long]]))).toBeNull();
    expect(locateTemplateHeader(sheet([['甲', '乙', 'x'.repeat(30)]]))?.row).toBe(0);
  });

  test('only the first 30 rows are searched, for known labels and for short texts alike', () => {
    const pad = (n: number) => Array.from({ length: n }, (): CellValue[] => []);
    expect(locateTemplateHeader(sheet([...pad(29), HEADER]))?.row).toBe(29);
    expect(locateTemplateHeader(sheet([...pad(30), HEADER]))).toBeNull();
    expect(locateTemplateHeader(sheet([...pad(29), ['甲', '乙', '丙']]))?.row).toBe(29);
    expect(locateTemplateHeader(sheet([...pad(30), ['甲', '乙', '丙']]))).toBeNull();
  });

  test('a cell of blanks and full-width spaces is empty', () => {
    const sh = sheet([['　 ', ...HEADER, ' \u3000'], ['1']]);
    expect(locateTemplateHeader(sh)?.columns).toEqual([1, 2, 3, 4]);
  });

  test('a two-level header: the data starts two rows down, the columns are the lower labels', () => {
    const sh = sheet(
      [['序号', '数据集名称', '数据规模', null, '申报单位'], [null, null, '结构化（条）', '非结构化（GB）']],
      { merges: [{ r1: 0, c1: 2, r2: 0, c2: 3 }] },
    );
    expect(locateTemplateHeader(sh)).toEqual({ row: 0, columns: [0, 1, 2, 3, 4], firstDataRow: 2 });
  });
});

describe('a two-level header read into columns', () => {
  const twoLevel = (below: CellValue[], merges = [{ r1: 1, c1: 2, r2: 1, c2: 3 }]) =>
    table(['序号', '数据集\n名称', '数据规模', null, '申报 单位', null], [below], { merges });

  test('the lower labels under a group, the upper label elsewhere, a lower label under an empty upper cell', () => {
    const r = learn(doc([twoLevel([null, null, '结构化 \n（条）', '非结构化（GB）', null, '备注'])]));
    expect(r.profile.columns.map((c) => [c.label, c.key, c.group ?? null])).toEqual([
      ['序号', 'seq', null],
      ['数据集名称', 'name', null],
      ['结构化（条）', '结构化', '数据规模'],
      ['非结构化（GB）', '非结构化', '数据规模'],
      ['申报 单位', 'applicant', null],
      ['备注', 'remark', null],
    ]);
    expect(r.inferred).toContain('表头有两层（第 2、3 行）：下层为列名，上层记作列组。');
    // Under a group a near spelling is no match: 「结构化（条）」 is keyed by its own words.
    expect(r.inferred).toContain('「结构化（条）」不是已知的列（键「结构化」）。');
    expect(col(r, '结构化（条）').quantity).toEqual({ kind: 'records', unit: '条' });
  });

  test('a merge over one row of the header only groups: one spanning two rows, or one column, does not', () => {
    const r = learn(
      doc([
        twoLevel(
          [null, null, '结构化（条）', '非结构化（GB）'],
          [
            { r1: 1, c1: 0, r2: 2, c2: 0 },
            { r1: 1, c1: 1, r2: 1, c2: 1 },
          ],
        ),
      ]),
    );
    expect(r.inferred).not.toContain('表头有两层（第 2、3 行）：下层为列名，上层记作列组。');
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '数据规模', '申报 单位']);
  });

  test('a long text under a merged header cell is an example row, not a lower header', () => {
    const r = learn(doc([twoLevel([null, null, 'x'.repeat(41)])]));
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '数据规模', '申报 单位']);
    expect(r.profile.sheet.footnote).toBe('x'.repeat(41));
    const at40 = learn(doc([twoLevel([null, null, 'x'.repeat(40), '非结构化（GB）'])]));
    expect(at40.profile.columns.map((c) => c.label)).toContain('x'.repeat(40));
  });

  test('text below but outside every group does not make a second header row', () => {
    const r = learn(doc([twoLevel([null, '示例名称', null, null, '某单位'])]));
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '数据规模', '申报 单位']);
  });
});

describe('dropdown sources', () => {
  const learnList = (formula: string, extra: Partial<TemplateDoc> = {}, more: TemplateSheet[] = []) =>
    learn(doc([table(HEADER, [], { validations: [list(2, formula)] }), ...more], extra));
  const lists = (rows: CellValue[][], name = '选项') => sheet(rows, { name, hidden: true });

  test('an inline list: quotes doubled inside, blanks trimmed, empty items dropped, a leading =', () => {
    expect(options(learnList('"科学研究, 工业制造,,""其他"""'), '所属领域')).toEqual([
      '科学研究',
      '工业制造',
      '"其他"',
    ]);
    expect(options(learnList(' ="科学研究,工业制造"'), '所属领域')).toEqual(['科学研究', '工业制造']);
    expect(review(learnList('"科学研究,工业制造"'))).toContain('「所属领域」的选项来自下拉列表：科学研究、工业制造（单选）。');
  });

  test('a range on a hidden sheet, read row by row, blank cells skipped, values trimmed', () => {
    const r = learnList('选项!$A$1:$B$3', {}, [lists([['科学研究', ' 工业制造 '], [null, '医疗卫生'], ['交通运输']])]);
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造', '医疗卫生', '交通运输']);
    expect(review(r)).toContain('「所属领域」的选项来自下拉列表（列表在隐藏工作表「选项」）：');
  });

  test('a quoted sheet name with a doubled quote; columns past Z; a range on the same sheet', () => {
    const quoted = learnList("'O''Brien 表'!$AB$2:$AB$3", {}, [
      lists([[], [...Array(27).fill(null), '科学研究'], [...Array(27).fill(null), '工业制造']], "O'Brien 表"),
    ]);
    expect(options(quoted, '所属领域')).toEqual(['科学研究', '工业制造']);
    const here = learn(
      doc([table([...HEADER, null, null, '交通运输'], [[null, null, null, null, null, null, '医疗卫生']], { validations: [list(2, 'G2:G3')] })]),
    );
    expect(options(here, '所属领域')).toEqual(['交通运输', '医疗卫生']);
    expect(review(here)).toContain('「所属领域」的选项来自下拉列表（列表在 G2:G3）：交通运输、医疗卫生（单选）。');
  });

  test('a defined name, matched without regard to case, through up to three names', () => {
    const src = [lists([['科学研究'], ['工业制造']])];
    const names = { 领域: '选项!$A$1:$A$2', DomainList: '领域', 第三: 'domainlist' };
    expect(options(learnList('domainlist', { names }, src), '所属领域')).toEqual(['科学研究', '工业制造']);
    expect(options(learnList('第三', { names }, src), '所属领域')).toEqual(['科学研究', '工业制造']);
    const four = learnList('第四', { names: { ...names, 第四: '第三' } }, src);
    expect(col(four, '所属领域').type).toBe('text');
    // The fourth name is not followed: its target is then read as a range, and is none.
    expect(four.missing).toContain('「所属领域」：下拉列表的来源「领域」不是单元格区域（可能是公式或 INDIRECT），读不出选项。');
    const self = learnList('自己', { names: { 自己: '自己' } }, src);
    expect(self.missing).toContain('「所属领域」：下拉列表的来源「自己」不是单元格区域（可能是公式或 INDIRECT），读不出选项。');
  });

  test('what cannot be read is said, and the column is checked as free text', () => {
    const formula = learnList('INDIRECT($B3)');
    expect(formula.missing).toContain(
      '「所属领域」：下拉列表的来源「INDIRECT($B3)」不是单元格区域（可能是公式或 INDIRECT），读不出选项。',
    );
    expect(learnList('不存在!$A$1:$A$3').missing).toContain('「所属领域」：下拉列表引用的工作表「不存在」不在文件中。');
    const empty = learnList('选项!$A$1:$A$3', {}, [lists([[], ['  ']])]);
    expect(empty.missing).toContain('「所属领域」：下拉列表引用的区域「选项!$A$1:$A$3」是空的。');
    expect(col(empty, '所属领域').type).toBe('text');
  });

  test('a whole-column range reads the first 2001 rows, no more', () => {
    const rows: CellValue[][] = [['科学研究'], ['工业制造']];
    rows[2000] = ['医疗卫生'];
    rows[2001] = ['交通运输'];
    const r = learnList('选项!$A$1:$A$1048576', {}, [lists(rows)]);
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造', '医疗卫生']);
  });

  test('a rule is the column\'s when it covers one of its first three rows to fill, not the fourth', () => {
    const at = (r1: number) =>
      learn(doc([table(HEADER, [], { validations: [list(2, '"科学研究,工业制造"', { ranges: [{ r1, c1: 1, r2: r1 + 5, c2: 3 }] })] })]));
    expect(col(at(4), '所属领域').type).toBe('vocab');
    expect(col(at(4), '申报单位').type).toBe('vocab');
    expect(col(at(5), '所属领域').type).toBe('text');
  });
});

describe('vocabSentences: options spelt out in the notice', () => {
  const read = (...lines: string[]) => vocabSentences(lines).map((s) => [s.label, s.items, s.multi]);

  test('a sentence per 。；; or line, items by 、，, — each trimmed of spaces and full-width spaces', () => {
    expect(read('所属领域：科学研究、 工业制造 ，医疗卫生,　交通运输　。申报类型：新建、存量提升；数据来源：政务，企业;其他：a、b\n开放方式：有条件开放、无条件开放')).toEqual([
      ['所属领域', ['科学研究', '工业制造', '医疗卫生', '交通运输'], false],
      ['申报类型', ['新建', '存量提升'], false],
      ['数据来源', ['政务', '企业'], false],
      ['其他', ['a', 'b'], false],
      ['开放方式', ['有条件开放', '无条件开放'], false],
    ]);
  });

  test('check boxes split the items; the annotation beside the label is no part of it', () => {
    expect(vocabSentences(['数据集模态（可多选）：□文本 ☐图像 ■音频 ☑视频 ✓表格 ✔其他'])).toEqual([
      {
        label: '数据集模态',
        items: ['文本', '图像', '音频', '视频', '表格', '其他'],
        multi: true,
        source: '数据集模态（可多选）：□文本 ☐图像 ■音频 ☑视频 ✓表格 ✔其他',
      },
    ]);
  });

  test('「等」「等领域」 ending the list is not part of the last item', () => {
    expect(read('应用场景：交通、医疗等领域', '申报方向：语料、标注等方向', '数据类型：文本、图像等类型', '行业：工业、农业等')).toEqual([
      ['应用场景', ['交通', '医疗'], false],
      ['申报方向', ['语料', '标注'], false],
      ['数据类型', ['文本', '图像'], false],
      ['行业', ['工业', '农业'], false],
    ]);
  });

  test('numbered items: 1. 2、 （一） (3) before the label', () => {
    expect(read('1.行业领域：工业、农业', '２、申报类型：新建、存量', '（一）数据来源：政务、企业', '(3)开放方式：开放、不开放').map((x) => x[0])).toEqual([
      '行业领域',
      '申报类型',
      '数据来源',
      '开放方式',
    ]);
  });

  test('not a list: one item, an item over 24 characters, an item with a colon, a label over 20 characters', () => {
    expect(read('联系人：张三')).toEqual([]);
    expect(read(`所属领域：科学研究、${'长'.repeat(25)}`)).toEqual([]);
    expect(read(`所属领域：科学研究、${'长'.repeat(24)}`)).toHaveLength(1);
    expect(read('时间：上午：9点、下午')).toEqual([]);
    expect(read(`${'字'.repeat(21)}：甲、乙`)).toEqual([]);
    expect(read(`${'字'.repeat(20)}：甲、乙`)).toHaveLength(1);
  });

  test('「可多选」 or 「单选」 ending the label is left out of it; only 「可多选」 makes it multi-choice', () => {
    expect(read('数据来源可多选：政务、企业', '数据来源多选：政务、企业', '申报类型单选：新建、存量', '数据来源（不可多选）：政务、企业')).toEqual([
      ['数据来源', ['政务', '企业'], true],
      ['数据来源', ['政务', '企业'], true],
      ['申报类型', ['新建', '存量'], false],
      ['数据来源', ['政务', '企业'], false],
    ]);
  });

  test('the heading of a numbered note is not the first label; the source is the sentence without it', () => {
    const s = vocabSentences(['填表说明： 1.行业领域：工业、农业'])[0];
    expect(s).toEqual({ label: '行业领域', items: ['工业', '农业'], multi: false, source: '1.行业领域：工业、农业' });
    expect(vocabSentences(['说明：（一）行业领域：工业、农业'])[0].label).toBe('行业领域');
  });
});

describe('which notes make a dropdown column multi-choice', () => {
  test('「可多选」 is read per clause: the column named in the other clause stays single-choice', () => {
    const r = learn(
      doc([
        table(
          ['序号', '数据集名称', '所属领域', '数据集模态', '申报单位'],
          [[], ['注：所属领域按下拉选择，数据集模态可多选。']],
          { validations: [list(2, '"科学研究,工业制造"'), list(3, '"文本,图像"')] },
        ),
      ]),
    );
    expect(col(r, '所属领域')).toMatchObject({ type: 'vocab', multi: false });
    expect(col(r, '数据集模态')).toMatchObject({ type: 'vocab', multi: true });
    expect(review(r)).toContain('「数据集模态」的选项来自下拉列表，注释或正文写明可多选：文本、图像（可多选）。');
  });

  test('the clauses are split at ， and , as well as at 。；', () => {
    for (const note of ['注：所属领域按下拉选择,数据集模态可多选', '注：所属领域按下拉选择；数据集模态可多选']) {
      const r = learn(
        doc([
          table(['序号', '数据集名称', '所属领域', '数据集模态'], [[], [note]], {
            validations: [list(2, '"科学研究,工业制造"'), list(3, '"文本,图像"')],
          }),
        ]),
      );
      expect([col(r, '所属领域').multi, col(r, '数据集模态').multi]).toEqual([false, true]);
    }
  });

  test('the notice text beside the table is read too, and 「不可多选」 there is single-choice', () => {
    const learnWith = (text: string[]) =>
      learn(doc([table(HEADER, [], { validations: [list(2, '"科学研究,工业制造"')] })], { text }));
    expect(col(learnWith(['所属领域可多选。']), '所属领域').multi).toBe(true);
    expect(col(learnWith(['所属领域不可多选。']), '所属领域').multi).toBe(false);
    expect(col(learnWith(['所属领域只能选一项，可多选的是模态。']), '所属领域').multi).toBe(false);
  });
});
