import { ts } from 'ts-morph';
import type { Flavour } from './types';
import { tsVersionAtLeast } from './typescript-version';

/**
 * Rewrites generated TypeScript that an older compiler or older Node typings cannot handle into
 * equivalent code they can: `node:` specifiers lose the prefix under @types/node that does not
 * declare them, and inline `type` modifiers on import / export specifiers (`import { a, type B } from 'm'`,
 * TypeScript 4.5) become a value import plus an `import type` (TypeScript 3.8). Templates keep the
 * modern form; other version-dependent constructs are branched in the templates with
 * `f.tsAtLeast(…)`.
 */
export function downlevelForTypeScript(fileName: string, text: string, flavour: Pick<Flavour, 'typescriptVersion' | 'nodeTypes' | 'esLibYear'>): string {
  let result = withShims(fileName, text, flavour);
  if (flavour.nodeTypes && !flavour.nodeTypes.nodePrefix) result = withoutNodePrefix(fileName, result);
  return splitTypeModifiers(fileName, result, flavour.typescriptVersion);
}

interface Shim {
  /** Whether the project's typings lack the API. */
  missing(flavour: Pick<Flavour, 'nodeTypes' | 'esLibYear'>): boolean;
  /** The code uses it. */
  used: RegExp;
  /** Rewrites the uses (when the shim has another name). */
  rename?: [RegExp, string];
  /** An import of it to drop (`randomUUID` from node:crypto). */
  dropImport?: { module: RegExp; name: string };
  /** Lines added after the imports. */
  code: string[];
  /** Imports the code needs. */
  imports?: string[];
}

/**
 * Node and ES APIs generated code uses that older typings do not declare (the running Node has
 * them; the compiler does not know): a local equivalent is written into the file instead.
 */
const SHIMS: Shim[] = [
  {
    // randomUUID: @types/node 14.17 / 15.6.
    missing: (f) => f.nodeTypes !== undefined && f.nodeTypes.major < 16,
    used: /\brandomUUID\(/,
    dropImport: { module: /^(node:)?crypto$/, name: 'randomUUID' },
    imports: ["import { randomBytes } from 'node:crypto';"],
    code: [
      '/** A random (version 4) UUID; crypto.randomUUID is not in this project\'s Node typings. */',
      'function randomUUID(): string {',
      '  const bytes = randomBytes(16);',
      '  bytes[6] = (bytes[6] & 0x0f) | 0x40;',
      '  bytes[8] = (bytes[8] & 0x3f) | 0x80;',
      "  const hex = bytes.toString('hex');",
      '  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;',
      '}',
    ],
  },
  {
    // structuredClone: @types/node 17.
    missing: (f) => f.nodeTypes !== undefined && f.nodeTypes.major < 17,
    used: /\bstructuredClone\(/,
    rename: [/\bstructuredClone\(/g, 'cloneRecord('],
    code: [
      '/** A deep copy of plain JSON data (structuredClone is not in this project\'s Node typings). */',
      'function cloneRecord<T>(value: T): T {',
      '  return JSON.parse(JSON.stringify(value)) as T;',
      '}',
    ],
  },
  {
    // The performance global: @types/node 16.
    missing: (f) => f.nodeTypes !== undefined && f.nodeTypes.major < 16,
    used: /\bperformance\.now\(/,
    imports: ["import { performance } from 'node:perf_hooks';"],
    code: [],
  },
  {
    // Object.fromEntries: lib es2019.
    missing: (f) => f.esLibYear !== undefined && f.esLibYear < 2019,
    used: /\bObject\.fromEntries\(/,
    rename: [/\bObject\.fromEntries\(/g, 'objectFromEntries('],
    code: [
      '/** Object.fromEntries (ES2019, beyond this project\'s `lib`). */',
      'function objectFromEntries<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {',
      '  const result: Record<string, V> = {};',
      '  for (const [key, value] of entries) result[key] = value;',
      '  return result;',
      '}',
    ],
  },
];

function withShims(fileName: string, text: string, flavour: Pick<Flavour, 'nodeTypes' | 'esLibYear'>): string {
  const present = (shim: Shim): boolean => shim.code.some((line) => line.startsWith('function ') && text.includes(line));
  const shims = SHIMS.filter((shim) => shim.missing(flavour) && shim.used.test(text) && !present(shim));
  if (shims.length === 0) return text;
  let result = text;
  for (const shim of shims) {
    if (shim.rename) result = result.replace(shim.rename[0], shim.rename[1]);
    if (shim.dropImport) result = dropNamedImport(fileName, result, shim.dropImport.module, shim.dropImport.name);
  }
  const sourceFile = ts.createSourceFile(fileName, result, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = sourceFile.statements.filter((statement) => ts.isImportDeclaration(statement));
  const importEnd = imports.length > 0 ? imports[imports.length - 1].end : 0;
  const importTexts = imports.map((statement) => statement.getText(sourceFile));
  const bound = (line: string): boolean => {
    const name = /\{\s*(\w+)\s*\}/.exec(line)?.[1];
    return name !== undefined && importTexts.some((existing) => new RegExp(`[{,]\\s*${name}\\s*[,}]`).test(existing));
  };
  const newImports = [...new Set(shims.flatMap((shim) => shim.imports ?? []))].filter((line) => !bound(line));
  const code = shims.filter((shim) => shim.code.length > 0).map((shim) => shim.code.join('\n'));
  const before = result.slice(0, importEnd);
  const after = result.slice(importEnd);
  const importText = newImports.length > 0 ? `${importEnd > 0 ? '\n' : ''}${newImports.join('\n')}${importEnd > 0 ? '' : '\n'}` : '';
  const codeText = code.length > 0 ? `\n\n${code.join('\n\n')}` : '';
  return `${before}${importText}${codeText}${after}`;
}

/** Removes `name` from a named import of a module matching `module` (the whole import when it was the only one). */
function dropNamedImport(fileName: string, text: string, module: RegExp, name: string): string {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !module.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const element = bindings.elements.find((candidate) => candidate.name.text === name);
    if (!element) continue;
    const rest = bindings.elements.filter((candidate) => candidate !== element);
    if (rest.length === 0 && !statement.importClause?.name) {
      const end = text[statement.end] === '\n' ? statement.end + 1 : statement.end;
      return text.slice(0, statement.getStart(sourceFile)) + text.slice(end);
    }
    const replacement = rest.length === 0 ? '' : `{ ${rest.map((candidate) => candidate.getText(sourceFile)).join(', ')} }`;
    const start = bindings.getStart(sourceFile);
    const edited = text.slice(0, start) + replacement + text.slice(bindings.end);
    return rest.length === 0 ? edited.replace(/,\s*from/, ' from') : edited;
  }
  return text;
}

/** `from 'node:crypto'` → `from 'crypto'` for typings that do not declare the `node:` specifiers (the same modules at run time). */
function withoutNodePrefix(fileName: string, text: string): string {
  if (!text.includes('node:')) return text;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of sourceFile.statements) {
    const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier) && /^node:(?!test$)/.test(specifier.text)) {
      const start = specifier.getStart(sourceFile) + 1;
      edits.push({ start, end: start + 'node:'.length, text: '' });
    }
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function splitTypeModifiers(fileName: string, text: string, typescriptVersion: string | undefined): string {
  if (tsVersionAtLeast(typescriptVersion, '4.5') || !/\btype\s+[A-Za-z_$]/.test(text)) return text;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of sourceFile.statements) {
    const replacement = ts.isImportDeclaration(statement) ? splitImport(statement, sourceFile) : ts.isExportDeclaration(statement) ? splitExport(statement, sourceFile) : undefined;
    if (replacement !== undefined) edits.push({ start: statement.getStart(sourceFile), end: statement.end, text: replacement });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function specifierText(element: ts.ImportSpecifier | ts.ExportSpecifier, sourceFile: ts.SourceFile): string {
  const name = element.name.getText(sourceFile);
  return element.propertyName ? `${element.propertyName.getText(sourceFile)} as ${name}` : name;
}

function splitImport(declaration: ts.ImportDeclaration, sourceFile: ts.SourceFile): string | undefined {
  const clause = declaration.importClause;
  const bindings = clause?.namedBindings;
  if (!clause || clause.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) return undefined;
  const types = bindings.elements.filter((element) => element.isTypeOnly);
  if (types.length === 0) return undefined;
  const values = bindings.elements.filter((element) => !element.isTypeOnly);
  const from = declaration.moduleSpecifier.getText(sourceFile);
  const semicolon = declaration.getText(sourceFile).trimEnd().endsWith(';') ? ';' : '';
  const typeLine = `import type { ${types.map((element) => specifierText(element, sourceFile)).join(', ')} } from ${from}${semicolon}`;
  const defaultName = clause.name?.getText(sourceFile);
  if (values.length === 0 && defaultName === undefined) return typeLine;
  const valueParts = [...(defaultName === undefined ? [] : [defaultName]), ...(values.length === 0 ? [] : [`{ ${values.map((element) => specifierText(element, sourceFile)).join(', ')} }`])];
  return `import ${valueParts.join(', ')} from ${from}${semicolon}\n${typeLine}`;
}

function splitExport(declaration: ts.ExportDeclaration, sourceFile: ts.SourceFile): string | undefined {
  const clause = declaration.exportClause;
  if (declaration.isTypeOnly || !clause || !ts.isNamedExports(clause)) return undefined;
  const types = clause.elements.filter((element) => element.isTypeOnly);
  if (types.length === 0) return undefined;
  const values = clause.elements.filter((element) => !element.isTypeOnly);
  const from = declaration.moduleSpecifier ? ` from ${declaration.moduleSpecifier.getText(sourceFile)}` : '';
  const semicolon = declaration.getText(sourceFile).trimEnd().endsWith(';') ? ';' : '';
  const typeLine = `export type { ${types.map((element) => specifierText(element, sourceFile)).join(', ')} }${from}${semicolon}`;
  if (values.length === 0) return typeLine;
  return `export { ${values.map((element) => specifierText(element, sourceFile)).join(', ')} }${from}${semicolon}\n${typeLine}`;
}
