import { Node, SyntaxKind } from 'ts-morph';
import { joinPath } from '../../../model/paths';
import { middlewareDir, pluginsDir } from '../error-handler/layout';
import type { GeneratorContext } from '../types';

/** How generated routes require an authenticated user, when the project has the `auth` generator's guards. */
export type AuthGuard =
  /** Express: `requireAuth` middleware from the guards module. */
  | { framework: 'express'; module: string; guard: string }
  /** Fastify: the `authenticate` decorator the auth plugin adds (used as `onRequest: [app.authenticate]`). */
  | { framework: 'fastify'; module: string; decorator: string };

const EXPRESS_GUARD_MODULES = ['src/auth/guards.ts', 'src/middleware/auth.ts', 'src/middlewares/auth.ts'];

function exportsName(context: GeneratorContext, relative: string, name: string): boolean {
  const path = joinPath(context.root, relative);
  if (!context.tree.exists(path)) return false;
  return context.ast().getSourceFile(path).getExportedDeclarations().has(name);
}

/** The project's auth guard: the `auth` generator's `requireAuth` (Express) or `authenticate` decorator (Fastify). */
export function findAuthGuard(context: GeneratorContext): AuthGuard | undefined {
  if (context.flavour.framework === 'express') {
    const candidates = [...new Set([...EXPRESS_GUARD_MODULES, `${middlewareDir(context)}/auth.ts`])];
    const module = candidates.find((candidate) => exportsName(context, candidate, 'requireAuth'));
    return module ? { framework: 'express', module, guard: 'requireAuth' } : undefined;
  }
  for (const module of [...new Set([`${pluginsDir(context)}/auth.ts`, 'src/plugins/auth.ts', 'src/setup/auth.ts'])]) {
    const path = joinPath(context.root, module);
    if (!context.tree.exists(path)) continue;
    const sourceFile = context.ast().getSourceFile(path);
    // `app.decorate('authenticate', …)` plus the `declare module 'fastify'` augmentation that types it.
    const decorates = sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
      const callee = call.getExpression();
      const [name] = call.getArguments();
      return Node.isPropertyAccessExpression(callee) && callee.getName() === 'decorate' && name !== undefined && Node.isStringLiteral(name) && name.getLiteralValue() === 'authenticate';
    });
    if (decorates) return { framework: 'fastify', module, decorator: 'authenticate' };
  }
  return undefined;
}
