import type ts from 'typescript';
import type { ImportBinding } from '../../analysis/imports';
import type { RuleContext } from '../../lint/rule';
import { exportedValue } from './module-values';

/**
 * What an import binds to in a project module (`import handleError from './error_handler'`,
 * `const { schemas } = require('./docs')`), read from that module's syntax; undefined for packages.
 */
export function importedValue(ctx: RuleContext, binding: ImportBinding, fromFile: string): ts.Node | undefined {
  const path = ctx.resolveModule(binding.module, fromFile);
  const target = path ? ctx.sourceFileOf(path) : undefined;
  return target ? exportedValue(target, binding.imported === '*' ? 'default' : binding.imported) : undefined;
}
