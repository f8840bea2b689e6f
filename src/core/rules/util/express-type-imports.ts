import ts from 'typescript';
import type { ImportBinding } from '../../analysis/imports';
import type { TextEdit } from '../../model/edit';
import { importInsertion } from './module-import';
import { quoted, semi, sourceStyle } from './source-style';

/**
 * Makes Express's types (`Request`, `Response`, `NextFunction`, …) available to inserted TypeScript:
 * reuses existing imports (under their local names), else merges the missing names into the file's
 * `import … from 'express'`, else qualifies them through a default / namespace binding
 * (`express.Request`), else adds `import type { … } from 'express'`. Never duplicates an import.
 */
export interface ExpressTypesPlan {
  /** Exported type name → the text to write for it in this file. */
  names: Record<string, string>;
  edits: TextEdit[];
}

export function planExpressTypes(
  sourceFile: ts.SourceFile,
  imports: ReadonlyMap<string, ImportBinding>,
  wanted: readonly string[],
  options: { inlineTypeModifiers: boolean },
): ExpressTypesPlan {
  const names: Record<string, string> = {};
  const missing: string[] = [];
  const taken = declaredNames(sourceFile);
  let qualifier: string | undefined;
  for (const binding of imports.values()) {
    if (binding.module !== 'express') continue;
    if ((binding.imported === 'default' || binding.imported === '*') && isNamespaceLike(binding)) qualifier ??= binding.local;
  }
  for (const name of wanted) {
    const existing = [...imports.values()].find((binding) => binding.module === 'express' && binding.imported === name);
    if (existing) names[name] = existing.local;
    else missing.push(name);
  }
  if (missing.length === 0) return { names, edits: [] };

  const declaration = sourceFile.statements.find(
    (statement): statement is ts.ImportDeclaration =>
      ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'express',
  );
  const clashes = missing.some((name) => taken.has(name));
  if (clashes && qualifier) {
    for (const name of missing) names[name] = `${qualifier}.${name}`;
    return { names, edits: [] };
  }
  const local = (name: string): string => (taken.has(name) ? `Express${name}` : name);
  const specifier = (name: string, typeOnlyClause: boolean): string => {
    const alias = local(name) === name ? name : `${name} as ${local(name)}`;
    return typeOnlyClause || !options.inlineTypeModifiers ? alias : `type ${alias}`;
  };
  for (const name of missing) names[name] = local(name);

  const clause = declaration?.importClause;
  const typeOnlyClause = clause?.isTypeOnly ?? false;
  if (declaration && clause) {
    const named = clause.namedBindings;
    if (named && ts.isNamedImports(named)) {
      const list = missing.map((name) => specifier(name, typeOnlyClause)).join(', ');
      if (named.elements.length === 0) {
        return { names, edits: [{ start: named.getStart(sourceFile), end: named.getEnd(), newText: `{ ${list} }` }] };
      }
      const last = named.elements[named.elements.length - 1];
      return { names, edits: [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${list}` }] };
    }
    if (!named && clause.name && !typeOnlyClause) {
      const list = missing.map((name) => specifier(name, false)).join(', ');
      return { names, edits: [{ start: clause.name.getEnd(), end: clause.name.getEnd(), newText: `, { ${list} }` }] };
    }
  }
  if (qualifier) {
    for (const name of missing) names[name] = `${qualifier}.${name}`;
    return { names, edits: [] };
  }
  const style = sourceStyle(sourceFile);
  const list = missing.map((name) => (local(name) === name ? name : `${name} as ${local(name)}`)).join(', ');
  return { names, edits: [importInsertion(sourceFile, `import type { ${list} } from ${quoted('express', style)}${semi(style)}`)] };
}

/** A default or namespace import that can qualify types: `import express from`, `import * as express from`, `import express = require(…)`. */
function isNamespaceLike(binding: ImportBinding): boolean {
  const node = binding.node;
  return ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node);
}

/** Top-level names the file already declares or imports (so an added import must not reuse them). */
function declaredNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (binding: ts.BindingName): void => {
    if (ts.isIdentifier(binding)) names.add(binding.text);
    else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const fromExpress = ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === 'express';
      if (!clause || fromExpress) continue;
      if (clause.name) names.add(clause.name.text);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) names.add(named.name.text);
      if (named && ts.isNamedImports(named)) for (const element of named.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** Whether the project's TypeScript accepts `import { type X }` (4.5+); unknown versions are assumed recent. */
export function supportsInlineTypeModifiers(dependencies: Readonly<Record<string, string>>): boolean {
  const range = dependencies.typescript;
  if (!range) return true;
  const match = /(\d+)\.(\d+)/.exec(range);
  if (!match) return true;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 4 || (major === 4 && minor >= 5);
}
