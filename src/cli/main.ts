/**
 * The hqds command: the same engine as the add-in, for batch work and tests.
 * Exit codes: 0 no errors; 1 errors found; 2 an input could not be read or the command was misused.
 */
import { PROFILES } from '../core/profiles';
import { convert, type TbBase, type Target } from '../core/quantity';
// build and check load on demand: they bring SheetJS and the writers, which `profiles` and
// `convert` never use (start-up 0.46 s → see BENCHMARKS.md).
const commands = () => import('./commands');
const learnCommand = () => import('./learn');

export class UsageError extends Error {}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--to', '--tb', '--profile', '--out', '--report', '--title-prefix', '--recommender', '--annotate', '--profile-file', '--date', '--id', '--name']);

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
      if (eq > 0) flags.set(name, a.slice(eq + 1));
      else if (VALUE_FLAGS.has(name)) {
        if (i + 1 >= argv.length) throw new UsageError(`${name} 后面需要一个值。`);
        flags.set(name, argv[++i]);
      } else flags.set(name, true);
    } else positional.push(a);
  }
  return { positional, flags };
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
             [--title-prefix XXX] [--recommender 推荐单位] [--skip-unreadable] 文件...
                                               把收到的表汇总成该地格式的汇总表
                                               （--skip-unreadable：略过读不了的文件并列出）
  hqds learn 空白模板.xlsx|.xls|.docx --out 格式.json [--id ID] [--name 名称]
                                               从通知所附空白模板学得新格式，列出推断和待核对项；
                                               之后 build、check、profiles 用 --profile-file 格式.json
文件：.xlsx .xls .ods .csv .tsv .txt .docx；.doc/.wps 在装有 LibreOffice 时自动转换。

格式 ID：${PROFILES.map((p) => `${p.id}（${p.name}）`).join('，')}
退出码：0 无错误；1 发现错误（build 仍会写出汇总表并标出错误）；2 文件读不了或用法不对。
`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, errOut: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    const args = parseArgs(rest);
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
    throw e;
  }
}

async function profilesCmd(args: Args, out: NodeJS.WritableStream): Promise<number> {
  const file = args.flags.get('--profile-file');
  const learned = typeof file === 'string' ? [(await learnCommand()).loadProfileFile(file)] : [];
  const list = [...PROFILES, ...learned].map((p) => ({
    id: p.id,
    name: p.name,
    columns: p.columns.map((c) => c.label),
    vocabularies: Object.fromEntries(Object.entries(p.vocabularies).map(([k, v]) => [k, v.other ? [...v.items.map((i) => i.label), v.other] : v.items.map((i) => i.label)])),
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
  if (to !== 'GB' && to !== 'TB' && to !== '条') throw new UsageError('请用 --to GB、--to TB 或 --to 条 指定目标单位。');
  const tb = tbOf(args);
  if (!args.positional.length) throw new UsageError('请在 -- 之后给出要换算的值，如 hqds convert --to GB -- 1.5TB。');
  const results = args.positional.map((v) => convert(v, to as Target, tb));
  if (args.flags.has('--json')) out.write(JSON.stringify(results, null, 2) + '\n');
  else {
    for (const r of results) {
      out.write(r.ok ? `${r.input}\t${r.value}${r.unit}${r.approximate ? '（约）' : ''}${r.message ? `\t${r.message}` : ''}\n` : `${r.input}\t无法换算：${r.message}\n`);
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
