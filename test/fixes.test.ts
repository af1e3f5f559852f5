/**
 * Fixes as cell writes for 「修正」 and 「全部修正」: one write per cell, nothing written that changes
 * nothing, each write with a note of the original value and a 修改记录 line in the past tense.
 */
import { fixValue, isApproximate, pendingTense, planFixes, type FixableIssue } from '../src/core/fixes';

const issue = (over: Partial<FixableIssue> = {}): FixableIssue => ({
  sheet: '汇总表',
  sheetRow: 4,
  sheetCol: 2,
  code: 'value-normalised',
  message: '「医疗卫生」是其他地区或其他写法的同一类别，本表写作「医疗健康」。',
  field: '行业领域',
  value: '医疗卫生',
  fix: '医疗健康',
  ...over,
});

describe('isApproximate', () => {
  it('is true for an approximate figure, alone or in a per-modality list', () => {
    expect(isApproximate('约2TB')).toBe(true);
    expect(isApproximate('2TB左右')).toBe(true);
    expect(isApproximate('图片100GB，音频约1TB')).toBe(true);
  });
  it('is false for an exact figure, a list of exact ones, an empty or an unreadable cell', () => {
    expect(isApproximate('2TB')).toBe(false);
    expect(isApproximate('图片100GB，音频1TB')).toBe(false);
    expect(isApproximate('')).toBe(false);
    expect(isApproximate('约1-2TB')).toBe(false);
  });
});

describe('fixValue', () => {
  it('is the fix, or null when there is none or it is what the cell holds', () => {
    expect(fixValue({ code: 'x', value: '医疗卫生', fix: '医疗健康' })).toBe('医疗健康');
    expect(fixValue({ code: 'x', value: '约2TB', fix: 2048 })).toBe(2048);
    expect(fixValue({ code: 'x', value: '2', fix: 0 })).toBe(0);
    expect(fixValue({ code: 'x', value: 'a', fix: undefined })).toBeNull();
    expect(fixValue({ code: 'x', value: 'a', fix: null })).toBeNull();
    expect(fixValue({ code: 'x', value: ' 2048 ', fix: 2048 })).toBeNull();
    expect(fixValue({ code: 'x', fix: '' })).toBeNull();
    expect(fixValue({ code: 'x', fix: 'y' })).toBe('y');
  });
});

describe('pendingTense', () => {
  it('says what a fix not yet applied will do, for every verb a fix message uses', () => {
    expect(pendingTense('已换算为 已改为 已写作 已去掉 已按 已合并 已重排 已规范')).toBe(
      '将换算为 将改为 将写作 将去掉 将按 将合并 将重排 将规范',
    );
    expect(pendingTense('已略过')).toBe('已略过');
  });
});

describe('planFixes', () => {
  it('writes the fix with a note of the original, and records the change at its A1 cell', () => {
    expect(planFixes([issue()])).toEqual({
      writes: [
        {
          r: 4,
          c: 2,
          value: '医疗健康',
          note: '原填「医疗卫生」。「医疗卫生」是其他地区或其他写法的同一类别，本表写作「医疗健康」。',
        },
      ],
      changes: [
        {
          sheet: '汇总表',
          cell: 'C5',
          field: '行业领域',
          from: '医疗卫生',
          to: '医疗健康',
          rule: '「医疗卫生」是其他地区或其他写法的同一类别，本表写作「医疗健康」。',
        },
      ],
    });
  });

  it('puts a pending message back in the past tense, and does not repeat 原填 when the rule says it', () => {
    const { writes, changes } = planFixes([
      issue({ message: '将换算为 2048（GB）。', value: '2TB', fix: 2048 }),
      issue({ sheetRow: 5, message: '原填 「约2TB」，已换算为 2048。', value: '约2TB', fix: 2048 }),
      issue({ sheetRow: 6, message: '已填上。', value: '', fix: '无' }),
    ]);
    expect(writes.map((w) => w.note)).toEqual([
      '原填「2TB」。已换算为 2048（GB）。',
      '原填 「约2TB」，已换算为 2048。',
      '已填上。',
    ]);
    expect(changes.map((c) => [c.cell, c.from, c.to, c.rule])).toEqual([
      ['C5', '2TB', '2048', '已换算为 2048（GB）。'],
      ['C6', '约2TB', '2048', '原填 「约2TB」，已换算为 2048。'],
      ['C7', '', '无', '已填上。'],
    ]);
  });

  it('turns only a leading 将 into 已: a 将 inside the value stays', () => {
    const msg = '已按通知写作「其它（将军）」。';
    const { changes } = planFixes([issue({ message: msg, value: '其他（将军）', fix: '其它（将军）' })]);
    expect(changes[0].rule).toBe(msg);
  });

  it('writes nothing for an issue without a column, without a fix, or whose fix changes nothing', () => {
    expect(
      planFixes([
        issue({ sheetCol: null }),
        issue({ fix: undefined }),
        issue({ value: '医疗健康', fix: '医疗健康' }),
      ]),
    ).toEqual({ writes: [], changes: [] });
  });

  it('writes each cell once: the first fix wins, other cells still get theirs', () => {
    const { writes } = planFixes([
      issue({ fix: '医疗健康' }),
      issue({ fix: '别的' }),
      issue({ sheetCol: 3, fix: '别的' }),
      issue({ sheetRow: 5, fix: '第三' }),
    ]);
    expect(writes.map((w) => [w.r, w.c, w.value])).toEqual([
      [4, 2, '医疗健康'],
      [4, 3, '别的'],
      [5, 2, '第三'],
    ]);
  });
});
