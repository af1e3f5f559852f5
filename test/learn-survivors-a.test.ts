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

// First of all: the crosswalk is built once per test file, by the first test that learns, so this
// test is the one the mutation run counts as reaching how it is built.
test('built-in kinds and widths come from the first format that has the column, spellings from headers.json too', () => {
  const r = learn(
    doc([
      table(['编号', '数据集名称', '已服务支撑人工智能大模型名称', '法定代表人', '项目周期', '自定义列']),
    ]),
  );
  expect(r.profile.columns.map((c) => [c.key, c.type, c.width])).toEqual([
    ['seq', 'seq', 6],
    ['name', 'text', 22],
    ['models', 'models', 20],
    ['legalRep', 'person', 10],
    ['period', 'text', 18],
    ['自定义列', 'text', 12],
  ]);
  expect(r.inferred).toContain('「已服务支撑人工智能大模型名称」是已服务的模型名称，没有时填「无」。');
});

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
      [
        ['序号', '数据集名称', '数据规模', null, '申报单位'],
        [null, null, '结构化（条）', '非结构化（GB）'],
      ],
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

  test('a header cell merged over two columns with nothing under it stays a column beside a group (was dropped)', () => {
    const r = learn(
      doc([
        sheet(
          [
            ['t'],
            ['序号', '数据集名称', '数据规模', null, '数据集描述', null, '申报单位'],
            [null, null, '结构化（条）', '非结构化（GB）'],
          ],
          {
            merges: [
              { r1: 1, c1: 2, r2: 1, c2: 3 },
              { r1: 1, c1: 4, r2: 1, c2: 5 },
            ],
          },
        ),
      ]),
    );
    expect(r.profile.columns.map((c) => [c.label, c.group ?? null])).toEqual([
      ['序号', null],
      ['数据集名称', null],
      ['结构化（条）', '数据规模'],
      ['非结构化（GB）', '数据规模'],
      ['数据集描述', null],
      ['申报单位', null],
    ]);
    // A near spelling under a group is keyed by its own words, and said to be no known column.
    expect(r.inferred).toContain('「非结构化（GB）」不是已知的列（键「非结构化」）。');
    expect(r.inferred.some((l) => l.startsWith('「非结构化（GB）」按相似度'))).toBe(false);
  });

  test("a header on the sheet's last row, merged over its first columns, is one row", () => {
    const sh = sheet([['数据集名称', null, '申报单位', '序号']], {
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 1 }],
    });
    expect(locateTemplateHeader(sh)).toEqual({ row: 0, columns: [0, 2, 3], firstDataRow: 1 });
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
    expect(review(learnList('"科学研究,工业制造"'))).toContain(
      '「所属领域」的选项来自下拉列表：科学研究、工业制造（单选）。',
    );
  });

  test('a range on a hidden sheet, read row by row, blank cells skipped, values trimmed', () => {
    const r = learnList('选项!$A$1:$B$3', {}, [
      lists([['科学研究', ' 工业制造 '], [null, '医疗卫生'], ['交通运输']]),
    ]);
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造', '医疗卫生', '交通运输']);
    expect(review(r)).toContain('「所属领域」的选项来自下拉列表（列表在隐藏工作表「选项」）：');
  });

  test('a quoted sheet name with a doubled quote; columns past Z; a range on the same sheet', () => {
    const quoted = learnList("'O''Brien 表'!$AB$2:$AB$3", {}, [
      lists([[], [...Array(27).fill(null), '科学研究'], [...Array(27).fill(null), '工业制造']], "O'Brien 表"),
    ]);
    expect(options(quoted, '所属领域')).toEqual(['科学研究', '工业制造']);
    const here = learn(
      doc([
        table([...HEADER, null, null, '交通运输'], [[null, null, null, null, null, null, '医疗卫生']], {
          validations: [list(2, 'G2:G3')],
        }),
      ]),
    );
    expect(options(here, '所属领域')).toEqual(['交通运输', '医疗卫生']);
    expect(review(here)).toContain(
      '「所属领域」的选项来自下拉列表（列表在 G2:G3）：交通运输、医疗卫生（单选）。',
    );
  });

  test('a defined name, matched without regard to case, through up to three names', () => {
    const src = [lists([['科学研究'], ['工业制造']])];
    const names = { 领域: '选项!$A$1:$A$2', DomainList: '领域', 第三: 'domainlist' };
    expect(options(learnList('domainlist', { names }, src), '所属领域')).toEqual(['科学研究', '工业制造']);
    expect(options(learnList('第三', { names }, src), '所属领域')).toEqual(['科学研究', '工业制造']);
    const four = learnList('第四', { names: { ...names, 第四: '第三' } }, src);
    expect(col(four, '所属领域').type).toBe('text');
    // The fourth name is not followed: its target is then read as a range, and is none.
    expect(four.missing).toContain(
      '「所属领域」：下拉列表的来源「领域」不是单元格区域（可能是公式或 INDIRECT），读不出选项。',
    );
    const self = learnList('自己', { names: { 自己: '自己' } }, src);
    expect(self.missing).toContain(
      '「所属领域」：下拉列表的来源「自己」不是单元格区域（可能是公式或 INDIRECT），读不出选项。',
    );
  });

  test('what cannot be read is said, and the column is checked as free text', () => {
    const formula = learnList('INDIRECT($B3)');
    expect(formula.missing).toContain(
      '「所属领域」：下拉列表的来源「INDIRECT($B3)」不是单元格区域（可能是公式或 INDIRECT），读不出选项。',
    );
    expect(learnList('不存在!$A$1:$A$3').missing).toContain(
      '「所属领域」：下拉列表引用的工作表「不存在」不在文件中。',
    );
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

  test("a rule is the column's when it covers one of its first three rows to fill, not the fourth", () => {
    const at = (r1: number) =>
      learn(
        doc([
          table(HEADER, [], {
            validations: [list(2, '"科学研究,工业制造"', { ranges: [{ r1, c1: 1, r2: r1 + 5, c2: 3 }] })],
          }),
        ]),
      );
    expect(col(at(4), '所属领域').type).toBe('vocab');
    expect(col(at(4), '申报单位').type).toBe('vocab');
    expect(col(at(5), '所属领域').type).toBe('text');
  });
});

describe('vocabSentences: options spelt out in the notice', () => {
  const read = (...lines: string[]) => vocabSentences(lines).map((s) => [s.label, s.items, s.multi]);

  test('a sentence per 。；; or line, items by 、，, — each trimmed of spaces and full-width spaces', () => {
    expect(
      read(
        '所属领域：科学研究、 工业制造 ，医疗卫生,　交通运输　。申报类型：新建、存量提升；数据来源：政务，企业;其他：a、b\n开放方式：有条件开放、无条件开放',
      ),
    ).toEqual([
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
    expect(
      read(
        '应用场景：交通、医疗等领域',
        '申报方向：语料、标注等方向',
        '数据类型：文本、图像等类型',
        '行业：工业、农业等',
      ),
    ).toEqual([
      ['应用场景', ['交通', '医疗'], false],
      ['申报方向', ['语料', '标注'], false],
      ['数据类型', ['文本', '图像'], false],
      ['行业', ['工业', '农业'], false],
    ]);
  });

  test('numbered items: 1. 2、 （一） (3) before the label', () => {
    expect(
      read(
        '1.行业领域：工业、农业',
        '２、申报类型：新建、存量',
        '（一）数据来源：政务、企业',
        '(3)开放方式：开放、不开放',
      ).map((x) => x[0]),
    ).toEqual(['行业领域', '申报类型', '数据来源', '开放方式']);
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
    expect(
      read(
        '数据来源可多选：政务、企业',
        '数据来源多选：政务、企业',
        '申报类型单选：新建、存量',
        '数据来源（不可多选）：政务、企业',
      ),
    ).toEqual([
      ['数据来源', ['政务', '企业'], true],
      ['数据来源', ['政务', '企业'], true],
      ['申报类型', ['新建', '存量'], false],
      ['数据来源', ['政务', '企业'], false],
    ]);
  });

  test('the heading of a numbered note is not the first label; the source is the sentence without it', () => {
    const s = vocabSentences(['填表说明： 1.行业领域：工业、农业'])[0];
    expect(s).toEqual({
      label: '行业领域',
      items: ['工业', '农业'],
      multi: false,
      source: '1.行业领域：工业、农业',
    });
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
    expect(review(r)).toContain(
      '「数据集模态」的选项来自下拉列表，注释或正文写明可多选：文本、图像（可多选）。',
    );
  });

  test('the clauses are split at ， and , as well as at 。；', () => {
    for (const note of [
      '注：所属领域按下拉选择,数据集模态可多选',
      '注：所属领域按下拉选择；数据集模态可多选',
    ]) {
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

describe('column kinds from the header', () => {
  const kinds = (header: string[]) => {
    const r = learn(doc([table(['序号', '数据集名称', ...header])]));
    return { r, cols: r.profile.columns.slice(2) };
  };

  test('a percent, money in 元, 万元 or 亿元 (full-width brackets and spaces allowed)', () => {
    const { cols } = kinds(['占比（%）', '投资额 （万元）', '费用(元)', '产值（亿元）', '金额（美元）']);
    expect(cols.map((c) => c.type)).toEqual(['percent', 'money', 'money', 'money', 'text']);
    expect(cols[0]).toMatchObject({ multi: false, joiner: '、', singleUnit: false });
  });

  test('a size by its header unit, records by 条 or 行, and a unit the tool cannot keep said so', () => {
    const { r, cols } = kinds([
      '数据量（GB）',
      '数据集大小（TB）',
      '记录数（条）',
      '数据量（行）',
      '数据量（万条）',
      '大小（MB）',
    ]);
    expect(cols.map((c) => c.quantity)).toEqual([
      { kind: 'size', unit: 'GB' },
      { kind: 'size', unit: 'TB' },
      { kind: 'records', unit: '条' },
      { kind: 'records', unit: '条' },
      { kind: 'scale' },
      { kind: 'scale' },
    ]);
    expect(cols.every((c) => c.type === 'quantity' && c.multi === false)).toBe(true);
    expect(r.inferred).toEqual(
      expect.arrayContaining([
        '「数据量（GB）」是数据量：大小，以 GB 计（表头单位）。',
        '「数据集大小（TB）」是数据量：大小，以 TB 计（表头单位）。',
        '「记录数（条）」是数据量：条数。',
        '「数据量（万条）」的单位「万条」本工具不能作为列单位，按「大小或条数，照写」检查：请确认。',
        '「数据量（万条）」是数据量：大小或条数，照写（表头没有单位）。',
        '「大小（MB）」的单位「MB」本工具不能作为列单位，按「大小或条数，照写」检查：请确认。',
      ]),
    );
    expect(r.inferred.filter((l) => l.includes('不能作为列单位'))).toHaveLength(2);
  });

  test('quantities named without a unit: records, 模态+GB pairs, or as written', () => {
    const { r, cols } = kinds(['结构化数据量', '非结构化数据量', '数据规模']);
    expect(cols.map((c) => [c.key, c.quantity])).toEqual([
      ['structuredScale', { kind: 'records', unit: '条' }],
      ['unstructuredScale', { kind: 'pairs', unit: 'GB' }],
      ['scale', { kind: 'scale' }],
    ]);
    expect(r.inferred).toEqual(
      expect.arrayContaining([
        '「结构化数据量」是数据量：条数。',
        '「非结构化数据量」是数据量：「模态+GB」。',
        '「数据规模」是数据量：大小或条数，照写（表头没有单位）。',
      ]),
    );
  });

  test('a known column keeps its built-in kind; unknown ones are read from their words', () => {
    const { cols } = kinds([
      '统一社会信用代码',
      '企业信用代码',
      '联系人及联系方式（电话、邮箱）',
      '对接联系方式',
      '填报人手机',
      '办公电话',
      '电子邮件地址',
      '负责人E-mail',
      '编号',
      '自定义说明',
    ]);
    expect(cols.map((c) => c.type)).toEqual([
      'creditCode',
      'creditCode',
      'contact',
      'contact',
      'phone',
      'phone',
      'email',
      'email',
      'seq',
      'text',
    ]);
    expect(cols[2].contactNeeds).toEqual(['name', 'phone', 'email']);
    expect(cols[3].contactNeeds).toEqual(['name', 'phoneOrEmail']);
    expect(cols[1]).toMatchObject({ multi: false, joiner: '、', singleUnit: false });
  });
});

describe('the sheet learned from', () => {
  test('the visible sheet whose header is best known, and it says which', () => {
    const r = learn(
      doc([
        sheet([['说明'], ['数据集名称', '申报单位']], { name: '说明' }),
        sheet([['标题'], HEADER], { name: '推荐表' }),
        sheet([[], [...HEADER, '数据集模态', '数据量（TB）']], { name: '选项', hidden: true }),
      ]),
    );
    expect(r.profile.sheet.sheetName).toBe('推荐表');
    expect(r.inferred[0]).toBe('按表头选用了工作表「推荐表」。');
    expect(r.inferred[1]).toBe('表头在第 2 行。');
  });

  test('the sheet a person chose, even a weaker or hidden one, and then no 「按表头选用」 line', () => {
    const r = learn(
      doc(
        [
          sheet([HEADER, []], { name: '甲' }),
          sheet([['标题'], ['数据集名称', '申报单位', '序号']], { name: '乙', hidden: true }),
        ],
        {
          main: '乙',
        },
      ),
    );
    expect(r.profile.sheet.sheetName).toBe('乙');
    expect(r.inferred.some((l) => l.startsWith('按表头选用'))).toBe(false);
  });

  test('no header anywhere: a Chinese error that names the file', () => {
    expect(() => learn(doc([sheet([['一段说明'], ['甲', '乙']])]))).toThrow(
      new LearnError(
        '在「某市汇总表.xlsx」里找不到表头：请确认这是通知所附的空白汇总表（表头一行列出序号、名称等各列）。',
      ),
    );
  });

  test('a form of label-and-blank rows is refused with what to choose instead; two such rows are not a form', () => {
    const form = (n: number) =>
      doc([sheet(['单位名称', '统一社会信用代码', '联系人', '联系电话'].slice(0, n).map((l) => [l, null]))]);
    expect(() => learn(form(3))).toThrow(/像是每个单位或项目各填一份的表单.*请选择通知所附的汇总表模板/);
    expect(() => learn(form(2))).toThrow(/找不到表头/);
  });
});

describe('above the header: the 附件 label, the title, the lines kept as written', () => {
  const above = (rows: CellValue[][]) => learn(doc([sheet([...rows, HEADER])]));

  test('附件 label and title in their own cells, each said in the review', () => {
    const r = above([['附件 2：'], ['某市行业高质量数据集汇总表']]);
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件 2：',
      title: '某市行业高质量数据集汇总表',
      linesAbove: [],
    });
    expect(r.inferred).toEqual(
      expect.arrayContaining(['附件标签：「附件 2：」。', '标题：「某市行业高质量数据集汇总表」。']),
    );
  });

  test('附件 label and title in one row, side by side', () => {
    const r = above([['附件３', '某市', '数据集汇总表']]);
    expect(r.profile.sheet).toMatchObject({ attachment: '附件３', title: '某市数据集汇总表' });
  });

  test("附件 label and title in one cell are split, and it says so; the title is the recommender's to fill", () => {
    const r = above([['附件一　××××行业高质量数据集汇总表']]);
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件一',
      title: '{prefix}行业高质量数据集汇总表',
      titlePrefixLabel: '标题中的XXX',
    });
    expect(r.inferred).toEqual(
      expect.arrayContaining([
        '附件标签和标题写在同一格「附件一　××××行业高质量数据集汇总表」，已分开。',
        '标题「XXX行业高质量数据集汇总表」中的 XXX 由推荐单位填写。',
      ]),
    );
    for (const blank of ['XX', '＿＿', '__'])
      expect(above([[`${blank}市数据集汇总表`]]).profile.sheet.title).toBe('{prefix}市数据集汇总表');
    expect(above([['X市数据集汇总表']]).profile.sheet.title).toBe('X市数据集汇总表');
  });

  test('a line with a colon, 盖章 or a date is a line above, not the title — unless it names a 表, 名单 or 清单', () => {
    const r = above([['推荐单位（盖章）'], ['填报日期：', '　年　月　日'], ['标题：某市数据集推荐清单']]);
    expect(r.profile.sheet.title).toBe('标题：某市数据集推荐清单');
    expect(r.profile.sheet.linesAbove).toEqual([['推荐单位（盖章）'], ['填报日期：', '　年　月　日']]);
    expect(r.inferred).toContain('表头上方一行（逐字保留）：「填报日期：」 「　年　月　日」。');
    expect(above([['2025年 月 日']]).profile.sheet.linesAbove).toEqual([['2025年 月 日']]);
    const second = above([['某市汇总表'], ['某市汇总名单']]);
    expect(second.profile.sheet).toMatchObject({ title: '某市汇总表', linesAbove: [['某市汇总名单']] });
  });

  test('a second 附件 line after the label is a line above; no label and no title are asked for', () => {
    expect(above([['附件1'], ['附件2']]).profile.sheet).toMatchObject({
      attachment: '附件1',
      title: '附件2',
    });
    const none = above([]);
    expect(none.profile.sheet).toMatchObject({ attachment: '', title: '', linesAbove: [] });
    expect(none.missing).toEqual(
      expect.arrayContaining([
        '模板没有「附件N」标签：汇总表左上角不写附件标签；通知要求写时，生成后在汇总表左上角补上（格式文件中为 sheet.attachment）。',
        '模板没有标题行：请在「标题（逐字）」框照通知填写汇总表标题（格式文件中为 sheet.title）。',
      ]),
    );
  });
});

describe('below the header: rows to fill, examples, totals, signatures and notes', () => {
  const below = (rows: CellValue[][], extra: Partial<TemplateSheet> = {}) =>
    learn(doc([table(HEADER, rows, extra)]));

  test('numbered blank rows are skipped; an example row is named by its row number', () => {
    const r = below([['1'], ['2', null, null, null], ['示例', '某数据集', null, '某单位']]);
    expect(r.inferred).toContain(
      '第 5 行像是填写示例：「示例」 「某数据集」 「某单位」（不作为格式的一部分）。',
    );
    expect(r.inferred.filter((l) => /^第 [34] 行/.test(l))).toEqual([]);
    expect(r.profile.sheet.footnote).toBeUndefined();
  });

  test('a total row, with or without a space, is left out and said', () => {
    const r = below([['合 计'], ['总计'], ['小　计']]);
    expect(r.inferred).toEqual(
      expect.arrayContaining([
        '第 3 行是合计行，不作为格式的一部分。',
        '第 4 行是合计行，不作为格式的一部分。',
      ]),
    );
    expect(r.inferred.some((l) => l.startsWith('第 5 行'))).toBe(true);
  });

  test('a signature row is not written, and the clerk is told where to add it', () => {
    const r = below([['填表人：', '审核人：　', '签字'], ['盖章'], ['年　月　日']]);
    expect(r.missing).toContain(
      '表下第 3 行是签字行（「填表人：」「审核人：　」「签字」）：格式只有一段表尾注，这一行没有写入，如需要请加进 sheet.footnote。',
    );
    expect(r.missing.filter((l) => l.includes('是签字行'))).toHaveLength(3);
  });

  test('notes: a 注/说明 start, a merged cell across columns, or a long text — in order, kept as written', () => {
    const r = below(
      [
        ['注：数据量以TB为单位'],
        ['合并的说明'],
        [null, '这是一段超过十五个字的填写说明文字'],
        [null, '短的示例'],
        [null, null, null, null, null, '说明1、表外的说明'],
      ],
      { merges: [{ r1: 3, c1: 0, r2: 3, c2: 3 }] },
    );
    expect(r.profile.sheet.footnote).toBe(
      '注：数据量以TB为单位\n合并的说明\n这是一段超过十五个字的填写说明文字\n说明1、表外的说明',
    );
    expect(r.inferred).toContain(
      '表下注释（逐字保留）：「注：数据量以TB为单位\n合并的说明\n这是一段超过十五个字的填写说明文字\n说明1、表外的说明」。',
    );
    expect(r.inferred).toContain('第 6 行像是填写示例：「短的示例」（不作为格式的一部分）。');
  });

  test('a text of exactly 15 characters is an example, of 16 a note', () => {
    const r = below([
      [null, '一二三四五六七八九十一二三四五'],
      [null, '一二三四五六七八九十一二三四五六'],
    ]);
    expect(r.profile.sheet.footnote).toBe('一二三四五六七八九十一二三四五六');
  });

  test("text outside the table's columns that is no note is ignored", () => {
    const r = below([[null, null, null, null, null, '旁边的字']]);
    expect(r.inferred.some((l) => l.includes('旁边的字') && l.startsWith('第'))).toBe(false);
  });

  test('the conversion note hqds writes under its own sheets is recognised and not kept', () => {
    for (const gb of ['1024', '1000']) {
      const r = below([[`注：数据量按 1TB=${gb}GB 换算。`]]);
      expect(r.profile.sheet.footnote).toBeUndefined();
      expect(r.inferred).toContain(`表下「数据量按 1TB=${gb}GB 换算」是本工具写的说明，不作为注释。`);
    }
    expect(below([['注：数据量按 1TB=1024GB 换算。另见通知']]).profile.sheet.footnote).toBe(
      '注：数据量按 1TB=1024GB 换算。另见通知',
    );
  });
});

describe('column keys', () => {
  test('an unknown column is keyed by its words without the unit; a repeated key is numbered', () => {
    const r = learn(
      doc([table(['序号', '数据集名称', '更新频率（次）', '数据集名称', '名称', '数据集名称'])]),
    );
    expect(r.profile.columns.map((c) => c.key)).toEqual([
      'seq',
      'name',
      '更新频率(次)',
      'name2',
      'name3',
      'name4',
    ]);
    expect(r.inferred).toContain('「更新频率（次）」不是已知的列（键「更新频率(次)」）。');
  });

  test('a near spelling is a known column, to be confirmed; one too far is a new column', () => {
    const r = learn(doc([table(['序号', '数据集名', '申报单位名', '内部编号'])]));
    expect(r.profile.columns.map((c) => [c.key, c.type])).toEqual([
      ['seq', 'seq'],
      ['name', 'text'],
      ['applicant', 'text'],
      ['内部编号', 'text'],
    ]);
    expect(r.inferred).toEqual(
      expect.arrayContaining([
        '「数据集名」按相似度认作已知列「name」：请确认。',
        '「申报单位名」按相似度认作已知列「applicant」：请确认。',
        '「内部编号」不是已知的列（键「内部编号」）。',
        '「内部编号」按自由文本检查。',
      ]),
    );
  });

  test('the same sub-label under a second group is named with that group', () => {
    const r = learn(
      doc([
        sheet(
          [
            ['序号', '数据集名称', '训练集', null, '测试集', null],
            [null, null, '文本', '图像', '文本', '图像'],
          ],
          {
            merges: [
              { r1: 0, c1: 2, r2: 0, c2: 3 },
              { r1: 0, c1: 4, r2: 0, c2: 5 },
            ],
          },
        ),
      ]),
    );
    expect(r.profile.columns.map((c) => [c.label, c.key])).toEqual([
      ['序号', 'seq'],
      ['数据集名称', 'name'],
      ['文本', '文本'],
      ['图像', '图像'],
      ['测试集文本', '文本2'],
      ['测试集图像', '图像2'],
    ]);
    expect(r.inferred).toContain('两层表头下的列名重复，写作「测试集文本」：请确认。');
    expect(r.inferred).toContain('两层表头下的列名重复，写作「测试集图像」：请确认。');
    expect(r.profile.columns.map((c) => c.group ?? null)).toEqual([
      null,
      null,
      '训练集',
      '训练集',
      '测试集',
      '测试集',
    ]);
  });
});

describe("a dropdown's options for a column", () => {
  const withRule = (
    rule: Partial<TemplateValidation>,
    header: CellValue[] = HEADER,
    extra: Partial<TemplateDoc> = {},
  ) => learn(doc([table(header, [], { validations: [list(2, '"科学研究,工业制造"', rule)] })], extra));

  test('one option written with full-width commas is split, and the clerk is told to check', () => {
    const r = withRule({ formula: '"科学研究，工业制造、医疗卫生；交通运输"' });
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造', '医疗卫生', '交通运输']);
    expect(r.missing).toContain(
      '「所属领域」的下拉列表只有一项「科学研究，工业制造、医疗卫生；交通运输」（用了全角逗号或顿号，Excel 不会分开）：已按标点分成 4 项，请核对，并提醒通知方改用半角逗号。',
    );
    expect(options(withRule({ formula: '"科学研究"' }), '所属领域')).toEqual(['科学研究']);
  });

  test('an input message that says 可多选 makes it multi-choice, with the separator it names', () => {
    const r = withRule({ promptTitle: '所属领域', prompt: '可多选，用「；」分隔' });
    expect(col(r, '所属领域')).toMatchObject({ type: 'vocab', multi: true, joiner: '；' });
    expect(review(r)).toContain(
      '「所属领域」的选项来自下拉列表，提示写明可多选：科学研究、工业制造（可多选）。',
    );
    expect(col(withRule({ promptTitle: '可多选' }), '所属领域')).toMatchObject({ multi: true, joiner: '、' });
    expect(col(withRule({ prompt: '可多选，用 「/」 分隔' }), '所属领域').joiner).toBe('/');
  });

  test('the header says multi- or single-choice', () => {
    const multi = withRule({}, ['序号', '数据集名称', '所属领域（可多选）']);
    expect(review(multi)).toContain(
      '「所属领域（可多选）」的选项来自下拉列表，表头写明可多选：科学研究、工业制造（可多选）。',
    );
    const single = withRule({ errorAlert: false }, ['序号', '数据集名称', '所属领域（单选）']);
    expect(col(single, '所属领域（单选）').multi).toBe(false);
    expect(review(single)).toContain(
      '「所属领域（单选）」的选项来自下拉列表，表头写明单选：科学研究、工业制造（单选）。',
    );
  });

  test('a list without an error alert takes values outside it: multi-choice, to be confirmed', () => {
    const r = withRule({ errorAlert: false });
    expect(col(r, '所属领域').multi).toBe(true);
    expect(review(r)).toContain(
      '「所属领域」的选项来自下拉列表，未设出错警告（可填列表外的值），按可多选处理（请确认）：科学研究、工业制造（可多选）。',
    );
  });

  test('a rule that is no list gives no options', () => {
    const r = withRule({ type: 'whole', formula: '1' });
    expect(col(r, '所属领域').type).toBe('text');
  });
});

describe('options spelt out in the notice, for a column without a dropdown', () => {
  const withText = (header: CellValue[], text: string[]) => learn(doc([table(header)], { text }));

  test("by the column's own label, with or without its annotation or unit", () => {
    const r = withText(
      ['序号', '数据集名称', '所属领域（必填）', '更新频率'],
      ['所属领域：科学研究、工业制造。', '更新频率：实时、每日、每月。'],
    );
    expect(options(r, '所属领域（必填）')).toEqual(['科学研究', '工业制造']);
    expect(options(r, '更新频率')).toEqual(['实时', '每日', '每月']);
    expect(col(r, '更新频率').multi).toBe(false);
    expect(review(r)).toContain(
      '「更新频率」的选项来自通知正文「更新频率：实时、每日、每月」：实时、每日、每月（单选）。',
    );
  });

  test('by another spelling of the same known column, also for a numbered repeat', () => {
    const r = withText(['序号', '数据集名称', '行业领域', '所属领域'], ['所属领域：科学研究、工业制造。']);
    expect(col(r, '所属领域').key).toBe('domain2');
    expect(options(r, '行业领域')).toEqual(['科学研究', '工业制造']);
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造']);
  });

  test('multi-choice by the sentence, the header or another note, and it says so; a long source is cut at 40', () => {
    const long = `所属领域（可多选）：${Array.from({ length: 8 }, (_, i) => `领域${i + 1}号`).join('、')}`;
    const r = withText(['序号', '数据集名称', '所属领域'], [long]);
    expect(col(r, '所属领域').multi).toBe(true);
    expect(review(r)).toContain(`「所属领域」的选项来自通知正文「${long.slice(0, 40)}」，写明可多选：`);
    expect(
      col(withText(['序号', '数据集名称', '所属领域（可多选）'], ['所属领域：甲、乙']), '所属领域（可多选）')
        .multi,
    ).toBe(true);
    expect(
      col(withText(['序号', '数据集名称', '所属领域'], ['所属领域：甲、乙', '所属领域可多选']), '所属领域')
        .multi,
    ).toBe(true);
  });

  test('a column that usually has options but shows none is free text, and the clerk is asked for them', () => {
    const r = withText(['序号', '数据集名称', '所属领域', '数据集模态', '更新频率'], []);
    expect(r.missing).toContain(
      '「所属领域」通常有固定选项，但模板里既没有下拉列表，也没有「所属领域：A、B、C」这样的说明：按自由文本检查，请补上选项。',
    );
    expect(r.missing.filter((l) => l.includes('通常有固定选项'))).toHaveLength(2);
  });
});

describe('word limits written in the header', () => {
  test.each([
    ['数据集简介（不超过300字）', 300],
    ['数据集简介（不多于 200 字）', 200],
    ['数据集简介（限100字）', 100],
    ['数据集简介（５００字以内）', 500],
    ['数据集简介（50字以下）', 50],
  ])('「%s」 is limited to %i characters', (label, n) => {
    const r = learn(doc([table(['序号', '数据集名称', label])]));
    expect(col(r, label).maxChars).toBe(n);
    expect(r.inferred).toContain(`「${label}」限 ${n} 字。`);
  });

  test('a number without 字 is no limit', () => {
    expect(
      col(learn(doc([table(['序号', '数据集名称', '简介（300）'])])), '简介（300）').maxChars,
    ).toBeUndefined();
  });
});

describe('finer points the review depends on', () => {
  test('two known labels alone make a header; two near spellings alone do not', () => {
    expect(locateTemplateHeader(sheet([['序号', '数据集名称']]))).toEqual({
      row: 0,
      columns: [0, 1],
      firstDataRow: 1,
    });
    expect(locateTemplateHeader(sheet([['数据集名', '申报单位名']]))).toBeNull();
  });

  test('a header spelt exactly, or exactly with a unit, is no guess', () => {
    const r = learn(doc([table(['序号', '数据集名称', '数据集规模（条）', '数据量（GB）', '申报单位'])]));
    expect(r.inferred.filter((l) => l.includes('按相似度') || l.includes('不是已知的列'))).toEqual([]);
    expect(r.profile.columns.map((c) => c.key)).toEqual(['seq', 'name', 'scale', 'scale2', 'applicant']);
  });

  test('blanks around a header label are not part of it', () => {
    const r = learn(doc([table(['序号', ' 数据集名称 ', '申报单位\n'])]));
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位']);
  });

  test('a merge over two header rows is no group, even with text under its second column', () => {
    const r = learn(
      doc([
        table(['序号', '数据集名称', '数据规模', null, '申报单位'], [[null, null, null, '说明']], {
          merges: [{ r1: 1, c1: 2, r2: 2, c2: 3 }],
        }),
      ]),
    );
    expect(r.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '数据规模', '申报单位']);
  });

  test('formulas that only contain a range are not read as one, nor as an inline list', () => {
    const why = (f: string) =>
      `「所属领域」：下拉列表的来源「${f}」不是单元格区域（可能是公式或 INDIRECT），读不出选项。`;
    for (const f of ['A1+B2', '$A$1:$A$3,$C$1', 'B1&"其他"', '"科学研究,工业制造"&C1']) {
      const r = learn(doc([table(HEADER, [], { validations: [list(2, f)] })]));
      expect(r.missing).toContain(why(f));
    }
  });

  test('one cell as the source; an = inside an inline option is kept', () => {
    const one = learn(
      doc([
        table(HEADER, [], { validations: [list(2, '选项!$B$2')] }),
        sheet([[], [null, '科学研究，工业制造']], { name: '选项', hidden: true }),
      ]),
    );
    expect(options(one, '所属领域')).toEqual(['科学研究', '工业制造']);
    const eq = learn(doc([table(HEADER, [], { validations: [list(2, '"A=1,B"')] })]));
    expect(options(eq, '所属领域')).toEqual(['A=1', 'B']);
  });

  test('a rule with several ranges applies where any of them covers the column; one ending on the first row counts', () => {
    const rule = list(2, '"科学研究,工业制造"', {
      ranges: [
        { r1: 0, c1: 7, r2: 9, c2: 7 },
        { r1: 0, c1: 2, r2: 2, c2: 2 },
      ],
    });
    expect(col(learn(doc([table(HEADER, [], { validations: [rule] })])), '所属领域').type).toBe('vocab');
  });

  test('a header that is only a unit is not made multi-choice by a note about another column', () => {
    const r = learn(
      doc([
        table(['序号', '数据集名称', '（条）'], [[], ['注：数据集模态可多选']], {
          validations: [list(2, '"甲,乙"')],
        }),
      ]),
    );
    expect(col(r, '（条）').multi).toBe(false);
  });

  test('option sentences: heading spaces, numbers past 9, 等 inside an item, blanks inside an item', () => {
    expect(vocabSentences([' 注： 12.行业领域：工业、农业'])[0]).toMatchObject({
      label: '行业领域',
      source: '12.行业领域：工业、农业',
    });
    expect(vocabSentences(['填表说明：（十二）行业领域：工业、农业'])[0].label).toBe('行业领域');
    expect(
      vocabSentences(['安全：等保测评、有条件 开放、医疗等等、交通　　等、农业等领域 '])[0].items,
    ).toEqual(['等保测评', '有条件 开放', '医疗', '交通', '农业']);
    expect(vocabSentences(['单选题型：甲、乙'])[0].label).toBe('单选题型');
    expect(vocabSentences([' 所属领域：甲、乙 '])[0].source).toBe('所属领域：甲、乙');
  });
});

describe('second batch: what the first mutation run of part A left standing', () => {
  const cols = (header: CellValue[], extra: Partial<TemplateSheet> = {}, d: Partial<TemplateDoc> = {}) =>
    learn(doc([table(header, [], extra)], d));

  test('unknown contact, e-mail and 序号-like columns by their words', () => {
    const r = cols([
      '序号',
      '数据集名称',
      '对接人联系方式（电话、邮箱）',
      '对接人联系方式（电话）',
      '序号说明',
      '编号规则',
      '（GB）',
    ]);
    expect(r.profile.columns.slice(2).map((c) => [c.key, c.type, c.contactNeeds ?? null])).toEqual([
      ['对接人联系方式(电话、邮箱)', 'contact', ['name', 'phone', 'email']],
      ['对接人联系方式(电话)', 'contact', ['name', 'phoneOrEmail']],
      ['序号说明', 'text', null],
      ['编号规则', 'text', null],
      ['c7', 'quantity', null],
    ]);
  });

  test('a percent or money unit only at the end of the header; blanks inside the brackets do not matter', () => {
    const r = cols(['序号', '数据集名称', '占比（ % ）', '投资额（万元）及来源', '占比(%)说明']);
    expect(r.profile.columns.slice(2).map((c) => c.type)).toEqual(['percent', 'text', 'text']);
  });

  test('a header cell with a mark and a blank after it', () => {
    expect(headerPlain('* 数据集名称')).toBe('数据集名称');
  });

  test('of two visible sheets with equally known headers the first is learned', () => {
    const r = learn(doc([sheet([HEADER], { name: '甲' }), sheet([HEADER], { name: '乙' })]));
    expect(r.profile.sheet.sheetName).toBe('甲');
  });

  test('a form beside a sheet without a header is still refused as a form', () => {
    const form = sheet(
      ['单位名称', '统一社会信用代码', '联系人'].map((l) => [l, null]),
      { name: '表单' },
    );
    expect(() => learn(doc([sheet([['说明']], { name: '说明' }), form]))).toThrow(
      /像是每个单位或项目各填一份的表单/,
    );
  });

  test('what is not a form: unknown labels, labels with their value beside them, labels past row 60', () => {
    const noHeader = /找不到表头/;
    expect(() => learn(doc([sheet(['甲乙', '丙丁', '戊己'].map((l) => [l, null]))]))).toThrow(noHeader);
    expect(() =>
      learn(doc([sheet(['单位名称', '统一社会信用代码', '联系人'].map((l) => [null, l, '某值']))])),
    ).toThrow(noHeader);
    const late: CellValue[][] = Array.from({ length: 59 }, () => []);
    late.push(['单位名称', null], ['统一社会信用代码', null], ['联系人', null]);
    expect(() => learn(doc([sheet(late)]))).toThrow(noHeader);
    const twoCells = sheet(['单位名称', '统一社会信用代码', '联系人'].map((l) => [l, null, 'x'.repeat(31)]));
    expect(() => learn(doc([twoCells]))).toThrow(/像是每个单位或项目各填一份的表单/);
  });

  test('blank rows above the header, 附件 and title cells with blanks, their fonts by role', () => {
    const fonts = {
      '0,0': { name: '黑体', size: 12 },
      '2,0': { name: '方正小标宋简体', size: 20 },
      '3,0': { name: '仿宋', size: 11 },
      '4,0': { name: '楷体' },
    };
    const r = learn(
      doc([
        sheet([[' 附件2 '], [], [' 某市 ', '数据集汇总表 '], ['填报单位：'], ['日期：'], [], HEADER], {
          fonts,
        }),
      ]),
    );
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件2',
      title: '某市数据集汇总表',
      linesAbove: [['填报单位：'], ['日期：']],
      fonts: {
        attachment: { name: '黑体', size: 12 },
        title: { name: '方正小标宋简体', size: 20 },
        meta: { name: '仿宋', size: 11 },
      },
    });
  });

  test('附件 label and title in one cell, with blanks: both trimmed; the title cell carries the title font', () => {
    const r = learn(
      doc([
        sheet([[' 附件 ：某市数据集汇总表  '], HEADER], { fonts: { '0,0': { name: '黑体', size: 18 } } }),
      ]),
    );
    expect(r.profile.sheet).toMatchObject({
      attachment: '附件',
      title: '某市数据集汇总表',
      fonts: { title: { name: '黑体', size: 18 } },
    });
    expect(r.inferred).toContain('附件标签和标题写在同一格「附件 ：某市数据集汇总表」，已分开。');
    const after = learn(doc([sheet([['附件1'], ['附件2：某某汇总表'], HEADER])]));
    expect(after.profile.sheet).toMatchObject({ attachment: '附件1', title: '附件2：某某汇总表' });
  });

  test('a date spread over three cells is a line above, not the title', () => {
    const r = learn(doc([sheet([['某市数据集汇总表'], ['　年', '月', '日'], HEADER])]));
    expect(r.profile.sheet.linesAbove).toEqual([['　年', '月', '日']]);
  });

  test('below the table: what is a row number, a total, a signature, an example', () => {
    const r = learn(
      doc([
        table(
          ['', ...HEADER],
          [
            [null, ' 3 '],
            [null, '12'],
            [null, '示例1'],
            [null, '1', '示例名称'],
            [null, '合  计'],
            [null, ' 总　　计 '],
            [null, '小  计'],
            [null, '本页合计'],
            [null, '合计金额'],
            [null, '填表人：', '张三'],
            [null, '这是一个很长很长的示例数据集名称超过十五字', '某单位'],
            ['表左边的字'],
            [null, '两列宽'],
          ],
          { merges: [{ r1: 14, c1: 1, r2: 14, c2: 2 }] },
        ),
      ]),
    );
    const lines = r.inferred.filter((l) => /^第 \d+ 行/.test(l));
    expect(lines).toEqual([
      '第 5 行像是填写示例：「示例1」（不作为格式的一部分）。',
      '第 6 行像是填写示例：「1」 「示例名称」（不作为格式的一部分）。',
      '第 7 行是合计行，不作为格式的一部分。',
      '第 8 行是合计行，不作为格式的一部分。',
      '第 9 行是合计行，不作为格式的一部分。',
      '第 10 行像是填写示例：「本页合计」（不作为格式的一部分）。',
      '第 11 行像是填写示例：「合计金额」（不作为格式的一部分）。',
      '第 12 行像是填写示例：「填表人：」 「张三」（不作为格式的一部分）。',
      '第 13 行像是填写示例：「这是一个很长很长的示例数据集名称超过十五字」 「某单位」（不作为格式的一部分）。',
    ]);
    expect(r.profile.sheet.footnote).toBe('两列宽');
  });

  test('no notes, no notes line', () => {
    expect(learn(doc([table(HEADER)])).inferred.some((l) => l.startsWith('表下注释'))).toBe(false);
  });

  test('a two-level header: exact spellings under a group are known; a group needs its labels under it', () => {
    const r = learn(
      doc([
        table(
          ['序号', '数据集名称', '数据规模', null, '其他', null, '备注'],
          [[null, null, '结构化数据量', '非结构化数据量', '说明', null, null]],
          {
            merges: [
              { r1: 1, c1: 2, r2: 1, c2: 3 },
              { r1: 1, c1: 4, r2: 1, c2: 5 },
            ],
          },
        ),
      ]),
    );
    expect(r.profile.columns.map((c) => [c.key, c.label, c.group ?? null])).toEqual([
      ['seq', '序号', null],
      ['name', '数据集名称', null],
      ['structuredScale', '结构化数据量', '数据规模'],
      ['unstructuredScale', '非结构化数据量', '数据规模'],
      ['remark', '说明', '其他'],
      ['remark2', '备注', null],
    ]);
    const last = learn(
      doc([
        table(['序号', '数据集名称', '数据规模', null], [[null, null, null, '非结构化（GB）']], {
          merges: [{ r1: 1, c1: 2, r2: 1, c2: 3 }],
        }),
      ]),
    );
    expect(last.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '非结构化（GB）']);
    const mixed = learn(
      doc([
        table(['序号', '数据集名称', '数据规模', null], [[null, null, 'x'.repeat(41), '非结构化（GB）']], {
          merges: [{ r1: 1, c1: 2, r2: 1, c2: 3 }],
        }),
      ]),
    );
    expect(mixed.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '数据规模']);
    const one = learn(
      doc([
        table(['序号', '数据集名称', '申报单位'], [[null, '示例', null]], {
          merges: [{ r1: 1, c1: 1, r2: 1, c2: 1 }],
        }),
      ]),
    );
    expect(one.profile.columns.map((c) => c.label)).toEqual(['序号', '数据集名称', '申报单位']);
  });

  test('a dropdown group label that says 可多选 makes its columns multi-choice', () => {
    const r = learn(
      doc([
        table(['序号', '数据集名称', '应用场景（可多选）', null], [[null, null, '行业', '场景']], {
          merges: [{ r1: 1, c1: 2, r2: 1, c2: 3 }],
          validations: [list(2, '"工业,农业"', { ranges: [{ r1: 3, c1: 2, r2: 9, c2: 2 }] })],
        }),
      ]),
    );
    expect(col(r, '行业').multi).toBe(true);
  });

  test('dropdown ranges: past row 9, ending before later values, rules on other columns or on the header only', () => {
    const src = sheet(
      [
        ['a'],
        ['b'],
        ['c'],
        ['d'],
        ['e'],
        ['f'],
        ['g'],
        ['h'],
        ['i'],
        ['j'],
        ['科学研究'],
        ['工业制造'],
        ['医疗卫生'],
      ],
      { name: '选项', hidden: true },
    );
    const r = learn(doc([table(HEADER, [], { validations: [list(2, '选项!$A$11:$A$12')] }), src]));
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造']);
    const onOther = (c1: number, c2: number, r1 = 2, r2 = 9) =>
      col(
        learn(
          doc([table(HEADER, [], { validations: [list(2, '"甲,乙"', { ranges: [{ r1, c1, r2, c2 }] })] })]),
        ),
        '所属领域',
      ).type;
    expect([onOther(0, 1), onOther(3, 3), onOther(2, 2, 1, 1), onOther(2, 2)]).toEqual([
      'text',
      'text',
      'text',
      'vocab',
    ]);
    const visible = learn(
      doc([table(HEADER, [], { validations: [list(2, '选项!$A$11:$A$12')] }), { ...src, hidden: false }]),
    );
    expect(review(visible)).toContain(
      '「所属领域」的选项来自下拉列表（列表在 选项!$A$11:$A$12）：科学研究、工业制造（单选）。',
    );
    const spaced = learn(doc([table(HEADER, [], { validations: [list(2, '  "甲,乙"')] })]));
    expect(review(spaced)).toContain('「所属领域」的选项来自下拉列表：甲、乙（单选）。');
    const number = learn(doc([table(HEADER, [], { validations: [{ ...list(2, '1'), type: 'whole' }] })]));
    expect(number.missing.some((l) => l.startsWith('「所属领域」：'))).toBe(false);
  });

  test('full-width commas: only a single option is split; blanks and empty parts dropped, and counted so', () => {
    const one = (f: string) => learn(doc([table(HEADER, [], { validations: [list(2, f)] })]));
    expect(options(one('"科学研究，工业制造,医疗卫生"'), '所属领域')).toEqual([
      '科学研究，工业制造',
      '医疗卫生',
    ]);
    const split = one('"科学研究，， 工业制造"');
    expect(options(split, '所属领域')).toEqual(['科学研究', '工业制造']);
    expect(split.missing.some((l) => l.includes('已按标点分成 2 项'))).toBe(true);
    expect(one('"科学研究"').missing.some((l) => l.includes('只有一项'))).toBe(false);
  });

  test('a separator of two characters named in the prompt', () => {
    const r = learn(
      doc([table(HEADER, [], { validations: [list(2, '"甲,乙"', { prompt: '可多选，用「//」分隔' })] })]),
    );
    expect(col(r, '所属领域').joiner).toBe('//');
  });

  test('notice options: an unknown column with an annotation, a known column after another sentence, a numbered repeat by its key', () => {
    const r = learn(
      doc([table(['序号', '数据集名称', '更新频率（单选）', '所属领域', '行业领域'])], {
        text: ['申报类型：新建、存量提升。更新频率：实时、每日。所属领域：科学研究、工业制造。'],
      }),
    );
    expect(options(r, '更新频率（单选）')).toEqual(['实时', '每日']);
    expect(options(r, '所属领域')).toEqual(['科学研究', '工业制造']);
    expect(col(r, '行业领域').key).toBe('domain2');
    expect(options(r, '行业领域')).toEqual(['科学研究', '工业制造']);
  });

  test('a word limit with a blank before 字', () => {
    expect(col(cols(['序号', '数据集名称', '简介（300 字以内）']), '简介（300 字以内）').maxChars).toBe(300);
  });

  test('numbered note items with blanks around the heading colon or the number', () => {
    expect(vocabSentences(['注 ：1.行业领域：工业、农业'])[0]?.label).toBe('行业领域');
    expect(vocabSentences(['填表说明：1 .行业领域：工业、农业'])[0]?.label).toBe('行业领域');
    expect(vocabSentences(['1 .行业领域：工业、农业'])[0]?.label).toBe('行业领域');
  });

  test('the same label twice in a one-level header keeps its label, with a numbered key', () => {
    const r = cols(['序号', '数据集名称', '备注', '备注']);
    expect(r.profile.columns.slice(2).map((c) => [c.key, c.label])).toEqual([
      ['remark', '备注'],
      ['remark2', '备注'],
    ]);
  });
});

describe('third batch: the last killable survivors of part A', () => {
  test('rows of a known label with three or more cells do not make a form', () => {
    const rows = ['单位名称', '统一社会信用代码', '联系人'].map((l): CellValue[] => [
      l,
      null,
      'x'.repeat(31),
      'y'.repeat(31),
    ]);
    expect(() => learn(doc([sheet(rows)]))).toThrow(/找不到表头/);
  });

  test('a date line above the title, spread over three cells, is a line above', () => {
    const r = learn(doc([sheet([['　年', '月', '日'], ['某市数据集汇总表'], HEADER])]));
    expect(r.profile.sheet).toMatchObject({ title: '某市数据集汇总表', linesAbove: [['　年', '月', '日']] });
  });

  test('a lone cell that starts with a number but goes on is an example, not a row number', () => {
    const r = learn(doc([table(HEADER, [['1号示例']])]));
    expect(r.inferred).toContain('第 3 行像是填写示例：「1号示例」（不作为格式的一部分）。');
  });
});
