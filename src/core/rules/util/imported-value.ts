import ts from 'typescript';
import { requiredModule, type ImportBinding } from '../../analysis/imports';
import { isFunctionLike, unwrapExpression, type FunctionLike } from '../../analysis/syntax';
import { localFunction } from './local-binding';
import type { FileAnalysis } from '../../analysis/types';
import type { RuleContext } from '../../lint/rule';
import { exportedValue, objectMember, reexportsOf, topLevelValue } from './module-values';

/** How many barrels (`export * from './create.js'`) to look through. */
const MAX_REEXPORTS = 3;

/**
 * What an import binds to in a project module (`import handleError from './error_handler'`,
 * `const { schemas } = require('./docs')`), read from that module's syntax, through barrels that
 * re-export it; undefined for packages.
 */
export function importedValue(ctx: RuleContext, binding: Pick<ImportBinding, 'module' | 'imported'>, fromFile: string, depth = 0): ts.Node | undefined {
  const path = ctx.resolveModule(binding.module, fromFile);
  const target = path ? ctx.sourceFileOf(path) : undefined;
  if (!path || !target) return undefined;
  const name = binding.imported === '*' ? 'default' : binding.imported;
  const direct = exportedValue(target, name);
  if (direct || depth >= MAX_REEXPORTS) return direct;
  for (const reexport of reexportsOf(target, name)) {
    const found = importedValue(ctx, { module: reexport.specifier, imported: reexport.name }, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a name or a member of an imported module holds, read from the project module that defines
 * it: `createUser` from `import { createUser } from './user.validation'`, `userValidation.createUser`
 * with `userValidation` a namespace import, a CommonJS module or a barrel's `module.exports.userValidation =
 * require('./user.validation')`. Undefined for packages, locals and anything else.
 */
export function importedMemberValue(ctx: RuleContext, analysis: Pick<FileAnalysis, 'imports' | 'sourceFile'>, expression: ts.Expression): ts.Node | undefined {
  const fromFile = analysis.sourceFile.fileName;
  if (ts.isIdentifier(expression)) {
    const binding = analysis.imports.get(expression.text);
    return binding && importedValue(ctx, binding, fromFile);
  }
  if (!ts.isPropertyAccessExpression(expression) || !ts.isIdentifier(expression.expression)) return undefined;
  const binding = analysis.imports.get(expression.expression.text);
  if (!binding) return undefined;
  const member = expression.name.text;
  if (binding.imported === '*' || binding.imported === 'default') {
    const exported = importedValue(ctx, { module: binding.module, imported: member }, fromFile);
    if (exported) return exported;
  }
  const whole = importedValue(ctx, binding, fromFile);
  const required = whole && requiredModule(whole);
  if (required) return importedValue(ctx, { module: required, imported: member }, whole.getSourceFile().fileName);
  if (whole && ts.isObjectLiteralExpression(whole)) return objectMember(whole.getSourceFile(), whole, member);
  return undefined;
}

/**
 * The function a callee names in this file or imports from a project module: `handleError` of `import { handleError }
 * from './errors'`, and a method of the class the call is written in or of the class it extends (`this.ok(res, …)`).
 */
export function projectFunction(ctx: RuleContext, callee: ts.Expression): FunctionLike | undefined {
  const local = localFunction(callee);
  if (local) return local;
  const value = unwrapExpression(callee);
  if (ts.isPropertyAccessExpression(value) && value.expression.kind === ts.SyntaxKind.ThisKeyword) return ownMethod(ctx, value);
  const imported = ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) ? importedMemberValue(ctx, ctx.analysis, value) : undefined;
  return imported && isFunctionLike(imported) ? imported : undefined;
}

/** `this.ok` inside a class: its own member, else one of the class it extends (in this file or imported). */
function ownMethod(ctx: RuleContext, access: ts.PropertyAccessExpression): FunctionLike | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  for (let depth = 0; cls && ts.isClassLike(cls) && depth < 4; depth++) {
    const member = cls.members.find((candidate) => candidate.name && ts.isIdentifier(candidate.name) && candidate.name.text === access.name.text);
    if (member && ts.isMethodDeclaration(member)) return member;
    const initializer = member && ts.isPropertyDeclaration(member) && member.initializer ? unwrapExpression(member.initializer) : undefined;
    if (initializer && isFunctionLike(initializer)) return initializer;
    if (member) return undefined;
    const base: ts.Expression | undefined = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base || !ts.isIdentifier(base)) return undefined;
    const binding: ImportBinding | undefined = cls.getSourceFile() === ctx.sourceFile ? ctx.analysis.imports.get(base.text) : undefined;
    cls = binding ? importedValue(ctx, binding, ctx.fileName) : topLevelValue(cls.getSourceFile(), base.text);
  }
  return undefined;
}
