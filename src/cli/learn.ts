/**
 * hqds learn TEMPLATE --out PROFILE.json [--id ID] [--name 名称]: drafts a bureau's format from its
 * blank template and says what it inferred and what a person must confirm (issue 13). The profile
 * file then works like a built-in format: hqds build|check|profiles --profile-file PROFILE.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describeColumn, learnTemplate, LearnError } from '../core/learn';
import { describeFormRow } from '../core/learn-form';
import { parseProfile, type Profile } from '../core/profile';
import { ReadError } from '../io/read';
import { readTemplate } from '../io/template';
import { UsageError, type Args } from './main';

/** A --profile-file, checked like a built-in format; a bad file is a usage error naming it. */
export function loadProfileFile(file: string): Profile {
  try {
    return parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    throw new UsageError(`格式文件「${file}」无法使用：${(e as Error).message}`);
  }
}

export async function runLearn(
  args: Args,
  out: NodeJS.WritableStream,
  errOut: NodeJS.WritableStream,
): Promise<number> {
  const [file, ...extra] = args.positional;
  if (!file || extra.length)
    throw new UsageError(
      '请给出一个空白模板（.xlsx、.xls 或 .docx），如 hqds learn 附件2.xlsx --out 格式.json。',
    );
  const outFile = args.flags.get('--out');
  if (typeof outFile !== 'string' || !/\.json$/i.test(outFile))
    throw new UsageError('请用 --out 给出要写出的格式文件，扩展名为 .json。');
  const id = args.flags.get('--id');
  const name = args.flags.get('--name');
  if (id !== undefined && (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)))
    throw new UsageError('--id 只能用小写字母、数字和连字符，并以字母开头，如 beijing-2025。');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errOut.write(`读不了「${file}」：${code === 'ENOENT' ? '文件不存在，请检查路径' : String(e)}。\n`);
    return 2;
  }
  let result;
  try {
    const doc = await readTemplate(
      path.basename(file),
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    );
    result = learnTemplate(doc, {
      id: typeof id === 'string' ? id : undefined,
      name: typeof name === 'string' ? name : undefined,
    });
  } catch (e) {
    if (e instanceof ReadError || e instanceof LearnError) {
      errOut.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { profile, inferred, missing } = result;
  if (!writeProfile(outFile, JSON.stringify(profile, null, 2) + '\n', errOut)) return 2;
  out.write(`已学得格式「${profile.name}」（ID ${profile.id}），写入「${outFile}」。\n`);
  out.write(
    `标题：${profile.sheet.title}${profile.sheet.attachment ? `（${profile.sheet.attachment}）` : ''}\n列：\n`,
  );
  profile.columns.forEach((c, i) => out.write(`  ${i + 1}. ${describeColumn(profile, c)}\n`));
  const form = profile.projectForm;
  if (form) {
    out.write(`\n表单「${form.title}」（每个项目一张）：\n`);
    form.rows.forEach((r, i) => out.write(`  ${i + 1}. ${describeFormRow(profile, r)}\n`));
  } else if (profile.form) {
    // A bureau's 附件1 beside its summary: each item and the summary column it fills.
    const label = (k?: string) => profile.columns.find((c) => c.key === k)?.label;
    out.write(`\n表单「${profile.form.title}」（每个单位填一份，读入汇总表）：\n`);
    profile.form.fields.forEach((f, i) =>
      out.write(
        `  ${i + 1}. ${f.label}\u3000${label(f.key) ? `→ 汇总表「${label(f.key)}」` : '（只在表单上）'}\n`,
      ),
    );
  }
  out.write(`\n推断（请核对）：\n${inferred.map((s) => `  - ${s}`).join('\n')}\n`);
  out.write(
    `\n未能从模板得知（请补充或确认）：\n${missing.length ? missing.map((s) => `  - ${s}`).join('\n') : '  （无）'}\n`,
  );
  out.write(`\n核对并修改后即可使用：hqds build --profile-file ${outFile} --out 汇总表.xlsx 收到的表...\n`);
  return 0;
}

/** Written whole to a temporary file, then renamed; an existing file is kept as a backup. False (and
 *  said why) when the folder is missing or not writable: OUT is then left as it was. */
function writeProfile(outFile: string, text: string, errOut: NodeJS.WritableStream): boolean {
  const tmp = path.join(path.dirname(path.resolve(outFile)), `.${path.basename(outFile)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    if (fs.existsSync(outFile)) {
      const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const backup = path.join(
        path.dirname(outFile),
        `${path.basename(outFile, path.extname(outFile))}.备份-${stamp}${path.extname(outFile)}`,
      );
      fs.copyFileSync(outFile, backup, fs.constants.COPYFILE_EXCL);
      errOut.write(`原有的「${outFile}」已备份为「${backup}」。\n`);
    }
    fs.renameSync(tmp, outFile);
    return true;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '所在文件夹不存在'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有写入权限'
          : code === 'EISDIR'
            ? '这是一个文件夹'
            : code === 'EEXIST'
              ? '同名备份已存在，请稍后再试'
              : String(e);
    errOut.write(`写不了「${outFile}」：${why}。格式没有保存。\n`);
    return false;
  }
}
