/** Reads ../shared/FORMATS.md, the ground truth, so tests compare the profiles with it directly. */
import * as fs from 'fs';
import * as path from 'path';

export const FORMATS_PATH = path.resolve(__dirname, '../../../shared/FORMATS.md');
export const formatsText = (): string => fs.readFileSync(FORMATS_PATH, 'utf8');

/** The body of section "## N. …". */
export function section(n: number): string {
  const t = formatsText();
  const start = t.indexOf(`\n## ${n}.`);
  if (start < 0) throw new Error(`FORMATS.md has no section ${n}`);
  const end = t.indexOf('\n## ', start + 5);
  return t.slice(start, end < 0 ? undefined : end);
}

/** Rows of the markdown tables in a text, each a list of trimmed cells (header and rule rows included). */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim()),
    );
}

/** The "column (exact)" labels of a section's summary table, in order. */
export function summaryColumns(n: number): string[] {
  return tableRows(section(n))
    .filter((r) => /^\d+$/.test(r[0]))
    .map((r) => r[1]);
}

/** Items of a prose list such as "**Modalities (5):** 文本, 图形图像, 音频, 视频, 其它（…）." */
export function proseList(n: number, heading: RegExp): string[] {
  const s = section(n);
  const m = heading.exec(s);
  if (!m) throw new Error(`no ${heading} in section ${n}`);
  const rest = s.slice(m.index + m[0].length);
  const end = rest.search(/\.\s*(\n|\(|$)|\.\s+[A-Z（(]/);
  const body = rest
    .slice(0, end < 0 ? undefined : end)
    .replace(/\([^)]*\)/g, '')
    .replace(/重点领域|创新领域/g, '')
    .replace(/\s+/g, ' ');
  return body
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** All 「…」 quoted strings in a section. */
export function quoted(n: number): string[] {
  return [...section(n).matchAll(/「([^」]+)」/g)].map((m) => m[1]);
}
