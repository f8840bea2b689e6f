import ts from 'typescript';
import type { ImportBinding } from '../../analysis/imports';
import type { RuleContext } from '../../lint/rule';
import { exportedValue } from './module-values';

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
  for (const statement of target.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.exportClause;
    // `export * from` never passes a default on
    const element = clause && ts.isNamedExports(clause) ? clause.elements.find((candidate) => candidate.name.text === name) : undefined;
    const imported = clause ? element && (element.propertyName ?? element.name).text : name === 'default' ? undefined : name;
    if (!imported) continue;
    const found = importedValue(ctx, { module: statement.moduleSpecifier.text, imported }, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}
