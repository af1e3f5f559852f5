/** hqds loads lib/ as one script (scripts/bundle-cli.js) with V8's compiled code kept between runs
 *  (src/cli/bundle-loader.ts): each module behaves as Node loads it, a stale bundle or a bad cache
 *  falls back to what is there, and nothing of this can stop the command. Every run is its own
 *  Node process, as hqds runs: one process would find the script in V8's own memory instead. */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ts from 'typescript';
import { cacheDir } from '../src/cli/bundle-loader';
import { tmpDir } from './helpers/messy';

const root = path.resolve(__dirname, '..');
const dir = tmpDir();

/** src/cli/bundle-loader.ts as Node runs it, beside a driver that loads a lib and runs its main. */
function driver(): string {
  const src = fs.readFileSync(path.join(root, 'src/cli/bundle-loader.ts'), 'utf8');
  const js = ts.transpileModule(src, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  }).outputText;
  fs.writeFileSync(path.join(dir, 'bundle-loader.js'), js);
  const file = path.join(dir, 'driver.js');
  fs.writeFileSync(
    file,
    `const { loadCli } = require('./bundle-loader.js');
const cli = loadCli(process.argv[2], { command: process.env.CMD });
cli.main(process.argv.slice(3)).then((code) => {
  cli.saveCache();
  process.stdout.write(JSON.stringify({ how: cli.how, why: cli.why, code }));
});`,
  );
  return file;
}

/** A compiled tree as tsc leaves it: an entry, a helper, JSON, a require cycle, a package, a lazy require. */
function makeLib(lib: string): void {
  const put = (id: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(lib, id)), { recursive: true });
    fs.writeFileSync(path.join(lib, id), text);
  };
  put(
    'cli/main.js',
    `"use strict";
const helper_1 = require("./helper");
const data = require("../core/data.json");
const a = require("../core/a");
const zlib = require("zlib");
const later = () => Promise.resolve().then(() => require('../core/later'));
async function main(argv) {
  const facts = {
    word: helper_1.word(),
    data,
    cycle: a.fromB,
    zlib: typeof zlib.inflateRawSync,
    same: require('./helper') === helper_1,
    filename: __filename,
    dirname: __dirname,
    helperFile: helper_1.file,
    later: (await later()).value,
    argv: argv.slice(1),
    strict: (function () { return this === undefined; })(),
  };
  require('fs').writeFileSync(argv[0], JSON.stringify(facts));
  return 3;
}
exports.main = main;
`,
  );
  put('cli/helper.js', '"use strict";\nexports.word = () => "甲乙";\nexports.file = __filename;\n');
  put('core/data.json', '{ "名称": "数据集", "n": 2 }\n');
  put(
    'core/a.js',
    '"use strict";\nexports.name = "a";\nconst b = require("./b");\nexports.fromB = b.seen;\n',
  );
  put('core/b.js', '"use strict";\nconst a = require("./a");\nexports.seen = "b saw " + a.name;\n');
  put('core/later.js', '"use strict";\nexports.value = 42;\n');
  // Not required by anything: left out of the bundle.
  put('core/unused.js', '"use strict";\nthrow new Error("loaded");\n');
}

function bundle(lib: string): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bundle-cli.js'), '--lib', lib], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

function run(
  drv: string,
  lib: string,
  env: NodeJS.ProcessEnv,
  out: string,
): { how: string; why?: string; code: number; facts: Record<string, unknown> } {
  const r = spawnSync(process.execPath, [drv, lib, out, 'x'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  expect(r.stderr).toBe('');
  return { ...JSON.parse(r.stdout), facts: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

test('one script, kept code on the second run, and every module as Node loads it', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib');
  const cache = path.join(dir, 'cache');
  makeLib(lib);
  bundle(lib);
  const meta = JSON.parse(fs.readFileSync(path.join(lib, 'hqds-bundle.json'), 'utf8'));
  expect(meta.modules.map((m: { id: string }) => m.id)).toEqual([
    'cli/helper.js',
    'cli/main.js',
    'core/a.js',
    'core/b.js',
    'core/data.json',
    'core/later.js',
  ]);
  const env = { HQDS_CACHE_DIR: cache };
  const byModules = run(drv, lib, { ...env, HQDS_BUNDLE: '0' }, path.join(dir, 'm.json'));
  expect(byModules.how).toBe('modules');
  const first = run(drv, lib, env, path.join(dir, '1.json'));
  expect(first.how).toBe('bundle');
  expect(first.code).toBe(3);
  // Exactly what Node's own loading gives: paths, JSON, the cycle, packages, strict mode, a lazy require.
  expect(first.facts).toEqual(byModules.facts);
  expect(first.facts).toMatchObject({
    word: '甲乙',
    data: { 名称: '数据集', n: 2 },
    cycle: 'b saw a',
    zlib: 'function',
    same: true,
    filename: path.join(lib, 'cli', 'main.js'),
    dirname: path.join(lib, 'cli'),
    helperFile: path.join(lib, 'cli', 'helper.js'),
    later: 42,
    strict: true,
  });
  const kept = fs.readdirSync(cache).filter((f) => f.endsWith('.v8cache'));
  expect(kept).toEqual([`hqds-${meta.hash}-${process.version}-${process.arch}.v8cache`]);
  const second = run(drv, lib, env, path.join(dir, '2.json'));
  expect(second.how).toBe('bundle+cache');
  expect(second.facts).toEqual(first.facts);

  // A damaged cache is refused by V8 and written again.
  const file = path.join(cache, kept[0]);
  const size = fs.statSync(file).size;
  fs.writeFileSync(file, Buffer.alloc(size, 7));
  const third = run(drv, lib, env, path.join(dir, '3.json'));
  expect(third.how).toBe('bundle');
  expect(third.facts).toEqual(first.facts);
  expect(fs.readFileSync(file).equals(Buffer.alloc(size, 7))).toBe(false);
  expect(run(drv, lib, env, path.join(dir, '4.json')).how).toBe('bundle+cache');
});

test('kept code of other builds is pruned to the newest four when a new one is written', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib4');
  const cache = path.join(dir, 'cache4');
  makeLib(lib);
  bundle(lib);
  fs.mkdirSync(cache);
  const old = ['a', 'b', 'c', 'd', 'e'].map((x, i) => {
    const f = path.join(cache, `hqds-${x}-v0-x64.v8cache`);
    fs.writeFileSync(f, 'old');
    fs.writeFileSync(`${f}.commands`, 'check');
    fs.utimesSync(f, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    return path.basename(f);
  });
  fs.writeFileSync(path.join(cache, 'notes.txt'), 'not ours');
  expect(run(drv, lib, { HQDS_CACHE_DIR: cache }, path.join(dir, 'p.json')).how).toBe('bundle');
  const left = fs.readdirSync(cache).sort();
  // The new one and the three newest old ones; what is not ours stays.
  expect(left.filter((f) => old.includes(f))).toEqual(old.slice(2));
  // Each pruned file's list of commands goes with it.
  expect(left.filter((f) => f.endsWith('.commands')).sort()).toEqual(
    [...old.slice(2), left.find((f) => f.endsWith('.v8cache') && !old.includes(f))]
      .map((f) => `${f}.commands`)
      .sort(),
  );
  expect(left).toContain('notes.txt');
  expect(left.filter((f) => f.endsWith('.v8cache'))).toHaveLength(4);
});

test('a command the kept code has not seen writes it again once, with its own code added', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib5');
  const cache = path.join(dir, 'cache5');
  makeLib(lib);
  bundle(lib);
  const env = (cmd: string) => ({ HQDS_CACHE_DIR: cache, CMD: cmd });
  expect(run(drv, lib, env('build'), path.join(dir, 'c1.json')).how).toBe('bundle');
  const [file] = fs.readdirSync(cache).filter((f) => f.endsWith('.v8cache'));
  const kept = path.join(cache, file);
  const list = () => fs.readFileSync(`${kept}.commands`, 'utf8');
  expect(list()).toBe('build');
  // Another command: the code is used, and written again with that command listed.
  fs.utimesSync(kept, new Date(2020, 0, 1), new Date(2020, 0, 1));
  expect(run(drv, lib, env('check'), path.join(dir, 'c2.json')).how).toBe('bundle+cache');
  expect(list()).toBe('build\ncheck');
  const written = fs.statSync(kept).mtimeMs;
  expect(written).toBeGreaterThan(new Date(2021, 0, 1).getTime());
  // A command already listed writes nothing; an odd one is listed as other.
  expect(run(drv, lib, env('check'), path.join(dir, 'c3.json')).how).toBe('bundle+cache');
  expect(fs.statSync(kept).mtimeMs).toBe(written);
  run(drv, lib, env('../../x'), path.join(dir, 'c4.json'));
  expect(list()).toBe('build\ncheck\nother');
  // A refused cache starts the list again.
  fs.writeFileSync(kept, Buffer.alloc(fs.statSync(kept).size, 7));
  expect(run(drv, lib, env('learn'), path.join(dir, 'c5.json')).how).toBe('bundle');
  expect(list()).toBe('learn');
});

test('a module compiled again after the bundle (same size, new text) is loaded from lib/, not from the bundle', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib2');
  makeLib(lib);
  bundle(lib);
  const helper = path.join(lib, 'cli', 'helper.js');
  const text = fs.readFileSync(helper, 'utf8').replace('甲乙', '丙丁');
  fs.writeFileSync(helper, text);
  fs.utimesSync(helper, new Date(), new Date(Date.now() + 5000));
  const r = run(drv, lib, { HQDS_CACHE_DIR: path.join(dir, 'cache2') }, path.join(dir, 's.json'));
  expect(r.how).toBe('modules');
  expect(r.why).toMatch(/cli\/helper\.js/);
  expect(r.facts.word).toBe('丙丁');
  // No bundle at all: lib/ as tsc wrote it.
  fs.rmSync(path.join(lib, 'hqds-bundle.json'));
  expect(run(drv, lib, {}, path.join(dir, 'n.json')).how).toBe('modules');
});

test('no cache folder (HQDS_CACHE_DIR empty) or one that cannot be written: the command runs, nothing is kept', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib3');
  makeLib(lib);
  bundle(lib);
  expect(run(drv, lib, { HQDS_CACHE_DIR: '' }, path.join(dir, 'e.json')).how).toBe('bundle');
  // A file where the folder should be: mkdir fails, and the run still ends as it should.
  const blocked = path.join(dir, 'blocked');
  fs.writeFileSync(blocked, '');
  const r = run(drv, lib, { HQDS_CACHE_DIR: path.join(blocked, 'sub') }, path.join(dir, 'b.json'));
  expect(r.how).toBe('bundle');
  expect(r.code).toBe(3);
});

test('the cache folder: HQDS_CACHE_DIR, else the platform’s place for a user’s caches', () => {
  const home = () => '/home/甲';
  expect(cacheDir({ HQDS_CACHE_DIR: '/tmp/c' }, 'linux', home)).toBe('/tmp/c');
  expect(cacheDir({ HQDS_CACHE_DIR: '' }, 'linux', home)).toBeNull();
  expect(cacheDir({}, 'linux', home)).toBe(path.join('/home/甲', '.cache', 'hqds'));
  expect(cacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', home)).toBe(path.join('/x', 'hqds'));
  expect(cacheDir({}, 'darwin', home)).toBe(path.join('/home/甲', 'Library', 'Caches', 'hqds'));
  expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\甲\\AppData\\Local' }, 'win32', home)).toBe(
    path.join('C:\\Users\\甲\\AppData\\Local', 'hqds', 'cache'),
  );
  // No home folder to be found: no cache, not a failure.
  expect(
    cacheDir({}, 'linux', () => {
      throw new Error('no home');
    }),
  ).toBeNull();
});

test('the real lib/: hqds through its bundle prints what it prints through lib/’s modules', () => {
  const meta = path.join(root, 'lib', 'hqds-bundle.json');
  if (!fs.existsSync(meta)) throw new Error('lib/hqds-bundle.json is missing: run npm run prepare');
  const hqds = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'hqds.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, HQDS_CACHE_DIR: path.join(dir, 'real-cache'), ...env },
    });
  // The bundle is used (not stale): otherwise both runs below would load lib/'s modules.
  const how = spawnSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(require('./lib/cli/bundle-loader.js').loadCli('lib', { cacheDir: null }).how)`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(how.stdout).toBe('bundle');
  for (const args of [['profiles', '--json'], ['convert', '--to', 'GB', '--', '1.5TB'], ['nonsense']]) {
    const a = hqds({}, ...args);
    const b = hqds({ HQDS_BUNDLE: '0' }, ...args);
    expect({ out: a.stdout, err: a.stderr, status: a.status }).toEqual({
      out: b.stdout,
      err: b.stderr,
      status: b.status,
    });
  }
});

test('the real hqds through a pipe: a check with about a megabyte of JSON arrives whole before the process exits', async () => {
  const { writeWorkbook } = await import('../src/io/xlsx-writer');
  const cells: { r: number; c: number; v: string | number; style: string }[] = [];
  const put = (r: number, values: (string | number)[]) =>
    values.forEach((v, c) => cells.push({ r, c, v, style: 'plain' }));
  put(0, ['序号', '数据集名称', '所属行业领域', '模态', '数据量(TB)', '申报单位', '联系人', '联系电话']);
  for (let i = 1; i <= 1500; i++)
    put(i, [
      i,
      `数据集${i}`,
      '医疗卫生',
      '图片、文字',
      2,
      '单位甲',
      '张三',
      `138000${String(i).padStart(5, '0')}`,
    ]);
  const file = path.join(dir, '来件.xlsx');
  fs.writeFileSync(
    file,
    await writeWorkbook({
      styles: { plain: {} },
      sheets: [
        {
          name: '汇总表',
          role: 'summary',
          cells,
          merges: [],
          colWidths: [],
          rowHeights: {},
          validations: [],
          textColumns: [],
        },
      ],
    }),
  );
  const hqds = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'hqds.js'), ...args], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, HQDS_CACHE_DIR: path.join(dir, 'pipe-cache') },
    });
  const json = hqds('check', '--profile', 'qinghai', '--json', file);
  expect(json.stdout.length).toBeGreaterThan(1 << 20);
  const report = JSON.parse(json.stdout) as { rowsChecked: number; issues: unknown[] };
  expect(report.rowsChecked).toBe(1500);
  const text = hqds('check', '--profile', 'qinghai', file);
  const [, errors, warnings] = /错误 (\d+) 个，提示 (\d+) 个/.exec(text.stdout)!.map(Number);
  expect(report.issues).toHaveLength(errors + warnings);
  expect(text.stdout.trim().split('\n')).toHaveLength(errors + warnings + 1);
});

test('a folder where the kept-code file should be: the command runs, and no half-written file is left behind run after run', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib-folder');
  const cache = path.join(dir, 'cache-folder');
  makeLib(lib);
  bundle(lib);
  const meta = JSON.parse(fs.readFileSync(path.join(lib, 'hqds-bundle.json'), 'utf8'));
  const name = `hqds-${meta.hash}-${process.version}-${process.arch}.v8cache`;
  fs.mkdirSync(path.join(cache, name), { recursive: true });
  for (const k of [1, 2, 3]) {
    const r = run(drv, lib, { HQDS_CACHE_DIR: cache }, path.join(dir, `d${k}.json`));
    expect(r.how).toBe('bundle');
    expect(r.code).toBe(3);
  }
  expect(fs.readdirSync(cache)).toEqual([name]);
});

test('a module rewritten while the bundle is made (tsc --watch at work) is judged stale, not bundled as its older text', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib6');
  makeLib(lib);
  const helper = path.join(lib, 'cli', 'helper.js');
  // The rewrite lands just after bundle-cli reads the module's text, as a concurrent tsc's would.
  const hook = path.join(dir, 'rewrite-after-read.js');
  fs.writeFileSync(
    hook,
    `const fs = require('fs');
const read = fs.readFileSync;
let done = false;
fs.readFileSync = function (file, ...rest) {
  const out = read.call(fs, file, ...rest);
  if (!done && String(file) === ${JSON.stringify(helper)}) {
    done = true;
    fs.writeFileSync(file, String(out).replace('甲乙', '丙丁'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
  }
  return out;
};`,
  );
  const r = spawnSync(
    process.execPath,
    ['-r', hook, path.join(root, 'scripts/bundle-cli.js'), '--lib', lib],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(0);
  const got = run(drv, lib, { HQDS_CACHE_DIR: path.join(dir, 'cache6') }, path.join(dir, 'w.json'));
  expect(got.facts.word).toBe('丙丁');
  expect(got.how).toBe('modules');
});

test('kept code is read from a regular file only: a link at its name (a shared cache folder) is not followed, and is replaced', () => {
  const drv = driver();
  const lib = path.join(dir, 'lib7');
  makeLib(lib);
  bundle(lib);
  const meta = JSON.parse(fs.readFileSync(path.join(lib, 'hqds-bundle.json'), 'utf8'));
  const name = `hqds-${meta.hash}-${process.version}-${process.arch}.v8cache`;
  const real = path.join(dir, 'cache7-real');
  expect(run(drv, lib, { HQDS_CACHE_DIR: real }, path.join(dir, 'l1.json')).how).toBe('bundle');
  const shared = path.join(dir, 'cache7-shared');
  fs.mkdirSync(shared);
  fs.symlinkSync(path.join(real, name), path.join(shared, name));
  expect(run(drv, lib, { HQDS_CACHE_DIR: shared }, path.join(dir, 'l2.json')).how).toBe('bundle');
  expect(fs.lstatSync(path.join(shared, name)).isFile()).toBe(true);
  expect(run(drv, lib, { HQDS_CACHE_DIR: shared }, path.join(dir, 'l3.json')).how).toBe('bundle+cache');
});
