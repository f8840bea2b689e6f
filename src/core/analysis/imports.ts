import ts from 'typescript';
import { memoized, nodeMemo } from './node-memo';

/** A local name bound to something another module exports. */
export interface ImportBinding {
  local: string;
  module: string;
  /** 'default', '*' (namespace or whole CJS module), or the exported name. */
  imported: string;
  node: ts.Node;
}

/**
 * Collects ESM imports, `import x = require()` and top-level CJS requires
 * (`const x = require('m')`, `const { a, b: c } = require('m')`, `const x = require('m').y`).
 */
export function collectImports(sourceFile: ts.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  const add = (local: string, module: string, imported: string, node: ts.Node): void => {
    bindings.set(local, { local, module, imported, node });
  };

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) add(clause.name.text, module, 'default', clause);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) add(named.name.text, module, '*', named);
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          add(element.name.text, module, (element.propertyName ?? element.name).text, element);
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
        add(statement.name.text, reference.expression.text, '*', statement);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        collectRequire(declaration, add);
      }
    }
  }
  return bindings;
}

function collectRequire(
  declaration: ts.VariableDeclaration,
  add: (local: string, module: string, imported: string, node: ts.Node) => void,
): void {
  const init = declaration.initializer;
  if (!init) return;
  let module = requiredModule(init);
  let member: string | undefined;
  if (!module && ts.isPropertyAccessExpression(init)) {
    module = requiredModule(init.expression);
    member = init.name.text;
  }
  if (!module) return;
  if (ts.isIdentifier(declaration.name)) {
    add(declaration.name.text, module, member ?? '*', declaration);
  } else if (ts.isObjectBindingPattern(declaration.name) && !member) {
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      add(element.name.text, module, imported, element);
    }
  }
}

/** `require('m')` → 'm'. */
export function requiredModule(node: ts.Node): string | undefined {
  if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1
  ) {
    const arg = node.arguments[0];
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

const importsBySource = nodeMemo<ts.SourceFile, Map<string, ImportBinding>>('imports of a file');

/** The imports of another (cached, immutable) parse, collected once per parse whoever asks. */
export function importsOf(sourceFile: ts.SourceFile): Map<string, ImportBinding> {
  return memoized(importsBySource, sourceFile, collectImports);
}
