/**
 * The engine's row and header steps: rows that are not data are left out with their reason, header
 * issues name the column, split contact columns are joined with a recorded change, and a check that
 * fails inside becomes an issue instead of an exception.
 */
import { Validator, validateTable } from '../src/core/engine';
import { getProfile } from '../src/core/profiles';

const qh = getProfile('qinghai')!;
const HEADER = qh.columns.map((c) => c.label);
const ROW = [1, '牦牛数据集', '现代农业', '文本', 2048, '无', '青海某公司', '张三 13800000000', ''];

describe('rows that are not data', () => {
  it('leave a row with only unmapped columns filled out, saying which column, with a warning', () => {
    const header = [...HEADER, '奇怪的列'];
    const rows = [
      [...ROW, 'x'],
      ['', '', '', '', '', '', '', '', '', '留言'],
    ];
    const r = validateTable(qh, { header, rows });
    expect(r.entries.map((e) => e.row)).toEqual([0]);
    expect(r.leftOut).toEqual([{ row: 1, reason: '只有未对应列（第 10 列）有内容，已略过' }]);
    expect(r.issues.filter((i) => i.row === 1)).toEqual([
      {
        severity: 'warning',
        code: 'row-unmapped-only',
        message: '此行只有未对应到本表的列有内容（「留言」），未写入：请检查表头映射。',
        row: 1,
        col: 9,
        field: null,
        value: undefined,
        fix: undefined,
        safe: undefined,
      },
    ]);
  });

  it('leave blank rows and total rows out, each with its reason', () => {
    const r = validateTable(qh, { header: HEADER, rows: [ROW, [], ['', '合计', '', '', 4096]] });
    expect(r.leftOut).toEqual([
      { row: 1, reason: '空行' },
      { row: 2, reason: '合计行' },
    ]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['total-row', 2]]);
  });
});

describe('header issues', () => {
  it('name a column mapped by likeness, a unit in a header and a missing required column', () => {
    const header = HEADER.map((h) => (h === '数据集数据量（GB）' ? '数据量（TB）' : h)).filter(
      (h) => h !== '申报单位名称',
    );
    const rows = [ROW.filter((_, i) => i !== 6).map((v, i) => (i === 4 ? 2 : v))];
    const r = validateTable(qh, { header, rows });
    const headerIssues = r.issues
      .filter((i) => i.row === -1)
      .map((i) => [i.code, i.severity, i.col, i.field, i.message]);
    expect(headerIssues).toContainEqual([
      'header-unit',
      'warning',
      4,
      '数据集数据量（GB）',
      '表头「数据量（TB）」写明单位 TB：本列不带单位的数按 TB 计，再换算为「数据集数据量（GB）」的单位。',
    ]);
    expect(headerIssues).toContainEqual([
      'missing-column',
      'error',
      null,
      '申报单位名称',
      '表中没有「申报单位名称」这一列：请补上该列，或在映射中指定对应的列。',
    ]);
    expect(r.entries[0].get('scale')).toBe(2048);
  });

  it('ask a person to confirm a column matched only by likeness', () => {
    const header = HEADER.map((h) => (h === '数据集名称' ? '数据集的名称' : h));
    const r = validateTable(qh, { header, rows: [ROW] });
    expect(r.mapping.columns[1]).toMatchObject({ key: 'name', how: 'fuzzy' });
    const fuzzy = r.issues.filter((i) => i.code === 'column-fuzzy');
    expect(fuzzy).toMatchObject([
      { severity: 'warning', row: -1, col: 1, field: '数据集名称', value: '数据集的名称' },
    ]);
    expect(fuzzy[0].message).toBe('表头「数据集的名称」按相近程度对应为「数据集名称」：请确认。');
  });
});

describe('split contact columns', () => {
  it('are joined into the contact column, and the joining is recorded as a change', () => {
    const header = [...HEADER.filter((h) => h !== '申报单位联系人及联系方式'), '联系人', '联系电话'];
    const row = [...ROW.filter((_, i) => i !== 7), '张三', '13800000000'];
    const r = validateTable(qh, { header, rows: [row] });
    expect(r.entries[0].get('contact')).toBe('张三 13800000000');
    expect(r.changes).toContainEqual({
      row: 0,
      field: '申报单位联系人及联系方式',
      from: '张三 | 13800000000',
      to: '张三 13800000000',
      reason: '联系人与联系方式分列，已合并',
    });
    expect(r.issues.filter((i) => i.field === '申报单位联系人及联系方式')).toEqual([]);
  });
  it('write a number the name cell already holds once, and keep two numbers apart', () => {
    const header = [...HEADER.filter((h) => h !== '申报单位联系人及联系方式'), '联系人', '联系电话'];
    const base = ROW.filter((_, i) => i !== 7);
    const rows = [
      [...base, '李四 13800000001', '13800000001'],
      [...base, '李四 13900000000', '0971-6145250'],
    ];
    const r = validateTable(qh, { header, rows });
    expect(r.entries.map((e) => e.get('contact'))).toEqual([
      '李四 13800000001',
      '李四 13900000000、0971-6145250',
    ]);
    expect(r.issues.filter((i) => i.field === '申报单位联系人及联系方式')).toEqual([]);
  });
});

describe('a check that fails inside', () => {
  it('becomes an internal issue at the cell, the value kept as found, and the rest of the row checked', () => {
    const broken = { ...qh, vocabularies: {} };
    const r = new Validator(broken).validate({ header: HEADER, rows: [ROW] });
    const internal = r.issues.filter((i) => i.code === 'internal');
    expect(internal.map((i) => [i.row, i.col, i.field, i.severity])).toEqual([
      [0, 2, '行业领域', 'error'],
      [0, 3, '数据集模态', 'error'],
    ]);
    expect(internal[0].message).toMatch(/^检查「行业领域」时出错（.+）：请把此单元格内容反馈给维护人员。$/);
    expect(r.entries[0].get('domain')).toBe('现代农业');
    expect(r.entries[0].get('scale')).toBe(2048);
  });

  it('never escapes validate: a table that cannot be read becomes one internal issue', () => {
    const r = validateTable(qh, { header: 5 as never, rows: [ROW] });
    expect(r.issues.filter((i) => i.code === 'internal').map((i) => [i.row, i.col, i.field])).toEqual([
      [-1, null, null],
    ]);
    expect(r.issues.find((i) => i.code === 'internal')!.message).toMatch(
      /^检查中断（.+）：请把此表反馈给维护人员。$/,
    );
  });
});

describe('changes', () => {
  const changesOf = (scale: string | number, domain = '现代农业') => {
    const row = [...ROW];
    row[4] = scale;
    row[2] = domain;
    return validateTable(qh, { header: HEADER, rows: [row] }).changes;
  };

  it('record a value rewritten by a safe fix, with the reason of the first warning that carries the fix', () => {
    expect(changesOf('约3TB')).toEqual([
      {
        row: 0,
        field: '数据集数据量（GB）',
        from: '约3TB',
        to: 3072,
        reason: '原填 「约3TB」，已换算为 3072（GB，1TB=1024GB）。',
      },
    ]);
  });

  it('record nothing for a value kept as found, a suggestion not applied, or a warning without a fix', () => {
    expect(changesOf(2048)).toEqual([]);
    expect(changesOf(2048, '养牦牛')).toEqual([]);
    expect(changesOf('10万张')).toEqual([]);
  });
});

describe('序号 and require-one-of', () => {
  it('flag a 序号 out of order with the right number as a safe fix', () => {
    const rows = [ROW, [7, ...ROW.slice(1)]];
    const r = validateTable(qh, { header: HEADER, rows });
    expect(r.entries.map((e) => e.get('seq'))).toEqual([1, 2]);
    expect(r.issues).toEqual([
      {
        severity: 'warning',
        code: 'seq-renumbered',
        message: '序号应为 2，现为 「7」：请改为 2（生成汇总表时会自动从 1 起重排）。',
        row: 1,
        col: 0,
        field: '序号',
        value: '7',
        fix: 2,
        safe: true,
      },
    ]);
  });

  it("ask for one of 武汉's two scales when both are empty, at the first of them", () => {
    const wh = getProfile('wuhan')!;
    const header = wh.columns.map((c) => c.label);
    const row = wh.columns.map((c) =>
      c.key === 'name' ? '案例' : c.key === 'structuredScale' ? '100条' : '',
    );
    expect(
      validateTable(wh, { header, rows: [row] }).issues.filter((i) => i.code === 'required-one-of'),
    ).toEqual([]);
    const empty = wh.columns.map((c) => (c.key === 'name' ? '案例' : ''));
    const oneOf = validateTable(wh, { header, rows: [empty] }).issues.filter(
      (i) => i.code === 'required-one-of',
    );
    const col = wh.columns.findIndex((c) => c.key === 'structuredScale');
    expect(oneOf).toEqual([
      {
        severity: 'error',
        code: 'required-one-of',
        message: wh.requireOneOf[0].message,
        row: 0,
        col,
        field: '结构化数据规模',
        value: undefined,
        fix: undefined,
        safe: undefined,
      },
    ]);
  });
});
