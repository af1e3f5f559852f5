/**
 * The issue catalogue: every code the engine, the quantity parser, the vocabularies and the merge
 * emit, with its severity, whether its fix is safe to apply without asking, and the Chinese message
 * rendered from parameters. The checks emit a code and its data; the text lives here, so a typo in
 * a code does not compile. (Modelled on frictionless-py's error catalogue and zod's closed union of
 * issue codes with messages kept apart.)
 *
 * Adding a code: one entry below, plus one row in README.md 「检查规则与问题代码」
 * (test/issues.test.ts names any code the README lacks or has in excess).
 *
 * Messages say what is wrong and what to do. Where another module words the message (the vocabulary
 * matcher, the quantity parser, the header index, a profile's own rule, the credit-code reader) the
 * parameter `said` carries its words unchanged.
 */
import { formatNumber } from './quantity';
import { quote } from './text';

export type Severity = 'error' | 'warning';
export type CellOut = string | number | null;

interface Spec<P> {
  severity: Severity;
  /** Whether a fix this code carries may be applied without asking (「全部修正」 applies these). */
  safe: boolean;
  render: (params: P) => string;
}

const error = <P>(render: (params: P) => string): Spec<P> => ({ severity: 'error', safe: false, render });
const warning = <P>(render: (params: P) => string, safe = false): Spec<P> => ({
  severity: 'warning',
  safe,
  render,
});

/** Words another module has already written (see the file comment). */
type Said = { said: string };
const said = (p: Said) => p.said;
const PHONE_HINT = '手机为 11 位（1 开头），固话带区号，如「0971-6145250」。';

export const CATALOGUE = {
  // Cells and rows in general.
  required: error((p: { label: string }) => `「${p.label}」不能为空：请填写。`),
  'required-one-of': error(said),
  'cell-error': error(
    (p: { code: string }) => `单元格是错误值 ${p.code}：请改为实际内容（公式出错时请检查公式或粘贴为数值）。`,
  ),
  internal: error((p: { scope: 'cell' | 'row' | 'table'; label?: string; error: string }) => {
    if (p.scope === 'cell') return `检查「${p.label}」时出错（${p.error}）：请把此单元格内容反馈给维护人员。`;
    return p.scope === 'row'
      ? `检查此行时出错（${p.error}）：请把此行反馈给维护人员。`
      : `检查中断（${p.error}）：请把此表反馈给维护人员。`;
  }),
  'seq-renumbered': warning(
    (p: { seq: number; found: string }) =>
      `序号应为 ${p.seq}，现为${p.found ? ` ${quote(p.found)}` : '空'}：` +
      `请改为 ${p.seq}（生成汇总表时会自动从 1 起重排）。`,
    true,
  ),
  'total-row': warning((_: Record<string, never>) => '合计/小计行不是数据集，已略过。'),
  'column-no-header': warning(
    (p: { column: string; count: number; first: string }) =>
      `第 ${p.column} 列没有表头，但有 ${p.count} 行填了内容（如${quote(p.first)}）：` +
      '这些内容不会写入汇总表，请补上表头或在映射中指定。',
  ),
  'control-char': warning(
    (p: { field: string }) => `「${p.field}」含有不可见的控制字符，已替换为「\ufffd」：请核对原文。`,
  ),
  'number-lost-digits': error(
    (p: { label: string; shown: string }) =>
      `「${p.label}」在原表中存成了数字（${p.shown}），第 15 位以后的数字已丢失，无法还原：` +
      `请向填报单位索取原始的${p.label}，把该列设为文本格式后重新填写。`,
  ),
  'phone-leading-zero': warning(
    (p: { number: number; fixed: string }) =>
      `电话在原表中存成了数字 ${p.number}，开头的 0 可能已丢失：如果是固定电话，应为「${p.fixed}」，` +
      '请核对后改正（把该列设为文本格式再填写）。',
  ),
  // What the reader noticed in the file; the reader words these.
  'row-hidden': warning(said),
  'row-struck': warning(said),
  'column-hidden': warning(said),
  'text-decoding': warning(said),
  'quote-unbalanced': warning(said),
  'merge-not-expanded': warning(said),
  'row-unmapped-only': warning(
    (p: { text: string }) => `此行只有未对应到本表的列有内容（${quote(p.text)}），未写入：请检查表头映射。`,
  ),

  // The header.
  'missing-column': error(
    (p: { label: string }) => `表中没有「${p.label}」这一列：请补上该列，或在映射中指定对应的列。`,
  ),
  'unmapped-column': warning(said),
  'column-fuzzy': warning(
    (p: { header: string; label: string }) => `表头「${p.header}」按相近程度对应为「${p.label}」：请确认。`,
  ),
  'header-unit': warning(
    (p: { header: string; unit: string; label: string }) =>
      `表头「${p.header}」写明单位 ${p.unit}：本列不带单位的数按 ${p.unit} 计，再换算为「${p.label}」的单位。`,
  ),

  // Vocabularies: the matcher words these (vocab.ts), except the joiner and the one-item rules.
  'value-not-allowed': error(said),
  'value-ambiguous': error(said),
  'value-multiple': error(
    (p: { label: string; text: string; count: number }) =>
      `「${p.label}」只能选一项，${quote(p.text)} 填了 ${p.count} 项：请只保留最主要的一项。`,
  ),
  'value-normalised': warning(renderNormalised, true),
  'value-other': warning(said),
  'other-unspecified': warning(said),

  // Quantities (quantity.ts parses; the column's kind decides).
  'quantity-unreadable': error((p: Said | { text: string; word: string }) =>
    'said' in p
      ? p.said
      : `${quote(p.text)} 中「${p.word}」后的数没有单位，不能当作数据量：` +
        '请写成数加单位，如「100GB」或「100000条」。',
  ),
  'quantity-range': error(said),
  'quantity-multiple': error((p: Said | { text: string }) =>
    'said' in p ? p.said : `${quote(p.text)} 按模态列了多个数：本列只填一个数，请填写合计。`,
  ),
  'quantity-pair-missing-modality': error((p: Said | { label: string; text: string }) =>
    'said' in p
      ? p.said
      : `「${p.label}」需列明数据模态：请写成「图片100GB，音频160GB」。原填 ${quote(p.text)}。`,
  ),
  'quantity-wrong-kind': error(renderWrongKind),
  'quantity-no-unit': error(
    (p: { text: string }) =>
      `${quote(p.text)} 没有单位：请写明是存储大小（如「100TB」）还是记录条数（如「500万条记录」）。`,
  ),
  'quantity-not-positive': error(
    (p: { label: string; text: string }) => `「${p.label}」应大于 0，原填 ${quote(p.text)}。`,
  ),
  'quantity-converted': warning(
    (p: { text: string; out: CellOut; unit?: string; tb?: number; headerUnit?: string }) => {
      if (p.tb === undefined) return `原填 ${quote(p.text)}，已写作 ${quote(String(p.out))}。`;
      const why = p.headerUnit ? `表头单位是 ${p.headerUnit}，` : '';
      return `原填 ${quote(p.text)}，${why}已换算为 ${formatNumber(Number(p.out))}（${p.unit}，1TB=${p.tb}GB）。`;
    },
    true,
  ),
  'quantity-normalised': warning(
    (p: { text: string; out: string; pairs?: boolean }) =>
      `原填 ${quote(p.text)}，${p.pairs ? '已按「模态+GB」的格式写作' : '已写作'} ${quote(p.out)}。`,
    true,
  ),
  'quantity-approximate': warning(
    (p: { text: string }) => `${quote(p.text)} 是约数：已保留数字，请填写确切的数。`,
  ),
  'quantity-summed': warning(
    (p: { text: string; out: number; unit: string }) =>
      `${quote(p.text)} 按模态分列：本列填合计 ${p.out}（${p.unit}），请确认。`,
  ),
  'quantity-below-minimum': warning(
    (p: { text: string; minTB: number; why?: string }) =>
      `${p.why ?? '数据量偏小'}，${quote(p.text)} 不足 ${p.minTB}TB：请核实。`,
  ),
  'quantity-unit-assumed': warning(
    (p: { modality: string }) => `「${p.modality}」后的数没有单位：已按 GB 计，请确认。`,
  ),

  // Contacts.
  'contact-incomplete': error(
    (p: { label: string; missing: string[]; withEmail: boolean }) =>
      `「${p.label}」缺少${p.missing.join('、')}：` +
      `请写成「张三 13800000000${p.withEmail ? ' zhangsan@example.com' : ''}」。`,
  ),
  'phone-invalid': error((p: { text: string; inContact?: boolean }) =>
    p.inContact
      ? `${quote(p.text)} 不是有效的电话号码：${PHONE_HINT}`
      : `电话 ${quote(p.text)} 格式不对：${PHONE_HINT}`,
  ),
  'email-invalid': error((p: { text: string; inContact?: boolean }) =>
    p.inContact
      ? `${quote(p.text)} 不是有效的邮箱地址。`
      : `邮箱 ${quote(p.text)} 格式不对：应形如「name@example.com」。`,
  ),
  'person-has-digits': warning(
    (p: { label: string; text: string }) =>
      `「${p.label}」应只填姓名，${quote(p.text)} 含有数字：电话请填在对应列。`,
  ),

  // Credit codes (validators.ts words the length and character messages).
  'credit-code-length': error(said),
  'credit-code-char': error(said),
  'credit-code-check': warning(
    (p: { code: string; expected: string }) =>
      `统一社会信用代码 ${quote(p.code)} 校验位不符（按 GB 32100 应为「${p.expected}」）：` +
      '请核对；早期试点代码可能如此，核实无误可忽略。',
  ),
  'credit-code-region': warning(
    (p: { region: string; regionName: string; want: string }) =>
      `统一社会信用代码的登记管理机关代码是 ${p.region}，不是${p.regionName}（${p.want}开头）：` +
      `通知要求申报单位在${p.regionName}注册，请核实。`,
  ),

  // Text, numbers, fixed values.
  'value-too-long': error(
    (p: { label: string; length: number; start: string }) =>
      `「${p.label}」有 ${p.length} 个字符（以「${p.start}…」开头），不像是本列应填的内容：请核对，可能是粘贴错位。`,
  ),
  'too-long': error(
    (p: { label: string; max: number; count: number }) =>
      `「${p.label}」不超过 ${p.max} 字，现为 ${p.count} 字：请精简。`,
  ),
  'form-not-carried': warning(
    (p: { label: string }) => `附件1 没有「${p.label}」这一项，汇总表中此格为空：请向申报单位了解后补填。`,
  ),
  'placeholder-text': warning(
    (p: { label: string; text: string }) =>
      `「${p.label}」填的 ${quote(p.text)} 还是通知里的示例文字（XX 或「如：」）：请替换为实际内容。`,
  ),
  'benefit-no-figure': warning(
    (p: { label: string }) =>
      `「${p.label}」没有量化数字：请写明效益的数字，如「增加就业岗位XX个、带动投资增加XX万元」。`,
  ),
  'joint-application': warning(
    (p: { label: string }) => `「${p.label}」似乎填了多家单位：本项目不接受联合申报，只填一家申报单位。`,
  ),
  'number-invalid': error(
    (p: { label: string; text: string; kind: 'money' | 'percent' }) =>
      `「${p.label}」应填` +
      (p.kind === 'money' ? '以万元为单位的数字，如「500」' : '百分数的数字，如「35.5」（表示 35.5%）') +
      `，原填 ${quote(p.text)}。`,
  ),
  'number-negative': error(
    (p: { label: string; text: string }) => `「${p.label}」不能为负数，原填 ${quote(p.text)}。`,
  ),
  'percent-fraction': warning((p: { label: string; n: number }) => {
    const pct = formatNumber(p.n * 100);
    return `「${p.label}」填的是 ${p.n}：若单元格是百分比格式（${pct}%），请填 ${pct}；本列填百分数的数字。`;
  }),
  'fixed-value': warning(
    (p: { label: string; want: string; text: string }) =>
      `「${p.label}」按通知固定为「${p.want}」，原填 ${quote(p.text)}：已改为通知的写法。`,
    true,
  ),

  // Merging.
  'possible-duplicate': warning(
    (p: { entry: number; file: string; sheet: string; row: number | null; label: string }) =>
      `可能与汇总第 ${p.entry} 条（${p.file} ${p.sheet}${p.row === null ? '' : ` 第 ${p.row} 行`}）重复：` +
      `${p.label}和单位都相同。两条都已保留，请核实后删去多余的一条。`,
  ),
} satisfies Record<string, Spec<never>>;

type NormalisedParams =
  | Said
  | { how: 'joiner'; joiner: string; joined: string }
  | { how: 'none-word'; none: string; text: string }
  | { how: 'models' | 'credit-code' | 'number'; text: string; out: CellOut };

function renderNormalised(p: NormalisedParams): string {
  if ('said' in p) return p.said;
  switch (p.how) {
    case 'joiner':
      return `多个选项之间用「${p.joiner}」分隔：已改为 ${quote(p.joined)}。`;
    case 'none-word':
      return `没有支撑模型时按通知填「${p.none}」，原填 ${quote(p.text)}。`;
    case 'models':
      return `原填 ${quote(p.text)}，模型名称之间用「、」分隔：已写作 ${quote(String(p.out))}。`;
    case 'credit-code':
      return `原填 ${quote(p.text)}，已去掉空格并改为大写：${quote(String(p.out))}。`;
    case 'number':
      return `原填 ${quote(p.text)}，已写作数字 ${p.out}。`;
  }
}

type WrongKindParams =
  | { want: 'pair-size'; modality: string; found: string }
  | { want: 'size'; text: string; found: string; label: string; unit: string }
  | { want: 'records'; text: string; found: string; label: string };

function renderWrongKind(p: WrongKindParams): string {
  switch (p.want) {
    case 'pair-size':
      return `「${p.modality}」后的数是${p.found}，本列以 GB 为单位：请填写存储大小，如「${p.modality}100GB」。`;
    case 'size':
      return (
        `${quote(p.text)} 是${p.found}，不是存储大小：` +
        `「${p.label}」要以 ${p.unit} 为单位填写数据集占用的存储空间，不能由${p.found}换算。`
      );
    case 'records':
      return (
        `${quote(p.text)} 是${p.found}，「${p.label}」要填记录条数（行/条），如「100000条」：` +
        '非结构化数据请填在非结构化数据规模一列。'
      );
  }
}

export type IssueCode = keyof typeof CATALOGUE;
export type IssueParams<C extends IssueCode> = Parameters<(typeof CATALOGUE)[C]['render']>[0];

export const ISSUE_CODES = Object.keys(CATALOGUE) as IssueCode[];

export interface Issue {
  severity: Severity;
  /** Stable code, kebab-case (see README: 问题代码). */
  code: IssueCode;
  /** What is wrong and what to do, in Chinese. */
  message: string;
  /** 0-based index into the table's rows; -1 for the header or the table as a whole. */
  row: number;
  /** 0-based column in the received table; null when the column is missing or the issue is the row's. */
  col: number | null;
  /** The target column's label. */
  field: string | null;
  /** The cell as found. */
  value?: string;
  /** The normalised value: applied already when `safe`, a suggestion otherwise. */
  fix?: CellOut;
  /** Whether the fix is safe to apply without asking (「全部修正」 applies these). */
  safe?: boolean;
}

/** An issue of one cell before it is placed at its row and column. */
export type CellIssue = Omit<Issue, 'row' | 'col' | 'field'>;

export function renderMessage<C extends IssueCode>(code: C, params: IssueParams<C>): string {
  return (CATALOGUE[code].render as (p: IssueParams<C>) => string)(params);
}

export function severityOf(code: IssueCode): Severity {
  return CATALOGUE[code].severity;
}

/**
 * A cell's issue from the catalogue. `safe` comes from the catalogue and is set only when a fix is
 * given (an unknown value offers its suggestion, which may be none, and is never safe).
 */
export function cellIssue<C extends IssueCode>(
  code: C,
  params: IssueParams<C>,
  extra: { value?: string; fix?: CellOut } = {},
): CellIssue {
  const spec = CATALOGUE[code];
  return {
    severity: spec.severity,
    code,
    message: renderMessage(code, params),
    value: extra.value,
    fix: extra.fix,
    safe: 'fix' in extra ? spec.safe : undefined,
  };
}

/** An issue placed at a row and column (row −1: the header or the table as a whole). */
export function placedIssue<C extends IssueCode>(
  code: C,
  params: IssueParams<C>,
  at: { row: number; col: number | null; field: string | null; value?: string; fix?: CellOut },
): Issue {
  const spec = CATALOGUE[code];
  return {
    severity: spec.severity,
    code,
    message: renderMessage(code, params),
    row: at.row,
    col: at.col,
    field: at.field,
    value: at.value,
    fix: at.fix,
    safe: 'fix' in at ? spec.safe : undefined,
  };
}
