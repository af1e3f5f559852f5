/**
 * Writing hqds's outputs without losing anything: every output path is checked before a byte is
 * written (not an input, not another output, not a folder, its folder exists and is writable); all
 * outputs go to exclusive temporary files first and replace their targets only when every one was
 * written; an existing OUT is kept under a backup name that is created exclusively, so two builds in
 * the same second never overwrite each other's backup; temporary files are removed on failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './main';

/** A failure the user can act on, with a Chinese message; hqds exits 2 with it, no stack trace. */
export class OutputError extends Error {}

/** What to say about a file-system error, naming the path and what to do. */
export function errnoMessage(e: unknown, file: string, doing: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const what: Record<string, string> = {
    ENOENT: '文件或文件夹不存在：请检查路径是否写对',
    ENOTDIR: '路径中的某一级不是文件夹：请检查路径',
    EACCES: '没有权限：请换一个有写入权限的位置，或请管理员开放权限',
    EPERM: '操作不被允许（可能是只读或受保护的位置）：请换一个位置',
    EROFS: '这是只读的位置：请换一个可以写入的位置',
    ENOSPC: '磁盘空间已满：请清理磁盘或换一个位置后重试',
    EDQUOT: '磁盘配额已用完：请清理后重试',
    ELOOP: '路径中的符号链接构成了循环：请检查链接或给出实际的路径',
    EISDIR: '这是一个文件夹：请给出文件名',
    EBUSY: '文件正被占用（可能在 Excel 中打开着）：请关闭后重试',
    EMFILE: '同时打开的文件太多：请关闭一些程序后重试',
    ENAMETOOLONG: '文件名或路径太长：请缩短后重试',
    EEXIST: '文件已存在',
  };
  const why = (code && what[code]) ?? `${code ?? ''} ${(e as Error)?.message ?? String(e)}`.trim();
  return `${doing}「${file}」失败：${why}。`;
}

/** The same file, even through another spelling, a symbolic or a hard link. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface PlannedOutput {
  /** The option that named it, for messages (--out, --report, --annotate). */
  flag: string;
  file: string;
}

/** Checks every output before anything is read or written. Throws UsageError with what to do. */
export function checkOutputs(outputs: readonly PlannedOutput[], inputs: readonly string[]): void {
  for (let i = 0; i < outputs.length; i++) {
    const { flag, file } = outputs[i];
    for (const inp of inputs) {
      if (sameFile(file, inp))
        throw new UsageError(`${flag}「${file}」是要读取的文件之一：写出会毁掉原件，请换一个文件名。`);
    }
    for (let k = 0; k < i; k++) {
      if (sameFile(file, outputs[k].file))
        throw new UsageError(
          `${flag}「${file}」与 ${outputs[k].flag} 是同一个文件：请分别给出不同的文件名。`,
        );
    }
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new UsageError(errnoMessage(e, file, `检查 ${flag}`));
    }
    if (st?.isDirectory())
      throw new UsageError(
        `${flag}「${file}」是一个文件夹：请给出要写出的文件名，如「${path.join(file, flag === '--report' ? '报告.json' : '汇总表.xlsx')}」。`,
      );
    const dir = path.dirname(path.resolve(file));
    let dst: fs.Stats;
    try {
      dst = fs.statSync(dir);
    } catch (e) {
      throw new UsageError(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${flag}「${file}」所在的文件夹「${dir}」不存在：请先建好文件夹或换一个位置。`
          : errnoMessage(e, dir, `检查 ${flag} 的文件夹`),
      );
    }
    if (!dst.isDirectory())
      throw new UsageError(`${flag}「${file}」所在的「${dir}」不是文件夹：请检查路径。`);
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      if (st) fs.accessSync(file, fs.constants.W_OK);
    } catch (e) {
      throw new UsageError(errnoMessage(e, st ? file : dir, `检查 ${flag} 的写入权限`));
    }
  }
}

export interface WriteJob {
  file: string;
  /** Pieces are written one after another (a built .xlsx, never joined into one buffer). */
  data: Buffer | string | readonly Buffer[];
  /** Keep an existing file under a backup name before replacing it (the summary workbook). */
  backup: boolean;
}

function tempName(file: string): string {
  const dir = path.dirname(path.resolve(file));
  const rand = Math.random().toString(36).slice(2, 10);
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${rand}.tmp`);
}

/** 「汇总表.备份-20261125-183012.xlsx」, then 「…-2.xlsx」…: the first name no file has yet, taken
 *  by creating it exclusively (COPYFILE_EXCL), never by overwriting. */
export function backupExclusively(file: string, now = new Date()): string {
  const dir = path.dirname(path.resolve(file));
  const ext = path.extname(file);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  for (let i = 1; i < 1000; i++) {
    const backup = path.join(dir, `${path.basename(file, ext)}.备份-${stamp}${i === 1 ? '' : `-${i}`}${ext}`);
    try {
      // An exclusive copy, not a hard link: a link shares the file, and a program that later saves
      // OUT in place would change the backup with it.
      fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
      return backup;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new OutputError(errnoMessage(e, backup, '备份原有文件到'));
    }
  }
  throw new OutputError(`备份「${file}」失败：同一秒内的备份名都已被占用，请稍后重试。`);
}

/**
 * Writes every job or none: each to an exclusive temporary file beside its target first; when all
 * are written, existing summaries are backed up and the temporaries renamed over their targets
 * (rename replaces atomically, so a target is never half-written). On any failure every temporary
 * file is removed and the targets are as they were. Returns the backups made.
 */
export function writeAllOrNothing(jobs: readonly WriteJob[]): { file: string; backup: string }[] {
  const temps: string[] = [];
  try {
    for (const j of jobs) {
      const tmp = tempName(j.file);
      temps.push(tmp);
      try {
        writeData(tmp, j.data);
      } catch (e) {
        throw new OutputError(errnoMessage(e, j.file, '写出'));
      }
    }
    const backups: { file: string; backup: string }[] = [];
    for (const j of jobs)
      if (j.backup && fs.existsSync(j.file))
        backups.push({ file: j.file, backup: backupExclusively(j.file) });
    jobs.forEach((j, i) => {
      try {
        fs.renameSync(temps[i], j.file);
      } catch (e) {
        throw new OutputError(errnoMessage(e, j.file, '写出'));
      }
      temps[i] = '';
    });
    return backups;
  } finally {
    for (const t of temps) {
      if (!t) continue;
      try {
        fs.unlinkSync(t);
      } catch {
        /* already gone */
      }
    }
  }
}

/** Writes data to a new file (exclusive, as before): a buffer, text, or buffers one after another. */
function writeData(file: string, data: Buffer | string | readonly Buffer[]): void {
  if (!Array.isArray(data)) {
    fs.writeFileSync(file, data as Buffer | string, { flag: 'wx' });
    return;
  }
  const fd = fs.openSync(file, 'wx');
  try {
    for (const piece of data as readonly Buffer[]) {
      for (let at = 0; at < piece.length;) at += fs.writeSync(fd, piece, at, piece.length - at);
    }
  } finally {
    fs.closeSync(fd);
  }
}
