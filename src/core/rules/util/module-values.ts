import ts from 'typescript';
import { memoized, nodeMemo } from '../../analysis/node-memo';
import { isFunctionLike, unwrapExpression } from '../../analysis/syntax';

/**
 * What a module's top level and exports hold, read from its syntax: the function behind
 * `export default handleError`, `module.exports = { create }`, `exports.list = asyncHandler(…)`.
 */

/** A top-level function, class or variable initializer of a file, by name. */
export function topLevelValue(sourceFile: ts.SourceFile, name: string): ts.Node | undefined {
  return memoized(topLevelValues, sourceFile, indexTopLevelValues).get(name);
}

/** Indexed once per parse: handlers call into the same few services, often in files of hundreds of statements. */
const topLevelValues = nodeMemo<ts.SourceFile, Map<string, ts.Node>>('top-level values of a file');

function indexTopLevelValues(sourceFile: ts.SourceFile): Map<string, ts.Node> {
  const values = new Map<string, ts.Node>();
  const add = (name: string, value: () => ts.Node): void => {
    if (!values.has(name)) values.set(name, value());
  };
  for (const statement of sourceFile.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) add(statement.name.text, () => statement);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && initializer) add(declaration.name.text, () => unwrapWrapper(initializer));
      }
    }
  }
  return values;
}

/** `asyncHandler(async (input) => …)` → the inner function. */
function unwrapWrapper(expression: ts.Expression): ts.Node {
  const value = unwrapExpression(expression);
  if (ts.isCallExpression(value) && value.arguments.length > 0) {
    const last = unwrapExpression(value.arguments[value.arguments.length - 1]);
    if (isFunctionLike(last)) return last;
  }
  return value;
}

/** What a module exports under `name` (`default` included), ESM or CommonJS. */
/**
 * Where a module re-exports `name` from (a barrel: `export * from './create.js'`, `export { create as add }
 * from './users'`): each module specifier with the name the export has there. `export *` passes no default on.
 */
export function reexportsOf(sourceFile: ts.SourceFile, name: string): { specifier: string; name: string }[] {
  const found: { specifier: string; name: string }[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.exportClause;
    const element = clause && ts.isNamedExports(clause) ? clause.elements.find((candidate) => candidate.name.text === name) : undefined;
    const imported = clause ? element && (element.propertyName ?? element.name).text : name === 'default' ? undefined : name;
    if (imported) found.push({ specifier: statement.moduleSpecifier.text, name: imported });
  }
  return found;
}

export function exportedValue(sourceFile: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of sourceFile.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
      if ((isDefault && name === 'default') || statement.name?.text === name) return statement;
    }
    if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) return unwrapWrapper(declaration.initializer);
      }
    }
    if (ts.isExportAssignment(statement) && !statement.isExportEquals && name === 'default') return resolveLocal(sourceFile, statement.expression);
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        if (element.name.text === name) return topLevelValue(sourceFile, (element.propertyName ?? element.name).text);
      }
    }
    // CommonJS: `module.exports = {...}`, `module.exports.x = …`, `exports.x = …`.
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = statement.expression.left;
      const right = statement.expression.right;
      const text = left.getText(sourceFile);
      if (text === 'module.exports') {
        const value = resolveLocal(sourceFile, right);
        if (name === 'default' || name === '*') return value;
        const member = value && ts.isObjectLiteralExpression(value) ? objectMember(sourceFile, value, name) : undefined;
        if (member) return member;
      }
      if (text === `module.exports.${name}` || text === `exports.${name}`) return resolveLocal(sourceFile, right);
    }
  }
  return undefined;
}

/** A property of an object literal, followed to the module's top-level value it names. */
export function objectMember(sourceFile: ts.SourceFile, object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  for (const property of object.properties) {
    if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) || property.name.text !== name) continue;
    if (ts.isMethodDeclaration(property)) return property;
    if (ts.isPropertyAssignment(property)) return resolveLocal(sourceFile, property.initializer);
    if (ts.isShorthandPropertyAssignment(property)) return topLevelValue(sourceFile, name);
  }
  return undefined;
}

function resolveLocal(sourceFile: ts.SourceFile, expression: ts.Expression): ts.Node | undefined {
  const value = unwrapExpression(expression);
  if (ts.isIdentifier(value)) return topLevelValue(sourceFile, value.text);
  return unwrapWrapper(value);
}
