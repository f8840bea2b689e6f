import ts from 'typescript';
import { nodeMemo } from '../../analysis/node-memo';
import { isCallable } from './module-summary';

const blockScopes = nodeMemo<ts.Node, Map<string, ts.Node>>('declarations of a block');
let resolvedIdentifiers = nodeMemo<ts.Node, ts.Node | null>('declaration of an identifier');

/** Forgets every remembered resolution: an incremental parse reuses identifiers under new (possibly shadowing) scopes. */
export function forgetResolvedIdentifiers(): void {
  resolvedIdentifiers = nodeMemo('declaration of an identifier');
}

/**
 * The node that declares `name` as seen from `from`, found by walking the enclosing scopes:
 * a variable / binding element, function, class, enum, import, parameter or loop variable.
 * Syntax only, so `var` hoisting out of nested blocks is not modelled.
 */
export function findDeclaration(name: string, from: ts.Node): ts.Node | undefined {
  // Identifiers are looked up again every time the code they sit in runs: remember the answer.
  const cacheable = ts.isIdentifier(from) && from.text === name;
  if (cacheable) {
    const cached = resolvedIdentifiers.get(from);
    if (cached !== undefined) return cached ?? undefined;
  }
  const found = lookup(name, from);
  if (cacheable) resolvedIdentifiers.set(from, found ?? null);
  return found;
}

function lookup(name: string, from: ts.Node): ts.Node | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (isCallable(scope)) {
      for (const parameter of scope.parameters) {
        const found = bindingNamed(parameter.name, name, parameter);
        if (found) return found;
      }
      if (ts.isFunctionExpression(scope) && scope.name?.text === name) return scope;
    } else if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
      const found = statementScope(scope).get(name);
      if (found) return found;
    } else if ((ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      for (const declaration of scope.initializer.declarations) {
        const found = bindingNamed(declaration.name, name, declaration);
        if (found) return found;
      }
    } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
      const found = bindingNamed(scope.variableDeclaration.name, name, scope.variableDeclaration);
      if (found) return found;
    } else if (ts.isClassExpression(scope) && scope.name?.text === name) {
      return scope;
    }
  }
  return undefined;
}

function statementScope(scope: ts.SourceFile | ts.Block | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause): Map<string, ts.Node> {
  const cached = blockScopes.get(scope);
  if (cached) return cached;
  const names = new Map<string, ts.Node>();
  const add = (name: string, node: ts.Node): void => {
    if (!names.has(name)) names.set(name, node);
  };
  for (const statement of scope.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBindingNames(declaration.name, declaration, add);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      add(statement.name.text, statement);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) add(clause.name.text, clause);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name.text, bindings);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) add(element.name.text, element);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      add(statement.name.text, statement);
    }
  }
  blockScopes.set(scope, names);
  return names;
}

function addBindingNames(name: ts.BindingName, declaration: ts.Node, add: (name: string, node: ts.Node) => void): void {
  if (ts.isIdentifier(name)) {
    add(name.text, declaration);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBindingNames(element.name, element, add);
  }
}

function bindingNamed(name: ts.BindingName, wanted: string, declaration: ts.Node): ts.Node | undefined {
  if (ts.isIdentifier(name)) return name.text === wanted ? declaration : undefined;
  for (const element of name.elements) {
    if (!ts.isBindingElement(element)) continue;
    const found = bindingNamed(element.name, wanted, element);
    if (found) return found;
  }
  return undefined;
}

/** The function whose activation owns a declaration (undefined for the module's top level). */
export function owningCallable(node: ts.Node): ts.Node | undefined {
  if (ts.isParameter(node)) return node.parent;
  for (let current = node.parent; current; current = current.parent) {
    if (isCallable(current)) return current;
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}
