import { joinPath } from '../../../model/paths';
import { middlewareDir } from '../error-handler/layout';
import type { GeneratorContext } from '../types';

/**
 * The Express `validate` middleware module (`validate({ body?, query?, params? })` and the typed
 * `validated(res, part, schema)`): `src/middleware/validate.ts`, written when missing. A project
 * with its own `validate.ts` keeps it, and ours goes to `request-validation.ts` beside it.
 */
export function ensureValidateModule(context: GeneratorContext): string {
  const dir = middlewareDir(context);
  const preferred = `${dir}/validate.ts`;
  const content = context.render('validation/validate.ts.ejs');
  const existing = context.tree.read(joinPath(context.root, preferred));
  const ours = existing === undefined || isOurs(context, preferred);
  const module = ours ? preferred : `${dir}/request-validation.ts`;
  if (!ours) {
    context.note(`${preferred} is your own validation middleware and was kept; generated routes use ${module} (validate + validated) instead.`);
  }
  context.writeFile(module, content, { ifExists: 'keep' });
  return module;
}

/** Our module exports both `validate` and `validated`. */
function isOurs(context: GeneratorContext, relative: string): boolean {
  const sourceFile = context.ast().getSourceFile(joinPath(context.root, relative));
  const exported = sourceFile.getExportedDeclarations();
  return exported.has('validate') && exported.has('validated');
}
