/**
 * How bin/hqds.js loads the command. lib/hqds-bundle.js (scripts/bundle-cli.js: lib/ in one script)
 * when it is there and every module in it is the one in lib/ (same size and time), with V8's
 * compiled code for it kept between runs in the user's cache folder; otherwise lib/cli/main.js, as
 * tsc wrote it. A check of 1,000 rows loaded 39 modules from 39 files and compiled each on every run
 * (BENCHMARKS.md). Nothing here may stop the command: any trouble with the bundle or the cache falls
 * back to loading lib/ as it is.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

type Main = (argv: string[]) => Promise<number>;

export interface LoadedCli {
  main: Main;
  /** What was loaded: the bundle with its kept code, the bundle compiled afresh, or lib/'s modules. */
  how: 'bundle+cache' | 'bundle' | 'modules';
  /** Why lib/'s modules were loaded (how === 'modules'). */
  why?: string;
  /** Keeps V8's compiled code for the next run when none was kept or it was refused. Never throws. */
  saveCache(): void;
}

interface BundleMeta {
  hash: string;
  entry: string;
  modules: { id: string; size: number; mtimeMs: number }[];
}

/** Where compiled code is kept: HQDS_CACHE_DIR (empty: nowhere), else the user's cache folder. */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  home: () => string = os.homedir,
): string | null {
  const own = env.HQDS_CACHE_DIR;
  if (own !== undefined) return own === '' ? null : own;
  try {
    if (platform === 'win32') {
      const base = env.LOCALAPPDATA || path.join(home(), 'AppData', 'Local');
      return path.join(base, 'hqds', 'cache');
    }
    if (platform === 'darwin') return path.join(home(), 'Library', 'Caches', 'hqds');
    return path.join(env.XDG_CACHE_HOME || path.join(home(), '.cache'), 'hqds');
  } catch {
    return null;
  }
}

/** The reason the bundle cannot be used, or null when every module in it is the one in lib/. */
function staleness(libDir: string, meta: BundleMeta): string | null {
  for (const m of meta.modules) {
    let st: fs.Stats;
    try {
      st = fs.statSync(path.join(libDir, ...m.id.split('/')));
    } catch {
      return `${m.id} is gone from lib/`;
    }
    if (st.size !== m.size || st.mtimeMs !== m.mtimeMs) return `${m.id} was compiled again after the bundle`;
  }
  return null;
}

/** Kept code is read only from a regular file of this user's (another user's could run as them),
 *  opened without following a link (one planted in a shared cache folder) and checked once open. */
function readOwn(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } catch {
      // Nothing was read from it that matters now.
    }
  }
}

/** Kept code of other builds and Node versions: the newest few stay (two installs may take turns). */
const KEEP = 4;

function pruneCache(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^hqds-.*\.v8cache$/.test(f))
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) {
    fs.rmSync(path.join(dir, f), { force: true });
    fs.rmSync(path.join(dir, `${f}.commands`), { force: true });
  }
}

/** Written whole under another name, then renamed: a run at the same moment never reads half.
 *  'wx' creates the file or fails, so nothing already there (a link planted at the name) is written
 *  through; a file that could not take its name (a folder there) is removed, or every run would
 *  leave one. Throws when the file is not written. */
function writeWhole(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function modules(libDir: string, why: string): LoadedCli {
  const req = createRequire(path.join(libDir, 'cli', 'main.js'));
  const { main } = req('./main.js') as { main: Main };
  return { main, how: 'modules', why, saveCache: () => undefined };
}

export function loadCli(
  libDir: string,
  opts: { cacheDir?: string | null; env?: NodeJS.ProcessEnv; command?: string } = {},
): LoadedCli {
  libDir = path.resolve(libDir);
  const env = opts.env ?? process.env;
  if (env.HQDS_BUNDLE === '0') return modules(libDir, 'HQDS_BUNDLE=0');
  const bundleFile = path.join(libDir, 'hqds-bundle.js');
  let meta: BundleMeta;
  let source: string;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(libDir, 'hqds-bundle.json'), 'utf8')) as BundleMeta;
    const stale = staleness(libDir, meta);
    if (stale) return modules(libDir, stale);
    source = fs.readFileSync(bundleFile, 'utf8');
    if (!source.startsWith(`// hqds bundle ${meta.hash}:`))
      return modules(libDir, 'the bundle and its list differ');
  } catch {
    return modules(libDir, 'no bundle (npm run prepare makes it)');
  }
  const dir = opts.cacheDir !== undefined ? opts.cacheDir : cacheDir(env);
  // Code compiled by another Node or for another machine is refused by V8 itself; the name keeps them apart.
  const cacheFile = dir && path.join(dir, `hqds-${meta.hash}-${process.version}-${process.arch}.v8cache`);
  const cachedData = cacheFile ? readOwn(cacheFile) : undefined;
  const script = new vm.Script(source, { filename: bundleFile, cachedData });
  const make = script.runInThisContext() as (
    lib: string,
    requireFrom: typeof createRequire,
    p: typeof path,
  ) => (id: string) => unknown;
  const { main } = make(libDir, createRequire, path)(meta.entry) as { main: Main };
  const used = cachedData !== undefined && !script.cachedDataRejected;
  // The kept code holds what the runs that wrote it compiled. A command not among them (a check
  // after a build) writes it again once, with its own code added: V8 writes out all it has compiled.
  const command = opts.command && /^[a-z][a-z-]{0,20}$/.test(opts.command) ? opts.command : 'other';
  const seen =
    used && cacheFile ? (readOwn(`${cacheFile}.commands`)?.toString('utf8').split('\n') ?? []) : [];
  return {
    main,
    how: used ? 'bundle+cache' : 'bundle',
    saveCache() {
      if (!cacheFile || !dir || (used && seen.includes(command))) return;
      try {
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeWhole(cacheFile, data);
        writeWhole(`${cacheFile}.commands`, [...seen, command].join('\n'));
        pruneCache(dir);
      } catch {
        // No cache this time: the next run compiles the bundle again.
      }
    },
  };
}
