import ts from 'typescript';
import type { ImportBinding } from '../../analysis/imports';
import type { RuleContext } from '../../lint/rule';
import { exportedValue, reexportsOf } from './module-values';

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
