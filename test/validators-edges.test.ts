/**
 * The shared field rules at their edges: which mistyped character a credit code's message names,
 * identifiers Excel stored as numbers (digits lost past the 15th, a landline's leading 0), total
 * rows, the notice's sample text left in place, and a value far too long for its column.
 */
import {
  checkCreditCode,
  excelNumberText,
  isTotalRow,
  joinContact,
  lostDigits,
  lostDigitsIssue,
  overlongIssue,
  parseContact,
  phoneLostZero,
  phoneLostZeroIssue,
  placeholderIssue,
} from '../src/core/validators';

describe('credit code characters the standard leaves out', () => {
  it.each([
    ['O', '0'],
    ['I', '1'],
    ['S', '5'],
    ['Z', '2'],
    ['V', '其他字符'],
  ])('「%s」 is named, with what it may stand for (%s)', (ch, meant) => {
    expect(checkCreditCode(`9111010855138508${ch}Q`)).toEqual({
      ok: false,
      reason: 'char',
      message: `统一社会信用代码含有不允许的字符「${ch}」（代码中不使用 I、O、S、V、Z，「${ch}」可能是 ${meant} 的误写）：请核对。`,
    });
  });

  it('any other character is named without a guess; a short code says its length', () => {
    expect(checkCreditCode('91110108551385082!')).toMatchObject({
      reason: 'char',
      message: '统一社会信用代码含有不允许的字符「!」：请核对。',
    });
    expect(checkCreditCode('9111010855138508')).toEqual({
      ok: false,
      reason: 'length',
      message: '统一社会信用代码应为 18 位，「9111010855138508」是 16 位：请核对。',
    });
  });

  it('reads hyphens, spaces and lower case, and checks the last character', () => {
    expect(checkCreditCode('91110108-5513 85082q')).toEqual({
      ok: true,
      code: '91110108551385082Q',
      region: '110108',
      checkOk: true,
      expected: 'Q',
    });
    expect(checkCreditCode('91110108551385082A')).toMatchObject({ ok: true, checkOk: false, expected: 'Q' });
  });
});

describe('identifiers stored as numbers', () => {
  it('lose digits from 10^15 up, whole numbers only', () => {
    expect(lostDigits(1e15)).toBe(true);
    expect(lostDigits(-1e15)).toBe(true);
    expect(lostDigits(999999999999999)).toBe(false);
    expect(lostDigits(1e15 + 0.5)).toBe(false);
    expect(lostDigits(Infinity)).toBe(false);
    expect(lostDigits('1000000000000000')).toBe(false);
  });

  it('are shown as Excel shows them in a General cell', () => {
    expect(excelNumberText(123)).toBe('123');
    expect(excelNumberText(99999999999)).toBe('99999999999');
    expect(excelNumberText(1e11)).toBe('1E+11');
    expect(excelNumberText(9.13101157989563e17)).toBe('9.13101157989563E+17');
    expect(excelNumberText(-9.13101157989563e17)).toBe('-9.13101157989563E+17');
  });

  it('give an error naming the column and the number as shown, written as shown', () => {
    expect(lostDigitsIssue('统一社会信用代码', 9.13101157989563e17)).toEqual({
      out: '9.13101157989563E+17',
      issues: [
        {
          severity: 'error',
          code: 'number-lost-digits',
          message:
            '「统一社会信用代码」在原表中存成了数字（9.13101157989563E+17），第 15 位以后的数字已丢失，无法还原：请向填报单位索取原始的统一社会信用代码，把该列设为文本格式后重新填写。',
          value: '9.13101157989563E+17',
          fix: undefined,
          safe: undefined,
        },
      ],
    });
  });

  it('a landline that lost its leading 0 is offered back, never applied on its own', () => {
    expect(phoneLostZero(9716145250)).toBe('09716145250');
    for (const v of [13800000000, 0, -5, 1.5, 123, '971', '9716145250']) expect(phoneLostZero(v)).toBeNull();
    expect(phoneLostZeroIssue(9716145250, '09716145250')).toEqual({
      severity: 'warning',
      code: 'phone-leading-zero',
      message:
        '电话在原表中存成了数字 9716145250，开头的 0 可能已丢失：如果是固定电话，应为「09716145250」，请核对后改正（把该列设为文本格式再填写）。',
      value: '9716145250',
      fix: '09716145250',
      safe: false,
    });
  });
});

describe('total rows', () => {
  it.each([
    [['', '合计'], true, 'the label in the name column'],
    [['合计', ''], true, 'the label beside an empty name'],
    [['总 计：', ''], true, 'spaces and a colon'],
    [[' ', '小计'], true, '小计'],
    [['合计', '名称'], false, 'beside a real name'],
    [[`合计${'x'.repeat(11)}`, ''], false, 'a long text that opens with 合计'],
    [['合计x', ''], false, 'more than the label'],
    [[5, ''], false, 'a number'],
  ])('%j → %s (%s)', (row, total) => expect(isTotalRow(row, [1], [0])).toBe(total));

  it('up to 12 characters counted before spaces are dropped: a long spaced line is no label', () => {
    expect(isTotalRow([`合${' '.repeat(10)}计`, ''], [1], [0])).toBe(true);
    expect(isTotalRow([`合${' '.repeat(11)}计`, ''], [1], [0])).toBe(false);
  });

  it('with no name column, by the label column alone', () => {
    expect(isTotalRow(['总数：'], [], [0])).toBe(true);
    expect(isTotalRow(['总数：'], [], [])).toBe(false);
  });
});

describe('sample text and over-long values', () => {
  it('find XX and 「如：」 as the notice’s samples, not XX inside a word', () => {
    expect(placeholderIssue('备注', 'XX公司')).toEqual({
      severity: 'warning',
      code: 'placeholder-text',
      message: '「备注」填的 「XX公司」 还是通知里的示例文字（XX 或「如：」）：请替换为实际内容。',
      value: 'XX公司',
      fix: undefined,
      safe: undefined,
    });
    for (const t of ['如：某某', '例如：某', ' 如:某', 'ＸＸ', 'xxxx个'])
      expect(placeholderIssue('备注', t)).not.toBeNull();
    for (const t of ['XXL尺码', 'ABXX', 'xxxxx', '例如某', '比如：某'])
      expect(placeholderIssue('备注', t)).toBeNull();
  });

  it('flag a short column’s value over 1000 characters, quoting its start; free text may be long', () => {
    expect(overlongIssue('vocab', '领域', 'x'.repeat(1000))).toBeNull();
    expect(overlongIssue('text', '名称', 'x'.repeat(2000))).toBeNull();
    const issue = overlongIssue('phone', '电话', `${'1'.repeat(20)}${'x'.repeat(981)}`)!;
    expect(issue.message).toBe(
      `「电话」有 1001 个字符（以「${'1'.repeat(20)}…」开头），不像是本列应填的内容：请核对，可能是粘贴错位。`,
    );
    expect(issue.value).toHaveLength(200);
  });
});

describe('contact cells', () => {
  it('take a name, a spaced mobile number and an address with no domain apart', () => {
    expect(parseContact('Tom 138 0000 0000')).toEqual({
      names: ['Tom'],
      phones: ['13800000000'],
      emails: [],
      badPhones: [],
      badEmails: [],
    });
    expect(parseContact('王五 bad@x')).toMatchObject({ names: ['王五'], badEmails: ['bad@x'] });
  });

  it('join parts with a space, two numbers with 、, and leave out an empty part', () => {
    expect(joinContact('张三', '13800000000', 'a@b.cn')).toBe('张三 13800000000 a@b.cn');
    expect(joinContact('13800000000', '13900000000')).toBe('13800000000、13900000000');
    expect(joinContact(' ', 'x')).toBe('x');
    expect(joinContact('张三 138-0000-0000', '13800000000')).toBe('张三 138-0000-0000');
  });
});
