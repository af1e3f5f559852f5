/**
 * What the task pane's first chunk may hold, counted from the source: the modules src/taskpane/index.tsx
 * reaches through static value imports (webpack puts each of them in taskpane.js; `import type` is
 * erased and `import()` starts an on-demand chunk). Quick enough for every `npm test`; the gzip
 * budget itself is checked on each production build (webpack.config.js, BundleBudgetPlugin).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');

/** Static value imports and re-exports of one file; type-only ones are left out, as the compiler erases them. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

/** Every src file and npm package the entry reaches statically, each with the chain that brings it in. */
function firstChunk(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of valueImports(file)) {
      const target = spec.startsWith('.')
        ? resolveLocal(file, spec)
        : spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0];
      if (!target || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      if (target.startsWith('/')) queue.push(target);
    }
  }
  return seen;
}

const rel = (chain: string[]) =>
  chain.map((f) => (f.startsWith('/') ? path.relative(ROOT, f) : f)).join(' → ');
const reached = firstChunk(path.join(ROOT, 'src/taskpane/index.tsx'));

test.each([
  ['zod', 'profiles from outside are checked on demand (profile-store-decode.ts, 「新格式」)'],
  ['@e965/xlsx', 'SheetJS loads when a file is imported'],
  ['exceljs', 'not used by the pane'],
  ['jszip', 'the Word reader loads on demand'],
  ['@xmldom/xmldom', 'the Word reader loads on demand'],
  ['@fluentui/react-icons', 'icons come through the components that draw them, no icon package of our own'],
])('the pane first chunk does not take %s (%s)', (pkg) => {
  const chain = reached.get(pkg);
  expect(chain ? rel(chain) : null).toBeNull();
});

test.each([
  ['src/core/learn.ts', '「新格式」 is a lazy tab'],
  ['src/core/profile.ts', 'the zod schema'],
  ['src/io/read.ts', 'readers load when a file is imported'],
  ['src/io/template.ts', 'templates load in 「新格式」'],
  ['src/taskpane/components/ImportTab.tsx', 'a lazy tab'],
  ['src/taskpane/components/EnterTab.tsx', 'a lazy tab'],
  ['src/taskpane/components/BuildTab.tsx', 'a lazy tab'],
  ['src/taskpane/components/LearnTab.tsx', 'a lazy tab'],
])('the pane first chunk does not take %s (%s)', (file) => {
  const chain = reached.get(path.join(ROOT, file));
  expect(chain ? rel(chain) : null).toBeNull();
});

test('the walk sees the first chunk: the pane, the adapter, React and Fluent are in it', () => {
  for (const f of ['src/taskpane/App.tsx', 'src/excel/adapter.ts', 'src/core/engine.ts'])
    expect(reached.has(path.join(ROOT, f))).toBe(true);
  for (const p of ['react', 'react-dom', '@fluentui/react-components']) expect(reached.has(p)).toBe(true);
});
