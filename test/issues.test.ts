/** The issue catalogue against README's code table, and the catalogue's own promises. */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE, ISSUE_CODES, cellIssue, placedIssue, renderMessage, type IssueCode } from '../src/core/issues';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

/** The rows of README 「检查规则与问题代码」: each row's codes and its level column. */
export function readmeCodes(markdown: string): Map<string, string> {
  const start = markdown.indexOf('## 检查规则与问题代码');
  if (start < 0) throw new Error('README 中没有「## 检查规则与问题代码」一节');
  const section = markdown.slice(start, markdown.indexOf('\n## ', start + 1));
  const levels = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1].includes('`')) continue;
    for (const m of cells[1].matchAll(/`([a-z0-9-]+)`/g)) levels.set(m[1], cells[2]);
  }
  return levels;
}

/** What README lacks, has in excess, or gives the wrong level for: one line each, saying what to do. */
export function readmeProblems(markdown: string): string[] {
  const levels = readmeCodes(markdown);
  const problems: string[] = [];
  for (const code of ISSUE_CODES) {
    const level = levels.get(code);
    const severity = CATALOGUE[code].severity;
    if (level === undefined) problems.push(`README 缺少 \`${code}\`（${severity}）：在「检查规则与问题代码」表中加一行`);
    else if (!level.split(/\s*\/\s*/).includes(severity)) {
      problems.push(`README 中 \`${code}\` 的级别是「${level}」，目录中是 ${severity}`);
    }
  }
  for (const code of levels.keys()) {
    if (!(code in CATALOGUE)) problems.push(`README 列出 \`${code}\`，但 src/core/issues.ts 的目录中没有这个代码`);
  }
  return problems;
}

describe('README code table', () => {
  it('lists every code of the catalogue at its severity, and no other', () => {
    expect(readmeProblems(README)).toEqual([]);
  });

  it('names a code missing from README, one in excess and a wrong level', () => {
    const table = [
      '## 检查规则与问题代码',
      '| 代码 | 级别 | 含义 |',
      '| --- | --- | --- |',
      ...ISSUE_CODES.filter((c) => c !== 'possible-duplicate' && c !== 'required').map(
        (c) => `| \`${c}\` | ${CATALOGUE[c].severity} | x |`,
      ),
      '| `required` | warning | 必填 |',
      '| `no-such-code` | error | x |',
      '',
      '## 下一节',
    ].join('\n');
    expect(readmeProblems(table)).toEqual([
      'README 中 `required` 的级别是「warning」，目录中是 error',
      'README 缺少 `possible-duplicate`（warning）：在「检查规则与问题代码」表中加一行',
      'README 列出 `no-such-code`，但 src/core/issues.ts 的目录中没有这个代码',
    ]);
  });
});

describe('issue catalogue', () => {
  it('gives every code a kebab-case name, a severity and a Chinese message', () => {
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning']).toContain(CATALOGUE[code].severity);
    }
    expect(renderMessage('required', { label: '数据集名称' })).toBe('「数据集名称」不能为空：请填写。');
    expect(renderMessage('total-row', {})).toBe('合计/小计行不是数据集，已略过。');
  });

  it('marks a fix safe only where the code says so, and only when a fix is given', () => {
    const safe = ISSUE_CODES.filter((c) => CATALOGUE[c].safe).sort();
    expect(safe).toEqual(
      ['fixed-value', 'quantity-converted', 'quantity-normalised', 'seq-renumbered', 'value-normalised'].sort(),
    );
    expect(ISSUE_CODES.filter((c) => CATALOGUE[c].safe && CATALOGUE[c].severity === 'error')).toEqual([]);
    const withFix = cellIssue('quantity-normalised', { text: '1 TB', out: '1TB' }, { value: '1 TB', fix: '1TB' });
    expect(withFix).toMatchObject({ severity: 'warning', code: 'quantity-normalised', fix: '1TB', safe: true });
    expect(cellIssue('quantity-approximate', { text: '约3TB' }).safe).toBeUndefined();
    const noSuggestion = cellIssue('value-not-allowed', { said: '不在选项中' }, { value: 'x', fix: undefined });
    expect(noSuggestion.safe).toBe(false);
  });

  it('places an issue at its row, column and field with the severity of its code', () => {
    const at = { row: 3, col: 0, field: '序号', value: '9', fix: 4 };
    expect(placedIssue('seq-renumbered', { seq: 4, found: '9' }, at)).toEqual({
      severity: 'warning',
      code: 'seq-renumbered',
      message: '序号应为 4，现为 「9」：请改为 4（生成汇总表时会自动从 1 起重排）。',
      row: 3,
      col: 0,
      field: '序号',
      value: '9',
      fix: 4,
      safe: true,
    });
    const codes: IssueCode[] = ['possible-duplicate', 'person-has-digits'];
    for (const c of codes) expect(CATALOGUE[c].severity).toBe('warning');
  });
});
