import { Node, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { applyEdits, type TextEdit } from '../../model/edit';
import { ScaffoldConflictError } from '../errors';
import { quoteString, type FormattingStyle } from '../formatting';
import { commaListInsertions, type CommaList } from './comma-list';
import { formattingOf } from './file-style';
import { importInsertionPoint } from './import-position';
import { collectModuleReferences, topLevelBindings, type ModuleReference } from './module-references';
import { insertStatementText, replaceNodeText } from './statement-insertion';

/** Resolves a module specifier used in `fromFile` to the absolute path of the file it loads. */
export type ModuleResolver = (specifier: string, fromFile: string) => string | undefined;

export interface NamedImport {
  name: string;
  /** Local name, when it must differ from `name`. */
  alias?: string;
  typeOnly?: boolean;
}

export interface ImportSpec {
  moduleSpecifier: string;
  defaultImport?: string;
  namedImports?: ReadonlyArray<string | NamedImport>;
  namespaceImport?: string;
  /** `import type …`; an existing value import satisfies it too. */
  typeOnly?: boolean;
  /** Write `const { a } = require('m')` (CommonJS JavaScript) instead of `import`. */
  cjs?: boolean;
  /**
   * Lets an import through a different specifier of the same file count (`@/errors` and
   * `../errors/index.js`). Without it specifiers are compared as written.
   */
  resolve?: ModuleResolver;
}

/** The local names to use in generated code: existing bindings are reused, aliases included. */
export interface ImportResult {
  changed: boolean;
  defaultImport?: string;
  namespaceImport?: string;
  /** Exported name → local name. */
  named: Record<string, string>;
}

/**
 * Makes `spec`'s bindings available in the file, idempotently: a binding that already exists
 * (under any local name, through any specifier the resolver maps to the same file, as import or
 * require) is reused; missing names are merged into an existing declaration of the module; only
 * then is a new declaration added, after the last import. A name already taken by something
 * else is a conflict, never a silent shadow.
 */
export function ensureImport(sourceFile: SourceFile, spec: ImportSpec): ImportResult {
  const wanted = (spec.namedImports ?? []).map((item): NamedImport => (typeof item === 'string' ? { name: item } : item));
  if (spec.cjs && (spec.typeOnly || wanted.some((item) => item.typeOnly))) {
    throw new Error(`ensureImport: type-only imports of '${spec.moduleSpecifier}' have no CommonJS form`);
  }
  const filePath = sourceFile.getFilePath();
  const resolved = new Map<string, string | undefined>();
  const resolve = (specifier: string): string | undefined => {
    if (!resolved.has(specifier)) resolved.set(specifier, spec.resolve?.(specifier, filePath));
    return resolved.get(specifier);
  };
  const target = resolve(spec.moduleSpecifier);
  const references = (): ModuleReference[] =>
    collectModuleReferences(sourceFile).filter(
      (reference) => reference.specifier === spec.moduleSpecifier || (target !== undefined && resolve(reference.specifier) === target),
    );

  const result: ImportResult = { changed: false, named: {} };
  if (spec.defaultImport === undefined && spec.namespaceImport === undefined && wanted.length === 0) {
    return ensureSideEffectImport(sourceFile, spec, references());
  }

  // Reuse what is there, turning type-only bindings into value bindings where values are asked for.
  const valueWanted = (item?: NamedImport): boolean => !spec.typeOnly && !item?.typeOnly;
  if (spec.defaultImport !== undefined) {
    const found = references().find((reference) => reference.defaultName !== undefined);
    if (found) {
      result.defaultImport = found.defaultName;
      if (found.typeOnly && valueWanted() && found.declaration) result.changed = makeDeclarationValue(found.declaration) || result.changed;
    }
  }
  if (spec.namespaceImport !== undefined) {
    const found = references().find((reference) => reference.namespaceName !== undefined);
    if (found) {
      result.namespaceImport = found.namespaceName;
      if (found.typeOnly && valueWanted() && found.declaration) result.changed = makeDeclarationValue(found.declaration) || result.changed;
    }
  }
  for (const item of wanted) {
    const found = references().find((reference) => reference.named.some((binding) => binding.name === item.name));
    if (!found) continue;
    const binding = found.named.find((candidate) => candidate.name === item.name)!;
    result.named[item.name] = binding.local;
    if (valueWanted(item) && found.declaration && (found.typeOnly || binding.typeOnly)) {
      result.changed = makeSpecifierValue(found.declaration, item.name) || result.changed;
    }
  }

  const missingNamed = wanted.filter((item) => result.named[item.name] === undefined);
  const missingDefault = spec.defaultImport !== undefined && result.defaultImport === undefined ? spec.defaultImport : undefined;
  const missingNamespace = spec.namespaceImport !== undefined && result.namespaceImport === undefined ? spec.namespaceImport : undefined;
  if (missingNamed.length === 0 && missingDefault === undefined && missingNamespace === undefined) return result;

  refuseTakenNames(sourceFile, spec.moduleSpecifier, [
    ...missingNamed.map((item) => ({ imported: item.name, local: item.alias ?? item.name })),
    ...(missingDefault !== undefined ? [{ imported: 'the default export', local: missingDefault }] : []),
    ...(missingNamespace !== undefined ? [{ imported: 'the module namespace', local: missingNamespace }] : []),
  ]);

  const style = formattingOf(sourceFile);
  let remainingNamed = missingNamed;
  let remainingDefault = missingDefault;
  if (spec.cjs) {
    remainingNamed = mergeIntoRequire(references(), remainingNamed, style);
  } else {
    remainingNamed = mergeNamedIntoImport(references(), remainingNamed, spec, style);
    if (remainingDefault !== undefined && !spec.typeOnly && addDefaultToImport(references(), remainingDefault)) {
      remainingDefault = undefined;
    }
  }

  const lines = spec.cjs
    ? requireLines(spec.moduleSpecifier, remainingDefault, missingNamespace, remainingNamed, style, keywordOf(sourceFile))
    : importLines(spec.moduleSpecifier, remainingDefault, missingNamespace, remainingNamed, spec.typeOnly ?? false, style);
  if (lines.length > 0) {
    const position = importInsertionPoint(sourceFile, spec.cjs ?? false);
    insertStatementText(sourceFile, position.index, lines.join('\n'), { blankLineAfter: position.blankLineAfter });
  }

  for (const item of missingNamed) result.named[item.name] = item.alias ?? item.name;
  if (missingDefault !== undefined) result.defaultImport = missingDefault;
  if (missingNamespace !== undefined) result.namespaceImport = missingNamespace;
  result.changed = true;
  return result;
}

function ensureSideEffectImport(sourceFile: SourceFile, spec: ImportSpec, references: ModuleReference[]): ImportResult {
  const loaded = references.some(
    (reference) => reference.kind === 'bare-require' || (reference.kind === 'import' && !reference.typeOnly && !reference.declaration?.getImportClause()),
  );
  if (loaded) return { changed: false, named: {} };
  const style = formattingOf(sourceFile);
  const semicolon = style.semicolons ? ';' : '';
  const specifier = quoteString(spec.moduleSpecifier, style.quote);
  const position = importInsertionPoint(sourceFile, spec.cjs ?? false);
  const line = spec.cjs ? `require(${specifier})${semicolon}` : `import ${specifier}${semicolon}`;
  insertStatementText(sourceFile, position.index, line, { blankLineAfter: position.blankLineAfter });
  return { changed: true, named: {} };
}

function refuseTakenNames(sourceFile: SourceFile, moduleSpecifier: string, names: { imported: string; local: string }[]): void {
  const bindings = topLevelBindings(sourceFile);
  for (const { imported, local } of names) {
    const holder = bindings.get(local);
    if (!holder) continue;
    const path = sourceFile.getFilePath();
    throw new ScaffoldConflictError(
      path,
      `Cannot import ${imported} of '${moduleSpecifier}' as ${local} in ${path}: line ${holder.getStartLineNumber()} already declares ${local}. Rename it or import under another name.`,
    );
  }
}

/** `import type { A, B }` → `import { A, type B }` when A is needed as a value. */
function makeSpecifierValue(declaration: ImportDeclaration, name: string): boolean {
  if (declaration.isTypeOnly()) {
    if (declaration.getDefaultImport()) return false;
    const others = declaration.getNamedImports().filter((specifier) => specifier.getName() !== name);
    declaration.setIsTypeOnly(false);
    for (const specifier of others) specifier.setIsTypeOnly(true);
    return true;
  }
  const specifier = declaration.getNamedImports().find((candidate) => candidate.getName() === name);
  if (!specifier?.isTypeOnly()) return false;
  specifier.setIsTypeOnly(false);
  return true;
}

function makeDeclarationValue(declaration: ImportDeclaration): boolean {
  if (!declaration.isTypeOnly()) return false;
  declaration.setIsTypeOnly(false);
  return true;
}

/** Merges names into an existing `import { … } from` of the module; returns what is left. */
function mergeNamedIntoImport(references: ModuleReference[], names: NamedImport[], spec: ImportSpec, style: FormattingStyle): NamedImport[] {
  if (names.length === 0) return names;
  const imports = references.filter((reference) => reference.kind === 'import' && reference.declaration && !reference.namespaceName);
  const withList = (reference: ModuleReference): boolean => Node.isNamedImports(reference.declaration!.getImportClause()?.getNamedBindings());
  // Type-only names go into an `import type { … }` if there is one, else inline as `type X`.
  const target = spec.typeOnly
    ? imports.find((reference) => reference.typeOnly && withList(reference)) ?? imports.find((reference) => !reference.typeOnly && withList(reference))
    : imports.find((reference) => !reference.typeOnly && withList(reference));
  const render = (item: NamedImport, inTypeOnlyDeclaration: boolean): string => {
    const typePrefix = !inTypeOnlyDeclaration && (spec.typeOnly || item.typeOnly) ? 'type ' : '';
    return `${typePrefix}${item.name}${item.alias && item.alias !== item.name ? ` as ${item.alias}` : ''}`;
  };

  if (target) {
    const declaration = target.declaration!;
    const namedImports = declaration.getImportClause()!.getNamedBindings()!;
    const list: CommaList = {
      text: declaration.getSourceFile().getFullText(),
      open: namedImports.getStart() + 1,
      close: namedImports.getEnd() - 1,
      items: declaration.getNamedImports().map((specifier) => ({ start: specifier.getStart(), end: specifier.getEnd(), key: specifier.getName() })),
    };
    const edits = commaListInsertions(list, names.map((item) => ({ text: render(item, target.typeOnly), key: item.name })), style);
    replaceWithEdits(declaration, edits);
    return [];
  }

  // `import express from 'express'` → `import express, { Router } from 'express'`
  const defaultOnly = spec.typeOnly
    ? undefined
    : imports.find((reference) => !reference.typeOnly && reference.declaration!.getDefaultImport() && !reference.declaration!.getImportClause()?.getNamedBindings());
  if (defaultOnly) {
    const defaultImport = defaultOnly.declaration!.getDefaultImport()!;
    const inner = names.map((item) => render(item, false)).join(', ');
    const braces = style.bracketSpacing ? `{ ${inner} }` : `{${inner}}`;
    replaceWithEdits(defaultOnly.declaration!, [{ start: defaultImport.getEnd(), end: defaultImport.getEnd(), newText: `, ${braces}` }]);
    return [];
  }
  return names;
}

/** `import { Router } from 'express'` → `import express, { Router } from 'express'` */
function addDefaultToImport(references: ModuleReference[], name: string): boolean {
  const target = references.find(
    (reference) => reference.kind === 'import' && !reference.typeOnly && !reference.defaultName && Node.isNamedImports(reference.declaration?.getImportClause()?.getNamedBindings()),
  );
  if (!target) return false;
  const bindings = target.declaration!.getImportClause()!.getNamedBindings()!;
  replaceWithEdits(target.declaration!, [{ start: bindings.getStart(), end: bindings.getStart(), newText: `${name}, ` }]);
  return true;
}

/** Merges names into an existing `const { … } = require('m')`; returns what is left. */
function mergeIntoRequire(references: ModuleReference[], names: NamedImport[], style: FormattingStyle): NamedImport[] {
  const target = references.find((reference) => reference.bindingPattern);
  if (names.length === 0 || !target) return names;
  const pattern = target.bindingPattern!;
  const list: CommaList = {
    text: pattern.getSourceFile().getFullText(),
    open: pattern.getStart() + 1,
    close: pattern.getEnd() - 1,
    items: pattern.getElements().map((element) => ({
      start: element.getStart(),
      end: element.getEnd(),
      key: (element.getPropertyNameNode() ?? element.getNameNode()).getText(),
      isRest: element.getDotDotDotToken() !== undefined,
    })),
  };
  const rendered = names.map((item) => ({ text: item.alias && item.alias !== item.name ? `${item.name}: ${item.alias}` : item.name, key: item.name }));
  replaceWithEdits(target.statement, commaListInsertions(list, rendered, style));
  return [];
}

function replaceWithEdits(node: Node, edits: TextEdit[]): void {
  const start = node.getStart(true);
  const local = edits.map((edit) => ({ ...edit, start: edit.start - start, end: edit.end - start }));
  replaceNodeText(node, applyEdits(node.getText(true), local));
}

function importLines(
  moduleSpecifier: string,
  defaultName: string | undefined,
  namespaceName: string | undefined,
  named: NamedImport[],
  typeOnly: boolean,
  style: FormattingStyle,
): string[] {
  const from = ` from ${quoteString(moduleSpecifier, style.quote)}${style.semicolons ? ';' : ''}`;
  const keyword = typeOnly ? 'import type' : 'import';
  const list = named.length === 0
    ? undefined
    : braces(named.map((item) => `${item.typeOnly && !typeOnly ? 'type ' : ''}${item.name}${item.alias && item.alias !== item.name ? ` as ${item.alias}` : ''}`), style);
  const lines: string[] = [];
  // A type-only import cannot have a default and named bindings together.
  if (defaultName !== undefined && list !== undefined && !typeOnly) {
    lines.push(`${keyword} ${defaultName}, ${list}${from}`);
  } else {
    if (defaultName !== undefined) lines.push(`${keyword} ${defaultName}${from}`);
    if (list !== undefined) lines.push(`${keyword} ${list}${from}`);
  }
  if (namespaceName !== undefined) lines.push(`${keyword} * as ${namespaceName}${from}`);
  return lines;
}

function requireLines(
  moduleSpecifier: string,
  defaultName: string | undefined,
  namespaceName: string | undefined,
  named: NamedImport[],
  style: FormattingStyle,
  keyword: string,
): string[] {
  const call = `require(${quoteString(moduleSpecifier, style.quote)})${style.semicolons ? ';' : ''}`;
  const lines: string[] = [];
  if (defaultName !== undefined) lines.push(`${keyword} ${defaultName} = ${call}`);
  if (namespaceName !== undefined && namespaceName !== defaultName) lines.push(`${keyword} ${namespaceName} = ${call}`);
  if (named.length > 0) {
    const list = braces(named.map((item) => (item.alias && item.alias !== item.name ? `${item.name}: ${item.alias}` : item.name)), style);
    lines.push(`${keyword} ${list} = ${call}`);
  }
  return lines;
}

function braces(items: string[], style: FormattingStyle): string {
  return style.bracketSpacing ? `{ ${items.join(', ')} }` : `{${items.join(', ')}}`;
}

/** `const`, unless the file's own requires use `var` or `let`. */
function keywordOf(sourceFile: SourceFile): string {
  const requires = collectModuleReferences(sourceFile).filter((reference) => reference.declarationKeyword);
  return requires[requires.length - 1]?.declarationKeyword ?? 'const';
}
