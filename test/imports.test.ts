import { builtinModules } from 'module';
/**
 * What each folder may import (ARCHITECTURE.md 「What each folder may import」): the engine stays
 * pure, only src/excel talks to Office.js, and nothing reaches back up the data flow.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', 'src');
// Node's own list, so a built-in such as events is never mistaken for a package.
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Allowed targets per folder: other src folders by name, packages by name (prefix match). */
const RULES: Record<string, { folders: string[]; packages: string[]; node: boolean }> = {
  core: { folders: ['core'], packages: ['zod'], node: false },
  io: {
    folders: ['core', 'io'],
    packages: ['@e965/xlsx', 'exceljs', 'jszip', '@xmldom/xmldom'],
    node: true,
  },
  excel: { folders: ['core', 'excel'], packages: [], node: false },
  taskpane: {
    folders: ['core', 'excel', 'io', 'taskpane'],
    packages: ['react', 'react-dom', '@fluentui/'],
    node: false,
  },
  cli: { folders: ['core', 'io', 'cli'], packages: ['exceljs'], node: true },
  preview: {
    folders: ['core', 'io', 'excel', 'taskpane', 'preview'],
    packages: ['react', 'react-dom', '@fluentui/'],
    node: false,
  },
  commands: { folders: ['core', 'excel', 'commands'], packages: [], node: false },
};

/**
 * Breaches known and meant to go, each with its reason; the test fails when one disappears, so the
 * list only shrinks. (Empty: the adapter's transitional import of the pane's settings is gone.)
 */
const KNOWN_BREACHES = new Set<string>([]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return files(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/** Static imports, re-exports and dynamic import() of one file. */
export function importsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Why an import breaks the folder's rule, or null when it is allowed. */
export function breach(folder: string, file: string, spec: string): string | null {
  const rule = RULES[folder];
  if (!rule) return `src/${folder} has no rule: add it to ARCHITECTURE.md and this test`;
  if (spec.startsWith('.')) {
    const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
    return rule.folders.includes(target) ? null : `imports src/${target}`;
  }
  const bare = spec.replace(/^node:/, '');
  if (NODE_BUILTINS.has(bare)) return rule.node ? null : `imports Node's ${bare}`;
  return rule.packages.some((p) => spec === p || spec.startsWith(p.endsWith('/') ? p : `${p}/`))
    ? null
    : `imports the package ${spec}`;
}

describe('imports', () => {
  it('follow ARCHITECTURE.md in every folder of src', () => {
    const breaches: string[] = [];
    for (const file of files(SRC)) {
      const folder = path.relative(SRC, file).split(path.sep)[0];
      for (const spec of importsOf(file, fs.readFileSync(file, 'utf8'))) {
        const why = breach(folder, file, spec);
        if (why) breaches.push(`${path.relative(SRC, file)}: ${why} (${spec})`);
      }
    }
    expect(breaches.filter((b) => !KNOWN_BREACHES.has(b))).toEqual([]);
    expect([...KNOWN_BREACHES].filter((b) => !breaches.includes(b))).toEqual([]);
  });

  it('catch the engine reaching for the file writer, Office.js-side code or React', () => {
    const file = path.join(SRC, 'core', 'x.ts');
    expect(breach('core', file, '../io/read')).toBe('imports src/io');
    expect(breach('core', file, '../excel/adapter')).toBe('imports src/excel');
    expect(breach('core', file, 'react')).toBe('imports the package react');
    expect(breach('core', file, 'fs')).toBe("imports Node's fs");
    expect(breach('core', file, './engine')).toBeNull();
    expect(importsOf('x.ts', "import a from './a';\nexport * from './b';\nconst c = import('./c');")).toEqual(
      ['./a', './b', './c'],
    );
  });
});
