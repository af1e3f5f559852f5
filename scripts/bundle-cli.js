#!/usr/bin/env node
// lib/ (tsc's CommonJS output) as one script for the hqds command: lib/hqds-bundle.js, and beside it
// lib/hqds-bundle.json naming every module it holds with its size and time, so that bin/hqds.js can
// tell a stale bundle (lib compiled again since) and load lib/ as it is instead.
//
// Why: a check of 1,000 rows loaded 39 modules one file at a time, and compiled each (BENCHMARKS.md).
// One script is one read and one compile, and V8 can keep its compiled code between runs
// (src/cli/bundle-loader.ts). Each module keeps its own function, exports and require, as Node
// gives it: the bundle changes how modules are found, not what they do.
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

// --lib DIR: another compiled tree (the tests bundle one of their own).
const libArg = process.argv.indexOf('--lib');
const LIB = libArg > 0 ? path.resolve(process.argv[libArg + 1]) : path.resolve(__dirname, '..', 'lib');
const ENTRY = 'cli/main.js';
const OUT = path.join(LIB, 'hqds-bundle.js');
const META = path.join(LIB, 'hqds-bundle.json');

/** The relative requires of a module as tsc writes them: require("./x") and require('../y').
 *  tsc's CommonJS output turns `await import('x')` into a require as well; the bundle runs through
 *  vm.Script, which has no loader for a real import(): with "module": "node16" or ESM output this
 *  script would have to handle import() too. */
function requiresOf(source) {
  const out = [];
  for (const m of source.matchAll(/\brequire\(\s*(["'])(\.{1,2}\/[^"']*)\1\s*\)/g)) out.push(m[2]);
  return out;
}

/** The module id (a path under lib/, with /) a relative require names, or null when none is there. */
function resolveId(fromId, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromId), spec));
  for (const id of [base, `${base}.js`, `${base}.json`, `${base}/index.js`]) {
    const file = path.join(LIB, id);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return id;
  }
  return null;
}

function collect() {
  const modules = new Map();
  const todo = [ENTRY];
  while (todo.length) {
    const id = todo.pop();
    if (modules.has(id)) continue;
    const file = path.join(LIB, id);
    // Size and time before the text: a module rewritten after this (a tsc at work) then differs
    // from what the list says, and the bundle is stale; read first, it would pass for current.
    const st = fs.statSync(file);
    const source = fs.readFileSync(file, 'utf8');
    modules.set(id, { id, source, size: st.size, mtimeMs: st.mtimeMs });
    if (!id.endsWith('.js')) continue;
    for (const spec of requiresOf(source)) {
      const dep = resolveId(id, spec);
      // A require that names nothing here is left to Node at run time (and fails there as it would).
      if (dep) todo.push(dep);
    }
  }
  return [...modules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function moduleCode({ id, source }) {
  const body = id.endsWith('.json') ? `module.exports = JSON.parse(${JSON.stringify(source)});` : source;
  // The closing brace on a line of its own: a last line comment must not swallow it.
  return `${JSON.stringify(id)}: function (exports, require, module, __filename, __dirname) {\n${body}\n},\n`;
}

const RUNTIME = `
  const cache = Object.create(null);
  function resolve(fromId, spec) {
    const parts = fromId.split('/');
    parts.pop();
    for (const p of spec.split('/')) {
      if (p === '..') parts.pop();
      else if (p !== '.' && p !== '') parts.push(p);
    }
    const base = parts.join('/');
    for (const id of [base, base + '.js', base + '.json', base + '/index.js']) if (id in defs) return id;
    return null;
  }
  function load(id) {
    const hit = cache[id];
    if (hit) return hit.exports;
    const filename = path.join(libDir, ...id.split('/'));
    const module = { id: filename, filename, exports: {}, loaded: false };
    cache[id] = module;
    let outside;
    const require = (spec) => {
      const inside = spec[0] === '.' ? resolve(id, spec) : null;
      if (inside !== null) return load(inside);
      // Packages and Node's own modules, found from the module's own place in lib/.
      return (outside ??= requireFrom(filename))(spec);
    };
    defs[id].call(module.exports, module.exports, require, module, filename, path.dirname(filename));
    module.loaded = true;
    return module.exports;
  }
  return load;
`;

function main() {
  if (!fs.existsSync(path.join(LIB, ENTRY))) {
    console.error(`bundle-cli: ${path.join(LIB, ENTRY)} is missing: run tsc -p tsconfig.cli.json first.`);
    process.exit(1);
  }
  const modules = collect();
  let code = '(function (libDir, requireFrom, path) {\n"use strict";\nconst defs = {\n';
  for (const m of modules) code += moduleCode(m);
  code += `};\n${RUNTIME}\n})\n`;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 32);
  code = `// hqds bundle ${hash}: lib/ in one script, made by scripts/bundle-cli.js. Do not edit.\n${code}`;
  fs.writeFileSync(OUT, code);
  const meta = {
    hash,
    entry: ENTRY,
    modules: modules.map(({ id, size, mtimeMs }) => ({ id, size, mtimeMs })),
  };
  fs.writeFileSync(META, `${JSON.stringify(meta, null, 1)}\n`);
  if (!process.argv.includes('--quiet'))
    console.log(`lib/hqds-bundle.js: ${modules.length} modules, ${(code.length / 1024).toFixed(0)} KB`);
}

main();
