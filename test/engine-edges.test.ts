/**
 * The engine at the edges a received sheet reaches: which rows count as totals, where 序号 and the
 * contact columns come from, what is recorded as a change and what is not, the exact wording of the
 * cell-level messages, and tables or rows that cannot be read. (Written against the mutants StrykerJS
 * left alive in engine.ts; see TESTING.md.)
 */
import { Validator, validateTable, validatorFor, type Result } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const wh = getProfile('wuhan')!;
const sh = getProfile('shanghai')!;
const HEADER = qh.columns.map((c) => c.label);
const ROW = [1, '牦牛数据集', '现代农业', '文本', 2048, '无', '青海某公司', '张三 13800000000', ''];
const col = (p: typeof qh, key: string) => p.columns.find((c) => c.key === key)!;
const codes = (r: Result, row?: number) =>
  r.issues.filter((i) => row === undefined || i.row === row).map((i) => i.code);

describe('entries', () => {
  it('serialise for the CLI report as their row and their values by column key', () => {
    const e = validateTable(qh, { header: HEADER, rows: [ROW] }).entries[0];
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      row: 0,
      values: {
        seq: 1,
        name: '牦牛数据集',
        domain: '现代农业',
        modality: '文本',
        scale: 2048,
        models: '无',
        applicant: '青海某公司',
        contact: '张三 13800000000',
        remark: null,
      },
    });
  });

  it('keep their received row numbers when a slice is rechecked at an offset', () => {
    const v = validatorFor(qh);
    const r = v.validate({ header: HEADER, rows: [] });
    v.validateRows([ROW, [2, ...ROW.slice(1)]], r.mapping, { firstSeq: 1 }, r, 5);
    expect(r.entries.map((e) => e.row)).toEqual([5, 6]);
  });
});

describe('a 序号 column in a format without one (上海)', () => {
  const header = ['编号', ...sh.columns.map((c) => c.label)];
  const unmapped = (rows: unknown[][]) =>
    validateTable(sh, { header, rows: rows as never }).issues.filter((i) => i.code === 'unmapped-column');

  it('is not reported when it holds only row numbers', () => {
    expect(
      unmapped([
        [1, '项目A'],
        [' 2 ', '项目B'],
        [12, '项目D'],
        ['', '项目C'],
      ]),
    ).toEqual([]);
  });

  it('is reported, with what to do, when it holds anything else (a project code)', () => {
    expect(unmapped([['3a', '项目C']]).map((i) => i.value)).toEqual(['编号']);
    expect(unmapped([[12345678, '项目C']]).map((i) => i.value)).toEqual(['编号']);
    expect(
      unmapped([
        [1, '项目A'],
        ['SH-01', '项目B'],
      ]),
    ).toEqual([
      {
        severity: 'warning',
        code: 'unmapped-column',
        message: '「编号」对应不到本表的任何一列：其内容不会写入汇总表，请在映射中指定或确认可以舍去。',
        row: -1,
        col: 0,
        field: null,
        value: '编号',
        fix: undefined,
        safe: undefined,
      },
    ]);
  });

  it('is reported under any other header, numbers or not', () => {
    const other = ['备用列', ...sh.columns.map((c) => c.label)];
    const r = validateTable(sh, { header: other, rows: [[1, '项目A']] });
    expect(r.issues.filter((i) => i.code === 'unmapped-column').map((i) => i.value)).toEqual(['备用列']);
  });
});

describe('rows that are not data', () => {
  it('leave a row out whose only content is in an unmapped first column, naming column 1', () => {
    const header = ['甲', ...HEADER];
    const r = validateTable(qh, { header, rows: [['见附件', ...ROW.map(() => '')]] });
    expect(r.leftOut).toEqual([{ row: 0, reason: '只有未对应列（第 1 列）有内容，已略过' }]);
    expect(r.entries).toEqual([]);
  });

  it('leave a missing row (a hole in the rows) out as blank', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole is what a sparse range read hands over
    const rows = [ROW, , [2, ...ROW.slice(1)]] as unknown[][];
    const r = validateTable(qh, { header: HEADER, rows: rows as never });
    expect(r.leftOut).toEqual([{ row: 1, reason: '空行' }]);
    expect(r.entries.map((e) => e.get('seq'))).toEqual([1, 2]);
  });

  it('take 合计 in 上海 项目名称 as a total row', () => {
    const header = sh.columns.map((c) => c.label);
    const r = validateTable(sh, { header, rows: [['合计', '', '', '', 100]] });
    expect(r.leftOut).toEqual([{ row: 0, reason: '合计行' }]);
    expect(r.entries).toEqual([]);
  });

  it('take 合计 in an unmapped first column as a total row when the name is empty', () => {
    const header = ['甲', ...HEADER.slice(1)];
    const r = validateTable(qh, { header, rows: [['合计', '', '', '', 4096]] });
    expect(r.leftOut).toEqual([{ row: 0, reason: '合计行' }]);
  });

  it('keep a row as data when 合计 is only in 备注, whether the name is filled or not', () => {
    const named = [...ROW.slice(0, 8), '合计'];
    const unnamed = [2, '', ...ROW.slice(2, 8), '合计'];
    const r = validateTable(qh, { header: HEADER, rows: [named, unnamed] });
    expect(r.leftOut).toEqual([]);
    expect(r.entries.map((e) => e.get('remark'))).toEqual(['合计', '合计']);
    expect(codes(r, 1)).toEqual(['required']);
  });

  it('keep a row as data when 合计 is in a first column that is mapped (备注 first)', () => {
    const header = ['备注', ...HEADER.slice(0, 8)];
    const r = validateTable(qh, { header, rows: [['合计', 1, '', ...ROW.slice(2, 8)]] });
    expect(r.leftOut).toEqual([]);
    expect(r.entries[0].get('remark')).toBe('合计');
  });

  it('turn a row that cannot be read into an internal issue and an empty entry, and go on', () => {
    const rows = [ROW, 5, [2, ...ROW.slice(1)]] as unknown as unknown[][];
    const r = validateTable(qh, { header: HEADER, rows: rows as never });
    const internal = r.issues.filter((i) => i.code === 'internal');
    expect(internal.map((i) => [i.severity, i.row, i.col, i.field])).toEqual([['error', 1, null, null]]);
    expect(internal[0].message).toMatch(/^检查此行时出错（TypeError: .+）：请把此行反馈给维护人员。$/);
    expect(r.entries.map((e) => e.row)).toEqual([0, 1, 2]);
    expect(r.entries[1].cells).toEqual(qh.columns.map(() => null));
    expect(r.entries[2].get('name')).toBe('牦牛数据集');
  });
});

describe('a table that cannot be read', () => {
  it('gives an empty mapping and one internal issue that carries the error', () => {
    const r = validateTable(qh, { header: 5 as never, rows: [ROW] });
    expect(r.mapping).toEqual({ columns: [], missing: [] });
    expect(r.issues.map((i) => i.code)).toEqual(['internal']);
    expect(r.issues[0].message).toMatch(/^检查中断（TypeError: .+）：请把此表反馈给维护人员。$/);
  });

  it('without rows, stays quiet about a 编号 column as about one holding only numbers', () => {
    const header = ['编号', ...sh.columns.map((c) => c.label)];
    const r = validateTable(sh, { header } as never);
    expect(r.issues.filter((i) => i.code === 'unmapped-column')).toEqual([]);
  });

  it('without header or rows gives only the missing required columns', () => {
    const r = validateTable(qh, {} as never);
    expect(r.entries).toEqual([]);
    expect(r.leftOut).toEqual([]);
    expect(new Set(codes(r))).toEqual(new Set(['missing-column']));
    expect(r.issues).toHaveLength(qh.columns.filter((c) => c.required).length);
  });
});

describe('missing columns and 序号', () => {
  it('report a missing required column once in the header, not again on every row', () => {
    const header = HEADER.filter((h) => h !== '数据集名称');
    const row = ROW.filter((_, i) => i !== 1);
    const r = validateTable(qh, { header, rows: [row, [2, ...row.slice(1)]] });
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['missing-column', -1]]);
    expect(r.entries.map((e) => e.get('name'))).toEqual([null, null]);
  });

  it('number the rows of a table without a 序号 column, with no issue about it', () => {
    const r = validateTable(qh, { header: HEADER.slice(1), rows: [ROW.slice(1), ROW.slice(1)] });
    expect(r.entries.map((e) => e.get('seq'))).toEqual([1, 2]);
    expect(r.issues).toEqual([]);
  });

  it('accept a 序号 typed with spaces around it', () => {
    const r = validateTable(qh, { header: HEADER, rows: [[' 1 ', ...ROW.slice(1)]] });
    expect(r.issues).toEqual([]);
  });
});

describe('split contact columns', () => {
  const base = ROW.filter((_, i) => i !== 7);
  const header = HEADER.filter((h) => h !== '申报单位联系人及联系方式');

  it('are joined from 联系电话 and 邮箱 when there is no 联系人 column, and leave other columns alone', () => {
    const r = validateTable(qh, {
      header: [...header, '联系电话', '邮箱'],
      rows: [[...base, '13800000000', 'a@b.cn']],
    });
    expect(r.entries[0].get('contact')).toBe('13800000000 a@b.cn');
    expect(r.entries[0].get('name')).toBe('牦牛数据集');
    expect(r.entries[0].get('applicant')).toBe('青海某公司');
  });

  it('record no change for a row whose contact parts are all empty', () => {
    const r = validateTable(qh, { header: [...header, '联系人', '联系电话'], rows: [[...base, '', '']] });
    expect(r.changes).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['required', '申报单位联系人及联系方式']]);
  });

  it('are not joined when the table has the contact column itself: it is read as found', () => {
    const r = validateTable(qh, { header: [...HEADER, '联系电话'], rows: [[...ROW, '13900000000']] });
    expect(r.entries[0].get('contact')).toBe('张三 13800000000');
    expect(r.changes).toEqual([]);
  });
});

describe('changes and their reasons', () => {
  it('rewrite another region’s label through the concept crosswalk, recording why', () => {
    const row = [...ROW];
    row[2] = '商务领域'; // 山西's label for the concept 青海 calls 商贸流通
    const r = validateTable(qh, { header: HEADER, rows: [row] });
    expect(r.entries[0].get('domain')).toBe('商贸流通');
    expect(r.changes).toEqual([
      {
        row: 0,
        field: '行业领域',
        from: '商务领域',
        to: '商贸流通',
        reason: '「商务领域」是其他地区或其他写法的同一类别，本表写作「商贸流通」。',
      },
    ]);
  });

  it('name the column by its label in a vocabulary message', () => {
    const row = [...ROW];
    row[2] = '养牦牛';
    // A new validator: the cached one was built before this test, with its matchers.
    const r = new Validator(qh).validate({ header: HEADER, rows: [row] });
    expect(r.issues.map((i) => i.message)).toEqual([
      '「养牦牛」不是本表的行业领域选项：请从下拉列表中选择；确属其他的，写「其它（养牦牛）」。',
    ]);
  });

  it('record no change for a suggestion, even when the cell had spaces trimmed', () => {
    const row = [...ROW];
    row[3] = '视频资料 ';
    const r = validateTable(qh, { header: HEADER, rows: [row] });
    expect(r.issues.map((i) => [i.code, i.fix])).toEqual([['value-not-allowed', '视频']]);
    expect(r.changes).toEqual([]);
  });

  it('record no change for a percent fraction whose fix is only proposed', () => {
    const v = validatorFor(sh);
    const res = v.checkCell(col(sh, 'debtRatio2022'), 0.355);
    expect(res.out).toBe(0.355);
    expect(res.issues.map((i) => [i.code, i.fix, i.safe])).toEqual([['percent-fraction', 35.5, false]]);
    const header = sh.columns.map((c) => c.label);
    const row = sh.columns.map((c) =>
      c.key === 'debtRatio2022' ? 0.355 : c.key === 'projectName' ? 'A' : '',
    );
    expect(validateTable(sh, { header, rows: [row] }).changes).toEqual([]);
  });
});

describe('cell messages', () => {
  const v = validatorFor(qh);

  it('say a cell holds an Excel error value, and which', () => {
    expect(v.checkCell(col(qh, 'name'), '#N/A')).toMatchObject({
      out: null,
      issues: [
        {
          severity: 'error',
          code: 'cell-error',
          message: '单元格是错误值 #N/A：请改为实际内容（公式出错时请检查公式或粘贴为数值）。',
          value: '#N/A',
        },
      ],
    });
  });

  it('say a required cell is empty, naming the column; an empty 序号 is numbered, not an error', () => {
    expect(v.checkCell(col(qh, 'name'), '  ').issues).toEqual([
      expect.objectContaining({ code: 'required', message: '「数据集名称」不能为空：请填写。' }),
    ]);
    expect(v.checkCell(col(qh, 'seq'), '')).toMatchObject({ out: null, issues: [] });
  });

  it('stop at an over-long value in a short column: one issue, the text kept', () => {
    const text = '1'.repeat(1001);
    const res = v.checkCell(col(qh, 'scale'), text);
    expect(res.out).toBe(text);
    expect(res.issues.map((i) => i.code)).toEqual(['value-too-long']);
  });

  it('give sample text in a benefit one message, not also 「no figure」, and keep its other issues', () => {
    const res = validatorFor(wh).checkCell(col(wh, 'benefit'), '带来XX万元收益');
    expect(res.issues.map((i) => i.code)).toEqual(['placeholder-text']);
    const capped = {
      ...wh,
      columns: wh.columns.map((c) => (c.key === 'benefit' ? { ...c, maxChars: 10 } : c)),
    };
    const long = new Validator(capped).checkCell(col(capped, 'benefit'), '如：提升效率提升效率提升效率');
    expect(long.issues.map((i) => i.code)).toEqual(['placeholder-text', 'too-long']);
  });

  it('never ask for a 序号 a format marks required: rows are numbered', () => {
    const strict = {
      ...qh,
      columns: qh.columns.map((c) => (c.key === 'seq' ? { ...c, required: true } : c)),
    };
    expect(new Validator(strict).checkCell(col(strict, 'seq'), '')).toMatchObject({ out: null, issues: [] });
  });

  it('read a bare number by the header unit given, without mixing it up with the same number unheaded', () => {
    const fresh = new Validator(qh);
    const scale = col(qh, 'scale');
    expect(fresh.checkCell(scale, '2', 'TB').out).toBe(2048);
    expect(fresh.checkCell(scale, '2').out).toBe(2);
    expect(fresh.checkCell(scale, '2', 'TB').out).toBe(2048);
  });
});
