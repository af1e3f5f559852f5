/**
 * hqds build and hqds check: files in, a summary workbook or a check report out.
 * Every input is read before anything is written, so an unreadable file (exit 2) leaves OUT as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type ExcelJS from 'exceljs';
import { getProfile, PROFILES } from '../core/profiles';
import type { Profile } from '../core/profile';
import {
  mergeSheets,
  placeText,
  rowsLeftOut,
  type InputSheet,
  type MergedIssue,
  type MergeResult,
} from '../core/merge';
import { checkResultOf, checkSheets } from '../core/merge-check';
import { needsAttention, planWorkbook, summaryLayout, ISSUES_SHEET } from '../core/plan';
import { workbookInputs } from '../core/import';
import { isLegacyWord, LEGACY_WORD_EXT, readFile, ReadError } from '../io/read';
import type { DocxNote } from '../io/docx-annotate';
import { ConvertError, convertLegacyWord } from './legacy-word';
import { writeJsonList } from './json-out';
import { checkInflatedSizes } from '../io/zip-inflate-check';
import { scanZip } from '../io/zip-guard';
import { uniqueSheetName } from '../core/sheet-name';
import { xmlSafe } from '../core/text';
import { dateOf, tbOf, UsageError, type Args } from './main';
import { checkOutputs, errnoMessage, writeAllOrNothing, type WriteJob } from './safe-write';

/** A sheet's XML inflated 64 KB at a time as the reader takes it (xlsx-reader.ts): a 100,000-row
 *  sheet is 40 MB inflated, and was held whole beside its cells. */
function inflateRawStream(data: Uint8Array): AsyncIterable<Uint8Array> {
  const z = zlib.createInflateRaw({ chunkSize: 64 << 10 });
  z.end(data);
  return z;
}

async function profileOf(args: Args): Promise<Profile> {
  const file = args.flags.get('--profile-file');
  if (typeof file === 'string') {
    // zod (95 modules, 0.06 s to load) only for a profile from outside.
    const { parseProfile } = await import('../core/profile');
    try {
      return parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      throw new UsageError(`格式文件「${file}」无法使用：${(e as Error).message}`);
    }
  }
  const id = args.flags.get('--profile');
  if (typeof id !== 'string')
    throw new UsageError(`请用 --profile 指定格式：${PROFILES.map((p) => p.id).join('、')}。`);
  const p = getProfile(id);
  if (!p) throw new UsageError(`没有格式「${id}」：可用的有 ${PROFILES.map((p) => p.id).join('、')}。`);
  return p;
}

interface Inputs {
  sheets: InputSheet[];
  /** Files that could not be read, with the reason (only with --skip-unreadable; otherwise the first stops the run). */
  unreadable: { file: string; reason: string }[];
  /** The Word bytes of each Word input (a .doc/.wps after conversion), for an annotated copy. */
  word: Map<string, Uint8Array>;
}

/** Reads every input; on an unreadable one, names it and why, and returns null (exit 2) unless told to skip it. */
async function readInputs(
  files: string[],
  errOut: NodeJS.WritableStream,
  skipUnreadable = false,
): Promise<Inputs | null> {
  if (!files.length) throw new UsageError('请给出要处理的文件。');
  const res: Inputs = { sheets: [], unreadable: [], word: new Map() };
  const progress = files.length > 5;
  let i = 0;
  const fail = (file: string, reason: string): boolean => {
    errOut.write(`${reason}\n`);
    res.unreadable.push({ file: path.basename(file), reason });
    return skipUnreadable;
  };
  for (const f of files) {
    i++;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(f);
    } catch (e) {
      if (fail(f, errnoMessage(e, f, '读取'))) continue;
      return null;
    }
    if (progress || bytes.length > 5 << 20)
      errOut.write(`读取 ${i}/${files.length}：${f}（${(bytes.length / 1024).toFixed(0)} KB）\n`);
    const base = path.basename(f);
    try {
      let data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      let name = base;
      if (
        LEGACY_WORD_EXT.test(base) ||
        (!/\.(xlsx|xlsm|xls|ods|et|csv|tsv|txt)$/i.test(base) && isLegacyWord(data))
      ) {
        errOut.write(`「${base}」是旧版 Word 文件，正在用 LibreOffice 转换为 .docx……\n`);
        data = new Uint8Array(await convertLegacyWord(base, data));
        name = `${base.replace(/\.[^.]+$/, '')}.docx`;
      }
      if (data[0] === 0x50 && data[1] === 0x4b) {
        // The real inflated sizes, before anything inflates the package (a zip can declare small sizes).
        const scan = scanZip(data);
        const bomb = scan.ok ? await checkInflatedSizes(data, scan.entries) : null;
        if (bomb)
          throw new ReadError(
            base,
            `读不了「${base}」：${bomb}。这不像收到的汇总表或申报表：请确认文件来源。`,
          );
      }
      const wb = await readFile(name, data, { inflateRaw: zlib.inflateRawSync, inflateRawStream });
      if (wb.sheets.some((s) => s.origins)) res.word.set(base, data);
      // The same step as the pane's import: each sheet with the reader's notes on it.
      res.sheets.push(...workbookInputs(base, wb));
    } catch (e) {
      if (
        fail(
          f,
          e instanceof ReadError || e instanceof ConvertError ? e.message : `读不了「${f}」：${String(e)}`,
        )
      )
        continue;
      return null;
    }
  }
  return res;
}

function counts(m: MergeResult) {
  const errors = m.issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: m.issues.length - errors };
}

export function report(profile: Profile, m: MergeResult) {
  const { firstDataRow } = summaryLayout(profile);
  return {
    profile: profile.id,
    inputs: m.inputs.map((i) => ({
      file: i.file,
      sheet: i.sheet,
      kind: i.kind,
      headerRow: i.headerRow,
      mapping: i.mapping,
    })),
    skipped: m.skipped,
    rowsRead: m.rowsRead,
    rowsWritten: m.rowsWritten,
    /** Where each written entry came from: file, sheet and row, or a Word table row (表1 第5行). */
    entries: m.entries.map((e, i) => ({ outputRow: firstDataRow + i + 1, source: e.source })),
    /** rowsRead = rowsWritten + rowsLeftOut; a run of blank rows is one leftOut entry from row to toRow. */
    rowsLeftOut: rowsLeftOut(m),
    leftOut: m.leftOut,
    changes: m.changes.map((c) => ({
      field: c.field,
      from: c.from,
      to: c.to,
      reason: c.reason,
      outputRow: c.entry === null ? null : firstDataRow + c.entry + 1,
      source: c.source,
    })),
    issues: m.issues.map((i) => reportIssue(i, firstDataRow)),
  };
}

/** One issue as the report gives it: the summary row it is on (none for check: firstDataRow null,
 *  outputRow undefined, which JSON leaves out), and whether its fix was applied. */
function reportIssue(i: MergedIssue, firstDataRow: number | null) {
  return {
    severity: i.severity,
    code: i.code,
    message: i.message,
    column: i.field,
    outputRow: firstDataRow === null ? undefined : i.entry === null ? null : firstDataRow + i.entry + 1,
    value: i.value ?? null,
    fix: i.fix ?? null,
    /** The fix was applied in the summary (a conversion, a synonym); false: a person must decide. */
    applied: !!i.safe && i.fix !== undefined,
    source: i.source,
  };
}

export async function runBuild(
  args: Args,
  out: NodeJS.WritableStream,
  errOut: NodeJS.WritableStream,
): Promise<number> {
  const profile = await profileOf(args);
  const outFile = args.flags.get('--out');
  if (typeof outFile !== 'string' || !/\.xlsx$/i.test(outFile))
    throw new UsageError('请用 --out 给出要写出的汇总表，扩展名为 .xlsx。');
  const tb = tbOf(args);
  const reportFile = strFlag(args, '--report');
  if (reportFile !== undefined && !/\.json$/i.test(reportFile))
    throw new UsageError(`--report 写出 JSON 报告，文件名应以 .json 结尾，而不是「${reportFile}」。`);
  const date = dateOf(args);
  if (!args.positional.length) throw new UsageError('请给出要处理的文件。');
  // Every output is checked before anything is read or written: --report data.csv must not destroy the input.
  checkOutputs(
    [
      { flag: '--out', file: outFile },
      ...(reportFile !== undefined ? [{ flag: '--report', file: reportFile }] : []),
    ],
    args.positional,
  );
  const skip = args.flags.has('--skip-unreadable');
  const inputs = await readInputs(args.positional, errOut, skip);
  if (!inputs) return 2;
  if (!inputs.sheets.length) {
    errOut.write('没有一个文件读得了：未写出汇总表。\n');
    return 2;
  }
  const merged = mergeSheets(profile, inputs.sheets, { tb });
  const unread = unreadInputs(merged, args, errOut);
  if (unread !== null) return unread;
  const plan = planWorkbook(profile, merged, {
    tb,
    titlePrefix: strFlag(args, '--title-prefix'),
    recommender: strFlag(args, '--recommender'),
    date,
  });
  if (profile.id === 'shanxi' && !strFlag(args, '--title-prefix'))
    errOut.write('提示：山西汇总表标题为「XXX行业高质量数据集汇总表」，请用 --title-prefix 填写行业。\n');
  const { writeWorkbookPieces } = await import('../io/xlsx-writer');
  const jobs: WriteJob[] = [{ file: outFile, data: await writeWorkbookPieces(plan), backup: true }];
  if (reportFile !== undefined)
    jobs.push({
      file: reportFile,
      data: JSON.stringify({ ...report(profile, merged), unreadable: inputs.unreadable }, null, 2),
      backup: false,
    });
  for (const b of writeAllOrNothing(jobs)) errOut.write(`原有的「${b.file}」已备份为「${b.backup}」。\n`);
  for (const u of inputs.unreadable) errOut.write(`已略过读不了的文件「${u.file}」（--skip-unreadable）。\n`);
  const { errors, warnings } = counts(merged);
  for (const s of merged.skipped) errOut.write(`略过 ${s.file}「${s.sheet}」：${s.reason}\n`);
  out.write(
    `已写出「${outFile}」：${merged.rowsWritten} 条（读入 ${merged.rowsRead} 行，略过 ${rowsLeftOut(merged)} 行${inputs.unreadable.length ? `，读不了的文件 ${inputs.unreadable.length} 个已略过` : ''}），错误 ${errors} 个，提示 ${warnings} 个。${errors ? `请查看「${ISSUES_SHEET}」工作表。` : ''}\n`,
  );
  return errors ? 1 : 0;
}

/** Inputs in which no sheet held a table or a form: not 「0 rows, exit 0」 but exit 2, naming each
 *  such file and what was seen in it (--skip-unreadable: reported, and the rest is used). */
function unreadInputs(
  m: Pick<MergeResult, 'inputs' | 'skipped'>,
  args: Args,
  errOut: NodeJS.WritableStream,
): number | null {
  const read = new Set(m.inputs.map((i) => i.file));
  const files = [...new Set(m.skipped.map((s) => s.file))].filter((f) => !read.has(f));
  if (!files.length) return null;
  for (const s of m.skipped) if (!read.has(s.file)) errOut.write(`${s.file}「${s.sheet}」：${s.reason}\n`);
  if (args.flags.has('--skip-unreadable') && read.size) {
    errOut.write(`已略过 ${files.length} 个读不出表格的文件：${files.join('、')}。\n`);
    return null;
  }
  errOut.write(
    `${files.map((f) => `「${f}」`).join('、')}中没有读到表格或基本信息表：请检查文件和格式（--profile）。没有写出任何文件。\n`,
  );
  return 2;
}

/** The sheets one at a time, each taken out of the list as it is handed over, so that what is
 *  checked can be collected while the next is checked. */
function* handOver(sheets: InputSheet[]): Generator<InputSheet> {
  while (sheets.length) yield sheets.shift()!;
}

function strFlag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export async function runCheck(
  args: Args,
  out: NodeJS.WritableStream,
  errOut: NodeJS.WritableStream,
): Promise<number> {
  const profile = await profileOf(args);
  const tb = tbOf(args);
  const annotate = strFlag(args, '--annotate');
  if (annotate !== undefined && !/\.(xlsx|docx)$/i.test(annotate))
    throw new UsageError('--annotate 要写出 .xlsx（表格）或 .docx（Word 表单）文件。');
  if (annotate !== undefined && args.positional.length !== 1)
    throw new UsageError('--annotate 一次只能批注一个文件。');
  if (annotate !== undefined) checkOutputs([{ flag: '--annotate', file: annotate }], args.positional);
  const inputs = await readInputs(args.positional, errOut);
  if (!inputs) return 2;
  const wordInput = annotate !== undefined ? inputs.word.get(path.basename(args.positional[0])) : undefined;
  if (annotate !== undefined && /\.docx$/i.test(annotate) !== !!wordInput) {
    throw new UsageError(
      wordInput
        ? 'Word 表单的批注副本要写成 .docx：请用 --annotate 批注副本.docx。'
        : '表格文件的批注副本要写成 .xlsx：请用 --annotate 批注副本.xlsx。',
    );
  }
  const sheets = inputs.sheets;
  // --annotate needs the whole merge (each issue's cell, a Word entry's place); a plain check keeps
  // only what it reports (merge-check.ts), and lets each sheet's cells go once it is checked.
  const full = annotate !== undefined ? mergeSheets(profile, sheets, { tb, asTheyStand: true }) : null;
  const merged = full ? checkResultOf(full) : checkSheets(profile, handOver(sheets), { tb });
  const unread = unreadInputs(merged, args, errOut);
  if (unread !== null) return unread;
  const errors = merged.issues.errors;
  const warnings = merged.issues.length - errors;
  if (args.flags.has('--json')) {
    // The same JSON as one JSON.stringify, written issue by issue (json-out.ts); check's JSON lists no entries.
    const r = report(profile, { ...merged, entries: [], issues: [], changes: [] });
    // Each issue shaped as report() shapes it, one at a time, without the summary row (check has none).
    const issues = merged.issues.mapped((one) => reportIssue(one, null));
    await writeJsonList(
      out,
      {
        profile: r.profile,
        inputs: r.inputs,
        skipped: r.skipped,
        rowsRead: r.rowsRead,
        rowsChecked: r.rowsWritten,
        rowsLeftOut: r.rowsLeftOut,
        leftOut: r.leftOut,
      },
      'issues',
      issues,
    );
  } else {
    for (const i of merged.issues) {
      const where = `${i.source.file}「${i.source.sheet}」${placeText(i.source)}`;
      out.write(`${where}：${i.severity === 'error' ? '错误' : '提示'} [${i.code}] ${i.message}\n`);
    }
    for (const s of merged.skipped) errOut.write(`${s.file}「${s.sheet}」：略过（${s.reason}）\n`);
    out.write(`检查了 ${merged.rowsWritten} 条：错误 ${errors} 个，提示 ${warnings} 个。\n`);
  }
  if (annotate && full) {
    const data = wordInput
      ? await annotateWord(wordInput, full)
      : await annotateCopy(args.positional[0], full, sheets);
    for (const b of writeAllOrNothing([{ file: annotate, data, backup: true }]))
      errOut.write(`原有的「${b.file}」已备份为「${b.backup}」。\n`);
  }
  return errors ? 1 : 0;
}

/** A copy of the input with each problem cell filled and explained in a note, plus an issues sheet.
 *  .xlsx inputs keep their own formatting when ExcelJS can round-trip the package; otherwise (other
 *  formats, or a package ExcelJS cannot load or write) a fresh copy is made from the cells as read,
 *  so a file that check accepted is always annotated. */
async function annotateCopy(
  file: string,
  merged: MergeResult,
  sheets: readonly InputSheet[],
): Promise<Buffer> {
  // ExcelJS only here: loading it costs 0.2 s that build and plain check do not need.
  const { Workbook } = (await import('exceljs')).default;
  if (/\.xlsx$/i.test(file)) {
    try {
      const wb = new Workbook();
      await wb.xlsx.readFile(file);
      return await annotateInto(wb, new Map(wb.worksheets.map((w) => [w.name, w.name])), merged);
    } catch {
      /* below: a fresh copy from the cells as read */
    }
  }
  const wb = new Workbook();
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const s of sheets) {
    const name = uniqueSheetName(s.sheet, taken);
    names.set(s.sheet, name);
    const ws = wb.addWorksheet(name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        // Values go in as read; text stays text (ExcelJS writes a string as a string, never a formula).
        ws.getCell(r + 1, c + 1).value =
          typeof v === 'object' && !(v instanceof Date) ? v.error : typeof v === 'string' ? xmlSafe(v) : v;
      }),
    );
  }
  return annotateInto(wb, names, merged);
}

async function annotateInto(
  wb: ExcelJS.Workbook,
  names: Map<string, string>,
  merged: MergeResult,
): Promise<Buffer> {
  const fill = (sev: string): ExcelJS.Fill => ({
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: sev === 'error' ? 'FFFFC7CE' : 'FFFFEB9C' },
  });
  const notes = new Map<string, { sev: string; text: string[] }>();
  for (const i of merged.issues) {
    if (!i.source.row || i.col === null) continue;
    // A form's issue column is the profile's; its value sits in the sheet cell the reader recorded.
    const k = i.source.cell
      ? `${i.source.sheet}\u0001${i.source.cell.row + 1}\u0001${i.source.cell.col}`
      : `${i.source.sheet}\u0001${i.source.row}\u0001${i.col}`;
    const n = notes.get(k) ?? { sev: 'warning', text: [] };
    if (i.severity === 'error') n.sev = 'error';
    n.text.push(`${i.severity === 'error' ? '错误' : '提示'}：${i.message}`);
    notes.set(k, n);
  }
  for (const [k, n] of notes) {
    const [sheet, row, col] = k.split('\u0001');
    const ws = wb.getWorksheet(names.get(sheet) ?? sheet);
    if (!ws) continue;
    const cell = ws.getCell(Number(row), Number(col) + 1);
    cell.fill = fill(n.sev);
    cell.note = n.text.join('\n');
  }
  const ws = wb.addWorksheet(
    uniqueSheetName(
      ISSUES_SHEET,
      wb.worksheets.map((w) => w.name),
    ),
  );
  ws.addRow(['级别', '代码', '工作表', '行', '列', '说明']).font = { bold: true };
  for (const i of merged.issues)
    ws.addRow([
      i.severity === 'error' ? '错误' : '提示',
      i.code,
      i.source.sheet,
      i.source.row,
      i.source.column,
      i.message,
    ]);
  ws.columns.forEach((c, k) => (c.width = [6, 22, 14, 6, 18, 70][k]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The Word form with a comment on each cell that needs fixing; issues of the form as a whole go on its first cell. */
async function annotateWord(bytes: Uint8Array, merged: MergeResult): Promise<Buffer> {
  const notes = new Map<string, DocxNote>();
  // Only what the applicant must act on: a number written as text or a synonym needs no comment.
  for (const i of merged.issues.filter(needsAttention)) {
    const o = i.source.origin ??
      merged.entries[i.entry ?? -1]?.source.origin ?? { table: 1, row: 1, cell: 1 };
    const k = `${o.table}\u0001${o.row}\u0001${o.cell}`;
    const n = notes.get(k) ?? { table: o.table, row: o.row, cell: o.cell, lines: [] };
    n.lines.push(
      `${i.severity === 'error' ? '错误' : '提示'}：${i.field ? `「${i.field}」` : ''}${i.message}`,
    );
    notes.set(k, n);
  }
  // The Word writer (JSZip, xmldom) only for an annotated Word copy.
  const { annotateDocx } = await import('../io/docx-annotate');
  const r = await annotateDocx(bytes, [...notes.values()]);
  return Buffer.from(r.bytes);
}
