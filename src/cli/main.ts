/**
 * The hqds command: the same engine as the add-in, for batch work and tests.
 * Exit codes: 0 no errors; 1 errors found; 2 an input could not be read or the command was misused.
 */
import { PROFILES } from '../core/profiles';
import { convert, type TbBase } from '../core/quantity';
// build and check load on demand: they bring SheetJS and the writers, which `profiles` and
// `convert` never use (start-up 0.46 s → see BENCHMARKS.md).
const commands = () => import('./commands');
const learnCommand = () => import('./learn');
import { errnoMessage, OutputError } from './safe-write';

export class UsageError extends Error {}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  '--to',
  '--tb',
  '--profile',
  '--out',
  '--report',
  '--title-prefix',
  '--recommender',
  '--annotate',
  '--profile-file',
  '--date',
  '--id',
  '--name',
]);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      // Given twice, one of the two would be silently ignored: say so instead.
      if (flags.has(name)) throw new UsageError(`${name} 给了两次：请只给一次。`);
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (VALUE_FLAGS.has(name)) {
        if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
          throw new UsageError(`${name} 后面需要一个值。`);
        flags.set(name, argv[++i]);
      } else flags.set(name, true);
    } else if (/^-[A-Za-z]/.test(a) && !['-h'].includes(a)) {
      throw new UsageError(`没有「${a}」这个选项：hqds 的选项都以 -- 开头，如 --out。`);
    } else positional.push(a);
  }
  return { positional, flags };
}

/** The options each command accepts. A mistyped option is an error, never ignored: 「--dryrun」
 *  must not build. */
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  profiles: ['--json', '--profile-file'],
  convert: ['--json', '--to', '--tb'],
  learn: ['--out', '--id', '--name'],
  check: ['--profile', '--profile-file', '--json', '--annotate', '--tb', '--skip-unreadable'],
  build: [
    '--profile',
    '--profile-file',
    '--out',
    '--report',
    '--tb',
    '--title-prefix',
    '--recommender',
    '--date',
    '--skip-unreadable',
  ],
};

export function checkFlags(cmd: string, args: Args): void {
  const allowed = COMMAND_FLAGS[cmd];
  if (!allowed) return;
  for (const [name, value] of args.flags) {
    if (!allowed.includes(name)) {
      const near = allowed.find((f) => f.replace(/-/g, '') === name.replace(/-/g, '').toLowerCase());
      throw new UsageError(
        `hqds ${cmd} 没有「${name}」这个选项${near ? `（是不是 ${near}？）` : ''}：可用的有 ${allowed.join('、')}。`,
      );
    }
    if (VALUE_FLAGS.has(name) && value === '') throw new UsageError(`${name} 的值不能为空。`);
    if (!VALUE_FLAGS.has(name) && value !== true)
      throw new UsageError(`${name} 不带值：请去掉「=${value}」。`);
  }
}

/** --date: 「today」 or a real calendar date YYYY-MM-DD (2024-02-30 is no date; it must not roll over). */
export function dateOf(args: Args, now = () => new Date()): Date | null {
  const v = args.flags.get('--date');
  if (v === undefined) return null;
  if (v === 'today') return now();
  const m = typeof v === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim()) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(y, mo - 1, d);
    if (y >= 1900 && date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d)
      return date;
    throw new UsageError(`--date「${v}」不是实际存在的日期：请写成 YYYY-MM-DD，如 2025-03-31，或写 today。`);
  }
  throw new UsageError(`--date 应写成 YYYY-MM-DD（如 2025-03-31）或 today，而不是「${String(v)}」。`);
}

export function tbOf(args: Args): TbBase {
  const v = args.flags.get('--tb');
  if (v === undefined) return 1024;
  if (v === '1024' || v === '1000') return Number(v) as TbBase;
  throw new UsageError('--tb 只能是 1024 或 1000（1TB 折合多少 GB）。');
}

const HELP = `hqds — 高质量数据集汇总助手

用法：
  hqds profiles [--json]                       列出各地格式（列名、选项）
  hqds convert [--json] --to GB|TB|条 [--tb 1024|1000] -- 值...
                                               换算数据量，如 hqds convert --to GB -- 1.5TB 500GB
  hqds check --profile ID [--json] [--annotate 批注副本.xlsx|批注副本.docx] 文件...
                                               按某地格式检查收到的表或 Word 表单（申报单位自查）
  hqds build --profile ID --out 汇总表.xlsx [--report 报告.json] [--tb 1024|1000]
             [--title-prefix XXX] [--recommender 推荐单位] [--date today|YYYY-MM-DD] [--skip-unreadable] 文件...
                                               把收到的表汇总成该地格式的汇总表
                                               （--skip-unreadable：略过读不了的文件并列出）
  hqds learn 空白模板.xlsx|.xls|.docx --out 格式.json [--id ID] [--name 名称]
                                               从通知所附空白模板学得新格式，列出推断和待核对项；
                                               之后 build、check、profiles 用 --profile-file 格式.json
文件：.xlsx .xls .ods .csv .tsv .txt .docx；.doc/.wps 在装有 LibreOffice 时自动转换。

格式 ID：${PROFILES.map((p) => `${p.id}（${p.name}）`).join('，')}
退出码：0 无错误；1 发现错误（build 仍会写出汇总表并标出错误）；2 文件读不了或用法不对。
`;

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  errOut: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    const args = parseArgs(rest);
    if (args.flags.has('--help') || args.flags.has('-h')) {
      out.write(HELP);
      return 0;
    }
    if (cmd) checkFlags(cmd, args);
    switch (cmd) {
      case 'profiles':
        return await profilesCmd(args, out);
      case 'convert':
        return convertCmd(args, out);
      case 'check':
        return await (await commands()).runCheck(args, out, errOut);
      case 'build':
        return await (await commands()).runBuild(args, out, errOut);
      case 'learn':
        return await (await learnCommand()).runLearn(args, out, errOut);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out.write(HELP);
        return cmd ? 0 : 2;
      default:
        throw new UsageError(`没有「${cmd}」这个命令。`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      errOut.write(`用法有误：${e.message}\n运行 hqds --help 查看用法。\n`);
      return 2;
    }
    // Whatever else goes wrong is said in words, never as a stack trace.
    errOut.write(`${failureMessage(e)}\n`);
    return 2;
  }
}

async function profilesCmd(args: Args, out: NodeJS.WritableStream): Promise<number> {
  const file = args.flags.get('--profile-file');
  const learned = typeof file === 'string' ? [(await learnCommand()).loadProfileFile(file)] : [];
  const list = [...PROFILES, ...learned].map((p) => ({
    id: p.id,
    name: p.name,
    columns: p.columns.map((c) => c.label),
    vocabularies: Object.fromEntries(
      Object.entries(p.vocabularies).map(([k, v]) => [
        k,
        v.other ? [...v.items.map((i) => i.label), v.other] : v.items.map((i) => i.label),
      ]),
    ),
  }));
  if (args.flags.has('--json')) {
    out.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  for (const p of list) {
    out.write(`${p.id}\t${p.name}\n  列：${p.columns.join(' | ')}\n`);
    for (const [k, v] of Object.entries(p.vocabularies)) out.write(`  ${k}：${v.join('、')}\n`);
  }
  return 0;
}

function convertCmd(args: Args, out: NodeJS.WritableStream): number {
  const to = args.flags.get('--to');
  if (to !== 'GB' && to !== 'TB' && to !== '条')
    throw new UsageError('请用 --to GB、--to TB 或 --to 条 指定目标单位。');
  const tb = tbOf(args);
  if (!args.positional.length)
    throw new UsageError('请在 -- 之后给出要换算的值，如 hqds convert --to GB -- 1.5TB。');
  const results = args.positional.map((v) => convert(v, to, tb));
  if (args.flags.has('--json')) out.write(JSON.stringify(results, null, 2) + '\n');
  else {
    for (const r of results) {
      out.write(
        r.ok
          ? `${r.input}\t${r.value}${r.unit}${r.approximate ? '（约）' : ''}${r.message ? `\t${r.message}` : ''}\n`
          : `${r.input}\t无法换算：${r.message}\n`,
      );
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

function failureMessage(e: unknown): string {
  if (e instanceof OutputError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code))
    return errnoMessage(err, err.path ?? '', '处理');
  if (err instanceof RangeError && /memory|allocation|Invalid (array|string) length/i.test(err.message))
    return '文件太大，内存不足：请把文件拆小后再试。';
  return `处理中断（${err?.message ?? String(e)}）：请把命令和文件反馈给维护人员。`;
}
