/** The summary workbook as planned: what the clerk sees in each sheet (title lines, marked cells and
 *  their notes, dropdowns, the issues list, the change log), before any writer carries it out. */
import { mergeSheets } from '../src/core/merge';
import {
  changeLogSheet,
  displayWidth,
  dropdownOptions,
  fitRowHeights,
  planWorkbook,
  styles,
  DEFAULT_SETTINGS,
  type SheetPlan,
} from '../src/core/plan';
import { getProfile } from '../src/core/profiles';
import type { Profile } from '../src/core/profile';
import { shanghaiProjectRow } from './helpers/messy';

const qh = getProfile('qinghai')!;
const wh = getProfile('wuhan')!;
const QH_HEADER = [
  '序号',
  '数据集名称',
  '行业领域',
  '数据集模态',
  '数据量(TB)',
  '已服务支撑人工智能大模型名称',
  '申报单位名称',
  '联系人及联系方式',
];
/** Row 1 is clean after two safe fixes (医疗卫生 → 医疗健康, 2 TB → 2048 GB, / → 无); row 2 has three errors. */
const received = () =>
  mergeSheets(
    qh,
    [
      {
        file: 'a.xlsx',
        sheet: 'S',
        rows: [
          QH_HEADER,
          [1, '甲', '医疗卫生', '文本', 2, '/', 'u', '张三 13800000000'],
          [2, '乙', '火星', '文本', '很多', '无', 'v', '李四'],
        ],
      },
    ],
    { tb: 1024 },
  );

const cellAt = (s: SheetPlan, r: number, c: number) => s.cells.find((x) => x.r === r && x.c === c);
const rowValues = (s: SheetPlan, r: number) =>
  s.cells
    .filter((x) => x.r === r)
    .sort((a, b) => a.c - b.c)
    .map((x) => x.v);

describe('summary sheet', () => {
  test('the lines above the table carry the recommender (trimmed) and the date when given', () => {
    const plan = planWorkbook(qh, received(), { date: new Date(2026, 2, 5), recommender: ' 青海省数据局 ' });
    const s = plan.sheets[0];
    expect(s.name).toBe('汇总表');
    expect(cellAt(s, 0, 0)).toMatchObject({ v: '附件2', style: 'attachment' });
    expect(cellAt(s, 1, 0)).toMatchObject({ v: '青海省行业高质量数据集汇总表', style: 'title' });
    expect(cellAt(s, 2, 0)).toMatchObject({ v: '推荐单位：青海省数据局（盖章）', style: 'meta' });
    // Two segments over nine columns: the first takes four, the last runs to the end, on the right.
    expect(cellAt(s, 2, 4)).toMatchObject({ v: '2026年3月5日', style: 'metaRight' });
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { r1: 1, c1: 0, r2: 1, c2: 8 },
        { r1: 2, c1: 0, r2: 2, c2: 3 },
        { r1: 2, c1: 4, r2: 2, c2: 8 },
      ]),
    );
    expect(s.rowHeights[1]).toBe(40);
    expect(s.rowHeights[2]).toBe(24);
  });

  test('without a date or a recommender the printed blanks stay for pen and stamp', () => {
    const s = planWorkbook(qh, received(), { recommender: '   ' }).sheets[0];
    expect(cellAt(s, 2, 0)?.v).toBe('推荐单位：（盖章）');
    expect(cellAt(s, 2, 4)?.v).toBe('年　月　日');
  });

  test('three segments (武汉): left, centre, right', () => {
    const s = planWorkbook(wh, mergeSheets(wh, [])).sheets[0];
    // 11 columns in three parts of 3: 0–2, 3–5, 6–10.
    expect(cellAt(s, 2, 0)).toMatchObject({ v: '推荐单位：（盖章）', style: 'meta' });
    expect(cellAt(s, 2, 3)).toMatchObject({ v: '联系人及联系方式：', style: 'metaCenter' });
    expect(cellAt(s, 2, 6)).toMatchObject({ v: '年　月　日', style: 'metaRight' });
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { r1: 2, c1: 0, r2: 2, c2: 2 },
        { r1: 2, c1: 3, r2: 2, c2: 5 },
        { r1: 2, c1: 6, r2: 2, c2: 10 },
      ]),
    );
  });

  test('cells a person must act on are painted with their notes; applied fixes are not', () => {
    const s = planWorkbook(qh, received()).sheets[0];
    expect(s.table).toEqual({ headerRow: 3, firstDataRow: 4, lastDataRow: 5, columns: 9 });
    expect(rowValues(s, 3)).toEqual(qh.columns.map((c) => c.label));
    expect(rowValues(s, 4)).toEqual([1, '甲', '医疗健康', '文本', 2048, '无', 'u', '张三 13800000000', null]);
    expect(s.cells.filter((c) => c.r === 4).map((c) => c.style)).toEqual([
      'seq',
      'text',
      'text',
      'text',
      'number',
      'text',
      'text',
      'text',
      'text',
    ]);
    expect(s.cells.filter((c) => c.r === 4).every((c) => c.note === undefined)).toBe(true);
    expect(cellAt(s, 5, 2)).toMatchObject({
      v: '火星',
      style: 'textError',
      note: '错误：「火星」不是本表的行业领域选项：请从下拉列表中选择；确属其他的，写「其它（火星）」。',
    });
    // An unreadable size stays as written, as text, marked.
    expect(cellAt(s, 5, 4)).toMatchObject({ v: '很多', style: 'textError' });
    expect(cellAt(s, 5, 1)).toMatchObject({ v: '乙', style: 'text' });
    expect(cellAt(s, 5, 1)?.note).toBeUndefined();
  });

  test('a warning paints yellow, an error on the same cell wins, and both notes are kept in order', () => {
    const m = received();
    const base = { row: 2, col: 4, entry: 0, source: m.entries[0].source, field: '申报单位名称' };
    m.issues.push(
      { ...base, severity: 'warning', code: 'too-long', message: '提示一' },
      {
        ...base,
        field: '备注',
        severity: 'warning',
        code: 'too-long',
        message: '提示二',
      },
      {
        ...base,
        field: '备注',
        severity: 'error',
        code: 'required',
        message: '错误三',
      },
      {
        ...base,
        field: '序号',
        severity: 'warning',
        code: 'too-long',
        message: '序号提示',
      },
    );
    const s = planWorkbook(qh, m).sheets[0];
    expect(cellAt(s, 4, 6)).toMatchObject({ style: 'textWarning', note: '提示：提示一' });
    expect(cellAt(s, 4, 8)).toMatchObject({ style: 'textError', note: '提示：提示二\n错误：错误三' });
    // 序号 keeps its number and shows it as a number marked.
    expect(cellAt(s, 4, 0)).toMatchObject({ v: 1, style: 'numberWarning' });
  });

  test('a new, empty summary has ten bordered blank rows and the notes under them', () => {
    const s = planWorkbook(wh, mergeSheets(wh, [])).sheets[0];
    const { firstDataRow, lastDataRow } = s.table!;
    expect(lastDataRow - firstDataRow + 1).toBe(10);
    const blank = s.cells.filter((c) => c.r >= firstDataRow && c.r <= lastDataRow);
    expect(blank).toHaveLength(10 * wh.columns.length);
    expect(blank.every((c) => c.v === null && c.note === undefined)).toBe(true);
    // Blank size cells are formatted as numbers, 序号 as 序号.
    expect(cellAt(s, firstDataRow, 0)?.style).toBe('seq');
    expect(cellAt(s, lastDataRow + 1, 0)?.v).toBe(
      '结构化数据以行/条为单位，非结构化数据需列明数据模态，并以 GB 为单位。',
    );
    expect(cellAt(s, lastDataRow + 2, 0)?.v).toBe('注：数据量按 1TB=1024GB 换算。');
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { r1: lastDataRow + 1, c1: 0, r2: lastDataRow + 1, c2: 10 },
        { r1: lastDataRow + 2, c1: 0, r2: lastDataRow + 2, c2: 10 },
      ]),
    );
  });

  test('the conversion note says the base in force', () => {
    const m = mergeSheets(qh, [], { tb: 1000 });
    const s = planWorkbook(qh, m, { tb: 1000 }).sheets[0];
    const notes = s.cells.filter((c) => c.style === 'note').map((c) => c.v);
    expect(notes).toEqual(['注：数据量按 1TB=1000GB 换算。']);
  });

  test('text columns are formatted as text before values land, number columns are not', () => {
    const s = planWorkbook(qh, received()).sheets[0];
    // 序号 (0) and 数据量 (4) are numbers; everything else is text, so 「=1+1」 stays literal.
    expect(s.textColumns).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(s.freeze).toEqual({ rows: 4, cols: 0 });
    expect(s.print).toEqual({ landscape: true, fitToWidth: true, titleRows: [3, 3] });
  });

  test('column widths grow with the widest value up to 40, and never below the profile width', () => {
    const m = received();
    m.entries[0].entry.cells[1] = '很长的数据集名称'.repeat(6);
    m.entries[0].entry.cells[6] = '某某某某某某某某某某某单位';
    const s = planWorkbook(qh, m).sheets[0];
    expect(s.colWidths[1]).toBe(40);
    expect(s.colWidths[6]).toBe(28); // 13 CJK characters: 26 + 2
    expect(s.colWidths[0]).toBe(6);
    expect(s.colWidths[8]).toBe(12);
  });
});

describe('dropdowns', () => {
  test('closed single choice is strict; a list with its other-option or multiple choice only warns', () => {
    const opts = dropdownOptions(wh);
    const label = (i: number) => wh.columns[i].label;
    const byLabel = new Map([...opts].map(([i, d]) => [label(i), d]));
    expect(byLabel.get('数据集类别')!.strict).toBe(true);
    expect(byLabel.get('行业领域')!.strict).toBe(false);
    expect(byLabel.get('行业领域')!.options.at(-1)).toBe('其他');
    expect(byLabel.get('申报方向')!.strict).toBe(false);
    expect([...opts.keys()]).toEqual([2, 3, 4]);
  });

  test('each list covers the data rows (at least 200) with the prompt for its kind', () => {
    const s = planWorkbook(wh, mergeSheets(wh, [])).sheets[0];
    const first = s.table!.firstDataRow;
    const v = new Map(s.validations.map((x) => [x.title, x]));
    expect(v.get('数据集类别')).toMatchObject({
      r1: first,
      r2: first + 199,
      c1: 2,
      c2: 2,
      strict: true,
      prompt: '请从列表中选择。',
    });
    expect(v.get('行业领域')).toMatchObject({
      c1: 3,
      strict: false,
      prompt: '请从列表中选择；确属其他的，写「其他（具体内容）」。',
    });
    expect(v.get('申报方向')!.prompt).toBe(
      `可多选，用「${wh.columns[4].joiner}」分隔；在任务窗格中可勾选多项。`,
    );
    expect(v.get('行业领域')!.list).toEqual(dropdownOptions(wh).get(3)!.options);
  });

  test('more rows than 200 extend the list to the last row', () => {
    const rows = [
      QH_HEADER,
      ...Array.from({ length: 250 }, (_, i) => [
        i + 1,
        `数据集${i}`,
        '通用',
        '文本',
        1,
        '无',
        'u',
        '张三 13800000000',
      ]),
    ];
    const s = planWorkbook(qh, mergeSheets(qh, [{ file: 'a', sheet: 'S', rows }])).sheets[0];
    expect(s.validations[0].r2).toBe(s.table!.lastDataRow);
    expect(s.table!.lastDataRow).toBe(s.table!.firstDataRow + 249);
  });

  test('a list too long for Excel’s 255 characters, or with a comma in an option, points at the hidden lists sheet', () => {
    const long: Profile = JSON.parse(JSON.stringify(qh));
    long.vocabularies.domain.items = Array.from({ length: 40 }, (_, i) => ({
      label: `很长的行业领域第${i}项`,
      accept: [],
      synonyms: [],
      concepts: [],
    }));
    long.vocabularies.modality.items = [
      { label: '文本,表格', accept: [], synonyms: [], concepts: [] },
    ] as never;
    const plan = planWorkbook(long, mergeSheets(long, []));
    const s = plan.sheets[0];
    const lists = plan.sheets.find((x) => x.role === 'lists')!;
    expect(lists).toMatchObject({ name: 'hqds选项', hidden: true });
    const [domain, modality] = s.validations;
    expect(domain.list).toBeUndefined();
    expect(domain.source).toBe("'hqds选项'!$A$2:$A$42"); // 40 items and 其它
    expect(modality.source).toBe("'hqds选项'!$B$2:$B$3");
    expect(cellAt(lists, 0, 1)?.v).toBe('数据集模态');
    expect(cellAt(lists, 41, 0)?.v).toBe('其它');
  });
});

describe('issues sheet', () => {
  test('errors first, then warnings, each pointing at its summary row and its source', () => {
    const plan = planWorkbook(qh, received());
    const s = plan.sheets.find((x) => x.role === 'issues')!;
    expect(s.name).toBe('问题清单');
    expect(cellAt(s, 0, 0)?.v).toBe(
      '以下是需要人工处理的问题。另有 3 处已自动规范（单位换算、别称改写、序号重排等），明细见「修改记录」工作表（hqds 另可用 --report 输出报告）。',
    );
    expect(rowValues(s, 2)).toEqual([
      1,
      '错误',
      'value-not-allowed',
      6,
      '行业领域',
      '火星',
      '「火星」不是本表的行业领域选项：请从下拉列表中选择；确属其他的，写「其它（火星）」。',
      'a.xlsx',
      'S',
      3,
      'C列「行业领域」',
    ]);
    expect(rowValues(s, 3).slice(0, 4)).toEqual([2, '错误', 'quantity-unreadable', 6]);
    // The header's unit warning is not a row's: no summary row, sorted after the errors.
    expect(rowValues(s, 5).slice(0, 6)).toEqual([
      4,
      '提示',
      'header-unit',
      null,
      '数据集数据量（GB）',
      '数据量(TB)',
    ]);
    expect(s.cells.filter((c) => c.r === 6)).toEqual([]);
    expect(s.cells.filter((c) => c.r === 2).map((c) => c.style)).toEqual([
      'number',
      'text',
      'text',
      'number',
      'text',
      'text',
      'text',
      'text',
      'text',
      'number',
      'text',
    ]);
  });

  test('among issues of one severity, earlier entries come first', () => {
    const m = received();
    const later = m.issues.find((i) => i.code === 'contact-incomplete')!;
    m.issues.push({ ...later, entry: 0, value: '先' });
    const s = planWorkbook(qh, m).sheets.find((x) => x.role === 'issues')!;
    expect(cellAt(s, 2, 5)?.v).toBe('先');
    expect(cellAt(s, 2, 3)?.v).toBe(5);
  });

  test('annotate off: no issues sheet, no change log, no notes', () => {
    const plan = planWorkbook(qh, received(), { annotate: false });
    expect(plan.sheets.map((x) => x.role)).toEqual(['summary', 'lists']);
  });

  test('no changes, no change log', () => {
    const m = received();
    m.changes = [];
    expect(planWorkbook(qh, m).sheets.map((x) => x.role)).toEqual(['summary', 'issues', 'lists']);
  });
});

describe('change log', () => {
  test('a change that is not a cell’s (序号 renumbered) has no cell, and its source names the sheet only', () => {
    const m = received();
    m.changes.push({
      row: -1,
      field: '序号',
      from: '原序号',
      to: '1–2',
      reason: '合并后序号从 1 起连续重排',
      entry: null,
      source: { file: 'b.xlsx', sheet: 'T', row: null, column: null },
    });
    m.changes.push({ ...m.changes[0], field: '不存在的列', to: null });
    const plan = planWorkbook(qh, m);
    const log = plan.sheets.find((x) => x.role === 'changes')!;
    const n = m.changes.length;
    expect(rowValues(log, n - 1)).toEqual([
      n - 1,
      '汇总表',
      '',
      '序号',
      '原序号',
      '1–2',
      '合并后序号从 1 起连续重排',
      'b.xlsx「T」',
    ]);
    expect(rowValues(log, n)[2]).toBe('');
    expect(rowValues(log, n)[5]).toBe('');
    expect(rowValues(log, 1)[7]).toBe('a.xlsx「S」第 2 行');
  });

  test('a change with a column names it after the row', () => {
    const m = received();
    m.changes = [{ ...m.changes[0], source: { file: 'f', sheet: 's', row: 7, column: 'C列「领域」' } }];
    const log = changeLogSheet(qh, m, planWorkbook(qh, m).sheets[0]);
    expect(rowValues(log, 1)[7]).toBe('f「s」第 7 行 C列「领域」');
    expect(log.freeze).toEqual({ rows: 1, cols: 0 });
  });
});

describe('styles and row heights', () => {
  test('the title is bold only in 宋体, which has no bold face of its own', () => {
    expect(styles({ ...DEFAULT_SETTINGS, titleFont: '宋体' }).title.font).toMatchObject({
      name: '宋体',
      size: 22,
      bold: true,
    });
    expect(styles(DEFAULT_SETTINGS).title.font).toMatchObject({ name: '方正小标宋简体', bold: false });
    expect(styles({ ...DEFAULT_SETTINGS, tableSize: 12 }).text).toMatchObject({
      font: { name: '仿宋_GB2312', size: 12 },
      numFmt: '@',
      border: true,
    });
    expect(styles(DEFAULT_SETTINGS).textError.fill).toBe('FFFFC7CE');
    expect(styles(DEFAULT_SETTINGS).numberWarning.fill).toBe('FFFFEB9C');
    expect(styles(DEFAULT_SETTINGS).header.fill).toBe('FFF2F2F2');
  });

  test('a learned format’s own fonts are used unless the settings say otherwise', () => {
    const own: Profile = JSON.parse(JSON.stringify(qh));
    own.sheet.fonts = { title: { name: '黑体' }, table: { name: '宋体', size: 12 } };
    expect(planWorkbook(own, received()).styles.title.font?.name).toBe('黑体');
    expect(planWorkbook(own, received()).styles.text.font).toMatchObject({ name: '宋体', size: 12 });
    expect(planWorkbook(own, received(), { tableFont: '楷体' }).styles.text.font?.name).toBe('楷体');
  });

  test('display width counts CJK and full-width characters as two', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('数据集')).toBe(6);
    expect(displayWidth('（ＧＢ）')).toBe(8);
    expect(displayWidth('A数1')).toBe(4);
  });

  test('display width: each wide range counted two from its first to its last character, one outside', () => {
    // Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs, CJK forms, full-width forms.
    const ranges = [
      [0x1100, 0x115f],
      [0x2e80, 0xa4cf],
      [0xac00, 0xd7a3],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xff60],
      [0xffe0, 0xffe6],
    ];
    for (const [lo, hi] of ranges) {
      expect(displayWidth(String.fromCharCode(lo))).toBe(2);
      expect(displayWidth(String.fromCharCode(hi))).toBe(2);
      expect(displayWidth(String.fromCharCode(lo - 1))).toBe(1);
      expect(displayWidth(String.fromCharCode(hi + 1))).toBe(1);
    }
    // A character outside the BMP (a surrogate pair) is one character of width one; a lone surrogate counts one.
    expect(displayWidth('𠀀')).toBe(1);
    expect(displayWidth('a😀b')).toBe(3);
    expect(displayWidth('\ud800')).toBe(1);
    expect(displayWidth('\udc00\ud800')).toBe(2);
    expect(displayWidth('\ud800数')).toBe(3);
  });

  test('wrapped text raises its row: lines × size × 1.35 + 6, merged and fixed rows left alone', () => {
    const sheet: SheetPlan = {
      name: 'x',
      role: 'summary',
      cells: [
        { r: 0, c: 0, v: '数'.repeat(20), style: 'text' }, // width 40 in a column of 11: (11-1)*11/10.5 ≈ 10.48 per line → 4 lines
        { r: 1, c: 0, v: '短', style: 'text' }, // one line: 21 ≤ 15? no: 1×10.5×1.35+6 = 20.2 → 21
        { r: 2, c: 0, v: '数'.repeat(20), style: 'plain' }, // not wrapped
        { r: 3, c: 0, v: '数'.repeat(20), style: 'text' }, // merged
        { r: 4, c: 0, v: '数'.repeat(20), style: 'text' }, // height fixed already
        { r: 5, c: 0, v: 'a\nb\nc', style: 'text' }, // three lines
        { r: 6, c: 0, v: '', style: 'text' },
      ],
      merges: [{ r1: 3, c1: 0, r2: 3, c2: 1 }],
      colWidths: [11],
      rowHeights: { 4: 30 },
      validations: [],
      textColumns: [],
    };
    fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
    expect(sheet.rowHeights).toEqual({
      0: Math.ceil(4 * 10.5 * 1.35 + 6),
      1: 21,
      4: 30,
      5: Math.ceil(3 * 10.5 * 1.35 + 6),
    });
  });

  test('a row is never planned taller than Excel’s 409 points', () => {
    const sheet: SheetPlan = {
      name: 'x',
      role: 'summary',
      cells: [{ r: 0, c: 0, v: '数'.repeat(2000), style: 'text' }],
      merges: [],
      colWidths: [10],
      rowHeights: {},
      validations: [],
      textColumns: [],
    };
    fitRowHeights(sheet, styles(DEFAULT_SETTINGS));
    expect(sheet.rowHeights[0]).toBe(409);
  });
});

describe('上海: the working list and one form per project', () => {
  const sh = getProfile('shanghai')!;
  const plan = () =>
    planWorkbook(
      sh,
      mergeSheets(sh, [
        {
          file: 'a',
          sheet: 's',
          rows: [sh.columns.map((c) => c.label), shanghaiProjectRow(), shanghaiProjectRow()],
        },
      ]),
    );

  test('the working list: its own title and note, 序号 first, every field one column to the right', () => {
    const w = plan().sheets[0];
    expect(w).toMatchObject({ name: '工作清单', role: 'working-list' });
    expect(cellAt(w, 0, 0)?.v).toBe('上海市高质量数据集先行先试项目基本信息汇总（工作清单）');
    expect(String(cellAt(w, 1, 0)?.v)).toMatch(/^本清单为汇总助手生成的工作表/);
    expect(w.merges).toEqual([
      { r1: 0, c1: 0, r2: 0, c2: 27 },
      { r1: 1, c1: 0, r2: 1, c2: 27 },
    ]);
    expect(rowValues(w, 2).slice(0, 3)).toEqual(['序号', '项目名称', '申报单位名称']);
    expect(cellAt(w, 3, 0)).toMatchObject({ v: 1, style: 'seq' });
    expect(cellAt(w, 4, 0)).toMatchObject({ v: 2, style: 'seq' });
    expect(cellAt(w, 3, 5)).toMatchObject({ v: 500, style: 'number' });
    // The copy is flagged on the name, one column right of the profile's first column.
    expect(cellAt(w, 3, 1)?.style).toBe('textWarning');
    expect(w.table).toEqual({ headerRow: 2, firstDataRow: 3, lastDataRow: 4, columns: 28 });
    expect(w.freeze).toEqual({ rows: 3, cols: 2 });
    expect(w.colWidths[0]).toBe(6);
    expect(w.colWidths).toHaveLength(28);
    expect(w.textColumns.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(w.textColumns).not.toContain(5);
    expect(w.validations.map((v) => [v.c1, v.c2, v.r1, v.r2, v.title])).toEqual([
      [3, 3, 3, 202, '申报方向'],
      [12, 12, 3, 202, '所在区（注册区县）'],
      [15, 15, 3, 202, '单位性质'],
    ]);
  });

  test('sheets in order, project forms named by number and project, and the change log shifted with the list', () => {
    const p = plan();
    expect(p.sheets.map((s) => s.name)).toEqual([
      '工作清单',
      '项目1-智能制造数据集',
      '项目2-智能制造数据集',
      '问题清单',
      '修改记录',
      'hqds选项',
    ]);
    const log = p.sheets.find((s) => s.role === 'changes')!;
    expect(log.cells.filter((c) => c.c === 2 && c.r > 0).map((c) => c.v)).toEqual(['D4', 'M4', 'D5', 'M5']);
  });
});
